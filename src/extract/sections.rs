//! Articles over the size limit (`--max-article-mb`) are read in sections
//! cut at paragraph, line or sentence ends, each extracted on its own, so
//! that no step's time or memory grows with the whole article; the results
//! are joined with offsets into the whole text.

use crate::model::Article;
use std::ops::Range;

/// Default limit, in bytes, on the text read as one piece.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 4 << 20;

/// Smallest section: a limit below it is raised to it.
const MIN_SECTION_BYTES: usize = 256;

/// Where a section may end, best first: after a paragraph, a line, a
/// sentence, a word; anywhere (at a character boundary) as a last resort.
const CUTS: [&str; 6] = ["\n\n", "\n", ". ", "? ", "! ", " "];

/// Byte ranges covering `text` in order, each at most `max` bytes, each
/// cut at the best place (see [`CUTS`]) in the second half of its window.
pub fn sections(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(MIN_SECTION_BYTES);
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let limit = floor_boundary(text, start + max);
        let half = floor_boundary(text, start + max / 2).max(start + 1);
        let window = &text[half..limit];
        let cut = CUTS
            .iter()
            .find_map(|c| window.rfind(c).map(|i| half + i + c.len()))
            .unwrap_or(limit);
        out.push(start..cut);
        start = cut;
    }
    out.push(start..text.len());
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Append `part` (a section's article) to `whole`: `chars_before` code
/// points of the text come before the section.
pub fn append(whole: &mut Article, mut part: Article, chars_before: usize) {
    let sentences_before = whole.sentences.len();
    for e in &mut part.entities {
        e.start += chars_before;
        e.end += chars_before;
        e.sentence += sentences_before;
    }
    for s in &mut part.sentence_spans {
        s.start += chars_before;
        s.end += chars_before;
    }
    whole.entities.append(&mut part.entities);
    whole.sentences.append(&mut part.sentences);
    whole.sentence_spans.append(&mut part.sentence_spans);
    if whole.byline.is_none() {
        whole.byline = part.byline;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_cover_the_text_and_end_at_paragraphs_first() {
        let para = "Câu một của đoạn. Câu hai của đoạn dài hơn một chút.\n\n";
        let text = para.repeat(40);
        let parts = sections(&text, 600);
        assert!(parts.len() > 1);
        assert_eq!(parts[0].start, 0);
        assert_eq!(parts.last().unwrap().end, text.len());
        for w in parts.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert!(text[..w[0].end].ends_with("\n\n"), "{:?}", w[0]);
        }
        assert!(parts.iter().all(|r| r.len() <= 600));
    }

    #[test]
    fn a_text_without_breaks_is_cut_at_spaces_then_anywhere() {
        let words = "Nguyễn Văn ".repeat(200);
        let parts = sections(&words, 300);
        assert!(parts.iter().all(|r| r.len() <= 300));
        assert!(
            parts[..parts.len() - 1]
                .iter()
                .all(|r| words[..r.end].ends_with(' '))
        );
        let solid = "ễ".repeat(500);
        let parts = sections(&solid, 300);
        assert!(
            parts
                .iter()
                .all(|r| r.len() <= 300 && solid.is_char_boundary(r.end))
        );
        assert_eq!(parts.last().unwrap().end, solid.len());
    }
}
