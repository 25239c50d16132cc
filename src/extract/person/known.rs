//! Names known from outside the article: names the corpus writes with a
//! cue (`learned/person_names.csv`, made by `vnextract learn`) and names
//! the batch saw after an honorific or a title (batch evidence). Written
//! alone, without any cue (`Trấn Thành`, `Paulinho`), they are names; a
//! brand (`learned/brands.csv`) never is.

use super::PersonExtractor;
use super::found::{Out, overlaps_any};
use super::ids::RULE_KNOWN;
use super::shape::is_foreign_word;
use crate::evidence::NameCounts;
use crate::extract::Ctx;
use crate::extract::lexicon::{FnvSet, lowercase};
use crate::rules::learned::{LearnedBrand, LearnedPersonName};
use crate::rules::typed::persons::PersonSettings;
use crate::text::chars::{is_name_shaped, only_spaces};
use crate::text::tokens::Kind;

/// The names to look for, from the learned lexicon (filtered by the
/// thresholds of `persons.json`) and the batch evidence.
pub(super) fn known_names<'a>(
    learned: &'a [LearnedPersonName],
    batch: impl Iterator<Item = (&'a str, NameCounts)>,
    s: &PersonSettings,
    brands: &FnvSet,
) -> Vec<String> {
    let single = |n: &str| !n.contains(' ');
    let from_corpus = learned
        .iter()
        .filter(|r| {
            let share = r.cued as f64 / r.mentions.max(1) as f64;
            r.cued_articles >= s.learned_name_min_cued_articles
                && share >= s.learned_name_min_cue_share
                && (!single(&r.name)
                    || (r.honorific >= s.learned_single_name_min_honorific
                        && is_foreign_word(&r.name)))
        })
        .map(|r| r.name.as_str());
    // One word is a name by batch evidence only when several articles
    // cue it (one cue may be a misreading: `võ sư Taekwondo`).
    // A name the batch writes bare far more often than it cues it, or
    // after `tại`, `giải`, `hãng`, is a place, a competition or a brand
    // cued by mistake (`ông Paris`, `nhân viên Apple`).
    let batch = batch
        .filter(|(n, c)| {
            (!single(n) || c.cued >= s.batch_single_name_min_articles)
                && c.cue_share() >= s.batch_name_min_cue_share
                && c.against_share() <= s.batch_name_max_against_share
        })
        .map(|(n, _)| n);
    let mut names: Vec<String> = from_corpus
        .chain(batch)
        .filter(|n| !n.split(' ').any(|w| brands.contains(&lowercase(w))))
        .map(String::from)
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// A name written as part of initials (`Ph` of `Ph.Ph.Thép`, `Th` of
/// `Tr.Th.Th`): one or two letters that a dot joins to a letter after
/// them or before them. (`C.Ranieri` is an initial and a name.)
pub(super) fn glued_initials(work: &str, s: usize, e: usize) -> bool {
    let dot_letter = |t: &str| {
        let mut cs = t.chars();
        cs.next() == Some('.') && cs.next().is_some_and(char::is_alphabetic)
    };
    work[s..e].chars().count() <= 2
        && (dot_letter(&work[e..])
            || work[..s]
                .strip_suffix('.')
                .is_some_and(|b| b.ends_with(char::is_alphabetic)))
}

/// Lower-cased brand names: never a person's name by themselves.
pub(super) fn brand_set(brands: &[LearnedBrand]) -> FnvSet {
    brands.iter().map(|b| lowercase(&b.name)).collect()
}

impl PersonExtractor {
    /// Known names written in the article as a whole run of capitalised
    /// words, where nothing makes them a place or an organisation.
    pub(super) fn remembered_names(
        &self,
        ctx: &Ctx,
        owned: &[(usize, usize)],
        byline: Option<&std::ops::Range<usize>>,
        out: &mut Out,
    ) {
        let (work, lower) = (ctx.work(), ctx.lower());
        let mut found = Vec::new();
        for h in ctx.hits.leftmost_longest(self.known) {
            let (s, e) = (h.start, h.end);
            let surface = &work[s..e];
            if !surface.split([' ', '-']).all(is_name_shaped)
                || byline.is_some_and(|b| s >= b.start)
                || overlaps_any(owned, s, e)
                || out.overlaps(s, e)
            {
                continue;
            }
            // No longer run of capitalised words around it (`Hari Won
            // Entertainment`, `Nhà hát Trấn Thành`).
            let before = ctx.token_before(s).map(|i| ctx.tokens[i]);
            let after = ctx.tokens.get(ctx.token_from(e)).copied();
            // Any capital after it goes on as a model or code (`Swift DLX`).
            let capital = |t: Option<crate::text::Token>, a: usize, b: usize| {
                t.is_some_and(|t| {
                    t.kind != Kind::Punct
                        && t.text(work).starts_with(char::is_uppercase)
                        && only_spaces(work, a, b)
                })
            };
            if capital(before, before.map_or(0, |t| t.end), s)
                || capital(after, e, after.map_or(0, |t| t.start))
                || work[e..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
                || glued_initials(work, s, e)
                || work[..s].ends_with('-')
            {
                continue;
            }
            if self.blocked(lower, s)
                || self
                    .non_name_at(ctx.analysis, s)
                    .is_some_and(|end| end >= e)
                || (!surface.contains(' ') && self.after_place_word(ctx.analysis, s))
            {
                continue;
            }
            found.push((s, e));
        }
        for (s, e) in found {
            out.push(s, e, work, RULE_KNOWN);
        }
    }

    /// A brand found as a person without an honorific before it
    /// (`Samsung`): no person.
    pub(super) fn is_brand(&self, surface: &str) -> bool {
        self.brands.contains(&lowercase(surface))
    }
}
