//! Learned tables as rule files: `#` comment lines (what made the file
//! and how to read it), a header row, rows. Plain UTF-8 without a byte
//! order mark, like every file under `rules/`.

use std::io;
use std::path::Path;

/// One learned file.
pub struct Table {
    pub file: &'static str,
    /// What the file holds and how it was mined (one line each).
    pub about: Vec<String>,
    pub columns: Vec<&'static str>,
    /// Rows in their final order.
    pub rows: Vec<Vec<String>>,
}

/// Write `table` into `dir` with the shared header lines first.
pub fn write_table(dir: &Path, header: &[String], table: &Table) -> io::Result<()> {
    let mut out = Vec::new();
    for line in header.iter().chain(&table.about) {
        out.extend_from_slice(b"# ");
        out.extend_from_slice(line.as_bytes());
        out.push(b'\n');
    }
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(&mut out);
        w.write_record(&table.columns)?;
        for r in &table.rows {
            w.write_record(r)?;
        }
        w.flush()?;
    }
    std::fs::write(dir.join(table.file), out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSources;

    #[test]
    fn written_tables_read_back_as_rule_files() {
        let dir = tempfile::tempdir().unwrap();
        let t = Table {
            file: "x.csv",
            about: vec!["what it is".into()],
            columns: vec!["name", "count"],
            rows: vec![
                vec!["Hòa Phát".into(), "3".into()],
                vec!["A, B".into(), "1".into()],
            ],
        };
        write_table(dir.path(), &["made by: test".into()], &t).unwrap();
        let text = std::fs::read_to_string(dir.path().join("x.csv")).unwrap();
        assert!(text.starts_with("# made by: test\n# what it is\nname,count\n"));
        let mut s = RuleSources::embedded();
        s.set("learned/x.csv", &text);
        let table = s.csv("learned/x.csv").unwrap();
        assert_eq!(table.column("name"), vec!["Hòa Phát", "A, B"]);
    }
}
