//! Crawler output through the real binary: web pages, and records with the
//! crawler's own field names, HTML inside them included.

mod common;

use common::*;

/// The test article as a crawler saves the page: menus, scripts, a
/// related-news box, entities for some letters, a publication date.
fn page() -> String {
    let mut lines = ARTICLE.lines();
    let headline = lines.next().unwrap();
    let paragraphs: Vec<String> = lines
        .map(|l| {
            // Spell some letters as entities, and break lines as editors do.
            let l = l
                .replace('à', "&agrave;")
                .replace('ệ', "&#7879;")
                .replace('Đ', "&#x110;")
                .replacen(", ", ",\n      ", 1);
            format!("    <p>{l}</p>")
        })
        .collect();
    format!(
        r#"<!DOCTYPE html>
<html lang="vi"><head>
  <meta charset="utf-8">
  <title>{headline} | Báo Thử Nghiệm</title>
  <meta property="article:published_time" content="2021-03-12T07:30:00+07:00">
  <style>.menu {{ display: flex }}</style>
  <script>window.dataLayer = ["<p>Ngày 1/1/2000</p>"];</script>
</head><body>
  <header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/xa-hoi">Xã hội</a></li></ul></nav></header>
  <article>
    <h1>{headline}</h1>
{}
    <aside><h3>Tin liên quan</h3><ul><li>Ông Nguyễn Văn Bình thăm Hà Nội ngày 2/2/2019</li></ul></aside>
  </article>
  <footer><p>Bản quyền © Báo Thử Nghiệm. Liên hệ: 0123 456 789</p></footer>
</body></html>"#,
        paragraphs.join("\n")
    )
}

#[test]
fn an_article_saved_as_html_gives_the_entities_of_its_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plain.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("page.html"), page()).unwrap();
    std::fs::write(dir.path().join("page2.htm"), page()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = extract(
        &[dir.path()],
        out.path(),
        &["--reference-date", "2021-03-12"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let all = articles(out.path());
    let plain = entities(article(&all, "plain"));
    assert!(plain.iter().any(|e| e.0 == "resolution"), "{plain:?}");
    let html = article(&all, "page");
    assert_eq!(entities(html), plain);
    assert_eq!(entities(article(&all, "page2")), plain);
    assert_eq!(
        html["headline"],
        "Khánh thành cầu Tân Phú sau hai năm thi công | Báo Thử Nghiệm"
    );
    assert_eq!(html["date"], "2021-03-12");
    // Offsets point into the extracted text, which is the plain text.
    let page_text = vnextract::input::html::read_page(&page()).unwrap().text;
    assert_eq!(page_text, ARTICLE);
}

#[test]
fn crawler_records_with_their_own_field_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = ARTICLE.splitn(3, '\n');
    let (title, sapo, body) = (
        lines.next().unwrap(),
        lines.next().unwrap(),
        lines.next().unwrap(),
    );
    let body_html: String = body.lines().map(|l| format!("<p>{l}</p>\n")).collect();
    let records = serde_json::json!([
        {"meta": {"article_id": "bai-1"}, "headline": title, "lead": sapo,
         "content": body_html, "published": "12/03/2021 07:30"},
        {"meta": {"article_id": "bai-2"}, "headline": title, "lead": sapo,
         "content": body, "published": "Fri, 12 Mar 2021 07:30:00 +0700"},
        {"meta": {"article_id": "bai-3"}, "headline": title, "lead": sapo,
         "content": body, "published": 1615509000},
        {"meta": {"article_id": "bai-4"}, "headline": title, "lead": sapo,
         "content": body, "published": "2021-02-29"},
        {"meta": {"article_id": "bai-5"}, "headline": "", "lead": null}
    ]);
    std::fs::write(dir.path().join("crawl.json"), records.to_string()).unwrap();
    std::fs::write(dir.path().join("plain.txt"), ARTICLE).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = extract(
        &[dir.path()],
        out.path(),
        &[
            "--id-field",
            "meta.article_id",
            "--text-field",
            "headline,lead,content",
            "--date-field",
            "published",
            "--title-field",
            "headline",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let all = articles(out.path());
    let ids: Vec<_> = all.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["bai-1", "bai-2", "bai-3", "bai-4", "plain"]);
    for id in ["bai-1", "bai-2", "bai-3"] {
        let a = article(&all, id);
        assert_eq!(a["date"], "2021-03-12", "{id}");
        assert_eq!(a["headline"], title, "{id}");
    }
    // Same text, same date: same entities as the plain file read with that date.
    let dated = tempfile::tempdir().unwrap();
    extract(
        &[&dir.path().join("plain.txt")],
        dated.path(),
        &["--reference-date", "2021-03-12"],
    );
    let reference = entities(&articles(dated.path())[0]);
    assert_eq!(entities(article(&all, "bai-1")), reference);
    assert_eq!(entities(article(&all, "bai-2")), reference);
    assert!(article(&all, "bai-4")["date"].is_null());
    let rows = errors(out.path());
    let kinds: Vec<_> = rows.iter().map(|r| (r.0.as_str(), r.1.as_str())).collect();
    let file = dir.path().join("crawl.json").display().to_string();
    let (four, five) = (format!("{file}#4"), format!("{file}#5"));
    assert_eq!(
        kinds,
        vec![(four.as_str(), "bad-date"), (five.as_str(), "bad-record")]
    );
    assert!(
        rows[1].2.contains("`headline`, `lead`, `content`"),
        "{rows:?}"
    );
}
