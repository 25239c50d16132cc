//! `rules/resolutions.json`: the kinds of cited documents, the word lists
//! that end names, issuers and subjects, and the rules: patterns tried at
//! the end of a kind word (a number, a name) and slot patterns that fill
//! the fields of a citation.

use super::examples::{Examples, ResolutionExample};
use super::{Checker, RuleDef, RuleKind, required_patterns, setting};
use crate::rules::RuleError;
use crate::rules::lines::Step;
use serde::Deserialize;

/// The rules whose pattern the resolution extractor compiles.
const PATTERN_RULES: [&str; 11] = [
    "resolution.numbered",
    "resolution.short",
    "resolution.list",
    "resolution.numbered_late",
    "resolution.named_law",
    "resolution.named_congress",
    "resolution.named_year",
    "resolution.slot.date",
    "resolution.slot.issuer",
    "resolution.slot.subject",
    "resolution.slot.quoted",
];

/// The kind of `rules/resolutions.json`.
#[derive(Debug, Clone, Copy)]
pub struct Resolutions;

impl RuleKind for Resolutions {
    const PATH: &'static str = "resolutions.json";
    const TYPE: &'static str = "resolution";
    type Settings = ResolutionSettings;
    type Rule = ResolutionRule;

    fn validate(
        s: &ResolutionSettings,
        rules: &[ResolutionRule],
        c: &Checker,
    ) -> Result<(), RuleError> {
        c.pattern(&setting(&[Step::from("date_text")]), &s.date_text)?;
        c.pattern(&setting(&[Step::from("issuer_term")]), &s.issuer_term)?;
        let with_pattern = rules.iter().map(|r| (r.id.as_str(), r.pattern.is_some()));
        required_patterns(with_pattern, &PATTERN_RULES, c)?;
        for (i, rule) in rules.iter().enumerate() {
            if rule.fills.is_some() && rule.pattern.is_none() {
                return Err(c.error(
                    &[Step::from("rules"), Step::from(i), Step::from("fills")],
                    format!(
                        "rule `{}`: a rule that fills a field needs a pattern",
                        rule.id
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// `settings` of `resolutions.json`. Words are matched case-insensitively,
/// as whole words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolutionSettings {
    /// The kind words a citation starts with, and how each may go on.
    pub kinds: Vec<Kind>,
    /// Kind abbreviations that open the suffix of a document number (`QĐ`
    /// of `940/QĐ-UBND`): the agency part after them is the issuer code.
    pub kind_abbreviations: Vec<String>,
    /// Words after a bare short number that make it a count, not a
    /// document number (`kế hoạch 5 năm`).
    pub not_after_bare_number: Vec<String>,
    /// Words that, in the same sentence, make `Đề án 941` a weapon design
    /// (a translated `project`), not a document.
    pub project_context_words: Vec<String>,
    /// Words that may not stand between a kind word and a late number
    /// (rule `resolution.numbered_late`).
    pub late_number_stop_words: Vec<String>,
    /// Names of laws, read after `Luật` whatever their case (`an ninh
    /// mạng`).
    pub law_names: Vec<String>,
    /// Words that, right after `Luật`, make another word of it (`luật
    /// sư`, `luật chơi`): no law.
    pub law_name_not_first: Vec<String>,
    /// Words that end a document's name read as capitalised words
    /// (`Luật Đất đai và ...`).
    pub name_stop_words: Vec<String>,
    /// Words that end an issuer read as plain words (`về`, `điều`).
    pub issuer_stop_words: Vec<String>,
    /// Words that end a subject.
    pub subject_stop_words: Vec<String>,
    /// Words that, after a comma, end a subject (`theo`, `trong đó`).
    pub subject_comma_stop_words: Vec<String>,
    /// Pattern of a date written after `ngày` that the date extractor did
    /// not report: the date slot skips over it (date null) so the issuer
    /// and subject after it are still read.
    pub date_text: String,
    /// Longest subject, in words.
    #[serde(default = "default_subject_max_words")]
    pub subject_max_words: usize,
    /// Longest issuer read as plain words, in words.
    #[serde(default = "default_issuer_max_words")]
    pub issuer_max_words: usize,
    /// Longest document name, in words.
    #[serde(default = "default_name_max_words")]
    pub name_max_words: usize,
    /// Words joining two capitalised parts of an issuer written out (`Bộ
    /// Tài nguyên và Môi trường`); right before a kind word, one starts the
    /// next citation (`Nghị quyết 18 và Nghị quyết 19`).
    pub joiners: Vec<String>,
    /// Pattern of a term written after an issuer (` khóa XII` of `Bộ Chính
    /// trị khóa XII`), read as part of the issuer; tried right at the
    /// issuer's end.
    pub issuer_term: String,
    /// Short words written with a dot before a name that does not end the
    /// phrase, as written (`Tp.` of `UBND Tp. Hà Nội`); short all-capital
    /// words (`TP.`, `Q.`) never end it either.
    pub dotted_abbreviations: Vec<String>,
}

fn default_subject_max_words() -> usize {
    45
}

fn default_issuer_max_words() -> usize {
    10
}

fn default_name_max_words() -> usize {
    8
}

/// One row of `settings.kinds`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    /// The kind word as found in text, any case (`nghị quyết`).
    pub form: String,
    /// The canonical kind reported (`Nghị quyết`).
    pub kind: String,
    /// A short number may follow without `số` (`Nghị định 142`).
    #[serde(default)]
    pub bare_number: bool,
    /// A short number of two or more characters may follow without `số`
    /// when the kind word is capitalised (`Kết luận 24`, not `kế hoạch 5
    /// năm`).
    #[serde(default)]
    pub capitalised_bare_number: bool,
    /// Whether the kind may be followed by a name instead of a number.
    #[serde(default)]
    pub named: Named,
    /// Words that, right before the kind word, make it part of another
    /// word (`pháp luật`, `kỷ luật`).
    #[serde(default)]
    pub not_after: Vec<String>,
}

/// How a kind word may be followed by a name instead of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Named {
    /// No name: only numbered citations (the default).
    #[default]
    None,
    /// `Luật An ninh mạng`, `Bộ luật Hình sự 2015`.
    Law,
    /// `Nghị quyết Đại hội XIII`, `Nghị quyết Trung ương 4 (khóa XII)`.
    Congress,
    /// `Hiến pháp năm 2013`.
    Year,
}

/// The field of a citation a slot rule fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Slot {
    Date,
    Issuer,
    Subject,
}

impl Slot {
    pub fn field(self) -> &'static str {
        match self {
            Slot::Date => "date",
            Slot::Issuer => "issuer",
            Slot::Subject => "subject",
        }
    }
}

/// One rule of `resolutions.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolutionRule {
    /// Reported in the `rule` column of every citation the rule finds.
    pub id: String,
    /// What the rule finds, for people who edit the rules.
    #[serde(default)]
    pub description: String,
    /// The regex, tried right after a kind word (or after a citation, for
    /// slots).
    #[serde(default)]
    pub pattern: Option<String>,
    /// Texts the rule must and must not find citations in.
    #[serde(default)]
    pub examples: Examples<ResolutionExample>,
    /// For a slot rule: the field of citations (found by other rules) it
    /// fills. Such a rule reports no mention of its own, so its examples
    /// name the rule that finds the citation, and `rules check` makes sure
    /// they fail without the slot's pattern.
    #[serde(default)]
    pub fills: Option<Slot>,
}

impl RuleDef for ResolutionRule {
    fn id(&self) -> &str {
        &self.id
    }
    fn example_keys(&self) -> Vec<(Option<&str>, Option<&str>)> {
        self.examples.keys()
    }
}
