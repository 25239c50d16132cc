//! Normalisation with an offset map.
//!
//! Rules match against a *working* text: NFC, one tone-mark placement
//! (`hoà` becomes `hòa`, `thuỷ` becomes `thủy`), odd spaces made plain and
//! invisible characters dropped. Every byte boundary of the working text
//! maps back to a code point of the text as read, so reported offsets
//! point into the original.

use super::chars::same_width_lowercase;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The normalised view of one article text.
#[derive(Debug, Clone)]
pub struct Text {
    /// The text as read.
    pub original: String,
    /// Normalised working text that rules match against.
    pub work: String,
    /// `work` lower-cased character by character; same byte offsets as `work`.
    pub lower: String,
    /// From byte offsets of `work` to code points of `original`.
    map: OffsetMap,
    /// Byte offset in `original` of every code point (plus one past the end).
    orig_byte: Vec<u32>,
    /// `original` is known to be NFC (every character in ranges where
    /// nothing composes), so its slices need no normalising.
    nfc: bool,
}

/// How byte offsets of the working text map to code points of the text
/// as read.
#[derive(Debug, Clone)]
enum OffsetMap {
    /// Every working character stands for one original character (spaces
    /// made plain and tone marks moved do not change the count): a code
    /// point offset is the number of characters before the byte, counted
    /// from the nearest checkpoint.
    OneToOne {
        /// Characters of `work` before every `CHECKPOINT`-th byte.
        checkpoints: Vec<u32>,
    },
    /// Characters were composed, joined or dropped: a table per byte.
    Table {
        /// For each byte offset of `work` that starts a character: the
        /// code point index in `original` where its source starts.
        start_cp: Vec<u32>,
        /// For each byte offset of `work` that ends a character: the code
        /// point index in `original` just after its source.
        end_cp: Vec<u32>,
    },
}

/// Bytes between two checkpoints of a one-to-one map.
const CHECKPOINT: usize = 64;

/// One working character and the range of original code points it came from.
#[derive(Clone, Copy)]
struct Mapped {
    ch: char,
    from: u32,
    to: u32,
}

impl Text {
    pub fn new(original: &str) -> Text {
        if let Some(t) = Text::one_to_one(original) {
            return t;
        }
        Text::by_table(original)
    }

    /// Any text: characters mapped one by one into a table.
    fn by_table(original: &str) -> Text {
        let nfc = original.chars().all(is_composed_already);
        let mut mapped = if nfc {
            original
                .chars()
                .enumerate()
                .map(|(i, ch)| Mapped {
                    ch,
                    from: i as u32,
                    to: i as u32 + 1,
                })
                .collect()
        } else {
            let orig_chars: Vec<char> = original.chars().collect();
            compose(&orig_chars)
        };
        clean_spaces(&mut mapped);
        fold_tone_marks(&mut mapped);
        Text::from_mapped(original, &mapped, nfc)
    }

    /// The common case: an NFC text in which no character is composed,
    /// joined (`\r\n`) or dropped (invisible ones). Built straight into
    /// strings, the bytes of plain ASCII copied as they are: most of a
    /// Vietnamese text is ASCII, and this runs on every article.
    fn one_to_one(original: &str) -> Option<Text> {
        let bytes = original.as_bytes();
        let mut work = String::with_capacity(bytes.len());
        let mut lower = String::with_capacity(bytes.len());
        // Whether a pair of vowels may need its tone mark moved.
        let (mut may_fold, mut pending) = (false, false);
        let (mut prev, mut before_prev) = ('\0', '\0');
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                // A run of ASCII that stays as it is, copied whole.
                let run = bytes[i..]
                    .iter()
                    .position(|&b| !b.is_ascii() || matches!(b, b'\r' | b'\t' | 0x0B | 0x0C))
                    .unwrap_or(bytes.len() - i);
                if run > 1 {
                    let (text, from) = (&original[i..i + run], lower.len());
                    work.push_str(text);
                    lower.push_str(text);
                    lower[from..].make_ascii_lowercase();
                    may_fold |= pending && !b.is_ascii_alphabetic();
                    pending = false;
                    before_prev = char::from(bytes[i + run - 2]);
                    prev = char::from(bytes[i + run - 1]);
                    i += run;
                    continue;
                }
                let b = match b {
                    b'\r' if bytes.get(i + 1) == Some(&b'\n') => return None,
                    b'\r' => b'\n',
                    b'\t' | 0x0B | 0x0C => b' ',
                    b => b,
                };
                work.push(char::from(b));
                lower.push(char::from(b.to_ascii_lowercase()));
                may_fold |= pending && !b.is_ascii_alphabetic();
                pending = false;
                before_prev = prev;
                prev = char::from(b);
                i += 1;
                continue;
            }
            let c = original[i..].chars().next()?;
            i += c.len_utf8();
            let c = match c {
                c if !is_composed_already(c) || is_invisible(c) => return None,
                '\u{2028}' | '\u{2029}' | '\u{85}' => '\n',
                c if is_odd_space(c) => ' ',
                c => c,
            };
            may_fold |= pending && !c.is_alphabetic();
            // A pair that `fold_chars` turns round: at a syllable's end
            // (known at the next character), not after `q`.
            pending = matches!(prev, 'o' | 'O' | 'u' | 'U')
                && !matches!(before_prev, 'q' | 'Q')
                && fold_pair(prev, c).is_some();
            before_prev = prev;
            prev = c;
            work.push(c);
            lower.push(same_width_lowercase(c));
        }
        may_fold |= pending;
        if may_fold {
            let mut chars: Vec<char> = work.chars().collect();
            fold_chars(&mut chars);
            work = chars.into_iter().collect();
            lower = lowercase_same_width(&work);
        }
        // Characters before every CHECKPOINT-th byte: bytes that are not
        // UTF-8 continuation bytes, counted chunk by chunk.
        let mut checkpoints = Vec::with_capacity(work.len() / CHECKPOINT + 2);
        let mut chars = 0u32;
        for chunk in work.as_bytes().chunks(CHECKPOINT) {
            checkpoints.push(chars);
            chars += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32;
        }
        checkpoints.push(chars);
        let mut orig_byte: Vec<u32> = original.char_indices().map(|(b, _)| b as u32).collect();
        orig_byte.push(original.len() as u32);
        Some(Text {
            original: original.to_string(),
            work,
            lower,
            map: OffsetMap::OneToOne { checkpoints },
            orig_byte,
            nfc: true,
        })
    }

    fn from_mapped(original: &str, mapped: &[Mapped], nfc: bool) -> Text {
        let mut work = String::with_capacity(original.len());
        let mut lower = String::with_capacity(original.len());
        let cap = original.len() + 1;
        let mut start_cp = Vec::with_capacity(cap);
        let mut end_cp = Vec::with_capacity(cap);
        end_cp.push(0);
        for m in mapped {
            let before = work.len();
            work.push(m.ch);
            lower.push(same_width_lowercase(m.ch));
            let width = work.len() - before;
            for _ in 0..width {
                start_cp.push(m.from);
            }
            for i in 0..width {
                end_cp.push(if i + 1 == width { m.to } else { m.from });
            }
        }
        let total = original.chars().count() as u32;
        start_cp.push(total);
        let mut orig_byte: Vec<u32> = original.char_indices().map(|(b, _)| b as u32).collect();
        orig_byte.push(original.len() as u32);
        Text {
            original: original.to_string(),
            work,
            lower,
            map: OffsetMap::Table { start_cp, end_cp },
            orig_byte,
            nfc,
        }
    }

    /// Code point offsets in the original text of a working byte range.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.map {
            OffsetMap::OneToOne { checkpoints } => {
                let cp = |b: usize| {
                    let k = b / CHECKPOINT;
                    let from = k * CHECKPOINT;
                    // Characters starting in [from, b): bytes that are not
                    // continuation bytes. `from` may fall inside a
                    // character, whose start the checkpoint counted.
                    let extra = self.work.as_bytes()[from..b]
                        .iter()
                        .filter(|&&x| (x as i8) >= -0x40)
                        .count();
                    checkpoints[k] as usize + extra
                };
                let s = cp(start);
                let e = if end <= start { s } else { cp(end) };
                (s, e.max(s))
            }
            OffsetMap::Table { start_cp, end_cp } => {
                let s = start_cp[start] as usize;
                let e = if end <= start {
                    s
                } else {
                    end_cp[end] as usize
                };
                (s, e.max(s))
            }
        }
    }

    /// The original text of a code point range, NFC-normalised.
    pub fn original_text(&self, cp_start: usize, cp_end: usize) -> String {
        let b0 = self.orig_byte[cp_start] as usize;
        let b1 = self.orig_byte[cp_end] as usize;
        let slice = &self.original[b0..b1];
        if self.nfc {
            return slice.to_string();
        }
        match is_nfc_quick(slice.chars()) {
            IsNormalized::Yes => slice.to_string(),
            _ => slice.nfc().collect(),
        }
    }

    /// The working text of a byte range.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        &self.work[start..end]
    }
}

/// `work` lower-cased character by character, each character keeping its
/// width (see [`same_width_lowercase`]), so byte offsets stay the same.
fn lowercase_same_width(work: &str) -> String {
    let mut lower = String::with_capacity(work.len());
    let mut rest = work;
    while !rest.is_empty() {
        // The ASCII run first, a whole slice at a time.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = lower.len();
        lower.push_str(&rest[..ascii]);
        lower[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else { break };
        lower.push(same_width_lowercase(c));
        rest = &rest[c.len_utf8()..];
    }
    lower
}

/// NFC composition, chunk by chunk (a starter and the marks after it), so
/// each composed character keeps the original range it came from.
fn compose(chars: &[char]) -> Vec<Mapped> {
    let plain = || {
        chars
            .iter()
            .enumerate()
            .map(|(i, &ch)| Mapped {
                ch,
                from: i as u32,
                to: i as u32 + 1,
            })
            .collect()
    };
    if is_nfc_quick(chars.iter().copied()) == IsNormalized::Yes {
        return plain();
    }
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let mut j = i + 1;
        while j < chars.len() && canonical_combining_class(chars[j]) != 0 {
            j += 1;
        }
        let chunk: String = chars[i..j].iter().collect();
        for ch in chunk.nfc() {
            out.push(Mapped {
                ch,
                from: i as u32,
                to: j as u32,
            });
        }
        i = j;
    }
    out
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

fn is_odd_space(c: char) -> bool {
    c == '\t' || c == '\u{0B}' || c == '\u{0C}' || (c != '\n' && c != '\r' && c.is_whitespace())
}

/// Plain spaces for every horizontal space, `\n` for every line break,
/// invisible characters dropped (in place).
fn clean_spaces(mapped: &mut Vec<Mapped>) {
    let mut w = 0;
    for r in 0..mapped.len() {
        let mut m = mapped[r];
        if is_invisible(m.ch) {
            continue;
        }
        if m.ch == '\r' {
            if mapped.get(r + 1).map(|n| n.ch) == Some('\n') {
                continue;
            }
            m.ch = '\n';
        } else if matches!(m.ch, '\u{2028}' | '\u{2029}' | '\u{85}') {
            m.ch = '\n';
        } else if is_odd_space(m.ch) {
            m.ch = ' ';
        }
        mapped[w] = m;
        w += 1;
    }
    mapped.truncate(w);
}

/// Characters that are NFC whatever stands around them (no canonical
/// decomposition, nothing composes with them): ASCII, Latin-1 and Latin
/// Extended letters, the Vietnamese block, common punctuation. A text of
/// these alone needs no composing.
fn is_composed_already(c: char) -> bool {
    matches!(c,
        '\0'..='\u{2ff}' | '\u{1e00}'..='\u{1eff}' | '\u{2002}'..='\u{2027}' | '\u{2030}'..='\u{205e}'
        | '\u{feff}'
    )
}

/// `fold_tone_marks` on plain characters.
fn fold_chars(chars: &mut [char]) {
    for i in 0..chars.len().saturating_sub(1) {
        let (a, b) = (chars[i], chars[i + 1]);
        if !matches!(a, 'o' | 'O' | 'u' | 'U') || b.is_ascii() {
            continue;
        }
        let Some((na, nb)) = fold_pair(a, b) else {
            continue;
        };
        let at_syllable_end = chars.get(i + 2).is_none_or(|n| !n.is_alphabetic());
        let after_q = i > 0 && matches!(chars[i - 1], 'q' | 'Q');
        if at_syllable_end && !after_q {
            chars[i] = na;
            chars[i + 1] = nb;
        }
    }
}

/// The "old" placement puts the tone on the second vowel of `oa`, `oe`,
/// `uy` at the end of a syllable (`hoà`, `thuỷ`); the gold sets and the
/// rules use the first (`hòa`, `thủy`). Both occur in news, so fold to one.
fn fold_tone_marks(mapped: &mut [Mapped]) {
    for i in 0..mapped.len().saturating_sub(1) {
        let (a, b) = (mapped[i].ch, mapped[i + 1].ch);
        // Cheap test first: only `o`/`u` followed by a non-ASCII vowel can fold.
        if !matches!(a, 'o' | 'O' | 'u' | 'U') || b.is_ascii() {
            continue;
        }
        let Some((na, nb)) = fold_pair(a, b) else {
            continue;
        };
        let at_syllable_end = mapped.get(i + 2).is_none_or(|n| !n.ch.is_alphabetic());
        let after_q = i > 0 && matches!(mapped[i - 1].ch, 'q' | 'Q');
        if at_syllable_end && !after_q {
            mapped[i].ch = na;
            mapped[i + 1].ch = nb;
        }
    }
}

/// The folded pair for an old-style `oa`/`oe`/`uy` with the tone on the
/// second vowel.
pub fn fold_pair(a: char, b: char) -> Option<(char, char)> {
    const TONED_A: [char; 5] = ['à', 'á', 'ả', 'ã', 'ạ'];
    const TONED_E: [char; 5] = ['è', 'é', 'ẻ', 'ẽ', 'ẹ'];
    const TONED_Y: [char; 5] = ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'];
    const TONED_O: [char; 5] = ['ò', 'ó', 'ỏ', 'õ', 'ọ'];
    const TONED_U: [char; 5] = ['ù', 'ú', 'ủ', 'ũ', 'ụ'];
    let upper_a = a.is_uppercase();
    let upper_b = b.is_uppercase();
    let la = a.to_lowercase().next()?;
    let lb = b.to_lowercase().next()?;
    let (tone, first, second) = match la {
        'o' => {
            if let Some(t) = TONED_A.iter().position(|&c| c == lb) {
                (t, TONED_O, 'a')
            } else if let Some(t) = TONED_E.iter().position(|&c| c == lb) {
                (t, TONED_O, 'e')
            } else {
                return None;
            }
        }
        'u' => (TONED_Y.iter().position(|&c| c == lb)?, TONED_U, 'y'),
        _ => return None,
    };
    let case = |c: char, up: bool| {
        if up {
            c.to_uppercase().next().unwrap_or(c)
        } else {
            c
        }
    };
    Some((case(first[tone], upper_a), case(second, upper_b)))
}

/// Whether a vowel pair of `s` may have its tone mark moved by
/// [`fold_tone_marks`] (which also checks the syllable's end).
fn may_need_folding(s: &str) -> bool {
    let mut prev = '\0';
    for c in s.chars() {
        if !c.is_ascii() && matches!(prev, 'o' | 'O' | 'u' | 'U') && fold_pair(prev, c).is_some() {
            return true;
        }
        prev = c;
    }
    false
}

/// Fold a rule's literal text the way article text is folded.
pub fn fold_str(s: &str) -> String {
    // Most strings are composed already and have no pair to turn round:
    // as they are (this runs for every name-like run while gathering).
    if is_nfc_quick(s.chars()) == IsNormalized::Yes && !may_need_folding(s) {
        return s.to_string();
    }
    let chars: Vec<char> = s.nfc().collect();
    let mut mapped: Vec<Mapped> = chars
        .iter()
        .map(|&ch| Mapped { ch, from: 0, to: 0 })
        .collect();
    fold_tone_marks(&mut mapped);
    mapped.into_iter().map(|m| m.ch).collect()
}

#[cfg(test)]
mod tests;
