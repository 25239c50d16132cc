//! A quick upper estimate of how deep a page's elements nest, taken
//! before the page is parsed (see [`super::html::MAX_DEPTH`]). Tags that
//! close themselves (`p`, `li`, table cells...) and void elements are not
//! counted; the raw text of scripts, styles and comments is skipped.

/// Elements that never hold others, or that the parser closes by itself
/// when the next one opens (`a` and `nobr` close an open one of theirs):
/// they cannot build depth.
const FLAT: [&str; 35] = [
    "a", "nobr", "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr", "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option",
    "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "rtc", "html",
];

/// Elements whose content is raw text up to their end tag.
const RAW: [&str; 6] = ["script", "style", "textarea", "title", "xmp", "noscript"];

pub fn nesting_estimate(html: &str) -> usize {
    let bytes = html.as_bytes();
    let lower = |b: u8| b.to_ascii_lowercase();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        i += off + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find(bytes, i, b"-->").unwrap_or(bytes.len());
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let end = start
            + bytes[start..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - start);
        if end == start {
            continue;
        }
        let name: String = bytes[start..end]
            .iter()
            .map(|&b| lower(b) as char)
            .collect();
        let tag_end = find(bytes, end, b">").unwrap_or(bytes.len());
        i = tag_end;
        if FLAT.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if tag_end >= 2 && bytes[tag_end - 2] == b'/' {
            continue;
        }
        if RAW.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ignore_case(bytes, i, close.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        depth += 1;
        max = max.max(depth);
    }
    max
}

/// Index just past the first `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p + needle.len())
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p + needle.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_of_ordinary_and_odd_markup() {
        assert_eq!(nesting_estimate("<div><div><p>x</div></div>"), 2);
        assert_eq!(nesting_estimate("<div></div><div></div>"), 1);
        assert_eq!(nesting_estimate("<br/><img src=x><p>a<p>b"), 0);
        assert_eq!(
            nesting_estimate("<script>var s = '<div><div><div>';</script><span>x</span>"),
            1
        );
        assert_eq!(nesting_estimate("<!-- <div><div> --><b>x</b>"), 1);
        assert_eq!(nesting_estimate("a < b, c <"), 0);
        assert_eq!(nesting_estimate(&"<a href=x><p>link".repeat(50)), 0);
    }
}
