//! Shapes of the words unit names are read with: a Vietnamese syllable
//! (not a foreign word), an abbreviation, its letters, and the initials
//! of a phrase (to match an abbreviation defined in brackets).

use regex::Regex;
use std::sync::LazyLock;

/// Shaped like one Vietnamese syllable (`Thủ`, `Y`, `Thanh`), not a
/// foreign word (`Esteban`, `Maroc`, `Ramón`).
pub fn is_vietnamese_syllable(s: &str) -> bool {
    static SHAPE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")
            .expect("valid regex")
    });
    let folded: Option<String> = s.chars().map(base_letter).collect();
    folded.is_some_and(|f| SHAPE.is_match(&f))
}

/// The base letter of a Vietnamese letter, lower-cased (`Ộ` gives `o`);
/// `None` for anything outside the Vietnamese alphabet.
fn base_letter(c: char) -> Option<char> {
    const GROUPS: [(&str, char); 7] = [
        ("aàáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("eèéẻẽẹêềếểễệ", 'e'),
        ("iìíỉĩị", 'i'),
        ("oòóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("uùúủũụưừứửữự", 'u'),
        ("yỳýỷỹỵ", 'y'),
        ("đ", 'đ'),
    ];
    let l = c.to_lowercase().next()?;
    if "bcdghklmnpqrstvx".contains(l) {
        return Some(l);
    }
    GROUPS.iter().find(|(g, _)| g.contains(l)).map(|&(_, b)| b)
}

/// Upper-case letters, digits, `&`, `-` and spaces only, with two letters
/// at least (`CQCQ`, `BVSKBMTE & KHHGĐ`).
pub fn is_abbreviation(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && s.chars().next().is_some_and(char::is_uppercase)
        && s.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '&' | '-' | ' '))
}

/// The letters of an abbreviation, upper-cased.
pub fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// First letters of the words of a phrase, upper-cased; the joiners
/// (`và`, written in lower case) are skipped.
pub fn initials(s: &str, joiners: &[String]) -> String {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !joiners.iter().any(|j| j == w))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_syllables() {
        for w in ["Thủ", "Y", "Thanh", "Nghệ", "Đức", "Quảng", "Chính"] {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
        for w in ["Esteban", "Maroc", "Ramón", "Google", "HĐND"] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn initials_skip_va() {
        assert_eq!(
            initials(
                "Bảo vệ sức khỏe bà mẹ trẻ em và Kế hoạch hóa gia đình",
                &["và".to_string()]
            ),
            "BVSKBMTEKHHGĐ"
        );
        assert_eq!(letters("BVSKBMTE & KHHGĐ"), "BVSKBMTEKHHGĐ");
    }
}
