//! Calendar arithmetic the date rules need: valid days, article dates.

/// A Gregorian calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

impl Ymd {
    /// `YYYY-MM-DD` (also accepts `YYYYMMDD`).
    pub fn parse(s: &str) -> Option<Ymd> {
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        if digits.len() != 8 {
            return None;
        }
        let y = digits[0..4].parse().ok()?;
        let m = digits[4..6].parse().ok()?;
        let d = digits[6..8].parse().ok()?;
        is_valid_day(y, m, d).then_some(Ymd { y, m, d })
    }

    /// Days since an arbitrary epoch, for comparing distances.
    pub fn ordinal(&self) -> i64 {
        let (y, m) = if self.m <= 2 {
            (self.y as i64 - 1, self.m as i64 + 9)
        } else {
            (self.y as i64, self.m as i64 - 3)
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + self.d as i64
    }
}

impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn is_valid_day(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// A day and month without a year can exist at all (29/2 can).
pub fn is_valid_day_month(m: u32, d: u32) -> bool {
    is_valid_day(2000, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity() {
        assert!(is_valid_day(2020, 2, 29));
        assert!(!is_valid_day(2017, 2, 29));
        assert!(!is_valid_day(2017, 4, 31));
        assert!(is_valid_day_month(2, 29));
        assert!(!is_valid_day_month(2, 31));
    }

    #[test]
    fn parse_and_order() {
        let a = Ymd::parse("2017-07-01").unwrap();
        let b = Ymd::parse("20170630").unwrap();
        assert_eq!(a.ordinal() - b.ordinal(), 1);
        assert_eq!(a.to_string(), "2017-07-01");
        assert!(Ymd::parse("2017-02-30").is_none());
    }
}
