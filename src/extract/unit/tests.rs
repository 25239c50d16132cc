use super::ArticleUnits;
use crate::extract::{Ctx, Engine, Options, Stage};
use crate::rules::RuleSources;

/// The readings the unit stage leaves for titles, at the start of `at`.
fn reading(text: &str, at: &str) -> Option<(String, String)> {
    let engine = Engine::new(&RuleSources::embedded(), Options::default()).unwrap();
    let analysis = engine.analyse(text);
    let ctx: Ctx = engine.ctx(&analysis, None);
    let mut found = Vec::new();
    engine.run_stage(Stage::Dates, &ctx, &mut found);
    engine.run_stage(Stage::Units, &ctx, &mut found);
    let units: &ArticleUnits = ctx.units.get().unwrap();
    let pos = ctx.work().find(at).unwrap();
    units
        .at(pos)
        .map(|m| (ctx.work()[m.start..m.end].to_string(), m.value.clone()))
}

#[test]
fn units_read_after_a_role_word() {
    let got = reading(
        "Chủ tịch UBND tỉnh Thanh Hóa Nguyễn Văn An phát biểu.",
        "UBND",
    );
    assert_eq!(got.unwrap().0, "UBND tỉnh Thanh Hóa");
    let got = reading("Chánh Thanh tra Bộ Công an cho biết.", "Thanh tra");
    assert_eq!(got.unwrap().0, "Thanh tra Bộ Công an");
    // Not read away from a role word.
    assert!(reading("Bộ Công an cho biết.", "Bộ").is_none());
}

#[test]
fn readings_use_article_definitions_and_stop_at_honorifics() {
    let got = reading(
        "Đảng ủy Cơ quan Chính quyền (CQCQ) họp. Phó Bí thư Đảng ủy CQCQ phát biểu.",
        "Đảng ủy CQCQ",
    );
    assert_eq!(got.unwrap().1, "Đảng ủy Cơ quan Chính quyền");
    let got = reading("Chủ tịch UBND TP.HCM phát biểu.", "UBND");
    assert_eq!(got.unwrap().1, "Ủy ban nhân dân Thành phố Hồ Chí Minh");
}

/// Unit mentions of `text`, with `from` replaced by `to` in units.json.
fn units(text: &str, from: &str, to: &str) -> Vec<String> {
    let mut sources = RuleSources::embedded();
    let original = sources.text("units.json").unwrap();
    assert!(original.contains(from), "{from}");
    let changed = original.replacen(from, to, 1);
    sources.set("units.json", &changed);
    let engine = Engine::new(&sources, Options::default()).unwrap();
    let article = engine.extract_text(text, None);
    article
        .entities
        .into_iter()
        .filter(|e| e.etype == crate::model::EntityType::Unit)
        .map(|e| e.text)
        .collect()
}

#[test]
fn number_words_are_read_from_the_rules() {
    let text = "Tổng công ty Xây dựng số 1 vừa khởi công dự án.";
    let setting = r#""number_words": ["số"]"#;
    assert_eq!(
        units(text, setting, setting),
        ["Tổng công ty Xây dựng số 1"]
    );
    let without = units(text, setting, r#""number_words": []"#);
    assert!(!without.iter().any(|u| u.ends_with("số 1")), "{without:?}");
}
