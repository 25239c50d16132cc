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
        common: Common,
    },
    /// JSON Lines records {"id","text","date"?,"title"?} on stdin, contract lines on stdout.
    Stream {
        #[command(flatten)]
        common: Common,
    },
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
        Command::Learn { .. } => return learn(cli.command),
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
            ..
        } => extract(&engine, &pool, &paths, &output, quiet, excel),
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
        Command::Learn { .. } => unreachable!("`learn` returns before the engine is built"),
    }
}

fn extract(
    engine: &Engine,
    pool: &rayon::ThreadPool,
    paths: &[PathBuf],
    out: &Path,
    quiet: bool,
    excel: bool,
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
    match vnextract::pipeline::run_extract(engine, paths, out, pool, excel, &progress) {
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

// --- `learn` ---------------------------------------------------------------

fn learn(command: Command) -> ExitCode {
    let Command::Learn {
        paths,
        output,
        rules,
        threads,
        quiet,
    } = command
    else {
        return ExitCode::from(2);
    };
    let sources = match &rules {
        Some(dir) => RuleSources::with_override(dir),
        None => Ok(RuleSources::embedded()),
    };
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        if n == 0 {
            eprintln!("vnextract: --threads must be at least 1");
            return ExitCode::from(2);
        }
        pool = pool.num_threads(n);
    }
    let (sources, pool) = match (sources, pool.build()) {
        (Ok(s), Ok(p)) => (s, p),
        (Err(e), _) => {
            eprintln!("vnextract: {e}");
            return ExitCode::from(2);
        }
        (_, Err(e)) => {
            eprintln!("vnextract: {e}");
            return ExitCode::from(2);
        }
    };
    let bar = ProgressBar::hidden();
    if !quiet && std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("pass {msg}/3 {bar:40} {pos}/{len} files eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
    }
    let progress = |pass: usize, done: usize, total: usize| {
        bar.set_message(pass.to_string());
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    };
    let job = vnextract::learn::LearnJob {
        inputs: &paths,
        out_dir: &output,
        rules_dir: rules.as_deref(),
    };
    match vnextract::learn::run_learn(&sources, &job, &pool, &progress) {
        Ok(report) => {
            bar.finish_and_clear();
            for e in &report.errors {
                eprintln!("vnextract: {}: {} ({})", e.path, e.message, e.kind);
            }
            if !quiet {
                let files: Vec<String> = report
                    .files
                    .iter()
                    .map(|(f, n)| format!("{f} {n} rows"))
                    .collect();
                eprintln!(
                    "{} articles, {:.1} MB in {:.1} s; {}: {}",
                    report.articles,
                    report.bytes as f64 / 1e6,
                    report.seconds,
                    output.display(),
                    files.join(", ")
                );
            }
            if report.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            bar.finish_and_clear();
            eprintln!("vnextract: {e}");
            ExitCode::from(2)
        }
    }
}
