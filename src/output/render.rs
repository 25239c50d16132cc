//! One finished article made into what the writers append: its contract
//! line, its CSV lines per table, its workbook rows (with `--excel`), and
//! what it adds to the run-wide tables and summary. This runs on the
//! worker that extracted the article, so the writer only appends bytes.
//! Rows are encoded one at a time as they are made.

use super::context::{ContextMode, Contexts};
use super::csv_out::CsvBuffer;
use super::documents::{DocumentSeen, documents_of};
use super::people::{PersonSeen, article_row, people_of, person_row};
use super::summary::ArticleStats;
use super::tables::{Column, Selection, Table};
use crate::extract::resolution::identity::Identities;
use crate::model::{Article, EntityType, Fields, OutEntity};

/// What the writers are asked for.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    pub selection: Selection,
    pub context: ContextMode,
    /// Also make the workbook's rows.
    pub excel: bool,
}

/// The tables of a run and their columns, fixed for the run.
#[derive(Debug, Clone)]
pub struct Layout {
    pub options: RenderOptions,
    pub tables: Vec<(Table, Vec<Column>)>,
}

impl Layout {
    pub fn new(options: RenderOptions) -> Layout {
        let tables = options
            .selection
            .tables()
            .into_iter()
            .map(|t| (t, t.columns(&options.selection)))
            .collect();
        Layout { options, tables }
    }

    pub fn columns(&self, t: Table) -> Option<&[Column]> {
        self.tables
            .iter()
            .find(|(x, _)| *x == t)
            .map(|(_, c)| c.as_slice())
    }

    pub fn has(&self, t: Table) -> bool {
        self.columns(t).is_some()
    }
}

/// One article, ready to be appended.
#[derive(Debug, Default)]
pub struct Rendered {
    pub id: String,
    pub date: Option<String>,
    pub jsonl: Vec<u8>,
    pub csv: Vec<(Table, Vec<u8>)>,
    pub sheet_rows: Vec<(Table, Vec<String>)>,
    pub people: Vec<PersonSeen>,
    pub documents: Vec<DocumentSeen>,
    pub stats: ArticleStats,
}

impl Rendered {
    /// Bytes held, roughly: what bounds the memory of finished articles
    /// waiting for their turn.
    pub fn weight(&self) -> usize {
        self.jsonl.len()
            + self.csv.iter().map(|(_, b)| b.len()).sum::<usize>()
            + self
                .sheet_rows
                .iter()
                .map(|(_, r)| r.iter().map(String::len).sum::<usize>() + 24 * r.len())
                .sum::<usize>()
            + 256 * (self.people.len() + self.documents.len())
    }
}

/// Collects rows per table as they are made.
struct Sink<'a> {
    layout: &'a Layout,
    buffers: Vec<(Table, CsvBuffer)>,
    sheet_rows: Vec<(Table, Vec<String>)>,
}

impl<'a> Sink<'a> {
    fn new(layout: &'a Layout) -> Sink<'a> {
        Sink {
            layout,
            buffers: Vec::new(),
            sheet_rows: Vec::new(),
        }
    }

    /// Everything written into the sink, as one article's rendering.
    fn into_rendered(
        self,
        id: String,
        date: Option<String>,
        jsonl: Vec<u8>,
        people: Vec<PersonSeen>,
        documents: Vec<DocumentSeen>,
        stats: ArticleStats,
    ) -> Rendered {
        Rendered {
            id,
            date,
            jsonl,
            csv: self
                .buffers
                .into_iter()
                .map(|(t, b)| (t, b.into_bytes()))
                .collect(),
            sheet_rows: self.sheet_rows,
            people,
            documents,
            stats,
        }
    }

    fn row(&mut self, t: Table, row: Vec<String>) {
        let Some(columns) = self.layout.columns(t) else {
            return;
        };
        match self.buffers.iter_mut().find(|(x, _)| *x == t) {
            Some((_, b)) => b.push(columns, &row),
            None => {
                let mut b = CsvBuffer::default();
                b.push(columns, &row);
                self.buffers.push((t, b));
            }
        }
        if self.layout.options.excel {
            self.sheet_rows.push((t, row));
        }
    }
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// The `articles.csv` row of `a`, which has `sentences` sentences and
/// `count(t)` mentions of type `t`.
pub fn article_head(
    a: &Article,
    sel: &Selection,
    sentences: usize,
    count: impl Fn(EntityType) -> usize,
) -> Vec<String> {
    let mut head = vec![
        a.id.clone(),
        opt(&a.path),
        opt(&a.headline),
        opt(&a.date),
        opt(&a.byline),
        a.encoding.unwrap_or("").to_string(),
        sentences.to_string(),
    ];
    head.extend(sel.types.iter().map(|&t| count(t).to_string()));
    head
}

/// Make everything one article gives.
pub fn render(a: &Article, layout: &Layout, identities: &Identities, bytes: usize) -> Rendered {
    let sel = &layout.options.selection;
    let (mut sink, mut stats) = start(a, layout);
    stats.bytes = bytes;
    sink.row(
        Table::Articles,
        article_head(a, sel, a.sentences.len(), |t| a.count(t)),
    );
    mention_rows(&mut sink, a, 0, &mut stats);
    let people = if sel.has(EntityType::Person) {
        people_of(a)
    } else {
        Vec::new()
    };
    for p in &people {
        sink.row(Table::ArticlePeople, article_row(a, p));
    }
    finish(a, sink, identities, stats, contract_line(a, sel), people)
}

/// The rows of one section of an article read in sections
/// ([`crate::extract::sections`]): its sentences and mentions (the
/// section's sentences counted from `sentences_before`), its citations and
/// figures. The article's own rows (`articles.csv`, `article_people.csv`,
/// its contract line) are made when its last section is done
/// ([`super::sectioned`]); `jsonl` and `people` stay empty.
pub fn render_section(
    a: &Article,
    layout: &Layout,
    identities: &Identities,
    sentences_before: usize,
) -> Rendered {
    let (mut sink, mut stats) = start(a, layout);
    mention_rows(&mut sink, a, sentences_before, &mut stats);
    finish(a, sink, identities, stats, Vec::new(), Vec::new())
}

/// An empty sink, and the counts of the selected types.
fn start<'a>(a: &Article, layout: &'a Layout) -> (Sink<'a>, ArticleStats) {
    let sel = &layout.options.selection;
    let mut stats = ArticleStats::default();
    for (i, t) in EntityType::ALL.iter().enumerate() {
        if sel.has(*t) {
            stats.per_type[i] = a.count(*t);
        }
    }
    (Sink::new(layout), stats)
}

/// What was rendered into `sink`, with the article's cited documents.
fn finish(
    a: &Article,
    sink: Sink,
    identities: &Identities,
    stats: ArticleStats,
    jsonl: Vec<u8>,
    people: Vec<PersonSeen>,
) -> Rendered {
    let documents = if sink.layout.options.selection.has(EntityType::Resolution) {
        documents_of(a, identities)
    } else {
        Vec::new()
    };
    sink.into_rendered(
        a.id.clone(),
        a.date.clone(),
        jsonl,
        people,
        documents,
        stats,
    )
}

/// The sentence rows and the mention rows of `a`, whose sentences are
/// numbered from `sentences_before` in the output.
fn mention_rows(sink: &mut Sink, a: &Article, sentences_before: usize, stats: &mut ArticleStats) {
    let layout = sink.layout;
    let sel = &layout.options.selection;
    if sel.sentences {
        for (i, (text, span)) in a.sentences.iter().zip(&a.sentence_spans).enumerate() {
            sink.row(
                Table::Sentences,
                vec![
                    a.id.clone(),
                    (sentences_before + i).to_string(),
                    span.start.to_string(),
                    span.end.to_string(),
                    text.clone(),
                ],
            );
        }
    }
    let mut contexts = Contexts::new(a, layout.options.context);
    for e in a.entities.iter().filter(|e| sel.has(e.etype)) {
        note_stats(e, stats, layout.options.excel);
        let context = contexts.of(e);
        let mut row = mention_row(a, e, context);
        if sentences_before > 0 {
            row[1] = (sentences_before + e.sentence).to_string();
        }
        sink.row(Table::of_entity(e.etype), row);
    }
}

/// The rows an article read in sections gets when its last section is
/// done: its `articles.csv` row and its `article_people.csv` rows (from
/// `people`), with the figures `stats` (its size).
pub fn render_article_end(
    head: Vec<String>,
    article_id: &str,
    date: Option<&str>,
    people: Vec<PersonSeen>,
    layout: &Layout,
    stats: ArticleStats,
) -> Rendered {
    let mut sink = Sink::new(layout);
    sink.row(Table::Articles, head);
    for p in &people {
        sink.row(Table::ArticlePeople, person_row(article_id, p));
    }
    sink.into_rendered(
        article_id.to_string(),
        date.map(String::from),
        Vec::new(),
        people,
        Vec::new(),
        stats,
    )
}

/// The contract line, with only the selected types' entities (fields in
/// the contract's order either way).
fn contract_line(a: &Article, sel: &Selection) -> Vec<u8> {
    let mut line = if sel.types.len() == EntityType::ALL.len() {
        serde_json::to_vec(a)
    } else {
        let mut some = a.clone();
        some.entities.retain(|e| sel.has(e.etype));
        serde_json::to_vec(&some)
    }
    .expect("articles always serialise");
    line.push(b'\n');
    line
}

fn note_stats(e: &OutEntity, stats: &mut ArticleStats, excel: bool) {
    match (&e.fields, e.value.as_deref()) {
        (Fields::Date { .. }, Some(v)) => {
            let (y, m, _) = date_parts(v);
            match (y, m) {
                (None, _) => stats.dates_without_year += 1,
                (Some(y), Some(m)) => stats.months.push(format!("{y}-{m}")),
                _ => {}
            }
        }
        (Fields::Unit {}, Some(v)) if excel => stats.units.push(v.to_string()),
        (Fields::Title { .. }, _) if excel => stats
            .titles
            .push(e.value.clone().unwrap_or_else(|| e.text.clone())),
        _ => {}
    }
}

/// Year, month and day of a date value as written by the tool (`2022-11-04`,
/// `2022-Q4`, `--11-04`; a range gives its start).
pub fn date_parts(value: &str) -> (Option<&str>, Option<&str>, Option<&str>) {
    let start = value.split('/').next().unwrap_or(value);
    let (year, rest) = match start.strip_prefix("--") {
        Some(rest) => (None, rest),
        None => match start.split_once('-') {
            Some((y, rest)) => (Some(y), rest),
            None => (Some(start), ""),
        },
    };
    let year = year.filter(|y| !y.is_empty() && y.bytes().all(|b| b.is_ascii_digit()));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (month, day) = match rest.split_once('-') {
        Some((m, d)) => (Some(m), Some(d)),
        None => (Some(rest), None),
    };
    (year, month.filter(|m| digits(m)), day.filter(|d| digits(d)))
}

fn mention_row(a: &Article, e: &OutEntity, context: String) -> Vec<String> {
    let mut row = vec![
        a.id.clone(),
        e.sentence.to_string(),
        e.start.to_string(),
        e.end.to_string(),
        e.text.clone(),
        opt(&e.value),
    ];
    match &e.fields {
        Fields::Date {
            calendar,
            relative,
            year_from,
        } => {
            let (y, m, d) = e.value.as_deref().map(date_parts).unwrap_or_default();
            let num = |s: Option<&str>| {
                s.and_then(|s| s.parse::<u32>().ok())
                    .map_or(String::new(), |n| n.to_string())
            };
            row.extend([num(y), num(m), num(d)]);
            row.push(year_from.as_str().to_string());
            row.push(calendar.unwrap_or("gregorian").to_string());
            row.push(relative.to_string());
        }
        Fields::Title {
            role, unit, person, ..
        } => row.extend([role.clone(), opt(unit), opt(person)]),
        Fields::Resolution {
            kind,
            date,
            issuer,
            issuer_code,
            subject,
        } => row.extend([
            kind.clone(),
            opt(date),
            opt(issuer),
            opt(issuer_code),
            opt(subject),
        ]),
        Fields::Person {} | Fields::Unit {} => {}
    }
    row.push(e.rule.clone());
    row.push(context);
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_parts_of_every_value_form() {
        assert_eq!(
            date_parts("2022-11-04"),
            (Some("2022"), Some("11"), Some("04"))
        );
        assert_eq!(date_parts("2022-11"), (Some("2022"), Some("11"), None));
        assert_eq!(date_parts("2022"), (Some("2022"), None, None));
        assert_eq!(date_parts("2022-Q4"), (Some("2022"), None, None));
        assert_eq!(date_parts("--11-04"), (None, Some("11"), Some("04")));
        assert_eq!(date_parts("--11"), (None, Some("11"), None));
        assert_eq!(
            date_parts("2020-10-10/2020-10-12"),
            (Some("2020"), Some("10"), Some("10"))
        );
    }

    #[test]
    fn every_row_fits_its_header() {
        let doc = crate::model::Document {
            id: "a".into(),
            text: "Ngày 19/6/2020, ông Lê Văn Nam, Giám đốc Sở Y tế, ký Quyết định số 12/QĐ-UBND."
                .into(),
            ..Default::default()
        };
        let engine =
            crate::Engine::new(&crate::RuleSources::embedded(), Default::default()).unwrap();
        let layout = Layout::new(RenderOptions {
            excel: true,
            ..RenderOptions::default()
        });
        let r = render(&engine.process(&doc), &layout, engine.identities(), 0);
        assert!(r.sheet_rows.len() > 5);
        for (t, row) in &r.sheet_rows {
            assert_eq!(row.len(), layout.columns(*t).unwrap().len(), "{t:?}");
        }
    }
}
