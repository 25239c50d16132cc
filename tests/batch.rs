//! Batch evidence through the real binary: `gather`, `gather --merge`,
//! `--evidence`, `extract` in two passes (and `--no-batch`), `stream
//! --batch`; the evidence and the output never depend on the thread
//! count, the order of the inputs or how the batch was split.

mod support;

use std::path::Path;
use std::process::Output;
use support::{articles, run, run_with_stdin, stderr};

/// Article `a` names a singer after a form of address and defines an
/// abbreviation; article `b` uses both bare (the texts are the test's own).
const A: &str = "Tối qua, chị Quế Trân biểu diễn tại nhà hát thành phố. \
Ban Quản lý Khu kinh tế Vân Phong (BQLKKT) cho biết sẽ hỗ trợ đêm diễn.";
const B: &str = "Khán giả chờ đợi Quế Trân trở lại sân khấu vào mùa hè. \
BQLKKT vừa công bố kế hoạch mới cho khu cảng.";
const C: &str = "Sáng nay, ông Lê Văn Nam đến thăm trường và tặng quà cho học sinh.";

fn records() -> String {
    [("a", A), ("b", B), ("c", C)]
        .iter()
        .map(|(id, t)| serde_json::json!({"id": id, "text": t}).to_string() + "\n")
        .collect()
}

fn ok(o: &Output) {
    assert!(o.status.success(), "{}", stderr(o));
}

fn gather(paths: &[&Path], out: &Path, extra: &[&str]) -> String {
    let mut args: Vec<String> = vec!["gather".into()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    args.extend(["-o".into(), out.display().to_string()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(&run(&args));
    std::fs::read_to_string(out).unwrap()
}

/// Persons of article `id` in a stream's output, as (text, rule).
fn persons_of(stream_out: &[u8], id: &str) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(stream_out);
    let line = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|r| r["id"] == id)
        .unwrap();
    line["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "person" || e["type"] == "unit")
        .map(|e| {
            (
                e["text"].as_str().unwrap().to_string(),
                e["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn gather_counts_what_articles_establish() {
    let dir = articles(&[("a.txt", A), ("b.txt", B), ("c.txt", C)]);
    let tmp = tempfile::tempdir().unwrap();
    let file = gather(&[dir.path()], &tmp.path().join("ev.tsv"), &[]);
    let mut lines = file.lines();
    assert!(lines.next().unwrap().starts_with("# vnextract evidence v2"));
    let rows: Vec<&str> = lines.collect();
    assert!(rows.contains(&"person\tQuế Trân\t\t1"), "{file}");
    assert!(
        rows.contains(&"abbreviation\tBQLKKT\tBan Quản lý Khu kinh tế Vân Phong\t1"),
        "{file}"
    );
    let mut sorted = rows.clone();
    sorted.sort();
    assert_eq!(rows, sorted, "rows are sorted");
    // `-` reads the same articles as JSON Lines records on stdin.
    let out = tmp.path().join("ev2.tsv");
    ok(&run_with_stdin(
        &["gather", "-", "-o", out.to_str().unwrap()],
        &records(),
    ));
    assert_eq!(std::fs::read_to_string(out).unwrap(), file);
}

#[test]
fn merged_parts_equal_the_whole_whatever_the_order_and_threads() {
    let all = articles(&[("a.txt", A), ("b.txt", B), ("c.txt", C), ("d.txt", A)]);
    let part1 = articles(&[("a.txt", A), ("c.txt", C)]);
    let part2 = articles(&[("b.txt", B), ("d.txt", A)]);
    let tmp = tempfile::tempdir().unwrap();
    let p = |n: &str| tmp.path().join(n);
    let whole = gather(&[all.path()], &p("all.tsv"), &["--threads", "3"]);
    assert!(whole.contains("person\tQuế Trân\t\t2"), "{whole}");
    gather(&[part1.path()], &p("1.tsv"), &[]);
    gather(&[part2.path()], &p("2.tsv"), &[]);
    let merged = gather(&[&p("2.tsv"), &p("1.tsv")], &p("m.tsv"), &["--merge"]);
    assert_eq!(merged, whole);
    let reversed = gather(&[&p("1.tsv"), &p("2.tsv")], &p("r.tsv"), &["--merge"]);
    assert_eq!(reversed, whole);
}

#[test]
fn extract_uses_the_whole_batch_unless_told_not_to() {
    let dir = articles(&[("a.txt", A), ("b.txt", B), ("c.txt", C)]);
    let tmp = tempfile::tempdir().unwrap();
    let run_extract = |name: &str, extra: &[&str]| {
        let out = tmp.path().join(name);
        let mut args = vec![
            "extract",
            dir.path().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--quiet",
        ];
        args.extend(extra);
        ok(&run(&args));
        std::fs::read_to_string(out.join("articles.jsonl")).unwrap()
    };
    let batch = run_extract("batch", &[]);
    let single = run_extract("single", &["--no-batch"]);
    let b_line = |all: &str| {
        all.lines()
            .find(|l| l.contains("\"id\":\"b\""))
            .unwrap()
            .to_string()
    };
    assert!(b_line(&batch).contains("person.known_name"), "{batch}");
    assert!(b_line(&batch).contains("\"BQLKKT\""), "{batch}");
    assert!(!b_line(&single).contains("Quế Trân"), "{single}");
    // Two passes by default = gather, then extract with that evidence.
    let ev = tmp.path().join("ev.tsv");
    gather(&[dir.path()], &ev, &[]);
    let with_file = run_extract("file", &["--evidence", ev.to_str().unwrap()]);
    assert_eq!(with_file, batch);
    assert_eq!(run_extract("threads", &["--threads", "3"]), batch);
}

#[test]
fn stream_batch_reads_all_records_first() {
    let batch = run_with_stdin(&["stream", "--batch", "--threads", "2"], &records());
    ok(&batch);
    let b = persons_of(&batch.stdout, "b");
    assert!(
        b.contains(&("Quế Trân".into(), "person.known_name".into())),
        "{b:?}"
    );
    assert!(b.iter().any(|(t, _)| t == "BQLKKT"), "{b:?}");
    // The same with the evidence gathered apart, and in another order.
    let tmp = tempfile::tempdir().unwrap();
    let ev = tmp.path().join("ev.tsv");
    ok(&run_with_stdin(
        &["gather", "-", "-o", ev.to_str().unwrap()],
        &records(),
    ));
    let with_file = run_with_stdin(&["stream", "--evidence", ev.to_str().unwrap()], &records());
    assert_eq!(with_file.stdout, batch.stdout);
    let reordered: String = records().lines().rev().map(|l| format!("{l}\n")).collect();
    let again = run_with_stdin(&["stream", "--batch"], &reordered);
    assert_eq!(persons_of(&again.stdout, "b"), b);
}

#[test]
fn a_bad_evidence_file_is_refused_before_anything_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let ev = tmp.path().join("ev.tsv");
    std::fs::write(&ev, "name,count\nQuế Trân,3\n").unwrap();
    let o = run_with_stdin(&["stream", "--evidence", ev.to_str().unwrap()], &records());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("not a vnextract evidence file"),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty());
}
