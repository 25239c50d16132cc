//! Characters named with the actor who plays them, and stage names with
//! the real name: `Sơn (Hà Việt Dũng)`, `Merlin (Mark Strong)`. The name
//! in brackets is found by the other rules; the capitalised words right
//! before the bracket name the same kind of thing: a person.

use super::PersonExtractor;
use super::found::{Out, overlaps_any};
use super::ids::{BYLINE_RULE, RULE_CREDIT, RULE_INITIALS, RULE_ROLE};
use crate::extract::Ctx;
use crate::extract::lexicon::lowercase;
use crate::text::Token as Word;
use crate::text::chars::is_name_shaped;

/// Most words of the name before the bracket.
const MAX_ROLE_WORDS: usize = 3;

impl PersonExtractor {
    /// Names written right before a person's full name in brackets.
    pub(super) fn played_roles(
        &self,
        ctx: &Ctx,
        ws: &[Word],
        owned: &[(usize, usize)],
        out: &mut Out,
    ) {
        let (work, lower) = (ctx.work(), ctx.lower());
        let mut found = Vec::new();
        for e in &out.entities {
            let bracketed = work[..e.start].ends_with('(') && work[e.end..].starts_with(')');
            let own = !matches!(e.rule.as_str(), BYLINE_RULE | RULE_CREDIT | RULE_INITIALS);
            if !bracketed || !own || !work[e.start..e.end].contains(' ') {
                continue;
            }
            let before = work[..e.start - 1].trim_end_matches(' ').len();
            if before + 1 != e.start - 1 && before != e.start - 1 {
                continue;
            }
            let Some(last) = ws.iter().rposition(|w| w.end == before) else {
                continue;
            };
            let mut first = last;
            while first > 0
                && last - first + 1 < MAX_ROLE_WORDS
                && work[ws[first - 1].end..ws[first].start] == *" "
                && is_name_shaped(ws[first - 1].text(work))
            {
                first -= 1;
            }
            let words = &ws[first..=last];
            let (s, end) = (words[0].start, words[words.len() - 1].end);
            let plain = words.iter().all(|w| {
                let t = w.text(work);
                is_name_shaped(t) && !self.never_in_name.contains(&lowercase(t))
            });
            if !plain
                || overlaps_any(owned, s, end)
                || self.blocked(lower, s)
                || self.non_name_at(ctx.analysis, s).is_some()
                || self.honorific_before(lower, end).is_some()
                || ctx.analysis.hit(self.titles, s).is_some()
                || ctx.analysis.hit(self.unit_heads, s).is_some()
            {
                continue;
            }
            found.push((s, end));
        }
        for (s, e) in found {
            out.push(s, e, work, RULE_ROLE);
        }
    }
}
