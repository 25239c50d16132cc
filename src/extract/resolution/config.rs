//! Loading `rules/resolutions.json`: the kinds table, the compiled rule
//! patterns and the word lists that end names, issuers and subjects.

use crate::extract::lexicon::WordList;
use crate::rules::typed::resolutions::ResolutionSettings;
use crate::rules::{RuleError, RuleFile};
use crate::text::fold_str;
use crate::text::{ListSetBuilder, Listed, OnDemand};
use regex::Regex;

pub use crate::rules::typed::resolutions::Named;

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
    /// A term after an issuer (` khóa XII`), anchored at the issuer's end.
    pub issuer_term: Regex,
}

/// Word lists from the settings, lower-cased and tone-folded like the text.
pub struct Words {
    pub not_after_bare_number: OnDemand,
    /// Words that, in the same sentence, make `Đề án 941` a weapon
    /// design (a translated Russian `project`), not a document.
    pub project_context: OnDemand,
    /// Words that may not stand between a kind word and a late number.
    pub late_number_stops: OnDemand,
    pub law_names: OnDemand,
    pub law_name_not_first: OnDemand,
    pub name_stops: OnDemand,
    pub issuer_stops: OnDemand,
    pub subject_stops: OnDemand,
    pub subject_comma_stops: OnDemand,
    pub subject_max_words: usize,
    pub issuer_max_words: usize,
    pub name_max_words: usize,
    /// Words joining two parts of an issuer's name, or two citations (`và`).
    pub joiners: Listed,
    /// Short words written with a dot that does not end a phrase (`Tp.`),
    /// as written.
    pub dotted_abbreviations: Vec<String>,
}

/// The rows of `settings.kinds`, their `not_after` words folded like the
/// text.
pub fn kinds(s: &ResolutionSettings) -> Vec<KindRow> {
    s.kinds
        .iter()
        .map(|k| KindRow {
            kind: k.kind.clone(),
            bare_number: k.bare_number,
            capitalised_bare_number: k.capitalised_bare_number,
            named: k.named,
            not_after: k.not_after.iter().map(|w| fold_lower(w)).collect(),
        })
        .collect()
}

/// The word forms of the kinds table, in table order (one per row).
pub fn kind_forms(s: &ResolutionSettings) -> Vec<String> {
    s.kinds.iter().map(|k| fold_lower(&k.form)).collect()
}

pub fn patterns(file: &RuleFile, s: &ResolutionSettings) -> Result<Patterns, RuleError> {
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
        date_text: file.compile_setting("date_text", &s.date_text)?,
        issuer_term: file.compile_setting("issuer_term", &format!("^(?:{})", s.issuer_term))?,
    })
}

pub fn words(s: &ResolutionSettings, lists: &mut ListSetBuilder) -> Words {
    let mut list = |words: &[String]| {
        let words = WordList::new(words.iter().map(|w| fold_lower(w)));
        Listed::new(words, lists)
    };
    let on_demand = |words: &[String]| OnDemand(WordList::new(words.iter().map(|w| fold_lower(w))));
    Words {
        not_after_bare_number: on_demand(&s.not_after_bare_number),
        project_context: on_demand(&s.project_context_words),
        late_number_stops: on_demand(&s.late_number_stop_words),
        law_names: on_demand(&s.law_names),
        law_name_not_first: on_demand(&s.law_name_not_first),
        name_stops: on_demand(&s.name_stop_words),
        issuer_stops: on_demand(&s.issuer_stop_words),
        subject_stops: on_demand(&s.subject_stop_words),
        subject_comma_stops: on_demand(&s.subject_comma_stop_words),
        subject_max_words: s.subject_max_words,
        issuer_max_words: s.issuer_max_words,
        name_max_words: s.name_max_words,
        joiners: list(&s.joiners),
        dotted_abbreviations: s.dotted_abbreviations.clone(),
    }
}

/// Lower-case and fold tone marks the way the working text is.
pub fn fold_lower(s: &str) -> String {
    crate::extract::lexicon::lowercase(&fold_str(s.trim()))
}
