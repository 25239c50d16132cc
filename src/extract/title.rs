//! Titles held by people (`rules/titles.json`, `rules/lexicon/titles.csv`).
//! See spec/entities.md, section `title`.
//!
//! A title is an office from the word list, with `quyền` before it and
//! `Thường trực` after it kept, then the unit attached to it (read by the
//! unit stage, `ctx.units`, which may start the unit on the role's last
//! word: `Trưởng ban Tổ chức ...`) or a bare place (`Chủ tịch tỉnh Yên
//! Bái`). Generic and plural mentions (`các Phó Chủ tịch`, `Bí thư, Phó Bí
//! thư, cấp ủy các chi bộ`) are left out. Every word it reads is a setting
//! of `titles.json`.

mod attached;
mod generic;
mod run_on;
mod team;

use super::Ctx;
use super::lexicon::{Lexicon, TitleRow, WordList, entries_at, folded, lowercase};
use crate::model::{Entity, EntityType, Fields};
use crate::rules::lists::{PlaceKind, TitleCategory};
use crate::rules::typed::Titles;
use crate::rules::{RuleError, RuleSources};
use crate::text::chars::{is_name_shaped, skip_spaces};
use crate::text::wordlists::{WordSet, word_before};
use crate::text::{ListId, ListSetBuilder, Listed};
use std::collections::HashSet;

const RULE_OFFICE: &str = "title.office";

const RULE_WITH_UNIT: &str = "title.with_unit";

const RULE_WITH_PLACE: &str = "title.with_place";

pub struct TitleExtractor {
    titles: ListId,
    /// The entries of `titles`, lower-cased, in row order.
    title_words: Vec<String>,
    rows: Vec<TitleRow>,
    places: ListId,
    surnames: ListId,
    honorifics: ListId,
    /// Words before a role that make it generic (`các`, `những`).
    generic_before: WordSet,
    /// Longer phrases ending in a `generic_before` word that do not make
    /// the role generic (`chính phủ`).
    generic_except: WordSet,
    /// Words that make a role a syllable of a longer noun (`Đại sứ quán`).
    compound_after: ListId,
    /// Words right after a role that make it generic (`các bộ`).
    generic_after: ListId,
    /// Level words that make a bare place (`tỉnh`, `quận`).
    levels: ListId,
    /// Roles that count only with a unit, a place or a name after them.
    weak: HashSet<String>,
    /// Words kept after a role as part of it (`Thường trực`).
    role_suffixes: ListId,
    /// Words kept before a role (`quyền`).
    role_prefixes: WordSet,
    /// Longer words ending in a role prefix (`chính quyền`).
    role_prefix_except: WordSet,
    /// Portfolios written after a role as part of it (`Bộ trưởng Ngoại
    /// giao`, `Bộ trưởng Tài chính Đức`): not a unit, not a name.
    role_domains: ListId,
    /// Roles that take a portfolio (`bộ trưởng`, `cố vấn`).
    domain_roles: Vec<String>,
    /// Roles that serve another office named right after them (`Trợ lý
    /// Chủ tịch nước`): one title.
    serving_roles: Vec<String>,
    /// Envoys whose posting follows (`Đại sứ Việt Nam tại Trung Quốc`).
    posted_roles: Vec<String>,
    /// Words between an envoy's country and the place of the posting
    /// (`tại`).
    posting_words: Listed,
    /// Words right after a role that leave it without a unit (`của`).
    no_unit_after: Listed,
    /// Words joining bare roles listed together (`và`).
    list_joiners: Listed,
    /// Words after bare roles listed together that make them categories
    /// (`cấp ủy`, `các`).
    plural_after_list: Listed,
    /// Roles that are also epithets when written in lower case (`nữ
    /// hoàng nhan sắc`).
    epithets: HashSet<String>,
    /// Words after a role that make it a class of office (`cấp sở`).
    class_after: Listed,
    /// Short country names that follow a foreign office (`Nhật`).
    country_short_forms: ListId,
    /// Former words (`cựu`) between a generic word and the role (`hai
    /// cựu Ngoại trưởng`).
    former_words: WordSet,
    /// Plural words that reach past a former word (`hai cựu`).
    plural_before_former: WordSet,
    /// Words that make a role indefinite when nothing capitalised follows
    /// it (`một`).
    indefinite_before: WordSet,
    /// Places that are countries or regions (by index of `places`): never
    /// taken for a place named after a person (`Vương quốc Anh`).
    country_places: Vec<bool>,
    /// Places that are level words (`bang`), written in lower case.
    level_places: Vec<bool>,
    /// Words for a country already named (`nước này`) that stay in the
    /// span of a role before them.
    place_phrases: ListId,
    /// Seats standing for an office (`Nhà Trắng`), kept after a role.
    seats: ListId,
    /// Roles that serve a team named after them (`HLV`), lower-cased.
    team_roles: Vec<String>,
    /// Heads of a settlement named after them (`trưởng thôn`), lower-cased.
    settlement_roles: Vec<String>,
    /// Words that open a team's name (`đội tuyển`, `ĐT`).
    team_words: Listed,
    /// Words of a team's name in any case (`Quốc gia`, `nữ`).
    team_suffixes: Listed,
    /// Syllables that make a compound with a lower-case role's first
    /// syllable (`tuân` of `tuân thủ`).
    compound_before: WordSet,
    /// What a title reads its unit on with (`run_on.rs`).
    run_on: run_on::RunOn,
}

/// A title being built: byte ranges of the whole span and of its parts.
struct Found {
    start: usize,
    role_end: usize,
    end: usize,
    unit: Option<(usize, usize, String)>,
    place: bool,
}

impl Found {
    /// Only a role: no unit, no place, nothing after it.
    fn is_bare(&self) -> bool {
        self.unit.is_none() && !self.place && self.end == self.role_end
    }
}

impl TitleExtractor {
    pub fn new(
        sources: &RuleSources,
        lex: &Lexicon,
        lists: &mut ListSetBuilder,
    ) -> Result<TitleExtractor, RuleError> {
        let s = sources.load::<Titles>()?.settings;
        let set = |words: &[String]| WordSet::new(&WordList::new(words));
        let lower =
            |words: &[String]| -> Vec<String> { words.iter().map(|w| lowercase(w)).collect() };
        let unit_heads = lists.add_list(&lex.unit_heads);
        let needs_name = lex.unit_head_rows.iter().map(|r| !r.standalone).collect();
        let run_on = run_on::RunOn::new(sources, &s, unit_heads, needs_name, lists)?;
        Ok(TitleExtractor {
            compound_before: set(&s.compound_before),
            run_on,
            title_words: lex.titles.words.clone(),
            rows: lex.title_rows.clone(),
            generic_before: set(&s.generic_before),
            generic_after: lists.add(&s.generic_after),
            compound_after: lists.add(&s.compound_after),
            generic_except: set(&s.generic_except),
            levels: lists.add(&s.place_levels),
            weak: lower(&s.weak_roles).into_iter().collect(),
            role_suffixes: lists.add(&s.role_suffixes),
            role_prefixes: set(&s.role_prefixes),
            role_prefix_except: set(&s.role_prefix_except),
            role_domains: lists.add(&s.role_domains),
            serving_roles: lower(&s.serving_roles),
            posted_roles: lower(&s.posted_roles),
            titles: lists.add_list(&lex.titles),
            places: lists.add_list(&lex.places),
            surnames: lists.add_list(&lex.surnames),
            honorifics: lists.add_list(&lex.honorifics),
            domain_roles: lower(&s.domain_roles),
            posting_words: Listed::new(folded(&s.posting_words), lists),
            no_unit_after: Listed::new(folded(&s.no_unit_after), lists),
            list_joiners: Listed::new(folded(&s.list_joiners), lists),
            plural_after_list: Listed::new(folded(&s.plural_after_list), lists),
            epithets: lower(&s.epithet_roles).into_iter().collect(),
            class_after: Listed::new(folded(&s.class_after), lists),
            country_short_forms: lists.add(&s.country_short_forms),
            former_words: set(&s.former_words),
            plural_before_former: set(&s.plural_before_former),
            indefinite_before: set(&s.indefinite_before),
            country_places: lex
                .place_kinds
                .iter()
                .map(|k| matches!(k, PlaceKind::Country | PlaceKind::Region))
                .collect(),
            level_places: lex
                .place_kinds
                .iter()
                .map(|k| matches!(k, PlaceKind::Level))
                .collect(),
            place_phrases: lists.add(&s.place_phrases),
            seats: lists.add(&s.seats),
            team_roles: lower(&s.team_roles),
            settlement_roles: lower(&s.settlement_roles),
            team_words: Listed::new(folded(&s.team_words), lists),
            team_suffixes: Listed::new(folded(&s.team_suffixes), lists),
        })
    }

    /// Titles of one article, with the units the unit stage read after
    /// their roles (`ctx.units`).
    pub fn extract(&self, ctx: &Ctx, found: &mut Vec<Entity>) {
        let work = ctx.work();
        let lower = ctx.lower();
        let mut unit_spans: Vec<(usize, usize)> = found
            .iter()
            .filter(|e| e.etype == EntityType::Unit)
            .map(|e| (e.start, e.end))
            .collect();
        // By start, each end raised to the furthest so far: whether a role
        // word lies inside a unit is one binary search, not a scan.
        unit_spans.sort_unstable();
        let mut furthest = 0;
        for span in &mut unit_spans {
            furthest = furthest.max(span.1);
            span.1 = furthest;
        }
        // Epithet roles written somewhere in the article capitalised with
        // a name after them (`Nữ hoàng Elizabeth II`): their bare
        // lower-case mentions (`nữ hoàng đã thay đổi`) mean that holder.
        // Not `nữ hoàng Kim Chi`, an epithet with a name.
        let anchored: HashSet<usize> = ctx
            .hits
            .leftmost_longest(self.titles)
            .filter(|h| self.epithets.contains(&self.title_words[h.index]))
            .filter(|h| capital_after(work, h.end))
            .filter(|h| work[h.start..].starts_with(char::is_uppercase))
            .map(|h| h.index)
            .collect();
        let mut titles: Vec<Found> = Vec::new();
        for hit in ctx.hits.leftmost_longest(self.titles) {
            if titles.last().is_some_and(|t| hit.start < t.end) {
                continue;
            }
            // A role word inside a unit name (`Văn phòng Chủ tịch nước`,
            // `Ban Thường vụ`) is part of the name.
            let before = unit_spans.partition_point(|&(s, _)| s < hit.start);
            if before > 0 && unit_spans[before - 1].1 > hit.start {
                continue;
            }
            if !self.case_fits(&work[hit.start..hit.end], hit.index)
                || self.inside_compound(ctx, hit.start)
            {
                continue;
            }
            if self.generic_or_counted(lower, hit.start)
                || self.is_indefinite(ctx, hit.start, hit.end)
                || (self.is_epithet(ctx, hit.start, hit.end, hit.index)
                    && !anchored.contains(&hit.index))
            {
                continue;
            }
            if only_space_gap(work, hit.end)
                && ctx
                    .hit(self.compound_after, skip_spaces(work, hit.end))
                    .is_some()
            {
                continue;
            }
            if let Some(t) = self.build(ctx, hit.start, hit.end, hit.index)
                && !self.levels_listed(ctx, t.end)
            {
                titles.push(t);
            }
        }
        self.drop_role_lists(ctx, &mut titles);
        self.join_serving_roles(lower, &mut titles);
        for t in titles {
            found.push(self.entity(ctx, t));
        }
    }

    /// Abbreviated roles (`GS`, `ThS`, `ĐBQH`) must be written as listed;
    /// others may start in either case but not be all capitals.
    fn case_fits(&self, surface: &str, index: usize) -> bool {
        // The word list is built from the rows in order: same index.
        let listed = self.rows.get(index).map_or("", |r| r.role.as_str());
        let uppers = listed.chars().filter(|c| c.is_uppercase()).count();
        if uppers >= 2 && !listed.contains(' ') {
            return surface == listed;
        }
        let letters: Vec<char> = surface.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() < 3 || letters.iter().any(|c| c.is_lowercase())
    }

    fn build(&self, ctx: &Ctx, s: usize, e: usize, index: usize) -> Option<Found> {
        let work = ctx.work();
        let lower = ctx.lower();
        let start = word_before(lower, s, &self.role_prefixes)
            .filter(|_| word_before(lower, s, &self.role_prefix_except).is_none())
            .unwrap_or(s);
        let mut role_end = e;
        if let Some(h) = ctx
            .hit(self.role_suffixes, skip_spaces(work, e))
            .filter(|_| only_space_gap(work, e))
        {
            role_end = h.end;
        }
        let mut t = Found {
            start,
            role_end,
            end: role_end,
            unit: None,
            place: false,
        };
        let next = skip_spaces(work, role_end);
        let class = entries_at(ctx, self.class_after.id, next)
            .any(|h| !lower[h.end..].starts_with(char::is_alphanumeric));
        if class && only_space_gap(work, role_end) {
            return None;
        }
        let no_unit =
            entries_at(ctx, self.no_unit_after.id, next).any(|h| lower[h.end..].starts_with(' '));
        if no_unit || ctx.hit(self.generic_after, next).is_some() {
            return self.keep_bare(ctx, t, index);
        }
        if let Some(mut u) = self.attached_unit(ctx, s, role_end, next) {
            // `Viện Nghiên cứu` + `phát triển xã hội`: the unit read on.
            if let Some(end) = self.unit_run_on(ctx, u.0, u.1).filter(|_| u.1 > role_end) {
                u.2.push_str(&work[u.1..end]);
                u.1 = end;
            }
            // `Giám đốc WB tại Việt Nam`: the country of the posting stays.
            t.end = self
                .posting_after(ctx, u.1.max(role_end))
                .unwrap_or(u.1.max(role_end));
            t.unit = Some(u);
            return Some(t);
        }
        // `trưởng thôn Đồng Tâm`: the settlement after its head's role is a
        // place, not the holder, unless it is a full name (`trưởng thôn Lê
        // Văn An`).
        let settlement = self.settlement_roles.iter().any(|r| lower[s..e] == *r);
        if settlement && only_space_gap(work, role_end) && !self.full_name_at(ctx, next) {
            let end = self.named_after_level(ctx, role_end);
            if end > role_end {
                t.end = end;
                t.place = true;
                return Some(t);
            }
        }
        // A rank is held in an army or a force, not in a place: a name
        // after it is the holder's (`thượng úy Đức`, not Germany), unless
        // the holder's name follows the country (`Đô đốc Anh Chris Parry`).
        let rank = self
            .rows
            .get(index)
            .is_some_and(|r| r.category == TitleCategory::MilitaryRank);
        if rank
            && self
                .place_after(ctx, next)
                .is_none_or(|end| !capital_after(work, end))
        {
            return self.keep_bare(ctx, t, index);
        }
        if let Some(end) = self.team_after(ctx, &lower[s..role_end], role_end) {
            t.end = end;
            return Some(t);
        }
        let takes_domain = {
            let role = &lower[s..e];
            self.domain_roles.iter().any(|r| role.ends_with(r.as_str()))
        };
        if let Some(end) = self.domain_after(ctx, role_end).filter(|_| takes_domain) {
            // `Bộ trưởng Môi trường Pháp`: the portfolio joins the role, a
            // country or place after it stays in the span.
            t.role_end = end;
            t.end = end;
            let next = skip_spaces(work, end);
            if let Some(place_end) = self
                .place_after(ctx, next)
                .filter(|_| only_space_gap(work, end))
            {
                t.end = place_end;
                t.place = true;
            }
            t.end = self.abbreviation_after(ctx, t.end).unwrap_or(t.end);
            return Some(t);
        }
        if let Some(end) = self
            .place_after(ctx, next)
            .filter(|_| only_space_gap(work, role_end))
        {
            t.end = self.posting_end(ctx, &lower[s..e], end);
            t.place = true;
            return Some(t);
        }
        // `Giám đốc chuỗi Organica`: a unit the unit stage did not read.
        if let Some((at, end)) = self.unit_after_bare_role(ctx, s, e, role_end) {
            // A unit written all in lower case (`Giám đốc công ty`, `trưởng
            // đoàn thanh tra`) names no organisation: the span keeps it,
            // with no unit.
            // Nor does a head alone (`Bí thư Đảng ủy`, `Giám đốc Sở`).
            let named =
                work[at..end].contains(char::is_uppercase) && !self.is_bare_head(ctx, at, end);
            t.unit = named.then(|| (at, end, work[at..end].to_string()));
            t.end = end;
            return Some(t);
        }
        self.keep_bare(ctx, t, index)
    }

    /// A role with nothing attached: weak roles (`đại biểu`, `thư ký`) need
    /// a name right after them; an abbreviated one (`TS`) may have a dot
    /// or a comma before it (`TS. Shankar`, `PGS, TS Lê Văn An`).
    fn keep_bare(&self, ctx: &Ctx, t: Found, index: usize) -> Option<Found> {
        let role = &self.title_words[index];
        if !self.weak.contains(role) {
            return Some(t);
        }
        let work = ctx.work();
        let surface = &work[t.start..t.end];
        let abbreviated =
            !surface.contains(' ') && surface.chars().filter(|c| c.is_uppercase()).count() >= 2;
        let mut next = skip_spaces(work, t.end);
        if abbreviated && work[next..].starts_with(['.', ',', '-']) {
            next = skip_spaces(work, next + 1);
        }
        let named = ctx
            .token_at(next)
            .is_some_and(|i| ctx.tokens[i].is_word() && is_name_shaped(ctx.tok(i)));
        let honorific = ctx.hit(self.honorifics, next).is_some();
        (named || honorific).then_some(t)
    }

    /// `Trợ lý Chủ tịch nước`: a serving role followed by the office it
    /// serves is one title.
    fn join_serving_roles(&self, lower: &str, titles: &mut Vec<Found>) {
        let mut i = 0;
        while i + 1 < titles.len() {
            let (a, b) = (&titles[i], &titles[i + 1]);
            let role = &lower[a.start..a.role_end];
            let serving = self.serving_roles.iter().any(|r| role == r.as_str());
            if serving && a.is_bare() && lower[a.end..b.start] == *" " {
                titles[i].end = titles[i + 1].end;
                titles.remove(i + 1);
            }
            i += 1;
        }
    }

    /// The title mention; the unit inside it travels with it (`unit_span`)
    /// and is added as a unit mention of its own by the engine.
    fn entity(&self, ctx: &Ctx, t: Found) -> Entity {
        let work = ctx.work();
        let rule = match (&t.unit, t.place) {
            (Some(_), _) => RULE_WITH_UNIT,
            (None, true) => RULE_WITH_PLACE,
            _ => RULE_OFFICE,
        };
        let mut e = Entity::new(EntityType::Title, t.start, t.end, rule);
        e.fields = Fields::Title {
            role: work[t.start..t.role_end].to_string(),
            unit: t.unit.as_ref().map(|(s, en, _)| work[*s..*en].to_string()),
            person: None,
            unit_span: t.unit,
        };
        e.value = Some(work[t.start..t.end].to_string());
        e
    }
}

/// A capitalised word follows `pos` after plain spaces.
pub(super) fn capital_after(work: &str, pos: usize) -> bool {
    only_space_gap(work, pos)
        && work[skip_spaces(work, pos)..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// One or more plain spaces follow `pos` (no punctuation, no line break).
pub(super) fn only_space_gap(work: &str, pos: usize) -> bool {
    work[pos..].starts_with(' ')
}

#[cfg(test)]
mod tests {
    use crate::extract::{Engine, Options};
    use crate::model::Fields;
    use crate::rules::RuleSources;

    /// (role, person) of the titles found in `text`, with `from` replaced
    /// by `to` in titles.json.
    fn titles(text: &str, from: &str, to: &str) -> Vec<(String, Option<String>)> {
        let mut sources = RuleSources::embedded();
        let original = sources.text("titles.json").unwrap();
        assert!(original.contains(from), "{from}");
        let changed = original.replacen(from, to, 1);
        sources.set("titles.json", &changed);
        let engine = Engine::new(&sources, Options::default()).unwrap();
        let article = engine.extract_text(text, None);
        article
            .entities
            .into_iter()
            .filter_map(|e| match e.fields {
                Fields::Title { role, person, .. } => Some((role, person)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn deputy_and_holder_words_are_read_from_the_rules() {
        let text = "Ông Trần Văn Bình, nguyên Phó Giám đốc Sở Y tế, phát biểu.";
        let deputy = r#""deputy_word": "Phó""#;
        let got = titles(text, deputy, deputy);
        assert_eq!(got, [("Phó Giám đốc".into(), Some("Trần Văn Bình".into()))]);
        let got = titles(text, deputy, r#""deputy_word": "Trợ lý""#);
        assert_eq!(got[0].0, "Giám đốc");
        let joiners = r#""holder_joiners": ["kiêm", "nguyên", "#;
        let got = titles(text, joiners, r#""holder_joiners": ["kiêm", "#);
        assert_eq!(got, [("Phó Giám đốc".into(), None)]);
    }
}
