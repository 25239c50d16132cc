//! `vnextract learn`: what a corpus of news teaches, written as lexicon
//! files (`rules/learned/*.csv`) with counts: names and counts only,
//! never a sentence of the corpus.
//!
//! Three passes over the corpus, each reading the files again a batch at
//! a time (articles of a batch are analysed in parallel and merged in
//! input order, so the result never depends on the thread count):
//!
//! 1. [`case_stats`]: how each word is capitalised, and which capitalised
//!    words are glued to the next lower-case word (`Quốc hội`).
//! 2. [`runs`] and [`tails`]: every run of capitalised words with the
//!    evidence around it (cues of a person, of a company, of a place), and
//!    every unit head with the words after it, counted in a [`trie`].
//!    Then [`boundaries`] decides where unit names end.
//! 3. The tails again, walked through the decided trie, to count each
//!    full name by the articles it ends in.
//!
//! Memory: the word table grows with the vocabulary; the run table, the
//! pair table and the trie grow with the number of distinct names and
//! tails, and each has a cap past which its rarest entries are dropped
//! ([`counts`]); one batch of texts is held at a time.

pub mod boundaries;
pub mod brands;
pub mod case_stats;
pub mod corpus;
pub mod counts;
pub mod cues;
pub mod lexicons;
pub mod not_names;
pub mod passes;
pub mod persons;
pub mod repeats;
pub mod runs;
pub mod tails;
pub mod tokens;
pub mod trie;
pub mod units;
pub mod write;

use crate::input::InputError;
use crate::rules::{RuleError, RuleSources};
use corpus::Corpus;
pub use passes::Learned;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// How `learn` was asked to run, for the files' header.
pub struct LearnJob<'a> {
    pub inputs: &'a [PathBuf],
    pub out_dir: &'a Path,
    /// The `--rules` folder, when the built-in word lists were replaced.
    pub rules_dir: Option<&'a Path>,
}

pub struct LearnReport {
    pub articles: usize,
    pub bytes: usize,
    pub errors: Vec<InputError>,
    pub seconds: f64,
    /// (file name, rows) of every file written.
    pub files: Vec<(String, usize)>,
}

#[derive(Debug)]
pub enum LearnError {
    Rules(RuleError),
    Write(std::io::Error),
}

impl std::fmt::Display for LearnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LearnError::Rules(e) => write!(f, "{e}"),
            LearnError::Write(e) => write!(f, "cannot write the learned files: {e}"),
        }
    }
}

impl std::error::Error for LearnError {}

/// Called with (pass 1..=3, files done, files in all).
pub type Progress<'a> = &'a (dyn Fn(usize, usize, usize) + Sync);

pub fn run_learn(
    sources: &RuleSources,
    job: &LearnJob,
    pool: &rayon::ThreadPool,
    progress: Progress,
) -> Result<LearnReport, LearnError> {
    let started = Instant::now();
    let lex = lexicons::Lexicons::load(sources).map_err(LearnError::Rules)?;
    let corpus = Corpus::open(job.inputs);

    let mined = passes::mine(&lex, &corpus, pool, progress);
    let mut errors = corpus.walk_errors.clone();
    errors.extend(mined.errors);
    let per_source = mined.per_source;
    let learned = mined.learned;
    let tables = vec![
        units::names_table(&learned, &lex),
        units::continuations_table(&learned, &lex),
        brands::table(&learned, &lex),
        persons::table(&learned, &lex),
        not_names::table(&learned, &lex),
    ];
    let articles: usize = per_source.iter().map(|s| s.0).sum();
    let bytes: usize = per_source.iter().map(|s| s.1).sum();
    let header = header_lines(job, &corpus, &per_source, bytes);
    std::fs::create_dir_all(job.out_dir).map_err(LearnError::Write)?;
    let mut files = Vec::new();
    for t in &tables {
        write::write_table(job.out_dir, &header, t).map_err(LearnError::Write)?;
        files.push((t.file.to_string(), t.rows.len()));
    }
    Ok(LearnReport {
        articles,
        bytes,
        errors,
        seconds: started.elapsed().as_secs_f64(),
        files,
    })
}

/// The lines every learned file starts with: the command (inputs by
/// name, not by where they were unpacked) and the corpus size.
fn header_lines(
    job: &LearnJob,
    corpus: &Corpus,
    per_source: &[(usize, usize)],
    bytes: usize,
) -> Vec<String> {
    let mut cmd = String::from("vnextract learn");
    for s in &corpus.sources {
        cmd.push(' ');
        cmd.push_str(&s.name);
    }
    if let Some(r) = job.rules_dir {
        cmd.push_str(&format!(" --rules {}", corpus::last_component(r)));
    }
    cmd.push_str(&format!(" -o {}", corpus::last_component(job.out_dir)));
    let sizes: Vec<String> = corpus
        .sources
        .iter()
        .zip(per_source)
        .map(|(s, (n, _))| format!("{} ({n} articles)", s.name))
        .collect();
    vec![
        "Learned from a corpus by `vnextract learn`: names and counts only. Regenerate, do not edit."
            .into(),
        format!("command: {cmd}"),
        format!(
            "corpus: {}; {} articles, {bytes} bytes",
            sizes.join(", "),
            per_source.iter().map(|s| s.0).sum::<usize>()
        ),
    ]
}

/// Format a share as a fixed-precision decimal (stable across platforms).
pub fn ratio(a: u32, b: u32) -> String {
    if b == 0 {
        return "0.000".into();
    }
    format!("{:.3}", f64::from(a) / f64::from(b))
}
