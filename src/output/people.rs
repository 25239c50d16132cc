//! People: `article_people.csv`, one row per person per article, and
//! `people.csv`, one row per person over the whole run.
//!
//! A person is their full name: the extractor gives a short form
//! (`Trump`, `bà Mão`) the full name it refers to in the same article as
//! its `value`, so grouping by value counts a short form under its full
//! name. Where a value is still a short form, it is counted under the one
//! full name of the article that ends with it (`Nam` under `Lê Văn Nam`;
//! not when two full names do). Across articles the same full name is the
//! same row (namesakes cannot be told apart from the text alone).
//!
//! Memory: the index holds one row per distinct person of the run (it
//! grows with the number of distinct names, not of articles or mentions);
//! each row's lists are bounded (see [`crate::output::tally`]).

use super::tables::{Column, date, number, text};
use super::tally::Tally;
use crate::model::{Article, EntityType, Fields, OutEntity};
use std::collections::HashMap;

pub const ARTICLE_COLUMNS: &[Column] = &[
    text("article_id"),
    text("person"),
    text("variants"),
    number("mentions"),
    text("titles"),
    text("units"),
    number("first_sentence"),
];

pub const INDEX_COLUMNS: &[Column] = &[
    text("person"),
    text("variants"),
    number("articles"),
    number("mentions"),
    text("titles"),
    text("units"),
    date("first_date"),
    date("last_date"),
    text("first_articles"),
];

/// Entries listed in a cell (`name (count) | ...`).
const LISTED: usize = 5;
/// Names a per-person list keeps counting (the listed ones and a margin).
const KEPT: usize = 16;
/// Article ids listed per person.
const FIRST_IDS: usize = 5;

/// One person as seen in one article.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PersonSeen {
    /// Full name (the mentions' value).
    pub name: String,
    pub mentions: u64,
    /// Names as written, with counts.
    pub variants: Vec<(String, u64)>,
    /// Titles linked to the person, with counts.
    pub titles: Vec<(String, u64)>,
    /// Units of those titles, with counts.
    pub units: Vec<(String, u64)>,
    pub first_sentence: usize,
}

fn bump(list: &mut Vec<(String, u64)>, name: &str) {
    add(list, name, 1);
}

/// Count `name` `n` more times (case-insensitively); a full list takes no
/// new name.
fn add(list: &mut Vec<(String, u64)>, name: &str, n: u64) {
    if name.is_empty() {
        return;
    }
    let lower = name.to_lowercase();
    match list.iter().position(|(x, _)| x.to_lowercase() == lower) {
        Some(i) => list[i].1 += n,
        None if list.len() < KEPT => list.push((name.to_string(), n)),
        None => {}
    }
}

/// The people of one article, in order of first mention.
pub fn people_of(a: &Article) -> Vec<PersonSeen> {
    let mut people = ArticlePeople::default();
    people.add(&a.entities);
    people.finish()
}

/// The people of one article, gathered from its mentions a batch at a
/// time (an article read in sections gives one batch per section): it
/// holds one entry per distinct name and per distinct (holder, title,
/// unit), never the mentions themselves.
#[derive(Debug, Default)]
pub struct ArticlePeople {
    people: Vec<PersonSeen>,
    index: HashMap<String, usize>,
    /// (holder, title, unit) of linked titles, in order of first mention,
    /// with counts: holders are matched to people when the article ends,
    /// once every full name is known.
    held: Vec<(String, String, String, u64)>,
    held_index: HashMap<(String, String, String), usize>,
}

impl ArticlePeople {
    /// Count the person mentions and linked titles of `entities` (in text
    /// order, sentence numbers of the whole article).
    pub fn add(&mut self, entities: &[OutEntity]) {
        for e in entities {
            if e.etype == EntityType::Person {
                self.add_person(e);
            }
            if let Fields::Title {
                unit,
                person: Some(holder),
                ..
            } = &e.fields
            {
                let key = (
                    holder.clone(),
                    e.value.clone().unwrap_or_else(|| e.text.clone()),
                    unit.clone().unwrap_or_default(),
                );
                match self.held_index.get(&key) {
                    Some(&i) => self.held[i].3 += 1,
                    None => {
                        self.held_index.insert(key.clone(), self.held.len());
                        self.held.push((key.0, key.1, key.2, 1));
                    }
                }
            }
        }
    }

    fn add_person(&mut self, e: &OutEntity) {
        let name = e.value.as_deref().unwrap_or(&e.text);
        let people = &mut self.people;
        let at = *self.index.entry(name.to_lowercase()).or_insert_with(|| {
            people.push(PersonSeen {
                name: name.to_string(),
                mentions: 0,
                variants: Vec::new(),
                titles: Vec::new(),
                units: Vec::new(),
                first_sentence: e.sentence,
            });
            people.len() - 1
        });
        let p = &mut self.people[at];
        p.mentions += 1;
        bump(&mut p.variants, &e.text);
    }

    /// The article's people, short forms folded into their full names.
    pub fn finish(self) -> Vec<PersonSeen> {
        let ArticlePeople {
            mut people,
            index,
            held,
            ..
        } = self;
        let alias = short_forms(&people);
        let find = |name: &str| {
            let key = name.to_lowercase();
            let key = alias.get(&key).unwrap_or(&key);
            index.get(key).copied()
        };
        // Counts added in order of first mention keep the same names as
        // adding the mentions one by one (a full list takes no new name).
        for (holder, title, unit, n) in held {
            if let Some(at) = find(&holder) {
                let p = &mut people[at];
                add(&mut p.titles, &title, n);
                add(&mut p.units, &unit, n);
            }
        }
        merge_short_forms(people, &alias)
    }
}

/// Short names (lower case) → the one full name of the article ending
/// with them.
fn short_forms(people: &[PersonSeen]) -> HashMap<String, String> {
    let words: Vec<Vec<String>> = people
        .iter()
        .map(|p| {
            p.name
                .to_lowercase()
                .split_whitespace()
                .map(String::from)
                .collect()
        })
        .collect();
    let mut alias = HashMap::new();
    for (i, short) in words.iter().enumerate() {
        if short.is_empty() {
            continue;
        }
        let mut fulls = words
            .iter()
            .enumerate()
            .filter(|(j, full)| *j != i && full.len() > short.len() && full.ends_with(short));
        if let (Some((j, _)), None) = (fulls.next(), fulls.next()) {
            alias.insert(words[i].join(" "), words[j].join(" "));
        }
    }
    alias
}

/// Fold each short form into its full name, keeping the order of first
/// mention of the full names.
fn merge_short_forms(people: Vec<PersonSeen>, alias: &HashMap<String, String>) -> Vec<PersonSeen> {
    if alias.is_empty() {
        return people;
    }
    let (short, mut full): (Vec<PersonSeen>, Vec<PersonSeen>) = people
        .into_iter()
        .partition(|p| alias.contains_key(&p.name.to_lowercase()));
    for s in short {
        let target = &alias[&s.name.to_lowercase()];
        if let Some(f) = full.iter_mut().find(|f| &f.name.to_lowercase() == target) {
            f.mentions += s.mentions;
            f.first_sentence = f.first_sentence.min(s.first_sentence);
            for (list, from) in [
                (&mut f.variants, s.variants),
                (&mut f.titles, s.titles),
                (&mut f.units, s.units),
            ] {
                for (name, n) in from {
                    add(list, &name, n);
                }
            }
        }
    }
    full
}

fn list_cell(list: &[(String, u64)]) -> String {
    let mut sorted: Vec<&(String, u64)> = list.iter().collect();
    sorted.sort_by_key(|(_, c)| std::cmp::Reverse(*c));
    sorted
        .iter()
        .take(LISTED)
        .map(|(n, c)| format!("{n} ({c})"))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The `article_people.csv` row of one person of article `a`.
pub fn article_row(a: &Article, p: &PersonSeen) -> Vec<String> {
    person_row(&a.id, p)
}

/// The `article_people.csv` row of one person of article `article_id`.
pub fn person_row(article_id: &str, p: &PersonSeen) -> Vec<String> {
    vec![
        article_id.to_string(),
        p.name.clone(),
        list_cell(&p.variants),
        p.mentions.to_string(),
        list_cell(&p.titles),
        list_cell(&p.units),
        p.first_sentence.to_string(),
    ]
}

#[derive(Debug, Clone)]
struct PersonRow {
    names: Tally,
    variants: Tally,
    titles: Tally,
    units: Tally,
    articles: u64,
    mentions: u64,
    first_date: Option<String>,
    last_date: Option<String>,
    first_ids: Vec<String>,
}

/// `people.csv`: one row per person over the run, fed article by article
/// in input order.
#[derive(Debug, Default)]
pub struct PeopleIndex {
    rows: HashMap<String, PersonRow>,
}

impl PeopleIndex {
    pub fn add(&mut self, article_id: &str, date: Option<&str>, people: &[PersonSeen]) {
        for p in people {
            let row = self
                .rows
                .entry(p.name.to_lowercase())
                .or_insert_with(|| PersonRow {
                    names: Tally::new(KEPT),
                    variants: Tally::new(KEPT),
                    titles: Tally::new(KEPT),
                    units: Tally::new(KEPT),
                    articles: 0,
                    mentions: 0,
                    first_date: None,
                    last_date: None,
                    first_ids: Vec::new(),
                });
            row.names.add(&p.name, p.mentions);
            for (v, n) in &p.variants {
                row.variants.add(v, *n);
            }
            for (t, n) in &p.titles {
                row.titles.add(t, *n);
            }
            for (u, n) in &p.units {
                row.units.add(u, *n);
            }
            row.articles += 1;
            row.mentions += p.mentions;
            if let Some(d) = date {
                if row.first_date.as_deref().is_none_or(|f| d < f) {
                    row.first_date = Some(d.to_string());
                }
                if row.last_date.as_deref().is_none_or(|l| d > l) {
                    row.last_date = Some(d.to_string());
                }
            }
            if row.first_ids.len() < FIRST_IDS {
                row.first_ids.push(article_id.to_string());
            }
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn ranked(&self) -> Vec<(&String, &PersonRow)> {
        let mut rows: Vec<(&String, &PersonRow)> = self.rows.iter().collect();
        rows.sort_by(|(ka, a), (kb, b)| {
            b.articles
                .cmp(&a.articles)
                .then(b.mentions.cmp(&a.mentions))
                .then(ka.cmp(kb))
        });
        rows
    }

    /// The `n` persons in most articles: (name, articles, mentions).
    pub fn top(&self, n: usize) -> Vec<(String, u64, u64)> {
        self.ranked()
            .into_iter()
            .take(n)
            .map(|(_, r)| (shown_name(r), r.articles, r.mentions))
            .collect()
    }

    /// Every row, the person in most articles first.
    pub fn rows(&self) -> impl Iterator<Item = Vec<String>> + '_ {
        self.ranked().into_iter().map(|(_, r)| {
            vec![
                shown_name(r),
                r.variants.cell(LISTED),
                r.articles.to_string(),
                r.mentions.to_string(),
                r.titles.cell(LISTED),
                r.units.cell(LISTED),
                r.first_date.clone().unwrap_or_default(),
                r.last_date.clone().unwrap_or_default(),
                r.first_ids.join(" "),
            ]
        })
    }
}

fn shown_name(r: &PersonRow) -> String {
    r.names
        .top(1)
        .first()
        .map(|(n, _)| n.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(name: &str, variants: &[(&str, u64)], titles: &[(&str, u64)]) -> PersonSeen {
        let own = |l: &[(&str, u64)]| l.iter().map(|(n, c)| (n.to_string(), *c)).collect();
        PersonSeen {
            name: name.into(),
            mentions: variants.iter().map(|(_, c)| c).sum(),
            variants: own(variants),
            titles: own(titles),
            units: Vec::new(),
            first_sentence: 0,
        }
    }

    #[test]
    fn one_row_per_person_over_the_run() {
        let mut idx = PeopleIndex::default();
        idx.add(
            "a1",
            Some("2017-03-02"),
            &[seen(
                "Donald Trump",
                &[("Donald Trump", 1), ("Trump", 2)],
                &[("Tổng thống", 1)],
            )],
        );
        idx.add("a2", None, &[seen("Lê Văn Nam", &[("Lê Văn Nam", 1)], &[])]);
        idx.add(
            "a3",
            Some("2017-01-05"),
            &[seen("Donald Trump", &[("Trump", 1)], &[("Tổng thống", 2)])],
        );
        let rows: Vec<Vec<String>> = idx.rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][0], "Donald Trump");
        assert_eq!(rows[0][1], "Trump (3) | Donald Trump (1)");
        assert_eq!(rows[0][2], "2");
        assert_eq!(rows[0][3], "4");
        assert_eq!(rows[0][4], "Tổng thống (3)");
        assert_eq!(rows[0][6], "2017-01-05");
        assert_eq!(rows[0][7], "2017-03-02");
        assert_eq!(rows[0][8], "a1 a3");
    }
}
