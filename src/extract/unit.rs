//! Units: named organisations (`rules/units.json`, `rules/lexicon/unit_heads.csv`,
//! `rules/lexicon/abbreviations.csv`). See spec/entities.md, section `unit`.

use super::Ctx;
use super::lexicon::Lexicon;
use crate::model::Entity;
use crate::rules::{RuleError, RuleSources};

pub struct UnitExtractor {}

/// A unit name recognised at a given position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitMatch {
    pub start: usize,
    pub end: usize,
    pub value: String,
    pub rule: &'static str,
}

impl UnitExtractor {
    pub fn new(sources: &RuleSources, _lex: &Lexicon) -> Result<UnitExtractor, RuleError> {
        let _file = sources.json("units.json")?;
        Ok(UnitExtractor {})
    }

    pub fn extract(&self, _ctx: &Ctx, _found: &mut Vec<Entity>) {}

    /// The unit name that starts exactly at byte `pos` of the working text,
    /// if any (used by titles: `Trưởng Phòng Nội vụ TP Thủ Đức`).
    pub fn unit_at(&self, _ctx: &Ctx, _pos: usize) -> Option<UnitMatch> {
        None
    }

    /// The normalised value of a unit name (abbreviations expanded).
    pub fn value_of(&self, _ctx: &Ctx, surface: &str) -> String {
        surface.to_string()
    }
}
