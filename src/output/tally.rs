//! Bounded counts of names (titles of a person, units of the run...):
//! the most frequent ones with their counts, in memory that does not grow
//! with the input.
//!
//! A tally keeps at most twice its capacity; when full, the least counted
//! half is dropped (ties: the later seen), so a name that keeps coming back
//! stays and a rare tail is forgotten. Counts of names kept from the start
//! are exact. The order is fixed by the input order, so the output is too.

use std::collections::HashMap;

#[derive(Debug, Clone)]
struct Entry {
    /// The form first seen (names are grouped case-insensitively).
    shown: String,
    count: u64,
    first_seen: u64,
}

#[derive(Debug, Clone)]
pub struct Tally {
    capacity: usize,
    seen: u64,
    entries: HashMap<String, Entry>,
}

impl Tally {
    pub fn new(capacity: usize) -> Tally {
        Tally {
            capacity: capacity.max(1),
            seen: 0,
            entries: HashMap::new(),
        }
    }

    pub fn add(&mut self, name: &str, n: u64) {
        if name.is_empty() {
            return;
        }
        self.seen += 1;
        let key = name.to_lowercase();
        match self.entries.get_mut(&key) {
            Some(e) => e.count += n,
            None => {
                self.entries.insert(
                    key,
                    Entry {
                        shown: name.to_string(),
                        count: n,
                        first_seen: self.seen,
                    },
                );
                if self.entries.len() >= 2 * self.capacity {
                    self.prune();
                }
            }
        }
    }

    fn ranked(&self) -> Vec<&Entry> {
        let mut v: Vec<&Entry> = self.entries.values().collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then(a.first_seen.cmp(&b.first_seen)));
        v
    }

    fn prune(&mut self) {
        let keep: Vec<String> = self
            .ranked()
            .into_iter()
            .take(self.capacity)
            .map(|e| e.shown.to_lowercase())
            .collect();
        let mut kept = HashMap::with_capacity(keep.len());
        for k in keep {
            if let Some(e) = self.entries.remove(&k) {
                kept.insert(k, e);
            }
        }
        self.entries = kept;
    }

    /// The `n` most counted names, most counted first (ties: first seen).
    pub fn top(&self, n: usize) -> Vec<(&str, u64)> {
        self.ranked()
            .into_iter()
            .take(n)
            .map(|e| (e.shown.as_str(), e.count))
            .collect()
    }

    /// `name (count) | name (count)` for a table cell.
    pub fn cell(&self, n: usize) -> String {
        self.top(n)
            .iter()
            .map(|(name, c)| format!("{name} ({c})"))
            .collect::<Vec<_>>()
            .join(" | ")
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_fold_case_and_rank() {
        let mut t = Tally::new(4);
        for n in [
            "Bí thư",
            "Chủ tịch",
            "bí thư",
            "Giám đốc",
            "Chủ tịch",
            "Bí thư",
        ] {
            t.add(n, 1);
        }
        assert_eq!(t.top(2), vec![("Bí thư", 3), ("Chủ tịch", 2)]);
        assert_eq!(t.cell(1), "Bí thư (3)");
    }

    #[test]
    fn memory_stays_bounded_and_frequent_names_stay() {
        let mut t = Tally::new(3);
        for i in 0..1000 {
            t.add("thường", 1);
            t.add(&format!("hiếm {i}"), 1);
        }
        assert!(t.entries.len() < 6);
        assert_eq!(t.top(1), vec![("thường", 1000)]);
    }
}
