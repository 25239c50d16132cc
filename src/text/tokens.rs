//! Tokens of the working text: syllables and other letter-digit runs,
//! numbers, and single punctuation marks, each with its shape and the
//! space before it. Built once per article; every extractor reads these
//! instead of re-scanning characters its own way.

use super::chars::{is_alnum, is_letter, is_lower, is_space, is_upper};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters, possibly with digits (`Quang`, `PC67`, `Covid`).
    Word,
    /// ASCII digits only (`2017`, `04`).
    Number,
    /// One character that is neither a letter, a digit nor a space.
    Punct,
}

/// Shape bits of a token.
pub mod shape {
    /// The first character is upper case.
    pub const CAP: u8 = 1;
    /// Upper-case first letter, lower-case letters after it (`Lê`, `A`).
    pub const CAPITALISED: u8 = 2;
    /// Letters only, all upper case (`UBND`, `A`).
    pub const ALL_CAPS: u8 = 4;
    /// Letters only.
    pub const ALPHA: u8 = 8;
    /// Preceded by a space or the start of a line (not glued to the
    /// previous token: `TP.HCM` has no space before `HCM`).
    pub const SPACE_BEFORE: u8 = 16;
    /// First token of its line.
    pub const LINE_START: u8 = 32;
    /// Lower-case first character.
    pub const LOWER: u8 = 64;
    /// Inside a code-like word, not its first token (`HCM` of `TP.HCM`).
    pub const IN_CODE: u8 = 128;
}

/// One token: a byte range of the working text and its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub shape: u8,
}

impl Token {
    #[inline]
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
    #[inline]
    pub fn has(&self, bits: u8) -> bool {
        self.shape & bits == bits
    }
    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind != Kind::Punct
    }
    #[inline]
    pub fn is_cap(&self) -> bool {
        self.has(shape::CAP)
    }
    #[inline]
    pub fn is_lower(&self) -> bool {
        self.has(shape::LOWER)
    }
}

/// Every token of `work`, in order.
pub fn tokenize(work: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(work.len() / 4);
    let mut chars = work.char_indices().peekable();
    let mut space_before = true;
    let mut line_start = true;
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            space_before = true;
            line_start = true;
            continue;
        }
        if is_space(c) || c.is_whitespace() {
            space_before = true;
            continue;
        }
        let mut bits = 0;
        if space_before {
            bits |= shape::SPACE_BEFORE;
        }
        if line_start {
            bits |= shape::LINE_START;
        }
        space_before = false;
        line_start = false;
        if !is_alnum(c) {
            out.push(Token {
                start: i,
                end: i + c.len_utf8(),
                kind: Kind::Punct,
                shape: bits,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut upper = false;
        let first_upper = is_upper(c);
        let first_lower = is_lower(c);
        let mut all_upper = first_upper;
        let mut all_alpha = is_letter(c);
        let mut all_digits = c.is_ascii_digit();
        while let Some(&(j, d)) = chars.peek() {
            if !is_alnum(d) {
                break;
            }
            chars.next();
            end = j + d.len_utf8();
            if d.is_ascii_digit() {
                all_alpha = false;
                all_upper = false;
            } else {
                all_digits = false;
                if is_upper(d) {
                    upper = true;
                } else {
                    all_upper = false;
                }
                if !is_letter(d) {
                    all_alpha = false;
                }
            }
        }
        if first_upper {
            bits |= shape::CAP;
            if all_alpha && !upper {
                bits |= shape::CAPITALISED;
            }
        }
        if first_lower {
            bits |= shape::LOWER;
        }
        if all_alpha {
            bits |= shape::ALPHA;
            if all_upper {
                bits |= shape::ALL_CAPS;
            }
        }
        out.push(Token {
            start: i,
            end,
            kind: if all_digits { Kind::Number } else { Kind::Word },
            shape: bits,
        });
    }
    out
}

/// A word with the inner `.`, `&` and `-` of codes (`TP.HCM`, `GD&ĐT`,
/// `Covid-19`), or one punctuation mark: the unit of unit names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
}

impl Tok {
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
    pub fn first_char(&self, s: &str) -> char {
        s[self.start..].chars().next().unwrap_or(' ')
    }
    /// Starts with an upper-case letter (`Hà`, `UBND`, `TP.HCM`).
    pub fn is_cap(&self, s: &str) -> bool {
        self.first_char(s).is_uppercase()
    }
    pub fn is_word(&self, s: &str) -> bool {
        is_alnum(self.first_char(s))
    }
    pub fn is_lower_word(&self, s: &str) -> bool {
        self.first_char(s).is_lowercase()
    }
    /// Two or more letters, all upper case (`UBND`, `GD&ĐT`, `PC67`).
    pub fn is_all_caps(&self, s: &str) -> bool {
        super::chars::is_caps_code(self.text(s))
    }
    pub fn is_number(&self, s: &str) -> bool {
        self.text(s).chars().all(|c| c.is_ascii_digit())
    }
}

/// The index of the last token of the code-like word starting at token
/// `i`: letters and digits joined by an inner `.` or `&` between capitals
/// (`TP.HCM`, `GD&ĐT`) or a `-` before a digit or between capitals
/// (`Covid-19`, `AIPA-31`), with no space anywhere.
pub fn code_end(tokens: &[Token], s: &str, i: usize) -> usize {
    let mut last = i;
    if tokens[i].kind == Kind::Punct {
        return i;
    }
    while last + 2 < tokens.len() {
        let (p, n) = (tokens[last + 1], tokens[last + 2]);
        if p.kind != Kind::Punct || p.start != tokens[last].end || n.start != p.end {
            break;
        }
        if n.kind == Kind::Punct {
            break;
        }
        let prev_char = tokens[last].text(s).chars().next_back().unwrap_or(' ');
        let next_char = n.text(s).chars().next().unwrap_or(' ');
        let joined = match p.text(s) {
            "." | "&" => prev_char.is_uppercase() && next_char.is_uppercase(),
            "-" => {
                next_char.is_ascii_digit() || (prev_char.is_uppercase() && next_char.is_uppercase())
            }
            _ => false,
        };
        if !joined {
            break;
        }
        last += 2;
    }
    last
}

/// The code-like word or punctuation mark starting at the first token at
/// or after byte `pos` (line breaks are not looked at).
pub fn next_code(tokens: &[Token], s: &str, pos: usize) -> Option<Tok> {
    let i = tokens.partition_point(|t| t.start < pos);
    let t = tokens.get(i)?;
    Some(Tok {
        start: t.start,
        end: tokens[code_end(tokens, s, i)].end,
    })
}

/// The word tokens (letters and digits) of a piece of text that is not
/// the article itself (a name, a credit).
pub fn words(s: &str) -> Vec<Token> {
    let mut t = tokenize(s);
    t.retain(|t| t.kind != Kind::Punct);
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn words_numbers_and_marks() {
        let s = "Ông Lê Văn A, UBND TP.HCM (Covid-19) 2017\nBộ";
        assert_eq!(
            texts(s),
            vec![
                "Ông", "Lê", "Văn", "A", ",", "UBND", "TP", ".", "HCM", "(", "Covid", "-", "19",
                ")", "2017", "Bộ"
            ]
        );
        let t = tokenize(s);
        assert!(t[0].has(shape::CAPITALISED | shape::LINE_START | shape::SPACE_BEFORE));
        assert!(t[5].has(shape::ALL_CAPS) && !t[5].has(shape::CAPITALISED));
        assert!(!t[8].has(shape::SPACE_BEFORE));
        assert_eq!(t[14].kind, Kind::Number);
        assert!(t[15].has(shape::LINE_START));
        assert!(t[3].has(shape::CAPITALISED | shape::ALL_CAPS));
    }

    #[test]
    fn shapes_agree_with_the_string_tests() {
        use crate::text::chars::{is_all_caps, is_capitalised};
        let s = "Lê LÊ lê McDonald PC67 iPhone Đ 3G";
        for t in tokenize(s) {
            let w = t.text(s);
            assert_eq!(t.has(shape::CAPITALISED), is_capitalised(w), "{w}");
            assert_eq!(t.has(shape::ALL_CAPS), is_all_caps(w), "{w}");
        }
    }
}
