//! Typed rows of the files `vnextract learn` writes under `rules/learned/`
//! (see `src/learn/`): names and counts mined from a corpus. The person
//! extractor reads names seen with a cue, words that are no names and
//! brands that are no persons (thresholds in `persons.json`); the unit
//! extractor reads full names, continuations and brands (the `learned`
//! settings of `units.json`). A file with an unknown or missing column is
//! a load error naming the file and the line, like every word list.

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

/// `learned/unit_names.csv`: full organisation names and where they end.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnedUnitName {
    /// The name as most often written (`Bệnh viện Bệnh Nhiệt đới Trung ương`).
    pub name: String,
    /// The head word it starts with (`Bệnh viện`).
    pub head: String,
    /// Articles where the name occurs complete.
    pub articles: usize,
    pub mentions: usize,
    /// Lower-case words after the head.
    pub lower_words: usize,
}

impl WordListRow for LearnedUnitName {
    const PATH: &'static str = "learned/unit_names.csv";
    const COLUMNS: &'static [&'static str] =
        &["name", "head", "articles", "mentions", "lower_words"];
}

/// What the corpus says of a lower-case word after a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContinuationVerdict {
    /// It continued a name right after `before`.
    Continue,
    /// It starts the predicate after a name (`before` is `*`).
    Stop,
}

/// `learned/unit_continuations.csv`: lower-case words that continue or
/// end a name.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnedContinuation {
    /// The last word of the name so far, lower case (`nhiệt`), or `*`.
    pub before: String,
    /// The lower-case word after it (`đới`).
    pub word: String,
    pub verdict: ContinuationVerdict,
    /// Articles where it continued a name.
    pub continues: usize,
    /// Articles where it followed a complete name.
    pub ends: usize,
    /// Distinct names it continued.
    pub names: usize,
}

impl WordListRow for LearnedContinuation {
    const PATH: &'static str = "learned/unit_continuations.csv";
    const COLUMNS: &'static [&'static str] =
        &["before", "word", "verdict", "continues", "ends", "names"];
}

/// `learned/brands.csv`: company and brand names used bare as actors.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnedBrand {
    pub name: String,
    pub mentions: usize,
    pub articles: usize,
    /// Articles naming it as a company (`hãng X`, `Công ty ... (X)`).
    pub company_articles: usize,
    /// Articles where it is the subject of an actor verb.
    pub subject_articles: usize,
    /// Mentions without a company word or unit head before it.
    pub bare_mentions: usize,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSources;

    #[test]
    fn the_shipped_learned_files_read_as_typed_rows() {
        let s = RuleSources::embedded();
        let names: Vec<LearnedUnitName> = s.word_list().unwrap();
        assert!(names.iter().any(|n| n.head == "Bộ" && n.articles > 0));
        let cont: Vec<LearnedContinuation> = s.word_list().unwrap();
        assert!(cont.iter().any(|c| c.verdict == ContinuationVerdict::Stop));
        assert!(
            cont.iter()
                .any(|c| c.verdict == ContinuationVerdict::Continue)
        );
        let brands: Vec<LearnedBrand> = s.word_list().unwrap();
        assert!(!brands.is_empty());
    }

    #[test]
    fn an_unknown_verdict_names_its_line() {
        let mut s = RuleSources::embedded();
        s.set(
            "learned/unit_continuations.csv",
            "# made by hand\nbefore,word,verdict,continues,ends,names\nnhiệt,đới,maybe,1,0,1\n",
        );
        let err = s.word_list::<LearnedContinuation>().unwrap_err();
        assert_eq!(err.line, 3, "{err}");
    }
}
