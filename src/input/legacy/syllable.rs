//! Is a word a Vietnamese syllable? The legacy-encoding detector reads the
//! same bytes in each encoding and keeps the reading whose accented words
//! are real syllables: an initial consonant, a vowel group, a final
//! consonant, at most one tone, and capitals only at the start (or all).

use unicode_normalization::UnicodeNormalization;

const INITIALS: [&str; 29] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x", "q",
];

const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Vowel groups with their shapes (circumflex `â`, breve `ă`, horn `ơ`/`ư`),
/// tones left out.
const NUCLEI: [&str; 57] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê", "iêu", "yêu", "oai", "oay", "oao", "oeo",
    "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu", "uêu", "ue",
];

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

fn is_vowel(c: char) -> bool {
    "aăâeêioôơuưy".contains(c)
}

/// Letters with their shapes composed, tones stripped (the word is lower
/// case); `None` when a mark sits where Vietnamese puts none, or there are
/// two tones.
fn skeleton(word: &str) -> Option<String> {
    let mut out: Vec<char> = Vec::with_capacity(word.len());
    let mut tones = 0;
    for c in word.nfd() {
        match c {
            t if TONES.contains(&t) => {
                tones += 1;
                if tones > 1 || !out.last().is_some_and(|&l| is_vowel(l)) {
                    return None;
                }
            }
            '\u{302}' | '\u{306}' | '\u{31B}' => {
                let shaped = match (out.pop()?, c) {
                    ('a', '\u{302}') => 'â',
                    ('e', '\u{302}') => 'ê',
                    ('o', '\u{302}') => 'ô',
                    ('a', '\u{306}') => 'ă',
                    ('o', '\u{31B}') => 'ơ',
                    ('u', '\u{31B}') => 'ư',
                    _ => return None,
                };
                out.push(shaped);
            }
            'đ' => out.push(c),
            _ if c.is_ascii_lowercase() => out.push(c),
            _ => return None,
        }
    }
    Some(out.into_iter().collect())
}

/// Capitals only as the first letter, or every letter.
fn case_is_plain(word: &str) -> bool {
    let letters = || word.chars().filter(|c| c.is_alphabetic());
    letters().all(char::is_uppercase) || letters().skip(1).all(char::is_lowercase)
}

pub fn is_syllable(word: &str) -> bool {
    if !case_is_plain(word) {
        return false;
    }
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    let Some(sk) = skeleton(&lower) else {
        return false;
    };
    INITIALS.iter().any(|init| {
        let Some(rest) = sk.strip_prefix(init) else {
            return false;
        };
        let vowels = rest.chars().take_while(|&c| is_vowel(c)).count();
        let split = rest
            .char_indices()
            .nth(vowels)
            .map_or(rest.len(), |(i, _)| i);
        let (nucleus, fin) = rest.split_at(split);
        let nucleus_ok = NUCLEI.contains(&nucleus)
            // `gi` and `qu` lend their vowel: `gì`, `quý` (initial `g`/`q`).
            || (nucleus.is_empty() && (*init == "gi"));
        nucleus_ok && FINALS.contains(&fin) && (*init != "q" || nucleus.starts_with('u'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_syllables() {
        for w in [
            "người", "Nguyễn", "quyết", "giữa", "gì", "khuỷu", "thuyền", "hoàng", "Đảng", "ĐẢNG",
            "ngoài", "ấy", "ở", "Việt", "hòa", "hoà", "tháng", "nước", "yêu", "khuya", "quý",
            "chuyện", "giặc", "Hà", "ông",
        ] {
            assert!(is_syllable(w), "{w}");
        }
    }

    #[test]
    fn mojibake_is_not() {
        for w in [
            "Hµ", "ngỔy", "Haø", "Noäi", "Müller", "ñoù", "ph¶i", "HộI", "cảả", "tiếngs", "ăo",
            "Grüße", "ç", "ẫẫ",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }
}
