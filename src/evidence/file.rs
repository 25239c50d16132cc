//! The evidence file: UTF-8 text, a header line naming the format and its
//! version, then one row per (kind, key, detail), sorted, its four cells
//! separated by tabs (`<TAB>` here):
//!
//! ```text
//! # vnextract evidence v2: kind<TAB>key<TAB>detail<TAB>articles
//! abbreviation<TAB>CQCQ<TAB>Cơ quan Chính quyền<TAB>2
//! against<TAB>Paris<TAB><TAB>31
//! mention<TAB>Paris<TAB><TAB>96
//! mention<TAB>Trấn Thành<TAB><TAB>20
//! person<TAB>Trấn Thành<TAB><TAB>14
//! ```
//!
//! Version 1 files (no `mention` and `against` rows) are still read.
//!
//! Keys and details never hold a tab or a line break (they are names read
//! off one line of text).

use super::{Evidence, Kind};
use std::io::{self, BufRead, Write};

/// The first line of every evidence file.
pub const FORMAT_HEADER: &str = "# vnextract evidence v2: kind\tkey\tdetail\tarticles";

/// The header of version 1 (person and abbreviation rows only).
const FORMAT_HEADER_V1: &str = "# vnextract evidence v1: kind\tkey\tdetail\tarticles";

/// Why an evidence file cannot be read.
#[derive(Debug)]
pub enum EvidenceFileError {
    Io(io::Error),
    /// Line number (from 1) and what is wrong there.
    Bad(usize, String),
}

impl std::fmt::Display for EvidenceFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EvidenceFileError::Io(e) => write!(f, "{e}"),
            EvidenceFileError::Bad(line, msg) => write!(f, "line {line}: {msg}"),
        }
    }
}

impl std::error::Error for EvidenceFileError {}

impl Evidence {
    /// Write the header and every row, sorted.
    pub fn write_to(&self, mut w: impl Write) -> io::Result<()> {
        writeln!(w, "{FORMAT_HEADER}")?;
        for (k, key, detail, n) in self.rows() {
            writeln!(w, "{}\t{key}\t{detail}\t{n}", k.as_str())?;
        }
        w.flush()
    }

    /// Read a file written by [`Evidence::write_to`]; a row repeated is
    /// summed (a concatenation of files reads as their merge).
    pub fn read_from(r: impl BufRead) -> Result<Evidence, EvidenceFileError> {
        let mut ev = Evidence::default();
        for (i, line) in r.lines().enumerate() {
            let line = line.map_err(EvidenceFileError::Io)?;
            let n = i + 1;
            if n == 1 {
                let header = line.trim_start_matches('\u{feff}');
                if header != FORMAT_HEADER && header != FORMAT_HEADER_V1 {
                    return Err(EvidenceFileError::Bad(
                        1,
                        format!("not a vnextract evidence file (expected `{FORMAT_HEADER}`)"),
                    ));
                }
                continue;
            }
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            let [kind, key, detail, count] = cells[..] else {
                return Err(EvidenceFileError::Bad(
                    n,
                    format!("{} cells, expected 4 separated by tabs", cells.len()),
                ));
            };
            let kind = Kind::parse(kind).ok_or_else(|| {
                EvidenceFileError::Bad(
                    n,
                    format!("unknown kind `{kind}` (person, mention, against, abbreviation)"),
                )
            })?;
            let count: u64 = count
                .parse()
                .map_err(|_| EvidenceFileError::Bad(n, format!("`{count}` is not a count")))?;
            if key.is_empty() {
                return Err(EvidenceFileError::Bad(n, "empty key".into()));
            }
            ev.add(kind, key, detail, count);
        }
        Ok(ev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_files_read_back() {
        let mut e = Evidence::default();
        e.add(Kind::Person, "Trấn Thành", "", 14);
        e.add(Kind::Abbreviation, "CQCQ", "Cơ quan Chính quyền", 2);
        let mut buf = Vec::new();
        e.write_to(&mut buf).unwrap();
        let text = String::from_utf8(buf.clone()).unwrap();
        assert!(text.starts_with(FORMAT_HEADER));
        assert!(text.find("abbreviation").unwrap() < text.find("person\t").unwrap());
        assert_eq!(Evidence::read_from(&buf[..]).unwrap(), e);
    }

    #[test]
    fn a_bad_row_names_its_line() {
        let text = format!("{FORMAT_HEADER}\nperson\tAn\t\t1\nperson\tBình\n");
        let err = Evidence::read_from(text.as_bytes()).unwrap_err();
        assert!(err.to_string().starts_with("line 3:"), "{err}");
        let err = Evidence::read_from("name,count\n".as_bytes()).unwrap_err();
        assert!(err.to_string().contains("not a vnextract evidence file"));
        let v1 = format!("{FORMAT_HEADER_V1}\nperson\tAn Bình\t\t1\n");
        assert_eq!(Evidence::read_from(v1.as_bytes()).unwrap().len(), 1);
    }
}
