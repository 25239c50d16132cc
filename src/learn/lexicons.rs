//! The hand-written word lists of `rules/lexicon/` the learner starts
//! from, as phrase lists matched token by token. The learner never reads
//! `rules/learned/`: what it writes does not feed back into what it learns.

use super::tokens::phrase_tokens;
use crate::rules::{RuleError, RuleSources};
use std::collections::{HashMap, HashSet};

/// Phrases matched on lower-cased tokens, longest first.
#[derive(Debug, Default)]
pub struct PhraseList {
    /// The phrases as listed (folded, as the rule loader gives them).
    pub phrases: Vec<String>,
    /// First token → (tokens, phrase index), longest first.
    by_first: HashMap<String, Vec<(Vec<String>, usize)>>,
}

impl PhraseList {
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseList {
        let mut list = PhraseList::default();
        for p in phrases {
            let toks = phrase_tokens(p);
            if toks.is_empty() {
                continue;
            }
            let idx = list.phrases.len();
            list.phrases.push(p.to_string());
            list.by_first
                .entry(toks[0].clone())
                .or_default()
                .push((toks, idx));
        }
        for v in list.by_first.values_mut() {
            v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        }
        list
    }

    /// The longest phrase starting at token `i`: (tokens it covers, index).
    pub fn longest_at(&self, lowers: &[String], i: usize) -> Option<(usize, usize)> {
        let cands = self.by_first.get(lowers.get(i)?)?;
        cands
            .iter()
            .find(|(toks, _)| {
                i + toks.len() <= lowers.len() && toks.iter().zip(&lowers[i..]).all(|(a, b)| a == b)
            })
            .map(|(toks, idx)| (toks.len(), *idx))
    }

    /// The longest phrase ending just before token `end`: (tokens, index).
    pub fn longest_before(&self, lowers: &[String], end: usize) -> Option<(usize, usize)> {
        (end.saturating_sub(8)..end).find_map(|s| {
            let cands = self.by_first.get(&lowers[s])?;
            cands
                .iter()
                .find(|(toks, _)| {
                    s + toks.len() == end && toks.iter().zip(&lowers[s..]).all(|(a, b)| a == b)
                })
                .map(|(toks, idx)| (toks.len(), *idx))
        })
    }

    /// The phrases whose first word is `word`: (words, index), longest first.
    pub fn starting_with(&self, word: &str) -> &[(Vec<String>, usize)] {
        self.by_first.get(word).map_or(&[], Vec::as_slice)
    }

    /// Whether the whole lower-cased token sequence is a phrase of the list.
    pub fn contains(&self, lowers: &[String]) -> bool {
        self.longest_at(lowers, 0)
            .is_some_and(|(n, _)| n == lowers.len())
    }
}

/// Forms of address among the honorifics: after a comma they start a new
/// clause rather than describe the name before it.
const ADDRESS_FORMS: &[&str] = &[
    "ông",
    "bà",
    "anh",
    "chị",
    "cô",
    "chú",
    "bác",
    "cụ",
    "cụ ông",
    "cụ bà",
    "ông cụ",
    "bà cụ",
    "em",
    "cháu",
    "bé",
    "bạn",
    "đồng chí",
    "đ/c",
    "ngài",
    "quý ông",
    "quý bà",
    "thầy",
    "gã",
    "ả",
    "tên",
    "người dân",
    "người đàn ông",
    "người phụ nữ",
];

/// Honorifics of the press (see [`Lexicons::press`]).
const PRESS: &[&str] = &[
    "phóng viên",
    "pv",
    "nhà báo",
    "biên tập viên",
    "btv",
    "cộng tác viên",
    "ctv",
];

/// What the learner knows before it reads the corpus.
pub struct Lexicons {
    /// `unit_heads.csv`: organisation head words.
    pub unit_heads: PhraseList,
    /// Heads that name one body on their own (`Bộ Công an`, `Quốc hội`).
    pub standalone_heads: HashSet<usize>,
    /// `honorifics.csv`: forms of address, kinship, professions.
    pub honorifics: PhraseList,
    /// Entries of `honorifics` that are forms of address or kinship
    /// (`ông`, `chị`, `vợ`), not professions or roles.
    pub address_forms: HashSet<usize>,
    /// Entries of `honorifics` for the press (`phóng viên`, `PV`): in news
    /// they stand before the outlet far more often than before a name
    /// (`PV Dân trí`), so they are no cue of a person.
    pub press: HashSet<usize>,
    /// `titles.csv`, with the `Phó` forms.
    pub titles: PhraseList,
    /// `surnames.csv`, lower-cased.
    pub surnames: HashSet<String>,
    /// `places.csv` names (not the level words) and the place
    /// abbreviations of `abbreviations.csv` (`TP.HCM`, `VN`).
    pub places: PhraseList,
    /// `places.csv` level words (`tỉnh`, `huyện`), lower-cased phrases.
    pub place_levels: PhraseList,
    pub not_names: PhraseList,
    /// `abbreviations.csv` entries that are not places (`EU`, `MU`, `DN`).
    pub abbreviations: PhraseList,
    /// Kinds of cited documents (`resolutions.json` setting `kinds`:
    /// `bộ luật`, `quyết định`): a name they start is a document's.
    pub document_kinds: PhraseList,
}

impl Lexicons {
    pub fn load(sources: &RuleSources) -> Result<Lexicons, RuleError> {
        let heads = sources.csv("lexicon/unit_heads.csv")?;
        let honor = sources.csv("lexicon/honorifics.csv")?;
        let titles = sources.csv("lexicon/titles.csv")?;
        let surnames = sources.csv("lexicon/surnames.csv")?;
        let places = sources.csv("lexicon/places.csv")?;
        let not_names = sources.csv("lexicon/not_names.csv")?;
        let abbr = sources.csv("lexicon/abbreviations.csv")?;
        let resolutions = sources.json("resolutions.json")?;
        let doc_kinds: Vec<String> = resolutions
            .settings
            .get("kinds")
            .and_then(|k| k.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|k| k.get("form")?.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        let abbr_names = abbr.column("abbr");
        let abbr_kinds = abbr.column("kind");
        let abbr_place = |i: &usize| abbr_kinds.get(*i) == Some(&"place");

        let head_names = heads.column("head");
        let standalone_heads = heads
            .column("standalone")
            .iter()
            .enumerate()
            .filter(|(_, s)| **s == "yes")
            .map(|(i, _)| i)
            .collect();
        let mut roles: Vec<String> = Vec::new();
        for row in &titles.rows {
            let role = titles.cell(row, "role");
            if titles.cell(row, "deputy") == "yes" {
                roles.push(format!("Phó {role}"));
            }
            roles.push(role.to_string());
        }
        let kinds = places.column("kind");
        let names = places.column("name");
        let is_level = |i: &usize| kinds.get(*i) == Some(&"level");
        Ok(Lexicons {
            unit_heads: PhraseList::new(head_names.iter().copied()),
            standalone_heads,
            address_forms: honor
                .column("word")
                .iter()
                .zip(honor.column("kind"))
                .enumerate()
                .filter(|(_, (w, kind))| {
                    *kind == "kinship" || ADDRESS_FORMS.contains(&w.to_lowercase().as_str())
                })
                .map(|(i, _)| i)
                .collect(),
            press: honor
                .column("word")
                .iter()
                .enumerate()
                .filter(|(_, w)| PRESS.contains(&w.to_lowercase().as_str()))
                .map(|(i, _)| i)
                .collect(),
            honorifics: PhraseList::new(honor.column("word")),
            titles: PhraseList::new(roles.iter().map(String::as_str)),
            surnames: surnames
                .column("surname")
                .iter()
                .map(|s| s.to_lowercase())
                .collect(),
            places: PhraseList::new(
                (0..names.len())
                    .filter(|i| !is_level(i))
                    .map(|i| names[i])
                    .chain(
                        (0..abbr_names.len())
                            .filter(abbr_place)
                            .map(|i| abbr_names[i]),
                    ),
            ),
            abbreviations: PhraseList::new(
                (0..abbr_names.len())
                    .filter(|i| !abbr_place(i))
                    .map(|i| abbr_names[i]),
            ),
            place_levels: PhraseList::new((0..names.len()).filter(is_level).map(|i| names[i])),
            not_names: PhraseList::new(not_names.column("word")),
            document_kinds: PhraseList::new(doc_kinds.iter().map(String::as_str)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(s: &str) -> Vec<String> {
        phrase_tokens(s)
    }

    #[test]
    fn longest_phrase_wins() {
        let l = PhraseList::new(["Bệnh viện", "Bệnh viện Đa khoa", "Viện"]);
        let t = lowers("tại Bệnh viện Đa khoa tỉnh");
        assert_eq!(l.longest_at(&t, 1), Some((4, 1)));
        assert_eq!(l.longest_at(&t, 0), None);
        assert_eq!(l.longest_before(&t, 3), Some((2, 0)));
        assert!(l.contains(&lowers("bệnh viện")));
        assert!(!l.contains(&lowers("bệnh viện tỉnh")));
    }

    #[test]
    fn embedded_lists_load() {
        let lex = Lexicons::load(&RuleSources::embedded()).unwrap();
        let t = lowers("Trung tâm");
        assert!(lex.unit_heads.longest_at(&t, 0).is_some());
        assert!(lex.surnames.contains("nguyễn"));
        assert!(lex.titles.contains(&lowers("Phó Chủ tịch")));
        assert!(
            lex.document_kinds
                .longest_at(&lowers("Bộ luật Hình sự"), 0)
                .is_some()
        );
    }
}
