//! Typed rows of the files `vnextract learn` writes (`rules/learned/`):
//! the extractors read them as evidence (names seen with a cue across the
//! corpus, words that are no names, brands that are no persons).

use super::lists::WordListRow;
use serde::Deserialize;

/// `learned/person_names.csv`: a name and how often the corpus writes it
/// with a cue (honorific, title, apposition).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnedPersonName {
    pub name: String,
    pub mentions: u64,
    pub cued: u64,
    pub articles: u64,
    pub cued_articles: u64,
    pub honorific: u64,
    pub title: u64,
    pub apposition: u64,
    pub surname: String,
}

impl WordListRow for LearnedPersonName {
    const PATH: &'static str = "learned/person_names.csv";
    const COLUMNS: &'static [&'static str] = &[
        "name",
        "mentions",
        "cued",
        "articles",
        "cued_articles",
        "honorific",
        "title",
        "apposition",
        "surname",
    ];
}

/// `learned/not_names.csv`: capitalised words and phrases that are no
/// person names, with the kind of evidence.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnedNotName {
    pub word: String,
    pub kind: LearnedNotNameKind,
    pub mentions: u64,
    pub evidence: u64,
    pub against: String,
    pub articles: String,
}

/// Why a learned word is no name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LearnedNotNameKind {
    /// Capitalised only at sentence starts.
    SentenceStart,
    /// A capitalised word glued to the lower-case word after it (`Dân trí`).
    Compound,
    /// Mostly written after a place word (`Litva`).
    Place,
    /// Mostly written after a unit head or company word.
    Organisation,
}

impl WordListRow for LearnedNotName {
    const PATH: &'static str = "learned/not_names.csv";
    const COLUMNS: &'static [&'static str] = &[
        "word", "kind", "mentions", "evidence", "against", "articles",
    ];
}

/// `learned/brands.csv`: company and brand names used bare as actors.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnedBrand {
    pub name: String,
    pub mentions: u64,
    pub articles: u64,
    pub company_articles: u64,
    pub subject_articles: u64,
    pub bare_mentions: u64,
    pub evidence: String,
}

impl WordListRow for LearnedBrand {
    const PATH: &'static str = "learned/brands.csv";
    const COLUMNS: &'static [&'static str] = &[
        "name",
        "mentions",
        "articles",
        "company_articles",
        "subject_articles",
        "bare_mentions",
        "evidence",
    ];
}
