//! Word-by-word scanning of the text after a citation: a law's name, an
//! issuer written out, a `về ...` subject. Offsets are bytes of the
//! working text; `lower` is its same-offset lower-cased copy.

/// Characters that may close a word without being part of it.
const TRAILING: &[char] = &[
    ',', '.', ';', ':', '!', '?', ')', ']', '”', '"', '’', '\'', '»', '…',
];
/// Characters after which a clause or a quoted title is over.
const CLAUSE_END: &[char] = &['.', ';', ':', '!', '?', '…', '”', '"', '»', ']'];

/// One whitespace-separated word.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// End of the word without the punctuation that closes it.
    pub core_end: usize,
}

impl Token {
    pub fn core<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.core_end]
    }
    pub fn trail<'a>(&self, text: &'a str) -> &'a str {
        &text[self.core_end..self.end]
    }
    pub fn is_capitalised(&self, text: &str) -> bool {
        text[self.start..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }
    /// `HTX`, `GTĐB`: two or more capitals and nothing else.
    pub fn is_abbreviation(&self, text: &str) -> bool {
        let core = self.core(text);
        core.chars().count() >= 2 && core.chars().all(char::is_uppercase)
    }
    pub fn starts_with_letter(&self, text: &str) -> bool {
        text[self.start..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    }
    /// `TP.` or `Q.` before a name: the dot does not end the phrase.
    pub fn is_dotted_abbreviation(&self, text: &str) -> bool {
        let core = self.core(text);
        self.trail(text) == "."
            && (1..=3).contains(&core.chars().count())
            && (core.chars().all(char::is_uppercase) || core == "Tp")
    }
    /// Whether the punctuation closing the word ends a clause.
    pub fn ends_clause(&self, text: &str) -> bool {
        self.trail(text).contains(CLAUSE_END) && !self.is_dotted_abbreviation(text)
    }
    pub fn ends_with_comma(&self, text: &str) -> bool {
        self.trail(text).starts_with(',')
    }
}

/// Words from `pos` to the end of the line.
pub fn tokens(text: &str, pos: usize) -> impl Iterator<Item = Token> + '_ {
    let mut at = pos;
    std::iter::from_fn(move || {
        let rest = &text[at..];
        let skip = rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
        let start = at + skip;
        let first = text[start..].chars().next()?;
        if first == '\n' || first == '\r' {
            return None;
        }
        let len = text[start..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - start);
        let end = start + len;
        let word = &text[start..end];
        let core_len = word.trim_end_matches(TRAILING).len();
        at = end;
        Some(Token {
            start,
            end,
            core_end: start + core_len,
        })
    })
}

/// Where a parenthesis or quote opened inside a phrase is still open, its
/// closing mark belongs to the phrase.
#[derive(Default)]
pub struct Nesting {
    parens: i32,
    quotes: i32,
}

impl Nesting {
    pub fn open(&self) -> bool {
        self.parens > 0 || self.quotes > 0
    }
    pub fn add(&mut self, word: &str) {
        for c in word.chars() {
            match c {
                '(' => self.parens += 1,
                ')' => self.parens -= 1,
                '“' | '«' => self.quotes += 1,
                '”' | '»' => self.quotes -= 1,
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_their_punctuation() {
        let text = "của UBND TP. Hà Nội, về việc (gas).\nSau";
        let words: Vec<(&str, &str)> = tokens(text, 0)
            .map(|t| (t.core(text), t.trail(text)))
            .collect();
        assert_eq!(
            words,
            vec![
                ("của", ""),
                ("UBND", ""),
                ("TP", "."),
                ("Hà", ""),
                ("Nội", ","),
                ("về", ""),
                ("việc", ""),
                ("(gas", ")."),
            ]
        );
        let tp = tokens(text, 0).nth(2).unwrap();
        assert!(tp.is_dotted_abbreviation(text) && !tp.ends_clause(text));
    }
}
