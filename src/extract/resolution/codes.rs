//! The issuer code of a document number: the agency part of `35-NQ/TW`,
//! `24/2014/NĐ-CP`, `940/QĐ-UBND`, read against `issuer_codes.csv`.

/// Known codes and the issuer each stands for.
pub struct IssuerCodes {
    rows: Vec<(String, String)>,
    /// Kind abbreviations that open a state suffix (`QĐ` in `QĐ-UBND`).
    kind_abbreviations: Vec<String>,
}

impl IssuerCodes {
    pub fn new(rows: &[(String, String)], kind_abbreviations: &[String]) -> IssuerCodes {
        IssuerCodes {
            rows: rows
                .iter()
                .filter(|(code, _)| !code.is_empty())
                .cloned()
                .collect(),
            kind_abbreviations: kind_abbreviations.to_vec(),
        }
    }

    /// The issuer a code stands for (`TW` gives `Ban Chấp hành Trung ương`).
    pub fn issuer_of(&self, code: &str) -> Option<&str> {
        self.rows
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, issuer)| issuer.as_str())
    }

    /// The issuer code of a document number, if it has one: the agency
    /// part of its suffix (`BTC` in `TT-BTC`, `CP` in `NĐ-CP`, `TW` in
    /// `NQ/TW`), so that one agency has one code whatever the kind; a
    /// listed code found in the suffix is preferred when the agency part
    /// is not listed. Short numbers (`142`, `64/2017`) have none.
    pub fn code_of_number(&self, number: &str) -> Option<String> {
        let first_letter = number.find(|c: char| c.is_alphabetic())?;
        let suffix = &number[first_letter..];
        let agency = self.agency_part(suffix);
        if self.issuer_of(agency).is_some() {
            return Some(agency.to_string());
        }
        let candidates = candidates(suffix);
        if let Some(known) = candidates.iter().find(|c| self.issuer_of(c).is_some()) {
            return Some(known.to_string());
        }
        Some(agency.to_string())
    }

    /// The agency part of an unlisted suffix: after a kind abbreviation
    /// (`TT-BXYZ`), else its first part (`TCTHADS-NV1`).
    fn agency_part<'a>(&self, suffix: &'a str) -> &'a str {
        if let Some((_, issuer)) = suffix.rsplit_once('/') {
            return issuer;
        }
        let mut parts = suffix.split('-');
        let first = parts.next().unwrap_or(suffix);
        match parts.next() {
            Some(second) if self.kind_abbreviations.iter().any(|k| k == first) => second,
            _ => first,
        }
    }
}

/// Codes to look up, most specific first. Party numbers (`NQ/TW`) name
/// their issuer after the slash; state numbers (`NĐ-CP`, `QĐ-UBND`,
/// `UBND-ĐT`) after the kind abbreviation or as their first part.
fn candidates(suffix: &str) -> Vec<&str> {
    if let Some((_, issuer)) = suffix.rsplit_once('/') {
        return vec![issuer];
    }
    let mut out = vec![suffix];
    let parts: Vec<&str> = suffix.split('-').collect();
    if parts.len() > 1 {
        // `TT-BNNPTNT`: the agency follows the kind; `UBND-ĐT`: it leads.
        out.push(parts[1]);
        out.push(parts[0]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> IssuerCodes {
        let rows = [
            ("TW", "Ban Chấp hành Trung ương"),
            ("NĐ-CP", "Chính phủ"),
            ("CP", "Chính phủ"),
            ("UBND", "Ủy ban nhân dân"),
            ("BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
            ("QH14", "Quốc hội khóa XIV"),
        ];
        IssuerCodes::new(
            &rows
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>(),
            &["QĐ", "NĐ", "TT", "CV"].map(String::from),
        )
    }

    #[test]
    fn codes_from_party_and_state_numbers() {
        let t = table();
        assert_eq!(t.code_of_number("35-NQ/TW").as_deref(), Some("TW"));
        assert_eq!(t.code_of_number("24/2014/NĐ-CP").as_deref(), Some("CP"));
        assert_eq!(t.code_of_number("940/QĐ-UBND").as_deref(), Some("UBND"));
        assert_eq!(t.code_of_number("6021/UBND-ĐT").as_deref(), Some("UBND"));
        assert_eq!(
            t.code_of_number("27/2014/TT-BNNPTNT").as_deref(),
            Some("BNNPTNT")
        );
        assert_eq!(t.code_of_number("24/2018/QH14").as_deref(), Some("QH14"));
        assert_eq!(
            t.code_of_number("4221/TCTHADS-NV1").as_deref(),
            Some("TCTHADS")
        );
        assert_eq!(t.code_of_number("12/2019/TT-BXYZ").as_deref(), Some("BXYZ"));
        assert_eq!(t.code_of_number("142"), None);
        assert_eq!(t.code_of_number("64/2017"), None);
        assert_eq!(t.issuer_of("TW"), Some("Ban Chấp hành Trung ương"));
    }
}
