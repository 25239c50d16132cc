//! `rules/dates.json`: settings shared by the date rules, and the fields a
//! date rule may carry besides its pattern.

use super::examples::{DateExample, Examples};
use super::{Checker, RuleDef, RuleKind, setting};
use crate::rules::RuleError;
use crate::rules::lines::Step;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The kind of `rules/dates.json`.
#[derive(Debug, Clone, Copy)]
pub struct Dates;

impl RuleKind for Dates {
    const PATH: &'static str = "dates.json";
    const TYPE: &'static str = "date";
    type Settings = DateSettings;
    type Rule = DateRule;

    fn validate(s: &DateSettings, rules: &[DateRule], c: &Checker) -> Result<(), RuleError> {
        s.check(c)?;
        for (i, rule) in rules.iter().enumerate() {
            let names = rule.guards.as_deref().unwrap_or(&[]);
            let at = [Step::from("rules"), Step::from(i), Step::from("guards")];
            s.known_guards(names, &at, c, &rule.id)?;
            if let Some(each) = &rule.each {
                c.pattern(
                    &[Step::from("rules"), Step::from(i), Step::from("each")],
                    each,
                )?;
            }
        }
        Ok(())
    }
}

/// `settings` of `dates.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateSettings {
    /// How many months after the article date a date written without a
    /// year may fall; later ones are given the year before.
    #[serde(default = "default_future_months")]
    pub future_months: u32,
    /// Bytes of text on each side of a mention that the guards look at.
    #[serde(default = "default_guard_window")]
    pub guard_window: usize,
    /// Words without which, and without a digit, no rule can match (`tháng`
    /// of `tháng giêng`, `rằm`, `tết`): the rules are only tried near a
    /// digit or one of these words. A rule that needs another word must
    /// have it added here (the rule examples check it).
    #[serde(default)]
    pub anchor_words: Vec<String>,
    /// Month words (`giêng`, `chạp`, `mười một`) and their month, 1 to 12.
    pub month_names: BTreeMap<String, u32>,
    /// Quarter numerals (`i` to `iv`) and their quarter, 1 to 4.
    pub quarter_names: BTreeMap<String, u32>,
    /// Weekday words (`thứ hai`, `chủ nhật`) and their ISO number, 1
    /// (Monday) to 7 (Sunday).
    pub weekdays: BTreeMap<String, u32>,
    /// Relative references (`hôm qua`, `tuần trước`) and what they mean:
    /// `[unit, offset]`, e.g. `["day", -1]`. Read only with
    /// `--relative-dates`.
    pub relative: BTreeMap<String, (RelativeUnit, i32)>,
    /// Guards applied to rules that name none of their own.
    pub default_guards: Vec<String>,
    /// Context guards by name: words that must not stand right before or
    /// after a mention (`64/2017/TT-BCA`, `2-3 ngày`). Rules list the ones
    /// they use in `guards`.
    pub guards: BTreeMap<String, Guard>,
    /// Mentions that are dates only next to a time word (`24/7`, `1/3`).
    pub needs_keyword: Vec<KeywordNeed>,
}

fn default_future_months() -> u32 {
    6
}

fn default_guard_window() -> usize {
    60
}

/// The unit of a relative reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelativeUnit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// A context guard. Patterns are regexes (macros as `{NAME}`) matched
/// against the working text as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guard {
    /// What the guard keeps out, for people who edit the rules.
    #[serde(default)]
    pub description: String,
    /// When set, the guard only looks at mentions whose text matches.
    #[serde(default)]
    pub span: Option<String>,
    /// Refuses the mention when the text just before it matches
    /// (`$`-anchored by the pattern).
    #[serde(default)]
    pub before: Option<String>,
    /// Refuses the mention when the text just after it matches
    /// (`^`-anchored by the pattern).
    #[serde(default)]
    pub after: Option<String>,
    /// Lets the mention pass when the text before it matches.
    #[serde(default)]
    pub unless_before: Option<String>,
    /// Lets the mention pass when the text after it matches.
    #[serde(default)]
    pub unless_after: Option<String>,
}

/// A mention whose text matches `span` is a date only when `before`
/// matches the text before it, or `after` the text after it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeywordNeed {
    /// What the entry is for, for people who edit the rules.
    #[serde(default)]
    pub description: String,
    /// The mentions concerned.
    pub span: String,
    /// Text before the mention that makes it a date.
    pub before: String,
    /// Text after the mention that makes it a date.
    #[serde(default)]
    pub after: Option<String>,
}

/// The calendar of a rule's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    #[default]
    Gregorian,
    /// Reported with `calendar: lunar` and value null.
    Lunar,
}

/// One rule of `dates.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateRule {
    /// Reported in the `rule` column of every mention the rule makes.
    pub id: String,
    /// What the rule finds, for people who edit the rules.
    #[serde(default)]
    pub description: String,
    /// The regex, matched against the lower-cased working text unless
    /// `case_sensitive`; its named groups say what it read (see the file's
    /// description).
    pub pattern: String,
    /// Texts the rule must and must not find dates in.
    #[serde(default)]
    pub examples: Examples<DateExample>,
    /// The calendar of the dates the rule reads (default `gregorian`).
    #[serde(default)]
    pub calendar: Calendar,
    /// Match the working text as written instead of its lower-cased copy.
    #[serde(default)]
    pub case_sensitive: bool,
    /// The pattern of one item of the rule's `each` group: every item of
    /// the list is a mention of its own.
    #[serde(default)]
    pub each: Option<String>,
    /// Names of the guards of `settings.guards` the rule uses (default:
    /// `settings.default_guards`).
    #[serde(default)]
    pub guards: Option<Vec<String>>,
    /// The longest range, in years, the rule accepts (`2004-2010`).
    #[serde(default)]
    pub max_span_years: Option<i32>,
    /// A relative reference (`hôm qua`): only with `--relative-dates`.
    #[serde(default)]
    pub relative: bool,
}

impl RuleDef for DateRule {
    fn id(&self) -> &str {
        &self.id
    }
    fn example_keys(&self) -> Vec<(Option<&str>, Option<&str>)> {
        self.examples.keys()
    }
}

impl DateSettings {
    fn check(&self, c: &Checker) -> Result<(), RuleError> {
        let tables = [
            ("month_names", &self.month_names, 12),
            ("quarter_names", &self.quarter_names, 4),
            ("weekdays", &self.weekdays, 7),
        ];
        for (key, table, max) in tables {
            for (word, &n) in table {
                if !(1..=max).contains(&n) {
                    return Err(c.error(
                        &setting(&[Step::from(key), Step::from(word.as_str())]),
                        format!("setting `{key}`: `{word}` must map to 1 to {max}, not {n}"),
                    ));
                }
            }
        }
        for (name, g) in &self.guards {
            let sides = [
                ("span", &g.span),
                ("before", &g.before),
                ("after", &g.after),
                ("unless_before", &g.unless_before),
                ("unless_after", &g.unless_after),
            ];
            for (side, raw) in sides {
                if let Some(raw) = raw {
                    let at = [
                        Step::from("guards"),
                        Step::from(name.as_str()),
                        Step::from(side),
                    ];
                    c.pattern(&setting(&at), raw)?;
                }
            }
        }
        for (i, need) in self.needs_keyword.iter().enumerate() {
            let at =
                |k: &str| setting(&[Step::from("needs_keyword"), Step::from(i), Step::from(k)]);
            c.pattern(&at("span"), &need.span)?;
            c.pattern(&at("before"), &need.before)?;
            if let Some(after) = &need.after {
                c.pattern(&at("after"), after)?;
            }
        }
        self.known_guards(
            &self.default_guards,
            &setting(&[Step::from("default_guards")]),
            c,
            "",
        )
    }

    fn known_guards(
        &self,
        names: &[String],
        at: &[Step],
        c: &Checker,
        rule: &str,
    ) -> Result<(), RuleError> {
        match names.iter().find(|n| !self.guards.contains_key(*n)) {
            None => Ok(()),
            Some(n) => {
                let whose = match rule {
                    "" => String::new(),
                    id => format!("rule `{id}`: "),
                };
                Err(c.error(
                    at,
                    format!(
                        "{whose}unknown guard `{n}` (settings.guards has: {})",
                        self.guards.keys().cloned().collect::<Vec<_>>().join(", ")
                    ),
                ))
            }
        }
    }
}
