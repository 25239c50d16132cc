//! Headline and byline: lines that are not running text.

use std::ops::Range;

/// The first line, when it reads as a headline: short, no closing full
/// stop, and followed by more text.
pub fn headline_range(work: &str) -> Option<Range<usize>> {
    let first_end = work.find('\n')?;
    let line = work[..first_end].trim();
    if line.is_empty() || work[first_end..].trim().is_empty() {
        return None;
    }
    let words = line.split_whitespace().count();
    let closes_like_prose = line.ends_with('.') && !line.ends_with("..");
    if words <= 30 && line.chars().count() <= 220 && !closes_like_prose {
        let lead = work.len() - work.trim_start().len();
        return Some(lead..lead + line.len());
    }
    None
}

/// The closing line, when it is a short name (`Chí Lộc`, `Minh Anh (TTXVN)`):
/// two to five capitalised words and nothing else but an optional source
/// in brackets.
pub fn byline_range(work: &str) -> Option<Range<usize>> {
    let trimmed = work.trim_end();
    let line_start = trimmed.rfind('\n').map(|i| i + 1)?;
    let line = &trimmed[line_start..];
    let lead = line.len() - line.trim_start().len();
    let line = line.trim_start();
    let name = match line.find(['(', '-', '–', '/']) {
        Some(i) if is_short_source(&line[i..]) => line[..i].trim_end(),
        Some(_) => return None,
        None => line,
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_like = (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(|c| c.is_uppercase()) && cs.all(|c| c.is_alphabetic())
        });
    if name_like {
        let start = line_start + lead;
        return Some(start..start + name.len());
    }
    None
}

/// What may follow a byline's name: a short source in brackets or after
/// a dash or slash (`(TTXVN)`, `- Báo Nhân Dân`, `/VOV`), and nothing else.
fn is_short_source(rest: &str) -> bool {
    let inner = rest
        .trim_start_matches(['(', '-', '–', '/', ' '])
        .trim_end()
        .trim_end_matches(')');
    let closed = !rest.starts_with('(') || rest.trim_end().ends_with(')');
    let plain = inner.chars().count() <= 30 && !inner.contains(['(', ')', ',', '.', ';', ':']);
    let website =
        inner.chars().count() <= 30 && [".vn", ".net", ".com"].iter().any(|d| inner.ends_with(d));
    closed && (plain || website)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_is_a_short_first_line() {
        let w = "Sẽ có bãi đỗ xe ngầm?\nSau khi UBND bàn giao sân, đơn vị sẽ lập đề án.";
        assert_eq!(&w[headline_range(w).unwrap()], "Sẽ có bãi đỗ xe ngầm?");
        assert!(
            headline_range("Ngày 04/11, đơn vị tổ chức hội nghị. Tham dự có nhiều người.\nCâu.")
                .is_none()
        );
    }

    #[test]
    fn byline_is_a_short_closing_name() {
        let w = "Bài viết.\nChí Lộc";
        assert_eq!(&w[byline_range(w).unwrap()], "Chí Lộc");
        let w = "Bài viết.\nMinh Anh (TTXVN)\n";
        assert_eq!(&w[byline_range(w).unwrap()], "Minh Anh");
        assert!(byline_range("Bài viết.\nXem thêm tại đây.").is_none());
        assert!(byline_range("Bài viết.\nTTXVN").is_none());
        let w = "Bài viết.\nPhan Văn Hải (22 tuổi, quê Nghệ An) là nghi phạm";
        assert!(byline_range(w).is_none());
        let w = "Bài viết.\nThu Hà/VOV";
        assert_eq!(&w[byline_range(w).unwrap()], "Thu Hà");
    }
}
