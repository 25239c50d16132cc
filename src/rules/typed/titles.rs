//! `rules/titles.json`: what makes a role from `lexicon/titles.csv`
//! generic, which words a title takes before and after its role, and the
//! words linking allows between a title and its holder.
//! The rules have no pattern: the code reports `title.office`,
//! `title.with_unit` or `title.with_place`.

use super::examples::TitleExample;
use super::{Checker, PlainRule, RuleKind, patterns_only_in};
use crate::rules::RuleError;
use serde::Deserialize;

/// The kind of `rules/titles.json`.
#[derive(Debug, Clone, Copy)]
pub struct Titles;

impl RuleKind for Titles {
    const PATH: &'static str = "titles.json";
    const TYPE: &'static str = "title";
    type Settings = TitleSettings;
    type Rule = PlainRule<TitleExample>;

    fn validate(_: &Self::Settings, rules: &[Self::Rule], c: &Checker) -> Result<(), RuleError> {
        patterns_only_in(rules, &[], c)
    }
}

/// `settings` of `titles.json`. Words are matched case-insensitively, as
/// whole words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleSettings {
    /// Words right before a role that make it generic or plural (`các
    /// Phó Chủ tịch`, `hội nghị Bí thư`, `dàn HLV`) or a part played
    /// (`vai hoàng hậu`): no title.
    pub generic_before: Vec<String>,
    /// Longer phrases ending in a `generic_before` word that do not make
    /// the role generic (`chính phủ` before `Tổng thống`).
    pub generic_except: Vec<String>,
    /// Words right after a role that make it a syllable of a longer noun
    /// (`quán` of `Đại sứ quán`): no title.
    pub compound_after: Vec<String>,
    /// Words right after a role that make it generic (`Chủ tịch các xã`).
    pub generic_after: Vec<String>,
    /// Level words that, with the place after them, make a bare place
    /// attached to a role (`Chủ tịch tỉnh Quảng Trị`).
    pub place_levels: Vec<String>,
    /// Roles that count only with a unit, a place or a name after them
    /// (`đại biểu`, `thư ký`).
    pub weak_roles: Vec<String>,
    /// Words kept after a role as part of it (`Thường trực`, `danh dự`).
    pub role_suffixes: Vec<String>,
    /// Roles that serve another office named right after them (`Trợ lý
    /// Chủ tịch nước`): one title.
    pub serving_roles: Vec<String>,
    /// Envoys whose posting follows (`Đại sứ Việt Nam tại Nhật Bản`).
    pub posted_roles: Vec<String>,
    /// Roles that take a portfolio from `role_domains` (`Bộ trưởng`).
    pub domain_roles: Vec<String>,
    /// Portfolios written after a role as part of it (`Bộ trưởng Ngoại
    /// giao`): not a unit, not a name.
    pub role_domains: Vec<String>,
    /// Words kept before a role as part of it (`quyền`).
    pub role_prefixes: Vec<String>,
    /// Longer words ending in a role prefix that are no part of the role
    /// (`chính quyền Tổng thống ...`: the administration, not acting).
    pub role_prefix_except: Vec<String>,
    /// The word that makes a deputy of a role (`Phó`): the roles marked
    /// `deputy` in `lexicon/titles.csv` are listed with it too (`Phó Bí
    /// thư`), and no one holds both a role and its deputy's.
    pub deputy_word: String,
    /// Words right after a role that leave it bare: what follows is not its
    /// unit or place (`của`: `Giám đốc của công ty`).
    pub no_unit_after: Vec<String>,
    /// Words between an envoy's country and the place of the posting
    /// (`tại`: `Đại sứ Việt Nam tại Nhật Bản`), after `posted_roles`.
    pub posting_words: Vec<String>,
    /// Words joining titles listed together (`Bí thư và Phó Bí thư`); with
    /// commas, they make a list of bare roles (see `plural_after_list`) or
    /// of categories of office.
    pub list_joiners: Vec<String>,
    /// Words after bare roles listed together that make them categories,
    /// not titles (`Bí thư, Phó Bí thư, cấp ủy các chi bộ`).
    pub plural_after_list: Vec<String>,
    /// Words allowed between a title and the name of its holder, and
    /// between the titles of one chain: `kiêm`, `nguyên`, forms of address
    /// (`Bộ trưởng, kiêm Chủ tịch ..., ông Lê Văn An`).
    pub holder_joiners: Vec<String>,
    /// Abbreviated professions glued after an abbreviated degree, between
    /// it and the holder's name (`TS.BS Lê Thị Lan`, `PGS.BS. Đào An`):
    /// not titles themselves (professions), but no break in the link.
    pub professions_after_degree: Vec<String>,
    /// Words for a former holder (`nguyên`, `cựu`), allowed between the
    /// titles of a list of categories of office.
    pub former_words: Vec<String>,
    /// Roles that are also epithets (`nữ hoàng nhan sắc`, `vua phá
    /// lưới`): written in lower case, they are titles only with a
    /// capitalised word (a name, a place) right after them.
    pub epithet_roles: Vec<String>,
    /// Words right after a role that make it a class of office, not one
    /// person's (`phó phòng cấp sở`, `Chủ tịch cấp xã`), or a profession
    /// (`huấn luyện viên thể hình`, `HLV nhí`): no title.
    pub class_after: Vec<String>,
    /// Short country names written right after a foreign office (`Thủ
    /// tướng Nhật`): part of the title's span, never of the holder's name.
    pub country_short_forms: Vec<String>,
    /// Words that make a role plural or indefinite even with a former word
    /// in between (`hai cựu Ngoại trưởng`, `một cựu thủ tướng`); other
    /// generic words do not reach past it (`gồm cựu Thủ tướng ...`).
    pub plural_before_former: Vec<String>,
    /// Words that make a role indefinite (`một tổng thống mới nhậm
    /// chức`), a vacancy or a hire (`tuyển phó giám đốc`, `thuê huấn
    /// luyện viên`) unless a capitalised word (a name, a unit, a place) follows
    /// it (`một Tổng thống Donald Trump`).
    pub indefinite_before: Vec<String>,
    /// Words for a country named before, kept after a role as its place
    /// (`Tổng thống nước này`).
    pub place_phrases: Vec<String>,
    /// Seats that stand for an office, capitalised after a role as its
    /// place (`người phát ngôn Nhà Trắng`, `Điện Kremlin`): in the span,
    /// no unit, never the holder's name.
    pub seats: Vec<String>,
    /// Heads of a settlement named after the role (`Trưởng thôn`,
    /// `Trưởng ấp`): the capitalised words or the number after them are
    /// the settlement, a place in the span (`trưởng thôn Đồng Tâm`), unless
    /// they are a full name, the holder's (`trưởng thôn Lê Văn An`).
    pub settlement_roles: Vec<String>,
    /// Roles that serve a team (`HLV`, `huấn luyện viên trưởng`): the team
    /// written after them (`U23 Việt Nam`, `đội tuyển futsal Thái Lan`)
    /// stays in the span, with no unit.
    pub team_roles: Vec<String>,
    /// Words that open a team's name after a `team_roles` role (`đội
    /// tuyển`, `ĐT`).
    pub team_words: Vec<String>,
    /// Words of a team's name after its country or age group, in any case
    /// (`Quốc gia`, `nữ`: `U.20 Quốc gia`, `Việt Nam nữ`).
    pub team_suffixes: Vec<String>,
    /// Words before a title that make it the object of a phrase (`của`:
    /// `chuyến thăm của Bí thư, anh An viết`): a name after a comma is
    /// not its holder.
    pub object_markers: Vec<String>,
    /// Words that close a unit read on inside a title (`của`, `thuộc`:
    /// `trưởng văn phòng thiết kế Calty của Toyota`).
    pub run_on_ends: Vec<String>,
    /// Lower-case or foreign words that open a unit after a bare role, as
    /// the unit heads of the lexicon do (`chuỗi`, `hãng`, `LHP`: `Giám
    /// đốc chuỗi Organica`).
    pub run_on_nouns: Vec<String>,
    /// Most lower-case words a title reads on after its unit.
    pub run_on_max_words: usize,
    /// Most capitalised words of a name read after a unit word.
    pub run_on_max_name_words: usize,
    /// Compounds whose last syllable is the first of a role written in
    /// lower case right after them (`tuân thủ` + `thủ hiến` in `tuân thủ
    /// Hiến pháp`): no title there.
    pub compound_before: Vec<String>,
}
