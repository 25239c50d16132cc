//! Where dates may be: the numbers and anchor words of an article and the
//! windows around them, and the character-boundary helpers the rules
//! stepping through those windows need.

use super::*;

/// A token holding a number that may be a day, a month, a quarter or a
/// year: 0 to 31, a two-digit year, or 1000 to 2199 (`150`, `2.500` or
/// `35-NQ` hold none; `SN1974` holds one).
pub(super) fn could_be_date_number(t: &crate::text::Token, lower: &str) -> bool {
    // Most tokens are words of letters only; checked on every token.
    if t.kind == Kind::Punct || t.has(crate::text::tokens::shape::ALPHA) {
        return false;
    }
    t.text(lower)
        .as_bytes()
        .split(|b| !b.is_ascii_digit())
        .filter(|d| !d.is_empty())
        .any(|d| d.len() <= 2 || (d.len() == 4 && matches!(d[0], b'1' | b'2')))
}

/// The places of the text the rules must look at: each hit of the union
/// regex that starts in one of `windows`, and what follows it up to a
/// space; overlapping places merged.
pub(super) fn zones(
    any: &Regex,
    lower: &str,
    windows: impl Iterator<Item = Range<usize>>,
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut searched_to = 0;
    for w in windows {
        let mut pos = w.start.max(searched_to);
        let hay_end = ceil_char(lower, w.end + MAX_MATCH);
        while pos < w.end {
            let Some(m) = any.find_at(&lower[..hay_end], pos) else {
                break;
            };
            if m.start() >= w.end {
                break;
            }
            let mut end = ceil_char(lower, m.end() + ZONE_TAIL);
            end += lower[end..]
                .find(char::is_whitespace)
                .unwrap_or(lower.len() - end);
            match out.last_mut() {
                Some(last) if m.start() <= last.end => last.end = last.end.max(end),
                _ => out.push(m.start()..end),
            }
            pos = if m.end() > m.start() {
                m.end()
            } else {
                next_char(lower, m.start())
            };
        }
        searched_to = pos;
    }
    out
}

/// A match must not start or end inside a word (`Mazda3 2017`, `12tháng`);
/// checked here because the regexes only know ASCII word boundaries.
pub(super) fn at_word_edges(s: &str, start: usize, end: usize) -> bool {
    let inner_first = s[start..].chars().next();
    let inner_last = s[..end].chars().next_back();
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let starts_inside = word(inner_first) && word(before);
    let ends_inside = word(inner_last) && word(after);
    !starts_inside && !ends_inside
}

pub(super) fn next_char(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(i + 1, |c| i + c.len_utf8())
}

pub(super) fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(super) fn ceil_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}
