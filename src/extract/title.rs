//! Titles held by people (`rules/titles.json`, `rules/lexicon/titles.csv`).
//! See spec/entities.md, section `title`.

use super::Ctx;
use super::lexicon::Lexicon;
use super::unit::UnitExtractor;
use crate::model::Entity;
use crate::rules::{RuleError, RuleSources};

pub struct TitleExtractor {}

impl TitleExtractor {
    pub fn new(sources: &RuleSources, _lex: &Lexicon, _units: &UnitExtractor) -> Result<TitleExtractor, RuleError> {
        let _file = sources.json("titles.json")?;
        Ok(TitleExtractor {})
    }

    pub fn extract(&self, _ctx: &Ctx, _found: &mut Vec<Entity>) {}
}
