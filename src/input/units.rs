//! The run's articles in input order: each file, or each record of a
//! records file, read lazily so that a large input is never held whole.
//! This is also where ids are made unique: a run's ids are its articles'
//! keys in every table, so a second `a` (from `a.txt` and `a.text`, or the
//! same relative path under two input folders, or two records) becomes
//! `a~2` with a `duplicate-id` notice, in input order and so the same on
//! every run.

use super::records::{Layout, RecordReader, parse_record};
use super::{InputError, InputFile, InputOptions, read_document};
use crate::model::{Document, Notice};
use std::collections::HashSet;
use std::fs::File;
use std::io::BufReader;

/// One article to read.
#[derive(Debug, Clone)]
pub enum Unit {
    /// A file, read (decoded, parsed) by a worker; its id is already unique.
    File {
        file: InputFile,
        notice: Option<Notice>,
    },
    /// One record of a records file, parsed already (`place` is `file:line`).
    Record {
        place: String,
        doc: Result<Document, InputError>,
    },
    /// An input that could not even be opened.
    Failed(InputError),
}

impl Unit {
    /// Where the unit comes from, for error rows.
    pub fn place(&self) -> &str {
        match self {
            Unit::File { file, .. } => &file.display,
            Unit::Record { place, .. } => place,
            Unit::Failed(e) => &e.path,
        }
    }

    /// The unit's document (the costly reading of files happens here, in
    /// whichever thread calls it).
    pub fn read(&self) -> Result<Document, InputError> {
        match self {
            Unit::File { file, notice } => {
                let mut doc = read_document(file)?;
                doc.notices.extend(notice.clone());
                Ok(doc)
            }
            Unit::Record { doc, .. } => doc.clone(),
            Unit::Failed(e) => Err(e.clone()),
        }
    }
}

pub struct Units<'a> {
    files: std::slice::Iter<'a, InputFile>,
    /// The records file being read, and the separator of its places:
    /// `file:line` for JSON Lines, `file#n` for JSON.
    records: Option<(&'a InputFile, char, RecordReader<BufReader<File>>)>,
    options: &'a InputOptions,
    ids: HashSet<String>,
    /// Say each renamed id on stderr (off for a pass that only gathers,
    /// whose input the extraction pass reads and reports again).
    warn: bool,
}

impl<'a> Units<'a> {
    pub fn new(files: &'a [InputFile], options: &'a InputOptions) -> Units<'a> {
        Units {
            files: files.iter(),
            records: None,
            options,
            ids: HashSet::new(),
            warn: true,
        }
    }

    /// The same reader without warnings on stderr (their rows still come).
    pub fn without_warnings(mut self) -> Units<'a> {
        self.warn = false;
        self
    }

    /// Files not started yet (for progress).
    pub fn files_left(&self) -> usize {
        self.files.len()
    }

    /// The id itself when free, else the first free `id~N` and a notice.
    fn claim(&mut self, id: &str, place: &str) -> (String, Option<Notice>) {
        if self.ids.insert(id.to_string()) {
            return (id.to_string(), None);
        }
        let unique = (2..)
            .map(|n| format!("{id}~{n}"))
            .find(|c| !self.ids.contains(c))
            .expect("some suffix is free");
        self.ids.insert(unique.clone());
        let message =
            format!("id `{id}` is already used by an earlier article; this one is `{unique}`");
        if self.warn {
            eprintln!("vnextract: warning: {place}: {message}");
        }
        (
            unique,
            Some(Notice {
                kind: "duplicate-id",
                message,
            }),
        )
    }

    fn record(&mut self, file: &InputFile, at: String, raw: Result<String, String>) -> Unit {
        let place = format!("{}{at}", file.display);
        let bad = |message: String| InputError {
            path: place.clone(),
            kind: "bad-record",
            message,
        };
        let fallback = format!("{}{at}", file.id);
        let doc = raw
            .map_err(bad)
            .and_then(|t| parse_record(&t, &self.options.fields, &fallback).map_err(bad));
        let doc = doc.map(|mut d| {
            let (id, notice) = self.claim(&d.id, &place);
            d.id = id;
            d.path = Some(file.display.clone());
            d.encoding = Some("utf-8");
            d.notices.extend(notice);
            d
        });
        Unit::Record { place, doc }
    }
}

impl<'a> Iterator for Units<'a> {
    type Item = Unit;

    fn next(&mut self) -> Option<Unit> {
        loop {
            if let Some((file, sep, reader)) = &mut self.records {
                let (file, sep): (&'a InputFile, char) = (file, *sep);
                let next = reader.next();
                match next {
                    Some((n, raw)) => return Some(self.record(file, format!("{sep}{n}"), raw)),
                    None => self.records = None,
                }
            }
            let f = self.files.next()?;
            if !f.format.is_records() {
                let (id, notice) = self.claim(&f.id, &f.display);
                let file = InputFile { id, ..f.clone() };
                return Some(Unit::File { file, notice });
            }
            let (layout, sep) = match f.format {
                super::Format::JsonLines => (Layout::Lines, ':'),
                _ => (Layout::Json, '#'),
            };
            match File::open(&f.path) {
                Ok(h) => {
                    let reader = RecordReader::new(BufReader::new(h), layout);
                    self.records = Some((f, sep, reader));
                }
                Err(e) => {
                    return Some(Unit::Failed(InputError {
                        path: f.display.clone(),
                        kind: "unreadable",
                        message: e.to_string(),
                    }));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::walk_inputs;

    #[test]
    fn ids_are_made_unique_in_input_order() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        std::fs::write(a.path().join("x.txt"), "Một.").unwrap();
        std::fs::write(a.path().join("x.text"), "Hai.").unwrap();
        std::fs::write(b.path().join("x.txt"), "Ba.").unwrap();
        std::fs::write(
            b.path().join("r.jsonl"),
            "{\"id\": \"x\", \"text\": \"Bốn.\"}\n{\"text\": \"Năm.\"}\n",
        )
        .unwrap();
        let (files, errors) = walk_inputs(&[a.path().to_path_buf(), b.path().to_path_buf()]);
        assert!(errors.is_empty());
        let options = InputOptions::default();
        let docs: Vec<Document> = Units::new(&files, &options)
            .map(|u| u.read().unwrap())
            .collect();
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        // `x.text` sorts before `x.txt`; `r.jsonl` before the second `x.txt`.
        assert_eq!(ids, vec!["x", "x~2", "x~3", "r:2", "x~4"]);
        let notices: Vec<usize> = docs.iter().map(|d| d.notices.len()).collect();
        assert_eq!(notices, vec![0, 1, 1, 0, 1]);
        assert_eq!(docs[1].notices[0].kind, "duplicate-id");
    }
}
