//! Articles over the size limit (`--max-article-mb`) are read in sections
//! cut at paragraph, line or sentence ends, each extracted on its own, so
//! that no step's time or memory grows with the whole article; the results
//! are joined with offsets into the whole text.

use super::Engine;
use crate::model::{Article, Document};
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

/// One section of an article read in sections: its own record, with
/// offsets (mentions, sentence spans) into the whole text, and sentence
/// numbers counted from `sentences_before` (the section's first sentence
/// is sentence `sentences_before` of the whole article).
pub struct Section {
    pub article: Article,
    /// Byte range of the section in the whole text.
    pub bytes: Range<usize>,
    /// Code points of the whole text before the section.
    pub chars_before: usize,
    /// Sentences of the article before the section.
    pub sentences_before: usize,
}

impl Section {
    /// Number the section's mentions as in the whole article.
    pub fn number_sentences(&mut self) {
        for e in &mut self.article.entities {
            e.sentence += self.sentences_before;
        }
    }
}

/// The sections of an article, extracted one at a time as they are asked
/// for, so that only one section's work is held at once.
pub struct Sections<'a> {
    engine: &'a Engine,
    doc: &'a Document,
    ranges: std::vec::IntoIter<Range<usize>>,
    chars_before: usize,
    counted_to: usize,
    sentences_before: usize,
}

impl<'a> Sections<'a> {
    pub fn new(engine: &'a Engine, doc: &'a Document, max: usize) -> Sections<'a> {
        Sections {
            engine,
            doc,
            ranges: sections(&doc.text, max).into_iter(),
            chars_before: 0,
            counted_to: 0,
            sentences_before: 0,
        }
    }

    /// Sections not yet extracted.
    pub fn left(&self) -> usize {
        self.ranges.len()
    }
}

impl Iterator for Sections<'_> {
    type Item = Section;

    /// The next section, extracted. The place of the one after is kept
    /// first, so that a section whose extraction panics can be skipped.
    fn next(&mut self) -> Option<Section> {
        let range = self.ranges.next()?;
        let text = &self.doc.text;
        self.chars_before += text[self.counted_to..range.start].chars().count();
        self.counted_to = range.start;
        let part = Document {
            id: self.doc.id.clone(),
            path: self.doc.path.clone(),
            text: text[range.clone()].to_string(),
            date: self.doc.date.clone(),
            title: self.doc.title.clone(),
            encoding: self.doc.encoding,
            notices: Vec::new(),
        };
        let mut article = self.engine.process_whole(&part);
        drop(part);
        for e in &mut article.entities {
            e.start += self.chars_before;
            e.end += self.chars_before;
        }
        for s in &mut article.sentence_spans {
            s.start += self.chars_before;
            s.end += self.chars_before;
        }
        let sentences_before = self.sentences_before;
        self.sentences_before += article.sentences.len();
        Some(Section {
            article,
            bytes: range,
            chars_before: self.chars_before,
            sentences_before,
        })
    }
}

/// Append `part` (a section, see [`Section`]) to `whole`.
pub fn append(whole: &mut Article, mut part: Section) {
    part.number_sentences();
    let mut part = part.article;
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
