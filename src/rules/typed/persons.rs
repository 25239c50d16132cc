//! `rules/persons.json`: the word lists the person extractor reads names
//! with. Most names are read in code off runs of capitalised words; the
//! rules with a pattern are `person.initials`, `person.credit` and
//! `person.byline`.

use super::examples::PersonExample;
use super::{Checker, PlainRule, RuleKind, patterns_only_in, required_patterns};
use crate::rules::RuleError;
use serde::Deserialize;

/// The rules whose pattern the person extractor compiles.
const PATTERN_RULES: [&str; 3] = ["person.initials", "person.credit", "person.byline"];

/// The kind of `rules/persons.json`.
#[derive(Debug, Clone, Copy)]
pub struct Persons;

impl RuleKind for Persons {
    const PATH: &'static str = "persons.json";
    const TYPE: &'static str = "person";
    type Settings = PersonSettings;
    type Rule = PlainRule<PersonExample>;

    fn validate(_: &Self::Settings, rules: &[Self::Rule], c: &Checker) -> Result<(), RuleError> {
        let with_pattern = rules.iter().map(|r| (r.id.as_str(), r.pattern.is_some()));
        required_patterns(with_pattern, &PATTERN_RULES, c)?;
        patterns_only_in(rules, &PATTERN_RULES, c)
    }
}

/// `settings` of `persons.json`. Words are matched case-insensitively
/// unless said otherwise.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonSettings {
    /// Forms of address (`ông`, `chị`, `đồng chí`): a one-word name after
    /// one of them (or after a kinship word of honorifics.csv) is a name
    /// wherever else the article writes it.
    pub address_forms: Vec<String>,
    /// Honorifics that, capitalised in mid-sentence, start a place name
    /// (`Bà Rịa`, `nóc Ông Lục`) rather than a person.
    pub place_honorifics: Vec<String>,
    /// Common foreign given names, as written (`Robert`): with a
    /// capitalised word after them they start a name without any cue.
    pub foreign_given_names: Vec<String>,
    /// Words right before a run of capitalised words that make it a place
    /// or an organisation, not a person (`đường Trần Phú`, `Công ty Nguyễn
    /// Kim`).
    pub blockers: Vec<String>,
    /// Capitalised words that never belong to a name (`Bộ`, `Sở`, `UBND`):
    /// a run is cut there.
    pub never_in_name: Vec<String>,
    /// Words of `never_in_name` that are also common middle names (`Công`
    /// of `Phạm Công Tuấn`): one or two words after a surname and before a
    /// capitalised given name, they do not cut the name.
    pub middle_names: Vec<String>,
    /// Phrases that open a sentence (`Căn cứ`, `Tuy nhiên`): a name written
    /// before a missing full stop ends there.
    pub sentence_openers: Vec<String>,
    /// Words for a tomb or shrine (`lăng`, `đền thờ`): the name after them
    /// is the person who lies there (rule `person.tomb`).
    pub tomb_words: Vec<String>,
}
