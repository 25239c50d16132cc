//! The `extract` job: walk the inputs, extract in parallel, write in input
//! order as articles finish.
//!
//! Workers (the rayon pool's threads) take items in input order, read,
//! extract and render them, and send the result to the writer (the calling
//! thread), which appends results in input order while the workers go on:
//! writing overlaps extraction. A window bounds how far the workers may
//! run ahead of the writer (in items, and in bytes of results waiting), so
//! memory stays bounded however large the input, and a slow article holds
//! back only the output after it, never the workers, until the window is
//! full. The output is the same whatever the thread count.

use crate::extract::Engine;
use crate::input::large::{TextChunks, open_large};
use crate::input::{InputError, InputOptions, Unit, walk_inputs};
use crate::model::Document;
use crate::output::files::OutputDir;
use crate::output::sectioned::SectionedArticle;
use crate::output::{Finished, Layout, OutputSet, Rendered, render};
use crate::split::units::{KeyedUnits, shard_files};
use crate::split::{Header, Shard};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, mpsc};
use std::time::Instant;

/// Items the workers may run ahead of the writer.
pub const WINDOW: usize = 1024;
/// Bytes of finished results that may wait for their turn before the
/// workers pause (one result is always allowed, however large).
pub const WINDOW_BYTES: usize = 64 << 20;

/// Called by the writer with (files done, files in all).
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// Why [`ordered`] stopped early.
#[derive(Debug)]
pub enum Stop<E> {
    /// The cancel flag was raised (a signal).
    Cancelled,
    /// `consume` failed.
    Failed(E),
}

/// Run `work` over `items` on the pool's threads; hand each result to
/// `consume` on the calling thread, in input order. At most `window` items
/// are in work or waiting, and finished results waiting hold at most
/// `window_bytes` (as measured by `weight`). Stops, starting no new item,
/// when `cancel` is raised or `consume` fails.
#[allow(clippy::too_many_arguments)]
pub fn ordered<I, O, E>(
    pool: &rayon::ThreadPool,
    items: impl Iterator<Item = I> + Send,
    window: usize,
    window_bytes: usize,
    cancel: &AtomicBool,
    work: impl Fn(I) -> O + Sync,
    weight: impl Fn(&O) -> usize + Sync,
    mut consume: impl FnMut(O) -> Result<(), E>,
) -> Result<(), Stop<E>>
where
    I: Send,
    O: Send,
{
    struct Room {
        written: usize,
        waiting_bytes: usize,
        stop: bool,
    }
    let source = Mutex::new((items, 0usize));
    let room = Mutex::new(Room {
        written: 0,
        waiting_bytes: 0,
        stop: false,
    });
    let freed = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, O)>();
    let stopped = || cancel.load(Ordering::Relaxed);
    let worker = |tx: mpsc::Sender<(usize, O)>| {
        loop {
            let (seq, item) = {
                let mut src = source.lock().unwrap_or_else(|e| e.into_inner());
                let mut r = room.lock().unwrap_or_else(|e| e.into_inner());
                while !r.stop
                    && !stopped()
                    && (src.1 >= r.written + window || r.waiting_bytes >= window_bytes)
                {
                    r = freed.wait(r).unwrap_or_else(|e| e.into_inner());
                }
                if r.stop || stopped() {
                    return;
                }
                drop(r);
                let Some(item) = src.0.next() else {
                    return;
                };
                src.1 += 1;
                (src.1 - 1, item)
            };
            let out = work(item);
            room.lock().unwrap_or_else(|e| e.into_inner()).waiting_bytes += weight(&out);
            if tx.send((seq, out)).is_err() {
                return;
            }
        }
    };
    let worker = &worker;
    std::thread::scope(|s| {
        let workers = pool.current_num_threads();
        s.spawn(move || {
            pool.scope(move |ps| {
                for _ in 0..workers {
                    let tx = tx.clone();
                    ps.spawn(move |_| worker(tx));
                }
                drop(tx);
            });
        });
        let stop_all = || {
            room.lock().unwrap_or_else(|e| e.into_inner()).stop = true;
            freed.notify_all();
        };
        let mut pending: BTreeMap<usize, O> = BTreeMap::new();
        let mut next = 0;
        for (seq, out) in rx.iter() {
            if stopped() {
                stop_all();
                return Err(Stop::Cancelled);
            }
            pending.insert(seq, out);
            while let Some(out) = pending.remove(&next) {
                let w = weight(&out);
                if let Err(e) = consume(out) {
                    stop_all();
                    return Err(Stop::Failed(e));
                }
                next += 1;
                let mut r = room.lock().unwrap_or_else(|e| e.into_inner());
                r.written = next;
                r.waiting_bytes = r.waiting_bytes.saturating_sub(w);
                drop(r);
                freed.notify_all();
            }
        }
        if stopped() {
            return Err(Stop::Cancelled);
        }
        Ok(())
    })
}

/// What one input turned into: the rendered article and the notices
/// about its input (rows of errors.csv), or why it has none.
pub type Outcome = Result<(Rendered, Vec<InputError>), InputError>;

/// An `extract` run: where from, where to, and how.
pub struct ExtractJob<'a> {
    pub inputs: &'a [PathBuf],
    /// How records and pages are read (crawler field names).
    pub input: &'a InputOptions,
    pub out_dir: &'a Path,
    pub layout: Layout,
    /// Write into a folder holding other files too.
    pub force: bool,
    /// Read only this share of the input, and write what a merge of the
    /// shares needs (`shard.jsonl`).
    pub shard: Option<Shard>,
    /// (name, value) of the options, for the summary sheet.
    pub options: Vec<(String, String)>,
    /// Raised to stop the run (a signal): the previous outputs stay.
    pub cancel: &'a AtomicBool,
    pub progress: Progress<'a>,
    /// Told what the user should know before the run ends (a missing
    /// input, outputs about to be replaced).
    pub notice: &'a (dyn Fn(&str) + Sync),
}

#[derive(Debug)]
pub enum RunError {
    /// Nothing to read: the message names what was looked for.
    NoInput(String),
    /// The output folder cannot be used.
    Refused(String),
    /// Writing failed; the previous outputs stay.
    Io(io::Error),
    /// Stopped by a signal; the previous outputs stay.
    Interrupted,
}

pub struct RunReport {
    pub finished: Finished,
    pub seconds: f64,
}

/// Run the whole job.
pub fn run_extract(
    engine: &Engine,
    pool: &rayon::ThreadPool,
    job: ExtractJob,
) -> Result<RunReport, RunError> {
    let started = Instant::now();
    let (files, mut walk_errors) = walk_inputs(job.inputs);
    for e in &walk_errors {
        (job.notice)(&format!("{}: {}", e.path, e.message));
    }
    if files.is_empty() {
        return Err(RunError::NoInput(no_input_message(job.inputs)));
    }
    let shard = job.shard.unwrap_or(Shard::WHOLE);
    // Each share reads its own files; the walk's errors are told once.
    let (files, indices) = shard_files(files, shard);
    if !shard.reports_walk_errors() {
        walk_errors.clear();
    }
    let dir = OutputDir::open(job.out_dir, job.force).map_err(|r| RunError::Refused(r.0))?;
    if !dir.previous().is_empty() {
        (job.notice)(&format!(
            "{} holds the outputs of an earlier run ({}): they are replaced when this run completes",
            job.out_dir.display(),
            dir.previous().join(", ")
        ));
    }
    let layout = job.layout.clone();
    let mut out = OutputSet::create(dir, job.layout, engine.issuer_codes(), job.options)
        .map_err(RunError::Io)?;
    if let Some(shard) = job.shard {
        let o = &layout.options;
        let header = Header::new(
            shard,
            o.selection.describe(),
            o.context.as_str().into(),
            engine.issuer_codes(),
        );
        out.write_parts(&header).map_err(RunError::Io)?;
    }
    for (e, n) in walk_errors.iter().zip(1..) {
        out.write_error(e).map_err(RunError::Io)?;
        out.end_part((0, n)).map_err(RunError::Io)?;
    }
    let total = files.len();
    let mut units = KeyedUnits::new(&files, indices, job.input);
    let items = std::iter::from_fn(move || {
        let (key, unit) = units.next()?;
        Some((key, unit, units.files_left()))
    });
    let result = ordered(
        pool,
        items,
        WINDOW,
        WINDOW_BYTES,
        job.cancel,
        |(key, unit, left)| (key, prepare_unit(engine, &layout, &unit), left),
        |(_, prepared, _)| prepared.weight(),
        |(key, prepared, left)| {
            match prepared {
                Prepared::Done(Ok((rendered, notices))) => {
                    out.write(rendered)?;
                    for n in &notices {
                        out.write_error(n)?;
                    }
                }
                Prepared::Done(Err(e)) => out.write_error(&e)?,
                Prepared::Sectioned(article) => {
                    let notices = write_sectioned(engine, &layout, article, &mut out, job.notice)?;
                    for n in &notices {
                        out.write_error(n)?;
                    }
                }
            }
            out.end_part(key)?;
            (job.progress)(total - left, total);
            Ok::<(), io::Error>(())
        },
    );
    match result {
        Ok(()) => {}
        Err(Stop::Cancelled) => return Err(RunError::Interrupted),
        Err(Stop::Failed(e)) => return Err(RunError::Io(e)),
    }
    if job.cancel.load(Ordering::Relaxed) {
        return Err(RunError::Interrupted);
    }
    let finished = out.finish().map_err(RunError::Io)?;
    Ok(RunReport {
        finished,
        seconds: started.elapsed().as_secs_f64(),
    })
}

fn no_input_message(inputs: &[PathBuf]) -> String {
    let shown: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    format!(
        "no articles found in {}: looked for .txt and .text files in folders (hidden ones \
         skipped), and for files named on the command line (.jsonl ones read as records)",
        shown.join(", ")
    )
}

/// What a worker hands the writer: an input done, or an article over the
/// size limit, which the writer reads a section at a time and writes as
/// it goes ([`write_sectioned`]), so that it is never held whole.
pub enum Prepared {
    Done(Outcome),
    Sectioned(LargeArticle),
}

/// An article over the size limit, waiting for the writer: its document
/// (for a file too large to hold, only its metadata: the writer reads its
/// text from `chunks` as it goes), its place (for errors.csv) and notices.
pub struct LargeArticle {
    doc: Document,
    chunks: Option<TextChunks>,
    place: String,
    notices: Vec<InputError>,
}

impl Prepared {
    /// Bytes held while waiting for the writer.
    fn weight(&self) -> usize {
        match self {
            Prepared::Done(outcome) => outcome.as_ref().map_or(64, |(r, _)| r.weight()),
            Prepared::Sectioned(a) => a.doc.text.len(),
        }
    }
}

/// Read one input on a worker, and extract and render it unless it is
/// read in sections.
pub fn prepare_unit(engine: &Engine, layout: &Layout, unit: &Unit) -> Prepared {
    if let Some(opened) = open_large(unit, engine.max_article_bytes()) {
        return match opened {
            Ok((mut doc, chunks)) => {
                let place = unit.place().to_string();
                let notices = std::mem::take(&mut doc.notices)
                    .iter()
                    .map(|n| InputError::from_notice(&place, n))
                    .collect();
                Prepared::Sectioned(LargeArticle {
                    doc,
                    chunks: Some(chunks),
                    place,
                    notices,
                })
            }
            Err(e) => Prepared::Done(Err(e)),
        };
    }
    match read_unit(unit) {
        Ok((doc, place, notices)) if engine.is_sectioned(&doc) => {
            Prepared::Sectioned(LargeArticle {
                doc,
                chunks: None,
                place,
                notices,
            })
        }
        Ok((doc, place, notices)) => {
            Prepared::Done(process_document(engine, layout, doc, place, notices))
        }
        Err(e) => Prepared::Done(Err(e)),
    }
}

/// Read, extract and render one input on a worker.
pub fn process_unit(engine: &Engine, layout: &Layout, unit: &Unit) -> Outcome {
    let (doc, place, notices) = read_unit(unit)?;
    process_document(engine, layout, doc, place, notices)
}

/// The document of an input, and the errors.csv rows of its notices.
fn read_unit(unit: &Unit) -> Result<(Document, String, Vec<InputError>), InputError> {
    let place = unit.place().to_string();
    let mut doc = unit.read()?;
    let notices = std::mem::take(&mut doc.notices)
        .iter()
        .map(|n| InputError::from_notice(&place, n))
        .collect();
    Ok((doc, place, notices))
}

/// Write an article over the size limit a section at a time, on the
/// writer's thread: each section's rows are written before the next is
/// read. A section whose extraction panics gets an `internal` row and the
/// article goes on.
fn write_sectioned(
    engine: &Engine,
    layout: &Layout,
    large: LargeArticle,
    out: &mut OutputSet,
    notice: &(dyn Fn(&str) + Sync),
) -> io::Result<Vec<InputError>> {
    let LargeArticle {
        doc,
        chunks,
        place,
        mut notices,
    } = large;
    let size = chunks.as_ref().map_or(doc.text.len() as u64, |c| c.size);
    notice(&format!(
        "{place}: {:.1} MB, over the --max-article-mb limit ({:.1} MB): read in sections \
         (a mention across a cut between them may be missed)",
        size as f64 / 1_048_576.0,
        engine.max_article_bytes() as f64 / 1_048_576.0
    ));
    let mut sections = match chunks {
        Some(mut c) => engine.sections_from(&doc, Box::new(move || c.next_chunk())),
        None => engine.sections(&doc),
    };
    let mut article = SectionedArticle::new(&doc, layout, engine.identities())?;
    loop {
        let at = sections.given() + 1;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| sections.next())) {
            Ok(None) => break,
            Ok(Some(section)) => article.add(out, section)?,
            Err(_) => out.write_error(&InputError {
                path: place.clone(),
                kind: "internal",
                message: format!(
                    "extraction failed in section {at} (a bug: please report it with the \
                     input); the other sections are written"
                ),
            })?,
        }
    }
    if let Some(e) = sections.take_error() {
        notices.push(InputError {
            path: place.clone(),
            kind: "unreadable",
            message: format!(
                "reading stopped after section {} ({e}); the sections before are written",
                sections.given()
            ),
        });
    }
    article.finish(out)?;
    Ok(notices)
}

/// Extract and render one document on a worker.
fn process_document(
    engine: &Engine,
    layout: &Layout,
    doc: Document,
    place: String,
    notices: Vec<InputError>,
) -> Outcome {
    let bytes = doc.text.len();
    // A panic in one article must not end the run: it becomes an error row.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let article = engine.process(&doc);
        drop(doc);
        render(&article, layout, engine.identities(), bytes)
    }))
    .map(|r| (r, notices))
    .map_err(|_| InputError {
        path: place,
        kind: "internal",
        message: "extraction failed here (a bug: please report it with the input)".into(),
    })
}

#[cfg(test)]
mod tests;
