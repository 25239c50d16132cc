//! Helpers shared by the integration tests that run the binary on inputs
//! they write themselves.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// A short news article written for the tests (not taken from any corpus).
pub const ARTICLE: &str = "Khánh thành cầu Tân Phú sau hai năm thi công\n\
Sáng 12/3/2021, Ủy ban nhân dân huyện Đức Hòa tổ chức lễ khánh thành cầu Tân Phú.\n\
Ông Trần Văn Được, Phó Chủ tịch UBND huyện Đức Hòa, cho biết công trình được đầu tư theo \
Nghị quyết số 15/2020/NQ-HĐND ngày 4/11/2020 của Hội đồng nhân dân tỉnh Long An.\n\
Bà Lê Thị Hoa, Giám đốc Sở Giao thông vận tải, đề nghị địa phương bảo trì cầu từ quý 2 năm 2021.\n\
Minh Anh";

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vnextract"))
}

/// `vnextract extract <inputs> -o <out> --quiet <extra>`.
pub fn extract(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let mut c = bin();
    c.arg("extract");
    c.args(inputs);
    c.arg("-o").arg(out).arg("--quiet").args(extra);
    c.output().expect("binary runs")
}

pub fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

pub fn articles(out: &Path) -> Vec<serde_json::Value> {
    read(&out.join("articles.jsonl"))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The article of an id.
pub fn article<'a>(all: &'a [serde_json::Value], id: &str) -> &'a serde_json::Value {
    all.iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no article {id}"))
}

/// (type, text, start, end, value) of an entity.
pub type Mention = (String, String, u64, u64, String);

/// Every entity of an article, in order.
pub fn entities(a: &serde_json::Value) -> Vec<Mention> {
    a["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_string(),
                e["text"].as_str().unwrap().to_string(),
                e["start"].as_u64().unwrap(),
                e["end"].as_u64().unwrap(),
                e["value"].to_string(),
            )
        })
        .collect()
}

/// Rows of errors.csv as (path, kind, message).
pub fn errors(out: &Path) -> Vec<(String, String, String)> {
    let text = read(&out.join("errors.csv"));
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    r.records()
        .map(|row| {
            let row = row.unwrap();
            (row[0].to_string(), row[1].to_string(), row[2].to_string())
        })
        .collect()
}

/// Entity texts of an article's text must be the text at their offsets.
pub fn assert_offsets_hold(a: &serde_json::Value, body: &str) {
    use unicode_normalization::UnicodeNormalization;
    let chars: Vec<char> = body.chars().collect();
    for (_, text, s, e, _) in entities(a) {
        let slice: String = chars[s as usize..e as usize].iter().collect();
        assert_eq!(slice.nfc().collect::<String>(), text, "{}", a["id"]);
    }
}
