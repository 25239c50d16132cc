//! Shapes of words and their surroundings that name reading asks about:
//! Vietnamese letters, regnal numbers, spoken word counts, sentence starts.

use crate::text::Token as Word;
use crate::text::chars::{is_all_caps, is_capitalised};

/// Letters only Vietnamese writes (`ă`, `ơ`, `ể`): not in a foreign name.
pub fn has_vietnamese_letters(t: &str) -> bool {
    t.chars()
        .any(|c| "ăâđêôơưĂÂĐÊÔƠƯ".contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c))
}

/// A word no Vietnamese syllable could be (`Messi`, `Isco`, not `Nam`,
/// `Thu`): alone, it names one foreigner rather than being a common word.
pub fn is_foreign_word(t: &str) -> bool {
    !has_vietnamese_letters(t) && !crate::extract::unit::shapes::is_vietnamese_syllable(t)
}

/// The word ending at `end` goes on as a domain name (`Zing.vn`).
pub(super) fn is_web_name(work: &str, end: usize) -> bool {
    let mut rest = work[end..].chars();
    rest.next() == Some('.') && rest.next().is_some_and(|c| c.is_ascii_lowercase())
}

/// `VI`, `II`: a regnal number after a monarch's name.
pub(super) fn is_roman(t: &str) -> bool {
    (1..=4).contains(&t.len()) && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Words of a name as spoken: pieces joined by a hyphen or an apostrophe
/// (`Mô-ghê-ri-ni`, `O'Brien`) count once.
pub(super) fn spoken_words(work: &str, name: &[Word]) -> usize {
    1 + name
        .windows(2)
        .filter(|p| !matches!(&work[p[0].end..p[1].start], "-" | "'" | "’"))
        .count()
}

/// The word at `pos` opens a sentence, a line or a quote.
pub(super) fn sentence_initial(work: &str, pos: usize) -> bool {
    let before = work[..pos].trim_end_matches([' ', '\t']);
    before.is_empty()
        || before.ends_with(['.', '!', '?', ':', '\n', '"', '“', '(', '-', '–', '…', ';'])
}

/// A lower-case word (not punctuation) comes right before `pos`.
pub(super) fn after_lowercase_word(work: &str, pos: usize) -> bool {
    work[..pos]
        .trim_end_matches(' ')
        .chars()
        .next_back()
        .is_some_and(|c| c.is_lowercase())
}

pub(super) fn is_capitalised_or_caps(t: &str) -> bool {
    is_capitalised(t) || is_all_caps(t)
}
