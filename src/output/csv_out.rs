//! CSV files an analyst opens in a spreadsheet: UTF-8 with a byte order
//! mark (so Excel reads Vietnamese correctly), one file per table.

use super::tables::Table;
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

type Writer = csv::Writer<BufWriter<File>>;

/// Spreadsheets run cells that start with `=`, `+`, `-` or `@` as
/// formulas; a leading apostrophe keeps them text.
pub fn cell(s: &str) -> std::borrow::Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{s}").into(),
        _ => s.into(),
    }
}

/// One CSV file per table.
pub struct CsvSink {
    writers: HashMap<Table, Writer>,
}

impl CsvSink {
    pub fn create(dir: &Path) -> io::Result<CsvSink> {
        let mut writers = HashMap::new();
        for t in Table::ALL {
            let mut file = BufWriter::new(File::create(dir.join(format!("{}.csv", t.name())))?);
            file.write_all("\u{FEFF}".as_bytes())?;
            let mut w = csv::Writer::from_writer(file);
            w.write_record(t.header())?;
            writers.insert(t, w);
        }
        Ok(CsvSink { writers })
    }

    pub fn write_row(&mut self, t: Table, row: &[String]) -> io::Result<()> {
        let w = self.writers.get_mut(&t).expect("a writer per table");
        w.write_record(row.iter().map(|c| cell(c).into_owned()))?;
        Ok(())
    }

    pub fn finish(&mut self) -> io::Result<()> {
        for w in self.writers.values_mut() {
            w.flush()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("--11-04"), "'--11-04");
        assert_eq!(cell("Hà Nội"), "Hà Nội");
    }
}
