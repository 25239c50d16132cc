//! A small tokenizer over the working text, read lazily from any byte
//! position: words (with inner `.`, `&`, `-` of codes like `TP.HCM`,
//! `GD&ĐT`, `Covid-19`) and single punctuation marks. A line break ends
//! the stream: names never run across lines.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
}

impl Tok {
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
}

/// `char::is_alphanumeric` with the letters of Vietnamese text decided
/// without a Unicode table lookup (the tokenizer reads every character).
pub fn is_alnum(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '×' | '÷' => false,
        '\u{c0}'..='\u{24f}' | '\u{1ea0}'..='\u{1ef9}' => true,
        _ => c.is_alphanumeric(),
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}'
}

/// The token that starts at or after `pos` (spaces skipped), if any
/// before the end of the line.
pub fn next(work: &str, pos: usize) -> Option<Tok> {
    let rest = work.get(pos..)?;
    let skip = rest.find(|c: char| !is_space(c))?;
    let start = pos + skip;
    let mut chars = work[start..].char_indices().peekable();
    let (_, first) = chars.next()?;
    if first == '\n' || first == '\r' {
        return None;
    }
    if !is_alnum(first) {
        return Some(Tok {
            start,
            end: start + first.len_utf8(),
        });
    }
    let mut end = start + first.len_utf8();
    let mut prev = first;
    while let Some((i, c)) = chars.next() {
        if is_alnum(c) {
            end = start + i + c.len_utf8();
            prev = c;
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let inner = match (c, next) {
            ('.' | '&', Some(n)) => is_alnum(n) && prev.is_uppercase() && n.is_uppercase(),
            ('-', Some(n)) => n.is_ascii_digit() || (prev.is_uppercase() && n.is_uppercase()),
            _ => false,
        };
        if !inner {
            break;
        }
        end = start + i + c.len_utf8();
        prev = c;
    }
    Some(Tok { start, end })
}

/// The next token at or after `pos`, across line breaks.
pub fn next_anywhere(work: &str, pos: usize) -> Option<Tok> {
    let rest = work.get(pos..)?;
    let skip = rest.find(|c: char| !c.is_whitespace())?;
    next(work, pos + skip)
}

/// The token that ends at or before `pos` (spaces skipped), on the same line.
pub fn prev(work: &str, pos: usize) -> Option<Tok> {
    let before = work.get(..pos)?;
    let trimmed = before.trim_end_matches(is_space);
    let end = trimmed.len();
    let last = trimmed.chars().next_back()?;
    if last == '\n' || last == '\r' {
        return None;
    }
    if !is_alnum(last) {
        return Some(Tok {
            start: end - last.len_utf8(),
            end,
        });
    }
    // Walk back over the word, then re-read it forwards so that the inner
    // punctuation rules are the same both ways.
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_alnum(c) || matches!(c, '.' | '&' | '-'))
        .last()
        .map_or(end, |(i, _)| i);
    let mut pos = start;
    while let Some(t) = next(work, pos) {
        if t.end >= end {
            return Some(t);
        }
        pos = t.end;
    }
    None
}

pub fn first_char(s: &str, t: Tok) -> char {
    s[t.start..].chars().next().unwrap_or(' ')
}

/// Starts with an upper-case letter (`Hà`, `UBND`, `TP.HCM`).
pub fn is_cap(s: &str, t: Tok) -> bool {
    first_char(s, t).is_uppercase()
}

pub fn is_word(s: &str, t: Tok) -> bool {
    is_alnum(first_char(s, t))
}

pub fn is_lower_word(s: &str, t: Tok) -> bool {
    first_char(s, t).is_lowercase()
}

/// Two or more letters, all upper case (`UBND`, `GD&ĐT`, `PC67` counts
/// its letters only).
pub fn is_all_caps(s: &str, t: Tok) -> bool {
    let txt = t.text(s);
    let letters: Vec<char> = txt.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

pub fn is_number(s: &str, t: Tok) -> bool {
    t.text(s).chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(t) = next(s, pos) {
            out.push(t.text(s));
            pos = t.end;
        }
        out
    }

    #[test]
    fn codes_stay_whole() {
        assert_eq!(
            all("UBND TP.HCM, Sở GD&ĐT (Covid-19) Kỹ thuật-Hậu cần"),
            vec![
                "UBND", "TP.HCM", ",", "Sở", "GD&ĐT", "(", "Covid-19", ")", "Kỹ", "thuật", "-",
                "Hậu", "cần"
            ]
        );
        assert_eq!(all("Sở Y tế\nBộ"), vec!["Sở", "Y", "tế"]);
    }

    #[test]
    fn fast_alphanumeric_agrees_with_unicode() {
        let ranges = ['\u{0}'..='\u{2ff}', '\u{1e00}'..='\u{1fff}'];
        for c in ranges.into_iter().flatten() {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn previous_token() {
        let s = "của Sở GD&ĐT, ông";
        let t = prev(s, s.find(',').unwrap()).unwrap();
        assert_eq!(t.text(s), "GD&ĐT");
        let t = prev(s, s.find(" ông").unwrap()).unwrap();
        assert_eq!(t.text(s), ",");
    }
}
