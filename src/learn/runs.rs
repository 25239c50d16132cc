//! Pass 2, names: every run of capitalised words, with the evidence
//! around it.
//!
//! A run is cut down to the name it holds: a sentence word before it
//! (`Theo`), a capitalised honorific (`Ông`, `HLV`), or, after a title, a
//! leading place (`Tổng thống Mỹ Donald Trump` → `Donald Trump`) or unit.
//! Around the name the miner notes: a cue that makes it a person (an
//! honorific or title right before it, an apposition after it), what
//! makes it a company (`hãng`, `Công ty TNHH`, brackets after a company
//! name), a verb it is the subject of (`ra mắt`), a word that puts it in a
//! place (`tại`, `tỉnh`), and a unit head right before it.

use super::case_stats::CaseStats;
use super::corpus::Tokens;
use super::counts::{Weight, key};
use super::cues::Cues;
use super::lexicons::Lexicons;
use super::tokens::Shape;
use std::collections::{HashMap, HashSet};

/// Longest name kept, in syllables.
const MAX_RUN: usize = 6;

/// What the corpus says about one capitalised run.
#[derive(Debug, Default, Clone, Copy)]
pub struct RunCount {
    pub mentions: u32,
    pub articles: u32,
    /// After an honorific (`ông`, `HLV`), a title (`Chủ tịch`), or in
    /// apposition (`X, tiền đạo ...`, `X (35 tuổi)`).
    pub by_honorific: u32,
    pub by_title: u32,
    pub by_apposition: u32,
    pub cued_articles: u32,
    pub place_context: u32,
    /// Right after a unit head word (`Bệnh viện Bạch Mai`).
    pub after_head: u32,
    /// Named as a company (`hãng X`, `Công ty TNHH X`, `(X)` after a
    /// company name).
    pub company: u32,
    pub company_articles: u32,
    /// Mentions with neither a company word nor a unit head before them.
    pub bare: u32,
    /// The subject of an actor verb (`X ra mắt`, `X cho biết`).
    pub subject: u32,
    pub subject_articles: u32,
    /// Followed by the lower-case half of a compound (`Dân` + `trí`).
    pub compound: u32,
    /// Classed as no person by the word before it (`cuộc thi The Voice`,
    /// `ứng dụng Grab`: see `cues::NON_PERSON_CLASSIFIERS`).
    pub classed: u32,
}

impl RunCount {
    pub fn cued(&self) -> u32 {
        self.by_honorific + self.by_title + self.by_apposition
    }
}

impl Weight for RunCount {
    fn weight(&self) -> u32 {
        self.mentions
    }
    fn add(&mut self, o: &RunCount) {
        self.mentions += o.mentions;
        self.articles += o.articles;
        self.by_honorific += o.by_honorific;
        self.by_title += o.by_title;
        self.by_apposition += o.by_apposition;
        self.cued_articles += o.cued_articles;
        self.place_context += o.place_context;
        self.after_head += o.after_head;
        self.company += o.company;
        self.company_articles += o.company_articles;
        self.bare += o.bare;
        self.subject += o.subject;
        self.subject_articles += o.subject_articles;
        self.compound += o.compound;
        self.classed += o.classed;
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    Honorific,
    Title,
    Apposition,
}

/// What the run miner reads its evidence with.
pub struct Knowledge<'a> {
    pub lex: &'a Lexicons,
    pub cues: &'a Cues,
    pub case: &'a CaseStats,
    pub compounds: &'a HashSet<String>,
}

/// What one article adds: runs, and the lower-case words (and two-word
/// sequences) that follow a person's name: the start of a predicate.
#[derive(Default)]
pub struct ArticleRuns {
    pub runs: HashMap<String, RunCount>,
    pub after_person: HashMap<String, u32>,
}

/// Honorifics that, capitalised, are also ordinary words or places
/// (`Anh` = England, `Cô Tô`): they count as a cue only before a surname.
const AMBIGUOUS_HONORIFICS: &[&str] = &["anh", "cô", "em", "bác", "chú", "cụ", "bé", "bà", "ông"];

pub fn analyse(t: &Tokens, k: &Knowledge) -> ArticleRuns {
    let mut out = ArticleRuns::default();
    let n = t.len();
    let mut i = 0;
    while i < n {
        if !(t.toks[i].is_word() && t.toks[i].is_capitalised()) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && t.toks[j].is_word() && t.toks[j].is_capitalised() {
            j += 1;
        }
        one_run(t, k, i, j, &mut out);
        i = j;
    }
    for v in out.runs.values_mut() {
        v.articles = 1;
        v.cued_articles = u32::from(v.cued() > 0);
        v.company_articles = u32::from(v.company > 0);
        v.subject_articles = u32::from(v.subject > 0);
    }
    out
}

fn one_run(t: &Tokens, k: &Knowledge, i: usize, j: usize, out: &mut ArticleRuns) {
    let lx = k.lex;
    let mut s = i;
    let mut cue = None;
    let mut count = RunCount::default();
    // What the run starts with that is not part of the name.
    while s < j {
        let forced = s == i && t.toks[s].forced;
        if forced && k.case.is_sentence_word(&t.lowers[s]) {
            s += 1;
            continue;
        }
        if let Some((h, idx)) = lx.honorifics.longest_at(&t.lowers, s) {
            let press = lx.press.contains(&idx);
            let upper = t.toks[s].shape == Shape::Upper;
            let before_surname = t.lowers.get(s + h).is_some_and(|w| lx.surnames.contains(w));
            let ambiguous = AMBIGUOUS_HONORIFICS.contains(&t.lowers[s].as_str());
            let place = lx.places.longest_at(&t.lowers, s).is_some();
            if s + h < j && !place && (upper || (forced && (!ambiguous || before_surname))) {
                cue = (!press).then_some(Cue::Honorific);
                s += h;
                continue;
            }
        }
        // `GS.TS Nguyễn Anh Trí`, `Thượng tướng Tô Lâm` at a sentence start.
        if let Some((h, _)) = lx.titles.longest_at(&t.lowers, s)
            && s + h < j
        {
            cue = Some(Cue::Title);
            s += h;
            continue;
        }
        if let Some((h, _)) = lx.place_levels.longest_at(&t.lowers, s)
            && s + h < j
        {
            count.place_context += 1;
            s += h;
            continue;
        }
        break;
    }
    if s >= j {
        return;
    }
    if s == i && cue.is_none() {
        if let Some((h, idx)) = lx.honorifics.longest_before(&t.lowers, i) {
            let written_lower = !t.toks[i - h].is_capitalised() || t.toks[i - h].forced;
            if written_lower && !lx.press.contains(&idx) {
                cue = Some(Cue::Honorific);
            }
        } else if lx.titles.longest_before(&t.lowers, i).is_some() {
            cue = Some(Cue::Title);
        }
    }
    if cue == Some(Cue::Title) {
        // `Tổng thống Mỹ Donald Trump`, `Chủ tịch UBND tỉnh Nguyễn Văn A`.
        if let Some((p, _)) = lx.places.longest_at(&t.lowers, s)
            && s + p < j
        {
            s += p;
        }
        let unit_first =
            lx.unit_heads.longest_at(&t.lowers, s).is_some() || t.toks[s].shape == Shape::Upper;
        if unit_first {
            match (s + 1..j).find(|&p| lx.surnames.contains(&t.lowers[p])) {
                Some(p) if (2..=4).contains(&(j - p)) => s = p,
                _ => cue = None,
            }
        }
    }
    if j - s > MAX_RUN {
        return;
    }
    let next_lower = t
        .toks
        .get(j)
        .filter(|n| n.is_word() && !n.is_capitalised())
        .map(|_| t.lowers[j].as_str());
    if let Some(w) = next_lower
        && k.compounds.contains(&key(&[&t.lowers[j - 1], w]))
    {
        count.compound += 1;
        cue = None;
    }
    if cue.is_none() && count.compound == 0 && apposition_after(t, k, j) {
        cue = Some(Cue::Apposition);
    }
    if cue.is_some() && !name_shaped(t, s, j) {
        cue = None;
    }
    match cue {
        Some(Cue::Honorific) => count.by_honorific += 1,
        Some(Cue::Title) => count.by_title += 1,
        Some(Cue::Apposition) => count.by_apposition += 1,
        None => {}
    }
    if cue.is_some()
        && let Some(w) = next_lower
    {
        *out.after_person.entry(w.to_string()).or_default() += 1;
        if t.toks.get(j + 1).is_some_and(|n| n.shape == Shape::Lower) {
            let pair = format!("{w} {}", t.lowers[j + 1]);
            *out.after_person.entry(pair).or_default() += 1;
        }
    }
    if s == i && i >= 1 {
        let prev_lower = !t.toks[i - 1].is_capitalised() || t.toks[i - 1].forced;
        if prev_lower && k.cues.place_cues.longest_before(&t.lowers, i).is_some() {
            count.place_context += 1;
        }
        if prev_lower && lx.place_levels.longest_before(&t.lowers, i).is_some() {
            count.place_context += 1;
        }
        if lx
            .unit_heads
            .longest_before(&t.lowers, i)
            .is_some_and(|(h, _)| t.toks[i - h].is_capitalised())
        {
            count.after_head += 1;
        }
        let classifier = k.cues.company_classifiers.longest_before(&t.lowers, i);
        let head = k.cues.company_heads.longest_before(&t.lowers, i);
        let by_classifier = classifier.is_some_and(|(h, _)| {
            let first = &t.toks[i - h];
            !first.is_capitalised() || first.forced || first.shape == Shape::Upper
        });
        let by_head = head.is_some_and(|(h, _)| t.toks[i - h].is_capitalised());
        let bracket = t.toks[i - 1].is_punct('(') && bracket_after_company(t, k, i, j);
        if by_classifier || by_head || bracket {
            count.company = 1;
        }
        // Not the tail of a cue (`nhà báo X`, `võ sư X`).
        if cue.is_none()
            && lx.honorifics.longest_before(&t.lowers, i).is_none()
            && prev_lower
            && k.cues
                .non_person_classifiers
                .longest_before(&t.lowers, i)
                .is_some()
        {
            count.classed = 1;
        }
    }
    // `Công ty TNHH Samsung`: the legal form is part of the run.
    if let Some((h, _)) = k.cues.legal_forms.longest_at(&t.lowers, s) {
        let after_company = k.cues.company_heads.longest_before(&t.lowers, s).is_some();
        if after_company && s + h < j {
            s += h;
            count.company = 1;
        }
    }
    count.place_context = count.place_context.min(1);
    count.bare = u32::from(count.company == 0 && count.after_head == 0);
    let clause_start = s == i && (t.toks[i].forced || i > 0 && t.toks[i - 1].is_punct(','));
    if clause_start && cue.is_none() && subject_of_actor_verb(t, k, j) {
        count.subject += 1;
    }
    count.mentions = 1;
    let name: Vec<&str> = t.toks[s..j].iter().map(|t| t.text).collect();
    let e = out.runs.entry(name.join(" ")).or_default();
    e.add(&count);
}

/// Capitalised words only, no digits, no acronym other than initials
/// (`H.T.P`), no web address (`Zing.vn`).
fn name_shaped(t: &Tokens, s: usize, j: usize) -> bool {
    t.toks[s..j].iter().all(|tok| {
        let initials = tok
            .text
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
        let word = matches!(tok.shape, Shape::Cap | Shape::Mixed) && !tok.text.contains('.');
        !tok.text.chars().any(char::is_numeric) && (word || initials)
    })
}

/// `X, tiền đạo của ...`, `X, ca sĩ ...`, `X (35 tuổi)`, `X (SN 1990)`.
/// Not a form of address or a kinship word after the comma (`Theo X, ông
/// Y cho biết` starts a new clause), and not a title (`Trung ương Đảng,
/// Chủ tịch nước` lists offices).
fn apposition_after(t: &Tokens, k: &Knowledge, j: usize) -> bool {
    let Some(next) = t.toks.get(j) else {
        return false;
    };
    if next.is_punct(',') {
        let lower = t.toks.get(j + 1).is_some_and(|w| !w.is_capitalised());
        // `Messi, tiền đạo của ...`; not `Chia sẻ với X, bác sĩ Y ...`,
        // where the profession is Y's.
        return lower
            && k.lex
                .honorifics
                .longest_at(&t.lowers, j + 1)
                .is_some_and(|(h, idx)| {
                    !k.lex.address_forms.contains(&idx)
                        && !t.toks.get(j + 1 + h).is_some_and(|w| w.is_capitalised())
                });
    }
    if next.is_punct('(') {
        let a = t.lowers.get(j + 1).map(String::as_str);
        let b = t.lowers.get(j + 2).map(String::as_str);
        return matches!(a, Some("sn" | "sinh"))
            || (t.toks.get(j + 1).is_some_and(|w| w.shape == Shape::Number) && b == Some("tuổi"));
    }
    false
}

/// `(X)` right after a name that a company head starts (`Công ty Cổ
/// phần Sữa Việt Nam (Vinamilk)`).
fn bracket_after_company(t: &Tokens, k: &Knowledge, i: usize, j: usize) -> bool {
    if !t.toks.get(j).is_some_and(|c| c.is_punct(')')) {
        return false;
    }
    let open = i - 1;
    (open.saturating_sub(10)..open).any(|p| {
        t.toks[p].is_capitalised()
            && k.cues.company_heads.longest_at(&t.lowers, p).is_some()
            && t.toks[p..open].iter().all(|w| w.is_word())
    })
}

/// Auxiliaries, then an actor verb.
fn subject_of_actor_verb(t: &Tokens, k: &Knowledge, j: usize) -> bool {
    let mut p = j;
    while let Some((h, _)) = k.cues.auxiliaries.longest_at(&t.lowers, p) {
        if t.toks[p].is_capitalised() {
            return false;
        }
        p += h;
    }
    t.toks.get(p).is_some_and(|w| !w.is_capitalised())
        && k.cues.actor_verbs.longest_at(&t.lowers, p).is_some()
}
