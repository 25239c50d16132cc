//! Places in a unit's name: a level word with its place (`UBND tỉnh Thanh
//! Hóa`, `quận 9`), a known place, a posting after `tại`.

use super::{HeadHit, Last, Scanner, Start, lowercase_of};
use crate::text::tokens::Tok;

impl Scanner<'_> {
    /// A level word after a unit, with its place name if any
    /// (`UBND tỉnh Thanh Hóa`, `Công an TP.Đà Nẵng`, `UBND xã`).
    pub(super) fn level(&self, t: Tok, last: Last) -> Option<Option<(usize, Last)>> {
        let cfg = self.cfg;
        let l = self.at(&cfg.levels, t.start)?;
        let written = &self.work[l.start..l.end];
        let needs_upper = cfg
            .upper_levels
            .iter()
            .any(|u| u.eq_ignore_ascii_case(written));
        if needs_upper && !cfg.upper_levels.iter().any(|u| u == written) {
            return None;
        }
        if matches!(last, Last::Level) {
            return Some(None);
        }
        if self.at(&cfg.level_compounds, t.start).is_some() {
            return None;
        }
        match self.place_run(l.end) {
            Some(e) => Some(Some((e, Last::Place))),
            None => {
                // A level word must not glue onto a following word (`xã hội`).
                let next = self.a.next_tok(l.end);
                if next.is_some_and(|n| n.start == l.end && n.is_word(self.work)) {
                    return Some(None);
                }
                Some(Some((l.end, Last::Level)))
            }
        }
    }

    /// A place name after a level word: a known place, a number
    /// (`quận 9`), or capitalised words that are not a person's name.
    pub(super) fn place_run(&self, pos: usize) -> Option<usize> {
        let t = self.a.next_tok(pos)?;
        if t.is_number(self.work) {
            return Some(t.end);
        }
        if !t.is_cap(self.work) {
            return None;
        }
        if let Some(p) = self.known_place(t.start) {
            return Some(p);
        }
        if self.person_at(t.start, 3)
            || self.title_at(t.start)
            || self.head_at(t.start, false).is_some()
        {
            return None;
        }
        let mut end = t.end;
        while let Some(n) = self.a.next_tok(end) {
            let txt = self.tok_text(n);
            if n.is_cap(self.work)
                && !self.stops_name(n.start, 3)
                && self.at(&self.cfg.cap_stops, n.start).is_none()
            {
                end = n.end;
            } else if matches!(txt, "-" | "–")
                && let Some(m) = self.a.next_tok(n.end)
                && m.is_cap(self.work)
                && !self.stops_name(m.start, 2)
            {
                end = m.end;
            } else {
                break;
            }
        }
        Some(end)
    }

    pub(super) fn known_place(&self, pos: usize) -> Option<usize> {
        let p = self.at(&self.cfg.places, pos)?;
        (!self.cfg.place_is_level[p.index] && self.work[pos..].starts_with(char::is_uppercase))
            .then_some(p.end)
    }

    /// A known place starting at the word after `pos` (or at it).
    pub fn known_place_at(&self, pos: usize) -> Option<usize> {
        let t = self.a.next_tok(pos)?;
        self.known_place(t.start)
    }

    /// A known place starting exactly at `pos`.
    pub fn known_place_at_word(&self, pos: usize) -> Option<usize> {
        self.known_place(pos)
    }

    /// `Đại sứ quán Việt Nam tại Singapore`.
    pub(super) fn at_place(&self, t: Tok, head: HeadHit) -> Option<(usize, Last)> {
        let Start::Head(i) = head.start else {
            return None;
        };
        let listed = lowercase_of(&self.cfg.head_info[i].canonical);
        if !self.cfg.at_place_heads.contains(&listed) {
            return None;
        }
        let n = self.a.next_tok(t.end)?;
        let end = self.known_place(n.start)?;
        Some((end, Last::Place))
    }
}
