//! Input stage: find the files, decode them, read their metadata lines.

pub mod decode;
pub mod legacy;
pub mod metadata;
pub mod walk;

use crate::model::Document;
use std::path::Path;

pub use decode::{DecodeError, decode};
pub use metadata::split_metadata;
pub use walk::{InputFile, walk_inputs};

/// Why an input could not be turned into a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    /// `unreadable`, `undecodable` or `not-found`.
    pub kind: &'static str,
    pub message: String,
}

/// Read, decode and split one input file into a document.
pub fn read_document(file: &InputFile) -> Result<Document, InputError> {
    let bytes = std::fs::read(&file.path).map_err(|e| InputError {
        path: file.display.clone(),
        kind: "unreadable",
        message: e.to_string(),
    })?;
    document_from_bytes(&file.id, &file.display, &bytes)
}

/// Decode bytes and split off the metadata lines.
pub fn document_from_bytes(id: &str, display: &str, bytes: &[u8]) -> Result<Document, InputError> {
    let text = decode(bytes)
        .map_err(|e| InputError {
            path: display.to_string(),
            kind: "undecodable",
            message: e.to_string(),
        })?
        .text;
    let (meta, body) = split_metadata(&text);
    Ok(Document {
        // The contract's id for a file is its relative path, whatever the
        // metadata says; a metadata id stays available to callers.
        id: id.to_string(),
        path: Some(display.to_string()),
        text: body.to_string(),
        date: meta.date,
        title: meta.title,
    })
}

/// Display form of a path: forward slashes, as given.
pub fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}
