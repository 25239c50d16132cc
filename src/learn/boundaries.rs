//! Where an organisation's name ends: which words after a head and its
//! name continue the name, and which start the sentence's predicate.
//!
//! Capitalised words continue a name (`Bệnh viện Bạch Mai`), except a
//! surname or a number after a name that is already complete (`Bộ Y tế
//! Nguyễn Thị Kim Tiến`, where `Bộ Y tế` mostly stands alone), and a unit
//! head or a title after `và`, a comma or a dash (`Bộ Y tế và Bộ Tài
//! chính`, `Bộ Chính trị, Bí thư Thành ủy`). A comma or a dash continues a
//! name that one capitalised word nearly always follows it with (`Bộ Văn
//! hóa, Thể thao và Du lịch`), or that it follows in most articles
//! (`Cục Quản lý Khám, chữa bệnh`), unless a title or a head comes after
//! it in 3 articles of 10 (a list). A
//! lower-case word continues the name when the corpus says it belongs to
//! it, not to what is said about it:
//!
//! - it is glued to the capitalised word before it (`Bộ Y` → `tế`,
//!   `Cục Quản` → `lý`: see [`super::case_stats`]), or
//! - it is the level word of an attached locality (`Công an` → `tỉnh`),
//!   in a tenth of the name's articles, or
//! - it follows the name so far in most of its articles (`Bộ Tài
//!   nguyên` → `và`: the continuation's count is close to the prefix's,
//!   measured by the lower bound of a 95% Wilson interval), or
//! - where the name branches (`Cục Quản lý` → `dược`, `khám`, `thị`), it
//!   follows the name so far far more often (50 times) than it starts a
//!   predicate after a name in general, measured by how often it follows
//!   a person's name found with a cue (`ông X cho biết`) and a
//!   mid-sentence capital.
//!
//! Words are syllables, so a word is judged with the word after it when
//! one dominates (`vận` of `vận tải` is not `vận` of `vận động`). A word
//! seen starting predicates after a person's name (`cho biết`, `đã`,
//! `tuyên bố`) needs the third test at a higher bar and never passes the
//! fourth. After a name that is already complete (it stops there, at
//! punctuation or before a common predicate word, in a fifth of its
//! occurrences: `Quốc hội`) the fourth test needs a lift of 500 (`khóa
//! XIV` continues, `thông qua` does not). Function words (`của`,
//! `thuộc`, `về`: [`NEVER_IN_NAMES`]) never continue a name. Glued words,
//! level words and punctuation need 3 articles; the statistical tests 5,
//! after a name seen in 10 (a story rewritten by a few outlets must not
//! make its verb part of a name). This is the branching idea of term
//! extraction (a name ends where what follows becomes unpredictable),
//! made robust to names that branch into families by comparing with a
//! predicate baseline.

use super::counts::key;
use super::cues::NEVER_IN_NAMES;
use super::lexicons::PhraseList;
use super::tails::Tail;
use super::trie::{Node, Trie};
use std::collections::{HashMap, HashSet};

/// Articles a lower-case continuation needs: glued words, level words and
/// punctuation 3, the statistical tests 5 (near-copies of one story must
/// not make a verb part of a name).
pub const MIN_CONTINUATION_ARTICLES: u32 = 3;
const MIN_JUDGED_ARTICLES: u32 = 5;
/// Articles a name needs before the statistical tests judge what follows.
const MIN_FAMILY_ARTICLES: u32 = 10;
/// Share of the prefix's articles for the dominant-continuation test
/// (lower bound of the Wilson interval).
const DOMINANT: f64 = 0.5;
/// The same test for words that commonly start predicates.
const DOMINANT_FOR_PREDICATE_WORDS: f64 = 0.8;
/// Least share, and least lift over the predicate baseline, in a branch.
const BRANCH_SHARE: f64 = 0.03;
const BRANCH_LIFT: f64 = 50.0;
/// The branch test after a complete name.
const COMPLETE_BRANCH_SHARE: f64 = 0.1;
const COMPLETE_BRANCH_LIFT: f64 = 500.0;
/// Least share of the name's articles for a level word (`tỉnh`).
const LEVEL_SHARE: f64 = 0.1;
/// Share of a comma's articles after which a title or a unit head starts
/// that makes it a list, not part of a name.
const LISTED_SHARE: f64 = 0.3;
/// Least share of the name's articles for a comma or dash that one
/// capitalised word nearly always follows.
const JOINER_SHARE: f64 = 0.15;
/// A word seen this often after a person's name starts predicates.
const PREDICATE_EVIDENCE: u32 = 3;
/// A name is complete when this share of its occurrences stops there.
const COMPLETE: f64 = 0.2;

/// How likely a lower-case word is to start a predicate after a name.
pub struct Predicates {
    after_person: HashMap<String, u32>,
    total: u64,
    /// Lower-case words after mid-sentence capitals, and their total.
    after_cap: HashMap<String, u32>,
    after_cap_total: u64,
}

impl Predicates {
    /// `after_person` and `after_cap` count single words and two-word
    /// sequences (`cho biết`); totals count single words.
    pub fn new(
        after_person: HashMap<String, u32>,
        after_cap: (HashMap<String, u32>, u64),
    ) -> Predicates {
        let total = after_person
            .iter()
            .filter(|(k, _)| !k.contains(' '))
            .map(|(_, &v)| u64::from(v))
            .sum();
        Predicates {
            after_person,
            total,
            after_cap: after_cap.0,
            after_cap_total: after_cap.1,
        }
    }

    fn after_cap_share(&self, w: &str) -> f64 {
        let n = self.after_cap.get(w).copied().unwrap_or(0);
        (f64::from(n) + 1.0) / (self.after_cap_total as f64 + 1.0)
    }

    pub fn after_person(&self, w: &str) -> u32 {
        self.after_person.get(w).copied().unwrap_or(0)
    }

    /// The larger of the two baselines (smoothed), to prefer precision.
    pub fn share(&self, w: &str) -> f64 {
        let p = (f64::from(self.after_person(w)) + 1.0) / (self.total as f64 + 1.0);
        p.max(self.after_cap_share(w))
    }

    /// Follows one person's name in 500 or more, at least 20 times.
    pub fn is_common(&self, w: &str) -> bool {
        let n = u64::from(self.after_person(w));
        n >= 20 && n * 500 >= self.total
    }

    /// Seen starting a predicate after a person's name.
    pub fn seen(&self, w: &str) -> bool {
        self.after_person(w) >= PREDICATE_EVIDENCE
    }
}

/// What was decided for every node of the trie.
pub struct Decision {
    /// The node continues the name of its parent (heads: always).
    pub accepted: Vec<bool>,
    /// The name so far has a capitalised word, acronym or number after
    /// its head: it is a name, not a bare head.
    pub proper: Vec<bool>,
    /// Lower-case children judged to start a predicate: (parent, child).
    pub rejected: Vec<(u32, u32)>,
    /// The name stops here in a fifth of its occurrences, at punctuation
    /// or before a word that commonly starts predicates: a name that
    /// stands on its own, not the shared start of a family (`Viện Nghiên
    /// cứu` + a field).
    pub complete: Vec<bool>,
}

/// What the decision reads besides the trie.
pub struct Known<'a> {
    pub predicates: &'a Predicates,
    pub surnames: &'a HashSet<String>,
    /// Heads that name one body on their own (`Bộ Công an`): already a name.
    pub standalone: &'a HashSet<usize>,
    /// Capitalised word + lower-case word glued into one (`y\x01tế`).
    pub compounds: &'a HashSet<String>,
    /// `unit_heads.csv`.
    pub heads: &'a PhraseList,
    /// The level words of `places.csv` (`tỉnh`, `thành phố`).
    pub levels: &'a PhraseList,
    /// `titles.csv`.
    pub titles: &'a PhraseList,
}

/// The lower-cased last word of a node (the last word of a head's phrase
/// for a head).
pub fn last_word(trie: &Trie, node: u32) -> String {
    let t = trie.token_str(node);
    if t.starts_with('#') {
        trie.form(node)
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_lowercase()
    } else {
        t.to_string()
    }
}

/// The word a child is judged by: with the word after it when one
/// dominates (`vận tải`, `và phát`), else alone.
fn judged_form(trie: &Trie, children: &[Vec<u32>], c: u32) -> String {
    let w = trie.token_str(c);
    let df = trie.nodes[c as usize].df;
    let dominant = children[c as usize].iter().find(|&&g| {
        let n = &trie.nodes[g as usize];
        n.df * 2 >= df && trie.token_str(g).chars().all(char::is_alphabetic)
    });
    match dominant {
        Some(&g) => format!("{w} {}", trie.token_str(g)),
        None => w.to_string(),
    }
}

pub fn decide(trie: &Trie, k: &Known) -> Decision {
    let pred = k.predicates;
    let n = trie.nodes.len();
    let mut d = Decision {
        accepted: vec![false; n],
        proper: vec![false; n],
        complete: vec![false; n],
        rejected: Vec::new(),
    };
    let children = trie.child_lists();
    let judged: Vec<String> = (0..n as u32)
        .map(|c| judged_form(trie, &children, c))
        .collect();
    let mut stack: Vec<u32> = trie.heads();
    for &h in &stack {
        d.accepted[h as usize] = true;
        d.proper[h as usize] = k.standalone.contains(&trie.head_of(h));
    }
    while let Some(p) = stack.pop() {
        let parent = &trie.nodes[p as usize];
        let kids = &children[p as usize];
        // Complete: a fifth of its occurrences stop here, at punctuation or
        // before a word that commonly starts predicates.
        let stopped: u32 = parent.hard_end
            + kids
                .iter()
                .filter(|&&c| {
                    !trie.nodes[c as usize].capitalised() && pred.is_common(&judged[c as usize])
                })
                .map(|&c| trie.nodes[c as usize].occ)
                .sum::<u32>();
        let complete = f64::from(stopped) >= COMPLETE * f64::from(parent.occ);
        d.complete[p as usize] = complete;
        let coordinator = matches!(trie.token_str(p), "và" | "," | "-" | "–" | "&");
        for &c in kids {
            let child = &trie.nodes[c as usize];
            let w = trie.token_str(c);
            let accept = if child.capitalised() {
                // A surname or a number after a complete name starts a new
                // entity (`Bộ Y tế Nguyễn Thị Kim Tiến`), and so does a head
                // word after `và`, a comma or a dash (`Bộ Y tế và Bộ Tài
                // chính`, `Khoa Hồi sức - Bệnh viện X`).
                let new_entity =
                    k.surnames.contains(w) || w.starts_with(|ch: char| ch.is_numeric());
                let after_complete = new_entity && d.proper[p as usize] && complete;
                let new_unit = coordinator && starts_new_entity(trie, &children, c, k);
                !(after_complete || new_unit)
            } else if child.df < MIN_CONTINUATION_ARTICLES {
                false
            } else if matches!(w, "," | "-" | "–" | "&") {
                joins_names(trie, &children, p, c, k)
            } else {
                // Glued to the word before (`Bộ Y` → `tế`), or the level
                // word of an attached locality (`Công an` → `tỉnh`).
                let glued = k.compounds.contains(&key(&[&last_word(trie, p), w]));
                let level = starts_phrase(trie, &children, c, k.levels)
                    && f64::from(child.df) >= LEVEL_SHARE * f64::from(parent.df);
                glued
                    || level
                    || (!NEVER_IN_NAMES.contains(&w)
                        && continues_lower(parent, child, w, &judged[c as usize], complete, pred))
            };
            if accept {
                d.accepted[c as usize] = true;
                d.proper[c as usize] = d.proper[p as usize] || child.capitalised();
                stack.push(c);
            } else if !child.capitalised()
                && d.proper[p as usize]
                && w.chars().all(char::is_alphabetic)
            {
                d.rejected.push((p, c));
            }
        }
    }
    d
}

/// A comma, dash or `&` inside a name (`Bộ Văn hóa, Thể thao và Du
/// lịch`, `Bộ Lao động - Thương binh và Xã hội`): it follows the name in
/// most of its articles, or in a good share of them with one capitalised
/// word after it nearly always, and that word does not start a new unit.
fn joins_names(trie: &Trie, children: &[Vec<u32>], p: u32, c: u32, k: &Known) -> bool {
    let (pdf, cdf) = (trie.nodes[p as usize].df, trie.nodes[c as usize].df);
    // `Ủy viên Bộ Chính trị, Bí thư Thành ủy`: a list of titles or units.
    let listed: u32 = children[c as usize]
        .iter()
        .filter(|&&g| starts_new_entity(trie, children, g, k))
        .map(|&g| trie.nodes[g as usize].df)
        .sum();
    if f64::from(listed) >= LISTED_SHARE * f64::from(cdf) {
        return false;
    }
    let guided = children[c as usize].iter().any(|&g| {
        let n = &trie.nodes[g as usize];
        n.capitalised() && wilson_low(n.df, cdf) >= DOMINANT_FOR_PREDICATE_WORDS
    }) && f64::from(cdf) >= JOINER_SHARE * f64::from(pdf);
    guided || wilson_low(cdf, pdf) >= DOMINANT
}

/// A capitalised word that starts a unit head or a title (`Bộ`, `Bí thư`).
fn starts_new_entity(trie: &Trie, children: &[Vec<u32>], g: u32, k: &Known) -> bool {
    trie.nodes[g as usize].capitalised()
        && (starts_phrase(trie, children, g, k.heads) || starts_phrase(trie, children, g, k.titles))
}

/// The words from `c` down spell a phrase of `list` (a unit head `Bộ`,
/// `Bệnh viện`; a level word `tỉnh`, `thành phố`), in at least half of
/// `c`'s articles.
fn starts_phrase(trie: &Trie, children: &[Vec<u32>], c: u32, list: &PhraseList) -> bool {
    let df = trie.nodes[c as usize].df;
    list.starting_with(trie.token_str(c))
        .iter()
        .any(|(words, _)| {
            let mut node = c;
            for w in &words[1..] {
                match children[node as usize]
                    .iter()
                    .find(|&&g| trie.token_str(g) == w.as_str())
                {
                    Some(&g) => node = g,
                    None => return false,
                }
            }
            trie.nodes[node as usize].df * 2 >= df
        })
}

fn continues_lower(
    parent: &Node,
    child: &Node,
    w: &str,
    judged: &str,
    complete: bool,
    pred: &Predicates,
) -> bool {
    let share = f64::from(child.df) / f64::from(parent.df.max(1));
    let low = wilson_low(child.df, parent.df);
    // A name seen in a handful of articles (often one story rewritten by
    // several outlets) does not show which of its words are its own.
    if child.df < MIN_JUDGED_ARTICLES || parent.df < MIN_FAMILY_ARTICLES {
        return false;
    }
    // A word seen starting predicates after a person's name (`tuyên bố`)
    // continues a name only where it nearly always follows it.
    if pred.is_common(judged) || pred.seen(judged) {
        return low >= DOMINANT_FOR_PREDICATE_WORDS;
    }
    // A family of names needs a word that does not commonly start
    // predicates even on its own.
    let family = !pred.is_common(w);
    // A complete name (`Quốc hội`) is not a family of longer names: what
    // follows it in a few articles (`thông qua`) is mostly said about it,
    // unless it is far too specific for a predicate (`khóa XIV`).
    let lift = share / pred.share(judged);
    let branch = family
        && if complete {
            share >= COMPLETE_BRANCH_SHARE && lift >= COMPLETE_BRANCH_LIFT
        } else {
            share >= BRANCH_SHARE && lift >= BRANCH_LIFT
        };
    low >= DOMINANT || branch
}

/// Lower bound of the 95% Wilson score interval of `k` in `n`.
pub fn wilson_low(k: u32, n: u32) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let (k, n, z) = (f64::from(k.min(n)), f64::from(n), 1.96);
    let p = k / n;
    let z2 = z * z;
    (p + z2 / (2.0 * n) - z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt()) / (1.0 + z2 / n)
}

/// Where a tail's name ends, and whether it ends *closed*: at
/// punctuation or a sentence end, before a new name (a capitalised word
/// the decision did not take, or `và` and a unit head), before a function
/// word, or before a word seen starting predicates after a person's name
/// (judged with the word after it when that is lower case too: `cho
/// biết`). Otherwise it ends *open*, before a lower-case word too rare to
/// judge or at the length limit: the name may well go on (`Trung tâm
/// Nghiên cứu` + a rare field). `None` when the head was dropped from the
/// trie.
pub fn end_of(
    trie: &Trie,
    d: &Decision,
    pred: &Predicates,
    heads: &PhraseList,
    tail: &Tail,
) -> Option<(u32, bool)> {
    let end = trie.walk(tail, &d.accepted)?;
    let depth = trie.path(end).len() - 1;
    let words = &tail.words;
    let Some(next) = words.get(depth) else {
        return Some((end, tail.hard_end));
    };
    let after = words.get(depth + 1);
    let closed = if next.capitalised {
        true
    } else if matches!(next.lower.as_str(), "và" | "," | "-" | "–" | "&") {
        // `X và Y`: a new unit if Y is one, else perhaps X's own words.
        let lowers: Vec<String> = words[depth + 1..].iter().map(|w| w.lower.clone()).collect();
        after.is_none_or(|a| !a.capitalised) || heads.longest_at(&lowers, 0).is_some()
    } else if !next.lower.chars().all(char::is_alphabetic)
        || NEVER_IN_NAMES.contains(&next.lower.as_str())
    {
        true
    } else {
        match after.filter(|a| !a.capitalised && a.lower.chars().all(char::is_alphabetic)) {
            Some(a) => pred.seen(&format!("{} {}", next.lower, a.lower)),
            None => pred.seen(&next.lower),
        }
    };
    Some((end, closed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_needs_more_than_three_of_three() {
        assert!(wilson_low(3, 3) < DOMINANT);
        assert!(wilson_low(5, 5) >= DOMINANT);
        assert!(wilson_low(60, 100) >= DOMINANT);
        assert!(wilson_low(55, 100) < DOMINANT);
    }
}
