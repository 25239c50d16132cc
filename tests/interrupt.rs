//! Atomic outputs: a run interrupted by SIGINT or SIGTERM leaves the
//! previous run's outputs whole (same bytes) and no temporary file.

mod support;

use std::process::Stdio;
use std::time::{Duration, Instant};
use support::{bin, files_in, stderr};

/// Many small articles, so that a run lasts long enough to be interrupted.
fn many_articles(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        // Long enough that even a release build is still at work when the
        // signal comes.
        let text: String = (0..12)
            .map(|k| {
                format!(
                    "Ngày {}/{}/2020, ông Lê Văn Nam, Chủ tịch UBND xã số {i}, đã họp với Sở Y tế \
                     về kế hoạch số {k}{i}/KH-UBND. Bà Trần Thị Mai cho biết công việc đang tiến \
                     triển tốt.\n",
                    (i + k) % 28 + 1,
                    (i + k) % 12 + 1
                )
            })
            .collect();
        std::fs::write(dir.path().join(format!("a{i:05}.txt")), text).unwrap();
    }
    dir
}

fn interrupt_with(signal: &str, code: i32) {
    let input = many_articles(3000);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    // A previous complete run, over a few of the articles.
    let first = tempfile::tempdir().unwrap();
    for i in 0..3 {
        let name = format!("a{i:05}.txt");
        std::fs::copy(input.path().join(&name), first.path().join(&name)).unwrap();
    }
    let o = bin()
        .args([
            "extract",
            first.path().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--excel",
            "--quiet",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let before = files_in(&out);
    assert!(before.contains_key("vnextract.xlsx") && before.contains_key("dates.csv"));

    // The long run, interrupted once it has started writing.
    let mut child = bin()
        .args([
            "extract",
            input.path().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--quiet",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let temp = out.join(".articles.jsonl.vnextract-tmp");
    while !temp.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the run never started writing"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before it was interrupted"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    // Let it write a while.
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the run ended before it was interrupted"
    );
    let killed = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(code), "{}", stderr(&o));
    assert!(stderr(&o).contains("interrupted"), "{}", stderr(&o));
    assert_eq!(
        files_in(&out),
        before,
        "the previous outputs are whole and alone"
    );
}

#[test]
fn sigint_leaves_the_previous_outputs_whole() {
    interrupt_with("-INT", 130);
}

#[test]
fn sigterm_leaves_the_previous_outputs_whole() {
    interrupt_with("-TERM", 143);
}
