//! Dates (`rules/dates.json`). See spec/entities.md, section `date`.
//!
//! Every rule is a regex whose named groups say what it read (see
//! `rules.rs`); this module only runs the rules, checks each match against
//! the context guards, keeps the longest of overlapping matches, infers
//! missing years and writes ISO values. No rule has code of its own.

mod relative;
mod rules;
mod value;
mod windows;
mod years;

use super::Ctx;
use crate::model::{Entity, EntityType, Fields, YearFrom};
use crate::rules::{RuleError, RuleSources};
use crate::text::tokens::Kind;
use crate::text::{ListId, ListSetBuilder};
use regex::{CaptureLocations, Regex, RegexSet};
use rules::{DateRule, MentionGroups, Settings, table_key};
use std::collections::BTreeMap;
use std::ops::Range;
use value::{DateValue, Point, expand_two_digit_year, year_from_article};
use windows::{at_word_edges, ceil_char, could_be_date_number, floor_char, next_char, zones};

pub use years::{settle_years, years_from_reference};

pub struct DateExtractor {
    rules: Vec<DateRule>,
    /// Words that, with digits, mark where a date may be (`anchor_words`).
    anchors: ListId,
    settings: Settings,
    /// Where any rule, relative ones too, can match: relative references
    /// (`hôm qua`) have no digit or anchor word to look near, so with
    /// `--relative-dates` the whole text is searched with this.
    any_rule: Regex,
    /// Which rules can match in a place (indices as in `rules`).
    which: RegexSet,
}

/// Bytes after a place found by the union regex that the rules may still
/// need (the longest rule match is well under this).
const ZONE_TAIL: usize = 64;

/// Bytes before a digit or an anchor word where a match may start (its
/// context words: `rạng sáng thứ Hai, ngày`), and after it where a match
/// may still start (`1 - 7.2017`).
const ANCHOR_BEFORE: usize = 48;
const ANCHOR_AFTER: usize = 32;

/// The longest match of any rule, in bytes: a search for matches that
/// start in a window reads this far beyond it.
const MAX_MATCH: usize = 256;

/// One date mention read by a rule, before year inference.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    /// Calendar content of a Gregorian date.
    value: Option<DateValue>,
    /// Already-resolved value of a relative reference.
    resolved: Option<String>,
    relative: bool,
    /// `Written`, or `Article` for a year read relative to the article
    /// (`năm ngoái`); `None` when the year is still to be found.
    year_from: YearFrom,
}

/// All mentions of one rule match, kept or dropped together.
#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    rule: usize,
    mentions: Vec<Mention>,
}

impl DateExtractor {
    pub fn new(
        sources: &RuleSources,
        lists: &mut ListSetBuilder,
    ) -> Result<DateExtractor, RuleError> {
        let file = sources.json("dates.json")?;
        let settings = Settings::load(&file)?;
        let rules = rules::compile_rules(&file, &settings)?;
        let all: Vec<&crate::rules::Rule> = file.rules.iter().collect();
        Ok(DateExtractor {
            anchors: lists.add(file.setting_list("anchor_words")),
            any_rule: rules::union_of(&file, &all)?,
            which: rules::set_of(&file, &all)?,
            rules,
            settings,
        })
    }

    pub fn extract(&self, ctx: &Ctx, found: &mut Vec<Entity>) {
        // Absolute dates are looked for only near digits and anchor words.
        let zones = if ctx.relative_dates {
            zones(
                &self.any_rule,
                ctx.lower(),
                std::iter::once(0..ctx.lower().len()),
            )
        } else {
            self.windows(ctx)
        };
        let mut candidates = Vec::new();
        for zone in &zones {
            let hits = self.which.matches_at(&ctx.lower()[..zone.end], zone.start);
            for index in hits.iter() {
                if self.rules[index].relative && !ctx.relative_dates {
                    continue;
                }
                self.run_rule(ctx, index, zone.clone(), &mut candidates);
            }
        }
        let chosen = select_longest(candidates);
        for cand in &chosen {
            let rule = &self.rules[cand.rule];
            for m in &cand.mentions {
                if let Some(e) = self.entity(ctx, rule, m) {
                    found.push(e);
                }
            }
        }
    }

    /// Where absolute dates may start: around every number and anchor word
    /// (`tháng`, `quý`, `tết`); every rule's match holds one of these.
    /// Most of an article's text is prose far from any number, which the
    /// rules then need not read.
    fn windows(&self, ctx: &Ctx) -> Vec<Range<usize>> {
        let lower = ctx.lower();
        let numbers = ctx
            .tokens
            .iter()
            .filter(|t| could_be_date_number(t, lower))
            .map(|t| (t.start, t.end));
        let words = ctx.hits.all(self.anchors).iter().map(|h| (h.start, h.end));
        let mut anchors: Vec<(usize, usize)> = numbers.chain(words).collect();
        anchors.sort_unstable();
        let mut out: Vec<Range<usize>> = Vec::new();
        for (s, e) in anchors {
            let from = floor_char(lower, s.saturating_sub(ANCHOR_BEFORE));
            let to = ceil_char(lower, e + ANCHOR_AFTER);
            match out.last_mut() {
                Some(last) if from <= last.end => last.end = last.end.max(to),
                _ => out.push(from..to),
            }
        }
        out
    }

    /// Every accepted match of one rule that starts in `zone`. A match
    /// refused by its guards is retried one character further on, so it
    /// does not hide a shorter match inside it.
    fn run_rule(&self, ctx: &Ctx, index: usize, zone: Range<usize>, out: &mut Vec<Candidate>) {
        let rule = &self.rules[index];
        let full = if rule.case_sensitive {
            ctx.work()
        } else {
            ctx.lower()
        };
        let hay = &full[..zone.end];
        let mut locs = rule.re.capture_locations();
        let mut pos = zone.start;
        while pos < hay.len() {
            let Some(m) = rule.re.captures_read_at(&mut locs, hay, pos) else {
                break;
            };
            let next = next_char(hay, m.start());
            if !at_word_edges(full, m.start(), m.end()) {
                pos = next;
                continue;
            }
            match self.candidate(ctx, index, hay, &locs, (m.start(), m.end())) {
                Some(c) => {
                    out.push(c);
                    pos = m.end().max(next);
                }
                None => pos = next,
            }
        }
    }

    fn candidate(
        &self,
        ctx: &Ctx,
        index: usize,
        hay: &str,
        locs: &CaptureLocations,
        whole: (usize, usize),
    ) -> Option<Candidate> {
        let rule = &self.rules[index];
        let main = self.mention(ctx, rule, hay, locs, &rule.mentions[0], Some(whole), None)?;
        let mut mentions = vec![main];
        for groups in &rule.mentions[1..] {
            if let Some(extra) = self.mention(
                ctx,
                rule,
                hay,
                locs,
                groups,
                None,
                mentions[0].value.as_ref(),
            ) {
                mentions.push(extra);
            }
        }
        if let Some(each) = &rule.each {
            let main = mentions[0].value;
            mentions.extend(self.list_items(ctx, rule, hay, locs, each, main.as_ref()));
        }
        let start = mentions.iter().map(|m| m.start).min()?;
        let end = mentions.iter().map(|m| m.end).max()?;
        if !self.guards_allow(ctx, rule, start, end) {
            return None;
        }
        if !self.keywords_allow(ctx, start, end) {
            return None;
        }
        Some(Candidate {
            start,
            end,
            rule: index,
            mentions,
        })
    }

    /// The mentions of a list group, item by item; an item that reads as
    /// no date is left out, the others still count.
    fn list_items(
        &self,
        ctx: &Ctx,
        rule: &DateRule,
        hay: &str,
        locs: &CaptureLocations,
        each: &rules::EachItem,
        main: Option<&DateValue>,
    ) -> Vec<Mention> {
        let Some((start, end)) = locs.get(each.group) else {
            return Vec::new();
        };
        let list = &hay[..end];
        let mut item_locs = each.item.capture_locations();
        let mut out = Vec::new();
        let mut pos = start;
        while let Some(m) = each.item.captures_read_at(&mut item_locs, list, pos) {
            let whole = Some((m.start(), m.end()));
            if let Some(mention) =
                self.mention(ctx, rule, list, &item_locs, &each.groups, whole, main)
            {
                out.push(mention);
            }
            pos = m.end().max(next_char(list, m.start()));
        }
        out
    }

    /// Read one mention's groups. `whole` is the match, used as the span of
    /// a main mention without a `span` group; extra mentions take the parts
    /// they lack from `main`.
    #[allow(clippy::too_many_arguments)]
    fn mention(
        &self,
        ctx: &Ctx,
        rule: &DateRule,
        hay: &str,
        locs: &CaptureLocations,
        g: &MentionGroups,
        whole: Option<(usize, usize)>,
        main: Option<&DateValue>,
    ) -> Option<Mention> {
        let (start, end) = g.span.and_then(|i| locs.get(i)).or(whole)?;
        if rule.relative {
            return self.relative_mention(ctx, hay, locs, g, (start, end));
        }
        let text = |i: Option<usize>| i.and_then(|i| locs.get(i)).map(|(s, e)| &hay[s..e]);
        let ref_year = ctx.ref_date.map(|d| d.y);
        let mut start_point =
            self.point([text(g.d), text(g.m), text(g.y), text(g.q)], ref_year, None)?;
        let mut year_from = YearFrom::Written;
        if let Some(rel) = text(g.yrel) {
            let r = self.settings.relative.get(&table_key(rel))?;
            start_point.y = ctx.ref_date.map(|d| d.y + r.offset);
            year_from = YearFrom::Article;
        }
        let end_parts = [text(g.d2), text(g.m2), text(g.y2), text(g.q2)];
        let end_point = if end_parts.iter().any(Option::is_some) {
            Some(self.point(end_parts, ref_year, start_point.y)?)
        } else {
            None
        };
        let mut value = DateValue {
            start: start_point,
            end: end_point,
        };
        value.complete();
        if let Some(main) = main {
            value.start.fill_from(&main.start);
        }
        if rule.calendar.is_some() {
            // Lunar dates are reported as written, with no Gregorian value.
            let lunar_ok = value.start.d.is_none_or(|d| (1..=30).contains(&d))
                && value.start.m.is_none_or(|m| (1..=12).contains(&m));
            return lunar_ok.then_some(Mention {
                start,
                end,
                value: None,
                resolved: None,
                relative: false,
                year_from: YearFrom::None,
            });
        }
        if !value.is_possible() || !within_max_span(rule, &value) {
            return None;
        }
        if !value.has_year() {
            year_from = YearFrom::None;
        }
        Some(Mention {
            start,
            end,
            value: Some(value),
            resolved: None,
            relative: false,
            year_from,
        })
    }

    /// `[d, m, y, q]` group texts to a point; `None` when a group is there
    /// but reads as no number. A two-digit year that ends a range follows
    /// the century of its start (`2020-21`).
    fn point(
        &self,
        parts: [Option<&str>; 4],
        ref_year: Option<i32>,
        start_year: Option<i32>,
    ) -> Option<Point> {
        let [d, m, y, q] = parts;
        let s = &self.settings;
        let year = match y {
            None => None,
            Some(t) => {
                let n = t.trim().parse::<i32>().ok()?;
                Some(match (t.trim().len(), start_year) {
                    (2, Some(sy)) => sy - sy % 100 + n,
                    (2, None) => expand_two_digit_year(n, ref_year),
                    _ => n,
                })
            }
        };
        Some(Point {
            d: optional_number(d, None)?,
            m: optional_number(m, Some(&s.month_names))?,
            y: year,
            q: optional_number(q, Some(&s.quarter_names))?,
        })
    }

    fn relative_mention(
        &self,
        ctx: &Ctx,
        hay: &str,
        locs: &CaptureLocations,
        g: &MentionGroups,
        (start, end): (usize, usize),
    ) -> Option<Mention> {
        let text = |i: Option<usize>| i.and_then(|i| locs.get(i)).map(|(s, e)| &hay[s..e]);
        let rel = *self.settings.relative.get(&table_key(text(g.rel)?))?;
        let weekday = match text(g.wd) {
            Some(w) => Some(*self.settings.weekdays.get(&table_key(w))?),
            None => None,
        };
        let resolved = ctx.ref_date.map(|d| relative::resolve(rel, weekday, d));
        Some(Mention {
            start,
            end,
            value: None,
            year_from: if resolved.is_some() {
                YearFrom::Article
            } else {
                YearFrom::None
            },
            resolved,
            relative: true,
        })
    }

    fn guards_allow(&self, ctx: &Ctx, rule: &DateRule, start: usize, end: usize) -> bool {
        let work = ctx.work();
        let before =
            &work[floor_char(work, start.saturating_sub(self.settings.guard_window))..start];
        let after = &work[end..ceil_char(work, end + self.settings.guard_window)];
        let span = &work[start..end];
        rule.guards
            .iter()
            .all(|&i| !self.settings.guards[i].refuses(span, before, after))
    }

    /// The `needs_keyword` settings, checked on a match's mentions as a whole.
    fn keywords_allow(&self, ctx: &Ctx, start: usize, end: usize) -> bool {
        let text = &ctx.lower()[start..end];
        let work = ctx.work();
        let window = self.settings.guard_window;
        let before = &work[floor_char(work, start.saturating_sub(window))..start];
        let after = &work[end..ceil_char(work, end + window)];
        self.settings.keyword_needs.iter().all(|k| {
            !k.span.is_match(text)
                || k.before.is_match(before)
                || k.after.as_ref().is_some_and(|a| a.is_match(after))
        })
    }

    /// The entity of one mention. A missing year comes from the article's
    /// date here; without one it is left to [`settle_years`], which runs
    /// once the cited documents (whose dates lend no year) are known.
    fn entity(&self, ctx: &Ctx, rule: &DateRule, m: &Mention) -> Option<Entity> {
        let mut e = Entity::new(EntityType::Date, m.start, m.end, &rule.id);
        let mut year_from = m.year_from;
        if m.relative {
            e.value = m.resolved.clone();
        } else if let Some(mut v) = m.value {
            if !v.has_year()
                && let Some(article) = ctx.ref_date
            {
                v.set_year(year_from_article(
                    &v.start,
                    article,
                    self.settings.future_months,
                ));
                year_from = YearFrom::Article;
            }
            // 29/2 only exists in leap years.
            if !v.is_possible() {
                return None;
            }
            e.value = Some(v.iso());
        }
        e.fields = Fields::Date {
            calendar: rule.calendar,
            relative: m.relative,
            year_from,
        };
        Some(e)
    }
}

/// A number written in digits or as a word of `table`; `Some(None)` when
/// the group did not take part, `None` when it reads as nothing.
fn optional_number(
    text: Option<&str>,
    table: Option<&std::collections::HashMap<String, u32>>,
) -> Option<Option<u32>> {
    let Some(t) = text else {
        return Some(None);
    };
    let t = t.trim();
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok().map(Some);
    }
    table?.get(&table_key(t)).copied().map(Some)
}

fn within_max_span(rule: &DateRule, v: &DateValue) -> bool {
    match (rule.max_span_years, v.start.y, v.end.and_then(|e| e.y)) {
        (Some(max), Some(a), Some(b)) => b - a <= max,
        _ => true,
    }
}

/// Overlapping matches: the longest wins, then the earliest, then the
/// rule listed first.
fn select_longest(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.start, c.rule));
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for c in candidates {
        // Taken extents are disjoint: only the last one starting before
        // this candidate's end can overlap it.
        let clash = taken
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &end)| end > c.start);
        if !clash {
            taken.insert(c.start, c.end);
            out.push(c);
        }
    }
    out.sort_by_key(|c| c.start);
    out
}

#[cfg(test)]
mod tests;
