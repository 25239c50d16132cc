//! `rules/segmentation.json`: how sentences are split.

use super::{RuleDef, RuleKind};
use serde::{Deserialize, Deserializer};

/// The kind of `rules/segmentation.json`.
#[derive(Debug, Clone, Copy)]
pub struct Segmentation;

impl RuleKind for Segmentation {
    const PATH: &'static str = "segmentation.json";
    const TYPE: &'static str = "segmentation";
    type Settings = SegmentationSettings;
    type Rule = NoRule;
}

/// Sentence splitting has settings only: a rule in this file would never
/// run, so it is refused.
#[derive(Debug, Clone)]
pub enum NoRule {}

impl<'de> Deserialize<'de> for NoRule {
    fn deserialize<D: Deserializer<'de>>(_: D) -> Result<NoRule, D::Error> {
        Err(serde::de::Error::custom(
            "segmentation.json has settings only: `rules` must be empty",
        ))
    }
}

impl RuleDef for NoRule {
    fn id(&self) -> &str {
        match *self {}
    }
    fn example_keys(&self) -> Vec<(Option<&str>, Option<&str>)> {
        match *self {}
    }
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
