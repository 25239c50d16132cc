//! Typed rule files: the shape of each JSON rule file, read when the file
//! is loaded. Every object refuses keys it does not know and every closed
//! vocabulary is an enum, so a misspelled setting (`blocker` for
//! `blockers`), rule field or example field is a load error naming the
//! file and the line, not a setting silently left empty.
//!
//! Extractors get their settings with [`crate::rules::RuleSources::load`]:
//!
//! ```
//! use vnextract::rules::{RuleSources, typed::Persons};
//! let persons = RuleSources::embedded().load::<Persons>().unwrap();
//! assert!(persons.settings.blockers.iter().any(|w| w == "đường"));
//! ```

pub mod dates;
mod errors;
pub mod examples;
pub mod persons;
pub mod resolutions;
pub mod segmentation;
pub mod titles;
pub mod units;

pub use dates::Dates;
pub use persons::Persons;
pub use resolutions::Resolutions;
pub use segmentation::Segmentation;
pub use titles::{TitleSettings, Titles};
pub use units::Units;

pub(crate) use errors::explain;
use errors::serde_error;

use super::lines::{LineMap, Step, show_path};
use super::{RuleError, RuleFile};
use regex::Regex;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashSet};

/// One kind of JSON rule file: where it lives, the entity type its
/// examples are about, and the types of its settings and rules.
pub trait RuleKind {
    /// Path under `rules/`.
    const PATH: &'static str;
    /// The file's `type`.
    const TYPE: &'static str;
    type Settings: DeserializeOwned;
    type Rule: DeserializeOwned + RuleDef;

    /// What serde cannot check: patterns compile, names refer to
    /// something, numbers are in range.
    fn validate(
        _settings: &Self::Settings,
        _rules: &[Self::Rule],
        _c: &Checker,
    ) -> Result<(), RuleError> {
        Ok(())
    }
}

/// What every typed rule has.
pub trait RuleDef {
    fn id(&self) -> &str;
    /// The `rule` and `ref_date` keys of each `match` example.
    fn example_keys(&self) -> Vec<(Option<&str>, Option<&str>)>;
}

/// A rule file read with its types: the untyped [`RuleFile`] (macros,
/// pattern compilation with file and line in errors), the typed settings,
/// and the typed rules in file order (`rules[i]` is `file.rules[i]`).
#[derive(Debug, Clone)]
pub struct Loaded<K: RuleKind> {
    pub file: RuleFile,
    pub settings: K::Settings,
    pub rules: Vec<K::Rule>,
}

/// The whole file, typed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(bound = "S: DeserializeOwned, R: DeserializeOwned")]
struct FileShape<S, R> {
    #[serde(rename = "type")]
    etype: String,
    #[serde(default)]
    #[allow(dead_code)]
    description: String,
    #[serde(default)]
    macros: BTreeMap<String, String>,
    settings: S,
    #[serde(default)]
    rules: Vec<R>,
}

/// Read a rule file's text as `K`, checking everything [`RuleKind`] says.
pub(crate) fn parse<K: RuleKind>(
    path: &str,
    raw: &str,
    lines: &LineMap,
) -> Result<(K::Settings, Vec<K::Rule>), RuleError> {
    let de = &mut serde_json::Deserializer::from_str(raw);
    let shape: FileShape<K::Settings, K::Rule> =
        serde_path_to_error::deserialize(de).map_err(|e| serde_error(path, lines, e))?;
    let c = Checker {
        path,
        lines,
        macros: &shape.macros,
    };
    if shape.etype != K::TYPE {
        return Err(c.error(
            &[Step::from("type")],
            format!("`type` must be `{}` in this file", K::TYPE),
        ));
    }
    check_examples(&shape.rules, &c)?;
    K::validate(&shape.settings, &shape.rules, &c)?;
    Ok((shape.settings, shape.rules))
}

/// Check a known JSON rule file; unknown paths pass (the caller decides
/// whether they may exist).
pub(crate) fn validate_known(path: &str, raw: &str, lines: &LineMap) -> Result<(), RuleError> {
    fn run<K: RuleKind>(path: &str, raw: &str, lines: &LineMap) -> Result<(), RuleError> {
        parse::<K>(path, raw, lines).map(drop)
    }
    match path {
        Dates::PATH => run::<Dates>(path, raw, lines),
        Persons::PATH => run::<Persons>(path, raw, lines),
        Resolutions::PATH => run::<Resolutions>(path, raw, lines),
        Segmentation::PATH => run::<Segmentation>(path, raw, lines),
        Titles::PATH => run::<Titles>(path, raw, lines),
        Units::PATH => run::<Units>(path, raw, lines),
        _ => Ok(()),
    }
}

/// An example's `rule` must name a rule of the same file; its `ref_date`
/// must be a date.
fn check_examples<R: RuleDef>(rules: &[R], c: &Checker) -> Result<(), RuleError> {
    let ids: HashSet<&str> = rules.iter().map(RuleDef::id).collect();
    for (i, rule) in rules.iter().enumerate() {
        for (j, (named, ref_date)) in rule.example_keys().into_iter().enumerate() {
            let at = |key: &str| {
                vec![
                    Step::from("rules"),
                    Step::from(i),
                    Step::from("examples"),
                    Step::from("match"),
                    Step::from(j),
                    Step::from(key),
                ]
            };
            if let Some(named) = named.filter(|n| !ids.contains(n)) {
                return Err(c.error(
                    &at("rule"),
                    format!(
                        "rule `{}`: an example names rule `{named}`, which this file does not define",
                        rule.id()
                    ),
                ));
            }
            if let Some(d) = ref_date.filter(|d| !is_iso_date(d)) {
                return Err(c.error(
                    &at("ref_date"),
                    format!("rule `{}`: `ref_date` `{d}` is not YYYY-MM-DD", rule.id()),
                ));
            }
        }
    }
    Ok(())
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// Context for the checks serde cannot make: errors at a path's line,
/// patterns compiled with the file's macros.
pub struct Checker<'a> {
    pub path: &'a str,
    lines: &'a LineMap,
    macros: &'a BTreeMap<String, String>,
}

impl Checker<'_> {
    pub fn error(&self, at: &[Step], message: String) -> RuleError {
        RuleError {
            file: self.path.to_string(),
            line: self.lines.line(at),
            message,
        }
    }

    /// Compile a pattern setting the way extractors will (macros expanded,
    /// tone marks folded), so a bad one is reported at its own line.
    pub fn pattern(&self, at: &[Step], raw: &str) -> Result<Regex, RuleError> {
        let expanded = super::expand_macros(raw, self.macros, 0)
            .map_err(|m| self.error(at, format!("`{}`: {m}", show_path(at))))?;
        Regex::new(&crate::text::fold_str(&expanded))
            .map_err(|e| self.error(at, format!("`{}`: bad pattern: {e}", show_path(at))))
    }
}

/// A path under `settings`.
pub(crate) fn setting(steps: &[Step]) -> Vec<Step> {
    let mut at = vec![Step::from("settings")];
    at.extend_from_slice(steps);
    at
}

/// Rules with no fields of their own: the logic is in code, the rule names
/// what it does and pins it with examples of the example type `E`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, bound = "E: Deserialize<'de>")]
pub struct PlainRule<E> {
    /// Reported in the `rule` column of every mention the rule makes.
    pub id: String,
    /// What the rule finds, for people who edit the rules.
    #[serde(default)]
    pub description: String,
    /// A regex (macros as `{NAME}`), for rules whose code reads one.
    #[serde(default)]
    pub pattern: Option<String>,
    /// Texts the rule must and must not find mentions in.
    #[serde(default)]
    pub examples: examples::Examples<E>,
}

/// Of rules whose logic is in code, only those the code compiles may hold
/// a pattern: elsewhere it would be read by nothing.
pub(crate) fn patterns_only_in<E>(
    rules: &[PlainRule<E>],
    read: &[&str],
    c: &Checker,
) -> Result<(), RuleError> {
    for (i, rule) in rules.iter().enumerate() {
        if rule.pattern.is_some() && !read.contains(&rule.id.as_str()) {
            let which = match read {
                [] => "none of this file's rules".to_string(),
                ids => format!("only {}", ids.join(", ")),
            };
            return Err(c.error(
                &[Step::from("rules"), Step::from(i), Step::from("pattern")],
                format!(
                    "rule `{}`: its logic is in code, which reads no pattern for it \
                     (patterns are read for {which})",
                    rule.id
                ),
            ));
        }
    }
    Ok(())
}

/// The rules whose pattern the code compiles by id must be there, each
/// with a pattern.
pub(crate) fn required_patterns<'a>(
    rules: impl Iterator<Item = (&'a str, bool)>,
    ids: &[&str],
    c: &Checker,
) -> Result<(), RuleError> {
    let have: Vec<(&str, bool)> = rules.collect();
    for id in ids {
        match have.iter().position(|(h, _)| h == id) {
            None => {
                return Err(c.error(
                    &[Step::from("rules")],
                    format!("rule `{id}` is missing: the code reads its pattern"),
                ));
            }
            Some(i) if !have[i].1 => {
                return Err(c.error(
                    &[Step::from("rules"), Step::from(i), Step::from("id")],
                    format!("rule `{id}` needs a `pattern`: the code reads it"),
                ));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

impl<E: examples::ExampleDef> RuleDef for PlainRule<E> {
    fn id(&self) -> &str {
        &self.id
    }
    fn example_keys(&self) -> Vec<(Option<&str>, Option<&str>)> {
        self.examples.keys()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSources;

    /// Load `path` with its first `from` replaced; the result and the text.
    fn load_changed(path: &str, from: &str, to: &str) -> (Result<RuleFile, RuleError>, String) {
        let mut sources = RuleSources::embedded();
        let original = sources.text(path).unwrap().to_string();
        assert!(original.contains(from), "{from:?}");
        let changed = original.replacen(from, to, 1);
        sources.set(path, &changed);
        (sources.json(path), changed)
    }

    fn line_of(text: &str, needle: &str) -> usize {
        text[..text.find(needle).unwrap()].matches('\n').count() + 1
    }

    fn load_error(path: &str, from: &str, to: &str, at: &str) -> RuleError {
        let (result, changed) = load_changed(path, from, to);
        let e = result.expect_err("the change must be refused");
        assert_eq!(e.file, path);
        assert_eq!(e.line, line_of(&changed, at), "{e}");
        e
    }

    #[test]
    fn ref_dates_are_iso() {
        assert!(is_iso_date("2020-06-19"));
        assert!(!is_iso_date("19/6/2020"));
    }

    #[test]
    fn typos_anywhere_are_load_errors_at_their_line() {
        let e = load_error(
            "persons.json",
            "\"blockers\":",
            "\"blocker\":",
            "\"blocker\"",
        );
        assert!(e.message.contains("did you mean `blockers`"), "{e}");
        let e = load_error("dates.json", "\"guards\": [", "\"gaurds\": [", "\"gaurds\"");
        assert!(e.message.contains("did you mean `guards`"), "{e}");
        let e = load_error(
            "units.json",
            "\"value\": \"Vingroup\",",
            "\"vaule\": \"Vingroup\",",
            "\"vaule\"",
        );
        assert!(e.message.contains("unknown field `vaule`"), "{e}");
        let e = load_error(
            "resolutions.json",
            "\"fills\": \"date\"",
            "\"fills\": \"dates\"",
            "\"fills\": \"dates\"",
        );
        assert!(e.message.contains("unknown variant `dates`"), "{e}");
    }

    #[test]
    fn names_and_patterns_are_checked_at_their_line() {
        let e = load_error(
            "units.json",
            "\"rule\": \"unit.head_name\"",
            "\"rule\": \"unit.head_nam\"",
            "\"unit.head_nam\"",
        );
        assert!(e.message.contains("names rule `unit.head_nam`"), "{e}");
        let e = load_error(
            "dates.json",
            "\"default_guards\": [\n      \"code\"",
            "\"default_guards\": [\n      \"cod\"",
            "\"default_guards\"",
        );
        assert!(e.message.contains("unknown guard `cod`"), "{e}");
        let e = load_error(
            "dates.json",
            "\"before\": \"(?:[0-9][ \\\\t]*",
            "\"before\": \"(?:[0-9][ \\\\t*",
            "\"before\": \"(?:[0-9][ \\\\t*",
        );
        assert!(
            e.message
                .contains("`settings.guards.code.before`: bad pattern"),
            "{e}"
        );
        let e = load_error(
            "titles.json",
            "\"type\": \"title\"",
            "\"type\": \"unit\"",
            "\"type\"",
        );
        assert!(e.message.contains("must be `title`"), "{e}");
    }

    #[test]
    fn typed_settings_and_lists_are_what_the_files_say() {
        let sources = RuleSources::embedded();
        let dates = sources.load::<Dates>().unwrap();
        assert_eq!(dates.settings.month_names.get("chạp"), Some(&12));
        assert_eq!(dates.rules.len(), dates.file.rules.len());
        let units = sources.load::<Units>().unwrap();
        assert!(
            units
                .settings
                .numbered_categories
                .contains(&crate::rules::lists::UnitCategory::Police)
        );
        let res = sources.load::<Resolutions>().unwrap();
        assert!(
            res.rules
                .iter()
                .any(|r| r.fills == Some(resolutions::Slot::Date))
        );
        // Typed rows hold what the untyped table holds, folded alike.
        let table = sources.csv("lexicon/abbreviations.csv").unwrap();
        let rows: Vec<crate::rules::lists::Abbreviation> = sources.word_list().unwrap();
        assert_eq!(rows.len(), table.rows.len());
        for (row, cells) in rows.iter().zip(&table.rows) {
            assert_eq!((&row.abbr, &row.expansion), (&cells[0], &cells[1]));
        }
    }
}
