//! Article-level consistency: a company the article names with its head
//! (`Công ty TNHH Sunrise Việt Nam`) is the same unit where the article
//! later writes its name alone (`Sunrise Việt Nam cho biết`). The value of the bare
//! mention is the full name, so that the tables group them.

use super::config::HeadKind;
use super::scan::{Scanner, Span};
use super::shapes::is_vietnamese_syllable;
use crate::rules::lists::UnitCategory;
use crate::text::chars::is_word_boundary;

/// A company's own name and the full name it stands for.
pub struct ShortForm {
    pub form: String,
    pub value: String,
}

/// The name part of a company found with its head: the two or three
/// capitalised words that end it, after the head and its legal form; not
/// a place (`Công ty Hà Nội`) nor a person's name (`Công ty Nguyễn Kim`).
pub fn short_form(scanner: &Scanner, span: &Span, value: &str) -> Option<ShortForm> {
    if scanner.kind(span.head) != Some(HeadKind::Listed(UnitCategory::Business)) {
        return None;
    }
    let work = scanner.work;
    let mut run_start = span.end;
    let mut words = 0;
    while let Some(t) = scanner.a.prev_tok(run_start) {
        let legal_form =
            t.is_all_caps(work) || scanner.at(&scanner.cfg.company_forms, t.start).is_some();
        if t.start < span.head.end || !t.is_cap(work) || legal_form || words == 4 {
            break;
        }
        run_start = t.start;
        words += 1;
    }
    if !(2..=3).contains(&words) || run_start == span.head.end {
        return None;
    }
    let form = &work[run_start..span.end];
    // Names of plain Vietnamese syllables are also people's and places'
    // names (`Thiên Nam`, `Trung Hòa`): only a name with a foreign word
    // (`Siberian Health`, `Manulife Việt Nam`) stands alone for sure.
    if form.split(' ').all(is_vietnamese_syllable) {
        return None;
    }
    let named_otherwise = scanner.known_place_at_word(run_start).is_some()
        || scanner.person_at(run_start, 2)
        || scanner.at(&scanner.cfg.company_forms, run_start).is_some()
        || scanner.head_at(run_start, false).is_some();
    (!named_otherwise).then(|| ShortForm {
        form: form.to_string(),
        value: value.to_string(),
    })
}

/// Where the article writes a short form alone: a whole run of
/// capitalised words (nothing capitalised right before or after it),
/// outside every unit found already.
pub fn bare_mentions(
    scanner: &Scanner,
    form: &str,
    taken: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let work = scanner.work;
    work.match_indices(form)
        .map(|(i, _)| (i, i + form.len()))
        .filter(|&(s, e)| is_word_boundary(work, s, e))
        .filter(|&(s, e)| !taken.iter().any(|&(a, b)| a < e && s < b))
        .filter(|&(s, e)| {
            let cap_before = scanner
                .a
                .prev_tok(s)
                .is_some_and(|p| p.is_cap(work) && p.end + 1 == s);
            let cap_after = scanner
                .a
                .next_tok(e)
                .is_some_and(|n| n.is_cap(work) && n.start == e + 1);
            let head_before = scanner
                .a
                .prev_tok(s)
                .is_some_and(|p| scanner.head_at(p.start, true).is_some());
            !cap_before && !cap_after && !head_before
        })
        .collect()
}
