//! TCVN3 ("ABC"), the 8-bit encoding of TCVN 5712:1993 used by the ABC
//! fonts (`.VnTime`): one byte per lower-case toned letter, the seven
//! base capitals (Ă Â Ê Ô Ơ Ư Đ), and five combining tone marks.
//!
//! The upper half follows the standard's table. Bytes 0x80-0x9F are read
//! as Windows-1252 punctuation (curly quotes, dashes): the ABC fonts are
//! ANSI fonts, and text saved from them keeps Windows punctuation there.
//! The standard's low control positions (0x01-0x17, capitals in VN1) are
//! left as control characters: VN3 text does not use them.

/// Characters of bytes 0xA0-0xFF, sixteen to a row.
const UPPER: [char; 96] = [
    // 0xA0
    '\u{A0}', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ',
    // 0xB0: grave, hook above, tilde, acute, dot below
    '\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ',
    'ẵ', 'ắ', 'Ẵ', // 0xC0
    'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ',
    // 0xD0
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò',
    // 0xE0
    'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù',
    // 0xF0
    'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố',
];

/// The character of one byte, and whether the byte is one TCVN3 text uses.
pub fn char_of(b: u8) -> (char, bool) {
    match b {
        0x00..=0x7F => (b as char, true),
        0x80..=0x9F => super::windows_1252_char(b),
        _ => (UPPER[(b - 0xA0) as usize], true),
    }
}

/// The byte of a character, when TCVN3 has one.
pub fn byte_of(c: char) -> Option<u8> {
    if c.is_ascii() {
        return Some(c as u8);
    }
    if let Some(i) = UPPER.iter().position(|&u| u == c) {
        return Some(0xA0 + i as u8);
    }
    (0x80..=0x9F).find(|&b| super::windows_1252_char(b) == (c, true))
}

/// TCVN3 has no toned capitals of its own: capitals were set with a
/// second font (`.VnTimeH`) that draws the lower-case codes as capitals.
/// A word whose plain letters are all capitals (two at least, so that
/// `Hà` stays as it is) was written that way and is upper-cased.
pub fn restore_capitals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let ascii: Vec<char> = word.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        let caps = ascii.len() >= 2 && ascii.iter().all(|c| c.is_ascii_uppercase());
        if caps && word.chars().any(|c| c.is_lowercase()) {
            out.extend(word.chars().flat_map(char::to_uppercase));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() || is_mark(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_a_bijection_on_the_upper_half() {
        for b in 0xA0..=0xFFu8 {
            let (c, ok) = char_of(b);
            assert!(ok);
            assert_eq!(byte_of(c), Some(b), "{b:#x}");
        }
    }

    #[test]
    fn known_letters() {
        assert_eq!(char_of(0xB5).0, 'à');
        assert_eq!(char_of(0xA7).0, 'Đ');
        assert_eq!(char_of(0xAE).0, 'đ');
        assert_eq!(char_of(0xF9).0, 'ự');
        assert_eq!(char_of(0xB3).0, '\u{301}');
    }

    #[test]
    fn words_set_in_the_capitals_font_are_upper_cased() {
        assert_eq!(restore_capitals("HộI NGHị và Hà Nội"), "HỘI NGHỊ và Hà Nội");
        assert_eq!(restore_capitals("ĐảNG"), "ĐẢNG");
    }
}
