//! The subject of a cited document, cut where its title ends.

/// A cited document's subject cut where its title ends, and whether it
/// reads as a complete title. The subject slot may run on past the title
/// (into the next clause or sentence: `..., Bộ trưởng cho biết`) or stop
/// inside it (`chính sách đối`).
pub fn subject_title(subject: &str) -> (String, bool) {
    let mut s = subject.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '“' && c != '"');
    for prefix in ["về ", "Về ", "VỀ "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
        }
    }
    let mut end = s.len();
    // The next sentence, or a new clause opened by a capitalised word.
    for (i, c) in s.char_indices() {
        if i >= end {
            break;
        }
        let rest = &s[i + c.len_utf8()..];
        let next_word = rest.trim_start();
        let capital_next = next_word.starts_with(char::is_uppercase);
        let ends_here = match c {
            '.' | '!' | '?' => rest.is_empty() || rest.starts_with(' ') && capital_next,
            ',' => capital_next && !next_word.starts_with('“'),
            '\n' => true,
            _ => false,
        };
        if ends_here {
            end = i;
        }
    }
    let mut title = s[..end].to_string();
    // A bracket or quote left open is cut there; a stray quote dropped.
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let Some(at) = title.rfind(open)
            && !title[at..].contains(close)
        {
            title.truncate(at);
        }
    }
    let quotes = ['“', '”', '"'];
    let opened = title.matches('“').count();
    let closed = title.matches('”').count();
    if opened != closed || title.matches('"').count() % 2 == 1 {
        title.retain(|c| !quotes.contains(&c));
    }
    let title = title
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–'))
        .trim()
        .to_string();
    let words = title.split_whitespace().count();
    let last = title
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    let dangling = DANGLING.contains(&last.as_str());
    let complete = words >= 2 && !dangling;
    (title, complete)
}

/// Words a title does not end with: a subject ending with one was cut.
const DANGLING: &[&str] = &[
    "và", "của", "về", "cho", "với", "các", "những", "trong", "tại", "để", "theo", "từ", "đến",
    "là", "được", "có", "đối", "hoặc", "nhằm", "việc", "số", "ngày",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_end_with_their_title() {
        let t = |s: &str| subject_title(s);
        assert_eq!(
            t("vấn đề giao vốn chậm, Bộ trưởng cho biết"),
            ("vấn đề giao vốn chậm".into(), true)
        );
        assert_eq!(
            t("đăng ký doanh nghiệp. Vụ việc còn"),
            ("đăng ký doanh nghiệp".into(), true)
        );
        assert_eq!(
            t("hoàn thiện thể chế kinh tế (số 11-NQ/TW"),
            ("hoàn thiện thể chế kinh tế".into(), true)
        );
        assert_eq!(
            t("Về nhiệm vụ đối ngoại trong tình hình mới"),
            ("nhiệm vụ đối ngoại trong tình hình mới".into(), true)
        );
        assert_eq!(t("chính sách đối"), ("chính sách đối".into(), false));
        assert_eq!(
            t("phát triển doanh nghiệp (DN) đến năm 2020,"),
            ("phát triển doanh nghiệp (DN) đến năm 2020".into(), true)
        );
        assert_eq!(
            t("việc “phòng ngừa sai phạm"),
            ("việc phòng ngừa sai phạm".into(), true)
        );
    }
}
