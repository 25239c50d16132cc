//! `vnextract.xlsx`: a `summary` sheet first, then the same tables as the
//! CSV files, one sheet each, in rust_xlsxwriter's constant-memory mode so
//! that a large run stays bounded. Every sheet has a frozen header, an
//! autofilter and column widths fitted to its content (capped). Counts
//! and offsets are numbers, full dates are dates.
//!
//! Excel's limits never end a run: a cell over 32,767 characters is cut
//! and marked (the CSV file has it whole); a table longer than a sheet
//! goes on in a sheet `name (2)`, `name (3)`...

use super::tables::{Column, Kind, Table};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use std::io;
use std::path::{Path, PathBuf};

/// Rows of an Excel sheet, header included.
pub const SHEET_ROWS: u32 = 1_048_576;
/// Characters (UTF-16 units) of an Excel cell.
const CELL_CHARS: usize = 32_767;
/// Widest column, in characters.
const MAX_WIDTH: usize = 60;
/// Rows of a sheet whose cells set the column widths.
const WIDTH_SAMPLE: u32 = 2_000;

fn to_io(e: XlsxError) -> io::Error {
    io::Error::other(e.to_string())
}

/// One sheet being written (a table may run over several).
struct Sheet {
    table: Table,
    index: usize,
    next_row: u32,
    widths: Vec<usize>,
}

pub struct XlsxSink {
    workbook: Workbook,
    path: PathBuf,
    tables: Vec<(Table, Vec<Column>)>,
    /// The sheet each table is written to now.
    sheets: Vec<Sheet>,
    /// Sheets filled, kept for their widths and filters.
    full: Vec<Sheet>,
    sheet_rows: u32,
    bold: Format,
    date: Format,
    /// Cells cut to Excel's limit.
    pub cut_cells: u64,
    /// Sheets added because a table was longer than one sheet.
    pub extra_sheets: Vec<String>,
}

impl XlsxSink {
    /// A workbook with a `summary` sheet and one sheet per table.
    pub fn create(path: &Path, tables: &[(Table, Vec<Column>)]) -> io::Result<XlsxSink> {
        XlsxSink::with_sheet_rows(path, tables, SHEET_ROWS)
    }

    /// As [`XlsxSink::create`], with sheets of `sheet_rows` rows (tests).
    pub fn with_sheet_rows(
        path: &Path,
        tables: &[(Table, Vec<Column>)],
        sheet_rows: u32,
    ) -> io::Result<XlsxSink> {
        let mut workbook = Workbook::new();
        workbook
            .add_worksheet()
            .set_name("summary")
            .map_err(to_io)?;
        let mut sink = XlsxSink {
            workbook,
            path: path.to_path_buf(),
            tables: tables.to_vec(),
            sheets: Vec::new(),
            full: Vec::new(),
            sheet_rows: sheet_rows.max(2),
            bold: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            cut_cells: 0,
            extra_sheets: Vec::new(),
        };
        for (t, _) in tables {
            let sheet = sink.add_sheet(*t, t.name())?;
            sink.sheets.push(sheet);
        }
        Ok(sink)
    }

    fn add_sheet(&mut self, table: Table, name: &str) -> io::Result<Sheet> {
        let columns = self.columns(table).to_vec();
        let ws = self
            .workbook
            .add_worksheet_with_constant_memory()
            .map_err(to_io)?;
        ws.set_name(name).map_err(to_io)?;
        for (c, col) in columns.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, col.name, &self.bold)
                .map_err(to_io)?;
        }
        ws.set_freeze_panes(1, 0).map_err(to_io)?;
        Ok(Sheet {
            table,
            index: self.workbook.worksheets_mut().len() - 1,
            next_row: 1,
            // Room for the header and its filter button.
            widths: columns.iter().map(|c| c.name.chars().count() + 3).collect(),
        })
    }

    fn columns(&self, t: Table) -> &[Column] {
        self.tables
            .iter()
            .find(|(x, _)| *x == t)
            .map(|(_, c)| c.as_slice())
            .unwrap_or(&[])
    }

    pub fn write_row(&mut self, t: Table, row: &[String]) -> io::Result<()> {
        let Some(at) = self.sheets.iter().position(|s| s.table == t) else {
            return Ok(());
        };
        if self.sheets[at].next_row >= self.sheet_rows {
            let name = format!("{} ({})", t.name(), self.sheets_of(t) + 1);
            let next = self.add_sheet(t, &name)?;
            self.extra_sheets.push(name);
            let filled = std::mem::replace(&mut self.sheets[at], next);
            self.full.push(filled);
        }
        let columns = self.columns(t).to_vec();
        let sheet = &mut self.sheets[at];
        let r = sheet.next_row;
        let ws = self
            .workbook
            .worksheet_from_index(sheet.index)
            .map_err(to_io)?;
        for (c, (value, col)) in row.iter().zip(&columns).enumerate() {
            if value.is_empty() {
                continue;
            }
            let c16 = c as u16;
            let width = match col.kind {
                Kind::Number if value.parse::<f64>().is_ok() => {
                    ws.write_number(r, c16, value.parse::<f64>().unwrap_or(0.0))
                        .map_err(to_io)?;
                    value.len()
                }
                Kind::Date if full_date(value).is_some() => {
                    let d = full_date(value).expect("checked");
                    ws.write_datetime_with_format(r, c16, d, &self.date)
                        .map_err(to_io)?;
                    10
                }
                _ => {
                    let (text, cut) = fit_cell(value);
                    self.cut_cells += u64::from(cut);
                    ws.write_string(r, c16, text.as_ref()).map_err(to_io)?;
                    if r <= WIDTH_SAMPLE {
                        text.chars().take(MAX_WIDTH + 1).count()
                    } else {
                        0
                    }
                }
            };
            if let Some(w) = sheet.widths.get_mut(c) {
                *w = (*w).max(width.min(MAX_WIDTH) + 1);
            }
        }
        sheet.next_row += 1;
        Ok(())
    }

    fn sheets_of(&self, t: Table) -> usize {
        self.full.iter().filter(|s| s.table == t).count() + 1
    }

    /// Write the summary sheet's rows (section, item, count, articles),
    /// set widths and filters, and save the workbook.
    pub fn finish(
        mut self,
        summary: &[(String, String, Option<u64>, Option<u64>)],
    ) -> io::Result<()> {
        let header = ["section", "item", "count", "articles"];
        let mut widths: Vec<usize> = header.iter().map(|h| h.len() + 3).collect();
        let ws = self.workbook.worksheet_from_index(0).map_err(to_io)?;
        for (c, h) in header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &self.bold)
                .map_err(to_io)?;
        }
        for (i, (section, item, count, articles)) in summary.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, section).map_err(to_io)?;
            ws.write_string(r, 1, fit_cell(item).0.as_ref())
                .map_err(to_io)?;
            for (c, n) in [(2u16, count), (3, articles)] {
                if let Some(n) = n {
                    ws.write_number(r, c, *n as f64).map_err(to_io)?;
                }
            }
            widths[0] = widths[0].max(section.chars().count() + 1);
            widths[1] = widths[1].max(item.chars().count().min(MAX_WIDTH) + 1);
        }
        finish_sheet(ws, &widths, summary.len() as u32)?;
        let sheets: Vec<Sheet> = self.full.drain(..).chain(self.sheets.drain(..)).collect();
        for s in sheets {
            let ws = self.workbook.worksheet_from_index(s.index).map_err(to_io)?;
            finish_sheet(ws, &s.widths, s.next_row - 1)?;
        }
        self.workbook.save(&self.path).map_err(to_io)
    }
}

fn finish_sheet(
    ws: &mut rust_xlsxwriter::Worksheet,
    widths: &[usize],
    last_row: u32,
) -> io::Result<()> {
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w as f64).map_err(to_io)?;
    }
    if !widths.is_empty() {
        ws.autofilter(0, 0, last_row.max(1), widths.len() as u16 - 1)
            .map_err(to_io)?;
    }
    ws.set_freeze_panes(1, 0).map_err(to_io)?;
    Ok(())
}

/// `YYYY-MM-DD` as an Excel date (Excel's dates start in 1900).
fn full_date(value: &str) -> Option<ExcelDateTime> {
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: u16 = value[0..4].parse().ok()?;
    let m: u8 = value[5..7].parse().ok()?;
    let d: u8 = value[8..10].parse().ok()?;
    if y < 1900 {
        return None;
    }
    ExcelDateTime::from_ymd(y, m, d).ok()
}

/// A cell within Excel's limit: a longer one is cut and says so.
fn fit_cell(value: &str) -> (std::borrow::Cow<'_, str>, bool) {
    if value.len() <= CELL_CHARS || value.encode_utf16().count() <= CELL_CHARS {
        return (value.into(), false);
    }
    let total = value.chars().count();
    let mark = format!(" …[cut: {total} characters in all, see the CSV file]");
    let room = CELL_CHARS - mark.encode_utf16().count();
    let mut units = 0;
    let mut end = 0;
    for (i, c) in value.char_indices() {
        units += c.len_utf16();
        if units > room {
            break;
        }
        end = i + c.len_utf8();
    }
    (format!("{}{mark}", &value[..end]).into(), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_cells_are_cut_and_marked() {
        let long = "ă".repeat(40_000);
        let (cut, was_cut) = fit_cell(&long);
        assert!(was_cut);
        assert!(cut.encode_utf16().count() <= CELL_CHARS);
        assert!(cut.ends_with("see the CSV file]") && cut.contains("40000 characters"));
        assert_eq!(fit_cell("ngắn"), ("ngắn".into(), false));
    }

    #[test]
    fn full_dates_only() {
        assert!(full_date("2022-11-04").is_some());
        assert!(full_date("--11-04").is_none());
        assert!(full_date("2022-Q4").is_none());
        assert!(full_date("1855-02-07").is_none());
    }

    #[test]
    fn a_long_table_goes_on_in_another_sheet() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.xlsx");
        let tables = vec![(Table::Errors, Table::Errors.columns(&Default::default()))];
        let mut x = XlsxSink::with_sheet_rows(&path, &tables, 3).unwrap();
        for i in 0..5 {
            x.write_row(Table::Errors, &[format!("p{i}"), "k".into(), "m".into()])
                .unwrap();
        }
        assert_eq!(x.extra_sheets, vec!["errors (2)", "errors (3)"]);
        x.finish(&[]).unwrap();
        assert!(path.is_file());
    }
}
