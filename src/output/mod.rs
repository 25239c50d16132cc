//! Output stage: writers only. Each article is rendered where it was
//! extracted ([`render`]); the writer here appends what it gives, in input
//! order, to the files of the run, and feeds the run-wide tables (people,
//! documents) and the summary. Every file is written under a temporary
//! name and put in place when the run completes ([`files`]).

pub mod context;
pub mod csv_out;
pub mod documents;
pub mod files;
pub mod people;
pub mod render;
pub mod sectioned;
pub mod summary;
pub mod tables;
pub mod tally;
pub mod xlsx;

use crate::input::InputError;
use crate::model::{Article, EntityType};
use crate::split::parts::{ArticlePart, Header, Key, Part, SHARD_FILE};
use files::{JSONL, OutputDir, WORKBOOK};
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use tables::Table;
use xlsx::XlsxSink;

pub use context::ContextMode;
pub use documents::DocumentIndex;
pub use files::Refused;
pub use people::PeopleIndex;
pub use render::{Layout, RenderOptions, Rendered, render, render_article_end, render_section};
pub use summary::Summary;
pub use tables::Selection;

/// The contract line of one article.
pub fn article_json(article: &Article) -> String {
    serde_json::to_string(article).expect("articles always serialise")
}

/// The errors.csv row of an input error, encoded.
pub fn error_row(layout: &Layout, e: &InputError) -> Vec<u8> {
    let Some(columns) = layout.columns(Table::Errors) else {
        return Vec::new();
    };
    let mut b = csv_out::CsvBuffer::default();
    b.push(
        columns,
        &[e.path.clone(), e.kind.to_string(), e.message.clone()],
    );
    b.into_bytes()
}

/// How a completed run went, for the caller to report.
#[derive(Debug, Default)]
pub struct Finished {
    pub summary: Summary,
    /// Outputs of an earlier run removed because this run did not write them.
    pub removed: Vec<String>,
    /// Workbook cells cut to Excel's limit, and sheets added for long tables.
    pub cut_cells: u64,
    pub extra_sheets: Vec<String>,
}

/// All files of an `extract` run.
pub struct OutputSet {
    dir: OutputDir,
    layout: Layout,
    jsonl: BufWriter<File>,
    csv: HashMap<Table, BufWriter<File>>,
    xlsx: Option<XlsxSink>,
    people: PeopleIndex,
    documents: DocumentIndex,
    summary: Summary,
    /// (name, value) of the run's options, for the summary sheet.
    options: Vec<(String, String)>,
    /// `shard.jsonl` and the part being written (with `--shard`).
    parts: Option<(BufWriter<File>, Part)>,
}

impl OutputSet {
    /// Open every file of the run in `dir` (checked by [`OutputDir::open`]).
    /// `issuer_codes` (code, issuer) give documents an issuer from their
    /// number; `options` are listed on the summary sheet.
    pub fn create(
        mut dir: OutputDir,
        layout: Layout,
        issuer_codes: &[(String, String)],
        options: Vec<(String, String)>,
    ) -> io::Result<OutputSet> {
        let jsonl = BufWriter::new(dir.create(JSONL)?);
        let mut csv = HashMap::new();
        for (t, columns) in &layout.tables {
            let mut f = BufWriter::with_capacity(256 * 1024, dir.create(&t.file_name())?);
            csv_out::header(&mut f, columns)?;
            csv.insert(*t, f);
        }
        let xlsx = if layout.options.excel {
            Some(XlsxSink::create(&dir.temp_path(WORKBOOK), &layout.tables)?)
        } else {
            None
        };
        Ok(OutputSet {
            dir,
            layout,
            jsonl,
            csv,
            xlsx,
            people: PeopleIndex::default(),
            documents: DocumentIndex::with_issuer_codes(issuer_codes),
            summary: Summary::default(),
            options,
            parts: None,
        })
    }

    /// Also write `shard.jsonl`: what a merge of shard folders needs,
    /// one part per unit of input (see [`crate::split::parts`]).
    pub fn write_parts(&mut self, header: &Header) -> io::Result<()> {
        let mut f = BufWriter::new(self.dir.create(SHARD_FILE)?);
        serde_json::to_writer(&mut f, header)?;
        f.write_all(b"\n")?;
        self.parts = Some((f, Part::default()));
        Ok(())
    }

    /// Everything written since the last part is the unit `key`'s.
    pub fn end_part(&mut self, key: Key) -> io::Result<()> {
        if let Some((f, part)) = &mut self.parts {
            let mut done = std::mem::take(part);
            done.key = key;
            serde_json::to_writer(&mut *f, &done)?;
            f.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Append the errors.csv rows of a merged part, as bytes.
    pub fn write_error_bytes(&mut self, bytes: &[u8], rows: u32) -> io::Result<()> {
        if let Some(f) = self.csv.get_mut(&Table::Errors) {
            f.write_all(bytes)?;
        }
        self.summary.errors += rows as usize;
        Ok(())
    }

    /// Append one article, rendered.
    pub fn write(&mut self, r: Rendered) -> io::Result<()> {
        self.jsonl.write_all(&r.jsonl)?;
        self.write_tables(&r)?;
        if let Some((_, part)) = &mut self.parts {
            part.add(JSONL, &r.jsonl, false);
            // An article read in sections already holds its sections' share.
            let sections = part.article.take().unwrap_or_default();
            let mut stats = sections.stats;
            stats.merge(r.stats.clone());
            let mut documents = sections.documents;
            documents.extend(r.documents.iter().cloned());
            part.article = Some(ArticlePart {
                id: r.id.clone(),
                date: r.date.clone(),
                people: r.people.clone(),
                documents,
                stats,
            });
        }
        self.people.add(&r.id, r.date.as_deref(), &r.people);
        self.documents.add(&r.id, &r.documents);
        self.summary.add(&r.stats, r.date.is_some());
        Ok(())
    }

    /// Append the rows of one section of an article read in sections
    /// ([`sectioned`]): its mention tables, citations and figures.
    pub fn write_section(&mut self, r: Rendered) -> io::Result<()> {
        self.write_tables(&r)?;
        if let Some((_, part)) = &mut self.parts {
            let article = part.article.get_or_insert_with(ArticlePart::default);
            article.documents.extend(r.documents.iter().cloned());
            article.stats.merge(r.stats.clone());
        }
        self.documents.add(&r.id, &r.documents);
        self.summary.add_mentions(&r.stats);
        Ok(())
    }

    /// Append bytes of the current article's contract line (an article
    /// read in sections writes it in pieces).
    pub fn write_jsonl(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.jsonl.write_all(bytes)?;
        if let Some((_, part)) = &mut self.parts {
            part.add(JSONL, bytes, false);
        }
        Ok(())
    }

    /// The CSV and workbook rows of `r`.
    fn write_tables(&mut self, r: &Rendered) -> io::Result<()> {
        for (t, bytes) in &r.csv {
            if let Some(f) = self.csv.get_mut(t) {
                f.write_all(bytes)?;
                if let Some((_, part)) = &mut self.parts {
                    part.add(&t.file_name(), bytes, false);
                }
            }
        }
        if let Some(x) = &mut self.xlsx {
            for (t, row) in &r.sheet_rows {
                x.write_row(*t, row)?;
            }
        }
        Ok(())
    }

    pub fn write_error(&mut self, e: &InputError) -> io::Result<()> {
        let row = vec![e.path.clone(), e.kind.to_string(), e.message.clone()];
        let bytes = self.write_row(Table::Errors, &row)?;
        if let Some((_, part)) = &mut self.parts {
            part.add(&Table::Errors.file_name(), &bytes, false);
            part.errors += 1;
        }
        self.summary.errors += 1;
        Ok(())
    }

    /// Write one row; returns its bytes.
    fn write_row(&mut self, t: Table, row: &[String]) -> io::Result<Vec<u8>> {
        let (Some(columns), Some(f)) = (self.layout.columns(t), self.csv.get_mut(&t)) else {
            return Ok(Vec::new());
        };
        let mut b = csv_out::CsvBuffer::default();
        b.push(columns, row);
        let bytes = b.into_bytes();
        f.write_all(&bytes)?;
        if let Some(x) = &mut self.xlsx {
            x.write_row(t, row)?;
        }
        Ok(bytes)
    }

    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// Write the run-wide tables, close every file and put them in place.
    pub fn finish(mut self) -> io::Result<Finished> {
        if let Some((mut f, _)) = self.parts.take() {
            f.flush()?;
        }
        // Rows are made one at a time as they are written.
        let people = std::mem::take(&mut self.people);
        if self.layout.has(Table::People) {
            for row in people.rows() {
                self.write_row(Table::People, &row)?;
            }
        }
        let documents = std::mem::take(&mut self.documents);
        if self.layout.has(Table::Documents) {
            for row in documents.rows() {
                self.write_row(Table::Documents, &row)?;
            }
        }
        self.jsonl.flush()?;
        for f in self.csv.values_mut() {
            f.flush()?;
        }
        let mut done = Finished::default();
        if let Some(x) = self.xlsx.take() {
            done.cut_cells = x.cut_cells;
            done.extra_sheets = x.extra_sheets.clone();
            let rows = summary_rows(&self, &people, &documents);
            x.finish(&rows)?;
        }
        // Close the files before they are renamed.
        drop(self.jsonl);
        drop(self.csv);
        done.removed = self.dir.commit()?;
        done.summary = self.summary;
        Ok(done)
    }
}

type SummaryRow = (String, String, Option<u64>, Option<u64>);

/// The summary sheet: one row per figure, `section` telling them apart.
fn summary_rows(
    set: &OutputSet,
    people: &PeopleIndex,
    documents: &DocumentIndex,
) -> Vec<SummaryRow> {
    let s = &set.summary;
    let row = |section: &str, item: &str, count: Option<u64>, articles: Option<u64>| {
        (section.to_string(), item.to_string(), count, articles)
    };
    let mut rows = vec![
        row("run", "articles", Some(s.articles as u64), None),
        row("run", "errors", Some(s.errors as u64), None),
        row("run", "input MB", Some(s.bytes / 1_000_000), None),
        row(
            "run",
            "articles without a date",
            Some(s.articles_without_date as u64),
            None,
        ),
        row(
            "run",
            "dates without a year",
            Some(s.dates_without_year as u64),
            None,
        ),
    ];
    for t in &set.layout.options.selection.types {
        rows.push(row("mentions", t.as_str(), Some(s.count(*t) as u64), None));
    }
    for (name, value) in &set.options {
        rows.push(row("option", &format!("{name} = {value}"), None, None));
    }
    let sel = &set.layout.options.selection;
    if sel.has(EntityType::Person) {
        for (name, articles, mentions) in people.top(summary::TOP) {
            rows.push(row("top persons", &name, Some(mentions), Some(articles)));
        }
    }
    for (name, n) in s.units.top(summary::TOP) {
        rows.push(row("top units", name, Some(n), None));
    }
    for (name, n) in s.titles.top(summary::TOP) {
        rows.push(row("top titles", name, Some(n), None));
    }
    if sel.has(EntityType::Resolution) {
        for (name, articles, mentions) in documents.top(summary::TOP) {
            rows.push(row("top documents", &name, Some(mentions), Some(articles)));
        }
    }
    for (month, n) in &s.months {
        rows.push(row("dates per month", month, Some(*n), None));
    }
    rows
}
