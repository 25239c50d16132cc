//! Property tests of the date rules: every valid calendar day written in
//! each supported numeric or worded form reads back as the same ISO value;
//! days that do not exist give no date.

use proptest::prelude::*;
use std::sync::LazyLock;
use vnextract::extract::calendar::days_in_month;
use vnextract::model::{EntityType, OutEntity};
use vnextract::{Engine, Options, RuleSources};

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(&RuleSources::embedded(), Options::default()).expect("rules compile")
});

fn dates(text: &str) -> Vec<OutEntity> {
    ENGINE
        .extract_text(text, None)
        .entities
        .into_iter()
        .filter(|e| e.etype == EntityType::Date)
        .collect()
}

/// The ways a full date is written: (what is written, the span expected).
fn forms(y: i32, m: u32, d: u32) -> Vec<(String, String)> {
    let numeric = [
        format!("{d}/{m}/{y}"),
        format!("{d:02}/{m:02}/{y}"),
        format!("{d}-{m}-{y}"),
        format!("{d:02}-{m:02}-{y}"),
        format!("{d}.{m}.{y}"),
        format!("{d:02}.{m:02}.{y}"),
        format!("{d} / {m} / {y}"),
        format!("{d} - {m} - {y}"),
    ];
    let mut out: Vec<(String, String)> = numeric.into_iter().map(|s| (s.clone(), s)).collect();
    let words = format!("{d} tháng {m} năm {y}");
    out.push((format!("ngày {words}"), words.clone()));
    out.push((words.clone(), words));
    out
}

/// A day, month and year that exist.
fn valid_day() -> impl Strategy<Value = (i32, u32, u32)> {
    (1900i32..=2099, 1u32..=12).prop_flat_map(|(y, m)| (Just(y), Just(m), 1..=days_in_month(y, m)))
}

/// A day number past the end of its month (`31/4`, `29/2/2017`).
fn impossible_day() -> impl Strategy<Value = (i32, u32, u32)> {
    (1900i32..=2099, 1u32..=12)
        .prop_filter("month has fewer than 31 days", |&(y, m)| {
            days_in_month(y, m) < 31
        })
        .prop_flat_map(|(y, m)| (Just(y), Just(m), days_in_month(y, m) + 1..=31))
}

proptest! {
    #[test]
    fn every_written_form_gives_the_same_day((y, m, d) in valid_day()) {
        let want = format!("{y:04}-{m:02}-{d:02}");
        for (written, span) in forms(y, m, d) {
            let text = format!("Hội nghị diễn ra {written}, tại Hà Nội.");
            let found = dates(&text);
            prop_assert_eq!(found.len(), 1, "{}: {:?}", text, found);
            prop_assert_eq!(&found[0].text, &span, "{}", text);
            prop_assert_eq!(found[0].value.as_deref(), Some(want.as_str()), "{}", text);
        }
    }

    #[test]
    fn days_that_do_not_exist_give_no_day((y, m, d) in impossible_day()) {
        for (written, _) in forms(y, m, d) {
            let text = format!("Hội nghị diễn ra {written}, tại Hà Nội.");
            let found = dates(&text);
            // A worded date may still give its month (`tháng 2 năm 2017`),
            // never a day.
            let numeric = written.starts_with(|c: char| c.is_ascii_digit()) && !written.contains("tháng");
            if numeric {
                prop_assert!(found.is_empty(), "{}: {:?}", text, found);
            }
            let days: Vec<&OutEntity> = found
                .iter()
                .filter(|e| e.value.as_deref().is_some_and(|v| v.len() == 10))
                .collect();
            prop_assert!(days.is_empty(), "{}: {:?}", text, days);
        }
    }
}

/// Distinct days of one month in increasing order, two to six of them.
fn days_of_a_month() -> impl Strategy<Value = (i32, u32, Vec<u32>)> {
    (1900i32..=2099, 1u32..=12).prop_flat_map(|(y, m)| {
        let days = proptest::collection::btree_set(1..=days_in_month(y, m), 2..=6)
            .prop_map(|s| s.into_iter().collect::<Vec<u32>>());
        (Just(y), Just(m), days)
    })
}

/// Distinct years in increasing order, two to six of them.
fn some_years() -> impl Strategy<Value = Vec<i32>> {
    proptest::collection::btree_set(1900i32..=2099, 2..=6).prop_map(|s| s.into_iter().collect())
}

/// `a, b, c và d`: items joined by commas, the last by `và`.
fn listed<T: ToString>(items: &[T]) -> String {
    let words: Vec<String> = items.iter().map(T::to_string).collect();
    let (last, rest) = words.split_last().expect("a list has items");
    if rest.is_empty() {
        return last.clone();
    }
    format!("{} và {last}", rest.join(", "))
}

proptest! {
    #[test]
    fn every_day_of_a_listed_month_is_a_date((y, m, days) in days_of_a_month()) {
        let (last, rest) = days.split_last().expect("two days or more");
        let mut written: Vec<String> = rest.iter().map(u32::to_string).collect();
        written.push(format!("{last}/{m}/{y}"));
        let text = format!("Đoàn làm việc tại tỉnh trong các ngày {}.", listed(&written));
        let found = dates(&text);
        prop_assert_eq!(found.len(), days.len(), "{}: {:?}", text, found);
        for (e, d) in found.iter().zip(&days) {
            let want = format!("{y:04}-{m:02}-{d:02}");
            prop_assert_eq!(e.value.as_deref(), Some(want.as_str()), "{}", text);
        }
    }

    #[test]
    fn every_listed_year_is_a_date(years in some_years()) {
        let text = format!("Tỉnh đều vượt kế hoạch trong các năm {}, theo báo cáo.", listed(&years));
        let found = dates(&text);
        prop_assert_eq!(found.len(), years.len(), "{}: {:?}", text, found);
        for (e, y) in found.iter().zip(&years) {
            let want = y.to_string();
            prop_assert_eq!(e.value.as_deref(), Some(want.as_str()), "{}", text);
        }
    }
}
