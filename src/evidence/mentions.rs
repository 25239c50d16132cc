//! Where an article writes a capitalised run at all: the denominator of a
//! batch name's cue share, and the runs written after a place, unit or
//! company word (`tại Paris`, `giải Premier League`, `hãng Apple`), which
//! speak against a person.

use crate::text::chars::{is_alnum, is_name_shaped, is_upper};

/// Most words in a run counted (longer runs are no names).
const MAX_RUN_WORDS: usize = 5;

/// Whether the text after a run goes on with it as a code or a longer
/// word: a letter, a digit or a hyphen glued to it, or a hyphen and a
/// number spaced out (`Covid - 19`).
pub fn continues_as_code(rest: &str) -> bool {
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '-') {
        return true;
    }
    rest.trim_start_matches(' ')
        .strip_prefix('-')
        .is_some_and(|r| {
            r.trim_start_matches(' ')
                .starts_with(|c: char| c.is_ascii_digit())
        })
}

/// One maximal run of capitalised words: byte offsets of its words.
struct Run {
    words: Vec<(usize, usize)>,
}

/// A word shaped like a name, inner hyphens allowed (`Jong-un`, not
/// `Covid-19`).
fn shaped(w: &str) -> bool {
    let mut parts = w.split('-');
    parts.next().is_some_and(is_name_shaped)
        && parts.all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic))
}

/// Every maximal run of name-shaped words separated by one space, in one
/// walk over the text (only a word opening with a capital is looked at
/// further: most words are not).
fn runs(text: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut cur: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        // Digits belong to the word, which is then no name (`Covid-19`).
        let in_word = is_alnum(c) || (c == '-' && start.is_some());
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let e = s + text[s..i].trim_end_matches('-').len();
                let joined = cur.last().is_some_and(|&(_, pe)| &text[pe..s] == " ");
                if !joined && !cur.is_empty() {
                    out.push(Run {
                        words: std::mem::take(&mut cur),
                    });
                }
                let capital = text[s..].starts_with(is_upper);
                if capital && shaped(&text[s..e]) {
                    cur.push((s, e));
                } else if !cur.is_empty() {
                    out.push(Run {
                        words: std::mem::take(&mut cur),
                    });
                }
            }
            _ => {}
        }
    }
    if !cur.is_empty() {
        out.push(Run { words: cur });
    }
    out
}

/// The runs of an article as names: (name as written, written after a
/// word against a person). `against_before(text before)` says whether the
/// text ends with such a word; `against_word(word)` whether a capitalised
/// word opening a run is one (`Tại Paris`, `CLB Leicester` at a sentence
/// start), which is then left out of the name.
pub fn of_text(
    text: &str,
    against_before: impl Fn(&str) -> bool,
    against_word: impl Fn(&str) -> bool,
) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    for run in runs(text) {
        let mut words = &run.words[..];
        let mut against = against_before(&text[..words[0].0]);
        while words.len() > 1 && against_word(&text[words[0].0..words[0].1]) {
            words = &words[1..];
            against = true;
        }
        if words.len() > MAX_RUN_WORDS {
            continue;
        }
        let (s, e) = (words[0].0, words[words.len() - 1].1);
        if continues_as_code(&text[e..]) {
            continue;
        }
        out.push((&text[s..e], against));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, bool)> {
        of_text(text, |b| b.trim_end().ends_with("tại"), |w| w == "Tại")
    }

    #[test]
    fn runs_are_maximal_and_marked_against() {
        assert_eq!(
            names("Hôm qua Kim Jong-un đến thăm nhà máy Covid-19 tại Paris, rồi Covid - 19 về."),
            [("Hôm", false), ("Kim Jong-un", false), ("Paris", true)]
        );
        // Broken by punctuation or two spaces; an opening word dropped.
        assert_eq!(
            names("Tại Leicester. Anh Tuấn,  Lan Hương"),
            [
                ("Leicester", true),
                ("Anh Tuấn", false),
                ("Lan Hương", false)
            ]
        );
    }
}
