//! Cited documents (`rules/resolutions.json`, `rules/lexicon/issuer_codes.csv`).
//! See spec/entities.md, section `resolution`.
//!
//! A citation starts at a kind word (`Nghị quyết`, any case) and runs
//! through its number (`số 35-NQ/TW`, `142`) or its name (`An ninh mạng năm
//! 2018`, `Đại hội XIII`). Further numbers may share the kind word
//! (`... 18-NQ/TW và 19-NQ/TW`). Then the slots right after it are read: its
//! date (a date mention after `ngày`), its issuer (the unit or title mention
//! after `của`, else the capitalised words there) and its subject (a quoted
//! title, or a `về ...` phrase to the end of the clause).

mod codes;
mod config;
pub mod identity;
mod names;
mod numbers;
mod scan;
mod slots;

use super::Ctx;
use super::lexicon::{Lexicon, WordList};
use crate::model::{Entity, EntityType, Fields};
use crate::rules::typed::Resolutions;
use crate::rules::{RuleError, RuleSources};
use crate::text::{ListSetBuilder, Listed};
use codes::IssuerCodes;
use config::{KindRow, Patterns, Words};

pub struct ResolutionExtractor {
    kinds: Vec<KindRow>,
    /// Kind word forms; a hit's index is its row in `kinds`.
    kind_words: Listed,
    patterns: Patterns,
    words: Words,
    codes: IssuerCodes,
    /// Place names: `Luật` before one is a school's name (`Đại học Luật Hà Nội`).
    places: Listed,
}

/// One citation found: its span, value and the rule that found it.
#[derive(Debug, Clone)]
struct Citation {
    start: usize,
    end: usize,
    value: String,
    rule: &'static str,
    /// Whether `value` is a document number (it may carry an issuer code).
    numbered: bool,
}

/// What the slots after a citation say about it.
#[derive(Debug, Default)]
struct Slots {
    /// `Some(None)`: a date was written but has no value.
    date: Option<Option<String>>,
    issuer: Option<String>,
    subject: Option<String>,
}

/// A mention found by an earlier extractor, as the slots need it.
struct Known {
    start: usize,
    end: usize,
    etype: EntityType,
    value: Option<String>,
}

impl ResolutionExtractor {
    pub fn new(
        sources: &RuleSources,
        lex: &Lexicon,
        lists: &mut ListSetBuilder,
    ) -> Result<ResolutionExtractor, RuleError> {
        let loaded = sources.load::<Resolutions>()?;
        let (file, s) = (&loaded.file, &loaded.settings);
        let kind_words = Listed::new(WordList::new(config::kind_forms(s)), lists);
        Ok(ResolutionExtractor {
            kinds: config::kinds(s),
            kind_words,
            patterns: config::patterns(file, s)?,
            words: config::words(s, lists),
            codes: IssuerCodes::new(&lex.issuer_codes, &s.kind_abbreviations),
            places: Listed::new(lex.places.clone(), lists),
        })
    }

    /// The issuer an issuer code stands for (`TW`: Ban Chấp hành Trung ương).
    pub fn issuer_of_code(&self, code: &str) -> Option<&str> {
        self.codes.issuer_of(code)
    }

    pub fn extract(&self, ctx: &Ctx, found: &mut Vec<Entity>) {
        let known: Vec<Known> = found
            .iter()
            .filter(|e| {
                matches!(
                    e.etype,
                    EntityType::Date | EntityType::Unit | EntityType::Title
                )
            })
            .map(|e| Known {
                start: e.start,
                end: e.end,
                etype: e.etype,
                value: e.value.clone(),
            })
            .collect();
        let lower = ctx.lower();
        let mut free_from = 0;
        let mut out = Vec::new();
        for hit in ctx.hits.leftmost_longest(self.kind_words.id) {
            if hit.start < free_from {
                continue;
            }
            let kind = &self.kinds[hit.index];
            if self.is_part_of_other_word(lower, hit.start, kind) {
                continue;
            }
            for cite in self.citations_at(ctx, hit.start, hit.end, kind) {
                let slots = self.slots_after(ctx, &known, cite.end);
                free_from = cite.end;
                out.push(self.entity(&cite, kind, slots));
            }
        }
        found.extend(out);
    }

    fn entity(&self, cite: &Citation, kind: &KindRow, slots: Slots) -> Entity {
        let mut e = Entity::new(EntityType::Resolution, cite.start, cite.end, cite.rule);
        let issuer_code = if cite.numbered {
            self.codes.code_of_number(&cite.value)
        } else {
            None
        };
        e.value = Some(cite.value.clone());
        e.fields = Fields::Resolution {
            kind: kind.kind.clone(),
            date: slots.date.flatten(),
            issuer: slots.issuer,
            issuer_code,
            subject: slots.subject,
        };
        e
    }

    /// `pháp luật`, `kỷ luật`: the kind word ends another word.
    fn is_part_of_other_word(&self, lower: &str, start: usize, kind: &KindRow) -> bool {
        if kind.not_after.is_empty() {
            return false;
        }
        let before = lower[..start].trim_end_matches([' ', '\t', '\u{a0}']);
        if before.len() == start {
            return false;
        }
        let word_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        kind.not_after.iter().any(|w| *w == before[word_start..])
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{Engine, Options};
    use crate::model::Fields;
    use crate::rules::RuleSources;

    /// The issuers of the citations in `text`, with each `(path, from,
    /// to)` change made to the rule files.
    fn issuers(text: &str, changes: &[(&str, &str, &str)]) -> Vec<Option<String>> {
        let mut sources = RuleSources::embedded();
        for (path, from, to) in changes {
            let original = sources.text(path).unwrap();
            assert!(original.contains(from), "{from}");
            let changed = original.replacen(from, to, 1);
            sources.set(path, &changed);
        }
        let engine = Engine::new(&sources, Options::default()).unwrap();
        let article = engine.extract_text(text, None);
        article
            .entities
            .into_iter()
            .filter_map(|e| match e.fields {
                Fields::Resolution { issuer, .. } => Some(issuer),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_issuer_term_is_read_from_the_rules() {
        let text = "Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị khóa XII về công tác cán bộ.";
        // Units without their own term, so that the issuer's term is read
        // by the resolution stage.
        let units = (
            "units.json",
            r#""term": "^(?:khóa|Khóa)"#,
            r#""term": "^(?:nhiệm kỳ)"#,
        );
        let term = r#""issuer_term": "\\s+(?i:khóa)"#;
        let got = issuers(text, &[units]);
        assert_eq!(got, [Some("Bộ Chính trị khóa XII".to_string())]);
        let other = r#""issuer_term": "\\s+(?i:nhiệm kỳ)"#;
        let got = issuers(text, &[units, ("resolutions.json", term, other)]);
        assert_eq!(got, [Some("Bộ Chính trị".to_string())]);
    }
}
