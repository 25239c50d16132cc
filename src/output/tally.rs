//! Bounded counts of names (titles of a person, units of the run...):
//! the most frequent ones with their counts, in memory that does not grow
//! with the input.
//!
//! A tally keeps at most twice its capacity; when full, the least counted
//! half is dropped (ties: the later seen), so a name that keeps coming back
//! stays and a rare tail is forgotten. Counts of names kept from the start
//! are exact. The order is fixed by the input order, so the output is too.
//! Names are grouped case-insensitively and shown as first seen.
//!
//! Small tallies (one per person or document: there may be very many)
//! are a plain list searched in place; large ones add a hash index.

use std::collections::HashMap;

/// Capacity above which a tally keeps a hash index.
const INDEXED: usize = 64;

#[derive(Debug, Clone)]
struct Entry {
    shown: Box<str>,
    count: u64,
    first_seen: u32,
}

#[derive(Debug, Clone)]
pub struct Tally {
    capacity: u32,
    seen: u32,
    entries: Vec<Entry>,
    /// Lower-case name → position in `entries` (large tallies only). Boxed
    /// so that the many small tallies (one per person) stay small.
    #[allow(clippy::box_collection)]
    index: Option<Box<HashMap<String, usize>>>,
}

/// Equal when lower-cased, without allocating for the usual equal case.
fn same(a: &str, b: &str) -> bool {
    a == b
        || a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
}

impl Tally {
    pub fn new(capacity: usize) -> Tally {
        let capacity = capacity.clamp(1, u32::MAX as usize / 2);
        Tally {
            capacity: capacity as u32,
            seen: 0,
            entries: Vec::new(),
            index: (capacity > INDEXED).then(Box::default),
        }
    }

    fn position(&self, name: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(&name.to_lowercase()).copied(),
            None => self.entries.iter().position(|e| same(&e.shown, name)),
        }
    }

    pub fn add(&mut self, name: &str, n: u64) {
        if name.is_empty() {
            return;
        }
        self.seen = self.seen.saturating_add(1);
        if let Some(i) = self.position(name) {
            self.entries[i].count += n;
            return;
        }
        if let Some(index) = &mut self.index {
            index.insert(name.to_lowercase(), self.entries.len());
        }
        self.entries.push(Entry {
            shown: name.into(),
            count: n,
            first_seen: self.seen,
        });
        if self.entries.len() >= 2 * self.capacity as usize {
            self.prune();
        }
    }

    fn rank(&mut self) {
        self.entries
            .sort_by(|a, b| b.count.cmp(&a.count).then(a.first_seen.cmp(&b.first_seen)));
    }

    fn prune(&mut self) {
        self.rank();
        self.entries.truncate(self.capacity as usize);
        if let Some(index) = &mut self.index {
            index.clear();
            for (i, e) in self.entries.iter().enumerate() {
                index.insert(e.shown.to_lowercase(), i);
            }
        }
    }

    /// The `n` most counted names, most counted first (ties: first seen).
    pub fn top(&self, n: usize) -> Vec<(&str, u64)> {
        let mut ranked: Vec<&Entry> = self.entries.iter().collect();
        ranked.sort_by(|a, b| b.count.cmp(&a.count).then(a.first_seen.cmp(&b.first_seen)));
        ranked
            .into_iter()
            .take(n)
            .map(|e| (&*e.shown, e.count))
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
        for capacity in [4, 100] {
            let mut t = Tally::new(capacity);
            for n in [
                "Bí thư",
                "Chủ tịch",
                "bí thư",
                "Giám đốc",
                "Chủ tịch",
                "BÍ THƯ",
            ] {
                t.add(n, 1);
            }
            assert_eq!(t.top(2), vec![("Bí thư", 3), ("Chủ tịch", 2)]);
            assert_eq!(t.cell(1), "Bí thư (3)");
        }
    }

    #[test]
    fn memory_stays_bounded_and_frequent_names_stay() {
        for capacity in [3, 80] {
            let mut t = Tally::new(capacity);
            for i in 0..1000 {
                t.add("thường", 1);
                t.add(&format!("hiếm {i}"), 1);
            }
            assert!(t.entries.len() < 2 * capacity);
            assert_eq!(t.top(1), vec![("thường", 1000)]);
            t.add("THƯỜNG", 1);
            assert_eq!(t.top(1), vec![("thường", 1001)]);
        }
    }
}
