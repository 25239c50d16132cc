//! The command line: parses arguments and calls the library.

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vnextract::extract::calendar::Ymd;
use vnextract::{Engine, Options, RuleSources};

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
    /// Article date for documents that carry none (year inference).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    reference_date: Option<Ymd>,
    /// Also report relative dates (`hôm qua`, `tuần trước`) resolved against the article date.
    #[arg(long)]
    relative_dates: bool,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
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
        #[command(flatten)]
        records: RecordArgs,
        #[command(flatten)]
        common: Common,
    },
    /// JSON Lines records {"id","text","date"?,"title"?} on stdin, contract lines on stdout.
    Stream {
        #[command(flatten)]
        common: Common,
    },
    /// Check or export the rule files.
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
    let sources = match &common.rules {
        Some(dir) => RuleSources::with_override(dir).map_err(|e| e.to_string())?,
        None => RuleSources::embedded(),
    };
    let options = Options {
        reference_date: common.reference_date,
        relative_dates: common.relative_dates,
    };
    let engine = Engine::new(&sources, options).map_err(|e| e.to_string())?;
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = common.threads {
        if n == 0 {
            return Err("--threads must be at least 1".into());
        }
        pool = pool.num_threads(n);
    }
    let pool = pool.build().map_err(|e| e.to_string())?;
    Ok((engine, pool))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let common = match &cli.command {
        Command::Extract { common, .. } | Command::Stream { common } => common,
        Command::Rules { action } => return rules(action),
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
            records,
            ..
        } => extract(
            &engine,
            &pool,
            &paths,
            &output,
            quiet,
            excel,
            &records.options(),
        ),
        Command::Rules { .. } => unreachable!("handled before the engine is built"),
        Command::Stream { .. } => {
            let stdin = std::io::stdin().lock();
            let stdout = std::io::BufWriter::new(std::io::stdout().lock());
            match vnextract::stream::run_stream(&engine, &pool, stdin, stdout) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("vnextract: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// `rules check` (exit 0, 1 when an example fails, 2 when a file does not
/// load) and `rules export` (exit 2 when it would overwrite, 1 when a
/// write fails).
fn rules(action: &RulesAction) -> ExitCode {
    match action {
        RulesAction::Check { rules } => {
            let sources = match rules {
                Some(dir) => RuleSources::with_override(dir),
                None => Ok(RuleSources::embedded()),
            };
            match sources.and_then(|s| vnextract::check::check_rules(&s)) {
                Err(e) => {
                    eprintln!("vnextract: {e}");
                    ExitCode::from(2)
                }
                Ok(report) => {
                    for failure in &report.failures {
                        println!("{failure}");
                    }
                    println!("{}", report.summary());
                    if report.passed() {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(1)
                    }
                }
            }
        }
        RulesAction::Export { dir, force } => {
            use vnextract::rules::export::{ExportError, export};
            match export(&RuleSources::embedded(), dir, *force) {
                Ok(written) => {
                    eprintln!("wrote {} rule files to {}", written.len(), dir.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("vnextract: {e}");
                    match e {
                        ExportError::Exists(_) => ExitCode::from(2),
                        ExportError::Io(..) => ExitCode::from(1),
                    }
                }
            }
        }
    }
}

fn extract(
    engine: &Engine,
    pool: &rayon::ThreadPool,
    paths: &[PathBuf],
    out: &Path,
    quiet: bool,
    excel: bool,
    input: &vnextract::input::InputOptions,
) -> ExitCode {
    let show = !quiet && std::io::stderr().is_terminal();
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
    match vnextract::pipeline::run_extract(engine, paths, out, pool, excel, input, &progress) {
        Ok(report) => {
            bar.finish_and_clear();
            if !quiet {
                eprintln!("{}", report.summary.line(report.seconds));
            }
            if report.summary.errors > 0 {
                if !quiet {
                    eprintln!(
                        "see {} for the inputs that could not be read",
                        out.join("errors.csv").display()
                    );
                }
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            bar.finish_and_clear();
            eprintln!("vnextract: cannot write to {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}
