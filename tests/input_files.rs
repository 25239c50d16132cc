//! Input as users and old systems write it, through the real binary: line
//! ends, UTF-32, legacy encodings, byte order marks, links, clashing ids,
//! impossible dates. Every input here is written by the test itself.

mod common;

use common::*;
use std::path::Path;
use vnextract::input::legacy::{Legacy, encode_as};

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

#[test]
fn headers_end_at_any_line_end_and_offsets_count_from_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let ends = [
        ("lf", "\n"),
        ("cr", "\r"),
        ("ls", "\u{2028}"),
        ("ps", "\u{2029}"),
    ];
    for (name, end) in ends {
        let text = ARTICLE.replace('\n', end);
        let header = format!("# date = 2021-03-12{end}# title = Cầu mới{end}");
        write(
            dir.path(),
            &format!("{name}.txt"),
            format!("{header}{text}"),
        );
    }
    let out = tempfile::tempdir().unwrap();
    let o = extract(&[dir.path()], out.path(), &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let all = articles(out.path());
    let reference = entities(article(&all, "lf"));
    assert!(reference.iter().any(|e| e.0 == "person"), "{reference:?}");
    for (name, end) in ends {
        let a = article(&all, name);
        assert_eq!(a["date"], "2021-03-12", "{name}");
        assert_eq!(a["headline"], "Cầu mới", "{name}");
        assert_eq!(entities(a), reference, "{name}");
        assert_offsets_hold(a, &ARTICLE.replace('\n', end));
    }
}

#[test]
fn utf32_and_legacy_encodings_read_as_their_utf8_text() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "utf8.txt", ARTICLE);
    let mut le = vec![0xFF, 0xFE, 0, 0];
    let mut be = vec![0, 0, 0xFE, 0xFF];
    for c in ARTICLE.chars() {
        le.extend_from_slice(&(c as u32).to_le_bytes());
        be.extend_from_slice(&(c as u32).to_be_bytes());
    }
    write(dir.path(), "utf32le.txt", &le);
    write(dir.path(), "utf32be.txt", &be);
    for enc in Legacy::ALL {
        write(
            dir.path(),
            &format!("{}.txt", enc.name()),
            encode_as(ARTICLE, enc).unwrap(),
        );
    }
    let out = tempfile::tempdir().unwrap();
    let o = extract(&[dir.path()], out.path(), &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let all = articles(out.path());
    let reference = entities(article(&all, "utf8"));
    for id in ["utf32le", "utf32be", "windows-1258", "tcvn3", "vni"] {
        assert_eq!(entities(article(&all, id)), reference, "{id}");
    }
    // The encoding read is named on the document.
    for (id, enc) in [("utf32be", "utf-32be"), ("tcvn3", "tcvn3"), ("vni", "vni")] {
        let bytes = std::fs::read(dir.path().join(format!("{id}.txt"))).unwrap();
        let doc = vnextract::input::document_from_bytes(id, id, &bytes).unwrap();
        assert_eq!(doc.encoding, Some(enc));
    }
}

#[test]
fn an_unsure_legacy_file_is_an_error_row_never_mojibake() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", ARTICLE);
    // Latin-1 German: bytes no Vietnamese encoding reads as Vietnamese.
    write(
        dir.path(),
        "latin1.txt",
        b"Sch\xf6ne Gr\xfc\xdfe aus M\xfcnchen und K\xf6ln.",
    );
    // Two accented words only: too little to tell the encoding.
    write(
        dir.path(),
        "short.txt",
        encode_as("Ngày họp.", Legacy::Vni).unwrap(),
    );
    let out = tempfile::tempdir().unwrap();
    let o = extract(&[dir.path()], out.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    let ids: Vec<_> = articles(out.path())
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec!["good"]);
    let rows = errors(out.path());
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().all(|r| r.1 == "undecodable"), "{rows:?}");
    assert!(
        rows.iter()
            .any(|r| r.0.ends_with("short.txt") && r.2.contains("for sure"))
    );
}

#[test]
fn a_byte_order_mark_does_not_break_the_first_record() {
    let dir = tempfile::tempdir().unwrap();
    let record = serde_json::json!({"id": "r1", "text": ARTICLE}).to_string();
    write(dir.path(), "bom.jsonl", format!("\u{FEFF}{record}\r\n"));
    write(dir.path(), "bom.json", format!("\u{FEFF}[{record}]"));
    let out = tempfile::tempdir().unwrap();
    let o = extract(&[dir.path()], out.path(), &[]);
    let all = articles(out.path());
    // Both files hold a record `r1`; the second is made unique (one row).
    let ids: Vec<_> = all.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["r1", "r1~2"]);
    let rows = errors(out.path());
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].1, "duplicate-id");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn clashing_ids_get_a_suffix_a_row_and_a_warning() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    write(one.path(), "a.txt", "Ngày 4/11/2020 họp.");
    write(one.path(), "a.text", "Ngày 5/11/2020 họp.");
    write(two.path(), "a.txt", "Ngày 6/11/2020 họp.");
    let out = tempfile::tempdir().unwrap();
    let o = extract(&[one.path(), two.path()], out.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    let all = articles(out.path());
    let ids: Vec<_> = all.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["a", "a~2", "a~3"]);
    // The suffix follows input order: `a.text` sorts before `a.txt`.
    assert_eq!(article(&all, "a")["entities"][0]["value"], "2020-11-05");
    let rows = errors(out.path());
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().all(|r| r.1 == "duplicate-id"));
    assert!(rows[0].0.ends_with("a.txt") && rows[0].2.contains("`a~2`"));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(stderr.matches("warning").count(), 2, "{stderr}");
}

#[test]
fn impossible_metadata_dates_are_refused_and_the_article_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let bad = [
        "2022-02-30",
        "2021-02-29",
        "0000-01-01",
        "2500-06-01",
        "31/12/1799",
    ];
    for (i, d) in bad.iter().enumerate() {
        write(
            dir.path(),
            &format!("d{i}.txt"),
            format!("# date = {d}\nNgày 30/9 họp."),
        );
    }
    write(dir.path(), "ok.txt", "# date = 2020-02-29\nNgày 30/9 họp.");
    let out = tempfile::tempdir().unwrap();
    let o = extract(&[dir.path()], out.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    let all = articles(out.path());
    assert_eq!(all.len(), bad.len() + 1);
    assert_eq!(article(&all, "ok")["date"], "2020-02-29");
    let rows = errors(out.path());
    assert_eq!(rows.len(), bad.len(), "{rows:?}");
    for (i, d) in bad.iter().enumerate() {
        let a = article(&all, &format!("d{i}"));
        assert!(a["date"].is_null(), "{d}");
        // No year is made up from a refused date (`0000` gave `-001-09-30`).
        let value = a["entities"][0]["value"].as_str().unwrap_or("");
        let negative_year = value.starts_with('-') && !value.starts_with("--");
        assert!(!negative_year, "{d}: {value}");
        let row = &rows[i];
        assert_eq!(row.1, "bad-date");
        assert!(
            row.0.ends_with(&format!("d{i}.txt")) && row.2.contains(d),
            "{row:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn links_are_followed_and_loops_and_dead_links_reported() {
    use std::os::unix::fs::symlink;
    let base = tempfile::tempdir().unwrap();
    let root = base.path().join("in");
    write(&root, "a.txt", "Ngày 4/11/2020 họp.");
    write(base.path(), "elsewhere/b.txt", "Ngày 5/11/2020 họp.");
    write(base.path(), "single.txt", "Ngày 6/11/2020 họp.");
    symlink(base.path().join("elsewhere"), root.join("folder-link")).unwrap();
    symlink(base.path().join("single.txt"), root.join("file-link.txt")).unwrap();
    symlink(&root, root.join("loop")).unwrap();
    symlink(base.path().join("gone.txt"), root.join("dead.txt")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = extract(&[&root], out.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    let ids: Vec<_> = articles(out.path())
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec!["a", "file-link", "folder-link/b"]);
    let kinds: Vec<_> = errors(out.path()).into_iter().map(|r| r.1).collect();
    assert_eq!(kinds, vec!["broken-link", "symlink-loop"]);
}
