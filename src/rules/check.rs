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

use super::lines::Step;
use super::{Example, NoMatch, Rule, RuleError, RuleFile, RuleSources};
use crate::model::{EntityType, OutEntity};
use serde_json::{Map, Value};
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

fn expected_rule<'a>(rule: &'a Rule, ex: &'a Example) -> &'a str {
    ex.rule.as_deref().unwrap_or(&rule.id)
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

/// What is wrong with a `match` example, if anything.
fn match_problem(
    etype: EntityType,
    rule: &Rule,
    ex: &Example,
    found: &[OutEntity],
) -> Option<String> {
    let span = ex.span.as_deref().unwrap_or(&ex.text);
    let want_rule = expected_rule(rule, ex);
    let same_span: Vec<&OutEntity> = found
        .iter()
        .filter(|e| e.etype == etype && e.text == span)
        .collect();
    let with_fields: Vec<&&OutEntity> = same_span
        .iter()
        .filter(|e| fields_match(e, &ex.fields))
        .collect();
    if with_fields.iter().any(|e| e.rule == want_rule) {
        return None;
    }
    let expected = format!(
        "expected {} {span:?}{} from rule `{want_rule}`",
        etype.as_str(),
        show_fields(&ex.fields)
    );
    if let Some(other) = with_fields.first() {
        return Some(format!(
            "{expected}, but rule `{}` reports it: list the example under that rule, or name it with \"rule\": \"{}\" if it belongs here on purpose",
            other.rule, other.rule
        ));
    }
    let of_type: Vec<String> = found
        .iter()
        .filter(|e| e.etype == etype)
        .map(describe)
        .collect();
    let found = match of_type.is_empty() {
        true => format!("no {} at all", etype.as_str()),
        false => of_type.join("; "),
    };
    Some(format!("{expected}; found {found}"))
}

/// What is wrong with a `no_match` example, if anything.
fn no_match_problem(etype: EntityType, ex: &NoMatch, found: &[OutEntity]) -> Option<String> {
    let bad: Vec<String> = found
        .iter()
        .filter(|e| e.etype == etype && ex.span().is_none_or(|s| e.text == s))
        .map(describe)
        .collect();
    if bad.is_empty() {
        return None;
    }
    Some(format!(
        "expected no {} {}; found {}",
        etype.as_str(),
        ex.span().map_or("at all".to_string(), |s| format!("{s:?}")),
        bad.join("; ")
    ))
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

/// The expected fields hold for the mention. Unit and person names compare
/// as the scorer does: case-insensitively.
fn fields_match(e: &OutEntity, expected: &Map<String, Value>) -> bool {
    let got = serde_json::to_value(e).unwrap_or(Value::Null);
    expected.iter().all(|(k, want)| {
        let have = got.get(k).unwrap_or(&Value::Null);
        match (have, want) {
            (Value::String(h), Value::String(w)) => h.to_lowercase() == w.to_lowercase(),
            _ => have == want,
        }
    })
}

fn show_fields(fields: &Map<String, Value>) -> String {
    match fields.is_empty() {
        true => String::new(),
        false => format!(" with {}", Value::Object(fields.clone())),
    }
}

/// A found mention, briefly: `"19/6" (rule date.day_month) {"value": ...}`.
fn describe(e: &OutEntity) -> String {
    let mut v = serde_json::to_value(e).unwrap_or(Value::Null);
    if let Some(o) = v.as_object_mut() {
        for k in ["type", "text", "start", "end", "sentence", "rule"] {
            o.remove(k);
        }
    }
    format!("{:?} (rule {}) {v}", e.text, e.rule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Fields;

    fn unit(text: &str, rule: &str) -> OutEntity {
        OutEntity {
            etype: EntityType::Unit,
            text: text.into(),
            start: 0,
            end: text.chars().count(),
            sentence: 0,
            value: Some(text.into()),
            fields: Fields::Unit {},
            rule: rule.into(),
        }
    }

    fn rule_with(id: &str, ex: Value) -> (Rule, Example) {
        let rule: Rule = serde_json::from_value(serde_json::json!({"id": id})).unwrap();
        (rule, serde_json::from_value(ex).unwrap())
    }

    #[test]
    fn an_example_must_come_from_its_rule() {
        let (rule, ex) = rule_with(
            "unit.head_name",
            serde_json::json!({"text": "Bộ Y tế họp.", "span": "Bộ Y tế"}),
        );
        let found = [unit("Bộ Y tế", "unit.standalone")];
        let p = match_problem(EntityType::Unit, &rule, &ex, &found).unwrap();
        assert!(p.contains("rule `unit.standalone` reports it"), "{p}");
        let found = [unit("Bộ Y tế", "unit.head_name")];
        assert_eq!(match_problem(EntityType::Unit, &rule, &ex, &found), None);
    }

    #[test]
    fn a_named_rule_is_the_one_expected() {
        let (rule, ex) = rule_with(
            "unit.level",
            serde_json::json!({"text": "x", "span": "Bộ Y tế", "rule": "unit.standalone"}),
        );
        assert_eq!(expected_rule(&rule, &ex), "unit.standalone");
        let found = [unit("Bộ Y tế", "unit.standalone")];
        assert_eq!(match_problem(EntityType::Unit, &rule, &ex, &found), None);
    }

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

    #[test]
    fn fields_compare_like_the_scorer() {
        let e = unit("UBND tỉnh", "unit.level");
        let want = serde_json::json!({"value": "ubnd TỈNH"});
        assert!(fields_match(&e, want.as_object().unwrap()));
        let want = serde_json::json!({"value": null});
        assert!(!fields_match(&e, want.as_object().unwrap()));
    }
}
