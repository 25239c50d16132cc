//! vnextract: dates, people, titles, units and cited documents from
//! Vietnamese news.
//!
//! Data flows one way: [`input`] (walk, decode, metadata) → [`text`]
//! (normalise with an offset map, segment) → [`extract`] (one module per
//! entity type, then linking) → [`output`] (writers). [`pipeline`] runs
//! that flow over many files in parallel with ordered, streamed output;
//! [`stream`] serves JSON Lines records; [`split`] splits a run into
//! shares and merges them back; [`check`] runs the examples of
//! the rule files through the engine. The CLI in `main.rs` only parses
//! arguments and calls these.

pub mod batch;
pub mod check;
pub mod evidence;
pub mod extract;
pub mod input;
pub mod learn;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod rules;
pub mod split;
pub mod stream;
pub mod text;

pub use extract::{Engine, Options};
pub use model::{Article, Document, EntityType};
pub use rules::{RuleError, RuleSources};
