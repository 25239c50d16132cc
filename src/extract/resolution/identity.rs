//! Which document a citation names, so that citations can be counted over
//! many articles (`documents.csv`).
//!
//! - A number with its code (`19/2016/NĐ-CP`, `35-NQ/TW`) is one document
//!   whatever the article: its identity is (kind, number, code), the
//!   number without leading zeros, the code with case and dashes folded.
//! - A short number (`Nghị định 19`, `Nghị quyết 42`) is the full number
//!   the same article cites, when exactly one fits; otherwise it is its
//!   own document, told apart by its issuer (`Nghị quyết 42 của Bộ Chính
//!   trị` and `... của Quốc hội` are two documents).
//! - A name (`Luật Đất đai`, `Bộ luật Hình sự năm 2015`) is its name with
//!   case, `năm` and spacing folded, and its country when the issuer is a
//!   foreign one (`Luật Đất đai của Lào` is not the Vietnamese law).

mod subject;

pub use subject::subject_title;

/// The identity of a cited document; equal keys count as one document.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum DocumentKey {
    Numbered {
        kind: String,
        number: String,
        code: String,
    },
    Short {
        kind: String,
        number: String,
        issuer: String,
    },
    Named {
        kind: String,
        name: String,
        country: String,
    },
}

/// One citation as the index sees it, after [`tie_short_mention`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    pub key: DocumentKey,
    pub kind: String,
    /// The number as written, for numbered documents.
    pub number: Option<String>,
    /// The name as written, for named documents.
    pub name: Option<String>,
}

/// What is needed to tell documents apart beyond their text: the names
/// of foreign countries (`places.csv`, kind `country`).
#[derive(Debug, Clone, Default)]
pub struct Identities {
    /// Lower-case country names, Việt Nam left out.
    foreign: Vec<String>,
}

impl Identities {
    pub fn new<'a>(countries: impl IntoIterator<Item = &'a str>) -> Identities {
        let mut foreign: Vec<String> = countries
            .into_iter()
            .map(|c| c.to_lowercase())
            .filter(|c| c != "việt nam")
            .collect();
        // Longest first, so `liên bang nga` is read before `nga`.
        foreign.sort_by_key(|c| std::cmp::Reverse(c.len()));
        Identities { foreign }
    }

    /// The foreign country an issuer belongs to, if its name ends with one
    /// (`Lào`, `Quốc hội Lào`, `Chính phủ Hoa Kỳ`; not `UBND tỉnh Lào Cai`).
    pub fn country_of(&self, issuer: &str) -> Option<String> {
        let lower = fold_spaces(&issuer.to_lowercase());
        self.foreign
            .iter()
            .find(|c| {
                lower
                    .strip_suffix(c.as_str())
                    .is_some_and(|head| head.is_empty() || head.ends_with(' '))
            })
            .cloned()
    }

    /// The identity of one citation in an article whose full citations are
    /// `full` (from [`full_citations`]).
    pub fn identify(
        &self,
        kind: &str,
        value: &str,
        issuer: Option<&str>,
        full: &[(String, String)],
    ) -> Cited {
        let (kind, value) = tie_short_mention(kind, value, full);
        let kind_key = kind.to_lowercase();
        let year_named = LAW_KINDS.contains(&kind_key.as_str()) && is_year(value.trim());
        if let Some(parts) = number_parts(&value).filter(|_| !year_named) {
            let key = match parts.code {
                Some(code) => DocumentKey::Numbered {
                    kind: kind_key,
                    number: parts.number,
                    code,
                },
                None => DocumentKey::Short {
                    kind: kind_key,
                    number: parts.number,
                    issuer: issuer.map(name_key).unwrap_or_default(),
                },
            };
            return Cited {
                key,
                kind,
                number: Some(value),
                name: None,
            };
        }
        Cited {
            key: DocumentKey::Named {
                kind: kind_key,
                name: name_key(&value),
                country: issuer.and_then(|i| self.country_of(i)).unwrap_or_default(),
            },
            kind,
            number: None,
            name: Some(value),
        }
    }
}

/// Kinds of law cited by name, so that a bare year is the name of the
/// one of that year (`Hiến pháp 2013` = `Hiến pháp năm 2013`), not a number.
const LAW_KINDS: &[&str] = &["hiến pháp", "luật", "bộ luật", "pháp lệnh"];

/// One citation of an article as written: kind, value, issuer.
pub type Citing<'a> = (&'a str, &'a str, Option<&'a str>);

impl Identities {
    /// The identities of all citations of one article, in order. Short
    /// mentions are tied to the full citations of the article; a short
    /// number written without issuer takes the issuer the article gives
    /// the same short number elsewhere, when it gives only one.
    pub fn identify_article(&self, cites: &[Citing]) -> Vec<Cited> {
        let full = full_citations(cites.iter().map(|(k, v, _)| (*k, *v)));
        // For each (kind, number) cited with an issuer: the first issuer
        // named, and whether every other one is the same body. Gathered
        // once, not searched for again per citation.
        let mut issuers: std::collections::HashMap<(String, &str), (&str, String, bool)> =
            std::collections::HashMap::new();
        for &(k, v, i) in cites {
            let Some(i) = i else { continue };
            issuers
                .entry((k.to_ascii_lowercase(), v))
                .and_modify(|(_, first_key, same)| *same &= name_key(i) == *first_key)
                .or_insert_with(|| (i, name_key(i), true));
        }
        let issuer_elsewhere = |kind: &str, value: &str| -> Option<&str> {
            match issuers.get(&(kind.to_ascii_lowercase(), value)) {
                Some(&(first, _, true)) => Some(first),
                _ => None,
            }
        };
        cites
            .iter()
            .map(|&(kind, value, issuer)| {
                let issuer = issuer.or_else(|| issuer_elsewhere(kind, value));
                self.identify(kind, value, issuer, &full)
            })
            .collect()
    }
}

/// A document number read: its number part (leading number without
/// zeros, then any further number parts: `19/2016`) and its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberParts {
    pub number: String,
    pub code: Option<String>,
}

/// `None` for a name (a value that does not start with a digit).
pub fn number_parts(value: &str) -> Option<NumberParts> {
    let value = fold_dashes(value.trim());
    if !value.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let letter = value.find(|c: char| c.is_alphabetic() && !is_number_suffix(&value, c));
    let (number, code) = match letter {
        Some(i) => (&value[..i], Some(&value[i..])),
        None => (value.as_str(), None),
    };
    let number = number.trim_end_matches(['/', '-', '.', ' ']);
    let lead_digits = number.bytes().take_while(u8::is_ascii_digit).count();
    let lead = number[..lead_digits].trim_start_matches('0');
    let lead = if lead.is_empty() { "0" } else { lead };
    Some(NumberParts {
        number: format!("{lead}{}", &number[lead_digits..]).to_lowercase(),
        code: code
            .map(|c| c.chars().filter(|c| !c.is_whitespace()).collect::<String>())
            .map(|c| c.to_uppercase())
            .filter(|c| !c.is_empty()),
    })
}

/// `36a`: a lower-case letter right after the digits is part of the number.
fn is_number_suffix(value: &str, c: char) -> bool {
    if !c.is_ascii_lowercase() {
        return false;
    }
    let at = value.find(c).unwrap_or(0);
    let before = value[..at].chars().next_back();
    let after = value[at + 1..].chars().next();
    before.is_some_and(|b| b.is_ascii_digit()) && !after.is_some_and(char::is_alphabetic)
}

fn fold_dashes(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '‐' | '‑' | '‒' | '–' | '—' | '−') {
                '-'
            } else {
                c
            }
        })
        .collect()
}

fn fold_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name or issuer folded for grouping: case, spacing, dashes, and the
/// word `năm` before a year (`Hình sự năm 2015` = `hình sự 2015`).
pub fn name_key(name: &str) -> String {
    let lower = fold_dashes(&name.to_lowercase());
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let before_year = words.get(i + 1).is_some_and(|n| is_year(n));
        if *w == "năm" && before_year {
            continue;
        }
        out.push(w);
    }
    out.join(" ")
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The documents an article cites in full: numbers with a code
/// (`05-ĐA/TU`, `19/2016/NĐ-CP`) and names that carry their year (`Trẻ
/// em năm 2016`), as (kind, value), one each.
pub fn full_citations<'a>(
    cites: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = cites
        .into_iter()
        .filter(|(_, v)| is_full(v))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    out.sort();
    out.dedup_by(|x, y| same_citation(x, y));
    out
}

fn same_citation(x: &(String, String), y: &(String, String)) -> bool {
    x.0.to_lowercase() == y.0.to_lowercase() && name_key(&x.1) == name_key(&y.1)
}

/// A number with a code, or a name that carries its year.
pub fn is_full(value: &str) -> bool {
    match number_parts(value) {
        Some(parts) => parts.code.is_some(),
        None => name_without_year(value).len() < value.trim_end().len(),
    }
}

/// A law's name without a trailing year (`Trẻ em năm 2016` → `Trẻ em`).
pub fn name_without_year(value: &str) -> &str {
    let v = value.trim_end();
    let Some((head, year)) = v.rsplit_once(' ') else {
        return v;
    };
    if !is_year(year) {
        return v;
    }
    let head = head.trim_end();
    head.strip_suffix(" năm")
        .or_else(|| head.strip_suffix(" Năm"))
        .unwrap_or(head)
        .trim_end()
}

/// Kinds that may name one document (`Thông tư` for a `Thông tư liên tịch`).
fn same_kind(short: &str, full: &str) -> bool {
    let (short, full) = (short.to_lowercase(), full.to_lowercase());
    short == full || full.starts_with(&short) && full[short.len()..].starts_with(' ')
}

/// A short mention (`Đề án 05`, `Nghị định 19`, `Nghị định 49/2017`,
/// `Luật trẻ em`) of a document the same article cites in full is counted
/// as that document: same kind (or its longer form), same leading number
/// and no other year, or the same name without its year. A short mention
/// that fits two full ones is left as written. Returns (kind, value).
pub fn tie_short_mention(kind: &str, value: &str, full: &[(String, String)]) -> (String, String) {
    let fits: Vec<&(String, String)> = match number_parts(value) {
        Some(parts) if parts.code.is_none() => {
            let (lead, year) = lead_and_year(&parts.number);
            full.iter()
                .filter(|(k, v)| {
                    let Some(f) = number_parts(v) else {
                        return false;
                    };
                    let (full_lead, full_year) = lead_and_year(&f.number);
                    same_kind(kind, k) && full_lead == lead && (year.is_none() || year == full_year)
                })
                .collect()
        }
        None if !is_full(value) => {
            let name = name_key(value);
            full.iter()
                .filter(|(k, v)| same_kind(kind, k) && name_key(name_without_year(v)) == name)
                .collect()
        }
        _ => Vec::new(),
    };
    match fits.as_slice() {
        [(k, v)] => (k.clone(), v.clone()),
        _ => (kind.to_string(), value.to_string()),
    }
}

/// The leading number and the year written in a number part (`19/2016`).
fn lead_and_year(number: &str) -> (&str, Option<&str>) {
    let lead_len = number.bytes().take_while(u8::is_ascii_digit).count();
    let year = number[lead_len..]
        .split(|c: char| !c.is_ascii_digit())
        .find(|p| is_year(p) && (p.starts_with("19") || p.starts_with("20")));
    (&number[..lead_len], year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(rows: &[(&str, &str)]) -> Vec<(String, String)> {
        full_citations(rows.iter().copied())
    }

    fn tie(kind: &str, value: &str, full: &[(String, String)]) -> String {
        tie_short_mention(kind, value, full).1
    }

    #[test]
    fn an_article_lends_a_short_number_its_issuer() {
        let ids = Identities::new(["Lào"]);
        let got = ids.identify_article(&[
            ("Nghị quyết", "42", Some("Bộ Chính trị")),
            ("Nghị quyết", "42", None),
            ("Nghị định", "19", None),
            ("Nghị định", "19/2016/NĐ-CP", None),
        ]);
        assert_eq!(got[0].key, got[1].key);
        assert_eq!(got[2].key, got[3].key);
        assert_eq!(got[2].number.as_deref(), Some("19/2016/NĐ-CP"));
        let alone = ids.identify_article(&[("Nghị quyết", "42", None)]);
        assert_ne!(alone[0].key, got[0].key);
    }

    #[test]
    fn numbers_split_into_number_and_code() {
        let p = |v: &str| number_parts(v).unwrap();
        assert_eq!(p("05-ĐA/TU").number, "5");
        assert_eq!(p("05-ĐA/TU").code.as_deref(), Some("ĐA/TU"));
        assert_eq!(p("19/2016/NĐ-CP").number, "19/2016");
        assert_eq!(p("19/2016/nđ–cp").code.as_deref(), Some("NĐ-CP"));
        assert_eq!(p("36a").number, "36a");
        assert_eq!(p("36a").code, None);
        assert_eq!(p("49/2017").code, None);
        assert!(number_parts("Đất đai").is_none());
    }

    #[test]
    fn short_mentions_are_tied_to_full_numbers() {
        let full = docs(&[
            ("Đề án", "05-ĐA/TU"),
            ("Nghị định", "19/2016/NĐ-CP"),
            ("Nghị định", "49/2017/NĐ-CP"),
            ("Thông tư liên tịch", "15/2014/TTLT-BTP-BTNMT"),
        ]);
        assert_eq!(tie("Đề án", "05", &full), "05-ĐA/TU");
        assert_eq!(tie("Đề án", "5", &full), "05-ĐA/TU");
        assert_eq!(tie("Nghị định", "19", &full), "19/2016/NĐ-CP");
        assert_eq!(tie("Nghị định", "49/2017", &full), "49/2017/NĐ-CP");
        assert_eq!(tie("Nghị định", "19/2015", &full), "19/2015");
        assert_eq!(tie("Nghị quyết", "05", &full), "05");
        assert_eq!(tie("Thông tư", "15", &full), "15/2014/TTLT-BTP-BTNMT");
        let two = docs(&[
            ("Nghị định", "19/2016/NĐ-CP"),
            ("Nghị định", "19/2012/NĐ-CP"),
        ]);
        assert_eq!(tie("Nghị định", "19", &two), "19");
        assert_eq!(tie("Nghị định", "19/2012", &two), "19/2012/NĐ-CP");
    }

    #[test]
    fn names_fold_case_year_word_and_spacing() {
        assert_eq!(name_key("Hình sự  năm 2015"), name_key("hình sự 2015"));
        assert_eq!(name_key("năm 2013"), name_key("2013"));
        assert_ne!(name_key("Hình sự 2015"), name_key("Hình sự"));
        let full = docs(&[("Luật", "Trẻ em năm 2016"), ("Bộ luật", "Dân sự 2015")]);
        assert_eq!(tie("Luật", "trẻ em", &full), "Trẻ em năm 2016");
        assert_eq!(tie("Bộ luật", "Dân sự", &full), "Dân sự 2015");
        assert_eq!(tie("Luật", "Đất đai", &full), "Đất đai");
    }

    #[test]
    fn a_law_named_by_its_year_is_one_document() {
        let ids = Identities::new(["Lào"]);
        let a = ids.identify("Hiến pháp", "năm 2013", None, &[]);
        let b = ids.identify("Hiến pháp", "2013", None, &[]);
        assert_eq!(a.key, b.key);
        assert_eq!(b.name.as_deref(), Some("2013"));
        assert!(
            ids.identify("Quyết định", "2013", None, &[])
                .number
                .is_some()
        );
    }

    #[test]
    fn foreign_laws_are_other_documents() {
        let ids = Identities::new(["Việt Nam", "Lào", "Hoa Kỳ", "Nga", "Liên bang Nga"]);
        assert_eq!(ids.country_of("Lào").as_deref(), Some("lào"));
        assert_eq!(ids.country_of("Quốc hội Lào").as_deref(), Some("lào"));
        assert_eq!(ids.country_of("UBND tỉnh Lào Cai"), None);
        assert_eq!(ids.country_of("Quốc hội"), None);
        assert_eq!(ids.country_of("Việt Nam"), None);
        let vn = ids.identify("Luật", "Đất đai", Some("Quốc hội"), &[]);
        let plain = ids.identify("Luật", "đất  đai", None, &[]);
        let laos = ids.identify("Luật", "Đất đai", Some("Lào"), &[]);
        assert_eq!(vn.key, plain.key);
        assert_ne!(vn.key, laos.key);
    }

    #[test]
    fn short_numbers_of_different_issuers_are_different_documents() {
        let ids = Identities::new(["Lào"]);
        let a = ids.identify("Nghị quyết", "42", Some("Bộ Chính trị"), &[]);
        let b = ids.identify("Nghị quyết", "42", Some("Quốc hội"), &[]);
        assert_ne!(a.key, b.key);
        let full = ids.identify("Nghị quyết", "42-NQ/TW", Some("Bộ Chính trị"), &[]);
        let other = ids.identify("Nghị quyết", "042-nq/tw", None, &[]);
        assert_eq!(full.key, other.key);
        assert_eq!(full.number.as_deref(), Some("42-NQ/TW"));
        assert_eq!(full.name, None);
    }
}
