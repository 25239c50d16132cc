//! An article over the size limit, written a section at a time
//! ([`crate::extract::sections`]): each section's rows go to the writers
//! before the next section is read, so memory is bounded by a section,
//! not by the article.
//!
//! What belongs to the whole article is kept small until its last section:
//! its counts, its people (one entry per distinct name, see
//! [`ArticlePeople`]), its first headline and byline. Its contract line
//! (`articles.jsonl`) names the byline before the mentions, so the
//! mentions wait in a temporary file, not in memory, and are copied into
//! the line at the end. The output is the same as for the article joined
//! from its sections in memory.

use super::people::ArticlePeople;
use super::render::{article_head, render_article_end, render_section};
use super::summary::ArticleStats;
use super::{Layout, OutputSet};
use crate::extract::resolution::identity::Identities;
use crate::extract::sections::Section;
use crate::model::{Article, Document, EntityType};
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, Write};

/// One article being written in sections.
pub struct SectionedArticle<'a> {
    layout: &'a Layout,
    identities: &'a Identities,
    /// The article without its mentions and sentences.
    head: Article,
    bytes: usize,
    sections: usize,
    sentences: usize,
    counts: [usize; 5],
    people: ArticlePeople,
    /// The selected mentions, as the contract line writes them, comma
    /// separated.
    mentions: BufWriter<File>,
    any_mention: bool,
}

impl<'a> SectionedArticle<'a> {
    pub fn new(
        doc: &Document,
        layout: &'a Layout,
        identities: &'a Identities,
    ) -> io::Result<SectionedArticle<'a>> {
        Ok(SectionedArticle {
            layout,
            identities,
            head: Article {
                id: doc.id.clone(),
                path: doc.path.clone(),
                headline: doc.title.clone(),
                date: doc.date.clone(),
                byline: None,
                entities: Vec::new(),
                encoding: doc.encoding,
                sentences: Vec::new(),
                sentence_spans: Vec::new(),
            },
            bytes: 0,
            sections: 0,
            sentences: 0,
            counts: [0; 5],
            people: ArticlePeople::default(),
            mentions: BufWriter::new(tempfile::tempfile()?),
            any_mention: false,
        })
    }

    /// Write the rows of the next section.
    pub fn add(&mut self, out: &mut OutputSet, mut section: Section) -> io::Result<()> {
        let sel = &self.layout.options.selection;
        let a = &section.article;
        if self.sections == 0 {
            // The headline of the whole text is that of its beginning.
            self.head.headline = a.headline.clone();
        }
        if self.head.byline.is_none() {
            self.head.byline = a.byline.clone();
        }
        self.sections += 1;
        self.bytes += section.text.len();
        self.sentences += a.sentences.len();
        for (n, t) in self.counts.iter_mut().zip(EntityType::ALL) {
            *n += a.count(t);
        }
        out.write_section(render_section(
            a,
            self.layout,
            self.identities,
            section.sentences_before,
        ))?;
        section.number_sentences();
        let a = &section.article;
        if sel.has(EntityType::Person) {
            self.people.add(&a.entities);
        }
        for e in a.entities.iter().filter(|e| sel.has(e.etype)) {
            if self.any_mention {
                self.mentions.write_all(b",")?;
            }
            serde_json::to_writer(&mut self.mentions, e)?;
            self.any_mention = true;
        }
        Ok(())
    }

    /// Write the article's own rows: its contract line, its `articles.csv`
    /// and `article_people.csv` rows.
    pub fn finish(self, out: &mut OutputSet) -> io::Result<()> {
        let sel = &self.layout.options.selection;
        // The line as serde writes it, the mentions put between its
        // brackets: `{"id":...,"entities":[` mentions `]}`.
        let mut prefix = serde_json::to_vec(&self.head)?;
        if !prefix.ends_with(b"[]}") {
            return Err(io::Error::other("an article's line ends with its mentions"));
        }
        prefix.truncate(prefix.len() - 2);
        out.write_jsonl(&prefix)?;
        let mut mentions = self.mentions.into_inner().map_err(|e| e.into_error())?;
        mentions.rewind()?;
        let mut buf = vec![0; 64 * 1024];
        loop {
            let n = mentions.read(&mut buf)?;
            if n == 0 {
                break;
            }
            out.write_jsonl(&buf[..n])?;
        }
        out.write_jsonl(b"]}\n")?;
        let counts = self.counts;
        let count =
            |t: EntityType| counts[EntityType::ALL.iter().position(|&x| x == t).unwrap_or(0)];
        let head = article_head(&self.head, sel, self.sentences, count);
        let people = if sel.has(EntityType::Person) {
            self.people.finish()
        } else {
            Vec::new()
        };
        let stats = ArticleStats {
            bytes: self.bytes,
            ..ArticleStats::default()
        };
        out.write(render_article_end(
            head,
            &self.head.id,
            self.head.date.as_deref(),
            people,
            self.layout,
            stats,
        ))
    }

    /// Sections written so far.
    pub fn sections(&self) -> usize {
        self.sections
    }
}
