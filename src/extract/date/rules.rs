//! `rules/dates.json` compiled: each rule's regex with the capture groups
//! it names, and the settings the rules share (month names, context
//! guards, relative words).
//!
//! Group names are the whole interface between the data and the code:
//! `d`, `m`, `y`, `q` read a point; `d2`, `m2`, `y2`, `q2` the end of a
//! range; `span` marks the mention inside a match that also holds context
//! words; `yrel` a relative year (`năm nay`); `rel` and `wd` a relative
//! reference and its weekday. A prefix `a_`, `b_`, `c_` on any of these
//! names another mention of the same match (`28` in `ngày 28 và 29/10`).
//! A group `each` holds a list of any length: the rule's `each` field is
//! the pattern of one item, and every item is a mention of its own
//! (`các ngày 5, 6, 7 và 8/8`).

use super::relative::{Relative, Unit};
use crate::rules::{RuleError, RuleFile};
use regex::{Regex, RegexSet};
use serde_json::Value;
use std::collections::HashMap;

/// Prefixes of the mentions a single match may hold; `""` is the main one.
pub const MENTION_PREFIXES: [&str; 4] = ["", "a_", "b_", "c_"];

/// Capture group indices of one mention.
#[derive(Debug, Clone, Default)]
pub struct MentionGroups {
    pub span: Option<usize>,
    pub d: Option<usize>,
    pub m: Option<usize>,
    pub y: Option<usize>,
    pub q: Option<usize>,
    pub d2: Option<usize>,
    pub m2: Option<usize>,
    pub y2: Option<usize>,
    pub q2: Option<usize>,
    pub yrel: Option<usize>,
    pub rel: Option<usize>,
    pub wd: Option<usize>,
}

impl MentionGroups {
    fn of(re: &Regex, prefix: &str) -> MentionGroups {
        let idx = |name: &str| {
            let full = format!("{prefix}{name}");
            re.capture_names().position(|n| n == Some(full.as_str()))
        };
        MentionGroups {
            span: idx("span"),
            d: idx("d"),
            m: idx("m"),
            y: idx("y"),
            q: idx("q"),
            d2: idx("d2"),
            m2: idx("m2"),
            y2: idx("y2"),
            q2: idx("q2"),
            yrel: idx("yrel"),
            rel: idx("rel"),
            wd: idx("wd"),
        }
    }

    fn is_used(&self) -> bool {
        [
            self.span, self.d, self.m, self.y, self.q, self.d2, self.m2, self.y2, self.q2,
            self.yrel, self.rel, self.wd,
        ]
        .iter()
        .any(Option::is_some)
    }
}

/// Words that must not stand right before or right after a mention.
#[derive(Debug, Clone)]
pub struct Guard {
    pub name: String,
    /// When set, the guard only looks at mentions whose text matches
    /// (`những năm 1990` is a decade, `những năm 2016` is not said).
    pub span: Option<Regex>,
    /// Matched against the working text just before the mention (`$`-anchored).
    pub before: Option<Regex>,
    /// Matched against the working text just after the mention (`^`-anchored).
    pub after: Option<Regex>,
    /// When this matches the text before, the guard lets the mention pass
    /// (`ngày 1/3 số ca mắc`: after `ngày`, `1/3` is a date, not a fraction).
    pub unless_before: Option<Regex>,
    /// When this matches the text after, the guard lets the mention pass
    /// (`2021 lần lượt`: `lần` counts, `lần lượt` means "respectively").
    pub unless_after: Option<Regex>,
}

impl Guard {
    /// Whether the guard refuses a mention with this text and context.
    pub fn refuses(&self, span: &str, before: &str, after: &str) -> bool {
        if self.span.as_ref().is_some_and(|r| !r.is_match(span)) {
            return false;
        }
        let hit = self.before.as_ref().is_some_and(|r| r.is_match(before))
            || self.after.as_ref().is_some_and(|r| r.is_match(after));
        let excused = |r: &Option<Regex>, text: &str| r.as_ref().is_some_and(|r| r.is_match(text));
        hit && !excused(&self.unless_before, before) && !excused(&self.unless_after, after)
    }
}

/// A list read item by item: every match of `item` inside the `each` group
/// of a rule is a mention of its own, taking the parts it lacks from the
/// main mention (`ngày 5, 6, 7 và 8/8`, `các năm 2014, 2015, 2016 và 2017`).
#[derive(Debug, Clone)]
pub struct EachItem {
    /// Index of the `each` group in the rule's regex.
    pub group: usize,
    pub item: Regex,
    pub groups: MentionGroups,
}

/// A mention whose text matches `span` is a date only when `before` matches
/// the text before it, or `after` the text after it (`24/7` alone means
/// "all the time"; `1/3` before a noun is a fraction).
#[derive(Debug, Clone)]
pub struct KeywordNeed {
    pub span: Regex,
    pub before: Regex,
    pub after: Option<Regex>,
}

#[derive(Debug, Clone)]
pub struct DateRule {
    pub id: String,
    pub re: Regex,
    /// Match the working text as written instead of its lower-cased copy.
    pub case_sensitive: bool,
    /// `lunar` for dates of the lunar calendar (reported with value null).
    pub calendar: Option<&'static str>,
    /// Only with `--relative-dates`.
    pub relative: bool,
    /// Indices into `Settings::guards`.
    pub guards: Vec<usize>,
    /// Longest range, in years, the rule accepts (bare `2004-2010`).
    pub max_span_years: Option<i32>,
    /// Mention group layouts, main mention first.
    pub mentions: Vec<MentionGroups>,
    /// Items of a list of any length.
    pub each: Option<EachItem>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub month_names: HashMap<String, u32>,
    pub quarter_names: HashMap<String, u32>,
    pub weekdays: HashMap<String, u32>,
    pub relative: HashMap<String, Relative>,
    pub guards: Vec<Guard>,
    pub keyword_needs: Vec<KeywordNeed>,
    /// How many months after the article a yearless date may fall.
    pub future_months: u32,
    /// Bytes of context the guards look at on each side.
    pub guard_window: usize,
}

/// Lower-case and single-space a word for table look-ups.
pub fn table_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn number_table(file: &RuleFile, key: &str) -> Result<HashMap<String, u32>, RuleError> {
    let Some(obj) = file.settings.get(key) else {
        return Ok(HashMap::new());
    };
    let obj = obj.as_object().ok_or_else(|| {
        file.error(
            0,
            format!("setting `{key}` must be an object of word: number"),
        )
    })?;
    obj.iter()
        .map(|(k, v)| {
            let n = v.as_u64().ok_or_else(|| {
                file.error(0, format!("setting `{key}`: `{k}` must map to a number"))
            })?;
            Ok((table_key(&crate::text::fold_str(k)), n as u32))
        })
        .collect()
}

fn relative_table(file: &RuleFile) -> Result<HashMap<String, Relative>, RuleError> {
    let mut out = HashMap::new();
    let Some(obj) = file.settings.get("relative").and_then(Value::as_object) else {
        return Ok(out);
    };
    for (k, v) in obj {
        let bad = || {
            file.error(
                0,
                format!(
                    "setting `relative`: `{k}` must be [\"day|week|month|quarter|year\", offset]"
                ),
            )
        };
        let arr = v.as_array().ok_or_else(bad)?;
        let unit = arr
            .first()
            .and_then(Value::as_str)
            .and_then(Unit::parse)
            .ok_or_else(bad)?;
        let offset = arr.get(1).and_then(Value::as_i64).ok_or_else(bad)? as i32;
        out.insert(
            table_key(&crate::text::fold_str(k)),
            Relative { unit, offset },
        );
    }
    Ok(out)
}

fn compile_pattern(file: &RuleFile, what: &str, raw: &str) -> Result<Regex, RuleError> {
    let expanded = file
        .expand(raw)
        .map_err(|m| file.error(0, format!("{what}: {m}")))?;
    Regex::new(&expanded).map_err(|e| file.error(0, format!("{what}: bad pattern: {e}")))
}

fn guards(file: &RuleFile) -> Result<Vec<Guard>, RuleError> {
    let mut out = Vec::new();
    let Some(obj) = file.settings.get("guards").and_then(Value::as_object) else {
        return Ok(out);
    };
    for (name, g) in obj {
        let pattern = |side: &str| -> Result<Option<Regex>, RuleError> {
            match g.get(side).and_then(Value::as_str) {
                None => Ok(None),
                Some(raw) => {
                    compile_pattern(file, &format!("guard `{name}` {side}"), raw).map(Some)
                }
            }
        };
        out.push(Guard {
            name: name.clone(),
            before: pattern("before")?,
            after: pattern("after")?,
            unless_before: pattern("unless_before")?,
            unless_after: pattern("unless_after")?,
            span: pattern("span")?,
        });
    }
    Ok(out)
}

fn keyword_needs(file: &RuleFile) -> Result<Vec<KeywordNeed>, RuleError> {
    let Some(arr) = file.settings.get("needs_keyword").and_then(Value::as_array) else {
        return Ok(Vec::new());
    };
    arr.iter()
        .map(|v| {
            let get = |k: &str| {
                v.get(k).and_then(Value::as_str).ok_or_else(|| {
                    file.error(
                        0,
                        format!("setting `needs_keyword`: each entry needs `{k}`"),
                    )
                })
            };
            Ok(KeywordNeed {
                span: compile_pattern(file, "needs_keyword span", get("span")?)?,
                before: compile_pattern(file, "needs_keyword before", get("before")?)?,
                after: match v.get("after").and_then(Value::as_str) {
                    Some(raw) => Some(compile_pattern(file, "needs_keyword after", raw)?),
                    None => None,
                },
            })
        })
        .collect()
}

impl Settings {
    pub fn load(file: &RuleFile) -> Result<Settings, RuleError> {
        let int = |k: &str, default: u64| {
            file.settings
                .get(k)
                .and_then(Value::as_u64)
                .unwrap_or(default)
        };
        Ok(Settings {
            month_names: number_table(file, "month_names")?,
            quarter_names: number_table(file, "quarter_names")?,
            weekdays: number_table(file, "weekdays")?,
            relative: relative_table(file)?,
            guards: guards(file)?,
            keyword_needs: keyword_needs(file)?,
            future_months: int("future_months", 6) as u32,
            guard_window: int("guard_window", 60) as usize,
        })
    }

    fn guard_indices(
        &self,
        file: &RuleFile,
        names: &[String],
        line: usize,
        id: &str,
    ) -> Result<Vec<usize>, RuleError> {
        names
            .iter()
            .map(|n| {
                self.guards
                    .iter()
                    .position(|g| &g.name == n)
                    .ok_or_else(|| file.error(line, format!("rule `{id}`: unknown guard `{n}`")))
            })
            .collect()
    }
}

/// Lazy-DFA cache of the union and set regexes: large enough that their
/// many states are not rebuilt over and over.
const DFA_CACHE: usize = 32 << 20;

/// One regex matching wherever any of the rules could match (named groups
/// dropped, case-sensitive rules folded to the lower-cased text): a single
/// pass over the article finds the few places the rules must look at.
pub fn union_of(file: &RuleFile, rules: &[&crate::rules::Rule]) -> Result<Regex, RuleError> {
    let parts = plain_patterns(file, rules)?;
    regex::RegexBuilder::new(&parts.join("|"))
        .dfa_size_limit(DFA_CACHE)
        .build()
        .map_err(|e| file.error(0, format!("union of the date rules: {e}")))
}

/// The same patterns as a set, to learn which rules can match in a place.
pub fn set_of(file: &RuleFile, rules: &[&crate::rules::Rule]) -> Result<RegexSet, RuleError> {
    let parts = plain_patterns(file, rules)?;
    regex::RegexSetBuilder::new(&parts)
        .dfa_size_limit(DFA_CACHE)
        .build()
        .map_err(|e| file.error(0, format!("set of the date rules: {e}")))
}

/// Each rule's pattern expanded, without named groups, case-insensitive.
fn plain_patterns(
    file: &RuleFile,
    rules: &[&crate::rules::Rule],
) -> Result<Vec<String>, RuleError> {
    let named = Regex::new(r"\(\?P<[A-Za-z_0-9]+>").expect("static pattern");
    let mut parts = Vec::new();
    for rule in rules {
        let raw = rule.pattern.as_deref().unwrap_or("");
        let expanded = file
            .expand(raw)
            .map_err(|m| file.error(rule.line, format!("rule `{}`: {m}", rule.id)))?;
        let plain = named.replace_all(&expanded, "(?:");
        parts.push(format!("(?i:{plain})"));
    }
    if parts.is_empty() {
        parts.push("[^\\s\\S]".to_string());
    }
    Ok(parts)
}

/// Compile every rule of the file, in file order (earlier rules win ties).
pub fn compile_rules(file: &RuleFile, settings: &Settings) -> Result<Vec<DateRule>, RuleError> {
    let default_guards = file.setting_list("default_guards");
    let mut out = Vec::new();
    for rule in &file.rules {
        let re = file.compile(rule)?;
        let field_bool = |k: &str| rule.fields.get(k).and_then(Value::as_bool).unwrap_or(false);
        let guard_names: Vec<String> = match rule.fields.get("guards").and_then(Value::as_array) {
            Some(a) => a
                .iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect(),
            None => default_guards.clone(),
        };
        let calendar = match rule.str_field("calendar") {
            None | Some("gregorian") => None,
            Some("lunar") => Some("lunar"),
            Some(other) => {
                return Err(file.error(
                    rule.line,
                    format!("rule `{}`: unknown calendar `{other}`", rule.id),
                ));
            }
        };
        let mentions: Vec<MentionGroups> = MENTION_PREFIXES
            .iter()
            .map(|p| MentionGroups::of(&re, p))
            .enumerate()
            .filter(|(i, g)| *i == 0 || g.is_used())
            .map(|(_, g)| g)
            .collect();
        let each = each_item(file, rule, &re)?;
        out.push(DateRule {
            each,
            id: rule.id.clone(),
            case_sensitive: field_bool("case_sensitive"),
            relative: field_bool("relative"),
            calendar,
            guards: settings.guard_indices(file, &guard_names, rule.line, &rule.id)?,
            max_span_years: rule
                .fields
                .get("max_span_years")
                .and_then(Value::as_i64)
                .map(|n| n as i32),
            mentions,
            re,
        });
    }
    Ok(out)
}

/// The `each` field of a rule: the pattern of one list item, read inside
/// the rule's `each` group. Both must be there, or neither.
fn each_item(
    file: &RuleFile,
    rule: &crate::rules::Rule,
    re: &Regex,
) -> Result<Option<EachItem>, RuleError> {
    let group = re.capture_names().position(|n| n == Some("each"));
    match (group, rule.str_field("each")) {
        (None, None) => Ok(None),
        (Some(group), Some(raw)) => {
            let expanded = file
                .expand(raw)
                .map_err(|m| file.error(rule.line, format!("rule `{}` each: {m}", rule.id)))?;
            let item = Regex::new(&crate::text::fold_str(&expanded)).map_err(|e| {
                file.error(
                    rule.line,
                    format!("rule `{}` each: bad pattern: {e}", rule.id),
                )
            })?;
            let groups = MentionGroups::of(&item, "");
            Ok(Some(EachItem {
                group,
                item,
                groups,
            }))
        }
        _ => Err(file.error(
            rule.line,
            format!(
                "rule `{}`: an `each` group needs an `each` item pattern, and the reverse",
                rule.id
            ),
        )),
    }
}
