//! What joins the parts of one name: `và`, `&`, a comma of an official
//! name, a dash, and a bracket that defines or expands an abbreviation.

use super::super::shapes::{initials, is_abbreviation, letters};
use super::{HeadHit, Last, Scanner, Start, lowercase_of};
use crate::extract::lexicon::is_entry;
use crate::text::tokens::Tok;

impl Scanner<'_> {
    /// A name part after a joiner: capitalised, not a new unit, title or person.
    pub(super) fn name_part_follows(&self, pos: usize) -> bool {
        self.a
            .next_tok(pos)
            .is_some_and(|n| n.is_cap(self.work) && !self.stops_name(n.start, 2))
    }

    pub(super) fn and(&self, t: Tok, last: Last, head: HeadHit) -> Option<(usize, Last)> {
        let inside = matches!(
            last,
            Last::Cap { .. } | Last::Free | Last::Free2 | Last::NameWord | Last::Phrase
        ) || (self.tok_text(t) == "&" && last == Last::Abbr);
        (inside && (self.name_part_follows(t.end) || self.co_head_follows(t.end, head)))
            .then_some((t.end, Last::Joiner))
    }

    /// A second head sharing the name that follows it (`Trung tâm Lưu trữ
    /// và Thư viện Trường Đại học Cần Thơ`): a head of the same kind as
    /// the first with no name of its own, right before the unit both
    /// belong to (not `Tổng cục Thủy lợi và Tập đoàn Điện lực`).
    pub(super) fn co_head_follows(&self, pos: usize, first: HeadHit) -> bool {
        let Some(n) = self.a.next_tok(pos).filter(|n| n.is_cap(self.work)) else {
            return false;
        };
        let Some(h) = self.head_at(n.start, false) else {
            return false;
        };
        let same_kind = match (self.kind(first), self.kind(h)) {
            (Some(a), Some(b)) => a == b || a.is_generic() || b.is_generic(),
            _ => true,
        };
        !h.standalone
            && same_kind
            && matches!(h.start, Start::Head(_))
            && self
                .a
                .next_tok(h.end)
                .is_some_and(|m| m.is_cap(self.work) && self.head_at(m.start, false).is_some())
    }

    /// A comma that belongs to the official name: `Bộ Văn hóa, Thể thao và
    /// Du lịch` (name parts, then `và` and a last part).
    pub(super) fn comma(&self, t: Tok, last: Last) -> Option<(usize, Last)> {
        if !matches!(last, Last::Cap { .. } | Last::Free | Last::Phrase)
            || !self.name_part_follows(t.end)
        {
            return None;
        }
        let mut pos = t.end;
        for _ in 0..6 {
            let n = self.a.next_tok(pos)?;
            if is_entry(self.a, self.cfg.name_joiners.id, n.start, n.end) {
                return self
                    .name_part_follows(n.end)
                    .then_some((t.end, Last::Joiner));
            }
            let part = (n.is_cap(self.work) && !self.stops_name(n.start, 2))
                || (n.is_lower_word(self.work) && self.at(&self.cfg.stop_words, n.start).is_none());
            if !part {
                return None;
            }
            pos = n.end;
        }
        None
    }

    /// A dash inside a name (`Sở Giáo dục - Đào tạo`); before a new head
    /// it separates two units.
    pub(super) fn dash(&self, t: Tok, last: Last) -> Option<(usize, Last)> {
        if last == Last::Joiner {
            return None;
        }
        self.name_part_follows(t.end)
            .then_some((t.end, Last::Joiner))
    }

    /// A bracket kept in the name: an abbreviation defined inline
    /// (`Cơ quan Chính quyền (CQCQ)`) or the expansion of the abbreviation
    /// just before (`Bảo tàng CAND (Công an nhân dân)`).
    pub(super) fn bracket(&self, start: usize, open: Tok) -> Option<(usize, Last)> {
        let close_rel = self.work[open.end..].find(')')?;
        let close = open.end + close_rel;
        let inner = self.work[open.end..close].trim();
        if inner.is_empty() || inner.len() > 80 || inner.contains(['\n', '(', ',', ';']) {
            return None;
        }
        let before = self.work[start..open.start].trim_end();
        if is_abbreviation(inner) {
            if let Some(a) = self.cfg.abbr_info.iter().find(|a| a.form == inner) {
                // A known abbreviation in brackets is another body (`(TTXVN)`)
                // unless it abbreviates this very name.
                let ok = lowercase_of(before).ends_with(&lowercase_of(&a.expansion))
                    || same_ending(before, &a.expansion, 2);
                return ok.then_some((close + 1, Last::Bracket));
            }
            return Some((close + 1, Last::Bracket));
        }
        // A company's brand defined here (`Công ty CP Sữa Việt Nam (Vinamilk)`).
        if self
            .defs
            .iter()
            .any(|d| d.form == inner && d.expansion.as_deref().is_some_and(|e| before.ends_with(e)))
        {
            return Some((close + 1, Last::Bracket));
        }
        let prev = self.a.prev_tok(open.start)?;
        if prev.is_all_caps(self.work)
            && initials(inner, &self.cfg.name_joiners.words) == letters(self.tok_text(prev))
        {
            return Some((close + 1, Last::Bracket));
        }
        None
    }
}

/// The last `n` words of both are the same, case aside (`Liên hiệp châu
/// Âu` and `Liên minh châu Âu`: another wording of the same name).
fn same_ending(a: &str, b: &str, n: usize) -> bool {
    let (a, b) = (lowercase_of(a), lowercase_of(b));
    let last = |s: &str| {
        s.split_whitespace()
            .rev()
            .take(n)
            .collect::<Vec<_>>()
            .join(" ")
    };
    a.split_whitespace().count() >= n && b.split_whitespace().count() >= n && last(&a) == last(&b)
}
