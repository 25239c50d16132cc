//! A text file too large to hold whole: read a piece at a time, so that a
//! 200 MB article costs the memory of a section, not of the file.
//!
//! Only plain UTF-8 article files (the only kind that large in practice)
//! are read this way, and only once a first pass over the file has found
//! it valid: anything else is read whole as usual (see [`super::decode`]),
//! so that its errors.csv row, or its legacy encoding, is the same.

use super::metadata::split_metadata;
use super::{Format, InputError, Unit};
use crate::model::{Document, Notice};
use std::fs::File;
use std::io::{self, Read};

/// Bytes read at a time.
const CHUNK: usize = 1 << 20;

/// The text of a large file, a piece at a time, each piece valid UTF-8.
pub struct TextChunks {
    /// Bytes of the file.
    pub size: u64,
    file: File,
    /// The first piece (the text after the metadata lines), not yet given.
    first: Option<String>,
    /// Bytes of a character cut by the end of the last read.
    carry: Vec<u8>,
}

impl TextChunks {
    /// The next piece of text; `None` at the end of the file.
    pub fn next_chunk(&mut self) -> io::Result<Option<String>> {
        if let Some(first) = self.first.take() {
            return Ok(Some(first));
        }
        read_piece(&mut self.file, &mut self.carry)
    }
}

/// When `unit` is an article file over `limit` bytes in plain UTF-8, its
/// document (metadata and notices, no text) and its text a piece at a
/// time; `None` when it is to be read whole.
pub fn open_large(unit: &Unit, limit: usize) -> Option<Result<(Document, TextChunks), InputError>> {
    let Unit::File { file, notice } = unit else {
        return None;
    };
    if file.format != Format::Text {
        return None;
    }
    let size = std::fs::metadata(&file.path).ok()?.len();
    if size <= limit as u64 || !is_plain_utf8(&file.path).ok()? {
        return None;
    }
    let unreadable = |e: io::Error| InputError {
        path: file.display.clone(),
        kind: "unreadable",
        message: e.to_string(),
    };
    let opened = (|| {
        let mut f = File::open(&file.path)?;
        let mut carry = Vec::new();
        let mut head = read_piece(&mut f, &mut carry)?.unwrap_or_default();
        if let Some(rest) = head.strip_prefix('\u{feff}') {
            head = rest.to_string();
        }
        Ok((f, carry, head))
    })();
    let (f, carry, head) = match opened {
        Ok(x) => x,
        Err(e) => return Some(Err(unreadable(e))),
    };
    // The metadata lines are at the start of the first piece.
    let (meta, body) = split_metadata(&head);
    let mut notices: Vec<Notice> = meta
        .problems
        .into_iter()
        .map(|message| Notice {
            kind: "bad-date",
            message,
        })
        .collect();
    notices.extend(notice.clone());
    let doc = Document {
        id: file.id.clone(),
        path: Some(file.display.clone()),
        text: String::new(),
        date: meta.date,
        title: meta.title,
        encoding: Some("utf-8"),
        notices,
    };
    let chunks = TextChunks {
        size,
        file: f,
        first: Some(body.to_string()),
        carry,
    };
    Some(Ok((doc, chunks)))
}

/// Read up to [`CHUNK`] bytes more: the text they complete (a character
/// cut at the end waits in `carry` for the next read).
fn read_piece(f: &mut File, carry: &mut Vec<u8>) -> io::Result<Option<String>> {
    let mut buf = std::mem::take(carry);
    let had = buf.len();
    buf.resize(had + CHUNK, 0);
    let n = read_full(f, &mut buf[had..])?;
    buf.truncate(had + n);
    if buf.is_empty() {
        return Ok(None);
    }
    let valid = match std::str::from_utf8(&buf) {
        Ok(_) => buf.len(),
        Err(e) if e.error_len().is_none() && n > 0 => e.valid_up_to(),
        Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, e)),
    };
    *carry = buf.split_off(valid);
    String::from_utf8(buf)
        .map(Some)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Fill `buf` as far as the file goes.
fn read_full(f: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Whether the file is UTF-8 (a byte order mark allowed) with no NUL byte,
/// read through a piece at a time: what [`super::decode`] reads as UTF-8.
fn is_plain_utf8(path: &std::path::Path) -> io::Result<bool> {
    let mut f = File::open(path)?;
    let mut carry = Vec::new();
    loop {
        match read_piece(&mut f, &mut carry) {
            Ok(Some(piece)) if piece.contains('\0') => return Ok(false),
            Ok(Some(_)) => {}
            Ok(None) => return Ok(true),
            Err(e) if e.kind() == io::ErrorKind::InvalidData => return Ok(false),
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(bytes).unwrap();
        f
    }

    #[test]
    fn pieces_join_into_the_text_whatever_the_cuts() {
        // Multi-byte characters across every read boundary.
        let text = "# date = 2021-03-04\nNgày 4/11, ông Lê Văn Nam đến Hà Nội. ".repeat(60_000);
        let f = write(text.as_bytes());
        let unit = Unit::File {
            file: super::super::InputFile {
                path: f.path().to_path_buf(),
                id: "a".into(),
                display: "a.txt".into(),
                format: Format::Text,
            },
            notice: None,
        };
        let (doc, mut chunks) = open_large(&unit, 1000).unwrap().unwrap();
        assert_eq!(doc.date.as_deref(), Some("2021-03-04"));
        let mut joined = String::new();
        while let Some(c) = chunks.next_chunk().unwrap() {
            joined.push_str(&c);
        }
        let whole = super::super::read_document(match &unit {
            Unit::File { file, .. } => file,
            _ => unreachable!(),
        })
        .unwrap();
        assert_eq!(joined, whole.text);
        assert!(open_large(&unit, text.len()).is_none());
    }

    #[test]
    fn only_plain_utf8_is_read_in_pieces() {
        assert!(is_plain_utf8(write("Hà Nội".as_bytes()).path()).unwrap());
        assert!(!is_plain_utf8(write(b"H\xe0 N\xf4i").path()).unwrap());
        assert!(!is_plain_utf8(write(b"ab\0cd").path()).unwrap());
        // A character cut by the end of the file is no UTF-8.
        assert!(!is_plain_utf8(write(b"H\xc3").path()).unwrap());
    }
}
