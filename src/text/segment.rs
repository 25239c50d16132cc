//! Paragraphs, then sentences.
//!
//! Sentence boundaries come from Unicode's rules (unicode-segmentation),
//! corrected for what Vietnamese news does with dots: abbreviations
//! (`TP. Hồ Chí Minh`, `PGS. TS`, `ThS.`), initials (`H.T.P.`), numbers
//! and dates (`1.000`, `1.1.2016`; Unicode already keeps those whole).

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Splits working text into sentences (byte ranges, trimmed of spaces).
#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    /// Lower-cased abbreviations that end with a dot and do not end a
    /// sentence (`tp.`, `ths.`, `pgs.`).
    abbreviations: Vec<String>,
}

impl Segmenter {
    pub fn new(abbreviations: &[String]) -> Segmenter {
        Segmenter {
            abbreviations: abbreviations.iter().map(|a| a.to_lowercase()).collect(),
        }
    }

    /// Paragraphs are lines; sentences never cross a line break.
    pub fn sentences(&self, work: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut line_start = 0;
        for line in work.split('\n') {
            self.split_line(line, line_start, &mut out);
            line_start += line.len() + 1;
        }
        out
    }

    fn split_line(&self, line: &str, offset: usize, out: &mut Vec<Range<usize>>) {
        let mut pending: Option<Range<usize>> = None;
        for (i, piece) in line.split_sentence_bound_indices() {
            let range = offset + i..offset + i + piece.len();
            let merged = match pending.take() {
                Some(p) => p.start..range.end,
                None => range,
            };
            let text = &line[merged.start - offset..merged.end - offset];
            if self.ends_inside_sentence(text) {
                pending = Some(merged);
            } else {
                push_trimmed(line, offset, merged, out);
            }
        }
        if let Some(p) = pending {
            push_trimmed(line, offset, p, out);
        }
    }

    /// True when a piece ends with a dot that does not close the sentence.
    fn ends_inside_sentence(&self, piece: &str) -> bool {
        let trimmed = piece.trim_end();
        if !trimmed.ends_with('.') || trimmed.ends_with("..") {
            return false;
        }
        let last_word = trimmed
            .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
            .next()
            .unwrap_or("");
        if is_initials(last_word) {
            return true;
        }
        let lower = last_word.to_lowercase();
        // `TP.` alone, or glued after another abbreviation (`PGS.TS.`).
        self.abbreviations.iter().any(|a| {
            lower == *a
                || lower
                    .strip_suffix(a.as_str())
                    .is_some_and(|head| head.ends_with('.'))
        })
    }
}

/// `H.`, `H.T.P.`, `T.V.D.`: one or more single capitals each with a dot.
fn is_initials(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_end_matches('.').split('.').collect();
    !parts.is_empty()
        && parts.len() <= 4
        && parts.iter().all(|p| {
            let mut cs = p.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
        })
}

fn push_trimmed(line: &str, offset: usize, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let text = &line[r.start - offset..r.end - offset];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    if lead + trail < text.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

/// Index of the sentence containing byte `pos` (the last one starting at
/// or before it).
pub fn sentence_of(sentences: &[Range<usize>], pos: usize) -> usize {
    match sentences.binary_search_by(|s| s.start.cmp(&pos)) {
        Ok(i) => i,
        Err(0) => 0,
        Err(i) => i - 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg() -> Segmenter {
        Segmenter::new(&["TP.".into(), "ThS.".into(), "TS.".into(), "PGS.".into()])
    }

    fn texts(s: &str) -> Vec<String> {
        seg()
            .sentences(s)
            .into_iter()
            .map(|r| s[r].to_string())
            .collect()
    }

    #[test]
    fn lines_are_paragraphs() {
        assert_eq!(
            texts("Tiêu đề\nCâu một. Câu hai."),
            vec!["Tiêu đề", "Câu một.", "Câu hai."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            texts("Ông về TP. Hồ Chí Minh. Bà H.T.P. cho biết giá 1.000 đồng ngày 1.1.2016."),
            vec![
                "Ông về TP. Hồ Chí Minh.",
                "Bà H.T.P. cho biết giá 1.000 đồng ngày 1.1.2016."
            ]
        );
        assert_eq!(
            texts("Gặp PGS. TS. Lê Văn B. Xong."),
            vec!["Gặp PGS. TS. Lê Văn B. Xong."]
        );
    }

    #[test]
    fn sentence_lookup() {
        let s = vec![0..5, 6..10, 12..20];
        assert_eq!(sentence_of(&s, 0), 0);
        assert_eq!(sentence_of(&s, 7), 1);
        assert_eq!(sentence_of(&s, 11), 1);
        assert_eq!(sentence_of(&s, 19), 2);
    }
}
