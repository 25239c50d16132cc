//! Person names (`rules/persons.json`, `rules/lexicon/surnames.csv`,
//! `rules/lexicon/honorifics.csv`). See spec/entities.md, section `person`.
//!
//! Names are read off runs of capitalised words: a run is cut at anything
//! an earlier stage already owns (units, titles, dates), at words that
//! never belong to a name, and at places; what is left is a name when it
//! starts with a known surname, or follows an honorific, a title, a photo
//! credit or another name of a shared list. The byline and initials have
//! their own patterns.

mod bylines;
mod cues;
mod found;
mod full;
mod given;
mod glued;
mod ids;
mod initials;
mod known;
pub mod lists;
mod not_persons;
mod reading;
mod roles;
mod runs;
mod scorers;
mod shape;
mod value;

pub use ids::{BYLINE_RULE, RULE_HONORIFIC, RULE_TITLE};
pub use shape::{has_vietnamese_letters, is_foreign_word};
pub use value::name_value;

use super::Ctx;
use super::lexicon::{FnvSet, Lexicon, WordList, folded, lowercase};
use crate::evidence::Evidence;
use crate::model::Entity;
use crate::rules::learned::{LearnedBrand, LearnedNotName, LearnedPersonName};
use crate::rules::lists::{HonorificKind, PlaceKind};
use crate::rules::typed::Persons;
use crate::rules::{RuleError, RuleSources};
use crate::text::wordlists::WordSet;
use crate::text::{ListId, ListSetBuilder, Listed, Token as Word};
use found::{Out, owned_spans};
pub use ids::{RULE_CREDIT, RULE_INITIALS};
use regex::Regex;
use std::collections::HashSet;

/// Longest name in words (`Esteban Lazo Hernández`, `Tôn Nữ Thị Ninh`).
const MAX_NAME_WORDS: usize = 5;

pub struct PersonExtractor {
    surnames: ListId,
    /// Surnames written without diacritics (`unaccented_surnames`), lower case.
    unaccented_surnames: FnvSet,
    honorifics: ListId,
    honorific_set: WordSet,
    /// Title words (`PGS`, `Chủ tịch`), to look a single word up.
    title_set: WordSet,
    blocker_set: WordSet,
    /// Words right before a run that make it a place or an organisation
    /// (`đường Trần Phú`, `Công ty Nguyễn Kim`).
    blockers: ListId,
    /// Capitalised words that never belong to a name (`Bộ`, `Sở`).
    never_in_name: FnvSet,
    /// Capitalised phrases that are not names (`Hà Nội`), with the learned
    /// ones (`learned/not_names.csv`: `Litva`, `Dân trí`).
    not_names: ListId,
    /// Names known from the corpus and the batch (see `known`).
    known: ListId,
    /// Brands (`learned/brands.csv`, lower case): no person's name alone.
    brands: FnvSet,
    /// Common foreign given names (`Robert`, `Ariana`): with a capitalised
    /// word after them they start a name without any cue.
    foreign_given: FnvSet,
    /// Honorifics that, capitalised in mid-sentence, start a place name
    /// (`Bà Rịa`, `nóc Ông Lục`) rather than a person.
    place_honorifics: FnvSet,
    /// Forms of address and kinship words (`ông`, `em`, `bố`): a one-word
    /// name after them is a name wherever else the article writes it.
    address_forms: WordSet,
    /// Short words for a people (`Việt`, `Hàn`), as written.
    nationality_words: HashSet<String>,
    /// Nouns before which such a word is an adjective (`ca sĩ Hàn`).
    nationality_nouns: WordSet,
    /// Words of media and platforms (`Images`, `News`), as written.
    outlet_words: HashSet<String>,
    /// Words against a person before a capitalised run (batch evidence).
    against_words: WordSet,
    /// Words for a tomb or shrine (`lăng`), named after who lies there.
    tomb_words: WordSet,
    /// Places that are also given names (`Vinh`, `Huế`) or level words
    /// (`bang`), not countries (`phu nhân Mỹ`).
    addressable_places: FnvSet,
    /// Phrases that open a sentence (`Căn cứ`, `Tuy nhiên`): a name
    /// written before a missing full stop ends there.
    openers: ListId,
    /// Common phrases opening with a given-name syllable (`Nhân dịp`).
    given_name_phrases: ListId,
    /// Words of `never_in_name` that are also common middle names (`Công`).
    middle_names: FnvSet,
    places: ListId,
    /// The same places, for names read outside the article text.
    place_list: WordList,
    titles: ListId,
    unit_heads: ListId,
    initials: Regex,
    /// A goal's minute right after a player's name (`person.scorer`).
    scorer_mark: Regex,
    credit: Regex,
    byline_tail: Regex,
    /// Words right before initials that make them sign a photo or a story
    /// (`ảnh:`, `theo`).
    credit_words: Listed,
    /// The same, to look a single word up.
    credit_word_set: WordSet,
    /// Words crediting a story's outlet in a byline (`Theo Thời Đại`).
    source_words: WordSet,
    /// Words joining names in a list (`và`, `cùng`).
    list_joiners: Listed,
    /// Positions opening an item of a team line-up (`TM`).
    lineup_positions: Vec<String>,
    /// Words right before a place (`ở`, `tại`, `sang`).
    place_prepositions: Listed,
    /// Lower-case particles of foreign names, as written (`al`, `van`).
    name_particles: HashSet<String>,
    /// What separates the authors of a byline (`, `, ` - `, ` và `).
    author_separators: Vec<String>,
}

impl PersonExtractor {
    /// Whether `before` ends with a word of `batch_against_words`. Only
    /// its last bytes are read (a little more than the longest word), as
    /// this runs for every capitalised run of the batch.
    pub fn follows_word_against_person(&self, before: &str) -> bool {
        let from = crate::text::chars::floor_char(
            before,
            before
                .len()
                .saturating_sub(self.against_words.longest() + 8),
        );
        let lower = crate::text::fold_str(&before[from..].to_lowercase());
        crate::text::wordlists::word_before(&lower, lower.len(), &self.against_words).is_some()
    }

    /// The extractor of a run; `evidence` is the batch's (see
    /// [`crate::evidence`]), if any.
    pub fn new(
        sources: &RuleSources,
        lex: &Lexicon,
        lists: &mut ListSetBuilder,
        evidence: Option<&Evidence>,
    ) -> Result<PersonExtractor, RuleError> {
        let persons = sources.load::<Persons>()?;
        let (file, s) = (&persons.file, &persons.settings);
        let learned: Vec<LearnedPersonName> = sources.word_list()?;
        let learned_not: Vec<LearnedNotName> = sources.word_list()?;
        let brands = known::brand_set(&sources.word_list::<LearnedBrand>()?);
        let batch = evidence
            .into_iter()
            .flat_map(|e| e.person_names(s.batch_name_min_articles));
        let known_names = known::known_names(&learned, batch, s, &brands);
        let not_names = lex
            .not_names
            .words
            .iter()
            .map(String::as_str)
            .chain(learned_not.iter().map(|r| r.word.as_str()));
        let lower_set = |words: &[String]| words.iter().map(|w| lowercase(w)).collect();
        Ok(PersonExtractor {
            // Surnames as written without diacritics (`Nguyen Thi Lan` in
            // a list of donors) count for this extractor only.
            surnames: lists.add(lex.surnames.words.iter().chain(&s.unaccented_surnames)),
            unaccented_surnames: lower_set(&s.unaccented_surnames),
            honorifics: lists.add_list(&lex.honorifics),
            honorific_set: WordSet::new(&lex.honorifics),
            title_set: WordSet::new(&lex.titles),
            blocker_set: WordSet::new(&WordList::new(&s.blockers)),
            blockers: lists.add(&s.blockers),
            never_in_name: lower_set(&s.never_in_name),
            not_names: lists.add(not_names),
            known: lists.add(&known_names),
            brands,
            foreign_given: s.foreign_given_names.iter().cloned().collect(),
            place_honorifics: lower_set(&s.place_honorifics),
            nationality_words: s.nationality_words.iter().cloned().collect(),
            nationality_nouns: WordSet::new(&WordList::new(&s.nationality_nouns)),
            outlet_words: s.outlet_words.iter().cloned().collect(),
            against_words: WordSet::new(&WordList::new(&s.batch_against_words)),
            address_forms: {
                let kinship = lex
                    .honorifics
                    .words
                    .iter()
                    .zip(&lex.honorific_kinds)
                    .filter(|(_, k)| **k == HonorificKind::Kinship)
                    .map(|(w, _)| w);
                WordSet::new(&WordList::new(s.address_forms.iter().chain(kinship)))
            },
            addressable_places: lex
                .places
                .words
                .iter()
                .zip(&lex.place_kinds)
                .filter(|(_, k)| {
                    matches!(
                        k,
                        PlaceKind::Level
                            | PlaceKind::City
                            | PlaceKind::District
                            | PlaceKind::Province
                    )
                })
                .map(|(w, _)| w.clone())
                .collect(),
            tomb_words: WordSet::new(&WordList::new(&s.tomb_words)),
            openers: lists.add(&s.sentence_openers),
            given_name_phrases: lists.add(&s.given_name_phrases),
            middle_names: lower_set(&s.middle_names),
            titles: lists.add_list(&lex.titles),
            unit_heads: lists.add_list(&lex.unit_heads),
            places: lists.add_list(&lex.places),
            place_list: lex.places.clone(),
            initials: file.compile_rule(RULE_INITIALS)?,
            scorer_mark: file.compile_rule(ids::RULE_SCORER)?,
            credit: file.compile_rule(RULE_CREDIT)?,
            byline_tail: Self::byline_tail(file)?,
            credit_words: Listed::new(folded(&s.credit_words), lists),
            credit_word_set: WordSet::new(&WordList::new(&s.credit_words)),
            source_words: WordSet::new(&WordList::new(&s.source_words)),
            list_joiners: Listed::new(folded(&s.list_joiners), lists),
            place_prepositions: Listed::new(folded(&s.place_prepositions), lists),
            lineup_positions: s.lineup_positions.clone(),
            name_particles: s.name_particles.iter().cloned().collect(),
            author_separators: bylines::author_separators(&s.byline_joiners),
        })
    }

    pub fn extract(&self, ctx: &Ctx, found: &mut Vec<Entity>) {
        let mut out = Out::default();
        let owned = owned_spans(found);
        let byline = self.bylines(ctx, &mut out);
        self.credits(ctx, &owned, &mut out);
        let ws: Vec<Word> = ctx.words().copied().collect();
        self.runs(ctx, &ws, found, &owned, byline.as_ref(), &mut out);
        self.remembered_names(ctx, &owned, byline.as_ref(), &mut out);
        self.initials(ctx, &owned, &mut out);
        self.name_lists(ctx, &owned, &mut out);
        self.scorers(ctx, &ws, &owned, &mut out);
        self.paired_foreign_names(ctx, &ws, &owned, &mut out);
        self.played_roles(ctx, &ws, &owned, &mut out);
        self.drop_nationalities(ctx, &mut out.entities);
        self.given_names(ctx, &ws, &owned, byline.as_ref(), &mut out);
        let work = ctx.work();
        out.entities
            .retain(|e| e.rule == ids::RULE_HONORIFIC || !self.is_brand(&work[e.start..e.end]));
        self.drop_outlets(work, &mut out.entities);
        self.drop_nationalities(ctx, &mut out.entities);
        glued::cut_glued_words(&mut out.entities, work, |pos| {
            ctx.analysis.hit(self.surnames, pos).is_some()
        });
        glued::cut_leading_words(&mut out.entities, work, |pos, first, rest| {
            self.names_place_or_body(ctx, pos, first, rest)
        });
        full::widen_to_full_names(&mut out.entities, work, |w| {
            let w = lowercase(w);
            self.honorific_set.contains(&w) || self.title_set.contains(&w)
        });
        full::fill_full_names(&mut out.entities, work);
        found.extend(out.entities);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{Engine, Options};
    use crate::model::EntityType;
    use crate::rules::RuleSources;

    /// Persons found in `text` with `from` replaced by `to` in persons.json.
    fn persons(text: &str, from: &str, to: &str) -> Vec<(String, String)> {
        let mut sources = RuleSources::embedded();
        let original = sources.text("persons.json").unwrap();
        assert!(original.contains(from), "{from}");
        let changed = original.replacen(from, to, 1);
        sources.set("persons.json", &changed);
        let engine = Engine::new(&sources, Options::default()).unwrap();
        let article = engine.extract_text(text, None);
        article
            .entities
            .into_iter()
            .filter(|e| e.etype == EntityType::Person)
            .map(|e| (e.text, e.rule))
            .collect()
    }

    #[test]
    fn list_joiners_are_read_from_the_rules() {
        let text = "Ông Lê Văn An cùng Xavi Hernandez đến thăm trường.";
        let setting = r#""list_joiners": ["và", "cùng"]"#;
        let with = persons(text, setting, setting);
        assert!(
            with.contains(&("Xavi Hernandez".into(), "person.list".into())),
            "{with:?}"
        );
        let without = persons(text, setting, r#""list_joiners": ["và"]"#);
        assert!(
            !without.iter().any(|(t, _)| t == "Xavi Hernandez"),
            "{without:?}"
        );
    }
}
