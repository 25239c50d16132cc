//! Where a unit may start: a head word, an abbreviation, a known club, a
//! police code or a name the article defines; and the capitalised words
//! that start something else instead (a person's name, a title).

use super::super::config::{KEY_CLUB, KEY_LOWER, KEY_UNIT, start_key};
use super::{HeadHit, Scanner, Start};
use crate::text::chars::is_word_boundary;

impl Scanner<'_> {
    /// The head (word, abbreviation, defined abbreviation, police code)
    /// starting exactly at `pos`; the longest wins.
    pub fn head_at(&self, pos: usize, allow_lower: bool) -> Option<HeadHit> {
        let cfg = self.cfg;
        let mut best: Option<HeadHit> = None;
        let mut offer = |h: HeadHit| {
            if best.is_none_or(|b| h.end > b.end) {
                best = Some(h);
            }
        };
        let key = start_key(self.lower.get(pos..).unwrap_or(""));
        let bits = cfg.start_keys.get(key).copied().unwrap_or(0);
        // A word in lower case starts a unit only as a lower-case head.
        let lower_word = self.work[pos..].starts_with(char::is_lowercase);
        let listed = if lower_word && !allow_lower {
            bits & KEY_LOWER != 0
        } else {
            bits & KEY_UNIT != 0
        };
        if listed && let Some(h) = self.at(&cfg.heads, pos) {
            let lower = !self.work[pos..].starts_with(char::is_uppercase);
            let named_otherwise = self.at(&cfg.not_units, pos).is_some();
            let ok = !named_otherwise
                && (!lower
                    || allow_lower
                    || self
                        .at(&cfg.lower_heads, pos)
                        .is_some_and(|l| l.end <= h.end))
                && !self.in_compound(pos)
                && !self.splits_next_unit(pos, h.end, h.index)
                && (self.work[pos..h.end].contains(' ') || !self.person_at(pos, 3));
            if ok {
                offer(HeadHit {
                    end: h.end,
                    start: Start::Head(h.index),
                    standalone: cfg.head_info[h.index].standalone,
                    lower,
                });
            }
        }
        if listed
            && let Some(a) = self.at(&cfg.abbrs, pos)
            && self.work[pos..a.end] == cfg.abbr_info[a.index].form
            && (cfg.abbr_info[a.index].standalone || cfg.abbr_info[a.index].starts_unit)
        {
            offer(HeadHit {
                end: a.end,
                start: Start::Abbr(a.index),
                standalone: cfg.abbr_info[a.index].standalone,
                lower: false,
            });
        }
        if bits & KEY_CLUB != 0
            && let Some(c) = self.at(&cfg.clubs, pos)
            && self.work[pos..c.end] == cfg.club_info[c.index].0
            && self.about_sport()
        {
            offer(HeadHit {
                end: c.end,
                start: Start::Club(c.index),
                standalone: true,
                lower: false,
            });
        }
        if key.len() == 4
            && key.starts_with('p')
            && let Some(m) = cfg.police_code.find(&self.work[pos..])
            && m.start() == 0
        {
            offer(HeadHit {
                end: pos + m.end(),
                start: Start::PoliceCode,
                standalone: true,
                lower: false,
            });
        }
        for (i, d) in self.defs.iter().enumerate() {
            let end = pos + d.form.len();
            if self.work[pos..].starts_with(&d.form) && is_word_boundary(self.work, pos, end) {
                offer(HeadHit {
                    end,
                    start: Start::Def(i),
                    standalone: d.standalone,
                    lower: false,
                });
            }
        }
        best
    }

    /// The head is the end of an ordinary word (`thị trường`, `Tây Ban Nha`,
    /// `Hội trường`).
    pub(super) fn in_compound(&self, pos: usize) -> bool {
        let mut p = pos;
        for _ in 0..2 {
            let Some(t) = self.a.prev_tok(p) else {
                return false;
            };
            if !t.is_word(self.work) {
                return false;
            }
            if self
                .at(&self.cfg.head_compounds, t.start)
                .is_some_and(|c| c.end > pos)
            {
                return true;
            }
            p = t.start;
        }
        false
    }

    /// A head read case-blind whose last word is capitalised where the
    /// head has it in lower case, and starts a unit of its own there:
    /// `Đảng Bộ Công Thương` is `Đảng` + `Bộ Công Thương`, not `Đảng bộ`.
    pub(super) fn splits_next_unit(&self, pos: usize, end: usize, index: usize) -> bool {
        let Some(space) = self.work[pos..end].rfind(' ') else {
            return false;
        };
        let last = pos + space + 1;
        let canonical = &self.cfg.head_info[index].canonical;
        let listed_lower = canonical
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_lowercase));
        listed_lower
            && self.work[last..].starts_with(char::is_uppercase)
            && self.unit_at(last, false).is_some_and(|u| u.end > end)
    }

    /// A capitalised word here starts something else: a person's name, a
    /// title or a new unit.
    pub(super) fn stops_name(&self, pos: usize, person_len: usize) -> bool {
        self.person_at(pos, person_len) || self.title_at(pos) || self.head_at(pos, false).is_some()
    }

    pub(super) fn title_at(&self, pos: usize) -> bool {
        self.work[pos..].starts_with(char::is_uppercase)
            && self
                .at(&self.cfg.titles, pos)
                .is_some_and(|h| self.at(&self.cfg.heads, pos).is_none_or(|u| u.end < h.end))
    }

    /// A surname and at least `min_len` capitalised syllables in all,
    /// that are not a known place (`Nguyễn Văn A`, `Tô Lâm`).
    pub fn person_at(&self, pos: usize, min_len: usize) -> bool {
        if !self.work[pos..].starts_with(char::is_uppercase)
            || self.at(&self.cfg.surnames, pos).is_none()
        {
            return false;
        }
        if self.known_place(pos).is_some() {
            return false;
        }
        let mut n = 0;
        let mut end = pos;
        while let Some(t) = self.a.next_tok(end) {
            if !t.is_cap(self.work)
                || t.is_all_caps(self.work)
                || self.tok_text(t).contains(['.', '&', '-'])
            {
                break;
            }
            n += 1;
            end = t.end;
        }
        n >= min_len
    }
}
