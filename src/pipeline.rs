//! The `extract` job: walk the inputs, extract in parallel, write in input
//! order as articles finish. Files go through in batches, so memory stays
//! bounded by one batch however large the folder is, and the output is the
//! same whatever the thread count.

use crate::extract::Engine;
use crate::input::{InputError, InputFile, read_document, walk_inputs};
use crate::model::Article;
use crate::output::{OutputSet, Summary};
use rayon::prelude::*;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
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

/// One unit of work: an article file, or one record of a JSON Lines file.
pub enum Item {
    File(InputFile),
    Record {
        source: String,
        line: usize,
        text: Result<String, String>,
    },
    Failed(InputError),
}

/// The work items of a run, read lazily so that a large JSON Lines input
/// is never held in memory whole.
struct Items<'a> {
    files: std::slice::Iter<'a, InputFile>,
    records: Option<(String, std::io::Split<BufReader<File>>, usize)>,
}

impl Iterator for Items<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some((source, lines, n)) = &mut self.records {
                match lines.next() {
                    Some(line) => {
                        *n += 1;
                        let text = line.map_err(|e| e.to_string()).and_then(|b| {
                            String::from_utf8(b).map_err(|_| "not valid UTF-8".to_string())
                        });
                        if text.as_ref().is_ok_and(|t| t.trim().is_empty()) {
                            continue;
                        }
                        return Some(Item::Record {
                            source: source.clone(),
                            line: *n,
                            text,
                        });
                    }
                    None => self.records = None,
                }
            }
            let f = self.files.next()?;
            if !f.records {
                return Some(Item::File(f.clone()));
            }
            match File::open(&f.path) {
                Ok(file) => {
                    self.records = Some((f.display.clone(), BufReader::new(file).split(b'\n'), 0))
                }
                Err(e) => {
                    return Some(Item::Failed(InputError {
                        path: f.display.clone(),
                        kind: "unreadable",
                        message: e.to_string(),
                    }));
                }
            }
        }
    }
}

/// Run the whole job into `out_dir`.
pub fn run_extract(
    engine: &Engine,
    inputs: &[PathBuf],
    out_dir: &Path,
    pool: &rayon::ThreadPool,
    excel: bool,
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
    let mut items = Items {
        files: files.iter(),
        records: None,
    };
    loop {
        let batch: Vec<Item> = items.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let outcomes = pool.install(|| process_batch(engine, &batch));
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
        progress(total - items.files.len(), total);
    }
    out.finish()?;
    Ok(RunReport {
        summary,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Read and extract a batch in parallel; results keep the batch's order.
pub fn process_batch(engine: &Engine, batch: &[Item]) -> Vec<Outcome> {
    batch
        .par_iter()
        .map(|item| process_item(engine, item))
        .collect()
}

fn process_item(engine: &Engine, item: &Item) -> Outcome {
    let (doc, place) = match item {
        Item::File(f) => (read_document(f)?, f.display.clone()),
        Item::Record { source, line, text } => {
            let place = format!("{source}:{line}");
            let bad = |message: String| InputError {
                path: place.clone(),
                kind: "bad-record",
                message,
            };
            let mut doc = text
                .as_deref()
                .map_err(|e| bad(e.to_string()))
                .and_then(|t| crate::stream::parse_record(t).map_err(bad))?;
            doc.path = Some(source.clone());
            (doc, place)
        }
        Item::Failed(e) => return Err(e.clone()),
    };
    let bytes = doc.text.len();
    // A panic in one article must not end the run: it becomes an error row.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.process(&doc)))
        .map(|a| (a, bytes))
        .map_err(|_| InputError {
            path: place,
            kind: "internal",
            message: "extraction failed here (a bug: please report it with the input)".into(),
        })
}
