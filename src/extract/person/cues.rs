//! What stands before a run of capitalised words and may make it a name:
//! an honorific, a title, a tomb word, a list of names already found;
//! or a place or organisation word that makes it anything but a name.

use super::PersonExtractor;
use super::ids::{RULE_FULL, RULE_HONORIFIC, RULE_LIST, RULE_TITLE, RULE_TOMB};
use crate::extract::lexicon::is_entry;
use crate::text::Analysis;
use crate::text::wordlists::word_before;
use std::collections::HashSet;

/// Why a run of capitalised words may be read as a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    None,
    Honorific,
    Title,
    List,
    /// After `lăng`, `đền thờ`: the tomb of someone (`lăng Khải Định`).
    Tomb,
}

impl Cue {
    pub(super) fn rule(self) -> &'static str {
        match self {
            Cue::None => RULE_FULL,
            Cue::Honorific => RULE_HONORIFIC,
            Cue::Title => RULE_TITLE,
            Cue::List => RULE_LIST,
            Cue::Tomb => RULE_TOMB,
        }
    }
}

impl PersonExtractor {
    /// A place or organisation word stands right before `pos`, and is not
    /// the end of a longer honorific (`báo` in `nhà báo Lê Văn Sâm`).
    pub(super) fn blocked(&self, lower: &str, pos: usize) -> bool {
        let Some(b) = word_before(lower, pos, &self.blocker_set) else {
            return false;
        };
        self.honorific_before(lower, pos).is_none_or(|h| h > b)
    }

    /// The honorific right before `pos` (separated by spaces only).
    pub(super) fn honorific_before(&self, lower: &str, pos: usize) -> Option<usize> {
        word_before(lower, pos, &self.honorific_set)
    }

    /// What precedes a run and may make it a name.
    pub(super) fn cue_before(
        &self,
        a: &Analysis,
        start: usize,
        title_ends: &HashSet<usize>,
        last_person: Option<(usize, Cue)>,
    ) -> Option<Cue> {
        let (work, lower) = (a.work(), a.lower());
        // Written in lower case only: a capitalised `Lăng` opens a place
        // name (`Lăng Cha Cả`).
        if word_before(lower, start, &self.tomb_words)
            .is_some_and(|b| work[b..].starts_with(char::is_lowercase))
        {
            return Some(Cue::Tomb);
        }
        // A title ends here: a place or organisation word at its end is
        // its unit's or place's last word (`Thủ tướng Nhật Bản Shinzo Abe`,
        // `Bộ trưởng Bộ Tài nguyên và Môi trường Trần Hồng Hà`).
        let before = work[..start].trim_end_matches(' ');
        let after_title = title_ends.contains(&before.len()) && before.len() < start;
        if self.blocked(lower, start) && !after_title {
            return None;
        }
        if self.honorific_before(lower, start).is_some() {
            return Some(Cue::Honorific);
        }
        if after_title {
            return Some(Cue::Title);
        }
        if let Some((end, cue)) = last_person {
            let gap = &lower[end.min(start)..start];
            let listed = matches!(gap, ", " | " , " | "; ") || self.joined_in_list(a, end, start);
            if listed && cue != Cue::None {
                return Some(Cue::List);
            }
        }
        Some(Cue::None)
    }

    /// `end..start` is a list joiner between single spaces (` và `,
    /// ` cùng `).
    pub(super) fn joined_in_list(&self, a: &Analysis, end: usize, start: usize) -> bool {
        let lower = a.lower();
        start >= end + 3
            && lower[end..].starts_with(' ')
            && lower[..start].ends_with(' ')
            && is_entry(a, self.list_joiners.id, end + 1, start - 1)
    }
}
