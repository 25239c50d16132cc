//! One value per person in an article: a short form (`Thành`, `Ánh
//! Viên`, `Trump`, `bà Mão`) takes the fullest name of the article that
//! ends with it (`Nguyễn Thị Ánh Viên`, `Donald Trump`, `Đàm Thị Mão`),
//! when exactly one does (spec: person, `value`).

use super::ids::{BYLINE_RULE, RULE_CREDIT, RULE_INITIALS};
use super::shape::is_foreign_word;
use crate::extract::lexicon::{FnvMap, lowercase};
use crate::model::Entity;

/// Set each short form's value to the one fullest name ending with it.
pub(super) fn fill_full_names(entities: &mut [Entity], work: &str) {
    let own = |e: &Entity| !matches!(e.rule.as_str(), BYLINE_RULE | RULE_CREDIT | RULE_INITIALS);
    // An initial alone in the text (`bé N.`) is the short form of the
    // name that ends with it (`Nguyễn Quỳnh N.`); it is no full name.
    let short = |e: &Entity| own(e) || e.rule == RULE_INITIALS;
    // A middle initial is left out (`James L. Robart` is `James Robart`).
    let words_of = |v: &str| -> Vec<String> {
        let words: Vec<String> = lowercase(v).split(' ').map(String::from).collect();
        let n = words.len();
        words
            .into_iter()
            .enumerate()
            .filter(|(i, w)| {
                *i == 0 || *i + 1 == n || !(w.chars().count() == 2 && w.ends_with('.'))
            })
            .map(|(_, w)| w)
            .collect()
    };
    // Full names (two words or more) by their last word, each once.
    let mut by_last: FnvMap<Vec<(Vec<String>, String)>> = FnvMap::default();
    // Where each full name is written, in text order.
    let mut written: Vec<(usize, usize, String)> = Vec::new();
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
        written.push((e.start, e.end, v.to_string()));
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
        let fullest = longer.iter().filter(|(f, _)| {
            !longer
                .iter()
                .any(|(g, _)| g.len() > f.len() && g.ends_with(f))
        });
        let fullest: Vec<&String> = fullest.map(|(_, full)| full).collect();
        match fullest[..] {
            [full] => e.value = Some(full.clone()),
            // Two people share a Vietnamese given name (`ông Sơn` after
            // `Ngô Viết Nam Sơn` and `Nguyễn Thái Sơn`): the one named last
            // before it, when no other was named in that sentence (`ông Lê
            // Văn Nam và ông Trần Văn Nam ... Ông Nam` stays apart). Not a
            // foreign family name, which a family shares (`Trump` after
            // `Ivanka Trump` may still be her father).
            [_, _, ..] if !words.iter().any(|w| is_foreign_word(w)) => {
                let before = |v: &String| {
                    written
                        .iter()
                        .filter(|(at, _, w)| *at < e.start && w == v)
                        .max_by_key(|(at, _, _)| *at)
                };
                let Some(&(last, _, ref full)) = written
                    .iter()
                    .filter(|(at, _, v)| *at < e.start && fullest.contains(&v))
                    .max_by_key(|(at, _, _)| *at)
                else {
                    continue;
                };
                let apart = fullest.iter().filter(|v| **v != full).all(|v| {
                    before(v).is_none_or(|&(_, end, _)| {
                        end <= last && work[end..last].contains(['.', '!', '?', '\n'])
                    })
                });
                if apart {
                    e.value = Some(full.clone());
                }
            }
            _ => {}
        }
    }
}

/// Widen a name to the capitalised word before it when the two are the
/// end of a full name the article writes (`Anh Ngọc` of `Vũ Hoàng Anh
/// Ngọc`, where the capitalised `Anh` read as `anh`; `Hồng Kim Bảo`): that
/// word is the name's, not an honorific or a place.
/// A cue word (`is_cue`: `Anh`, `Chồng`, `PGS`) is taken only into a
/// longer full name, never as a full name's first word.
pub(super) fn widen_to_full_names(
    entities: &mut [Entity],
    work: &str,
    is_cue: impl Fn(&str) -> bool,
) {
    let fulls: Vec<String> = entities
        .iter()
        .filter_map(|e| e.value.as_deref())
        .filter(|v| v.split(' ').count() >= 2)
        .map(|v| format!(" {}", lowercase(v)))
        .collect();
    if fulls.is_empty() {
        return;
    }
    let taken: Vec<(usize, usize)> = entities.iter().map(|e| (e.start, e.end)).collect();
    for e in entities.iter_mut() {
        let Some(before) = work[..e.start].strip_suffix(' ') else {
            continue;
        };
        let from = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &before[from..];
        if !word.starts_with(char::is_uppercase)
            || taken.iter().any(|&(s, t)| s < before.len() && t > from)
        {
            continue;
        }
        let wider = format!(" {}", lowercase(&work[from..e.end]));
        let cue = is_cue(word);
        if fulls
            .iter()
            .any(|f| f.ends_with(&wider) && !(cue && f.len() == wider.len()))
        {
            e.start = from;
            if e.value.as_deref().is_some_and(|v| !v.contains(' ')) {
                e.value = Some(super::value::name_value(&work[from..e.end]));
            }
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
        fill_full_names(&mut v, "");
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
    fn a_name_widens_to_the_word_before_it_that_its_full_name_holds() {
        let work = "Vũ Hoàng Anh Ngọc đến. Sau đó, Anh Ngọc về. Anh Tuấn đi. Anh Tuấn về.";
        let at = |text: &str, from: usize, rule: &str| {
            let s = work[from..].find(text).unwrap() + from;
            let mut e = Entity::new(EntityType::Person, s, s + text.len(), rule);
            e.value = Some(text.into());
            e
        };
        let mut v = vec![
            at("Vũ Hoàng Anh Ngọc", 0, "person.full_name"),
            at("Ngọc", 20, "person.after_honorific"),
            at("Tuấn", 40, "person.after_honorific"),
            at("Anh Tuấn", 55, "person.full_name"),
        ];
        widen_to_full_names(&mut v, work, |w| w == "Anh");
        assert_eq!(&work[v[1].start..v[1].end], "Anh Ngọc");
        // `Anh Tuấn` is no longer name than the widened one: `Anh` stays
        // an honorific.
        assert_eq!(&work[v[2].start..v[2].end], "Tuấn");
    }

    #[test]
    fn a_foreigner_by_the_first_word_of_one_full_name() {
        let mut v = vec![
            person("Moon Jae-in", "person.after_title"),
            person("Moon", "person.after_honorific"),
            person("Lê Văn Nam", "person.full_name"),
            person("Lê", "person.given_name"),
        ];
        fill_full_names(&mut v, "");
        assert_eq!(v[1].value.as_deref(), Some("Moon Jae-in"));
        // A Vietnamese surname alone is no short form of a name.
        assert_eq!(v[3].value.as_deref(), Some("Lê"));
    }

    #[test]
    fn a_short_form_shared_by_two_takes_the_one_named_last_before_it() {
        let work = "Ông Nguyễn Thái Sơn đến. Ông Ngô Viết Nam Sơn nói. Ông Sơn cười. \
                    Ông Nguyễn Thái Sơn về. Ông Sơn đi. Ông Ngô Viết Nam Sơn và ông \
                    Nguyễn Thái Sơn ở lại. Ông Sơn hát.";
        let mut from = 0;
        let mut v: Vec<Entity> = Vec::new();
        for (text, rule) in [
            ("Nguyễn Thái Sơn", "person.full_name"),
            ("Ngô Viết Nam Sơn", "person.full_name"),
            ("Sơn", "person.after_honorific"),
            ("Nguyễn Thái Sơn", "person.full_name"),
            ("Sơn", "person.after_honorific"),
            ("Ngô Viết Nam Sơn", "person.full_name"),
            ("Nguyễn Thái Sơn", "person.full_name"),
            ("Sơn", "person.after_honorific"),
        ] {
            let s = work[from..].find(text).unwrap() + from;
            let mut e = Entity::new(EntityType::Person, s, s + text.len(), rule);
            e.value = Some(text.into());
            v.push(e);
            from = s + text.len();
        }
        fill_full_names(&mut v, work);
        assert_eq!(v[2].value.as_deref(), Some("Ngô Viết Nam Sơn"));
        assert_eq!(v[4].value.as_deref(), Some("Nguyễn Thái Sơn"));
        // Both named in the sentence before: it could be either.
        assert_eq!(v[7].value.as_deref(), Some("Sơn"));
    }

    #[test]
    fn two_full_names_leave_a_short_form_before_them_alone() {
        let mut v = vec![
            person("Lê Văn Nam", "person.full_name"),
            person("Trần Hải Nam", "person.full_name"),
            person("Nam", "person.after_honorific"),
        ];
        fill_full_names(&mut v, "");
        assert_eq!(v[2].value.as_deref(), Some("Nam"));
    }
}
