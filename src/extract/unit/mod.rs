//! Units: named organisations (`rules/units.json`, `rules/lexicon/unit_heads.csv`,
//! `rules/lexicon/abbreviations.csv`). See spec/entities.md, section `unit`.
//!
//! A unit starts at a head word (`Sở`, `Ủy ban nhân dân`), an abbreviation
//! (`UBND`, `Bộ GD&ĐT`, `PC67`), a known name (`Quốc hội`, `ASEAN`) or an
//! abbreviation the article defines, and runs on over what may continue a
//! name (see `scan`). Its value expands abbreviations (see `value`).

mod config;
mod defs;
mod scan;
mod token;
mod value;

use super::Ctx;
use super::lexicon::Lexicon;
use crate::model::{Entity, EntityType};
use crate::rules::{RuleError, RuleSources};
use config::Config;
use defs::Def;
use scan::{Scanner, Span, Start};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

#[derive(Clone)]
pub struct UnitExtractor {
    cfg: Config,
}

/// A unit name recognised at a given position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitMatch {
    pub start: usize,
    pub end: usize,
    pub value: String,
    pub rule: &'static str,
}

pub const HEAD_NAME: &str = "unit.head_name";
pub const LEVEL: &str = "unit.level";
pub const STANDALONE: &str = "unit.standalone";
pub const KNOWN_NAME: &str = "unit.known_name";
pub const ABBREVIATION: &str = "unit.abbreviation";
pub const DEFINED_ABBREVIATION: &str = "unit.defined_abbreviation";
pub const POLICE_CODE: &str = "unit.police_code";

impl UnitExtractor {
    pub fn new(sources: &RuleSources, lex: &Lexicon) -> Result<UnitExtractor, RuleError> {
        let file = sources.json("units.json")?;
        Ok(UnitExtractor {
            cfg: Config::new(&file, lex)?,
        })
    }

    pub fn extract(&self, ctx: &Ctx, found: &mut Vec<Entity>) {
        let defs = defs::find(&self.cfg, ctx.work(), ctx.lower());
        let dates: Vec<(usize, usize)> = found
            .iter()
            .filter(|e| e.etype == EntityType::Date)
            .map(|e| (e.start, e.end))
            .collect();
        let scanner = self.scanner(ctx, &defs, &dates);
        let work = ctx.work();
        // A unit is often named the same way many times in an article.
        let mut values: HashMap<&str, String, BuildHasherDefault<crate::extract::lexicon::Fnv>> =
            HashMap::default();
        let mut pos = 0;
        while let Some(t) = token::next_anywhere(work, pos) {
            pos = t.end;
            if !token::is_word(work, t) {
                continue;
            }
            let Some(span) = scanner.unit_at(t.start, false) else {
                continue;
            };
            if !self.keep(&scanner, &span) {
                continue;
            }
            let mut e = Entity::new(
                EntityType::Unit,
                span.start,
                span.end,
                rule_of(&self.cfg, &span),
            );
            let surface = &work[span.start..span.end];
            let value = values
                .entry(surface)
                .or_insert_with(|| value::value(&self.cfg, &defs, surface));
            e.value = Some(value.clone());
            found.push(e);
            pos = span.end;
        }
    }

    /// Context checks a unit found while scanning the text must pass
    /// (callers of `unit_at` have their own context: a role word).
    fn keep(&self, scanner: &Scanner, span: &Span) -> bool {
        let cfg = &self.cfg;
        let work = scanner.work;
        let prev = token::prev(work, span.start);
        // `các Ban`, `những Sở`: plural or generic (a name the article
        // defines is one body: `kiện cả Deutsche Bank`).
        let defined = span.head.is_whole_name();
        if !defined
            && prev.is_some_and(|p| {
                cfg.plural_before
                    .at(scanner.lower, p.start)
                    .is_some_and(|h| h.end == p.end)
            })
        {
            return false;
        }
        // `4 ngân hàng thương mại`: a count of bodies of a kind.
        if span.head.lower
            && prev.is_some_and(|p| {
                token::is_number(work, p)
                    && (work[..p.start].ends_with([' ', '(']) || p.start == 0)
                    && !scanner
                        .dates
                        .iter()
                        .any(|&(s, e)| s <= p.start && p.start < e)
            })
        {
            return false;
        }
        // Inside a code: `6021/UBND-ĐT`, `AIPA-31`.
        let glued =
            |s: &str| s.starts_with(['/', '-']) && s[1..].starts_with(char::is_alphanumeric);
        if work[..span.start].ends_with(['/', '-']) || glued(&work[span.end..]) {
            return false;
        }
        let category = scanner.category(span.head).unwrap_or("");
        // A news outlet in a credit (`Ảnh: Doãn Tấn/TTXVN`, `(TTXVN)`).
        let next = token::next(work, span.end);
        if category == "media"
            && (prev.is_some_and(|p| matches!(p.text(work), "/" | "(" | "-" | "–" | ":"))
                || next.is_some_and(|n| n.text(work) == "/"))
        {
            return false;
        }
        // `Thành ủy viên, Thường vụ Đảng ủy X`: the prefix is a title here.
        if cfg.prefix_heads.at(scanner.lower, span.start).is_some()
            && self.after_title(scanner, span.start)
        {
            return false;
        }
        true
    }

    fn after_title(&self, scanner: &Scanner, pos: usize) -> bool {
        let work = scanner.work;
        let Some(mut p) = token::prev(work, pos) else {
            return false;
        };
        if p.text(work) == "," {
            match token::prev(work, p.start) {
                Some(q) => p = q,
                None => return false,
            }
        }
        // Any title ending at that token.
        let line_start = work[..p.end].rfind('\n').map_or(0, |i| i + 1);
        let from = p.end.saturating_sub(40).max(line_start);
        let from = (from..=p.end)
            .find(|&i| work.is_char_boundary(i))
            .unwrap_or(p.end);
        self.cfg
            .titles
            .find_all(&scanner.lower[..p.end])
            .any(|h| h.start >= from && h.end == p.end)
    }

    fn scanner<'a>(
        &'a self,
        ctx: &'a Ctx,
        defs: &'a [Def],
        dates: &'a [(usize, usize)],
    ) -> Scanner<'a> {
        Scanner::new(&self.cfg, ctx.work(), ctx.lower(), defs, dates)
    }

    /// The unit name that starts exactly at byte `pos` of the working text,
    /// if any (used by titles: `Trưởng Phòng Nội vụ TP Thủ Đức`). The head
    /// must be capitalised or one that is also a unit in lower case.
    pub fn unit_at(&self, ctx: &Ctx, pos: usize) -> Option<UnitMatch> {
        self.match_at(ctx, pos, false)
    }

    /// Like `unit_at`, right after a role word: the head may be written in
    /// lower case when role and unit share it (`Trưởng ban Tổ chức Thành ủy`
    /// gives `ban Tổ chức Thành ủy`).
    pub fn unit_after_role(&self, ctx: &Ctx, pos: usize) -> Option<UnitMatch> {
        self.match_at(ctx, pos, true)
    }

    fn match_at(&self, ctx: &Ctx, pos: usize, allow_lower: bool) -> Option<UnitMatch> {
        if pos >= ctx.work().len() || !ctx.work().is_char_boundary(pos) {
            return None;
        }
        let defs = defs::find(&self.cfg, ctx.work(), ctx.lower());
        let scanner = self.scanner(ctx, &defs, &[]);
        let span = scanner.unit_at(pos, allow_lower)?;
        Some(UnitMatch {
            start: span.start,
            end: span.end,
            value: value::value(&self.cfg, &defs, &ctx.work()[span.start..span.end]),
            rule: rule_of(&self.cfg, &span),
        })
    }

    /// The normalised value of a unit name (abbreviations expanded, the
    /// article's own definitions included).
    pub fn value_of(&self, ctx: &Ctx, surface: &str) -> String {
        let defs = defs::find(&self.cfg, ctx.work(), ctx.lower());
        value::value(&self.cfg, &defs, &crate::text::fold_str(surface))
    }
}

fn rule_of(cfg: &Config, span: &Span) -> &'static str {
    let bare = span.end == span.head.end;
    match span.head.start {
        Start::PoliceCode => POLICE_CODE,
        Start::Def(_) => DEFINED_ABBREVIATION,
        Start::Club(_) => KNOWN_NAME,
        Start::Abbr(_) if bare => ABBREVIATION,
        Start::Head(i) if bare && cfg.head_info[i].category == "name" => KNOWN_NAME,
        _ if bare => STANDALONE,
        _ if span.level_only => LEVEL,
        _ => HEAD_NAME,
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{Ctx, Engine, Options};
    use crate::rules::RuleSources;

    fn with_ctx(text: &str, f: impl Fn(&super::UnitExtractor, &Ctx)) {
        let engine = Engine::new(&RuleSources::embedded(), Options::default()).unwrap();
        let analysis = engine.analyse(text);
        let ctx = engine.ctx(&analysis, None);
        f(&engine.units, &ctx);
    }

    fn at<'a>(ctx: &'a Ctx, m: Option<super::UnitMatch>) -> Option<&'a str> {
        m.map(|m| &ctx.work()[m.start..m.end])
    }

    #[test]
    fn unit_after_a_role_word() {
        with_ctx(
            "Chủ tịch UBND tỉnh Thanh Hóa Nguyễn Văn An phát biểu.",
            |u, ctx| {
                let pos = ctx.work().find("UBND").unwrap();
                assert_eq!(at(ctx, u.unit_at(ctx, pos)), Some("UBND tỉnh Thanh Hóa"));
            },
        );
        with_ctx(
            "Ông Bình, Trưởng ban Tổ chức Thành ủy Hòa Bình, cho biết.",
            |u, ctx| {
                let pos = ctx.work().find("ban Tổ").unwrap();
                assert_eq!(
                    at(ctx, u.unit_after_role(ctx, pos)),
                    Some("ban Tổ chức Thành ủy Hòa Bình")
                );
            },
        );
        with_ctx("Chánh Thanh tra Bộ Công an cho biết.", |u, ctx| {
            let pos = ctx.work().find("Thanh tra").unwrap();
            assert_eq!(at(ctx, u.unit_at(ctx, pos)), Some("Thanh tra Bộ Công an"));
        });
    }

    #[test]
    fn values_use_article_definitions() {
        with_ctx(
            "Đảng ủy Cơ quan Chính quyền (CQCQ) họp. Phó Bí thư Đảng ủy CQCQ phát biểu.",
            |u, ctx| {
                let pos = ctx.work().rfind("Đảng ủy CQCQ").unwrap();
                let m = u.unit_at(ctx, pos).unwrap();
                assert_eq!(m.value, "Đảng ủy Cơ quan Chính quyền");
                assert_eq!(
                    u.value_of(ctx, "UBND TP.HCM"),
                    "Ủy ban nhân dân Thành phố Hồ Chí Minh"
                );
            },
        );
    }
}
