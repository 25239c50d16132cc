//! Years for dates written without one in an article whose own date is
//! unknown (spec, section `date`): the year of the nearest date of the
//! article written with its year and a month or quarter, unless that date
//! is a cited document's date. A bare year (`năm 1995`, `SN 1993`) lends
//! its year to no other date. Runs once the cited documents are known.

use super::value::DateValue;
use crate::model::{Entity, EntityType, Fields, YearFrom};
use std::collections::HashMap;

/// How far after a citation its date may start (`Nghị quyết số 35-NQ/TW
/// của Bộ Chính trị khóa XII ngày 22/10/2018`), in bytes.
const CITATION_REACH: usize = 240;

fn year_from(e: &Entity) -> Option<YearFrom> {
    match e.fields {
        Fields::Date { year_from, .. } => Some(year_from),
        _ => None,
    }
}

/// Give yearless dates their year from the nearest dated mention that may
/// lend one; `found` is in text order. The date of a cited document that
/// gets a year this way is updated in the citation too.
pub fn settle_years(found: &mut [Entity]) {
    let cited = cited_document_dates(found);
    let mut lenders: Vec<(usize, i32)> = found
        .iter()
        .enumerate()
        .filter(|(i, e)| year_from(e) == Some(YearFrom::Written) && !cited.contains_key(i))
        .filter_map(|(_, e)| {
            let v = DateValue::parse_iso(e.value.as_deref()?)?;
            let with_month = v.start.m.is_some() || v.start.q.is_some();
            Some((e.start, v.start.y.filter(|_| with_month)?))
        })
        .collect();
    if lenders.is_empty() {
        return;
    }
    lenders.sort_by_key(|&(pos, _)| pos);
    for i in 0..found.len() {
        let e = &found[i];
        if year_from(e) != Some(YearFrom::None) {
            continue;
        }
        let Some(mut v) = e.value.as_deref().and_then(DateValue::parse_iso) else {
            continue;
        };
        if v.has_year() {
            continue;
        }
        v.set_year(nearest(&lenders, e.start));
        if !v.is_possible() {
            // 29/2 in a year that has none: the value stays partial.
            continue;
        }
        let old = found[i].value.replace(v.iso());
        if let Fields::Date { year_from, .. } = &mut found[i].fields {
            *year_from = YearFrom::Nearby;
        }
        if let Some(&r) = cited.get(&i)
            && let Fields::Resolution { date, .. } = &mut found[r].fields
            && *date == old
        {
            *date = Some(v.iso());
        }
    }
}

/// In an article without a date of its own, the years taken from the
/// article's date came from `--reference-date`: say so.
pub fn years_from_reference(found: &mut [Entity]) {
    for e in found {
        if let Fields::Date { year_from, .. } = &mut e.fields
            && *year_from == YearFrom::Article
        {
            *year_from = YearFrom::Reference;
        }
    }
}

/// The year of the lender closest to `pos`; the earlier one on a tie.
fn nearest(lenders: &[(usize, i32)], pos: usize) -> i32 {
    let after = lenders.partition_point(|&(p, _)| p < pos);
    let before = after.checked_sub(1).map(|i| lenders[i]);
    match (before, lenders.get(after)) {
        (Some((bp, by)), Some(&(ap, ay))) => {
            if pos - bp <= ap - pos {
                by
            } else {
                ay
            }
        }
        (Some((_, y)), None) | (None, Some(&(_, y))) => y,
        (None, None) => unreachable!("lenders is not empty"),
    }
}

/// Date mentions that are the date of a citation (index of the date →
/// index of the citation): the first date after the citation, within
/// reach and before the next citation, whose value is the citation's date.
fn cited_document_dates(found: &[Entity]) -> HashMap<usize, usize> {
    let mut out = HashMap::new();
    let citations: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].etype == EntityType::Resolution)
        .collect();
    for (n, &r) in citations.iter().enumerate() {
        let Fields::Resolution {
            date: Some(date), ..
        } = &found[r].fields
        else {
            continue;
        };
        let from = found[r].end;
        let until = citations
            .get(n + 1)
            .map_or(usize::MAX, |&next| found[next].start)
            .min(from + CITATION_REACH);
        let first = found.partition_point(|e| e.start < from);
        if let Some(d) = (first..found.len())
            .take_while(|&d| found[d].start <= until)
            .find(|&d| found[d].etype == EntityType::Date && found[d].value.as_ref() == Some(date))
        {
            out.insert(d, r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn nearest_lender_either_side() {
        let lenders = [(10, 2018), (200, 2022)];
        assert_eq!(nearest(&lenders, 150), 2022);
        assert_eq!(nearest(&lenders, 20), 2018);
        assert_eq!(nearest(&lenders, 105), 2018);
        assert_eq!(nearest(&lenders, 5), 2018);
        assert_eq!(nearest(&lenders, 500), 2022);
    }
}
