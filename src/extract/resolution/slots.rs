//! The slots right after a citation, read in any order: its date (a date
//! mention after `ngày`), its issuer (a unit or title mention after
//! `của`, else the capitalised words there, with its term) and its
//! subject (a quoted title, or `về ...` to the end of the clause).

use super::scan::{Nesting, Token, tokens};
use super::{Known, ResolutionExtractor, Slots};
use crate::extract::Ctx;
use crate::extract::lexicon::is_entry;
use crate::model::EntityType;

impl ResolutionExtractor {
    /// Read the date, issuer and subject slots right after a citation.
    pub(super) fn slots_after(&self, ctx: &Ctx, known: &[Known], end: usize) -> Slots {
        let work = ctx.work();
        let mut slots = Slots::default();
        let mut pos = end;
        loop {
            if slots.date.is_none()
                && let Some((date, after)) = self.date_slot(work, known, pos)
            {
                slots.date = Some(date);
                pos = after;
                continue;
            }
            if slots.issuer.is_none()
                && let Some((issuer, after)) = self.issuer_slot(ctx, known, pos)
            {
                slots.issuer = Some(issuer);
                pos = after;
                continue;
            }
            slots.subject = self.subject_slot(ctx, pos);
            return slots;
        }
    }

    /// `ngày 22/10/2018` (also `ban hành ngày ...`, `(ngày ...)`): the
    /// value of the date mention there and where the slot ends.
    /// With no date mention there, a written date is still skipped (its
    /// value left to the dates extractor) so that the issuer after it is read.
    pub(super) fn date_slot(
        &self,
        work: &str,
        known: &[Known],
        pos: usize,
    ) -> Option<(Option<String>, usize)> {
        let m = self.patterns.slot_date.find(&work[pos..])?;
        let at = pos + m.end();
        // The date mention starts after `ngày`, or at it if a date rule kept it.
        let ngay = pos + last_word_start(work[pos..at].trim_end());
        let date = known
            .iter()
            .filter(|k| k.etype == EntityType::Date && (k.start == at || k.start == ngay))
            .max_by_key(|k| k.end);
        let (value, mut end) = match date {
            Some(d) => (d.value.clone(), d.end),
            None => (None, at + self.patterns.date_text.find(&work[at..])?.end()),
        };
        if m.as_str().contains('(') {
            let rest = &work[end..];
            let close = rest.len() - rest.trim_start().len();
            if rest[close..].starts_with(')') {
                end += close + 1;
            }
        }
        Some((value, end))
    }

    /// `của <issuer>`: the issuer's text and where it ends.
    pub(super) fn issuer_slot(
        &self,
        ctx: &Ctx,
        known: &[Known],
        pos: usize,
    ) -> Option<(String, usize)> {
        let work = ctx.work();
        let m = self.patterns.slot_issuer.find(&work[pos..])?;
        let at = pos + m.end();
        let mention = known
            .iter()
            .filter(|k| matches!(k.etype, EntityType::Unit | EntityType::Title) && k.start == at)
            .max_by_key(|k| k.end);
        let written = self.written_issuer_end(ctx, at);
        let end = match mention {
            Some(k) => self.mention_issuer_end(ctx, at, k.end, written),
            None => written?,
        };
        Some((work[at..end].to_string(), end))
    }

    /// Where an issuer given by a unit or title mention ends: the mention
    /// cut at a stop word inside it (`Chính phủ Quy định`), or carried on
    /// by the written name when that goes on with a capitalised word
    /// (`Bộ Tài nguyên` + ` và Môi trường`), then its term (` khóa XII`).
    pub(super) fn mention_issuer_end(
        &self,
        ctx: &Ctx,
        at: usize,
        mention_end: usize,
        written: Option<usize>,
    ) -> usize {
        let (work, lower) = (ctx.work(), ctx.lower());
        let cut = tokens(ctx, at)
            .skip(1)
            .take_while(|t| t.start < mention_end)
            .find(|t| {
                self.words.issuer_stops.hit_in(ctx, t.start).is_some()
                    || ctx.hit(self.kind_words.id, t.start).is_some()
            })
            .map(|t| work[..t.start].trim_end().len());
        let mut end = cut.unwrap_or(mention_end);
        if let Some(w) = written.filter(|&w| cut.is_none() && w > end) {
            let next = tokens(ctx, end).next();
            let goes_on = next.is_some_and(|t| {
                t.is_capitalised(work)
                    || matches!(&lower[t.start..t.core_end], "-" | "–")
                    || is_entry(ctx, self.words.joiners.id, t.start, t.core_end)
            });
            if goes_on {
                end = w;
            }
        }
        self.with_term(work, end)
    }

    /// A unit followed by its term (`Bộ Chính trị` + ` khóa XII`).
    pub(super) fn with_term(&self, work: &str, end: usize) -> usize {
        let term = &self.patterns.issuer_term;
        term.find(&work[end..]).map_or(end, |m| end + m.end())
    }

    /// An issuer with no unit or title mention: capitalised words up to a
    /// stop word, punctuation or the next citation.
    pub(super) fn written_issuer_end(&self, ctx: &Ctx, at: usize) -> Option<usize> {
        let work = ctx.work();
        let mut end = None;
        for (i, tok) in tokens(ctx, at).enumerate() {
            if i >= self.words.issuer_max_words {
                break;
            }
            if i == 0 && !tok.is_capitalised(work) {
                return None;
            }
            // `Bộ Tài nguyên và Môi trường`: `và` or a dash joins two
            // capitalised words of one name.
            let joins = (tok.core(work).chars().all(|c| "-–—".contains(c))
                || is_entry(ctx, self.words.joiners.id, tok.start, tok.end))
                && i > 0
                && tokens(ctx, tok.end).next().is_some_and(|next| {
                    next.is_capitalised(work)
                        && ctx.hit(self.kind_words.id, next.start).is_none()
                        && self.words.issuer_stops.hit_in(ctx, next.start).is_none()
                });
            if !joins
                && (!tok.starts_with_letter(work)
                    || self.words.issuer_stops.hit_in(ctx, tok.start).is_some()
                    || (i > 0 && ctx.hit(self.kind_words.id, tok.start).is_some()))
            {
                break;
            }
            if !joins {
                end = Some(tok.core_end);
            }
            if tok.core_end < tok.end
                && !tok.is_dotted_abbreviation(work, &self.words.dotted_abbreviations)
            {
                break;
            }
        }
        end
    }

    /// A quoted title, or `về ...` to the end of the clause.
    pub(super) fn subject_slot(&self, ctx: &Ctx, pos: usize) -> Option<String> {
        let work = ctx.work();
        if let Some(m) = self.patterns.slot_quoted.find(&work[pos..]) {
            return quoted(
                work,
                pos + m.end() - m.as_str().chars().next_back()?.len_utf8(),
            );
        }
        let m = self.patterns.slot_subject.find(&work[pos..])?;
        let at = pos + m.end();
        if self
            .patterns
            .slot_quoted
            .find(&work[at..])
            .is_some_and(|q| q.start() == 0)
        {
            return quoted(work, at);
        }
        let end = self.clause_end(ctx, at)?;
        let subject = work[at..end].trim();
        (!subject.is_empty()).then(|| subject.to_string())
    }

    /// Where a `về ...` phrase starting at `at` ends.
    pub(super) fn clause_end(&self, ctx: &Ctx, at: usize) -> Option<usize> {
        let work = ctx.work();
        let mut end = None;
        let mut nesting = Nesting::default();
        let mut after_comma = false;
        let mut prev: Option<Token> = None;
        for (i, tok) in tokens(ctx, at).enumerate() {
            if i >= self.words.subject_max_words {
                break;
            }
            let stop_here = i > 0
                && !nesting.open()
                && (self.words.subject_stops.hit_in(ctx, tok.start).is_some()
                    || (after_comma
                        && self
                            .words
                            .subject_comma_stops
                            .hit_in(ctx, tok.start)
                            .is_some())
                    || (after_comma && ctx.hit(self.kind_words.id, tok.start).is_some())
                    || self.joins_next_citation(ctx, tok));
            if stop_here {
                // A comma before the stop is not part of the subject.
                end = prev.map(|p| p.core_end).or(end);
                break;
            }
            nesting.add(&work[tok.start..tok.end]);
            let open = nesting.open();
            let closes = !open && tok.ends_clause(work, &self.words.dotted_abbreviations);
            end = Some(if open || (tok.trail(work).starts_with(')') && !closes) {
                tok.end
            } else {
                self.core_with_closing_paren(work, tok)
            });
            if closes {
                break;
            }
            after_comma = tok.ends_with_comma(work);
            prev = Some(tok);
        }
        end
    }

    /// `(gas).`: a closing bracket that matches one in the word stays.
    pub(super) fn core_with_closing_paren(&self, work: &str, tok: Token) -> usize {
        let word = &work[tok.start..tok.end];
        if word.contains('(') && tok.trail(work).starts_with(')') {
            tok.core_end + 1
        } else {
            tok.core_end
        }
    }

    /// A joiner (`và`) right before another kind word: the next citation
    /// begins.
    pub(super) fn joins_next_citation(&self, ctx: &Ctx, tok: Token) -> bool {
        if tok.core_end < tok.end || !is_entry(ctx, self.words.joiners.id, tok.start, tok.end) {
            return false;
        }
        tokens(ctx, tok.end)
            .next()
            .is_some_and(|next| ctx.hit(self.kind_words.id, next.start).is_some())
    }
}

/// Where the last word of `s` (its last run of letters and digits)
/// starts: `ngày` of a date slot's `ban hành ngày`.
fn last_word_start(s: &str) -> usize {
    let word: usize = s
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .map(char::len_utf8)
        .sum();
    s.len() - word
}

/// The text inside the quotes that open at `at`, if they close on the line.
pub(super) fn quoted(work: &str, at: usize) -> Option<String> {
    let open = work[at..].chars().next()?;
    let close: &[char] = match open {
        '“' => &['”', '"'],
        '«' => &['»'],
        _ => &['"', '”'],
    };
    let inner_start = at + open.len_utf8();
    let rest = &work[inner_start..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let close_at = rest[..line_end].find(close)?;
    let inner = rest[..close_at].trim();
    (!inner.is_empty()).then(|| inner.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_titles() {
        let t = "về “Tăng cường bảo vệ” và";
        assert_eq!(
            quoted(t, t.find('“').unwrap()).as_deref(),
            Some("Tăng cường bảo vệ")
        );
        assert_eq!(quoted("“không đóng", 0), None);
    }
}
