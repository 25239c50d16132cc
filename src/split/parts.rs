//! What an output folder must carry so that several of them can be merged
//! into the output of one run: `shard.jsonl`, written beside the tables by
//! `extract --shard K/N`, and the part lines of `stream --parts K/N`.
//!
//! The run-wide tables (`people.csv`, `documents.csv`) and the summary are
//! folds over the articles in input order (bounded counts drop their rarest
//! names, the first five ids are the first in input order), so a merge that
//! gives exactly the tables of one run must replay the articles in input
//! order. Each unit of input (a file, a record of a records file, an input
//! that could not be read) therefore gets one part: its place in the input
//! order (`key`), what it adds to the run-wide tables (the people and
//! citations as the index takes them, its figures), and its share of each
//! per-article file, either as a byte count of that file (`bytes`, shard
//! folders: the tables stay ordinary tables) or inline (`content`, part
//! lines: a pipe stage has no folder).
//!
//! The first line is a [`Header`] naming the format, the shard and the
//! options that shape the tables, so a merge can refuse folders that do
//! not belong together.

use crate::output::documents::DocumentSeen;
use crate::output::people::PersonSeen;
use crate::output::summary::ArticleStats;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The format name on the first line.
pub const FORMAT: &str = "vnextract-parts";
/// Bumped whenever a part line changes meaning.
pub const VERSION: u32 = 1;
/// The file `extract --shard` writes beside the tables.
pub const SHARD_FILE: &str = "shard.jsonl";

/// The first line of a shard file or part stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub version: u32,
    /// `K/N`.
    pub shard: String,
    /// The `--types` value of the run (which tables, which columns).
    pub types: String,
    /// The `--context` mode of the run.
    pub context: String,
    /// The vnextract version that wrote it (extraction may differ between versions).
    pub vnextract: String,
    /// (code, issuer) of the run's rules: the `issuer_from_code` column
    /// of `documents.csv`, so that a merge needs no rules.
    pub issuer_codes: Vec<(String, String)>,
}

impl Header {
    pub fn new(
        shard: super::Shard,
        types: String,
        context: String,
        issuer_codes: &[(String, String)],
    ) -> Header {
        Header {
            format: FORMAT.into(),
            version: VERSION,
            shard: shard.to_string(),
            types,
            context,
            vnextract: env!("CARGO_PKG_VERSION").into(),
            issuer_codes: issuer_codes.to_vec(),
        }
    }
}

/// The place of a unit in the input order of the whole run: (input file,
/// counted from 1, in walk order; record within that file, from 1, or 0 for
/// a file read as one article). `(0, n)` are the walk's own errors (an
/// input that is not there), reported first.
pub type Key = (u64, u64);

/// One unit of input, as a merge needs it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Part {
    pub key: Key,
    /// The article, when the unit gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<ArticlePart>,
    /// Rows of errors.csv of this unit.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub errors: u32,
    /// Bytes of each output file (by file name) that are this unit's, in a
    /// shard folder.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub bytes: BTreeMap<String, u64>,
    /// This unit's share of each output file, inline (part lines).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub content: BTreeMap<String, String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// What one article adds to the run-wide tables and the summary.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ArticlePart {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<PersonSeen>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentSeen>,
    pub stats: ArticleStats,
}

impl Part {
    /// Count (or keep) `bytes` more of output file `name` as this unit's.
    pub fn add(&mut self, name: &str, bytes: &[u8], inline: bool) {
        if bytes.is_empty() {
            return;
        }
        if inline {
            self.content
                .entry(name.to_string())
                .or_default()
                .push_str(&String::from_utf8_lossy(bytes));
        } else {
            *self.bytes.entry(name.to_string()).or_default() += bytes.len() as u64;
        }
    }
}
