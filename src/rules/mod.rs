//! Rules as data: JSON pattern files and CSV word lists under `rules/`,
//! embedded at build time and overridable file by file at run time.
//!
//! A JSON rule file holds `macros` (named regex fragments, used in
//! patterns as `{NAME}`), `settings` (extractor options) and `rules`, each
//! with an `id`, usually a `pattern`, and `examples` of what it must and
//! must not match.
//!
//! - [`source`](RuleSources): where files come from (embedded, `--rules`);
//! - [`typed`]: the typed shape of every JSON file, checked at load, and
//!   typed settings for extractors ([`RuleSources::load`]);
//! - [`lists`]: the typed columns of every word list;
//! - [`lines`]: lines of keys, for messages;
//! - [`check`]: `rules check`, every example through an engine, compared
//!   by [`expect`];
//! - [`export`]: `rules export`.

pub mod check;
pub mod expect;
pub mod export;
pub mod learned;
pub mod lines;
pub mod lists;
mod source;
pub mod typed;

pub use source::{RuleError, RuleSources};
pub use typed::{Loaded, RuleKind};

use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One JSON rule file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default)]
    pub description: String,
    /// The entity type the examples of this file are about.
    #[serde(rename = "type")]
    pub etype: String,
    #[serde(default)]
    pub macros: BTreeMap<String, String>,
    /// Untyped; the typed form is [`RuleSources::load`]'s `settings`.
    #[serde(default)]
    pub settings: Map<String, Value>,
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Set after loading: the file's path under `rules/`.
    #[serde(skip)]
    pub path: String,
    /// Set after loading: the line of every key and element, for messages.
    #[serde(skip)]
    pub lines: lines::LineMap,
}

/// One rule: an id, an optional pattern, examples, and whatever fields its
/// extractor reads (`value`, `kind`, ...).
#[derive(Debug, Clone, Deserialize)]
pub struct Rule {
    pub id: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub examples: Examples,
    #[serde(flatten)]
    pub fields: Map<String, Value>,
    /// Set after loading: the line of the rule's id in its file.
    #[serde(skip)]
    pub line: usize,
}

impl Rule {
    pub fn str_field(&self, key: &str) -> Option<&str> {
        self.fields.get(key).and_then(Value::as_str)
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Texts where the rule's type must find the given span (and fields).
    #[serde(default, rename = "match")]
    pub must_match: Vec<Example>,
    /// Texts where the type must find nothing, or not the given span.
    #[serde(default, rename = "no_match")]
    pub must_not_match: Vec<NoMatch>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Example {
    pub text: String,
    /// The mention expected (defaults to the whole text).
    #[serde(default)]
    pub span: Option<String>,
    /// Reference date for year inference.
    #[serde(default)]
    pub ref_date: Option<String>,
    /// The rule that must report the mention, when it is not the rule the
    /// example is listed under.
    #[serde(default)]
    pub rule: Option<String>,
    /// Other fields the mention must carry (`value`, `kind`, `person`...).
    #[serde(flatten)]
    pub fields: Map<String, Value>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum NoMatch {
    Text(String),
    Span { text: String, span: String },
}

impl NoMatch {
    pub fn text(&self) -> &str {
        match self {
            NoMatch::Text(t) | NoMatch::Span { text: t, .. } => t,
        }
    }
    pub fn span(&self) -> Option<&str> {
        match self {
            NoMatch::Text(_) => None,
            NoMatch::Span { span, .. } => Some(span),
        }
    }
}

impl RuleFile {
    /// A rule's pattern with `{NAME}` macros expanded (recursively) and
    /// tone marks folded like article text.
    pub fn expand(&self, pattern: &str) -> Result<String, String> {
        expand_macros(pattern, &self.macros, 0).map(|p| crate::text::fold_str(&p))
    }

    pub fn setting_list(&self, key: &str) -> Vec<String> {
        self.settings
            .get(key)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn error(&self, line: usize, message: String) -> RuleError {
        RuleError {
            file: self.path.clone(),
            line,
            message,
        }
    }

    /// Compile a rule's pattern; errors name the file, line and rule.
    pub fn compile(&self, rule: &Rule) -> Result<regex::Regex, RuleError> {
        let raw = rule
            .pattern
            .as_deref()
            .ok_or_else(|| self.error(rule.line, format!("rule `{}` has no pattern", rule.id)))?;
        let expanded = self
            .expand(raw)
            .map_err(|m| self.error(rule.line, format!("rule `{}`: {m}", rule.id)))?;
        regex::Regex::new(&expanded)
            .map_err(|e| self.error(rule.line, format!("rule `{}`: bad pattern: {e}", rule.id)))
    }

    /// The rule with this id; a missing rule is a rule-file error.
    pub fn rule(&self, id: &str) -> Result<&Rule, RuleError> {
        self.rules
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(|| self.error(0, format!("missing rule `{id}`")))
    }

    /// Compile the pattern of the rule with this id.
    pub fn compile_rule(&self, id: &str) -> Result<regex::Regex, RuleError> {
        self.compile(self.rule(id)?)
    }

    /// Compile the regex of a typed setting (`raw`, the value of setting
    /// `key`) with this file's macros; errors name the setting's line.
    pub fn compile_setting(&self, key: &str, raw: &str) -> Result<regex::Regex, RuleError> {
        let line = self
            .lines
            .line(&[lines::Step::from("settings"), lines::Step::from(key)]);
        let p = self
            .expand(raw)
            .map_err(|m| self.error(line, format!("setting `{key}`: {m}")))?;
        regex::Regex::new(&p)
            .map_err(|e| self.error(line, format!("setting `{key}`: bad pattern: {e}")))
    }
}

fn expand_macros(
    p: &str,
    macros: &BTreeMap<String, String>,
    depth: usize,
) -> Result<String, String> {
    if depth > 8 {
        return Err("macros nest too deep (a macro refers to itself?)".into());
    }
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let name = close.map(|c| &after[..c]);
        match name {
            Some(n) if is_macro_name(n) => {
                let body = macros
                    .get(n)
                    .ok_or_else(|| format!("unknown macro {{{n}}}"))?;
                out.push_str(&expand_macros(body, macros, depth + 1)?);
                rest = &after[n.len() + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn is_macro_name(n: &str) -> bool {
    n.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && n.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macros_expand_and_quantifiers_stay() {
        let mut m = BTreeMap::new();
        m.insert("D".to_string(), "[0-9]{1,2}".to_string());
        m.insert("DM".to_string(), "{D}/{D}".to_string());
        assert_eq!(
            expand_macros("x{DM}y{2}", &m, 0).unwrap(),
            "x[0-9]{1,2}/[0-9]{1,2}y{2}"
        );
        assert!(expand_macros("{NOPE}", &m, 0).is_err());
    }
}
