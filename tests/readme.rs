//! The README's examples work as printed: every ```sh block is run, in
//! order, in a folder holding copies of `corpus/` and `rules/`, with the
//! built `vnextract` first on the PATH.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// The lines of every ```sh block.
fn examples(readme: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in readme.lines() {
        match line.trim() {
            "```sh" => inside = true,
            "```" => inside = false,
            l if inside && !l.is_empty() => out.push(l.to_string()),
            _ => {}
        }
    }
    out
}

#[test]
fn every_example_of_the_readme_runs() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let lines = examples(&readme);
    for option in [
        "-o ",
        "--excel",
        "--types",
        "--context",
        "--reference-date",
        "--relative-dates",
        "--rules",
        "--threads",
        "--force",
        "--quiet",
        "vnextract stream",
    ] {
        assert!(
            lines.iter().any(|l| l.contains(option)),
            "the README has no example of {option}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("corpus"), &dir.path().join("corpus"));
    copy_dir(&root().join("rules"), &dir.path().join("rules"));
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_vnextract")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for line in &lines {
        let o = Command::new("sh")
            .args(["-c", line])
            .current_dir(dir.path())
            .env("PATH", &path)
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "`{line}` failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        if line.contains("vnextract stream") {
            let out = String::from_utf8(o.stdout).unwrap();
            let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
            assert_eq!(v["entities"][0]["value"], "2022-11-04");
        }
    }
    let d = dir.path();
    assert!(d.join("out/vnextract.xlsx").exists() || d.join("out/dates.csv").exists());
    assert!(d.join("out-all/sentences.csv").is_file());
    assert!(!d.join("out-dates/units.csv").exists());
    assert_eq!(
        std::fs::read_to_string(d.join("reports/notes.txt")).unwrap(),
        "my notes\n"
    );
    assert!(d.join("reports/persons.csv").is_file());
    let records = std::fs::read_to_string(d.join("out-records/articles.jsonl")).unwrap();
    assert!(records.contains("\"id\":\"r1\""), "{records}");
    // The custom abbreviation is known to the run that used the rules folder.
    assert!(
        std::fs::read_to_string(d.join("my-rules/lexicon/abbreviations.csv"))
            .unwrap()
            .ends_with("XYZQ,Ủy ban Thử nghiệm Quốc gia,unit\n")
    );
}
