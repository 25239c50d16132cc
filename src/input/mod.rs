//! Input stage: find the files, decode them, read their metadata lines,
//! web pages and records.

pub mod dates;
pub mod decode;
pub mod html;
mod html_depth;
pub mod large;
pub mod legacy;
pub mod metadata;
pub mod records;
pub mod units;
pub mod walk;

use crate::model::{Document, Notice};
use std::path::Path;

pub use decode::{DecodeError, Decoded, decode, decode_owned};
pub use metadata::split_metadata;
pub use records::{RecordFields, strip_bom};
pub use units::{Unit, Units};
pub use walk::{Format, InputFile, walk_inputs};

/// Why an input could not be turned into a document, or (for a
/// [`Notice`]) what was wrong with one that was still read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    /// `unreadable`, `undecodable`, `not-found`, `bad-record`,
    /// `symlink-loop`, `broken-link`, `duplicate-file`; for notices
    /// `bad-date` and `duplicate-id`.
    pub kind: &'static str,
    pub message: String,
}

impl InputError {
    /// The errors-file row of a notice about the input at `path`.
    pub fn from_notice(path: &str, n: &Notice) -> InputError {
        InputError {
            path: path.to_string(),
            kind: n.kind,
            message: n.message.clone(),
        }
    }
}

/// Everything about reading input that a run can set.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    pub fields: RecordFields,
}

/// Read, decode and split one input file into a document.
pub fn read_document(file: &InputFile) -> Result<Document, InputError> {
    let bytes = std::fs::read(&file.path).map_err(|e| InputError {
        path: file.display.clone(),
        kind: "unreadable",
        message: e.to_string(),
    })?;
    match file.format {
        Format::Html => html_document(&file.id, &file.display, &bytes),
        _ => document_from_vec(&file.id, &file.display, bytes),
    }
}

fn undecodable(display: &str, e: DecodeError) -> InputError {
    InputError {
        path: display.to_string(),
        kind: "undecodable",
        message: e.to_string(),
    }
}

/// Decode bytes and split off the metadata lines.
pub fn document_from_bytes(id: &str, display: &str, bytes: &[u8]) -> Result<Document, InputError> {
    let decoded = decode(bytes).map_err(|e| undecodable(display, e))?;
    Ok(document_of(id, display, decoded))
}

/// [`document_from_bytes`] of bytes the caller gives up: a large file is
/// then held once, not as bytes, text and body at the same time.
pub fn document_from_vec(id: &str, display: &str, bytes: Vec<u8>) -> Result<Document, InputError> {
    let decoded = decode_owned(bytes).map_err(|e| undecodable(display, e))?;
    Ok(document_of(id, display, decoded))
}

/// The document of a decoded text: its metadata lines split off (the
/// body kept in place).
fn document_of(id: &str, display: &str, mut decoded: Decoded) -> Document {
    let (meta, body) = split_metadata(&decoded.text);
    let header = decoded.text.len() - body.len();
    // The body is the end of the text (a slice of it): drop the header in
    // place rather than copy the body.
    let in_place = body.as_ptr() as usize - decoded.text.as_ptr() as usize == header;
    let copy = (!in_place).then(|| body.to_string());
    let text = match copy {
        Some(t) => t,
        None => {
            decoded.text.drain(..header);
            std::mem::take(&mut decoded.text)
        }
    };
    Document {
        // The contract's id for a file is its relative path, whatever the
        // metadata says; a metadata id stays available to callers.
        id: id.to_string(),
        path: Some(display.to_string()),
        text,
        date: meta.date,
        title: meta.title,
        encoding: Some(decoded.encoding),
        notices: meta
            .problems
            .into_iter()
            .map(|message| Notice {
                kind: "bad-date",
                message,
            })
            .collect(),
    }
}

/// A web page: its text, `<title>` and publication date. A page that is
/// not UTF-8 and declares its charset is read in that charset.
pub fn html_document(id: &str, display: &str, bytes: &[u8]) -> Result<Document, InputError> {
    let decoded = match decode(bytes) {
        Ok(d) => d,
        Err(e) => declared_charset(bytes).ok_or_else(|| undecodable(display, e))?,
    };
    let page = html::read_page(&decoded.text).map_err(|message| InputError {
        path: display.to_string(),
        kind: "unreadable",
        message,
    })?;
    let notices = page
        .bad_date
        .map(|(value, why)| Notice {
            kind: "bad-date",
            message: format!(
                "publication date `{value}` refused ({why}); the article is read without a date"
            ),
        })
        .into_iter()
        .collect();
    Ok(Document {
        id: id.to_string(),
        path: Some(display.to_string()),
        text: page.text,
        date: page.date,
        title: page.title,
        encoding: Some(decoded.encoding),
        notices,
    })
}

/// The `charset` a page declares in its first kilobytes, when encoding_rs
/// knows it and the bytes read in it without error.
fn declared_charset(bytes: &[u8]) -> Option<Decoded> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
    let text = enc.decode_without_bom_handling_and_without_replacement(bytes)?;
    use unicode_normalization::UnicodeNormalization;
    Some(Decoded {
        text: text.nfc().collect(),
        encoding: enc.name(),
    })
}

/// Display form of a path: forward slashes, as given.
pub fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_metadata_date_is_a_notice_and_the_text_still_reads() {
        let d =
            document_from_bytes("a", "a.txt", b"# date = 2022-02-30\rNg\xc3\xa0y 4/11.").unwrap();
        assert_eq!(d.text, "Ngày 4/11.");
        assert_eq!(d.date, None);
        assert_eq!(d.encoding, Some("utf-8"));
        assert_eq!(d.notices.len(), 1);
        assert_eq!(d.notices[0].kind, "bad-date");
    }

    #[test]
    fn a_page_in_a_declared_legacy_charset() {
        // Windows-1258 "Hà" is not UTF-8 and too short to detect alone.
        let page = b"<meta charset=\"windows-1258\"><title>H\xe0</title><p>H\xe0 N\xf4i</p>";
        let d = html_document("p", "p.html", page).unwrap();
        assert_eq!(d.title.as_deref(), Some("Hà"));
        assert_eq!(d.text, "Hà Nôi");
        assert_eq!(d.encoding, Some("windows-1258"));
    }
}
