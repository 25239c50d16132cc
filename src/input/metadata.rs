//! `# key = value` lines at the top of a file: metadata, not article text.
//! A line ends at LF, CR LF, a lone CR (old Mac files), NEL, or the
//! Unicode line and paragraph separators (U+2028, U+2029), exactly the
//! breaks the text stage reads as line breaks.

use super::dates::parse_date;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub id: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Values that could not be used (an impossible date...), each a
    /// sentence for the errors file; the article is read without them.
    pub problems: Vec<String>,
}

/// Split the leading metadata lines off a text. Offsets of the article
/// count from the first line after them.
pub fn split_metadata(text: &str) -> (Metadata, &str) {
    let mut meta = Metadata::default();
    let mut rest = text;
    while let Some((key, value, next)) = metadata_line(rest) {
        match key.as_str() {
            "date" => match parse_date(&value) {
                Ok(d) => meta.date = Some(d),
                Err(e) => meta.problems.push(format!(
                    "metadata date `{value}` refused ({e}); the article is read without a date"
                )),
            },
            "title" => meta.title = Some(value).filter(|v| !v.is_empty()),
            "url" => meta.url = Some(value),
            "id" | "doc_id" => meta.id = Some(value),
            _ => {}
        }
        rest = next;
    }
    (meta, rest)
}

/// The end of the first line: (end of its content, start of the next line).
fn line_end(text: &str) -> (usize, usize) {
    match text.find(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
        Some(i) if text[i..].starts_with("\r\n") => (i, i + 2),
        Some(i) => (i, i + text[i..].chars().next().map_or(1, char::len_utf8)),
        None => (text.len(), text.len()),
    }
}

fn metadata_line(text: &str) -> Option<(String, String, &str)> {
    let (content_end, next) = line_end(text);
    let body = text[..content_end].strip_prefix('#')?.trim_start();
    let (key, value) = body.split_once('=')?;
    let key = key.trim();
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return None;
    }
    Some((
        key.to_ascii_lowercase(),
        value.trim().to_string(),
        &text[next..],
    ))
}

/// A date value as `YYYY-MM-DD`, or `None` when it cannot be one (see
/// [`parse_date`] for the formats and the reason).
pub fn normalise_date(v: &str) -> Option<String> {
    parse_date(v).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_lines_are_split_off() {
        let t = "# doc_id = a1\n# url = http://x\n# date = 20200918\nTiêu đề\n# không phải\n";
        let (m, rest) = split_metadata(t);
        assert_eq!(m.date.as_deref(), Some("2020-09-18"));
        assert_eq!(m.id.as_deref(), Some("a1"));
        assert_eq!(rest, "Tiêu đề\n# không phải\n");
    }

    #[test]
    fn text_without_metadata_is_untouched() {
        let (m, rest) = split_metadata("Ngày 04/11, hội nghị.");
        assert_eq!(m, Metadata::default());
        assert_eq!(rest, "Ngày 04/11, hội nghị.");
    }

    #[test]
    fn every_kind_of_line_end_ends_a_header() {
        for end in ["\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}"] {
            let t =
                format!("# date = 2020-09-18{end}# title = Tin{end}Ngày 4/11 họp.{end}Dòng hai");
            let (m, rest) = split_metadata(&t);
            assert_eq!(m.date.as_deref(), Some("2020-09-18"), "{end:?}");
            assert_eq!(m.title.as_deref(), Some("Tin"), "{end:?}");
            assert_eq!(rest, format!("Ngày 4/11 họp.{end}Dòng hai"), "{end:?}");
        }
    }

    #[test]
    fn impossible_dates_are_problems_not_dates() {
        for bad in [
            "2022-02-30",
            "2021-02-29",
            "0000-01-01",
            "2500-01-01",
            "soon",
        ] {
            let text = format!("# date = {bad}\nBài.");
            let (m, rest) = split_metadata(&text);
            assert_eq!(m.date, None, "{bad}");
            assert_eq!(m.problems.len(), 1, "{bad}");
            assert!(m.problems[0].contains(bad), "{}", m.problems[0]);
            assert_eq!(rest, "Bài.");
        }
    }

    #[test]
    fn dates_in_several_forms() {
        assert_eq!(normalise_date("2020-09-18").as_deref(), Some("2020-09-18"));
        assert_eq!(normalise_date("18/09/2020").as_deref(), Some("2020-09-18"));
        assert_eq!(normalise_date("bad"), None);
        assert_eq!(normalise_date("20201340"), None);
    }
}
