//! The command line: parses arguments and calls the library.

mod batch_cli;
mod split_cli;
mod tool_cli;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use vnextract::Engine;
use vnextract::extract::calendar::Ymd;
use vnextract::output::{ContextMode, Layout, RenderOptions, Selection};
use vnextract::pipeline::{ExtractJob, RunError};
use vnextract::split::Shard;

// Extraction allocates many small, short-lived strings and vectors on every
// worker thread: mimalloc's per-thread heaps spend less time on them than
// the system allocator does (see benches/run.sh).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "vnextract",
    version,
    about = "Dates, people, titles, units and cited documents from Vietnamese news"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct Common {
    /// Folder of rule files replacing the built-in ones (same relative paths).
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Date of the articles that carry none, to give a year to dates written without one.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    reference_date: Option<Ymd>,
    /// Also report relative dates (`hôm qua`, `tuần trước`) resolved against the article date.
    #[arg(long)]
    relative_dates: bool,
    /// Worker threads (default: the cores this process may use).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Batch evidence file(s) written by `vnextract gather` (several are merged).
    #[arg(long, value_name = "FILE")]
    evidence: Vec<PathBuf>,
    /// An article longer than this (in MB of text) is read in sections cut at
    /// paragraph, line or sentence ends, offsets still into the whole text.
    #[arg(long, value_name = "MB", default_value_t = 4.0, value_parser = parse_megabytes)]
    max_article_mb: f64,
}

/// A positive number of megabytes.
fn parse_megabytes(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(mb) if mb.is_finite() && mb > 0.0 => Ok(mb),
        _ => Err(format!("`{s}` is not a size in MB above 0 (e.g. 4 or 0.5)")),
    }
}

/// Bytes in `mb` megabytes (MiB).
fn megabytes(mb: f64) -> usize {
    (mb * (1u64 << 20) as f64).min(usize::MAX as f64) as usize
}

/// How records files (`.jsonl`, `.json`) name their fields.
#[derive(clap::Args)]
struct RecordArgs {
    /// Field holding a record's id (dotted for nested: `meta.id`).
    #[arg(long, value_name = "FIELD", default_value = "id")]
    id_field: String,
    /// Field(s) holding the text, joined with a line break: `title,sapo,body`.
    #[arg(
        long,
        value_name = "FIELDS",
        default_value = "text",
        value_delimiter = ','
    )]
    text_field: Vec<String>,
    /// Field holding the publication date (ISO, dd/mm/yyyy, yyyymmdd, RFC 2822, Unix time...).
    #[arg(long, value_name = "FIELD", default_value = "date")]
    date_field: String,
    /// Field holding the headline.
    #[arg(long, value_name = "FIELD", default_value = "title")]
    title_field: String,
}

impl RecordArgs {
    fn options(&self) -> vnextract::input::InputOptions {
        vnextract::input::InputOptions {
            fields: vnextract::input::RecordFields {
                id: self.id_field.clone(),
                text: self.text_field.clone(),
                date: self.date_field.clone(),
                title: self.title_field.clone(),
            },
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Read files and folders of articles; write JSON Lines and CSV files.
    Extract {
        /// Files or folders (read recursively; hidden files skipped).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output folder.
        #[arg(short, long, default_value = "vnextract-out")]
        output: PathBuf,
        /// No progress bar and no summary line.
        #[arg(long)]
        quiet: bool,
        /// Also write every table as a sheet of `vnextract.xlsx`.
        #[arg(long)]
        excel: bool,
        /// Write into an output folder that holds other files too (they are left alone).
        #[arg(long)]
        force: bool,
        /// What the `context` column of mention tables holds: `window` (about 80
        /// characters each side of the mention), `sentence` or `none`.
        #[arg(long, value_name = "MODE", default_value = "window", value_parser = ContextMode::parse)]
        context: ContextMode,
        /// The tables to write, comma-separated: date, person, title, unit,
        /// resolution, sentence, or all (default: every entity type, no sentence table).
        #[arg(long, value_name = "LIST", value_parser = Selection::parse)]
        types: Option<Selection>,
        /// Read only share K of N of the input (split by a stable hash of each
        /// file's relative path) and write `shard.jsonl` for `vnextract merge`.
        #[arg(long, value_name = "K/N", value_parser = Shard::parse)]
        shard: Option<Shard>,
        /// One pass only: no batch evidence gathered first over all inputs.
        #[arg(long)]
        no_batch: bool,
        #[command(flatten)]
        records: RecordArgs,
        #[command(flatten)]
        common: Common,
    },
    /// JSON Lines records {"id","text","date"?,"title"?} on stdin, contract lines on stdout.
    Stream {
        /// Read the unit lines of `vnextract list` and write part lines for
        /// `vnextract merge` (share K of N of a cluster job).
        #[arg(long, value_name = "K/N", value_parser = Shard::parse, conflicts_with = "batch")]
        parts: Option<Shard>,
        /// Read all records first (spilled to a temporary file), gather their
        /// batch evidence, then extract them with it.
        #[arg(long)]
        batch: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Gather batch evidence (names seen with a cue, abbreviations defined) into a file.
    Gather {
        /// Files or folders read like `extract` (`-`: JSON Lines records on
        /// stdin); with --merge, evidence files to merge.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The evidence file to write (`-`: stdout).
        #[arg(short, long)]
        output: PathBuf,
        /// The paths are evidence files: write their merge (sum of counts).
        #[arg(long)]
        merge: bool,
        #[command(flatten)]
        records: RecordArgs,
        #[command(flatten)]
        common: Common,
    },
    /// The input's articles (files, records) as JSON lines in input order,
    /// for a cluster job to hand out to `stream --parts`.
    List(split_cli::ListArgs),
    /// Put the output folders of `extract --shard` (or the part files of
    /// `stream --parts`) together into the output of one run.
    Merge(split_cli::MergeArgs),
    /// Mine a corpus for names and counts; write them as lexicon files (rules/learned/).
    Learn {
        /// Corpus files or folders (read like `extract` reads them).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Folder for the learned .csv files.
        #[arg(short, long)]
        output: PathBuf,
        /// Folder of word lists replacing the built-in ones (same relative paths).
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
        /// Worker threads (default: all cores); the files do not depend on it.
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
        /// No progress bar and no summary.
        #[arg(long)]
        quiet: bool,
    },
    /// Check the rule files against their examples, or write the built-in ones out.
    Rules {
        #[command(subcommand)]
        action: RulesAction,
    },
}

#[derive(Subcommand)]
enum RulesAction {
    /// Load every rule file and run every example through the engine.
    Check {
        /// Folder of rule files replacing the built-in ones (same relative paths).
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
    /// Write the built-in rule files into DIR, to edit and pass back with --rules DIR.
    Export {
        dir: PathBuf,
        /// Replace files that already exist.
        #[arg(long)]
        force: bool,
    },
}

fn parse_date(s: &str) -> Result<Ymd, String> {
    Ymd::parse(s)
        .filter(|_| s.len() == 10)
        .ok_or_else(|| format!("`{s}` is not a date YYYY-MM-DD"))
}

/// Everything that can go wrong before any output is written: exit 2.
fn setup(common: &Common) -> Result<(Engine, rayon::ThreadPool), String> {
    let (sources, options) = batch_cli::sources_and_options(common)?;
    let engine = Engine::new(&sources, options).map_err(|e| e.to_string())?;
    Ok((engine, batch_cli::pool(common.threads)?))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let common = match &cli.command {
        Command::Rules { action } => return tool_cli::rules(action),
        Command::Gather { .. } => return batch_cli::gather(cli.command),
        Command::Stream {
            batch: true,
            common,
            ..
        } => return batch_cli::stream_batch(common),
        Command::Extract { common, .. } | Command::Stream { common, .. } => common,
        Command::Learn { .. } => return tool_cli::learn(cli.command),
        Command::List(args) => return split_cli::list(args),
        Command::Merge(args) => return split_cli::merge(args),
    };
    let (engine, pool) = match setup(common) {
        Ok(x) => x,
        Err(msg) => {
            eprintln!("vnextract: {msg}");
            return ExitCode::from(2);
        }
    };
    match cli.command {
        Command::Extract {
            paths,
            output,
            quiet,
            excel,
            force,
            context,
            types,
            shard,
            no_batch,
            records,
            common,
        } => {
            let layout = Layout::new(RenderOptions {
                selection: types.unwrap_or_default(),
                context,
                excel,
            });
            let options = run_options(&paths, &output, &layout, &common);
            let run = Run {
                quiet,
                force,
                shard,
                reference_given: common.reference_date.is_some(),
            };
            let input = records.options();
            let engine = if no_batch || !common.evidence.is_empty() {
                engine
            } else {
                match batch_cli::with_batch_evidence(engine, &pool, &paths, &input, &common) {
                    Ok(e) => e,
                    Err(code) => return code,
                }
            };
            extract(
                &engine, &pool, &paths, &input, &output, layout, options, run,
            )
        }
        Command::Rules { .. } => unreachable!("handled before the engine is built"),
        Command::Stream {
            parts: Some(shard), ..
        } => split_cli::stream_parts(
            &engine,
            &pool,
            &Layout::new(RenderOptions::default()),
            shard,
        ),
        Command::Stream { .. } => {
            let stdin = std::io::BufReader::new(std::io::stdin());
            let stdout = std::io::BufWriter::new(std::io::stdout().lock());
            let never = AtomicBool::new(false);
            match vnextract::stream::run_stream(&engine, &pool, stdin, stdout, &never) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("vnextract: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Learn { .. } | Command::Gather { .. } | Command::List(_) | Command::Merge(_) => {
            unreachable!("handled before the engine is built")
        }
    }
}

/// The options that shape the output, as listed on the summary sheet
/// (not the thread count: it changes nothing in the output).
fn run_options(
    paths: &[PathBuf],
    output: &Path,
    layout: &Layout,
    common: &Common,
) -> Vec<(String, String)> {
    let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let o = &layout.options;
    vec![
        ("inputs".into(), shown.join(" ")),
        ("output".into(), output.display().to_string()),
        ("types".into(), o.selection.describe()),
        ("context".into(), o.context.as_str().into()),
        (
            "reference-date".into(),
            common
                .reference_date
                .map_or("none".into(), |d| d.to_string()),
        ),
        ("relative-dates".into(), common.relative_dates.to_string()),
        (
            "rules".into(),
            common
                .rules
                .as_ref()
                .map_or("built-in".into(), |r| r.display().to_string()),
        ),
        ("version".into(), env!("CARGO_PKG_VERSION").into()),
    ]
}

struct Run {
    quiet: bool,
    force: bool,
    shard: Option<Shard>,
    reference_given: bool,
}

/// SIGINT and SIGTERM raise `cancel` (and record which came); a second one
/// ends the process at once.
fn on_signals(cancel: &Arc<AtomicBool>, which: &Arc<AtomicUsize>) {
    use signal_hook::consts::{SIGINT, SIGTERM};
    for sig in [SIGINT, SIGTERM] {
        let _ =
            signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(cancel));
        let _ = signal_hook::flag::register_usize(sig, Arc::clone(which), sig as usize);
        let _ = signal_hook::flag::register(sig, Arc::clone(cancel));
    }
}

#[allow(clippy::too_many_arguments)]
fn extract(
    engine: &Engine,
    pool: &rayon::ThreadPool,
    paths: &[PathBuf],
    input: &vnextract::input::InputOptions,
    out: &Path,
    layout: Layout,
    options: Vec<(String, String)>,
    run: Run,
) -> ExitCode {
    let cancel = Arc::new(AtomicBool::new(false));
    let which = Arc::new(AtomicUsize::new(0));
    on_signals(&cancel, &which);
    let show = !run.quiet && std::io::stderr().is_terminal();
    let bar = ProgressBar::hidden();
    if show {
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
    }
    let progress = |done: usize, total: usize| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    };
    let notice = |msg: &str| bar.suspend(|| eprintln!("vnextract: {msg}"));
    let job = ExtractJob {
        inputs: paths,
        input,
        out_dir: out,
        layout,
        force: run.force,
        shard: run.shard,
        options,
        cancel: &cancel,
        progress: &progress,
        notice: &notice,
    };
    let result = vnextract::pipeline::run_extract(engine, pool, job);
    bar.finish_and_clear();
    let report = match result {
        Ok(report) => report,
        Err(RunError::NoInput(msg)) => {
            eprintln!("vnextract: {msg}");
            return ExitCode::from(1);
        }
        Err(RunError::Refused(msg)) => {
            eprintln!("vnextract: {msg}");
            return ExitCode::from(2);
        }
        Err(RunError::Io(e)) => {
            eprintln!(
                "vnextract: cannot write to {}: {e}; the previous outputs there are unchanged",
                out.display()
            );
            return ExitCode::from(2);
        }
        Err(RunError::Interrupted) => {
            eprintln!(
                "vnextract: interrupted; the previous outputs in {} are unchanged",
                out.display()
            );
            let sig = which.load(Ordering::Relaxed).clamp(1, 127);
            return ExitCode::from(128 + sig as u8);
        }
    };
    let done = &report.finished;
    let s = &done.summary;
    if !run.quiet {
        eprintln!("{}", s.line(report.seconds));
    }
    if let Some(note) = s.year_note(run.reference_given) {
        eprintln!("vnextract: {note}");
    }
    if !done.removed.is_empty() {
        eprintln!(
            "vnextract: removed {} of an earlier run (not written by this one)",
            done.removed.join(", ")
        );
    }
    if done.cut_cells > 0 {
        eprintln!(
            "vnextract: {} workbook cells were longer than Excel allows (32,767 characters) \
             and were cut; the CSV files have them whole",
            done.cut_cells
        );
    }
    if !done.extra_sheets.is_empty() {
        eprintln!(
            "vnextract: tables longer than an Excel sheet go on in {}",
            done.extra_sheets.join(", ")
        );
    }
    if s.articles == 0 && s.errors == 0 && run.shard.is_some() {
        // A share may hold nothing of a small input; it still merges.
        eprintln!("vnextract: this share holds none of the input's articles");
        return ExitCode::SUCCESS;
    }
    if s.articles == 0 {
        eprintln!(
            "vnextract: no article could be read from {}; see {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            out.join("errors.csv").display()
        );
        return ExitCode::from(1);
    }
    if s.errors > 0 {
        eprintln!(
            "vnextract: {} inputs could not be read: see {}",
            s.errors,
            out.join("errors.csv").display()
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

// --- `learn` ---------------------------------------------------------------
