//! Linking after extraction: each title to the person it is attached to.
//! See spec/entities.md, Decisions, "Title holder".
//!
//! A title and a name are linked when only apposition stands between
//! them: spaces, commas, dashes, brackets, `kiêm`, an honorific,
//! `nguyên`/`cựu`, and other titles of the same chain. Forward first
//! (`Chủ tịch nước Trần Đại Quang`, `Thượng tướng, GS,TS Tô Lâm`), then
//! backward (`Tô Lâm, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an`). A verb
//! (`làm`, `là`) or a preposition (`của`, `đối với`) breaks the chain.

use super::Ctx;
use super::title_fields;
use super::unit::UnitExtractor;
use crate::model::{Entity, EntityType};

/// Words allowed between the titles of one chain and its name.
const JOINERS: &[&str] = &[
    "kiêm",
    "nguyên",
    "cựu",
    "cố",
    "đồng thời là",
    "ông",
    "bà",
    "ngài",
    "đồng chí",
    "đ/c",
    "anh",
    "chị",
    "quyền",
];

pub fn link(ctx: &Ctx, found: &mut [Entity], _units: &UnitExtractor) {
    let lower = ctx.lower();
    // Titles and persons in text order (units inside titles are skipped).
    let mut order: Vec<usize> = (0..found.len())
        .filter(|&i| matches!(found[i].etype, EntityType::Title | EntityType::Person))
        .collect();
    order.sort_by_key(|&i| (found[i].start, std::cmp::Reverse(found[i].end)));
    order.dedup_by(|b, a| found[*b].start < found[*a].end && found[*b].etype == found[*a].etype);
    let mut links: Vec<(usize, String)> = Vec::new();
    for (k, &ti) in order.iter().enumerate() {
        if found[ti].etype != EntityType::Title {
            continue;
        }
        let holder = forward(ctx, lower, found, &order, k)
            .or_else(|| backward(ctx, lower, found, &order, k));
        if let Some(pi) = holder {
            let name = found[pi]
                .value
                .clone()
                .unwrap_or_else(|| ctx.work()[found[pi].start..found[pi].end].to_string());
            links.push((ti, name));
        }
    }
    for (ti, name) in links {
        if let Some((_, _, person)) = title_fields(&mut found[ti]) {
            *person = Some(name);
        }
    }
}

/// The person a title chain leads to going right: between the last title
/// and the name only spaces or an honorific.
fn forward(ctx: &Ctx, lower: &str, found: &[Entity], order: &[usize], k: usize) -> Option<usize> {
    let sentence = ctx.sentence_of(found[order[k]].start);
    let mut prev_end = found[order[k]].end;
    for &j in &order[k + 1..] {
        let e = &found[j];
        if ctx.sentence_of(e.start) != sentence {
            return None;
        }
        let gap = lower[prev_end.min(e.start)..e.start].trim();
        match e.etype {
            EntityType::Person => return is_adjacent(gap).then_some(j),
            _ => {
                if !is_chain_gap(gap) {
                    return None;
                }
            }
        }
        prev_end = e.end;
    }
    None
}

/// The person a title chain leads to going left: `Name, Title, Title`,
/// `Name - Title`, `Name (Title)`.
fn backward(ctx: &Ctx, lower: &str, found: &[Entity], order: &[usize], k: usize) -> Option<usize> {
    let sentence = ctx.sentence_of(found[order[k]].start);
    let mut next_start = found[order[k]].start;
    for &j in order[..k].iter().rev() {
        let e = &found[j];
        if ctx.sentence_of(e.start) != sentence || e.end > next_start {
            return None;
        }
        let gap = lower[e.end..next_start].trim();
        match e.etype {
            EntityType::Person => return (is_chain_gap(gap) && !gap.is_empty()).then_some(j),
            _ => {
                if !is_chain_gap(gap) {
                    return None;
                }
            }
        }
        next_start = e.start;
    }
    None
}

/// Between a title and the name right after it: nothing, or an honorific.
fn is_adjacent(gap: &str) -> bool {
    gap.is_empty() || JOINERS.contains(&gap) || gap == "("
}

/// Between links of a chain: punctuation of apposition, `kiêm`, `nguyên`.
fn is_chain_gap(gap: &str) -> bool {
    let rest = gap.trim_matches(|c: char| matches!(c, ',' | '-' | '–' | '(' | ')' | ' ' | ':'));
    if rest.is_empty() {
        return gap.chars().count() <= 4;
    }
    JOINERS.contains(&rest) || rest.split(' ').all(|w| JOINERS.contains(&w))
}
