//! `not_names.csv`: capitalised words and phrases that are not person
//! names, by kind:
//!
//! - `sentence_start`: capitalised mostly where capitals are forced
//!   (`Tuy`, `Theo`), lower case elsewhere;
//! - `compound`: a capitalised word glued to the lower-case word after it
//!   (`Dân trí`, `Quốc hội`): the pair is never a given name and a verb;
//! - `place`: capitalised runs mostly after place words (`tại`, `người`,
//!   `tỉnh`), never with a person's cue, not yet in lexicon/places.csv;
//! - `organisation`: capitalised runs mostly right after a unit head or a
//!   company word (`Bạch Mai`, `Vingroup`), never with a person's cue.

use super::Learned;
use super::lexicons::Lexicons;
use super::tokens::phrase_tokens;
use super::write::Table;
use crate::rules::learned::LearnedNotName;
use crate::rules::lists::WordListRow;

const MIN_SENTENCE_START: u32 = 10;
const MIN_COMPOUND: u32 = 30;
const MIN_PLACE_CONTEXT: u32 = 8;
const MIN_ORGANISATION: u32 = 10;

fn capitalise(w: &str) -> String {
    let mut cs = w.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// A run that can be an organisation's own words: capitalised words (no
/// acronym or legal form: `CP Xây`, `CSĐT Công` are cut names), not
/// starting with a place (`Anh John Bercow` after `Hạ viện`), not ending in
/// a person's name, not the first half of a compound (`Dệt` of `Dệt may`).
fn organisation_words(l: &Learned, lex: &Lexicons, name: &str, toks: &[String]) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let capitalised = words
        .iter()
        .all(|w| super::tokens::shape_of(w) == super::tokens::Shape::Cap);
    let place_first = lex.places.longest_at(toks, 0).is_some();
    let person_end = (0..words.len()).any(|k| {
        l.runs
            .get(&words[k..].join(" "))
            .is_some_and(super::persons::is_person)
    });
    let compound = l
        .runs
        .get(name)
        .is_some_and(|r| r.compound * 2 >= r.mentions);
    capitalised && words.len() <= 4 && !place_first && !person_end && !compound
}

pub fn table(l: &Learned, lex: &Lexicons) -> Table {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (w, c) in l.case.words.sorted() {
        if c.forced_cap >= MIN_SENTENCE_START && l.case.is_sentence_word(w) {
            rows.push(vec![
                capitalise(w),
                "sentence_start".into(),
                (c.forced_cap + c.mid_cap + c.mid_lower).to_string(),
                c.forced_cap.to_string(),
                c.mid_cap.to_string(),
                c.articles.to_string(),
            ]);
        }
    }
    for (k, n) in l.case.compound_rows(&l.compounds, MIN_COMPOUND) {
        let (first, next) = k.split_once('\u{1}').unwrap_or((&k, ""));
        rows.push(vec![
            format!("{} {next}", capitalise(first)),
            "compound".into(),
            n.to_string(),
            n.to_string(),
            "0".into(),
            String::new(),
        ]);
    }
    for (name, r) in l.runs.sorted() {
        if r.cued() > 0 {
            continue;
        }
        let toks = phrase_tokens(name);
        let known = lex.places.contains(&toks) || lex.not_names.contains(&toks);
        if known || toks.iter().any(|t| l.case.is_sentence_word(t)) {
            continue;
        }
        let organisation = r.after_head + r.company;
        let kind = if r.place_context >= MIN_PLACE_CONTEXT && r.place_context * 3 >= r.mentions {
            Some(("place", r.place_context))
        } else if organisation >= MIN_ORGANISATION
            && organisation * 2 >= r.mentions
            && organisation_words(l, lex, name, &toks)
        {
            Some(("organisation", organisation))
        } else {
            None
        };
        if let Some((kind, evidence)) = kind {
            rows.push(vec![
                name.clone(),
                kind.into(),
                r.mentions.to_string(),
                evidence.to_string(),
                "0".into(),
                r.articles.to_string(),
            ]);
        }
    }
    rows.sort_by(|a, b| a[1].cmp(&b[1]).then_with(|| a[0].cmp(&b[0])));
    Table {
        file: "not_names.csv",
        about: vec![
            "Capitalised words and phrases that are not person names. kind:".into(),
            format!(
                "sentence_start: capitalised at a sentence start (or after : ( - or a quote) {MIN_SENTENCE_START}+ times and in 4 of 5"
            ),
            "  of its capitals, lower case mid-sentence more often than capitalised (evidence = sentence starts, against ="
                .into(),
            "  mid-sentence capitals, mostly where news text runs a caption or paragraph on without a full stop);"
                .into(),
            format!(
                "compound: capitalised word + the lower-case word it is glued to ({MIN_COMPOUND}+ times; far above that word's"
            ),
            "  rate after capitals): the pair is a proper noun, not a given name + verb (evidence = pair count);"
                .into(),
            format!(
                "place: {MIN_PLACE_CONTEXT}+ mentions and 1 in 3 after a place word (tại, ở, người, tỉnh...), never cued as a person,"
            ),
            "  not in lexicon/places.csv or lexicon/not_names.csv (evidence = mentions in a place context);"
                .into(),
            format!(
                "organisation: capitalised words (no acronym), {MIN_ORGANISATION}+ mentions and half of them right after a unit head"
            ),
            "  or company word, never cued as a person, not ending in a person's name (evidence = those mentions)."
                .into(),
            "mentions: every occurrence (sentence_start: in any case; compound: of the pair).".into(),
        ],
        columns: LearnedNotName::COLUMNS.to_vec(),
        rows,
    }
}
