//! VNI (the VNI-Windows fonts): a toned or shaped vowel is its plain ASCII
//! vowel followed by one Latin-1 byte that the font draws as the marks
//! (`a` + `ø` is `à`, `a` + `á` is `ấ`); a few letters have a byte of their
//! own (`ô` is `ơ`, `ö` is `ư`, `ñ` is `đ`, the toned `i`s, `î` is `ỵ`).
//! Capitals use the capital forms of the same bytes (the byte minus 0x20).
//! Every other byte reads as Windows-1252, the fonts' base code page.

/// Marks a mark byte stands for: an optional shape (circumflex or breve)
/// and an optional tone, as combining characters.
fn marks_of(b: u8) -> Option<(Option<char>, Option<char>)> {
    const CIRC: char = '\u{302}';
    const BREVE: char = '\u{306}';
    const GRAVE: char = '\u{300}';
    const ACUTE: char = '\u{301}';
    const HOOK: char = '\u{309}';
    const TILDE: char = '\u{303}';
    const DOT: char = '\u{323}';
    // Lower-case mark bytes; the capital forms are 0x20 lower.
    let lower = if (0xC0..=0xDF).contains(&b) {
        b + 0x20
    } else {
        b
    };
    Some(match lower {
        0xF9 => (None, Some(ACUTE)),
        0xF8 => (None, Some(GRAVE)),
        0xFB => (None, Some(HOOK)),
        0xF5 => (None, Some(TILDE)),
        0xEF => (None, Some(DOT)),
        0xE2 => (Some(CIRC), None),
        0xE1 => (Some(CIRC), Some(ACUTE)),
        0xE0 => (Some(CIRC), Some(GRAVE)),
        0xE5 => (Some(CIRC), Some(HOOK)),
        0xE3 => (Some(CIRC), Some(TILDE)),
        0xE4 => (Some(CIRC), Some(DOT)),
        0xEA => (Some(BREVE), None),
        0xE9 => (Some(BREVE), Some(ACUTE)),
        0xE8 => (Some(BREVE), Some(GRAVE)),
        0xFA => (Some(BREVE), Some(HOOK)),
        0xFC => (Some(BREVE), Some(TILDE)),
        0xEB => (Some(BREVE), Some(DOT)),
        _ => return None,
    })
}

/// Letters with a byte of their own.
fn single(b: u8) -> Option<char> {
    Some(match b {
        0xF4 => 'ơ',
        0xD4 => 'Ơ',
        0xF6 => 'ư',
        0xD6 => 'Ư',
        0xF1 => 'đ',
        0xD1 => 'Đ',
        0xED => 'í',
        0xCD => 'Í',
        0xEC => 'ì',
        0xCC => 'Ì',
        0xE6 => 'ỉ',
        0xC6 => 'Ỉ',
        0xF3 => 'ĩ',
        0xD3 => 'Ĩ',
        0xF2 => 'ị',
        0xD2 => 'Ị',
        0xEE => 'ỵ',
        0xCE => 'Ỵ',
        _ => return None,
    })
}

/// The base letters a mark byte may follow.
fn takes_marks(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'o' | 'u' | 'y') || "ơƠưƯ".contains(c)
}

/// Decode VNI bytes; also the number of bytes that VNI text would not
/// hold where they stand (a mark byte after a consonant, a Latin-1 letter
/// VNI never uses), which the detector counts against VNI.
pub fn decode(bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut odd = 0;
    let mut last: Option<char> = None;
    for &b in bytes {
        if b < 0x80 {
            out.push(b as char);
            last = Some(b as char);
            continue;
        }
        if let Some((shape, tone)) = marks_of(b) {
            let fits = last.is_some_and(|l| {
                takes_marks(l)
                    && match shape {
                        Some('\u{306}') => l.eq_ignore_ascii_case(&'a'),
                        Some(_) => matches!(l.to_ascii_lowercase(), 'a' | 'e' | 'o'),
                        None => true,
                    }
                    && (b >= 0xE0) == l.is_lowercase()
            });
            if fits {
                out.extend(shape);
                out.extend(tone);
                last = None;
                continue;
            }
        }
        let c = match single(b) {
            Some(c) => c,
            None => {
                let (c, ok) = super::windows_1252_char(b);
                // Latin-1 letters have no place in VNI text; symbols do.
                if !ok || c.is_alphabetic() {
                    odd += 1;
                }
                c
            }
        };
        out.push(c);
        last = Some(c);
    }
    (out, odd)
}

/// Encode one NFC character, when VNI can write it.
pub fn encode_char(c: char, out: &mut Vec<u8>) -> Option<()> {
    if c.is_ascii() {
        out.push(c as u8);
        return Some(());
    }
    if let Some(b) = (0x80..=0xFFu8).find(|&b| single(b) == Some(c)) {
        out.push(b);
        return Some(());
    }
    if !c.is_alphabetic() {
        // Punctuation and symbols: the fonts' Windows-1252 code page.
        out.push((0x80..=0xFFu8).find(|&b| super::windows_1252_char(b) == (c, true))?);
        return Some(());
    }
    use unicode_normalization::UnicodeNormalization;
    let parts: Vec<char> = std::iter::once(c).nfd().collect();
    let (base, marks) = parts.split_first()?;
    let horn = marks.contains(&'\u{31B}');
    let base = match (base, horn) {
        ('o', true) => 'ơ',
        ('O', true) => 'Ơ',
        ('u', true) => 'ư',
        ('U', true) => 'Ư',
        (b, false) if b.is_ascii() => *b,
        _ => return None,
    };
    if !takes_marks(base) {
        return None;
    }
    let shape = marks
        .iter()
        .copied()
        .find(|m| matches!(m, '\u{302}' | '\u{306}'));
    let tone = marks
        .iter()
        .copied()
        .find(|m| matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'));
    let mark = (0xE0..=0xFFu8).find(|&b| marks_of(b) == Some((shape, tone)))?;
    let upper = base.is_uppercase();
    if base.is_ascii() {
        out.push(base as u8);
    } else {
        out.push((0x80..=0xFFu8).find(|&b| single(b) == Some(base))?);
    }
    out.push(if upper { mark - 0x20 } else { mark });
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(s: &str) -> Vec<u8> {
        let mut v = Vec::new();
        for c in s.chars() {
            encode_char(c, &mut v).unwrap();
        }
        v
    }

    #[test]
    fn known_spellings() {
        // "Hà Nội" is "Haø Noäi" in VNI; "Đường" is "Ñöôøng".
        assert_eq!(enc("Hà Nội"), b"Ha\xf8 No\xe4i");
        assert_eq!(enc("Đường"), b"\xd1\xf6\xf4\xf8ng");
        assert_eq!(
            decode(b"Ha\xf8 No\xe4i"),
            ("Ha\u{300} No\u{302}\u{323}i".into(), 0)
        );
    }

    #[test]
    fn round_trip_of_every_vietnamese_letter() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        for c in letters
            .chars()
            .chain(letters.chars().flat_map(char::to_uppercase))
        {
            use unicode_normalization::UnicodeNormalization;
            let (text, odd) = decode(&enc(&c.to_string()));
            assert_eq!(odd, 0, "{c}");
            assert_eq!(text.nfc().collect::<String>(), c.to_string());
        }
    }

    #[test]
    fn marks_after_consonants_are_odd() {
        assert_eq!(decode(b"H\xe0").1, 1);
        assert_eq!(decode(b"M\xfcnchen").1, 1);
    }
}
