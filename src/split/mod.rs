//! Runs split over several processes or machines: `extract --shard K/N`
//! takes a deterministic share of the input ([`shard`]), each share's
//! output carries what a merge needs ([`parts`]), `stream --parts` gives
//! the same from a pipe stage ([`units`] lists the input as lines for
//! it), and [`merge`] puts the shares back together into the output of
//! one run, byte for byte.

pub mod merge;
pub mod parts;
pub mod shard;
pub mod stage;
pub mod units;

pub use parts::{Header, Key, Part};
pub use shard::Shard;
