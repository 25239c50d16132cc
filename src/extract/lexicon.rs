//! The shared word lists of `rules/lexicon/*.csv`: surnames, honorifics,
//! titles, unit heads, abbreviations, places, issuer codes, non-names.

use crate::rules::{RuleError, RuleSources};
pub use crate::text::chars::{is_word_boundary, lowercase};
pub use crate::text::wordlists::{Hit, WordList};

/// FNV-1a: the keys of the word-list gates are a few bytes long and not
/// chosen by an adversary, so a simpler hash than the default one will do.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A string set and map keyed with [`Fnv`].
pub type FnvSet = std::collections::HashSet<String, std::hash::BuildHasherDefault<Fnv>>;
pub type FnvMap<V> = std::collections::HashMap<String, V, std::hash::BuildHasherDefault<Fnv>>;

/// The shared word lists every extractor may use.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub surnames: WordList,
    /// `honorifics.csv`: words before a name that are not part of it.
    pub honorifics: WordList,
    pub honorific_kinds: Vec<String>,
    /// `titles.csv`, with generated `Phó` forms.
    pub titles: WordList,
    pub title_rows: Vec<TitleRow>,
    /// `unit_heads.csv`.
    pub unit_heads: WordList,
    pub unit_head_rows: Vec<UnitHeadRow>,
    /// `abbreviations.csv`.
    pub abbreviations: Vec<(String, String, String)>,
    /// `places.csv`.
    pub places: WordList,
    pub place_kinds: Vec<String>,
    /// `issuer_codes.csv`: (code, issuer).
    pub issuer_codes: Vec<(String, String)>,
    /// `not_names.csv`.
    pub not_names: WordList,
}

#[derive(Debug, Clone)]
pub struct TitleRow {
    /// The role as listed (or generated), in its usual capitalisation.
    pub role: String,
    pub category: String,
    pub takes_unit: bool,
}

#[derive(Debug, Clone)]
pub struct UnitHeadRow {
    pub head: String,
    pub category: String,
    pub standalone: bool,
}

impl Lexicon {
    pub fn load(sources: &RuleSources) -> Result<Lexicon, RuleError> {
        let surnames = sources.csv("lexicon/surnames.csv")?;
        let honor = sources.csv("lexicon/honorifics.csv")?;
        let titles = sources.csv("lexicon/titles.csv")?;
        let heads = sources.csv("lexicon/unit_heads.csv")?;
        let abbr = sources.csv("lexicon/abbreviations.csv")?;
        let places = sources.csv("lexicon/places.csv")?;
        let codes = sources.csv("lexicon/issuer_codes.csv")?;
        let not_names = sources.csv("lexicon/not_names.csv")?;

        let mut title_rows = Vec::new();
        for row in &titles.rows {
            let role = titles.cell(row, "role").to_string();
            let category = titles.cell(row, "category").to_string();
            let takes_unit = titles.cell(row, "takes_unit") == "yes";
            if titles.cell(row, "deputy") == "yes" {
                title_rows.push(TitleRow {
                    role: format!("Phó {role}"),
                    category: category.clone(),
                    takes_unit,
                });
            }
            title_rows.push(TitleRow {
                role,
                category,
                takes_unit,
            });
        }
        let unit_head_rows: Vec<UnitHeadRow> = heads
            .rows
            .iter()
            .map(|r| UnitHeadRow {
                head: heads.cell(r, "head").to_string(),
                category: heads.cell(r, "category").to_string(),
                standalone: heads.cell(r, "standalone") == "yes",
            })
            .collect();
        Ok(Lexicon {
            surnames: WordList::new(surnames.column("surname")),
            honorifics: WordList::new(honor.column("word")),
            honorific_kinds: honor.column("kind").into_iter().map(String::from).collect(),
            titles: WordList::new(title_rows.iter().map(|r| r.role.as_str())),
            title_rows,
            unit_heads: WordList::new(unit_head_rows.iter().map(|r| r.head.as_str())),
            unit_head_rows,
            abbreviations: abbr
                .rows
                .iter()
                .map(|r| {
                    (
                        abbr.cell(r, "abbr").to_string(),
                        abbr.cell(r, "expansion").to_string(),
                        abbr.cell(r, "kind").to_string(),
                    )
                })
                .collect(),
            places: WordList::new(places.column("name")),
            place_kinds: places
                .column("kind")
                .into_iter()
                .map(String::from)
                .collect(),
            issuer_codes: codes
                .rows
                .iter()
                .map(|r| {
                    (
                        codes.cell(r, "code").to_string(),
                        codes.cell(r, "issuer").to_string(),
                    )
                })
                .collect(),
            not_names: WordList::new(not_names.column("word")),
        })
    }
}
