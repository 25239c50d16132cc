//! Cheap membership tests in front of the word-list automata: most words
//! of an article start no entry of a list, and a hash look-up of the word
//! says so faster than an anchored automaton search.

use super::tokens::is_word_char;
use crate::extract::lexicon::{Hit, WordList};
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: short keys, no need for a DoS-resistant hash.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastSet = HashSet<String, BuildHasherDefault<Fnv>>;

/// A word list with the set of its entries' first words.
#[derive(Debug, Clone)]
pub struct GatedList {
    pub list: WordList,
    firsts: FastSet,
    /// Some entry starts with a non-word character: no gate.
    open: bool,
}

impl GatedList {
    pub fn new(list: WordList) -> GatedList {
        let mut firsts = FastSet::default();
        let mut open = false;
        for w in &list.words {
            let first = leading_word(w, 0);
            open |= first.is_empty();
            firsts.insert(first.to_string());
        }
        GatedList { list, firsts, open }
    }

    /// The longest whole-word entry starting exactly at `pos`, as
    /// [`WordList::at`].
    pub fn at(&self, lower: &str, pos: usize) -> Option<Hit> {
        if !self.open && !self.firsts.contains(leading_word(lower, pos)) {
            return None;
        }
        self.list.at(lower, pos)
    }
}

/// The letters and digits starting at `pos`.
fn leading_word(s: &str, pos: usize) -> &str {
    let Some(rest) = s.get(pos..) else {
        return "";
    };
    let end = rest
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gate_agrees_with_the_list() {
        let g = GatedList::new(WordList::new(["tp.", "hà nội", "ông"]));
        let s = "tp.hcm và hà nội, ông ba";
        for pos in [0, "tp.hcm và ".len(), "tp.hcm và hà nội, ".len(), 3] {
            assert_eq!(g.at(s, pos), g.list.at(s, pos));
        }
        assert!(g.at(s, "tp.hcm ".len()).is_none());
    }
}
