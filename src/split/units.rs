//! The input as keyed units: every file (or record of a records file) in
//! input order with its [`Key`], for `extract --shard` (which reads only
//! its share, but must place each unit in the order of the whole run) and
//! for `vnextract list`, which writes them as JSON lines for a cluster job
//! to hand out to `stream --parts`.

use super::{Key, Shard};
use crate::input::{InputError, InputFile, InputOptions, Unit, Units, walk::Format};
use crate::model::{Document, Notice};
use serde::{Deserialize, Serialize};

/// The units of a shard of `files` (all of them for [`Shard::WHOLE`]), in
/// input order, each with its key and the number of files not started yet.
pub struct KeyedUnits<'a> {
    units: Units<'a>,
    /// Index (from 1) in the whole walk of each file of the shard.
    indices: Vec<u64>,
    last: Key,
}

/// The files of a shard, to be held while [`KeyedUnits`] reads them.
pub fn shard_files(files: Vec<InputFile>, shard: Shard) -> (Vec<InputFile>, Vec<u64>) {
    files
        .into_iter()
        .zip(1u64..)
        .filter(|(f, _)| shard.takes(f))
        .unzip()
}

impl<'a> KeyedUnits<'a> {
    pub fn new(files: &'a [InputFile], indices: Vec<u64>, options: &'a InputOptions) -> Self {
        KeyedUnits {
            units: Units::new(files, options),
            indices,
            last: (0, 0),
        }
    }

    pub fn files_left(&self) -> usize {
        self.units.files_left()
    }
}

impl Iterator for KeyedUnits<'_> {
    type Item = (Key, Unit);

    fn next(&mut self) -> Option<(Key, Unit)> {
        let unit = self.units.next()?;
        let started = self.indices.len() - self.units.files_left();
        let file = self.indices[started - 1];
        let key = match unit {
            Unit::Record { .. } if self.last.0 == file => (file, self.last.1 + 1),
            Unit::Record { .. } => (file, 1),
            _ => (file, 0),
        };
        self.last = key;
        Some((key, unit))
    }
}

/// One unit as a JSON line (`vnextract list`, read by `stream --parts`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct UnitLine {
    pub key: Key,
    /// The article's id (unique in the run).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A file to read: where it is (absolute), as `extract` would read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// `text` or `html` (how the file is read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The path as given (the `path` column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// A record of a records file, read already.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where a record or error comes from (`file:line`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Notices about the input (`duplicate-id`, `bad-date`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<(String, String)>,
    /// An input that cannot be read: (kind, message).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<(String, String)>,
}

/// The notice kinds and encodings a unit line may name (the model keeps
/// them as static names).
fn known(name: &str) -> &'static str {
    const NAMES: &[&str] = &[
        "duplicate-id",
        "bad-date",
        "bad-record",
        "unreadable",
        "undecodable",
        "not-found",
        "broken-link",
        "symlink-loop",
        "duplicate-file",
        "internal",
    ];
    NAMES
        .iter()
        .find(|n| **n == name)
        .copied()
        .unwrap_or("notice")
}

fn notices(list: &[Notice]) -> Vec<(String, String)> {
    list.iter()
        .map(|n| (n.kind.to_string(), n.message.clone()))
        .collect()
}

impl UnitLine {
    /// The line of a unit; `absolute` makes the path of a file readable
    /// from another working folder (a cluster's executors).
    pub fn of(key: Key, unit: &Unit) -> UnitLine {
        let mut line = UnitLine {
            key,
            ..UnitLine::default()
        };
        match unit {
            Unit::File { file, notice } => {
                let abs = std::path::absolute(&file.path).unwrap_or_else(|_| file.path.clone());
                line.id = Some(file.id.clone());
                line.file = Some(abs.to_string_lossy().into_owned());
                line.format = Some(
                    if file.format == Format::Html {
                        "html"
                    } else {
                        "text"
                    }
                    .into(),
                );
                line.path = Some(file.display.clone());
                line.notices = notices(notice.as_slice());
            }
            Unit::Record { place, doc } => {
                line.place = Some(place.clone());
                match doc {
                    Ok(d) => {
                        line.id = Some(d.id.clone());
                        line.path = d.path.clone();
                        line.text = Some(d.text.clone());
                        line.date = d.date.clone();
                        line.title = d.title.clone();
                        line.notices = notices(&d.notices);
                    }
                    Err(e) => line.error = Some((e.kind.to_string(), e.message.clone())),
                }
            }
            Unit::Failed(e) => {
                line.place = Some(e.path.clone());
                line.error = Some((e.kind.to_string(), e.message.clone()));
            }
        }
        line
    }

    /// The unit again, as `extract` would have it.
    pub fn unit(&self) -> Unit {
        let notice_list = |l: &[(String, String)]| -> Vec<Notice> {
            l.iter()
                .map(|(k, m)| Notice {
                    kind: known(k),
                    message: m.clone(),
                })
                .collect()
        };
        let place = self
            .place
            .clone()
            .or_else(|| self.path.clone())
            .unwrap_or_default();
        if let Some((kind, message)) = &self.error {
            let e = InputError {
                path: place.clone(),
                kind: known(kind),
                message: message.clone(),
            };
            return match self.place {
                Some(_) if self.file.is_none() => Unit::Record { place, doc: Err(e) },
                _ => Unit::Failed(e),
            };
        }
        if let Some(file) = &self.file {
            let format = match self.format.as_deref() {
                Some("html") => Format::Html,
                _ => Format::Text,
            };
            return Unit::File {
                file: InputFile {
                    path: file.into(),
                    id: self.id.clone().unwrap_or_default(),
                    display: self.path.clone().unwrap_or_else(|| file.clone()),
                    format,
                },
                notice: notice_list(&self.notices).into_iter().next(),
            };
        }
        Unit::Record {
            place,
            doc: Ok(Document {
                id: self.id.clone().unwrap_or_default(),
                path: self.path.clone(),
                text: self.text.clone().unwrap_or_default(),
                date: self.date.clone(),
                title: self.title.clone(),
                encoding: Some("utf-8"),
                notices: notice_list(&self.notices),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::walk_inputs;

    #[test]
    fn keys_follow_the_whole_walk_and_lines_give_the_units_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Một.").unwrap();
        std::fs::write(dir.path().join("a.text"), "Hai.").unwrap();
        std::fs::write(
            dir.path().join("b.jsonl"),
            "{\"id\": \"r\", \"text\": \"Ba.\", \"date\": \"2020-01-02\"}\n{broken\n",
        )
        .unwrap();
        let (files, _) = walk_inputs(&[dir.path().to_path_buf()]);
        let options = InputOptions::default();
        let (picked, indices) = shard_files(files, Shard::WHOLE);
        let keyed: Vec<(Key, Unit)> = KeyedUnits::new(&picked, indices, &options).collect();
        let keys: Vec<Key> = keyed.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, vec![(1, 0), (2, 0), (3, 1), (3, 2)]);
        for (key, unit) in &keyed {
            let line = UnitLine::of(*key, unit);
            let json = serde_json::to_string(&line).unwrap();
            let back: UnitLine = serde_json::from_str(&json).unwrap();
            let (a, b) = (unit.read(), back.unit().read());
            match (a, b) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(
                        (&a.id, &a.path, &a.text, &a.date, &a.encoding),
                        (&b.id, &b.path, &b.text, &b.date, &b.encoding)
                    );
                    assert_eq!(a.notices, b.notices);
                }
                (Err(a), Err(b)) => assert_eq!(a, b),
                (a, b) => panic!("{a:?} / {b:?}"),
            }
        }
    }
}
