//! `documents.csv`: the citation index. One row per distinct document
//! (kind + normalised number or name) over the whole run, with the most
//! complete issuer, date and subject seen, and who cites it.

use crate::model::{Article, Fields};
use std::collections::BTreeMap;

pub const HEADER: &[&str] = &[
    "kind",
    "number",
    "issuer",
    "issuer_code",
    "date",
    "subject",
    "articles",
    "mentions",
    "first_articles",
];

/// How many citing article ids a row lists.
const FIRST_IDS: usize = 5;

#[derive(Debug, Clone, Default)]
struct DocRow {
    kind: String,
    value: String,
    issuer: String,
    issuer_code: String,
    date: String,
    subject: String,
    articles: usize,
    mentions: usize,
    first_ids: Vec<String>,
    last_id: Option<String>,
}

/// Grows as articles are added; bounded by the number of distinct documents.
#[derive(Debug, Default)]
pub struct DocumentIndex {
    rows: BTreeMap<(String, String), DocRow>,
}

/// The grouping key of a document number or name: case, spaces and dash
/// styles folded.
pub fn document_key(kind: &str, value: &str) -> (String, String) {
    let v: String = value
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if matches!(c, '‐' | '‑' | '‒' | '–' | '—' | '−') {
                '-'
            } else {
                c
            }
        })
        .collect::<String>()
        .to_lowercase();
    (kind.to_lowercase(), v)
}

fn keep_longer(slot: &mut String, candidate: Option<&String>) {
    if let Some(c) = candidate.filter(|c| c.chars().count() > slot.chars().count()) {
        *slot = c.clone();
    }
}

impl DocumentIndex {
    pub fn add(&mut self, a: &Article) {
        let full_numbers = full_numbers(a);
        for e in &a.entities {
            let Fields::Resolution {
                kind,
                date,
                issuer,
                issuer_code,
                subject,
            } = &e.fields
            else {
                continue;
            };
            let written = e.value.clone().unwrap_or_else(|| e.text.clone());
            let value = tie_short_mention(kind, &written, &full_numbers);
            let row = self
                .rows
                .entry(document_key(kind, &value))
                .or_insert_with(|| DocRow {
                    kind: kind.clone(),
                    value: value.clone(),
                    ..DocRow::default()
                });
            // The longest form of the number is the most informative one.
            keep_longer(&mut row.value, Some(&value));
            keep_longer(&mut row.issuer, issuer.as_ref());
            keep_longer(&mut row.issuer_code, issuer_code.as_ref());
            keep_longer(&mut row.date, date.as_ref());
            keep_longer(&mut row.subject, subject.as_ref());
            row.mentions += 1;
            if row.last_id.as_deref() != Some(a.id.as_str()) {
                row.articles += 1;
                row.last_id = Some(a.id.clone());
                if row.first_ids.len() < FIRST_IDS {
                    row.first_ids.push(a.id.clone());
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// One row per document, most cited first.
    pub fn rows(&self) -> Vec<Vec<String>> {
        let mut rows: Vec<&DocRow> = self.rows.values().collect();
        rows.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then(b.mentions.cmp(&a.mentions))
        });
        rows.into_iter()
            .map(|r| {
                vec![
                    r.kind.clone(),
                    r.value.clone(),
                    r.issuer.clone(),
                    r.issuer_code.clone(),
                    r.date.clone(),
                    r.subject.clone(),
                    r.articles.to_string(),
                    r.mentions.to_string(),
                    r.first_ids.join(" "),
                ]
            })
            .collect()
    }
}

/// The full numbers (`05-ĐA/TU`, `19/2016/NĐ-CP`) cited in an article, by kind.
fn full_numbers(a: &Article) -> Vec<(String, String)> {
    a.entities
        .iter()
        .filter_map(|e| match (&e.fields, &e.value) {
            (Fields::Resolution { kind, .. }, Some(v)) if v.contains('/') => {
                Some((kind.clone(), v.clone()))
            }
            _ => None,
        })
        .collect()
}

/// A short mention (`Đề án 05`, `Nghị định 19`) of a document the same
/// article cites in full is counted as that document.
fn tie_short_mention(kind: &str, value: &str, full: &[(String, String)]) -> String {
    let is_short = !value.contains('/') && value.chars().next().is_some_and(|c| c.is_ascii_digit());
    if !is_short {
        return value.to_string();
    }
    full.iter()
        .find(|(k, v)| {
            k == kind
                && v.strip_prefix(value)
                    .is_some_and(|rest| rest.starts_with('/') || rest.starts_with('-'))
        })
        .map_or_else(|| value.to_string(), |(_, v)| v.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_mentions_are_tied_to_full_numbers() {
        let full = vec![("Đề án".to_string(), "05-ĐA/TU".to_string())];
        assert_eq!(tie_short_mention("Đề án", "05", &full), "05-ĐA/TU");
        assert_eq!(tie_short_mention("Nghị quyết", "05", &full), "05");
        assert_eq!(tie_short_mention("Đề án", "06", &full), "06");
    }

    #[test]
    fn keys_fold_case_spaces_and_dashes() {
        assert_eq!(
            document_key("Nghị quyết", "35 – NQ/TW"),
            document_key("nghị quyết", "35-nq/tw")
        );
    }
}
