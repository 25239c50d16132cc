//! The examples of a rule, typed per entity type: a `match` example may
//! only expect fields that mentions of its type carry, so a misspelled
//! field (`vaule`) is a load error rather than an expectation that can
//! never be checked.
//!
//! These structs check the keys; the checker compares mentions with the
//! untyped [`crate::rules::Example`], where `"person": null` (the title has
//! no person) and an absent `person` (not checked) stay different.

use serde::Deserialize;
use serde_json::Value;

/// What the checks of [`super::RuleDef`] need from any `match` example.
pub trait ExampleDef {
    fn rule(&self) -> Option<&str>;
    fn ref_date(&self) -> Option<&str>;
}

/// The `examples` object of a rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, bound = "E: Deserialize<'de>")]
pub struct Examples<E> {
    /// Texts in which the rule must find the given mention.
    #[serde(default = "Vec::new", rename = "match")]
    pub must_match: Vec<E>,
    /// Texts in which no mention of the file's type (or not the given span)
    /// may be found.
    #[serde(default, rename = "no_match")]
    pub must_not_match: Vec<NoMatchDef>,
}

impl<E> Default for Examples<E> {
    fn default() -> Self {
        Examples {
            must_match: Vec::new(),
            must_not_match: Vec::new(),
        }
    }
}

impl<E: ExampleDef> Examples<E> {
    pub fn keys(&self) -> Vec<(Option<&str>, Option<&str>)> {
        self.must_match
            .iter()
            .map(|e| (e.rule(), e.ref_date()))
            .collect()
    }
}

/// A `no_match` example: a text, or a text and the span that must not be
/// found in it.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum NoMatchDef {
    Text(String),
    Span(NoMatchSpan),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoMatchSpan {
    pub text: String,
    pub span: String,
}

/// Writes the struct of `match` examples for one entity type: the keys
/// every example has, then the fields of the type's mentions.
macro_rules! example_type {
    ($(#[$doc:meta])* $name:ident { $($(#[$fdoc:meta])* $field:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// The text given to the whole engine.
            pub text: String,
            /// The mention expected in it (default: the whole text).
            #[serde(default)]
            pub span: Option<String>,
            /// The article date the text is read with (`YYYY-MM-DD`), for
            /// years and relative dates.
            #[serde(default)]
            pub ref_date: Option<String>,
            /// The rule that must report the mention, when it is not the
            /// rule the example is listed under (an example kept there on
            /// purpose: a field another rule fills, a case a rule must
            /// leave to another).
            #[serde(default)]
            pub rule: Option<String>,
            /// The mention's normalised value.
            #[serde(default)]
            pub value: Option<Value>,
            $($(#[$fdoc])* #[serde(default)] pub $field: Option<Value>,)*
        }

        impl ExampleDef for $name {
            fn rule(&self) -> Option<&str> {
                self.rule.as_deref()
            }
            fn ref_date(&self) -> Option<&str> {
                self.ref_date.as_deref()
            }
        }
    };
}

example_type!(
    /// A `match` example of `dates.json`.
    DateExample {
        /// `lunar` for dates of the lunar calendar.
        calendar,
        /// `true` for relative dates (`hôm qua`).
        relative,
    }
);

example_type!(
    /// A `match` example of `persons.json`.
    PersonExample {}
);

example_type!(
    /// A `match` example of `units.json`.
    UnitExample {}
);

example_type!(
    /// A `match` example of `titles.json`.
    TitleExample {
        /// The office (`Phó Chủ tịch`).
        role,
        /// The unit attached to the role, or null.
        unit,
        /// The person holding the title, or null.
        person,
    }
);

example_type!(
    /// A `match` example of `resolutions.json`.
    ResolutionExample {
        /// The document kind (`Nghị quyết`).
        kind,
        /// The date the document was issued (ISO), or null.
        date,
        /// Who issued it, or null.
        issuer,
        /// The issuer code of the number (`TW`), or null.
        issuer_code,
        /// What it is about, or null.
        subject,
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_of_another_type_are_refused() {
        let ok: Result<TitleExample, _> =
            serde_json::from_str(r#"{"text": "x", "person": null, "rule": "title.office"}"#);
        assert!(ok.is_ok());
        let bad: Result<UnitExample, _> = serde_json::from_str(r#"{"text": "x", "person": "A"}"#);
        assert!(
            bad.unwrap_err()
                .to_string()
                .contains("unknown field `person`")
        );
        let no: Result<NoMatchDef, _> = serde_json::from_str(r#"{"text": "x", "spam": "y"}"#);
        assert!(no.is_err());
    }
}
