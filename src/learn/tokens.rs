//! Words and punctuation of one article, with what their capitalisation
//! can tell.
//!
//! The learner works on syllables (Vietnamese writes one syllable per
//! space-separated word), keeping joined forms whole (`TP.HCM`, `Covid-19`,
//! `Hang-seo`, `H.T.P`). A capital letter at the start of a line, after a
//! sentence end, a colon, a dash, a bracket or a quotation mark is
//! *forced*: it says nothing about whether the word is a name (`(Theo
//! VnExpress)`).

/// What a token looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `viện`, `cho`
    Lower,
    /// `Bệnh`, `Messi`
    Cap,
    /// `UBND`, `FPT`, `TP.HCM`: two or more letters, no lower-case one.
    Upper,
    /// `iPhone`, `eBay`: lower-case first letter, a capital inside.
    Mixed,
    /// `108`, `1.000`, `6/45`'s digits
    Number,
    /// one punctuation character (or `…` for a run of dots)
    Punct,
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub text: &'a str,
    pub shape: Shape,
    /// Capitalisation is forced here (line or sentence start, after `:`
    /// or a quotation mark), so it is no evidence of a name.
    pub forced: bool,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        !matches!(self.shape, Shape::Number | Shape::Punct)
    }

    /// Written with a capital: a name part, or a forced capital.
    pub fn is_capitalised(&self) -> bool {
        matches!(self.shape, Shape::Cap | Shape::Upper | Shape::Mixed)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.shape == Shape::Punct && self.text.starts_with(c)
    }

    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// Characters that join two letters or digits into one token.
fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '-' | '\'' | '’' | '&' | '_')
}

/// Punctuation after which the next capital is forced.
fn forces_capital(text: &str) -> bool {
    matches!(
        text,
        "." | "!"
            | "?"
            | "…"
            | ":"
            | "\""
            | "“"
            | "”"
            | "'"
            | "‘"
            | "«"
            | "•"
            | "*"
            | "["
            | "("
            | "-"
            | "–"
            | "—"
    )
}

/// The tokens of one line of text.
pub fn tokenize_line(line: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token> = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                } else if is_joiner(d) {
                    // A joiner stays inside only with a letter or digit on
                    // both sides (`TP.HCM`, not `TP.` at a sentence end),
                    // and a hyphen not between a lower-case Vietnamese
                    // syllable and a capital (`hình sự-Công an` is two
                    // names' words; `al-Baghdadi` is one).
                    let rest = &line[j + d.len_utf8()..];
                    let next = rest.chars().next();
                    let part = line[i..j].rsplit(is_joiner).next().unwrap_or("");
                    let case_break = d == '-'
                        && part.starts_with(char::is_lowercase)
                        && !part.is_ascii()
                        && next.is_some_and(char::is_uppercase);
                    if next.is_some_and(char::is_alphanumeric) && !case_break {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let text = &line[i..end];
            out.push(Token {
                text,
                shape: shape_of(text),
                forced: false,
            });
        } else if c == '.' {
            // A run of dots is one ellipsis.
            let mut end = i + 1;
            while let Some(&(j, '.')) = chars.peek() {
                end = j + 1;
                chars.next();
            }
            let text = if end - i > 1 { "…" } else { &line[i..end] };
            out.push(Token {
                text,
                shape: Shape::Punct,
                forced: false,
            });
        } else {
            out.push(Token {
                text: &line[i..i + c.len_utf8()],
                shape: Shape::Punct,
                forced: false,
            });
        }
    }
    mark_forced(&mut out);
    out
}

fn mark_forced(tokens: &mut [Token]) {
    let mut forced = true;
    for i in 0..tokens.len() {
        if tokens[i].shape == Shape::Punct {
            if tokens[i].text == "." && i > 0 && is_abbreviation(tokens[i - 1].text) {
                continue;
            }
            if forces_capital(tokens[i].text) {
                forced = true;
            }
            continue;
        }
        tokens[i].forced = forced;
        forced = false;
    }
}

/// A dot after these does not end a sentence: initials (`H.`) and short
/// abbreviations with two or more capitals (`TP.`, `PGS.`, `ThS.`); a
/// short word such as `Mỹ.` or `Nam.` does end one.
pub fn is_abbreviation(word: &str) -> bool {
    let n = word.chars().count();
    let caps = word.chars().filter(|c| c.is_uppercase()).count();
    (n == 1 && caps == 1) || ((2..=4).contains(&n) && caps >= 2)
}

pub fn shape_of(text: &str) -> Shape {
    let first = text.chars().next().unwrap_or(' ');
    if first.is_numeric() {
        return Shape::Number;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let lowers = text.chars().filter(|c| c.is_lowercase()).count();
    let uppers = text.chars().filter(|c| c.is_uppercase()).count();
    if first.is_uppercase() {
        if lowers == 0 && letters >= 2 {
            Shape::Upper
        } else {
            Shape::Cap
        }
    } else if uppers > 0 {
        Shape::Mixed
    } else {
        Shape::Lower
    }
}

/// The tokens of a phrase from a word list, lower-cased: what a list entry
/// is matched against.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    tokenize_line(phrase).iter().map(Token::lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<&str> {
        tokenize_line(line).iter().map(|t| t.text).collect()
    }

    #[test]
    fn joined_forms_stay_whole() {
        assert_eq!(
            texts("Ông Park Hang-seo về TP.HCM, gặp H.T.P..."),
            vec![
                "Ông", "Park", "Hang-seo", "về", "TP.HCM", ",", "gặp", "H.T.P", "…"
            ]
        );
        assert_eq!(
            texts("Covid-19 (SN 1990)"),
            vec!["Covid-19", "(", "SN", "1990", ")"]
        );
        assert_eq!(
            texts("sự-Công Á-Âu al-Baghdadi"),
            vec!["sự", "-", "Công", "Á-Âu", "al-Baghdadi"]
        );
    }

    #[test]
    fn shapes() {
        assert_eq!(shape_of("UBND"), Shape::Upper);
        assert_eq!(shape_of("Bệnh"), Shape::Cap);
        assert_eq!(shape_of("iPhone"), Shape::Mixed);
        assert_eq!(shape_of("viện"), Shape::Lower);
        assert_eq!(shape_of("108"), Shape::Number);
        assert_eq!(shape_of("A"), Shape::Cap);
    }

    #[test]
    fn forced_capitals() {
        let t = tokenize_line(
            "Tuy nhiên, ông Nam nói: \"Theo tôi\". Sau đó về TP. Huế. Ở Mỹ. Trong đó ThS. Lan.",
        );
        let forced: Vec<&str> = t.iter().filter(|t| t.forced).map(|t| t.text).collect();
        assert_eq!(forced, vec!["Tuy", "Theo", "Sau", "Ở", "Trong"]);
    }
}
