//! Runs every example of every rule file: each `match` example must give a
//! mention of the file's type with the expected span and fields; each
//! `no_match` example must give none (or not the named span).

use serde_json::Value;
use vnextract::model::{Article, EntityType, Fields, OutEntity};
use vnextract::{Engine, Options, RuleSources};

fn field(e: &OutEntity, key: &str) -> Value {
    let v = serde_json::to_value(e).unwrap();
    v.get(key).cloned().unwrap_or(Value::Null)
}

fn fields_match(e: &OutEntity, expected: &serde_json::Map<String, Value>) -> bool {
    expected.iter().all(|(k, want)| {
        let got = field(e, k);
        match (&got, want) {
            // Unit and person names compare as the scorer does: case-insensitively.
            (Value::String(g), Value::String(w)) => g.to_lowercase() == w.to_lowercase(),
            _ => &got == want,
        }
    })
}

fn describe(a: &Article, t: EntityType) -> String {
    a.entities
        .iter()
        .filter(|e| e.etype == t)
        .map(|e| serde_json::to_string(e).unwrap())
        .collect::<Vec<_>>()
        .join("\n    ")
}

#[test]
fn every_rule_example_holds() {
    let sources = RuleSources::embedded();
    let engine = Engine::new(&sources, Options::default()).expect("rules compile");
    // Rules marked `"relative": true` only run with --relative-dates.
    let relative_options = Options {
        relative_dates: true,
        ..Options::default()
    };
    let relative_engine = Engine::new(&sources, relative_options).expect("rules compile");
    let mut failures = Vec::new();
    let mut checked = 0;
    let paths: Vec<String> = sources
        .paths()
        .filter(|p| p.ends_with(".json"))
        .map(String::from)
        .collect();
    for path in paths {
        let file = sources.json(&path).unwrap();
        let Some(etype) = EntityType::parse(&file.etype) else {
            continue;
        };
        for rule in &file.rules {
            let relative = rule.fields.get("relative") == Some(&Value::Bool(true));
            let engine = if relative { &relative_engine } else { &engine };
            for ex in &rule.examples.must_match {
                checked += 1;
                let a = engine.extract_text(&ex.text, ex.ref_date.as_deref());
                let span = ex.span.as_deref().unwrap_or(&ex.text);
                let ok = a
                    .entities
                    .iter()
                    .any(|e| e.etype == etype && e.text == span && fields_match(e, &ex.fields));
                if !ok {
                    failures.push(format!(
                        "{path} rule {}: in {:?} expected {} {:?} {:?}; found:\n    {}",
                        rule.id,
                        ex.text,
                        file.etype,
                        span,
                        ex.fields,
                        describe(&a, etype)
                    ));
                }
            }
            for ex in &rule.examples.must_not_match {
                checked += 1;
                let a = engine.extract_text(ex.text(), None);
                let bad: Vec<&OutEntity> = a
                    .entities
                    .iter()
                    .filter(|e| e.etype == etype && ex.span().is_none_or(|s| e.text == s))
                    .collect();
                if !bad.is_empty() {
                    failures.push(format!(
                        "{path} rule {}: in {:?} expected no {} {:?}; found:\n    {}",
                        rule.id,
                        ex.text(),
                        file.etype,
                        ex.span().unwrap_or("at all"),
                        describe(&a, etype)
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} rule examples failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_examples() {
    let sources = RuleSources::embedded();
    for path in sources.paths().filter(|p| p.ends_with(".json")) {
        let file = sources.json(path).unwrap();
        for rule in &file.rules {
            assert!(
                !rule.examples.must_match.is_empty(),
                "{path}: rule {} has no `match` example",
                rule.id
            );
        }
    }
}

#[test]
fn fields_of_untyped_entities_serialise_to_nothing() {
    // Persons and units carry no type-specific fields in the contract.
    let v = serde_json::to_value(Fields::Person {}).unwrap();
    assert_eq!(v, serde_json::json!({}));
}
