//! Text stage: normalisation with an offset map, segmentation, and the
//! article's layout (headline and byline lines).

pub mod layout;
pub mod normalize;
pub mod segment;

pub use layout::{byline_range, headline_range};
pub use normalize::{Text, fold_str};
pub use segment::{Segmenter, sentence_of};
