//! Person names (`rules/persons.json`, `rules/lexicon/surnames.csv`,
//! `rules/lexicon/honorifics.csv`). See spec/entities.md, section `person`.
//!
//! Names are read off runs of capitalised words: a run is cut at anything
//! an earlier stage already owns (units, titles, dates), at words that
//! never belong to a name, and at places; what is left is a name when it
//! starts with a known surname, or follows an honorific, a title, a photo
//! credit or another name of a shared list. The byline and initials have
//! their own patterns.

pub mod lists;
mod value;

use super::Ctx;
use super::lexicon::{Lexicon, WordList, lowercase};
use crate::model::{Entity, EntityType};
use crate::rules::{RuleError, RuleSources};
use crate::text::chars::{is_all_caps, is_capitalised, is_name_shaped, only_spaces};
use crate::text::tokens::words;
use crate::text::wordlists::{WordSet, word_before};
use crate::text::{Analysis, ListId, ListSetBuilder, Token as Word};
use regex::Regex;
use std::collections::HashSet;
use value::name_value;

/// Rule id of the byline, which also fills the article's `byline` field.
pub const BYLINE_RULE: &str = "person.byline";

const RULE_FULL: &str = "person.full_name";
const RULE_CAPS: &str = "person.caps_name";
const RULE_HONORIFIC: &str = "person.after_honorific";
const RULE_TITLE: &str = "person.after_title";
use lists::{RULE_NAME_LIST, RULE_PAIRED};

const RULE_LIST: &str = "person.list";
const RULE_TOMB: &str = "person.tomb";
const RULE_GIVEN: &str = "person.given_name";
const RULE_INITIALS: &str = "person.initials";
const RULE_CREDIT: &str = "person.credit";

/// Longest name in words (`Esteban Lazo Hernández`, `Tôn Nữ Thị Ninh`).
const MAX_NAME_WORDS: usize = 5;

pub struct PersonExtractor {
    surnames: ListId,
    honorifics: ListId,
    honorific_set: WordSet,
    blocker_set: WordSet,
    /// Words right before a run that make it a place or an organisation
    /// (`đường Trần Phú`, `Công ty Nguyễn Kim`).
    blockers: ListId,
    /// Capitalised words that never belong to a name (`Bộ`, `Sở`).
    never_in_name: HashSet<String>,
    /// Capitalised phrases that are not names (`Hà Nội`), with places.
    not_names: ListId,
    /// Common foreign given names (`Robert`, `Ariana`): with a capitalised
    /// word after them they start a name without any cue.
    foreign_given: HashSet<String>,
    /// Honorifics that, capitalised in mid-sentence, start a place name
    /// (`Bà Rịa`, `nóc Ông Lục`) rather than a person.
    place_honorifics: HashSet<String>,
    /// Forms of address and kinship words (`ông`, `em`, `bố`): a one-word
    /// name after them is a name wherever else the article writes it.
    address_forms: WordSet,
    /// Words for a tomb or shrine (`lăng`), named after who lies there.
    tomb_words: WordSet,
    /// Places that are also given names (`Vinh`, `Huế`) or level words
    /// (`bang`), not countries (`phu nhân Mỹ`).
    addressable_places: HashSet<String>,
    /// Phrases that open a sentence (`Căn cứ`, `Tuy nhiên`): a name
    /// written before a missing full stop ends there.
    openers: ListId,
    /// Words of `never_in_name` that are also common middle names (`Công`).
    middle_names: HashSet<String>,
    places: ListId,
    /// The same places, for names read outside the article text.
    place_list: WordList,
    titles: ListId,
    unit_heads: ListId,
    initials: Regex,
    credit: Regex,
    byline_tail: Regex,
}

/// Why a run of capitalised words may be read as a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    None,
    Honorific,
    Title,
    List,
    /// After `lăng`, `đền thờ`: the tomb of someone (`lăng Khải Định`).
    Tomb,
}

impl Cue {
    fn rule(self) -> &'static str {
        match self {
            Cue::None => RULE_FULL,
            Cue::Honorific => RULE_HONORIFIC,
            Cue::Title => RULE_TITLE,
            Cue::List => RULE_LIST,
            Cue::Tomb => RULE_TOMB,
        }
    }
}

impl PersonExtractor {
    pub fn new(
        sources: &RuleSources,
        lex: &Lexicon,
        lists: &mut ListSetBuilder,
    ) -> Result<PersonExtractor, RuleError> {
        let file = sources.json("persons.json")?;
        Ok(PersonExtractor {
            surnames: lists.add_list(&lex.surnames),
            honorifics: lists.add_list(&lex.honorifics),
            honorific_set: WordSet::new(&lex.honorifics),
            blocker_set: WordSet::new(&WordList::new(file.setting_list("blockers"))),
            blockers: lists.add(file.setting_list("blockers")),
            never_in_name: file
                .setting_list("never_in_name")
                .iter()
                .map(|w| lowercase(w))
                .collect(),
            not_names: lists.add_list(&lex.not_names),
            foreign_given: file
                .setting_list("foreign_given_names")
                .iter()
                .map(|w| w.to_string())
                .collect(),
            place_honorifics: file
                .setting_list("place_honorifics")
                .iter()
                .map(|w| lowercase(w))
                .collect(),
            address_forms: {
                let mut forms: Vec<String> = file.setting_list("address_forms");
                forms.extend(
                    lex.honorifics
                        .words
                        .iter()
                        .zip(&lex.honorific_kinds)
                        .filter(|(_, k)| k.as_str() == "kinship")
                        .map(|(w, _)| w.clone()),
                );
                WordSet::new(&WordList::new(forms.iter().map(String::as_str)))
            },
            addressable_places: lex
                .places
                .words
                .iter()
                .zip(&lex.place_kinds)
                .filter(|(_, k)| matches!(k.as_str(), "level" | "city" | "district" | "province"))
                .map(|(w, _)| w.clone())
                .collect(),
            tomb_words: WordSet::new(&WordList::new(file.setting_list("tomb_words"))),
            openers: lists.add(file.setting_list("sentence_openers")),
            middle_names: file
                .setting_list("middle_names")
                .iter()
                .map(|w| lowercase(w))
                .collect(),
            titles: lists.add_list(&lex.titles),
            unit_heads: lists.add_list(&lex.unit_heads),
            places: lists.add_list(&lex.places),
            place_list: lex.places.clone(),
            initials: file.compile_rule(RULE_INITIALS)?,
            credit: file.compile_rule(RULE_CREDIT)?,
            byline_tail: anchored(&file.compile_rule(BYLINE_RULE)?),
        })
    }

    pub fn extract(&self, ctx: &Ctx, found: &mut Vec<Entity>) {
        let mut out = Out::default();
        let owned = owned_spans(found);
        let byline = self.bylines(ctx, &mut out);
        self.credits(ctx, &owned, &mut out);
        let ws: Vec<Word> = ctx.words().copied().collect();
        self.runs(ctx, &ws, found, &owned, byline.as_ref(), &mut out);
        self.initials(ctx, &owned, &mut out);
        self.name_lists(ctx, &owned, &mut out);
        self.paired_foreign_names(ctx, &ws, &owned, &mut out);
        self.given_names(ctx, &ws, &owned, byline.as_ref(), &mut out);
        found.extend(out.entities);
    }

    /// The byline: the layout's closing name line, or a short author tail
    /// after the last sentence (`... ./. Lê Tuyết/VOV`).
    fn bylines(&self, ctx: &Ctx, out: &mut Out) -> Option<std::ops::Range<usize>> {
        let work = ctx.work();
        if let Some(r) = ctx.byline.clone().filter(|r| closes_line(work, r.end)) {
            out.push(r.start, r.end, work, BYLINE_RULE);
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
        let mut any = false;
        for (s, e) in split_authors(text) {
            let name = &text[s..e];
            if self.is_author(name) {
                out.push(base + s, base + e, work, BYLINE_RULE);
                any = true;
            }
        }
        any.then(|| base..base + text.len())
    }

    /// An author name of a byline or credit: two to five name words, or
    /// an initial and a name (`P.Sơn`); no organisation or place.
    fn is_author(&self, name: &str) -> bool {
        let parts: Vec<&str> = name.split([' ', '.']).filter(|p| !p.is_empty()).collect();
        let initial_and_name = parts.len() == 2
            && parts[0].chars().count() == 1
            && parts[1].chars().count() > 1
            && name.contains('.');
        let shaped = parts.iter().all(|p| is_name_shaped(p) || is_all_caps(p));
        let lower = lowercase(name);
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
    fn credits(&self, ctx: &Ctx, owned: &[(usize, usize)], out: &mut Out) {
        let work = ctx.work();
        for caps in self.credit.captures_iter(work) {
            let Some(m) = caps.name("name") else { continue };
            let end = m.start() + self.credit_name_len(m.as_str());
            let name = &work[m.start()..end];
            if self.is_author(name) && !overlaps_any(owned, m.start(), end) {
                out.push(m.start(), end, work, RULE_CREDIT);
            }
        }
    }

    /// How much of a credit's capitalised words is the name: a missing
    /// full stop glues the next sentence's opening word on (`Ảnh: Minh
    /// Khoa Theo kế hoạch`, `Ảnh: TRẦN AN Sau đó`).
    fn credit_name_len(&self, text: &str) -> usize {
        let ws = words(text);
        let caps = ws.first().is_some_and(|w| {
            let t = w.text(text);
            is_all_caps(t) && t.chars().count() > 1
        });
        for w in ws.iter().skip(1) {
            let t = w.text(text);
            let off_case = caps && !is_all_caps(t);
            if off_case || self.never_in_name.contains(&lowercase(t)) {
                return text[..w.start].trim_end().len();
            }
        }
        text.len()
    }

    /// Anonymised initials (`H.T.P`, `T.V.D.`); a single letter (`T.`)
    /// only right after an honorific.
    fn initials(&self, ctx: &Ctx, owned: &[(usize, usize)], out: &mut Out) {
        let work = ctx.work();
        let lower = ctx.lower();
        for m in self.initials.find_iter(work) {
            let (s, e) = (m.start(), m.end());
            // Inside a word (`TP.HCM`) is no initial: the pattern has no `\b`
            // because a Unicode word boundary makes the regex slow.
            let inside_word = work[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            if inside_word || overlaps_any(owned, s, e) || out.overlaps(s, e) {
                continue;
            }
            let after = &work[e..];
            // `H.M/VOV`: initials signing a story are not a person.
            if after.starts_with('/') || self.in_credit(lower, s) {
                continue;
            }
            // Dotted capitals are also abbreviations (`T.Ư`): only a cue
            // (`anh`, `bà`, `đối tượng`) makes them a person.
            if !m.as_str().contains('.')
                || work[e..].chars().next().is_some_and(char::is_alphabetic)
            {
                continue;
            }
            if self.honorific_before(lower, s).is_none() {
                continue;
            }
            out.push(s, e, work, RULE_INITIALS);
        }
    }

    fn in_credit(&self, lower: &str, pos: usize) -> bool {
        let before = lower[..pos].trim_end();
        before.ends_with("ảnh:") || before.ends_with("theo")
    }

    /// A place or organisation word stands right before `pos`, and is not
    /// the end of a longer honorific (`báo` in `nhà báo Lê Văn Sâm`).
    fn blocked(&self, lower: &str, pos: usize) -> bool {
        let Some(b) = word_before(lower, pos, &self.blocker_set) else {
            return false;
        };
        self.honorific_before(lower, pos).is_none_or(|h| h > b)
    }

    /// The honorific right before `pos` (separated by spaces only).
    fn honorific_before(&self, lower: &str, pos: usize) -> Option<usize> {
        word_before(lower, pos, &self.honorific_set)
    }

    /// Names read off runs of capitalised words.
    fn runs(
        &self,
        ctx: &Ctx,
        ws: &[Word],
        found: &[Entity],
        owned: &[(usize, usize)],
        byline: Option<&std::ops::Range<usize>>,
        out: &mut Out,
    ) {
        let work = ctx.work();
        let lower = ctx.lower();
        let title_ends: HashSet<usize> = found
            .iter()
            .filter(|e| e.etype == EntityType::Title)
            .map(|e| e.end)
            .collect();
        let runs = self.all_runs(work, ws, owned);
        let local_places = self.local_places(work, lower, &runs);
        let mut last_person: Option<(usize, Cue)> = None;
        for run in &runs {
            if byline.is_some_and(|b| run[0].start >= b.start) {
                continue;
            }
            let mut cue = self.cue_before(work, lower, run[0].start, &title_ends, last_person);
            // A run may hold several names (`Thủ tướng John Smith Peter
            // Brown`): after the first, the rest needs its own evidence.
            let mut from = 0;
            while from < run.len() {
                let rest = &run[from..];
                let Some((s, e, rule, c, used)) =
                    self.name_in_run(ctx.analysis, rest, cue, &local_places)
                else {
                    break;
                };
                // `Zing.vn`, `Thanhnien.com`: a web address, not a name.
                if !is_web_name(work, e) {
                    out.push(s, e, work, rule);
                }
                last_person = Some((e, c));
                from += used;
                cue = Some(Cue::None);
            }
        }
    }

    /// Every run of capitalised words, in order.
    fn all_runs(&self, work: &str, ws: &[Word], owned: &[(usize, usize)]) -> Vec<Vec<Word>> {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            let run = self.run_at(work, ws, i, owned);
            if run.is_empty() {
                i += 1;
            } else {
                i += run.len();
                runs.push(run);
            }
        }
        runs
    }

    /// Capitalised phrases the article itself writes after a place or
    /// organisation word (`xã Trà Leng`): elsewhere in the article the
    /// same phrase is that place, not a name.
    fn local_places(&self, work: &str, lower: &str, runs: &[Vec<Word>]) -> Vec<String> {
        let mut phrases: Vec<String> = Vec::new();
        for run in runs {
            if self.blocked(lower, run[0].start) && run.len() >= 2 {
                let text = lowercase(&work[run[0].start..run[run.len() - 1].end]);
                if !phrases.contains(&text) {
                    phrases.push(text);
                }
            }
        }
        phrases
    }

    /// The run of capitalised words starting at word `i` (empty if word
    /// `i` cannot start one): words joined by single spaces, or by a dot
    /// after one letter (`N.Nadalo`), none inside an owned span.
    fn run_at(&self, work: &str, ws: &[Word], i: usize, owned: &[(usize, usize)]) -> Vec<Word> {
        let mut run: Vec<Word> = Vec::new();
        let caps_mode = is_all_caps(ws[i].text(work)) && ws[i].text(work).chars().count() > 1;
        for (k, w) in ws[i..].iter().enumerate() {
            let t = w.text(work);
            let shaped = if caps_mode {
                is_all_caps(t)
            } else {
                is_name_shaped(t)
            };
            if overlaps_any(owned, w.start, w.end) || (k == 0 && !shaped) {
                break;
            }
            if k > 0 {
                let prev = run[run.len() - 1];
                let gap = &work[prev.end..w.start];
                let one_letter = prev.text(work).chars().count() == 1;
                let after_particle = is_particle(prev.text(work)) && gap == "-";
                let joined = if shaped {
                    (!gap.is_empty() && gap.chars().all(|c| c == ' '))
                        || (!caps_mode && one_letter && matches!(gap, "." | "'" | "’"))
                        || after_particle
                } else if !caps_mode && gap == " " && is_particle(t) {
                    // `Haider al-Abadi`, `Robin van Persie`: a lower-case
                    // particle inside a foreign name, when a name goes on.
                    ws.get(i + k + 1).is_some_and(|n| {
                        matches!(&work[w.end..n.start], " " | "-") && is_name_shaped(n.text(work))
                    })
                } else {
                    // `Soi-blơ`: a transliterated name's lower-case syllables;
                    // `Felipe VI`: a regnal number.
                    !caps_mode
                        && ((gap == "-" && t.chars().all(char::is_lowercase))
                            || (gap == " " && is_roman(t)))
                };
                if !joined {
                    break;
                }
            }
            run.push(*w);
        }
        run
    }

    /// What precedes a run and may make it a name.
    fn cue_before(
        &self,
        work: &str,
        lower: &str,
        start: usize,
        title_ends: &HashSet<usize>,
        last_person: Option<(usize, Cue)>,
    ) -> Option<Cue> {
        // Written in lower case only: a capitalised `Lăng` opens a place
        // name (`Lăng Cha Cả`).
        if word_before(lower, start, &self.tomb_words)
            .is_some_and(|b| work[b..].starts_with(char::is_lowercase))
        {
            return Some(Cue::Tomb);
        }
        if self.blocked(lower, start) {
            return None;
        }
        if self.honorific_before(lower, start).is_some() {
            return Some(Cue::Honorific);
        }
        let before = work[..start].trim_end_matches(' ');
        if title_ends.contains(&before.len()) && before.len() < start {
            return Some(Cue::Title);
        }
        if let Some((end, cue)) = last_person {
            let gap = &lower[end.min(start)..start];
            let listed = matches!(gap, ", " | " và " | " , " | " cùng " | "; ");
            if listed && cue != Cue::None {
                return Some(Cue::List);
            }
        }
        Some(Cue::None)
    }

    /// The name inside one run, if any, and how many run words it uses.
    fn name_in_run(
        &self,
        a: &Analysis,
        run: &[Word],
        cue: Option<Cue>,
        local_places: &[String],
    ) -> Option<(usize, usize, &'static str, Cue, usize)> {
        let (work, lower) = (a.work(), a.lower());
        let mut cue = cue?;
        let mut k = 0;
        // A capitalised honorific opening the run (`Ông Chung`, `Ngài
        // Kalinak`); in mid-sentence it is part of a place (`nóc Ông Lục`).
        if let Some(h) = a.hit(self.honorifics, run[0].start).filter(|h| {
            let mid_sentence = after_lowercase_word(work, run[0].start);
            !(mid_sentence && self.place_honorifics.contains(&lower[h.start..h.end]))
        }) {
            while k < run.len() && run[k].end <= h.end {
                k += 1;
            }
            if k == 0 || k >= run.len() || run[k - 1].end != h.end {
                return None;
            }
            cue = Cue::Honorific;
        }
        if a.hit(self.blockers, run[k].start).is_some() {
            return None;
        }
        let caps = is_all_caps(run[k].text(work)) && run[k].text(work).chars().count() > 1;
        // The word before `k` was skipped as an unknown capitalised word
        // in mid-sentence: a name cannot start inside such a proper noun
        // (`Tung Chung Phố`).
        let mut inside_noun = false;
        while k < run.len() {
            // Skip places and other capitalised non-names inside the run.
            // Only a name with no cue gives way to a local place: a person
            // may share a street's name (`đường Lê Lợi`, `ông Lê Lợi`).
            let at = run[k].start;
            let local = local_places
                .iter()
                .filter(|_| cue == Cue::None)
                .filter(|p| {
                    lower[at..].starts_with(p.as_str())
                        && !lower[at + p.len()..].starts_with(char::is_alphanumeric)
                })
                .map(|p| at + p.len())
                .max();
            // `ông Bang`, `bà Huế`: one word right after a form of address
            // is a given name even when it spells a town (not a country).
            let addressed = cue == Cue::Honorific
                && run.len() == 1
                && word_before(lower, run[0].start, &self.address_forms).is_some()
                && a.hit(self.not_names, run[0].start).is_none()
                && a.hit(self.places, run[0].start)
                    .is_none_or(|h| self.addressable_places.contains(&lower[h.start..h.end]));
            let non_name = if addressed {
                None
            } else {
                self.non_name_at(a, run[k].start)
            };
            if let Some(end) = non_name.max(local) {
                while k < run.len() && run[k].start < end {
                    k += 1;
                }
                cue = Cue::None;
                inside_noun = false;
                continue;
            }
            let t = run[k].text(work);
            // A hyphen piece or a regnal number never opens a name (`Cô-vi`).
            let opens = (is_name_shaped(t) || is_all_caps(t))
                && (k == 0 || only_spaces(work, run[k - 1].end, run[k].start));
            if !opens {
                k += 1;
                cue = Cue::None;
                inside_noun = false;
                continue;
            }
            if self.never_in_name.contains(&lowercase(t)) {
                k += 1;
                cue = Cue::None;
                inside_noun = false;
                continue;
            }
            let surname = a.hit(self.surnames, run[k].start).is_some() && is_capitalised_or_caps(t);
            let foreign = self.foreign_given.contains(t);
            let end = self.name_end(a, run, k);
            let len = spoken_words(work, &run[k..end]);
            let ok = match cue {
                Cue::None => {
                    (surname || foreign) && len >= 2 && (!caps || len <= 4) && !inside_noun
                }
                Cue::List => len >= 2,
                Cue::Tomb => (2..=4).contains(&len) && !caps,
                _ => !caps || surname,
            };
            // One letter alone is an initial (`anh T.`), left to its rule.
            let lone_letter = end - k == 1 && t.chars().count() == 1;
            if ok && !lone_letter && (1..=MAX_NAME_WORDS).contains(&len) {
                // A name in capitals must be the whole run (not a headline).
                if caps && run.len() != end - k {
                    return None;
                }
                let rule = if caps { RULE_CAPS } else { cue.rule() };
                return Some((run[k].start, run[end - 1].end, rule, cue, end));
            }
            if cue != Cue::None {
                return None;
            }
            inside_noun = !sentence_initial(work, run[k].start);
            k += 1;
        }
        None
    }

    /// Where a name starting at run word `k` ends (exclusive word index):
    /// before a word that never belongs to a name or a place.
    fn name_end(&self, a: &Analysis, run: &[Word], k: usize) -> usize {
        let work = a.work();
        let mut end = k + 1;
        while end < run.len() {
            let t = run[end].text(work);
            let pos = run[end].start;
            if self.phrase_at(a, pos, run[end].end) {
                break;
            }
            // `Căn cứ`, `Theo đó` glued to a name when a full stop is
            // missing (`... chị Lê Thị Hoa Căn cứ kết quả ...`).
            if a.hit(self.openers, pos)
                .is_some_and(|h| h.end > run[end].end)
            {
                break;
            }
            if self.never_in_name.contains(&lowercase(t)) {
                // Inside a full name such a word is a middle name (`Võ
                // Công Hạnh`) when a given name follows and the two do
                // not open a body (`Công ty`, `Công an`).
                if self.middle_syllable(a, run, k, end) {
                    end += 1;
                    continue;
                }
                // Closing a full name, such a word is a given name
                // (`Lý Văn Trường`): nothing follows it in the run.
                let closes = end + 1 == run.len()
                    && end - k >= 2
                    && is_capitalised(t)
                    && !work[run[end].end..]
                        .trim_start_matches(' ')
                        .starts_with(char::is_alphanumeric);
                if closes && a.hit(self.surnames, run[k].start).is_some() {
                    end += 1;
                }
                break;
            }
            // A second foreign name starts (`John Smith Peter Brown`);
            // a foreign given name closing the run is a surname
            // (`Peter James Scott`).
            let closes_run = end + 1 == run.len();
            if end - k >= 2 && self.foreign_given.contains(t) && !closes_run {
                break;
            }
            // A foreign name does not go on into a Vietnamese word
            // (`Michael Smith Thể thao`).
            if self.foreign_given.contains(run[k].text(work)) && has_vietnamese_letters(t) {
                break;
            }
            end += 1;
        }
        end
    }

    /// Run word `end` is a syllable that is usually no name word
    /// (`Công`, `Chính`) standing as the middle name of a Vietnamese full
    /// name: a surname opens the name, a capitalised given name follows,
    /// and the syllable opens no listed body or title.
    fn middle_syllable(&self, a: &Analysis, run: &[Word], k: usize, end: usize) -> bool {
        let work = a.work();
        let t = run[end].text(work);
        let Some(next) = run.get(end + 1) else {
            return false;
        };
        let next_t = next.text(work);
        self.middle_names.contains(&lowercase(t))
            && (1..=2).contains(&(end - k))
            && a.hit(self.surnames, run[k].start).is_some()
            && is_capitalised(next_t)
            && !self.never_in_name.contains(&lowercase(next_t))
            && only_spaces(work, run[end].end, next.start)
            && a.hit(self.unit_heads, run[end].start).is_none()
            && a.hit(self.titles, run[end].start).is_none()
            && !self.phrase_at(a, next.start, next.end)
    }

    /// A title or unit head of several words starts at `pos` (`Đại biểu`
    /// in `Đoàn Đại biểu`): the name ends before it.
    fn phrase_at(&self, a: &Analysis, pos: usize, word_end: usize) -> bool {
        let longer = |l: ListId| a.hit(l, pos).is_some_and(|h| h.end > word_end);
        longer(self.titles) || longer(self.unit_heads)
    }

    /// End of a place or listed non-name starting at `pos`.
    fn non_name_at(&self, a: &Analysis, pos: usize) -> Option<usize> {
        let lower = a.lower();
        let listed = a.hit(self.not_names, pos).map(|h| h.end);
        // A place named after a person (`Hồ Chí Minh`, `Trần Văn Thời`)
        // is a place only with its level word, which blocks it anyway.
        let b = a
            .hit(self.places, pos)
            .filter(|h| {
                !(a.hit(self.surnames, pos).is_some()
                    && lower[h.start..h.end].split(' ').count() >= 3)
            })
            .map(|h| h.end);
        listed.max(b)
    }

    /// Other mentions of someone already named in the article: the same
    /// full name written again without a cue (`Zahi Hawass` at a sentence
    /// start), the last word of a full name (`Hải` after `Phan Bá Hải`,
    /// `Hawass` after `Zahi Hawass`), and a one-word name first met after
    /// an honorific or a title (`ông Perez`, then `Perez` alone).
    fn given_names(
        &self,
        ctx: &Ctx,
        ws: &[Word],
        owned: &[(usize, usize)],
        byline: Option<&std::ops::Range<usize>>,
        out: &mut Out,
    ) {
        let work = ctx.work();
        let lower = ctx.lower();
        let surfaces = self.known_names(work, lower, &out.entities);
        if surfaces.is_empty() {
            return;
        }
        let firsts: HashSet<&str> = surfaces
            .iter()
            .filter_map(|n| words(n).first().map(|w| w.text(n)))
            .collect();
        let mut extra = Vec::new();
        for (i, w) in ws.iter().enumerate() {
            if !firsts.contains(w.text(work)) {
                continue;
            }
            // Longest known surface written here, ending at a word end.
            let Some(e) = surfaces
                .iter()
                .filter(|n| work[w.start..].starts_with(n.as_str()))
                .map(|n| w.start + n.len())
                .find(|&e| {
                    !work[e..].starts_with(|c: char| c.is_alphanumeric() || "'’-".contains(c))
                })
            else {
                continue;
            };
            let s = w.start;
            if out.overlaps(s, e)
                || overlaps_any(owned, s, e)
                || byline.is_some_and(|b| s >= b.start)
            {
                continue;
            }
            let last = ws[i..].iter().position(|x| x.end >= e).map_or(i, |p| i + p);
            let cap_neighbour = |n: Option<&Word>, a: usize, b: usize| {
                n.is_some_and(|n| is_name_shaped(n.text(work)) && only_spaces(work, a, b))
            };
            let prev = i.checked_sub(1).and_then(|p| ws.get(p));
            let next = ws.get(last + 1);
            if cap_neighbour(prev, prev.map_or(0, |p| p.end), s)
                || cap_neighbour(next, e, next.map_or(0, |n| n.start))
            {
                continue;
            }
            if self.blocked(lower, s) || self.non_name_at(ctx.analysis, s).is_some() {
                continue;
            }
            // A one-word name after `ở`, `tại` is a place of the same
            // spelling (`bệnh nhân Berlin` ... `sống ở Berlin`).
            if last == i && after_place_word(lower, s) {
                continue;
            }
            extra.push((s, e));
        }
        for (s, e) in extra {
            out.push(s, e, work, RULE_GIVEN);
        }
    }

    /// Name surfaces worth looking for again, longest first.
    fn known_names(&self, work: &str, lower: &str, found: &[Entity]) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let mut add = |n: &str| {
            if n.chars().count() > 1 && !names.iter().any(|x| x == n) {
                names.push(n.to_string());
            }
        };
        for e in found {
            if matches!(e.rule.as_str(), BYLINE_RULE | RULE_CREDIT | RULE_INITIALS) {
                continue;
            }
            let surface = &work[e.start..e.end];
            let parts: Vec<&str> = surface.split(' ').collect();
            if parts.len() >= 2 {
                if !parts.iter().all(|p| {
                    is_name_shaped(p) || is_particle(p) || p.contains(['\'', '’', '-', '.'])
                }) {
                    continue;
                }
                add(surface);
                let v = e.value.as_deref().unwrap_or(surface);
                let vparts: Vec<&str> = v.split(' ').collect();
                if vparts.iter().all(|p| is_capitalised(p)) {
                    add(vparts[vparts.len() - 1]);
                }
            } else if e.rule == RULE_HONORIFIC
                && is_capitalised(surface)
                && word_before(lower, e.start, &self.address_forms).is_some()
                || self.foreign_single(surface)
                    && matches!(e.rule.as_str(), RULE_NAME_LIST | RULE_PAIRED)
            {
                add(surface);
            }
        }
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        names
    }
}

impl PersonExtractor {
    /// A one-word foreign name (`Rosalind`, `Peter`) found with a cue: it
    /// names the same person wherever else the article writes it.
    fn foreign_single(&self, surface: &str) -> bool {
        is_capitalised(surface) && surface.chars().count() >= 4 && !has_vietnamese_letters(surface)
    }
}

/// `ở`, `tại`, `sang` right before `pos`: what follows is a place.
fn after_place_word(lower: &str, pos: usize) -> bool {
    let before = lower[..pos].trim_end_matches(' ');
    let word = before.rsplit([' ', '\n']).next().unwrap_or("");
    before.len() < pos && matches!(word, "ở" | "tại" | "sang")
}

/// Letters only Vietnamese writes (`ă`, `ơ`, `ể`): not in a foreign name.
fn has_vietnamese_letters(t: &str) -> bool {
    t.chars()
        .any(|c| "ăâđêôơưĂÂĐÊÔƠƯ".contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c))
}

/// The word ending at `end` goes on as a domain name (`Zing.vn`).
fn is_web_name(work: &str, end: usize) -> bool {
    let mut rest = work[end..].chars();
    rest.next() == Some('.') && rest.next().is_some_and(|c| c.is_ascii_lowercase())
}

/// Lower-case particles of foreign names (`al-`, `bin`, `van`, `de`);
/// none is a Vietnamese word that could stand before a capitalised one.
fn is_particle(t: &str) -> bool {
    matches!(
        t,
        "al" | "el"
            | "bin"
            | "ibn"
            | "bint"
            | "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "dos"
            | "das"
            | "ter"
            | "zu"
    )
}

/// `VI`, `II`: a regnal number after a monarch's name.
fn is_roman(t: &str) -> bool {
    (1..=4).contains(&t.len()) && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Words of a name as spoken: pieces joined by a hyphen or an apostrophe
/// (`Mô-ghê-ri-ni`, `O'Brien`) count once.
fn spoken_words(work: &str, name: &[Word]) -> usize {
    1 + name
        .windows(2)
        .filter(|p| !matches!(&work[p[0].end..p[1].start], "-" | "'" | "’"))
        .count()
}

/// The word at `pos` opens a sentence, a line or a quote.
fn sentence_initial(work: &str, pos: usize) -> bool {
    let before = work[..pos].trim_end_matches([' ', '\t']);
    before.is_empty()
        || before.ends_with(['.', '!', '?', ':', '\n', '"', '“', '(', '-', '–', '…', ';'])
}

/// A lower-case word (not punctuation) comes right before `pos`.
fn after_lowercase_word(work: &str, pos: usize) -> bool {
    work[..pos]
        .trim_end_matches(' ')
        .chars()
        .next_back()
        .is_some_and(|c| c.is_lowercase())
}

fn is_capitalised_or_caps(t: &str) -> bool {
    is_capitalised(t) || is_all_caps(t)
}

/// Spans of units, titles, dates and resolutions found so far: no name
/// word may lie inside them.
fn owned_spans(found: &[Entity]) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = found
        .iter()
        .filter(|e| e.etype != EntityType::Person)
        .map(|e| (e.start, e.end))
        .collect();
    v.sort_unstable();
    v
}

fn overlaps_any(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    // Spans are sorted by start; only those starting before `e` matter.
    let upto = spans.partition_point(|&(st, _)| st < e);
    spans[..upto].iter().any(|&(_, en)| en > s)
}

/// Split a byline's author block (`Thế Kha - Tuấn Hợp`, `Hoàng Thị Hoa,
/// Hữu Quyết`) into names.
fn split_authors(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let seps = [" - ", " – ", ", ", " và ", ","];
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

/// After a byline name only a short source may follow on its line
/// (`Minh Anh (TTXVN)`), not a sentence (`Phan Văn A (22 tuổi, ...`).
fn closes_line(work: &str, end: usize) -> bool {
    let rest = work[end..].split('\n').next().unwrap_or("").trim();
    rest.is_empty()
        || (rest.chars().count() <= 40
            && (rest.starts_with('(') && rest.ends_with(')') || rest.starts_with('/')))
}

/// The same pattern, matching only at the start of the haystack.
fn anchored(re: &Regex) -> Regex {
    Regex::new(&format!("^(?:{})", re.as_str())).expect("an anchored valid pattern is valid")
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Persons found in one article, without duplicates.
#[derive(Default)]
struct Out {
    entities: Vec<Entity>,
}

impl Out {
    fn overlaps(&self, s: usize, e: usize) -> bool {
        self.entities.iter().any(|x| x.overlaps(s, e))
    }

    fn push(&mut self, s: usize, e: usize, work: &str, rule: &str) {
        if e <= s || self.overlaps(s, e) {
            return;
        }
        let mut ent = Entity::new(EntityType::Person, s, e, rule);
        ent.value = Some(name_value(&work[s..e]));
        self.entities.push(ent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_split() {
        let t = "Thế Kha - Tuấn Hợp";
        let v: Vec<&str> = split_authors(t)
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect();
        assert_eq!(v, vec!["Thế Kha", "Tuấn Hợp"]);
    }
}
