//! Records as crawlers write them: JSON Lines, a JSON array, or JSON
//! values one after another, with the crawler's own field names
//! (`--id-field`, `--text-field title,sapo,body`, `--date-field`,
//! `--title-field`; dotted names reach into nested objects). Records are
//! read one at a time, so a file of any size is never held whole.

use super::dates::{DateProblem, date_of_unix_time, parse_date};
use super::html::{fragment_text, looks_like_html, read_page};
use crate::model::{Document, Notice};
use serde_json::Value;
use std::io::{BufRead, Read};

/// Which fields of a record hold what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFields {
    pub id: String,
    /// Joined with a line break, in this order; missing or empty ones skipped.
    pub text: Vec<String>,
    pub date: String,
    pub title: String,
}

impl Default for RecordFields {
    fn default() -> RecordFields {
        RecordFields {
            id: "id".into(),
            text: vec!["text".into()],
            date: "date".into(),
            title: "title".into(),
        }
    }
}

impl RecordFields {
    fn describe_text(&self) -> String {
        self.text
            .iter()
            .map(|f| format!("`{f}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A UTF-8 byte order mark at the start of a line or stream is not part
/// of the record (Windows tools write one at the start of a file).
pub fn strip_bom(line: &str) -> &str {
    line.strip_prefix('\u{FEFF}').unwrap_or(line)
}

/// A field by name: the key itself, else a dotted path into objects.
fn lookup<'a>(record: &'a Value, name: &str) -> Option<&'a Value> {
    if let Some(v) = record.get(name) {
        return Some(v);
    }
    name.split('.').try_fold(record, |v, key| v.get(key))
}

/// A field's text: strings as they are, numbers written out, arrays of
/// strings one per line; `null` and empty strings are no text.
fn text_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .filter_map(text_of)
            .collect::<Vec<_>>()
            .join("\n"),
        _ => return None,
    };
    (!s.trim().is_empty()).then_some(s)
}

/// One record as a document. `fallback_id` names a record without an id.
pub fn parse_record(
    json: &str,
    fields: &RecordFields,
    fallback_id: &str,
) -> Result<Document, String> {
    let record: Value =
        serde_json::from_str(strip_bom(json)).map_err(|e| format!("not valid JSON: {e}"))?;
    if !record.is_object() {
        return Err("not a record (a JSON object)".into());
    }
    let id = lookup(&record, &fields.id)
        .and_then(text_of)
        .unwrap_or_else(|| fallback_id.to_string());
    let mut doc = Document {
        id,
        ..Document::default()
    };
    let mut parts = Vec::new();
    let mut page_title = None;
    let mut page_date = None;
    for name in &fields.text {
        let Some(raw) = lookup(&record, name).and_then(text_of) else {
            continue;
        };
        let text = if !looks_like_html(&raw) {
            raw
        } else if raw.to_ascii_lowercase().contains("<html") {
            let page = read_page(&raw).map_err(|e| format!("field `{name}`: {e}"))?;
            page_title = page_title.or(page.title);
            page_date = page_date.or(page.date);
            page.text
        } else {
            fragment_text(&raw).map_err(|e| format!("field `{name}`: {e}"))?
        };
        if !text.trim().is_empty() {
            parts.push(text);
        }
    }
    if parts.is_empty() {
        return Err(format!(
            "no text: none of the fields {} holds any",
            fields.describe_text()
        ));
    }
    doc.text = parts.join("\n");
    doc.title = lookup(&record, &fields.title)
        .and_then(text_of)
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .or(page_title);
    match lookup(&record, &fields.date).map(date_value) {
        None | Some(Ok(None)) => doc.date = page_date,
        Some(Ok(Some(d))) => doc.date = Some(d),
        Some(Err((shown, e))) => {
            doc.date = page_date;
            doc.notices.push(Notice {
                kind: "bad-date",
                message: format!(
                    "field `{}` value {shown} refused ({e}); the article is read without it",
                    fields.date
                ),
            })
        }
    }
    Ok(doc)
}

/// A date field: a string in any format [`parse_date`] reads, or a Unix
/// time (seconds, or milliseconds when that large). `null` or "" is none.
fn date_value(v: &Value) -> Result<Option<String>, (String, DateProblem)> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => parse_date(s).map(Some).map_err(|e| (format!("`{s}`"), e)),
        Value::Number(n) => {
            let secs = n.as_i64().ok_or((n.to_string(), DateProblem::Unreadable))?;
            let secs = if secs.abs() > 100_000_000_000 {
                secs / 1000
            } else {
                secs
            };
            date_of_unix_time(secs)
                .map(Some)
                .map_err(|e| (n.to_string(), e))
        }
        other => Err((other.to_string(), DateProblem::Unreadable)),
    }
}

/// How a records file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One record per line (`.jsonl`, `.ndjson`): a broken line is one bad
    /// record and the next line starts afresh.
    Lines,
    /// A JSON array of records, or records one after another (`.json`).
    Json,
}

/// One record's text and where it is: its line in a JSON Lines file, its
/// number (1-based) in a JSON file (whose records may share a line).
pub type RawRecord = (usize, Result<String, String>);

/// Records of one file, read lazily.
pub struct RecordReader<R: BufRead> {
    input: R,
    layout: Layout,
    line: usize,
    records: usize,
    started: bool,
    in_array: bool,
    done: bool,
}

impl<R: BufRead> RecordReader<R> {
    pub fn new(input: R, layout: Layout) -> Self {
        RecordReader {
            input,
            layout,
            line: 1,
            records: 0,
            started: false,
            in_array: false,
            done: false,
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.input.fill_buf().ok()?.first().copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.input.consume(1);
        if b == b'\n' {
            self.line += 1;
        }
        Some(b)
    }

    fn skip_bom(&mut self) {
        if self
            .input
            .fill_buf()
            .is_ok_and(|b| b.starts_with(b"\xEF\xBB\xBF"))
        {
            self.input.consume(3);
        }
    }

    fn next_line(&mut self) -> Option<RawRecord> {
        loop {
            let mut buf = Vec::new();
            let n = match self.input.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    return Some((self.line, Err(e.to_string())));
                }
            };
            let line = self.line;
            self.line += usize::from(buf.ends_with(b"\n"));
            debug_assert!(n == buf.len());
            match String::from_utf8(buf) {
                Ok(t) if t.trim().is_empty() => continue,
                Ok(t) => return Some((line, Ok(t.trim_end_matches(['\n', '\r']).to_string()))),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    return Some((
                        line,
                        Err(format!("not valid UTF-8 at byte {at} of the line")),
                    ));
                }
            }
        }
    }

    /// The next top-level JSON value: brackets and strings are followed
    /// so that commas and brackets inside them do not end it.
    fn next_value(&mut self) -> Option<RawRecord> {
        while let Some(b) = self.peek() {
            if b.is_ascii_whitespace() || (self.in_array && b == b',') {
                self.bump();
            } else {
                break;
            }
        }
        let number = self.records + 1;
        let first = match self.peek() {
            None if self.in_array => {
                self.done = true;
                return Some((number, Err("the JSON array is not closed with `]`".into())));
            }
            None => return None,
            Some(b']') if self.in_array => {
                self.done = true;
                return None;
            }
            Some(b) => b,
        };
        self.records = number;
        let mut value = Vec::new();
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        while let Some(b) = self.peek() {
            if !in_string && depth == 0 && !value.is_empty() {
                let scalar_end = !matches!(first, b'{' | b'[' | b'"')
                    && (b.is_ascii_whitespace() || matches!(b, b',' | b']' | b'{' | b'['));
                if matches!(first, b'{' | b'[' | b'"') || scalar_end {
                    break;
                }
            }
            self.bump();
            value.push(b);
            if in_string {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        if in_string || depth > 0 {
            self.done = true;
            return Some((number, Err("the file ends inside this record".into())));
        }
        Some((
            number,
            String::from_utf8(value).map_err(|e| {
                format!(
                    "not valid UTF-8 at byte {} of the record",
                    e.utf8_error().valid_up_to()
                )
            }),
        ))
    }
}

impl<R: BufRead> Iterator for RecordReader<R> {
    type Item = RawRecord;

    fn next(&mut self) -> Option<RawRecord> {
        if self.done {
            return None;
        }
        if !self.started {
            self.started = true;
            self.skip_bom();
            if self.layout == Layout::Json {
                while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
                    self.bump();
                }
                if self.peek() == Some(b'[') {
                    self.bump();
                    self.in_array = true;
                }
            }
        }
        match self.layout {
            Layout::Lines => self.next_line(),
            Layout::Json => self.next_value(),
        }
    }
}

/// Read a whole records source into raw records (tests and small inputs).
pub fn read_all(input: impl Read, layout: Layout) -> Vec<RawRecord> {
    RecordReader::new(std::io::BufReader::new(input), layout).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &[&str]) -> RecordFields {
        RecordFields {
            id: "doc.id".into(),
            text: text.iter().map(|s| s.to_string()).collect(),
            date: "published".into(),
            title: "title".into(),
        }
    }

    #[test]
    fn crawler_fields_are_joined_and_html_is_read() {
        let json = r#"{"doc": {"id": 7}, "title": "Tin  mới", "sapo": "Tóm tắt.",
            "body": "<p>Ng&agrave;y 4/11 họp.</p><p>Kết thúc.</p>",
            "published": "Thứ năm, 05/11/2020 10:00"}"#;
        let d = parse_record(json, &fields(&["title", "sapo", "body"]), "f:1").unwrap();
        assert_eq!(d.id, "7");
        assert_eq!(d.text, "Tin  mới\nTóm tắt.\nNgày 4/11 họp.\nKết thúc.");
        assert_eq!(d.title.as_deref(), Some("Tin mới"));
        assert_eq!(d.date.as_deref(), Some("2020-11-05"));
        assert!(d.notices.is_empty());
    }

    #[test]
    fn missing_parts_and_bad_values() {
        let f = fields(&["title", "body"]);
        let d = parse_record(r#"{"body": "Chữ.", "published": "2021-02-29"}"#, &f, "f:3").unwrap();
        assert_eq!(d.id, "f:3");
        assert_eq!(d.text, "Chữ.");
        assert_eq!(d.date, None);
        assert_eq!(d.notices.len(), 1);
        assert_eq!(d.notices[0].kind, "bad-date");
        let d = parse_record(r#"{"body": "Chữ.", "published": 1601488800}"#, &f, "x").unwrap();
        assert_eq!(d.date.as_deref(), Some("2020-10-01"));
        let e = parse_record(r#"{"body": "  "}"#, &f, "x").unwrap_err();
        assert!(e.contains("`title`, `body`"), "{e}");
        assert!(parse_record("[1]", &f, "x").is_err());
        assert!(
            parse_record("{oops", &f, "x")
                .unwrap_err()
                .contains("not valid JSON")
        );
        // A byte order mark before the record is not an error.
        assert!(parse_record("\u{FEFF}{\"body\": \"a\"}", &f, "x").is_ok());
    }

    #[test]
    fn json_lines_with_bom_blank_and_broken_lines() {
        let input = "\u{FEFF}{\"a\": 1}\r\n\n{broken\n{\"b\": 2}";
        let recs = read_all(input.as_bytes(), Layout::Lines);
        assert_eq!(
            recs,
            vec![
                (1, Ok("{\"a\": 1}".into())),
                (3, Ok("{broken".into())),
                (4, Ok("{\"b\": 2}".into()))
            ]
        );
    }

    #[test]
    fn json_arrays_and_value_sequences() {
        let input = "\u{FEFF} [\n {\"t\": \"a, ] }\"},\n {\"t\": [1, {\"x\": 2}]} ,\n 3 ]";
        let recs = read_all(input.as_bytes(), Layout::Json);
        assert_eq!(
            recs,
            vec![
                (1, Ok("{\"t\": \"a, ] }\"}".into())),
                (2, Ok("{\"t\": [1, {\"x\": 2}]}".into())),
                (3, Ok("3".into()))
            ]
        );
        let seq = read_all("{\"a\":\n1}\n{\"b\":2}".as_bytes(), Layout::Json);
        assert_eq!(seq.len(), 2);
        assert_eq!(seq[1].0, 2);
        let open = read_all("[{\"a\": 1}, {\"b\": \"x".as_bytes(), Layout::Json);
        assert_eq!(open.len(), 2);
        assert!(open[1].1.is_err());
        let unclosed = read_all("[{\"a\": 1}".as_bytes(), Layout::Json);
        assert!(unclosed[1].1.as_ref().unwrap_err().contains("not closed"));
    }
}
