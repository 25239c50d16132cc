//! Nothing silent: every outcome a user could miss is said on stderr (and
//! in the exit status), from real runs of the binary.

mod support;

use support::{articles, csv_rows, extract, run, stderr};

const GOOD: (&str, &str) = ("a.txt", "Ngày 19/6/2020, hội nghị diễn ra tại Hà Nội.\n");

#[test]
fn no_articles_found_is_exit_1_naming_what_was_looked_for() {
    let empty = tempfile::tempdir().unwrap();
    let (_tmp, out, o) = extract(empty.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("no articles found") && err.contains(".txt"),
        "{err}"
    );
    assert!(
        !out.exists(),
        "nothing written when there is nothing to read"
    );

    let notes = articles(&[("notes.md", "# ghi chú"), ("data.csv", "a,b")]);
    let (_tmp, _out, o) = extract(notes.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no articles found"), "{}", stderr(&o));
}

#[test]
fn a_missing_path_is_said_on_stderr_too() {
    let input = articles(&[GOOD]);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = run(&[
        "extract",
        "/no/such/folder",
        input.path().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("/no/such/folder: no such file or folder"),
        "{err}"
    );
    let errors = csv_rows(&out.join("errors.csv"));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["kind"], "not-found");
    // Alone, it is also a run with no articles.
    let o = run(&["extract", "/no/such/folder", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/no/such/folder"), "{}", stderr(&o));
}

#[test]
fn output_paths_that_are_files_or_foreign_folders_are_refused() {
    let input = articles(&[GOOD]);
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("out.csv");
    std::fs::write(&file, "mine").unwrap();
    let o = run(&[
        "extract",
        input.path().to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is a file, not a folder"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");

    let folder = tmp.path().join("reports");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("budget.xlsx"), "mine").unwrap();
    let o = run(&[
        "extract",
        input.path().to_str().unwrap(),
        "-o",
        folder.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("budget.xlsx") && err.contains("--force"),
        "{err}"
    );
    assert!(!folder.join("dates.csv").exists());

    let o = run(&[
        "extract",
        input.path().to_str().unwrap(),
        "-o",
        folder.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(folder.join("dates.csv").is_file());
    assert_eq!(
        std::fs::read_to_string(folder.join("budget.xlsx")).unwrap(),
        "mine"
    );
}

#[test]
fn replacing_a_previous_run_is_said_and_its_stale_files_go() {
    let input = articles(&[GOOD]);
    let (_tmp, out, o) = extract(input.path(), &["--excel", "--quiet"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).is_empty(),
        "a first run has nothing to say: {}",
        stderr(&o)
    );
    assert!(out.join("vnextract.xlsx").is_file());
    let o = run(&[
        "extract",
        input.path().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("outputs of an earlier run") && err.contains("replaced"),
        "{err}"
    );
    assert!(err.contains("removed vnextract.xlsx"), "{err}");
    assert!(
        !out.join("vnextract.xlsx").exists(),
        "no stale workbook beside new tables"
    );
}

#[test]
fn stream_reports_a_bad_date_on_the_records_line() {
    let input = concat!(
        r#"{"id": "a", "text": "Ngày 4/11, hội nghị.", "date": "2022-02-30"}"#,
        "\n",
        r#"{"id": "b", "text": "Ngày 4/11, hội nghị.", "date": "2022-11-05"}"#,
        "\n"
    );
    let o = support::run_with_stdin(&["stream"], input);
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[0]["error"].as_str().unwrap().contains("2022-02-30"));
    assert_eq!(lines[1]["entities"][0]["value"], "2022-11-04");

    // The same record in a .jsonl input of `extract` gets an errors.csv row.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.jsonl"), input).unwrap();
    let (_tmp, out, o) = extract(&dir.path().join("r.jsonl"), &["--quiet"]);
    assert_eq!(o.status.code(), Some(1));
    let errors = csv_rows(&out.join("errors.csv"));
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]["path"].ends_with("r.jsonl:1") && errors[0]["message"].contains("2022-02-30")
    );
}
