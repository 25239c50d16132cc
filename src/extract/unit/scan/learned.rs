//! Where the corpus says a name goes on or ends (`rules/learned/`, read
//! through the `learned` thresholds of `units.json`): a full name read to
//! its last word, a lower-case word that continued names after the word
//! before it, a word that starts a predicate after a name; and a branch
//! of a body (`cơ sở 2`).

use super::{Last, Scanner};
use crate::text::tokens::Tok;

impl Scanner<'_> {
    /// The end of the longest learned full name starting at `start`, when
    /// it runs past the head (`Bệnh viện Bệnh nhiệt đới trung ương`,
    /// written in any case).
    pub(super) fn learned_name_end(&self, start: usize, head_end: usize) -> Option<usize> {
        self.at(&self.cfg.learned.names, start)
            .map(|h| h.end)
            .filter(|&e| e > head_end)
    }

    /// The corpus saw `t` continue names right after the word before it
    /// (`nhiệt đới`, `khám chữa`), a space between them.
    pub(super) fn learned_continuation(&self, t: Tok, last: Last) -> bool {
        if !matches!(
            last,
            Last::Cap { .. } | Last::Free | Last::Free2 | Last::Phrase | Last::NameWord
        ) {
            return false;
        }
        let Some(p) = self.a.prev_tok(t.start) else {
            return false;
        };
        p.end + 1 == t.start
            && &self.work[p.end..t.start] == " "
            && self
                .at(&self.cfg.learned.continuations, p.start)
                .is_some_and(|h| h.end == t.end)
    }

    /// `t` is a word that starts predicates after names (`cung cấp`, `cho`).
    pub(super) fn learned_stop(&self, t: Tok) -> bool {
        self.at(&self.cfg.learned.stops, t.start)
            .is_some_and(|h| h.end == t.end)
    }

    /// A branch of the body named so far, completed by a number or a
    /// capitalised name (`cơ sở 2`, `cơ sở Đông Anh`).
    pub(super) fn branch(&self, t: Tok, last: Last) -> Option<(usize, Last)> {
        if matches!(last, Last::Head | Last::Joiner | Last::Bracket) {
            return None;
        }
        let w = self.at(&self.cfg.branch_words, t.start)?;
        let n = self.a.next_tok(w.end)?;
        if n.start != w.end + 1 {
            return None;
        }
        if n.is_number(self.work) {
            // `cơ sở 2/3`, `cơ sở 2-3`, `2.5`: part of a longer number.
            let digit_after = |x: Tok| self.work[x.end..].starts_with(|c: char| c.is_ascii_digit());
            let glued = self.a.next_tok(n.end).is_some_and(|x| {
                x.start == n.end
                    && (matches!(self.tok_text(x), "/" | "-")
                        || (matches!(self.tok_text(x), "." | ",") && digit_after(x)))
            });
            return (!glued).then_some((n.end, Last::Num));
        }
        if n.is_cap(self.work) && !self.person_at(n.start, 2) {
            if let Some(p) = self.known_place(n.start) {
                return Some((p, Last::Place));
            }
            return Some((n.end, Last::Cap { first: true }));
        }
        None
    }
}
