//! `person_names.csv`: names the corpus shows with a person's cue (an
//! honorific, a title, an apposition), with how often they come with one
//! and without.

use super::Learned;
use super::lexicons::Lexicons;
use super::runs::RunCount;
use super::tokens::phrase_tokens;
use super::write::Table;

/// Articles with a cue a name needs to be listed.
const MIN_CUED_ARTICLES: u32 = 3;

/// The corpus treats this run as a person's name: cued in two or more
/// articles, and cued in 1 mention of 10 at least, so that the cues are
/// not accidents (a place or a club cued now and then is not a name);
/// rarely in a place's or a company's position.
pub fn is_person(r: &RunCount) -> bool {
    let cued = r.cued();
    r.cued_articles >= 2
        && cued * 10 >= r.mentions
        && r.place_context * 5 < r.mentions
        && r.after_head * 5 < r.mentions
        && r.company <= cued
        && r.compound * 2 < r.mentions
}

pub fn table(l: &Learned, lex: &Lexicons) -> Table {
    let mut rows: Vec<(u32, &String, &RunCount)> = Vec::new();
    for (name, r) in &l.runs.map {
        if r.cued_articles < MIN_CUED_ARTICLES || !is_person(r) {
            continue;
        }
        let toks = phrase_tokens(name);
        if lex.places.contains(&toks)
            || lex.not_names.contains(&toks)
            || lex.unit_heads.longest_at(&toks, 0).is_some()
        {
            continue;
        }
        if toks.len() == 1 && l.case.is_sentence_word(&toks[0]) {
            continue;
        }
        // Initials (`T`, `N.T.L`) are names only where they stand.
        if toks
            .iter()
            .all(|w| w.chars().count() == 1 || w.contains('.'))
        {
            continue;
        }
        rows.push((r.cued_articles, name, r));
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let rows = rows
        .into_iter()
        .map(|(_, name, r)| {
            let surname = phrase_tokens(name)
                .first()
                .is_some_and(|f| lex.surnames.contains(f));
            vec![
                name.clone(),
                r.mentions.to_string(),
                r.cued().to_string(),
                r.articles.to_string(),
                r.cued_articles.to_string(),
                r.by_honorific.to_string(),
                r.by_title.to_string(),
                r.by_apposition.to_string(),
                if surname { "yes" } else { "no" }.to_string(),
            ]
        })
        .collect();
    Table {
        file: "person_names.csv",
        about: vec![
            "Person names: runs of capitalised words found right after an honorific or profession"
                .into(),
            "(lexicon/honorifics.csv: ông, chị, HLV, tiền đạo), a title (lexicon/titles.csv), or in apposition"
                .into(),
            format!(
                "(`X, tiền đạo ...`, `X (35 tuổi)`), in {MIN_CUED_ARTICLES}+ articles, with a cue for at least 1 mention in 10,"
            ),
            "and rarely after a place word, a unit head or a company word.".into(),
            "mentions/articles: the name as a whole run of capitals (not inside a longer name), cued or not;"
                .into(),
            "cued = honorific + title + apposition; surname: starts with a surname of lexicon/surnames.csv."
                .into(),
        ],
        columns: vec![
            "name",
            "mentions",
            "cued",
            "articles",
            "cued_articles",
            "honorific",
            "title",
            "apposition",
            "surname",
        ],
        rows,
    }
}
