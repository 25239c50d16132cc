//! The `context` cell of a mention row: the words around the mention, with
//! the mention marked `[[...]]`, so a reader can judge each row.
//!
//! Mentions are visited in text order and a cursor keeps its place in the
//! sentence, so a long sentence with many mentions costs one pass, not one
//! pass per mention.

use crate::model::{Article, OutEntity};

/// What the `context` column holds (`--context`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContextMode {
    /// The whole sentence, the mention marked (at most
    /// [`SENTENCE_SIDE_CHARS`] characters each side: a text with no
    /// sentence end would otherwise repeat itself in every row).
    Sentence,
    /// About [`WINDOW_CHARS`] characters each side of the mention, inside
    /// its sentence, cut at word boundaries, the mention marked.
    #[default]
    Window,
    /// An empty cell (the column stays, so the columns never move).
    None,
}

impl ContextMode {
    pub fn parse(s: &str) -> Result<ContextMode, String> {
        match s {
            "sentence" => Ok(ContextMode::Sentence),
            "window" => Ok(ContextMode::Window),
            "none" => Ok(ContextMode::None),
            _ => Err(format!(
                "`{s}` is not a context; use sentence, window or none"
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ContextMode::Sentence => "sentence",
            ContextMode::Window => "window",
            ContextMode::None => "none",
        }
    }
}

/// Characters kept on each side of a mention in `window` mode.
pub const WINDOW_CHARS: usize = 80;
/// Characters kept on each side of a mention in `sentence` mode.
pub const SENTENCE_SIDE_CHARS: usize = 1000;
pub const OPEN: &str = "[[";
pub const CLOSE: &str = "]]";
/// Marks a side of a window cut short of its sentence.
const CUT: char = '…';

/// Builds the context cells of one article's mentions, in text order.
pub struct Contexts<'a> {
    article: &'a Article,
    mode: ContextMode,
    /// Sentence the cursor is in, and its place there (code points, bytes).
    sentence: usize,
    chars: usize,
    bytes: usize,
    /// The sentence text has one code point per code point of the input
    /// (no normalisation changed it), so offsets can be used directly.
    aligned: bool,
}

impl<'a> Contexts<'a> {
    pub fn new(article: &'a Article, mode: ContextMode) -> Contexts<'a> {
        let mut c = Contexts {
            article,
            mode,
            sentence: usize::MAX,
            chars: 0,
            bytes: 0,
            aligned: false,
        };
        c.enter(0);
        c
    }

    fn enter(&mut self, sentence: usize) {
        self.sentence = sentence;
        self.chars = 0;
        self.bytes = 0;
        let a = self.article;
        self.aligned = match (a.sentences.get(sentence), a.sentence_spans.get(sentence)) {
            (Some(text), Some(span)) => text.chars().count() == span.end - span.start,
            _ => false,
        };
    }

    /// Byte offset in the current sentence of code point `target`.
    fn byte_at(&mut self, text: &str, target: usize) -> usize {
        // A mention inside the one before (a unit in a title) starts behind
        // the cursor: step back to it rather than from the sentence start.
        if target < self.chars {
            let mut back = text[..self.bytes].chars().rev();
            while self.chars > target {
                let Some(c) = back.next() else { break };
                self.chars -= 1;
                self.bytes -= c.len_utf8();
            }
        }
        for c in text[self.bytes..].chars() {
            if self.chars == target {
                break;
            }
            self.chars += 1;
            self.bytes += c.len_utf8();
        }
        self.bytes
    }

    /// The context cell of `e`; mentions must come in text order for the
    /// cost to stay linear.
    pub fn of(&mut self, e: &OutEntity) -> String {
        if self.mode == ContextMode::None {
            return String::new();
        }
        let a = self.article;
        let Some(text) = a.sentences.get(e.sentence) else {
            return String::new();
        };
        if e.sentence != self.sentence {
            self.enter(e.sentence);
        }
        let (start, end) = match a.sentence_spans.get(e.sentence) {
            Some(span) if self.aligned => {
                let s = self.byte_at(text, e.start.saturating_sub(span.start));
                let en = self.byte_at(text, e.end.saturating_sub(span.start));
                (s, en.max(s))
            }
            // Normalisation changed the sentence: find the mention in it.
            _ => match text.find(e.text.as_str()) {
                Some(s) => (s, s + e.text.len()),
                None => (0, 0),
            },
        };
        mark(text, start, end, self.mode)
    }
}

/// `text` with `[start, end)` marked, cut to a window in `Window` mode.
fn mark(text: &str, start: usize, end: usize, mode: ContextMode) -> String {
    let side = match mode {
        ContextMode::Window => WINDOW_CHARS,
        _ => SENTENCE_SIDE_CHARS,
    };
    let (from, to) = (window_start(text, start, side), window_end(text, end, side));
    let mut out = String::with_capacity(to - from + 10);
    if from > 0 {
        out.push(CUT);
    }
    out.push_str(&text[from..start]);
    out.push_str(OPEN);
    out.push_str(&text[start..end]);
    out.push_str(CLOSE);
    out.push_str(&text[end..to]);
    if to < text.len() {
        out.push(CUT);
    }
    out
}

/// Where a window opening `side` characters before `start` begins: at the
/// start of a word (a word longer than the window is cut).
fn window_start(text: &str, start: usize, side: usize) -> usize {
    let Some((at, _)) = text[..start].char_indices().rev().nth(side - 1) else {
        return 0;
    };
    if text[..at]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace)
    {
        return at;
    }
    match text[at..start].find(char::is_whitespace) {
        Some(space) => {
            let after = at + space;
            after + text[after..].chars().next().map_or(0, char::len_utf8)
        }
        None => at,
    }
}

/// Where a window closing `side` characters after `end` ends: at the end
/// of a word.
fn window_end(text: &str, end: usize, side: usize) -> usize {
    let Some((at, _)) = text[end..].char_indices().nth(side) else {
        return text.len();
    };
    let at = end + at;
    if text[at..].starts_with(char::is_whitespace) {
        return at;
    }
    match text[end..at].rfind(char::is_whitespace) {
        Some(space) if space > 0 => end + space,
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_sentences_are_whole_and_marked() {
        let t = "Ngày 4/11, hội nghị diễn ra.";
        let s = t.find("4/11").unwrap();
        assert_eq!(
            mark(t, s, s + 4, ContextMode::Window),
            "Ngày [[4/11]], hội nghị diễn ra."
        );
        assert_eq!(
            mark(t, s, s + 4, ContextMode::Sentence),
            "Ngày [[4/11]], hội nghị diễn ra."
        );
    }

    #[test]
    fn long_sentences_are_cut_at_words() {
        let words = "một hai ba bốn năm sáu bảy tám chín mười ".repeat(10);
        let t = format!("{words}MỐC {words}");
        let s = t.find("MỐC").unwrap();
        let got = mark(&t, s, s + "MỐC".len(), ContextMode::Window);
        assert!(got.starts_with('…') && got.ends_with('…'), "{got}");
        assert!(got.contains("[[MỐC]]"));
        let before = got.split("[[").next().unwrap();
        let after = got.split("]]").nth(1).unwrap();
        assert!(before.chars().count() <= WINDOW_CHARS + 1);
        assert!(after.chars().count() <= WINDOW_CHARS + 1);
        // Whole words only.
        assert!(
            before
                .trim_start_matches('…')
                .starts_with(char::is_alphabetic)
        );
        assert!(!before.trim_start_matches('…').starts_with(' '));
        let last = after.trim_end_matches('…');
        assert!(words.contains(last.trim()), "{last}");
        assert!(last.ends_with(|c: char| c.is_alphabetic()), "{last}");
        // A sentence longer than the cap is cut in sentence mode too.
        let huge = format!("{}MỐC {}", words.repeat(5), words.repeat(5));
        let s = huge.find("MỐC").unwrap();
        let got = mark(&huge, s, s + "MỐC".len(), ContextMode::Sentence);
        assert!(got.starts_with('…') && got.ends_with('…'));
        assert!(got.chars().count() <= 2 * SENTENCE_SIDE_CHARS + 10);
        let short = "Ngắn thôi.";
        let s = short.find("thôi").unwrap();
        let got = mark(short, s, s + "thôi".len(), ContextMode::Sentence);
        assert_eq!(got, "Ngắn [[thôi]].");
    }
}
