//! Linking after extraction: each title to the person it is attached to.
//! See spec/entities.md, Decisions, "Title holder".
//!
//! A title and a name are linked when only apposition stands between
//! them: spaces, commas, dashes, brackets, and the holder joiners of
//! `titles.json` (`kiêm`, an honorific, `nguyên`/`cựu`), and other titles
//! of the same chain. Forward first (`Chủ tịch nước Trần Đại Quang`,
//! `Thượng tướng, GS,TS Tô Lâm`), then backward (`Tô Lâm, Ủy viên Bộ
//! Chính trị, Bộ trưởng Bộ Công an`). A verb (`làm`, `là`) or a
//! preposition (`của`, `đối với`) breaks the chain.

use super::lexicon::{Lexicon, folded, is_entry, lowercase};
use super::{Ctx, title_fields};
use crate::model::{Entity, EntityType, Fields};
use crate::rules::typed::Titles;
use crate::rules::{RuleError, RuleSources};
use crate::text::wordlists::{WordList, WordSet, word_before};
use crate::text::{Analysis, ListId, ListSetBuilder, Listed};

/// Fewest offices in a list, none held by a named person, that make the
/// list a list of categories (`Chủ tịch nước; Chủ tịch Quốc hội; Thủ
/// tướng Chính phủ` in a law's list of protected posts).
const CATEGORY_LIST: usize = 3;

/// The words of `titles.json` that linking reads.
pub struct Linker {
    /// Words allowed between a title and its holder (`kiêm`, `ông`).
    holder_joiners: Listed,
    /// Words joining titles listed together (`và`).
    list_joiners: Listed,
    /// Words for a former holder (`nguyên`, `cựu`).
    former_words: Listed,
    /// The former words as a set, to find one right before a title.
    former_set: WordSet,
    /// The deputy word, lower-cased, with the space after it (`phó `).
    deputy: String,
    /// Words that make a title the object of a phrase (`của`).
    object_markers: WordSet,
    /// `surnames.csv`: a name led by one is a Vietnamese full name.
    surnames: ListId,
    /// The holder joiners as a set, to step back over an honorific.
    honorific_words: WordSet,
    /// Professions glued after an abbreviated degree (`TS.BS`).
    professions_after_degree: WordSet,
}

impl Linker {
    pub fn new(
        sources: &RuleSources,
        lex: &Lexicon,
        lists: &mut ListSetBuilder,
    ) -> Result<Linker, RuleError> {
        let s = sources.load::<Titles>()?.settings;
        Ok(Linker {
            holder_joiners: Listed::new(folded(&s.holder_joiners), lists),
            list_joiners: Listed::new(folded(&s.list_joiners), lists),
            former_words: Listed::new(folded(&s.former_words), lists),
            former_set: WordSet::new(&WordList::new(&s.former_words)),
            deputy: format!("{} ", lowercase(&s.deputy_word)),
            object_markers: WordSet::new(&WordList::new(&s.object_markers)),
            surnames: lists.add_list(&lex.surnames),
            honorific_words: WordSet::new(&WordList::new(&s.holder_joiners)),
            professions_after_degree: WordSet::new(&WordList::new(&s.professions_after_degree)),
        })
    }

    pub fn link(&self, ctx: &Ctx, found: &mut Vec<Entity>) {
        // Titles and persons in text order (units inside titles are skipped).
        let mut order: Vec<usize> = (0..found.len())
            .filter(|&i| matches!(found[i].etype, EntityType::Title | EntityType::Person))
            .collect();
        order.sort_by_key(|&i| (found[i].start, std::cmp::Reverse(found[i].end)));
        order
            .dedup_by(|b, a| found[*b].start < found[*a].end && found[*b].etype == found[*a].etype);
        let mut links: Vec<(usize, String)> = Vec::new();
        for (k, &ti) in order.iter().enumerate() {
            if found[ti].etype != EntityType::Title {
                continue;
            }
            // A holder joined loosely after the title (`Thị trưởng, ông An`)
            // gives way to one in apposition before it (`ông Bình, Phó Chủ
            // tịch - Trưởng đoàn, ông An, ...` lists two people).
            // After `của` the comma ends the phrase (`chuyến thăm của Bí
            // thư, anh An viết`).
            let object = word_before(ctx.lower(), found[ti].start, &self.object_markers).is_some();
            let holder = match self.forward(ctx, found, &order, k) {
                // `ông Ashok Sud, Tổng giám đốc Standard Chartered`: a free
                // name right before the title, set off by a comma, is its
                // holder; what follows the title is its unit.
                Some((j, false)) => self
                    .introduced_by(ctx, found, &order, k)
                    .filter(|&b| self.doubtful_after(ctx, &found[j], &found[b]))
                    .or(Some(j)),
                Some((j, true)) => self
                    .backward(ctx, found, &order, k)
                    .or((!object).then_some(j)),
                None => self.backward(ctx, found, &order, k),
            };
            if let Some(pi) = holder {
                let name = found[pi]
                    .value
                    .clone()
                    .unwrap_or_else(|| ctx.work()[found[pi].start..found[pi].end].to_string());
                links.push((ti, name));
            }
        }
        let linked: Vec<usize> = links.iter().map(|(ti, _)| *ti).collect();
        for (ti, name) in links {
            if let Some((_, _, person)) = title_fields(&mut found[ti]) {
                *person = Some(name);
            }
        }
        self.drop_category_lists(ctx, found, &order, &linked);
    }

    /// Offices listed as categories are no titles: a list of several titles
    /// (commas, semicolons, list joiners, former words, item markers between
    /// them) where none is held by a named person, inside an enumeration of
    /// items (`a) ...; b) ...`) as laws and regulations write them.
    fn drop_category_lists(
        &self,
        a: &Analysis,
        found: &mut Vec<Entity>,
        order: &[usize],
        linked: &[usize],
    ) {
        let lower = a.lower();
        let mut drop: Vec<usize> = Vec::new();
        let mut list: Vec<usize> = Vec::new();
        let mut flush = |list: &mut Vec<usize>| {
            if list.len() >= CATEGORY_LIST
                && !list.iter().any(|i| linked.contains(i))
                && enumerated(lower, found, list)
            {
                drop.extend(list.iter().copied());
            }
            list.clear();
        };
        for &i in order {
            if found[i].etype != EntityType::Title {
                flush(&mut list);
                continue;
            }
            let joined = list.last().is_some_and(|&p| {
                found[p].end <= found[i].start && self.is_list_gap(a, found[p].end, found[i].start)
            });
            if !joined {
                flush(&mut list);
            }
            list.push(i);
        }
        flush(&mut list);
        if drop.is_empty() {
            return;
        }
        let mut k = 0;
        found.retain(|_| {
            k += 1;
            !drop.contains(&(k - 1))
        });
    }

    /// Between two items of a list (`from..to`): a comma, a semicolon or a
    /// list joiner, with former words and an item marker (`d)`) allowed.
    fn is_list_gap(&self, a: &Analysis, from: usize, to: usize) -> bool {
        let lower = a.lower();
        let words = pieces(lower, from, to, |c| {
            c.is_whitespace() || c == ',' || c == ';'
        });
        let joiner = |&(s, e): &(usize, usize)| is_entry(a, self.list_joiners.id, s, e);
        let separated = lower[from..to].contains([',', ';']) || words.iter().any(joiner);
        separated
            && words.iter().all(|w| {
                is_item_marker(&lower[w.0..w.1])
                    || joiner(w)
                    || is_entry(a, self.former_words.id, w.0, w.1)
            })
    }

    /// A person holds neither the same office twice nor an office and its
    /// deputy's (`Thủ tướng Chính phủ, Phó Thủ tướng ...` are two people),
    /// unless one of them is a former office (`Bí thư Đảng đoàn, nguyên
    /// Bí thư Tỉnh ủy`).
    fn exclusive(&self, an: &Analysis, a: &Entity, b: &Entity) -> bool {
        let former = |e: &Entity| word_before(an.lower(), e.start, &self.former_set).is_some();
        if former(a) || former(b) {
            return false;
        }
        let role = |e: &Entity| match &e.fields {
            Fields::Title { role, .. } => Some(lowercase(role)),
            _ => None,
        };
        let (Some(ra), Some(rb)) = (role(a), role(b)) else {
            return false;
        };
        let deputy = |x: &str, y: &str| x.strip_prefix(&self.deputy).is_some_and(|r| r == y);
        ra == rb || deputy(&ra, &rb) || deputy(&rb, &ra)
    }

    /// The person a title chain leads to going right: between the last title
    /// and the name only spaces or an honorific.
    /// With it, whether the name is joined loosely (a comma or a dash).
    fn forward(
        &self,
        ctx: &Ctx,
        found: &[Entity],
        order: &[usize],
        k: usize,
    ) -> Option<(usize, bool)> {
        let lower = ctx.lower();
        let sentence = ctx.sentence_of(found[order[k]].start);
        let mut prev_end = found[order[k]].end;
        let mut nested = false;
        // `TS. Shankar`: a dot may end an abbreviated title.
        let mut abbreviated = !ctx.work()[found[order[k]].start..prev_end].contains(' ');
        for (n, &j) in order[k + 1..].iter().enumerate() {
            let e = &found[j];
            if ctx.sentence_of(e.start) != sentence {
                return None;
            }
            let gap = trimmed(lower, prev_end.min(e.start), e.start);
            match e.etype {
                EntityType::Person if nested => {
                    // `cố vấn Thủ tướng Anh John Smith Peter Brown`: the
                    // inner title takes the first name,
                    // the outer one the name right after it.
                    let second = order.get(k + n + 2).filter(|&&q| {
                        found[q].etype == EntityType::Person
                            && lower[e.end.min(found[q].start)..found[q].start]
                                .trim()
                                .is_empty()
                    });
                    return match second {
                        Some(&q) => self.joined(ctx, gap, abbreviated).map(|l| (q, l)),
                        None => self.joined(ctx, gap, abbreviated).map(|l| (j, l)),
                    };
                }
                EntityType::Person => {
                    return self
                        .joined(ctx, gap, abbreviated)
                        .or_else(|| closing_apposition(ctx, gap, e).then_some(false))
                        .map(|l| (j, l));
                }
                _ => {
                    if !self.is_chain_gap(ctx, gap) || self.exclusive(ctx, &found[order[k]], e) {
                        return None;
                    }
                    nested |= gap.0 == gap.1;
                    // `Đại tá, TS. Đỗ An`: the last title of the chain may
                    // end with its dot.
                    abbreviated = !ctx.work()[e.start..e.end].contains(' ');
                }
            }
            prev_end = e.end;
        }
        None
    }

    /// The person a title chain leads to going left: `Name, Title, Title`,
    /// `Name - Title`, `Name (Title)`.
    fn backward(&self, ctx: &Ctx, found: &[Entity], order: &[usize], k: usize) -> Option<usize> {
        let lower = ctx.lower();
        let sentence = ctx.sentence_of(found[order[k]].start);
        let mut next_start = found[order[k]].start;
        for &j in order[..k].iter().rev() {
            let e = &found[j];
            if ctx.sentence_of(e.start) != sentence || e.end > next_start {
                return None;
            }
            let gap = trimmed(lower, e.end, next_start);
            match e.etype {
                EntityType::Person => {
                    // `ông An (bầu An) - Chủ tịch ...`: an aside in
                    // brackets after the name (a nickname, a birth year).
                    let gap = past_aside(lower, gap);
                    // `ông An (32 tuổi, Giám đốc công ty)`: an age or a
                    // birth year opens the aside that holds the title.
                    let gap = past_age(lower, gap);
                    let held = self.held_by_another(ctx, found, order, j, &found[order[k]]);
                    return (self.is_chain_gap(ctx, gap) && gap.0 < gap.1 && !held).then_some(j);
                }
                _ => {
                    if !self.is_chain_gap(ctx, gap) || self.exclusive(ctx, &found[order[k]], e) {
                        return None;
                    }
                }
            }
            next_start = e.start;
        }
        None
    }

    /// The name after a title is doubtful next to the one introducing it
    /// when it is one word (`Becamex`, `Chi` of `Chi nhánh`), or when it
    /// is no Vietnamese full name and the one before is (`ông Nguyễn Bá
    /// Quỳnh, Giám đốc Khối Khách Hàng`).
    fn doubtful_after(&self, a: &Analysis, after: &Entity, before: &Entity) -> bool {
        let one_word = !a.work()[after.start..after.end].contains(' ');
        let full = |e: &Entity| a.hit(self.surnames, e.start).is_some();
        one_word || (!full(after) && full(before))
    }

    /// The name right before title `order[k]`, set off by a comma or a
    /// dash only, that holds no title written just before it (`ông An,
    /// Giám đốc ...`; not `Bộ trưởng An, Thứ trưởng Bình`).
    fn introduced_by(
        &self,
        a: &Analysis,
        found: &[Entity],
        order: &[usize],
        k: usize,
    ) -> Option<usize> {
        let p = *order.get(k.checked_sub(1)?)?;
        let title = &found[order[k]];
        if found[p].etype != EntityType::Person || found[p].end > title.start {
            return None;
        }
        let gap = a.lower()[found[p].end..title.start].trim();
        if !matches!(gap, "," | "-" | "–") {
            return None;
        }
        // `ý kiến của ông Cơ, GS Lâm ...`: a name that is the object of a
        // phrase introduces no one.
        let lower = a.lower();
        let mut s = found[p].start;
        if let Some(h) = word_before(lower, s, &self.honorific_words) {
            s = h;
        }
        if word_before(lower, s, &self.object_markers).is_some() {
            return None;
        }
        let held = k >= 2 && {
            let t = &found[order[k - 2]];
            t.etype == EntityType::Title
                && t.end <= found[p].start
                && self
                    .joined(a, trimmed(a.lower(), t.end, found[p].start), false)
                    .is_some()
        };
        (!held).then_some(p)
    }

    /// `Thủ tướng Chính phủ Lê Văn An, Thủ tướng ... Lào`: the name right
    /// before a title already holds the same office (or its deputy's) from
    /// the title written just before it, so it is not this title's holder.
    fn held_by_another(
        &self,
        a: &Analysis,
        found: &[Entity],
        order: &[usize],
        person: usize,
        title: &Entity,
    ) -> bool {
        let Some(pos) = order.iter().position(|&i| i == person) else {
            return false;
        };
        let Some(&before) = pos.checked_sub(1).and_then(|p| order.get(p)) else {
            return false;
        };
        let t = &found[before];
        t.etype == EntityType::Title
            && t.end <= found[person].start
            && self
                .joined(a, trimmed(a.lower(), t.end, found[person].start), false)
                .is_some()
            && self.exclusive(a, t, title)
    }

    /// Between a title and the name right after it (`gap`, trimmed):
    /// nothing, a bracket, a holder joiner (an honorific), a dash, a comma
    /// or a dash followed by a holder joiner (`Thị trưởng, ông An`), or a
    /// dot after an abbreviated title (`TS. An`).
    /// `Some(loose)` when joined: loose for a comma or a dash.
    fn joined(&self, a: &Analysis, (s, e): (usize, usize), abbreviated: bool) -> Option<bool> {
        let lower = a.lower();
        let gap = &lower[s..e];
        if gap.is_empty() || is_entry(a, self.holder_joiners.id, s, e) || gap == "(" {
            return Some(false);
        }
        if abbreviated && gap == "." {
            return Some(false);
        }
        // `TS.BS Lê An`, `PGS.BS. Đào An`: a profession glued to the degree.
        if abbreviated
            && let Some(word) = gap.strip_prefix(['.', '-'])
            && self
                .professions_after_degree
                .contains(word.strip_suffix('.').unwrap_or(word))
        {
            return Some(false);
        }
        if gap == "-" || gap == "–" {
            return Some(true);
        }
        let rest = gap.strip_prefix([',', '-', '–'])?;
        let from = e - rest.trim_start().len();
        (from < e && is_entry(a, self.holder_joiners.id, from, e)).then_some(true)
    }

    /// Between links of a chain (`gap`, trimmed): punctuation of
    /// apposition, holder joiners (`kiêm`, `nguyên`).
    fn is_chain_gap(&self, a: &Analysis, (s, e): (usize, usize)) -> bool {
        let lower = a.lower();
        let gap = &lower[s..e];
        let apposition = |c: char| matches!(c, ',' | '-' | '–' | '(' | ')' | ' ' | ':');
        let rest_start = s + gap.len() - gap.trim_start_matches(apposition).len();
        let rest_end = rest_start.max(s + gap.trim_end_matches(apposition).len());
        if rest_start == rest_end {
            return gap.chars().count() <= 4;
        }
        let joiner = |(s, e): (usize, usize)| is_entry(a, self.holder_joiners.id, s, e);
        joiner((rest_start, rest_end))
            || split_at_spaces(rest_start, &lower[rest_start..rest_end])
                .into_iter()
                .all(joiner)
    }
}

/// `Tổng thống Venezuela, Nicolas Maduro.`: a name of several words set
/// off by a comma after the title, and ending the sentence, is the
/// title's holder written as a closing apposition.
fn closing_apposition(a: &Analysis, (s, e): (usize, usize), person: &Entity) -> bool {
    let work = a.work();
    let rest = work[person.end..].trim_start_matches([' ', '"', '”', '’', '\'']);
    &a.lower()[s..e] == ","
        && work[person.start..person.end].contains(' ')
        && rest
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n'))
}

/// An item marker (`b)`, `đ)`) stands in the list or shortly before it.
fn enumerated(lower: &str, found: &[Entity], list: &[usize]) -> bool {
    let first = found[list[0]].start;
    let mut from = first.saturating_sub(120);
    while !lower.is_char_boundary(from) {
        from -= 1;
    }
    let last = found[list[list.len() - 1]].start;
    lower[from..last]
        .split(|c: char| c.is_whitespace() || c == ';')
        .any(is_item_marker)
}

/// `b)`, `đ)`: a letter or two closing an item label.
fn is_item_marker(t: &str) -> bool {
    t.strip_suffix(')')
        .is_some_and(|m| (1..=2).contains(&m.chars().count()) && m.chars().all(char::is_alphabetic))
}

/// The gap after a short aside in brackets that opens it (`(bầu An) -`
/// gives `-`); the gap itself when it opens with none.
fn past_aside(lower: &str, (s, e): (usize, usize)) -> (usize, usize) {
    let gap = &lower[s..e];
    match gap.find(')') {
        Some(close) if gap.starts_with('(') && close <= 40 && !gap[1..close].contains('(') => {
            trimmed(lower, s + close + 1, e)
        }
        _ => (s, e),
    }
}

/// The gap `(32 tuổi,` or `(SN 1985,` (an age or a birth year opening
/// the aside that holds the title) as the comma alone; other gaps as
/// they are.
fn past_age(lower: &str, (s, e): (usize, usize)) -> (usize, usize) {
    let gap = &lower[s..e];
    let Some(inner) = gap.strip_prefix('(').and_then(|g| g.strip_suffix(',')) else {
        return (s, e);
    };
    let inner = inner.trim();
    let digits = |w: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    let words: Vec<&str> = inner.split_whitespace().collect();
    let age = match words.as_slice() {
        [n, "tuổi"] => digits(n, 1..=3),
        ["sn", y] | ["sinh", "năm", y] => digits(y, 4..=4),
        [y] => digits(y, 4..=4),
        _ => false,
    };
    if age { (e - 1, e) } else { (s, e) }
}

/// `from..to` without the whitespace at either end.
fn trimmed(s: &str, from: usize, to: usize) -> (usize, usize) {
    let gap = &s[from..to];
    let start = from + gap.len() - gap.trim_start().len();
    (start, start.max(from + gap.trim_end().len()))
}

/// The non-empty pieces of `s[from..to]` between separators, as byte
/// ranges of `s`.
fn pieces(s: &str, from: usize, to: usize, sep: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = from;
    for (i, c) in s[from..to].char_indices() {
        if sep(c) {
            if start < from + i {
                out.push((start, from + i));
            }
            start = from + i + c.len_utf8();
        }
    }
    if start < to {
        out.push((start, to));
    }
    out
}

/// The pieces of `text` (starting at byte `at` of the article) between
/// single spaces, empty pieces included, as byte ranges of the article.
fn split_at_spaces(at: usize, text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(' ') {
        out.push((at + start, at + i));
        start = i + 1;
    }
    out.push((at + start, at + text.len()));
    out
}
