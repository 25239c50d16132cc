//! Output stage: writers for JSON Lines and the spreadsheet-friendly CSVs.
//! Everything is written as articles finish, in input order, except the
//! citation index (`documents.csv`), which is one row per distinct
//! document and so is written at the end.

pub mod csv_out;
pub mod documents;
pub mod people;
pub mod tables;
pub mod xlsx;

use crate::input::InputError;
use crate::model::{Article, EntityType};
use csv_out::CsvSink;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use tables::{Table, article_rows, error_row};
use xlsx::XlsxSink;

pub use documents::DocumentIndex;

/// The contract line of one article.
pub fn article_json(article: &Article) -> String {
    serde_json::to_string(article).expect("articles always serialise")
}

/// All files of an `extract` run.
pub struct OutputSet {
    jsonl: BufWriter<File>,
    csv: CsvSink,
    xlsx: Option<XlsxSink>,
    documents: DocumentIndex,
}

impl OutputSet {
    /// Create the output folder and files; `excel` adds `vnextract.xlsx`.
    /// `issuer_codes` (code, issuer) give documents an issuer from their number.
    pub fn create(
        dir: &Path,
        excel: bool,
        issuer_codes: &[(String, String)],
    ) -> io::Result<OutputSet> {
        std::fs::create_dir_all(dir)?;
        Ok(OutputSet {
            jsonl: BufWriter::new(File::create(dir.join("articles.jsonl"))?),
            csv: CsvSink::create(dir)?,
            xlsx: if excel {
                Some(XlsxSink::create(&dir.join("vnextract.xlsx"))?)
            } else {
                None
            },
            documents: DocumentIndex::with_issuer_codes(issuer_codes),
        })
    }

    fn write_row(&mut self, t: Table, row: &[String]) -> io::Result<()> {
        self.csv.write_row(t, row)?;
        if let Some(x) = &mut self.xlsx {
            x.write_row(t, row)?;
        }
        Ok(())
    }

    pub fn write_article(&mut self, article: &Article) -> io::Result<()> {
        self.jsonl.write_all(article_json(article).as_bytes())?;
        self.jsonl.write_all(b"\n")?;
        for (t, row) in article_rows(article) {
            self.write_row(t, &row)?;
        }
        self.documents.add(article);
        Ok(())
    }

    pub fn write_error(&mut self, e: &InputError) -> io::Result<()> {
        self.write_row(Table::Errors, &error_row(e))
    }

    pub fn finish(mut self) -> io::Result<()> {
        for row in self.documents.rows() {
            self.write_row(Table::Documents, &row)?;
        }
        self.jsonl.flush()?;
        self.csv.finish()?;
        if let Some(x) = &mut self.xlsx {
            x.finish()?;
        }
        Ok(())
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
