//! Walk the inputs: files as given, folders recursively in a stable order,
//! hidden files and folders skipped.

use super::{InputError, display_path};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One file to read, with the id the contract gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    /// Path relative to the input folder, without extension (`/`-separated).
    pub id: String,
    /// Path for messages and the `path` field.
    pub display: String,
    /// A JSON Lines file of records rather than one article.
    pub records: bool,
}

/// Extensions read from inside folders. Files named explicitly are read
/// whatever their extension.
const TEXT_EXTENSIONS: [&str; 2] = ["txt", "text"];

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// All input files in a deterministic order, and an error for every input
/// path that could not be walked.
pub fn walk_inputs(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        if root.is_dir() {
            walk_folder(root, &mut files, &mut errors);
        } else if root.exists() {
            files.push(InputFile {
                path: root.clone(),
                id: strip_extension(&file_name(root)),
                display: display_path(root),
                records: root.extension().is_some_and(|x| x == "jsonl"),
            });
        } else {
            errors.push(InputError {
                path: display_path(root),
                kind: "not-found",
                message: "no such file or folder".into(),
            });
        }
    }
    (files, errors)
}

fn walk_folder(root: &Path, files: &mut Vec<InputFile>, errors: &mut Vec<InputError>) {
    let walker = WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && has_text_extension(e.path()) => {
                let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                files.push(InputFile {
                    path: e.path().to_path_buf(),
                    id: strip_extension(&display_path(rel)),
                    display: display_path(e.path()),
                    records: false,
                });
            }
            Ok(_) => {}
            Err(err) => errors.push(InputError {
                path: err
                    .path()
                    .map(display_path)
                    .unwrap_or_else(|| display_path(root)),
                kind: "unreadable",
                message: err.to_string(),
            }),
        }
    }
}

fn has_text_extension(p: &Path) -> bool {
    p.extension()
        .map(|e| TEXT_EXTENSIONS.contains(&e.to_string_lossy().to_ascii_lowercase().as_str()))
        .unwrap_or(false)
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
            ".hidden.txt",
            ".git/x.txt",
            "notes.md",
        ] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let (files, errors) = walk_inputs(&[dir.path().to_path_buf(), dir.path().join("missing")]);
        let ids: Vec<_> = files.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "b", "sub/c"]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind, "not-found");
    }
}
