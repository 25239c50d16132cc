//! `vnextract rules export DIR`: the rule files written out with their
//! paths, so that an analyst with only the binary can edit them and pass
//! the folder back with `--rules DIR`.

use super::RuleSources;
use std::fmt;
use std::path::{Path, PathBuf};

/// Why nothing (or not everything) was written.
#[derive(Debug)]
pub enum ExportError {
    /// These files exist already; nothing was written.
    Exists(Vec<PathBuf>),
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Exists(paths) => {
                let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                write!(
                    f,
                    "not overwriting {} (use --force to replace them)",
                    shown.join(", ")
                )
            }
            ExportError::Io(path, e) => write!(f, "cannot write {}: {e}", path.display()),
        }
    }
}

impl std::error::Error for ExportError {}

/// Write every file of `sources` under `dir` (created if needed), with the
/// path it has under `rules/`. Existing files are left alone, and nothing
/// is written, unless `overwrite`. Returns the paths written.
pub fn export(
    sources: &RuleSources,
    dir: &Path,
    overwrite: bool,
) -> Result<Vec<PathBuf>, ExportError> {
    let targets: Vec<(PathBuf, &str)> = sources
        .paths()
        .map(|p| (dir.join(p), sources.text(p).unwrap_or_default()))
        .collect();
    let existing: Vec<PathBuf> = targets
        .iter()
        .filter(|(p, _)| p.exists())
        .map(|(p, _)| p.clone())
        .collect();
    if !overwrite && !existing.is_empty() {
        return Err(ExportError::Exists(existing));
    }
    let mut written = Vec::new();
    for (path, text) in targets {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| ExportError::Io(parent.into(), e))?;
        }
        std::fs::write(&path, text).map_err(|e| ExportError::Io(path.clone(), e))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_every_file_and_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let sources = RuleSources::embedded();
        let written = export(&sources, dir.path(), false).unwrap();
        assert_eq!(written.len(), sources.paths().count());
        let dates = std::fs::read_to_string(dir.path().join("dates.json")).unwrap();
        assert_eq!(Some(dates.as_str()), sources.text("dates.json"));
        assert!(dir.path().join("lexicon/surnames.csv").is_file());
        let again = export(&sources, dir.path(), false).unwrap_err();
        assert!(matches!(again, ExportError::Exists(ref p) if p.len() == written.len()));
        assert!(export(&sources, dir.path(), true).is_ok());
    }
}
