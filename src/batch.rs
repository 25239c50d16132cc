//! Batch evidence over a whole run: a first pass that only gathers what
//! articles establish with strong evidence ([`crate::evidence`]), then the
//! extraction of every article with it.
//!
//! Memory: the first pass keeps only the evidence (one entry per distinct
//! name or abbreviation), never articles or results; articles are read
//! again for the second pass (files from disk; `stream --batch` spills its
//! records to a temporary file first, copied through a fixed buffer). The
//! evidence is a sum of per-article counts, so it is the same whatever
//! the thread count or the order of the inputs.

use crate::evidence::{self, Evidence, Kind};
use crate::extract::sections::Sections;
use crate::extract::{Engine, Options};
use crate::input::large::{TextChunks, open_large};
use crate::input::{InputError, InputOptions, Units, walk_inputs};
use crate::pipeline::{Stop, ordered};
use crate::rules::{RuleError, RuleSources};
use crate::stream::read_record;
use std::io::{self, BufRead, Seek, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// Articles in work at once while gathering.
const WINDOW: usize = 256;

/// What a gathering pass over files found, and the inputs it could not read.
pub struct Gathered {
    pub evidence: Evidence,
    pub articles: usize,
    pub errors: Vec<InputError>,
}

/// What a worker hands the gathering pass: an article's evidence, or a
/// file too large to hold, read a section at a time on the calling thread.
enum Gatherable {
    Done(Evidence),
    Large(crate::model::Document, TextChunks),
}

/// Gather the evidence of files and folders, read exactly as `extract`
/// reads them.
pub fn gather_files(
    engine: &Engine,
    pool: &rayon::ThreadPool,
    inputs: &[PathBuf],
    input: &InputOptions,
    cancel: &AtomicBool,
    warn: bool,
) -> Result<Gathered, Stop<()>> {
    let (files, mut errors) = walk_inputs(inputs);
    let mut units = Units::new(&files, input);
    if !warn {
        units = units.without_warnings();
    }
    let items = std::iter::from_fn(move || units.next());
    let mut evidence = Evidence::default();
    let mut articles = 0;
    ordered(
        pool,
        items,
        WINDOW,
        usize::MAX,
        cancel,
        |unit| {
            // A file too large to hold is read on the calling thread, as
            // the extraction pass reads it: its sections' memory is then
            // reused by that pass rather than held by another thread's
            // allocator arena.
            if let Some(opened) = open_large(&unit, engine.max_article_bytes()) {
                return opened.map(|(doc, chunks)| Gatherable::Large(doc, chunks));
            }
            let doc = unit.read()?;
            Ok(Gatherable::Done(article_evidence(engine, &doc)))
        },
        |_| 0,
        |r: Result<Gatherable, InputError>| {
            match r {
                Ok(Gatherable::Done(e)) => {
                    articles += 1;
                    evidence.merge(e);
                }
                Ok(Gatherable::Large(doc, mut chunks)) => {
                    articles += 1;
                    let sections =
                        engine.sections_from(&doc, Box::new(move || chunks.next_chunk()));
                    evidence.merge(sections_evidence(sections));
                }
                Err(e) => errors.push(e),
            }
            Ok::<(), ()>(())
        },
    )?;
    Ok(Gathered {
        evidence,
        articles,
        errors,
    })
}

/// Gather the evidence of JSON Lines records (`stream`'s input); lines
/// that are no records are skipped (the extraction pass reports them).
pub fn gather_records<R: BufRead + Send>(
    engine: &Engine,
    pool: &rayon::ThreadPool,
    input: R,
    cancel: &AtomicBool,
) -> io::Result<Evidence> {
    let mut failed = None;
    let lines = input.split(b'\n').map_while(|l| match l {
        Ok(l) => Some(l),
        Err(e) => {
            failed = Some(e);
            None
        }
    });
    let mut evidence = Evidence::default();
    let result = ordered(
        pool,
        lines,
        WINDOW,
        usize::MAX,
        cancel,
        |raw| {
            let text = String::from_utf8_lossy(&raw);
            let line = text.trim_start_matches('\u{feff}').trim();
            if line.is_empty() {
                return Evidence::default();
            }
            read_record(line).map_or_else(|_| Evidence::default(), |d| article_evidence(engine, &d))
        },
        |_| 0,
        |e| {
            evidence.merge(e);
            Ok::<(), ()>(())
        },
    );
    if let Err(Stop::Cancelled) = result {
        return Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(evidence),
    }
}

/// One article's evidence; a panic in it costs only its evidence. An
/// article over the size limit is read a section at a time, each row
/// still counted once for the article.
fn article_evidence(engine: &Engine, doc: &crate::model::Document) -> Evidence {
    if !engine.is_sectioned(doc) {
        return std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            evidence::of_article(&engine.evidence_mentions(doc), &doc.text, |before| {
                engine.follows_word_against_person(before)
            })
        }))
        .unwrap_or_default();
    }
    sections_evidence(engine.sections(doc))
}

/// The evidence of an article read in sections, each row counted once.
fn sections_evidence(mut sections: Sections) -> Evidence {
    let engine = sections.engine();
    let mut seen = Evidence::default();
    loop {
        let section = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let s = sections.next()?;
            Some(extracted_evidence(
                engine,
                &s.text,
                &s.article,
                s.chars_before,
            ))
        }));
        match section {
            Ok(Some(e)) => seen.merge(e),
            Ok(None) => break,
            Err(_) => {}
        }
    }
    // A name the article cues somewhere has nothing against it in the
    // article, as when it is read whole.
    let cued: std::collections::HashSet<String> = seen
        .rows()
        .filter(|(kind, ..)| *kind == Kind::Person)
        .map(|(_, key, ..)| key.to_string())
        .collect();
    let mut once = Evidence::default();
    for (kind, key, detail, _) in seen.rows() {
        if kind == Kind::Against && cued.contains(key) {
            continue;
        }
        once.add(kind, key, detail, 1);
    }
    once
}

/// The evidence of `article`, extracted from `text`, which starts at
/// code point `chars_before` of the article (a section of it).
fn extracted_evidence(
    engine: &Engine,
    text: &str,
    article: &crate::model::Article,
    chars_before: usize,
) -> Evidence {
    if chars_before == 0 {
        return evidence::of_article(&article.entities, text, |before| {
            engine.follows_word_against_person(before)
        });
    }
    // A section's mentions count from the start of the whole article:
    // shifted to count from the start of the section's text.
    let mut shifted = article.clone();
    for e in &mut shifted.entities {
        e.start -= chars_before.min(e.start);
        e.end -= chars_before.min(e.end);
    }
    evidence::of_article(&shifted.entities, text, |before| {
        engine.follows_word_against_person(before)
    })
}

/// The engine of a run that uses `evidence`.
pub fn engine_with(
    sources: &RuleSources,
    options: &Options,
    evidence: Evidence,
) -> Result<Engine, RuleError> {
    let options = Options {
        evidence: Some(Arc::new(evidence)),
        ..options.clone()
    };
    Engine::new(sources, options)
}

/// `stream --batch`: copy the records to a temporary file, gather their
/// evidence, then stream them with it.
pub fn stream_batch<R: io::Read, W: Write>(
    sources: &RuleSources,
    options: &Options,
    pool: &rayon::ThreadPool,
    mut input: R,
    output: W,
    cancel: &AtomicBool,
) -> Result<(), BatchError> {
    let first = Engine::new(sources, options.clone()).map_err(BatchError::Rules)?;
    let mut spill = tempfile::tempfile().map_err(BatchError::Io)?;
    io::copy(&mut input, &mut spill).map_err(BatchError::Io)?;
    spill.rewind().map_err(BatchError::Io)?;
    let evidence =
        gather_records(&first, pool, io::BufReader::new(&spill), cancel).map_err(BatchError::Io)?;
    drop(first);
    let engine = engine_with(sources, options, evidence).map_err(BatchError::Rules)?;
    spill.rewind().map_err(BatchError::Io)?;
    crate::stream::run_stream(&engine, pool, io::BufReader::new(spill), output, cancel)
        .map_err(BatchError::Io)
}

/// Why a batch run stopped.
#[derive(Debug)]
pub enum BatchError {
    Rules(RuleError),
    Io(io::Error),
}

impl std::fmt::Display for BatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BatchError::Rules(e) => write!(f, "{e}"),
            BatchError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Read an evidence file (`--evidence`), or merge several.
pub fn read_evidence_files(paths: &[PathBuf]) -> Result<Evidence, String> {
    let mut all = Evidence::default();
    for p in paths {
        let f = std::fs::File::open(p).map_err(|e| format!("{}: {e}", p.display()))?;
        let ev = Evidence::read_from(io::BufReader::new(f))
            .map_err(|e| format!("{}: {e}", p.display()))?;
        all.merge(ev);
    }
    Ok(all)
}

/// Write an evidence file whole or not at all (a temporary name, then
/// renamed into place).
pub fn write_evidence_file(evidence: &Evidence, path: &std::path::Path) -> io::Result<()> {
    if path.as_os_str() == "-" {
        return evidence.write_to(io::BufWriter::new(io::stdout().lock()));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    evidence.write_to(io::BufWriter::new(tmp.as_file_mut()))?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
