//! Units: named organisations (`rules/units.json`, `rules/lexicon/unit_heads.csv`,
//! `rules/lexicon/abbreviations.csv`). See spec/entities.md, section `unit`.
//!
//! A unit starts at a head word (`Sở`, `Ủy ban nhân dân`), an abbreviation
//! (`UBND`, `Bộ GD&ĐT`, `PC67`), a known name (`Quốc hội`, `ASEAN`) or an
//! abbreviation the article defines, and runs on over what may continue a
//! name (see `scan`). Its value expands abbreviations (see `value`).

mod config;
mod def;
mod defs;
pub(crate) mod learned;
mod repeats;
mod scan;
pub(crate) mod shapes;
mod value;

use super::Ctx;
use super::lexicon::Lexicon;
use crate::model::{Entity, EntityType};
use crate::rules::lists::UnitCategory;
use crate::rules::typed::Units;
use crate::rules::{RuleError, RuleSources};
use crate::text::chars::is_word_boundary;
use crate::text::tokens::{Kind, Tok, shape};
use crate::text::{Analysis, ListSetBuilder};
use config::{Config, HeadKind};
use def::Def;
use scan::{Scanner, Span, Start};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

#[derive(Clone)]
pub struct UnitExtractor {
    cfg: Config,
}

/// What the unit stage learnt of one article for the stages after it:
/// the unit names that start where a title's unit may start (inside a
/// role word and right after it), so that titles attach units the unit
/// stage has read instead of reading them again.
#[derive(Debug, Clone, Default)]
pub struct ArticleUnits {
    /// (position, the unit name starting there), by position.
    readings: Vec<(usize, Option<UnitMatch>)>,
}

impl ArticleUnits {
    /// The unit name starting exactly at `pos`, when the unit stage read
    /// one there (it reads at every word of a role and the few after it).
    pub fn at(&self, pos: usize) -> Option<&UnitMatch> {
        let i = self.readings.partition_point(|(p, _)| *p < pos);
        match self.readings.get(i) {
            Some((p, m)) if *p == pos => m.as_ref(),
            _ => None,
        }
    }
}

/// Words after a role word where its unit may start (`Phó Chủ tịch
/// Thường trực UBND ...`: the role's own suffix comes first).
const READ_AFTER_ROLE: usize = 4;

/// A unit name recognised at a given position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitMatch {
    pub start: usize,
    pub end: usize,
    pub value: String,
    pub rule: &'static str,
}

pub const HEAD_NAME: &str = "unit.head_name";
pub const LEVEL: &str = "unit.level";
pub const STANDALONE: &str = "unit.standalone";
pub const KNOWN_NAME: &str = "unit.known_name";
pub const ABBREVIATION: &str = "unit.abbreviation";
pub const DEFINED_ABBREVIATION: &str = "unit.defined_abbreviation";
pub const POLICE_CODE: &str = "unit.police_code";
pub const SHORT_NAME: &str = "unit.short_name";

impl UnitExtractor {
    pub fn new(
        sources: &RuleSources,
        lex: &Lexicon,
        lists: &mut ListSetBuilder,
    ) -> Result<UnitExtractor, RuleError> {
        Ok(UnitExtractor {
            cfg: Config::new(sources, &sources.load::<Units>()?, lex, lists)?,
        })
    }

    /// Unit mentions of one article, and what titles need of them
    /// (`ArticleUnits`, left in `ctx.units`).
    pub fn extract(&self, ctx: &Ctx, found: &mut Vec<Entity>) {
        let defs = defs::find(&self.cfg, ctx);
        let dates: Vec<(usize, usize)> = found
            .iter()
            .filter(|e| e.etype == EntityType::Date)
            .map(|e| (e.start, e.end))
            .collect();
        let scanner = Scanner::new(&self.cfg, ctx, &defs, &dates);
        let work = ctx.work();
        // A unit is often named the same way many times in an article.
        let mut values: HashMap<&str, String, BuildHasherDefault<crate::extract::lexicon::Fnv>> =
            HashMap::default();
        let mut pos = 0;
        let mut short_forms: Vec<repeats::ShortForm> = Vec::new();
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for start in self.candidates(ctx, &defs) {
            if start < pos {
                continue;
            }
            let Some(span) = scanner.unit_at(start, false) else {
                continue;
            };
            if !self.keep(&scanner, &span) {
                continue;
            }
            let mut e = Entity::new(
                EntityType::Unit,
                span.start,
                span.end,
                rule_of(&self.cfg, &span),
            );
            let surface = &work[span.start..span.end];
            let value = values
                .entry(surface)
                .or_insert_with(|| value::value(&self.cfg, &defs, surface));
            e.value = Some(value.clone());
            if let Some(f) = repeats::short_form(&scanner, &span, value) {
                short_forms.push(f);
            }
            found.push(e);
            taken.push((span.start, span.end));
            pos = span.end;
        }
        self.add_bare_repeats(&scanner, &short_forms, &mut taken, found);
        let _ = ctx.units.set(self.readings(ctx, &defs, &dates));
    }

    /// A company named in full, then by its own name alone later in the
    /// article (rule `unit.short_name`, the full name as value).
    fn add_bare_repeats(
        &self,
        scanner: &Scanner,
        forms: &[repeats::ShortForm],
        taken: &mut Vec<(usize, usize)>,
        found: &mut Vec<Entity>,
    ) {
        let mut seen: Vec<&str> = Vec::new();
        for f in forms {
            if seen.contains(&f.form.as_str()) {
                continue;
            }
            seen.push(&f.form);
            for (s, e) in repeats::bare_mentions(scanner, &f.form, taken) {
                let mut u = Entity::new(EntityType::Unit, s, e, SHORT_NAME);
                u.value = Some(f.value.clone());
                found.push(u);
                taken.push((s, e));
            }
        }
    }

    /// Where a unit may start, in order: the first token of a word (not
    /// inside a code like `TP.HCM`) where a head, an abbreviation or a
    /// club starts, where a name the article defines is written, or that
    /// may be a police code. Every other word starts no unit, so the scan
    /// looks only here.
    fn candidates(&self, a: &Analysis, defs: &[Def]) -> Vec<usize> {
        let cfg = &self.cfg;
        let mut out: Vec<usize> = Vec::new();
        for list in [&cfg.heads, &cfg.abbrs, &cfg.clubs] {
            out.extend(a.hits.all(list.id).iter().map(|h| h.start));
        }
        let work = a.work();
        out.extend(
            written_forms(work, defs)
                .into_iter()
                .filter(|&(i, d)| is_word_boundary(work, i, i + defs[d].form.len()))
                .map(|(i, _)| i),
        );
        let lower = a.lower();
        out.extend(
            a.tokens
                .iter()
                .filter(|t| t.end - t.start == 4 && lower[t.start..].starts_with('p'))
                .map(|t| t.start),
        );
        out.sort_unstable();
        out.dedup();
        out.retain(|&p| {
            a.token_at(p).is_some_and(|i| {
                a.tokens[i].kind != Kind::Punct && !a.tokens[i].has(shape::IN_CODE)
            })
        });
        out
    }

    /// The unit names starting at each word of every role word of the
    /// article and at the few words after it (see [`ArticleUnits`]).
    fn readings(&self, a: &Analysis, defs: &[Def], dates: &[(usize, usize)]) -> ArticleUnits {
        // Dates end names here as in the article's own reading (`... (ABBANK)
        // Năm 2017`).
        let scanner = Scanner::new(&self.cfg, a, defs, dates);
        let mut positions: Vec<usize> = Vec::new();
        for hit in a.hits.all(self.cfg.titles.id) {
            let first = a.token_from(hit.start);
            let mut after = 0;
            for t in a.tokens[first..].iter().filter(|t| t.kind != Kind::Punct) {
                if t.start >= hit.end {
                    after += 1;
                    if after > READ_AFTER_ROLE {
                        break;
                    }
                }
                positions.push(t.start);
            }
        }
        positions.sort_unstable();
        positions.dedup();
        let readings = positions
            .into_iter()
            .map(|pos| (pos, self.reading(&scanner, defs, pos)))
            .collect();
        ArticleUnits { readings }
    }

    /// The unit name starting at `pos`, cut before an honorific inside it
    /// (`... đón ngài Robert`: a unit never runs over one).
    fn reading(&self, scanner: &Scanner, defs: &[Def], pos: usize) -> Option<UnitMatch> {
        // `Phó Chủ tịch Thường trực Quốc hội`: after a role, `Thường trực`
        // belongs to the title (spec, Decisions); the unit is what follows.
        if let Some(p) = scanner.at(&self.cfg.prefix_heads, pos) {
            let next = scanner.a.next_tok(p.end)?;
            return self.reading(scanner, defs, next.start);
        }
        let span = scanner.unit_at(pos, false)?;
        let work = scanner.work;
        let mut end = self.cut_at_honorific(scanner, span.start, span.end);
        // `Chủ tịch Samsung Lee Jae-yong`: a brand is one word of the name.
        if scanner.kind(span.head) == Some(HeadKind::Brand)
            && scanner.known_place_at(span.head.end).is_none()
        {
            end = span.head.end;
        }
        Some(UnitMatch {
            start: span.start,
            end,
            value: value::value(&self.cfg, defs, &work[span.start..end]),
            rule: rule_of(&self.cfg, &span),
        })
    }

    fn cut_at_honorific(&self, scanner: &Scanner, start: usize, end: usize) -> usize {
        let a = scanner.a;
        let lower = scanner.lower;
        let first = a.token_from(start);
        // An honorific inside a known place is part of it (`quận Hai Bà
        // Trưng`), and a capitalised one that starts a known place is the
        // place (`Hạ viện Anh`).
        let mut place_end = start;
        a.tokens[first..]
            .iter()
            .take_while(|t| t.start < end)
            .filter(|t| t.kind != Kind::Punct)
            .skip(1)
            .find(|t| {
                if t.start < place_end {
                    return false;
                }
                if let Some(p) = scanner.known_place_at_word(t.start) {
                    place_end = p;
                    return false;
                }
                // A capitalised profession of several words is a word of
                // the name (`Đội Cảnh sát giao thông`, `Hội Luật sư`).
                let in_name = |h: &crate::text::Hit| {
                    scanner.work[t.start..].starts_with(char::is_uppercase)
                        && lower[h.start..h.end].contains(' ')
                };
                scanner
                    .at(&self.cfg.honorifics, t.start)
                    .is_some_and(|h| !in_name(&h))
                    && lower[..t.start].ends_with(' ')
            })
            .map_or(end, |t| lower[..t.start].trim_end().len())
    }

    /// Context checks a unit found while scanning the text must pass
    /// (readings for titles have their own context: a role word).
    fn keep(&self, scanner: &Scanner, span: &Span) -> bool {
        let cfg = &self.cfg;
        let work = scanner.work;
        let prev = scanner.a.prev_tok(span.start);
        // `các Ban`, `những Sở`: plural or generic (a name the article
        // defines is one body: `kiện cả Deutsche Bank`).
        let defined = span.head.is_whole_name();
        if !defined
            && prev.is_some_and(|p| {
                scanner
                    .at(&cfg.plural_before, p.start)
                    .is_some_and(|h| h.end == p.end)
            })
        {
            return false;
        }
        // `4 ngân hàng thương mại`: a count of bodies of a kind.
        if span.head.lower
            && prev.is_some_and(|p| {
                p.is_number(work)
                    && (work[..p.start].ends_with([' ', '(']) || p.start == 0)
                    && !scanner
                        .dates
                        .iter()
                        .any(|&(s, e)| s <= p.start && p.start < e)
            })
        {
            return false;
        }
        // Inside a code: `6021/UBND-ĐT`, `AIPA-31`.
        let glued =
            |s: &str| s.starts_with(['/', '-']) && s[1..].starts_with(char::is_alphanumeric);
        if work[..span.start].ends_with(['/', '-']) || glued(&work[span.end..]) {
            return false;
        }
        let media = scanner.kind(span.head) == Some(HeadKind::Listed(UnitCategory::Media));
        // A news outlet in a credit (`Ảnh: Doãn Tấn/TTXVN`, `(TTXVN)`).
        let next = scanner.a.next_tok(span.end);
        if media
            && (prev.is_some_and(|p| matches!(p.text(work), "/" | "(" | "-" | "–" | ":"))
                || next.is_some_and(|n| n.text(work) == "/"))
        {
            return false;
        }
        // `TTXVN` alone on the article's last line: its credit.
        if media && alone_on_last_line(work, span.start, span.end) {
            return false;
        }
        // `Theo VTV`, `(Khai thác từ VTV)`: the story's source, no actor.
        if media
            && prev.is_some_and(|p| {
                scanner
                    .a
                    .hits
                    .ending_at(cfg.source_words.id, p.end, 24)
                    .is_some()
            })
        {
            return false;
        }
        if scanner.kind(span.head) == Some(HeadKind::Brand) && self.names_product(scanner, span) {
            return false;
        }
        // `Trưởng ban Nguyễn Hải Hường`, `Chánh Thanh tra Lê Văn An`: a
        // head that ends a role word, then a full name: the role and its
        // holder, no unit.
        if self.role_ends_at(scanner, span.head.end)
            && scanner
                .a
                .next_tok(span.head.end)
                .is_some_and(|n| scanner.person_at(n.start, 3))
        {
            return false;
        }
        // `Phạm Trường Long`, `Nguyễn Trường Sơn`: a one-word head after a
        // surname, with one capitalised word after it, is a middle name.
        if !span.head.lower
            && prev.is_some_and(|p| {
                p.is_cap(work)
                    && work[p.end..span.start] == *" "
                    && scanner
                        .at(&cfg.surnames, p.start)
                        .is_some_and(|h| h.end == p.end)
            })
            && !work[span.start..span.head.end].contains(' ')
            && work[span.head.end..span.end]
                .strip_prefix(' ')
                .is_some_and(|rest| !rest.contains(' '))
        {
            return false;
        }
        // `Thành ủy viên, Thường vụ Đảng ủy X`: the prefix is a title here.
        if scanner.at(&cfg.prefix_heads, span.start).is_some()
            && self.after_title(scanner, span.start)
        {
            return false;
        }
        true
    }

    /// A brand names a product, not the company: a model after it
    /// (`Nokia 9`, `Samsung Galaxy`; a place is the company's branch:
    /// `Honda Việt Nam`) or a product word before it (`chiếc Nokia`).
    fn names_product(&self, scanner: &Scanner, span: &Span) -> bool {
        let work = scanner.work;
        let cue = |t: Option<Tok>| {
            t.is_some_and(|q| {
                self.cfg
                    .short_name_cue_caps
                    .iter()
                    .any(|c| c == q.text(work))
            })
        };
        // `hãng Mercedes-Benz X-Class`: the company, whatever follows.
        if cue(scanner.a.prev_tok(span.start)) {
            return false;
        }
        let head_end = span.head.end;
        let model = span.end > head_end && scanner.known_place_at(head_end).is_none()
            || scanner.a.next_tok(head_end).is_some_and(|n| {
                n.start == head_end + 1
                    && (n.is_number(work)
                        || (n.is_cap(work) && scanner.known_place_at(n.start).is_none()))
            });
        // `hãng xe Honda` is the company again.
        let product = scanner.a.prev_tok(span.start).is_some_and(|p| {
            scanner
                .a
                .hits
                .ending_at(self.cfg.product_words.id, p.end, 24)
                .is_some_and(|w| !cue(scanner.a.prev_tok(w.start)))
        });
        model || product
    }

    /// A role word ends exactly at `end` (`Trưởng ban`).
    fn role_ends_at(&self, scanner: &Scanner, end: usize) -> bool {
        let hits = scanner.a.hits.all(self.cfg.titles.id);
        let first = hits.partition_point(|h| h.start + 40 < end);
        hits[first..]
            .iter()
            .take_while(|h| h.start < end)
            .any(|h| h.end == end)
    }

    /// A role word ends at the word before `pos` (a comma between allowed),
    /// starting on the same line no more than 40 bytes before it.
    fn after_title(&self, scanner: &Scanner, pos: usize) -> bool {
        let work = scanner.work;
        let Some(mut p) = scanner.a.prev_tok(pos) else {
            return false;
        };
        if p.text(work) == "," {
            match scanner.a.prev_tok(p.start) {
                Some(q) => p = q,
                None => return false,
            }
        }
        let line_start = scanner.a.line_of(p.end).start;
        let from = p.end.saturating_sub(40).max(line_start);
        let hits = scanner.a.hits.all(self.cfg.titles.id);
        let first = hits.partition_point(|h| h.start < from);
        hits[first..]
            .iter()
            .take_while(|h| h.start < p.end)
            .any(|h| h.end == p.end)
    }
}

fn rule_of(cfg: &Config, span: &Span) -> &'static str {
    let bare = span.end == span.head.end;
    match span.head.start {
        Start::PoliceCode => POLICE_CODE,
        Start::Def(_) => DEFINED_ABBREVIATION,
        Start::Club(_) => KNOWN_NAME,
        Start::Abbr(_) if bare => ABBREVIATION,
        Start::Head(i)
            if bare && matches!(cfg.head_info[i].kind, HeadKind::KnownName | HeadKind::Brand) =>
        {
            KNOWN_NAME
        }
        _ if bare => STANDALONE,
        _ if span.level_only => LEVEL,
        _ => HEAD_NAME,
    }
}

/// Where each defined form is written (start, index of its definition):
/// for each form, its occurrences left to right that do not overlap the
/// one before (as `str::match_indices` finds them), all forms found in
/// one pass over the text rather than one pass per form.
fn written_forms(work: &str, defs: &[Def]) -> Vec<(usize, usize)> {
    if defs.is_empty() {
        return Vec::new();
    }
    let Ok(ac) = aho_corasick::AhoCorasick::new(defs.iter().map(|d| d.form.as_str())) else {
        return Vec::new();
    };
    let mut next_free = vec![0usize; defs.len()];
    let mut out = Vec::new();
    for m in ac.find_overlapping_iter(work) {
        let d = m.pattern().as_usize();
        if m.start() >= next_free[d] {
            next_free[d] = m.end();
            out.push((m.start(), d));
        }
    }
    out
}

/// Whether `work[start..end]` is all its line holds (brackets and a full
/// stop aside) and nothing but blank lines follow it.
fn alone_on_last_line(work: &str, start: usize, end: usize) -> bool {
    let line_start = work[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = work[end..].find('\n').map_or(work.len(), |i| end + i);
    let around = |t: &str| {
        t.trim_matches(|c: char| c.is_whitespace() || "()-–.".contains(c))
            .is_empty()
    };
    around(&work[line_start..start])
        && around(&work[end..line_end])
        && work[line_end..].trim().is_empty()
}

#[cfg(test)]
mod tests;
