//! dates.csv as analysts sort it, and years that are never invented
//! (spec, section `date`), from real `extract` runs over articles written
//! here.

mod support;

use calamine::{Data, Reader, Xlsx, open_workbook};
use std::collections::BTreeMap;
use support::{articles, csv_lines, csv_rows, extract, stderr};

const FILES: &[(&str, &str)] = &[
    // A bare year (a birth year) lends its year to no other date.
    (
        "a-bare-year.txt",
        "Anh Tuấn (SN 1993) kể rằng ngày 4/5 anh rời quê lên thành phố.\n",
    ),
    // A date written with its year and month does.
    (
        "b-nearby.txt",
        "Tháng 2/2017, công ty mở thêm một chi nhánh. Ngày 4/5, chi nhánh đón những vị khách đầu tiên.\n",
    ),
    // A cited document's date does not.
    (
        "c-cited.txt",
        "Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị, ngày 4/5 các chi bộ đã họp.\n",
    ),
    // The article's own date does.
    (
        "d-dated.txt",
        "# date = 2020-06-01\n# title = =HYPERLINK(\"x\")\nNgày 4/5, hội nghị tổng kết diễn ra.\n",
    ),
];

/// The date rows by (article, text).
fn dates(out: &std::path::Path) -> BTreeMap<(String, String), BTreeMap<String, String>> {
    csv_rows(&out.join("dates.csv"))
        .into_iter()
        .map(|r| ((r["article_id"].clone(), r["text"].clone()), r))
        .collect()
}

fn date<'a>(
    rows: &'a BTreeMap<(String, String), BTreeMap<String, String>>,
    article: &str,
    text: &str,
) -> &'a BTreeMap<String, String> {
    rows.get(&(article.to_string(), text.to_string()))
        .unwrap_or_else(|| panic!("no date {text} in {article}: {:?}", rows.keys()))
}

#[test]
fn years_come_only_from_dated_mentions_and_say_where_from() {
    let input = articles(FILES);
    let (_tmp, out, o) = extract(input.path(), &["--quiet"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = dates(&out);

    let bare = date(&rows, "a-bare-year", "4/5");
    assert_eq!(bare["value"], "--05-04");
    assert_eq!(bare["year_from"], "none");
    assert_eq!(
        (&bare["year"][..], &bare["month"][..], &bare["day"][..]),
        ("", "5", "4")
    );
    assert_eq!(date(&rows, "a-bare-year", "1993")["year_from"], "written");

    let nearby = date(&rows, "b-nearby", "4/5");
    assert_eq!(nearby["value"], "2017-05-04");
    assert_eq!(nearby["year_from"], "nearby");
    assert_eq!(
        (
            &nearby["year"][..],
            &nearby["month"][..],
            &nearby["day"][..]
        ),
        ("2017", "5", "4")
    );

    let cited = date(&rows, "c-cited", "4/5");
    assert_eq!(
        cited["value"], "--05-04",
        "a cited document's date lends no year"
    );
    assert_eq!(date(&rows, "c-cited", "22/10/2018")["year_from"], "written");

    let dated = date(&rows, "d-dated", "4/5");
    assert_eq!(dated["value"], "2020-05-04");
    assert_eq!(dated["year_from"], "article");

    // The summary says how many dates lack a year and how to give one.
    let err = stderr(&o);
    assert!(err.contains("2 dates without a year"), "{err}");
    assert!(err.contains("--reference-date"), "{err}");
}

#[test]
fn values_the_tool_writes_are_never_guarded_input_text_is() {
    let input = articles(FILES);
    let (_tmp, out, o) = extract(input.path(), &["--quiet"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = csv_lines(&out.join("dates.csv"));
    let partial = lines
        .iter()
        .find(|l| l.starts_with("a-bare-year,") && l.contains(",4/5,"))
        .unwrap();
    assert!(partial.contains(",--05-04,"), "{partial}");
    assert!(
        !lines.iter().any(|l| l.contains("'--")),
        "no guard on ISO values"
    );
    // A headline that a spreadsheet would run as a formula stays text.
    let articles_csv = std::fs::read_to_string(out.join("articles.csv")).unwrap();
    assert!(articles_csv.contains("'=HYPERLINK"), "{articles_csv}");
}

#[test]
fn a_reference_date_is_named_as_the_source() {
    let input = articles(&FILES[..1]);
    let (_tmp, out, o) = extract(input.path(), &["--quiet", "--reference-date", "2017-06-30"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = dates(&out);
    let d = date(&rows, "a-bare-year", "4/5");
    assert_eq!(
        (&d["value"][..], &d["year_from"][..]),
        ("2017-05-04", "reference")
    );
    assert!(!stderr(&o).contains("without a year"), "{}", stderr(&o));
}

#[test]
fn full_dates_are_dates_in_the_workbook() {
    let input = articles(FILES);
    let (_tmp, out, o) = extract(input.path(), &["--quiet", "--excel"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut book: Xlsx<_> = open_workbook(out.join("vnextract.xlsx")).unwrap();
    let sheet = book.worksheet_range("dates").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (text, value) = (col("text"), col("value"));
    let mut seen = 0;
    for row in sheet.rows().skip(1) {
        match (row[text].to_string().as_str(), &row[value]) {
            ("4/5", Data::DateTime(d)) => {
                // Excel serial days: 2017-05-04 and 2020-05-04.
                assert!(d.is_datetime());
                assert!([42859.0, 43955.0].contains(&d.as_f64()), "{}", d.as_f64());
                seen += 1;
            }
            ("4/5", Data::String(s)) => {
                assert_eq!(s, "--05-04");
                seen += 1;
            }
            ("4/5", other) => panic!("4/5 written as {other:?}"),
            _ => {}
        }
    }
    assert_eq!(seen, 4);
}
