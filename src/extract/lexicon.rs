//! Word lists from `rules/lexicon/*.csv`, compiled to Aho-Corasick
//! automata over the lower-cased working text. Words match whole: the
//! characters around a match must not be letters or digits.

use crate::rules::{RuleError, RuleSources};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

/// A list of words or phrases matched case-insensitively, whole words only.
#[derive(Debug, Clone)]
pub struct WordList {
    /// Lower-cased entries, in list order.
    pub words: Vec<String>,
    ac: AhoCorasick,
}

/// A hit of a word list: byte range in the working text and entry index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub index: usize,
}

impl WordList {
    pub fn new<I, S>(words: I) -> WordList
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let words: Vec<String> = words
            .into_iter()
            .map(|w| lowercase(w.as_ref().trim()))
            .filter(|w| !w.is_empty())
            .collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(&words)
            .expect("word lists are small enough for Aho-Corasick");
        WordList { words, ac }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Every whole-word hit in `lower` (the lower-cased working text).
    pub fn find_all<'a>(&'a self, lower: &'a str) -> impl Iterator<Item = Hit> + 'a {
        self.ac
            .find_iter(lower)
            .filter(move |m| is_word_boundary(lower, m.start(), m.end()))
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                index: m.pattern().as_usize(),
            })
    }

    /// The longest whole-word entry starting exactly at `pos`.
    pub fn at(&self, lower: &str, pos: usize) -> Option<Hit> {
        if pos > lower.len() {
            return None;
        }
        let mut end = lower.len();
        // Leftmost-longest gives the longest entry at `pos`; when it is not a
        // whole word (`bộ` in `bộtrưởng`), look again in a shorter haystack.
        loop {
            let input = Input::new(lower).range(pos..end).anchored(Anchored::Yes);
            let m = self.ac.find(input)?;
            if is_word_boundary(lower, m.start(), m.end()) {
                return Some(Hit {
                    start: m.start(),
                    end: m.end(),
                    index: m.pattern().as_usize(),
                });
            }
            end = m.end() - 1;
            while !lower.is_char_boundary(end) {
                end -= 1;
            }
            if end <= pos {
                return None;
            }
        }
    }

    /// Whether `word` (any case) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        let l = lowercase(word);
        self.words.contains(&l)
    }

    pub fn index_of(&self, word: &str) -> Option<usize> {
        let l = lowercase(word);
        self.words.iter().position(|w| *w == l)
    }
}

/// Lower-case the way `Text::lower` does (same byte widths).
pub fn lowercase(s: &str) -> String {
    s.chars()
        .map(|c| {
            let mut it = c.to_lowercase();
            match (it.next(), it.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// No letter or digit touches the range on either side (a dot inside an
/// entry like `TP.` is fine: only the neighbours are checked).
pub fn is_word_boundary(s: &str, start: usize, end: usize) -> bool {
    let before_ok = s[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c));
    let inner_last = s[start..end].chars().next_back();
    let after = s[end..].chars().next();
    // `TP.` ending in a dot may be followed directly by a name (`TP.HCM`).
    let after_ok =
        after.is_none_or(|c| !is_word_char(c)) || inner_last.is_some_and(|c| !is_word_char(c));
    before_ok && after_ok
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let l = WordList::new(["bộ", "bộ công an", "tp."]);
        let text = "bộ công an và bộ đội, tp.hcm";
        let hits: Vec<_> = l.find_all(text).map(|h| &text[h.start..h.end]).collect();
        assert_eq!(hits, vec!["bộ công an", "bộ", "tp."]);
        assert_eq!(l.at(text, 0).map(|h| h.end), Some("bộ công an".len()));
        assert!(l.at("bộtrưởng", 0).is_none());
    }
}
