//! Cited documents (`rules/resolutions.json`, `rules/lexicon/issuer_codes.csv`).
//! See spec/entities.md, section `resolution`.
//!
//! A citation starts at a kind word (`Nghị quyết`, any case) and runs
//! through its number (`số 35-NQ/TW`, `142`) or its name (`An ninh mạng năm
//! 2018`, `Đại hội XIII`). Further numbers may share the kind word
//! (`... 18-NQ/TW và 19-NQ/TW`). Then the slots right after it are read: its
//! date (a date mention after `ngày`), its issuer (the unit or title mention
//! after `của`, else the capitalised words there) and its subject (a quoted
//! title, or a `về ...` phrase to the end of the clause).

mod codes;
mod config;
pub mod identity;
mod scan;

use super::Ctx;
use super::lexicon::{Lexicon, WordList};
use crate::model::{Entity, EntityType, Fields};
use crate::rules::{RuleError, RuleSources};
use crate::text::{ListSetBuilder, Listed};
use codes::IssuerCodes;
use config::{KindRow, Named, Patterns, Words};
use regex::Regex;
use scan::{Nesting, Token, tokens};

pub struct ResolutionExtractor {
    kinds: Vec<KindRow>,
    /// Kind word forms; a hit's index is its row in `kinds`.
    kind_words: Listed,
    patterns: Patterns,
    words: Words,
    codes: IssuerCodes,
    /// Place names: `Luật` before one is a school's name (`Đại học Luật Hà Nội`).
    places: Listed,
}

/// One citation found: its span, value and the rule that found it.
#[derive(Debug, Clone)]
struct Citation {
    start: usize,
    end: usize,
    value: String,
    rule: &'static str,
    /// Whether `value` is a document number (it may carry an issuer code).
    numbered: bool,
}

/// What the slots after a citation say about it.
#[derive(Debug, Default)]
struct Slots {
    /// `Some(None)`: a date was written but has no value.
    date: Option<Option<String>>,
    issuer: Option<String>,
    subject: Option<String>,
}

/// A mention found by an earlier extractor, as the slots need it.
struct Known {
    start: usize,
    end: usize,
    etype: EntityType,
    value: Option<String>,
}

impl ResolutionExtractor {
    pub fn new(
        sources: &RuleSources,
        lex: &Lexicon,
        lists: &mut ListSetBuilder,
    ) -> Result<ResolutionExtractor, RuleError> {
        let file = sources.json("resolutions.json")?;
        let kinds = config::kinds(&file)?;
        let kind_words = Listed::new(WordList::new(config::kind_forms(&file)), lists);
        Ok(ResolutionExtractor {
            kinds,
            kind_words,
            patterns: config::patterns(&file)?,
            words: config::words(&file, lists),
            codes: IssuerCodes::new(&lex.issuer_codes, &file.setting_list("kind_abbreviations")),
            places: Listed::new(lex.places.clone(), lists),
        })
    }

    /// The issuer an issuer code stands for (`TW`: Ban Chấp hành Trung ương).
    pub fn issuer_of_code(&self, code: &str) -> Option<&str> {
        self.codes.issuer_of(code)
    }

    pub fn extract(&self, ctx: &Ctx, found: &mut Vec<Entity>) {
        let known: Vec<Known> = found
            .iter()
            .filter(|e| {
                matches!(
                    e.etype,
                    EntityType::Date | EntityType::Unit | EntityType::Title
                )
            })
            .map(|e| Known {
                start: e.start,
                end: e.end,
                etype: e.etype,
                value: e.value.clone(),
            })
            .collect();
        let lower = ctx.lower();
        let mut free_from = 0;
        let mut out = Vec::new();
        for hit in ctx.hits.leftmost_longest(self.kind_words.id) {
            if hit.start < free_from {
                continue;
            }
            let kind = &self.kinds[hit.index];
            if self.is_part_of_other_word(lower, hit.start, kind) {
                continue;
            }
            for cite in self.citations_at(ctx, hit.start, hit.end, kind) {
                let slots = self.slots_after(ctx, &known, cite.end);
                free_from = cite.end;
                out.push(self.entity(&cite, kind, slots));
            }
        }
        found.extend(out);
    }

    fn entity(&self, cite: &Citation, kind: &KindRow, slots: Slots) -> Entity {
        let mut e = Entity::new(EntityType::Resolution, cite.start, cite.end, cite.rule);
        let issuer_code = if cite.numbered {
            self.codes.code_of_number(&cite.value)
        } else {
            None
        };
        e.value = Some(cite.value.clone());
        e.fields = Fields::Resolution {
            kind: kind.kind.clone(),
            date: slots.date.flatten(),
            issuer: slots.issuer,
            issuer_code,
            subject: slots.subject,
        };
        e
    }

    /// `pháp luật`, `kỷ luật`: the kind word ends another word.
    fn is_part_of_other_word(&self, lower: &str, start: usize, kind: &KindRow) -> bool {
        if kind.not_after.is_empty() {
            return false;
        }
        let before = lower[..start].trim_end_matches([' ', '\t', '\u{a0}']);
        if before.len() == start {
            return false;
        }
        let word_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        kind.not_after.iter().any(|w| *w == before[word_start..])
    }

    /// The citations that start at a kind word (`kind_start..kind_end`):
    /// none, one, or several sharing the kind word.
    fn citations_at(
        &self,
        ctx: &Ctx,
        kind_start: usize,
        kind_end: usize,
        kind: &KindRow,
    ) -> Vec<Citation> {
        let work = ctx.work();
        if let Some((number, end)) = self.full_number_at(work, kind_end, &self.patterns.numbered) {
            let mut out = vec![Citation {
                start: kind_start,
                end,
                value: number,
                rule: "resolution.numbered",
                numbered: true,
            }];
            self.list_items(work, &mut out);
            return out;
        }
        if let Some((number, end)) = self.short_number_at(ctx, kind_start, kind_end, kind) {
            return vec![Citation {
                start: kind_start,
                end,
                value: number,
                rule: "resolution.short",
                numbered: true,
            }];
        }
        if let Some((number, end)) = self.late_number_at(ctx, kind_end) {
            return vec![Citation {
                start: kind_start,
                end,
                value: number,
                rule: "resolution.numbered_late",
                numbered: true,
            }];
        }
        let named = match kind.named {
            Named::None => None,
            Named::Law => self.law_name_at(ctx, kind_start, kind_end),
            Named::Congress => name_by(
                &self.patterns.named_congress,
                "resolution.named_congress",
                work,
                kind_end,
            ),
            Named::Year => name_by(
                &self.patterns.named_year,
                "resolution.named_year",
                work,
                kind_end,
            ),
        };
        named
            .map(|(start, end, rule)| {
                vec![Citation {
                    start: kind_start,
                    end,
                    value: work[start..end].to_string(),
                    rule,
                    numbered: false,
                }]
            })
            .unwrap_or_default()
    }

    /// A full number (`35-NQ/TW`, `24/2014/NĐ-CP`) matched by `re` at
    /// `pos`: its value and end. Text glued to it by a bad crawl is cut off.
    fn full_number_at(&self, work: &str, pos: usize, re: &Regex) -> Option<(String, usize)> {
        let caps = re.captures(&work[pos..])?;
        let m = caps.name("number")?;
        let (start, mut end) = (pos + m.start(), pos + m.end());
        if work[end..].chars().next().is_some_and(char::is_alphabetic) {
            // `NĐ-CPng`: a code segment may end in one lower-case letter
            // (`TTg`, `QĐi`) only when no letter follows it.
            let last = work[start..end].chars().next_back()?;
            if !last.is_lowercase() {
                return None;
            }
            end -= last.len_utf8();
        }
        Some((clean_number(&work[start..end]), end))
    }

    /// A short number (`142`, `64/2017`, `19-2017`) after a kind word, when
    /// it really is one: `số` before it or a kind that takes bare numbers,
    /// no digits or letters glued to it, no counter word after it.
    fn short_number_at(
        &self,
        ctx: &Ctx,
        kind_start: usize,
        pos: usize,
        kind: &KindRow,
    ) -> Option<(String, usize)> {
        let work = ctx.work();
        let caps = self.patterns.short.captures(&work[pos..])?;
        let m = caps.name("number")?;
        if caps.name("so").is_none() && !self.bare_number_allowed(ctx, kind_start, kind, m.as_str())
        {
            return None;
        }
        let end = pos + m.end();
        let mut after = work[end..].chars();
        match (after.next(), after.next()) {
            (Some(c), _) if c.is_alphanumeric() || c == '%' => return None,
            (Some('/' | '-' | '.' | ',' | ':'), Some(d)) if d.is_ascii_digit() => return None,
            _ => {}
        }
        let next_word = end + work[end..].len() - work[end..].trim_start_matches(' ').len();
        let counter = (next_word > end)
            .then(|| ctx.hit(self.words.not_after_bare_number.id, next_word))
            .flatten();
        if let Some(counter) = counter {
            // `3 năm` counts; `67 năm 2014`, `2039 ngày 29/5` do not.
            let then = work[counter.end..].trim_start_matches(' ');
            if !then.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
        }
        Some((clean_number(m.as_str()), end))
    }

    /// Whether a short number may follow the kind word without `số`.
    fn bare_number_allowed(
        &self,
        ctx: &Ctx,
        kind_start: usize,
        kind: &KindRow,
        number: &str,
    ) -> bool {
        let capitalised = ctx.work()[kind_start..].starts_with(char::is_uppercase);
        if kind.bare_number {
            // `Trí quyết định 1 mình`: a lower-case kind word with a bare
            // one-digit number is a verb and a count.
            return capitalised || number.len() > 1;
        }
        // `KẾ HOẠCH 10` in an all-capitals table is a heading, not a citation.
        let title_case = ctx.work()[kind_start..]
            .chars()
            .nth(1)
            .is_some_and(char::is_lowercase);
        if !kind.capitalised_bare_number
            || !capitalised
            || !title_case
            || number.len() < 2
            || is_year(number)
        {
            return false;
        }
        let sentence = ctx
            .sentences
            .get(ctx.sentence_of(kind_start))
            .cloned()
            .unwrap_or(0..ctx.work().len());
        let hits = ctx.hits.all(self.words.project_context.id);
        let first = hits.partition_point(|h| h.start < sentence.start);
        hits[first..]
            .iter()
            .take_while(|h| h.start < sentence.end)
            .all(|h| h.end > sentence.end)
    }

    /// A full number after a few words that name the issuer or the
    /// document's type (`tờ trình Chính phủ số 469/TTr-CP`, `kết luận
    /// thanh tra số 05/KL-TTr`): only with `số` and a full number, and
    /// with no other kind word or clause word in between.
    fn late_number_at(&self, ctx: &Ctx, kind_end: usize) -> Option<(String, usize)> {
        let work = ctx.work();
        let caps = self.patterns.numbered_late.captures(&work[kind_end..])?;
        let between = caps.name("between")?;
        let blocked = tokens(ctx, kind_end)
            .take_while(|t| t.start < kind_end + between.end())
            .any(|t| {
                ctx.hit(self.kind_words.id, t.start).is_some()
                    || ctx.hit(self.words.late_number_stops.id, t.start).is_some()
            });
        if blocked {
            return None;
        }
        self.full_number_at(work, kind_end + between.end(), &self.patterns.numbered)
    }

    /// Further full numbers sharing the kind word of the last citation.
    fn list_items(&self, work: &str, out: &mut Vec<Citation>) {
        while let Some(last) = out.last() {
            let pos = last.end;
            let Some((number, end)) = self.full_number_at(work, pos, &self.patterns.list) else {
                return;
            };
            let caps = self.patterns.list.captures(&work[pos..]);
            let start = caps
                .and_then(|c| c.name("number"))
                .map_or(pos, |m| pos + m.start());
            out.push(Citation {
                start,
                end,
                value: number,
                rule: "resolution.list",
                numbered: true,
            });
        }
    }

    /// A law's name after `Luật`, `Bộ luật`, `Pháp lệnh`: a listed name (any
    /// case) or capitalised words up to a stop word, then a year if one
    /// follows. Returns the name's range.
    fn law_name_at(
        &self,
        ctx: &Ctx,
        kind_start: usize,
        kind_end: usize,
    ) -> Option<(usize, usize, &'static str)> {
        let (work, lower) = (ctx.work(), ctx.lower());
        let first = tokens(ctx, kind_end).next()?;
        if first.start == kind_end || !first.starts_with_letter(work) {
            return None;
        }
        if ctx
            .hit(self.words.law_name_not_first.id, first.start)
            .is_some()
        {
            return None;
        }
        // A one-word name in lower case (`luật giá`) is too often an
        // ordinary phrase: listed names in lower case need two words.
        let listed = ctx
            .hit(self.words.law_names.id, first.start)
            .filter(|hit| first.is_capitalised(work) || lower[hit.start..hit.end].contains(' '));
        let name_end = match listed {
            Some(hit) => hit.end,
            None => {
                // An unlisted name needs a capitalised kind word
                // (`Luật Thủ đô`, not `trung cấp luật Đồng Hới`) and must
                // not be a place (`Đại học Luật Hà Nội`).
                let kind_capitalised = work[kind_start..].starts_with(char::is_uppercase);
                if !kind_capitalised || ctx.hit(self.places.id, first.start).is_some() {
                    return None;
                }
                self.patterns.named_law.captures(&work[kind_end..])?;
                self.capitalised_name_end(ctx, first)?
            }
        };
        let end = self.year_after(work, name_end).unwrap_or(name_end);
        Some((first.start, end, "resolution.named_law"))
    }

    /// The end of a capitalised name starting with `first`.
    fn capitalised_name_end(&self, ctx: &Ctx, first: Token) -> Option<usize> {
        let work = ctx.work();
        let mut end = None;
        let mut lower_run = 0;
        let mut prev_abbreviation = false;
        for (i, tok) in tokens(ctx, first.start).enumerate() {
            if i >= self.words.name_max_words || !tok.starts_with_letter(work) {
                break;
            }
            if i > 0
                && (ctx.hit(self.words.name_stops.id, tok.start).is_some()
                    || ctx.hit(self.kind_words.id, tok.start).is_some())
            {
                break;
            }
            if tok.core(work).starts_with(|c: char| c.is_ascii_digit()) {
                break;
            }
            let capitalised = tok.is_capitalised(work);
            // After an abbreviation (`Luật HTX`) a lower-case word is the
            // sentence going on, not the name.
            if !capitalised && prev_abbreviation {
                break;
            }
            lower_run = if capitalised { 0 } else { lower_run + 1 };
            if lower_run > 3 {
                break;
            }
            prev_abbreviation = tok.is_abbreviation(work);
            end = Some(tok.core_end);
            if tok.core_end < tok.end {
                break;
            }
        }
        end
    }

    /// The end of a year that is part of a name (`năm 2018`, `2015`).
    fn year_after(&self, work: &str, pos: usize) -> Option<usize> {
        let caps = self.patterns.named_year.captures(&work[pos..])?;
        Some(pos + caps.name("name")?.end())
    }

    /// Read the date, issuer and subject slots right after a citation.
    fn slots_after(&self, ctx: &Ctx, known: &[Known], end: usize) -> Slots {
        let work = ctx.work();
        let mut slots = Slots::default();
        let mut pos = end;
        loop {
            if slots.date.is_none()
                && let Some((date, after)) = self.date_slot(work, known, pos)
            {
                slots.date = Some(date);
                pos = after;
                continue;
            }
            if slots.issuer.is_none()
                && let Some((issuer, after)) = self.issuer_slot(ctx, known, pos)
            {
                slots.issuer = Some(issuer);
                pos = after;
                continue;
            }
            slots.subject = self.subject_slot(ctx, pos);
            return slots;
        }
    }

    /// `ngày 22/10/2018` (also `ban hành ngày ...`, `(ngày ...)`): the
    /// value of the date mention there and where the slot ends.
    /// With no date mention there, a written date is still skipped (its
    /// value left to the dates extractor) so that the issuer after it is read.
    fn date_slot(
        &self,
        work: &str,
        known: &[Known],
        pos: usize,
    ) -> Option<(Option<String>, usize)> {
        let m = self.patterns.slot_date.find(&work[pos..])?;
        let at = pos + m.end();
        // The date mention starts after `ngày`, or at it if a date rule kept it.
        let ngay = work[pos..at].trim_end().len() - "ngày".len() + pos;
        let date = known
            .iter()
            .filter(|k| k.etype == EntityType::Date && (k.start == at || k.start == ngay))
            .max_by_key(|k| k.end);
        let (value, mut end) = match date {
            Some(d) => (d.value.clone(), d.end),
            None => (None, at + self.patterns.date_text.find(&work[at..])?.end()),
        };
        if m.as_str().contains('(') {
            let rest = &work[end..];
            let close = rest.len() - rest.trim_start().len();
            if rest[close..].starts_with(')') {
                end += close + 1;
            }
        }
        Some((value, end))
    }

    /// `của <issuer>`: the issuer's text and where it ends.
    fn issuer_slot(&self, ctx: &Ctx, known: &[Known], pos: usize) -> Option<(String, usize)> {
        let work = ctx.work();
        let m = self.patterns.slot_issuer.find(&work[pos..])?;
        let at = pos + m.end();
        let mention = known
            .iter()
            .filter(|k| matches!(k.etype, EntityType::Unit | EntityType::Title) && k.start == at)
            .max_by_key(|k| k.end);
        let written = self.written_issuer_end(ctx, at);
        let end = match mention {
            Some(k) => self.mention_issuer_end(ctx, at, k.end, written),
            None => written?,
        };
        Some((work[at..end].to_string(), end))
    }

    /// Where an issuer given by a unit or title mention ends: the mention
    /// cut at a stop word inside it (`Chính phủ Quy định`), or carried on
    /// by the written name when that goes on with a capitalised word
    /// (`Bộ Tài nguyên` + ` và Môi trường`), then its term (` khóa XII`).
    fn mention_issuer_end(
        &self,
        ctx: &Ctx,
        at: usize,
        mention_end: usize,
        written: Option<usize>,
    ) -> usize {
        let (work, lower) = (ctx.work(), ctx.lower());
        let cut = tokens(ctx, at)
            .skip(1)
            .take_while(|t| t.start < mention_end)
            .find(|t| {
                ctx.hit(self.words.issuer_stops.id, t.start).is_some()
                    || ctx.hit(self.kind_words.id, t.start).is_some()
            })
            .map(|t| work[..t.start].trim_end().len());
        let mut end = cut.unwrap_or(mention_end);
        if let Some(w) = written.filter(|&w| cut.is_none() && w > end) {
            let next = tokens(ctx, end).next();
            let goes_on = next.is_some_and(|t| {
                t.is_capitalised(work) || matches!(&lower[t.start..t.core_end], "và" | "-" | "–")
            });
            if goes_on {
                end = w;
            }
        }
        self.with_term(work, end)
    }

    /// A unit followed by its term (`Bộ Chính trị` + ` khóa XII`).
    fn with_term(&self, work: &str, end: usize) -> usize {
        static TERM: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
        let re = TERM.get_or_init(|| Regex::new(r"^\s+(?i:khóa)\s+[IVXLC]+\b").expect("valid"));
        re.find(&work[end..]).map_or(end, |m| end + m.end())
    }

    /// An issuer with no unit or title mention: capitalised words up to a
    /// stop word, punctuation or the next citation.
    fn written_issuer_end(&self, ctx: &Ctx, at: usize) -> Option<usize> {
        let (work, lower) = (ctx.work(), ctx.lower());
        let mut end = None;
        for (i, tok) in tokens(ctx, at).enumerate() {
            if i >= self.words.issuer_max_words {
                break;
            }
            if i == 0 && !tok.is_capitalised(work) {
                return None;
            }
            // `Bộ Tài nguyên và Môi trường`: `và` or a dash joins two
            // capitalised words of one name.
            let joins = (tok.core(work).chars().all(|c| "-–—".contains(c))
                || &lower[tok.start..tok.end] == "và")
                && i > 0
                && tokens(ctx, tok.end).next().is_some_and(|next| {
                    next.is_capitalised(work)
                        && ctx.hit(self.kind_words.id, next.start).is_none()
                        && ctx.hit(self.words.issuer_stops.id, next.start).is_none()
                });
            if !joins
                && (!tok.starts_with_letter(work)
                    || ctx.hit(self.words.issuer_stops.id, tok.start).is_some()
                    || (i > 0 && ctx.hit(self.kind_words.id, tok.start).is_some()))
            {
                break;
            }
            if !joins {
                end = Some(tok.core_end);
            }
            if tok.core_end < tok.end && !tok.is_dotted_abbreviation(work) {
                break;
            }
        }
        end
    }

    /// A quoted title, or `về ...` to the end of the clause.
    fn subject_slot(&self, ctx: &Ctx, pos: usize) -> Option<String> {
        let work = ctx.work();
        if let Some(m) = self.patterns.slot_quoted.find(&work[pos..]) {
            return quoted(
                work,
                pos + m.end() - m.as_str().chars().next_back()?.len_utf8(),
            );
        }
        let m = self.patterns.slot_subject.find(&work[pos..])?;
        let at = pos + m.end();
        if self
            .patterns
            .slot_quoted
            .find(&work[at..])
            .is_some_and(|q| q.start() == 0)
        {
            return quoted(work, at);
        }
        let end = self.clause_end(ctx, at)?;
        let subject = work[at..end].trim();
        (!subject.is_empty()).then(|| subject.to_string())
    }

    /// Where a `về ...` phrase starting at `at` ends.
    fn clause_end(&self, ctx: &Ctx, at: usize) -> Option<usize> {
        let work = ctx.work();
        let mut end = None;
        let mut nesting = Nesting::default();
        let mut after_comma = false;
        let mut prev: Option<Token> = None;
        for (i, tok) in tokens(ctx, at).enumerate() {
            if i >= self.words.subject_max_words {
                break;
            }
            let stop_here = i > 0
                && !nesting.open()
                && (ctx.hit(self.words.subject_stops.id, tok.start).is_some()
                    || (after_comma
                        && ctx
                            .hit(self.words.subject_comma_stops.id, tok.start)
                            .is_some())
                    || (after_comma && ctx.hit(self.kind_words.id, tok.start).is_some())
                    || self.joins_next_citation(ctx, tok));
            if stop_here {
                // A comma before the stop is not part of the subject.
                end = prev.map(|p| p.core_end).or(end);
                break;
            }
            nesting.add(&work[tok.start..tok.end]);
            let open = nesting.open();
            let closes = !open && tok.ends_clause(work);
            end = Some(if open || (tok.trail(work).starts_with(')') && !closes) {
                tok.end
            } else {
                self.core_with_closing_paren(work, tok)
            });
            if closes {
                break;
            }
            after_comma = tok.ends_with_comma(work);
            prev = Some(tok);
        }
        end
    }

    /// `(gas).`: a closing bracket that matches one in the word stays.
    fn core_with_closing_paren(&self, work: &str, tok: Token) -> usize {
        let word = &work[tok.start..tok.end];
        if word.contains('(') && tok.trail(work).starts_with(')') {
            tok.core_end + 1
        } else {
            tok.core_end
        }
    }

    /// `và` right before another kind word: the next citation begins.
    fn joins_next_citation(&self, ctx: &Ctx, tok: Token) -> bool {
        let lower = ctx.lower();
        let word = &lower[tok.start..tok.core_end];
        if word != "và" || tok.core_end < tok.end {
            return false;
        }
        tokens(ctx, tok.end)
            .next()
            .is_some_and(|next| ctx.hit(self.kind_words.id, next.start).is_some())
    }
}

/// A name matched by a rule's `name` group right after the kind word.
fn name_by(
    re: &Regex,
    rule: &'static str,
    work: &str,
    pos: usize,
) -> Option<(usize, usize, &'static str)> {
    let caps = re.captures(&work[pos..])?;
    let m = caps.name("name")?;
    Some((pos + m.start(), pos + m.end(), rule))
}

/// The text inside the quotes that open at `at`, if they close on the line.
fn quoted(work: &str, at: usize) -> Option<String> {
    let open = work[at..].chars().next()?;
    let close: &[char] = match open {
        '“' => &['”', '"'],
        '«' => &['»'],
        _ => &['"', '”'],
    };
    let inner_start = at + open.len_utf8();
    let rest = &work[inner_start..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let close_at = rest[..line_end].find(close)?;
    let inner = rest[..close_at].trim();
    (!inner.is_empty()).then(|| inner.to_string())
}

/// `2017`: a short number that is a year, not a document number.
fn is_year(number: &str) -> bool {
    number.len() == 4
        && number.bytes().all(|b| b.is_ascii_digit())
        && (number.starts_with("19") || number.starts_with("20"))
}

/// A number as printed, spaces removed, dashes as `-`.
fn clean_number(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if matches!(c, '‐' | '‑' | '‒' | '–' | '—') {
                '-'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_cleaned() {
        assert_eq!(clean_number("35–NQ/TW"), "35-NQ/TW");
        assert_eq!(clean_number("19 - 2017"), "19-2017");
    }

    #[test]
    fn quoted_titles() {
        let t = "về “Tăng cường bảo vệ” và";
        assert_eq!(
            quoted(t, t.find('“').unwrap()).as_deref(),
            Some("Tăng cường bảo vệ")
        );
        assert_eq!(quoted("“không đóng", 0), None);
    }
}
