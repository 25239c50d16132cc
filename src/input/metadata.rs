//! `# key = value` lines at the top of a file: metadata, not article text.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub id: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// Split the leading metadata lines off a text. Offsets of the article
/// count from the first line after them.
pub fn split_metadata(text: &str) -> (Metadata, &str) {
    let mut meta = Metadata::default();
    let mut rest = text;
    while let Some((key, value, next)) = metadata_line(rest) {
        match key.as_str() {
            "date" => meta.date = normalise_date(&value),
            "title" => meta.title = Some(value).filter(|v| !v.is_empty()),
            "url" => meta.url = Some(value),
            "id" | "doc_id" => meta.id = Some(value),
            _ => {}
        }
        rest = next;
    }
    (meta, rest)
}

fn metadata_line(text: &str) -> Option<(String, String, &str)> {
    let line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let line = text[..line_end].trim_end_matches(['\n', '\r']);
    let body = line.strip_prefix('#')?.trim_start();
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
        &text[line_end..],
    ))
}

/// `20200918`, `2020-09-18`, `2020/09/18` to `2020-09-18`.
pub fn normalise_date(v: &str) -> Option<String> {
    let digits: String = v.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() < 8 {
        return None;
    }
    let (y, m, d) = (&digits[0..4], &digits[4..6], &digits[6..8]);
    let (mi, di): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&mi) || !(1..=31).contains(&di) {
        return None;
    }
    Some(format!("{y}-{m}-{d}"))
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
    fn dates_in_several_forms() {
        assert_eq!(normalise_date("2020-09-18").as_deref(), Some("2020-09-18"));
        assert_eq!(normalise_date("bad"), None);
        assert_eq!(normalise_date("20201340"), None);
    }
}
