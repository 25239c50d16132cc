//! Roles that name no one person: generic or plural (`các Phó Chủ tịch`,
//! `hội nghị Bí thư`), counted (`80 Bộ trưởng`), or bare roles listed as
//! categories (`Bí thư, Phó Bí thư, cấp ủy các chi bộ`).

use super::{Found, TitleExtractor, capital_after, only_space_gap};
use crate::extract::Ctx;
use crate::extract::lexicon::{entries_at, is_entry};
use crate::text::Analysis;
use crate::text::chars::skip_spaces;
use crate::text::wordlists::word_before;

impl TitleExtractor {
    /// A word before the role makes it generic, or a number counts its
    /// holders.
    /// A former word in between does not change that (`hai cựu Ngoại
    /// trưởng`).
    pub(super) fn generic_or_counted(&self, lower: &str, pos: usize) -> bool {
        let plural = |p: usize| {
            word_before(lower, p, &self.plural_before_former).is_some() || counted(lower, p)
        };
        self.generic_word_before(lower, pos)
            || counted(lower, pos)
            || word_before(lower, pos, &self.former_words).is_some_and(plural)
    }

    /// A word before the role makes it generic or part of a name (`các`,
    /// `Phủ` of `Phủ Chủ tịch`), unless it ends a longer phrase that does
    /// not (`chính phủ Tổng thống ...`).
    fn generic_word_before(&self, lower: &str, pos: usize) -> bool {
        let Some(b) = word_before(lower, pos, &self.generic_before) else {
            return false;
        };
        word_before(lower, pos, &self.generic_except).is_none_or(|e| e >= b)
    }

    /// `một tổng thống mới nhậm chức`, `một vị tổng thống Mỹ`: an
    /// indefinite word before the role (a former word may stand between)
    /// and no name after it (a country is no name).
    pub(super) fn is_indefinite(&self, ctx: &Ctx, s: usize, e: usize) -> bool {
        let lower = ctx.lower();
        let before = word_before(lower, s, &self.former_words).unwrap_or(s);
        if word_before(lower, before, &self.indefinite_before).is_none() {
            return false;
        }
        let work = ctx.work();
        let after = if only_space_gap(work, e) {
            skip_spaces(work, e)
        } else {
            e
        };
        let past_country = self.listed_place(ctx, after).unwrap_or(e);
        !capital_after(work, past_country)
    }

    /// `Chủ tịch tỉnh, thành phố`, `Chủ tịch UBND tỉnh, huyện`: a title
    /// ending on a bare level word followed by another one names a class
    /// of offices.
    pub(super) fn levels_listed(&self, ctx: &Ctx, end: usize) -> bool {
        let lower = ctx.lower();
        let last_is_level = ctx
            .prev_tok(end)
            .is_some_and(|t| t.end == end && self.level_ending_at(ctx, t.start, end));
        if !last_is_level {
            return false;
        }
        let rest = &lower[end..];
        let skip = rest.len() - rest.trim_start_matches([',', '/', ' ']).len();
        let next = if skip > 0 && rest[..skip].contains([',', '/']) {
            end + skip
        } else if let Some(r) = rest.strip_prefix(" và ") {
            lower.len() - r.len()
        } else {
            return false;
        };
        ctx.hit(self.levels, next).is_some_and(|h| {
            !capital_after(ctx.work(), h.end) && !ctx.work()[h.end..].starts_with('.')
        })
    }

    /// A level word (`tỉnh`, `thành phố`) ends exactly at `end`, starting
    /// at or before `from`.
    fn level_ending_at(&self, ctx: &Ctx, from: usize, end: usize) -> bool {
        let lower = ctx.lower();
        let start = lower[..from].rfind(' ').map_or(0, |i| i + 1);
        [start, from]
            .into_iter()
            .any(|p| ctx.hit(self.levels, p).is_some_and(|h| h.end == end))
    }

    /// `tuân thủ Hiến pháp`: a role written in lower case whose first
    /// syllable makes a compound with the word before it.
    pub(super) fn inside_compound(&self, ctx: &Ctx, s: usize) -> bool {
        let lower = ctx.lower();
        let first_end = s + lower[s..].find(' ').unwrap_or(lower.len() - s);
        ctx.work()[s..].starts_with(char::is_lowercase)
            && lower[..s].ends_with(' ')
            && word_before(lower, first_end, &self.compound_before).is_some_and(|b| b < s)
    }

    /// `nữ hoàng nhan sắc`, `vua phá lưới`: an epithet role with no
    /// capitalised word (a name, a place) after it, written in lower case
    /// or followed by a lower-case word.
    pub(super) fn is_epithet(&self, ctx: &Ctx, s: usize, e: usize, index: usize) -> bool {
        if !self.epithets.contains(&self.title_words[index]) {
            return false;
        }
        let work = ctx.work();
        // Capitalised, it may only start a sentence (`Nữ hoàng nội y ...`).
        let lower_case = work[s..].chars().next().is_some_and(char::is_lowercase);
        let word_after = only_space_gap(work, e)
            && work[skip_spaces(work, e)..]
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        (lower_case || word_after) && !capital_after(work, e)
    }

    /// `Bí thư, Phó Bí thư, cấp ủy các chi bộ`: bare roles listed together
    /// (a comma or a list joiner between them) and followed by a plural
    /// (`plural_after_list`) are categories, not titles.
    pub(super) fn drop_role_lists(&self, a: &Analysis, titles: &mut Vec<Found>) {
        let lower = a.lower();
        let mut drop = vec![false; titles.len()];
        let mut i = 0;
        while i < titles.len() {
            let mut j = i;
            while j + 1 < titles.len() && titles[j].is_bare() && titles[j + 1].is_bare() {
                let (s, e) = trimmed(lower, titles[j].end, titles[j + 1].start);
                let joiner = |s: usize| is_entry(a, self.list_joiners.id, s, e);
                let gap = &lower[s..e];
                let listed = gap == "," || joiner(s) || (gap.starts_with(", ") && joiner(s + 2));
                if !listed {
                    break;
                }
                j += 1;
            }
            if j > i {
                let end = titles[j].end;
                let rest =
                    end + lower[end..].len() - lower[end..].trim_start_matches([',', ' ']).len();
                if entries_at(a, self.plural_after_list.id, rest)
                    .next()
                    .is_some()
                {
                    drop[i..=j].iter_mut().for_each(|d| *d = true);
                }
            }
            i = j + 1;
        }
        let mut k = 0;
        titles.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }
}

/// A small number right before a role counts office-holders (`1 Phó Giám
/// đốc`, `80 Bộ trưởng`): no one person. A year (`2017 Thứ trưởng` in a
/// run-on headline) does not count.
fn counted(lower: &str, pos: usize) -> bool {
    let before = lower[..pos].trim_end_matches(' ');
    before.len() < pos
        && before
            .rsplit(' ')
            .next()
            .is_some_and(|w| (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
}

/// `from..to` without the whitespace at either end.
fn trimmed(s: &str, from: usize, to: usize) -> (usize, usize) {
    let gap = &s[from..to];
    let start = from + gap.len() - gap.trim_start().len();
    (start, start.max(from + gap.trim_end().len()))
}
