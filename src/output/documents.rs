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
    "issuer_from_code",
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
    /// Issuer code to the issuer it stands for (`issuer_codes.csv`).
    issuer_names: BTreeMap<String, String>,
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
    /// An index whose `issuer_from_code` column reads these (code,
    /// issuer) rows (for a run with its own `--rules`).
    pub fn with_issuer_codes(rows: &[(String, String)]) -> DocumentIndex {
        DocumentIndex {
            rows: BTreeMap::new(),
            issuer_names: rows
                .iter()
                .filter(|(code, issuer)| !code.is_empty() && !issuer.is_empty())
                .cloned()
                .collect(),
        }
    }

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
            let (kind, value) = tie_short_mention(kind, &written, &full_numbers);
            let row = self
                .rows
                .entry(document_key(&kind, &value))
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
                    self.issuer_names
                        .get(&r.issuer_code)
                        .cloned()
                        .unwrap_or_default(),
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

/// The documents an article cites in full: numbers with an issuer code
/// (`05-ĐA/TU`, `19/2016/NĐ-CP`) and names with a year (`Trẻ em năm 2016`),
/// as (kind, value).
fn full_numbers(a: &Article) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = a
        .entities
        .iter()
        .filter_map(|e| match (&e.fields, &e.value) {
            (Fields::Resolution { kind, .. }, Some(v)) if is_full(v) => {
                Some((kind.clone(), v.clone()))
            }
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup_by(|x, y| document_key(&x.0, &x.1) == document_key(&y.0, &y.1));
    out
}

/// A number with an issuer code, or a name that carries its year.
fn is_full(value: &str) -> bool {
    if is_short_number(value) {
        return false;
    }
    let starts_with_digit = value.starts_with(|c: char| c.is_ascii_digit());
    starts_with_digit || name_without_year(value).len() < value.len()
}

/// `19`, `49/2017`, `19-2017`, `36a`: a number with no issuer code.
fn is_short_number(value: &str) -> bool {
    if !value.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let body = value
        .strip_suffix(|c: char| c.is_ascii_lowercase())
        .unwrap_or(value);
    body.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.'))
}

/// A law's name without a trailing year (`Trẻ em năm 2016` → `Trẻ em`).
fn name_without_year(value: &str) -> &str {
    let v = value.trim_end();
    let Some((head, year)) = v.rsplit_once(' ') else {
        return v;
    };
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return v;
    }
    let head = head.trim_end();
    head.strip_suffix(" năm")
        .or_else(|| head.strip_suffix(" Năm"))
        .unwrap_or(head)
        .trim_end()
}

/// Kinds that may name one document (`Thông tư` for a `Thông tư liên tịch`).
fn same_kind(short: &str, full: &str) -> bool {
    short == full || full.starts_with(short) && full[short.len()..].starts_with(' ')
}

/// The leading number without leading zeros (`05-ĐA/TU` → `5`), and the
/// year written in it, if any (`19/2016/NĐ-CP` → `2016`).
fn number_parts(value: &str) -> (String, Option<&str>) {
    let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
    let lead = digits.trim_start_matches('0');
    let lead = if lead.is_empty() { "0" } else { lead };
    let year = value[digits.len()..]
        .split(|c: char| !c.is_ascii_digit())
        .find(|p| p.len() == 4 && (p.starts_with("19") || p.starts_with("20")));
    (lead.to_string(), year)
}

/// A short mention (`Đề án 05`, `Nghị định 19`, `Nghị định 49/2017`,
/// `Luật trẻ em`) of a document the same article cites in full is counted
/// as that document: same kind (or its longer form), same leading number
/// and no other year, or the same name without its year. A short mention
/// that fits two full ones is left as written. Returns (kind, value).
fn tie_short_mention(kind: &str, value: &str, full: &[(String, String)]) -> (String, String) {
    let fits: Vec<&(String, String)> = if is_short_number(value) {
        let (lead, year) = number_parts(value);
        full.iter()
            .filter(|(k, v)| {
                let (full_lead, full_year) = number_parts(v);
                same_kind(kind, k)
                    && v.starts_with(|c: char| c.is_ascii_digit())
                    && full_lead == lead
                    && (year.is_none() || year == full_year)
            })
            .collect()
    } else if !value.starts_with(|c: char| c.is_ascii_digit()) && !is_full(value) {
        let name = value.to_lowercase();
        full.iter()
            .filter(|(k, v)| same_kind(kind, k) && name_without_year(v).to_lowercase() == name)
            .collect()
    } else {
        Vec::new()
    };
    match fits.as_slice() {
        [(k, v)] => (k.clone(), v.clone()),
        _ => (kind.to_string(), value.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(rows: &[(&str, &str)]) -> Vec<(String, String)> {
        rows.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn tie(kind: &str, value: &str, full: &[(String, String)]) -> String {
        tie_short_mention(kind, value, full).1
    }

    #[test]
    fn short_mentions_are_tied_to_full_numbers() {
        let full = docs(&[
            ("Đề án", "05-ĐA/TU"),
            ("Nghị định", "19/2016/NĐ-CP"),
            ("Nghị định", "49/2017/NĐ-CP"),
            ("Thông tư liên tịch", "15/2014/TTLT-BTP-BTNMT"),
        ]);
        assert_eq!(tie("Đề án", "05", &full), "05-ĐA/TU");
        assert_eq!(tie("Đề án", "5", &full), "05-ĐA/TU");
        assert_eq!(tie("Nghị định", "19", &full), "19/2016/NĐ-CP");
        assert_eq!(tie("Nghị định", "49/2017", &full), "49/2017/NĐ-CP");
        assert_eq!(tie("Nghị định", "19/2015", &full), "19/2015");
        assert_eq!(tie("Nghị quyết", "05", &full), "05");
        assert_eq!(tie("Đề án", "06", &full), "06");
        assert_eq!(tie("Thông tư", "15", &full), "15/2014/TTLT-BTP-BTNMT");
        assert_eq!(
            tie_short_mention("Thông tư", "15", &full).0,
            "Thông tư liên tịch"
        );
    }

    #[test]
    fn a_short_mention_fitting_two_documents_is_left_alone() {
        let full = docs(&[
            ("Nghị định", "19/2016/NĐ-CP"),
            ("Nghị định", "19/2012/NĐ-CP"),
        ]);
        assert_eq!(tie("Nghị định", "19", &full), "19");
        assert_eq!(tie("Nghị định", "19/2012", &full), "19/2012/NĐ-CP");
    }

    #[test]
    fn names_without_their_year_are_tied() {
        let full = docs(&[("Luật", "Trẻ em năm 2016"), ("Bộ luật", "Dân sự 2015")]);
        assert_eq!(tie("Luật", "trẻ em", &full), "Trẻ em năm 2016");
        assert_eq!(tie("Bộ luật", "Dân sự", &full), "Dân sự 2015");
        assert_eq!(tie("Luật", "Đất đai", &full), "Đất đai");
        assert_eq!(name_without_year("Đất đai năm 2013"), "Đất đai");
        assert_eq!(name_without_year("An ninh mạng"), "An ninh mạng");
    }

    #[test]
    fn full_and_short_values() {
        assert!(is_short_number("19") && is_short_number("49/2017") && is_short_number("36a"));
        assert!(!is_short_number("05-ĐA/TU") && !is_short_number("Trẻ em"));
        assert!(!is_short_number("Nhà ở") && !is_full("Nhà ở"));
        assert!(is_full("19/2016/NĐ-CP") && is_full("Trẻ em 2016"));
        assert!(!is_full("19") && !is_full("Trẻ em"));
    }

    #[test]
    fn keys_fold_case_spaces_and_dashes() {
        assert_eq!(
            document_key("Nghị quyết", "35 – NQ/TW"),
            document_key("nghị quyết", "35-nq/tw")
        );
    }
}
