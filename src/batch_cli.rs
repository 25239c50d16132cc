//! The batch commands of the command line (`gather`, `gather --merge`,
//! `stream --batch`, the first pass of `extract`): arguments to library
//! calls (see `vnextract::batch`).

use super::{Command, Common};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use vnextract::batch::{self, Gathered};
use vnextract::evidence::Evidence;
use vnextract::{Engine, Options, RuleSources};

/// The rule files and the options of a run, with the evidence files of
/// `--evidence` read (exit 2 when one cannot be).
pub fn sources_and_options(common: &Common) -> Result<(RuleSources, Options), String> {
    let sources = match &common.rules {
        Some(dir) => RuleSources::with_override(dir).map_err(|e| e.to_string())?,
        None => RuleSources::embedded(),
    };
    let evidence = if common.evidence.is_empty() {
        None
    } else {
        Some(std::sync::Arc::new(batch::read_evidence_files(
            &common.evidence,
        )?))
    };
    let options = Options {
        reference_date: common.reference_date,
        relative_dates: common.relative_dates,
        evidence,
    };
    Ok((sources, options))
}

/// The worker pool: `--threads`, else the cores this process may use
/// (cgroup and affinity limits included).
pub fn pool(threads: Option<usize>) -> Result<rayon::ThreadPool, String> {
    let threads = match threads {
        Some(0) => return Err("--threads must be at least 1".into()),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| e.to_string())
}

fn fail(msg: &str, code: u8) -> ExitCode {
    eprintln!("vnextract: {msg}");
    ExitCode::from(code)
}

/// `extract`'s first pass: gather over all inputs, then the engine that
/// uses the evidence (errors of reading are left to the extraction pass,
/// which reports them).
pub fn with_batch_evidence(
    first: Engine,
    pool: &rayon::ThreadPool,
    paths: &[PathBuf],
    input: &vnextract::input::InputOptions,
    common: &Common,
) -> Result<Engine, ExitCode> {
    let (sources, options) = sources_and_options(common).map_err(|m| fail(&m, 2))?;
    let never = AtomicBool::new(false);
    let gathered = batch::gather_files(&first, pool, paths, input, &never)
        .map_err(|_| fail("interrupted while gathering batch evidence", 130))?;
    drop(first);
    batch::engine_with(&sources, &options, gathered.evidence).map_err(|e| fail(&e.to_string(), 2))
}

/// `stream --batch`.
pub fn stream_batch(common: &Common) -> ExitCode {
    let setup = sources_and_options(common).and_then(|(s, o)| Ok((s, o, pool(common.threads)?)));
    let (sources, options, pool) = match setup {
        Ok(x) => x,
        Err(m) => return fail(&m, 2),
    };
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let never = AtomicBool::new(false);
    match batch::stream_batch(&sources, &options, &pool, std::io::stdin(), stdout, &never) {
        Ok(()) => ExitCode::SUCCESS,
        Err(batch::BatchError::Rules(e)) => fail(&e.to_string(), 2),
        Err(batch::BatchError::Io(e)) => fail(&e.to_string(), 1),
    }
}

/// `gather PATH... -o FILE` and `gather --merge FILE... -o FILE`.
pub fn gather(command: Command) -> ExitCode {
    let Command::Gather {
        paths,
        output,
        merge,
        records,
        common,
    } = command
    else {
        unreachable!("called for `gather` only")
    };
    if merge {
        return match batch::read_evidence_files(&paths) {
            Ok(ev) => write(&ev, &output),
            Err(m) => fail(&m, 2),
        };
    }
    if !common.evidence.is_empty() {
        return fail(
            "`gather` reads articles, not evidence: use `gather --merge FILE...` to merge evidence files",
            2,
        );
    }
    let setup = sources_and_options(&common).and_then(|(s, o)| Ok((s, o, pool(common.threads)?)));
    let (sources, options, pool) = match setup {
        Ok(x) => x,
        Err(m) => return fail(&m, 2),
    };
    let engine = match Engine::new(&sources, options) {
        Ok(e) => e,
        Err(e) => return fail(&e.to_string(), 2),
    };
    let never = AtomicBool::new(false);
    if paths.len() == 1 && paths[0].as_os_str() == "-" {
        let stdin = std::io::BufReader::new(std::io::stdin());
        return match batch::gather_records(&engine, &pool, stdin, &never) {
            Ok(ev) => write(&ev, &output),
            Err(e) => fail(&e.to_string(), 1),
        };
    }
    let input = records.options();
    let Ok(Gathered {
        evidence,
        articles,
        errors,
    }) = batch::gather_files(&engine, &pool, &paths, &input, &never)
    else {
        return fail("interrupted", 130);
    };
    for e in &errors {
        eprintln!("vnextract: {}: {}", e.path, e.message);
    }
    if articles == 0 {
        return fail("no articles found to gather evidence from", 1);
    }
    let code = write(&evidence, &output);
    if std::io::stderr().is_terminal() {
        eprintln!(
            "vnextract: {} rows of evidence from {articles} articles",
            evidence.len()
        );
    }
    if code == ExitCode::SUCCESS && !errors.is_empty() {
        return ExitCode::from(1);
    }
    code
}

fn write(evidence: &Evidence, output: &std::path::Path) -> ExitCode {
    match batch::write_evidence_file(evidence, output) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot write {}: {e}", output.display()), 2),
    }
}
