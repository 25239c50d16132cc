//! Person names (`rules/persons.json`, `rules/lexicon/surnames.csv`,
//! `rules/lexicon/honorifics.csv`). See spec/entities.md, section `person`.

use super::Ctx;
use super::lexicon::Lexicon;
use crate::model::Entity;
use crate::rules::{RuleError, RuleSources};

/// Rule id of the byline, which also fills the article's `byline` field.
pub const BYLINE_RULE: &str = "person.byline";

pub struct PersonExtractor {}

impl PersonExtractor {
    pub fn new(sources: &RuleSources, _lex: &Lexicon) -> Result<PersonExtractor, RuleError> {
        let _file = sources.json("persons.json")?;
        Ok(PersonExtractor {})
    }

    pub fn extract(&self, _ctx: &Ctx, _found: &mut Vec<Entity>) {}
}
