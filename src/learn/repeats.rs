//! Sentences that recur verbatim across articles: boilerplate (a price
//! table's wording, a bank account footer) and the copies of one story
//! that several outlets ran. A recurring sentence is evidence once, so it
//! is read only in the first article that has it; everywhere else its
//! words are masked. Without this, one template repeated in 40 articles
//! looks like 40 independent witnesses of a name.

use super::corpus::Tokens;
use std::collections::HashMap;
use std::ops::Range;

/// Sentences shorter than this (in words) are not tracked: short ones
/// (`Ảnh minh họa.`) recur by chance and hold little.
const MIN_WORDS: usize = 5;
/// Entries kept at most; past it, sentences seen in one article only are
/// dropped (a later copy of one of them is then read again: harmless).
const CAP: usize = 4_000_000;

#[derive(Default)]
pub struct Repeats {
    /// Sentence hash → (first article, articles).
    map: HashMap<u64, (u32, u32)>,
}

impl Repeats {
    /// Count the sentences of article `serial` (numbered in input order).
    pub fn add(&mut self, hashes: &[u64], serial: u32) {
        for &h in hashes {
            let e = self.map.entry(h).or_insert((serial, 0));
            e.1 += 1;
        }
        if self.map.len() > CAP {
            self.map.retain(|_, v| v.1 > 1);
        }
    }

    /// Read this sentence in article `serial`: it is not a copy of one an
    /// earlier article had.
    fn readable(&self, h: u64, serial: u32) -> bool {
        self.map.get(&h).is_none_or(|&(first, _)| first == serial)
    }

    /// Sentences recurring in more than one article.
    pub fn repeated(&self) -> usize {
        self.map.values().filter(|v| v.1 > 1).count()
    }
}

/// The sentences of an article as token ranges: one starts at every word
/// whose capital is forced.
pub fn sentences(t: &Tokens) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, tok) in t.toks.iter().enumerate() {
        if tok.forced && i > start {
            out.push(start..i);
            start = i;
        }
    }
    if start < t.len() {
        out.push(start..t.len());
    }
    out
}

/// FNV-1a over the lower-cased words of a sentence; `None` when it is too
/// short to track.
pub fn sentence_hash(t: &Tokens, r: Range<usize>) -> Option<u64> {
    let words: Vec<&str> = r
        .filter(|&i| t.toks[i].is_word() || t.toks[i].shape == super::tokens::Shape::Number)
        .map(|i| t.lowers[i].as_str())
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for &b in w.as_bytes().iter().chain(b" ") {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    Some(h)
}

/// The distinct tracked sentences of an article.
pub fn article_hashes(t: &Tokens) -> Vec<u64> {
    let mut v: Vec<u64> = sentences(t)
        .into_iter()
        .filter_map(|r| sentence_hash(t, r))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Mask the words of every sentence an earlier article already had.
pub fn mask_copies(t: &mut Tokens, repeats: &Repeats, serial: u32) {
    for r in sentences(t) {
        if let Some(h) = sentence_hash(t, r.clone())
            && !repeats.readable(h, serial)
        {
            for i in r {
                t.skip[i] = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::corpus::{Article, Tokens};
    use super::*;

    #[test]
    fn a_copied_sentence_is_read_once() {
        let a = Article::new("Giá vàng DOJI niêm yết hôm nay tăng mạnh. Ông Nam về quê.");
        let b = Article::new("Giá vàng DOJI niêm yết hôm nay tăng mạnh. Bà Lan đi học.");
        let mut r = Repeats::default();
        r.add(&article_hashes(&Tokens::of(&a)), 1);
        r.add(&article_hashes(&Tokens::of(&b)), 2);
        assert_eq!(r.repeated(), 1);
        let mut ta = Tokens::of(&a);
        mask_copies(&mut ta, &r, 1);
        assert!(!ta.skip.iter().any(|&s| s));
        let mut tb = Tokens::of(&b);
        mask_copies(&mut tb, &r, 2);
        let kept: Vec<&str> = (0..tb.len())
            .filter(|&i| !tb.skip[i])
            .map(|i| tb.toks[i].text)
            .collect();
        assert_eq!(kept, vec!["Bà", "Lan", "đi", "học", "."]);
    }
}
