//! Abbreviations an article defines in brackets after a name
//! (`Đảng ủy Cơ quan Chính quyền (CQCQ)`), which then stand for that name
//! wherever the article uses them.

use super::config::{Config, HeadKind};
pub use super::def::Def;
use super::scan::Scanner;
use super::shapes::{initials, is_abbreviation, is_vietnamese_syllable, letters};
use crate::rules::lists::UnitCategory;
use crate::text::Analysis;
use crate::text::chars::{is_word_boundary, lowercase};
use crate::text::tokens::Tok;

/// The abbreviations and short names defined in an article, first
/// definition of each kept.
pub fn find(cfg: &Config, a: &Analysis) -> Vec<Def> {
    let work = a.work();
    let mut defs: Vec<Def> = Vec::new();
    let brackets = brackets(work);
    for &(open, form) in &brackets {
        let known = cfg.all_abbreviations.iter().any(|x| x == form);
        if !is_abbreviation(form)
            || letters(form).chars().count() < 3
            || known
            || defs.iter().any(|d| d.form == form)
        {
            continue;
        }
        if let Some(d) = define(cfg, a, open, form) {
            defs.push(d);
        }
    }
    let found = short_names(cfg, a, &brackets)
        .into_iter()
        .chain(suffixed_clubs(cfg, a));
    for d in found {
        if !defs.iter().any(|o| o.form == d.form) {
            defs.push(d);
        }
    }
    defs
}

/// One to `max` capitalised words (letters, digits, `&`, inner hyphens)
/// after spaces or tabs at `pos` (`hãng Boeing`, `nhà mạng Vietnamobile`,
/// `hãng Mercedes-Benz`).
fn capitalised_words(work: &str, pos: usize, max: usize) -> Option<(usize, usize)> {
    let blank = |c: char| c == ' ' || c == '\t';
    let mut start = None;
    let mut end = pos;
    for _ in 0..max {
        let rest = &work[end..];
        let from = end + (rest.len() - rest.trim_start_matches(blank).len());
        if from == end || !work[from..].starts_with(char::is_uppercase) {
            break;
        }
        let word_to = word_end(work, from);
        // After the name, a word with a digit or a hyphen is a model or a
        // code (`Mercedes-Benz X-Class`, `Boeing 787`, `Mazda CX-5`).
        let code = work[from..word_to].contains(|c: char| c == '-' || c.is_ascii_digit());
        if start.is_some() && code {
            break;
        }
        start.get_or_insert(from);
        end = word_to;
    }
    start.map(|s| (s, end))
}

/// The end of the word at `from`: letters, digits, `&`, and a hyphen
/// between letters (`Mercedes-Benz`).
fn word_end(work: &str, from: usize) -> usize {
    let mut end = from;
    let mut chars = work[from..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_hyphen =
            c == '-' && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric()) && end > from;
        if !(c.is_alphanumeric() || c == '&' || inner_hyphen) {
            break;
        }
        end = from + i + c.len_utf8();
    }
    end
}

/// Bracketed texts of an article: where the bracket opens and what it
/// holds (2 to 24 characters, no brackets or line breaks inside).
fn brackets(work: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = work[from..].find('(') {
        let open = from + i;
        let inner_start = open + 1;
        from = inner_start;
        let Some(j) = work[inner_start..].find(['(', ')', '\n']) else {
            break;
        };
        let close = inner_start + j;
        if !work[close..].starts_with(')') {
            continue;
        }
        let inner = &work[inner_start..close];
        if (2..=24).contains(&inner.chars().count()) {
            out.push((open, inner.trim()));
            from = close + 1;
        }
    }
    out
}

/// Clubs named with their suffix (`Hà Nội FC`, `Hải Phòng FC`): up to
/// four capitalised words right before it, on its line, and the suffix.
fn suffixed_clubs(cfg: &Config, a: &Analysis) -> Vec<Def> {
    let work = a.work();
    let mut out = Vec::new();
    for suffix in &cfg.club_suffixes {
        for (at, _) in work.match_indices(suffix.as_str()) {
            let end = at + suffix.len();
            if !is_word_boundary(work, at, end) {
                continue;
            }
            let mut start = at;
            for _ in 0..4 {
                match a.prev_tok(start) {
                    // Not `Theo ESPN FC`: a capitalised stop word is no name.
                    Some(t)
                        if t.is_cap(work)
                            && cfg.cap_stops.at(&lowercase(t.text(work)), 0).is_none() =>
                    {
                        start = t.start
                    }
                    _ => break,
                }
            }
            if start < at {
                out.push(short(&work[start..end]));
            }
        }
    }
    out
}

/// Company names the article establishes by their shape or setting: a
/// brand in brackets after a company named in full (`Công ty CP Sữa Việt
/// Nam (Vinamilk)`), a name after a word for its kind (`nhà mạng
/// Vinaphone`), a foreign name ending in its kind (`Deutsche Bank`). Each
/// then names the company wherever the article uses it again.
fn short_names(cfg: &Config, a: &Analysis, brackets: &[(usize, &str)]) -> Vec<Def> {
    let work = a.work();
    let scanner = Scanner::new(cfg, a, &[], &[]);
    let mut out = Vec::new();
    for &(open, form) in brackets {
        if !is_brand(cfg, form) {
            continue;
        }
        let Some(start) = company_ending_at(&scanner, open) else {
            continue;
        };
        out.push(Def {
            form: form.to_string(),
            expansion: Some(work[start..open].trim().to_string()),
            standalone: true,
        });
    }
    for cue in cfg.short_name_cue.find_iter(work) {
        let Some((start, end)) = capitalised_words(work, cue.end(), 3) else {
            continue;
        };
        let form = &work[start..end];
        let place = scanner.at(&cfg.places, start).is_some_and(|p| p.end >= end);
        let caps_ok =
            !is_abbreviation(form) || cfg.short_name_cue_caps.iter().any(|c| c == cue.as_str());
        if !place && caps_ok && is_brand(cfg, form) && !scanner.person_at(start, 2) {
            out.push(short(form));
        }
    }
    out.extend(foreign_names(cfg, a));
    out
}

/// Foreign names ending in their English kind word (`Deutsche Bank`),
/// looked for only on the lines that hold such a word.
fn foreign_names(cfg: &Config, a: &Analysis) -> Vec<Def> {
    let work = a.work();
    let mut lines: Vec<(usize, usize)> = cfg
        .foreign_kinds
        .find_iter(work)
        .map(|k| {
            let line = a.line_of(k.start());
            (line.start, line.end)
        })
        .collect();
    lines.sort_unstable();
    lines.dedup();
    let mut out = Vec::new();
    for (start, end) in lines {
        let line = &work[start..end];
        // Whole words only, checked here: a Unicode `\b` in the pattern would
        // make the regex engine fall back to a slow path.
        let whole = |m: &regex::Match| is_word_boundary(line, m.start(), m.end());
        for m in cfg.foreign_name.find_iter(line).filter(whole) {
            // Leading Vietnamese words are not part of the name (`Theo Deutsche Bank`).
            let mut text = m.as_str();
            while let Some((first, rest)) = text.split_once(' ') {
                if is_vietnamese_syllable(first) || cfg.cap_stops.at(&lowercase(first), 0).is_some()
                {
                    text = rest;
                } else {
                    break;
                }
            }
            if text.contains(' ') {
                out.push(short(text));
            }
        }
    }
    out
}

/// The start of a company name that ends right before `open`.
fn company_ending_at(scanner: &Scanner, open: usize) -> Option<usize> {
    let end = scanner.work[..open].trim_end().len();
    let mut pos = end;
    for _ in 0..16 {
        let t = scanner.a.prev_tok(pos)?;
        pos = t.start;
        if let Some(u) = scanner.unit_at(t.start, false)
            && u.end == end
            && scanner.kind(u.head) == Some(HeadKind::Listed(UnitCategory::Business))
        {
            return Some(t.start);
        }
    }
    None
}

fn short(form: &str) -> Def {
    Def {
        form: form.to_string(),
        expansion: None,
        standalone: true,
    }
}

/// Looks like a company's own name: capitalised words, one of them at
/// least not a plain Vietnamese syllable (`Vinamilk`, `FPT`, `Deutsche`).
fn is_brand(cfg: &Config, form: &str) -> bool {
    let words: Vec<&str> = form.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && words.iter().any(|w| !is_vietnamese_syllable(w))
        && !cfg
            .not_short_names
            .iter()
            .any(|n| n == words[0] || n == form)
        && !cfg.all_abbreviations.iter().any(|a| a == form)
}

fn define(cfg: &Config, a: &Analysis, open: usize, form: &str) -> Option<Def> {
    let work = a.work();
    let scanner = Scanner::new(cfg, a, &[], &[]);
    if let Some(start) = initials_start(cfg, a, open, form) {
        let expansion = work[start..open].trim().to_string();
        // The name goes on to the left (`Đảng ủy Cơ quan ...`): a part.
        let continued = [1, 2]
            .iter()
            .any(|&k| nth_prev(a, start, k).is_some_and(|t| t.is_cap(work)));
        let standalone = !continued && scanner.unit_at(start, false).is_some();
        // Not a unit and not part of one: a word for people or things
        // (`huấn luyện viên (HLV)`, `sân vận động (SVĐ)`).
        if !standalone && unit_before(&scanner, open).is_none() {
            return None;
        }
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
fn initials_start(cfg: &Config, a: &Analysis, open: usize, form: &str) -> Option<usize> {
    let work = a.work();
    let want = letters(form);
    let n = want.chars().count();
    let mut pos = open;
    let mut words = 0;
    let mut start = None;
    while words < n + 3 {
        let t = a.prev_tok(pos)?;
        pos = t.start;
        if !t.is_word(work) {
            continue;
        }
        words += 1;
        let phrase = &work[t.start..open];
        let got = initials(phrase, &cfg.name_joiners.words);
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

fn nth_prev(a: &Analysis, pos: usize, k: usize) -> Option<Tok> {
    let mut p = pos;
    let mut t = None;
    for _ in 0..k {
        let tok = a.prev_tok(p)?;
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
        let Some(t) = scanner.a.prev_tok(pos) else {
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
