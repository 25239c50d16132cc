//! Players named by the minute of their goal in a match report (`Minh
//! Đan (53')`, `Quốc Hoàng 57'`, `Văn Toàn (phút 12)`): the minute mark
//! (rule `person.scorer`, a pattern read right after the name) makes the
//! capitalised words before it a person.

use super::PersonExtractor;
use super::found::{Out, overlaps_any};
use super::ids::RULE_SCORER;
use crate::extract::Ctx;
use crate::extract::lexicon::lowercase;
use crate::text::Token as Word;
use crate::text::chars::{is_all_caps, is_name_shaped};

/// Most words of a scorer's name; a longer run of capitals is no name.
const MAX_WORDS: usize = 3;
/// Bytes read after a name for its minute mark.
const MARK_WINDOW: usize = 48;

impl PersonExtractor {
    /// Runs of one to three capitalised words right before a minute mark.
    pub(super) fn scorers(&self, ctx: &Ctx, ws: &[Word], owned: &[(usize, usize)], out: &mut Out) {
        let (work, lower) = (ctx.work(), ctx.lower());
        let mut found = Vec::new();
        for (i, w) in ws.iter().enumerate() {
            let rest = &work[w.end..];
            // Cheap test first: a space, then a bracket or a digit.
            let mut cs = rest.chars();
            if cs.next() != Some(' ') || !cs.next().is_some_and(|c| c == '(' || c.is_ascii_digit())
            {
                continue;
            }
            let t = w.text(work);
            if !is_name_shaped(t) {
                continue;
            }
            let window = crate::text::chars::floor_char(rest, rest.len().min(MARK_WINDOW));
            if !self.scorer_mark.is_match(&rest[..window]) {
                continue;
            }
            // The run of capitalised words ending here, single spaces.
            let mut k = i;
            while k > 0
                && i - k < MAX_WORDS
                && work[ws[k - 1].end..ws[k].start] == *" "
                && is_name_shaped(ws[k - 1].text(work))
            {
                k -= 1;
            }
            let longer = k > 0
                && work[ws[k - 1].end..ws[k].start] == *" "
                && is_name_shaped(ws[k - 1].text(work));
            let (s, e) = (ws[k].start, w.end);
            if longer
                || is_all_caps(t)
                || out.overlaps(s, e)
                || overlaps_any(owned, s, e)
                || self.blocked(lower, s)
                || self.non_name_at(ctx.analysis, s).is_some()
                || ws[k..=i]
                    .iter()
                    .any(|x| self.never_in_name.contains(&lowercase(x.text(work))))
            {
                continue;
            }
            found.push((s, e));
        }
        for (s, e) in found {
            out.push(s, e, work, RULE_SCORER);
        }
    }
}
