//! What a rule example expects, and whether the mentions the engine found
//! give it: the comparisons behind `rules check` ([`super::check`]).

use super::{Example, NoMatch, Rule};
use crate::model::{EntityType, OutEntity};
use serde_json::{Map, Value};

/// The rule that must report an example's mention: the one it names, or
/// the one it is listed under.
pub fn expected_rule<'a>(rule: &'a Rule, ex: &'a Example) -> &'a str {
    ex.rule.as_deref().unwrap_or(&rule.id)
}

/// What is wrong with a `match` example, if anything.
pub fn match_problem(
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
pub fn no_match_problem(etype: EntityType, ex: &NoMatch, found: &[OutEntity]) -> Option<String> {
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

    #[test]
    fn fields_compare_like_the_scorer() {
        let e = unit("UBND tỉnh", "unit.level");
        let want = serde_json::json!({"value": "ubnd TỈNH"});
        assert!(fields_match(&e, want.as_object().unwrap()));
        let want = serde_json::json!({"value": null});
        assert!(!fields_match(&e, want.as_object().unwrap()));
    }
}
