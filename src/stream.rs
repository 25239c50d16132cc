//! `vnextract stream`: JSON Lines records in on stdin, one line out per
//! record, in input order, each flushed as soon as it and every line
//! before it are done: a pipe stage (Spark's `RDD.pipe`, a shell pipe).
//!
//! - Rules are loaded once per process; records are extracted in parallel
//!   with a bounded window, so memory stays bounded on an endless stream.
//! - A record that cannot be read gives `{"line": N, "error": "..."}` on
//!   its own line (with its `id` when it has one) and the stream goes on;
//!   nothing but contract lines and such error lines is ever written on
//!   stdout.
//! - A closed stdin ends the stream after the last line is written; a
//!   closed stdout (the reader went away) ends it quietly.

use crate::extract::Engine;
use crate::extract::calendar::Ymd;
use crate::model::Document;
use crate::output::article_json;
use crate::pipeline::{Stop, ordered};
use serde::Deserialize;
use std::io::{self, BufRead, Write};
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

/// Records the workers may run ahead of the output.
const WINDOW: usize = 256;
const WINDOW_BYTES: usize = 64 << 20;

#[derive(Deserialize)]
struct Record {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
}

/// Why a record gives an error line instead of a contract line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRecord {
    /// The record's id, when it could be read.
    pub id: Option<String>,
    pub message: String,
}

/// A JSON Lines record as a document, or why it is not one. A `date`
/// that is present but not a calendar date is an error (the year of the
/// record's dates would silently change without it).
pub fn read_record(line: &str) -> Result<Document, BadRecord> {
    let r = serde_json::from_str::<Record>(line).map_err(|e| BadRecord {
        id: None,
        message: format!("not a record {{\"id\",\"text\",\"date\"?,\"title\"?}}: {e}"),
    })?;
    let id = match r.id {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    };
    let date = match r.date {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => None,
        Some(v) => {
            let written = v.as_str().map_or_else(|| v.to_string(), str::to_string);
            let read = crate::input::metadata::normalise_date(&written)
                .filter(|d| Ymd::parse(d).is_some());
            match read {
                Some(d) => Some(d),
                None => {
                    return Err(BadRecord {
                        id: Some(id),
                        message: format!(
                            "`date` is `{written}`, not a date YYYY-MM-DD (or YYYYMMDD): \
                             correct it or leave it out"
                        ),
                    });
                }
            }
        }
    };
    Ok(Document {
        id,
        path: None,
        text: r.text,
        date,
        title: r.title,
        ..Document::default()
    })
}

/// [`read_record`] with the reason as a message (the `.jsonl` input of
/// `extract` puts it in errors.csv).
pub fn parse_record(line: &str) -> Result<Document, String> {
    read_record(line).map_err(|b| b.message)
}

/// One output line for one input line (1-based `line` number).
pub fn process_line(engine: &Engine, line_no: usize, line: &str) -> String {
    match read_record(line) {
        Ok(doc) => {
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.process(&doc))) {
                Ok(a) => article_json(&a),
                Err(_) => error_line(
                    line_no,
                    Some(&doc.id),
                    "extraction failed on this record (a bug: please report it)",
                ),
            }
        }
        Err(bad) => error_line(line_no, bad.id.as_deref(), &bad.message),
    }
}

fn error_line(line_no: usize, id: Option<&str>, msg: &str) -> String {
    match id {
        Some(id) => serde_json::json!({"line": line_no, "id": id, "error": msg}),
        None => serde_json::json!({"line": line_no, "error": msg}),
    }
    .to_string()
}

/// The input's lines as (line number, text or why it is not text); blank
/// lines are skipped, a UTF-8 byte order mark at the start is dropped. A
/// read error ends the lines and is kept for the caller.
struct Lines<'a, R> {
    input: io::Split<R>,
    line: usize,
    failed: &'a Mutex<Option<io::Error>>,
}

impl<R: BufRead> Iterator for Lines<'_, R> {
    type Item = (usize, Result<String, String>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let raw = match self.input.next()? {
                Ok(raw) => raw,
                Err(e) => {
                    *self.failed.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
                    return None;
                }
            };
            self.line += 1;
            let raw = match raw.strip_prefix("\u{FEFF}".as_bytes()) {
                Some(rest) if self.line == 1 => rest.to_vec(),
                _ => raw,
            };
            let item = match String::from_utf8(raw) {
                Ok(t) if t.trim().is_empty() => continue,
                Ok(t) => Ok(t.trim_end_matches('\r').to_string()),
                Err(e) => Err(format!(
                    "not valid UTF-8 at byte {}",
                    e.utf8_error().valid_up_to()
                )),
            };
            return Some((self.line, item));
        }
    }
}

/// Serve a whole stream. Returns when the input ends (every line written)
/// or the output is closed (quietly: `Ok`); other errors are returned.
pub fn run_stream<R: BufRead + Send, W: Write>(
    engine: &Engine,
    pool: &rayon::ThreadPool,
    input: R,
    output: W,
    cancel: &AtomicBool,
) -> io::Result<()> {
    let failed = Mutex::new(None);
    let lines = Lines {
        input: input.split(b'\n'),
        line: 0,
        failed: &failed,
    };
    answer_lines(
        pool,
        lines,
        cancel,
        |(n, line)| match line {
            Ok(l) => process_line(engine, n, &l),
            Err(msg) => error_line(n, None, &msg),
        },
        output,
        &failed,
    )
}

/// The pipe-stage loop of `stream` and `stream --parts`: each item's
/// answer made on the pool and written in input order as one flushed line;
/// a closed output ends the stream quietly; then the first error met while
/// reading the input, if any.
pub(crate) fn answer_lines<I: Send, W: Write>(
    pool: &rayon::ThreadPool,
    items: impl Iterator<Item = I> + Send,
    cancel: &AtomicBool,
    answer: impl Fn(I) -> String + Sync,
    mut output: W,
    read_error: &Mutex<Option<io::Error>>,
) -> io::Result<()> {
    let result = ordered(
        pool,
        items,
        WINDOW,
        WINDOW_BYTES,
        cancel,
        answer,
        String::len,
        |line| {
            output.write_all(line.as_bytes())?;
            output.write_all(b"\n")?;
            output.flush()
        },
    );
    match result {
        Ok(()) | Err(Stop::Cancelled) => {}
        Err(Stop::Failed(e)) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(()),
        Err(Stop::Failed(e)) => return Err(e),
    }
    match read_error.lock().unwrap_or_else(|e| e.into_inner()).take() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_dates_are_refused_with_the_id() {
        let bad = read_record(r#"{"id": "a", "text": "x", "date": "2022-02-30"}"#).unwrap_err();
        assert_eq!(bad.id.as_deref(), Some("a"));
        assert!(bad.message.contains("2022-02-30"), "{}", bad.message);
        assert!(read_record(r#"{"id": "a", "text": "x", "date": "hôm qua"}"#).is_err());
        let ok = read_record(r#"{"id": 7, "text": "x", "date": "20220228"}"#).unwrap();
        assert_eq!(
            (ok.id.as_str(), ok.date.as_deref()),
            ("7", Some("2022-02-28"))
        );
        let none = read_record(r#"{"id": "b", "text": "x", "date": null}"#).unwrap();
        assert_eq!(none.date, None);
    }
}
