//! The seed article must come out perfectly: every mention of every type,
//! in text order, exactly as the specification's annotation of it.

use vnextract::{Document, Engine, Options, RuleSources};

const SEED: &str = include_str!("../corpus/seed/thu-duc-2022-11-04.txt");

/// (type, text) of every mention, in the order of the text.
const EXPECTED: &[(&str, &str)] = &[
    ("date", "04/11"),
    ("unit", "Đảng ủy Cơ quan Chính quyền (CQCQ) TP Thủ Đức"),
    ("date", "quý 4 năm 2022"),
    ("resolution", "Đề án số 05-ĐA/TU"),
    ("date", "19/6/2020"),
    ("unit", "BTV Thành ủy TP Hồ Chí Minh"),
    ("person", "Lê Quang Nam"),
    ("title", "Thành ủy viên"),
    ("title", "Phó Trưởng Ban Tổ chức Thành ủy Thủ Đức"),
    ("unit", "Ban Tổ chức Thành ủy Thủ Đức"),
    ("person", "Phạm Hoa Mai"),
    ("title", "Thành ủy viên"),
    ("title", "Phó Bí thư Đảng ủy CQCQ"),
    ("unit", "Đảng ủy CQCQ"),
    ("title", "Trưởng Phòng Nội vụ TP Thủ Đức"),
    ("unit", "Phòng Nội vụ TP Thủ Đức"),
    ("person", "Lê Tấn Hồng"),
    ("title", "Thành ủy viên"),
    ("title", "Thường vụ Đảng ủy CQCQ"),
    ("unit", "Đảng ủy CQCQ"),
    ("title", "Trưởng Phòng Tài chính Kế hoạch TP Thủ Đức"),
    ("unit", "Phòng Tài chính Kế hoạch TP Thủ Đức"),
    ("unit", "Ban Tuyên giáo Thành ủy Thủ Đức"),
    ("unit", "Đảng bộ CQCQ"),
    ("unit", "Ủy ban Kiểm tra Đảng ủy"),
    ("unit", "Đảng ủy CQCQ TP Thủ Đức"),
    ("unit", "Thành ủy Thủ Đức"),
    ("unit", "Ban Chỉ đạo 35 Thành ủy Thủ Đức"),
    ("unit", "Đảng ủy CQCQ TP Thủ Đức"),
    ("resolution", "Nghị quyết số 35-NQ/TW"),
    ("date", "22/10/2018"),
    ("unit", "Bộ Chính trị khóa XII"),
    ("resolution", "Đề án số 05-ĐA/TU"),
    ("date", "19/6/2020"),
    ("unit", "BTV Thành ủy TP Hồ Chí Minh"),
    ("unit", "Chi bộ Phòng Tư pháp"),
    ("unit", "Chi bộ Phòng Văn hóa và Thông tin"),
    ("unit", "Chi bộ Phòng Khoa học và Công nghệ"),
    ("unit", "Chi bộ Văn phòng HĐND và UBND TP Thủ Đức"),
    ("unit", "Thành ủy Thủ Đức"),
    ("unit", "BCH Đảng ủy CQCQ TP Thủ Đức"),
    ("person", "Phạm Hoa Mai"),
    ("title", "Phó Bí thư Đảng ủy CQCQ"),
    ("unit", "Đảng ủy CQCQ"),
    ("title", "Trưởng Phòng Nội vụ TP Thủ Đức"),
    ("unit", "Phòng Nội vụ TP Thủ Đức"),
    ("resolution", "Đề án số 05-ĐA/TU"),
    ("person", "Chí Lộc"),
];

fn seed() -> vnextract::Article {
    let engine = Engine::new(&RuleSources::embedded(), Options::default()).unwrap();
    engine.process(&Document {
        id: "seed".into(),
        text: SEED.into(),
        ..Document::default()
    })
}

#[test]
fn every_mention_of_the_seed_article() {
    let article = seed();
    // Titles and the units inside them start at different offsets; compare
    // in text order with ties broken by type name as the gold lists them.
    let mut got: Vec<(usize, &str, String)> = article
        .entities
        .iter()
        .map(|e| (e.start, e.etype.as_str(), e.text.clone()))
        .collect();
    got.sort_by_key(|(s, _, _)| *s);
    let got: Vec<(&str, &str)> = got.iter().map(|(_, t, x)| (*t, x.as_str())).collect();
    let expected: Vec<(&str, &str)> = EXPECTED.to_vec();
    let mut sorted_got = got.clone();
    sorted_got.sort();
    let mut sorted_expected = expected.clone();
    sorted_expected.sort();
    let missing: Vec<_> = sorted_expected
        .iter()
        .filter(|e| !sorted_got.contains(e))
        .collect();
    let extra: Vec<_> = sorted_got
        .iter()
        .filter(|e| !sorted_expected.contains(e))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}\nextra {extra:?}"
    );
    assert_eq!(sorted_got, sorted_expected);
}

#[test]
fn seed_dates_one_by_one() {
    let article = seed();
    let dates: Vec<(&str, Option<&str>)> = article
        .entities
        .iter()
        .filter(|e| e.etype.as_str() == "date")
        .map(|e| (e.text.as_str(), e.value.as_deref()))
        .collect();
    assert_eq!(
        dates,
        vec![
            ("04/11", Some("2022-11-04")),
            ("quý 4 năm 2022", Some("2022-Q4")),
            ("19/6/2020", Some("2020-06-19")),
            ("22/10/2018", Some("2018-10-22")),
            ("19/6/2020", Some("2020-06-19")),
        ]
    );
}

#[test]
fn seed_offsets_point_into_the_file() {
    let article = seed();
    let chars: Vec<char> = SEED.chars().collect();
    for e in &article.entities {
        let s: String = chars[e.start..e.end].iter().collect();
        assert_eq!(s, e.text);
    }
    assert_eq!(article.byline.as_deref(), Some("Chí Lộc"));
}
