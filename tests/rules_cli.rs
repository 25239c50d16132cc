//! `vnextract rules check` and `rules export`, run as the real binary on
//! override folders that change one rule file each.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vnextract"))
        .args(args)
        .output()
        .expect("binary runs")
}

/// A built-in rule file's text, as the repository has it.
fn builtin(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("rules")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    text[..at].matches('\n').count() + 1
}

/// Replace exactly one occurrence of `from`.
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
    text.replacen(from, to, 1)
}

/// A folder holding one rule file, at its path under `rules/`.
fn override_with(path: &str, content: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(path);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, content).unwrap();
    dir
}

fn check_with(dir: &Path) -> (Option<i32>, String) {
    let o = run(&["rules", "check", "--rules", dir.to_str().unwrap()]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.code(), text)
}

#[test]
fn a_misspelled_setting_is_a_load_error_at_its_line() {
    let original = builtin("persons.json");
    let changed = replace_once(&original, "\"blockers\":", "\"blocker\":");
    let line = line_of(&changed, "\"blocker\":");
    let dir = override_with("persons.json", &changed);
    let (code, out) = check_with(dir.path());
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains(&format!("rules/persons.json:{line}:")),
        "{out}"
    );
    assert!(
        out.contains("unknown field `blocker` (did you mean `blockers`?)"),
        "{out}"
    );
    // The engine loads rules the same way: `extract` refuses them too.
    let o = run(&["stream", "--rules", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains(&format!("rules/persons.json:{line}:")));
}

#[test]
fn an_unknown_category_in_a_word_list_is_a_load_error_at_its_line() {
    let original = builtin("lexicon/unit_heads.csv");
    let changed = replace_once(&original, "\nQuốc hội,state,", "\nQuốc hội,stat,");
    let line = line_of(&changed, "Quốc hội,stat,");
    let dir = override_with("lexicon/unit_heads.csv", &changed);
    let (code, out) = check_with(dir.path());
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains(&format!("rules/lexicon/unit_heads.csv:{line}:")),
        "{out}"
    );
    assert!(
        out.contains("column `category`: unknown value `stat`"),
        "{out}"
    );
}

#[test]
fn a_bad_regex_is_a_load_error_naming_its_rule() {
    let original = builtin("dates.json");
    let doc: serde_json::Value = serde_json::from_str(&original).unwrap();
    let pattern = doc["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "date.quarter_year")
        .unwrap()["pattern"]
        .as_str()
        .unwrap();
    // The pattern as it is written in the file (JSON-escaped), with one
    // more opening bracket than closing.
    let written = serde_json::to_string(pattern).unwrap();
    let broken = format!("\"(?P<oops>{}", &written[1..]);
    let changed = replace_once(&original, &written, &broken);
    let line = line_of(&changed, "\"id\": \"date.quarter_year\"");
    let dir = override_with("dates.json", &changed);
    let (code, out) = check_with(dir.path());
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains(&format!("rules/dates.json:{line}:")), "{out}");
    assert!(
        out.contains("rule `date.quarter_year`: bad pattern"),
        "{out}"
    );
}

#[test]
fn an_example_produced_by_another_rule_fails_the_check() {
    let original = builtin("units.json");
    // A `Quốc hội` example (rule unit.standalone) listed under unit.level.
    let level_example = "\"text\": \"Vụ việc đã được báo lên Công an huyện để xử lý.\"";
    let changed = replace_once(
        &original,
        level_example,
        &format!(
            "\"text\": \"Kỳ họp của Quốc hội khai mạc hôm nay.\", \"span\": \"Quốc hội\"}}, {{{level_example}"
        ),
    );
    let line = line_of(&changed, "Kỳ họp của Quốc hội");
    let dir = override_with("units.json", &changed);
    let (code, out) = check_with(dir.path());
    assert_eq!(code, Some(1), "{out}");
    let failure = out
        .lines()
        .find(|l| l.contains("Kỳ họp của Quốc hội"))
        .unwrap_or_else(|| panic!("no failure for the example:\n{out}"));
    assert!(
        failure.starts_with(&format!("rules/units.json:{line}: rule `unit.level`")),
        "{failure}"
    );
    assert!(
        failure.contains("rule `unit.standalone` reports it"),
        "{failure}"
    );
    assert!(out.contains("1 failure"), "{out}");
}

#[test]
fn exported_rules_pass_the_check_and_are_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("my-rules");
    let o = run(&["rules", "export", target.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        std::fs::read_to_string(target.join("lexicon/titles.csv")).unwrap(),
        builtin("lexicon/titles.csv")
    );
    let (code, out) = check_with(&target);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.trim_end().ends_with("all pass"), "{out}");
    assert_eq!(out.trim().lines().count(), 1, "one summary line: {out}");

    // A second export would overwrite the analyst's edits: refused.
    std::fs::write(target.join("segmentation.json"), "edited").unwrap();
    let o = run(&["rules", "export", target.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(target.join("segmentation.json")).unwrap(),
        "edited"
    );
    let o = run(&["rules", "export", "--force", target.to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(
        std::fs::read_to_string(target.join("segmentation.json")).unwrap(),
        builtin("segmentation.json")
    );
}

#[test]
fn a_stray_file_in_a_rules_folder_is_refused() {
    let dir = override_with("date.json", "{}");
    let (code, out) = check_with(dir.path());
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("rules/date.json: not a rule file"), "{out}");
}
