//! Where a unit name starts and ends: a head word (or abbreviation, or
//! known name) and then, token by token, what may continue a name.

use super::config::{Config, KEY_CLUB, KEY_LOWER, KEY_UNIT, start_key};
use super::def::Def;
use crate::text::tokens::Tok;
use crate::text::{Analysis, Hit, Listed};
use regex::Regex;
use std::cell::OnceCell;
use std::sync::LazyLock;

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

const STOP_PUNCT: &[&str] = &[".", ";", ":", "!", "?", "…", "\"", "“", "”", "/", "]", "["];

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

    /// The head (word, abbreviation, defined abbreviation, police code)
    /// starting exactly at `pos`; the longest wins.
    pub fn head_at(&self, pos: usize, allow_lower: bool) -> Option<HeadHit> {
        let cfg = self.cfg;
        let mut best: Option<HeadHit> = None;
        let mut offer = |h: HeadHit| {
            if best.is_none_or(|b| h.end > b.end) {
                best = Some(h);
            }
        };
        let key = start_key(self.lower.get(pos..).unwrap_or(""));
        let bits = cfg.start_keys.get(key).copied().unwrap_or(0);
        // A word in lower case starts a unit only as a lower-case head.
        let lower_word = self.work[pos..].starts_with(char::is_lowercase);
        let listed = if lower_word && !allow_lower {
            bits & KEY_LOWER != 0
        } else {
            bits & KEY_UNIT != 0
        };
        if listed && let Some(h) = self.at(&cfg.heads, pos) {
            let lower = !self.work[pos..].starts_with(char::is_uppercase);
            let named_otherwise = self.at(&cfg.not_units, pos).is_some();
            let ok = !named_otherwise
                && (!lower
                    || allow_lower
                    || self
                        .at(&cfg.lower_heads, pos)
                        .is_some_and(|l| l.end <= h.end))
                && !self.in_compound(pos)
                && !self.splits_next_unit(pos, h.end, h.index)
                && (self.work[pos..h.end].contains(' ') || !self.person_at(pos, 3));
            if ok {
                offer(HeadHit {
                    end: h.end,
                    start: Start::Head(h.index),
                    standalone: cfg.head_info[h.index].standalone,
                    lower,
                });
            }
        }
        if listed
            && let Some(a) = self.at(&cfg.abbrs, pos)
            && self.work[pos..a.end] == cfg.abbr_info[a.index].form
            && (cfg.abbr_info[a.index].standalone || cfg.abbr_info[a.index].starts_unit)
        {
            offer(HeadHit {
                end: a.end,
                start: Start::Abbr(a.index),
                standalone: cfg.abbr_info[a.index].standalone,
                lower: false,
            });
        }
        if bits & KEY_CLUB != 0
            && let Some(c) = self.at(&cfg.clubs, pos)
            && self.work[pos..c.end] == cfg.club_info[c.index].0
            && self.about_sport()
        {
            offer(HeadHit {
                end: c.end,
                start: Start::Club(c.index),
                standalone: true,
                lower: false,
            });
        }
        if key.len() == 4
            && key.starts_with('p')
            && let Some(m) = cfg.police_code.find(&self.work[pos..])
            && m.start() == 0
        {
            offer(HeadHit {
                end: pos + m.end(),
                start: Start::PoliceCode,
                standalone: true,
                lower: false,
            });
        }
        for (i, d) in self.defs.iter().enumerate() {
            let end = pos + d.form.len();
            if self.work[pos..].starts_with(&d.form)
                && super::super::lexicon::is_word_boundary(self.work, pos, end)
            {
                offer(HeadHit {
                    end,
                    start: Start::Def(i),
                    standalone: d.standalone,
                    lower: false,
                });
            }
        }
        best
    }

    /// The head is the end of an ordinary word (`thị trường`, `Tây Ban Nha`,
    /// `Hội trường`).
    fn in_compound(&self, pos: usize) -> bool {
        let mut p = pos;
        for _ in 0..2 {
            let Some(t) = self.a.prev_tok(p) else {
                return false;
            };
            if !t.is_word(self.work) {
                return false;
            }
            if self
                .at(&self.cfg.head_compounds, t.start)
                .is_some_and(|c| c.end > pos)
            {
                return true;
            }
            p = t.start;
        }
        false
    }

    /// A head read case-blind whose last word is capitalised where the
    /// head has it in lower case, and starts a unit of its own there:
    /// `Đảng Bộ Công Thương` is `Đảng` + `Bộ Công Thương`, not `Đảng bộ`.
    fn splits_next_unit(&self, pos: usize, end: usize, index: usize) -> bool {
        let Some(space) = self.work[pos..end].rfind(' ') else {
            return false;
        };
        let last = pos + space + 1;
        let canonical = &self.cfg.head_info[index].canonical;
        let listed_lower = canonical
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_lowercase));
        listed_lower
            && self.work[last..].starts_with(char::is_uppercase)
            && self.unit_at(last, false).is_some_and(|u| u.end > end)
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
        if self.is_class(end) || !self.names_needed_place(head, end) {
            return None;
        }
        Some(Span {
            start: pos,
            end,
            head,
            level_only,
        })
    }

    /// A head that names a unit only with a place (`đội tuyển Việt Nam`)
    /// has one between its end and `end`.
    fn names_needed_place(&self, head: HeadHit, end: usize) -> bool {
        let Start::Head(i) = head.start else {
            return true;
        };
        let listed = lowercase_of(&self.cfg.head_info[i].canonical);
        if !self.cfg.place_named_heads.contains(&listed) {
            return true;
        }
        let mut pos = head.end;
        while let Some(t) = self.a.next_tok(pos).filter(|t| t.end <= end) {
            if self.known_place(t.start).is_some() {
                return true;
            }
            pos = t.end;
        }
        false
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

    /// Extend a name from its head; `None` when the head is an ordinary
    /// word here (`Ban hành`, `Thành ủy viên`). Returns the end, whether
    /// anything that names the unit was taken, and whether that was only
    /// a level word.
    fn extend(&self, start: usize, head: HeadHit) -> Option<(usize, bool, bool)> {
        // A name the article defines whole (`Vinamilk`, `MU`, `Hà Nội FC`)
        // is complete: what follows is not part of it (`Mercedes-Benz
        // X-Class` is a car).
        if head.is_whole_name() {
            // Only its own abbreviation may follow (`General Motors (GM)`).
            let bracket = self
                .a
                .next_tok(head.end)
                .filter(|t| self.tok_text(*t) == "(")
                .and_then(|t| self.bracket(start, t));
            return Some(match bracket {
                Some((end, _)) => (end, true, false),
                None => (head.end, false, false),
            });
        }
        if let Some(t) = self.a.next_tok(head.end) {
            // `Ban hành`, `Bộ trưởng`: one word, not a head. After a head
            // of several words only a role suffix makes one (`Thành ủy
            // viên`, `Cảnh sát trưởng`); `Bộ Y tế chủ động ...` is the ministry.
            let one_word = !self.work[start..head.end].contains(' ');
            if t.is_lower_word(self.work)
                && self.at(&self.cfg.not_after_head, t.start).is_some()
                && (one_word || self.at(&self.cfg.role_suffixes, t.start).is_some())
            {
                return None;
            }
            // `trưởng phòng Phòng Khoáng sản`: the lower-case word belongs to a role.
            if head.lower
                && one_word
                && t.is_cap(self.work)
                && self.head_at(t.start, false).is_some()
            {
                return None;
            }
        }
        let mut end = head.end;
        let mut last = Last::Head;
        let mut safe_end = end;
        let mut other_anchor = false;
        let mut saw_level = false;
        let mut name_words = (0, 0);
        while let Some(t) = self.a.next_tok(end) {
            let bare = end == head.end;
            let Some((e, l)) = self.step(start, bare, t, last, head) else {
                break;
            };
            if l == Last::NameWord && !self.is_company_form(t.start, e) {
                name_words.0 += 1;
                name_words.1 += self.work[t.start..e].split_whitespace().count();
            }
            if last != Last::Joiner {
                safe_end = end;
            }
            end = e;
            last = l;
            saw_level |= l == Last::Level;
            other_anchor |= l.anchors() && l != Last::Level;
        }
        // Several name words in a row after a capitalised head name one
        // body (`Trung tâm truyền thông giáo dục sức khỏe`), where one
        // alone is a kind (`Trung tâm y tế`).
        other_anchor |= !head.lower && name_words.0 >= 2 && name_words.1 >= 3;
        let anchored = saw_level || other_anchor;
        let level_only = saw_level && !other_anchor;
        // A joiner must be followed by a name part; never end on one.
        if last == Last::Joiner {
            end = safe_end;
        }
        Some((end, anchored, level_only))
    }

    fn step(
        &self,
        start: usize,
        bare: bool,
        t: Tok,
        last: Last,
        head: HeadHit,
    ) -> Option<(usize, Last)> {
        let text = self.tok_text(t);
        if STOP_PUNCT.contains(&text) {
            return None;
        }
        let lt = self.lower_text(t);
        if t.is_word(self.work) {
            if let Some(j) = self.at(&self.cfg.joined, t.start) {
                return Some((j.end, Last::Abbr));
            }
            let after_place =
                matches!(last, Last::Place | Last::Level | Last::Term | Last::Bracket);
            if !after_place && let Some(h) = self.nested_head(t, last) {
                return Some(h);
            }
            if let Some(r) = self.level(t, last) {
                return r;
            }
            if let Some(m) = self.cfg.term.find(&self.work[t.start..])
                && m.start() == 0
            {
                return Some((t.start + m.end(), Last::Term));
            }
            if t.is_lower_word(self.work) {
                return self.lower_step(t, last, head);
            }
            if t.is_number(self.work) {
                return self.number(t, last, head, bare);
            }
            if t.is_cap(self.work) {
                return self.cap(t, last, head, bare);
            }
            return None;
        }
        let _ = (start, lt);
        match text {
            "," => self.comma(t, last),
            "-" | "–" | "—" => self.dash(t, last),
            "&" => self.and(t, last, head),
            "(" => self.bracket(start, t),
            _ => None,
        }
    }

    /// A level word after a unit, with its place name if any
    /// (`UBND tỉnh Thanh Hóa`, `Công an TP.Đà Nẵng`, `UBND xã`).
    fn level(&self, t: Tok, last: Last) -> Option<Option<(usize, Last)>> {
        let cfg = self.cfg;
        let l = self.at(&cfg.levels, t.start)?;
        let written = &self.work[l.start..l.end];
        let needs_upper = cfg
            .upper_levels
            .iter()
            .any(|u| u.eq_ignore_ascii_case(written));
        if needs_upper && !cfg.upper_levels.iter().any(|u| u == written) {
            return None;
        }
        if matches!(last, Last::Level) {
            return Some(None);
        }
        if self.at(&cfg.level_compounds, t.start).is_some() {
            return None;
        }
        match self.place_run(l.end) {
            Some(e) => Some(Some((e, Last::Place))),
            None => {
                // A level word must not glue onto a following word (`xã hội`).
                let next = self.a.next_tok(l.end);
                if next.is_some_and(|n| n.start == l.end && n.is_word(self.work)) {
                    return Some(None);
                }
                Some(Some((l.end, Last::Level)))
            }
        }
    }

    /// A place name after a level word: a known place, a number
    /// (`quận 9`), or capitalised words that are not a person's name.
    fn place_run(&self, pos: usize) -> Option<usize> {
        let t = self.a.next_tok(pos)?;
        if t.is_number(self.work) {
            return Some(t.end);
        }
        if !t.is_cap(self.work) {
            return None;
        }
        if let Some(p) = self.known_place(t.start) {
            return Some(p);
        }
        if self.person_at(t.start, 3)
            || self.title_at(t.start)
            || self.head_at(t.start, false).is_some()
        {
            return None;
        }
        let mut end = t.end;
        while let Some(n) = self.a.next_tok(end) {
            let txt = self.tok_text(n);
            if n.is_cap(self.work)
                && !self.stops_name(n.start, 3)
                && self.at(&self.cfg.cap_stops, n.start).is_none()
            {
                end = n.end;
            } else if matches!(txt, "-" | "–")
                && let Some(m) = self.a.next_tok(n.end)
                && m.is_cap(self.work)
                && !self.stops_name(m.start, 2)
            {
                end = m.end;
            } else {
                break;
            }
        }
        Some(end)
    }

    fn known_place(&self, pos: usize) -> Option<usize> {
        let p = self.at(&self.cfg.places, pos)?;
        (!self.cfg.place_is_level[p.index] && self.work[pos..].starts_with(char::is_uppercase))
            .then_some(p.end)
    }

    /// A capitalised word here starts something else: a person's name, a
    /// title or a new unit.
    fn stops_name(&self, pos: usize, person_len: usize) -> bool {
        self.person_at(pos, person_len) || self.title_at(pos) || self.head_at(pos, false).is_some()
    }

    fn title_at(&self, pos: usize) -> bool {
        self.work[pos..].starts_with(char::is_uppercase)
            && self
                .at(&self.cfg.titles, pos)
                .is_some_and(|h| self.at(&self.cfg.heads, pos).is_none_or(|u| u.end < h.end))
    }

    /// A surname and at least `min_len` capitalised syllables in all,
    /// that are not a known place (`Nguyễn Văn A`, `Tô Lâm`).
    pub fn person_at(&self, pos: usize, min_len: usize) -> bool {
        if !self.work[pos..].starts_with(char::is_uppercase)
            || self.at(&self.cfg.surnames, pos).is_none()
        {
            return false;
        }
        if self.known_place(pos).is_some() {
            return false;
        }
        let mut n = 0;
        let mut end = pos;
        while let Some(t) = self.a.next_tok(end) {
            if !t.is_cap(self.work)
                || t.is_all_caps(self.work)
                || self.tok_text(t).contains(['.', '&', '-'])
            {
                break;
            }
            n += 1;
            end = t.end;
        }
        n >= min_len
    }

    /// A unit name inside this one (`Chi bộ Phòng Tư pháp`, `Ban Tổ chức
    /// Thành ủy`), or a capitalised name phrase (`Phòng cháy chữa cháy`).
    fn nested_head(&self, t: Tok, last: Last) -> Option<(usize, Last)> {
        let phrase = self
            .at(&self.cfg.name_words, t.start)
            .filter(|w| w.end > t.end);
        let cap = t.is_cap(self.work);
        let head = if cap {
            self.head_at(t.start, false)
        } else if last == Last::Head {
            // `Ban Giám hiệu trường Mầm non X`.
            self.head_at(t.start, false)
                .filter(|h| self.a.next_tok(h.end).is_some_and(|n| n.is_cap(self.work)))
        } else {
            None
        };
        // A company form alone (`Công ty Cổ phần`) does not name a company.
        let phrase_kind = |end: usize| {
            if self
                .at(&self.cfg.company_forms, t.start)
                .is_some_and(|f| f.end == end)
            {
                Last::NameWord
            } else {
                Last::Phrase
            }
        };
        match (head, phrase) {
            (Some(h), Some(p)) if p.end > h.end => Some((p.end, phrase_kind(p.end))),
            (Some(h), _) => Some((h.end, Last::Head)),
            (None, Some(p)) if cap => Some((p.end, phrase_kind(p.end))),
            _ => None,
        }
    }

    fn cap(&self, t: Tok, last: Last, head: HeadHit, bare: bool) -> Option<(usize, Last)> {
        let cfg = self.cfg;
        let honorific = self
            .at(&cfg.honorifics, t.start)
            .is_some_and(|h| self.a.next_tok(h.end).is_some_and(|n| n.is_cap(self.work)));
        if honorific
            || self.at(&cfg.cap_stops, t.start).is_some()
            || self.at(&cfg.event_after, t.start).is_some()
            || last == Last::Level
        {
            return None;
        }
        // Right after a head that needs a name, the name may be a person's
        // (`Bệnh viện Bạch Mai`, `Trường Lê Quý Đôn`) or look like a title.
        let naming = bare && !head.standalone;
        if !naming {
            // Inside a run of capitalised words (`THPT Nam Trà My`) a
            // two-syllable name is more likely part of the unit's name.
            let person_len = if matches!(last, Last::Abbr | Last::NameWord | Last::Cap { .. }) {
                3
            } else {
                2
            };
            if self.title_at(t.start) || self.person_at(t.start, person_len) {
                return None;
            }
        }
        if let Some(p) = self.known_place(t.start) {
            let l = if last == Last::Head && !head.standalone {
                Last::Cap { first: false }
            } else {
                Last::Place
            };
            return Some((p, l));
        }
        if bare
            && head.standalone
            && (head.is_whole_name() || !is_vietnamese_syllable(self.tok_text(t)))
        {
            // After a complete name only a place, not `Quốc hội Esteban ...`
            // nor the next sentence of a headline (`... với MU Để ...`).
            return None;
        }
        if t.is_all_caps(self.work) {
            if self
                .at(&cfg.company_forms, t.start)
                .is_some_and(|f| f.end == t.end)
            {
                return Some((t.end, Last::NameWord));
            }
            return Some((t.end, Last::Abbr));
        }
        if last == Last::Place {
            // After a place only more of a place-like name (`Việt Nam`, `Fiji`).
            return None;
        }
        let first = !matches!(last, Last::Cap { .. });
        Some((t.end, Last::Cap { first }))
    }

    fn lower_step(&self, t: Tok, last: Last, head: HeadHit) -> Option<(usize, Last)> {
        let cfg = self.cfg;
        let lt = self.lower_text(t);
        if lt == "và" {
            return self.and(t, last, head);
        }
        if lt == "tại" {
            return self.at_place(t, head);
        }
        if !matches!(last, Last::Place | Last::Level | Last::Term | Last::Bracket)
            && let Some(w) = self.at(&cfg.name_words, t.start)
        {
            return Some((w.end, Last::NameWord));
        }
        if lt == "số"
            && matches!(
                last,
                Last::Cap { .. } | Last::Free | Last::Free2 | Last::Phrase | Last::NameWord
            )
        {
            // `Tổng công ty Xây dựng số 1`, `Trường THCS số 2`.
            let n = self.a.next_tok(t.end)?;
            return (n.is_number(self.work) && n.start > t.end).then_some((n.end, Last::Num));
        }
        if self.at(&cfg.stop_words, t.start).is_some() {
            return None;
        }
        if matches!(last, Last::Free | Last::Phrase)
            && self.category(head) == Some("business")
            && let Some(end) = self.lower_run(t)
        {
            return Some((end, Last::Free2));
        }
        if last == (Last::Cap { first: true })
            && self
                .a
                .prev_tok(t.start)
                .is_some_and(|p| is_vietnamese_syllable(self.tok_text(p)))
        {
            return Some((t.end, Last::Free));
        }
        if last == Last::Free && self.a.next_tok(t.end).is_none_or(|n| !n.is_word(self.work)) {
            return Some((t.end, Last::Free2));
        }
        if last == Last::Free
            && let Some(end) = self.run_to_place(t)
        {
            return Some((end, Last::Free2));
        }
        let no_bridge = match head.start {
            Start::Head(i) => cfg
                .no_bridge_heads
                .contains(&lowercase_of(&cfg.head_info[i].canonical)),
            _ => false,
        };
        if last == Last::Head && !head.lower && !head.standalone && !no_bridge {
            return self.bridge(t);
        }
        None
    }

    /// More lower-case syllables inside a company name that has started
    /// with a capitalised part (`Lọc hóa dầu Bình Sơn`, `Dịch vụ may Thanh
    /// Phong`): a trade line runs on to the proper name that ends the
    /// company's name, so the run is taken only when it reaches a
    /// capitalised name part or a number, never a verb phrase running
    /// into the sentence (`Báo Dân trí đưa tin,`).
    fn lower_run(&self, t: Tok) -> Option<usize> {
        let cfg = self.cfg;
        let mut end = t.end;
        let mut n = 1;
        loop {
            let next = self.a.next_tok(end)?;
            if next.is_lower_word(self.work) {
                if n >= cfg.max_bridge
                    || self.at(&cfg.stop_words, next.start).is_some()
                    || self.at(&cfg.honorifics, next.start).is_some()
                    || self.at(&cfg.levels, next.start).is_some()
                    || !is_vietnamese_syllable(self.tok_text(next))
                {
                    return None;
                }
                n += 1;
                end = next.end;
                continue;
            }
            let ok = next.is_number(self.work)
                || (next.is_cap(self.work)
                    && !self.person_at(next.start, 3)
                    && !self.title_at(next.start)
                    && self.head_at(next.start, false).is_none());
            return ok.then_some(end);
        }
    }

    /// A short run of lower-case syllables inside a name that ends at a
    /// known place (`Viện Chính sách chiến lược Australia`): the place
    /// closes the name, where a verb would have run into the sentence.
    fn run_to_place(&self, t: Tok) -> Option<usize> {
        let cfg = self.cfg;
        let mut tok = t;
        for _ in 0..3 {
            if !tok.is_lower_word(self.work)
                || self.at(&cfg.stop_words, tok.start).is_some()
                || self.at(&cfg.levels, tok.start).is_some()
                || self.at(&cfg.honorifics, tok.start).is_some()
                || !is_vietnamese_syllable(self.tok_text(tok))
            {
                break;
            }
            let end = tok.end;
            let next = self.a.next_tok(end)?;
            if next.is_cap(self.work) {
                return self.known_place(next.start).map(|_| end);
            }
            tok = next;
        }
        None
    }

    /// `Đại sứ quán Việt Nam tại Singapore`.
    fn at_place(&self, t: Tok, head: HeadHit) -> Option<(usize, Last)> {
        let Start::Head(i) = head.start else {
            return None;
        };
        let listed = lowercase_of(&self.cfg.head_info[i].canonical);
        if !self.cfg.at_place_heads.contains(&listed) {
            return None;
        }
        let n = self.a.next_tok(t.end)?;
        let end = self.known_place(n.start)?;
        Some((end, Last::Place))
    }

    /// Lower-case words right after a head that lead to a capitalised name
    /// part (`Công ty may Thanh Phong`).
    fn bridge(&self, t: Tok) -> Option<(usize, Last)> {
        let mut end = t.end;
        let mut n = 1;
        loop {
            let next = self.a.next_tok(end)?;
            if next.is_lower_word(self.work) {
                if n >= self.cfg.max_bridge
                    || self.at(&self.cfg.stop_words, next.start).is_some()
                    || self.at(&self.cfg.honorifics, next.start).is_some()
                    || self.at(&self.cfg.levels, next.start).is_some()
                {
                    return None;
                }
                n += 1;
                end = next.end;
                continue;
            }
            let ok = next.is_cap(self.work) && !self.stops_name(next.start, 2);
            return ok.then_some((end, Last::NameWord));
        }
    }

    /// A number in a name (`Chi bộ 4`, `Ban Chỉ đạo 35`, `Quân khu 7`), not
    /// a count or a date after it.
    fn number(&self, t: Tok, last: Last, head: HeadHit, bare: bool) -> Option<(usize, Last)> {
        if !matches!(
            last,
            Last::Head | Last::Cap { .. } | Last::Free | Last::NameWord | Last::Abbr | Last::Phrase
        ) {
            return None;
        }
        if self.dates.iter().any(|&(s, e)| s <= t.start && t.start < e) {
            return None;
        }
        let numbered = bare
            && self
                .category(head)
                .is_some_and(|c| self.cfg.numbered_categories.iter().any(|n| n == c));
        let ok = match self.a.next_tok(t.end) {
            None => true,
            Some(n) => {
                let txt = self.tok_text(n);
                // `35/2017`, `4-5`, `1.000`, `2,5`: part of a longer number or code;
                // `Chi bộ 4, ...` or `Chi bộ 4.` end the name.
                let digit_after = self.work[n.end..].starts_with(|c: char| c.is_ascii_digit());
                let glued = n.start == t.end
                    && (matches!(txt, "/" | "-") || (matches!(txt, "." | ",") && digit_after));
                matches!(txt, "," | ";" | "." | ")" | "(" | ":") && !glued
                    || (n.is_cap(self.work) && n.start > t.end)
                    || (numbered && !glued)
            }
        };
        ok.then_some((t.end, Last::Num))
    }

    pub fn category(&self, head: HeadHit) -> Option<&str> {
        match head.start {
            Start::Head(i) => Some(self.cfg.head_info[i].category.as_str()),
            Start::Abbr(i) => Some(self.cfg.abbr_info[i].category.as_str()),
            Start::Club(_) => Some("sport"),
            _ => None,
        }
    }

    /// A name part after a joiner: capitalised, not a new unit, title or person.
    fn name_part_follows(&self, pos: usize) -> bool {
        self.a
            .next_tok(pos)
            .is_some_and(|n| n.is_cap(self.work) && !self.stops_name(n.start, 2))
    }

    fn and(&self, t: Tok, last: Last, head: HeadHit) -> Option<(usize, Last)> {
        let inside = matches!(
            last,
            Last::Cap { .. } | Last::Free | Last::Free2 | Last::NameWord | Last::Phrase
        ) || (self.tok_text(t) == "&" && last == Last::Abbr);
        (inside && (self.name_part_follows(t.end) || self.co_head_follows(t.end, head)))
            .then_some((t.end, Last::Joiner))
    }

    /// A second head sharing the name that follows it (`Trung tâm Lưu trữ
    /// và Thư viện Trường Đại học Cần Thơ`): a head of the same kind as
    /// the first with no name of its own, right before the unit both
    /// belong to (not `Tổng cục Thủy lợi và Tập đoàn Điện lực`).
    fn co_head_follows(&self, pos: usize, first: HeadHit) -> bool {
        let Some(n) = self.a.next_tok(pos).filter(|n| n.is_cap(self.work)) else {
            return false;
        };
        let Some(h) = self.head_at(n.start, false) else {
            return false;
        };
        let same_kind = match (self.category(first), self.category(h)) {
            (Some(a), Some(b)) => a == b || a == "other" || b == "other",
            _ => true,
        };
        !h.standalone
            && same_kind
            && matches!(h.start, Start::Head(_))
            && self
                .a
                .next_tok(h.end)
                .is_some_and(|m| m.is_cap(self.work) && self.head_at(m.start, false).is_some())
    }

    /// A comma that belongs to the official name: `Bộ Văn hóa, Thể thao và
    /// Du lịch` (name parts, then `và` and a last part).
    fn comma(&self, t: Tok, last: Last) -> Option<(usize, Last)> {
        if !matches!(last, Last::Cap { .. } | Last::Free | Last::Phrase)
            || !self.name_part_follows(t.end)
        {
            return None;
        }
        let mut pos = t.end;
        for _ in 0..6 {
            let n = self.a.next_tok(pos)?;
            let txt = self.lower_text(n);
            if txt == "và" {
                return self
                    .name_part_follows(n.end)
                    .then_some((t.end, Last::Joiner));
            }
            let part = (n.is_cap(self.work) && !self.stops_name(n.start, 2))
                || (n.is_lower_word(self.work) && self.at(&self.cfg.stop_words, n.start).is_none());
            if !part {
                return None;
            }
            pos = n.end;
        }
        None
    }

    /// A dash inside a name (`Sở Giáo dục - Đào tạo`); before a new head
    /// it separates two units.
    fn dash(&self, t: Tok, last: Last) -> Option<(usize, Last)> {
        if last == Last::Joiner {
            return None;
        }
        self.name_part_follows(t.end)
            .then_some((t.end, Last::Joiner))
    }

    /// A bracket kept in the name: an abbreviation defined inline
    /// (`Cơ quan Chính quyền (CQCQ)`) or the expansion of the abbreviation
    /// just before (`Bảo tàng CAND (Công an nhân dân)`).
    fn bracket(&self, start: usize, open: Tok) -> Option<(usize, Last)> {
        let close_rel = self.work[open.end..].find(')')?;
        let close = open.end + close_rel;
        let inner = self.work[open.end..close].trim();
        if inner.is_empty() || inner.len() > 80 || inner.contains(['\n', '(', ',', ';']) {
            return None;
        }
        let before = self.work[start..open.start].trim_end();
        if is_abbreviation(inner) {
            if let Some(a) = self.cfg.abbr_info.iter().find(|a| a.form == inner) {
                // A known abbreviation in brackets is another body (`(TTXVN)`)
                // unless it abbreviates this very name.
                let ok = lowercase_of(before).ends_with(&lowercase_of(&a.expansion))
                    || same_ending(before, &a.expansion, 2);
                return ok.then_some((close + 1, Last::Bracket));
            }
            return Some((close + 1, Last::Bracket));
        }
        // A company's brand defined here (`Công ty CP Sữa Việt Nam (Vinamilk)`).
        if self
            .defs
            .iter()
            .any(|d| d.form == inner && d.expansion.as_deref().is_some_and(|e| before.ends_with(e)))
        {
            return Some((close + 1, Last::Bracket));
        }
        let prev = self.a.prev_tok(open.start)?;
        if prev.is_all_caps(self.work) && initials(inner) == letters(self.tok_text(prev)) {
            return Some((close + 1, Last::Bracket));
        }
        None
    }
}

/// The last `n` words of both are the same, case aside (`Liên hiệp châu
/// Âu` and `Liên minh châu Âu`: another wording of the same name).
fn same_ending(a: &str, b: &str, n: usize) -> bool {
    let (a, b) = (lowercase_of(a), lowercase_of(b));
    let last = |s: &str| {
        s.split_whitespace()
            .rev()
            .take(n)
            .collect::<Vec<_>>()
            .join(" ")
    };
    a.split_whitespace().count() >= n && b.split_whitespace().count() >= n && last(&a) == last(&b)
}

fn lowercase_of(s: &str) -> String {
    super::super::lexicon::lowercase(s)
}

/// Shaped like one Vietnamese syllable (`Thủ`, `Y`, `Thanh`), not a
/// foreign word (`Esteban`, `Maroc`, `Ramón`).
pub fn is_vietnamese_syllable(s: &str) -> bool {
    static SHAPE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")
            .expect("valid regex")
    });
    let folded: Option<String> = s.chars().map(base_letter).collect();
    folded.is_some_and(|f| SHAPE.is_match(&f))
}

/// The base letter of a Vietnamese letter, lower-cased (`Ộ` gives `o`);
/// `None` for anything outside the Vietnamese alphabet.
fn base_letter(c: char) -> Option<char> {
    const GROUPS: [(&str, char); 7] = [
        ("aàáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("eèéẻẽẹêềếểễệ", 'e'),
        ("iìíỉĩị", 'i'),
        ("oòóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("uùúủũụưừứửữự", 'u'),
        ("yỳýỷỹỵ", 'y'),
        ("đ", 'đ'),
    ];
    let l = c.to_lowercase().next()?;
    if "bcdghklmnpqrstvx".contains(l) {
        return Some(l);
    }
    GROUPS.iter().find(|(g, _)| g.contains(l)).map(|&(_, b)| b)
}

/// Upper-case letters, digits, `&`, `-` and spaces only, with two letters
/// at least (`CQCQ`, `BVSKBMTE & KHHGĐ`).
pub fn is_abbreviation(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && s.chars().next().is_some_and(char::is_uppercase)
        && s.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '&' | '-' | ' '))
}

/// The letters of an abbreviation, upper-cased.
pub fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// First letters of the words of a phrase, upper-cased; `và` is skipped.
pub fn initials(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && *w != "và")
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_syllables() {
        for w in ["Thủ", "Y", "Thanh", "Nghệ", "Đức", "Quảng", "Chính"] {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
        for w in ["Esteban", "Maroc", "Ramón", "Google", "HĐND"] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn initials_skip_va() {
        assert_eq!(
            initials("Bảo vệ sức khỏe bà mẹ trẻ em và Kế hoạch hóa gia đình"),
            "BVSKBMTEKHHGĐ"
        );
        assert_eq!(letters("BVSKBMTE & KHHGĐ"), "BVSKBMTEKHHGĐ");
    }
}
