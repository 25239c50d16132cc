//! The commands of split runs (`list`, `merge`, `stream --parts`): what
//! the command line does with them, kept out of `main.rs`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use vnextract::Engine;
use vnextract::input::{InputOptions, walk_inputs};
use vnextract::output::Layout;
use vnextract::split::units::{KeyedUnits, UnitLine, shard_files};
use vnextract::split::{Shard, merge, stage};

#[derive(clap::Args)]
pub struct ListArgs {
    /// Files or folders, as for `extract`.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// List only share K of N (as `extract --shard`).
    #[arg(long, value_name = "K/N", value_parser = Shard::parse)]
    shard: Option<Shard>,
    #[command(flatten)]
    records: super::RecordArgs,
}

#[derive(clap::Args)]
pub struct MergeArgs {
    /// Shard folders, or folders of part-* files.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output folder.
    #[arg(short, long)]
    output: PathBuf,
    /// Write into an output folder that holds other files too.
    #[arg(long)]
    force: bool,
    /// No summary line.
    #[arg(long)]
    quiet: bool,
}

/// `vnextract list PATH...`: every unit of the input as a JSON line, in
/// input order, with its key (the walk's errors first).
pub fn list(args: &ListArgs) -> ExitCode {
    let input: InputOptions = args.records.options();
    let shard = args.shard.unwrap_or(Shard::WHOLE);
    let (files, walk_errors) = walk_inputs(&args.paths);
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::new(stdout);
    let mut write = |line: &UnitLine| -> std::io::Result<()> {
        serde_json::to_writer(&mut out, line)?;
        out.write_all(b"\n")
    };
    let mut result = Ok(());
    if shard.reports_walk_errors() {
        for (e, n) in walk_errors.iter().zip(1..) {
            eprintln!("vnextract: {}: {}", e.path, e.message);
            let unit = vnextract::input::Unit::Failed(e.clone());
            result = result.and_then(|_| write(&UnitLine::of((0, n), &unit)));
        }
    }
    let any = !files.is_empty();
    let (files, indices) = shard_files(files, shard);
    for (key, unit) in KeyedUnits::new(&files, indices, &input) {
        if result.is_err() {
            break;
        }
        result = write(&UnitLine::of(key, &unit));
    }
    let result = result.and_then(|_| out.flush());
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vnextract: {e}");
            ExitCode::from(1)
        }
        Ok(()) if !any => {
            eprintln!("vnextract: no articles found in the inputs");
            ExitCode::from(1)
        }
        Ok(()) => ExitCode::SUCCESS,
    }
}

/// `vnextract merge DIR... -o DIR`.
pub fn merge(args: &MergeArgs) -> ExitCode {
    let (inputs, output, force, quiet) =
        (&args.inputs, args.output.as_path(), args.force, args.quiet);
    let started = std::time::Instant::now();
    match merge::run_merge(inputs, output, force) {
        Ok(done) => {
            if !quiet {
                eprintln!("{}", done.summary.line(started.elapsed().as_secs_f64()));
            }
            if done.summary.errors > 0 {
                eprintln!(
                    "vnextract: {} inputs could not be read: see {}",
                    done.summary.errors,
                    output.join("errors.csv").display()
                );
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(merge::MergeError::Refused(msg)) => {
            eprintln!("vnextract: {msg}");
            ExitCode::from(2)
        }
        Err(merge::MergeError::Io(e)) => {
            eprintln!(
                "vnextract: merge failed: {e}; the previous outputs in {} are unchanged",
                output.display()
            );
            ExitCode::from(2)
        }
    }
}

/// `vnextract stream --parts K/N`.
pub fn stream_parts(
    engine: &Engine,
    pool: &rayon::ThreadPool,
    layout: &Layout,
    shard: Shard,
) -> ExitCode {
    let stdin = std::io::BufReader::new(std::io::stdin());
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let never = AtomicBool::new(false);
    match stage::run_parts(engine, pool, layout, shard, stdin, stdout, &never) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vnextract: {e}");
            ExitCode::from(1)
        }
    }
}
