//! Where a unit name starts and ends: a head word (or abbreviation, or
//! known name) and then, token by token, what may continue a name.
//!
//! The scanner's jobs, one module each: where a unit may start
//! (`heads`), how a name extends from its head (`extend`), the
//! places in it (`places`), and what joins its parts (`joiners`).

mod extend;
mod heads;
mod joiners;
mod learned;
mod places;

use super::config::{Config, HeadKind};
use super::def::Def;
use crate::extract::lexicon::is_entry;
use crate::rules::lists::UnitCategory;
use crate::text::tokens::Tok;
use crate::text::{Analysis, Hit, Listed};
use std::cell::OnceCell;

/// What the previous accepted piece of a name was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Head,
    /// A capitalised word; `first` when it starts a run of them (a
    /// lower-case syllable may complete it: `Y tế`, `Công an`).
    Cap {
        first: bool,
    },
    Free,
    /// A second lower-case syllable (`Chống tham nhũng`), only before punctuation.
    Free2,
    /// A capitalised name phrase (`Cổ phần`, `Phòng cháy chữa cháy`).
    Phrase,
    NameWord,
    Level,
    Place,
    Abbr,
    Num,
    Bracket,
    Term,
    /// `và`, `,` or `-` inside a name: a name part must follow.
    Joiner,
}

impl Last {
    /// Pieces that make a head a named unit (a lower-case word alone does not).
    fn anchors(self) -> bool {
        !matches!(
            self,
            Last::Free | Last::Free2 | Last::NameWord | Last::Joiner
        )
    }
}

/// How a unit starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    Head(usize),
    Abbr(usize),
    Def(usize),
    /// A known sports club, in an article about sport.
    Club(usize),
    PoliceCode,
}

#[derive(Debug, Clone, Copy)]
pub struct HeadHit {
    pub end: usize,
    pub start: Start,
    pub standalone: bool,
    /// Written in lower case (`trường`, `công an`).
    pub lower: bool,
}

impl HeadHit {
    /// A name complete in itself, defined by the article or known
    /// (`Vinamilk`, `MU`): one body, nothing of the sentence after it.
    pub fn is_whole_name(&self) -> bool {
        matches!(self.start, Start::Club(_))
            || (matches!(self.start, Start::Def(_)) && self.standalone)
    }
}

/// A recognised unit name.
#[derive(Debug, Clone)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub head: HeadHit,
    /// Only a level word after the head (`UBND tỉnh`, `Đảng ủy xã`).
    pub level_only: bool,
}

pub struct Scanner<'a> {
    pub cfg: &'a Config,
    pub a: &'a Analysis,
    pub work: &'a str,
    pub lower: &'a str,
    pub defs: &'a [Def],
    /// Byte ranges of dates found earlier (numbers there are not names).
    pub dates: &'a [(usize, usize)],
    /// Whether the article is about sport, read when first needed.
    sports: OnceCell<bool>,
}

impl<'a> Scanner<'a> {
    pub fn new(
        cfg: &'a Config,
        a: &'a Analysis,
        defs: &'a [Def],
        dates: &'a [(usize, usize)],
    ) -> Scanner<'a> {
        Scanner {
            cfg,
            a,
            work: a.work(),
            lower: a.lower(),
            defs,
            dates,
            sports: OnceCell::new(),
        }
    }

    fn about_sport(&self) -> bool {
        *self.sports.get_or_init(|| self.uses_sports_words())
    }

    /// The article uses several different words of sport (`cầu thủ`,
    /// `HLV`, `chuyển nhượng`).
    fn uses_sports_words(&self) -> bool {
        let mut seen: Vec<usize> = Vec::new();
        for h in self.a.hits.leftmost_longest(self.cfg.sports_words.id) {
            if !seen.contains(&h.index) {
                seen.push(h.index);
                if seen.len() >= self.cfg.sports_min_words {
                    return true;
                }
            }
        }
        false
    }

    /// The longest entry of a registered list starting at `pos` of the article.
    pub fn at(&self, list: &Listed, pos: usize) -> Option<Hit> {
        self.a.hit(list.id, pos)
    }

    fn tok_text(&self, t: Tok) -> &str {
        t.text(self.work)
    }

    fn lower_text(&self, t: Tok) -> &str {
        t.text(self.lower)
    }

    /// The unit name that starts exactly at `pos`.
    pub fn unit_at(&self, pos: usize, allow_lower: bool) -> Option<Span> {
        let head = self.head_at(pos, allow_lower)?;
        let (end, anchored, level_only) = self.extend(pos, head)?;
        let end = if anchored {
            end
        } else if head.standalone && !head.lower {
            head.end
        } else {
            return None;
        };
        if end == head.end && (!head.standalone || head.lower) {
            return None;
        }
        if self.is_class(end) || (level_only && self.more_levels_after(end)) {
            return None;
        }
        let end = self.names_needed_place(head, end)?;
        Some(Span {
            start: pos,
            end,
            head,
            level_only,
        })
    }

    /// Where a unit ends whose name runs to `end`: a head that names a unit
    /// only with a place (`đội tuyển Việt Nam`, `U23 Thái Lan`) needs one
    /// before `end` and ends with it, since a team's name is its place
    /// (`HLV U23 Malaysia Tom Baker`: the coach's name is not the team's).
    fn names_needed_place(&self, head: HeadHit, end: usize) -> Option<usize> {
        let Start::Head(i) = head.start else {
            return Some(end);
        };
        let listed = lowercase_of(&self.cfg.head_info[i].canonical);
        if !self.cfg.place_named_heads.contains(&listed) {
            return Some(end);
        }
        let mut pos = head.end;
        while let Some(t) = self.a.next_tok(pos).filter(|t| t.end <= end) {
            if let Some(place_end) = self.known_place(t.start) {
                return Some(place_end.min(end));
            }
            pos = t.end;
        }
        None
    }

    fn is_company_form(&self, start: usize, end: usize) -> bool {
        self.at(&self.cfg.company_forms, start)
            .is_some_and(|f| f.end == end)
    }

    /// `UBND cấp tỉnh`, `UBND các cấp`: a class of bodies, not one;
    /// `AFF Cup`: an event.
    fn is_class(&self, end: usize) -> bool {
        self.a.next_tok(end).is_some_and(|t| {
            self.at(&self.cfg.class_after, t.start).is_some()
                || (t.is_cap(self.work) && self.at(&self.cfg.event_after, t.start).is_some())
        })
    }

    /// `UBND phường, xã`, `công an huyện và tỉnh`: a body named by its
    /// level followed by more levels is every body of those levels.
    fn more_levels_after(&self, end: usize) -> bool {
        let Some(joiner) = self.a.next_tok(end) else {
            return false;
        };
        let joins = matches!(self.tok_text(joiner), "," | "/")
            || is_entry(self.a, self.cfg.name_joiners.id, joiner.start, joiner.end);
        joins
            && self.a.next_tok(joiner.end).is_some_and(|t| {
                t.is_lower_word(self.work) && self.at(&self.cfg.levels, t.start).is_some()
            })
    }

    pub fn kind(&self, head: HeadHit) -> Option<HeadKind> {
        match head.start {
            Start::Head(i) => Some(self.cfg.head_info[i].kind),
            Start::Abbr(i) => Some(self.cfg.abbr_info[i].kind),
            Start::Club(_) => Some(HeadKind::Listed(UnitCategory::Sport)),
            _ => None,
        }
    }
}

fn lowercase_of(s: &str) -> String {
    super::super::lexicon::lowercase(s)
}
