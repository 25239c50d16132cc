//! Counting tables with a bound on their size.
//!
//! A table that passes its cap drops its rarest entries (count 1, then 2,
//! ... until it is at half the cap), like lossy counting: what is dropped
//! was rare in the part of the corpus read so far, so a count that comes
//! out is a lower bound, exact for anything frequent from the start. The
//! drops happen after fixed batches of files in input order, so they do
//! not depend on the thread count.

use std::collections::HashMap;

/// Something counted that can say how much it weighs.
pub trait Weight {
    fn weight(&self) -> u32;
    fn add(&mut self, other: &Self);
}

impl Weight for u32 {
    fn weight(&self) -> u32 {
        *self
    }
    fn add(&mut self, other: &u32) {
        *self += other;
    }
}

#[derive(Debug)]
pub struct Bounded<V> {
    pub map: HashMap<String, V>,
    cap: usize,
    /// Entries weighing this much or less may have been dropped.
    pub floor: u32,
}

impl<V: Weight + Default> Bounded<V> {
    pub fn new(cap: usize) -> Bounded<V> {
        Bounded {
            map: HashMap::new(),
            cap,
            floor: 0,
        }
    }

    pub fn add(&mut self, key: &str, v: &V) {
        match self.map.get_mut(key) {
            Some(e) => e.add(v),
            None => {
                let mut e = V::default();
                e.add(v);
                self.map.insert(key.to_string(), e);
            }
        }
    }

    /// Drop the rarest entries if the table is over its cap. Call between
    /// batches.
    pub fn prune(&mut self) {
        if self.map.len() <= self.cap {
            return;
        }
        let mut k = self.floor.max(1);
        while self.map.len() > self.cap / 2 {
            self.map.retain(|_, v| v.weight() > k);
            self.floor = self.floor.max(k);
            k += 1;
        }
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.map.get(key)
    }

    /// Entries sorted by key: the only order anything is written in.
    pub fn sorted(&self) -> Vec<(&String, &V)> {
        let mut v: Vec<_> = self.map.iter().collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v
    }
}

/// Join tokens into one key.
pub fn key(parts: &[&str]) -> String {
    parts.join("\u{1}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prunes_the_rarest_first() {
        let mut b: Bounded<u32> = Bounded::new(4);
        for (k, n) in [("a", 5), ("b", 1), ("c", 2), ("d", 1), ("e", 3)] {
            b.add(k, &n);
        }
        b.prune();
        let keys: Vec<&str> = b.sorted().iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, vec!["a", "e"]);
        assert_eq!(b.floor, 2);
    }
}
