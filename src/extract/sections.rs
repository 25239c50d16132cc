//! Articles over the size limit (`--max-article-mb`) are read in sections
//! cut at paragraph, line or sentence ends, each extracted on its own, so
//! that no step's time or memory grows with the whole article; the results
//! are joined with offsets into the whole text.

use super::{Engine, person};
use crate::model::{Article, Document, EntityType, OutEntity};
use std::collections::HashMap;
use std::io;
use std::ops::Range;

/// Default limit, in bytes, on the text read as one piece.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 4 << 20;

/// Smallest section: a limit below it is raised to it.
const MIN_SECTION_BYTES: usize = 256;

/// Where a section may end, best first: after a paragraph, a line, a
/// sentence, a word; anywhere (at a character boundary) as a last resort.
const CUTS: [&str; 6] = ["\n\n", "\n", ". ", "? ", "! ", " "];

/// Byte ranges covering `text` in order, each at most `max` bytes, each
/// cut at the best place (see [`CUTS`]) in the second half of its window.
pub fn sections(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(MIN_SECTION_BYTES);
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let cut = start + first_cut(&text[start..], max);
        out.push(start..cut);
        start = cut;
    }
    out.push(start..text.len());
    out
}

/// Where the first section of `text` (longer than `max`) ends: it depends
/// only on the first `max` bytes, so a text read a piece at a time is cut
/// where the whole text would be.
fn first_cut(text: &str, max: usize) -> usize {
    let limit = floor_boundary(text, max);
    let half = floor_boundary(text, max / 2).max(1);
    let window = &text[half..limit];
    CUTS.iter()
        .find_map(|c| window.rfind(c).map(|i| half + i + c.len()))
        .unwrap_or(limit)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One section of an article read in sections: its own record, with
/// offsets (mentions, sentence spans) into the whole text, and sentence
/// numbers counted from `sentences_before` (the section's first sentence
/// is sentence `sentences_before` of the whole article).
pub struct Section {
    pub article: Article,
    /// Byte range of the section in the whole text.
    pub bytes: Range<usize>,
    /// The section's text.
    pub text: String,
    /// Code points of the whole text before the section.
    pub chars_before: usize,
    /// Sentences of the article before the section.
    pub sentences_before: usize,
}

impl Section {
    /// Number the section's mentions as in the whole article.
    pub fn number_sentences(&mut self) {
        for e in &mut self.article.entities {
            e.sentence += self.sentences_before;
        }
    }
}

/// Where the text of an article read in sections comes from: the next
/// piece of it (any length, valid UTF-8), `None` at its end.
pub type TextSource<'a> = Box<dyn FnMut() -> io::Result<Option<String>> + 'a>;

/// Bytes of an article in memory handed to [`Sections`] at a time.
const PIECE: usize = 1 << 20;

/// The text of an article in memory, a piece at a time.
pub fn pieces_of(text: &str) -> TextSource<'_> {
    let mut at = 0;
    Box::new(move || {
        if at >= text.len() {
            return Ok(None);
        }
        let mut end = (at + PIECE).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let piece = text[at..end].to_string();
        at = end;
        Ok(Some(piece))
    })
}

/// The sections of an article, read and extracted one at a time as they
/// are asked for, so that only one section's text and work is held at
/// once.
pub struct Sections<'a> {
    engine: &'a Engine,
    /// The article's metadata (its text is in `source`).
    doc: &'a Document,
    source: TextSource<'a>,
    /// Text read and not yet cut off as a section.
    buffer: String,
    read_all: bool,
    error: Option<io::Error>,
    max: usize,
    bytes_before: usize,
    chars_before: usize,
    sentences_before: usize,
    /// Sections given so far.
    given: usize,
    /// Full names of the sections before.
    known: KnownNames,
}

impl<'a> Sections<'a> {
    pub fn new(
        engine: &'a Engine,
        doc: &'a Document,
        source: TextSource<'a>,
        max: usize,
    ) -> Sections<'a> {
        Sections {
            engine,
            doc,
            source,
            buffer: String::new(),
            read_all: false,
            error: None,
            max: max.max(MIN_SECTION_BYTES),
            bytes_before: 0,
            chars_before: 0,
            sentences_before: 0,
            given: 0,
            known: KnownNames::default(),
        }
    }

    /// The engine that extracts the sections.
    pub fn engine(&self) -> &'a Engine {
        self.engine
    }

    /// Sections given so far.
    pub fn given(&self) -> usize {
        self.given
    }

    /// Why the text stopped before its end, if it did.
    pub fn take_error(&mut self) -> Option<io::Error> {
        self.error.take()
    }

    /// The text of the next section, cut off the buffer (read on as far
    /// as the cut needs).
    fn next_text(&mut self) -> Option<String> {
        while !self.read_all && self.buffer.len() <= self.max {
            match (self.source)() {
                Ok(Some(piece)) => self.buffer.push_str(&piece),
                Ok(None) => self.read_all = true,
                Err(e) => {
                    self.error = Some(e);
                    self.read_all = true;
                }
            }
        }
        if self.buffer.is_empty() {
            return None;
        }
        let cut = if self.buffer.len() > self.max {
            first_cut(&self.buffer, self.max)
        } else {
            self.buffer.len()
        };
        let text = self.buffer[..cut].to_string();
        self.buffer.replace_range(..cut, "");
        Some(text)
    }
}

impl Iterator for Sections<'_> {
    type Item = Section;

    /// The next section, extracted. The place of the one after is kept
    /// first, so that a section whose extraction panics can be skipped.
    fn next(&mut self) -> Option<Section> {
        let text = self.next_text()?;
        let (bytes_before, chars_before) = (self.bytes_before, self.chars_before);
        self.bytes_before += text.len();
        self.chars_before += text.chars().count();
        self.given += 1;
        let part = Document {
            id: self.doc.id.clone(),
            path: self.doc.path.clone(),
            text,
            date: self.doc.date.clone(),
            title: self.doc.title.clone(),
            encoding: self.doc.encoding,
            notices: Vec::new(),
        };
        let mut article = self.engine.process_whole(&part);
        for e in &mut article.entities {
            e.start += chars_before;
            e.end += chars_before;
        }
        for s in &mut article.sentence_spans {
            s.start += chars_before;
            s.end += chars_before;
        }
        // A short form with no full name in its own section takes the
        // one of an earlier section, as in a whole reading.
        self.known.fill(&mut article.entities);
        let sentences_before = self.sentences_before;
        self.sentences_before += article.sentences.len();
        Some(Section {
            article,
            bytes: bytes_before..bytes_before + part.text.len(),
            text: part.text,
            chars_before,
            sentences_before,
        })
    }
}

/// Distinct full names an article's sections can carry forward.
const MAX_KNOWN_NAMES: usize = 10_000;

/// The full names (two words or more) of an article's sections so far,
/// by last word (lower case): one entry per distinct name, bounded.
#[derive(Default)]
struct KnownNames {
    by_last: HashMap<String, Vec<(Vec<String>, String)>>,
    count: usize,
}

fn name_words(value: &str) -> Vec<String> {
    value.to_lowercase().split(' ').map(String::from).collect()
}

/// A person mention whose value is the extractor's own reading (not a
/// byline, photo credit or initials).
fn is_own_name(e: &OutEntity) -> bool {
    e.etype == EntityType::Person
        && !matches!(
            e.rule.as_str(),
            person::BYLINE_RULE | person::RULE_CREDIT | person::RULE_INITIALS
        )
}

impl KnownNames {
    /// Give each short form of `entities` (a section's mentions) that no
    /// full name of its own section ends with the one fullest name of the
    /// sections before ending with it; then remember the section's names.
    fn fill(&mut self, entities: &mut [OutEntity]) {
        let mut here = KnownNames::default();
        for e in entities.iter().filter(|e| is_own_name(e)) {
            if let Some(v) = e.value.as_deref() {
                here.add(v);
            }
        }
        if self.count > 0 {
            for e in entities.iter_mut().filter(|e| is_own_name(e)) {
                let Some(words) = e.value.as_deref().map(name_words) else {
                    continue;
                };
                if here.longer(&words) > 0 {
                    continue;
                }
                if let Some(full) = self.fullest(&words) {
                    e.value = Some(full.to_string());
                }
            }
        }
        for names in here.by_last.into_values() {
            for (_, v) in names {
                self.add(&v);
            }
        }
    }

    fn add(&mut self, value: &str) {
        let words = name_words(value);
        if words.len() < 2 || self.count >= MAX_KNOWN_NAMES {
            return;
        }
        let entry = self
            .by_last
            .entry(words[words.len() - 1].clone())
            .or_default();
        if !entry.iter().any(|(w, _)| *w == words) {
            entry.push((words, value.to_string()));
            self.count += 1;
        }
    }

    /// Names longer than `words` ending with them.
    fn candidates(&self, words: &[String]) -> Vec<&(Vec<String>, String)> {
        let Some(last) = words.last() else {
            return Vec::new();
        };
        self.by_last.get(last).map_or(Vec::new(), |names| {
            names
                .iter()
                .filter(|(f, _)| f.len() > words.len() && f.ends_with(words))
                .collect()
        })
    }

    fn longer(&self, words: &[String]) -> usize {
        self.candidates(words).len()
    }

    /// The one fullest name ending with `words` (no other candidate ends
    /// with it), if exactly one.
    fn fullest(&self, words: &[String]) -> Option<&str> {
        let longer = self.candidates(words);
        let mut fullest = longer.iter().filter(|(f, _)| {
            !longer
                .iter()
                .any(|(g, _)| g.len() > f.len() && g.ends_with(f))
        });
        match (fullest.next(), fullest.next()) {
            (Some((_, full)), None) => Some(full.as_str()),
            _ => None,
        }
    }
}

/// Append `part` (a section, see [`Section`]) to `whole`.
pub fn append(whole: &mut Article, mut part: Section) {
    part.number_sentences();
    let mut part = part.article;
    whole.entities.append(&mut part.entities);
    whole.sentences.append(&mut part.sentences);
    whole.sentence_spans.append(&mut part.sentence_spans);
    if whole.byline.is_none() {
        whole.byline = part.byline;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_cover_the_text_and_end_at_paragraphs_first() {
        let para = "Câu một của đoạn. Câu hai của đoạn dài hơn một chút.\n\n";
        let text = para.repeat(40);
        let parts = sections(&text, 600);
        assert!(parts.len() > 1);
        assert_eq!(parts[0].start, 0);
        assert_eq!(parts.last().unwrap().end, text.len());
        for w in parts.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert!(text[..w[0].end].ends_with("\n\n"), "{:?}", w[0]);
        }
        assert!(parts.iter().all(|r| r.len() <= 600));
    }

    #[test]
    fn a_text_without_breaks_is_cut_at_spaces_then_anywhere() {
        let words = "Nguyễn Văn ".repeat(200);
        let parts = sections(&words, 300);
        assert!(parts.iter().all(|r| r.len() <= 300));
        assert!(
            parts[..parts.len() - 1]
                .iter()
                .all(|r| words[..r.end].ends_with(' '))
        );
        let solid = "ễ".repeat(500);
        let parts = sections(&solid, 300);
        assert!(
            parts
                .iter()
                .all(|r| r.len() <= 300 && solid.is_char_boundary(r.end))
        );
        assert_eq!(parts.last().unwrap().end, solid.len());
    }

    #[test]
    fn a_text_read_in_pieces_is_cut_as_the_whole_and_read_as_it_goes() {
        let para = "Ngày 4/11, ông Lê Văn Nam đến Hà Nội. Bà Hoa chào ông.\n\n";
        let text = para.repeat(200);
        let engine = Engine::new(&crate::RuleSources::embedded(), Default::default()).unwrap();
        let doc = Document::default();
        let reads = std::cell::Cell::new(0);
        let mut at = 0;
        let source: TextSource = Box::new(|| {
            reads.set(reads.get() + 1);
            let end = (at + 700).min(text.len());
            let end = (end..=text.len())
                .find(|&e| text.is_char_boundary(e))
                .unwrap();
            let piece = text[at..end].to_string();
            at = end;
            Ok((!piece.is_empty()).then_some(piece))
        });
        let mut parts = Sections::new(&engine, &doc, source, 2000);
        let first = parts.next().unwrap();
        // Only what the first cut needs has been read.
        assert!(reads.get() <= 3, "{}", reads.get());
        let mut got = vec![(first.bytes.clone(), first.text.clone())];
        got.extend(parts.map(|s| (s.bytes, s.text)));
        let want = sections(&text, 2000);
        assert_eq!(got.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>(), want);
        for (range, t) in &got {
            assert_eq!(&text[range.clone()], t);
        }
    }
}
