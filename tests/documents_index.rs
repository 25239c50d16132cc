//! documents.csv you can count: one row per document, told apart by its
//! identity, from a real `extract` run over articles written here.

mod support;

use std::collections::BTreeMap;
use support::{articles, csv_rows, extract, stderr};

const FILES: &[(&str, &str)] = &[
    // Two different resolutions numbered 42.
    (
        "x1.txt",
        "Bộ Chính trị ban hành Nghị quyết 42 của Bộ Chính trị ngày 5/4/2017 về công tác quy \
         hoạch cán bộ. Các tỉnh đã triển khai Nghị quyết 42.\n",
    ),
    (
        "x2.txt",
        "Quốc hội thông qua Nghị quyết 42 của Quốc hội ngày 21/6/2017 về thí điểm xử lý nợ \
         xấu. Ngân hàng đã áp dụng Nghị quyết 42.\n",
    ),
    // One law written two ways, one constitution written two ways.
    (
        "x3.txt",
        "Theo Bộ luật Hình sự 2015, hành vi này bị xử lý. Bộ luật hình sự năm 2015 có hiệu \
         lực từ năm 2018. Hiến pháp năm 2013 quy định quyền con người. Hiến pháp 2013 cũng \
         quy định như vậy.\n",
    ),
    // A foreign law is not the Vietnamese one.
    (
        "x4.txt",
        "Quốc hội Lào đã sửa đổi Luật Đất đai của Lào vào năm ngoái.\n",
    ),
    (
        "x5.txt",
        "Chính phủ ban hành Nghị định số 67/2014/NĐ-CP về một số chính sách phát triển thủy \
         sản, Bộ trưởng cho biết. Nghị định 67 đã giúp ngư dân.\n",
    ),
    (
        "x6.txt",
        "Nghị định 67/2014/NĐ-CP về một số chính sách phát triển thủy sản. Luật Đất đai cũng \
         được nhắc tới. Nghị định 67 được nhắc lại.\n",
    ),
    (
        "x7.txt",
        "Các địa phương thực hiện Luật Đất đai và Nghị định 67.\n",
    ),
];

type Row = BTreeMap<String, String>;

fn documents() -> Vec<Row> {
    let input = articles(FILES);
    let (_tmp, out, o) = extract(input.path(), &["--quiet", "--types", "resolution"]);
    assert!(o.status.success(), "{}", stderr(&o));
    csv_rows(&out.join("documents.csv"))
}

fn find<'a>(rows: &'a [Row], kind: &str, cell: (&str, &str), issuer: Option<&str>) -> Vec<&'a Row> {
    rows.iter()
        .filter(|r| r["kind"] == kind && r[cell.0] == cell.1)
        .filter(|r| issuer.is_none_or(|i| r["issuer"] == i))
        .collect()
}

#[test]
fn documents_sharing_a_short_number_stay_apart() {
    let rows = documents();
    let politburo = find(&rows, "Nghị quyết", ("number", "42"), Some("Bộ Chính trị"));
    let assembly = find(&rows, "Nghị quyết", ("number", "42"), Some("Quốc hội"));
    assert_eq!((politburo.len(), assembly.len()), (1, 1), "{rows:#?}");
    let (p, a) = (politburo[0], assembly[0]);
    assert_eq!(
        (&p["date"][..], &p["subject"][..]),
        ("2017-04-05", "công tác quy hoạch cán bộ")
    );
    assert_eq!(
        (&a["date"][..], &a["subject"][..]),
        ("2017-06-21", "thí điểm xử lý nợ xấu")
    );
    // The bare second mention in each article counts under its document.
    assert_eq!((&p["mentions"][..], &a["mentions"][..]), ("2", "2"));
}

#[test]
fn one_law_however_it_is_spelled_and_names_in_their_own_column() {
    let rows = documents();
    let penal = find(&rows, "Bộ luật", ("number", ""), None)
        .into_iter()
        .filter(|r| r["name"].to_lowercase().starts_with("hình sự"))
        .collect::<Vec<_>>();
    assert_eq!(penal.len(), 1, "{penal:#?}");
    assert_eq!(penal[0]["mentions"], "2");
    let constitution = find(&rows, "Hiến pháp", ("number", ""), None);
    assert_eq!(constitution.len(), 1, "{constitution:#?}");
    assert_eq!(constitution[0]["mentions"], "2");
    // `number` holds only numbers.
    for r in &rows {
        let n = &r["number"];
        assert!(
            n.is_empty() || n.starts_with(|c: char| c.is_ascii_digit()),
            "{r:?}"
        );
        assert!(n.is_empty() != r["name"].is_empty(), "{r:?}");
    }
}

#[test]
fn a_foreign_law_is_its_own_document() {
    let rows = documents();
    let land = find(&rows, "Luật", ("name", "Đất đai"), None);
    assert_eq!(land.len(), 2, "{land:#?}");
    let laos: Vec<_> = land.iter().filter(|r| r["issuer"] == "Lào").collect();
    let ours: Vec<_> = land.iter().filter(|r| r["issuer"].is_empty()).collect();
    assert_eq!((laos.len(), ours.len()), (1, 1), "{land:#?}");
    assert_eq!(ours[0]["articles"], "2");
}

#[test]
fn numbered_documents_join_across_articles_and_subjects_end_with_their_title() {
    let rows = documents();
    let decree = find(&rows, "Nghị định", ("number", "67/2014/NĐ-CP"), None);
    assert_eq!(decree.len(), 1, "{rows:#?}");
    let d = decree[0];
    assert_eq!(d["articles"], "2");
    assert_eq!(d["mentions"], "4");
    assert_eq!(d["subject"], "một số chính sách phát triển thủy sản");
    assert_eq!(d["issuer_from_code"], "Chính phủ");
    // A short number in an article without the full one stays apart.
    let bare = find(&rows, "Nghị định", ("number", "67"), None);
    assert_eq!(bare.len(), 1);
    assert_eq!(bare[0]["first_articles"], "x7");
}
