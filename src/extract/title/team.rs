//! The team a coach serves, written after the role (`HLV U23 Việt Nam`,
//! `HLV trưởng Đội tuyển U.20 Quốc gia`, `huấn luyện viên đội tuyển futsal
//! Việt Nam`): part of the title's span, with no unit (a team is no unit
//! of the spec), never its holder's name.

use super::{TitleExtractor, only_space_gap};
use crate::extract::Ctx;
use crate::extract::lexicon::entries_at;
use crate::text::chars::{is_name_shaped, skip_spaces};

impl TitleExtractor {
    /// End of the team written right after `role_end`, for a role of
    /// `team_roles`.
    pub(super) fn team_after(&self, ctx: &Ctx, role: &str, role_end: usize) -> Option<usize> {
        let work = ctx.work();
        if !self.team_roles.iter().any(|r| r == role) || !only_space_gap(work, role_end) {
            return None;
        }
        let lower = ctx.lower();
        let mut pos = skip_spaces(work, role_end);
        // `đội tuyển`, `ĐT`, then any lower-case sport words (`futsal`,
        // `bóng đá nữ`) before the name.
        let word = entries_at(ctx, self.team_words.id, pos)
            .filter(|h| lower[h.end..].starts_with(' '))
            .map(|h| h.end)
            .max();
        let mut end = None;
        if let Some(w) = word {
            pos = skip_spaces(work, w);
            while let Some(t) = ctx.next_tok(pos) {
                let text = &work[t.start..t.end];
                if t.start != pos || !text.chars().all(char::is_lowercase) {
                    break;
                }
                if !work[t.end..].starts_with(' ') {
                    return None;
                }
                pos = t.end + 1;
            }
        }
        // An age group (`U23`, `U.20`, `U-19`) may open the name.
        let glued = work[pos..]
            .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
            .map_or(work.len(), |n| pos + n);
        if is_age_group(work[pos..glued].trim_end_matches('.')) {
            let group_end = pos + work[pos..glued].trim_end_matches('.').len();
            end = Some(group_end);
            pos = group_end;
            if !only_space_gap(work, pos) {
                return end;
            }
            pos = skip_spaces(work, pos);
        } else if word.is_none() {
            return None;
        }
        // The country or name of the team, capitalised: a listed place, or
        // name-shaped words up to a full name (the holder).
        if let Some(p) = ctx.hit(self.places, pos).filter(|_| capital_at(work, pos)) {
            return Some(p.end);
        }
        let mut at = pos;
        while let Some(t) = ctx.next_tok(at).filter(|t| t.start == at) {
            // `Quốc gia`, `nữ`: words of a team's name in any case.
            if let Some(h) = entries_at(ctx, self.team_suffixes.id, at)
                .filter(|h| !lower[h.end..].starts_with(char::is_alphanumeric))
                .max_by_key(|h| h.end)
            {
                end = Some(h.end);
                if !work[h.end..].starts_with(' ') {
                    break;
                }
                at = h.end + 1;
                continue;
            }
            let text = &work[t.start..t.end];
            if !is_name_shaped(text) || self.full_name_at(ctx, t.start) {
                break;
            }
            end = Some(t.end);
            if !work[t.end..].starts_with(' ') {
                break;
            }
            at = t.end + 1;
        }
        end
    }
}

fn capital_at(work: &str, pos: usize) -> bool {
    work[pos..].starts_with(char::is_uppercase)
}

/// `U23`, `U.20`, `U-19`: a team's age group.
fn is_age_group(t: &str) -> bool {
    let rest = t
        .strip_prefix('U')
        .map(|r| r.trim_start_matches(['.', '-']));
    rest.is_some_and(|r| (2..=2).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_digit()))
}
