//! Dates (`rules/dates.json`). See spec/entities.md, section `date`.

use super::Ctx;
use crate::model::Entity;
use crate::rules::{RuleError, RuleSources};

pub struct DateExtractor {}

impl DateExtractor {
    pub fn new(sources: &RuleSources) -> Result<DateExtractor, RuleError> {
        let _file = sources.json("dates.json")?;
        Ok(DateExtractor {})
    }

    pub fn extract(&self, _ctx: &Ctx, _found: &mut Vec<Entity>) {}
}
