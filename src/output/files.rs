//! The output folder, written atomically: every file goes under a
//! temporary name in the folder and is renamed over the old one only when
//! the run has completed. An interrupted or failed run removes its
//! temporary files and leaves the previous complete set as it was; a
//! completed run also removes what an earlier run wrote and this one did
//! not (a stale `vnextract.xlsx`, the table of a type not asked for).
//!
//! A folder holding anything that is not a vnextract output is refused,
//! unless the caller forces it (then those files are left alone).

use super::tables::Table;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

pub const JSONL: &str = "articles.jsonl";
pub const WORKBOOK: &str = "vnextract.xlsx";
/// Ends the temporary name of each file being written (`.dates.csv.vnextract-tmp`).
const TEMP_SUFFIX: &str = ".vnextract-tmp";

/// Every name a run may write.
pub fn output_names() -> Vec<String> {
    let mut names: Vec<String> = Table::ALL.iter().map(|t| t.file_name()).collect();
    names.push(JSONL.into());
    names.push(WORKBOOK.into());
    names.push(crate::split::parts::SHARD_FILE.into());
    names
}

fn temp_name(name: &str) -> String {
    format!(".{name}{TEMP_SUFFIX}")
}

fn is_temp(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(TEMP_SUFFIX)
}

/// Why an output folder cannot be used.
#[derive(Debug)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// An output folder being written.
#[derive(Debug)]
pub struct OutputDir {
    dir: PathBuf,
    /// Files of this run: final name, written under its temporary name.
    written: Vec<String>,
    /// Outputs of an earlier run found in the folder.
    previous: Vec<String>,
    committed: bool,
}

impl OutputDir {
    /// Check the folder and create it if needed. A file there, or a folder
    /// holding anything but vnextract outputs, is refused unless `force`.
    pub fn open(dir: &Path, force: bool) -> Result<OutputDir, Refused> {
        let shown = dir.display();
        if dir.exists() && !dir.is_dir() {
            return Err(Refused(format!(
                "the output path {shown} is a file, not a folder: name a folder with -o"
            )));
        }
        let names = output_names();
        let mut previous = Vec::new();
        let mut foreign = Vec::new();
        let mut leftovers = Vec::new();
        if dir.is_dir() {
            let entries = fs::read_dir(dir)
                .map_err(|e| Refused(format!("cannot read the output folder {shown}: {e}")))?;
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let is_file = entry.file_type().is_ok_and(|t| t.is_file());
                if is_file && names.contains(&name) {
                    previous.push(name);
                } else if is_file && is_temp(&name) {
                    leftovers.push(name);
                } else {
                    foreign.push(name);
                }
            }
        }
        if !foreign.is_empty() && !force {
            foreign.sort();
            let listed: Vec<&str> = foreign.iter().take(3).map(String::as_str).collect();
            let more = if foreign.len() > 3 { ", ..." } else { "" };
            return Err(Refused(format!(
                "the output folder {shown} holds files that are not vnextract outputs ({}{more}); \
                 choose another folder with -o, or add --force to write there anyway \
                 (those files are left alone)",
                listed.join(", ")
            )));
        }
        fs::create_dir_all(dir)
            .map_err(|e| Refused(format!("cannot create the output folder {shown}: {e}")))?;
        // Temporary files of a run that was killed outright.
        for name in leftovers {
            let _ = fs::remove_file(dir.join(name));
        }
        previous.sort();
        Ok(OutputDir {
            dir: dir.to_path_buf(),
            written: Vec::new(),
            previous,
            committed: false,
        })
    }

    /// Outputs of an earlier run that a completed run replaces.
    pub fn previous(&self) -> &[String] {
        &self.previous
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Where the output `name` is written until the run completes.
    pub fn temp_path(&mut self, name: &str) -> PathBuf {
        if !self.written.iter().any(|n| n == name) {
            self.written.push(name.to_string());
        }
        self.dir.join(temp_name(name))
    }

    /// Create the output `name` (under its temporary name).
    pub fn create(&mut self, name: &str) -> io::Result<File> {
        File::create(self.temp_path(name))
    }

    /// The run completed: put every file in place, then remove the outputs
    /// of an earlier run that this run did not write. Returns those.
    pub fn commit(mut self) -> io::Result<Vec<String>> {
        for name in &self.written {
            fs::rename(self.dir.join(temp_name(name)), self.dir.join(name))?;
        }
        self.committed = true;
        let mut removed = Vec::new();
        for name in &self.previous {
            if !self.written.contains(name) && fs::remove_file(self.dir.join(name)).is_ok() {
                removed.push(name.clone());
            }
        }
        Ok(removed)
    }
}

impl Drop for OutputDir {
    /// A run that did not complete leaves no trace but its temporary files
    /// removed: the previous outputs stay as they were.
    fn drop(&mut self) {
        if !self.committed {
            for name in &self.written {
                let _ = fs::remove_file(self.dir.join(temp_name(name)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unfinished_run_leaves_the_previous_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("dates.csv"), "old").unwrap();
        {
            let mut out = OutputDir::open(dir.path(), false).unwrap();
            assert_eq!(out.previous(), ["dates.csv"]);
            fs::write(out.temp_path("dates.csv"), "new, half").unwrap();
        }
        assert_eq!(
            fs::read_to_string(dir.path().join("dates.csv")).unwrap(),
            "old"
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_completed_run_replaces_and_removes_stale_outputs() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("dates.csv"), "old").unwrap();
        fs::write(dir.path().join(WORKBOOK), "old").unwrap();
        let mut out = OutputDir::open(dir.path(), false).unwrap();
        fs::write(out.temp_path("dates.csv"), "new").unwrap();
        assert_eq!(out.commit().unwrap(), vec![WORKBOOK.to_string()]);
        assert_eq!(
            fs::read_to_string(dir.path().join("dates.csv")).unwrap(),
            "new"
        );
        assert!(!dir.path().join(WORKBOOK).exists());
    }

    #[test]
    fn foreign_files_and_file_paths_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let err = OutputDir::open(dir.path(), false).unwrap_err();
        assert!(
            err.0.contains("notes.txt") && err.0.contains("--force"),
            "{err}"
        );
        assert!(OutputDir::open(dir.path(), true).is_ok());
        let file = dir.path().join("notes.txt");
        assert!(
            OutputDir::open(&file, true)
                .unwrap_err()
                .0
                .contains("is a file")
        );
    }
}
