//! Pass 1: how each word is written, and which capitalised words are
//! glued to the lower-case word after them.
//!
//! A word written with a capital mostly where capitals are forced
//! (sentence starts, after a colon or a quotation mark) and in lower case
//! elsewhere is a sentence word, not a name (`Tuy` of `Tuy nhiên`,
//! `Theo`). A capitalised word often followed by the same lower-case word
//! (in 1 of 20 of its uses before a lower-case word), 20 times more often
//! than that word's share of running lower-case text, is the first half
//! of a compound (`Quốc hội`, `Quốc tế`, `Dân trí`, `Y tế`, `Bộ
//! trưởng`), so a cue before it does not make it a given name, provided
//! it is also 50 times more often after this word than after a name with
//! an honorific (`ông X đã`), or 20 times when the pair is used inside
//! unit names (`Cục Hàng không`): a name and its verb (`Obama đã`, `Putin
//! nói`, `ông Chung yêu cầu`) are not a compound.

use super::corpus::Tokens;
use super::counts::{Bounded, Weight, key};
use super::lexicons::PhraseList;
use super::tokens::Shape;
use std::collections::{HashMap, HashSet};

/// How one word (lower-cased) is written across the corpus.
#[derive(Debug, Default, Clone, Copy)]
pub struct CaseCount {
    /// Capitalised where capitals are forced.
    pub forced_cap: u32,
    /// Capitalised mid-sentence.
    pub mid_cap: u32,
    /// Lower case mid-sentence.
    pub mid_lower: u32,
    /// Capitalised mid-sentence and followed by a lower-case word.
    pub cap_then_lower: u32,
    pub articles: u32,
}

impl Weight for CaseCount {
    fn weight(&self) -> u32 {
        self.forced_cap + self.mid_cap + self.mid_lower
    }
    fn add(&mut self, o: &CaseCount) {
        self.forced_cap += o.forced_cap;
        self.mid_cap += o.mid_cap;
        self.mid_lower += o.mid_lower;
        self.cap_then_lower += o.cap_then_lower;
        self.articles += o.articles;
    }
}

/// What one article adds.
#[derive(Default)]
pub struct ArticleCase {
    words: HashMap<String, CaseCount>,
    /// `capitalised word \x01 next lower-case word` → count.
    pairs: HashMap<String, u32>,
    /// lower-case word (and two-word sequence) right after a mid-sentence
    /// capital → count.
    after_cap: HashMap<String, u32>,
    /// lower-case word right after a name that follows an honorific.
    after_cue: HashMap<String, u32>,
    /// The pairs of `pairs` seen right after a unit head (`Cục Hàng không`).
    pairs_in_units: HashMap<String, u32>,
}

pub fn analyse(t: &Tokens, honorifics: &PhraseList, heads: &PhraseList) -> ArticleCase {
    let mut a = ArticleCase::default();
    for (i, tok) in t.toks.iter().enumerate() {
        if !tok.is_word() {
            continue;
        }
        // `ông X đã`: the word after a name with an honorific starts a
        // predicate.
        if tok.shape == Shape::Cap && (i == 0 || !t.toks[i - 1].is_capitalised()) {
            let cued = honorifics
                .longest_before(&t.lowers, i)
                .is_some_and(|(h, _)| !t.toks[i - h].is_capitalised());
            if cued {
                let mut j = i;
                while t
                    .toks
                    .get(j)
                    .is_some_and(|w| w.is_word() && w.is_capitalised())
                {
                    j += 1;
                }
                if t.toks.get(j).is_some_and(|w| w.shape == Shape::Lower) {
                    *a.after_cue.entry(t.lowers[j].clone()).or_default() += 1;
                }
            }
        }
        let c = a.words.entry(t.lowers[i].clone()).or_default();
        c.articles = 1;
        let cap = tok.is_capitalised();
        match (cap, tok.forced) {
            (true, true) => c.forced_cap += 1,
            (true, false) => c.mid_cap += 1,
            (false, false) => c.mid_lower += 1,
            (false, true) => {}
        }
        let next_lower = t
            .toks
            .get(i + 1)
            .filter(|n| n.is_word() && !n.is_capitalised() && !n.forced);
        // Acronyms (`KSND tỉnh`) are never given names: pairs start with a
        // capitalised word.
        if tok.shape == Shape::Cap && !tok.forced && next_lower.is_some() {
            c.cap_then_lower += 1;
            let pair = key(&[&t.lowers[i], &t.lowers[i + 1]]);
            let after_head = heads
                .longest_before(&t.lowers, i)
                .is_some_and(|(h, _)| t.toks[i - h].is_capitalised());
            if after_head {
                *a.pairs_in_units.entry(pair.clone()).or_default() += 1;
            }
            *a.pairs.entry(pair).or_default() += 1;
            *a.after_cap.entry(t.lowers[i + 1].clone()).or_default() += 1;
            // And the two words after it, to judge syllables in context.
            if t.toks.get(i + 2).is_some_and(|n| n.shape == Shape::Lower) {
                let pair = format!("{} {}", t.lowers[i + 1], t.lowers[i + 2]);
                *a.after_cap.entry(pair).or_default() += 1;
            }
        }
    }
    a
}

/// The corpus-wide counts of pass 1.
pub struct CaseStats {
    pub words: Bounded<CaseCount>,
    pairs: Bounded<u32>,
    pairs_in_units: Bounded<u32>,
    after_cap: Bounded<u32>,
    after_cap_total: u64,
    after_cue: Bounded<u32>,
    after_cue_total: u64,
    /// Lower-case words mid-sentence.
    lower_total: u64,
}

impl Default for CaseStats {
    fn default() -> Self {
        CaseStats {
            words: Bounded::new(2_000_000),
            pairs: Bounded::new(3_000_000),
            pairs_in_units: Bounded::new(1_000_000),
            after_cap: Bounded::new(1_000_000),
            after_cap_total: 0,
            after_cue: Bounded::new(1_000_000),
            after_cue_total: 0,
            lower_total: 0,
        }
    }
}

impl CaseStats {
    pub fn merge(&mut self, a: ArticleCase) {
        for (k, v) in &a.words {
            self.words.add(k, v);
            self.lower_total += u64::from(v.mid_lower);
        }
        for (k, v) in &a.pairs_in_units {
            self.pairs_in_units.add(k, v);
        }
        for (k, v) in &a.pairs {
            self.pairs.add(k, v);
        }
        for (k, v) in &a.after_cap {
            self.after_cap.add(k, v);
            if !k.contains(' ') {
                self.after_cap_total += u64::from(*v);
            }
        }
        for (k, v) in &a.after_cue {
            self.after_cue.add(k, v);
            self.after_cue_total += u64::from(*v);
        }
    }

    pub fn prune(&mut self) {
        self.words.prune();
        self.pairs.prune();
        self.pairs_in_units.prune();
        self.after_cap.prune();
        self.after_cue.prune();
    }

    /// The lower-case words after mid-sentence capitals, and their total.
    pub fn after_cap(&self) -> (std::collections::HashMap<String, u32>, u64) {
        (self.after_cap.map.clone(), self.after_cap_total)
    }

    pub fn count(&self, lower: &str) -> CaseCount {
        self.words.get(lower).copied().unwrap_or_default()
    }

    /// Capitalised mostly where capitals are forced (4 in 5 of its
    /// capitals), and more often lower case than capitalised mid-sentence:
    /// never a name. (Not "almost never capitalised mid-sentence": news
    /// text glues photo captions and paragraphs without a full stop, so
    /// `Tuy nhiên` is capitalised mid-sentence in 1 use of 3.)
    pub fn is_sentence_word(&self, lower: &str) -> bool {
        let c = self.count(lower);
        c.forced_cap >= 10 && c.forced_cap >= 4 * c.mid_cap && c.mid_lower >= 20.max(c.mid_cap)
    }

    /// How often a lower-case word follows a mid-sentence capital, as a
    /// share of all lower-case words that do (smoothed).
    pub fn after_cap_share(&self, lower: &str) -> f64 {
        let n = self.after_cap.get(lower).copied().unwrap_or(0);
        (f64::from(n) + 1.0) / (self.after_cap_total as f64 + 1.0)
    }

    /// How common a word is in lower case mid-sentence, as a share of all
    /// lower-case words there (smoothed).
    pub fn lower_share(&self, lower: &str) -> f64 {
        let n = self.count(lower).mid_lower;
        (f64::from(n) + 1.0) / (self.lower_total as f64 + 1.0)
    }

    /// The compound proper nouns (`quốc\x01hội`): see the module comment.
    pub fn compounds(&self) -> HashSet<String> {
        let mut out = HashSet::new();
        for (k, &n) in &self.pairs.map {
            if n < 5 {
                continue;
            }
            let Some((first, next)) = k.split_once('\u{1}') else {
                continue;
            };
            let total = self.count(first).cap_then_lower.max(1);
            let share = f64::from(n) / f64::from(total);
            let lift = share / self.lower_share(next);
            // Smoothed so that a corpus with few cues says little.
            let cue_share = (f64::from(self.after_cue.get(next).copied().unwrap_or(0)) + 0.5)
                / (self.after_cue_total as f64 + 50.0);
            let cue_lift = share / cue_share;
            // Inside unit names in 3 of its uses in 10 (`Cục Hàng không`):
            // a name's word, whatever may follow a name elsewhere.
            let in_units = self.pairs_in_units.get(k).copied().unwrap_or(0);
            let named = in_units * 10 >= n * 3;
            if share >= 0.05 && lift >= 20.0 && (cue_lift >= 50.0 || (named && cue_lift >= 20.0)) {
                out.insert(k.clone());
            }
        }
        out
    }

    /// The compound pairs with their counts, sorted (for `not_names.csv`).
    pub fn compound_rows(&self, compounds: &HashSet<String>, min: u32) -> Vec<(String, u32)> {
        let mut v: Vec<(String, u32)> = compounds
            .iter()
            .filter_map(|k| {
                let n = self.pairs.get(k).copied().unwrap_or(0);
                (n >= min).then(|| (k.clone(), n))
            })
            .collect();
        v.sort();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::super::corpus::{Article, Tokens};
    use super::*;

    fn stats(texts: &[&str]) -> CaseStats {
        let mut s = CaseStats::default();
        for t in texts {
            let a = Article::new(t);
            s.merge(analyse(
                &Tokens::of(&a),
                &PhraseList::new(["ông"]),
                &PhraseList::new(["Bộ"]),
            ));
        }
        s
    }

    #[test]
    fn sentence_words_and_compounds() {
        let mut texts = Vec::new();
        let verbs = ["đi", "về", "nói", "hỏi", "ăn", "ngủ"];
        for i in 0..30 {
            texts.push(format!(
                "Tuy nhiên, hôm nay tuy mệt nhưng Quốc hội họp. Ông Nam {} tuy vậy. \
                 Trời mưa to, đường phố vắng người qua lại, cây cối đổ nghiêng, \
                 nước dâng cao và trẻ em ở nhà học bài cùng bố mẹ {}.",
                verbs[i % 6],
                verbs[(i + 1) % 6],
            ));
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let s = stats(&refs);
        assert!(s.is_sentence_word("tuy"));
        assert!(!s.is_sentence_word("nam"));
        let c = s.compounds();
        assert!(c.contains(&key(&["quốc", "hội"])), "{c:?}");
        assert!(!c.iter().any(|k| k.starts_with("nam\u{1}")), "{c:?}");
    }
}
