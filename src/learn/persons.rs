//! `person_names.csv`: names the corpus shows with a person's cue (an
//! honorific, a title, an apposition), with how often they come with one
//! and without.

use super::Learned;
use super::lexicons::Lexicons;
use super::runs::RunCount;
use super::tokens::phrase_tokens;
use super::write::Table;
use crate::rules::learned::LearnedPersonName;
use crate::rules::lists::WordListRow;

/// Articles with a cue a name needs to be listed: 2, or 4 for a name
/// that starts with a surname (which the extractors find without a cue).
const MIN_CUED_ARTICLES: u32 = 2;
const MIN_CUED_ARTICLES_SURNAME: u32 = 4;

/// The corpus treats this run as a person's name: cued in two or more
/// articles, and cued in 1 mention of 10 at least, so that the cues are
/// not accidents (a place or a club cued now and then is not a name);
/// rarely in a place's or a company's position or before the lower-case
/// half of a compound (`Giám đốc Marketing`).
pub fn is_person(r: &RunCount) -> bool {
    r.cued() * 10 >= r.mentions && person_contexts(r)
}

/// A star the news names bare (`Messi`, `Công Phượng`): cued often (see
/// [`STAR_TIERS`]), and, for one word, one that is not an
/// ordinary word written in lower case too (`Tây`, `Hai`, `Sáng`).
fn is_star(name: &[String], r: &RunCount, l: &Learned) -> bool {
    let ordinary = match name {
        [w] => {
            let c = l.case.count(w);
            c.mid_lower * 10 >= c.mid_cap
        }
        _ => false,
    };
    cued_often(r) && !ordinary && person_contexts(r)
}

fn cued_often(r: &RunCount) -> bool {
    STAR_TIERS
        .iter()
        .enumerate()
        .any(|(k, &(articles, per_100))| {
            r.cued_articles >= articles
                && r.cued() * 100 >= r.mentions * per_100
                && (k == 0 || r.by_title * 2 < r.cued())
        })
}

/// A star is cued in (articles, mentions of 100): 15 and 1 (`Messi`), 8
/// and 3 (`Hari Won`, `Neymar`: written bare hundreds of times, cued in a
/// dozen articles), or 5 and 5 (`Sơn Tùng`); below the first, mostly by
/// an honorific or an apposition: a bank or a ministry after a title
/// (`Chủ tịch Sacombank`, `Bộ trưởng Công Thương`) is no star.
const STAR_TIERS: [(u32, u32); 3] = [(15, 1), (8, 3), (5, 5)];

/// `Montenegro Dusko Markovic`, `Kremlin Dmitry Peskov` (after `Thủ
/// tướng`, `người phát ngôn Điện`): a foreign name of three words or more
/// whose first word is a name of its own, mentioned alone 10 times and
/// hardly ever with a cue, and whose other words are a name of their own.
fn led_by_other_name(name: &str, l: &Learned) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() < 3 {
        return false;
    }
    let first_alone = l
        .runs
        .get(words[0])
        .is_some_and(|r| r.mentions >= 10 && r.cued() * 20 < r.mentions);
    let rest = l
        .runs
        .get(&words[1..].join(" "))
        .is_some_and(|r| r.mentions > 0);
    first_alone && rest
}

/// The corpus classes the name as no person (`cuộc thi The Voice`, `ứng
/// dụng Grab`, `môn võ Vịnh Xuân`) in a third of its cued mentions or a
/// tenth of all: the cues (`HLV The Voice`, `tài xế Grab`, `võ sư Vịnh
/// Xuân`) name someone of that show, service or school, not the name.
pub fn classed_as_no_person(r: &RunCount) -> bool {
    r.classed * 3 >= r.cued() || r.classed * 10 >= r.mentions
}

/// `Vịnh Xuân Flores` (after `võ sư`), `Nhà Trắng Sean Spicer`: a name
/// whose first two words or more are a run the corpus classes as no
/// person, met 10 times or more and classed 5 times or more (a school, a
/// show, a body before the person's own name). One word is not enough:
/// `Công`, `Bảo` open names and teams alike.
fn led_by_no_person(name: &str, l: &Learned) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    (2..words.len()).any(|k| {
        l.runs
            .get(&words[..k].join(" "))
            .is_some_and(|r| r.mentions >= 10 && r.classed >= 5 && classed_as_no_person(r))
    })
}

/// A run that opens with a unit's head word (`Trường`, `Hội`, `Viện`) is
/// a unit's name (`Trường Đại học`) unless the corpus cues it as a
/// person's name in 10 articles and 1 mention of 10 (`Trường Giang`).
fn cued_as_person(r: &RunCount) -> bool {
    r.cued_articles >= 10 && is_person(r)
}

fn person_contexts(r: &RunCount) -> bool {
    r.cued_articles >= 2
        && r.place_context * 5 < r.mentions
        && r.after_head * 5 < r.mentions
        && r.company <= r.cued()
        && r.compound * 4 < r.mentions
}

pub fn table(l: &Learned, lex: &Lexicons) -> Table {
    let mut rows: Vec<(u32, &String, &RunCount)> = Vec::new();
    for (name, r) in &l.runs.map {
        let toks = phrase_tokens(name);
        let surname = toks.first().is_some_and(|f| lex.surnames.contains(f));
        let min = if surname {
            MIN_CUED_ARTICLES_SURNAME
        } else {
            MIN_CUED_ARTICLES
        };
        if r.cued_articles < min
            || !(is_person(r) || is_star(&toks, r, l))
            || classed_as_no_person(r)
        {
            continue;
        }
        if lex.places.contains(&toks)
            || lex.not_names.contains(&toks)
            || lex.abbreviations.contains(&toks)
            || (lex.unit_heads.longest_at(&toks, 0).is_some() && !cued_as_person(r))
        {
            continue;
        }
        if toks.len() == 1 && l.case.is_sentence_word(&toks[0]) {
            continue;
        }
        if !surname && (led_by_other_name(name, l) || led_by_no_person(name, l)) {
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
                "(`X, tiền đạo ...`, `X (35 tuổi)`), in {MIN_CUED_ARTICLES}+ articles ({MIN_CUED_ARTICLES_SURNAME}+ for a name led by a surname, which"
            ),
            "the extractors find without a cue), with a cue for 1 mention in 10 (or a star named bare: 1 in 100 and 15"
                .into(),
            "cued articles, 3 in 100 and 8, or 5 in 100 and 5), rarely after a place word, a unit head or a company word or glued to a"
                .into(),
            "lower-case word, led by a unit's head word only when cued in 10 articles and 1 mention in 10 (`Trường Giang`),"
                .into(),
            "and classed as no person (`cuộc thi X`, `ứng dụng X`, `môn võ X`) in under 1 cued mention in 3 and 1 in 10."
                .into(),
            "mentions/articles: the name as a whole run of capitals (not inside a longer name), cued or not;"
                .into(),
            "cued = honorific + title + apposition; surname: starts with a surname of lexicon/surnames.csv."
                .into(),
        ],
        columns: LearnedPersonName::COLUMNS.to_vec(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(mentions: u32, by_honorific: u32, classed: u32) -> RunCount {
        RunCount {
            mentions,
            articles: mentions,
            by_honorific,
            cued_articles: by_honorific,
            classed,
            ..RunCount::default()
        }
    }

    #[test]
    fn a_name_the_corpus_classes_as_a_show_or_service_is_no_person() {
        // `HLV X` 20 times, `cuộc thi X` / `chương trình X` 8 times.
        assert!(classed_as_no_person(&run(160, 20, 8)));
        // `ứng dụng X` in 1 mention of 10, however often cued.
        assert!(classed_as_no_person(&run(100, 90, 10)));
    }

    #[test]
    fn a_name_now_and_then_after_a_classifier_stays_a_person() {
        // `tiền vệ X` 40 times, `đội X` once (a team named after him).
        assert!(!classed_as_no_person(&run(80, 40, 1)));
        assert!(!classed_as_no_person(&run(80, 40, 0)));
        assert!(is_person(&run(80, 40, 1)));
    }

    #[test]
    fn a_star_is_cued_in_many_articles_however_often_written_bare() {
        // Written 2,000 times, cued in 20 articles, once each.
        let messi = RunCount {
            articles: 300,
            ..run(2000, 20, 0)
        };
        assert!(cued_often(&messi) && !is_person(&messi));
        // Cued in 12 articles of 140, 15 cues in 500 mentions.
        let neymar = RunCount {
            cued_articles: 12,
            ..run(500, 15, 0)
        };
        assert!(cued_often(&neymar));
        // The same counts from `Chủ tịch X` name a bank, not a star.
        let bank = RunCount {
            by_title: 15,
            by_honorific: 0,
            cued_articles: 12,
            ..run(500, 0, 0)
        };
        assert!(!cued_often(&bank));
        // Cued in 5 articles only, 5 times in 500 mentions.
        assert!(!cued_often(&run(500, 5, 0)));
        // Cued in 5 articles, 12 times in 200 mentions.
        let singer = RunCount {
            cued_articles: 5,
            ..run(200, 12, 0)
        };
        assert!(cued_often(&singer));
    }

    #[test]
    fn a_name_opening_with_a_unit_head_needs_many_cued_articles() {
        // `Trường Giang` after `danh hài` in 22 articles, 36 of 334 mentions.
        let cued = RunCount {
            cued_articles: 22,
            ..run(334, 36, 0)
        };
        assert!(cued_as_person(&cued));
        // `Trường Tiểu học` after `cô giáo` now and then.
        assert!(!cued_as_person(&run(300, 3, 0)));
    }
}
