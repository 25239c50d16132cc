//! Loading `rules/resolutions.json`: the kinds table, the compiled rule
//! patterns and the word lists that end names, issuers and subjects.

use crate::extract::lexicon::WordList;
use crate::rules::{RuleError, RuleFile};
use crate::text::fold_str;
use crate::text::{ListSetBuilder, Listed};
use regex::Regex;
use serde_json::Value;

/// How a kind word may be followed by a name instead of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// No name: only numbered citations.
    None,
    /// `Luật An ninh mạng`, `Bộ luật Hình sự 2015`.
    Law,
    /// `Nghị quyết Đại hội XIII`, `Nghị quyết Trung ương 4 (khóa XII)`.
    Congress,
    /// `Hiến pháp năm 2013`.
    Year,
}

/// One row of `settings.kinds`.
#[derive(Debug, Clone)]
pub struct KindRow {
    /// The canonical kind (`Nghị quyết`).
    pub kind: String,
    /// Whether a short number may follow without `số` (`Nghị định 142`).
    pub bare_number: bool,
    /// Whether a short number of two or more characters may follow
    /// without `số` when the kind word is capitalised (`Kết luận 24`,
    /// `Đề án 896`, but not `kế hoạch 5 năm`).
    pub capitalised_bare_number: bool,
    pub named: Named,
    /// Words that, right before the kind word, make it part of another
    /// word (`pháp luật`, `kỷ luật`).
    pub not_after: Vec<String>,
}

/// The compiled rule patterns, by role.
pub struct Patterns {
    pub numbered: Regex,
    pub short: Regex,
    pub list: Regex,
    pub numbered_late: Regex,
    pub named_law: Regex,
    pub named_congress: Regex,
    pub named_year: Regex,
    pub slot_date: Regex,
    pub slot_issuer: Regex,
    pub slot_subject: Regex,
    pub slot_quoted: Regex,
    /// A date written after `ngày`, skipped when no date mention is there.
    pub date_text: Regex,
}

/// Word lists from the settings, lower-cased and tone-folded like the text.
pub struct Words {
    pub not_after_bare_number: Listed,
    /// Words that, in the same sentence, make `Đề án 941` a weapon
    /// design (a translated Russian `project`), not a document.
    pub project_context: Listed,
    /// Words that may not stand between a kind word and a late number.
    pub late_number_stops: Listed,
    pub law_names: Listed,
    pub law_name_not_first: Listed,
    pub name_stops: Listed,
    pub issuer_stops: Listed,
    pub subject_stops: Listed,
    pub subject_comma_stops: Listed,
    pub subject_max_words: usize,
    pub issuer_max_words: usize,
    pub name_max_words: usize,
}

pub fn kinds(file: &RuleFile) -> Result<Vec<KindRow>, RuleError> {
    let rows = file
        .settings
        .get("kinds")
        .and_then(Value::as_array)
        .ok_or_else(|| file.error(0, "missing setting `kinds` (a list of objects)".into()))?;
    rows.iter().map(|row| kind_row(file, row)).collect()
}

fn kind_row(file: &RuleFile, row: &Value) -> Result<KindRow, RuleError> {
    let text = |key: &str| row.get(key).and_then(Value::as_str);
    let kind = text("kind")
        .ok_or_else(|| file.error(0, format!("a row of `kinds` has no `kind`: {row}")))?;
    let named = match text("named") {
        None => Named::None,
        Some("law") => Named::Law,
        Some("congress") => Named::Congress,
        Some("year") => Named::Year,
        Some(other) => return Err(file.error(0, format!("kind `{kind}`: unknown `named` {other}"))),
    };
    let not_after = row
        .get("not_after")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(fold_lower).collect())
        .unwrap_or_default();
    Ok(KindRow {
        kind: kind.to_string(),
        bare_number: row
            .get("bare_number")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        capitalised_bare_number: row
            .get("capitalised_bare_number")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        named,
        not_after,
    })
}

/// The word forms of the kinds table, in table order (one per row).
pub fn kind_forms(file: &RuleFile) -> Vec<String> {
    file.settings
        .get("kinds")
        .and_then(Value::as_array)
        .map(|rows| {
            rows.iter()
                .map(|r| fold_lower(r.get("form").and_then(Value::as_str).unwrap_or("")))
                .collect()
        })
        .unwrap_or_default()
}

pub fn patterns(file: &RuleFile) -> Result<Patterns, RuleError> {
    let get = |id: &str| -> Result<Regex, RuleError> { file.compile_rule(id) };
    Ok(Patterns {
        numbered: get("resolution.numbered")?,
        short: get("resolution.short")?,
        list: get("resolution.list")?,
        numbered_late: get("resolution.numbered_late")?,
        named_law: get("resolution.named_law")?,
        named_congress: get("resolution.named_congress")?,
        named_year: get("resolution.named_year")?,
        slot_date: get("resolution.slot.date")?,
        slot_issuer: get("resolution.slot.issuer")?,
        slot_subject: get("resolution.slot.subject")?,
        slot_quoted: get("resolution.slot.quoted")?,
        date_text: file.compile_setting("date_text")?,
    })
}

pub fn words(file: &RuleFile, lists: &mut ListSetBuilder) -> Words {
    let mut list = |key: &str| {
        let words = WordList::new(file.setting_list(key).iter().map(|w| fold_lower(w)));
        Listed::new(words, lists)
    };
    let number = |key: &str, default: usize| {
        file.settings
            .get(key)
            .and_then(Value::as_u64)
            .map_or(default, |n| n as usize)
    };
    Words {
        not_after_bare_number: list("not_after_bare_number"),
        project_context: list("project_context_words"),
        late_number_stops: list("late_number_stop_words"),
        law_names: list("law_names"),
        law_name_not_first: list("law_name_not_first"),
        name_stops: list("name_stop_words"),
        issuer_stops: list("issuer_stop_words"),
        subject_stops: list("subject_stop_words"),
        subject_comma_stops: list("subject_comma_stop_words"),
        subject_max_words: number("subject_max_words", 45),
        issuer_max_words: number("issuer_max_words", 10),
        name_max_words: number("name_max_words", 8),
    }
}

/// Lower-case and fold tone marks the way the working text is.
pub fn fold_lower(s: &str) -> String {
    crate::extract::lexicon::lowercase(&fold_str(s.trim()))
}
