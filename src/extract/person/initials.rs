//! Anonymised initials (`H.T.P`, `anh T.`): a person only after an
//! honorific, never signing a story or a photo.

use super::PersonExtractor;
use super::found::{Out, overlaps_any};
use super::ids::RULE_INITIALS;
use crate::extract::Ctx;
use crate::extract::lexicon::{entries_ending_at, longest};
use crate::text::Analysis;

impl PersonExtractor {
    /// Anonymised initials (`H.T.P`, `T.V.D.`); a single letter (`T.`)
    /// only right after an honorific.
    pub(super) fn initials(&self, ctx: &Ctx, owned: &[(usize, usize)], out: &mut Out) {
        let work = ctx.work();
        let lower = ctx.lower();
        for m in self.initials.find_iter(work) {
            let (s, e) = (m.start(), m.end());
            // Inside a word (`TP.HCM`) is no initial: the pattern has no `\b`
            // because a Unicode word boundary makes the regex slow.
            let inside_word = work[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            if inside_word || overlaps_any(owned, s, e) || out.overlaps(s, e) {
                continue;
            }
            let after = &work[e..];
            // `H.M/VOV`: initials signing a story are not a person.
            if after.starts_with('/') || self.in_credit(ctx.analysis, s) {
                continue;
            }
            // Dotted capitals are also abbreviations (`T.Ư`): only a cue
            // (`anh`, `bà`, `đối tượng`) makes them a person.
            if !m.as_str().contains('.')
                || work[e..].chars().next().is_some_and(char::is_alphabetic)
            {
                continue;
            }
            if self.honorific_before(lower, s).is_none() {
                continue;
            }
            out.push(s, e, work, RULE_INITIALS);
        }
    }

    /// A credit word (`ảnh:`, `theo`) ends right before `pos`, spaces
    /// between.
    pub(super) fn in_credit(&self, a: &Analysis, pos: usize) -> bool {
        let before = a.lower()[..pos].trim_end().len();
        entries_ending_at(a, self.credit_words.id, before, longest(&self.credit_words))
            .next()
            .is_some()
    }
}
