//! `extract --shard K/N` and `vnextract merge`: the shares of a run, put
//! together, are the run. The union of the shares' per-article tables is
//! the unsharded run's, and their merge (also of the part lines of
//! `stream --parts`, as a cluster job makes them) gives every file of the
//! unsharded run byte for byte, the run-wide tables included.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use support::{articles, bin, run, stderr};

const PER_ARTICLE: &[&str] = &[
    "articles.csv",
    "dates.csv",
    "persons.csv",
    "titles.csv",
    "units.csv",
    "resolutions.csv",
    "article_people.csv",
    "errors.csv",
];
const ALL_FILES: &[&str] = &[
    "articles.jsonl",
    "articles.csv",
    "dates.csv",
    "persons.csv",
    "titles.csv",
    "units.csv",
    "resolutions.csv",
    "article_people.csv",
    "people.csv",
    "documents.csv",
    "errors.csv",
];

fn unc() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/unc-2020")
}

/// A folder of my own with what makes shares hard: ids that collide
/// (`a.txt`, `a.text`), a records file with a broken record, a file that
/// cannot be decoded, the same person and document in many articles.
fn messy() -> tempfile::TempDir {
    let mut files: Vec<(String, String)> = vec![
        ("a.txt".into(), "Ông Lê Văn An làm việc tại Hà Nội.".into()),
        ("a.text".into(), "Bà Trần Thị Bình gặp ông An.".into()),
        (
            "r.jsonl".into(),
            "{\"id\": \"r1\", \"text\": \"Ông Lê Văn An ký Quyết định số 12/QĐ-UBND.\", \"date\": \"2020-05-01\"}\n{broken\n{\"id\": \"r2\", \"text\": \"Ngày 3/4, bà Bình đến.\", \"date\": \"2020-05-02\"}\n"
                .into(),
        ),
    ];
    for i in 0..40 {
        files.push((
            format!("sub/b{i}.txt"),
            format!(
                "# date = 2020-0{}-1{}\nNgày {}/6, ông Lê Văn An, Chủ tịch UBND tỉnh, và ông Phạm Minh {} \
                 thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị.",
                i % 9 + 1,
                i % 10,
                i % 28 + 1,
                ["Cường", "Dũng", "Hải"][i % 3]
            ),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = articles(&refs);
    std::fs::write(dir.path().join("bad.txt"), [0xff, 0xfe, 0x00, 0xd8, 0x41]).unwrap();
    dir
}

fn extract(inputs: &[&Path], out: &Path, extra: &[&str]) {
    let mut args: Vec<String> = vec!["extract".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(
        [
            "-o",
            &out.display().to_string(),
            "--quiet",
            "--threads",
            "2",
        ]
        .map(String::from),
    );
    args.extend(extra.iter().map(|s| s.to_string()));
    let o = bin().args(&args).output().unwrap();
    // Exit 1 when some input could not be read (the messy folder).
    assert!(o.status.code().unwrap() <= 1, "{}", stderr(&o));
}

/// The rows of a CSV file, header left out.
fn rows(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    r.records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect()
}

fn same_files(a: &Path, b: &Path) {
    for f in ALL_FILES {
        let (x, y) = (
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
        );
        assert!(
            x == y,
            "{f} differs between {} and {}",
            a.display(),
            b.display()
        );
    }
}

/// The batch evidence of the whole input, gathered once (`vnextract gather`).
fn gather(inputs: &[&Path], tmp: &Path) -> PathBuf {
    let file = tmp.join("batch.evidence");
    let mut args: Vec<String> = vec!["gather".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(["-o".into(), file.display().to_string()]);
    let o = bin().args(&args).output().unwrap();
    assert!(o.status.code().unwrap() <= 1, "{}", stderr(&o));
    file
}

/// Shard 1/3..3/3 of `inputs`, extracted with the evidence gathered over
/// the whole input, against the whole run (two passes, the default);
/// returns the whole run's folder, the shard folders and the evidence.
fn check_shards(inputs: &[&Path], tmp: &Path) -> (PathBuf, Vec<PathBuf>, PathBuf) {
    let whole = tmp.join("whole");
    extract(inputs, &whole, &[]);
    let evidence = gather(inputs, tmp);
    let ev = evidence.display().to_string();
    let shards: Vec<PathBuf> = (1..=3).map(|k| tmp.join(format!("s{k}"))).collect();
    for (k, dir) in shards.iter().enumerate() {
        let shard = format!("{}/3", k + 1);
        extract(inputs, dir, &["--shard", &shard, "--evidence", &ev]);
    }
    // Every share has some of the articles; together all of them, once.
    for f in PER_ARTICLE {
        let mut union: Vec<Vec<String>> = shards.iter().flat_map(|d| rows(&d.join(f))).collect();
        let mut expected = rows(&whole.join(f));
        union.sort();
        expected.sort();
        assert_eq!(union, expected, "{f}");
    }
    for d in &shards {
        assert!(rows(&d.join("articles.csv")).len() < rows(&whole.join("articles.csv")).len());
    }
    let mut lines: Vec<String> = shards
        .iter()
        .flat_map(|d| {
            std::fs::read_to_string(d.join("articles.jsonl"))
                .unwrap()
                .lines()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut expected: Vec<String> = std::fs::read_to_string(whole.join("articles.jsonl"))
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    lines.sort();
    expected.sort();
    assert_eq!(lines, expected);
    (whole, shards, evidence)
}

fn merge(inputs: &[PathBuf], out: &Path) -> std::process::Output {
    let mut args: Vec<String> = vec!["merge".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(["-o".into(), out.display().to_string(), "--quiet".into()]);
    bin().args(&args).output().unwrap()
}

#[test]
fn shards_of_the_shared_corpus_merge_into_the_whole_run() {
    let tmp = tempfile::tempdir().unwrap();
    let (whole, shards, _) = check_shards(&[&unc()], tmp.path());
    let merged = tmp.path().join("merged");
    let o = merge(&shards, &merged);
    assert!(o.status.success(), "{}", stderr(&o));
    same_files(&whole, &merged);
    // The run-wide tables are not a union: each share's has fewer rows.
    let people = rows(&whole.join("people.csv"));
    assert!(people.len() > 100);
    assert!(shards.iter().all(|s| rows(&s.join("people.csv")) != people));
}

#[test]
fn shards_of_a_messy_folder_merge_into_the_whole_run() {
    let dir = messy();
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("not-there");
    let inputs = [dir.path(), missing.as_path()];
    let (whole, shards, evidence) = check_shards(&inputs, tmp.path());
    let errors = std::fs::read_to_string(whole.join("errors.csv")).unwrap();
    for kind in ["not-found", "bad-record", "undecodable", "duplicate-id"] {
        assert!(errors.contains(kind), "{kind}: {errors}");
    }
    let merged = tmp.path().join("merged");
    // Shares in any order.
    let reversed: Vec<PathBuf> = shards.iter().rev().cloned().collect();
    let o = merge(&reversed, &merged);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    same_files(&whole, &merged);
    // One row for the person of every share: the 40 articles of `sub/` and more.
    let people: BTreeMap<String, u32> = rows(&merged.join("people.csv"))
        .into_iter()
        .map(|r| (r[0].clone(), r[2].parse().unwrap()))
        .collect();
    assert!(people["Lê Văn An"] > 40, "{people:?}");
    refusals(dir.path(), &shards, tmp.path());
    pipe_stage(&inputs, &whole, &evidence, tmp.path());
}

/// A merge refuses shares that are not one whole run.
fn refusals(input: &Path, s: &[PathBuf], tmp: &Path) {
    let out = tmp.join("refused");
    let o = merge(&s[..2], &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("share 3/3 missing"), "{}", stderr(&o));
    let o = merge(&[s[0].clone(), s[1].clone(), s[1].clone()], &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("both share 2/3"), "{}", stderr(&o));
    let other = tmp.join("other");
    extract(
        &[input],
        &other,
        &["--shard", "3/3", "--types", "date", "--no-batch"],
    );
    let o = merge(&[s[0].clone(), s[1].clone(), other], &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--types"), "{}", stderr(&o));
    assert!(!out.exists());
    assert_eq!(
        run(&["extract", "x", "--shard", "4/3"]).status.code(),
        Some(2)
    );
}

/// The part lines of `stream --parts` (as a cluster job makes them from
/// the lines of `list`, with the gathered evidence) merge into the whole run.
fn pipe_stage(inputs: &[&Path], whole: &Path, evidence: &Path, tmp: &Path) {
    let mut args = vec!["list".to_string()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    let list = bin().args(&args).output().unwrap();
    let units = String::from_utf8(list.stdout).unwrap();
    let lines: Vec<&str> = units.lines().collect();
    assert!(lines[0].contains("not-found"), "{}", lines[0]);
    // Two partitions, as a cluster job would cut them.
    let parts = tmp.join("parts");
    std::fs::create_dir(&parts).unwrap();
    let cut = lines.len() / 2;
    for (k, chunk) in [&lines[..cut], &lines[cut..]].iter().enumerate() {
        let mut child = bin()
            .args(["stream", "--threads", "2"])
            .args(["--parts", &format!("{}/2", k + 1)])
            .arg("--evidence")
            .arg(evidence)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let input = chunk.join("\n") + "\n";
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            use std::io::Write;
            stdin.write_all(input.as_bytes()).unwrap();
        });
        let o = child.wait_with_output().unwrap();
        writer.join().unwrap();
        assert!(o.status.success());
        std::fs::write(parts.join(format!("part-{k:05}")), o.stdout).unwrap();
    }
    let merged = tmp.join("merged-parts");
    let o = merge(&[parts], &merged);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    same_files(whole, &merged);
}

#[test]
fn an_empty_share_is_a_share() {
    let dir = articles(&[("only.txt", "Ông Lê Văn An đến Hà Nội ngày 4/5/2020.")]);
    let tmp = tempfile::tempdir().unwrap();
    let whole = tmp.path().join("whole");
    extract(&[dir.path()], &whole, &["--no-batch"]);
    let s: Vec<PathBuf> = (1..=2).map(|k| tmp.path().join(format!("s{k}"))).collect();
    for (k, d) in s.iter().enumerate() {
        let o = run(&[
            "extract",
            &dir.path().display().to_string(),
            "-o",
            &d.display().to_string(),
            "--shard",
            &format!("{}/2", k + 1),
            "--quiet",
            "--no-batch",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let sizes: Vec<usize> = s
        .iter()
        .map(|d| rows(&d.join("articles.csv")).len())
        .collect();
    assert_eq!(sizes.iter().sum::<usize>(), 1);
    let merged = tmp.path().join("merged");
    assert!(merge(&s, &merged).status.success());
    same_files(&whole, &merged);
}
