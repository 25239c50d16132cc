//! The normalised value of a unit name: abbreviations expanded (from the
//! lexicon and the article's own definitions), inline definitions in
//! brackets dropped, dashes and spaces made uniform, known words in one
//! spelling, so that one unit written several ways groups as one.

use super::config::Config;
use super::def::Def;
use crate::text::chars::{is_word_boundary, lowercase};
use crate::text::tokens::{next_code, tokenize};

/// The value of `surface`, a piece of the working text (tone marks
/// already folded: see `Text::work`).
pub fn value(cfg: &Config, defs: &[Def], surface: &str) -> String {
    let work = surface;
    let lower = lowercase(work);
    // A known club by itself: its full name (`MU` is Manchester United).
    if let Some(c) = cfg.clubs.at(&lower, 0)
        && c.end == work.len()
        && work == cfg.club_info[c.index].0
    {
        return cfg.club_info[c.index].1.clone();
    }
    let mut parts: Vec<String> = Vec::new();
    let mut pos = 0;
    let tokens = tokenize(work);
    while let Some(t) = next_code(&tokens, work, pos) {
        let text = t.text(work);
        if text == "(" {
            // Inline definitions and expansions in brackets say nothing new.
            pos = work[t.end..]
                .find(')')
                .map_or(work.len(), |c| t.end + c + 1);
            continue;
        }
        if let Some(h) = cfg.expansions.at(&lower, t.start)
            && work[t.start..h.end] == cfg.expansion_info[h.index].0
        {
            parts.push(cfg.expansion_info[h.index].1.clone());
            pos = h.end;
            continue;
        }
        if let Some(d) = defs
            .iter()
            .filter(|d| {
                work[t.start..].starts_with(&d.form)
                    && is_word_boundary(work, t.start, t.start + d.form.len())
            })
            .max_by_key(|d| d.form.len())
        {
            parts.push(d.expansion.clone().unwrap_or_else(|| d.form.clone()));
            pos = t.start + d.form.len();
            continue;
        }
        parts.push(match text {
            "–" | "—" => "-".to_string(),
            _ => text.to_string(),
        });
        pos = t.end;
    }
    let joined = join(&parts);
    capitalise_first(&canonical(cfg, &joined))
}

/// Words joined by single spaces; a comma sticks to the word before it,
/// a dash stands between spaces.
fn join(parts: &[String]) -> String {
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() && p != "," {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

/// Known heads, expansions and level words in their listed spelling. A
/// one-word head or level inside a name, written in lower case or with a
/// lower-case word after it, is a common word there (`thủy bộ`, `phòng,
/// chống dịch`, `Thương binh và Xã hội`) and stays as written.
fn canonical(cfg: &Config, s: &str) -> String {
    let lower = lowercase(s);
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for h in cfg.canon.find_all(&lower) {
        let form = &cfg.canon_forms[h.index];
        let next_lower = s[h.end..]
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_lowercase));
        let common_word = h.start > 0
            && !form.contains(' ')
            && (s[h.start..].starts_with(char::is_lowercase) || next_lower);
        if common_word {
            continue;
        }
        out.push_str(&s[last..h.start]);
        out.push_str(form);
        last = h.end;
    }
    out.push_str(&s[last..]);
    out
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
