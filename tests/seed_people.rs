//! The seed article's people: every person, title and link, one by one,
//! as the gold record `seed-thu-duc` annotates them.

use vnextract::model::{EntityType, Fields};
use vnextract::{Engine, Options, RuleSources};

const SEED: &str = include_str!("../corpus/seed/thu-duc-2022-11-04.txt");

/// (title text, role, unit, person), in text order.
const TITLES: &[(&str, &str, Option<&str>, &str)] = &[
    ("Thành ủy viên", "Thành ủy viên", None, "Lê Quang Nam"),
    (
        "Phó Trưởng Ban Tổ chức Thành ủy Thủ Đức",
        "Phó Trưởng Ban",
        Some("Ban Tổ chức Thành ủy Thủ Đức"),
        "Lê Quang Nam",
    ),
    ("Thành ủy viên", "Thành ủy viên", None, "Phạm Hoa Mai"),
    (
        "Phó Bí thư Đảng ủy CQCQ",
        "Phó Bí thư",
        Some("Đảng ủy CQCQ"),
        "Phạm Hoa Mai",
    ),
    (
        "Trưởng Phòng Nội vụ TP Thủ Đức",
        "Trưởng Phòng",
        Some("Phòng Nội vụ TP Thủ Đức"),
        "Phạm Hoa Mai",
    ),
    ("Thành ủy viên", "Thành ủy viên", None, "Lê Tấn Hồng"),
    (
        "Thường vụ Đảng ủy CQCQ",
        "Thường vụ",
        Some("Đảng ủy CQCQ"),
        "Lê Tấn Hồng",
    ),
    (
        "Trưởng Phòng Tài chính Kế hoạch TP Thủ Đức",
        "Trưởng Phòng",
        Some("Phòng Tài chính Kế hoạch TP Thủ Đức"),
        "Lê Tấn Hồng",
    ),
    (
        "Phó Bí thư Đảng ủy CQCQ",
        "Phó Bí thư",
        Some("Đảng ủy CQCQ"),
        "Phạm Hoa Mai",
    ),
    (
        "Trưởng Phòng Nội vụ TP Thủ Đức",
        "Trưởng Phòng",
        Some("Phòng Nội vụ TP Thủ Đức"),
        "Phạm Hoa Mai",
    ),
];

fn article() -> vnextract::model::Article {
    let engine = Engine::new(&RuleSources::embedded(), Options::default()).expect("rules compile");
    engine.extract_text(SEED, Some("2022-11-04"))
}

#[test]
fn seed_persons() {
    let a = article();
    let persons: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.etype == EntityType::Person)
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        persons,
        vec![
            "Lê Quang Nam",
            "Phạm Hoa Mai",
            "Lê Tấn Hồng",
            "Phạm Hoa Mai",
            "Chí Lộc"
        ]
    );
    assert_eq!(a.byline.as_deref(), Some("Chí Lộc"));
}

#[test]
fn seed_titles_and_links() {
    let a = article();
    let titles: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.etype == EntityType::Title)
        .collect();
    assert_eq!(titles.len(), TITLES.len(), "titles: {titles:#?}");
    for (got, &(text, role, unit, person)) in titles.iter().zip(TITLES) {
        assert_eq!(got.text, text);
        let Fields::Title {
            role: r,
            unit: u,
            person: p,
            ..
        } = &got.fields
        else {
            panic!("title without title fields: {got:?}");
        };
        assert_eq!(r, role, "role of {text}");
        assert_eq!(u.as_deref(), unit, "unit of {text}");
        assert_eq!(p.as_deref(), Some(person), "person of {text}");
    }
}

#[test]
fn seed_units_inside_titles_are_units() {
    let a = article();
    for &(_, _, unit, _) in TITLES {
        if let Some(u) = unit {
            assert!(
                a.entities
                    .iter()
                    .any(|e| e.etype == EntityType::Unit && e.text == u),
                "unit {u} missing"
            );
        }
    }
}
