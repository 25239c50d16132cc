//! Reading the corpus, the way `extract` reads it, one batch at a time:
//! each pass reads the files again, so memory holds one batch of texts
//! and the counts, never the corpus.

use super::tokens::{Shape, Token, tokenize_line};
use crate::input::{InputError, InputFile, read_document, walk_inputs};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Files read and analysed together.
const BATCH: usize = 512;

/// One input folder or file named on the command line.
#[derive(Debug, Clone)]
pub struct Source {
    /// Its last path component (`news-2017`): what output headers name.
    pub name: String,
    pub files: Vec<InputFile>,
}

/// What a pass over the corpus reads.
pub struct Corpus {
    pub sources: Vec<Source>,
    /// Inputs that could not be walked (missing paths).
    pub walk_errors: Vec<InputError>,
}

impl Corpus {
    pub fn open(paths: &[PathBuf]) -> Corpus {
        let mut sources = Vec::new();
        let mut walk_errors = Vec::new();
        for p in paths {
            let (files, errors) = walk_inputs(std::slice::from_ref(p));
            walk_errors.extend(errors);
            sources.push(Source {
                name: last_component(p),
                files: files.into_iter().filter(is_article_file).collect(),
            });
        }
        Corpus {
            sources,
            walk_errors,
        }
    }

    pub fn file_count(&self) -> usize {
        self.sources.iter().map(|s| s.files.len()).sum()
    }

    /// Run `analyse` on every article (in parallel, a batch at a time) and
    /// hand the results to `merge` in input order, so that what is merged
    /// never depends on the thread count. Both get the article's serial
    /// number (from 1, in input order; the same in every pass); `merge`
    /// also gets the index of its source. Unreadable files go to `errors`.
    pub fn pass<O, A, M>(
        &self,
        pool: &rayon::ThreadPool,
        analyse: A,
        mut merge: M,
        errors: &mut Vec<InputError>,
        progress: &dyn Fn(usize),
    ) where
        O: Send,
        A: Fn(&Article, u32) -> O + Sync,
        M: FnMut(u32, usize, O),
    {
        let files: Vec<(usize, &InputFile)> = self
            .sources
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.files.iter().map(move |f| (i, f)))
            .collect();
        let mut first = 0;
        let mut done = 0;
        for batch in files.chunks(BATCH) {
            let results: Vec<Result<(u32, usize, O), InputError>> = pool.install(|| {
                batch
                    .par_iter()
                    .enumerate()
                    .map(|(k, (source, f))| {
                        let doc = read_document(f)?;
                        let article = Article::new(&doc.text);
                        // Articles are numbered from 1 in input order.
                        let serial = (first + k + 1) as u32;
                        Ok((serial, *source, analyse(&article, serial)))
                    })
                    .collect()
            });
            first += batch.len();
            for r in results {
                match r {
                    Ok((serial, source, o)) => merge(serial, source, o),
                    Err(e) => errors.push(e),
                }
            }
            done += batch.len();
            progress(done);
        }
    }
}

/// A file of one article; files of records (JSON Lines, JSON) are left
/// out (by extension, so as not to depend on how the walk labels them).
fn is_article_file(f: &InputFile) -> bool {
    !matches!(
        f.path.extension().and_then(|x| x.to_str()),
        Some("jsonl" | "ndjson" | "json")
    )
}

/// The last component of a path, for headers that must not depend on
/// where the corpus was unpacked.
pub fn last_component(p: &Path) -> String {
    p.components()
        .next_back()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// One article: its folded text (NFC, one tone-mark placement: the form
/// the rule files are read in), tokenised.
pub struct Article {
    pub text: String,
    /// Bytes of the text as read.
    pub bytes: usize,
}

impl Article {
    pub fn new(raw: &str) -> Article {
        Article {
            text: crate::text::fold_str(raw),
            bytes: raw.len(),
        }
    }

    /// Every token of the article; lines are separated by a `¶` token,
    /// which no name crosses.
    pub fn tokens(&self) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        for line in self.text.lines() {
            if !out.is_empty() {
                out.push(Token {
                    text: "¶",
                    shape: Shape::Punct,
                    forced: false,
                });
            }
            out.extend(tokenize_line(line));
        }
        out
    }
}

/// Tokens and their lower-cased forms, the view every miner reads.
pub struct Tokens<'a> {
    pub toks: Vec<Token<'a>>,
    pub lowers: Vec<String>,
    /// Words of sentences an earlier article already had (see
    /// [`super::repeats`]): not read.
    pub skip: Vec<bool>,
}

impl<'a> Tokens<'a> {
    pub fn of(article: &'a Article) -> Tokens<'a> {
        let toks = article.tokens();
        let lowers = toks.iter().map(Token::lower).collect();
        let skip = vec![false; toks.len()];
        Tokens { toks, lowers, skip }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// A mid-sentence capital: a name part, not a forced capital.
    pub fn is_name_capital(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.is_capitalised() && !t.forced)
    }
}
