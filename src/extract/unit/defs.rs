//! Abbreviations an article defines in brackets after a name
//! (`Đảng ủy Cơ quan Chính quyền (CQCQ)`), which then stand for that name
//! wherever the article uses them.

use super::config::Config;
use super::scan::{Scanner, initials, is_abbreviation, letters};
use super::token;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Def {
    /// The abbreviation as written (`CQCQ`).
    pub form: String,
    /// What it stands for (`Cơ quan Chính quyền`); `None` for a short name
    /// repeated from the name itself (`... Nhật Việt JVE (JVE)`).
    pub expansion: Option<String>,
    /// It names a whole unit (`APPF`), not a part of one (`CQCQ`).
    pub standalone: bool,
}

static BRACKETED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([^()\n]{2,24})\)").expect("valid regex"));

/// The abbreviations defined in an article, first definition of each kept.
pub fn find(cfg: &Config, work: &str, lower: &str) -> Vec<Def> {
    let mut defs: Vec<Def> = Vec::new();
    for c in BRACKETED.captures_iter(work) {
        let (Some(all), Some(inner)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let form = inner.as_str().trim();
        let known = cfg.all_abbreviations.iter().any(|a| a == form);
        if !is_abbreviation(form)
            || letters(form).chars().count() < 3
            || known
            || defs.iter().any(|d| d.form == form)
        {
            continue;
        }
        if let Some(d) = define(cfg, work, lower, all.start(), form) {
            defs.push(d);
        }
    }
    defs
}

fn define(cfg: &Config, work: &str, lower: &str, open: usize, form: &str) -> Option<Def> {
    let scanner = Scanner {
        cfg,
        work,
        lower,
        defs: &[],
        dates: &[],
    };
    if let Some(start) = initials_start(work, open, form) {
        let expansion = work[start..open].trim().to_string();
        // The name goes on to the left (`Đảng ủy Cơ quan ...`): a part.
        let continued = [1, 2]
            .iter()
            .any(|&k| nth_prev(work, start, k).is_some_and(|t| token::is_cap(work, t)));
        let standalone = !continued && scanner.unit_at(start, false).is_some();
        return Some(Def {
            form: form.to_string(),
            expansion: Some(expansion),
            standalone,
        });
    }
    // No initials: the unit whose name runs up to the bracket.
    let unit_start = unit_before(&scanner, open)?;
    let name = work[unit_start..open].trim();
    let short = name.split_whitespace().any(|w| w == form);
    Some(Def {
        form: form.to_string(),
        expansion: (!short).then(|| name.to_string()),
        standalone: true,
    })
}

/// Where the words whose initials spell `form` start, just before `open`.
fn initials_start(work: &str, open: usize, form: &str) -> Option<usize> {
    let want = letters(form);
    let n = want.chars().count();
    let mut pos = open;
    let mut words = 0;
    let mut start = None;
    while words < n + 3 {
        let t = token::prev(work, pos)?;
        pos = t.start;
        if !token::is_word(work, t) {
            continue;
        }
        words += 1;
        let phrase = &work[t.start..open];
        let got = initials(phrase);
        if got == want {
            start = Some(t.start);
            break;
        }
        if !want.ends_with(&got) {
            break;
        }
    }
    start
}

fn nth_prev(work: &str, pos: usize, k: usize) -> Option<token::Tok> {
    let mut p = pos;
    let mut t = None;
    for _ in 0..k {
        let tok = token::prev(work, p)?;
        p = tok.start;
        t = Some(tok);
    }
    t
}

/// The earliest start, within a few words before `open`, of a unit whose
/// name runs into the bracket.
fn unit_before(scanner: &Scanner, open: usize) -> Option<usize> {
    let mut pos = open;
    let mut best = None;
    for _ in 0..16 {
        let Some(t) = token::prev(scanner.work, pos) else {
            break;
        };
        pos = t.start;
        if scanner
            .unit_at(t.start, false)
            .is_some_and(|u| u.end > open)
        {
            best = Some(t.start);
        }
    }
    best
}
