//! The trie of every registered word list, over tokens, and the cheap
//! hashers it and the extractors' word sets use.

use super::tokens::tokenize;
use std::collections::HashMap;

/// The entries as a trie over tokens: an edge is a token's text and
/// whether a space or nothing comes before it (`tp` + `.` glued, `bộ` +
/// ` công`). Edges are keyed by a hash of the token's text, checked
/// against the text itself on a hit: most tokens of an article start no
/// entry, which one probe of a small table of numbers says.
#[derive(Debug, Clone, Default)]
pub(super) struct Trie {
    pub(super) nodes: Vec<Node>,
    /// (parent node, glued, hash of the token's text) to child node.
    edges: HashMap<(u32, bool, u64), u32, std::hash::BuildHasherDefault<Mix>>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Node {
    /// The text of the token that leads here.
    label: Box<str>,
    /// Patterns that end here.
    pub(super) ends: Vec<u32>,
}

impl Trie {
    pub(super) fn insert(&mut self, pattern: &str, id: u32) {
        if self.nodes.is_empty() {
            self.nodes.push(Node::default());
        }
        let tokens = tokenize(pattern);
        let mut node = 0u32;
        for (k, t) in tokens.iter().enumerate() {
            let glued = match k {
                0 => false,
                _ => match &pattern[tokens[k - 1].end..t.start] {
                    "" => true,
                    " " => false,
                    // Written with other spaces, no article text would
                    // match it once its spaces are made plain: left out.
                    _ => return,
                },
            };
            let label = t.text(pattern);
            node = match self.child(node, glued, label) {
                Some(c) => c,
                None => {
                    let c = self.nodes.len() as u32;
                    self.nodes.push(Node {
                        label: label.into(),
                        ends: Vec::new(),
                    });
                    let key = (node, glued, fnv(label));
                    // Two texts with one hash: the first keeps the edge.
                    self.edges.entry(key).or_insert(c);
                    if self.edges[&key] != c {
                        return;
                    }
                    c
                }
            };
        }
        if !tokens.is_empty() {
            self.nodes[node as usize].ends.push(id);
        }
    }

    #[inline]
    pub(super) fn child(&self, node: u32, glued: bool, text: &str) -> Option<u32> {
        self.child_hashed(node, glued, fnv(text), text)
    }

    /// [`Trie::child`] with the text's [`fnv`] hash already known (an
    /// article's tokens are hashed once, not at every trie step).
    #[inline]
    pub(super) fn child_hashed(
        &self,
        node: u32,
        glued: bool,
        hash: u64,
        text: &str,
    ) -> Option<u32> {
        let c = *self.edges.get(&(node, glued, hash))?;
        (*self.nodes[c as usize].label == *text).then_some(c)
    }
}

/// FNV-1a: keys are short words, not chosen by an adversary.
#[inline]
pub(super) fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Hashes the trie's keys, which hold a hash already, with one multiply.
#[derive(Default, Clone, Copy)]
struct Mix(u64);

impl std::hash::Hasher for Mix {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// FNV-1a as a `Hasher`, for sets of short strings.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
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
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}
