//! Large and repetitive articles: read in sections above `--max-article-mb`
//! with the same mentions as a whole reading, and context cells bounded
//! however long the sentence. Inputs are written by the tests; nothing is
//! timed (the benchmark in benches/ measures speed).

mod support;

use support::{articles, csv_rows, extract, files_in, run, stderr};

/// A paragraph that every extractor finds something in.
const PARAGRAPH: &str = "Ngày 12/3/2021, ông Trần Minh Khoa, Phó Chủ tịch UBND tỉnh Bình Định, \
     làm việc với Sở Y tế về Nghị quyết số 15/NQ-HĐND ngày 5/1/2021 của HĐND tỉnh. \
     Bà Lê Thị Hoa cho biết kế hoạch sẽ xong trong quý 4 năm 2021.\n\n";

/// (type, start, end, text, value) of every mention in articles.jsonl.
fn mentions(out: &std::path::Path) -> Vec<(String, u64, u64, String, String)> {
    let text = std::fs::read_to_string(out.join("articles.jsonl")).unwrap();
    let mut all = Vec::new();
    for line in text.lines() {
        let a: serde_json::Value = serde_json::from_str(line).unwrap();
        for e in a["entities"].as_array().unwrap() {
            all.push((
                e["type"].as_str().unwrap().to_string(),
                e["start"].as_u64().unwrap(),
                e["end"].as_u64().unwrap(),
                e["text"].as_str().unwrap().to_string(),
                e["value"].to_string(),
            ));
        }
    }
    all
}

#[test]
fn an_article_over_the_limit_is_read_in_sections_with_the_same_mentions() {
    let text = PARAGRAPH.repeat(60);
    let dir = articles(&[("long.txt", &text)]);
    let (_t1, whole_out, whole) = extract(dir.path(), &["--quiet"]);
    assert!(whole.status.success(), "{}", stderr(&whole));
    // About 2 KB a section: the article is cut into a dozen or more.
    let (_t2, cut_out, cut) = extract(dir.path(), &["--quiet", "--max-article-mb", "0.002"]);
    assert!(cut.status.success(), "{}", stderr(&cut));
    let (whole, cut) = (mentions(&whole_out), mentions(&cut_out));
    assert!(whole.len() >= 60 * 5, "{}", whole.len());
    assert_eq!(whole, cut);
    // Offsets point into the whole text, not into a section.
    let chars: Vec<char> = text.chars().collect();
    for (_, s, e, t, _) in &cut {
        let at: String = chars[*s as usize..*e as usize].iter().collect();
        assert_eq!(&at, t);
    }
    // The sentence table and the context cells are those of the whole text.
    let rows = csv_rows(&cut_out.join("persons.csv"));
    assert_eq!(rows.len(), 120);
    assert!(rows.iter().all(|r| r["context"].contains("[[")));
}

#[test]
fn stream_reads_a_long_record_in_sections_too() {
    let record = serde_json::json!({"id": "a", "text": PARAGRAPH.repeat(30)}).to_string();
    let stream = |extra: &[&str]| {
        use std::io::Write;
        let mut child = support::bin()
            .arg("stream")
            .args(extra)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(format!("{record}\n").as_bytes())
            .unwrap();
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success());
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["entities"].clone()
    };
    let whole = stream(&[]);
    assert!(whole.as_array().unwrap().len() >= 30 * 5);
    assert_eq!(whole, stream(&["--max-article-mb", "0.001"]));
}

#[test]
fn a_bad_size_limit_is_refused() {
    for bad in ["0", "-1", "abc", "NaN"] {
        let arg = format!("--max-article-mb={bad}");
        let o = run(&["stream", &arg]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains("max-article-mb"), "{}", stderr(&o));
    }
}

#[test]
fn every_repeated_mention_is_found_once_with_a_bounded_context() {
    // One sentence of thousands of dates and of titles with their units:
    // every mention gets its row, and no context cell holds the sentence.
    let dates = "1/1/2020 ".repeat(3000);
    let titles = "Phó Chủ tịch UBND tỉnh ".repeat(1500);
    let dir = articles(&[("dates.txt", &dates), ("titles.txt", &titles)]);
    for mode in ["window", "sentence"] {
        let (_t, out, o) = extract(dir.path(), &["--quiet", "--context", mode]);
        assert!(o.status.success(), "{}", stderr(&o));
        let rows = csv_rows(&out.join("dates.csv"));
        assert_eq!(rows.len(), 3000);
        let titles = csv_rows(&out.join("titles.csv"));
        assert!(titles.len() >= 1000, "{}", titles.len());
        let most = if mode == "window" { 200 } else { 2100 };
        for r in rows.iter().chain(&titles) {
            assert!(r["context"].chars().count() <= most, "{}", r["context"]);
        }
    }
}

#[test]
fn repeated_citations_and_name_runs_are_read_once_each() {
    // The same document cited 1,500 times: a row per citation, one
    // document in the index (its issuer gathered once, not per citation).
    let cited = "Theo Nghị quyết số 12/NQ-CP của Chính phủ, ".repeat(1500);
    // A run of 6,000 capitalised name words is no name (too long for one).
    let names = "Nguyễn Văn ".repeat(3000);
    let dir = articles(&[("cited.txt", &cited), ("names.txt", &names)]);
    let (_t, out, o) = extract(dir.path(), &["--quiet"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = csv_rows(&out.join("resolutions.csv"));
    assert_eq!(rows.len(), 1500);
    assert_eq!(csv_rows(&out.join("documents.csv")).len(), 1);
    assert!(csv_rows(&out.join("persons.csv")).is_empty());
}

#[test]
fn an_article_read_in_sections_gives_the_tables_of_the_whole() {
    // Metadata lines, then paragraphs where a later short form (`ông
    // Khoa`) and a title refer to a person named in full in the same
    // section, cut at paragraph ends: every table is the same as when the
    // article is read whole, people merged into one row per article.
    let para = |i: usize| {
        format!(
            "Ngày {}/3/2021, ông Trần Minh Khoa, Phó Chủ tịch UBND tỉnh Bình Định, làm việc \
             với Sở Y tế về Nghị quyết số {}/NQ-HĐND. Ông Khoa đề nghị bà Lê Thị Hoa, Giám \
             đốc Sở Y tế, báo cáo trong quý 4 năm 2021.\n\n",
            i % 28 + 1,
            i % 7 + 10
        )
    };
    let body: String = (0..80).map(para).collect();
    let text = format!("# date = 2021-03-20\n# title = Họp bàn\n{body}");
    let dir = articles(&[("long.txt", &text), ("short.txt", &para(3))]);
    let args = ["--quiet", "--types", "all", "--excel"];
    let (_t1, whole_out, whole) = extract(dir.path(), &args);
    assert!(whole.status.success(), "{}", stderr(&whole));
    for extra in [&["--threads", "1"][..], &["--threads", "2", "--no-batch"]] {
        let mut cut_args = args.to_vec();
        cut_args.extend(["--max-article-mb", "0.003"]);
        cut_args.extend(extra);
        let (_t2, cut_out, cut) = extract(dir.path(), &cut_args);
        assert!(cut.status.success(), "{}", stderr(&cut));
        // The reader is told the article was read in sections; it is no error.
        assert!(
            stderr(&cut).contains("read in sections"),
            "{}",
            stderr(&cut)
        );
        let (whole, cut) = (files_in(&whole_out), files_in(&cut_out));
        assert_eq!(
            whole.keys().collect::<Vec<_>>(),
            cut.keys().collect::<Vec<_>>()
        );
        for (name, bytes) in &whole {
            // The workbook is zipped with times: its tables are the CSVs'.
            if name.ends_with(".csv") || name.ends_with(".jsonl") {
                assert!(
                    bytes == &cut[name],
                    "{name} differs when the article is read in sections"
                );
            }
        }
    }
    let people = csv_rows(&whole_out.join("article_people.csv"));
    let khoa: Vec<_> = people
        .iter()
        .filter(|r| r["article_id"] == "long" && r["person"] == "Trần Minh Khoa")
        .collect();
    assert_eq!(khoa.len(), 1);
    assert_eq!(khoa[0]["mentions"], "160");
}

#[test]
fn a_short_form_takes_the_full_name_of_an_earlier_section() {
    // The full name only in the first paragraph, the short form only in
    // the last ones, sections of about 3 KB between them.
    let first = "Ông Trần Minh Khoa, Phó Chủ tịch UBND tỉnh Bình Định, đến thăm trường.\n\n";
    let filler = "Buổi làm việc diễn ra trong không khí cởi mở và thân mật.\n\n".repeat(150);
    let last = "Ông Khoa đề nghị nhà trường chăm lo cho học sinh.\n\n".repeat(3);
    let dir = articles(&[("a.txt", &format!("{first}{filler}{last}"))]);
    let values = |extra: &[&str]| {
        let mut args = vec!["--quiet", "--no-batch"];
        args.extend(extra);
        let (_t, out, o) = extract(dir.path(), &args);
        assert!(o.status.success(), "{}", stderr(&o));
        let rows = csv_rows(&out.join("persons.csv"));
        rows.iter()
            .map(|r| (r["text"].clone(), r["value"].clone()))
            .collect::<Vec<_>>()
    };
    let whole = values(&[]);
    assert_eq!(whole.len(), 4, "{whole:?}");
    assert!(
        whole.iter().all(|(_, v)| v == "Trần Minh Khoa"),
        "{whole:?}"
    );
    assert_eq!(values(&["--max-article-mb", "0.003"]), whole);
}
