//! Abbreviations an article defines in brackets after a name
//! (`Đảng ủy Cơ quan Chính quyền (CQCQ)`), which then stand for that name
//! wherever the article uses them.

use super::config::Config;
use super::scan::{Scanner, initials, is_abbreviation, is_vietnamese_syllable, letters};
use super::token;
use crate::extract::lexicon::is_word_boundary;
use crate::extract::lexicon::lowercase;
use std::cell::RefCell;
use std::rc::Rc;

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

/// The definitions of the article read last, with that article and the
/// rules they were read with: titles ask for units many times per
/// article, and finding the definitions reads it whole.
struct Cached {
    cfg: usize,
    work: String,
    defs: Rc<[Def]>,
}

thread_local! {
    static LAST: RefCell<Option<Cached>> = const { RefCell::new(None) };
}

/// The abbreviations and short names defined in an article, first
/// definition of each kept.
pub fn find(cfg: &Config, work: &str, lower: &str) -> Rc<[Def]> {
    let id = cfg as *const Config as usize;
    if let Some(defs) = LAST.with_borrow(|l| {
        l.as_ref()
            .filter(|c| c.cfg == id && c.work == work)
            .map(|c| c.defs.clone())
    }) {
        return defs;
    }
    let defs: Rc<[Def]> = find_uncached(cfg, work, lower).into();
    LAST.set(Some(Cached {
        cfg: id,
        work: work.to_string(),
        defs: defs.clone(),
    }));
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

fn find_uncached(cfg: &Config, work: &str, lower: &str) -> Vec<Def> {
    let mut defs: Vec<Def> = Vec::new();
    let brackets = brackets(work);
    for &(open, form) in &brackets {
        let known = cfg.all_abbreviations.iter().any(|a| a == form);
        if !is_abbreviation(form)
            || letters(form).chars().count() < 3
            || known
            || defs.iter().any(|d| d.form == form)
        {
            continue;
        }
        if let Some(d) = define(cfg, work, lower, open, form) {
            defs.push(d);
        }
    }
    let found = short_names(cfg, work, lower, &brackets)
        .into_iter()
        .chain(suffixed_clubs(cfg, work));
    for d in found {
        if !defs.iter().any(|o| o.form == d.form) {
            defs.push(d);
        }
    }
    defs
}

/// Clubs named with their suffix (`Hà Nội FC`, `Hải Phòng FC`): up to
/// four capitalised words right before it, on its line, and the suffix.
fn suffixed_clubs(cfg: &Config, work: &str) -> Vec<Def> {
    let mut out = Vec::new();
    for suffix in &cfg.club_suffixes {
        for (at, _) in work.match_indices(suffix.as_str()) {
            let end = at + suffix.len();
            if !is_word_boundary(work, at, end) {
                continue;
            }
            let mut start = at;
            for _ in 0..4 {
                match token::prev(work, start) {
                    // Not `Theo ESPN FC`: a capitalised stop word is no name.
                    Some(t)
                        if token::is_cap(work, t)
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

/// The article uses several different words of sport (`cầu thủ`, `HLV`,
/// `chuyển nhượng`).
pub fn about_sport(cfg: &Config, lower: &str) -> bool {
    let mut seen: Vec<usize> = Vec::new();
    for h in cfg.sports_words.find_all(lower) {
        if !seen.contains(&h.index) {
            seen.push(h.index);
            if seen.len() >= cfg.sports_min_words {
                return true;
            }
        }
    }
    false
}

/// Company names the article establishes by their shape or setting: a
/// brand in brackets after a company named in full (`Công ty CP Sữa Việt
/// Nam (Vinamilk)`), a name after a word for its kind (`nhà mạng
/// Vinaphone`), a foreign name ending in its kind (`Deutsche Bank`). Each
/// then names the company wherever the article uses it again.
fn short_names(cfg: &Config, work: &str, lower: &str, brackets: &[(usize, &str)]) -> Vec<Def> {
    let scanner = Scanner::new(cfg, work, lower, &[], &[]);
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
        let place = cfg.places.at(lower, start).is_some_and(|p| p.end >= end);
        let caps_ok =
            !is_abbreviation(form) || cfg.short_name_cue_caps.iter().any(|c| c == cue.as_str());
        if !place && caps_ok && is_brand(cfg, form) && !scanner.person_at(start, 2) {
            out.push(short(form));
        }
    }
    out.extend(foreign_names(cfg, work));
    out
}

/// Foreign names ending in their English kind word (`Deutsche Bank`),
/// looked for only on the lines that hold such a word.
fn foreign_names(cfg: &Config, work: &str) -> Vec<Def> {
    let mut lines: Vec<(usize, usize)> = cfg
        .foreign_kinds
        .find_iter(work)
        .map(|k| {
            let at = k.start();
            let start = work[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = work[at..].find('\n').map_or(work.len(), |i| at + i);
            (start, end)
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
        let t = token::prev(scanner.work, pos)?;
        pos = t.start;
        if let Some(u) = scanner.unit_at(t.start, false)
            && u.end == end
            && scanner.category(u.head) == Some("business")
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

fn define(cfg: &Config, work: &str, lower: &str, open: usize, form: &str) -> Option<Def> {
    let scanner = Scanner::new(cfg, work, lower, &[], &[]);
    if let Some(start) = initials_start(work, open, form) {
        let expansion = work[start..open].trim().to_string();
        // The name goes on to the left (`Đảng ủy Cơ quan ...`): a part.
        let continued = [1, 2]
            .iter()
            .any(|&k| nth_prev(work, start, k).is_some_and(|t| token::is_cap(work, t)));
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
