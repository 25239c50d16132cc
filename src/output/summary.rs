//! What a run found, in figures: the closing line on stderr and the
//! `summary` sheet of the workbook.

use super::tally::Tally;
use crate::model::EntityType;
use std::collections::BTreeMap;

/// Names listed in each top list of the summary sheet.
pub const TOP: usize = 20;
/// Distinct units and titles counted for the top lists (see `tally`).
const COUNTED: usize = 20_000;

/// What one article adds to the summary (made where the article is
/// extracted; only figures and a few names).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct ArticleStats {
    pub bytes: usize,
    pub per_type: [usize; 5],
    /// Dates with a value but no year.
    pub dates_without_year: usize,
    /// `YYYY-MM` of each date whose value has a year and a month.
    pub months: Vec<String>,
    /// Unit and title values (only when the workbook is written).
    pub units: Vec<String>,
    pub titles: Vec<String>,
}

impl ArticleStats {
    /// Add the figures of `other` (a later section of the same article).
    pub fn merge(&mut self, other: ArticleStats) {
        self.bytes += other.bytes;
        for (total, n) in self.per_type.iter_mut().zip(other.per_type) {
            *total += n;
        }
        self.dates_without_year += other.dates_without_year;
        self.months.extend(other.months);
        self.units.extend(other.units);
        self.titles.extend(other.titles);
    }
}

/// Counts for the closing summary line and the summary sheet.
#[derive(Debug, Clone)]
pub struct Summary {
    pub articles: usize,
    pub errors: usize,
    pub bytes: u64,
    pub per_type: [usize; 5],
    pub dates_without_year: usize,
    /// Articles with no date of their own (metadata or record).
    pub articles_without_date: usize,
    pub months: BTreeMap<String, u64>,
    pub units: Tally,
    pub titles: Tally,
}

impl Default for Summary {
    fn default() -> Summary {
        Summary {
            articles: 0,
            errors: 0,
            bytes: 0,
            per_type: [0; 5],
            dates_without_year: 0,
            articles_without_date: 0,
            months: BTreeMap::new(),
            units: Tally::new(COUNTED),
            titles: Tally::new(COUNTED),
        }
    }
}

impl Summary {
    pub fn add(&mut self, stats: &ArticleStats, has_date: bool) {
        self.articles += 1;
        self.bytes += stats.bytes as u64;
        if !has_date {
            self.articles_without_date += 1;
        }
        self.add_mentions(stats);
    }

    /// Add the mention figures of `stats` (not an article: one section of
    /// an article read in sections).
    pub fn add_mentions(&mut self, stats: &ArticleStats) {
        for (total, n) in self.per_type.iter_mut().zip(stats.per_type) {
            *total += n;
        }
        self.dates_without_year += stats.dates_without_year;
        for m in &stats.months {
            *self.months.entry(m.clone()).or_default() += 1;
        }
        for u in &stats.units {
            self.units.add(u, 1);
        }
        for t in &stats.titles {
            self.titles.add(t, 1);
        }
    }

    pub fn count(&self, t: EntityType) -> usize {
        let i = EntityType::ALL.iter().position(|&x| x == t).unwrap_or(0);
        self.per_type[i]
    }

    pub fn line(&self, seconds: f64) -> String {
        let types: Vec<String> = EntityType::ALL
            .iter()
            .zip(self.per_type)
            .map(|(t, n)| format!("{n} {}s", t.as_str()))
            .collect();
        let mb = self.bytes as f64 / 1_000_000.0;
        format!(
            "{} articles, {}, {} errors, {:.2} s, {:.1} MB/s",
            self.articles,
            types.join(", "),
            self.errors,
            seconds,
            if seconds > 0.0 { mb / seconds } else { 0.0 }
        )
    }

    /// What the user should know about dates left without a year.
    pub fn year_note(&self, reference_given: bool) -> Option<String> {
        if self.dates_without_year == 0 {
            return None;
        }
        let why = if self.articles_without_date > 0 && !reference_given {
            format!(
                "{} no date; give the date they were published with --reference-date YYYY-MM-DD",
                plural(self.articles_without_date, "article has", "articles have")
            )
        } else {
            "no year could be read for them".to_string()
        };
        Some(format!(
            "{} without a year (value like --05-04, year_from none): {why}",
            plural(self.dates_without_year, "date", "dates")
        ))
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_note_names_the_option() {
        let mut s = Summary::default();
        let stats = ArticleStats {
            dates_without_year: 3,
            months: vec!["2017-05".into()],
            ..ArticleStats::default()
        };
        s.add(&stats, false);
        let note = s.year_note(false).unwrap();
        assert!(note.starts_with("3 dates without a year"), "{note}");
        assert!(note.contains("--reference-date"), "{note}");
        assert!(!s.year_note(true).unwrap().contains("--reference-date"));
        assert_eq!(s.months["2017-05"], 1);
        assert_eq!(Summary::default().year_note(false), None);
    }
}
