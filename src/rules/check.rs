//! `vnextract rules check`: every example of every rule file, run through
//! the whole engine.
//!
//! - A `match` example must give a mention of the file's type with its
//!   span and fields, reported by the rule it is listed under (the
//!   mention's `rule`), or by the rule its `rule` key names.
//! - A `no_match` example must give no mention of the file's type (or not
//!   the span it names).
//! - Every rule must have a `match` example of its own: one it reports
//!   itself, so that a rule that stopped working cannot pass on examples
//!   other rules produce. A slot rule (`fills`), which reports no mention,
//!   must instead have examples that fail when its pattern is taken away.
//! - Every mention met along the way must come from a rule some file
//!   defines.
//!
//! The engine is reached through [`ExampleRunner`], so that this module
//! depends on rule files only; `crate::check` plugs the engine in.

use super::expect::{expected_rule, match_problem, no_match_problem};
use super::lines::Step;
use super::{Rule, RuleError, RuleFile, RuleSources};
use crate::model::{EntityType, OutEntity};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The whole engine, as the checks see it.
pub trait ExampleRunner {
    /// The mentions found in `text` read as an article of `ref_date`.
    fn mentions(&self, text: &str, ref_date: Option<&str>) -> Vec<OutEntity>;
}

/// Builds an engine from rule files; `relative` turns relative dates on.
pub type Build<'a> = dyn Fn(&RuleSources, bool) -> Result<Box<dyn ExampleRunner>, RuleError> + 'a;

/// One failed check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub file: String,
    pub line: usize,
    pub rule: String,
    /// The example's text (empty for checks of a whole rule).
    pub text: String,
    pub problem: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rules/{}:{}: rule `{}`", self.file, self.line, self.rule)?;
        if !self.text.is_empty() {
            write!(f, ": in {:?}", self.text)?;
        }
        write!(f, ": {}", self.problem)
    }
}

/// What `rules check` found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub files: usize,
    pub rules: usize,
    pub examples: usize,
    pub failures: Vec<Failure>,
}

impl Report {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }

    /// One line: what was checked and how it went.
    pub fn summary(&self) -> String {
        let outcome = match self.failures.len() {
            0 => "all pass".to_string(),
            1 => "1 failure".to_string(),
            n => format!("{n} failures"),
        };
        format!(
            "rules check: {} files, {} rules, {} examples: {outcome}",
            self.files, self.rules, self.examples
        )
    }
}

/// Load every rule file (the first problem is returned as an error), then
/// run every check; failures are collected in the report.
pub fn check(sources: &RuleSources, build: &Build) -> Result<Report, RuleError> {
    let files = load_all(sources)?;
    let engine = build(sources, false)?;
    let relative_engine = build(sources, true)?;
    let mut report = Report {
        files: sources.paths().count(),
        ..Report::default()
    };
    let defined: BTreeMap<EntityType, (&RuleFile, BTreeSet<&str>)> = files
        .iter()
        .filter_map(|f| {
            let t = EntityType::parse(&f.etype)?;
            Some((t, (f, f.rules.iter().map(|r| r.id.as_str()).collect())))
        })
        .collect();
    let mut seen_rules: BTreeSet<(EntityType, String)> = BTreeSet::new();
    for file in &files {
        let Some(etype) = EntityType::parse(&file.etype) else {
            continue;
        };
        for (i, rule) in file.rules.iter().enumerate() {
            report.rules += 1;
            let runner = match is_relative(rule) {
                true => &relative_engine,
                false => &engine,
            };
            let mut own = false;
            for (j, ex) in rule.examples.must_match.iter().enumerate() {
                report.examples += 1;
                own |= expected_rule(rule, ex) == rule.id;
                let found = runner.mentions(&ex.text, ex.ref_date.as_deref());
                seen_rules.extend(found.iter().map(|e| (e.etype, e.rule.clone())));
                if let Some(problem) = match_problem(etype, rule, ex, &found) {
                    let at = example_path(i, "match", j);
                    report
                        .failures
                        .push(failure(file, &at, rule, &ex.text, problem));
                }
            }
            for (j, ex) in rule.examples.must_not_match.iter().enumerate() {
                report.examples += 1;
                let found = runner.mentions(ex.text(), None);
                seen_rules.extend(found.iter().map(|e| (e.etype, e.rule.clone())));
                if let Some(problem) = no_match_problem(etype, ex, &found) {
                    let at = example_path(i, "no_match", j);
                    report
                        .failures
                        .push(failure(file, &at, rule, ex.text(), problem));
                }
            }
            let at = [Step::from("rules"), Step::from(i), Step::from("id")];
            if let Some(slot) = rule.str_field("fills") {
                if let Some(problem) = slot_problem(sources, build, file, i, slot)? {
                    report.failures.push(failure(file, &at, rule, "", problem));
                }
            } else if !own {
                let problem = "no `match` example of its own: give it one that it reports itself \
                               (examples with a `rule` key do not count)";
                report
                    .failures
                    .push(failure(file, &at, rule, "", problem.into()));
            }
        }
    }
    for (etype, id) in seen_rules {
        if let Some((file, ids)) = defined.get(&etype)
            && !ids.contains(id.as_str())
        {
            report.failures.push(Failure {
                file: file.path.clone(),
                line: file.lines.line(&[Step::from("rules")]),
                rule: id,
                text: String::new(),
                problem: format!(
                    "the engine reports {} mentions from this rule, but no rule of this file has that id",
                    etype.as_str()
                ),
            });
        }
    }
    Ok(report)
}

/// Every file parsed and checked against its typed shape, every pattern
/// compiled: problems here are load errors.
fn load_all(sources: &RuleSources) -> Result<Vec<RuleFile>, RuleError> {
    let mut files = Vec::new();
    for path in sources.paths() {
        if path.ends_with(".csv") {
            sources.csv(path)?;
            continue;
        }
        let file = sources.json(path)?;
        for rule in file.rules.iter().filter(|r| r.pattern.is_some()) {
            file.compile(rule)?;
        }
        files.push(file);
    }
    Ok(files)
}

fn is_relative(rule: &Rule) -> bool {
    rule.fields.get("relative") == Some(&Value::Bool(true))
}

/// Where an example's text is (a `no_match` example may be the text).
fn example_path(rule: usize, kind: &str, j: usize) -> Vec<Step> {
    vec![
        Step::from("rules"),
        Step::from(rule),
        Step::from("examples"),
        Step::from(kind),
        Step::from(j),
        Step::from("text"),
    ]
}

fn failure(file: &RuleFile, at: &[Step], rule: &Rule, text: &str, problem: String) -> Failure {
    Failure {
        file: file.path.clone(),
        line: file.lines.line(at),
        rule: rule.id.clone(),
        text: text.to_string(),
        problem,
    }
}

/// A slot rule fills a field of citations other rules find: with its
/// pattern taken away, at least one of its examples must fail, or none of
/// them shows what it does.
fn slot_problem(
    sources: &RuleSources,
    build: &Build,
    file: &RuleFile,
    index: usize,
    slot: &str,
) -> Result<Option<String>, RuleError> {
    let rule = &file.rules[index];
    if rule.examples.must_match.is_empty() {
        return Ok(Some(format!(
            "fills `{slot}` but has no `match` example that shows it"
        )));
    }
    let mut without = sources.clone();
    without.set(&file.path, &without_pattern(sources, file, index)?);
    let engine = build(&without, is_relative(rule))?;
    let etype = EntityType::parse(&file.etype);
    let still_pass = rule.examples.must_match.iter().all(|ex| {
        let found = engine.mentions(&ex.text, ex.ref_date.as_deref());
        etype.is_some_and(|t| match_problem(t, rule, ex, &found).is_none())
    });
    Ok(still_pass.then(|| {
        format!(
            "its examples pass without its pattern too: none shows the `{slot}` it fills \
             (add one whose `{slot}` only this rule finds)"
        )
    }))
}

/// The file's text with the pattern of rule `index` made unable to match
/// (its named groups kept, so the code that reads them still runs).
fn without_pattern(
    sources: &RuleSources,
    file: &RuleFile,
    index: usize,
) -> Result<String, RuleError> {
    let raw = sources.text(&file.path).unwrap_or_default();
    let mut doc: Value = serde_json::from_str(raw)
        .map_err(|e| file.error(e.line(), format!("not a valid rule file: {e}")))?;
    let pattern = doc
        .pointer_mut(&format!("/rules/{index}/pattern"))
        .ok_or_else(|| file.error(file.rules[index].line, "a slot rule needs a pattern".into()))?;
    let original = pattern.as_str().unwrap_or_default().to_string();
    *pattern = Value::String(format!("[^\\s\\S](?:{original})"));
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Fields;

    /// An engine that answers from a function of the rule files and the text.
    type Answer = Box<dyn Fn(&str) -> Vec<OutEntity>>;
    struct Fake(Answer);

    impl ExampleRunner for Fake {
        fn mentions(&self, text: &str, _: Option<&str>) -> Vec<OutEntity> {
            (self.0)(text)
        }
    }

    fn citation(text: &str, rule: &str, subject: Option<&str>) -> OutEntity {
        OutEntity {
            etype: EntityType::Resolution,
            text: text.into(),
            start: 0,
            end: text.chars().count(),
            sentence: 0,
            value: None,
            fields: Fields::Resolution {
                kind: "Đề án".into(),
                date: None,
                issuer: None,
                issuer_code: None,
                subject: subject.map(String::from),
            },
            rule: rule.into(),
        }
    }

    const FIXTURE: &str = "test-resolutions.json";

    /// A resolutions file with a numbered rule (with this example) and a
    /// subject slot.
    fn resolutions(numbered_example: Value) -> RuleSources {
        let file = serde_json::json!({
            "type": "resolution",
            "rules": [
                {"id": "resolution.numbered", "pattern": "n",
                 "examples": {"match": [numbered_example]}},
                {"id": "resolution.slot.subject", "fills": "subject", "pattern": "s",
                 "examples": {"match": [{"text": "Đề án số 1 về X", "span": "Đề án số 1",
                                         "rule": "resolution.numbered", "subject": "X"}]}}
            ]
        });
        // Not at the path of the real file: its typed shape would ask for
        // every rule the resolution extractor reads.
        RuleSources::from_files([(FIXTURE, file.to_string())])
    }

    /// Check with a fake engine that finds `Đề án số 1`, with subject `X`
    /// when `fills_subject` says so for the rule files it was built from.
    fn check_fake(fills_subject: fn(bool) -> bool) -> Report {
        let build = move |s: &RuleSources, _: bool| -> Result<Box<dyn ExampleRunner>, RuleError> {
            let ablated = s.text(FIXTURE).unwrap().contains(r"[^\\s\\S]");
            let subject = fills_subject(ablated).then_some("X");
            Ok(Box::new(Fake(Box::new(move |text| {
                let has_subject = text.contains("về");
                vec![citation(
                    "Đề án số 1",
                    "resolution.numbered",
                    subject.filter(|_| has_subject),
                )]
            }))))
        };
        let example = serde_json::json!({"text": "Đề án số 1"});
        check(&resolutions(example), &build).unwrap()
    }

    #[test]
    fn a_slot_rule_must_matter_to_its_examples() {
        let report = check_fake(|ablated| !ablated);
        assert!(report.passed(), "{:?}", report.failures);
        assert_eq!((report.rules, report.examples), (2, 2));
        // The subject is there even without the slot's pattern: its
        // example shows nothing of what the slot does.
        let report = check_fake(|_| true);
        assert_eq!(report.failures.len(), 1, "{:?}", report.failures);
        let f = &report.failures[0];
        assert_eq!(f.rule, "resolution.slot.subject");
        assert!(f.problem.contains("pass without its pattern"), "{f}");
    }

    #[test]
    fn a_rule_needs_an_example_of_its_own_and_a_definition() {
        // Its only example names another rule.
        let example = serde_json::json!({"text": "Đề án số 1", "rule": "resolution.slot.subject"});
        let sources = resolutions(example);
        let build = |_: &RuleSources, _: bool| -> Result<Box<dyn ExampleRunner>, RuleError> {
            Ok(Box::new(Fake(Box::new(|_| {
                vec![citation("Đề án số 1", "resolution.undefined", None)]
            }))))
        };
        let report = check(&sources, &build).unwrap();
        let problems: Vec<String> = report.failures.iter().map(ToString::to_string).collect();
        let has = |s: &str| problems.iter().any(|p| p.contains(s));
        assert!(
            has("rule `resolution.numbered`: no `match` example of its own"),
            "{problems:?}"
        );
        assert!(
            has("rule `resolution.undefined`: the engine reports resolution mentions"),
            "{problems:?}"
        );
    }
}
