//! Article dates as metadata, crawlers and web pages write them, read into
//! `YYYY-MM-DD`: ISO 8601 (with or without time and zone), `yyyymmdd`,
//! `dd/mm/yyyy` (day first, as Vietnamese sites write it, also inside a
//! longer string such as `Thứ năm, 01/10/2020 16:35 (GMT+7)`), RFC 2822,
//! `ngày 1 tháng 10 năm 2020`, English month names, and Unix times.
//! Impossible days (`2022-02-30`) and years outside 1800..=2200 are
//! refused with the reason, never passed on.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use regex::Regex;
use std::fmt;
use std::sync::OnceLock;

/// Years an article date may have: anything else is a typo or a default
/// value (`0000-01-01`, `9999-12-31`) that would invent years downstream.
pub const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    /// No date format read it.
    Unreadable,
    /// Read as year, month, day, but no such day exists.
    Impossible { year: i32, month: u32, day: u32 },
    /// A real day outside [`YEARS`].
    OutOfRange { year: i32 },
}

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateProblem::Unreadable => write!(f, "not a date this tool reads"),
            DateProblem::Impossible { year, month, day } => {
                write!(
                    f,
                    "{year:04}-{month:02}-{day:02} is not a day of the calendar"
                )
            }
            DateProblem::OutOfRange { year } => write!(
                f,
                "year {year} is outside {}..={}",
                YEARS.start(),
                YEARS.end()
            ),
        }
    }
}

/// Read a date; `Ok("YYYY-MM-DD")`.
pub fn parse_date(value: &str) -> Result<String, DateProblem> {
    let v = value.trim();
    if v.is_empty() {
        return Err(DateProblem::Unreadable);
    }
    if v.bytes().all(|b| b.is_ascii_digit()) {
        return digits(v);
    }
    if let Some(c) = iso().captures(v) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(v) {
        return checked(dt.date_naive());
    }
    if let Some(c) = vietnamese().captures(v) {
        return ymd(&c[3], &c[2], &c[1]);
    }
    if let Some(c) = day_first().captures(v) {
        return ymd(&c[3], &c[2], &c[1]);
    }
    for format in ["%B %d, %Y", "%B %d %Y", "%d %B %Y", "%d %B, %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&v.replace('.', ""), format) {
            return checked(d);
        }
    }
    Err(DateProblem::Unreadable)
}

/// A Unix time (seconds) as the date in Vietnam (UTC+7, no summer time).
pub fn date_of_unix_time(seconds: i64) -> Result<String, DateProblem> {
    let vietnam = FixedOffset::east_opt(7 * 3600).expect("a valid offset");
    let dt = DateTime::from_timestamp(seconds, 0).ok_or(DateProblem::Unreadable)?;
    checked(dt.with_timezone(&vietnam).date_naive())
}

fn cached(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("date patterns compile"))
}

/// 2020-10-01, 2020/10/01, 2020-10-01T16:35:34+07:00: the date as written,
/// in the zone it was written in (the publication's own day).
fn iso() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    cached(&R, r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T ]\d)")
}

fn day_first() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    cached(&R, r"(?:^|\D)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|\D)")
}

fn vietnamese() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    cached(
        &R,
        r"(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    )
}

/// All-digit values: `yyyymmdd` (also followed by a time, `yyyymmddHHMM`
/// or `yyyymmddHHMMSS`), or Unix seconds (10 digits) or milliseconds (13).
fn digits(v: &str) -> Result<String, DateProblem> {
    match v.len() {
        8 | 12 | 14 => ymd(&v[0..4], &v[4..6], &v[6..8]),
        10 => date_of_unix_time(v.parse().map_err(|_| DateProblem::Unreadable)?),
        13 => date_of_unix_time(v.parse::<i64>().map_err(|_| DateProblem::Unreadable)? / 1000),
        _ => Err(DateProblem::Unreadable),
    }
}

fn ymd(y: &str, m: &str, d: &str) -> Result<String, DateProblem> {
    let parse = |s: &str| s.parse::<u32>().map_err(|_| DateProblem::Unreadable);
    let (year, month, day) = (parse(y)? as i32, parse(m)?, parse(d)?);
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(DateProblem::Impossible {
        year,
        month,
        day,
    })?;
    checked(date)
}

fn checked(date: NaiveDate) -> Result<String, DateProblem> {
    if !YEARS.contains(&date.year()) {
        return Err(DateProblem::OutOfRange { year: date.year() });
    }
    Ok(date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(v: &str) -> String {
        parse_date(v).unwrap_or_else(|e| panic!("{v}: {e}"))
    }

    #[test]
    fn common_formats() {
        assert_eq!(ok("2020-10-01"), "2020-10-01");
        assert_eq!(ok("2020/10/1"), "2020-10-01");
        assert_eq!(ok("2020-10-01T23:30:00+07:00"), "2020-10-01");
        assert_eq!(ok("2020-10-01 08:00:00"), "2020-10-01");
        assert_eq!(ok("2020-09-30T20:00:00Z"), "2020-09-30");
        assert_eq!(ok("20201001"), "2020-10-01");
        assert_eq!(ok("202010011635"), "2020-10-01");
        assert_eq!(ok("01/10/2020"), "2020-10-01");
        assert_eq!(ok("1-10-2020"), "2020-10-01");
        assert_eq!(ok("Thứ năm, 01/10/2020 16:35 (GMT+7)"), "2020-10-01");
        assert_eq!(ok("Thu, 01 Oct 2020 16:35:34 +0700"), "2020-10-01");
        assert_eq!(ok("ngày 1 tháng 10 năm 2020"), "2020-10-01");
        assert_eq!(ok("October 1, 2020"), "2020-10-01");
        assert_eq!(ok("1 Oct 2020"), "2020-10-01");
    }

    #[test]
    fn unix_times_are_days_in_vietnam() {
        // 2020-09-30 18:00 UTC is already 1 October in Hà Nội.
        assert_eq!(ok("1601488800"), "2020-10-01");
        assert_eq!(ok("1601488800000"), "2020-10-01");
        assert_eq!(date_of_unix_time(1_601_488_800).unwrap(), "2020-10-01");
    }

    #[test]
    fn impossible_and_out_of_range_dates_are_refused() {
        assert_eq!(
            parse_date("2022-02-30"),
            Err(DateProblem::Impossible {
                year: 2022,
                month: 2,
                day: 30
            })
        );
        assert!(matches!(
            parse_date("2021-02-29"),
            Err(DateProblem::Impossible { .. })
        ));
        assert_eq!(ok("2020-02-29"), "2020-02-29");
        assert_eq!(
            parse_date("0000-01-01"),
            Err(DateProblem::OutOfRange { year: 0 })
        );
        assert!(matches!(
            parse_date("31/12/9999"),
            Err(DateProblem::OutOfRange { .. })
        ));
        assert!(matches!(
            parse_date("20201340"),
            Err(DateProblem::Impossible { .. })
        ));
        assert_eq!(parse_date("hôm qua"), Err(DateProblem::Unreadable));
        assert_eq!(parse_date(""), Err(DateProblem::Unreadable));
        assert_eq!(parse_date("12345"), Err(DateProblem::Unreadable));
    }

    #[test]
    fn messages_say_what_is_wrong() {
        let e = parse_date("2021-02-29").unwrap_err().to_string();
        assert!(e.contains("2021-02-29") && e.contains("calendar"), "{e}");
    }
}
