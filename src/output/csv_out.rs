//! CSV files an analyst opens in a spreadsheet: UTF-8 with a byte order
//! mark (so Excel reads Vietnamese correctly), one row per article, per
//! entity, per error; each entity row carries its sentence as context.

use super::people::people_rows;
use crate::input::InputError;
use crate::model::{Article, EntityType, Fields, OutEntity};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

type Writer = csv::Writer<BufWriter<File>>;

/// Open a CSV file with a BOM and a header row.
pub fn create_csv(path: &Path, header: &[&str]) -> io::Result<Writer> {
    let mut file = BufWriter::new(File::create(path)?);
    file.write_all("\u{FEFF}".as_bytes())?;
    let mut w = csv::Writer::from_writer(file);
    w.write_record(header)?;
    Ok(w)
}

/// Spreadsheets run cells that start with `=`, `+`, `-` or `@` as
/// formulas; a leading apostrophe keeps them text.
pub fn cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{s}"),
        _ => s.to_string(),
    }
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map(cell).unwrap_or_default()
}

const ENTITY_HEAD: [&str; 6] = ["article_id", "sentence", "start", "end", "text", "value"];

pub struct CsvSet {
    articles: Writer,
    per_type: Vec<Writer>,
    errors: Writer,
    people: Writer,
}

/// The type-specific columns of each entity CSV.
fn type_columns(t: EntityType) -> &'static [&'static str] {
    match t {
        EntityType::Date => &["calendar", "relative"],
        EntityType::Person | EntityType::Unit => &[],
        EntityType::Title => &["role", "unit", "person"],
        EntityType::Resolution => &["kind", "date", "issuer", "issuer_code", "subject"],
    }
}

fn file_name(t: EntityType) -> String {
    format!("{}s.csv", t.as_str())
}

impl CsvSet {
    pub fn create(dir: &Path) -> io::Result<CsvSet> {
        let mut art_head = vec!["id", "path", "headline", "date", "byline", "sentences"];
        let type_heads: Vec<String> = EntityType::ALL.iter().map(|t| format!("{}s", t.as_str())).collect();
        art_head.extend(type_heads.iter().map(String::as_str));
        let per_type = EntityType::ALL
            .iter()
            .map(|&t| {
                let mut head: Vec<&str> = ENTITY_HEAD.to_vec();
                head.extend(type_columns(t));
                head.extend(["rule", "context"]);
                create_csv(&dir.join(file_name(t)), &head)
            })
            .collect::<io::Result<Vec<_>>>()?;
        Ok(CsvSet {
            articles: create_csv(&dir.join("articles.csv"), &art_head)?,
            per_type,
            errors: create_csv(&dir.join("errors.csv"), &["path", "kind", "message"])?,
            people: create_csv(&dir.join("people.csv"), super::people::HEADER)?,
        })
    }

    pub fn write_article(&mut self, a: &Article) -> io::Result<()> {
        let mut row = vec![
            cell(&a.id),
            opt(&a.path),
            opt(&a.headline),
            opt(&a.date),
            opt(&a.byline),
            a.sentences.len().to_string(),
        ];
        row.extend(EntityType::ALL.iter().map(|&t| a.count(t).to_string()));
        self.articles.write_record(&row)?;
        for e in &a.entities {
            let i = EntityType::ALL.iter().position(|&t| t == e.etype).unwrap_or(0);
            self.per_type[i].write_record(entity_row(a, e))?;
        }
        for row in people_rows(a) {
            self.people.write_record(row)?;
        }
        Ok(())
    }

    pub fn write_error(&mut self, e: &InputError) -> io::Result<()> {
        self.errors.write_record([cell(&e.path), e.kind.to_string(), cell(&e.message)])?;
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.articles.flush()?;
        for w in &mut self.per_type {
            w.flush()?;
        }
        self.errors.flush()?;
        self.people.flush()
    }
}

fn entity_row(a: &Article, e: &OutEntity) -> Vec<String> {
    let mut row = vec![
        cell(&a.id),
        e.sentence.to_string(),
        e.start.to_string(),
        e.end.to_string(),
        cell(&e.text),
        opt(&e.value),
    ];
    match &e.fields {
        Fields::Date { calendar, relative } => {
            row.push(calendar.unwrap_or("gregorian").to_string());
            row.push(relative.to_string());
        }
        Fields::Title { role, unit, person } => {
            row.extend([cell(role), opt(unit), opt(person)]);
        }
        Fields::Resolution {
            kind,
            date,
            issuer,
            issuer_code,
            subject,
        } => {
            row.extend([cell(kind), opt(date), opt(issuer), opt(issuer_code), opt(subject)]);
        }
        Fields::Person {} | Fields::Unit {} => {}
    }
    row.push(e.rule.clone());
    row.push(cell(a.sentences.get(e.sentence).map_or("", String::as_str)));
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("--11-04"), "'--11-04");
        assert_eq!(cell("Hà Nội"), "Hà Nội");
    }
}
