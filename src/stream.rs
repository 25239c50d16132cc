//! `vnextract stream`: JSON Lines records in on stdin, one contract line
//! out per input line, in input order. A malformed line gives
//! `{"line": N, "error": "..."}` and the stream goes on.

use crate::extract::Engine;
use crate::model::Document;
use crate::output::article_json;
use rayon::prelude::*;
use serde::Deserialize;
use std::io::{self, BufRead, Write};

const BATCH: usize = 256;

#[derive(Deserialize)]
struct Record {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// A JSON Lines record as a document, or why it is not one.
pub fn parse_record(line: &str) -> Result<Document, String> {
    let r = serde_json::from_str::<Record>(line)
        .map_err(|e| format!("not a record {{\"id\",\"text\",\"date\"?,\"title\"?}}: {e}"))?;
    let id = match r.id {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    };
    Ok(Document {
        id,
        path: None,
        text: r.text,
        date: r
            .date
            .as_deref()
            .and_then(crate::input::metadata::normalise_date),
        title: r.title,
        ..Document::default()
    })
}

/// One output line for one input line (1-based `line` number).
pub fn process_line(engine: &Engine, line_no: usize, line: &str) -> String {
    match parse_record(line) {
        Ok(doc) => {
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.process(&doc))) {
                Ok(a) => article_json(&a),
                Err(_) => error_line(line_no, "extraction failed on this record"),
            }
        }
        Err(e) => error_line(line_no, &e),
    }
}

fn error_line(line_no: usize, msg: &str) -> String {
    serde_json::json!({"line": line_no, "error": msg}).to_string()
}

/// Serve a whole stream. Blank lines are skipped (they are not records).
pub fn run_stream<R: BufRead, W: Write>(
    engine: &Engine,
    pool: &rayon::ThreadPool,
    input: R,
    mut output: W,
) -> io::Result<()> {
    let mut batch: Vec<(usize, Result<String, String>)> = Vec::with_capacity(BATCH);
    let flush =
        |batch: &mut Vec<(usize, Result<String, String>)>, output: &mut W| -> io::Result<()> {
            let lines: Vec<String> = pool.install(|| {
                batch
                    .par_iter()
                    .map(|(n, l)| match l {
                        Ok(l) => process_line(engine, *n, l),
                        Err(msg) => error_line(*n, msg),
                    })
                    .collect()
            });
            for l in lines {
                output.write_all(l.as_bytes())?;
                output.write_all(b"\n")?;
            }
            batch.clear();
            output.flush()
        };
    for (i, line) in input.split(b'\n').enumerate() {
        let raw = line?;
        let item = match String::from_utf8(raw) {
            Ok(t) if t.trim().is_empty() => continue,
            Ok(t) => Ok(t.trim_end_matches('\r').to_string()),
            Err(e) => Err(format!(
                "not valid UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            )),
        };
        batch.push((i + 1, item));
        if batch.len() == BATCH {
            flush(&mut batch, &mut output)?;
        }
    }
    flush(&mut batch, &mut output)
}
