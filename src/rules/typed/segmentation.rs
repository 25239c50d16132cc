//! `rules/segmentation.json`: how sentences are split.

use super::examples::PersonExample;
use super::{PlainRule, RuleKind};
use serde::Deserialize;

/// The kind of `rules/segmentation.json`.
#[derive(Debug, Clone, Copy)]
pub struct Segmentation;

impl RuleKind for Segmentation {
    const PATH: &'static str = "segmentation.json";
    const TYPE: &'static str = "segmentation";
    type Settings = SegmentationSettings;
    /// The file has no rules; any it were given would be plain ones.
    type Rule = PlainRule<PersonExample>;
}

/// `settings` of `segmentation.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentationSettings {
    /// Abbreviations that end with a dot but do not end a sentence
    /// (`TP.`, `PGS.`), matched case-insensitively. Initials (`H.T.P.`)
    /// are recognised without a list.
    pub abbreviations: Vec<String>,
}
