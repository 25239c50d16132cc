//! The normalised value of a person's name.

use crate::text::chars::{is_all_caps, title_case_word};

/// A name's normalised value: words in title case when written in
/// capitals, otherwise as written; single spaces.
pub fn name_value(surface: &str) -> String {
    let all_caps = surface
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 1)
        .all(is_all_caps);
    let mut out = String::with_capacity(surface.len());
    for (i, part) in surface.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if all_caps {
            // Keep dots of initials: `N.C.T` stays, `NGUYỄN` is recased.
            let mut word = String::new();
            for c in part.chars() {
                if c.is_alphabetic() {
                    word.push(c);
                } else {
                    out.push_str(&title_case_word(&word));
                    word.clear();
                    out.push(c);
                }
            }
            out.push_str(&title_case_word(&word));
        } else {
            out.push_str(part);
        }
    }
    out
}
