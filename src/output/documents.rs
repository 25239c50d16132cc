//! `documents.csv`: the citation index, one row per cited document over
//! the whole run (which citations name one document is decided in
//! [`crate::extract::resolution::identity`]). For each document, the form
//! of its number or name, issuer and date most often written, the most
//! frequent complete subject, and the articles citing it.
//!
//! Memory: one row per distinct document; each row's counts are bounded.

use super::tables::{Column, code, date, number, text};
use super::tally::Tally;
use crate::extract::resolution::identity::{DocumentKey, Identities, subject_title};
use crate::model::{Article, Fields};
use std::collections::HashMap;

pub const COLUMNS: &[Column] = &[
    code("kind"),
    text("number"),
    text("name"),
    text("issuer"),
    text("issuer_code"),
    text("issuer_from_code"),
    date("date"),
    text("subject"),
    number("articles"),
    number("mentions"),
    text("first_articles"),
];

/// Article ids listed per document.
const FIRST_IDS: usize = 5;
/// Forms each count keeps.
const KEPT: usize = 8;

/// One citation of an article, as the index needs it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct DocumentSeen {
    pub key: DocumentKey,
    pub kind: String,
    pub number: Option<String>,
    pub name: Option<String>,
    pub issuer: Option<String>,
    pub issuer_code: Option<String>,
    pub date: Option<String>,
    /// The subject cut where its title ends, and whether it is complete.
    pub subject: Option<(String, bool)>,
}

/// The citations of one article, identified.
pub fn documents_of(a: &Article, identities: &Identities) -> Vec<DocumentSeen> {
    let cites: Vec<(&Fields, &str)> = a
        .entities
        .iter()
        .filter(|e| matches!(e.fields, Fields::Resolution { .. }))
        .map(|e| (&e.fields, e.value.as_deref().unwrap_or(&e.text)))
        .collect();
    let written: Vec<(&str, &str, Option<&str>)> = cites
        .iter()
        .map(|(f, value)| match f {
            Fields::Resolution { kind, issuer, .. } => (kind.as_str(), *value, issuer.as_deref()),
            _ => unreachable!("only citations are kept"),
        })
        .collect();
    let ids = identities.identify_article(&written);
    cites
        .iter()
        .zip(ids)
        .map(|((f, _), id)| {
            let Fields::Resolution {
                issuer,
                issuer_code,
                date,
                subject,
                ..
            } = f
            else {
                unreachable!("only citations are kept")
            };
            DocumentSeen {
                key: id.key,
                kind: id.kind,
                number: id.number,
                name: id.name,
                issuer: issuer.clone(),
                issuer_code: issuer_code.clone(),
                date: date.clone(),
                subject: subject
                    .as_deref()
                    .map(subject_title)
                    .filter(|(s, _)| !s.is_empty()),
            }
        })
        .collect()
}

#[derive(Debug, Clone)]
struct DocRow {
    kind: Tally,
    number: Tally,
    name: Tally,
    issuer: Tally,
    issuer_code: Tally,
    date: Tally,
    complete_subject: Tally,
    any_subject: Tally,
    articles: u64,
    mentions: u64,
    first_ids: Vec<String>,
    last_id: Option<String>,
}

impl DocRow {
    fn new() -> DocRow {
        let t = || Tally::new(KEPT);
        DocRow {
            kind: t(),
            number: t(),
            name: t(),
            issuer: t(),
            issuer_code: t(),
            date: t(),
            complete_subject: t(),
            any_subject: t(),
            articles: 0,
            mentions: 0,
            first_ids: Vec::new(),
            last_id: None,
        }
    }
}

fn most(t: &Tally) -> String {
    t.top(1)
        .first()
        .map(|(s, _)| s.to_string())
        .unwrap_or_default()
}

/// Grows as articles are added; bounded by the number of distinct documents.
#[derive(Debug, Default)]
pub struct DocumentIndex {
    rows: HashMap<DocumentKey, DocRow>,
    /// Issuer code to the issuer it stands for (`issuer_codes.csv`).
    issuer_names: HashMap<String, String>,
}

impl DocumentIndex {
    /// An index whose `issuer_from_code` column reads these (code, issuer)
    /// rows (the run's `issuer_codes.csv`).
    pub fn with_issuer_codes(rows: &[(String, String)]) -> DocumentIndex {
        DocumentIndex {
            rows: HashMap::new(),
            issuer_names: rows
                .iter()
                .filter(|(code, issuer)| !code.is_empty() && !issuer.is_empty())
                .cloned()
                .collect(),
        }
    }

    pub fn add(&mut self, article_id: &str, seen: &[DocumentSeen]) {
        for d in seen {
            let row = self.rows.entry(d.key.clone()).or_insert_with(DocRow::new);
            row.kind.add(&d.kind, 1);
            let add = |t: &mut Tally, v: &Option<String>| {
                if let Some(v) = v {
                    t.add(v, 1);
                }
            };
            add(&mut row.number, &d.number);
            add(&mut row.name, &d.name);
            add(&mut row.issuer, &d.issuer);
            add(&mut row.issuer_code, &d.issuer_code);
            add(&mut row.date, &d.date);
            if let Some((subject, complete)) = &d.subject {
                row.any_subject.add(subject, 1);
                if *complete {
                    row.complete_subject.add(subject, 1);
                }
            }
            row.mentions += 1;
            if row.last_id.as_deref() != Some(article_id) {
                row.articles += 1;
                row.last_id = Some(article_id.to_string());
                if row.first_ids.len() < FIRST_IDS {
                    row.first_ids.push(article_id.to_string());
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

    fn ranked(&self) -> Vec<(&DocumentKey, &DocRow)> {
        let mut rows: Vec<(&DocumentKey, &DocRow)> = self.rows.iter().collect();
        rows.sort_by(|(ka, a), (kb, b)| {
            b.articles
                .cmp(&a.articles)
                .then(b.mentions.cmp(&a.mentions))
                .then(ka.cmp(kb))
        });
        rows
    }

    /// The `n` documents cited by most articles: (`kind number-or-name`,
    /// articles, mentions).
    pub fn top(&self, n: usize) -> Vec<(String, u64, u64)> {
        self.ranked()
            .into_iter()
            .take(n)
            .map(|(_, r)| {
                let what = [most(&r.number), most(&r.name)].concat();
                (format!("{} {what}", most(&r.kind)), r.articles, r.mentions)
            })
            .collect()
    }

    /// One row per document, most cited first.
    pub fn rows(&self) -> impl Iterator<Item = Vec<String>> + '_ {
        self.ranked().into_iter().map(|(_, r)| {
            let code = most(&r.issuer_code);
            let subject = if r.complete_subject.is_empty() {
                most(&r.any_subject)
            } else {
                most(&r.complete_subject)
            };
            vec![
                most(&r.kind),
                most(&r.number),
                most(&r.name),
                most(&r.issuer),
                code.clone(),
                self.issuer_names.get(&code).cloned().unwrap_or_default(),
                most(&r.date),
                subject,
                r.articles.to_string(),
                r.mentions.to_string(),
                r.first_ids.join(" "),
            ]
        })
    }
}
