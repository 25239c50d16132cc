//! Word lists and patterns of `rules/units.json` and the lexicon, compiled
//! once per engine.

use super::super::lexicon::{Lexicon, WordList, lowercase};
use super::learned::Learned;
use crate::extract::lexicon::FnvMap;
use crate::rules::lists::{AbbreviationKind, PlaceKind, UnitCategory};
use crate::rules::typed::Units;
use crate::rules::typed::units::UnitSettings;
use crate::rules::{Loaded, RuleError, RuleFile, RuleSources};
use crate::text::{ListSetBuilder, Listed, fold_str};
use regex::Regex;
use std::collections::HashMap;

/// What a head says of the body it names, for the checks that depend on
/// its kind (a news outlet in a credit, a company, numbered bodies).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadKind {
    /// A head of `unit_heads.csv`, or an abbreviation expanding to one.
    Listed(UnitCategory),
    /// A name of `known_names`, a unit by itself (`ASEAN`).
    KnownName,
    /// A company name of `learned/brands.csv` (`Samsung`): a unit by
    /// itself, unless it names a product (`Nokia 9`, `chiếc Samsung`).
    Brand,
    /// An abbreviation whose expansion starts with no head.
    Unknown,
}

impl HeadKind {
    /// A generic head (`Hội đồng`), taken as of the same kind as any other.
    pub fn is_generic(self) -> bool {
        self == HeadKind::Listed(UnitCategory::Other)
    }
}

/// What a head word (or a name used as a head) is.
#[derive(Debug, Clone)]
pub struct HeadInfo {
    /// As listed, in its usual capitalisation (for values).
    pub canonical: String,
    pub kind: HeadKind,
    /// A unit by itself, with nothing after it (`Quốc hội`, `Tỉnh ủy`).
    pub standalone: bool,
}

/// An abbreviation that names a unit or a part of a unit name.
#[derive(Debug, Clone)]
pub struct AbbrInfo {
    /// As written (case matters: `UBND`, `Bộ GD&ĐT`).
    pub form: String,
    pub expansion: String,
    /// A unit by itself (`UBND`, `ASEAN`), not only a name part (`GD&ĐT`).
    pub standalone: bool,
    /// Its expansion starts with a head word (`CLB` for `Câu lạc bộ`): it
    /// may start a unit name; name parts (`GD&ĐT`) may not.
    pub starts_unit: bool,
    /// The kind of the head its expansion starts with.
    pub kind: HeadKind,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub heads: Listed,
    pub head_info: Vec<HeadInfo>,
    /// Heads that also start a unit when written in lower case
    /// (`trường Nam Trung Yên`, `công an huyện`).
    pub lower_heads: Listed,
    /// Heads that qualify the body after them (`Thường trực Thành ủy`): in
    /// a chain of titles they belong to the title instead.
    pub prefix_heads: Listed,
    pub abbrs: Listed,
    pub abbr_info: Vec<AbbrInfo>,
    /// Every expandable short form (units and places), for values.
    pub expansions: Listed,
    pub expansion_info: Vec<(String, String)>,
    /// Canonical spellings of heads, expansions and level words (values).
    pub canon: Listed,
    pub canon_forms: Vec<String>,
    pub places: Listed,
    pub place_is_level: Vec<bool>,
    /// Level words that may follow a unit (`tỉnh`, `TP`, `huyện`).
    pub levels: Listed,
    /// Level words that must be written in capitals (`TP`, `TX.`).
    pub upper_levels: Vec<String>,
    /// Level word + next word that is an ordinary word (`xã hội`).
    pub level_compounds: Listed,
    pub titles: Listed,
    pub surnames: Listed,
    /// Lower-case words and phrases allowed inside names.
    pub name_words: Listed,
    /// Lower-case words that always end a name.
    pub stop_words: Listed,
    /// Words that turn a head into an ordinary word (`Ban hành`, `Hội nghị`).
    pub not_after_head: Listed,
    /// Of those, the ones that make a role of any head (`viên`, `trưởng`).
    pub role_suffixes: Listed,
    /// Words before a head that make it generic or plural (`các`, `những`).
    pub plural_before: Listed,
    /// Words after a unit that make it a class (`UBND cấp tỉnh`).
    pub class_after: Listed,
    /// Words after a name that make it an event (`AFF Cup`, `UEFA
    /// Champions League`): no unit there.
    pub event_after: Listed,
    /// Names joined by `và` that are one body (`HĐND và UBND`).
    pub joined: Listed,
    /// Words before a lower-case head that make one word with it
    /// (`thị trường`, `Tây Ban Nha`).
    pub head_compounds: Listed,
    /// Capitalised words that end a name (document kinds: `Quy định`).
    pub cap_stops: Listed,
    pub honorifics: Listed,
    /// Heads that take `tại` and a place (`Đại sứ quán Việt Nam tại Singapore`).
    pub at_place_heads: Vec<String>,
    /// Legal forms of companies (`cổ phần`, `TNHH`): not a name by themselves.
    pub company_forms: Listed,
    /// Every abbreviation of the lexicon, any kind (not redefined by articles).
    pub all_abbreviations: Vec<String>,
    /// Heads never bridged to a name over lower-case words (`Vụ` is also
    /// `an affair`).
    pub no_bridge_heads: Vec<String>,
    /// Names that start like a unit but are places or people (`Đài Loan`).
    pub not_units: Listed,
    /// Categories of heads numbered without a name (`Chi bộ 4`, `Quân khu 7`).
    pub numbered_categories: Vec<UnitCategory>,
    pub term: Regex,
    pub police_code: Regex,
    /// Words for a kind of company (`nhà mạng`, `hãng`), after which a
    /// capitalised name is a company's short name (`nhà mạng Vinaphone`).
    pub short_name_cue: Regex,
    /// Cue words after which an all-capitals word is a brand (`hãng BMW`);
    /// after the others it is a kind (`doanh nghiệp CNHT`, `CLB TDTT`).
    pub short_name_cue_caps: Vec<String>,
    /// Heads that make a unit only with a place in its name (`đội tuyển
    /// Việt Nam`, not `đội tuyển Vật lý`).
    pub place_named_heads: Vec<String>,
    /// A foreign company or institution named with its English kind word
    /// last (`Deutsche Bank`, `Fortress Investment Group`).
    pub foreign_name: Regex,
    /// Those kind words (`Bank`, `Group`), as written: a quick literal
    /// search that says which lines may hold such a name.
    pub foreign_kinds: Regex,
    /// Words after a kind word that are not a company's name (`FDI`).
    pub not_short_names: Vec<String>,
    pub max_bridge: usize,
    /// What the first word (leading run of letters and digits, lower
    /// case) of a word may start (`KEY_*` bits): one cheap lookup rules
    /// out most words of an article before any word list is asked.
    pub start_keys: FnvMap<u8>,
    /// Sports clubs (abbreviations of kind `club`), matched as written,
    /// and what each stands for.
    pub clubs: Listed,
    pub club_info: Vec<(String, String)>,
    /// Words that say an article is about sport, and how many different
    /// ones it must use before club names are read as units.
    pub sports_words: Listed,
    pub sports_min_words: usize,
    /// Words that end a club's name (`Hà Nội FC`), as written.
    pub club_suffixes: Vec<String>,
    /// Words joining two parts of one name (`và`).
    pub name_joiners: Listed,
    /// Words between a unit of `at_place_heads` and its place (`tại`).
    pub at_place_words: Listed,
    /// Words before a number that is part of a name (`số`).
    pub number_words: Listed,
    /// Words for a branch (`cơ sở`) that a number or a name completes.
    pub branch_words: Listed,
    /// Name words that name a body after a long head (`trung ương`).
    pub scope_words: Listed,
    pub scope_head_min_words: usize,
    /// Words before a brand that make it a product (`chiếc`, `xe`).
    pub product_words: Listed,
    /// Words before an outlet that make it a story's source (`theo`).
    pub source_words: Listed,
    /// What the corpus taught (`rules/learned/`).
    pub learned: Learned,
}

/// The leading run of letters and digits of `s` (`tp` of `tp.hcm`).
pub fn start_key(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut end = 0;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            end += 1;
            continue;
        }
        match s[end..].chars().next() {
            Some(c) if crate::text::chars::is_alnum(c) => end += c.len_utf8(),
            _ => break,
        }
    }
    &s[..end]
}

/// A head or abbreviation starts with the word.
pub const KEY_UNIT: u8 = 1;
/// A head written in lower case starts with it.
pub const KEY_LOWER: u8 = 2;
/// A known club starts with it (case aside).
pub const KEY_CLUB: u8 = 4;

/// Words of a setting with tone marks folded like the working text.
fn fold(words: &[String]) -> Vec<String> {
    words.iter().map(|w| fold_str(w)).collect()
}

fn fold_words(words: &[String]) -> WordList {
    WordList::new(fold(words))
}

impl Config {
    pub fn new(
        sources: &RuleSources,
        units: &Loaded<Units>,
        lex: &Lexicon,
        lists: &mut ListSetBuilder,
    ) -> Result<Config, RuleError> {
        let (file, s) = (&units.file, &units.settings);
        let learned = Learned::new(sources, &s.learned, lists)?;
        let (heads, head_info) = heads(s, lex, &learned.brand_names);
        let head_index: HashMap<String, usize> = heads
            .words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), i))
            .collect();
        let not_standalone: Vec<String> = fold(&s.abbreviations_not_standalone);
        let mut abbr_info = Vec::new();
        let mut expansion_info = Vec::new();
        for row in lex.abbreviations.iter().chain(&lex.batch_abbreviations) {
            let (form, expansion) = (fold_str(&row.abbr), fold_str(&row.expansion));
            if matches!(row.kind, AbbreviationKind::Unit | AbbreviationKind::Place) {
                expansion_info.push((form.clone(), expansion.clone()));
            }
            if row.kind != AbbreviationKind::Unit {
                continue;
            }
            let head = heads.at(&lowercase(&expansion), 0);
            let exact = head_index
                .get(&lowercase(&expansion))
                .map(|&i| &head_info[i]);
            let standalone = !not_standalone.contains(&form)
                && (exact.is_some_and(|h| h.standalone)
                    || (exact.is_none() && head.is_some())
                    || expansion == form);
            let kind = head.map_or(HeadKind::Unknown, |h| head_info[h.index].kind);
            abbr_info.push(AbbrInfo {
                form,
                expansion,
                standalone,
                starts_unit: head.is_some(),
                kind,
            });
        }
        let abbrs = WordList::new(abbr_info.iter().map(|a| a.form.as_str()));
        let expansions = WordList::new(expansion_info.iter().map(|(f, _)| f.as_str()));
        let mut canon_forms: Vec<String> = head_info.iter().map(|h| h.canonical.clone()).collect();
        canon_forms.extend(abbr_info.iter().map(|a| a.expansion.clone()));
        canon_forms.extend(fold(&s.canonical_words));
        canon_forms.retain(|f| !f.trim().is_empty());
        let places = WordList::new(lex.places.words.iter().map(|w| fold_str(w)));
        let place_is_level = lex
            .place_kinds
            .iter()
            .map(|k| *k == PlaceKind::Level)
            .collect();
        let upper_levels = fold(&s.upper_case_levels);
        let mut levels = fold(&s.levels);
        levels.extend(upper_levels.iter().cloned());
        let lower_heads = fold_words(&s.lower_case_heads);
        let mut start_keys = FnvMap::default();
        let mut mark = |word: &str, bit: u8| {
            *start_keys.entry(lowercase(start_key(word))).or_insert(0) |= bit;
        };
        for w in heads.words.iter().chain(abbrs.words.iter()) {
            mark(w, KEY_UNIT);
        }
        for w in &lower_heads.words {
            mark(w, KEY_LOWER);
        }
        for a in abbr_info
            .iter()
            .filter(|a| a.form.starts_with(char::is_lowercase))
        {
            mark(&a.form, KEY_LOWER);
        }
        let club_info: Vec<(String, String)> = lex
            .abbreviations
            .iter()
            .filter(|row| row.kind == AbbreviationKind::Club)
            .map(|row| (fold_str(&row.abbr), fold_str(&row.expansion)))
            .collect();
        for (f, _) in &club_info {
            mark(f, KEY_CLUB);
        }
        let mut reg = |l: WordList| Listed::new(l, lists);
        Ok(Config {
            clubs: reg(WordList::new(club_info.iter().map(|(f, _)| f.as_str()))),
            club_info,
            sports_words: reg(WordList::new(fold(&s.sports_words))),
            club_suffixes: s.club_suffixes.clone(),
            sports_min_words: s.sports_min_words,
            start_keys,
            heads: reg(heads),
            head_info,
            lower_heads: reg(lower_heads),
            prefix_heads: reg(fold_words(&s.prefix_heads)),
            abbrs: reg(abbrs),
            abbr_info,
            expansions: reg(expansions),
            expansion_info,
            canon: reg(WordList::new(canon_forms.iter())),
            canon_forms,
            places: reg(places),
            place_is_level,
            levels: reg(WordList::new(levels)),
            upper_levels,
            level_compounds: reg(fold_words(&s.level_compounds)),
            titles: reg(lex.titles.clone()),
            surnames: reg(lex.surnames.clone()),
            name_words: reg(fold_words(&s.name_words)),
            stop_words: reg(fold_words(&s.stop_words)),
            not_after_head: reg(fold_words(&s.not_after_head)),
            role_suffixes: reg(fold_words(&s.role_suffixes)),
            plural_before: reg(fold_words(&s.plural_before)),
            class_after: reg(fold_words(&s.class_after)),
            event_after: reg(fold_words(&s.event_after)),
            joined: reg(fold_words(&s.joined_names)),
            head_compounds: reg(fold_words(&s.head_compounds)),
            cap_stops: reg(fold_words(&s.capitalised_stop_words)),
            honorifics: reg(lex.honorifics.clone()),
            at_place_heads: fold(&s.at_place_heads)
                .iter()
                .map(|w| lowercase(w))
                .collect(),
            not_units: reg(fold_words(&s.not_units)),
            no_bridge_heads: fold(&s.no_bridge_heads)
                .iter()
                .map(|w| lowercase(w))
                .collect(),
            company_forms: reg(fold_words(&s.company_forms)),
            all_abbreviations: lex
                .abbreviations
                .iter()
                .map(|row| fold_str(&row.abbr))
                .collect(),
            numbered_categories: s.numbered_categories.clone(),
            term: file.compile_setting("term", &s.term)?,
            police_code: file.compile_setting("police_code", &s.police_code)?,
            short_name_cue: file.compile_setting("short_name_cue", &s.short_name_cue)?,
            short_name_cue_caps: fold(&s.short_name_cue_caps),
            place_named_heads: fold(&s.place_named_heads)
                .iter()
                .map(|w| lowercase(w))
                .collect(),
            foreign_name: file.compile_setting("foreign_name", &s.foreign_name)?,
            foreign_kinds: foreign_kinds(file)?,
            not_short_names: fold(&s.not_short_names),
            max_bridge: s.max_bridge,
            name_joiners: reg(fold_words(&s.name_joiners)),
            at_place_words: reg(fold_words(&s.at_place_words)),
            number_words: reg(fold_words(&s.number_words)),
            branch_words: reg(fold_words(&s.branch_words)),
            scope_words: reg(fold_words(&s.scope_words)),
            scope_head_min_words: s.scope_head_min_words,
            product_words: reg(fold_words(&s.product_words)),
            source_words: reg(fold_words(&s.source_words)),
            learned,
        })
    }
}

/// Head words from the lexicon, plus the known names of `units.json`.
fn heads(s: &UnitSettings, lex: &Lexicon, brands: &[String]) -> (WordList, Vec<HeadInfo>) {
    let mut info: Vec<HeadInfo> = lex
        .unit_head_rows
        .iter()
        .map(|r| HeadInfo {
            canonical: fold_str(&r.head),
            kind: HeadKind::Listed(r.category),
            standalone: r.standalone,
        })
        .collect();
    let known = fold(&s.known_names);
    let learned = brands.iter().filter(|b| !known.contains(b)).cloned();
    let kinds = std::iter::repeat_n(HeadKind::KnownName, known.len());
    let kinds = kinds.chain(std::iter::repeat(HeadKind::Brand));
    for (name, kind) in known.clone().into_iter().chain(learned).zip(kinds) {
        info.push(HeadInfo {
            canonical: name,
            kind,
            standalone: true,
        });
    }
    let words = WordList::new(info.iter().map(|h| h.canonical.as_str()));
    (words, info)
}

/// The kind words of `foreign_name` (macro `FOREIGN_KIND`: `Bank|Group`).
fn foreign_kinds(file: &RuleFile) -> Result<Regex, RuleError> {
    let kinds = file
        .expand("{FOREIGN_KIND}")
        .map_err(|m| file.error(0, m))?;
    Regex::new(&kinds).map_err(|e| file.error(0, format!("macro FOREIGN_KIND: {e}")))
}
