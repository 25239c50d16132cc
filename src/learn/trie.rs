//! The tails of every unit head, as a trie of lower-cased words with
//! counts, and the decision of where names end.
//!
//! Each node is a head followed by some words; it counts the articles and
//! the occurrences that reach it, how many of them were capitalised there,
//! and how many stopped right after it at punctuation or a sentence end.
//! Deciding where names end is deciding, for each node, which of its
//! children continue the name (see [`Trie::decide`]).

use super::counts::{Weight, key};
use super::tails::Tail;
use std::collections::HashMap;

const ROOT: u32 = 0;

#[derive(Debug, Clone, Default)]
pub struct Node {
    pub parent: u32,
    /// Interned lower-cased word (a head is interned as `#` + its index).
    pub token: u32,
    /// Articles that reach this node.
    pub df: u32,
    pub occ: u32,
    /// Occurrences written with a capital (or a number) here.
    pub cap: u32,
    /// Occurrences that stopped right after this node at punctuation, a
    /// sentence end or a line end.
    pub hard_end: u32,
    /// Serial of the last article counted in `df`.
    last: u32,
    /// The written form most seen here (Boyer-Moore majority vote).
    form: u32,
    votes: u32,
}

impl Node {
    /// Written with a capital (or a number) in most occurrences.
    pub fn capitalised(&self) -> bool {
        self.cap * 2 > self.occ
    }
}

/// Strings to small ids and back.
#[derive(Debug, Default)]
pub struct Interner {
    ids: HashMap<String, u32>,
    strs: Vec<String>,
}

impl Interner {
    pub fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.strs.len() as u32;
        self.strs.push(s.to_string());
        self.ids.insert(s.to_string(), i);
        i
    }

    pub fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    pub fn str(&self, i: u32) -> &str {
        &self.strs[i as usize]
    }
}

pub struct Trie {
    pub nodes: Vec<Node>,
    children: HashMap<(u32, u32), u32>,
    pub words: Interner,
    /// Nodes kept at most; past it, the rarest are dropped.
    cap: usize,
    /// Nodes reached by this many articles or fewer may have been dropped.
    pub floor: u32,
}

impl Trie {
    pub fn new(cap: usize) -> Trie {
        Trie {
            nodes: vec![Node::default()],
            children: HashMap::new(),
            words: Interner::default(),
            cap,
            floor: 0,
        }
    }

    pub fn head_token(head: usize) -> String {
        format!("#{head}")
    }

    fn child(&mut self, parent: u32, token: u32) -> u32 {
        if let Some(&c) = self.children.get(&(parent, token)) {
            return c;
        }
        let id = self.nodes.len() as u32;
        self.nodes.push(Node {
            parent,
            token,
            ..Node::default()
        });
        self.children.insert((parent, token), id);
        id
    }

    fn visit(&mut self, node: u32, article: u32, written: &str, cap: bool) {
        let form = self.words.id(written);
        let n = &mut self.nodes[node as usize];
        n.occ += 1;
        n.cap += u32::from(cap);
        if n.last != article || n.df == 0 {
            n.df += 1;
            n.last = article;
        }
        if n.votes == 0 {
            n.form = form;
            n.votes = 1;
        } else if n.form == form {
            n.votes += 1;
        } else {
            n.votes -= 1;
        }
    }

    /// Count one tail of article number `article` (articles are numbered
    /// from 1 in input order).
    pub fn insert(&mut self, tail: &Tail, article: u32) {
        let head = self.words.id(&Trie::head_token(tail.head));
        let mut node = self.child(ROOT, head);
        self.visit(node, article, &tail.head_written, true);
        for w in &tail.words {
            let tok = self.words.id(&w.lower);
            node = self.child(node, tok);
            self.visit(node, article, &w.written, w.capitalised);
        }
        if tail.hard_end {
            self.nodes[node as usize].hard_end += 1;
        }
    }

    /// The child of `parent` for a lower-cased word (or a head token).
    pub fn child_of(&self, parent: u32, word: &str) -> Option<u32> {
        let tok = self.words.get(word)?;
        self.children.get(&(parent, tok)).copied()
    }

    /// The node a tail reaches while `keep` accepts each step; `None` when
    /// the head itself is unknown.
    pub fn walk(&self, tail: &Tail, keep: &[bool]) -> Option<u32> {
        let head = self.words.get(&Trie::head_token(tail.head))?;
        let mut node = *self.children.get(&(ROOT, head))?;
        for w in &tail.words {
            let Some(tok) = self.words.get(&w.lower) else {
                break;
            };
            match self.children.get(&(node, tok)) {
                Some(&c) if keep[c as usize] => node = c,
                _ => break,
            }
        }
        Some(node)
    }

    /// Drop the nodes reached by the fewest articles when over the cap.
    /// A child never has more articles than its parent, so what is kept
    /// is still a trie.
    pub fn prune(&mut self) {
        if self.nodes.len() <= self.cap {
            return;
        }
        let mut k = self.floor.max(1);
        while self.nodes.len() > self.cap / 2 {
            let mut remap = vec![u32::MAX; self.nodes.len()];
            let mut kept = Vec::with_capacity(self.nodes.len() / 2);
            for (i, n) in self.nodes.iter().enumerate() {
                let parent_kept = i == 0 || remap[n.parent as usize] != u32::MAX;
                if i == 0 || (parent_kept && n.df > k) {
                    let mut n = n.clone();
                    if i != 0 {
                        n.parent = remap[n.parent as usize];
                    }
                    remap[i] = kept.len() as u32;
                    kept.push(n);
                }
            }
            self.nodes = kept;
            self.children = self
                .nodes
                .iter()
                .enumerate()
                .skip(1)
                .map(|(i, n)| ((n.parent, n.token), i as u32))
                .collect();
            self.floor = self.floor.max(k);
            k += 1;
        }
    }

    /// Children of every node, sorted by their word.
    pub fn child_lists(&self) -> Vec<Vec<u32>> {
        let mut lists = vec![Vec::new(); self.nodes.len()];
        for (i, n) in self.nodes.iter().enumerate().skip(1) {
            lists[n.parent as usize].push(i as u32);
        }
        for l in &mut lists {
            l.sort_by(|a, b| self.token_str(*a).cmp(self.token_str(*b)));
        }
        lists
    }

    pub fn token_str(&self, node: u32) -> &str {
        self.words.str(self.nodes[node as usize].token)
    }

    pub fn form(&self, node: u32) -> &str {
        self.words.str(self.nodes[node as usize].form)
    }

    /// Head index of a node (the first step below the root).
    pub fn head_of(&self, mut node: u32) -> usize {
        while self.nodes[node as usize].parent != ROOT {
            node = self.nodes[node as usize].parent;
        }
        self.token_str(node)[1..].parse().unwrap_or(0)
    }

    /// Nodes from the head down to `node`.
    pub fn path(&self, mut node: u32) -> Vec<u32> {
        let mut p = Vec::new();
        while node != ROOT {
            p.push(node);
            node = self.nodes[node as usize].parent;
        }
        p.reverse();
        p
    }

    /// The name a node spells, as most written.
    pub fn name(&self, node: u32) -> String {
        let mut s = String::new();
        for n in self.path(node) {
            let f = self.form(n);
            if !s.is_empty() && f != "," {
                s.push(' ');
            }
            s.push_str(f);
        }
        s
    }

    pub fn heads(&self) -> Vec<u32> {
        self.child_lists()[ROOT as usize].clone()
    }
}

/// Where names ended in pass 3: per node, occurrences, articles, and
/// occurrences that ended closed (see [`super::boundaries::end_of`]).
#[derive(Debug, Default, Clone, Copy)]
pub struct EndCount {
    pub occ: u32,
    pub df: u32,
    pub closed: u32,
}

impl Weight for EndCount {
    fn weight(&self) -> u32 {
        self.df
    }
    fn add(&mut self, o: &EndCount) {
        self.occ += o.occ;
        self.df += o.df;
        self.closed += o.closed;
    }
}

/// Pair key of two words, for the continuation table.
pub fn edge_key(before: &str, word: &str) -> String {
    key(&[before, word])
}
