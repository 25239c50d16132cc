//! What follows a unit head word in the text: the candidate tail of an
//! organisation's name, up to a hard stop (punctuation, a new sentence,
//! the end of the line) or a length no name reaches.

use super::corpus::Tokens;
use super::counts::key;
use super::runs::Knowledge;
use super::tokens::{Shape, is_abbreviation};

/// Words after the head kept at most (`Hiệp hội Doanh nghiệp nhỏ và vừa
/// tỉnh Bình Dương` is 9).
pub const MAX_TAIL: usize = 10;
/// Lower-case words in a row kept at most (`doanh nghiệp nhỏ và vừa`).
const MAX_LOWER_RUN: usize = 6;

/// One word of a tail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TailWord {
    pub lower: String,
    pub written: String,
    pub capitalised: bool,
}

/// A head word and what follows it.
#[derive(Debug, Clone)]
pub struct Tail {
    /// Index of the head in `unit_heads.csv` (as loaded).
    pub head: usize,
    /// The head as written (`Bệnh viện`).
    pub head_written: String,
    pub words: Vec<TailWord>,
    /// The tail ended at punctuation, a sentence end or a line end (not at
    /// the length limit): whatever name it holds ends at or before it.
    pub hard_end: bool,
}

/// Every capitalised unit head of the article with its tail. Heads inside
/// an earlier head are skipped; heads inside an earlier tail are not (a
/// unit named inside a longer name is a name too). Skipped too, as no
/// evidence of a unit's name:
/// - a head whose capital is forced, followed by a lower-case word
///   (`Trường hợp`, `Ban đầu` at a sentence start);
/// - a head glued to the lower-case word after it into another word
///   (`Hội nghị`, `Bộ trưởng`: see [`super::case_stats`]);
/// - a head inside another capitalised name (`Tây Ban Nha`), unless what
///   comes before it is a title, a head or a sentence word (`Trưởng Ban
///   Tổ chức`, `Chi bộ Phòng Nội vụ`, `Theo Bộ Y tế`);
/// - a head in a sentence an earlier article already had.
pub fn tails(t: &Tokens, k: &Knowledge) -> Vec<Tail> {
    let lex = k.lex;
    let mut out = Vec::new();
    let mut covered = 0;
    for i in 0..t.len() {
        if i < covered || t.toks[i].shape != Shape::Cap || t.skip[i] {
            continue;
        }
        let Some((h, head)) = lex.unit_heads.longest_at(&t.lowers, i) else {
            continue;
        };
        covered = i + h;
        let after = i + h;
        let next_lower = t.toks.get(after).is_some_and(|n| n.shape == Shape::Lower);
        if t.toks[i].forced && next_lower {
            continue;
        }
        if next_lower
            && k.compounds
                .contains(&key(&[&t.lowers[after - 1], &t.lowers[after]]))
        {
            continue;
        }
        if i > 0 && t.toks[i - 1].is_word() && t.toks[i - 1].is_capitalised() {
            let sentence_word = t.toks[i - 1].forced && k.case.is_sentence_word(&t.lowers[i - 1]);
            let title = lex.titles.longest_before(&t.lowers, i).is_some();
            let head = lex.unit_heads.longest_before(&t.lowers, i).is_some();
            if !(sentence_word || title || head) {
                continue;
            }
        }
        let head_written = t.toks[i..after]
            .iter()
            .map(|w| w.text)
            .collect::<Vec<_>>()
            .join(" ");
        let (words, hard_end) = tail_words(t, after);
        out.push(Tail {
            head,
            head_written,
            words,
            hard_end,
        });
    }
    out
}

fn tail_words(t: &Tokens, from: usize) -> (Vec<TailWord>, bool) {
    let mut words = Vec::new();
    let mut lower_run = 0;
    let mut k = from;
    loop {
        if words.len() == MAX_TAIL || lower_run == MAX_LOWER_RUN {
            return (words, false);
        }
        let Some(tok) = t.toks.get(k) else {
            return (words, true);
        };
        let next_is_name = t
            .toks
            .get(k + 1)
            .is_some_and(|n| n.is_capitalised() && !n.forced);
        // `TP. Hồ Chí Minh`: the dot of an abbreviation stays with it.
        if tok.text == "."
            && next_is_name
            && let Some(last) = words
                .last_mut()
                .filter(|w: &&mut TailWord| is_abbreviation(&w.written))
        {
            last.written.push('.');
            last.lower.push('.');
            k += 1;
            continue;
        }
        // A comma may belong to a name (`Cục Quản lý Khám, chữa bệnh`); a
        // dash or `&` only before a capital (`Hậu cần - Kỹ thuật`).
        let next_is_word = t.toks.get(k + 1).is_some_and(|n| n.is_word() && !n.forced);
        let joins = match tok.text {
            "," => next_is_word,
            "-" | "–" | "&" => next_is_name,
            _ => false,
        };
        if tok.shape == Shape::Punct && !joins {
            return (words, true);
        }
        if tok.forced {
            return (words, true);
        }
        let capitalised = tok.is_capitalised() || tok.shape == Shape::Number;
        lower_run = if tok.shape == Shape::Lower {
            lower_run + 1
        } else {
            0
        };
        words.push(TailWord {
            lower: t.lowers[k].clone(),
            written: tok.text.to_string(),
            capitalised,
        });
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::case_stats::CaseStats;
    use super::super::corpus::{Article, Tokens};
    use super::super::cues::Cues;
    use super::super::lexicons::Lexicons;
    use super::*;
    use crate::rules::RuleSources;

    fn words_of(text: &str) -> Vec<(String, Vec<String>, bool)> {
        let lex = Lexicons::load(&RuleSources::embedded()).unwrap();
        let case = CaseStats::default();
        let compounds = [key(&["hội", "nghị"])].into_iter().collect();
        let cues = Cues::default();
        let k = Knowledge {
            lex: &lex,
            cues: &cues,
            case: &case,
            compounds: &compounds,
        };
        let a = Article::new(text);
        let t = Tokens::of(&a);
        tails(&t, &k)
            .into_iter()
            .map(|tl| {
                (
                    tl.head_written,
                    tl.words.into_iter().map(|w| w.written).collect(),
                    tl.hard_end,
                )
            })
            .collect()
    }

    #[test]
    fn tails_stop_at_punctuation_and_sentence_ends() {
        let got = words_of(
            "Trường hợp này, ông đến Bệnh viện Bạch Mai (Hà Nội) rồi về Bộ Văn hóa, Thể thao. \
             Ở Tây Ban Nha có Hội nghị lớn của Công an TP. Hồ Chí Minh. \
             Cục Quản lý Khám, chữa bệnh",
        );
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0].0, "Bệnh viện");
        assert_eq!(got[0].1, vec!["Bạch", "Mai"]);
        assert!(got[0].2);
        assert_eq!(got[1].1, vec!["Văn", "hóa", ",", "Thể", "thao"]);
        assert_eq!(got[2].1, vec!["TP.", "Hồ", "Chí", "Minh"]);
        assert!(got[2].2);
        assert_eq!(got[3].1, vec!["Quản", "lý", "Khám", ",", "chữa", "bệnh"]);
    }
}
