//! The seed article's cited documents: exactly four citations of two
//! documents, checked field by field as the gold record `seed-thu-duc`
//! annotates them.

use vnextract::model::{Article, EntityType, Fields, OutEntity};
use vnextract::{Engine, Options, RuleSources};

const SEED: &str = include_str!("../corpus/seed/thu-duc-2022-11-04.txt");

const DE_AN_SUBJECT: &str = "tuyên truyền, lan tỏa thông tin tích cực, đấu tranh phản bác các \
     quan điểm sai trái, thù địch trên internet, mạng xã hội";
const NQ35_SUBJECT: &str = "Tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác \
     các quan điểm sai trái, thù địch trong tình hình mới";

/// One expected citation.
struct Cited {
    text: &'static str,
    kind: &'static str,
    value: &'static str,
    date: Option<&'static str>,
    issuer: Option<&'static str>,
    issuer_code: &'static str,
    subject: Option<&'static str>,
}

const DE_AN: Cited = Cited {
    text: "Đề án số 05-ĐA/TU",
    kind: "Đề án",
    value: "05-ĐA/TU",
    date: Some("2020-06-19"),
    issuer: Some("BTV Thành ủy TP Hồ Chí Minh"),
    issuer_code: "TU",
    subject: Some(DE_AN_SUBJECT),
};

const NQ35: Cited = Cited {
    text: "Nghị quyết số 35-NQ/TW",
    kind: "Nghị quyết",
    value: "35-NQ/TW",
    date: Some("2018-10-22"),
    issuer: Some("Bộ Chính trị khóa XII"),
    issuer_code: "TW",
    subject: Some(NQ35_SUBJECT),
};

const DE_AN_BARE: Cited = Cited {
    date: None,
    issuer: None,
    subject: None,
    ..DE_AN
};

fn article() -> Article {
    let engine = Engine::new(&RuleSources::embedded(), Options::default()).expect("rules compile");
    engine.extract_text(SEED, Some("2022-11-04"))
}

fn resolutions(a: &Article) -> Vec<&OutEntity> {
    a.entities
        .iter()
        .filter(|e| e.etype == EntityType::Resolution)
        .collect()
}

fn check(e: &OutEntity, want: &Cited, n: usize) {
    assert_eq!(e.text, want.text, "citation {n}: span");
    assert_eq!(e.value.as_deref(), Some(want.value), "citation {n}: value");
    let Fields::Resolution {
        kind,
        date,
        issuer,
        issuer_code,
        subject,
    } = &e.fields
    else {
        panic!("citation {n}: not resolution fields: {:?}", e.fields);
    };
    assert_eq!(kind, want.kind, "citation {n}: kind");
    assert_eq!(date.as_deref(), want.date, "citation {n}: date");
    assert_eq!(issuer.as_deref(), want.issuer, "citation {n}: issuer");
    assert_eq!(
        issuer_code.as_deref(),
        Some(want.issuer_code),
        "citation {n}: issuer code"
    );
    assert_eq!(subject.as_deref(), want.subject, "citation {n}: subject");
}

#[test]
fn seed_cites_exactly_two_documents_four_times() {
    let a = article();
    let found = resolutions(&a);
    let texts: Vec<&str> = found.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![DE_AN.text, NQ35.text, DE_AN.text, DE_AN.text],
        "citations in text order"
    );
}

#[test]
fn seed_citations_field_by_field() {
    let a = article();
    let found = resolutions(&a);
    assert_eq!(found.len(), 4);
    for (n, (e, want)) in found
        .iter()
        .zip([&DE_AN, &NQ35, &DE_AN, &DE_AN_BARE])
        .enumerate()
    {
        check(e, want, n + 1);
    }
}

#[test]
fn seed_spans_point_into_the_text() {
    let a = article();
    let chars: Vec<char> = SEED.chars().collect();
    for e in resolutions(&a) {
        let span: String = chars[e.start..e.end].iter().collect();
        assert_eq!(span, e.text);
    }
}
