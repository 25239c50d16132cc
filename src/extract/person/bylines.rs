//! Names that sign the article: the byline (a closing name line, or a
//! short author tail after the last sentence) and photo credits
//! (`Ảnh: Doãn Tấn/TTXVN`).

use super::found::{Out, overlaps_any};
use super::ids::{BYLINE_RULE, RULE_CREDIT};
use super::{MAX_NAME_WORDS, PersonExtractor};
use crate::extract::Ctx;
use crate::extract::lexicon::lowercase;
use crate::rules::{RuleError, RuleFile};
use crate::text::chars::{floor_char, is_all_caps, is_name_shaped};
use crate::text::tokens::words;
use regex::Regex;

impl PersonExtractor {
    /// The byline tail pattern of `persons.json`, tried anchored at each
    /// sentence end near the end of the article.
    pub(super) fn byline_tail(file: &RuleFile) -> Result<Regex, RuleError> {
        Ok(anchored(&file.compile_rule(BYLINE_RULE)?))
    }

    /// The byline: the layout's closing name line, or a short author tail
    /// after the last sentence (`... ./. Lê Tuyết/VOV`).
    pub(super) fn bylines(&self, ctx: &Ctx, out: &mut Out) -> Option<std::ops::Range<usize>> {
        let work = ctx.work();
        if let Some(r) = ctx.byline.clone().filter(|r| closes_line(work, r.end)) {
            let sourced = !line_rest(work, r.end).is_empty();
            if let Some((s, e)) = self.author_part(&work[r.clone()], sourced) {
                let start = self.after_lead_word(work, r.start + s..r.start + e);
                out.push(start, r.start + e, work, BYLINE_RULE);
            }
            return Some(r);
        }
        let tail_from = floor_char(work, work.len().saturating_sub(300));
        // The pattern opens on a sentence end or a line break: try it
        // anchored at each of those in turn (the leftmost that reaches the
        // end wins), instead of an unanchored search for `$`.
        let (at, caps) = work[tail_from..]
            .char_indices()
            .filter(|&(_, c)| matches!(c, '.' | '!' | '?' | '…' | '”' | '"' | '»' | ')' | '\n'))
            .find_map(|(i, _)| {
                let at = tail_from + i;
                self.byline_tail.captures(&work[at..]).map(|c| (at, c))
            })?;
        let authors = caps.name("authors")?;
        let base = at + authors.start();
        let text = authors.as_str();
        // A source after the authors (`/Báo Mới`, `(Khám Phá)`) makes a
        // `Theo` before them credit persons, not the outlet itself.
        let sourced = !work[base + text.len()..].trim().is_empty();
        let led_by_source = work[at..base]
            .trim_end()
            .rsplit([' ', '\n', '.', ':'])
            .next()
            .is_some_and(|w| self.source_words.contains(&lowercase(w)));
        let mut any = false;
        for (s, e) in split_authors(text, &self.author_separators) {
            let name = &text[s..e];
            let Some((ps, pe)) = self.author_part(name, sourced) else {
                continue;
            };
            let name = &name[ps..pe];
            if led_by_source && !sourced {
                continue;
            }
            if self.is_author(name) {
                out.push(base + s + ps, base + s + pe, work, BYLINE_RULE);
                any = true;
            }
        }
        (any || led_by_source).then(|| base..base + text.len())
    }

    /// The part of a byline's author words that names a person: the words
    /// before a source word (`Phương Mai` of `Phương Mai Theo Bright
    /// Side`); after a leading one (`Theo Thời Đại`), an outlet unless a
    /// source of its own follows (`sourced`: `Theo Minh Hoàng (Khám Phá)`).
    fn author_part(&self, name: &str, sourced: bool) -> Option<(usize, usize)> {
        let is_source = |w: &str| self.source_words.contains(&lowercase(w));
        let mut start = 0;
        let mut end = name.len();
        let mut at = 0usize;
        for (k, w) in name.split(' ').enumerate() {
            if is_source(w) {
                if k == 0 {
                    if !sourced {
                        return None;
                    }
                    start = w.len() + 1;
                } else {
                    end = at.saturating_sub(1);
                    break;
                }
            }
            at += w.len() + 1;
        }
        let part = name.get(start..end)?.trim();
        (!part.is_empty()).then(|| {
            let lead = name[start..end].len() - name[start..end].trim_start().len();
            (start + lead, start + lead + part.len())
        })
    }

    /// Where the name of a closing name line starts: after a credit word
    /// or an honorific that opens it (`Theo Minh Anh`, `Ông Lê Văn Ba`),
    /// when a name of two words or more follows.
    fn after_lead_word(&self, work: &str, r: std::ops::Range<usize>) -> usize {
        let line = &work[r.clone()];
        let Some(sp) = line.find(' ') else {
            return r.start;
        };
        let first = lowercase(&line[..sp]);
        let rest = line[sp..].trim_start();
        let lead = self.credit_word_set.contains(&first) || self.honorific_set.contains(&first);
        let name_follows = rest.split(' ').count() >= 2
            && rest.split(' ').all(|w| is_name_shaped(w) || is_all_caps(w));
        if lead && name_follows {
            r.end - rest.len()
        } else {
            r.start
        }
    }

    /// An author name of a byline or credit: two to five name words, or
    /// an initial and a name (`P.Sơn`); no organisation or place.
    pub(super) fn is_author(&self, name: &str) -> bool {
        let parts: Vec<&str> = name.split([' ', '.']).filter(|p| !p.is_empty()).collect();
        // `P.Sơn`, `Ph.Ph.Thép`: one or two initials of one or two letters
        // (`Ph`, `Th`), then one name word.
        let initial_and_name = name.rfind('.').is_some_and(|d| {
            let rest = name[d + 1..].trim();
            let initials: Vec<&str> = name[..d].split('.').map(str::trim).collect();
            // Two initials are written glued to the name (`T.V.Giang`),
            // not before a word of the next sentence (`T.H. Có`).
            let glued = !name[d + 1..].starts_with(' ');
            (initials.len() == 1 || glued && initials.len() == 2)
                && initials
                    .iter()
                    .all(|i| (1..=2).contains(&i.chars().count()) && is_name_shaped(i))
                && rest.chars().count() > 1
                && !rest.contains(' ')
        });
        let shaped = parts.iter().all(|p| is_name_shaped(p) || is_all_caps(p));
        let lower = lowercase(name);
        // An English title (`The Nation`) or a country written in a
        // foreign language first (`Pakistan Defence`)
        // names an outlet or archive; countries in Vietnamese (`Anh`,
        // `Đức`, `Mỹ`) and towns (`Vinh`) are also given names.
        let first = lowercase(parts.first().copied().unwrap_or(""));
        let country_first = super::shape::is_foreign_word(&first)
            && self.place_list.at(&lower, 0).is_some_and(|h| {
                h.end < lower.len() && !self.addressable_places.contains(&lower[h.start..h.end])
            });
        // A company's name first (`Ảnh: Google Maps`) names its product.
        let brand_first = parts.len() > 1
            && super::shape::is_foreign_word(&first)
            && self.brands.contains(&first);
        if first == "the" || country_first || brand_first {
            return false;
        }
        shaped
            && (initial_and_name || (2..=MAX_NAME_WORDS).contains(&parts.len()))
            && parts[0].chars().count() > 1
            || initial_and_name
                && !parts
                    .iter()
                    .any(|p| self.never_in_name.contains(&lowercase(p)))
                && self
                    .place_list
                    .at(&lower, 0)
                    .is_none_or(|h| h.end < lower.len())
    }

    /// Photo credits: `Ảnh: Doãn Tấn/TTXVN` names a person; initials do not.
    pub(super) fn credits(&self, ctx: &Ctx, owned: &[(usize, usize)], out: &mut Out) {
        let work = ctx.work();
        for caps in self.credit.captures_iter(work) {
            let Some(m) = caps.name("name") else { continue };
            let end = m.start() + self.credit_name_len(m.as_str(), &work[m.end()..]);
            let name = &work[m.start()..end];
            if self.is_author(name) && !overlaps_any(owned, m.start(), end) {
                out.push(m.start(), end, work, RULE_CREDIT);
            }
        }
    }

    /// How much of a credit's capitalised words is the name: a missing
    /// full stop glues the next sentence's opening word on (`Ảnh: Minh
    /// Khoa Theo kế hoạch`, `Ảnh: TRẦN AN Sau đó`).
    pub(super) fn credit_name_len(&self, text: &str, after: &str) -> usize {
        let ws = words(text);
        let caps = ws.first().is_some_and(|w| {
            let t = w.text(text);
            is_all_caps(t) && t.chars().count() > 1
        });
        for w in ws.iter().skip(1) {
            let t = w.text(text);
            let off_case = caps && !is_all_caps(t);
            // A syllable that is also a given name stays when it closes
            // the name (`Ảnh: Nguyễn Văn Cảnh/TTXVN`), not when a word
            // goes on with it (`Ảnh: Internet Chính phủ`).
            let lower = lowercase(t);
            let closes = w.end == text.len()
                && !after
                    .trim_start_matches(' ')
                    .starts_with(char::is_lowercase);
            let given = self.middle_names.contains(&lower) && closes;
            if off_case || self.never_in_name.contains(&lower) && !given {
                return text[..w.start].trim_end().len();
            }
        }
        text.len()
    }
}

/// Split a byline's author block (`Thế Kha - Tuấn Hợp`, `Hoàng Thị Hoa,
/// Hữu Quyết`) into names.
pub(super) fn split_authors(text: &str, seps: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        if let Some(sep) = seps.iter().find(|s| text[i..].starts_with(*s)) {
            out.push((start, i));
            i += sep.len();
            start = i;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out.push((start, text.len()));
    out.into_iter()
        .map(|(s, e)| {
            let t = &text[s..e];
            let lead = t.len() - t.trim_start().len();
            (s + lead, s + t.trim_end().len())
        })
        .filter(|(s, e)| e > s)
        .collect()
}

/// What separates the authors of a byline: dashes and commas, and the
/// joiner words of the settings between spaces (` và `).
pub(super) fn author_separators(joiners: &[String]) -> Vec<String> {
    let mut seps: Vec<String> = [" - ", " – ", ", ", ","].map(String::from).to_vec();
    seps.extend(joiners.iter().map(|w| format!(" {w} ")));
    seps
}

/// What follows a byline name on its line (`(TTXVN)`, `/VOV`), trimmed.
fn line_rest(work: &str, end: usize) -> &str {
    work[end..].split('\n').next().unwrap_or("").trim()
}

/// After a byline name only a short source may follow on its line
/// (`Minh Anh (TTXVN)`), not a sentence (`Phan Văn A (22 tuổi, ...`).
pub(super) fn closes_line(work: &str, end: usize) -> bool {
    let rest = line_rest(work, end);
    rest.is_empty()
        || (rest.chars().count() <= 40
            && (rest.starts_with('(') && rest.ends_with(')') || rest.starts_with('/')))
}

/// The same pattern, matching only at the start of the haystack.
fn anchored(re: &Regex) -> Regex {
    Regex::new(&format!("^(?:{})", re.as_str())).expect("an anchored valid pattern is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_split() {
        let t = "Thế Kha - Tuấn Hợp";
        let seps = author_separators(&["và".to_string()]);
        let v: Vec<&str> = split_authors(t, &seps)
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect();
        assert_eq!(v, vec!["Thế Kha", "Tuấn Hợp"]);
    }
}
