//! Web pages as crawlers save them: the article's text, its `<title>` as
//! headline and a `<meta>` publication date. Parsed with html5ever (through
//! `scraper`), so entities, broken markup and odd nesting read as a
//! browser reads them. Scripts, styles, forms and navigation (`nav`,
//! `aside`, menus, page-level `header` and `footer`) are dropped; block
//! elements become line breaks; offsets of an HTML article count code
//! points of this extracted text.

use super::dates::{DateProblem, parse_date};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// What a page gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    pub date: Option<String>,
    /// A publication date given in the page but refused: (value, why).
    pub bad_date: Option<(String, String)>,
}

/// Elements whose content is never article text.
const DROPPED: [&str; 22] = [
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "math", "form", "button", "select", "input", "textarea", "nav", "aside", "menu", "dialog",
    "head", "video", "audio",
];

/// Landmark roles of page furniture.
const DROPPED_ROLES: [&str; 7] = [
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "search",
];

/// Elements that start and end a line.
const BLOCKS: [&str; 35] = [
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tr",
    "ul",
    "thead",
];

/// `<meta>` names of a publication date, most specific first.
const DATE_KEYS: [&str; 13] = [
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "sailthru.date",
];

/// Elements nested deeper than this are refused: the HTML parser's work
/// grows with the square of the depth (each tag checks the open elements),
/// and no news page comes near it.
pub const MAX_DEPTH: usize = 2000;

/// Read a whole page.
pub fn read_page(html: &str) -> Result<Page, String> {
    check_depth(html)?;
    let doc = Html::parse_document(html);
    let (date, bad_date) = publication_date(&doc);
    Ok(Page {
        text: text_of(content_root(&doc)),
        title: title(&doc),
        date,
        bad_date,
    })
}

/// Text of an HTML fragment (a record's `body` field).
pub fn fragment_text(html: &str) -> Result<String, String> {
    check_depth(html)?;
    let doc = Html::parse_fragment(html);
    Ok(text_of(doc.root_element()))
}

fn check_depth(html: &str) -> Result<(), String> {
    let depth = super::html_depth::nesting_estimate(html);
    if depth > MAX_DEPTH {
        return Err(format!(
            "HTML elements nested {depth} deep (more than {MAX_DEPTH}): not a web page this tool reads"
        ));
    }
    Ok(())
}

/// Whether a record's text field holds markup rather than plain text: a
/// tag of the kinds article bodies are made of.
pub fn looks_like_html(text: &str) -> bool {
    const TAGS: [&str; 14] = [
        "<p>", "<p ", "</p>", "<br", "<div", "</div>", "<html", "<body", "<span", "<h1", "<h2",
        "<li>", "<strong>", "<figure",
    ];
    let lower = text.to_ascii_lowercase();
    TAGS.iter().any(|t| lower.contains(t))
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("built-in selectors parse")
}

/// The element holding the article: the largest `<article>` that is not
/// inside another, when it holds a good part of the page's text (a page
/// may mark only its teasers as articles); else `<main>`, else `<body>`.
fn content_root(doc: &Html) -> ElementRef<'_> {
    let articles = selector("article");
    let outer = doc.select(&articles).filter(|a| {
        !a.ancestors()
            .any(|n| ElementRef::wrap(n).is_some_and(|p| p.value().name() == "article"))
    });
    let best = outer
        .map(|a| (text_of(a).chars().count(), a))
        .max_by_key(|(len, _)| *len);
    let page = ["main", "body"]
        .iter()
        .find_map(|name| doc.select(&selector(name)).next())
        .unwrap_or_else(|| doc.root_element());
    match best {
        Some((len, a)) if len * 3 >= text_of(page).chars().count() => a,
        _ => page,
    }
}

fn is_dropped(e: &ElementRef) -> bool {
    let el = e.value();
    let name = el.name();
    if DROPPED.contains(&name) {
        return true;
    }
    // A page's header and footer are furniture; an article's own header
    // holds its headline and byline.
    if (name == "header" || name == "footer")
        && !e
            .ancestors()
            .any(|n| ElementRef::wrap(n).is_some_and(|p| p.value().name() == "article"))
    {
        return true;
    }
    let role = el.attr("role").unwrap_or("").to_ascii_lowercase();
    let style: String = el
        .attr("style")
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    DROPPED_ROLES.contains(&role.as_str())
        || el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || style.to_ascii_lowercase().contains("display:none")
}

/// Text of an element: whitespace collapsed as a browser does, a line
/// per block, table cells apart by a tab, blank lines dropped.
fn text_of(root: ElementRef) -> String {
    let mut raw = String::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut pre_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => push_text(&mut raw, t, pre_depth > 0),
                    Node::Element(el) => {
                        let e = ElementRef::wrap(node).expect("an element node");
                        if is_dropped(&e) {
                            skipping = Some(node.id());
                            continue;
                        }
                        let name = el.name();
                        if name == "pre" {
                            pre_depth += 1;
                        }
                        if BLOCKS.contains(&name) || name == "br" {
                            raw.push('\n');
                        } else if name == "td" || name == "th" {
                            raw.push('\t');
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    if el.name() == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                    if BLOCKS.contains(&el.name()) {
                        raw.push('\n');
                    }
                }
            }
        }
    }
    let lines: Vec<&str> = raw
        .split('\n')
        .map(|l| l.trim_matches([' ', '\t']))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// Text as a browser shows it: runs of spaces and line breaks are one
/// space (kept inside `<pre>`), a no-break space is a space.
fn push_text(out: &mut String, text: &str, pre: bool) {
    for c in text.chars() {
        let c = if c == '\u{A0}' { ' ' } else { c };
        if pre {
            out.push(if c == '\r' { '\n' } else { c });
        } else if c.is_ascii_whitespace() {
            if !out.ends_with([' ', '\n', '\t']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

fn collapse(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// The `<title>`, else `og:title`.
fn title(doc: &Html) -> Option<String> {
    doc.select(&selector("title"))
        .next()
        .and_then(|t| collapse(&t.text().collect::<String>()))
        .or_else(|| {
            doc.select(&selector(
                "meta[property='og:title'], meta[name='og:title']",
            ))
            .find_map(|m| m.attr("content").and_then(collapse))
        })
}

/// The first publication date given (by [`DATE_KEYS`] order, then a
/// `<time datetime>` marked as the publication time) that reads as a date.
fn publication_date(doc: &Html) -> (Option<String>, Option<(String, String)>) {
    let mut found: Vec<(usize, String)> = Vec::new();
    for m in doc.select(&selector("meta[content]")) {
        let key = ["property", "name", "itemprop"]
            .iter()
            .find_map(|a| m.attr(a))
            .unwrap_or("")
            .to_ascii_lowercase();
        if let Some(rank) = DATE_KEYS.iter().position(|k| *k == key) {
            found.push((rank, m.attr("content").unwrap_or("").to_string()));
        }
    }
    let times = selector("time[datetime][itemprop='datePublished'], time[datetime][pubdate]");
    for t in doc.select(&times) {
        found.push((
            DATE_KEYS.len(),
            t.attr("datetime").unwrap_or("").to_string(),
        ));
    }
    found.sort_by_key(|(rank, _)| *rank);
    let mut first_problem: Option<(String, DateProblem)> = None;
    for (_, value) in found {
        match parse_date(&value) {
            Ok(d) => return (Some(d), None),
            Err(e) => {
                first_problem.get_or_insert((value, e));
            }
        }
    }
    (None, first_problem.map(|(v, e)| (v, e.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head>
        <meta charset="utf-8"><title> Khánh thành cầu
          mới | Báo Thử </title>
        <meta property="article:published_time" content="2021-03-12T08:00:00+07:00">
        <style>p { color: red }</style><script>var x = "<p>không</p>";</script>
        </head><body>
        <header><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav></header>
        <article><h1>Khánh thành cầu mới</h1>
        <p>Ng&agrave;y 12/3, t&#7881;nh   tổ chức
           lễ khánh thành.<br>Dòng hai&nbsp;đây.</p>
        <aside>Tin liên quan: bài khác</aside>
        <div hidden>ẩn</div><p style="display: none">ẩn nữa</p>
        <table><tr><td>Ông A</td><td>Giám đốc</td></tr></table>
        </article>
        <footer>Bản quyền thuộc về báo</footer></body></html>"#;

    #[test]
    fn a_page_gives_text_title_and_date() {
        let p = read_page(PAGE).unwrap();
        assert_eq!(
            p.text,
            "Khánh thành cầu mới\nNgày 12/3, tỉnh tổ chức lễ khánh thành.\nDòng hai đây.\nÔng A\tGiám đốc"
        );
        assert_eq!(p.title.as_deref(), Some("Khánh thành cầu mới | Báo Thử"));
        assert_eq!(p.date.as_deref(), Some("2021-03-12"));
        assert_eq!(p.bad_date, None);
    }

    #[test]
    fn without_article_the_body_less_its_furniture() {
        let p = read_page(
            "<body><div role=navigation>Menu</div><main><p>Một.</p><p>Hai.</p></main>\
             <footer>Liên hệ</footer></body>",
        )
        .unwrap();
        assert_eq!(p.text, "Một.\nHai.");
        assert_eq!(p.title, None);
    }

    #[test]
    fn meta_dates_of_every_kind_and_bad_ones() {
        let with = |meta: &str| read_page(&format!("<head>{meta}</head><p>x</p>")).unwrap();
        assert_eq!(
            with(r#"<meta name="pubdate" content="20200918">"#)
                .date
                .as_deref(),
            Some("2020-09-18")
        );
        assert_eq!(
            with(r#"<meta itemprop="datePublished" content="18/09/2020">"#)
                .date
                .as_deref(),
            Some("2020-09-18")
        );
        let bad = with(r#"<meta name="date" content="2021-02-29">"#);
        assert_eq!(bad.date, None);
        assert_eq!(
            bad.bad_date.as_ref().map(|b| b.0.as_str()),
            Some("2021-02-29")
        );
        // A good date anywhere wins over a bad one.
        let both = with(
            r#"<meta name="date" content="0000-00-00"><meta property="article:published_time" content="2020-01-02">"#,
        );
        assert_eq!(both.date.as_deref(), Some("2020-01-02"));
        assert_eq!(both.bad_date, None);
    }

    #[test]
    fn teaser_articles_do_not_hide_the_story() {
        let story = "<p>Một đoạn dài của bài chính, viết cho phép thử này.</p>".repeat(5);
        let page = format!("<body><div>{story}</div><article><p>Tin ngắn</p></article></body>");
        assert!(read_page(&page).unwrap().text.starts_with("Một đoạn dài"));
    }

    #[test]
    fn fragments_and_the_html_test() {
        assert_eq!(
            fragment_text("<p>Một &amp; hai</p><p>Ba</p>").unwrap(),
            "Một & hai\nBa"
        );
        assert!(looks_like_html("<p>Ngày 4/11</p>"));
        assert!(!looks_like_html("Giá 3 < 4 và 5 > 2"));
    }

    #[test]
    fn deep_nesting_is_read_to_a_point_and_then_refused() {
        let deep = "<div>".repeat(MAX_DEPTH - 10) + "chữ";
        assert_eq!(read_page(&deep).unwrap().text, "chữ");
        let deeper = "<div><span>".repeat(MAX_DEPTH) + "chữ";
        assert!(read_page(&deeper).unwrap_err().contains("nested"));
        assert!(fragment_text(&deeper).is_err());
        // Unclosed paragraphs and list items close themselves: not deep.
        let flat = "<p>một<li>hai".repeat(5 * MAX_DEPTH);
        assert!(read_page(&flat).is_ok());
    }
}
