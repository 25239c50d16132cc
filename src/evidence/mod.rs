//! Batch evidence: what some articles of a batch establish with strong
//! evidence, counted so that every article of the batch can use it.
//!
//! - `person`: a name written right after an honorific or a title
//!   (`anh Trấn Thành`, `tiền đạo Paulinho`), counted in articles. Only
//!   names that can stand for one person batch-wide are gathered: two or
//!   more capitalised words, or one foreign word of four letters or more
//!   (a Vietnamese given name alone, `Nam`, is also a common word).
//! - `mention`: a run of capitalised words as written anywhere (`Paris`,
//!   `Trấn Thành`), counted in articles: the share of them that cue a
//!   name tells a person (`Pogba`, cued in many) from a city or a brand
//!   cued once by mistake (`ông Paris`, `nhân viên Apple`).
//! - `against`: such a run written right after a place, unit, company or
//!   competition word (`tại Paris`, `giải Premier League`, `hãng Apple`).
//! - `abbreviation`: an abbreviation an article defines in brackets after
//!   a unit's full name (`Cơ quan Chính quyền (CQCQ)`), keyed by the
//!   abbreviation with that name as detail, counted in articles.
//!
//! Evidence is counts, so merging is a sum: associative and commutative.
//! Rows are kept sorted, so a file is byte-identical however the batch
//! was split, ordered or threaded. Thresholds are applied where the
//! evidence is used (`rules/persons.json`, `rules/units.json`), never
//! here. Memory holds one entry per distinct name, not per article.

mod file;
mod gather;
mod mentions;

pub use file::{EvidenceFileError, FORMAT_HEADER};
pub use gather::of_article;

use std::collections::BTreeMap;

/// What a row of evidence is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// An abbreviation defined after a unit's full name.
    Abbreviation,
    /// A capitalised run written after a place, unit or company word.
    Against,
    /// A capitalised run written anywhere.
    Mention,
    /// A person's name seen with a cue.
    Person,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Abbreviation => "abbreviation",
            Kind::Against => "against",
            Kind::Mention => "mention",
            Kind::Person => "person",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "abbreviation" => Some(Kind::Abbreviation),
            "against" => Some(Kind::Against),
            "mention" => Some(Kind::Mention),
            "person" => Some(Kind::Person),
            _ => None,
        }
    }
}

/// What the batch says of one name, in articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameCounts {
    pub cued: u64,
    pub mentioned: u64,
    pub against: u64,
}

impl NameCounts {
    /// Share of the articles writing the name that cue it.
    pub fn cue_share(&self) -> f64 {
        self.cued as f64 / self.mentioned.max(1) as f64
    }

    /// Share of the articles writing the name that put it after a place,
    /// unit or company word.
    pub fn against_share(&self) -> f64 {
        self.against as f64 / self.mentioned.max(1) as f64
    }
}

/// Counts of (kind, key, detail): articles where each was seen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    counts: BTreeMap<(Kind, String, String), u64>,
}

impl Evidence {
    /// Count one more article (or `n`) for this row.
    pub fn add(&mut self, kind: Kind, key: &str, detail: &str, n: u64) {
        *self
            .counts
            .entry((kind, key.to_string(), detail.to_string()))
            .or_insert(0) += n;
    }

    /// Add every count of `other` (merging is a sum).
    pub fn merge(&mut self, other: Evidence) {
        for ((k, key, detail), n) in other.counts {
            *self.counts.entry((k, key, detail)).or_insert(0) += n;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Every row, sorted by kind, key and detail.
    pub fn rows(&self) -> impl Iterator<Item = (Kind, &str, &str, u64)> + '_ {
        self.counts
            .iter()
            .map(|((k, key, d), n)| (*k, key.as_str(), d.as_str(), *n))
    }

    fn count(&self, kind: Kind, key: &str) -> u64 {
        self.counts
            .get(&(kind, key.to_string(), String::new()))
            .copied()
            .unwrap_or(0)
    }

    /// What the batch says of a name: articles that cue it, that write
    /// it at all (never fewer than those that cue it), and that write it
    /// after a word against a person.
    pub fn name_counts(&self, name: &str) -> NameCounts {
        let cued = self.count(Kind::Person, name);
        NameCounts {
            cued,
            mentioned: self.count(Kind::Mention, name).max(cued),
            against: self.count(Kind::Against, name),
        }
    }

    /// Names seen with a cue in at least `min_articles` articles, with
    /// what the batch says of each.
    pub fn person_names(&self, min_articles: u64) -> impl Iterator<Item = (&str, NameCounts)> + '_ {
        self.rows()
            .filter(move |&(k, _, _, n)| k == Kind::Person && n >= min_articles)
            .map(|(_, key, _, _)| (key, self.name_counts(key)))
    }

    /// Abbreviations defined in at least `min_articles` articles, each with
    /// the full name most articles define it with (ties: the first in
    /// sorted order, so the choice does not depend on input order).
    pub fn abbreviations(&self, min_articles: u64) -> Vec<(String, String)> {
        let mut best: BTreeMap<&str, (&str, u64)> = BTreeMap::new();
        for (k, key, detail, n) in self.rows() {
            if k != Kind::Abbreviation || n < min_articles {
                continue;
            }
            let e = best.entry(key).or_insert((detail, n));
            if n > e.1 {
                *e = (detail, n);
            }
        }
        best.into_iter()
            .map(|(k, (d, _))| (k.to_string(), d.to_string()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_is_a_sum_whatever_the_order() {
        let mut a = Evidence::default();
        a.add(Kind::Person, "Trấn Thành", "", 1);
        a.add(Kind::Abbreviation, "CQCQ", "Cơ quan Chính quyền", 1);
        let mut b = Evidence::default();
        b.add(Kind::Person, "Trấn Thành", "", 2);
        b.add(Kind::Person, "Hari Won", "", 1);
        let mut ab = a.clone();
        ab.merge(b.clone());
        let mut ba = b;
        ba.merge(a);
        assert_eq!(ab, ba);
        let names: Vec<(&str, u64)> = ab.person_names(3).map(|(n, c)| (n, c.cued)).collect();
        assert_eq!(names, [("Trấn Thành", 3)]);
        assert_eq!(ab.person_names(1).count(), 2);
    }

    #[test]
    fn a_name_counts_its_cues_mentions_and_contexts_against() {
        let mut e = Evidence::default();
        e.add(Kind::Person, "Paris", "", 1);
        e.add(Kind::Mention, "Paris", "", 40);
        e.add(Kind::Against, "Paris", "", 12);
        e.add(Kind::Person, "Pogba", "", 3);
        let paris = e.name_counts("Paris");
        assert_eq!((paris.cued, paris.mentioned, paris.against), (1, 40, 12));
        assert!(paris.cue_share() < 0.05 && paris.against_share() > 0.25);
        // Mentions are never fewer than cues (a v1 file has none).
        assert_eq!(e.name_counts("Pogba").mentioned, 3);
        assert_eq!(e.name_counts("Pogba").cue_share(), 1.0);
    }

    #[test]
    fn an_abbreviation_takes_its_most_frequent_name() {
        let mut e = Evidence::default();
        e.add(Kind::Abbreviation, "TTKT", "Trung tâm Kiểm tra", 1);
        e.add(Kind::Abbreviation, "TTKT", "Trung tâm Kỹ thuật", 3);
        assert_eq!(
            e.abbreviations(1),
            [("TTKT".to_string(), "Trung tâm Kỹ thuật".to_string())]
        );
        assert!(e.abbreviations(4).is_empty());
    }
}
