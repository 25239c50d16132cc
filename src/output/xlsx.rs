//! `vnextract.xlsx`: the same tables as the CSV files, one sheet each, in
//! rust_xlsxwriter's constant-memory mode so that a large run stays
//! bounded. Offsets and counts are numbers; everything else is text.

use super::tables::Table;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::io;
use std::path::{Path, PathBuf};

/// Excel's last row; rows past it are counted and reported in a last row.
const MAX_ROWS: u32 = 1_048_575;

pub struct XlsxSink {
    workbook: Workbook,
    path: PathBuf,
    next_row: Vec<u32>,
    dropped: Vec<u64>,
    bold: Format,
}

fn to_io(e: XlsxError) -> io::Error {
    io::Error::other(e.to_string())
}

fn index(t: Table) -> usize {
    Table::ALL
        .iter()
        .position(|&x| x == t)
        .expect("every table is listed")
}

impl XlsxSink {
    pub fn create(path: &Path) -> io::Result<XlsxSink> {
        let mut workbook = Workbook::new();
        let bold = Format::new().set_bold();
        for t in Table::ALL {
            let ws = workbook
                .add_worksheet_with_constant_memory()
                .map_err(to_io)?;
            ws.set_name(t.name()).map_err(to_io)?;
            for (c, h) in t.header().iter().enumerate() {
                ws.write_string_with_format(0, c as u16, *h, &bold)
                    .map_err(to_io)?;
            }
            ws.set_freeze_panes(1, 0).map_err(to_io)?;
        }
        Ok(XlsxSink {
            workbook,
            path: path.to_path_buf(),
            next_row: vec![1; Table::ALL.len()],
            dropped: vec![0; Table::ALL.len()],
            bold,
        })
    }

    pub fn write_row(&mut self, t: Table, row: &[String]) -> io::Result<()> {
        let i = index(t);
        let r = self.next_row[i];
        if r >= MAX_ROWS {
            self.dropped[i] += 1;
            return Ok(());
        }
        let header = t.header();
        let ws = self.workbook.worksheet_from_index(i).map_err(to_io)?;
        for (c, value) in row.iter().enumerate() {
            let numeric = header.get(c).is_some_and(|h| t.is_numeric(h));
            match value.parse::<f64>() {
                Ok(n) if numeric => ws.write_number(r, c as u16, n),
                _ if value.is_empty() => continue,
                _ => ws.write_string(r, c as u16, value),
            }
            .map_err(to_io)?;
        }
        self.next_row[i] += 1;
        Ok(())
    }

    pub fn finish(&mut self) -> io::Result<()> {
        for t in Table::ALL {
            let i = index(t);
            if self.dropped[i] > 0 {
                let ws = self.workbook.worksheet_from_index(i).map_err(to_io)?;
                let note = format!(
                    "{} more rows than Excel holds: see {}.csv",
                    self.dropped[i],
                    t.name()
                );
                ws.write_string_with_format(MAX_ROWS, 0, note, &self.bold)
                    .map_err(to_io)?;
            }
        }
        self.workbook.save(&self.path).map_err(to_io)
    }
}
