//! Output stage: writers for JSON Lines and the spreadsheet-friendly CSVs.
//! Everything is written as articles finish, in input order, except the
//! citation index (`documents.csv`), which is one row per distinct
//! document and so is written at the end.

pub mod csv_out;
pub mod documents;
pub mod people;

use crate::input::InputError;
use crate::model::{Article, EntityType};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

pub use csv_out::CsvSet;
pub use documents::DocumentIndex;

/// The contract line of one article.
pub fn article_json(article: &Article) -> String {
    serde_json::to_string(article).expect("articles always serialise")
}

/// All files of an `extract` run.
pub struct OutputSet {
    jsonl: BufWriter<File>,
    csv: CsvSet,
    documents: DocumentIndex,
    out_dir: std::path::PathBuf,
}

impl OutputSet {
    pub fn create(dir: &Path) -> io::Result<OutputSet> {
        std::fs::create_dir_all(dir)?;
        Ok(OutputSet {
            jsonl: BufWriter::new(File::create(dir.join("articles.jsonl"))?),
            csv: CsvSet::create(dir)?,
            documents: DocumentIndex::default(),
            out_dir: dir.to_path_buf(),
        })
    }

    pub fn write_article(&mut self, article: &Article) -> io::Result<()> {
        self.jsonl.write_all(article_json(article).as_bytes())?;
        self.jsonl.write_all(b"\n")?;
        self.csv.write_article(article)?;
        self.documents.add(article);
        Ok(())
    }

    pub fn write_error(&mut self, e: &InputError) -> io::Result<()> {
        self.csv.write_error(e)
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.jsonl.flush()?;
        self.csv.flush()?;
        self.documents.write(&self.out_dir.join("documents.csv"))
    }
}

/// Counts for the closing summary line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub articles: usize,
    pub errors: usize,
    pub bytes: u64,
    pub per_type: [usize; 5],
}

impl Summary {
    pub fn add(&mut self, article: &Article, bytes: usize) {
        self.articles += 1;
        self.bytes += bytes as u64;
        for (i, t) in EntityType::ALL.iter().enumerate() {
            self.per_type[i] += article.count(*t);
        }
    }

    pub fn line(&self, seconds: f64) -> String {
        let types: Vec<String> = EntityType::ALL
            .iter()
            .zip(self.per_type)
            .map(|(t, n)| format!("{n} {}s", t.as_str()))
            .collect();
        let mb = self.bytes as f64 / 1_000_000.0;
        format!(
            "{} articles, {}, {} errors, {:.2} s, {:.1} MB/s",
            self.articles,
            types.join(", "),
            self.errors,
            seconds,
            if seconds > 0.0 { mb / seconds } else { 0.0 }
        )
    }
}
