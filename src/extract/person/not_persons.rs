//! Capitalised words read as names that name no person: a people's short
//! name used as an adjective (`ca sĩ Hàn`, `Việt kiều`) and outlets or
//! websites (`Getty Images`, `Daily Mail`).

use super::PersonExtractor;
use crate::extract::Ctx;
use crate::model::Entity;
use crate::text::wordlists::word_before;

impl PersonExtractor {
    /// Drop one-word names that are a people's short name used as an
    /// adjective: after a noun of `nationality_nouns` (`nghệ sĩ Việt`,
    /// `người Hàn`) or before `kiều` (`Việt kiều`).
    pub(super) fn drop_nationalities(&self, ctx: &Ctx, entities: &mut Vec<Entity>) {
        let (work, lower) = (ctx.work(), ctx.lower());
        entities.retain(|e| {
            let surface = &work[e.start..e.end];
            if !self.nationality_words.contains(surface) {
                return true;
            }
            let next_kieu = lower[e.end..].strip_prefix(' ').is_some_and(|r| {
                r.starts_with("kiều") && !r["kiều".len()..].starts_with(char::is_alphanumeric)
            });
            let adjective = word_before(lower, e.start, &self.nationality_nouns).is_some();
            !(next_kieu || adjective)
        });
    }

    /// Drop names holding a word of `outlet_words` (`Getty Images`).
    pub(super) fn drop_outlets(&self, work: &str, entities: &mut Vec<Entity>) {
        entities.retain(|e| {
            !work[e.start..e.end]
                .split(' ')
                .any(|w| self.outlet_words.contains(w))
        });
    }
}
