//! `vnextract merge`: the output folders of the shares of one run (from
//! `extract --shard K/N`, or the part files of a cluster job fed by
//! `stream --parts K/N`) put back together into the output of one run.
//!
//! Each share lists its units in input order with their keys (see
//! [`super::parts`]), so the merge is a k-way merge by key: every unit's
//! rows are appended in the order of the whole run, and the run-wide
//! tables and summary are fed in that same order, which makes every file
//! byte-identical to the unsharded run. Each share is read as a stream:
//! memory holds one part per share, plus the run-wide indexes.
//!
//! Nothing but the folders is needed: the options that shape the tables
//! and the rules' issuer codes travel in each share's header, and the
//! shares must agree on them, and be all of `1/N` ... `N/N`, once each.

use super::parts::{FORMAT, Header, Key, Part, SHARD_FILE, VERSION};
use crate::output::files::{JSONL, OutputDir};
use crate::output::{ContextMode, Finished, Layout, OutputSet, RenderOptions, Rendered, Selection};
use crate::output::{csv_out, tables::Table};
use std::collections::{BTreeMap, BinaryHeap};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Why a merge cannot be done.
#[derive(Debug)]
pub enum MergeError {
    /// The inputs are not the complete shares of one run (or not shares).
    Refused(String),
    /// Reading or writing failed.
    Io(io::Error),
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MergeError::Refused(m) => f.write_str(m),
            MergeError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl From<io::Error> for MergeError {
    fn from(e: io::Error) -> MergeError {
        MergeError::Io(e)
    }
}

/// One share being read: its part lines, and (for a shard folder) its
/// tables, read a part's bytes at a time.
struct Share {
    name: String,
    lines: io::Lines<BufReader<File>>,
    /// Open tables of a shard folder, past their header, by file name.
    tables: BTreeMap<String, BufReader<File>>,
    next: Option<Part>,
    line: usize,
}

fn refused(msg: String) -> MergeError {
    MergeError::Refused(msg)
}

impl Share {
    fn open(path: &Path, folder: Option<&Path>) -> Result<(Share, Header), MergeError> {
        let name = path.display().to_string();
        let mut lines = BufReader::new(File::open(path)?).lines();
        let first = lines
            .next()
            .transpose()?
            .ok_or_else(|| refused(format!("{name} is empty: not the output of a share")))?;
        let header: Header = serde_json::from_str(&first)
            .ok()
            .filter(|h: &Header| h.format == FORMAT)
            .ok_or_else(|| {
                refused(format!(
                    "{name} does not start with a {FORMAT} header: not the output of \
                     `extract --shard` or `stream --parts`"
                ))
            })?;
        if header.version != VERSION {
            return Err(refused(format!(
                "{name} is of format version {}, this vnextract reads {VERSION}",
                header.version
            )));
        }
        let mut tables = BTreeMap::new();
        if let Some(dir) = folder {
            let layout = layout_of(&header)?;
            for (t, columns) in &layout.tables {
                let file = t.file_name();
                let mut r = BufReader::new(File::open(dir.join(&file))?);
                let mut expected = Vec::new();
                csv_out::header(&mut expected, columns)?;
                let mut head = vec![0; expected.len()];
                r.read_exact(&mut head)?;
                if head != expected {
                    return Err(refused(format!(
                        "{} does not have the columns of this run",
                        dir.join(&file).display()
                    )));
                }
                tables.insert(file, r);
            }
            tables.insert(JSONL.into(), BufReader::new(File::open(dir.join(JSONL))?));
        }
        let mut share = Share {
            name,
            lines,
            tables,
            next: None,
            line: 1,
        };
        share.advance()?;
        Ok((share, header))
    }

    /// Read the next part line.
    fn advance(&mut self) -> Result<(), MergeError> {
        self.next = match self.lines.next().transpose()? {
            None => None,
            Some(l) => {
                self.line += 1;
                Some(serde_json::from_str(&l).map_err(|e| {
                    refused(format!("{} line {}: not a part: {e}", self.name, self.line))
                })?)
            }
        };
        Ok(())
    }

    /// A part's share of output file `name`.
    fn content(&mut self, part: &mut Part, name: &str) -> Result<Vec<u8>, MergeError> {
        if let Some(s) = part.content.remove(name) {
            return Ok(s.into_bytes());
        }
        let n = part.bytes.get(name).copied().unwrap_or(0);
        if n == 0 {
            return Ok(Vec::new());
        }
        let r = self.tables.get_mut(name).ok_or_else(|| {
            refused(format!(
                "{}: a part names {name}, which is not there",
                self.name
            ))
        })?;
        let mut buf = vec![0; n as usize];
        r.read_exact(&mut buf).map_err(|e| {
            refused(format!(
                "{}: {name} is shorter than its parts say ({e}): was the folder changed?",
                self.name
            ))
        })?;
        Ok(buf)
    }
}

fn layout_of(h: &Header) -> Result<Layout, MergeError> {
    let selection = Selection::parse(&h.types).map_err(refused)?;
    let context = ContextMode::parse(&h.context).map_err(refused)?;
    Ok(Layout::new(RenderOptions {
        selection,
        context,
        excel: false,
    }))
}

/// The part files of the inputs: `shard.jsonl` of a shard folder (with
/// the folder, whose tables it counts), or each `part-*` file of a cluster
/// job's output folder, or a part file named itself.
fn part_files(inputs: &[PathBuf]) -> Result<Vec<(PathBuf, Option<PathBuf>)>, MergeError> {
    let mut found = Vec::new();
    for input in inputs {
        if input.join(SHARD_FILE).is_file() {
            found.push((input.join(SHARD_FILE), Some(input.clone())));
        } else if input.is_dir() {
            let mut parts: Vec<PathBuf> = std::fs::read_dir(input)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with("part-"))
                })
                .collect();
            if parts.is_empty() {
                return Err(refused(format!(
                    "{} holds neither {SHARD_FILE} (a folder of `extract --shard`) nor \
                     part-* files (the output of `stream --parts` in a cluster job)",
                    input.display()
                )));
            }
            parts.sort();
            found.extend(parts.into_iter().map(|p| (p, None)));
        } else if input.is_file() {
            found.push((input.clone(), None));
        } else {
            return Err(refused(format!(
                "{}: no such file or folder",
                input.display()
            )));
        }
    }
    Ok(found)
}

/// Check that the headers are the shares 1..N of one run, once each.
fn check_headers(headers: &[(String, Header)]) -> Result<Header, MergeError> {
    let (first_name, first) = &headers[0];
    let count_of = |h: &Header| -> Result<(u32, u32), MergeError> {
        let s = super::Shard::parse(&h.shard).map_err(refused)?;
        Ok((s.index, s.count))
    };
    let (_, n) = count_of(first)?;
    let mut seen = vec![None; n as usize];
    for (name, h) in headers {
        let (k, count) = count_of(h)?;
        let same = |a: &str, b: &str, what: &str| {
            if a == b {
                Ok(())
            } else {
                Err(refused(format!(
                    "{name} and {first_name} are not shares of one run: {what} `{a}` and `{b}`"
                )))
            }
        };
        same(&count.to_string(), &n.to_string(), "shares in all")?;
        same(&h.types, &first.types, "--types")?;
        same(&h.context, &first.context, "--context")?;
        same(&h.vnextract, &first.vnextract, "vnextract versions")?;
        if h.issuer_codes != first.issuer_codes {
            return Err(refused(format!(
                "{name} and {first_name} are not shares of one run: their rules differ \
                 (issuer codes)"
            )));
        }
        if let Some(other) = &seen[k as usize - 1] {
            return Err(refused(format!(
                "{name} and {other} are both share {k}/{n}"
            )));
        }
        seen[k as usize - 1] = Some(name.clone());
    }
    let missing: Vec<String> = (1..=n)
        .filter(|k| seen[*k as usize - 1].is_none())
        .map(|k| format!("{k}/{n}"))
        .collect();
    if !missing.is_empty() {
        return Err(refused(format!(
            "share {} missing: a merge needs every share of the run",
            missing.join(", ")
        )));
    }
    Ok(first.clone())
}

/// Merge the shares in `inputs` into `out_dir`.
pub fn run_merge(inputs: &[PathBuf], out_dir: &Path, force: bool) -> Result<Finished, MergeError> {
    let mut shares = Vec::new();
    let mut headers = Vec::new();
    for (file, folder) in part_files(inputs)? {
        let (share, header) = Share::open(&file, folder.as_deref())?;
        headers.push((share.name.clone(), header));
        shares.push(share);
    }
    if shares.is_empty() {
        return Err(refused("nothing to merge".into()));
    }
    let header = check_headers(&headers)?;
    let layout = layout_of(&header)?;
    let dir = OutputDir::open(out_dir, force).map_err(|r| refused(r.0))?;
    let files: Vec<(Option<Table>, String)> = layout
        .tables
        .iter()
        .map(|(t, _)| (Some(*t), t.file_name()))
        .chain([(None, JSONL.to_string())])
        .collect();
    let mut out = OutputSet::create(dir, layout, &header.issuer_codes, Vec::new())?;
    // The share whose next part comes first in the whole run's order.
    let mut heap: BinaryHeap<std::cmp::Reverse<(Key, usize)>> = shares
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.next.as_ref().map(|p| std::cmp::Reverse((p.key, i))))
        .collect();
    let mut last: Option<Key> = None;
    while let Some(std::cmp::Reverse((key, i))) = heap.pop() {
        let share = &mut shares[i];
        let mut part = share.next.take().expect("a share in the heap has a part");
        if last.is_some_and(|l| l >= key) {
            return Err(refused(format!(
                "{}: unit {key:?} comes twice or out of order: the shares overlap",
                share.name
            )));
        }
        last = Some(key);
        let mut rendered = Rendered::default();
        let mut errors = Vec::new();
        for (table, name) in &files {
            let bytes = share.content(&mut part, name)?;
            match table {
                None => rendered.jsonl = bytes,
                Some(Table::Errors) => errors = bytes,
                Some(t) if !bytes.is_empty() => rendered.csv.push((*t, bytes)),
                Some(_) => {}
            }
        }
        if let Some(a) = part.article {
            rendered.id = a.id;
            rendered.date = a.date;
            rendered.people = a.people;
            rendered.documents = a.documents;
            rendered.stats = a.stats;
            out.write(rendered)?;
        }
        out.write_error_bytes(&errors, part.errors)?;
        share.advance()?;
        if let Some(p) = &share.next {
            heap.push(std::cmp::Reverse((p.key, i)));
        }
    }
    Ok(out.finish()?)
}
