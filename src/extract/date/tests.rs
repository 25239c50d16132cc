use crate::extract::{Engine, Options};
use crate::model::{EntityType, OutEntity};
use crate::rules::RuleSources;

fn dates(text: &str, date: Option<&str>) -> Vec<OutEntity> {
    dates_with(text, date, false)
}

fn dates_with(text: &str, date: Option<&str>, relative_dates: bool) -> Vec<OutEntity> {
    let options = Options {
        relative_dates,
        ..Options::default()
    };
    let engine = Engine::new(&RuleSources::embedded(), options).unwrap();
    engine
        .extract_text(text, date)
        .entities
        .into_iter()
        .filter(|e| e.etype == EntityType::Date)
        .collect()
}

fn pairs(text: &str, date: Option<&str>) -> Vec<(String, Option<String>)> {
    dates(text, date)
        .into_iter()
        .map(|e| (e.text, e.value))
        .collect()
}

fn one(text: &str, value: &str) -> (String, Option<String>) {
    (text.to_string(), Some(value.to_string()))
}

#[test]
fn year_comes_from_the_article_date() {
    assert_eq!(
        pairs("Sáng 6.2, đoàn đến thăm.", Some("2017-07-01")),
        vec![one("6.2", "2017-02-06")]
    );
}

#[test]
fn six_months_after_the_article_is_last_year() {
    let got = pairs(
        "Hôm 20/12 và ngày 10/5, hai cuộc họp diễn ra.",
        Some("2017-02-10"),
    );
    assert_eq!(
        got,
        vec![one("20/12", "2016-12-20"), one("10/5", "2017-05-10")]
    );
}

#[test]
fn without_article_date_the_nearest_year_counts() {
    let got = pairs("Ngày 04/11, hội nghị quý 4 năm 2022 diễn ra.", None);
    assert_eq!(
        got,
        vec![one("04/11", "2022-11-04"), one("quý 4 năm 2022", "2022-Q4")]
    );
    assert_eq!(
        pairs("Ngày 04/11, hội nghị diễn ra.", None),
        vec![one("04/11", "--11-04")]
    );
}

#[test]
fn ranges_get_start_and_end() {
    let got = pairs(
        "Hội chợ diễn ra từ 10-12/10 tại Hà Nội.",
        Some("2020-11-01"),
    );
    assert_eq!(got, vec![one("10-12/10", "2020-10-10/2020-10-12")]);
    let got = pairs(
        "Ông giữ chức này trong thời gian tháng 1-2004 - 5-2010.",
        None,
    );
    assert_eq!(got, vec![one("tháng 1-2004 - 5-2010", "2004-01/2010-05")]);
    let got = pairs("Đợt tuyển sinh kéo dài 1 - 7.2017.", None);
    assert_eq!(got, vec![one("1 - 7.2017", "2017-01/2017-07")]);
}

#[test]
fn enumerations_share_the_month() {
    let got = pairs("Lễ hội tổ chức vào ngày 28 và 29/10.", Some("2020-11-01"));
    assert_eq!(
        got,
        vec![one("28", "2020-10-28"), one("29/10", "2020-10-29")]
    );
}

#[test]
fn impossible_dates_are_refused() {
    assert!(pairs("Ngày 31/2, không có gì.", Some("2017-07-01")).is_empty());
    assert!(pairs("Ngày 29/2/2017 không tồn tại.", None).is_empty());
    assert!(pairs("Ngày 29/2, mọi việc bình thường.", Some("2017-07-01")).is_empty());
    assert_eq!(
        pairs("Ngày 29/2, mọi việc bình thường.", Some("2016-07-01")),
        vec![one("29/2", "2016-02-29")]
    );
}

#[test]
fn relative_dates_only_on_request() {
    let text = "Hôm qua, đoàn đã đến Huế.";
    assert!(dates(text, Some("2017-03-01")).is_empty());
    let got = dates_with(text, Some("2017-03-01"), true);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].text, "Hôm qua");
    assert_eq!(got[0].value.as_deref(), Some("2017-02-28"));
    let v = serde_json::to_value(&got[0]).unwrap();
    assert_eq!(v["relative"], serde_json::json!(true));
}

#[test]
fn lunar_dates_have_no_value() {
    let got = dates("Người dân đi lễ chùa vào mùng 9 Tết.", Some("2017-03-01"));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].text, "mùng 9 Tết");
    assert_eq!(got[0].value, None);
    let v = serde_json::to_value(&got[0]).unwrap();
    assert_eq!(v["calendar"], serde_json::json!("lunar"));
}
