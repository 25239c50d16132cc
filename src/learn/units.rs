//! `unit_names.csv` and `unit_continuations.csv`: full organisation names
//! and the words that continue or end them (see [`super::boundaries`]).

use super::Learned;
use super::boundaries::last_word;
use super::cues::UNFINISHED_ENDINGS;
use super::lexicons::Lexicons;
use super::persons;
use super::tokens::phrase_tokens;
use super::trie::edge_key;
use super::write::Table;
use crate::rules::learned::{LearnedContinuation, LearnedUnitName};
use crate::rules::lists::WordListRow;
use std::collections::BTreeMap;

/// Articles a full name must end in to be listed.
const MIN_NAME_ARTICLES: u32 = 3;
/// Articles a word must end names in to be listed as a stop word.
const MIN_STOP_ARTICLES: u32 = 30;

/// Names that are listed: complete in enough articles, ending closed in
/// two thirds of its occurrences (see [`super::boundaries::end_of`]),
/// standing on its own (see [`super::boundaries::Decision::complete`]), with a
/// proper part after the head that is more than a legal form, not cut on
/// a function word, neither a place nor a person's name (`Đài Loan`,
/// `Đoàn Văn Hậu`), and not running on into a person's name (`Bộ Ngoại
/// giao Mỹ Heather Nauert`).
fn listed_names(l: &Learned, lex: &Lexicons) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for (&node, end) in &l.ends {
        if end.df < MIN_NAME_ARTICLES || !l.decision.proper[node as usize] {
            continue;
        }
        if end.closed * 3 < end.occ * 2 || !l.decision.complete[node as usize] {
            continue;
        }
        let name = l.trie.name(node);
        let toks = phrase_tokens(&name);
        // Cut on a function word, or on a level word without its place
        // (`Phòng Giáo dục và Đào tạo quận`, `Công an TP`).
        if UNFINISHED_ENDINGS.contains(&l.trie.token_str(node))
            || lex.place_levels.longest_before(&toks, toks.len()).is_some()
        {
            continue;
        }
        if lex.places.contains(&toks) || lex.not_names.contains(&toks) {
            continue;
        }
        if lex.document_kinds.longest_at(&toks, 0).is_some() {
            continue;
        }
        if l.runs
            .get(&name)
            .is_some_and(|r| persons::is_person(r) || r.place_context * 3 >= r.mentions)
        {
            continue;
        }
        if ends_in_person(l, lex, node) || only_legal_form(l, node) {
            continue;
        }
        out.push((node, name));
    }
    out
}

/// The name's last capitalised words, or a tail of them, are a person's
/// name: one the corpus treats as a person, or a run led by a surname
/// that has been seen with a person's cue (`Tỉnh ủy Lê Đình Sơn`). A
/// place the name ends in is not looked into (`Bộ Ngoại giao Trung
/// Quốc` does not end in the given name `Quốc`).
fn ends_in_person(l: &Learned, lex: &Lexicons, node: u32) -> bool {
    let path = l.trie.path(node);
    let caps: Vec<&str> = path
        .iter()
        .skip(1)
        .rev()
        .take_while(|&&n| l.trie.nodes[n as usize].capitalised())
        .map(|&n| l.trie.form(n))
        .collect();
    let suffix = |k: usize| -> Vec<&str> { caps[..k].iter().rev().copied().collect() };
    let place = (1..=caps.len())
        .filter(|&k| lex.places.contains(&phrase_tokens(&suffix(k).join(" "))))
        .max()
        .unwrap_or(0);
    (place + 1..=caps.len()).any(|k| {
        let name = suffix(k);
        let surname_led = lex.surnames.contains(&name[0].to_lowercase()) && k >= 2;
        l.runs
            .get(&name.join(" "))
            .is_some_and(|r| persons::is_person(r) || (surname_led && r.cued() > 0))
    })
}

/// Nothing after the head but legal forms and the usual abbreviations of
/// a company's trade (`Công ty TNHH`, `Công ty CP`, `Công ty TNHH TM`).
fn only_legal_form(l: &Learned, node: u32) -> bool {
    const FORMS: &[&str] = &[
        "tnhh", "cp", "mtv", "cổ", "phần", "trách", "nhiệm", "hữu", "hạn", "một", "thành", "viên",
        "jsc", "ltd", "co.", "tm", "dv", "xd", "sx", "xnk", "tmdv", "tm-dv", "đt",
    ];
    l.trie
        .path(node)
        .iter()
        .skip(1)
        .all(|&n| FORMS.contains(&l.trie.token_str(n)))
}

pub fn names_table(l: &Learned, lex: &Lexicons) -> Table {
    let mut rows: Vec<(u32, String, Vec<String>)> = listed_names(l, lex)
        .into_iter()
        .map(|(node, name)| {
            let end = l.ends[&node];
            let head = &lex.unit_heads.phrases[l.trie.head_of(node)];
            let lower = l
                .trie
                .path(node)
                .iter()
                .skip(1)
                .filter(|&&n| !l.trie.nodes[n as usize].capitalised())
                .count();
            let row = vec![
                name.clone(),
                head.clone(),
                end.df.to_string(),
                end.occ.to_string(),
                lower.to_string(),
            ];
            (end.df, name, row)
        })
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    Table {
        file: "unit_names.csv",
        about: vec![
            "Full organisation names: a head word of lexicon/unit_heads.csv and the words the corpus"
                .into(),
            "shows continue it (capitalised words; lower-case words that follow the name so far in"
                .into(),
            "most of its articles, or far more often than they start a predicate after a name)."
                .into(),
            format!(
                "Listed when the name ends there in {MIN_NAME_ARTICLES}+ articles, in 2 of 3 occurrences at punctuation or before a"
            ),
            "predicate, a function word or a new name (not before a rare lower-case word that may go on), stopping there"
                .into(),
            "in 1 occurrence of 5 at least (not the shared start of a family: `Viện Nghiên cứu` + a field), and has a"
                .into(),
            "capitalised word, acronym or number after its head.".into(),
            "articles/mentions: where the name occurs complete (a longer name is not counted under a shorter one);"
                .into(),
            "lower_words: lower-case words after the head (the part a capitalised-words rule misses)."
                .into(),
        ],
        columns: LearnedUnitName::COLUMNS.to_vec(),
        rows: rows.into_iter().map(|r| r.2).collect(),
    }
}

pub fn continuations_table(l: &Learned, lex: &Lexicons) -> Table {
    let trie = &l.trie;
    let listed: Vec<u32> = listed_names(l, lex).into_iter().map(|(n, _)| n).collect();
    // Nodes on the way to a listed name.
    let mut useful = vec![false; trie.nodes.len()];
    for n in listed {
        for p in trie.path(n) {
            useful[p as usize] = true;
        }
    }
    let before_word = |p: u32| last_word(trie, p);
    // (before, word) → (continues, ends, names)
    let mut edges: BTreeMap<String, (u32, u32, u32)> = BTreeMap::new();
    let mut word_ends: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for (i, node) in trie.nodes.iter().enumerate().skip(1) {
        let w = trie.token_str(i as u32);
        if !useful[i] || node.capitalised() || w.starts_with('#') {
            continue;
        }
        if !l.decision.accepted[i] || !w.chars().all(char::is_alphabetic) {
            continue;
        }
        let e = edges
            .entry(edge_key(&before_word(node.parent), w))
            .or_default();
        e.0 += node.df;
        e.2 += 1;
        word_ends.entry(w.to_string()).or_default().0 += node.df;
    }
    for &(p, c) in &l.decision.rejected {
        let w = trie.token_str(c);
        let df = trie.nodes[c as usize].df;
        if let Some(e) = edges.get_mut(&edge_key(&before_word(p), w)) {
            e.1 += df;
        }
        word_ends.entry(w.to_string()).or_default().1 += df;
    }
    let mut rows = Vec::new();
    for (k, (cont, ends, names)) in &edges {
        let (before, word) = k.split_once('\u{1}').unwrap_or(("", k));
        rows.push(vec![
            before.to_string(),
            word.to_string(),
            "continue".into(),
            cont.to_string(),
            ends.to_string(),
            names.to_string(),
        ]);
    }
    for (w, (cont, ends)) in &word_ends {
        if *ends >= MIN_STOP_ARTICLES && cont * 10 < *ends {
            rows.push(vec![
                "*".into(),
                w.clone(),
                "stop".into(),
                cont.to_string(),
                ends.to_string(),
                "0".into(),
            ]);
        }
    }
    Table {
        file: "unit_continuations.csv",
        about: vec![
            "Lower-case words inside and after organisation names (see unit_names.csv)."
                .into(),
            "verdict continue: `word` right after `before` continued a listed name (before = last word so far,"
                .into(),
            "head words included: `viện` for Bệnh viện); continues = articles, names = distinct names it continued."
                .into(),
            format!(
                "verdict stop (before = *): a word that started the predicate after a name in {MIN_STOP_ARTICLES}+ articles"
            ),
            "and continued names in under a tenth as many; ends = articles where it followed a complete name."
                .into(),
        ],
        columns: LearnedContinuation::COLUMNS.to_vec(),
        rows,
    }
}
