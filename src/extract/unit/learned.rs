//! What `vnextract learn` taught about unit names (`rules/learned/`), as
//! word lists the article's analysis finds in its one pass: full names
//! read to their end, the lower-case words that continue a name after a
//! given word, the words that start a predicate after a name, and bare
//! company names. Which rows count is set by `learned` in `units.json`.

use crate::extract::lexicon::WordList;
use crate::rules::learned::{
    ContinuationVerdict, LearnedBrand, LearnedContinuation, LearnedUnitName,
};
use crate::rules::typed::units::LearnedThresholds;
use crate::rules::{RuleError, RuleSources};
use crate::text::{ListSetBuilder, Listed, fold_str};

#[derive(Debug, Clone)]
pub struct Learned {
    /// Full names (`Bệnh viện Bệnh Nhiệt đới Trung ương`), any case.
    pub names: Listed,
    /// `before word` pairs (`nhiệt đới`): `word` continues a name whose
    /// last word so far is `before`.
    pub continuations: Listed,
    /// Words that start a predicate after a name (`cung`, `cho`).
    pub stops: Listed,
    /// Bare company names (`Samsung`): known names, like those of
    /// `known_names` (rule `unit.known_name`).
    pub brand_names: Vec<String>,
}

impl Learned {
    pub fn new(
        sources: &RuleSources,
        t: &LearnedThresholds,
        lists: &mut ListSetBuilder,
    ) -> Result<Learned, RuleError> {
        let names: Vec<LearnedUnitName> = sources.word_list()?;
        let rows: Vec<LearnedContinuation> = sources.word_list()?;
        let brands: Vec<LearnedBrand> = sources.word_list()?;
        let names = WordList::new(
            names
                .iter()
                .filter(|n| n.articles >= t.name_min_articles && n.name.contains(' '))
                .map(|n| fold_str(&n.name)),
        );
        let (continuations, stops) = continuation_lists(&rows, t);
        let not_brands: Vec<String> = t.not_brands.iter().map(|b| fold_str(b)).collect();
        let brand_names = brands
            .iter()
            .filter(|b| {
                b.company_articles >= t.brand_min_company_articles
                    && b.subject_articles >= t.brand_min_subject_articles
                    && !not_brands.contains(&fold_str(&b.name))
            })
            .map(|b| fold_str(&b.name))
            .collect();
        let mut reg = |l: WordList| Listed::new(l, lists);
        Ok(Learned {
            names: reg(names),
            continuations: reg(continuations),
            stops: reg(stops),
            brand_names,
        })
    }
}

/// The `continue` pairs (`before word`) and the `stop` words of
/// `unit_continuations.csv` that pass the thresholds `t`: also read by
/// titles, which run a unit on inside a title (`Viện Nghiên cứu phát
/// triển xã hội`).
pub fn continuation_lists(
    rows: &[LearnedContinuation],
    t: &LearnedThresholds,
) -> (WordList, WordList) {
    let continues = |c: &&LearnedContinuation| {
        c.verdict == ContinuationVerdict::Continue
            && c.continues >= t.continue_min_articles
            && c.continues as f64 >= t.continue_min_ratio * c.ends as f64
            && c.before.chars().all(char::is_alphanumeric)
    };
    let continuations = WordList::new(
        rows.iter()
            .filter(continues)
            .map(|c| fold_str(&format!("{} {}", c.before, c.word))),
    );
    let stops = WordList::new(
        rows.iter()
            .filter(|c| c.verdict == ContinuationVerdict::Stop && c.ends >= t.stop_min_ends)
            .map(|c| fold_str(&c.word)),
    );
    (continuations, stops)
}
