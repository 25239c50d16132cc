//! One value per person in an article: a short form (`Thành`, `Ánh
//! Viên`, `Trump`, `bà Mão`) takes the fullest name of the article that
//! ends with it (`Nguyễn Thị Ánh Viên`, `Donald Trump`, `Đàm Thị Mão`),
//! when exactly one does (spec: person, `value`).

use super::ids::{BYLINE_RULE, RULE_CREDIT, RULE_INITIALS};
use super::shape::is_foreign_word;
use crate::extract::lexicon::{FnvMap, lowercase};
use crate::model::Entity;

/// Set each short form's value to the one fullest name ending with it.
pub(super) fn fill_full_names(entities: &mut [Entity]) {
    let own = |e: &Entity| !matches!(e.rule.as_str(), BYLINE_RULE | RULE_CREDIT | RULE_INITIALS);
    // An initial alone in the text (`bé N.`) is the short form of the
    // name that ends with it (`Nguyễn Quỳnh N.`); it is no full name.
    let short = |e: &Entity| own(e) || e.rule == RULE_INITIALS;
    let words_of = |v: &str| -> Vec<String> { lowercase(v).split(' ').map(String::from).collect() };
    // Full names (two words or more) by their last word, each once.
    let mut by_last: FnvMap<Vec<(Vec<String>, String)>> = FnvMap::default();
    // Full names by their first word.
    let mut by_first: FnvMap<Vec<String>> = FnvMap::default();
    for e in entities.iter().filter(|e| own(e)) {
        let Some(v) = e.value.as_deref() else {
            continue;
        };
        let words = words_of(v);
        if words.len() < 2 {
            continue;
        }
        let first = by_first.entry(words[0].clone()).or_default();
        if !first.contains(&v.to_string()) {
            first.push(v.to_string());
        }
        let entry = by_last.entry(words[words.len() - 1].clone()).or_default();
        if !entry.iter().any(|(w, _)| *w == words) {
            entry.push((words, v.to_string()));
        }
    }
    for e in entities.iter_mut().filter(|e| short(e)) {
        let Some(v) = e.value.as_deref() else {
            continue;
        };
        let words = words_of(v);
        let Some(fulls) = by_last.get(&words[words.len() - 1]) else {
            // A foreigner named by the first word of the one full name
            // that starts with it (`Moon` for `Moon Jae-in`, `Mohamed`
            // for `Mohamed Bzeek`).
            if let [one] = &words[..] {
                let mut starting = by_first.get(one).into_iter().flatten();
                if let (Some(full), None) = (starting.next(), starting.next())
                    && full.split(' ').any(is_foreign_word)
                {
                    e.value = Some(full.clone());
                }
            }
            continue;
        };
        let longer: Vec<&(Vec<String>, String)> = fulls
            .iter()
            .filter(|(f, _)| f.len() > words.len() && f.ends_with(&words))
            .collect();
        // The fullest: no other candidate ends with it.
        let mut fullest = longer.iter().filter(|(f, _)| {
            !longer
                .iter()
                .any(|(g, _)| g.len() > f.len() && g.ends_with(f))
        });
        if let (Some((_, full)), None) = (fullest.next(), fullest.next()) {
            e.value = Some(full.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityType;

    fn person(value: &str, rule: &str) -> Entity {
        let mut e = Entity::new(EntityType::Person, 0, 1, rule);
        e.value = Some(value.into());
        e
    }

    #[test]
    fn short_forms_take_the_one_full_name() {
        let mut v = vec![
            person("Nguyễn Thị Ánh Viên", "person.full_name"),
            person("Ánh Viên", "person.known_name"),
            person("Viên", "person.given_name"),
            person("Donald Trump", "person.after_title"),
            person("Trump", "person.given_name"),
        ];
        fill_full_names(&mut v);
        let values: Vec<&str> = v.iter().map(|e| e.value.as_deref().unwrap()).collect();
        assert_eq!(
            values,
            [
                "Nguyễn Thị Ánh Viên",
                "Nguyễn Thị Ánh Viên",
                "Nguyễn Thị Ánh Viên",
                "Donald Trump",
                "Donald Trump"
            ]
        );
    }

    #[test]
    fn a_foreigner_by_the_first_word_of_one_full_name() {
        let mut v = vec![
            person("Moon Jae-in", "person.after_title"),
            person("Moon", "person.after_honorific"),
            person("Lê Văn Nam", "person.full_name"),
            person("Lê", "person.given_name"),
        ];
        fill_full_names(&mut v);
        assert_eq!(v[1].value.as_deref(), Some("Moon Jae-in"));
        // A Vietnamese surname alone is no short form of a name.
        assert_eq!(v[3].value.as_deref(), Some("Lê"));
    }

    #[test]
    fn two_full_names_leave_a_short_form_alone() {
        let mut v = vec![
            person("Lê Văn Nam", "person.full_name"),
            person("Trần Hải Nam", "person.full_name"),
            person("Nam", "person.after_honorific"),
        ];
        fill_full_names(&mut v);
        assert_eq!(v[2].value.as_deref(), Some("Nam"));
    }
}
