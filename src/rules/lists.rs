//! Typed word lists: the columns of each `rules/lexicon/*.csv` file and
//! the values its closed columns allow. A list with an unknown or missing
//! column, or a row with an unknown category, is a load error naming the
//! file and the line.
//!
//! ```
//! use vnextract::rules::{RuleSources, lists::UnitHead};
//! let heads: Vec<UnitHead> = RuleSources::embedded().word_list().unwrap();
//! assert!(heads.iter().any(|h| h.head == "Quốc hội" && h.standalone));
//! ```

use super::RuleError;
use super::learned::{LearnedBrand, LearnedContinuation, LearnedUnitName};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

/// One `lexicon/*.csv` file: its path and columns.
pub trait WordListRow: DeserializeOwned {
    /// Path under `rules/`.
    const PATH: &'static str;
    /// The header row, in the order the file writes it.
    const COLUMNS: &'static [&'static str];
}

/// `yes` or `no`, nothing else.
fn yes_no<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let s = String::deserialize(d)?;
    match s.as_str() {
        "yes" => Ok(true),
        "no" => Ok(false),
        other => Err(serde::de::Error::custom(format!(
            "`{other}` must be `yes` or `no`"
        ))),
    }
}

/// `lexicon/abbreviations.csv`: short forms and what they stand for.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Abbreviation {
    /// The short form, as written (`UBND`, `Bộ GD&ĐT`).
    pub abbr: String,
    /// What it stands for (`Ủy ban nhân dân`), used in values.
    pub expansion: String,
    pub kind: AbbreviationKind,
}

/// What an abbreviation names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AbbreviationKind {
    /// A unit or part of a unit name (`UBND`, `GD&ĐT`).
    Unit,
    /// A place (`TP.HCM`), expanded in unit values.
    Place,
    /// A title (`ĐBQH`).
    Title,
    /// A document kind (`NQ`).
    Doc,
    /// A sports club (`MU`), a unit only in articles about sport.
    Club,
}

impl WordListRow for Abbreviation {
    const PATH: &'static str = "lexicon/abbreviations.csv";
    const COLUMNS: &'static [&'static str] = &["abbr", "expansion", "kind"];
}

/// `lexicon/honorifics.csv`: words before a name that are not part of it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Honorific {
    /// The word (`ông`, `luật sư`).
    pub word: String,
    pub kind: HonorificKind,
}

/// What an honorific says about the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HonorificKind {
    /// A form of respect or a role word (`ông`, `luật sư`).
    Honorific,
    /// A kinship word (`bố`, `cháu`): a one-word name after it is a name
    /// wherever else the article writes it.
    Kinship,
    /// A word used as a nickname before a name (`bầu` of `bầu Đức`).
    Nickname,
    /// A profession named before a name (`diễn giả`).
    Profession,
}

impl WordListRow for Honorific {
    const PATH: &'static str = "lexicon/honorifics.csv";
    const COLUMNS: &'static [&'static str] = &["word", "kind"];
}

/// `lexicon/issuer_codes.csv`: agency codes of document numbers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuerCode {
    /// The code as written in numbers (`TW`, `CP`, `UBND`).
    pub code: String,
    /// The issuer it stands for (`Ban Chấp hành Trung ương`).
    pub issuer: String,
}

impl WordListRow for IssuerCode {
    const PATH: &'static str = "lexicon/issuer_codes.csv";
    const COLUMNS: &'static [&'static str] = &["code", "issuer"];
}

/// `lexicon/not_names.csv`: capitalised phrases that are not names.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotName {
    pub word: String,
}

impl WordListRow for NotName {
    const PATH: &'static str = "lexicon/not_names.csv";
    const COLUMNS: &'static [&'static str] = &["word"];
}

/// `lexicon/places.csv`: place names and level words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub name: String,
    pub kind: PlaceKind,
}

/// What a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A level word (`tỉnh`, `huyện`).
    Level,
    Province,
    City,
    District,
    Region,
    Country,
}

impl WordListRow for Place {
    const PATH: &'static str = "lexicon/places.csv";
    const COLUMNS: &'static [&'static str] = &["name", "kind"];
}

/// `lexicon/surnames.csv`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Surname {
    pub surname: String,
}

impl WordListRow for Surname {
    const PATH: &'static str = "lexicon/surnames.csv";
    const COLUMNS: &'static [&'static str] = &["surname"];
}

/// `lexicon/titles.csv`: roles a title starts with.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleRole {
    /// The role in its usual capitalisation (`Bí thư`).
    pub role: String,
    pub category: TitleCategory,
    /// Whether `Phó <role>` is a role too (generated).
    #[serde(deserialize_with = "yes_no")]
    pub deputy: bool,
    /// Whether the role usually takes a unit after it (`Bí thư Tỉnh ủy`).
    #[serde(deserialize_with = "yes_no")]
    pub takes_unit: bool,
}

/// The category of a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleCategory {
    /// Party offices (`Bí thư`).
    Party,
    /// State offices (`Chủ tịch nước`, `Bộ trưởng`).
    State,
    /// Members of an assembly (`đại biểu`, `ĐBQH`).
    Deputy,
    Spokesperson,
    /// Offices of any body (`Giám đốc`, `Trưởng phòng`).
    Office,
    /// `Thượng tướng`, `Trung tá`.
    MilitaryRank,
    /// `GS`, `PGS.TS`.
    Academic,
    /// Offices of other countries (`Tổng thống`).
    Foreign,
}

impl WordListRow for TitleRole {
    const PATH: &'static str = "lexicon/titles.csv";
    const COLUMNS: &'static [&'static str] = &["role", "category", "deputy", "takes_unit"];
}

/// `lexicon/unit_heads.csv`: words a unit name starts with.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitHead {
    /// The head in its usual capitalisation (`Ủy ban nhân dân`).
    pub head: String,
    pub category: UnitCategory,
    /// A unit by itself, with nothing after it (`Quốc hội`, `Tỉnh ủy`).
    #[serde(deserialize_with = "yes_no")]
    pub standalone: bool,
}

/// The category of a unit head.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitCategory {
    Party,
    State,
    Government,
    Court,
    Police,
    Military,
    /// Mass organisations (`Đoàn Thanh niên`, `Hội Nông dân`).
    Mass,
    Education,
    Health,
    Business,
    Media,
    International,
    Sport,
    /// Generic heads (`Hội đồng`, `Ủy ban`), taken as of the same kind as
    /// any other head.
    Other,
}

impl UnitCategory {
    /// The value as written in the rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitCategory::Party => "party",
            UnitCategory::State => "state",
            UnitCategory::Government => "government",
            UnitCategory::Court => "court",
            UnitCategory::Police => "police",
            UnitCategory::Military => "military",
            UnitCategory::Mass => "mass",
            UnitCategory::Education => "education",
            UnitCategory::Health => "health",
            UnitCategory::Business => "business",
            UnitCategory::Media => "media",
            UnitCategory::International => "international",
            UnitCategory::Sport => "sport",
            UnitCategory::Other => "other",
        }
    }
}

impl WordListRow for UnitHead {
    const PATH: &'static str = "lexicon/unit_heads.csv";
    const COLUMNS: &'static [&'static str] = &["head", "category", "standalone"];
}

/// Read a word list's text as rows of `T`; every row is checked, and the
/// first problem is returned with its line.
pub fn parse<T: WordListRow>(raw: &str) -> Result<Vec<T>, RuleError> {
    let err = |line: usize, message: String| RuleError {
        file: T::PATH.to_string(),
        line,
        message,
    };
    let mut reader = super::source::csv_reader(raw);
    let headers = reader.headers().map_err(|e| err(1, e.to_string()))?.clone();
    let header_line = raw
        .lines()
        .position(|l| !l.trim_start().starts_with('#'))
        .map_or(1, |i| i + 1);
    for h in &headers {
        if !T::COLUMNS.contains(&h) {
            return Err(err(
                header_line,
                format!(
                    "unknown column `{h}` (the columns are: {})",
                    T::COLUMNS.join(", ")
                ),
            ));
        }
    }
    if let Some(missing) = T::COLUMNS
        .iter()
        .find(|c| !headers.iter().any(|h| h == **c))
    {
        return Err(err(header_line, format!("missing column `{missing}`")));
    }
    let mut lines = super::source::CsvLines::new(raw);
    let mut line_at = |pos: Option<&csv::Position>| lines.line(pos);
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| err(line_at(e.position()), e.to_string()))?;
        if rec.iter().all(str::is_empty) {
            continue;
        }
        let line = line_at(rec.position());
        let row: T = rec
            .deserialize(Some(&headers))
            .map_err(|e| err(line, cell_error(&e, &headers, &rec)))?;
        rows.push(row);
    }
    Ok(rows)
}

/// `column `category`: unknown value `partyy` (did you mean `party`?)`.
fn cell_error(e: &csv::Error, headers: &csv::StringRecord, rec: &csv::StringRecord) -> String {
    let csv::ErrorKind::Deserialize { err, .. } = e.kind() else {
        return e.to_string();
    };
    let message = super::typed::explain(&err.kind().to_string());
    let message = message.replace("unknown variant", "unknown value");
    // The value the message quotes first names the column it stands in.
    let quoted = message.split('`').nth(1);
    let column = err
        .field()
        .and_then(|i| headers.get(i as usize))
        .or_else(|| {
            let i = rec.iter().position(|cell| Some(cell) == quoted)?;
            headers.get(i)
        });
    match column {
        Some(column) => format!("column `{column}`: {message}"),
        None => message,
    }
}

/// Check a known word list; unknown paths pass.
pub(crate) fn validate_known(path: &str, raw: &str) -> Result<(), RuleError> {
    fn run<T: WordListRow>(raw: &str) -> Result<(), RuleError> {
        parse::<T>(raw).map(drop)
    }
    match path {
        Abbreviation::PATH => run::<Abbreviation>(raw),
        Honorific::PATH => run::<Honorific>(raw),
        IssuerCode::PATH => run::<IssuerCode>(raw),
        NotName::PATH => run::<NotName>(raw),
        Place::PATH => run::<Place>(raw),
        Surname::PATH => run::<Surname>(raw),
        TitleRole::PATH => run::<TitleRole>(raw),
        UnitHead::PATH => run::<UnitHead>(raw),
        super::learned::LearnedPersonName::PATH => run::<super::learned::LearnedPersonName>(raw),
        super::learned::LearnedNotName::PATH => run::<super::learned::LearnedNotName>(raw),
        LearnedUnitName::PATH => run::<LearnedUnitName>(raw),
        LearnedContinuation::PATH => run::<LearnedContinuation>(raw),
        LearnedBrand::PATH => run::<LearnedBrand>(raw),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_category_names_the_line_and_the_column() {
        // Comment and blank lines right before the row are not its line.
        let raw = "# heads\nhead,category,standalone\nQuốc hội,state,yes\n# more\n\nSở,stat,no\n";
        let e = parse::<UnitHead>(raw).unwrap_err();
        assert_eq!(e.line, 6, "{e}");
        assert!(e.message.contains("column `category`"), "{e}");
        assert!(e.message.contains("`stat`"), "{e}");
    }

    #[test]
    fn yes_no_columns_take_nothing_else() {
        let raw = "head,category,standalone\nSở,state,maybe\n";
        let e = parse::<UnitHead>(raw).unwrap_err();
        assert!(e.message.contains("`maybe` must be `yes` or `no`"), "{e}");
    }

    #[test]
    fn columns_are_checked() {
        let e = parse::<Place>("name,knd\nHuế,city\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("unknown column `knd`"), "{e}");
        let e = parse::<Place>("name\nHuế\n").unwrap_err();
        assert!(e.message.contains("missing column `kind`"), "{e}");
    }
}
