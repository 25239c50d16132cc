//! Short forms of names already found: the same full name written again
//! without a cue, the given name of a full name, a one-word name first
//! met after a form of address, wherever else the article writes them.

use super::PersonExtractor;
use super::found::{Out, overlaps_any};
use super::ids::{
    BYLINE_RULE, RULE_CREDIT, RULE_GIVEN, RULE_HONORIFIC, RULE_INITIALS, RULE_NAME_LIST,
    RULE_PAIRED, RULE_ROLE,
};
use super::runs::first_word;
use super::shape::{after_lowercase_word, has_vietnamese_letters};
use crate::extract::Ctx;
use crate::extract::lexicon::{entries_ending_at, longest};
use crate::model::Entity;
use crate::text::chars::{is_capitalised, is_name_shaped, only_spaces};
use crate::text::tokens::words;
use crate::text::wordlists::word_before;
use crate::text::{Analysis, Token as Word};
use std::collections::{HashMap, HashSet};

impl PersonExtractor {
    /// Other mentions of someone already named in the article: the same
    /// full name written again without a cue (`Zahi Hawass` at a sentence
    /// start), the last word of a full name (`Hải` after `Phan Bá Hải`,
    /// `Hawass` after `Zahi Hawass`), and a one-word name first met after
    /// an honorific or a title (`ông Perez`, then `Perez` alone).
    pub(super) fn given_names(
        &self,
        ctx: &Ctx,
        ws: &[Word],
        owned: &[(usize, usize)],
        byline: Option<&std::ops::Range<usize>>,
        out: &mut Out,
    ) {
        let work = ctx.work();
        let lower = ctx.lower();
        let surfaces = self.known_names(work, lower, &out.entities);
        if surfaces.is_empty() {
            return;
        }
        let firsts: HashSet<&str> = surfaces
            .iter()
            .filter_map(|n| words(n).first().map(|w| w.text(n)))
            .collect();
        // The surfaces by their leading letters, longest first: a surface
        // written at a word opens with the letters written there.
        let mut by_head: HashMap<&str, Vec<&String>> = HashMap::new();
        for n in &surfaces {
            by_head.entry(first_word(n)).or_default().push(n);
        }
        let mut extra = Vec::new();
        for (i, w) in ws.iter().enumerate() {
            if !firsts.contains(w.text(work)) {
                continue;
            }
            let Some(group) = by_head.get(first_word(&work[w.start..])) else {
                continue;
            };
            // Longest known surface written here, ending at a word end.
            let Some(e) = group
                .iter()
                .filter(|n| work[w.start..].starts_with(n.as_str()))
                .map(|n| w.start + n.len())
                .find(|&e| {
                    !work[e..].starts_with(|c: char| c.is_alphanumeric() || "'’-".contains(c))
                        && !super::known::glued_initials(work, w.start, e)
                })
            else {
                continue;
            };
            let s = w.start;
            if out.overlaps(s, e)
                || overlaps_any(owned, s, e)
                || byline.is_some_and(|b| s >= b.start)
            {
                continue;
            }
            let last = ws[i..].iter().position(|x| x.end >= e).map_or(i, |p| i + p);
            // One word right after a form of address (`ông Huyện`, `Bà
            // Thời`) names the person whose full name ends with it, even
            // when it also spells a place or a common word.
            // Not a place the address word opens (`Bà Rịa`, `Ả Rập`), nor
            // a capitalised one in mid-sentence (`cá Ông Chuông`).
            let addressed = last == i
                && word_before(lower, s, &self.address_forms).is_some_and(|b| {
                    self.non_name_at(ctx.analysis, b).is_none_or(|end| end <= s)
                        && !(work[b..].starts_with(char::is_uppercase)
                            && after_lowercase_word(work, b))
                });
            let cap_neighbour = |n: Option<&Word>, a: usize, b: usize| {
                n.is_some_and(|n| is_name_shaped(n.text(work)) && only_spaces(work, a, b))
            };
            let prev = i.checked_sub(1).and_then(|p| ws.get(p));
            let next = ws.get(last + 1);
            if (!addressed && cap_neighbour(prev, prev.map_or(0, |p| p.end), s))
                || cap_neighbour(next, e, next.map_or(0, |n| n.start))
            {
                continue;
            }
            // `Nhân dịp`, `Nam giới`: a common phrase, not a short form.
            if ctx
                .analysis
                .hit(self.given_name_phrases, s)
                .is_some_and(|h| h.end > e)
            {
                continue;
            }
            if self.blocked(lower, s) || (!addressed && self.non_name_at(ctx.analysis, s).is_some())
            {
                continue;
            }
            // A one-word name after `ở`, `tại` is a place of the same
            // spelling (`bệnh nhân Berlin` ... `sống ở Berlin`).
            if last == i && self.after_place_word(ctx.analysis, s) {
                continue;
            }
            extra.push((s, e));
        }
        for (s, e) in extra {
            out.push(s, e, work, RULE_GIVEN);
        }
    }

    /// Name surfaces worth looking for again, longest first.
    pub(super) fn known_names<'a>(
        &self,
        work: &'a str,
        lower: &str,
        found: &'a [Entity],
    ) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut add = |n: &str| {
            if n.chars().count() > 1 && seen.insert(n.to_string()) {
                names.push(n.to_string());
            }
        };
        for e in found {
            if matches!(e.rule.as_str(), BYLINE_RULE | RULE_CREDIT | RULE_INITIALS) {
                continue;
            }
            let surface = &work[e.start..e.end];
            let parts: Vec<&str> = surface.split(' ').collect();
            if parts.len() >= 2 {
                if !parts.iter().all(|p| {
                    is_name_shaped(p) || self.is_particle(p) || p.contains(['\'', '’', '-', '.'])
                }) {
                    continue;
                }
                add(surface);
                let v = e.value.as_deref().unwrap_or(surface);
                let vparts: Vec<&str> = v.split(' ').collect();
                if vparts.iter().all(|p| is_capitalised(p)) {
                    add(vparts[vparts.len() - 1]);
                    // A Vietnamese given name of two syllables (`Ánh Viên`
                    // of `Nguyễn Thị Ánh Viên`).
                    if vparts.len() >= 3 && has_vietnamese_letters(v) {
                        add(&vparts[vparts.len() - 2..].join(" "));
                    }
                }
            } else if e.rule == RULE_HONORIFIC
                && is_capitalised(surface)
                && word_before(lower, e.start, &self.address_forms).is_some()
                || self.foreign_single(surface)
                    && matches!(e.rule.as_str(), RULE_NAME_LIST | RULE_PAIRED)
                || e.rule == RULE_ROLE && is_capitalised(surface)
            {
                add(surface);
            }
        }
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        names
    }

    /// A one-word foreign name (`Rosalind`, `Peter`) found with a cue: it
    /// names the same person wherever else the article writes it.
    pub(super) fn foreign_single(&self, surface: &str) -> bool {
        is_capitalised(surface) && surface.chars().count() >= 4 && !has_vietnamese_letters(surface)
    }

    /// A place preposition (`ở`, `tại`, `sang`) right before `pos`, after
    /// a space or a line break: what follows is a place.
    pub(super) fn after_place_word(&self, a: &Analysis, pos: usize) -> bool {
        let lower = a.lower();
        let before = lower[..pos].trim_end_matches(' ').len();
        let list = &self.place_prepositions;
        before < pos
            && entries_ending_at(a, list.id, before, longest(list))
                .any(|h| h.start == 0 || lower[..h.start].ends_with([' ', '\n']))
    }
}
