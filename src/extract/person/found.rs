//! The persons found so far in one article, and the spans earlier stages
//! own (no name word may lie inside a unit, title, date or citation).

use super::value::name_value;
use crate::model::{Entity, EntityType};
use std::collections::{BTreeMap, HashSet};

/// Spans of units, titles, dates and resolutions found so far: no name
/// word may lie inside them. Sorted by start, each end raised to the
/// furthest end so far, so that `overlaps_any` looks at one span only
/// (a run of thousands of mentions is not rescanned per candidate).
pub(super) fn owned_spans(found: &[Entity]) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = found
        .iter()
        .filter(|e| e.etype != EntityType::Person)
        .map(|e| (e.start, e.end))
        .collect();
    v.sort_unstable();
    let mut furthest = 0;
    for span in &mut v {
        furthest = furthest.max(span.1);
        span.1 = furthest;
    }
    v
}

/// Whether `s..e` overlaps an owned span (spans as `owned_spans` gives them).
pub(super) fn overlaps_any(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    // Only spans starting before `e` matter; the last of them has the
    // furthest end of all.
    let upto = spans.partition_point(|&(st, _)| st < e);
    upto > 0 && spans[upto - 1].1 > s
}

/// Persons found in one article, without duplicates.
#[derive(Default)]
pub(super) struct Out {
    pub(super) entities: Vec<Entity>,
    /// The same spans by start (they never overlap, so their ends are in
    /// order too): an overlap test is one look-up, not a scan.
    spans: BTreeMap<usize, usize>,
    ends: HashSet<usize>,
}

impl Out {
    pub(super) fn overlaps(&self, s: usize, e: usize) -> bool {
        self.spans
            .range(..e)
            .next_back()
            .is_some_and(|(_, &end)| end > s)
    }

    /// A person found so far starts at `pos`.
    pub(super) fn starts_at(&self, pos: usize) -> bool {
        self.spans.contains_key(&pos)
    }

    /// A person found so far ends at `pos`.
    pub(super) fn ends_at(&self, pos: usize) -> bool {
        self.ends.contains(&pos)
    }

    pub(super) fn push(&mut self, s: usize, e: usize, work: &str, rule: &str) {
        // A name that ends in an initial keeps its dot (`Nguyễn Quỳnh N.`):
        // a one-letter word ends no sentence of its own.
        let e = if ends_in_initial(&work[s..e]) && work[e..].starts_with('.') {
            e + 1
        } else {
            e
        };
        if e <= s || self.overlaps(s, e) {
            return;
        }
        let mut ent = Entity::new(EntityType::Person, s, e, rule);
        ent.value = Some(name_value(&work[s..e]));
        self.entities.push(ent);
        self.spans.insert(s, e);
        self.ends.insert(e);
    }
}

/// The last word of a name is an initial: one capital letter, or two or
/// three letters with no vowel (`Nguyễn Quỳnh N`, `Phạm Thị Tr`).
fn ends_in_initial(name: &str) -> bool {
    let Some((_, last)) = name.rsplit_once(' ') else {
        return false;
    };
    let mut chars = last.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let rest = chars.as_str();
    rest.is_empty()
        || (rest.len() <= 2
            && last.chars().all(|c| c.is_ascii_alphabetic())
            && !last.chars().any(|c| "aeiouyAEIOUY".contains(c)))
}

#[cfg(test)]
mod initial_tests {
    use super::ends_in_initial;

    #[test]
    fn names_ending_in_an_initial() {
        assert!(ends_in_initial("Nguyễn Quỳnh N"));
        assert!(ends_in_initial("Phạm Thị Tr"));
        assert!(!ends_in_initial("Nguyễn Văn An"));
        assert!(!ends_in_initial("N"));
        assert!(!ends_in_initial("Lê Văn Út"));
    }
}
