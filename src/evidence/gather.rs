//! What one extracted article contributes to the batch evidence.

use super::{Evidence, Kind};
use crate::extract::person::{RULE_HONORIFIC, RULE_TITLE, is_foreign_word, name_value};
use crate::model::{Article, EntityType};
use crate::text::chars::is_name_shaped;
use std::collections::BTreeSet;

/// Fewest letters of a one-word foreign name gathered (`Isco`).
const MIN_SINGLE_LETTERS: usize = 4;
/// Fewest letters of an abbreviation gathered (`CQCQ`, not `TP`).
const MIN_ABBREVIATION_LETTERS: usize = 3;

/// The evidence of one article, each row counted once. `addressed` says
/// whether the code point offset of a name in the article's text follows a
/// personal form of address (`ông`, `chị`, kinship words): professions and
/// other honorific cues (`phóng viên`, `nhân viên`, `chuyên gia`) are too
/// often followed by an outlet, a company or a competition (`PV
/// VietNamNet`, `nhân viên Apple`), which the batch would then read as a
/// person in every article.
pub fn of_article(article: &Article, addressed: impl Fn(usize) -> bool) -> Evidence {
    let mut persons = BTreeSet::new();
    let mut abbreviations = BTreeSet::new();
    for e in &article.entities {
        match e.etype {
            EntityType::Person if matches!(e.rule.as_str(), RULE_HONORIFIC | RULE_TITLE) => {
                let name = name_value(&e.text);
                // One word after a title is often a company (`Chủ tịch
                // Oceanbank`): a one-word name needs an honorific.
                let single = !name.contains(' ');
                let strong = match e.rule.as_str() {
                    RULE_HONORIFIC => addressed(e.start),
                    _ => !single,
                };
                if batch_worthy(&name) && strong {
                    // A foreigner is also named by the surname alone
                    // (`Cavani` for `Edinson Cavani`).
                    let words: Vec<&str> = name.split(' ').collect();
                    if words.len() >= 2 && words.iter().all(|w| is_foreign_word(w)) {
                        let last = words[words.len() - 1];
                        if batch_worthy(last) {
                            persons.insert(last.to_string());
                        }
                    }
                    persons.insert(name);
                }
            }
            EntityType::Unit => {
                if let Some(pair) = defined_abbreviation(&e.text) {
                    abbreviations.insert(pair);
                }
            }
            _ => {}
        }
    }
    let mut ev = Evidence::default();
    for p in persons {
        ev.add(Kind::Person, &p, "", 1);
    }
    for (abbr, name) in abbreviations {
        ev.add(Kind::Abbreviation, &abbr, &name, 1);
    }
    ev
}

/// A name that stands for one person wherever the batch writes it: two to
/// five capitalised words, or one foreign word (no Vietnamese syllable) of
/// four letters or more.
fn batch_worthy(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let shaped = |w: &&str| is_name_shaped(w) && !w.chars().all(|c| c.is_uppercase());
    match words.len() {
        1 => {
            shaped(&words[0])
                && words[0].chars().filter(|c| c.is_alphabetic()).count() >= MIN_SINGLE_LETTERS
                && is_foreign_word(words[0])
        }
        2..=5 => words.iter().all(shaped),
        _ => false,
    }
}

/// `Cơ quan Chính quyền (CQCQ) TP Thủ Đức` → (`CQCQ`, `Cơ quan Chính
/// quyền`): a unit written with an abbreviation in brackets right after
/// its name.
fn defined_abbreviation(text: &str) -> Option<(String, String)> {
    let open = text.find(" (")?;
    let close = open + text[open..].find(')')?;
    let abbr = &text[open + 2..close];
    let name = text[..open].trim();
    let letters = abbr.chars().filter(|c| c.is_alphabetic()).count();
    let shaped = abbr.chars().next().is_some_and(char::is_uppercase)
        && abbr
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '&' | '-' | '.'));
    let name_words = name.split_whitespace().count();
    (shaped
        && letters >= MIN_ABBREVIATION_LETTERS
        && name_words >= 2
        && !name.contains(['\t', '\n'])
        && name.chars().next().is_some_and(char::is_uppercase))
    .then(|| (abbr.to_string(), name.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_worth_a_batch() {
        assert!(batch_worthy("Trấn Thành"));
        assert!(batch_worthy("Paulinho"));
        assert!(!batch_worthy("Nam"));
        assert!(!batch_worthy("Thành"));
        assert!(!batch_worthy("Lê văn"));
        assert!(!batch_worthy("UBND"));
    }

    #[test]
    fn abbreviations_defined_after_a_name() {
        assert_eq!(
            defined_abbreviation("Đảng ủy Cơ quan Chính quyền (CQCQ) TP Thủ Đức"),
            Some(("CQCQ".into(), "Đảng ủy Cơ quan Chính quyền".into()))
        );
        assert_eq!(defined_abbreviation("Sở Y tế (TP)"), None);
        assert_eq!(defined_abbreviation("Bộ Công an"), None);
    }
}
