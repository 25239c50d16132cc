//! `rules/units.json`: the word lists and patterns the unit extractor
//! reads names with. The rules have no pattern: the code reports which
//! one found a unit (`unit.head_name`, `unit.abbreviation`...).

use super::examples::UnitExample;
use super::{Checker, PlainRule, RuleKind, patterns_only_in, setting};
use crate::rules::RuleError;
use crate::rules::lines::Step;
use crate::rules::lists::UnitCategory;
use serde::Deserialize;

/// The kind of `rules/units.json`.
#[derive(Debug, Clone, Copy)]
pub struct Units;

impl RuleKind for Units {
    const PATH: &'static str = "units.json";
    const TYPE: &'static str = "unit";
    type Settings = UnitSettings;
    type Rule = PlainRule<UnitExample>;

    fn validate(s: &UnitSettings, rules: &[Self::Rule], c: &Checker) -> Result<(), RuleError> {
        patterns_only_in(rules, &[], c)?;
        let patterns = [
            ("term", &s.term),
            ("police_code", &s.police_code),
            ("short_name_cue", &s.short_name_cue),
            ("foreign_name", &s.foreign_name),
        ];
        for (key, raw) in patterns {
            c.pattern(&setting(&[Step::from(key)]), raw)?;
        }
        // The kind words of `foreign_name` are also searched on their own.
        c.pattern(&[Step::from("macros")], "{FOREIGN_KIND}")?;
        Ok(())
    }
}

/// `settings` of `units.json`. Word lists are matched as whole words,
/// case-insensitively unless said otherwise; patterns are regexes (macros
/// as `{NAME}`) matched against the working text as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitSettings {
    /// Level words that may follow a unit, with their place (`tỉnh`,
    /// `huyện`: `UBND tỉnh Yên Bái`).
    pub levels: Vec<String>,
    /// Level words that count only written in capitals (`TP`, `TX.`).
    pub upper_case_levels: Vec<String>,
    /// A level word and the word after it that make an ordinary word
    /// (`xã hội`, `tỉnh táo`): no level there.
    pub level_compounds: Vec<String>,
    /// Heads that also start a unit when written in lower case (`trường
    /// Tiểu học Hòa Lạc`, `công an huyện`).
    pub lower_case_heads: Vec<String>,
    /// Heads that qualify the body after them (`Thường trực Tỉnh ủy`): in
    /// a title they belong to the role.
    pub prefix_heads: Vec<String>,
    /// Lower-case words and phrases allowed inside a name (`nhân dân`,
    /// `phòng, chống`).
    pub name_words: Vec<String>,
    /// Lower-case words that always end a name (`của`, `là`).
    pub stop_words: Vec<String>,
    /// Words right after a head that make it an ordinary word (`Ban hành`,
    /// `Hội nghị`): no unit.
    pub not_after_head: Vec<String>,
    /// Of `not_after_head`, the ones that make a role of any head
    /// (`viên`, `trưởng`: `Đoàn viên`, `Cục trưởng`).
    pub role_suffixes: Vec<String>,
    /// Words before a head that make it generic or plural (`các`, `những`).
    pub plural_before: Vec<String>,
    /// Capitalised words after a name that make it an event (`AFF Cup`,
    /// `Champions League`): no unit.
    pub event_after: Vec<String>,
    /// Words after a unit that make it a class of units (`UBND cấp tỉnh`):
    /// no unit.
    pub class_after: Vec<String>,
    /// Names joined by `và` or a dash that are one body (`HĐND và UBND`).
    pub joined_names: Vec<String>,
    /// Abbreviations of kind `unit` that are only name parts, never a unit
    /// by themselves (`CA`, `TNHH`).
    pub abbreviations_not_standalone: Vec<String>,
    /// Canonical spellings used in values besides heads and expansions
    /// (`Thành phố`, `nhân dân`).
    pub canonical_words: Vec<String>,
    /// Names that are units by themselves (`ASEAN`, `Vingroup`): rule
    /// `unit.known_name`.
    pub known_names: Vec<String>,
    /// Pattern of a term after a unit (`khóa XIII`), part of its name.
    pub term: String,
    /// Pattern of a police department code (`PC08`), a unit by itself:
    /// rule `unit.police_code`.
    pub police_code: String,
    /// Pattern of words for a kind of company (`nhà mạng`, `hãng`) after
    /// which a capitalised name is a company's short name.
    pub short_name_cue: String,
    /// Pattern of a foreign company or institution named with its English
    /// kind word last (`Westfield Bank`); the kind words are the macro
    /// `FOREIGN_KIND`.
    pub foreign_name: String,
    /// Words after a kind word, as written, that are not a company's name
    /// (`FDI`, `Premier League`).
    pub not_short_names: Vec<String>,
    /// Most lower-case words between a head and the capitalised words of
    /// its name (`Trung tâm truyền thông giáo dục sức khỏe`).
    #[serde(default = "default_max_bridge")]
    pub max_bridge: usize,
    /// Words that say an article is about sport (`cầu thủ`, `HLV`).
    pub sports_words: Vec<String>,
    /// How many different `sports_words` an article must use before club
    /// names (abbreviations of kind `club`) are read as units.
    #[serde(default = "default_sports_min_words")]
    pub sports_min_words: usize,
    /// Words that end a club's name, as written (`FC`).
    pub club_suffixes: Vec<String>,
    /// Cue words after which an all-capitals word is a brand (`hãng BMW`);
    /// after the other cues it is a kind (`doanh nghiệp CNHT`).
    pub short_name_cue_caps: Vec<String>,
    /// Heads that make a unit only with a place in the name (`Đội tuyển
    /// Việt Nam`, not `đội tuyển Hóa học`).
    pub place_named_heads: Vec<String>,
    /// Words that, before a lower-case head, make one word with it
    /// (`thị trường`, `môi trường`): no unit.
    pub head_compounds: Vec<String>,
    /// Capitalised words that end a name (document kinds: `Quy định`).
    pub capitalised_stop_words: Vec<String>,
    /// Heads that take `tại` and a place (`Đại sứ quán Việt Nam tại
    /// Singapore`).
    pub at_place_heads: Vec<String>,
    /// Categories (of unit_heads.csv) whose heads may be numbered without a
    /// name (`Chi bộ 4`, `Quân khu 7`).
    pub numbered_categories: Vec<UnitCategory>,
    /// Names that start like a unit but are places or people (`Đài Loan`,
    /// `Trường Chinh`).
    pub not_units: Vec<String>,
    /// Legal forms of companies (`cổ phần`, `TNHH`): not a name by
    /// themselves.
    pub company_forms: Vec<String>,
    /// Heads never bridged to a name over lower-case words (`Vụ` is also
    /// `an affair`).
    pub no_bridge_heads: Vec<String>,
    /// Lower-case words joining two parts of one name (`Bộ Văn hóa, Thể
    /// thao và Du lịch`, `Trung tâm Lưu trữ và Thư viện`); one word each.
    /// Skipped when the initials of a name are matched against an
    /// abbreviation in brackets (`Kế hoạch hóa gia đình và ...`).
    pub name_joiners: Vec<String>,
    /// Words between a unit of `at_place_heads` and the place it is posted
    /// at (`tại`: `Đại sứ quán Việt Nam tại Singapore`); one word each.
    pub at_place_words: Vec<String>,
    /// Words before a number that is part of a name (`số`: `Trường THCS
    /// số 2`); one word each.
    pub number_words: Vec<String>,
    /// An abbreviation other articles of the batch define in brackets
    /// after a unit's full name (`Cơ quan Chính quyền (CQCQ)`; batch
    /// evidence: `vnextract gather`, `--evidence`) is read as that unit in
    /// every article when defined so in at least this many articles.
    pub batch_abbreviation_min_articles: u64,
    /// Words for a branch of a body, part of its name when a number or a
    /// capitalised name follows (`cơ sở`: `Bệnh viện Trung ương Huế cơ sở
    /// 2`).
    #[serde(default)]
    pub branch_words: Vec<String>,
    /// Name words that name one body after a long capitalised head by
    /// themselves (`trung ương`: `Viện Vệ sinh dịch tễ trung ương`), where
    /// after a short head they may be a kind (`bệnh viện trung ương`).
    #[serde(default)]
    pub scope_words: Vec<String>,
    /// Words right before a company name of `learned/brands.csv` that make
    /// it a product (`chiếc Nokia`, `xe Honda`): no unit.
    #[serde(default)]
    pub product_words: Vec<String>,
    /// Words right before a news outlet that name it as the source of the
    /// story or picture (`Theo VTV`, `khai thác từ VTV`): no unit (spec,
    /// news media).
    #[serde(default)]
    pub source_words: Vec<String>,
    /// Words (syllables) a head needs for `scope_words` to name it.
    #[serde(default)]
    pub scope_head_min_words: usize,
    /// How much corpus evidence a row of `rules/learned/*.csv` needs before
    /// the unit scan uses it.
    pub learned: LearnedThresholds,
}

/// Thresholds on the counts of the learned files (`vnextract learn`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnedThresholds {
    /// A full name of `unit_names.csv` is read whole (to its last word,
    /// whatever its case) when it ended there in this many articles.
    pub name_min_articles: usize,
    /// A `continue` row of `unit_continuations.csv` lets its lower-case
    /// word continue a name after `before` when it did so in this many
    /// articles...
    pub continue_min_articles: usize,
    /// ... and at least this many times as often as a name ended before it.
    pub continue_min_ratio: f64,
    /// A `stop` row ends a name (no lower-case syllable after a capitalised
    /// word takes it) when it started a predicate after this many names.
    pub stop_min_ends: usize,
    /// A name of `brands.csv` is a company used bare (rule
    /// `unit.known_name`) when this many articles named it as a company...
    pub brand_min_company_articles: usize,
    /// ... and this many as the subject of an actor verb.
    pub brand_min_subject_articles: usize,
    /// Brands of `brands.csv` never read as units (products, media
    /// outlets, investment kinds, places).
    pub not_brands: Vec<String>,
}

fn default_max_bridge() -> usize {
    4
}

fn default_sports_min_words() -> usize {
    3
}
