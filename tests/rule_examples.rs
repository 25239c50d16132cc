//! Runs `rules check` on the built-in rules, through the library: every
//! example of every rule file through the whole engine, each `match`
//! example reported by the rule it belongs to, every rule with an example
//! of its own (see `vnextract::rules::check`).

use vnextract::RuleSources;
use vnextract::model::Fields;

#[test]
fn every_rule_example_holds() {
    let report = vnextract::check::check_rules(&RuleSources::embedded()).expect("rules load");
    let failures: Vec<String> = report.failures.iter().map(ToString::to_string).collect();
    assert!(
        report.passed(),
        "{}\n{}",
        failures.join("\n"),
        report.summary()
    );
    // Every rule file is checked, and the examples are not a handful.
    assert_eq!(report.files, RuleSources::embedded().paths().count());
    assert!(
        report.rules >= 80 && report.examples >= 450,
        "{}",
        report.summary()
    );
}

#[test]
fn fields_of_untyped_entities_serialise_to_nothing() {
    // Persons and units carry no type-specific fields in the contract.
    let v = serde_json::to_value(Fields::Person {}).unwrap();
    assert_eq!(v, serde_json::json!({}));
}
