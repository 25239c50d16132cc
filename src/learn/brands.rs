//! `brands.csv`: bare company and brand names used as actors: named as a
//! company somewhere (`hãng Samsung`, `Tập đoàn Hòa Phát`, `Công ty TNHH
//! X`, `(Vinamilk)` after a company's full name), and used bare, as the
//! subject of what companies do (`Samsung ra mắt`, `Vinamilk cho biết`).

use super::Learned;
use super::lexicons::Lexicons;
use super::persons;
use super::tokens::phrase_tokens;
use super::write::Table;
use crate::rules::learned::LearnedBrand;
use crate::rules::lists::WordListRow;

/// Articles naming it as a company, and mentions without a company word.
const MIN_COMPANY_ARTICLES: u32 = 2;
const MIN_BARE_MENTIONS: u32 = 3;
/// Articles naming it as a company, and articles where it acts as one,
/// that make a frequent name a company however often it is written bare.
const MANY_COMPANY_ARTICLES: u32 = 10;
const MANY_SUBJECT_ARTICLES: u32 = 10;

pub fn table(l: &Learned, lex: &Lexicons) -> Table {
    let mut rows = Vec::new();
    for (name, r) in &l.runs.map {
        // Named as a company in 1 mention in 50 at least: a place or a
        // common word named so by accident (`doanh nghiệp Việt Nam`) is not.
        // Or, for a name the corpus writes very often, named as a company in
        // many articles and the subject of what companies do in many
        // (`Apple`: mostly written bare, `hãng Apple` in a dozen articles).
        let often_a_company = r.company_articles >= MANY_COMPANY_ARTICLES
            && r.subject_articles >= MANY_SUBJECT_ARTICLES;
        if r.company_articles < MIN_COMPANY_ARTICLES
            || (r.company * 50 < r.mentions && !often_a_company)
        {
            continue;
        }
        let bare = r.bare;
        if bare < MIN_BARE_MENTIONS || r.subject_articles == 0 {
            continue;
        }
        if persons::is_person(r) || r.cued() * 10 > r.mentions {
            continue;
        }
        if r.place_context * 5 >= r.mentions || r.compound * 2 >= r.mentions {
            continue;
        }
        let toks = phrase_tokens(name);
        // A common word capitalised now and then (`Thuốc`, `In`).
        if let [word] = toks.as_slice() {
            let c = l.case.count(word);
            if c.mid_lower > c.mid_cap {
                continue;
            }
        }
        if lex.places.contains(&toks)
            || lex.not_names.contains(&toks)
            || lex.abbreviations.contains(&toks)
            || lex.unit_heads.longest_at(&toks, 0).is_some()
            || toks.iter().any(|t| l.case.is_sentence_word(t))
        {
            continue;
        }
        let evidence = if r.subject_articles >= 2 {
            "company+subject"
        } else {
            "company+subject(1)"
        };
        rows.push((
            r.articles,
            name.clone(),
            vec![
                name.clone(),
                r.mentions.to_string(),
                r.articles.to_string(),
                r.company_articles.to_string(),
                r.subject_articles.to_string(),
                bare.to_string(),
                evidence.to_string(),
            ],
        ));
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    Table {
        file: "brands.csv",
        about: vec![
            "Company and brand names used bare as actors. company_articles: articles naming it as a company"
                .into(),
            "(after hãng, tập đoàn, thương hiệu, doanh nghiệp...; after Công ty/Tập đoàn/Ngân hàng and a legal form;"
                .into(),
            "in brackets after a company's full name); subject_articles: articles where it is the subject of"
                .into(),
            "an actor verb (cho biết, công bố, ra mắt...) at a clause start; bare_mentions: mentions without a"
                .into(),
            format!(
                "company word or unit head before it. Listed with {MIN_COMPANY_ARTICLES}+ company articles (and named as a company in 1 mention"
            ),
            format!(
                "in 50 or more), a subject use, {MIN_BARE_MENTIONS}+ bare mentions; not a person's name (person cues on under 1 mention"
            ),
            "in 10), not a place, not in lexicon/abbreviations.csv.".into(),
        ],
        columns: LearnedBrand::COLUMNS.to_vec(),
        rows: rows.into_iter().map(|r| r.2).collect(),
    }
}
