//! What a role takes after it: the unit the unit stage read there (or on
//! the role's own last words), a portfolio (`Bộ trưởng Ngoại giao`), a
//! bare place (`Chủ tịch tỉnh Yên Bái`) and an envoy's posting.

use super::{TitleExtractor, capital_after, only_space_gap};
use crate::extract::Ctx;
use crate::extract::lexicon::entries_at;
use crate::extract::unit::UnitMatch;
use crate::extract::unit::shapes::is_vietnamese_syllable;
use crate::text::chars::{is_name_shaped, skip_spaces};
use crate::text::tokens::words;

impl TitleExtractor {
    /// The unit right after the role, or starting on the role's own last
    /// word(s) (`Trưởng Phòng Nội vụ ...`, `Chánh Thanh tra Bộ ...`).
    pub(super) fn attached_unit(
        &self,
        ctx: &Ctx,
        role_start: usize,
        role_end: usize,
        next: usize,
    ) -> Option<(usize, usize, String)> {
        let work = ctx.work();
        let units = ctx.units.get()?;
        let after = if only_space_gap(work, role_end) {
            units.at(next).cloned()
        } else {
            None
        };
        // Shared word: try the role's last one or two words.
        let role = &work[role_start..role_end];
        let starts: Vec<usize> = words(role)
            .iter()
            .skip(1)
            .map(|w| role_start + w.start)
            .collect();
        let shared = starts
            .iter()
            .rev()
            .take(2)
            .rev()
            .find_map(|&pos| units.at(pos).filter(|u| u.end > role_end).cloned());
        // `Trưởng phòng Phòng Khoáng sản` repeats the head: the unit is
        // the one written after the role.
        let repeats_head = |a: &UnitMatch, b: &UnitMatch| {
            let first = |u: &UnitMatch| {
                ctx.lower()[u.start..u.end]
                    .split(' ')
                    .next()
                    .map(str::to_string)
            };
            first(a) == first(b)
        };
        // `Trưởng ban Nguyễn Hải Hường`: a full name after the role is its
        // holder, not the name of a unit on the role's last word.
        let holder_next = only_space_gap(work, role_end) && self.full_name_at(ctx, next);
        let shared = shared.filter(|_| !holder_next);
        let pick = match (after, shared) {
            (Some(a), Some(b)) if !repeats_head(&a, &b) => b,
            (Some(a), _) => a,
            (None, Some(b)) => b,
            (None, None) => return None,
        };
        Some((pick.start, pick.end, pick.value))
    }

    /// End of a listed portfolio right after the role (`Ngoại giao`),
    /// written capitalised as part of the office.
    pub(super) fn domain_after(&self, ctx: &Ctx, role_end: usize) -> Option<usize> {
        let work = ctx.work();
        if !only_space_gap(work, role_end) {
            return None;
        }
        let next = skip_spaces(work, role_end);
        let capitalised = work[next..].chars().next().is_some_and(char::is_uppercase);
        let h = ctx.hit(self.role_domains, next).filter(|_| capitalised)?;
        // Whole words only (`Tài chính` but not `Tài chínhs`).
        let whole = |end: usize| {
            work[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        };
        if !whole(h.end) {
            return None;
        }
        // A field of several words (`Phát triển Sản phẩm`, `Phát triển
        // dịch vụ`): all of it is the role, none of it a name.
        let mut end = h.end;
        loop {
            // A portfolio of several fields joined by a comma, `và` or a
            // dash (`Văn hóa, Thể thao và Du lịch`, `Lao động - Thương
            // binh và Xã hội`): the next field must be a listed one.
            let joiner = [", ", " và ", " - ", " – "]
                .into_iter()
                .find(|j| work[end..].starts_with(j));
            let next = match joiner {
                Some(j) => end + j.len(),
                None if only_space_gap(work, end) => skip_spaces(work, end),
                None => break,
            };
            let capital = work[next..].chars().next().is_some_and(char::is_uppercase);
            match ctx.hit(self.role_domains, next) {
                Some(n) if whole(n.end) && (joiner.is_none() || capital) => end = n.end,
                _ => break,
            }
        }
        Some(end)
    }

    /// A bare place after a role: a level word with a name or number
    /// (`tỉnh Yên Bái`, `quận 9`), a level word alone (`Chủ tịch quận`),
    /// or a listed place (`Hà Nội`).
    pub(super) fn place_after(&self, ctx: &Ctx, pos: usize) -> Option<usize> {
        let (work, lower) = (ctx.work(), ctx.lower());
        if let Some(h) = ctx.hit(self.levels, pos) {
            return Some(self.named_after_level(ctx, h.end));
        }
        // A place named after a person (`Hồ Chí Minh`) needs its level
        // word; a country does not (`Vương quốc Anh`).
        // A place is a proper name: `pháp` of `pháp lý` is no country.
        let place = ctx
            .hit(self.places, pos)
            .filter(|h| {
                work[h.start..].starts_with(char::is_uppercase)
                    || self.level_places.get(h.index).copied().unwrap_or(false)
            })
            .filter(|h| {
                self.country_places.get(h.index).copied().unwrap_or(false)
                    || !(ctx.hit(self.surnames, pos).is_some()
                        && lower[h.start..h.end].split(' ').count() >= 3)
            })
            .map(|h| h.end);
        // `Thị trưởng Rotterdam`, `Tỉnh trưởng Phúc Kiến`: a name the
        // article writes after a level word elsewhere is a place.
        let place = place.or_else(|| self.article_place_at(ctx, pos));
        // `Tổng thống nước này`: the country named before.
        if let Some(h) = ctx.hit(self.place_phrases, pos) {
            return Some(h.end);
        }
        // `Thủ tướng Nhật`: a short country name, capitalised, whole word;
        // `người phát ngôn Nhà Trắng`: the seat of the office.
        place.or_else(|| {
            ctx.hit(self.country_short_forms, pos)
                .or_else(|| ctx.hit(self.seats, pos))
                .filter(|h| {
                    work[h.start..]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                        && work[h.end..]
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_alphanumeric())
                })
                .map(|h| h.end)
        })
    }

    /// The end of the name a level word ending at `level_end` is followed
    /// by (`tỉnh Yên Bái`, `xã Hòa Bình`, `thôn 8`): name-shaped words or a
    /// number, up to a listed place, a holder's full name or two foreign
    /// name words; `level_end` itself when none follows.
    pub(super) fn named_after_level(&self, ctx: &Ctx, level_end: usize) -> usize {
        let work = ctx.work();
        let after = skip_spaces(work, level_end);
        let ws = ctx.tokens[ctx.token_from(after)..]
            .iter()
            .filter(|t| t.is_word());
        let mut end = level_end;
        if only_space_gap(work, level_end) || work[level_end..].starts_with('.') {
            let mut last = after;
            for w in ws {
                let t = w.text(work);
                // Past the first word only a space joins (`bang
                // Maryland. Đại sứ ...` ends at the sentence).
                let gap = &work[last..w.start];
                let joined = if w.start > after {
                    gap == " "
                } else {
                    gap.chars().all(|c| c == ' ' || c == '.')
                };
                if !joined {
                    break;
                }
                // `bang Maryland Boyd Rutherford`: two foreign name
                // words after the place are its holder.
                if w.start > after && self.foreign_pair(ctx, w.start) {
                    break;
                }
                let capitalised = t.starts_with(char::is_uppercase);
                // A listed place, however written (`TP HCM`), ends the
                // place (`tỉnh Yên Bái Ngày 9` in a run-on headline).
                if let Some(p) = ctx
                    .hit(self.places, w.start)
                    .filter(|p| capitalised && p.end > end)
                {
                    end = p.end;
                    break;
                }
                if !(is_name_shaped(t) || t.chars().all(|c| c.is_ascii_digit())) {
                    break;
                }
                // `xã Hòa Bình Nguyễn Văn An`: a full name after the
                // place is its holder.
                if w.start > after && self.full_name_at(ctx, w.start) {
                    break;
                }
                end = w.end;
                last = end;
                if t.chars().all(|c| c.is_ascii_digit()) {
                    break;
                }
            }
        }
        end
    }

    /// The end of the capitalised words at `pos` (one to three) that the
    /// article also writes right after a level word (`thành phố
    /// Rotterdam`, `tỉnh Phúc Kiến`): the longest such place.
    fn article_place_at(&self, ctx: &Ctx, pos: usize) -> Option<usize> {
        let (work, lower) = (ctx.work(), ctx.lower());
        let mut ends = Vec::new();
        let mut at = pos;
        for w in ctx.tokens[ctx.token_from(pos)..].iter().take(3) {
            if w.start != at || !w.is_word() || !is_name_shaped(w.text(work)) {
                break;
            }
            ends.push(w.end);
            at = w.end + 1;
            if !work[w.end..].starts_with(' ') {
                break;
            }
        }
        // A name led by a surname is a person's (`TP Nguyễn Đức Chung` is
        // the chairman of the city).
        if ctx.hit(self.surnames, pos).is_some() {
            return None;
        }
        // A foreign name of several words is a person's (`bang James
        // Robart` is the federal judge).
        let several_foreign = |end: usize| {
            let name = &work[pos..end];
            name.contains(' ') && name.split(' ').any(|w| !is_vietnamese_syllable(w))
        };
        ends.into_iter()
            .rev()
            .filter(|&e| !several_foreign(e))
            .find(|&end| {
                let name = &lower[pos..end];
                lower.match_indices(name).any(|(i, _)| {
                    let after = i + name.len();
                    // Written as here, and the whole capitalised name there
                    // (`xã Trường Xuân` does not make `Trường` a place).
                    let whole = work[i..].starts_with(char::is_uppercase)
                        && work[after..]
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_alphanumeric())
                        && !capital_after(work, after);
                    let before = lower[..i].trim_end_matches(' ');
                    // The level word may have two syllables (`thành phố`).
                    let b = before.len();
                    let last = lower[..b].rfind(' ').map_or(0, |k| k + 1);
                    let second = lower[..last.saturating_sub(1)]
                        .rfind(' ')
                        .map_or(0, |k| k + 1);
                    whole
                        && b < i
                        && [last, second].into_iter().any(|p| {
                            // As a level word is written: `bang`, `TP`, not the
                            // `Bản` of `Nhật Bản`.
                            let written = &work[p..b];
                            let level = !written.starts_with(char::is_uppercase)
                                || !written.contains(char::is_lowercase);
                            level && ctx.hit(self.levels, p).is_some_and(|h| h.end == b)
                        })
                })
            })
    }

    /// The words at `pos` and after it are name-shaped and no Vietnamese
    /// syllables (`Boyd Rutherford`).
    fn foreign_pair(&self, ctx: &Ctx, pos: usize) -> bool {
        let work = ctx.work();
        let foreign = |t: &crate::text::tokens::Tok| {
            let w = t.text(work);
            is_name_shaped(w) && !is_vietnamese_syllable(w)
        };
        ctx.next_tok(pos).is_some_and(|t| {
            t.start == pos
                && foreign(&t)
                && ctx
                    .next_tok(t.end)
                    .is_some_and(|n| n.start == t.end + 1 && foreign(&n))
        })
    }

    /// ` (DNI)`: an abbreviation in brackets right after a title.
    pub(super) fn abbreviation_after(&self, ctx: &Ctx, end: usize) -> Option<usize> {
        let work = ctx.work();
        let rest = work[end..].strip_prefix(" (")?;
        let close = rest.find(')')?;
        let inner = &rest[..close];
        let abbreviation = (2..=8).contains(&inner.chars().count())
            && inner
                .chars()
                .all(|c| c.is_uppercase() || c == '&' || c == '-')
            && inner.chars().any(char::is_alphabetic);
        abbreviation.then_some(end + 2 + close + 1)
    }

    /// A surname and two more capitalised words, joined by single spaces.
    pub(super) fn full_name_at(&self, ctx: &Ctx, pos: usize) -> bool {
        if ctx.hit(self.surnames, pos).is_none() {
            return false;
        }
        let work = ctx.work();
        let mut words = 0;
        let mut at = pos;
        for w in ctx.tokens[ctx.token_from(pos)..].iter() {
            if w.start != at || !w.is_word() || !is_name_shaped(w.text(work)) {
                break;
            }
            words += 1;
            at = w.end + 1;
            if !work[w.end..].starts_with(' ') {
                break;
            }
        }
        words >= 3
    }

    /// `Giám đốc WB tại Việt Nam`: ` tại ` and a country (or a place with
    /// its level word) after a title's unit stay in its span.
    pub(super) fn posting_after(&self, ctx: &Ctx, end: usize) -> Option<usize> {
        let lower = ctx.lower();
        if !lower[end..].starts_with(' ') {
            return None;
        }
        let h = entries_at(ctx, self.posting_words.id, end + 1)
            .find(|h| lower[h.end..].starts_with(' '))?;
        let at = h.end + 1;
        let country = ctx
            .hit(self.places, at)
            .filter(|p| self.country_places.get(p.index).copied().unwrap_or(false))
            .map(|p| p.end);
        country.or_else(|| {
            ctx.hit(self.levels, at)
                .and_then(|_| self.place_after(ctx, at))
        })
    }

    /// `Đại sứ Việt Nam tại Trung Quốc`: an envoy's posting after the
    /// country stays in the span.
    pub(super) fn posting_end(&self, ctx: &Ctx, role: &str, end: usize) -> usize {
        let lower = ctx.lower();
        if !self.posted_roles.iter().any(|r| role.ends_with(r.as_str())) {
            return end;
        }
        // ` tại ` and the place of the posting.
        let posting = lower[end..]
            .starts_with(' ')
            .then(|| {
                entries_at(ctx, self.posting_words.id, end + 1)
                    .find(|h| lower[h.end..].starts_with(' '))
            })
            .flatten();
        // The posting is a place or a body (`tại Liên Hợp Quốc`).
        match posting {
            Some(h) => self
                .place_after(ctx, h.end + 1)
                .or_else(|| ctx.units.get().and_then(|u| u.at(h.end + 1)).map(|u| u.end))
                .unwrap_or(end),
            None => end,
        }
    }
}
