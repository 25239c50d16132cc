//! The citations that start at a kind word: a full number (`số
//! 35-NQ/TW`), a short one (`142`), a number after a few words (`tờ trình
//! Chính phủ số 469/TTr-CP`), further numbers sharing the kind word, or a
//! name read by `names`.

use super::config::{KindRow, Named};
use super::names::name_by;
use super::scan::tokens;
use super::{Citation, ResolutionExtractor};
use crate::extract::Ctx;
use regex::Regex;

impl ResolutionExtractor {
    /// The citations that start at a kind word (`kind_start..kind_end`):
    /// none, one, or several sharing the kind word.
    pub(super) fn citations_at(
        &self,
        ctx: &Ctx,
        kind_start: usize,
        kind_end: usize,
        kind: &KindRow,
    ) -> Vec<Citation> {
        let work = ctx.work();
        if let Some((number, end)) = self.full_number_at(work, kind_end, &self.patterns.numbered) {
            let mut out = vec![Citation {
                start: kind_start,
                end,
                value: number,
                rule: "resolution.numbered",
                numbered: true,
            }];
            self.list_items(work, &mut out);
            return out;
        }
        if let Some((number, end)) = self.short_number_at(ctx, kind_start, kind_end, kind) {
            return vec![Citation {
                start: kind_start,
                end,
                value: number,
                rule: "resolution.short",
                numbered: true,
            }];
        }
        if let Some((number, end)) = self.late_number_at(ctx, kind_end) {
            return vec![Citation {
                start: kind_start,
                end,
                value: number,
                rule: "resolution.numbered_late",
                numbered: true,
            }];
        }
        let named = match kind.named {
            Named::None => None,
            Named::Law => self.law_name_at(ctx, kind_start, kind_end),
            Named::Congress => name_by(
                &self.patterns.named_congress,
                "resolution.named_congress",
                work,
                kind_end,
            ),
            Named::Year => name_by(
                &self.patterns.named_year,
                "resolution.named_year",
                work,
                kind_end,
            ),
        };
        named
            .map(|(start, end, rule)| {
                vec![Citation {
                    start: kind_start,
                    end,
                    value: work[start..end].to_string(),
                    rule,
                    numbered: false,
                }]
            })
            .unwrap_or_default()
    }

    /// A full number (`35-NQ/TW`, `24/2014/NĐ-CP`) matched by `re` at
    /// `pos`: its value and end. Text glued to it by a bad crawl is cut off.
    pub(super) fn full_number_at(
        &self,
        work: &str,
        pos: usize,
        re: &Regex,
    ) -> Option<(String, usize)> {
        let caps = re.captures(&work[pos..])?;
        let m = caps.name("number")?;
        let (start, mut end) = (pos + m.start(), pos + m.end());
        if work[end..].chars().next().is_some_and(char::is_alphabetic) {
            // `NĐ-CPng`: a code segment may end in one lower-case letter
            // (`TTg`, `QĐi`) only when no letter follows it.
            let last = work[start..end].chars().next_back()?;
            if !last.is_lowercase() {
                return None;
            }
            end -= last.len_utf8();
        }
        Some((clean_number(&work[start..end]), end))
    }

    /// A short number (`142`, `64/2017`, `19-2017`) after a kind word, when
    /// it really is one: `số` before it or a kind that takes bare numbers,
    /// no digits or letters glued to it, no counter word after it.
    pub(super) fn short_number_at(
        &self,
        ctx: &Ctx,
        kind_start: usize,
        pos: usize,
        kind: &KindRow,
    ) -> Option<(String, usize)> {
        let work = ctx.work();
        let caps = self.patterns.short.captures(&work[pos..])?;
        let m = caps.name("number")?;
        if caps.name("so").is_none() && !self.bare_number_allowed(ctx, kind_start, kind, m.as_str())
        {
            return None;
        }
        let end = pos + m.end();
        let mut after = work[end..].chars();
        match (after.next(), after.next()) {
            (Some(c), _) if c.is_alphanumeric() || c == '%' => return None,
            (Some('/' | '-' | '.' | ',' | ':'), Some(d)) if d.is_ascii_digit() => return None,
            _ => {}
        }
        let next_word = end + work[end..].len() - work[end..].trim_start_matches(' ').len();
        let counter = (next_word > end)
            .then(|| self.words.not_after_bare_number.hit_in(ctx, next_word))
            .flatten();
        if let Some(counter) = counter {
            // `3 năm` counts; `67 năm 2014`, `2039 ngày 29/5` do not.
            let then = work[counter.end..].trim_start_matches(' ');
            if !then.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
        }
        Some((clean_number(m.as_str()), end))
    }

    /// Whether a short number may follow the kind word without `số`.
    pub(super) fn bare_number_allowed(
        &self,
        ctx: &Ctx,
        kind_start: usize,
        kind: &KindRow,
        number: &str,
    ) -> bool {
        let capitalised = ctx.work()[kind_start..].starts_with(char::is_uppercase);
        if kind.bare_number {
            // `Trí quyết định 1 mình`: a lower-case kind word with a bare
            // one-digit number is a verb and a count.
            return capitalised || number.len() > 1;
        }
        // `KẾ HOẠCH 10` in an all-capitals table is a heading, not a citation.
        let title_case = ctx.work()[kind_start..]
            .chars()
            .nth(1)
            .is_some_and(char::is_lowercase);
        if !kind.capitalised_bare_number
            || !capitalised
            || !title_case
            || number.len() < 2
            || is_year(number)
        {
            return false;
        }
        let sentence = ctx
            .sentences
            .get(ctx.sentence_of(kind_start))
            .cloned()
            .unwrap_or(0..ctx.work().len());
        let lower = &ctx.lower()[sentence];
        self.words
            .project_context
            .0
            .find_all(lower)
            .next()
            .is_none()
    }

    /// A full number after a few words that name the issuer or the
    /// document's type (`tờ trình Chính phủ số 469/TTr-CP`, `kết luận
    /// thanh tra số 05/KL-TTr`): only with `số` and a full number, and
    /// with no other kind word or clause word in between.
    pub(super) fn late_number_at(&self, ctx: &Ctx, kind_end: usize) -> Option<(String, usize)> {
        let work = ctx.work();
        let caps = self.patterns.numbered_late.captures(&work[kind_end..])?;
        let between = caps.name("between")?;
        let blocked = tokens(ctx, kind_end)
            .take_while(|t| t.start < kind_end + between.end())
            .any(|t| {
                ctx.hit(self.kind_words.id, t.start).is_some()
                    || self.words.late_number_stops.hit_in(ctx, t.start).is_some()
            });
        if blocked {
            return None;
        }
        self.full_number_at(work, kind_end + between.end(), &self.patterns.numbered)
    }

    /// Further full numbers sharing the kind word of the last citation.
    pub(super) fn list_items(&self, work: &str, out: &mut Vec<Citation>) {
        while let Some(last) = out.last() {
            let pos = last.end;
            let Some((number, end)) = self.full_number_at(work, pos, &self.patterns.list) else {
                return;
            };
            let caps = self.patterns.list.captures(&work[pos..]);
            let start = caps
                .and_then(|c| c.name("number"))
                .map_or(pos, |m| pos + m.start());
            out.push(Citation {
                start,
                end,
                value: number,
                rule: "resolution.list",
                numbered: true,
            });
        }
    }
}

/// `2017`: a short number that is a year, not a document number.
pub(super) fn is_year(number: &str) -> bool {
    number.len() == 4
        && number.bytes().all(|b| b.is_ascii_digit())
        && (number.starts_with("19") || number.starts_with("20"))
}

/// A number as printed, spaces removed, dashes as `-`.
pub(super) fn clean_number(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if matches!(c, '‐' | '‑' | '‒' | '–' | '—') {
                '-'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_cleaned() {
        assert_eq!(clean_number("35–NQ/TW"), "35-NQ/TW");
        assert_eq!(clean_number("19 - 2017"), "19-2017");
    }
}
