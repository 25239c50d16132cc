//! Cited documents (`rules/resolutions.json`, `rules/lexicon/issuer_codes.csv`).
//! See spec/entities.md, section `resolution`.

use super::Ctx;
use super::lexicon::Lexicon;
use crate::model::Entity;
use crate::rules::{RuleError, RuleSources};

pub struct ResolutionExtractor {}

impl ResolutionExtractor {
    pub fn new(sources: &RuleSources, _lex: &Lexicon) -> Result<ResolutionExtractor, RuleError> {
        let _file = sources.json("resolutions.json")?;
        Ok(ResolutionExtractor {})
    }

    pub fn extract(&self, _ctx: &Ctx, _found: &mut Vec<Entity>) {}
}
