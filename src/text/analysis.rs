//! The one analysis of an article that every extractor reads: the
//! normalised text with its offset map, tokens with their shapes,
//! sentences and lines, headline and byline lines, and the hits of every
//! registered word list. Built once; nothing after it re-reads the
//! characters of the article to find words.

use super::layout::{byline_range, headline_range};
use super::normalize::Text;
use super::sentences::{Segmenter, sentence_of};
use super::tokens::{Kind, Tok, Token, code_end, next_code, shape, tokenize};
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
        let mut tokens = tokenize(&text.work);
        mark_codes(&mut tokens, &text.work);
        let sentences = segmenter.sentences(&text.work);
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.work.split('\n') {
            lines.push(start..start + line.len());
            start += line.len() + 1;
        }
        let hits = lists.find(&text.lower, &tokens);
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

    /// The index of the last token of the code-like word starting at
    /// token `i` (see [`code_end`]).
    pub fn code_end(&self, i: usize) -> usize {
        code_end(&self.tokens, self.work(), i)
    }

    /// The code-like word or punctuation mark starting at or after `pos`
    /// on the same line (spaces skipped).
    pub fn next_tok(&self, pos: usize) -> Option<Tok> {
        let i = self.token_from(pos);
        let t = self.tokens.get(i)?;
        if self.work()[pos..t.start].contains('\n') {
            return None;
        }
        Some(Tok {
            start: t.start,
            end: self.tokens[self.code_end(i)].end,
        })
    }

    /// Like [`Analysis::next_tok`], across line breaks.
    pub fn next_tok_anywhere(&self, pos: usize) -> Option<Tok> {
        next_code(&self.tokens, self.work(), pos)
    }

    /// The code-like word or punctuation mark ending at or before `pos`
    /// on the same line (spaces skipped).
    pub fn prev_tok(&self, pos: usize) -> Option<Tok> {
        let j = self.token_before(pos)?;
        let last = self.tokens[j];
        if self.work()[last.end..pos].contains('\n') {
            return None;
        }
        if last.kind == Kind::Punct {
            return Some(Tok {
                start: last.start,
                end: last.end,
            });
        }
        // Back over the glued letters, digits, `.`, `&` and `-`, then read
        // forward, so that codes are cut the same way both ways.
        let mut k = j;
        while k > 0 {
            let p = self.tokens[k - 1];
            let glued = p.end == self.tokens[k].start
                && (p.kind != Kind::Punct || matches!(p.text(self.work()), "." | "&" | "-"));
            if !glued {
                break;
            }
            k -= 1;
        }
        loop {
            let e = self.code_end(k);
            if e >= j {
                return Some(Tok {
                    start: self.tokens[k].start,
                    end: self.tokens[e].end,
                });
            }
            k = e + 1;
        }
    }
}

/// Mark the tokens that continue a code-like word (`.` and `HCM` of
/// `TP.HCM`): a code is read from its first token only.
fn mark_codes(tokens: &mut [Token], work: &str) {
    let mut i = 0;
    while i < tokens.len() {
        let e = code_end(tokens, work, i);
        for t in &mut tokens[i + 1..=e] {
            t.shape |= shape::IN_CODE;
        }
        i = e + 1;
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
        assert!(a.tokens[tp + 2].has(shape::IN_CODE) && !a.tokens[tp].has(shape::IN_CODE));
        let gd = a.token_at(a.work().find("GD").unwrap()).unwrap();
        assert_eq!(a.tok(a.code_end(gd)), "ĐT");
        assert_eq!(a.line_of(uy), a.lines[1].clone());
        assert_eq!(a.token_before(uy).map(|i| a.tok(i)), Some("đề"));
    }
}
