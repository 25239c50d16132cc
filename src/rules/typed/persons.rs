//! `rules/persons.json`: the word lists the person extractor reads names
//! with. Most names are read in code off runs of capitalised words; the
//! rules with a pattern are `person.initials`, `person.credit` and
//! `person.byline`.

use super::examples::PersonExample;
use super::{Checker, PlainRule, RuleKind, patterns_only_in, required_patterns};
use crate::rules::RuleError;
use serde::Deserialize;

/// The rules whose pattern the person extractor compiles.
const PATTERN_RULES: [&str; 4] = [
    "person.initials",
    "person.credit",
    "person.byline",
    "person.scorer",
];

/// The kind of `rules/persons.json`.
#[derive(Debug, Clone, Copy)]
pub struct Persons;

impl RuleKind for Persons {
    const PATH: &'static str = "persons.json";
    const TYPE: &'static str = "person";
    type Settings = PersonSettings;
    type Rule = PlainRule<PersonExample>;

    fn validate(_: &Self::Settings, rules: &[Self::Rule], c: &Checker) -> Result<(), RuleError> {
        let with_pattern = rules.iter().map(|r| (r.id.as_str(), r.pattern.is_some()));
        required_patterns(with_pattern, &PATTERN_RULES, c)?;
        patterns_only_in(rules, &PATTERN_RULES, c)
    }
}

/// `settings` of `persons.json`. Words are matched case-insensitively
/// unless said otherwise.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonSettings {
    /// Forms of address (`ông`, `chị`, `đồng chí`): a one-word name after
    /// one of them (or after a kinship word of honorifics.csv) is a name
    /// wherever else the article writes it.
    pub address_forms: Vec<String>,
    /// Short words for a people or a country (`Việt`, `Hàn`, `Tây`): as a
    /// one-word name they are an adjective after a word of
    /// `nationality_nouns` (`ca sĩ Hàn`, `người Việt`) or before `kiều`
    /// (`Việt kiều`), not a person.
    pub nationality_words: Vec<String>,
    /// Nouns that take a nationality after them (`người`, `ca sĩ`, `phương`).
    pub nationality_nouns: Vec<String>,
    /// Words of media, agencies and platforms, as written (`Images`,
    /// `News`, `Instagram`): a name holding one names an outlet or a
    /// website (`Getty Images`, `Daily Mail`), not a person.
    pub outlet_words: Vec<String>,
    /// Honorifics that, capitalised in mid-sentence, start a place name
    /// (`Bà Rịa`, `nóc Ông Lục`) rather than a person.
    pub place_honorifics: Vec<String>,
    /// Common foreign given names, as written (`Robert`): with a
    /// capitalised word after them they start a name without any cue.
    pub foreign_given_names: Vec<String>,
    /// Words right before a run of capitalised words that make it a place
    /// or an organisation, not a person (`đường Trần Phú`, `Công ty Nguyễn
    /// Kim`).
    pub blockers: Vec<String>,
    /// Capitalised words that never belong to a name (`Bộ`, `Sở`, `UBND`):
    /// a run is cut there.
    pub never_in_name: Vec<String>,
    /// Words of `never_in_name` that are also common middle names (`Công`
    /// of `Phạm Công Tuấn`): one or two words after a surname and before a
    /// capitalised given name, they do not cut the name.
    pub middle_names: Vec<String>,
    /// Phrases that open a sentence (`Căn cứ`, `Tuy nhiên`): a name written
    /// before a missing full stop ends there.
    pub sentence_openers: Vec<String>,
    /// Common words and phrases that open with a syllable that is also a
    /// given name (`Nhân dịp`, `Nam giới`, `Tài xế`): that syllable there
    /// is no short form of a name the article gives in full.
    pub given_name_phrases: Vec<String>,
    /// Words for a tomb or shrine (`lăng`, `đền thờ`): the name after them
    /// is the person who lies there (rule `person.tomb`).
    pub tomb_words: Vec<String>,
    /// Words right before initials that make them sign a photo or a story
    /// (`Ảnh: H.T.P`, `Theo T.V.D.`) rather than name a person; `ảnh:` is
    /// written with its colon.
    pub credit_words: Vec<String>,
    /// Words that credit the outlet a story is taken from (`Theo Thời
    /// Đại`, `Phương Mai Theo Bright Side`): in a byline the words after
    /// one name a person only when a source of their own follows them
    /// (`Theo Minh Hoàng (Khám Phá)`); the words before one are the author.
    pub source_words: Vec<String>,
    /// Words joining names in a list (`Lê Văn An và Trần Bình`, `cùng`):
    /// a name after one, following a name found with a cue, is a name too
    /// (rule `person.list`), and a one-word foreign name joined by one to
    /// persons already found is a name (rule `person.paired_name`).
    pub list_joiners: Vec<String>,
    /// Positions written before a player's name in a team line-up, as
    /// written (`TM` for the goalkeeper in `SLNA: TM Lê Văn An, ...`): an
    /// item of a list of names may open with one, which stays out of the
    /// name, and the item counts as a name found (rule `person.name_list`).
    pub lineup_positions: Vec<String>,
    /// Words right before a place (`ở`, `tại`, `sang`): a one-word name
    /// after one is the place of the same spelling (`sống ở Berlin`), not
    /// the person of that name met earlier.
    pub place_prepositions: Vec<String>,
    /// Lower-case particles of foreign names, as written (`al`, `bin`,
    /// `van`, `de`): inside a run of capitalised words they belong to the
    /// name (`Haider al-Abadi`, `Robin van Persie`). None may be a
    /// Vietnamese word that could stand before a capitalised one.
    pub name_particles: Vec<String>,
    /// Words between the names of a byline's authors, as written (`Thế Kha
    /// và Tuấn Hợp`); commas and dashes separate them too.
    pub byline_joiners: Vec<String>,
    /// A name of `learned/person_names.csv` is looked for without a cue
    /// (rule `person.known_name`: `Trấn Thành` alone) when the corpus wrote
    /// it with a cue in at least this many articles ...
    pub learned_name_min_cued_articles: u64,
    /// ... and with a cue in at least this share of its mentions (0 to 1).
    pub learned_name_min_cue_share: f64,
    /// A one-word learned name (`Paulinho`) needs at least this many
    /// mentions after an honorific or profession (`tiền vệ Paulinho`): after
    /// a title, one word is often a company (`Chủ tịch Oceanbank`); and it
    /// must be foreign (a Vietnamese given name alone is also a word).
    pub learned_single_name_min_honorific: u64,
    /// A name of the batch evidence (seen after an honorific or a title in
    /// other articles of the batch: `vnextract gather`, `--evidence`,
    /// `stream --batch`) is looked for without a cue when seen so in at
    /// least this many articles.
    pub batch_name_min_articles: u64,
    /// The same for a one-word name (`Paulinho`): one cue may be a
    /// misreading (`võ sư Taekwondo`), several articles are needed.
    pub batch_single_name_min_articles: u64,
    /// Words after which a capitalised run is a place, a unit, a company,
    /// an outlet or a competition rather than a person (`tại Paris`,
    /// `giải Premier League`): counted against a batch name.
    pub batch_against_words: Vec<String>,
    /// Common surnames written without diacritics (`Nguyen`, `Tran`),
    /// leaving out those that are also English or other words (`Le`,
    /// `Do`, `Ho`, `Van`): a name they lead is found like a full name.
    #[serde(default)]
    pub unaccented_surnames: Vec<String>,
    /// A batch name is used only when at least this share of the batch's
    /// articles that write it cue it (a city cued once by mistake is
    /// written bare in hundreds).
    pub batch_name_min_cue_share: f64,
    /// ... and at most this share write it after a word of
    /// `batch_against_words`.
    pub batch_name_max_against_share: f64,
}
