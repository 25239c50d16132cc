//! Word lists, and every list's hits in an article found by one pass
//! over its tokens through a trie of every registered list (`trie.rs`).
//!
//! Extractors register the lists they use when the engine is built
//! ([`ListSetBuilder::add`] gives a [`ListId`]); the analysis of an
//! article then holds, for each list, every whole-word hit, so that
//! asking "which entry of this list starts here?" is a lookup and no
//! extractor searches the text for its own words again.

use super::chars::{is_word_boundary, lowercase};
use super::tokens::Token;
pub use super::trie::Fnv;
use super::trie::{Trie, fnv};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use std::collections::HashMap;

/// A hit of a word list: byte range in the working text and entry index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub index: usize,
}

/// A list of words or phrases matched case-insensitively, whole words
/// only, in any string (rule examples, unit values, parts of names). For
/// the article itself, use its registered [`ListId`] and the analysis.
#[derive(Debug, Clone)]
pub struct WordList {
    /// Lower-cased entries, in list order.
    pub words: Vec<String>,
    ac: AhoCorasick,
}

impl WordList {
    pub fn new<I, S>(words: I) -> WordList
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let words: Vec<String> = words
            .into_iter()
            .map(|w| lowercase(w.as_ref().trim()))
            .filter(|w| !w.is_empty())
            .collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(&words)
            .expect("word lists are small enough for Aho-Corasick");
        WordList { words, ac }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Every whole-word hit in `lower` (lower-cased text).
    pub fn find_all<'a>(&'a self, lower: &'a str) -> impl Iterator<Item = Hit> + 'a {
        self.ac
            .find_iter(lower)
            .filter(move |m| is_word_boundary(lower, m.start(), m.end()))
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                index: m.pattern().as_usize(),
            })
    }

    /// The longest whole-word entry starting exactly at `pos`.
    pub fn at(&self, lower: &str, pos: usize) -> Option<Hit> {
        if pos > lower.len() {
            return None;
        }
        let mut end = lower.len();
        // Leftmost-longest gives the longest entry at `pos`; when it is not a
        // whole word (`bộ` in `bộtrưởng`), look again in a shorter haystack.
        loop {
            let input = Input::new(lower).range(pos..end).anchored(Anchored::Yes);
            let m = self.ac.find(input)?;
            if is_word_boundary(lower, m.start(), m.end()) {
                return Some(Hit {
                    start: m.start(),
                    end: m.end(),
                    index: m.pattern().as_usize(),
                });
            }
            end = m.end() - 1;
            while !lower.is_char_boundary(end) {
                end -= 1;
            }
            if end <= pos {
                return None;
            }
        }
    }

    /// Whether `word` (any case) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        let l = lowercase(word);
        self.words.contains(&l)
    }

    pub fn index_of(&self, word: &str) -> Option<usize> {
        let l = lowercase(word);
        self.words.iter().position(|w| *w == l)
    }
}

/// A list registered with a [`ListSet`]: its hits in an article are in
/// the article's analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ListId(u16);

/// A word list registered with the engine's list set: look-ups in the
/// article go through the analysis (`Analysis::hit(list.id, pos)`),
/// look-ups in any other string through the list itself (`Deref`).
#[derive(Debug, Clone)]
pub struct Listed {
    pub id: ListId,
    pub list: WordList,
}

impl Listed {
    pub fn new(list: WordList, lists: &mut ListSetBuilder) -> Listed {
        Listed {
            id: lists.add_list(&list),
            list,
        }
    }

    /// The longest entry starting at `pos` of the article.
    #[inline]
    pub fn hit_in(&self, a: &super::Analysis, pos: usize) -> Option<Hit> {
        a.hit(self.id, pos)
    }
}

impl std::ops::Deref for Listed {
    type Target = WordList;
    fn deref(&self) -> &WordList {
        &self.list
    }
}

/// A word list looked up only where an extractor asks, not searched for
/// in every article: for lists of very common words (`từ`, `là`) that
/// matter only in a few places (after a cited document), which would
/// otherwise fill every article's hits.
#[derive(Debug, Clone)]
pub struct OnDemand(pub WordList);

impl OnDemand {
    /// The longest entry starting at `pos` of the article.
    pub fn hit_in(&self, a: &super::Analysis, pos: usize) -> Option<Hit> {
        self.0.at(a.lower(), pos)
    }
}

/// Collects the lists of every extractor before one automaton is built.
#[derive(Debug, Default)]
pub struct ListSetBuilder {
    /// Lists registered already: the same list asked for by several
    /// extractors (`honorifics`, `places`) is searched once.
    known: HashMap<Vec<String>, ListId>,
    patterns: Vec<String>,
    by_pattern: HashMap<String, usize>,
    /// For each pattern, the (list, entry index) pairs it belongs to.
    owners: Vec<Vec<(u16, u32)>>,
    lists: usize,
}

impl ListSetBuilder {
    /// Register a list (lower-cased, empty entries dropped, entry indices
    /// as in [`WordList::new`]).
    pub fn add<I, S>(&mut self, words: I) -> ListId
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let entries: Vec<String> = words
            .into_iter()
            .map(|w| lowercase(w.as_ref().trim()))
            .filter(|w| !w.is_empty())
            .collect();
        if let Some(&id) = self.known.get(&entries) {
            return id;
        }
        let id = u16::try_from(self.lists).expect("fewer than 65,536 word lists");
        self.lists += 1;
        self.known.insert(entries.clone(), ListId(id));
        for (index, w) in entries.into_iter().enumerate() {
            let p = match self.by_pattern.get(&w) {
                Some(&p) => p,
                None => {
                    self.patterns.push(w.clone());
                    self.owners.push(Vec::new());
                    self.by_pattern.insert(w, self.patterns.len() - 1);
                    self.patterns.len() - 1
                }
            };
            // An entry listed twice in one list counts as its first listing.
            if !self.owners[p].iter().any(|&(l, _)| l == id) {
                self.owners[p].push((id, index as u32));
            }
        }
        ListId(id)
    }

    /// Register a list already built as a [`WordList`].
    pub fn add_list(&mut self, list: &WordList) -> ListId {
        self.add(&list.words)
    }

    pub fn build(self) -> ListSet {
        let mut trie = Trie::default();
        for (id, p) in self.patterns.iter().enumerate() {
            trie.insert(p, id as u32);
        }
        ListSet {
            trie,
            owners: self.owners,
            lists: self.lists,
        }
    }
}

/// Every registered list, as one trie over tokens.
#[derive(Debug, Clone)]
pub struct ListSet {
    trie: Trie,
    owners: Vec<Vec<(u16, u32)>>,
    lists: usize,
}

impl ListSet {
    /// Every whole-word hit of every list in `lower`, whose tokens are
    /// `tokens`: entries are followed token by token from each token.
    pub fn find(&self, lower: &str, tokens: &[Token]) -> WordHits {
        let mut all: Vec<(u16, Hit)> = Vec::new();
        if !self.trie.nodes.is_empty() {
            let hashes: Vec<u64> = tokens.iter().map(|t| fnv(t.text(lower))).collect();
            for (i, first) in tokens.iter().enumerate() {
                let Some(mut node) = self
                    .trie
                    .child_hashed(0, false, hashes[i], first.text(lower))
                else {
                    continue;
                };
                let mut j = i;
                loop {
                    let end = tokens[j].end;
                    let ends = &self.trie.nodes[node as usize].ends;
                    if !ends.is_empty() && is_word_boundary(lower, first.start, end) {
                        for &pattern in ends {
                            for &(list, index) in &self.owners[pattern as usize] {
                                let hit = Hit {
                                    start: first.start,
                                    end,
                                    index: index as usize,
                                };
                                all.push((list, hit));
                            }
                        }
                    }
                    let Some(next) = tokens.get(j + 1) else { break };
                    let glued = match &lower[end..next.start] {
                        "" => true,
                        " " => false,
                        _ => break,
                    };
                    let Some(c) =
                        self.trie
                            .child_hashed(node, glued, hashes[j + 1], next.text(lower))
                    else {
                        break;
                    };
                    node = c;
                    j += 1;
                }
            }
        }
        // By list (a counting sort, stable: hits come by start, and at one
        // start by growing end), then the longest first at each start.
        let mut offsets = vec![0u32; self.lists + 1];
        for (l, _) in &all {
            offsets[*l as usize + 1] += 1;
        }
        for k in 1..offsets.len() {
            offsets[k] += offsets[k - 1];
        }
        let mut next = offsets.clone();
        let mut hits = vec![
            Hit {
                start: 0,
                end: 0,
                index: 0
            };
            all.len()
        ];
        for (l, h) in all {
            let slot = &mut next[l as usize];
            hits[*slot as usize] = h;
            *slot += 1;
        }
        for w in offsets.windows(2) {
            let list = &mut hits[w[0] as usize..w[1] as usize];
            let mut a = 0;
            while a < list.len() {
                let mut b = a + 1;
                while b < list.len() && list[b].start == list[a].start {
                    b += 1;
                }
                list[a..b].reverse();
                a = b;
            }
        }
        WordHits { hits, offsets }
    }
}

/// The hits of every list in one article.
#[derive(Debug, Clone, Default)]
pub struct WordHits {
    /// Every hit, by list, then start.
    hits: Vec<Hit>,
    /// Where each list's hits start in `hits` (one more than the lists).
    offsets: Vec<u32>,
}

impl WordHits {
    /// Every hit of a list, by start (longest first at each start);
    /// overlapping hits included.
    pub fn all(&self, list: ListId) -> &[Hit] {
        let l = list.0 as usize;
        match (self.offsets.get(l), self.offsets.get(l + 1)) {
            (Some(&a), Some(&b)) => &self.hits[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The longest entry of `list` starting exactly at `pos`.
    pub fn at(&self, list: ListId, pos: usize) -> Option<Hit> {
        let hits = self.all(list);
        let i = hits.partition_point(|h| h.start < pos);
        hits.get(i).filter(|h| h.start == pos).copied()
    }

    /// The longest entry of `list` ending exactly at `end`.
    pub fn ending_at(&self, list: ListId, end: usize, max_len: usize) -> Option<Hit> {
        let hits = self.all(list);
        let from = hits.partition_point(|h| h.start + max_len < end);
        let to = hits.partition_point(|h| h.start < end);
        hits[from..to]
            .iter()
            .filter(|h| h.end == end)
            .min_by_key(|h| h.start)
            .copied()
    }

    /// Hits that do not overlap, leftmost first and longest at each start
    /// (what a leftmost-longest search of the list finds).
    pub fn leftmost_longest(&self, list: ListId) -> impl Iterator<Item = Hit> + '_ {
        let mut after = 0;
        self.all(list).iter().filter_map(move |h| {
            if h.start < after {
                return None;
            }
            after = h.end;
            Some(*h)
        })
    }
}

/// The entries of a word list as a set, for the exact look-ups of
/// [`word_before`] (a hash look-up instead of an automaton search).
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    set: std::collections::HashSet<String, std::hash::BuildHasherDefault<Fnv>>,
    /// Longest entry in bytes: longer phrases are not looked up.
    longest: usize,
}

impl WordSet {
    pub fn new(list: &WordList) -> WordSet {
        WordSet {
            set: list.words.iter().cloned().collect(),
            longest: list.words.iter().map(String::len).max().unwrap_or(0),
        }
    }

    pub fn contains(&self, phrase: &str) -> bool {
        phrase.len() <= self.longest && self.set.contains(phrase)
    }

    /// The longest entry, in bytes.
    pub fn longest(&self) -> usize {
        self.longest
    }
}

/// The entry of `list` that ends right before `pos` (spaces between),
/// as its start.
pub fn word_before(lower: &str, pos: usize, list: &WordSet) -> Option<usize> {
    let before = lower[..pos].trim_end_matches(' ');
    if before.len() == pos {
        return None;
    }
    // Try the last one to four words before `pos`.
    let mut idx = before.len();
    for _ in 0..4 {
        // The separators are ASCII: a byte search finds them.
        let Some(sp) = before.as_bytes()[..idx]
            .iter()
            .rposition(|b| matches!(b, b' ' | b'\n' | b'(' | b',' | b'"'))
        else {
            return list.contains(before).then_some(0);
        };
        let s = sp + 1;
        if before.len() - s > list.longest {
            return None;
        }
        if list.contains(&before[s..]) {
            return Some(s);
        }
        idx = sp;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_before_finds_phrases() {
        let l = WordSet::new(&WordList::new(["công ty", "ông"]));
        let s = "của công ty nguyễn kim";
        assert_eq!(word_before(s, "của công ty ".len(), &l), Some("của ".len()));
        assert_eq!(
            word_before("theo ông lê", "theo ông ".len(), &l),
            Some("theo ".len())
        );
        assert_eq!(word_before("theo lê", "theo ".len(), &l), None);
    }

    #[test]
    fn whole_words_only() {
        let l = WordList::new(["bộ", "bộ công an", "tp."]);
        let text = "bộ công an và bộ đội, tp.hcm";
        let hits: Vec<_> = l.find_all(text).map(|h| &text[h.start..h.end]).collect();
        assert_eq!(hits, vec!["bộ công an", "bộ", "tp."]);
        assert_eq!(l.at(text, 0).map(|h| h.end), Some("bộ công an".len()));
        assert!(l.at("bộtrưởng", 0).is_none());
    }

    #[test]
    fn one_pass_agrees_with_each_list() {
        let heads = ["bộ", "bộ công an", "sở", "tp."];
        let titles = ["bộ trưởng", "trưởng", "công an"];
        let mut b = ListSetBuilder::default();
        let h = b.add(heads);
        let t = b.add(titles);
        let set = b.build();
        let text = "bộ trưởng bộ công an, sở tp.hcm; bộtrưởng công an";
        let hits = set.find(text, &crate::text::tokens::tokenize(text));
        for (id, words) in [(h, &heads[..]), (t, &titles[..])] {
            let list = WordList::new(words);
            let a: Vec<Hit> = hits.leftmost_longest(id).collect();
            let b: Vec<Hit> = list.find_all(text).collect();
            assert_eq!(a, b);
            for (pos, _) in text.char_indices() {
                assert_eq!(hits.at(id, pos), list.at(text, pos), "{pos}");
            }
        }
        let end = text.find(" bộ công").unwrap();
        assert_eq!(hits.ending_at(t, end, 40).map(|h| h.start), Some(0));
    }
}
