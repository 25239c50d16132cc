//! Character classes and byte-position helpers shared by every stage.
//!
//! Every extractor reads the same characters; these answers are given once
//! here, with the letters of Vietnamese text decided without a Unicode
//! table lookup (they are most of what is read).

/// A letter or digit (`char::is_alphanumeric`, fast for Vietnamese).
#[inline]
pub fn is_alnum(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7f}' => false,
        '×' | '÷' => false,
        '\u{c0}'..='\u{24f}' | '\u{1ea0}'..='\u{1ef9}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// `char::is_uppercase`, answered without a table look-up for ASCII,
/// Latin-1 and the Vietnamese block (U+1EA0 to U+1EF9, where upper and
/// lower case alternate).
#[inline]
pub fn is_upper(c: char) -> bool {
    match c {
        'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        '\u{c0}'..='\u{de}' => c != '\u{d7}',
        '\u{df}'..='\u{ff}' => false,
        '\u{1ea0}'..='\u{1ef9}' => (c as u32).is_multiple_of(2),
        _ => c.is_uppercase(),
    }
}

/// `char::is_lowercase`, fast for the letters of Vietnamese text.
#[inline]
pub fn is_lower(c: char) -> bool {
    match c {
        'a'..='z' => true,
        '\0'..='\u{7f}' => false,
        '\u{c0}'..='\u{de}' => false,
        '\u{df}'..='\u{ff}' => c != '\u{f7}',
        '\u{1ea0}'..='\u{1ef9}' => !(c as u32).is_multiple_of(2),
        _ => c.is_lowercase(),
    }
}

/// `char::is_alphabetic`, fast for the letters of Vietnamese text.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        '\u{c0}'..='\u{24f}' => c != '\u{d7}' && c != '\u{f7}',
        '\u{1ea0}'..='\u{1ef9}' => true,
        _ => c.is_alphabetic(),
    }
}

/// A horizontal space of the working text (the text stage turns every
/// other space into `' '`; tabs are kept for callers given raw text).
#[inline]
pub fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}'
}

/// The largest char boundary at or before `i`.
pub fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or after `i`.
pub fn ceil_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The boundary after the character starting at `i`.
pub fn next_char(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(i + 1, |c| i + c.len_utf8())
}

/// `pos` moved past plain spaces.
pub fn skip_spaces(s: &str, pos: usize) -> usize {
    pos + s[pos..].len() - s[pos..].trim_start_matches(' ').len()
}

/// Only spaces and tabs (no line break) between two byte positions.
pub fn only_spaces(s: &str, from: usize, to: usize) -> bool {
    from <= to && s[from..to].chars().all(|c| c == ' ' || c == '\t')
}

/// `Lê`, `Quang`, `A`: an upper-case letter, then lower-case letters only.
pub fn is_capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(is_upper) && cs.all(|c| is_lower(c) && is_letter(c))
}

/// `NGUYỄN`, `A`: upper-case letters only.
pub fn is_all_caps(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| is_upper(c) && is_letter(c))
}

/// Two or more letters and all of them upper case (`UBND`, `GD&ĐT`,
/// `PC67` counts its letters only).
pub fn is_caps_code(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars().filter(|&c| is_letter(c)) {
        if !is_upper(c) {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// `Lê`, and also `McDonald`-like foreign shapes (upper first, letters,
/// some lower-case).
pub fn is_name_shaped(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(is_upper)
        && w.chars().all(is_letter)
        && (w.chars().count() == 1 || w.chars().skip(1).any(is_lower))
}

/// Title case of one word: `NGUYỄN` gives `Nguyễn`.
pub fn title_case_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Lower-case the way the text stage does (each character to one of the
/// same UTF-8 width, so lower-cased text keeps the byte offsets).
pub fn lowercase(s: &str) -> String {
    s.chars().map(same_width_lowercase).collect()
}

/// Lower-case a character only when the result is one character of the
/// same UTF-8 width.
#[inline]
pub fn same_width_lowercase(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // Vietnamese letters: upper case is the even code point of a pair.
    if ('\u{1ea0}'..='\u{1ef9}').contains(&c) {
        return char::from_u32(c as u32 | 1).unwrap_or(c);
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// No letter or digit touches the range on either side (a dot inside an
/// entry like `TP.` is fine: only the neighbours are checked, and an entry
/// that ends in punctuation may be followed directly by a name: `TP.HCM`).
pub fn is_word_boundary(s: &str, start: usize, end: usize) -> bool {
    let before_ok = s[..start].chars().next_back().is_none_or(|c| !is_alnum(c));
    if !before_ok {
        return false;
    }
    let after_ok = s[end..].chars().next().is_none_or(|c| !is_alnum(c));
    after_ok
        || s[start..end]
            .chars()
            .next_back()
            .is_some_and(|c| !is_alnum(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_alphanumeric_agrees_with_unicode() {
        let ranges = ['\u{0}'..='\u{2ff}', '\u{1e00}'..='\u{1fff}'];
        for c in ranges.into_iter().flatten() {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn fast_cases_agree_with_unicode() {
        for c in ('\u{0}'..='\u{2fff}').chain('\u{1e00}'..='\u{1fff}') {
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            let mut l = c.to_lowercase();
            let reference = match (l.next(), l.next()) {
                (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                _ => c,
            };
            assert_eq!(same_width_lowercase(c), reference, "{c:?}");
        }
    }

    #[test]
    fn shapes() {
        assert!(is_capitalised("Lê") && !is_capitalised("LÊ") && !is_capitalised("lê"));
        assert!(is_all_caps("NGUYỄN") && !is_all_caps("Nguyễn"));
        assert!(is_caps_code("GD&ĐT") && is_caps_code("PC67") && !is_caps_code("A"));
        assert!(is_name_shaped("McDonald") && is_name_shaped("A") && !is_name_shaped("UBND"));
        assert_eq!(title_case_word("NGUYỄN"), "Nguyễn");
    }

    #[test]
    fn boundaries() {
        let s = "bộ công an, tp.hcm, bộtrưởng";
        assert!(is_word_boundary(s, 0, "bộ".len()));
        let tp = s.find("tp.").unwrap();
        assert!(is_word_boundary(s, tp, tp + 3));
        let b = s.rfind("bộ").unwrap();
        assert!(!is_word_boundary(s, b, b + "bộ".len()));
        assert_eq!(floor_char("ộ", 1), 0);
        assert_eq!(ceil_char("ộ", 1), "ộ".len());
    }
}
