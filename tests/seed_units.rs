//! The seed article must give exactly its annotated unit mentions, in
//! order (spec/entities.md, section `unit`).

use vnextract::model::EntityType;
use vnextract::{Engine, Options, RuleSources};

const EXPECTED: &[&str] = &[
    "Đảng ủy Cơ quan Chính quyền (CQCQ) TP Thủ Đức",
    "BTV Thành ủy TP Hồ Chí Minh",
    "Ban Tổ chức Thành ủy Thủ Đức",
    "Đảng ủy CQCQ",
    "Phòng Nội vụ TP Thủ Đức",
    "Đảng ủy CQCQ",
    "Phòng Tài chính Kế hoạch TP Thủ Đức",
    "Ban Tuyên giáo Thành ủy Thủ Đức",
    "Đảng bộ CQCQ",
    "Ủy ban Kiểm tra Đảng ủy",
    "Đảng ủy CQCQ TP Thủ Đức",
    "Thành ủy Thủ Đức",
    "Ban Chỉ đạo 35 Thành ủy Thủ Đức",
    "Đảng ủy CQCQ TP Thủ Đức",
    "Bộ Chính trị khóa XII",
    "BTV Thành ủy TP Hồ Chí Minh",
    "Chi bộ Phòng Tư pháp",
    "Chi bộ Phòng Văn hóa và Thông tin",
    "Chi bộ Phòng Khoa học và Công nghệ",
    "Chi bộ Văn phòng HĐND và UBND TP Thủ Đức",
    "Thành ủy Thủ Đức",
    "BCH Đảng ủy CQCQ TP Thủ Đức",
    "Đảng ủy CQCQ",
    "Phòng Nội vụ TP Thủ Đức",
];

#[test]
fn seed_article_units_one_by_one() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/seed/thu-duc-2022-11-04.txt"
    );
    let raw = std::fs::read_to_string(path).expect("seed article");
    // Metadata lines (`# key = value`) are not article text.
    let text: String = raw
        .lines()
        .skip_while(|l| l.starts_with("# "))
        .collect::<Vec<_>>()
        .join("\n");
    let engine = Engine::new(&RuleSources::embedded(), Options::default()).expect("rules compile");
    let article = engine.extract_text(&text, Some("2022-11-04"));
    let units: Vec<&str> = article
        .entities
        .iter()
        .filter(|e| e.etype == EntityType::Unit)
        .map(|e| e.text.as_str())
        .collect();
    for (i, want) in EXPECTED.iter().enumerate() {
        assert_eq!(units.get(i), Some(want), "unit #{i}; all units: {units:#?}");
    }
    assert_eq!(
        units.len(),
        EXPECTED.len(),
        "extra units: {:#?}",
        &units[EXPECTED.len().min(units.len())..]
    );
}

#[test]
fn seed_article_values_group_one_unit() {
    let engine = Engine::new(&RuleSources::embedded(), Options::default()).expect("rules compile");
    let text = "Đảng ủy Cơ quan Chính quyền (CQCQ) TP Thủ Đức họp. Sau đó Đảng ủy CQCQ TP Thủ Đức báo cáo.";
    let article = engine.extract_text(text, None);
    let values: Vec<&str> = article
        .entities
        .iter()
        .filter(|e| e.etype == EntityType::Unit)
        .filter_map(|e| e.value.as_deref())
        .collect();
    assert_eq!(
        values,
        vec!["Đảng ủy Cơ quan Chính quyền Thành phố Thủ Đức"; 2]
    );
}

#[test]
fn one_city_police_written_three_ways_groups_as_one_value() {
    let engine =
        vnextract::Engine::new(&vnextract::RuleSources::embedded(), Default::default()).unwrap();
    let a = engine.extract_text(
        "CATP Hồ Chí Minh phối hợp với Công an thành phố Hồ Chí Minh và Công an TP.HCM.",
        None,
    );
    let values: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.etype.as_str() == "unit")
        .filter_map(|e| e.value.as_deref())
        .collect();
    assert_eq!(values.len(), 3, "{values:?}");
    assert!(
        values.iter().all(|v| *v == "Công an Thành phố Hồ Chí Minh"),
        "{values:?}"
    );
}
