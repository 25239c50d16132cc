//! Bytes to text. A byte order mark decides (UTF-8, UTF-16, UTF-32); then
//! valid UTF-8 is UTF-8; then the three legacy Vietnamese encodings are
//! tried (`legacy`), and one is taken only when it clearly reads as
//! Vietnamese. Anything else is refused rather than silently mangled.

use super::legacy::{self, Detection};
use std::fmt;

/// Decoded text and the name of the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `utf-8`, `utf-16le`, `utf-16be`, `utf-32le`, `utf-32be`,
    /// `windows-1258`, `tcvn3` or `vni`.
    pub encoding: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not valid UTF-8 and no legacy Vietnamese encoding reads it; the byte
    /// offset of the first bad UTF-8 sequence.
    InvalidUtf8 { offset: usize },
    /// Not UTF-8; a legacy encoding reads it, but not clearly enough to
    /// trust (too little Vietnamese text, or two encodings read it alike).
    Unsure { reason: String },
    /// A UTF-16 BOM followed by malformed UTF-16.
    InvalidUtf16,
    /// A UTF-32 BOM followed by malformed UTF-32.
    InvalidUtf32,
    /// NUL bytes in a file without a UTF-16 or UTF-32 BOM: binary data.
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf8 { offset } => write!(
                f,
                "not valid UTF-8 (first bad byte at offset {offset}) and not Vietnamese in \
                 Windows-1258, TCVN3 or VNI; save the file as UTF-8"
            ),
            DecodeError::Unsure { reason } => write!(
                f,
                "not UTF-8, and the legacy encoding cannot be told for sure ({reason}); \
                 save the file as UTF-8"
            ),
            DecodeError::InvalidUtf16 => write!(f, "UTF-16 byte order mark but malformed UTF-16"),
            DecodeError::InvalidUtf32 => write!(f, "UTF-32 byte order mark but malformed UTF-32"),
            DecodeError::Binary => write!(f, "binary file (NUL bytes), not text"),
        }
    }
}

impl std::error::Error for DecodeError {}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let ok = |text: String, encoding: &'static str| Ok(Decoded { text, encoding });
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest)
            .map_err(|offset| DecodeError::InvalidUtf8 { offset: offset + 3 })
            .and_then(|t| ok(t, "utf-8"));
    }
    // UTF-32 first: its little-endian mark begins with UTF-16's.
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE\x00\x00") {
        return ok(utf32(rest, u32::from_le_bytes)?, "utf-32le");
    }
    if let Some(rest) = bytes.strip_prefix(b"\x00\x00\xFE\xFF") {
        return ok(utf32(rest, u32::from_be_bytes)?, "utf-32be");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return ok(utf16(encoding_rs::UTF_16LE, rest)?, "utf-16le");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return ok(utf16(encoding_rs::UTF_16BE, rest)?, "utf-16be");
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match utf8(bytes) {
        Ok(text) => ok(text, "utf-8"),
        Err(offset) => match legacy::detect(bytes) {
            Detection::Found(enc, text) => ok(text, enc.name()),
            Detection::Unsure(reason) => Err(DecodeError::Unsure { reason }),
            Detection::NotVietnamese => Err(DecodeError::InvalidUtf8 { offset }),
        },
    }
}

/// Valid UTF-8 as a string, or the offset of the first bad byte.
/// [`decode`] of bytes the caller gives up: plain UTF-8 (the usual case)
/// becomes the text in place, without a second copy of a large file.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") || bytes.contains(&0) {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: "utf-8",
        }),
        Err(e) => decode(e.as_bytes()),
    }
}

fn utf8(bytes: &[u8]) -> Result<String, usize> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(e.valid_up_to()),
    }
}

fn utf16(enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> Result<String, DecodeError> {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
        .ok_or(DecodeError::InvalidUtf16)
}

/// UTF-32 has no crate-level decoder in encoding_rs (the web never uses
/// it); it is four bytes per scalar value, nothing more.
fn utf32(bytes: &[u8], word: fn([u8; 4]) -> u32) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(4) {
        return Err(DecodeError::InvalidUtf32);
    }
    bytes
        .chunks_exact(4)
        .map(|c| char::from_u32(word([c[0], c[1], c[2], c[3]])).ok_or(DecodeError::InvalidUtf32))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, &'static str) {
        let d = decode(bytes).unwrap();
        (d.text, d.encoding)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(text("Hà Nội".as_bytes()), ("Hà Nội".into(), "utf-8"));
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice("Hà Nội".as_bytes());
        assert_eq!(text(&b), ("Hà Nội".into(), "utf-8"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Đà Nẵng".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(text(&le), ("Đà Nẵng".into(), "utf-16le"));
        assert_eq!(text(&be), ("Đà Nẵng".into(), "utf-16be"));
        assert_eq!(
            decode(&[0xFF, 0xFE, 0x00, 0xD8]),
            Err(DecodeError::InvalidUtf16)
        );
    }

    #[test]
    fn utf32_with_bom_is_not_read_as_utf16() {
        let mut le = vec![0xFF, 0xFE, 0, 0];
        let mut be = vec![0, 0, 0xFE, 0xFF];
        for c in "Ngày 4/11 ở Huế 𝄞".chars() {
            le.extend_from_slice(&(c as u32).to_le_bytes());
            be.extend_from_slice(&(c as u32).to_be_bytes());
        }
        assert_eq!(text(&le), ("Ngày 4/11 ở Huế 𝄞".into(), "utf-32le"));
        assert_eq!(text(&be), ("Ngày 4/11 ở Huế 𝄞".into(), "utf-32be"));
        // A surrogate or a value past U+10FFFF, or a cut-off last unit.
        assert_eq!(
            decode(&[0xFF, 0xFE, 0, 0, 0x00, 0xD8, 0, 0]),
            Err(DecodeError::InvalidUtf32)
        );
        assert_eq!(
            decode(&[0, 0, 0xFE, 0xFF, 0, 0x11, 0, 0]),
            Err(DecodeError::InvalidUtf32)
        );
        assert_eq!(
            decode(&[0xFF, 0xFE, 0, 0, 0x41, 0]),
            Err(DecodeError::InvalidUtf32)
        );
    }

    #[test]
    fn bytes_that_are_no_vietnamese_encoding_are_refused() {
        // German in Latin-1: no legacy Vietnamese reading fits.
        assert!(matches!(
            decode(b"Gr\xfc\xdfe aus M\xfcnchen und K\xf6ln, sch\xf6ne Gr\xfc\xdfe"),
            Err(DecodeError::InvalidUtf8 { .. } | DecodeError::Unsure { .. })
        ));
        assert_eq!(decode(b"ab\0cd"), Err(DecodeError::Binary));
    }
}
