//! Legacy Vietnamese encodings: Windows-1258 (through encoding_rs), TCVN3
//! (ABC) and VNI, each with a table from its published standard or font
//! layout. Bytes that are not UTF-8 are read in all three and the one
//! reading whose accented words are Vietnamese syllables is kept; when no
//! reading, or more than one, fits clearly, the caller gets a reason
//! instead of a guess. Every reading is composed to NFC, so offsets count
//! code points of the composed text.

pub mod syllable;
mod tcvn3;
mod vni;

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Windows1258,
    Tcvn3,
    Vni,
}

impl Legacy {
    pub const ALL: [Legacy; 3] = [Legacy::Windows1258, Legacy::Tcvn3, Legacy::Vni];

    /// The name reported in the `encoding` field.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Windows1258 => "windows-1258",
            Legacy::Tcvn3 => "tcvn3",
            Legacy::Vni => "vni",
        }
    }
}

/// What the bytes of a non-UTF-8 file are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detection {
    Found(Legacy, String),
    /// Some reading looks Vietnamese, but not clearly enough to trust.
    Unsure(String),
    /// No reading looks Vietnamese.
    NotVietnamese,
}

/// Accented words a reading must have before it is trusted.
const MIN_GOOD: usize = 3;
/// Faults (odd bytes, words that are no syllable) tolerated per good word:
/// foreign names and typos occur in real text.
const FAULTS_PER_GOOD: f64 = 0.1;

pub fn detect(bytes: &[u8]) -> Detection {
    let mut readings: Vec<(Legacy, String, Score)> = Legacy::ALL
        .iter()
        .map(|&enc| {
            let (text, odd) = decode_as(bytes, enc);
            let score = Score::of(&text, odd);
            (enc, text, score)
        })
        .collect();
    readings.sort_by_key(|(_, _, s)| std::cmp::Reverse(s.good as i64 - s.faults as i64));
    let trusted =
        |s: &Score| s.good >= MIN_GOOD && s.faults as f64 <= s.good as f64 * FAULTS_PER_GOOD;
    let (best_enc, _, best) = &readings[0];
    let (second_enc, _, second) = &readings[1];
    if trusted(best) && !trusted(second) {
        let (enc, text, _) = readings.swap_remove(0);
        return Detection::Found(enc, text);
    }
    if trusted(best) {
        return Detection::Unsure(format!(
            "reads as {} and as {} alike",
            best_enc.name(),
            second_enc.name()
        ));
    }
    if best.good == 0 {
        return Detection::NotVietnamese;
    }
    Detection::Unsure(format!(
        "best reading {}: {} Vietnamese words, {} faults",
        best_enc.name(),
        best.good,
        best.faults
    ))
}

/// How Vietnamese a reading looks: accented words that are syllables, and
/// faults (bytes the encoding would not hold there, accented words that
/// are no syllable, symbols that only mojibake produces).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Score {
    good: usize,
    faults: usize,
}

impl Score {
    fn of(text: &str, odd: usize) -> Score {
        let mut s = Score {
            good: 0,
            faults: odd,
        };
        let mut word = String::new();
        let judge = |word: &mut String, s: &mut Score| {
            if !word.is_ascii() {
                if syllable::is_syllable(word) {
                    s.good += 1;
                } else {
                    s.faults += 1;
                }
            }
            word.clear();
        };
        for c in text.chars() {
            if c.is_alphabetic() || ('\u{300}'..='\u{36F}').contains(&c) {
                word.push(c);
                continue;
            }
            judge(&mut word, &mut s);
            if !c.is_ascii() && !c.is_whitespace() && !"“”‘’–—…•°«»·€₫©®™×±".contains(c)
            {
                s.faults += 1;
            }
        }
        judge(&mut word, &mut s);
        s
    }
}

/// Decode bytes as `enc`, composed to NFC; also the number of bytes that
/// text in that encoding would not hold where they stand.
pub fn decode_as(bytes: &[u8], enc: Legacy) -> (String, usize) {
    let (raw, odd) = match enc {
        Legacy::Windows1258 => windows_1258(bytes),
        Legacy::Tcvn3 => {
            let mut odd = 0;
            let text: String = bytes
                .iter()
                .map(|&b| {
                    let (c, ok) = tcvn3::char_of(b);
                    odd += usize::from(!ok);
                    c
                })
                .collect();
            let orphans = orphan_marks(&text);
            (text, odd + orphans)
        }
        Legacy::Vni => vni::decode(bytes),
    };
    let composed: String = raw.nfc().collect();
    match enc {
        Legacy::Tcvn3 => (tcvn3::restore_capitals(&composed), odd),
        _ => (composed, odd),
    }
}

fn windows_1258(bytes: &[u8]) -> (String, usize) {
    let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    // encoding_rs gives the code page's unassigned bytes as C1 controls.
    let unassigned = text
        .chars()
        .filter(|c| ('\u{80}'..='\u{9F}').contains(c))
        .count();
    let odd = unassigned + orphan_marks(&text);
    (text.into_owned(), odd)
}

/// Combining marks with no letter before them.
fn orphan_marks(text: &str) -> usize {
    let mut prev_letter = false;
    let mut n = 0;
    for c in text.chars() {
        let mark = ('\u{300}'..='\u{36F}').contains(&c);
        if mark && !prev_letter {
            n += 1;
        }
        prev_letter = c.is_alphabetic() || (mark && prev_letter);
    }
    n
}

/// The Windows-1252 character of a byte, and whether the code page assigns it.
pub(crate) fn windows_1252_char(b: u8) -> (char, bool) {
    let byte = [b];
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
    let c = text.chars().next().unwrap_or('\u{FFFD}');
    (c, !('\u{80}'..='\u{9F}').contains(&c))
}

/// Encode text in a legacy encoding, or `None` when a character has no
/// spelling there. For tests, fuzzing and round-trip checks: the tool
/// itself only reads these encodings.
pub fn encode_as(text: &str, enc: Legacy) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.nfc() {
        match enc {
            Legacy::Windows1258 => windows_1258_char(c, &mut out)?,
            Legacy::Tcvn3 => match tcvn3::byte_of(c) {
                Some(b) => out.push(b),
                None => decomposed(c, &mut out, tcvn3::byte_of)?,
            },
            Legacy::Vni => vni::encode_char(c, &mut out)?,
        }
    }
    Some(out)
}

/// Windows-1258 writes a toned letter as its precomposed form when the
/// code page has one (`à`, `ê`), else as base letter and tone mark (`ạ` is
/// `a` + dot below, `ấ` is `â` + acute).
fn windows_1258_char(c: char, out: &mut Vec<u8>) -> Option<()> {
    let single = |c: char| -> Option<u8> {
        let mut buf = [0u8; 4];
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(c.encode_utf8(&mut buf));
        (!unmappable && bytes.len() == 1).then(|| bytes[0])
    };
    if let Some(b) = single(c) {
        out.push(b);
        return Some(());
    }
    decomposed(c, out, single)
}

/// A toned letter as its untoned letter and the tone mark (`ấ` is `â` +
/// acute, `ậ` is `â` + dot below): the only marks the encodings spell apart.
fn decomposed(c: char, out: &mut Vec<u8>, byte: impl Fn(char) -> Option<u8>) -> Option<()> {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let parts: Vec<char> = std::iter::once(c).nfd().collect();
    let tone = parts.iter().copied().find(|m| TONES.contains(m))?;
    let untoned: String = parts
        .iter()
        .filter(|&&m| m != tone)
        .collect::<String>()
        .nfc()
        .collect();
    let mut chars = untoned.chars();
    let (Some(letter), None) = (chars.next(), chars.next()) else {
        return None;
    };
    out.push(byte(letter)?);
    out.push(byte(tone)?);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A short news paragraph written for these tests.
    const SAMPLE: &str = "Sáng ngày 12/3/2021, Ủy ban nhân dân tỉnh Quảng Ngãi tổ chức hội nghị \
        tổng kết công tác năm. Ông Trần Văn Được, Phó Chủ tịch tỉnh, phát biểu chỉ đạo; \
        các đại biểu thảo luận về việc đầu tư đường giao thông nông thôn và thủy lợi.";

    #[test]
    fn each_encoding_round_trips_and_is_detected() {
        for enc in Legacy::ALL {
            let bytes = encode_as(SAMPLE, enc).unwrap();
            assert!(std::str::from_utf8(&bytes).is_err(), "{enc:?}");
            assert_eq!(decode_as(&bytes, enc), (SAMPLE.to_string(), 0), "{enc:?}");
            assert_eq!(
                detect(&bytes),
                Detection::Found(enc, SAMPLE.to_string()),
                "{enc:?}"
            );
        }
    }

    #[test]
    fn windows_1258_uses_combining_marks_and_is_composed() {
        let bytes = encode_as("ạ ấ Đ", Legacy::Windows1258).unwrap();
        assert_eq!(bytes, b"a\xf2 \xe2\xec \xd0");
        assert_eq!(decode_as(&bytes, Legacy::Windows1258).0, "ạ ấ Đ");
    }

    #[test]
    fn too_little_text_is_unsure_and_foreign_text_is_not_vietnamese() {
        assert!(matches!(
            detect(&encode_as("Hà", Legacy::Windows1258).unwrap()),
            Detection::Unsure(_) | Detection::NotVietnamese
        ));
        assert!(matches!(
            detect(b"Gr\xfc\xdfe aus M\xfcnchen und K\xf6ln"),
            Detection::Unsure(_) | Detection::NotVietnamese
        ));
    }
}
