//! The one analysis of an article that every extractor reads: the
//! normalised text with its offset map, tokens with their shapes,
//! sentences and lines, headline and byline lines, and the hits of every
//! registered word list. Built once; nothing after it re-reads the
//! characters of the article to find words.

use super::layout::{byline_range, headline_range};
use super::normalize::Text;
use super::sentences::{Segmenter, sentence_of};
use super::tokens::{Kind, Token, shape, tokenize};
use super::wordlists::{Hit, ListId, ListSet, WordHits};
use std::ops::Range;

/// What the text stage knows of one article.
pub struct Analysis {
    pub text: Text,
    pub tokens: Vec<Token>,
    /// Sentences as byte ranges of `text.work`, in order.
    pub sentences: Vec<Range<usize>>,
    /// Lines (paragraphs) as byte ranges of `text.work`, without the `\n`.
    pub lines: Vec<Range<usize>>,
    pub headline: Option<Range<usize>>,
    pub byline: Option<Range<usize>>,
    pub hits: WordHits,
}

impl Analysis {
    pub fn new(original: &str, segmenter: &Segmenter, lists: &ListSet) -> Analysis {
        let text = Text::new(original);
        Analysis::of_text(text, segmenter, lists)
    }

    pub fn of_text(text: Text, segmenter: &Segmenter, lists: &ListSet) -> Analysis {
        let tokens = tokenize(&text.work);
        let sentences = segmenter.sentences(&text.work);
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.work.split('\n') {
            lines.push(start..start + line.len());
            start += line.len() + 1;
        }
        let hits = lists.find(&text.lower);
        Analysis {
            headline: headline_range(&text.work),
            byline: byline_range(&text.work),
            tokens,
            sentences,
            lines,
            hits,
            text,
        }
    }

    #[inline]
    pub fn work(&self) -> &str {
        &self.text.work
    }

    #[inline]
    pub fn lower(&self) -> &str {
        &self.text.lower
    }

    pub fn sentence_of(&self, pos: usize) -> usize {
        sentence_of(&self.sentences, pos)
    }

    /// The line holding byte `pos`.
    pub fn line_of(&self, pos: usize) -> Range<usize> {
        let i = self.lines.partition_point(|l| l.start <= pos);
        self.lines[i.saturating_sub(1)].clone()
    }

    /// Index of the first token starting at or after `pos`.
    #[inline]
    pub fn token_from(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Index of the token starting exactly at `pos`.
    pub fn token_at(&self, pos: usize) -> Option<usize> {
        let i = self.token_from(pos);
        (self.tokens.get(i)?.start == pos).then_some(i)
    }

    /// Index of the last token ending at or before `pos`.
    pub fn token_before(&self, pos: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end <= pos);
        i.checked_sub(1)
    }

    /// The text of token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> &str {
        self.tokens[i].text(self.work())
    }

    /// The lower-cased text of token `i`.
    #[inline]
    pub fn tok_lower(&self, i: usize) -> &str {
        self.tokens[i].text(self.lower())
    }

    /// Word tokens (letters and digits) only, in order.
    pub fn words(&self) -> impl DoubleEndedIterator<Item = &Token> + '_ {
        self.tokens.iter().filter(|t| t.kind != Kind::Punct)
    }

    /// The longest entry of a registered list starting at `pos`.
    #[inline]
    pub fn hit(&self, list: ListId, pos: usize) -> Option<Hit> {
        self.hits.at(list, pos)
    }

    /// Token `i` starts a new line.
    pub fn starts_line(&self, i: usize) -> bool {
        self.tokens[i].has(shape::LINE_START)
    }

    /// The end of a code-like word starting at token `i`: letters and
    /// digits joined by inner `.`, `&` or `-` with no space (`TP.HCM`,
    /// `GD&ĐT`, `Covid-19`, `Hậu cần-Kỹ thuật` is not one). Returns the
    /// index of its last token.
    pub fn code_end(&self, i: usize) -> usize {
        let work = self.work();
        let mut last = i;
        if self.tokens[i].kind == Kind::Punct {
            return i;
        }
        while last + 2 < self.tokens.len() {
            let (p, n) = (self.tokens[last + 1], self.tokens[last + 2]);
            if p.kind != Kind::Punct
                || p.start != self.tokens[last].end
                || n.start != p.end
                || n.kind == Kind::Punct
            {
                break;
            }
            let prev_char = self.tokens[last]
                .text(work)
                .chars()
                .next_back()
                .unwrap_or(' ');
            let next_char = n.text(work).chars().next().unwrap_or(' ');
            let joined = match p.text(work) {
                "." | "&" => prev_char.is_uppercase() && next_char.is_uppercase(),
                "-" => {
                    next_char.is_ascii_digit()
                        || (prev_char.is_uppercase() && next_char.is_uppercase())
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::wordlists::ListSetBuilder;

    #[test]
    fn tokens_lines_and_hits() {
        let mut b = ListSetBuilder::default();
        let heads = b.add(["sở", "ủy ban nhân dân"]);
        let lists = b.build();
        let seg = Segmenter::new(&[]);
        let a = Analysis::new(
            "Tiêu đề\nỦy ban nhân dân TP.HCM họp. Sở GD&ĐT cũng vậy.",
            &seg,
            &lists,
        );
        assert_eq!(a.lines.len(), 2);
        assert_eq!(a.sentences.len(), 3);
        let uy = a.work().find("Ủy").unwrap();
        assert_eq!(
            a.hit(heads, uy).map(|h| h.end),
            Some(uy + "Ủy ban nhân dân".len())
        );
        let tp = a.token_at(a.work().find("TP").unwrap()).unwrap();
        assert_eq!(a.tok(a.code_end(tp)), "HCM");
        let gd = a.token_at(a.work().find("GD").unwrap()).unwrap();
        assert_eq!(a.tok(a.code_end(gd)), "ĐT");
        assert_eq!(a.line_of(uy), a.lines[1].clone());
        assert_eq!(a.token_before(uy).map(|i| a.tok(i)), Some("đề"));
    }
}
