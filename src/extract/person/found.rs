//! The persons found so far in one article, and the spans earlier stages
//! own (no name word may lie inside a unit, title, date or citation).

use super::value::name_value;
use crate::model::{Entity, EntityType};

/// Spans of units, titles, dates and resolutions found so far: no name
/// word may lie inside them.
pub(super) fn owned_spans(found: &[Entity]) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = found
        .iter()
        .filter(|e| e.etype != EntityType::Person)
        .map(|e| (e.start, e.end))
        .collect();
    v.sort_unstable();
    v
}

pub(super) fn overlaps_any(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    // Spans are sorted by start; only those starting before `e` matter.
    let upto = spans.partition_point(|&(st, _)| st < e);
    spans[..upto].iter().any(|&(_, en)| en > s)
}

/// Persons found in one article, without duplicates.
#[derive(Default)]
pub(super) struct Out {
    pub(super) entities: Vec<Entity>,
}

impl Out {
    pub(super) fn overlaps(&self, s: usize, e: usize) -> bool {
        self.entities.iter().any(|x| x.overlaps(s, e))
    }

    pub(super) fn push(&mut self, s: usize, e: usize, work: &str, rule: &str) {
        if e <= s || self.overlaps(s, e) {
            return;
        }
        let mut ent = Entity::new(EntityType::Person, s, e, rule);
        ent.value = Some(name_value(&work[s..e]));
        self.entities.push(ent);
    }
}
