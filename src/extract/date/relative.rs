//! Relative references (`hôm qua`, `tuần trước`, `thứ Hai tuần sau`)
//! resolved against the article's date.

use crate::extract::calendar::Ymd;

/// The calendar unit a relative reference counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Unit {
    pub fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            _ => return None,
        })
    }
}

/// `offset` units from the article's own (day, week, month...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relative {
    pub unit: Unit,
    pub offset: i32,
}

/// The ISO value of a relative reference; `weekday` (1 = Monday ... 7 =
/// Sunday) picks a day of the week referred to.
pub fn resolve(rel: Relative, weekday: Option<u32>, article: Ymd) -> String {
    let day = days_from_civil(article);
    match (rel.unit, weekday) {
        (Unit::Week, Some(wd)) => {
            let monday = day - (weekday_of(day) as i64 - 1) + 7 * rel.offset as i64;
            civil_from_days(monday + wd as i64 - 1).to_string()
        }
        (Unit::Week, None) => iso_week(day + 7 * rel.offset as i64),
        (Unit::Day, _) => civil_from_days(day + rel.offset as i64).to_string(),
        (Unit::Month, _) => {
            let n = article.y * 12 + article.m as i32 - 1 + rel.offset;
            format!("{:04}-{:02}", n.div_euclid(12), n.rem_euclid(12) + 1)
        }
        (Unit::Quarter, _) => {
            let n = article.y * 4 + (article.m as i32 - 1) / 3 + rel.offset;
            format!("{:04}-Q{}", n.div_euclid(4), n.rem_euclid(4) + 1)
        }
        (Unit::Year, _) => format!("{:04}", article.y + rel.offset),
    }
}

/// Days since 1970-01-01 (proleptic Gregorian).
pub fn days_from_civil(d: Ymd) -> i64 {
    let y = d.y as i64 - if d.m <= 2 { 1 } else { 0 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = d.m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d.d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + if m <= 2 { 1 } else { 0 }) as i32;
    Ymd { y, m, d }
}

/// 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday).
fn weekday_of(day: i64) -> u32 {
    ((day + 3).rem_euclid(7) + 1) as u32
}

/// `YYYY-Www` of the ISO week holding `day`.
fn iso_week(day: i64) -> String {
    let thursday = day - (weekday_of(day) as i64 - 1) + 3;
    let year = civil_from_days(thursday).y;
    let jan1 = days_from_civil(Ymd {
        y: year,
        m: 1,
        d: 1,
    });
    format!("{year:04}-W{:02}", (thursday - jan1) / 7 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> Ymd {
        Ymd::parse(s).unwrap()
    }

    fn rel(unit: Unit, offset: i32) -> Relative {
        Relative { unit, offset }
    }

    #[test]
    fn civil_days_round_trip() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2016-12-31",
            "2017-03-01",
            "1890-05-19",
        ] {
            assert_eq!(civil_from_days(days_from_civil(ymd(s))).to_string(), s);
        }
        assert_eq!(days_from_civil(ymd("1970-01-02")), 1);
    }

    #[test]
    fn days_months_years_quarters() {
        let a = ymd("2017-01-01");
        assert_eq!(resolve(rel(Unit::Day, -1), None, a), "2016-12-31");
        assert_eq!(resolve(rel(Unit::Day, 1), None, a), "2017-01-02");
        assert_eq!(resolve(rel(Unit::Month, -1), None, a), "2016-12");
        assert_eq!(resolve(rel(Unit::Year, -1), None, a), "2016");
        assert_eq!(
            resolve(rel(Unit::Quarter, 0), None, ymd("2020-11-01")),
            "2020-Q4"
        );
        assert_eq!(
            resolve(rel(Unit::Quarter, 1), None, ymd("2020-11-01")),
            "2021-Q1"
        );
    }

    #[test]
    fn weeks_and_weekdays() {
        // 2022-11-04 was a Friday.
        let a = ymd("2022-11-04");
        assert_eq!(resolve(rel(Unit::Week, 1), Some(1), a), "2022-11-07");
        assert_eq!(resolve(rel(Unit::Week, 0), Some(7), a), "2022-11-06");
        assert_eq!(resolve(rel(Unit::Week, -1), None, a), "2022-W43");
        assert_eq!(
            resolve(rel(Unit::Week, 0), None, ymd("2021-01-01")),
            "2020-W53"
        );
    }
}
