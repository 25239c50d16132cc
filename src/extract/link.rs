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
use crate::model::{Entity, EntityType, Fields};

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

/// Fewest offices in a list, none held by a named person, that make the
/// list a list of categories (`Chủ tịch nước; Chủ tịch Quốc hội; Thủ
/// tướng Chính phủ` in a law's list of protected posts).
const CATEGORY_LIST: usize = 3;

pub fn link(ctx: &Ctx, found: &mut Vec<Entity>) {
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
    let linked: Vec<usize> = links.iter().map(|(ti, _)| *ti).collect();
    for (ti, name) in links {
        if let Some((_, _, person)) = title_fields(&mut found[ti]) {
            *person = Some(name);
        }
    }
    drop_category_lists(lower, found, &order, &linked);
}

/// Offices listed as categories are no titles: a list of several titles
/// (commas, semicolons, `và`, `nguyên`, item markers between them) where
/// none is held by a named person, inside an enumeration of items
/// (`a) ...; b) ...`) as laws and regulations write them.
fn drop_category_lists(lower: &str, found: &mut Vec<Entity>, order: &[usize], linked: &[usize]) {
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
            found[p].end <= found[i].start && is_list_gap(&lower[found[p].end..found[i].start])
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

/// Between two items of a list: a comma, a semicolon or `và`, with
/// `nguyên`/`cựu` and an item marker (`d)`) allowed.
fn is_list_gap(gap: &str) -> bool {
    let separated = gap.contains([',', ';']) || gap.split_whitespace().any(|t| t == "và");
    separated
        && gap
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .all(|t| t.is_empty() || is_item_marker(t) || matches!(t, "và" | "nguyên" | "cựu"))
}

/// A person holds neither the same office twice nor an office and its
/// deputy's (`Thủ tướng Chính phủ, Phó Thủ tướng ...` are two people).
fn exclusive(a: &Entity, b: &Entity) -> bool {
    let role = |e: &Entity| match &e.fields {
        Fields::Title { role, .. } => Some(super::lexicon::lowercase(role)),
        _ => None,
    };
    let (Some(ra), Some(rb)) = (role(a), role(b)) else {
        return false;
    };
    let deputy = |x: &str, y: &str| x.strip_prefix("phó ").is_some_and(|r| r == y);
    ra == rb || deputy(&ra, &rb) || deputy(&rb, &ra)
}

/// The person a title chain leads to going right: between the last title
/// and the name only spaces or an honorific.
fn forward(ctx: &Ctx, lower: &str, found: &[Entity], order: &[usize], k: usize) -> Option<usize> {
    let sentence = ctx.sentence_of(found[order[k]].start);
    let mut prev_end = found[order[k]].end;
    let mut nested = false;
    for (n, &j) in order[k + 1..].iter().enumerate() {
        let e = &found[j];
        if ctx.sentence_of(e.start) != sentence {
            return None;
        }
        let gap = lower[prev_end.min(e.start)..e.start].trim();
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
                    Some(&q) => is_adjacent(gap).then_some(q),
                    None => is_adjacent(gap).then_some(j),
                };
            }
            EntityType::Person => return is_adjacent(gap).then_some(j),
            _ => {
                if !is_chain_gap(gap) || exclusive(&found[order[k]], e) {
                    return None;
                }
                nested |= gap.is_empty();
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
                if !is_chain_gap(gap) || exclusive(&found[order[k]], e) {
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
