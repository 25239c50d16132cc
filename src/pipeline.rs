//! The `extract` job: walk the inputs, extract in parallel, write in input
//! order as articles finish. Files go through in batches, so memory stays
//! bounded by one batch however large the folder is, and the output is the
//! same whatever the thread count.

use crate::extract::Engine;
use crate::input::{InputError, InputFile, read_document, walk_inputs};
use crate::model::Article;
use crate::output::{OutputSet, Summary};
use rayon::prelude::*;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Files processed together; small enough to bound memory, large enough
/// to keep every thread busy.
const BATCH: usize = 256;

/// What one input turned into.
pub type Outcome = Result<(Article, usize), InputError>;

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
    progress: Progress,
) -> io::Result<RunReport> {
    let started = Instant::now();
    let (files, walk_errors) = walk_inputs(inputs);
    let mut out = OutputSet::create(out_dir)?;
    let mut summary = Summary::default();
    for e in &walk_errors {
        out.write_error(e)?;
        summary.errors += 1;
    }
    let total = files.len();
    let mut done = 0;
    for batch in files.chunks(BATCH) {
        let outcomes = pool.install(|| process_batch(engine, batch));
        for outcome in outcomes {
            match outcome {
                Ok((article, bytes)) => {
                    out.write_article(&article)?;
                    summary.add(&article, bytes);
                }
                Err(e) => {
                    out.write_error(&e)?;
                    summary.errors += 1;
                }
            }
        }
        done += batch.len();
        progress(done, total);
    }
    out.finish()?;
    Ok(RunReport {
        summary,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Read and extract a batch in parallel; results keep the batch's order.
pub fn process_batch(engine: &Engine, batch: &[InputFile]) -> Vec<Outcome> {
    batch
        .par_iter()
        .map(|f| {
            let doc = read_document(f)?;
            let bytes = doc.text.len();
            // A panic in one article must not end the run: it becomes an error row.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.process(&doc)))
                .map(|a| (a, bytes))
                .map_err(|_| InputError {
                    path: f.display.clone(),
                    kind: "internal",
                    message: "extraction failed on this file (a bug: please report it with the file)".into(),
                })
        })
        .collect()
}
