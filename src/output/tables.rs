//! The tables an analyst gets (one CSV file or one Excel sheet each): their
//! columns and how an article becomes rows. Cells are plain text here;
//! each writer makes them safe for its format.

use super::people::people_rows;
use crate::input::InputError;
use crate::model::{Article, EntityType, Fields, OutEntity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Articles,
    Dates,
    Persons,
    Titles,
    Units,
    Resolutions,
    People,
    Documents,
    Errors,
}

impl Table {
    pub const ALL: [Table; 9] = [
        Table::Articles,
        Table::Dates,
        Table::Persons,
        Table::Titles,
        Table::Units,
        Table::Resolutions,
        Table::People,
        Table::Documents,
        Table::Errors,
    ];

    /// File stem and sheet name.
    pub fn name(self) -> &'static str {
        match self {
            Table::Articles => "articles",
            Table::Dates => "dates",
            Table::Persons => "persons",
            Table::Titles => "titles",
            Table::Units => "units",
            Table::Resolutions => "resolutions",
            Table::People => "people",
            Table::Documents => "documents",
            Table::Errors => "errors",
        }
    }

    fn of_entity(t: EntityType) -> Table {
        match t {
            EntityType::Date => Table::Dates,
            EntityType::Person => Table::Persons,
            EntityType::Title => Table::Titles,
            EntityType::Unit => Table::Units,
            EntityType::Resolution => Table::Resolutions,
        }
    }

    pub fn header(self) -> Vec<&'static str> {
        let entity = |extra: &[&'static str]| {
            let mut h = vec!["article_id", "sentence", "start", "end", "text", "value"];
            h.extend_from_slice(extra);
            h.extend(["rule", "context"]);
            h
        };
        match self {
            Table::Articles => vec![
                "id",
                "path",
                "headline",
                "date",
                "byline",
                "sentences",
                "dates",
                "persons",
                "titles",
                "units",
                "resolutions",
            ],
            Table::Dates => entity(&["calendar", "relative"]),
            Table::Persons | Table::Units => entity(&[]),
            Table::Titles => entity(&["role", "unit", "person"]),
            Table::Resolutions => entity(&["kind", "date", "issuer", "issuer_code", "subject"]),
            Table::People => super::people::HEADER.to_vec(),
            Table::Documents => super::documents::HEADER.to_vec(),
            Table::Errors => vec!["path", "kind", "message"],
        }
    }

    /// Columns that hold counts or offsets (written as numbers in Excel).
    pub fn is_numeric(self, column: &str) -> bool {
        match self {
            Table::Articles => !matches!(column, "id" | "path" | "headline" | "date" | "byline"),
            Table::People => matches!(column, "mentions" | "first_sentence"),
            Table::Documents => matches!(column, "articles" | "mentions"),
            Table::Errors => false,
            _ => matches!(column, "sentence" | "start" | "end"),
        }
    }
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// Every row one article gives, in writing order.
pub fn article_rows(a: &Article) -> Vec<(Table, Vec<String>)> {
    let mut rows = Vec::with_capacity(a.entities.len() + 4);
    let mut head = vec![
        a.id.clone(),
        opt(&a.path),
        opt(&a.headline),
        opt(&a.date),
        opt(&a.byline),
        a.sentences.len().to_string(),
    ];
    head.extend(EntityType::ALL.iter().map(|&t| a.count(t).to_string()));
    rows.push((Table::Articles, head));
    for e in &a.entities {
        rows.push((Table::of_entity(e.etype), entity_row(a, e)));
    }
    rows.extend(people_rows(a).into_iter().map(|r| (Table::People, r)));
    rows
}

pub fn error_row(e: &InputError) -> Vec<String> {
    vec![e.path.clone(), e.kind.to_string(), e.message.clone()]
}

fn entity_row(a: &Article, e: &OutEntity) -> Vec<String> {
    let mut row = vec![
        a.id.clone(),
        e.sentence.to_string(),
        e.start.to_string(),
        e.end.to_string(),
        e.text.clone(),
        opt(&e.value),
    ];
    match &e.fields {
        Fields::Date { calendar, relative } => {
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
    row.push(a.sentences.get(e.sentence).cloned().unwrap_or_default());
    row
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for (t, row) in article_rows(&engine.process(&doc)) {
            assert_eq!(row.len(), t.header().len(), "{t:?}");
        }
    }
}
