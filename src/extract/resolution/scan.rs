//! Word-by-word scanning of the text after a citation: a law's name, an
//! issuer written out, a `về ...` subject. Offsets are bytes of the
//! working text; `lower` is its same-offset lower-cased copy.

/// Characters that may close a word without being part of it.
const TRAILING: &[char] = &[
    ',', '.', ';', ':', '!', '?', ')', ']', '”', '"', '’', '\'', '»', '…',
];
/// Characters after which a clause or a quoted title is over.
const CLAUSE_END: &[char] = &['.', ';', ':', '!', '?', '…', '”', '"', '»', ']'];

use crate::text::{Analysis, shape};

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
    /// `TP.`, `Q.` or one of `dotted` (`Tp.`, as written) before a name:
    /// the dot does not end the phrase.
    pub fn is_dotted_abbreviation(&self, text: &str, dotted: &[String]) -> bool {
        let core = self.core(text);
        self.trail(text) == "."
            && (1..=3).contains(&core.chars().count())
            && (core.chars().all(char::is_uppercase) || dotted.iter().any(|d| d == core))
    }
    /// Whether the punctuation closing the word ends a clause (`dotted` as
    /// for [`Token::is_dotted_abbreviation`]).
    pub fn ends_clause(&self, text: &str, dotted: &[String]) -> bool {
        self.trail(text).contains(CLAUSE_END) && !self.is_dotted_abbreviation(text, dotted)
    }
    pub fn ends_with_comma(&self, text: &str) -> bool {
        self.trail(text).starts_with(',')
    }
}

/// Space-separated words from `pos` to the end of the line, read off
/// the analysis's tokens (a word is a run of tokens with no space between).
pub fn tokens(a: &Analysis, pos: usize) -> impl Iterator<Item = Token> + '_ {
    let text = a.work();
    let mut i = a.token_from(pos);
    let mut first = true;
    std::iter::from_fn(move || {
        let t = a.tokens.get(i)?;
        let at_line_start = if first {
            text[pos.min(t.start)..t.start].contains('\n')
        } else {
            t.has(shape::LINE_START)
        };
        if at_line_start {
            return None;
        }
        first = false;
        let start = t.start;
        let mut end = t.end;
        i += 1;
        while let Some(n) = a.tokens.get(i).filter(|n| n.start == end) {
            end = n.end;
            i += 1;
        }
        let core_len = text[start..end].trim_end_matches(TRAILING).len();
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
        let lists = crate::text::ListSetBuilder::default().build();
        let a = Analysis::new(text, &crate::text::Segmenter::new(&[]), &lists);
        let words: Vec<(&str, &str)> = tokens(&a, 0)
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
        let tp = tokens(&a, 0).nth(2).unwrap();
        assert!(tp.is_dotted_abbreviation(text, &[]) && !tp.ends_clause(text, &[]));
        let text = "của UBND Tp. Hà Nội";
        let a = Analysis::new(text, &crate::text::Segmenter::new(&[]), &lists);
        let tp = tokens(&a, 0).nth(2).unwrap();
        let dotted = ["Tp".to_string()];
        assert!(!tp.is_dotted_abbreviation(text, &[]) && tp.is_dotted_abbreviation(text, &dotted));
    }
}
