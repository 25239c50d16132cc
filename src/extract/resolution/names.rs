//! Citations by name instead of number: a law's name after `Luật` (a
//! listed name, or capitalised words up to a stop word, then its year),
//! and the names the congress and year rules read.

use super::ResolutionExtractor;
use super::scan::{Token, tokens};
use crate::extract::Ctx;
use regex::Regex;

impl ResolutionExtractor {
    /// A law's name after `Luật`, `Bộ luật`, `Pháp lệnh`: a listed name (any
    /// case) or capitalised words up to a stop word, then a year if one
    /// follows. Returns the name's range.
    pub(super) fn law_name_at(
        &self,
        ctx: &Ctx,
        kind_start: usize,
        kind_end: usize,
    ) -> Option<(usize, usize, &'static str)> {
        let (work, lower) = (ctx.work(), ctx.lower());
        let first = tokens(ctx, kind_end).next()?;
        if first.start == kind_end || !first.starts_with_letter(work) {
            return None;
        }
        if self
            .words
            .law_name_not_first
            .hit_in(ctx, first.start)
            .is_some()
        {
            return None;
        }
        // A one-word name in lower case (`luật giá`) is too often an
        // ordinary phrase: listed names in lower case need two words.
        let listed =
            self.words.law_names.hit_in(ctx, first.start).filter(|hit| {
                first.is_capitalised(work) || lower[hit.start..hit.end].contains(' ')
            });
        let name_end = match listed {
            Some(hit) => hit.end,
            None => {
                // An unlisted name needs a capitalised kind word
                // (`Luật Thủ đô`, not `trung cấp luật Đồng Hới`) and must
                // not be a place (`Đại học Luật Hà Nội`).
                let kind_capitalised = work[kind_start..].starts_with(char::is_uppercase);
                if !kind_capitalised || ctx.hit(self.places.id, first.start).is_some() {
                    return None;
                }
                self.patterns.named_law.captures(&work[kind_end..])?;
                self.capitalised_name_end(ctx, first)?
            }
        };
        let end = self.year_after(work, name_end).unwrap_or(name_end);
        Some((first.start, end, "resolution.named_law"))
    }

    /// The end of a capitalised name starting with `first`.
    pub(super) fn capitalised_name_end(&self, ctx: &Ctx, first: Token) -> Option<usize> {
        let work = ctx.work();
        let mut end = None;
        let mut lower_run = 0;
        let mut prev_abbreviation = false;
        for (i, tok) in tokens(ctx, first.start).enumerate() {
            if i >= self.words.name_max_words || !tok.starts_with_letter(work) {
                break;
            }
            if i > 0
                && (self.words.name_stops.hit_in(ctx, tok.start).is_some()
                    || ctx.hit(self.kind_words.id, tok.start).is_some())
            {
                break;
            }
            if tok.core(work).starts_with(|c: char| c.is_ascii_digit()) {
                break;
            }
            let capitalised = tok.is_capitalised(work);
            // After an abbreviation (`Luật HTX`) a lower-case word is the
            // sentence going on, not the name.
            if !capitalised && prev_abbreviation {
                break;
            }
            lower_run = if capitalised { 0 } else { lower_run + 1 };
            if lower_run > 3 {
                break;
            }
            prev_abbreviation = tok.is_abbreviation(work);
            end = Some(tok.core_end);
            if tok.core_end < tok.end {
                break;
            }
        }
        end
    }

    /// The end of a year that is part of a name (`năm 2018`, `2015`).
    pub(super) fn year_after(&self, work: &str, pos: usize) -> Option<usize> {
        let caps = self.patterns.named_year.captures(&work[pos..])?;
        Some(pos + caps.name("name")?.end())
    }
}

/// A name matched by a rule's `name` group right after the kind word.
pub(super) fn name_by(
    re: &Regex,
    rule: &'static str,
    work: &str,
    pos: usize,
) -> Option<(usize, usize, &'static str)> {
    let caps = re.captures(&work[pos..])?;
    let m = caps.name("name")?;
    Some((pos + m.start(), pos + m.end(), rule))
}
