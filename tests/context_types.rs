//! sentences.csv, `--context` and `--types`, from real `extract` runs over
//! articles written here.

mod support;

use std::collections::BTreeMap;
use support::{articles, csv_rows, extract, run, stderr};

fn long_article() -> String {
    let filler = "các đại biểu đã thảo luận nhiều vấn đề quan trọng của địa phương ".repeat(4);
    format!(
        "Ngày 4/11/2022, ông Lê Văn Nam, Chủ tịch UBND tỉnh Thanh Hóa, {filler}và ký Quyết định \
         số 12/QĐ-UBND ngày 5/11/2022 {filler}trước khi kết thúc.\nBuổi chiều, đoàn thăm Sở Y tế.\n"
    )
}

fn input() -> tempfile::TempDir {
    articles(&[
        ("a.txt", &long_article()),
        ("b.txt", "Ngày 19/6/2020, bà Mai đến Hà Nội.\n"),
    ])
}

#[test]
fn every_sentence_index_points_to_a_row_of_sentences_csv() {
    let input = input();
    let (_tmp, out, o) = extract(input.path(), &["--quiet", "--types", "all"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let sentences: BTreeMap<(String, String), BTreeMap<String, String>> =
        csv_rows(&out.join("sentences.csv"))
            .into_iter()
            .map(|r| ((r["article_id"].clone(), r["sentence"].clone()), r))
            .collect();
    assert_eq!(sentences.keys().filter(|(a, _)| a == "a").count(), 2);
    let text = long_article();
    let chars: Vec<char> = text.chars().collect();
    for (key, s) in &sentences {
        if key.0 == "a" {
            let (start, end): (usize, usize) =
                (s["start"].parse().unwrap(), s["end"].parse().unwrap());
            assert_eq!(chars[start..end].iter().collect::<String>(), s["text"]);
        }
    }
    let mut checked = 0;
    for table in ["dates", "persons", "titles", "units", "resolutions"] {
        for m in csv_rows(&out.join(format!("{table}.csv"))) {
            let s = &sentences[&(m["article_id"].clone(), m["sentence"].clone())];
            let start: usize = m["start"].parse().unwrap();
            assert!(s["start"].parse::<usize>().unwrap() <= start);
            assert!(start < s["end"].parse::<usize>().unwrap());
            checked += 1;
        }
    }
    assert!(checked > 8);
}

fn context_of(out: &std::path::Path, table: &str, text: &str) -> String {
    csv_rows(&out.join(format!("{table}.csv")))
        .into_iter()
        .find(|r| r["text"] == text)
        .unwrap_or_else(|| panic!("no {text} in {table}"))["context"]
        .clone()
}

#[test]
fn context_is_a_marked_window_by_default() {
    let input = input();
    let (_tmp, out, o) = extract(input.path(), &["--quiet"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !out.join("sentences.csv").exists(),
        "sentences on request only"
    );
    let c = context_of(&out, "resolutions", "Quyết định số 12/QĐ-UBND");
    assert!(c.contains("[[Quyết định số 12/QĐ-UBND]]"), "{c}");
    assert!(c.starts_with('…') && c.ends_with('…'), "{c}");
    let (before, after) = c.split_once("[[Quyết định số 12/QĐ-UBND]]").unwrap();
    assert!(
        before.chars().count() <= 81 && after.chars().count() <= 81,
        "{c}"
    );
    assert!(
        before.chars().count() > 60 && after.chars().count() > 60,
        "{c}"
    );
    // A short sentence is whole.
    assert_eq!(
        context_of(&out, "dates", "19/6/2020"),
        "Ngày [[19/6/2020]], bà Mai đến Hà Nội."
    );
}

#[test]
fn context_sentence_and_none() {
    let input = input();
    let (_tmp, out, o) = extract(input.path(), &["--quiet", "--context", "sentence"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let c = context_of(&out, "resolutions", "Quyết định số 12/QĐ-UBND");
    let first_sentence = long_article().lines().next().unwrap().to_string();
    assert_eq!(c.replace("[[", "").replace("]]", ""), first_sentence);

    let (_tmp, out, o) = extract(input.path(), &["--quiet", "--context", "none"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = csv_rows(&out.join("dates.csv"));
    assert!(!rows.is_empty() && rows.iter().all(|r| r["context"].is_empty()));

    assert_eq!(
        run(&["extract", "x", "--context", "paragraph"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn types_write_only_some_tables() {
    let input = input();
    let (_tmp, out, o) = extract(input.path(), &["--quiet", "--types", "date,person"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "article_people.csv",
            "articles.csv",
            "articles.jsonl",
            "dates.csv",
            "errors.csv",
            "people.csv",
            "persons.csv"
        ]
    );
    let header = std::fs::read_to_string(out.join("articles.csv")).unwrap();
    assert!(
        header
            .lines()
            .next()
            .unwrap()
            .ends_with(",sentences,dates,persons"),
        "{header}"
    );
    let jsonl = std::fs::read_to_string(out.join("articles.jsonl")).unwrap();
    for line in jsonl.lines() {
        let a: serde_json::Value = serde_json::from_str(line).unwrap();
        for e in a["entities"].as_array().unwrap() {
            assert!(
                ["date", "person"].contains(&e["type"].as_str().unwrap()),
                "{e}"
            );
        }
    }
    let bad = run(&["extract", "x", "--types", "date,places"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("places"), "{}", stderr(&bad));
}
