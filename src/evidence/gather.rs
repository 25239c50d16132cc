//! What one extracted article contributes to the batch evidence.

use super::{Evidence, Kind, mentions};
use crate::extract::person::{RULE_HONORIFIC, RULE_TITLE, is_foreign_word, name_value};
use crate::model::{EntityType, OutEntity};
use crate::text::chars::is_name_shaped;
use std::collections::BTreeSet;

/// Fewest letters of a one-word foreign name gathered (`Isco`).
const MIN_SINGLE_LETTERS: usize = 4;
/// Fewest letters of an abbreviation gathered (`CQCQ`, not `TP`).
const MIN_ABBREVIATION_LETTERS: usize = 3;

/// The evidence of one article, each row counted once: the names it cues,
/// every capitalised run it writes (`mention`) and those it writes after a
/// place, unit or company word (`against`: `against(text before)` says
/// whether the text ends with one), and the abbreviations it defines.
/// A name after a profession (`PV VietNamNet`, `nhân viên Apple`) is
/// often no person: the share of the batch's articles that cue it, and
/// those against, sort it out where the evidence is used.
pub fn of_article(entities: &[OutEntity], text: &str, against: impl Fn(&str) -> bool) -> Evidence {
    let mut persons = BTreeSet::new();
    let mut abbreviations = BTreeSet::new();
    let glued = glued_ends(text, entities);
    for e in entities {
        match e.etype {
            EntityType::Person if matches!(e.rule.as_str(), RULE_HONORIFIC | RULE_TITLE) => {
                let name = name_value(&e.text);
                // One word after a title is often a company (`Chủ tịch
                // Oceanbank`): a one-word name needs an honorific.
                let single = !name.contains(' ');
                let strong = e.rule != RULE_TITLE || !single;
                if batch_worthy(&name) && strong && !glued.contains(&e.end) {
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
    let mut mentioned = BTreeSet::new();
    let mut against_set = BTreeSet::new();
    let opening_word = |w: &str| against(&format!("{w} "));
    for (run, after) in mentions::of_text(text, &against, opening_word) {
        let name = name_value(run);
        if !batch_worthy(&name) {
            continue;
        }
        // A name the article cues is a person there whatever precedes it
        // elsewhere (`Chủ tịch UBND TP Nguyễn Thành Phong`).
        if after && !persons.contains(&name) {
            against_set.insert(name.clone());
        }
        mentioned.insert(name);
    }
    let mut ev = Evidence::default();
    for p in mentioned {
        ev.add(Kind::Mention, &p, "", 1);
    }
    for p in against_set {
        ev.add(Kind::Against, &p, "", 1);
    }
    for p in persons {
        ev.add(Kind::Person, &p, "", 1);
    }
    for (abbr, name) in abbreviations {
        ev.add(Kind::Abbreviation, &abbr, &name, 1);
    }
    ev
}

/// Code point ends of cued persons that a letter, a digit or a hyphen
/// follows (`bệnh nhân Covid-19`, `Covid - 19`): part of a code, no name.
fn glued_ends(text: &str, entities: &[OutEntity]) -> BTreeSet<usize> {
    let mut ends: Vec<usize> = entities
        .iter()
        .filter(|e| e.etype == EntityType::Person)
        .map(|e| e.end)
        .collect();
    ends.sort_unstable();
    ends.dedup();
    // One walk over the text, code point to byte offset, up to the last end.
    let mut glued = BTreeSet::new();
    let mut next = ends.iter().peekable();
    for (i, (b, _)) in text.char_indices().enumerate() {
        let Some(&&end) = next.peek() else {
            break;
        };
        if i == end {
            next.next();
            if mentions::continues_as_code(&text[b..]) {
                glued.insert(end);
            }
        }
    }
    glued
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
