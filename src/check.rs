//! `vnextract rules check`: the checks of [`crate::rules::check`] run with
//! the whole engine. It lives here, above both `rules` and `extract`, so
//! that the rule files stay free of the engine that reads them.

use crate::extract::{Engine, Options};
use crate::model::OutEntity;
use crate::rules::check::{ExampleRunner, Report, check};
use crate::rules::{RuleError, RuleSources};

impl ExampleRunner for Engine {
    fn mentions(&self, text: &str, ref_date: Option<&str>) -> Vec<OutEntity> {
        self.extract_text(text, ref_date).entities
    }
}

/// Load and check every rule file of `sources`, then run every example
/// through the engine. `Err` is a rule file that does not load (exit 2);
/// a report with failures is a rule that does not do what its examples say
/// (exit 1).
pub fn check_rules(sources: &RuleSources) -> Result<Report, RuleError> {
    let build = |s: &RuleSources, relative: bool| -> Result<Box<dyn ExampleRunner>, RuleError> {
        let options = Options {
            relative_dates: relative,
            ..Options::default()
        };
        Ok(Box::new(Engine::new(s, options)?))
    };
    check(sources, &build)
}
