//! Bytes to text: UTF-8 (with or without BOM) and UTF-16 with BOM. Anything
//! else is refused rather than silently mangled.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not valid UTF-8; the byte offset of the first bad sequence.
    InvalidUtf8 { offset: usize },
    /// A UTF-16 BOM followed by malformed UTF-16.
    InvalidUtf16,
    /// NUL bytes in a file without a UTF-16 BOM: binary data.
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf8 { offset } => write!(
                f,
                "not valid UTF-8 (first bad byte at offset {offset}); save the file as UTF-8 or UTF-16 with BOM"
            ),
            DecodeError::InvalidUtf16 => write!(f, "UTF-16 byte order mark but malformed UTF-16"),
            DecodeError::Binary => write!(f, "binary file (NUL bytes), not text"),
        }
    }
}

impl std::error::Error for DecodeError {}

pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return utf16(encoding_rs::UTF_16LE, &bytes[2..]);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return utf16(encoding_rs::UTF_16BE, &bytes[2..]);
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(DecodeError::InvalidUtf8 {
            offset: e.valid_up_to(),
        }),
    }
}

fn utf16(enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> Result<String, DecodeError> {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
        .ok_or(DecodeError::InvalidUtf16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Hà Nội".as_bytes()).unwrap(), "Hà Nội");
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice("Hà Nội".as_bytes());
        assert_eq!(decode(&b).unwrap(), "Hà Nội");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Đà Nẵng".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap(), "Đà Nẵng");
        assert_eq!(decode(&be).unwrap(), "Đà Nẵng");
        assert_eq!(
            decode(&[0xFF, 0xFE, 0x00, 0xD8]),
            Err(DecodeError::InvalidUtf16)
        );
    }

    #[test]
    fn legacy_bytes_are_refused() {
        // "Hà" in Windows-1258 is not UTF-8.
        assert_eq!(
            decode(b"H\xE0 N"),
            Err(DecodeError::InvalidUtf8 { offset: 1 })
        );
        assert_eq!(decode(b"ab\0cd"), Err(DecodeError::Binary));
    }
}
