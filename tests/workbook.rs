//! The workbook (`--excel`), read back: the summary sheet first, every
//! table as a sheet with its header frozen, a filter and fitted widths,
//! numbers as numbers, and a cell longer than Excel allows cut and marked
//! without ending the run.

mod support;

use calamine::{Data, Reader, Xlsx, open_workbook};
use std::io::Read;
use std::path::{Path, PathBuf};
use support::{csv_rows, extract, stderr};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The project's corpus plus one article whose only sentence is longer
/// than an Excel cell.
fn input() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in walk(&corpus()) {
        let rel = entry.strip_prefix(corpus()).unwrap();
        let to = dir.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&entry, to).unwrap();
    }
    let long = format!(
        "Ngày 4/11/2022, {}kết thúc.\n",
        "các đại biểu thảo luận sôi nổi ".repeat(1_400)
    );
    assert!(long.chars().count() > 40_000);
    std::fs::write(dir.path().join("zz-long.txt"), long).unwrap();
    dir
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn sheet_xml(book: &Path) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(book).unwrap()).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        if name.starts_with("xl/worksheets/sheet") {
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            out.push((name, s));
        }
    }
    out
}

#[test]
fn the_workbook_reads_back_with_every_table_and_a_summary() {
    let input = input();
    let (_tmp, out, o) = extract(input.path(), &["--excel", "--types", "all"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("were cut"), "{}", stderr(&o));
    let path = out.join("vnextract.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let names = book.sheet_names().to_vec();
    assert_eq!(names[0], "summary");
    for table in [
        "articles",
        "sentences",
        "dates",
        "persons",
        "titles",
        "units",
        "resolutions",
        "article_people",
        "people",
        "documents",
        "errors",
    ] {
        assert!(
            names.iter().any(|n| n == table),
            "no sheet {table}: {names:?}"
        );
        let sheet = book.worksheet_range(table).unwrap();
        let csv = csv_rows(&out.join(format!("{table}.csv")));
        assert_eq!(sheet.height(), csv.len() + 1, "{table}: rows");
        let header: Vec<String> = sheet
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        let csv_header = std::fs::read_to_string(out.join(format!("{table}.csv"))).unwrap();
        let first = csv_header
            .trim_start_matches('\u{FEFF}')
            .lines()
            .next()
            .unwrap()
            .to_string();
        assert_eq!(header.join(","), first, "{table}: header");
    }
    // Offsets are numbers.
    let dates = book.worksheet_range("dates").unwrap();
    assert!(
        matches!(dates.get((1, 2)), Some(Data::Float(_))),
        "{:?}",
        dates.get((1, 2))
    );

    // The summary: figures by section.
    let summary = book.worksheet_range("summary").unwrap();
    let rows: Vec<Vec<String>> = summary
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows[0], ["section", "item", "count", "articles"]);
    let n_articles = csv_rows(&out.join("articles.csv")).len().to_string();
    assert!(rows.contains(&vec![
        "run".into(),
        "articles".into(),
        n_articles,
        String::new()
    ]));
    let sections: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    for s in [
        "mentions",
        "option",
        "top persons",
        "top units",
        "top titles",
        "top documents",
        "dates per month",
    ] {
        assert!(sections.contains(&s), "no {s} in the summary");
    }
    assert!(
        rows.iter()
            .any(|r| r[0] == "option" && r[1] == "context = window")
    );
    assert!(
        rows.iter()
            .any(|r| r[0] == "dates per month" && r[1] == "2022-11")
    );
    let persons = rows.iter().filter(|r| r[0] == "top persons").count();
    assert!((1..=20).contains(&persons));

    // The long sentence: cut and marked in the workbook, whole in the CSV.
    let sentences = book.worksheet_range("sentences").unwrap();
    let cut = sentences
        .rows()
        .map(|r| r[4].to_string())
        .find(|t| t.contains("see the CSV file]"))
        .expect("a marked cell");
    assert!(cut.encode_utf16().count() <= 32_767);
    let whole = csv_rows(&out.join("sentences.csv"))
        .into_iter()
        .map(|r| r["text"].clone())
        .max_by_key(|t| t.len())
        .unwrap();
    assert!(whole.chars().count() > 40_000 && whole.ends_with("kết thúc."));
}

#[test]
fn every_sheet_has_a_frozen_header_a_filter_and_capped_widths() {
    let input = input();
    let (_tmp, out, o) = extract(input.path(), &["--excel", "--quiet", "--types", "all"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let sheets = sheet_xml(&out.join("vnextract.xlsx"));
    assert_eq!(sheets.len(), 12);
    for (name, xml) in &sheets {
        assert!(xml.contains("<autoFilter ref=\"A1:"), "{name}: no filter");
        assert!(xml.contains("ySplit=\"1\""), "{name}: header not frozen");
        let widths: Vec<f64> = xml
            .split("width=\"")
            .skip(1)
            .map(|w| w.split('"').next().unwrap().parse().unwrap())
            .collect();
        assert!(!widths.is_empty(), "{name}: no widths");
        assert!(
            widths.iter().all(|&w| (3.0..=62.0).contains(&w)),
            "{name}: {widths:?}"
        );
    }
}
