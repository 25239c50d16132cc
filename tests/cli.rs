//! Runs the real binary on real files: the project's corpus, bad inputs,
//! the stream interface, thread-count determinism and rule overrides.

mod support;

use std::path::{Path, PathBuf};
use std::process::Output;
use support::run;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn jsonl(p: &Path) -> Vec<serde_json::Value> {
    read(p)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn extract_writes_every_output_file() {
    let out = tempfile::tempdir().unwrap();
    let o = run(&[
        "extract",
        corpus().to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for f in [
        "articles.jsonl",
        "articles.csv",
        "dates.csv",
        "persons.csv",
        "titles.csv",
        "units.csv",
        "resolutions.csv",
        "errors.csv",
        "people.csv",
        "article_people.csv",
        "documents.csv",
    ] {
        assert!(out.path().join(f).is_file(), "{f} missing");
    }
    let articles = jsonl(&out.path().join("articles.jsonl"));
    let n_files = walkdir_count(&corpus());
    assert_eq!(articles.len(), n_files);
    // Ids are relative paths without extension, in sorted order.
    let ids: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"seed/thu-duc-2022-11-04"), "{ids:?}");
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    // CSVs start with a BOM so spreadsheets read them as UTF-8.
    assert!(read(&out.path().join("dates.csv")).starts_with('\u{FEFF}'));
    // The summary line reports the articles read.
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains(&format!("{n_files} articles")), "{stderr}");
}

fn walkdir_count(dir: &Path) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            n += walkdir_count(&p);
        } else if p.extension().is_some_and(|x| x == "txt") {
            n += 1;
        }
    }
    n
}

#[test]
fn offsets_point_into_the_text_as_read() {
    let out = tempfile::tempdir().unwrap();
    let o = run(&[
        "extract",
        corpus().to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    assert!(o.status.success());
    for a in jsonl(&out.path().join("articles.jsonl")) {
        let path = a["path"].as_str().unwrap();
        let raw = read(Path::new(path));
        let (_, body) = vnextract::input::split_metadata(&raw);
        let chars: Vec<char> = body.chars().collect();
        for e in a["entities"].as_array().unwrap() {
            let (s, en) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            let slice: String = chars[s..en].iter().collect();
            assert_eq!(slice, e["text"].as_str().unwrap(), "{path}: {e}");
        }
    }
}

#[test]
fn bad_files_go_to_errors_csv_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a-good.txt"),
        "Ngày 19/6/2020, hội nghị diễn ra.\n",
    )
    .unwrap();
    // Latin-1 German: not UTF-8, and no legacy Vietnamese encoding reads
    // it as Vietnamese (Latin-1 Vietnamese such as `H\xe0 N\xf4i` now reads
    // as Windows-1258, which it is).
    std::fs::write(
        dir.path().join("b-latin1.txt"),
        b"Sch\xf6ne Gr\xfc\xdfe aus M\xfcnchen, 4/11",
    )
    .unwrap();
    std::fs::write(dir.path().join("c-binary.txt"), b"\x00\x01\x02binary").unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Ngày 22/10/2018 tại Hà Nội.".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(dir.path().join("d-utf16.txt"), utf16).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = run(&[
        "extract",
        dir.path().to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "some inputs went to errors.csv");
    let articles = jsonl(&out.path().join("articles.jsonl"));
    let ids: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["a-good", "d-utf16"]);
    let errors = read(&out.path().join("errors.csv"));
    assert!(
        errors.contains("b-latin1.txt") && errors.contains("undecodable"),
        "{errors}"
    );
    assert!(errors.contains("c-binary.txt"), "{errors}");
}

#[test]
fn missing_input_is_an_error_row_not_a_crash() {
    let out = tempfile::tempdir().unwrap();
    let o = run(&[
        "extract",
        "/no/such/folder",
        corpus().to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(read(&out.path().join("errors.csv")).contains("not-found"));
    assert!(!jsonl(&out.path().join("articles.jsonl")).is_empty());
}

#[test]
fn thread_count_does_not_change_a_byte() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    for (dir, n) in [(&one, "1"), (&two, "2")] {
        let o = run(&[
            "extract",
            corpus().to_str().unwrap(),
            "-o",
            dir.path().to_str().unwrap(),
            "--threads",
            n,
            "--quiet",
        ]);
        assert!(o.status.success());
    }
    for f in std::fs::read_dir(one.path()).unwrap().flatten() {
        let name = f.file_name();
        assert_eq!(
            std::fs::read(f.path()).unwrap(),
            std::fs::read(two.path().join(&name)).unwrap(),
            "{name:?} differs between 1 and 2 threads"
        );
    }
}

fn stream(input: &str, extra: &[&str]) -> (Vec<serde_json::Value>, Output) {
    let args: Vec<&str> = std::iter::once("stream")
        .chain(extra.iter().copied())
        .collect();
    let o = support::run_with_stdin(&args, input);
    let lines = String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (lines, o)
}

#[test]
fn stream_answers_every_line_in_order() {
    let input = concat!(
        r#"{"id": "a", "text": "Ngày 19/6/2020, hội nghị.", "date": "2020-06-20"}"#,
        "\n",
        "this is not json\n",
        r#"{"id": 7, "text": "Không có gì."}"#,
        "\n"
    );
    let (lines, o) = stream(input, &[]);
    assert!(o.status.success());
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["date"], "2020-06-20");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("not a record"));
    assert_eq!(lines[2]["id"], "7");
}

#[test]
fn bad_rules_exit_2_naming_file_and_line_before_any_output() {
    let rules = tempfile::tempdir().unwrap();
    std::fs::write(
        rules.path().join("dates.json"),
        "{\n  \"type\": \"date\",\n  \"rules\": [ oops ]\n}\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("o");
    let o = run(&[
        "extract",
        corpus().to_str().unwrap(),
        "-o",
        target.to_str().unwrap(),
        "--rules",
        rules.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("dates.json:3"), "{stderr}");
    assert!(
        !target.exists(),
        "no output before the rules are known good"
    );
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(run(&["extract"]).status.code(), Some(2));
    assert_eq!(
        run(&["extract", "corpus", "--reference-date", "2022-13-01"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["extract", "corpus", "--threads", "0"]).status.code(),
        Some(2)
    );
}

#[test]
fn metadata_lines_are_not_text_and_give_the_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("m.txt"),
        "# date = 20201001\n# title = Tiêu đề\nNgày 4/11 hội nghị.\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = run(&[
        "extract",
        dir.path().to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let a = &jsonl(&out.path().join("articles.jsonl"))[0];
    assert_eq!(a["date"], "2020-10-01");
    assert_eq!(a["headline"], "Tiêu đề");
}

#[test]
fn json_lines_files_are_read_record_by_record() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("records.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"id": "r1", "text": "Ngày 4/11 hội nghị.", "date": "2022-11-05"}"#,
            "\n\n",
            "{broken\n",
            r#"{"id": "r2", "text": "Không có gì."}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = run(&[
        "extract",
        input.to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let ids: Vec<String> = jsonl(&out.path().join("articles.jsonl"))
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec!["r1", "r2"]);
    let errors = read(&out.path().join("errors.csv"));
    assert!(
        errors.contains("records.jsonl:3") && errors.contains("bad-record"),
        "{errors}"
    );
}

#[test]
fn excel_workbook_is_written_on_request() {
    let out = tempfile::tempdir().unwrap();
    let o = run(&[
        "extract",
        corpus().to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
        "--excel",
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(out.path().join("vnextract.xlsx")).unwrap();
    assert!(bytes.starts_with(b"PK"), "an .xlsx file is a zip archive");
    // Without the flag there is no workbook.
    let plain = tempfile::tempdir().unwrap();
    run(&[
        "extract",
        corpus().to_str().unwrap(),
        "-o",
        plain.path().to_str().unwrap(),
        "--quiet",
    ]);
    assert!(!plain.path().join("vnextract.xlsx").exists());
}

#[test]
fn a_rules_folder_overrides_one_file_and_keeps_the_rest() {
    // An analyst adds an abbreviation to a copy of the word list.
    let rules = tempfile::tempdir().unwrap();
    std::fs::create_dir(rules.path().join("lexicon")).unwrap();
    let mut list = include_str!("../rules/lexicon/abbreviations.csv").to_string();
    list.push_str("\nXYZQ,Ủy ban Thử nghiệm Quốc gia,unit\n");
    std::fs::write(rules.path().join("lexicon/abbreviations.csv"), list).unwrap();
    let input = r#"{"id": "a", "text": "Ngày 19/6/2020, XYZQ đã họp với Bộ Y tế."}"#;
    let (plain, _) = stream(&format!("{input}\n"), &[]);
    let (custom, o) = stream(
        &format!("{input}\n"),
        &["--rules", rules.path().to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let units = |a: &serde_json::Value| -> Vec<(String, String)> {
        a["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == "unit")
            .map(|e| {
                (
                    e["text"].as_str().unwrap().to_string(),
                    e["value"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    assert!(!units(&plain[0]).iter().any(|(t, _)| t == "XYZQ"));
    let found = units(&custom[0]);
    assert!(
        found.contains(&("XYZQ".into(), "Ủy ban Thử nghiệm Quốc gia".into())),
        "{found:?}"
    );
    // The built-in files not in the folder still apply.
    assert!(found.iter().any(|(t, _)| t == "Bộ Y tế"), "{found:?}");
}
