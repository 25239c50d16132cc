//! A messy folder as users have them: the 194 articles of the unc-2020
//! corpus (read from ../shared at test time) beside every kind of bad or
//! odd input. The corpus articles must come out exactly as when they are
//! run alone, each bad file must have exactly one errors.csv row, the odd
//! but readable files none, and the run must end with status 1.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use vnextract::input::legacy::{Legacy, encode_as};

fn unc_2020() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/unc-2020")
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

/// Entities per article id (ids relative to `prefix`).
fn by_id(out: &Path, prefix: &str) -> BTreeMap<String, Vec<Mention>> {
    articles(out)
        .iter()
        .filter_map(|a| {
            let id = a["id"].as_str()?.strip_prefix(prefix)?.to_string();
            Some((id, entities(a)))
        })
        .collect()
}

/// The readable-but-odd files (no row expected) and the bad files (one
/// row each), written into `dir`.
fn odd_and_bad(dir: &Path) -> (Vec<&'static str>, Vec<&'static str>) {
    let dated = |end: &str| format!("# date = 2021-03-12{end}{}", ARTICLE.replace('\n', end));
    write(dir, "fixed/utf8.txt", ARTICLE);
    write(dir, "fixed/cr.txt", dated("\r"));
    write(dir, "fixed/u2028.txt", dated("\u{2028}"));
    let mut le = vec![0xFF, 0xFE, 0, 0];
    let mut be = vec![0, 0, 0xFE, 0xFF];
    for c in ARTICLE.chars() {
        le.extend_from_slice(&(c as u32).to_le_bytes());
        be.extend_from_slice(&(c as u32).to_be_bytes());
    }
    write(dir, "fixed/utf32le.txt", le);
    write(dir, "fixed/utf32be.txt", be);
    write(
        dir,
        "fixed/cp1258.txt",
        encode_as(ARTICLE, Legacy::Windows1258).unwrap(),
    );
    write(
        dir,
        "fixed/tcvn3.txt",
        encode_as(ARTICLE, Legacy::Tcvn3).unwrap(),
    );
    write(
        dir,
        "fixed/vni.txt",
        encode_as(ARTICLE, Legacy::Vni).unwrap(),
    );
    let record = serde_json::json!({"id": "from-bom-jsonl", "text": ARTICLE});
    write(dir, "fixed/bom.jsonl", format!("\u{FEFF}{record}\n"));
    let paragraphs: String = ARTICLE.lines().map(|l| format!("<p>{l}</p>")).collect();
    write(
        dir,
        "fixed/page.html",
        format!("<title>Cầu</title><nav>Trang chủ</nav><article>{paragraphs}</article>"),
    );
    let fixed = vec![
        "fixed/utf8.txt",
        "fixed/cr.txt",
        "fixed/u2028.txt",
        "fixed/utf32le.txt",
        "fixed/utf32be.txt",
        "fixed/cp1258.txt",
        "fixed/tcvn3.txt",
        "fixed/vni.txt",
        "fixed/bom.jsonl",
        "fixed/page.html",
    ];

    write(dir, "bad/binary.txt", b"\x00\x01\x02\x03binary");
    write(
        dir,
        "bad/latin1.txt",
        b"Sch\xf6ne Gr\xfc\xdfe aus M\xfcnchen und K\xf6ln.",
    );
    write(
        dir,
        "bad/unsure.txt",
        encode_as("Ngày họp.", Legacy::Vni).unwrap(),
    );
    write(
        dir,
        "bad/utf16-broken.txt",
        [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8],
    );
    write(
        dir,
        "bad/date-feb30.txt",
        "# date = 2022-02-30\nNgày 30/9 họp.",
    );
    write(
        dir,
        "bad/date-feb29.txt",
        "# date = 2021-02-29\nNgày 30/9 họp.",
    );
    write(
        dir,
        "bad/date-0000.txt",
        "# date = 0000-01-01\nNgày 30/9 họp.",
    );
    write(
        dir,
        "bad/date-2500.txt",
        "# date = 2500-01-01\nNgày 30/9 họp.",
    );
    write(dir, "bad/dup.text", "Ngày 1/2/2020 họp.");
    write(dir, "bad/dup.txt", "Ngày 2/2/2020 họp.");
    write(
        dir,
        "bad/records.jsonl",
        "{\"id\": \"ok-record\", \"text\": \"Ngày 3/2/2020 họp.\"}\n{\"id\": broken\n",
    );
    write(dir, "bad/not-records.json", "[1]");
    write(dir, "bad/deep.html", "<div><b>".repeat(3000));
    let mut bad = vec![
        "bad/binary.txt",
        "bad/latin1.txt",
        "bad/unsure.txt",
        "bad/utf16-broken.txt",
        "bad/date-feb30.txt",
        "bad/date-feb29.txt",
        "bad/date-0000.txt",
        "bad/date-2500.txt",
        "bad/dup.txt",
        "bad/records.jsonl",
        "bad/not-records.json",
        "bad/deep.html",
    ];
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        // `links/` is walked after `fixed/`, so the link is the second way
        // to `fixed/utf8.txt`.
        std::fs::create_dir(dir.join("links")).unwrap();
        symlink(dir, dir.join("links/loop")).unwrap();
        symlink(dir.join("nowhere.txt"), dir.join("links/dead.txt")).unwrap();
        symlink(
            dir.join("fixed/utf8.txt"),
            dir.join("links/same-as-utf8.txt"),
        )
        .unwrap();
        bad.extend(["links/loop", "links/dead.txt", "links/same-as-utf8.txt"]);
    }
    (fixed, bad)
}

#[test]
fn the_corpus_comes_out_whole_beside_every_bad_input() {
    let corpus = unc_2020();
    let names: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 194, "the unc-2020 corpus has 194 articles");

    let alone = tempfile::tempdir().unwrap();
    let o = extract(&[&corpus], alone.path(), &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let expected = by_id(alone.path(), "");
    assert_eq!(expected.len(), 194);

    let messy = tempfile::tempdir().unwrap();
    for n in &names {
        write(
            messy.path(),
            &format!("unc-2020/{}", n.to_string_lossy()),
            std::fs::read(corpus.join(n)).unwrap(),
        );
    }
    let (fixed, bad) = odd_and_bad(messy.path());
    let out = tempfile::tempdir().unwrap();
    let o = extract(&[messy.path()], out.path(), &[]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    assert_eq!(by_id(out.path(), "unc-2020/"), expected);

    let rows = errors(out.path());
    let rows_of = |f: &str| {
        let p = messy.path().join(f).display().to_string();
        rows.iter()
            .filter(|r| {
                r.0 == p || r.0.starts_with(&format!("{p}:")) || r.0.starts_with(&format!("{p}#"))
            })
            .count()
    };
    for f in &bad {
        assert_eq!(rows_of(f), 1, "{f}: {rows:#?}");
    }
    for f in &fixed {
        assert_eq!(rows_of(f), 0, "{f}: {rows:#?}");
    }
    assert_eq!(rows.len(), bad.len(), "{rows:#?}");

    // The odd files read as the article they hold.
    let all = articles(out.path());
    let reference = entities(article(&all, "fixed/utf8"));
    for id in ["cp1258", "tcvn3", "vni", "utf32le", "utf32be", "page"] {
        assert_eq!(
            entities(article(&all, &format!("fixed/{id}"))),
            reference,
            "{id}"
        );
    }
    for id in ["fixed/cr", "fixed/u2028"] {
        assert_eq!(article(&all, id)["date"], "2021-03-12", "{id}");
    }
    assert!(all.iter().any(|a| a["id"] == "from-bom-jsonl"));
    assert!(all.iter().any(|a| a["id"] == "ok-record"));
    for id in ["bad/date-feb30", "bad/date-0000", "bad/dup", "bad/dup~2"] {
        article(&all, id);
    }
}
