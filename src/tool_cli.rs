//! The commands that look after the rules rather than read articles:
//! `rules check|export` and `learn`.

use crate::{Command, RulesAction};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::process::ExitCode;
use vnextract::RuleSources;

/// `rules check` (exit 0, 1 when an example fails, 2 when a file does not
/// load) and `rules export` (exit 2 when it would overwrite, 1 when a
/// write fails).
pub fn rules(action: &RulesAction) -> ExitCode {
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

pub fn learn(command: Command) -> ExitCode {
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
