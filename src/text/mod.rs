//! Text stage: normalisation with an offset map, tokens, sentences, the
//! article's layout (headline and byline lines), word-list hits, all
//! gathered once per article in an [`Analysis`].

pub mod analysis;
pub mod chars;
pub mod layout;
pub mod normalize;
pub mod sentences;
pub mod tokens;
mod trie;
pub mod wordlists;

pub use analysis::Analysis;
pub use layout::{byline_range, headline_range};
pub use normalize::{Text, fold_str};
pub use sentences::{Segmenter, sentence_of};
pub use tokens::{Kind, Token, shape};
pub use wordlists::{Hit, ListId, ListSet, ListSetBuilder, Listed, OnDemand, WordHits, WordList};
