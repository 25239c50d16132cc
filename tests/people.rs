//! people.csv (one row per person over the run) and article_people.csv
//! (one per person per article), from a real `extract` run over articles
//! written here.

mod support;

use std::collections::BTreeMap;
use support::{articles, csv_rows, extract, stderr};

const FILES: &[(&str, &str)] = &[
    (
        "a1.txt",
        "# date = 2017-03-02\n\
         Tổng thống Mỹ Donald Trump đã có cuộc gặp với các doanh nhân. \
         Ông Trump cho biết ông hài lòng. Sau đó, Trump rời đi.\n",
    ),
    (
        "a2.txt",
        "Ông Lê Văn Nam, Chủ tịch UBND tỉnh Thanh Hóa, đã đến thăm trường. \
         Ông Nam cảm ơn các thầy cô. Trước đó, Chủ tịch UBND tỉnh Thanh Hóa \
         Lê Văn Nam đã họp với Sở Y tế.\n",
    ),
    (
        "a3.txt",
        "# date = 2017-01-05\nDonald Trump phát biểu tại buổi lễ.\n",
    ),
    // Two full names end with `Nam`: the short form stays apart.
    (
        "a4.txt",
        "Ông Lê Văn Nam và ông Trần Văn Nam cùng dự họp. Ông Nam phát biểu đầu tiên.\n",
    ),
];

type Rows = BTreeMap<String, BTreeMap<String, String>>;

fn by(
    rows: Vec<BTreeMap<String, String>>,
    key: impl Fn(&BTreeMap<String, String>) -> String,
) -> Rows {
    rows.into_iter().map(|r| (key(&r), r)).collect()
}

#[test]
fn one_row_per_person_over_the_run() {
    let input = articles(FILES);
    let (_tmp, out, o) = extract(input.path(), &["--quiet"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let people = by(csv_rows(&out.join("people.csv")), |r| r["person"].clone());

    let trump = &people["Donald Trump"];
    assert_eq!(trump["articles"], "2");
    assert_eq!(trump["mentions"], "4");
    assert_eq!(trump["variants"], "Donald Trump (2) | Trump (2)");
    assert_eq!(trump["titles"], "Tổng thống Mỹ (1)");
    assert_eq!(trump["first_date"], "2017-01-05");
    assert_eq!(trump["last_date"], "2017-03-02");
    assert_eq!(trump["first_articles"], "a1 a3");
    assert!(
        !people.contains_key("Trump"),
        "a short form counts under its full name"
    );

    let nam = &people["Lê Văn Nam"];
    assert_eq!(nam["articles"], "2");
    assert_eq!(nam["titles"], "Chủ tịch UBND tỉnh Thanh Hóa (2)");
    assert_eq!(nam["units"], "UBND tỉnh Thanh Hóa (2)");
    assert_eq!(nam["first_articles"], "a2 a4");
    // In a4 `Nam` could be either of two people.
    assert_eq!(people["Nam"]["first_articles"], "a4");
    assert_eq!(people["Trần Văn Nam"]["articles"], "1");

    // Most cited first.
    let order: Vec<String> = csv_rows(&out.join("people.csv"))
        .iter()
        .map(|r| r["person"].clone())
        .collect();
    assert_eq!(&order[..2], ["Donald Trump", "Lê Văn Nam"]);
}

#[test]
fn the_per_article_table_is_article_people() {
    let input = articles(FILES);
    let (_tmp, out, o) = extract(input.path(), &["--quiet"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = by(csv_rows(&out.join("article_people.csv")), |r| {
        format!("{}/{}", r["article_id"], r["person"])
    });
    let trump = &rows["a1/Donald Trump"];
    assert_eq!(trump["mentions"], "3");
    assert_eq!(trump["variants"], "Trump (2) | Donald Trump (1)");
    assert_eq!(trump["first_sentence"], "0");
    let nam = &rows["a2/Lê Văn Nam"];
    assert_eq!(nam["mentions"], "3");
    assert_eq!(nam["titles"], "Chủ tịch UBND tỉnh Thanh Hóa (2)");
    assert!(!rows.contains_key("a1/Trump"));
    assert_eq!(rows.len(), 6, "{:?}", rows.keys());
}
