//! The shared word lists of `rules/lexicon/*.csv`: surnames, honorifics,
//! titles, unit heads, abbreviations, places, issuer codes, non-names;
//! and the look-ups extractors make of a registered list's hits in an
//! article (an entry written exactly here, entries ending here).

use crate::rules::lists::{
    Abbreviation, Honorific, HonorificKind, IssuerCode, NotName, Place, PlaceKind, Surname,
    TitleCategory, TitleRole, UnitHead,
};
use crate::rules::typed::Titles;
use crate::rules::{RuleError, RuleSources};
pub use crate::text::chars::{is_word_boundary, lowercase};
pub use crate::text::wordlists::{Hit, WordList};
use crate::text::{Analysis, ListId, fold_str};

pub use crate::text::wordlists::Fnv;

/// A string set and map keyed with [`Fnv`].
pub type FnvSet = std::collections::HashSet<String, std::hash::BuildHasherDefault<Fnv>>;
pub type FnvMap<V> = std::collections::HashMap<String, V, std::hash::BuildHasherDefault<Fnv>>;

/// The shared word lists every extractor may use, read from the typed
/// rows of `rules/lexicon/*.csv` ([`crate::rules::lists`]).
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub surnames: WordList,
    /// `honorifics.csv`: words before a name that are not part of it.
    pub honorifics: WordList,
    /// The kind of each entry of `honorifics`, in list order.
    pub honorific_kinds: Vec<HonorificKind>,
    /// `titles.csv`, with the deputy's role generated for the roles marked
    /// `deputy` (`Phó Bí thư`, with `deputy_word` of `titles.json`).
    pub titles: WordList,
    pub title_rows: Vec<TitleRow>,
    /// `unit_heads.csv`.
    pub unit_heads: WordList,
    pub unit_head_rows: Vec<UnitHead>,
    /// `abbreviations.csv`.
    pub abbreviations: Vec<Abbreviation>,
    /// `places.csv`.
    pub places: WordList,
    /// The kind of each entry of `places`, in list order.
    pub place_kinds: Vec<PlaceKind>,
    /// `issuer_codes.csv`: (code, issuer).
    pub issuer_codes: Vec<(String, String)>,
    /// `not_names.csv`.
    pub not_names: WordList,
    /// Unit abbreviations other articles of the batch define after a full
    /// name (batch evidence): read like those of `abbreviations.csv`, but
    /// an article may still define them itself.
    pub batch_abbreviations: Vec<Abbreviation>,
}

/// A role of `titles.csv`, or the deputy's role generated from it.
#[derive(Debug, Clone)]
pub struct TitleRow {
    /// The role as listed (or generated), in its usual capitalisation.
    pub role: String,
    pub category: TitleCategory,
    pub takes_unit: bool,
}

impl Lexicon {
    pub fn load(sources: &RuleSources) -> Result<Lexicon, RuleError> {
        let surnames: Vec<Surname> = sources.word_list()?;
        let honorifics: Vec<Honorific> = sources.word_list()?;
        let titles: Vec<TitleRole> = sources.word_list()?;
        let unit_head_rows: Vec<UnitHead> = sources.word_list()?;
        let abbreviations: Vec<Abbreviation> = sources.word_list()?;
        let places: Vec<Place> = sources.word_list()?;
        let codes: Vec<IssuerCode> = sources.word_list()?;
        let not_names: Vec<NotName> = sources.word_list()?;

        let deputy = sources.load::<Titles>()?.settings.deputy_word;
        let mut title_rows = Vec::new();
        for row in titles {
            if row.deputy {
                title_rows.push(TitleRow {
                    role: format!("{deputy} {}", row.role),
                    category: row.category,
                    takes_unit: row.takes_unit,
                });
            }
            title_rows.push(TitleRow {
                role: row.role,
                category: row.category,
                takes_unit: row.takes_unit,
            });
        }
        Ok(Lexicon {
            surnames: WordList::new(surnames.iter().map(|r| r.surname.as_str())),
            honorifics: WordList::new(honorifics.iter().map(|r| r.word.as_str())),
            honorific_kinds: honorifics.iter().map(|r| r.kind).collect(),
            titles: WordList::new(title_rows.iter().map(|r| r.role.as_str())),
            title_rows,
            unit_heads: WordList::new(unit_head_rows.iter().map(|r| r.head.as_str())),
            unit_head_rows,
            abbreviations,
            places: WordList::new(places.iter().map(|r| r.name.as_str())),
            place_kinds: places.iter().map(|r| r.kind).collect(),
            issuer_codes: codes.into_iter().map(|r| (r.code, r.issuer)).collect(),
            not_names: WordList::new(not_names.iter().map(|r| r.word.as_str())),
            batch_abbreviations: Vec::new(),
        })
    }

    /// Take the abbreviations the batch defines (in at least
    /// `batch_abbreviation_min_articles` articles, `units.json`) that the
    /// lexicon does not know.
    pub fn add_batch_abbreviations(
        &mut self,
        sources: &RuleSources,
        evidence: &crate::evidence::Evidence,
    ) -> Result<(), RuleError> {
        let min = sources
            .load::<crate::rules::typed::Units>()?
            .settings
            .batch_abbreviation_min_articles;
        for (abbr, name) in evidence.abbreviations(min) {
            let (abbr, expansion) = (fold_str(&abbr), fold_str(&name));
            if self.abbreviations.iter().any(|a| a.abbr == abbr) {
                continue;
            }
            self.batch_abbreviations.push(Abbreviation {
                abbr,
                expansion,
                kind: crate::rules::lists::AbbreviationKind::Unit,
            });
        }
        Ok(())
    }
}

/// A word list from a setting, its words' tone marks folded like the
/// working text (`hoà` is read as `hòa`).
pub fn folded(words: &[String]) -> WordList {
    WordList::new(words.iter().map(|w| fold_str(w)))
}

/// The entries of `list` written from `start` of the article, longest
/// first.
pub fn entries_at(a: &Analysis, list: ListId, start: usize) -> impl Iterator<Item = Hit> + '_ {
    let hits = a.hits.all(list);
    let first = hits.partition_point(|h| h.start < start);
    hits[first..]
        .iter()
        .take_while(move |h| h.start == start)
        .copied()
}

/// An entry of `list` is written exactly at `start..end` of the article.
pub fn is_entry(a: &Analysis, list: ListId, start: usize, end: usize) -> bool {
    entries_at(a, list, start).any(|h| h.end == end)
}

/// The entries of `list` that end exactly at `end` of the article; none
/// is longer than `longest` bytes.
pub fn entries_ending_at(
    a: &Analysis,
    list: ListId,
    end: usize,
    longest: usize,
) -> impl Iterator<Item = Hit> + '_ {
    let hits = a.hits.all(list);
    let from = hits.partition_point(|h| h.start + longest < end);
    let to = hits.partition_point(|h| h.start < end);
    hits[from..to].iter().filter(move |h| h.end == end).copied()
}

/// The length in bytes of the longest entry of a list.
pub fn longest(list: &WordList) -> usize {
    list.words.iter().map(String::len).max().unwrap_or(0)
}
