//! Date values: the parts a rule read (day, month, year, quarter), how a
//! missing year is inferred, and the ISO 8601 text they give.

use crate::extract::calendar::{Ymd, is_valid_day, is_valid_day_month};

/// One calendar point as read from the text; any part may be missing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Point {
    pub y: Option<i32>,
    pub m: Option<u32>,
    pub d: Option<u32>,
    pub q: Option<u32>,
}

impl Point {
    pub fn is_empty(&self) -> bool {
        self.y.is_none() && self.m.is_none() && self.d.is_none() && self.q.is_none()
    }

    /// The parts this point lacks are taken from `other` (a day that shares
    /// the month of the date after it: `28` in `28 và 29/10`). A day takes
    /// a month, anything takes a year.
    pub fn fill_from(&mut self, other: &Point) {
        if self.d.is_some() && self.m.is_none() {
            self.m = other.m;
        }
        if self.y.is_none() && (self.m.is_some() || self.q.is_some()) {
            self.y = other.y;
        }
    }

    /// The day, month and quarter can exist (in the year when known; 29/2
    /// when the year is not known yet).
    pub fn is_possible(&self) -> bool {
        if self.q.is_some_and(|q| !(1..=4).contains(&q)) {
            return false;
        }
        if self.m.is_some_and(|m| !(1..=12).contains(&m)) {
            return false;
        }
        match (self.d, self.m) {
            (Some(_), None) => false,
            (Some(d), Some(m)) => match self.y {
                Some(y) => is_valid_day(y, m, d),
                None => is_valid_day_month(m, d),
            },
            _ => true,
        }
    }

    /// Sort key for ordering the ends of a range: a month sorts as its
    /// first day, a quarter as its first month.
    fn key(&self) -> (i32, u32, u32) {
        let m = self.m.or(self.q.map(|q| q * 3 - 2)).unwrap_or(0);
        (self.y.unwrap_or(0), m, self.d.unwrap_or(0))
    }

    /// Read back the ISO text [`Point::iso`] writes.
    pub fn parse_iso(s: &str) -> Option<Point> {
        let (y, rest) = match s.strip_prefix("--") {
            Some(rest) => (None, Some(rest)),
            None => {
                let (y, rest) = match s.split_once('-') {
                    Some((y, rest)) => (y, Some(rest)),
                    None => (s, None),
                };
                if y.len() < 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                (Some(y.parse().ok()?), rest)
            }
        };
        let mut p = Point {
            y,
            ..Point::default()
        };
        let number = |t: &str| -> Option<u32> {
            (t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse().ok())
                .flatten()
        };
        match rest {
            None => {}
            Some(q) if q.starts_with('Q') => p.q = Some(q[1..].parse().ok()?),
            Some(md) => match md.split_once('-') {
                Some((m, d)) => {
                    p.m = Some(number(m)?);
                    p.d = Some(number(d)?);
                }
                None => p.m = Some(number(md)?),
            },
        }
        (!p.is_empty() && p.is_possible()).then_some(p)
    }

    /// ISO 8601 text at the precision read; a missing year gives the ISO
    /// partial form (`--11-04`, `--11`).
    pub fn iso(&self) -> String {
        let year = self
            .y
            .map_or_else(|| "-".to_string(), |y| format!("{y:04}"));
        match (self.d, self.m, self.q) {
            (Some(d), Some(m), _) => format!("{year}-{m:02}-{d:02}"),
            (None, Some(m), _) => format!("{year}-{m:02}"),
            (_, None, Some(q)) => format!("{year}-Q{q}"),
            _ => year,
        }
    }
}

/// A date mention's calendar content: a point or a range.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateValue {
    pub start: Point,
    pub end: Option<Point>,
}

impl DateValue {
    #[cfg(test)]
    pub fn point(p: Point) -> DateValue {
        DateValue {
            start: p,
            end: None,
        }
    }

    /// The ends of a range lend each other what they lack (`10-12/10`:
    /// the start takes the month and year of the end).
    pub fn complete(&mut self) {
        if let Some(end) = self.end.as_mut() {
            self.start.fill_from(end);
            end.fill_from(&self.start);
        }
    }

    pub fn has_year(&self) -> bool {
        self.start.y.is_some()
    }

    /// Every part is a possible date and a range runs forwards.
    pub fn is_possible(&self) -> bool {
        if self.start.is_empty() || !self.start.is_possible() {
            return false;
        }
        match &self.end {
            None => true,
            // Without years, `30/12 - 2/1` runs into the next year.
            Some(end)
                if self.start.y.is_none() && end.y.is_none() && self.start.key() > end.key() =>
            {
                end.is_possible() && wraps_around_new_year(&self.start, end)
            }
            Some(end) => end.is_possible() && self.start.key() < end.key(),
        }
    }

    /// Set the year of a value that was written without one; the end of a
    /// range that would fall before its start moves to the next year
    /// (`28/12 - 3/1`).
    pub fn set_year(&mut self, y: i32) {
        self.start.y = Some(y);
        if let Some(end) = self.end.as_mut().filter(|e| e.y.is_none()) {
            end.y = Some(y);
            if end.key() <= self.start.key() {
                end.y = Some(y + 1);
            }
        }
    }

    /// Read back the ISO text [`DateValue::iso`] writes (a point or a range).
    pub fn parse_iso(s: &str) -> Option<DateValue> {
        match s.split_once('/') {
            Some((a, b)) => Some(DateValue {
                start: Point::parse_iso(a)?,
                end: Some(Point::parse_iso(b)?),
            }),
            None => Some(DateValue {
                start: Point::parse_iso(s)?,
                end: None,
            }),
        }
    }

    pub fn iso(&self) -> String {
        match &self.end {
            None => self.start.iso(),
            Some(end) => format!("{}/{}", self.start.iso(), end.iso()),
        }
    }
}

/// A yearless range that ends before it starts can only be a short one
/// across the new year (`28/12 - 3/1`), not `4-2-3-1`, a football formation.
fn wraps_around_new_year(start: &Point, end: &Point) -> bool {
    match (start.m, end.m) {
        (Some(a), Some(b)) => a > b && b + 12 - a <= 2,
        _ => false,
    }
}

/// A two-digit year (`4/11/22`): in this century unless that would put it
/// well after the article (or after 2030 when the article date is unknown).
pub fn expand_two_digit_year(yy: i32, ref_year: Option<i32>) -> i32 {
    let limit = ref_year.map_or(30, |y| y % 100 + 5);
    if yy <= limit { 2000 + yy } else { 1900 + yy }
}

/// The year of a day or month written without one, seen from the
/// article's date: the article's year, unless that puts it more than
/// `future_months` months after the article (news reports the past more
/// than the future), then the year before.
pub fn year_from_article(p: &Point, article: Ymd, future_months: u32) -> i32 {
    let Some(m) = p.m.or(p.q.map(|q| q * 3 - 2)) else {
        return article.y;
    };
    let months_ahead = m as i64 - article.m as i64;
    let day_ahead = p.d.is_some_and(|d| d > article.d);
    let ahead =
        months_ahead > future_months as i64 || (months_ahead == future_months as i64 && day_ahead);
    if ahead { article.y - 1 } else { article.y }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(y: Option<i32>, m: Option<u32>, d: Option<u32>) -> Point {
        Point { y, m, d, q: None }
    }

    fn ymd(s: &str) -> Ymd {
        Ymd::parse(s).unwrap()
    }

    #[test]
    fn iso_at_each_precision() {
        assert_eq!(pt(Some(2022), Some(11), Some(4)).iso(), "2022-11-04");
        assert_eq!(pt(Some(2022), Some(11), None).iso(), "2022-11");
        assert_eq!(pt(Some(2022), None, None).iso(), "2022");
        assert_eq!(pt(None, Some(11), Some(4)).iso(), "--11-04");
        assert_eq!(pt(None, Some(11), None).iso(), "--11");
        let q = Point {
            y: Some(2022),
            q: Some(4),
            ..Point::default()
        };
        assert_eq!(q.iso(), "2022-Q4");
    }

    #[test]
    fn ranges_share_month_and_year() {
        // 10-12/10/2020
        let mut v = DateValue {
            start: pt(None, None, Some(10)),
            end: Some(pt(Some(2020), Some(10), Some(12))),
        };
        v.complete();
        assert!(v.is_possible());
        assert_eq!(v.iso(), "2020-10-10/2020-10-12");
        // 1 - 7.2017: a month range
        let mut v = DateValue {
            start: pt(None, Some(1), None),
            end: Some(pt(Some(2017), Some(7), None)),
        };
        v.complete();
        assert_eq!(v.iso(), "2017-01/2017-07");
        // 2016-2021
        let v = DateValue {
            start: pt(Some(2016), None, None),
            end: Some(pt(Some(2021), None, None)),
        };
        assert_eq!(v.iso(), "2016/2021");
    }

    #[test]
    fn backwards_and_impossible_values_are_refused() {
        let backwards = DateValue {
            start: pt(Some(2021), None, None),
            end: Some(pt(Some(2016), None, None)),
        };
        assert!(!backwards.is_possible());
        assert!(!DateValue::point(pt(None, Some(2), Some(31))).is_possible());
        assert!(!DateValue::point(pt(Some(2017), Some(2), Some(29))).is_possible());
        assert!(DateValue::point(pt(None, Some(2), Some(29))).is_possible());
        assert!(DateValue::point(pt(Some(2016), Some(2), Some(29))).is_possible());
        assert!(!DateValue::point(pt(None, Some(13), None)).is_possible());
    }

    #[test]
    fn year_set_later_keeps_ranges_forward() {
        let mut v = DateValue {
            start: pt(None, Some(12), Some(28)),
            end: Some(pt(None, Some(1), Some(3))),
        };
        assert!(v.is_possible());
        v.set_year(2016);
        assert_eq!(v.iso(), "2016-12-28/2017-01-03");
        // 4-2-3-1 is a formation, not 2/4 to 1/3 of the next year.
        let formation = DateValue {
            start: pt(None, Some(2), Some(4)),
            end: Some(pt(None, Some(1), Some(3))),
        };
        assert!(!formation.is_possible());
        // 5-4-1: the days of one month must run forwards.
        let mut same_month = DateValue {
            start: pt(None, None, Some(5)),
            end: Some(pt(None, Some(1), Some(4))),
        };
        same_month.complete();
        assert!(!same_month.is_possible());
    }

    #[test]
    fn six_month_rule() {
        let article = ymd("2017-07-01");
        assert_eq!(
            year_from_article(&pt(None, Some(4), Some(23)), article, 6),
            2017
        );
        assert_eq!(
            year_from_article(&pt(None, Some(12), Some(31)), article, 6),
            2017
        );
        let article = ymd("2017-02-06");
        assert_eq!(
            year_from_article(&pt(None, Some(8), Some(6)), article, 6),
            2017
        );
        assert_eq!(
            year_from_article(&pt(None, Some(8), Some(7)), article, 6),
            2016
        );
        assert_eq!(
            year_from_article(&pt(None, Some(12), Some(20)), article, 6),
            2016
        );
        assert_eq!(
            year_from_article(&pt(None, Some(12), None), article, 6),
            2016
        );
        let quarter = Point {
            q: Some(4),
            ..Point::default()
        };
        assert_eq!(year_from_article(&quarter, ymd("2020-02-10"), 6), 2019);
        assert_eq!(year_from_article(&quarter, ymd("2020-11-01"), 6), 2020);
    }

    #[test]
    fn iso_values_read_back() {
        for iso in [
            "2022-11-04",
            "2022-11",
            "2022",
            "2022-Q4",
            "--11-04",
            "--11",
            "2020-10-10/2020-10-12",
            "--12-28/--01-03",
            "2016/2021",
        ] {
            assert_eq!(DateValue::parse_iso(iso).unwrap().iso(), iso);
        }
        assert!(DateValue::parse_iso("tháng 5").is_none());
        assert!(DateValue::parse_iso("2022-13").is_none());
    }

    #[test]
    fn two_digit_years() {
        assert_eq!(expand_two_digit_year(22, None), 2022);
        assert_eq!(expand_two_digit_year(98, None), 1998);
        assert_eq!(expand_two_digit_year(23, Some(2017)), 1923);
        assert_eq!(expand_two_digit_year(17, Some(2017)), 2017);
    }
}
