//! Words of the working text and their shapes, shared by the person,
//! title and link stages.

/// A word: a run of letters and digits, as a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
}

/// Every word of `s`, in order.
pub fn words(s: &str) -> Vec<Word> {
    word_iter(s).collect()
}

/// The words of `s`, lazily: callers that need only the first few words
/// of the rest of an article do not scan all of it.
pub fn word_iter(s: &str) -> impl Iterator<Item = Word> + '_ {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if is_word_char(c) {
                break i;
            }
        };
        let mut end = s.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some(Word { start, end })
    })
}

/// A letter or digit. Vietnamese letters (Latin-1, Latin Extended and
/// the Vietnamese block) are answered without the slow Unicode table.
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7f}' => false,
        '\u{c0}'..='\u{24f}' => c != '\u{d7}' && c != '\u{f7}',
        '\u{1ea0}'..='\u{1ef9}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// `Lê`, `Quang`, `A`: an upper-case letter, then lower-case letters only.
pub fn is_capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(|c| c.is_lowercase() && c.is_alphabetic())
}

/// `NGUYỄN`, `A`: upper-case letters only.
pub fn is_all_caps(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| c.is_uppercase() && c.is_alphabetic())
}

/// `Lê`, and also `McDonald`-like foreign shapes (upper first, letters,
/// some lower-case).
pub fn is_name_shaped(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && w.chars().all(char::is_alphabetic)
        && (w.chars().count() == 1 || w.chars().skip(1).any(char::is_lowercase))
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

/// Only spaces (no line break) between two byte positions.
pub fn only_spaces(s: &str, from: usize, to: usize) -> bool {
    from <= to && s[from..to].chars().all(|c| c == ' ' || c == '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_capitalised("Lê"));
        assert!(is_capitalised("A"));
        assert!(!is_capitalised("UBND"));
        assert!(is_all_caps("NGUYỄN"));
        assert!(!is_all_caps("Nguyễn"));
        assert_eq!(name_value("NGUYỄN VĂN A"), "Nguyễn Văn A");
        assert_eq!(name_value("Lê Quang Nam"), "Lê Quang Nam");
        assert_eq!(name_value("N.C.T"), "N.C.T");
    }

    #[test]
    fn words_are_letter_runs() {
        let s = "Ông Lê, 45 tuổi";
        let w: Vec<&str> = words(s).iter().map(|w| w.text(s)).collect();
        assert_eq!(w, vec!["Ông", "Lê", "45", "tuổi"]);
    }
}
