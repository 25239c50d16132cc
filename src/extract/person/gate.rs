//! Cheap membership tests in front of the word-list automata: most words
//! of an article start no entry of a list, and a hash look-up of the word
//! says so faster than an anchored automaton search.

use super::tokens::is_word_char;
use crate::extract::lexicon::{FnvSet, Hit, WordList};

pub type FastSet = FnvSet;

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
