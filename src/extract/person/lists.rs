//! Names read off their company: the items of a list of names (a team
//! line-up, a list of guests) and a one-word foreign name written again
//! and again beside a person already found (`Lê Văn An và Rosalind`).

use super::PersonExtractor;
use super::found::{Out, overlaps_any};
use super::ids::{RULE_NAME_LIST, RULE_PAIRED};
use super::shape::has_vietnamese_letters;
use crate::extract::Ctx;
use crate::extract::lexicon::{entries_at, entries_ending_at, longest, lowercase};
use crate::text::Token as Word;
use crate::text::chars::{is_name_shaped, only_spaces};
use std::collections::HashMap;

/// Fewest items of a list of names, and fewest already-known names in it.
const MIN_ITEMS: usize = 3;
const MIN_KNOWN: usize = 2;

impl PersonExtractor {
    /// Lists whose every item is a short capitalised phrase and at least
    /// two of them (and a third of all) are names found already: the other
    /// items are names too (`Đội hình: Lê Văn An, Trần Minh, Rosário,
    /// Phạm Bá Tùng`).
    pub(super) fn name_lists(&self, ctx: &Ctx, owned: &[(usize, usize)], out: &mut Out) {
        let work = ctx.work();
        let lower = ctx.lower();
        let mut found = Vec::new();
        let mut line_start = 0;
        for line in work.split('\n') {
            let base = line_start;
            line_start += line.len() + 1;
            // A list of at least MIN_ITEMS items has MIN_ITEMS - 1 separators.
            if line.bytes().filter(|&b| b == b',' || b == b';').count() + 1 < MIN_ITEMS {
                continue;
            }
            // The list follows the line's label (`Đội A: ...`), if any.
            let body_from = line.find(": ").map_or(0, |i| i + 2);
            for piece in split_keep(line, body_from, b".!?:") {
                let separators = line[piece.0..piece.1]
                    .bytes()
                    .filter(|&b| b == b',' || b == b';')
                    .count();
                if separators + 1 < MIN_ITEMS {
                    continue;
                }
                // Every item must be a name item: stop at the first that is not.
                let text = &line[..piece.1];
                let mut items: Vec<(usize, usize)> = Vec::new();
                let mut positioned = 0;
                let mut all_names = true;
                for (s, e) in split_keep(text, piece.0, b",;") {
                    let (mut s, e) = trim(text, s, e);
                    if e <= s {
                        continue;
                    }
                    // `TM Lê Văn An`: a player's position before the name.
                    if let Some(p) = self.lineup_position(&line[s..e]) {
                        s += p;
                        positioned += 1;
                    }
                    if !self.is_name_item(&line[s..e]) {
                        all_names = false;
                        break;
                    }
                    items.push((s, e));
                }
                if !all_names || items.len() < MIN_ITEMS {
                    continue;
                }
                let abs: Vec<(usize, usize)> =
                    items.iter().map(|&(s, e)| (base + s, base + e)).collect();
                let known = positioned + abs.iter().filter(|&&(s, e)| out.overlaps(s, e)).count();
                if known < MIN_KNOWN || known * 4 < abs.len() {
                    continue;
                }
                for &(s, e) in &abs {
                    let free = !out.overlaps(s, e) && !overlaps_any(owned, s, e);
                    if free
                        && self.non_name_at(ctx.analysis, s).is_none()
                        && !self.blocked(lower, s)
                    {
                        found.push((s, e));
                    }
                }
            }
        }
        for (s, e) in found {
            out.push(s, e, work, RULE_NAME_LIST);
        }
    }

    /// A one-word foreign name (no Vietnamese letters) joined by `và` or
    /// `cùng` to a person already found, in at least two places: the
    /// pairing is the name's cue; the given-name pass then finds its other
    /// mentions.
    pub(super) fn paired_foreign_names(
        &self,
        ctx: &Ctx,
        ws: &[Word],
        owned: &[(usize, usize)],
        out: &mut Out,
    ) {
        let work = ctx.work();
        let lower = ctx.lower();
        let mut paired: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        let joiner_len = longest(&self.list_joiners);
        for (i, w) in ws.iter().enumerate() {
            let t = w.text(work);
            if !is_name_shaped(t) || t.chars().count() < 4 || has_vietnamese_letters(t) {
                continue;
            }
            let prev = i.checked_sub(1).map(|p| ws[p]);
            let next = ws.get(i + 1).copied();
            let capital = |n: Option<Word>, a: usize, b: usize| {
                n.is_some_and(|n| is_name_shaped(n.text(work)) && only_spaces(work, a, b))
            };
            // One word standing alone, no part of a longer capitalised run.
            if capital(prev, prev.map_or(0, |p| p.end), w.start)
                || capital(next, w.end, next.map_or(0, |n| n.start))
            {
                continue;
            }
            if self.never_in_name.contains(&lowercase(t))
                || overlaps_any(owned, w.start, w.end)
                || out.overlaps(w.start, w.end)
                || self.non_name_at(ctx.analysis, w.start).is_some()
                || self.blocked(lower, w.start)
            {
                continue;
            }
            let person_ends_at = |pos: usize| out.ends_at(pos);
            let person_starts_at = |pos: usize| out.starts_at(pos);
            // ` và `, ` cùng ` between this word and a person found.
            let joiners = self.list_joiners.id;
            let before = lower[..w.start].ends_with(' ')
                && entries_ending_at(ctx.analysis, joiners, w.start - 1, joiner_len)
                    .any(|j| lower[..j.start].ends_with(' ') && person_ends_at(j.start - 1));
            let after = lower[w.end..].starts_with(' ')
                && entries_at(ctx.analysis, joiners, w.end + 1)
                    .any(|j| lower[j.end..].starts_with(' ') && person_starts_at(j.end + 1));
            if before || after {
                paired.entry(t).or_default().push((w.start, w.end));
            }
        }
        let mut add: Vec<(usize, usize)> = paired
            .into_values()
            .filter(|v| v.len() >= 2)
            .flatten()
            .collect();
        add.sort_unstable();
        for (s, e) in add {
            out.push(s, e, work, RULE_PAIRED);
        }
    }

    /// Length of a line-up position and the space after it opening
    /// `item` (`TM ` of `TM Lê Văn An`), when a word follows.
    fn lineup_position(&self, item: &str) -> Option<usize> {
        self.lineup_positions.iter().find_map(|p| {
            let rest = item.strip_prefix(p.as_str())?.strip_prefix(' ')?;
            rest.starts_with(char::is_uppercase)
                .then_some(item.len() - rest.len())
        })
    }

    /// A list item that can be a name: one to four capitalised words (or
    /// foreign particles) joined by single spaces or hyphens.
    fn is_name_item(&self, item: &str) -> bool {
        let mut parts = 0;
        for p in item.split([' ', '-']) {
            parts += 1;
            let shaped = is_name_shaped(p);
            if parts > 4 || (parts == 1 && !shaped) || !(shaped || self.is_particle(p)) {
                return false;
            }
        }
        parts > 0
    }
}

/// Pieces of `line` from `from`, cut at any of `seps`, as byte ranges.
/// The separators are ASCII, so a byte search finds them.
fn split_keep(line: &str, from: usize, seps: &[u8]) -> Vec<(usize, usize)> {
    let mut is_sep = [false; 256];
    for &b in seps {
        is_sep[usize::from(b)] = true;
    }
    let mut out = Vec::new();
    let mut start = from;
    for (i, &b) in line.as_bytes()[from..].iter().enumerate() {
        if is_sep[usize::from(b)] {
            out.push((start, from + i));
            start = from + i + 1;
        }
    }
    out.push((start, line.len()));
    out
}

/// The range without leading and trailing spaces.
fn trim(line: &str, s: usize, e: usize) -> (usize, usize) {
    let t = &line[s..e];
    let lead = t.len() - t.trim_start().len();
    (s + lead, s + t.trim_end().len())
}
