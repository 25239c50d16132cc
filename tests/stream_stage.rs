//! `vnextract stream` as a pipe stage: answers each record as soon as it
//! can (in order), reads a byte order mark, keeps errors on their own
//! record lines, and ends cleanly when either end of the pipe closes.

mod support;

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::Duration;
use support::bin;

fn spawn(args: &[&str]) -> Child {
    bin()
        .arg("stream")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn record(id: usize) -> String {
    format!(
        "{{\"id\": \"r{id}\", \"text\": \"Ngày {}/6/2020, ông Lê Văn Nam đến Hà Nội.\", \"date\": \"2020-07-01\"}}\n",
        id % 28 + 1
    )
}

#[test]
fn each_record_is_answered_before_the_next_is_sent() {
    let mut child = spawn(&["--threads", "2"]);
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    for i in 0..3 {
        stdin.write_all(record(i).as_bytes()).unwrap();
        stdin.flush().unwrap();
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("an answer while the input stays open");
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], format!("r{i}"));
    }
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn many_records_come_back_in_order_with_errors_on_their_lines() {
    let mut input = String::from("\u{FEFF}");
    for i in 0..300 {
        if i % 50 == 7 {
            input.push_str("{not json\n");
        } else {
            input.push_str(&record(i));
        }
    }
    let mut child = spawn(&["--threads", "2"]);
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        stdin.write_all(input.as_bytes()).unwrap();
        stdin.write_all(b"\xff\xfe broken\n").unwrap();
    });
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .expect("only UTF-8 JSON on stdout")
        .lines()
        .map(|l| serde_json::from_str(l).expect("only JSON lines on stdout"))
        .collect();
    assert_eq!(lines.len(), 301);
    for (i, v) in lines.iter().enumerate().take(300) {
        if i % 50 == 7 {
            assert_eq!(v["line"], i + 1);
            assert!(v["error"].is_string());
        } else {
            // The byte order mark does not spoil the first record.
            assert_eq!(v["id"], format!("r{i}"), "{v}");
        }
    }
    assert_eq!(lines[300]["line"], 301);
    assert!(lines[300]["error"].as_str().unwrap().contains("UTF-8"));
}

#[test]
fn a_closed_output_ends_the_stream_quietly() {
    let mut child = spawn(&["--threads", "2"]);
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let writer = std::thread::spawn(move || {
        // The reader goes away early: writing may fail from then on.
        for i in 0..20_000 {
            if stdin.write_all(record(i).as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut first = String::new();
    BufReader::new(stdout).read_line(&mut first).unwrap();
    assert!(first.contains("\"r0\""), "{first}");
    // Dropping the reader closes the pipe.
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.is_empty(), "{err}");
    assert_eq!(o.status.code(), Some(0));
}

/// Reads lines of a child's stdout on a thread, to wait for them with a timeout.
fn answers(child: &mut Child) -> mpsc::Receiver<String> {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    rx
}

#[test]
fn rules_are_loaded_once_when_the_stream_starts() {
    let rules = tempfile::tempdir().unwrap();
    let o = bin()
        .args(["rules", "export", &rules.path().display().to_string()])
        .output()
        .unwrap();
    assert!(o.status.success());
    let mut child = spawn(&[
        "--threads",
        "2",
        "--rules",
        &rules.path().display().to_string(),
    ]);
    let mut stdin = child.stdin.take().unwrap();
    let rx = answers(&mut child);
    stdin.write_all(record(0).as_bytes()).unwrap();
    stdin.flush().unwrap();
    let first = rx.recv_timeout(Duration::from_secs(60)).unwrap();
    // Rule files broken while the stream runs change nothing: they were
    // read once, before the first record.
    std::fs::write(rules.path().join("dates.json"), "{ broken").unwrap();
    stdin.write_all(record(0).as_bytes()).unwrap();
    stdin.flush().unwrap();
    let second = rx.recv_timeout(Duration::from_secs(60)).unwrap();
    assert_eq!(first, second);
    assert!(first.contains("\"type\":\"date\""), "{first}");
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Threads of a running process (Linux).
fn threads_of(child: &Child) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// Start `stream` with a command prefix (`taskset`), answer one record,
/// and count its threads while it waits for more.
fn threads_serving(prefix: &[&str], args: &[&str]) -> usize {
    let exe = env!("CARGO_BIN_EXE_vnextract");
    let mut cmd = std::process::Command::new(prefix.first().copied().unwrap_or(exe));
    if !prefix.is_empty() {
        cmd.args(&prefix[1..]).arg(exe);
    }
    let mut child = cmd
        .arg("stream")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let rx = answers(&mut child);
    stdin.write_all(record(1).as_bytes()).unwrap();
    stdin.flush().unwrap();
    rx.recv_timeout(Duration::from_secs(60)).unwrap();
    let n = threads_of(&child);
    drop(stdin);
    child.wait().unwrap();
    n
}

#[test]
#[cfg(target_os = "linux")]
fn threads_default_to_the_cores_the_process_is_given() {
    if std::process::Command::new("taskset")
        .arg("--version")
        .output()
        .is_err()
    {
        panic!("taskset (util-linux) is needed by this test");
    }
    // One core given (CPU affinity, as an executor's cgroup or taskset
    // gives): as many threads as with --threads 1, fewer than with 3.
    let one_core = threads_serving(&["taskset", "-c", "0"], &[]);
    let one = threads_serving(&[], &["--threads", "1"]);
    let three = threads_serving(&[], &["--threads", "3"]);
    assert_eq!(one_core, one);
    assert_eq!(three, one + 2);
}
