//! `people.csv`: one row per person per article, with every title linked
//! to them and the units of those titles.

use crate::model::{Article, EntityType, Fields};

pub const HEADER: &[&str] = &[
    "article_id",
    "person",
    "mentions",
    "titles",
    "units",
    "first_sentence",
    "context",
];

struct Person {
    name: String,
    mentions: usize,
    titles: Vec<String>,
    units: Vec<String>,
    first_sentence: usize,
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !s.is_empty() && !v.iter().any(|x| x.eq_ignore_ascii_case(s)) {
        v.push(s.to_string());
    }
}

/// Rows for the people of one article, in order of first mention.
pub fn people_rows(a: &Article) -> Vec<Vec<String>> {
    let mut people: Vec<Person> = Vec::new();
    for e in a.entities.iter().filter(|e| e.etype == EntityType::Person) {
        let name = e.value.clone().unwrap_or_else(|| e.text.clone());
        match people.iter_mut().find(|p| p.name == name) {
            Some(p) => p.mentions += 1,
            None => people.push(Person {
                name,
                mentions: 1,
                titles: Vec::new(),
                units: Vec::new(),
                first_sentence: e.sentence,
            }),
        }
    }
    for e in &a.entities {
        if let Fields::Title {
            unit,
            person: Some(holder),
            ..
        } = &e.fields
            && let Some(p) = people.iter_mut().find(|p| &p.name == holder)
        {
            push_unique(&mut p.titles, &e.text);
            push_unique(&mut p.units, unit.as_deref().unwrap_or(""));
        }
    }
    people
        .into_iter()
        .map(|p| {
            vec![
                a.id.clone(),
                p.name,
                p.mentions.to_string(),
                p.titles.join(" | "),
                p.units.join(" | "),
                p.first_sentence.to_string(),
                a.sentences
                    .get(p.first_sentence)
                    .cloned()
                    .unwrap_or_default(),
            ]
        })
        .collect()
}
