//! The data that flows through the pipeline: an input document, the
//! entities found in it and the finished article record.

use serde::Serialize;

/// The five entity types of the contract (`spec/entities.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Date,
    Person,
    Title,
    Unit,
    Resolution,
}

impl EntityType {
    pub const ALL: [EntityType; 5] = [
        EntityType::Date,
        EntityType::Person,
        EntityType::Title,
        EntityType::Unit,
        EntityType::Resolution,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Date => "date",
            EntityType::Person => "person",
            EntityType::Title => "title",
            EntityType::Unit => "unit",
            EntityType::Resolution => "resolution",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// One document to extract from, whatever it was read from.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Record id, or the file path relative to the input folder without extension.
    pub id: String,
    /// Path as given, for files; `None` for stream records.
    pub path: Option<String>,
    /// Article text as read (decoded, metadata lines removed).
    pub text: String,
    /// Article date `YYYY-MM-DD` from metadata or the record.
    pub date: Option<String>,
    /// Headline from metadata or the record's `title`.
    pub title: Option<String>,
    /// Encoding the text was read in (`utf-8`, `utf-16le`, `utf-32be`,
    /// `windows-1258`, `tcvn3`, `vni`...); `None` when not read from bytes.
    pub encoding: Option<&'static str>,
    /// Problems met while reading that did not stop the article (an
    /// impossible metadata date...): one errors.csv row each.
    pub notices: Vec<Notice>,
}

/// A problem with an input that was still read: the writer gives it an
/// errors.csv row (path, kind, message) beside the article's own rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// `bad-date`, `duplicate-id`...
    pub kind: &'static str,
    pub message: String,
}

/// Where the year of a date's value came from (spec, section `date`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum YearFrom {
    /// Written in the mention (or in the other end of its range or list).
    Written,
    /// The article's own date (metadata or record).
    Article,
    /// The run's `--reference-date`, the article having no date.
    Reference,
    /// The nearest date of the article written with its year and a month
    /// or quarter, not a cited document's date.
    Nearby,
    /// No year: the value stays partial (`--05-04`), or there is no value.
    #[default]
    None,
}

impl YearFrom {
    pub fn as_str(self) -> &'static str {
        match self {
            YearFrom::Written => "written",
            YearFrom::Article => "article",
            YearFrom::Reference => "reference",
            YearFrom::Nearby => "nearby",
            YearFrom::None => "none",
        }
    }
}

/// Type-specific fields. Absent fields are not serialised; fields a type has
/// but could not fill are serialised as `null`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Fields {
    Date {
        #[serde(skip_serializing_if = "Option::is_none")]
        calendar: Option<&'static str>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        relative: bool,
        year_from: YearFrom,
    },
    Person {},
    Unit {},
    Title {
        role: String,
        unit: Option<String>,
        person: Option<String>,
        /// Where the unit part is in the working text, and its value: the
        /// engine adds it as a unit mention of its own.
        #[serde(skip)]
        unit_span: Option<(usize, usize, String)>,
    },
    Resolution {
        kind: String,
        date: Option<String>,
        issuer: Option<String>,
        issuer_code: Option<String>,
        subject: Option<String>,
    },
}

/// An entity found in the working (normalised) text. Offsets are byte
/// offsets into the working text until the article is finished.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub etype: EntityType,
    pub start: usize,
    pub end: usize,
    /// Normalised value; `None` serialises as `null`.
    pub value: Option<String>,
    pub rule: String,
    pub fields: Fields,
}

impl Entity {
    pub fn new(etype: EntityType, start: usize, end: usize, rule: &str) -> Entity {
        let fields = match etype {
            EntityType::Date => Fields::Date {
                calendar: None,
                relative: false,
                year_from: YearFrom::None,
            },
            EntityType::Person => Fields::Person {},
            EntityType::Unit => Fields::Unit {},
            EntityType::Title => Fields::Title {
                role: String::new(),
                unit: None,
                person: None,
                unit_span: None,
            },
            EntityType::Resolution => Fields::Resolution {
                kind: String::new(),
                date: None,
                issuer: None,
                issuer_code: None,
                subject: None,
            },
        };
        Entity {
            etype,
            start,
            end,
            value: None,
            rule: rule.to_string(),
            fields,
        }
    }

    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}

/// An entity as written out: offsets in code points of the text as read.
#[derive(Debug, Clone, Serialize)]
pub struct OutEntity {
    #[serde(rename = "type")]
    pub etype: EntityType,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub value: Option<String>,
    #[serde(flatten)]
    pub fields: Fields,
    pub rule: String,
}

/// A sentence of the article, in code points of the text as read.
#[derive(Debug, Clone, Serialize)]
pub struct OutSentence {
    pub start: usize,
    pub end: usize,
}

/// The finished record of one article (the output contract).
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub id: String,
    pub path: Option<String>,
    pub headline: Option<String>,
    pub date: Option<String>,
    pub byline: Option<String>,
    pub entities: Vec<OutEntity>,
    /// The encoding the input was read in (`utf-8`, `windows-1258`,
    /// `tcvn3`, `vni`...), for `articles.csv`; not part of the JSON contract.
    #[serde(skip)]
    pub encoding: Option<&'static str>,
    /// Sentence texts (NFC), used by the CSV writers for context; not part
    /// of the JSON contract.
    #[serde(skip)]
    pub sentences: Vec<String>,
    /// Where each sentence is, in code points of the text as read (same
    /// order as `sentences`); not part of the JSON contract.
    #[serde(skip)]
    pub sentence_spans: Vec<OutSentence>,
}

impl Article {
    pub fn count(&self, t: EntityType) -> usize {
        self.entities.iter().filter(|e| e.etype == t).count()
    }
}
