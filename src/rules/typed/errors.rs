//! serde's errors as rule errors: at the line of the key, with the path
//! to it, and a suggestion for a misspelled name.

use crate::rules::RuleError;
use crate::rules::lines::{LineMap, Step, show_path};

/// Turn a serde error into a rule error at the right line, with a
/// suggestion for a misspelled key.
pub(crate) fn serde_error(
    path: &str,
    lines: &LineMap,
    e: serde_path_to_error::Error<serde_json::Error>,
) -> RuleError {
    let steps: Vec<Step> = e
        .path()
        .iter()
        .map_while(|s| match s {
            serde_path_to_error::Segment::Seq { index } => Some(Step::Index(*index)),
            serde_path_to_error::Segment::Map { key } => Some(Step::Key(key.clone())),
            serde_path_to_error::Segment::Enum { .. } => None,
            serde_path_to_error::Segment::Unknown => None,
        })
        .collect();
    let inner = e.inner();
    let line = if inner.line() > 0 {
        inner.line()
    } else {
        lines.line(&steps)
    };
    let message = explain(&strip_position(&inner.to_string()));
    let message = match steps.is_empty() {
        true => message,
        false => format!("`{}`: {message}", show_path(&steps)),
    };
    RuleError {
        file: path.to_string(),
        line,
        message,
    }
}

/// serde_json ends its messages with `at line L column C`; the rule error
/// names the line itself.
fn strip_position(m: &str) -> String {
    match m.rfind(" at line ") {
        Some(i) => m[..i].to_string(),
        None => m.to_string(),
    }
}

/// `unknown field `blocker`, expected one of `a`, `blockers`, ...` becomes
/// `unknown field `blocker` (did you mean `blockers`?)`; the full list is
/// kept when nothing is close.
pub(crate) fn explain(message: &str) -> String {
    if message.contains("untagged enum NoMatchDef") {
        return "a `no_match` example is a text, or {\"text\": ..., \"span\": ...}".into();
    }
    for what in ["unknown field", "unknown variant"] {
        let Some(rest) = message.strip_prefix(what) else {
            continue;
        };
        let names: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
        let Some((given, expected)) = names.split_first() else {
            continue;
        };
        if let Some(best) = closest(given, expected) {
            return format!("{what} `{given}` (did you mean `{best}`?)");
        }
    }
    message.to_string()
}

/// The expected name closest to `given`, when it is a likely misspelling.
fn closest<'a>(given: &str, expected: &[&'a str]) -> Option<&'a str> {
    expected
        .iter()
        .map(|e| (edit_distance(given, e), *e))
        .filter(|(d, e)| *d <= 2.max(e.chars().count() / 4))
        .min()
        .map(|(_, e)| e)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_get_a_suggestion() {
        let m =
            "unknown field `blocker`, expected one of `address_forms`, `blockers`, `tomb_words`";
        assert_eq!(
            explain(m),
            "unknown field `blocker` (did you mean `blockers`?)"
        );
        let far = "unknown field `zzz`, expected one of `address_forms`, `blockers`";
        assert_eq!(explain(far), far);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
