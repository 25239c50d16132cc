//! An abbreviation or short name that an article defines for itself.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Def {
    /// The abbreviation as written (`CQCQ`).
    pub form: String,
    /// What it stands for (`Cơ quan Chính quyền`); `None` for a short name
    /// repeated from the name itself (`... Nhật Việt JVE (JVE)`).
    pub expansion: Option<String>,
    /// It names a whole unit (`APPF`), not a part of one (`CQCQ`).
    pub standalone: bool,
}
