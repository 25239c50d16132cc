//! `extract --shard K/N`: a deterministic share of the input, so that N
//! machines (or N processes) without a cluster engine each take one part.
//!
//! A file belongs to shard `1 + h mod N`, `h` being the FNV-1a hash of its
//! id key (its path relative to its input folder, without extension). That
//! hash is fixed by its definition, unlike Rust's randomised `HashMap`
//! hasher, so every machine and every run agrees on the split; and since
//! `a.txt` and `a.text` share a key, the files whose ids collide land in
//! the same shard and are told apart (`a~2`) exactly as in the whole run.

use crate::input::InputFile;
use std::fmt;

/// Shard `index` (from 1) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// The whole input as one shard.
    pub const WHOLE: Shard = Shard { index: 1, count: 1 };

    /// `K/N` with `1 <= K <= N`.
    pub fn parse(s: &str) -> Result<Shard, String> {
        let bad = || format!("`{s}` is not a shard K/N (1 <= K <= N, e.g. 2/3)");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// Whether the file with this id key (relative path without extension)
    /// is this shard's.
    pub fn takes_key(&self, key: &str) -> bool {
        (fnv1a(key.as_bytes()) % u64::from(self.count)) as u32 + 1 == self.index
    }

    pub fn takes(&self, file: &InputFile) -> bool {
        self.takes_key(&file.id)
    }

    /// The shard that walks errors (inputs that are not there) are reported in.
    pub fn reports_walk_errors(&self) -> bool {
        self.index == 1
    }
}

/// FNV-1a, 64 bits: stable across platforms, versions and runs.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_refuse() {
        assert_eq!(Shard::parse("2/3"), Ok(Shard { index: 2, count: 3 }));
        for bad in ["0/3", "4/3", "1", "a/b", "1/0", ""] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_hash_is_the_published_fnv1a() {
        // Reference values of FNV-1a 64 (the hash must never change: it
        // decides which machine reads which file).
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn every_key_is_in_exactly_one_shard() {
        let n = 3;
        let mut sizes = [0; 3];
        for i in 0..3000 {
            let key = format!("folder/article-{i}");
            let owners: Vec<u32> = (1..=n)
                .filter(|&k| Shard { index: k, count: n }.takes_key(&key))
                .collect();
            assert_eq!(owners.len(), 1, "{key}");
            sizes[owners[0] as usize - 1] += 1;
        }
        // Roughly even.
        assert!(sizes.iter().all(|&s| s > 800), "{sizes:?}");
    }
}
