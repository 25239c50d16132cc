//! The `extract` job: walk the inputs, extract in parallel, write in input
//! order as articles finish. Files go through in batches, so memory stays
//! bounded by one batch however large the folder is, and the output is the
//! same whatever the thread count.

use crate::extract::Engine;
use crate::input::{InputError, InputOptions, Unit, Units, walk_inputs};
use crate::model::Article;
use crate::output::{OutputSet, Summary};
use rayon::prelude::*;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Files processed together; small enough to bound memory, large enough
/// to keep every thread busy.
const BATCH: usize = 256;

/// What one input turned into: the article, its size in bytes and the
/// notices about its input (rows of errors.csv), or why it has none.
pub type Outcome = Result<(Article, usize, Vec<InputError>), InputError>;

/// Called after each batch with (files done, files in all).
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

pub struct RunReport {
    pub summary: Summary,
    pub seconds: f64,
}

/// Run the whole job into `out_dir`.
pub fn run_extract(
    engine: &Engine,
    inputs: &[PathBuf],
    out_dir: &Path,
    pool: &rayon::ThreadPool,
    excel: bool,
    input: &InputOptions,
    progress: Progress,
) -> io::Result<RunReport> {
    let started = Instant::now();
    let (files, walk_errors) = walk_inputs(inputs);
    let mut out = OutputSet::create(out_dir, excel, engine.issuer_codes())?;
    let mut summary = Summary::default();
    for e in &walk_errors {
        out.write_error(e)?;
        summary.errors += 1;
    }
    let total = files.len();
    let mut units = Units::new(&files, input);
    loop {
        let batch: Vec<Unit> = units.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let outcomes = pool.install(|| process_batch(engine, &batch));
        for outcome in outcomes {
            match outcome {
                Ok((article, bytes, notices)) => {
                    out.write_article(&article)?;
                    summary.add(&article, bytes);
                    for n in &notices {
                        out.write_error(n)?;
                        summary.errors += 1;
                    }
                }
                Err(e) => {
                    out.write_error(&e)?;
                    summary.errors += 1;
                }
            }
        }
        progress(total - units.files_left(), total);
    }
    out.finish()?;
    Ok(RunReport {
        summary,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Read and extract a batch in parallel; results keep the batch's order.
pub fn process_batch(engine: &Engine, batch: &[Unit]) -> Vec<Outcome> {
    batch
        .par_iter()
        .map(|unit| process_unit(engine, unit))
        .collect()
}

fn process_unit(engine: &Engine, unit: &Unit) -> Outcome {
    let place = unit.place().to_string();
    let mut doc = unit.read()?;
    let notices = std::mem::take(&mut doc.notices)
        .iter()
        .map(|n| InputError::from_notice(&place, n))
        .collect();
    let bytes = doc.text.len();
    // A panic in one article must not end the run: it becomes an error row.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.process(&doc)))
        .map(|a| (a, bytes, notices))
        .map_err(|_| InputError {
            path: place,
            kind: "internal",
            message: "extraction failed here (a bug: please report it with the input)".into(),
        })
}
