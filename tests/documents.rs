//! `documents.csv`, the citation index, from a real `extract` run over
//! invented articles that cite the same documents in several ways.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

const ARTICLES: &[(&str, &str)] = &[
    (
        "a1.txt",
        "# date = 20200918\n\
         Thành ủy triển khai Đề án số 05-ĐA/TU ngày 19/6/2020 của Ban Thường vụ Thành ủy \
         về chuyển đổi số trong các cơ quan. Sau ba tháng, Đề án 05 đã có kết quả bước đầu.\n\
         Các xã cũng kiểm tra việc thực hiện Nghị định 19 của Chính phủ về kinh doanh khí. \
         Nghị định số 19/2016/NĐ-CP ngày 22/3/2016 nêu rõ điều kiện với cửa hàng.\n",
    ),
    (
        "a2.txt",
        "# date = 20200920\n\
         Huyện ủy quán triệt Đề án số 05-ĐA/TU tới các chi bộ trực thuộc. \
         Nghị định 19 cũng được phổ biến tới các hộ kinh doanh.\n",
    ),
    (
        "a3.txt",
        "# date = 20200921\n\
         Luật Trẻ em năm 2016 có nhiều điểm mới về quyền của trẻ. Theo Luật trẻ em, \
         mọi hành vi xâm hại đều bị nghiêm cấm. Nghị định 56/2017/NĐ-CP hướng dẫn chi tiết \
         Luật trẻ em.\n",
    ),
];

/// The rows of documents.csv by (kind, number), each as column → cell.
fn run_documents() -> BTreeMap<(String, String), BTreeMap<String, String>> {
    let input = tempfile::tempdir().unwrap();
    for (name, text) in ARTICLES {
        std::fs::write(input.path().join(name), text).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_vnextract"))
        .args([
            "extract",
            input.path().to_str().unwrap(),
            "-o",
            out.path().to_str().unwrap(),
            "--quiet",
        ])
        .output()
        .expect("binary runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    read_rows(&out.path().join("documents.csv"))
}

fn read_rows(path: &Path) -> BTreeMap<(String, String), BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).expect("documents.csv exists");
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            let row: BTreeMap<String, String> = header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect();
            // A numbered document by its number, a named one by its name.
            let what = format!("{}{}", row["number"], row["name"]);
            ((row["kind"].clone(), what), row)
        })
        .collect()
}

fn row<'a>(
    rows: &'a BTreeMap<(String, String), BTreeMap<String, String>>,
    kind: &str,
    number: &str,
) -> &'a BTreeMap<String, String> {
    rows.get(&(kind.to_string(), number.to_string()))
        .unwrap_or_else(|| panic!("no row {kind} {number}; rows: {:?}", rows.keys()))
}

fn ids(row: &BTreeMap<String, String>) -> Vec<&str> {
    let mut ids: Vec<&str> = row["first_articles"].split(' ').collect();
    ids.sort();
    ids
}

#[test]
fn short_mentions_join_the_document_cited_in_full() {
    let rows = run_documents();
    let plan = row(&rows, "Đề án", "05-ĐA/TU");
    assert_eq!(plan["articles"], "2");
    assert_eq!(plan["mentions"], "3");
    assert_eq!(ids(plan), vec!["a1", "a2"]);
    assert!(!rows.contains_key(&("Đề án".to_string(), "05".to_string())));

    // `Nghị định 19` is tied in a1, where the full number is cited, not in a2.
    let decree = row(&rows, "Nghị định", "19/2016/NĐ-CP");
    assert_eq!(decree["articles"], "1");
    assert_eq!(decree["mentions"], "2");
    let bare = row(&rows, "Nghị định", "19");
    assert_eq!(bare["mentions"], "1");
    assert_eq!(ids(bare), vec!["a2"]);

    let law = row(&rows, "Luật", "Trẻ em năm 2016");
    assert_eq!(law["mentions"], "3");
}

#[test]
fn rows_keep_the_most_complete_fields() {
    let rows = run_documents();
    let plan = row(&rows, "Đề án", "05-ĐA/TU");
    assert_eq!(plan["date"], "2020-06-19");
    assert_eq!(plan["issuer"], "Ban Thường vụ Thành ủy");
    assert_eq!(plan["issuer_code"], "TU");
    assert_eq!(plan["subject"], "chuyển đổi số trong các cơ quan");

    // Issuer and subject come from the short mention, the date from the full one.
    let decree = row(&rows, "Nghị định", "19/2016/NĐ-CP");
    assert_eq!(decree["issuer"], "Chính phủ");
    assert_eq!(decree["subject"], "kinh doanh khí");
    assert_eq!(decree["date"], "2016-03-22");
}

#[test]
fn issuer_codes_give_an_issuer_when_the_text_names_none() {
    let rows = run_documents();
    let decree = row(&rows, "Nghị định", "56/2017/NĐ-CP");
    assert_eq!(decree["issuer"], "");
    assert_eq!(decree["issuer_code"], "CP");
    assert_eq!(decree["issuer_from_code"], "Chính phủ");
    assert_eq!(
        row(&rows, "Đề án", "05-ĐA/TU")["issuer_from_code"],
        "Thành ủy hoặc Tỉnh ủy"
    );
}
