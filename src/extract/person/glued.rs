//! A name glued to the first word of the next sentence or of a caption
//! when the full stop is missing (`... ông Trần Văn Nam Sau đó ...`,
//! `Ảnh: Hà Linh Những ...`): the extra word is cut off when the article
//! names the same person without it elsewhere.

use super::PersonExtractor;
use super::shape::is_foreign_word;
use super::value::name_value;
use crate::extract::Ctx;
use crate::extract::lexicon::lowercase;
use crate::model::Entity;
use crate::text::chars::is_capitalised;
use std::collections::HashMap;

/// Cut the last word off a name when (1) a lower-case word follows the
/// name after a space, so the sentence goes on past a capitalised word;
/// (2) the article writes this longer form only here; (3) the name without
/// that word is found elsewhere in the article; and (4) what is left is a
/// name of two words or more, or a foreign name before a Vietnamese word
/// (`Putin Những`; not `Ashley Clifford`, whose two words are both a
/// foreigner's).
/// `is_surname` keeps a Vietnamese surname closing a foreign given name
/// (`Jun Phạm`, `Jennifer Phạm`).
pub(super) fn cut_glued_words(
    entities: &mut [Entity],
    work: &str,
    is_surname: impl Fn(usize) -> bool,
) {
    let mut surfaces: HashMap<&str, usize> = HashMap::new();
    for e in entities.iter() {
        *surfaces.entry(&work[e.start..e.end]).or_default() += 1;
    }
    let mut cuts = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        let surface = &work[e.start..e.end];
        let Some((prefix, last)) = surface.rsplit_once(' ') else {
            continue;
        };
        let prefix = prefix.trim_end();
        if prefix.is_empty() || !is_capitalised(last) || last.chars().count() < 2 {
            continue;
        }
        let mut after = work[e.end..].chars();
        let goes_on = after.next() == Some(' ') && after.next().is_some_and(|c| c.is_lowercase());
        let words = prefix.split(' ').count();
        let last_at = e.start + surface.len() - last.len();
        let shape_ok =
            words >= 2 || is_foreign_word(prefix) && !is_foreign_word(last) && !is_surname(last_at);
        if goes_on
            && shape_ok
            && surfaces.get(surface) == Some(&1)
            && surfaces.get(prefix).is_some_and(|&n| n > 0)
        {
            cuts.push((i, e.start + prefix.len()));
        }
    }
    for (i, end) in cuts {
        let e = &mut entities[i];
        e.end = end;
        e.value = Some(name_value(&work[e.start..end]));
    }
}

/// Cut the first word off a name of three words or more when it names
/// the person's organisation or town rather than the person (`Chủ tịch
/// Alibaba Jack Ma`, `Thị trưởng London Sadiq Khan`): the article writes
/// this longer form only here and names the rest (`Jack Ma`) elsewhere.
/// `names_place_or_body(start, first, rest)` says the first word names a
/// place or a body rather than opening the name (never a surname, as of
/// `Nguyễn Thị Ánh Viên` beside `Ánh Viên`).
pub(super) fn cut_leading_words(
    entities: &mut [Entity],
    work: &str,
    names_place_or_body: impl Fn(usize, &str, &str) -> bool,
) {
    let mut surfaces: HashMap<&str, usize> = HashMap::new();
    for e in entities.iter() {
        *surfaces.entry(&work[e.start..e.end]).or_default() += 1;
    }
    let mut cuts = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        let surface = &work[e.start..e.end];
        let Some((first, rest)) = surface.split_once(' ') else {
            continue;
        };
        let rest = rest.trim_start();
        if rest.split(' ').count() < 2 || !names_place_or_body(e.start, first, rest) {
            continue;
        }
        if surfaces.get(surface) == Some(&1) && surfaces.get(rest).is_some_and(|&n| n > 0) {
            cuts.push((i, e.end - rest.len()));
        }
    }
    for (i, start) in cuts {
        let e = &mut entities[i];
        e.start = start;
        e.value = Some(name_value(&work[start..e.end]));
    }
}

impl PersonExtractor {
    /// The first word of a name at `pos` names a place or a body, not the
    /// person (see [`cut_leading_words`]): a town or country (`Mỹ`,
    /// `London`), a brand, a body written in camel case (`OceanBank`), or
    /// a foreign word that is no given name before one that is (`Alibaba
    /// Jack Ma`); never a surname, honorific or title word.
    pub(super) fn names_place_or_body(
        &self,
        ctx: &Ctx,
        pos: usize,
        first: &str,
        rest: &str,
    ) -> bool {
        let lower = lowercase(first);
        if ctx.analysis.hit(self.surnames, pos).is_some()
            || self.honorific_set.contains(&lower)
            || self.title_set.contains(&lower)
        {
            return false;
        }
        let camel = first.chars().all(char::is_alphabetic)
            && first.chars().skip(1).any(char::is_uppercase)
            && first.chars().any(char::is_lowercase);
        let rest_first = rest.split(' ').next().unwrap_or("");
        ctx.analysis
            .hit(self.places, pos)
            .is_some_and(|h| h.end == pos + first.len())
            || self.brands.contains(&lower)
            || camel
            || is_foreign_word(first)
                && !self.foreign_given.contains(first)
                && self.foreign_given.contains(rest_first)
    }
}
