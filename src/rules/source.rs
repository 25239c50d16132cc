//! Where rule files come from: the copies embedded at build time, each
//! replaceable by a file of the same relative path in a `--rules` folder.

use super::RuleFile;
use super::lines::{LineMap, Step};
use super::lists::WordListRow;
use super::typed::{Loaded, RuleKind};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// A problem in a rule file, reported before any output is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "rules/{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "rules/{}: {}", self.file, self.message)
        }
    }
}

impl std::error::Error for RuleError {}

/// A word list: header names and rows of cells.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The cells of one column, by header name.
    pub fn column(&self, name: &str) -> Vec<&str> {
        match self.headers.iter().position(|h| h == name) {
            Some(i) => self
                .rows
                .iter()
                .map(|r| r.get(i).map_or("", String::as_str))
                .collect(),
            None => Vec::new(),
        }
    }

    pub fn cell<'a>(&'a self, row: &'a [String], name: &str) -> &'a str {
        self.headers
            .iter()
            .position(|h| h == name)
            .and_then(|i| row.get(i))
            .map_or("", String::as_str)
    }
}

/// All rule files by path relative to `rules/`.
#[derive(Debug, Clone)]
pub struct RuleSources {
    files: BTreeMap<String, String>,
}

impl Default for RuleSources {
    fn default() -> Self {
        RuleSources::embedded()
    }
}

impl RuleSources {
    /// The rules built into the binary.
    pub fn embedded() -> RuleSources {
        RuleSources {
            files: EMBEDDED_RULES
                .iter()
                .map(|(p, c)| (p.to_string(), c.to_string()))
                .collect(),
        }
    }

    /// Embedded rules, with every `.json`/`.csv` file found in `dir` (same
    /// relative path) replacing the embedded one.
    pub fn with_override(dir: &Path) -> Result<RuleSources, RuleError> {
        let mut sources = RuleSources::embedded();
        if !dir.is_dir() {
            return Err(RuleError {
                file: dir.display().to_string(),
                line: 0,
                message: "--rules must name a folder".into(),
            });
        }
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.map_err(|e| RuleError {
                file: dir.display().to_string(),
                line: 0,
                message: e.to_string(),
            })?;
            let p = entry.path();
            let is_rule = matches!(p.extension().and_then(|x| x.to_str()), Some("json" | "csv"));
            if !entry.file_type().is_file() || !is_rule {
                continue;
            }
            let rel = p
                .strip_prefix(dir)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/");
            if !sources.files.contains_key(&rel) {
                return Err(RuleError {
                    file: rel,
                    line: 0,
                    message: format!(
                        "not a rule file of vnextract (the rule files are: {})",
                        sources.paths().collect::<Vec<_>>().join(", ")
                    ),
                });
            }
            let content = std::fs::read_to_string(p).map_err(|e| RuleError {
                file: rel.clone(),
                line: 0,
                message: format!("cannot read: {e}"),
            })?;
            sources.files.insert(rel, content);
        }
        Ok(sources)
    }

    /// Exactly these files, by path under `rules/` (tests, library callers
    /// with rules of their own).
    pub fn from_files<I, P, C>(files: I) -> RuleSources
    where
        I: IntoIterator<Item = (P, C)>,
        P: Into<String>,
        C: Into<String>,
    {
        RuleSources {
            files: files
                .into_iter()
                .map(|(p, c)| (p.into(), c.into()))
                .collect(),
        }
    }

    /// Replace one file's content (tests, library callers).
    pub fn set(&mut self, path: &str, content: &str) {
        self.files.insert(path.to_string(), content.to_string());
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    fn raw(&self, path: &str) -> Result<&str, RuleError> {
        self.files
            .get(path)
            .map(String::as_str)
            .ok_or_else(|| RuleError {
                file: path.to_string(),
                line: 0,
                message: "rule file missing".into(),
            })
    }

    /// Parse a JSON rule file; line numbers are attached to every rule. A
    /// known file is checked against its typed shape first
    /// ([`super::typed`]), so an unknown setting is an error here.
    pub fn json(&self, path: &str) -> Result<RuleFile, RuleError> {
        let raw = self.raw(path)?;
        let lines = LineMap::new(raw);
        super::typed::validate_known(path, raw, &lines)?;
        untyped(path, raw, lines)
    }

    /// A JSON rule file with its typed settings and rules.
    pub fn load<K: RuleKind>(&self) -> Result<Loaded<K>, RuleError> {
        let raw = self.raw(K::PATH)?;
        let lines = LineMap::new(raw);
        let (settings, rules) = super::typed::parse::<K>(K::PATH, raw, &lines)?;
        Ok(Loaded {
            file: untyped(K::PATH, raw, lines)?,
            settings,
            rules,
        })
    }

    /// The typed rows of a word list.
    pub fn word_list<T: WordListRow>(&self) -> Result<Vec<T>, RuleError> {
        super::lists::parse(&crate::text::fold_str(self.raw(T::PATH)?))
    }

    /// The text of a rule file as loaded (embedded or overridden).
    pub fn text(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    /// Parse a CSV word list (header row; `#` lines are comments).
    pub fn csv(&self, path: &str) -> Result<Table, RuleError> {
        let raw = self.raw(path)?;
        super::lists::validate_known(path, raw)?;
        let mut reader = csv_reader(raw);
        let err = |line: usize, message: String| RuleError {
            file: path.to_string(),
            line,
            message,
        };
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| err(1, e.to_string()))?
            .iter()
            .map(String::from)
            .collect();
        let mut rows = Vec::new();
        for rec in reader.records() {
            let rec = rec.map_err(|e| err(csv_line(raw, e.position()), e.to_string()))?;
            if rec.len() > headers.len() {
                let line = csv_line(raw, rec.position());
                return Err(err(
                    line,
                    format!("{} fields, header has {}", rec.len(), headers.len()),
                ));
            }
            if rec.iter().all(str::is_empty) {
                continue;
            }
            rows.push(rec.iter().map(crate::text::fold_str).collect());
        }
        Ok(Table { headers, rows })
    }
}

/// The reader every word list is read with: a header row, `#` comment
/// lines, cells trimmed, short rows allowed (missing cells are empty).
pub(super) fn csv_reader(raw: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(raw.as_bytes())
}

/// The 1-based line of a CSV record: the reader's position is where it
/// started reading the record, so the comment and blank lines it skipped
/// on the way are skipped here too.
pub(super) fn csv_line(raw: &str, pos: Option<&csv::Position>) -> usize {
    CsvLines::new(raw).line(pos)
}

/// [`csv_line`] for the records of one file read in order: lines are
/// counted from the previous record on, not from the start of the file
/// for every record (a learned list has thousands of rows).
pub(super) struct CsvLines<'a> {
    raw: &'a str,
    /// A byte offset and the 1-based line it lies on.
    at: usize,
    line: usize,
}

impl<'a> CsvLines<'a> {
    pub(super) fn new(raw: &'a str) -> CsvLines<'a> {
        CsvLines {
            raw,
            at: 0,
            line: 1,
        }
    }

    pub(super) fn line(&mut self, pos: Option<&csv::Position>) -> usize {
        let Some(p) = pos else { return 0 };
        let raw = self.raw;
        let mut at = (p.byte() as usize).min(raw.len());
        if at < self.at {
            (self.at, self.line) = (0, 1);
        }
        let mut line = self.line
            + raw.as_bytes()[self.at..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
        (self.at, self.line) = (at, line);
        while let Some(rest) = raw.get(at..) {
            let skipped =
                rest.starts_with('#') || rest.starts_with('\n') || rest.starts_with("\r\n");
            match rest.find('\n') {
                Some(nl) if skipped => {
                    at += nl + 1;
                    line += 1;
                }
                _ => break,
            }
        }
        line
    }
}

/// Parse a JSON rule file without its typed shape: macros and rule
/// patterns for every extractor (`compile_rule`, `compile_setting`), and
/// the untyped settings dates and segmentation still read (`setting_list`).
fn untyped(path: &str, raw: &str, lines: LineMap) -> Result<RuleFile, RuleError> {
    let mut file: RuleFile = serde_json::from_str(raw).map_err(|e| RuleError {
        file: path.to_string(),
        line: e.line(),
        message: format!("not a valid rule file: {e}"),
    })?;
    file.path = path.to_string();
    let mut seen = std::collections::HashSet::new();
    for (i, rule) in file.rules.iter_mut().enumerate() {
        rule.line = lines.line(&[Step::from("rules"), Step::from(i), Step::from("id")]);
        if !seen.insert(rule.id.clone()) {
            return Err(RuleError {
                file: path.to_string(),
                line: rule.line,
                message: format!("duplicate rule id `{}`", rule.id),
            });
        }
    }
    file.lines = lines;
    Ok(file)
}
