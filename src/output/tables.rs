//! The tables an analyst gets (one CSV file or one Excel sheet each): which
//! are written, their columns, and what each column holds, so that every
//! writer treats a cell the same way.

use crate::model::EntityType;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Articles,
    Sentences,
    Dates,
    Persons,
    Titles,
    Units,
    Resolutions,
    ArticlePeople,
    People,
    Documents,
    Errors,
}

/// What a column holds, which decides how each writer writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text copied from the input. A spreadsheet would run a cell starting
    /// with `=`, `+`, `-` or `@` as a formula, so CSV cells get a guard.
    Text,
    /// Text the tool writes itself (rule ids, kinds, partial ISO dates such
    /// as `--05-23`): written as is, never guarded.
    Code,
    /// Counts and offsets: numbers in the workbook.
    Number,
    /// An ISO value the tool writes: a real date in the workbook when it is
    /// a full date (`2022-11-04`), as is otherwise (`2022-Q4`, `--11-04`).
    Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
}

const fn col(name: &'static str, kind: Kind) -> Column {
    Column { name, kind }
}

use Kind::{Code, Date, Number, Text};

/// What a run writes: `--types` (entity types, and `sentence` for the
/// sentence table). By default every entity type and no sentence table:
/// the sentences are the whole text again (as large as the input), while
/// each mention row already shows its words around it in `context`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub types: Vec<EntityType>,
    pub sentences: bool,
}

impl Default for Selection {
    fn default() -> Selection {
        Selection {
            types: EntityType::ALL.to_vec(),
            sentences: false,
        }
    }
}

/// The names `--types` accepts.
pub const TYPE_NAMES: &[&str] = &[
    "date",
    "person",
    "title",
    "unit",
    "resolution",
    "sentence",
    "all",
];

impl Selection {
    /// `date,person,sentence`; `Err` names what is not a type.
    pub fn parse(list: &str) -> Result<Selection, String> {
        let mut sel = Selection {
            types: Vec::new(),
            sentences: false,
        };
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let name = name.strip_suffix('s').unwrap_or(name);
            match (name, EntityType::parse(name)) {
                ("sentence", _) => sel.sentences = true,
                ("all", _) => {
                    sel.types = EntityType::ALL.to_vec();
                    sel.sentences = true;
                }
                (_, Some(t)) if !sel.types.contains(&t) => sel.types.push(t),
                (_, Some(_)) => {}
                _ => {
                    return Err(format!(
                        "`{name}` is not a type; the types are {}",
                        TYPE_NAMES.join(", ")
                    ));
                }
            }
        }
        if sel.types.is_empty() && !sel.sentences {
            return Err(format!(
                "no type given; the types are {}",
                TYPE_NAMES.join(", ")
            ));
        }
        sel.types.sort();
        Ok(sel)
    }

    pub fn has(&self, t: EntityType) -> bool {
        self.types.contains(&t)
    }

    /// The tables written, in file and sheet order.
    pub fn tables(&self) -> Vec<Table> {
        Table::ALL
            .into_iter()
            .filter(|t| match t {
                Table::Articles | Table::Errors => true,
                Table::Sentences => self.sentences,
                Table::ArticlePeople | Table::People => self.has(EntityType::Person),
                Table::Documents => self.has(EntityType::Resolution),
                t => t.entity_type().is_some_and(|e| self.has(e)),
            })
            .collect()
    }

    /// The `--types` value that gives this selection.
    pub fn describe(&self) -> String {
        let mut names: Vec<&str> = self.types.iter().map(|t| t.as_str()).collect();
        if self.sentences {
            names.push("sentence");
        }
        names.join(",")
    }
}

impl Table {
    pub const ALL: [Table; 11] = [
        Table::Articles,
        Table::Sentences,
        Table::Dates,
        Table::Persons,
        Table::Titles,
        Table::Units,
        Table::Resolutions,
        Table::ArticlePeople,
        Table::People,
        Table::Documents,
        Table::Errors,
    ];

    /// File stem and sheet name.
    pub fn name(self) -> &'static str {
        match self {
            Table::Articles => "articles",
            Table::Sentences => "sentences",
            Table::Dates => "dates",
            Table::Persons => "persons",
            Table::Titles => "titles",
            Table::Units => "units",
            Table::Resolutions => "resolutions",
            Table::ArticlePeople => "article_people",
            Table::People => "people",
            Table::Documents => "documents",
            Table::Errors => "errors",
        }
    }

    pub fn file_name(self) -> String {
        format!("{}.csv", self.name())
    }

    /// The mention table of an entity type.
    pub fn of_entity(t: EntityType) -> Table {
        match t {
            EntityType::Date => Table::Dates,
            EntityType::Person => Table::Persons,
            EntityType::Title => Table::Titles,
            EntityType::Unit => Table::Units,
            EntityType::Resolution => Table::Resolutions,
        }
    }

    pub fn entity_type(self) -> Option<EntityType> {
        EntityType::ALL
            .into_iter()
            .find(|&t| Table::of_entity(t) == self)
    }

    /// The columns of this table in a run writing `sel`.
    pub fn columns(self, sel: &Selection) -> Vec<Column> {
        let mention = |extra: &[Column]| {
            let mut c = vec![
                col("article_id", Text),
                col("sentence", Number),
                col("start", Number),
                col("end", Number),
                col("text", Text),
                col("value", Text),
            ];
            c.extend_from_slice(extra);
            c.extend([col("rule", Code), col("context", Text)]);
            c
        };
        match self {
            Table::Articles => {
                let mut c = vec![
                    col("id", Text),
                    col("path", Text),
                    col("headline", Text),
                    col("date", Date),
                    col("byline", Text),
                    col("encoding", Code),
                    col("sentences", Number),
                ];
                c.extend(sel.types.iter().map(|t| col(count_column(*t), Number)));
                c
            }
            Table::Sentences => vec![
                col("article_id", Text),
                col("sentence", Number),
                col("start", Number),
                col("end", Number),
                col("text", Text),
            ],
            Table::Dates => {
                let mut c = mention(&[
                    col("year", Number),
                    col("month", Number),
                    col("day", Number),
                    col("year_from", Code),
                    col("calendar", Code),
                    col("relative", Code),
                ]);
                // The value is the tool's own ISO text.
                c[5] = col("value", Date);
                c
            }
            Table::Persons | Table::Units => mention(&[]),
            Table::Titles => mention(&[col("role", Text), col("unit", Text), col("person", Text)]),
            Table::Resolutions => mention(&[
                col("kind", Code),
                col("date", Date),
                col("issuer", Text),
                col("issuer_code", Text),
                col("subject", Text),
            ]),
            Table::ArticlePeople => super::people::ARTICLE_COLUMNS.to_vec(),
            Table::People => super::people::INDEX_COLUMNS.to_vec(),
            Table::Documents => super::documents::COLUMNS.to_vec(),
            Table::Errors => vec![col("path", Text), col("kind", Code), col("message", Text)],
        }
    }
}

/// The articles table's count column of a type (`dates`, `persons`...).
pub fn count_column(t: EntityType) -> &'static str {
    match t {
        EntityType::Date => "dates",
        EntityType::Person => "persons",
        EntityType::Title => "titles",
        EntityType::Unit => "units",
        EntityType::Resolution => "resolutions",
    }
}

/// Shorthand for the column lists of other modules.
pub const fn text(name: &'static str) -> Column {
    col(name, Text)
}
pub const fn code(name: &'static str) -> Column {
    col(name, Code)
}
pub const fn number(name: &'static str) -> Column {
    col(name, Number)
}
pub const fn date(name: &'static str) -> Column {
    col(name, Date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_select_tables() {
        let all = Selection::parse("all").unwrap();
        assert_eq!(all.tables(), Table::ALL.to_vec());
        let default = Selection::default().tables();
        assert!(!default.contains(&Table::Sentences) && default.len() == Table::ALL.len() - 1);
        let some = Selection::parse("dates, person").unwrap();
        assert_eq!(
            some.tables(),
            vec![
                Table::Articles,
                Table::Dates,
                Table::Persons,
                Table::ArticlePeople,
                Table::People,
                Table::Errors
            ]
        );
        assert_eq!(some.describe(), "date,person");
        let names: Vec<&str> = Table::Articles
            .columns(&some)
            .iter()
            .map(|c| c.name)
            .collect();
        assert!(names.ends_with(&["sentences", "dates", "persons"]));
        assert!(Selection::parse("dates,names").is_err());
        assert!(Selection::parse("").is_err());
    }
}
