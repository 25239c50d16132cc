//! Extract stage: one module per entity type, run in a fixed order so that
//! later stages can use what earlier ones found (titles use units,
//! resolutions use dates and units), then linking and clean-up.

pub mod calendar;
pub mod date;
pub mod lexicon;
pub mod link;
pub mod person;
pub mod resolution;
pub mod sections;
pub mod title;
pub mod unit;

use crate::model::{Article, Document, Entity, EntityType, Fields, OutEntity};
use crate::rules::{RuleError, RuleSources};
use crate::text::{Analysis, ListSet, ListSetBuilder, Segmenter};
use calendar::Ymd;
use std::ops::Range;

/// What every extractor sees of one article: the text stage's analysis
/// (tokens, sentences, word-list hits; through `Deref`) and the run's
/// settings for it.
pub struct Ctx<'a> {
    pub analysis: &'a Analysis,
    /// The article's date, when known (metadata, record or `--reference-date`).
    pub ref_date: Option<Ymd>,
    /// Resolve relative dates (`hôm qua`) against `ref_date`.
    pub relative_dates: bool,
    /// What the unit stage learnt of the article for later stages.
    pub units: std::cell::OnceCell<unit::ArticleUnits>,
}

impl std::ops::Deref for Ctx<'_> {
    type Target = Analysis;
    fn deref(&self) -> &Analysis {
        self.analysis
    }
}

/// The extraction stages, in the order they run: each may read what the
/// earlier ones found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Dates,
    Units,
    Titles,
    Persons,
    Resolutions,
    Link,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Dates,
        Stage::Units,
        Stage::Titles,
        Stage::Persons,
        Stage::Resolutions,
        Stage::Link,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Dates => "dates",
            Stage::Units => "units",
            Stage::Titles => "titles",
            Stage::Persons => "persons",
            Stage::Resolutions => "resolutions",
            Stage::Link => "link",
        }
    }
}

/// Options of a run that change what is extracted.
#[derive(Debug, Clone)]
pub struct Options {
    /// Used when a document has no date of its own.
    pub reference_date: Option<Ymd>,
    pub relative_dates: bool,
    /// What the whole batch established (see [`crate::evidence`]): names
    /// seen with a cue elsewhere, abbreviations defined elsewhere.
    pub evidence: Option<std::sync::Arc<crate::evidence::Evidence>>,
    /// A longer text is read in sections of at most this many bytes
    /// (`--max-article-mb`), so that time and memory stay bounded.
    pub max_article_bytes: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            reference_date: None,
            relative_dates: false,
            max_article_bytes: sections::DEFAULT_MAX_ARTICLE_BYTES,
            evidence: None,
        }
    }
}

/// All compiled rules; shared read-only by every worker thread.
pub struct Engine {
    segmenter: Segmenter,
    /// Every word list the extractors registered, searched once per article.
    pub(crate) lists: ListSet,
    dates: date::DateExtractor,
    units: unit::UnitExtractor,
    titles: title::TitleExtractor,
    persons: person::PersonExtractor,
    resolutions: resolution::ResolutionExtractor,
    link: link::Linker,
    /// (code, issuer) from `lexicon/issuer_codes.csv`, for the citation index.
    issuer_codes: Vec<(String, String)>,
    /// Tells cited documents apart (foreign countries from `places.csv`).
    identities: resolution::identity::Identities,
    options: Options,
}

impl Engine {
    /// Compile every rule file; the first problem found is returned.
    pub fn new(sources: &RuleSources, options: Options) -> Result<Engine, RuleError> {
        let seg = sources.json("segmentation.json")?;
        let mut lex = lexicon::Lexicon::load(sources)?;
        let evidence = options.evidence.as_deref();
        if let Some(ev) = evidence {
            lex.add_batch_abbreviations(sources, ev)?;
        }
        let mut lists = ListSetBuilder::default();
        let units = unit::UnitExtractor::new(sources, &lex, &mut lists)?;
        // Word lists register in stage order.
        let dates = date::DateExtractor::new(sources, &mut lists)?;
        let titles = title::TitleExtractor::new(sources, &lex, &mut lists)?;
        let persons = person::PersonExtractor::new(sources, &lex, &mut lists, evidence)?;
        // What the extractors need of the batch evidence is in them now:
        // the evidence itself (every name the batch writes) is let go.
        let options = Options {
            evidence: None,
            ..options
        };
        Ok(Engine {
            segmenter: Segmenter::new(&seg.setting_list("abbreviations")),
            dates,
            titles,
            persons,
            resolutions: resolution::ResolutionExtractor::new(sources, &lex, &mut lists)?,
            link: link::Linker::new(sources, &lex, &mut lists)?,
            issuer_codes: lex.issuer_codes.clone(),
            identities: resolution::identity::Identities::new(
                (0..lex.place_kinds.len())
                    .filter(|&i| lex.place_kinds[i] == crate::rules::lists::PlaceKind::Country)
                    .filter_map(|i| lex.places.words.get(i).map(String::as_str)),
            ),
            units,
            options,
            lists: lists.build(),
        })
    }

    /// What document-number codes say about the issuer (`TW`, `NĐ-CP`...).
    pub fn issuer_codes(&self) -> &[(String, String)] {
        &self.issuer_codes
    }

    /// Tells cited documents apart for the citation index.
    pub fn identities(&self) -> &resolution::identity::Identities {
        &self.identities
    }

    /// Whether `before` ends with a word that makes the capitalised run
    /// after it a place, unit, company or competition (batch evidence).
    pub fn follows_word_against_person(&self, before: &str) -> bool {
        self.persons.follows_word_against_person(before)
    }

    /// The text stage's analysis of an article text, with this engine's
    /// word lists.
    pub fn analyse(&self, text: &str) -> Analysis {
        Analysis::new(text, &self.segmenter, &self.lists)
    }

    /// What the extractors see of an analysed article.
    pub fn ctx<'a>(&self, analysis: &'a Analysis, date: Option<&str>) -> Ctx<'a> {
        Ctx {
            analysis,
            ref_date: date.and_then(Ymd::parse).or(self.options.reference_date),
            relative_dates: self.options.relative_dates,
            units: std::cell::OnceCell::new(),
        }
    }

    /// Extract everything from one document and build its output record.
    /// A text over the size limit is read in sections (see [`sections`]):
    /// a mention is found as in a whole reading unless a cut falls inside
    /// it (cuts fall at paragraph, line or sentence ends where there are).
    pub fn process(&self, doc: &Document) -> Article {
        if !self.is_sectioned(doc) {
            return self.process_whole(doc);
        }
        let mut whole: Option<Article> = None;
        for section in self.sections(doc) {
            match whole.as_mut() {
                None => whole = Some(section.article),
                Some(w) => sections::append(w, section),
            }
        }
        whole.unwrap_or_else(|| self.process_whole(doc))
    }

    /// Whether `doc` is over the size limit, read in [`Engine::sections`].
    pub fn is_sectioned(&self, doc: &Document) -> bool {
        doc.text.len() > self.options.max_article_bytes
    }

    /// The sections of `doc`, each extracted when asked for: what a caller
    /// iterates to hold one section's results at a time.
    pub fn sections<'a>(&'a self, doc: &'a Document) -> sections::Sections<'a> {
        self.sections_from(doc, sections::pieces_of(&doc.text))
    }

    /// The sections of the article `doc` (its metadata) whose text comes
    /// from `source` a piece at a time (a file too large to hold whole).
    pub fn sections_from<'a>(
        &'a self,
        doc: &'a Document,
        source: sections::TextSource<'a>,
    ) -> sections::Sections<'a> {
        sections::Sections::new(self, doc, source, self.options.max_article_bytes)
    }

    /// The size limit of an article read whole, in bytes.
    pub fn max_article_bytes(&self) -> usize {
        self.options.max_article_bytes
    }

    /// [`Engine::process`] on the whole text at once.
    pub(crate) fn process_whole(&self, doc: &Document) -> Article {
        let analysis = self.analyse(&doc.text);
        let ctx = self.ctx(&analysis, doc.date.as_deref());
        let mut entities = self.entities(&ctx);
        if doc.date.as_deref().and_then(Ymd::parse).is_none() {
            date::years_from_reference(&mut entities);
        }
        build_article(doc, &ctx, &entities)
    }

    /// The mentions of `doc` that the batch evidence reads (persons and
    /// units, see [`crate::evidence`]), with their offsets in the text as
    /// read: the stages up to persons and citations (a citation owns the
    /// names inside it), without linking, sentences or context, which the
    /// evidence never reads. A text over the size limit is not for this
    /// (see [`Engine::sections`]).
    pub fn evidence_mentions(&self, doc: &Document) -> Vec<OutEntity> {
        let analysis = self.analyse(&doc.text);
        let ctx = self.ctx(&analysis, doc.date.as_deref());
        let found = self.entities_of(&ctx, &Stage::ALL[..Stage::ALL.len() - 1]);
        let text = &ctx.text;
        found
            .into_iter()
            .filter(|e| e.end > e.start && matches!(e.etype, EntityType::Person | EntityType::Unit))
            .map(|e| {
                let (start, end) = text.original_span(e.start, e.end);
                OutEntity {
                    etype: e.etype,
                    text: text.original_text(start, end),
                    start,
                    end,
                    sentence: 0,
                    value: e.value,
                    fields: e.fields,
                    rule: e.rule,
                }
            })
            .collect()
    }

    /// The entities of one article, in text order, overlaps settled.
    pub fn entities(&self, ctx: &Ctx) -> Vec<Entity> {
        self.entities_of(ctx, &Stage::ALL)
    }

    /// The entities that `stages` find, in text order, overlaps settled.
    fn entities_of(&self, ctx: &Ctx, stages: &[Stage]) -> Vec<Entity> {
        let mut found = Vec::new();
        for &stage in stages {
            self.run_stage(stage, ctx, &mut found);
            if stage == Stage::Titles {
                add_units_of_titles(&mut found);
            }
        }
        let mut found = settle_overlaps(found);
        date::settle_years(&mut found);
        found
    }

    /// Run one stage over an article, adding to what earlier stages found.
    pub fn run_stage(&self, stage: Stage, ctx: &Ctx, found: &mut Vec<Entity>) {
        match stage {
            Stage::Dates => self.dates.extract(ctx, found),
            Stage::Units => self.units.extract(ctx, found),
            Stage::Titles => self.titles.extract(ctx, found),
            Stage::Persons => self.persons.extract(ctx, found),
            Stage::Resolutions => self.resolutions.extract(ctx, found),
            Stage::Link => self.link.link(ctx, found),
        }
    }

    /// Run the engine on a bare text (rule examples, library callers).
    pub fn extract_text(&self, text: &str, date: Option<&str>) -> Article {
        let doc = Document {
            id: String::new(),
            text: text.to_string(),
            date: date.map(String::from),
            ..Document::default()
        };
        self.process(&doc)
    }
}

/// Rule id of a unit mention added because it sits inside a title.
const RULE_UNIT_IN_TITLE: &str = "unit.in_title";

/// The unit inside a title is also a unit mention (spec: `unit`).
fn add_units_of_titles(found: &mut Vec<Entity>) {
    let mut extra = Vec::new();
    // Unit spans present, looked up rather than searched for per title.
    let mut present: std::collections::HashSet<(usize, usize)> = found
        .iter()
        .filter(|x| x.etype == EntityType::Unit)
        .map(|x| (x.start, x.end))
        .collect();
    for e in found.iter() {
        let Fields::Title {
            unit_span: Some((s, en, value)),
            ..
        } = &e.fields
        else {
            continue;
        };
        if present.insert((*s, *en)) {
            let mut u = Entity::new(EntityType::Unit, *s, *en, RULE_UNIT_IN_TITLE);
            u.value = Some(value.clone());
            extra.push(u);
        }
    }
    found.extend(extra);
}

/// Precedence when mentions of different types overlap: a cited document
/// owns its span; a unit name owns a person's name inside it (`Trường
/// THPT Nguyễn Huệ`); titles may contain units.
fn settle_overlaps(mut found: Vec<Entity>) -> Vec<Entity> {
    found.sort_by(|a, b| {
        (a.start, std::cmp::Reverse(a.end), a.etype).cmp(&(
            b.start,
            std::cmp::Reverse(b.end),
            b.etype,
        ))
    });
    found.dedup_by(|b, a| a.etype == b.etype && a.start == b.start && a.end == b.end);
    // Spans by start, each end raised to the furthest so far: whether a
    // mention overlaps any of them is one binary search, not a scan.
    let spans_of = |t: EntityType, found: &[Entity]| -> Vec<(usize, usize)> {
        let mut furthest = 0;
        found
            .iter()
            .filter(|e| e.etype == t)
            .map(|e| {
                furthest = furthest.max(e.end);
                (e.start, furthest)
            })
            .collect()
    };
    let resolutions = spans_of(EntityType::Resolution, &found);
    let units = spans_of(EntityType::Unit, &found);
    let hits = |spans: &[(usize, usize)], e: &Entity| {
        let upto = spans.partition_point(|&(s, _)| s < e.end);
        upto > 0 && spans[upto - 1].1 > e.start
    };
    found.retain(|e| match e.etype {
        EntityType::Resolution => true,
        EntityType::Person => !hits(&resolutions, e) && !hits(&units, e),
        _ => !hits(&resolutions, e),
    });
    drop_nested_same_type(found)
}

/// Within one type, a mention inside another of the same type goes (the
/// longest name wins); titles and units are different types and may nest.
fn drop_nested_same_type(found: Vec<Entity>) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::with_capacity(found.len());
    for e in found {
        let clash = out
            .iter()
            .rev()
            .take(16)
            .any(|o| o.etype == e.etype && o.overlaps(e.start, e.end));
        if !clash {
            out.push(e);
        }
    }
    out
}

/// Map entities to original offsets and assemble the contract record.
fn build_article(doc: &Document, ctx: &Ctx, entities: &[Entity]) -> Article {
    let text = &ctx.text;
    let out: Vec<OutEntity> = entities
        .iter()
        .filter(|e| e.end > e.start)
        .map(|e| {
            let (s, en) = text.original_span(e.start, e.end);
            OutEntity {
                etype: e.etype,
                text: text.original_text(s, en),
                start: s,
                end: en,
                sentence: ctx.sentence_of(e.start),
                value: e.value.clone(),
                fields: e.fields.clone(),
                rule: e.rule.clone(),
            }
        })
        .collect();
    let original_of = |r: &Range<usize>| {
        let (s, e) = text.original_span(r.start, r.end);
        text.original_text(s, e)
    };
    let byline = out
        .iter()
        .find(|e| e.etype == EntityType::Person && e.rule == person::BYLINE_RULE)
        .map(|e| e.value.clone().unwrap_or_else(|| e.text.clone()));
    Article {
        id: doc.id.clone(),
        path: doc.path.clone(),
        headline: doc
            .title
            .clone()
            .or_else(|| ctx.headline.as_ref().map(original_of)),
        date: doc.date.clone(),
        byline,
        encoding: doc.encoding,
        entities: out,
        sentences: ctx.sentences.iter().map(original_of).collect(),
        sentence_spans: ctx
            .sentences
            .iter()
            .map(|r| {
                let (start, end) = text.original_span(r.start, r.end);
                crate::model::OutSentence { start, end }
            })
            .collect(),
    }
}

/// A title's fields, for linking code.
pub fn title_fields(
    e: &mut Entity,
) -> Option<(&mut String, &mut Option<String>, &mut Option<String>)> {
    match &mut e.fields {
        Fields::Title {
            role, unit, person, ..
        } => Some((role, unit, person)),
        _ => None,
    }
}
