//! CSV encoding: UTF-8 with a byte order mark (so Excel reads Vietnamese
//! correctly), RFC 4180 quoting by the `csv` crate, and a guard on cells
//! copied from the input that a spreadsheet would run as a formula.

use super::tables::{Column, Kind};
use std::borrow::Cow;
use std::io::{self, Write};

/// The first bytes of every CSV file.
pub const BOM: &str = "\u{FEFF}";

/// A cell that starts with `=`, `+`, `-` or `@` would run as a formula in
/// a spreadsheet: a leading apostrophe keeps it text. Only text copied
/// from the input is guarded; what the tool writes itself (`--05-23`,
/// numbers, rule ids) is written as is, so other programs read it intact.
pub fn cell(kind: Kind, s: &str) -> Cow<'_, str> {
    match (kind, s.chars().next()) {
        (Kind::Text, Some('=' | '+' | '-' | '@')) => format!("'{s}").into(),
        _ => s.into(),
    }
}

/// Appends the CSV lines of rows to a byte buffer.
pub struct CsvBuffer {
    writer: csv::Writer<Vec<u8>>,
    rows: usize,
}

impl Default for CsvBuffer {
    fn default() -> CsvBuffer {
        CsvBuffer {
            writer: csv::WriterBuilder::new()
                .buffer_capacity(1024)
                .from_writer(Vec::new()),
            rows: 0,
        }
    }
}

impl CsvBuffer {
    pub fn push(&mut self, columns: &[Column], row: &[String]) {
        let cells = columns
            .iter()
            .zip(row)
            .map(|(c, v)| cell(c.kind, v).into_owned());
        // Writing into memory cannot fail.
        let _ = self.writer.write_record(cells);
        self.rows += 1;
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.writer.into_inner().unwrap_or_default()
    }
}

/// The header line of a table, after the byte order mark.
pub fn header(out: &mut impl Write, columns: &[Column]) -> io::Result<()> {
    out.write_all(BOM.as_bytes())?;
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(columns.iter().map(|c| c.name))?;
    out.write_all(
        &w.into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_input_text_is_guarded() {
        assert_eq!(cell(Kind::Text, "=1+1"), "'=1+1");
        assert_eq!(cell(Kind::Text, "@x"), "'@x");
        assert_eq!(cell(Kind::Text, "Hà Nội"), "Hà Nội");
        assert_eq!(cell(Kind::Date, "--11-04"), "--11-04");
        assert_eq!(cell(Kind::Code, "-"), "-");
    }

    #[test]
    fn rows_are_quoted() {
        let cols = [
            super::super::tables::text("a"),
            super::super::tables::text("b"),
        ];
        let mut b = CsvBuffer::default();
        b.push(&cols, &["x, y".into(), "say \"hi\"".into()]);
        assert_eq!(
            String::from_utf8(b.into_bytes()).unwrap(),
            "\"x, y\",\"say \"\"hi\"\"\"\n"
        );
    }
}
