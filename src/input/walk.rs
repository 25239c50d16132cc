//! Walk the inputs: files as given, folders recursively in a stable order,
//! hidden files and folders skipped. Symbolic links are followed; a link
//! back to a folder being walked (a loop), a broken link, and a file
//! reached a second time through a link each get an error row instead of
//! being read again or dropped without a word.

use super::{InputError, display_path};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article, with optional `# key = value` lines first.
    Text,
    /// One article as a web page.
    Html,
    /// JSON Lines records (`.jsonl`, `.ndjson`).
    JsonLines,
    /// A JSON array of records, or records one after another (`.json`).
    Json,
}

impl Format {
    /// The format of a file by its extension; `None` for files a folder
    /// walk leaves alone. Files named on the command line are read as
    /// text whatever their extension.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "jsonl" | "ndjson" => Format::JsonLines,
            "json" => Format::Json,
            _ => return None,
        })
    }

    pub fn is_records(self) -> bool {
        matches!(self, Format::JsonLines | Format::Json)
    }
}

/// One file to read, with the id the contract gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    /// Path relative to the input folder, without extension (`/`-separated).
    pub id: String,
    /// Path for messages and the `path` field.
    pub display: String,
    pub format: Format,
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// All input files in a deterministic order, and an error for every input
/// path that could not be walked.
pub fn walk_inputs(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<InputError>) {
    let mut walk = Walk::default();
    for root in paths {
        if root.is_dir() {
            walk.folder(root);
        } else if root.exists() {
            walk.add(
                root,
                strip_extension(&file_name(root)),
                Format::of(root).unwrap_or(Format::Text),
            );
        } else {
            let broken_link = root.symlink_metadata().is_ok();
            walk.errors.push(InputError {
                path: display_path(root),
                kind: if broken_link {
                    "broken-link"
                } else {
                    "not-found"
                },
                message: if broken_link {
                    "symbolic link to nothing".into()
                } else {
                    "no such file or folder".into()
                },
            });
        }
    }
    (walk.files, walk.errors)
}

#[derive(Default)]
struct Walk {
    files: Vec<InputFile>,
    errors: Vec<InputError>,
    /// Real paths of the files taken, with the path each was first taken
    /// under, so that a file is read once however many links lead to it.
    taken: HashMap<PathBuf, String>,
}

impl Walk {
    fn add(&mut self, path: &Path, id: String, format: Format) {
        let display = display_path(path);
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if let Some(first) = self.taken.get(&real) {
            self.errors.push(InputError {
                path: display,
                kind: "duplicate-file",
                message: format!("the same file as {first}, reached again (a symbolic link, or named twice); read once"),
            });
            return;
        }
        self.taken.insert(real, display.clone());
        self.files.push(InputFile {
            path: path.to_path_buf(),
            id,
            display,
            format,
        });
    }

    fn folder(&mut self, root: &Path) {
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    if let Some(format) = Format::of(e.path()) {
                        let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                        self.add(e.path(), strip_extension(&display_path(rel)), format);
                    }
                }
                Ok(_) => {}
                Err(err) => self.errors.push(walk_error(root, &err)),
            }
        }
    }
}

fn walk_error(root: &Path, err: &walkdir::Error) -> InputError {
    let path = err
        .path()
        .map(display_path)
        .unwrap_or_else(|| display_path(root));
    if let Some(ancestor) = err.loop_ancestor() {
        return InputError {
            path,
            kind: "symlink-loop",
            message: format!(
                "symbolic link back to {}, a folder being read; not followed again",
                display_path(ancestor)
            ),
        };
    }
    let dangling = err
        .path()
        .is_some_and(|p| p.symlink_metadata().is_ok() && !p.exists());
    if dangling {
        return InputError {
            path,
            kind: "broken-link",
            message: "symbolic link to nothing".into(),
        };
    }
    InputError {
        path,
        kind: "unreadable",
        message: err.to_string(),
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn strip_extension(rel: &str) -> String {
    match rel.rfind('.') {
        Some(dot) if dot > rel.rfind('/').map_or(0, |s| s + 1) => rel[..dot].to_string(),
        _ => rel.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_relative_paths_without_extension() {
        assert_eq!(strip_extension("a/b.txt"), "a/b");
        assert_eq!(strip_extension("a.b/c"), "a.b/c");
        assert_eq!(strip_extension(".x"), ".x");
    }

    #[test]
    fn folders_are_walked_sorted_and_hidden_files_skipped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        for f in [
            "b.txt",
            "a.txt",
            "sub/c.txt",
            "sub/d.HTML",
            "e.jsonl",
            ".hidden.txt",
            ".git/x.txt",
            "notes.md",
        ] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let (files, errors) = walk_inputs(&[dir.path().to_path_buf(), dir.path().join("missing")]);
        let ids: Vec<_> = files.iter().map(|f| (f.id.as_str(), f.format)).collect();
        assert_eq!(
            ids,
            vec![
                ("a", Format::Text),
                ("b", Format::Text),
                ("e", Format::JsonLines),
                ("sub/c", Format::Text),
                ("sub/d", Format::Html)
            ]
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind, "not-found");
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_once_and_loops_reported() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("real/inner")).unwrap();
        std::fs::write(d.join("real/inner/a.txt"), "x").unwrap();
        std::fs::write(d.join("outside.txt"), "y").unwrap();
        let root = d.join("root");
        std::fs::create_dir(&root).unwrap();
        symlink(d.join("real"), root.join("linked")).unwrap();
        symlink(d.join("outside.txt"), root.join("file-link.txt")).unwrap();
        symlink(&root, root.join("linked-loop")).unwrap();
        symlink(d.join("nowhere.txt"), root.join("broken.txt")).unwrap();
        symlink(d.join("real/inner/a.txt"), root.join("same.txt")).unwrap();
        let (files, errors) = walk_inputs(std::slice::from_ref(&root));
        let ids: Vec<_> = files.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, vec!["file-link", "linked/inner/a"]);
        let kinds: Vec<_> = errors.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            vec!["broken-link", "symlink-loop", "duplicate-file"],
            "{errors:?}"
        );
    }
}
