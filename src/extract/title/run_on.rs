//! A title's unit read to where it ends (spec: the title span ends where
//! its unit ends). The unit stage stops a name at the first lower-case
//! word it cannot vouch for (`Viện Nghiên cứu` of `Viện Nghiên cứu phát
//! triển xã hội`) and reads no name at a lower-case or foreign unit word
//! (`chuỗi Organica`, `văn phòng thiết kế Calty`). Right after a role the
//! words are the role's unit, so a title reads on: lower-case syllables
//! that start no predicate, up to a clean end (a comma, a bracket, `của`,
//! a listed place or the holder's full name).

use super::{TitleExtractor, only_space_gap};
use crate::extract::Ctx;
use crate::extract::lexicon::{entries_at, folded};
use crate::extract::unit::learned::continuation_lists;
use crate::extract::unit::shapes::is_vietnamese_syllable;
use crate::extract::unit::{ABBREVIATION, DEFINED_ABBREVIATION, KNOWN_NAME, STANDALONE};
use crate::rules::learned::LearnedContinuation;
use crate::rules::typed::{TitleSettings, Units};
use crate::rules::{RuleError, RuleSources};
use crate::text::chars::{is_name_shaped, skip_spaces};
use crate::text::tokens::Tok;
use crate::text::{ListId, ListSetBuilder, Listed};

/// Punctuation that closes a unit read on inside a title.
const CLEAN_ENDS: &[&str] = &[",", ";", "(", ")", "-", "–", "—"];

/// The word lists a title reads a unit on with.
pub(super) struct RunOn {
    /// Words that start a predicate or a phrase (`cho biết`, `của`):
    /// `stop_words` of `units.json`.
    stops: Listed,
    /// Words the corpus saw start predicates after names (`phát`).
    learned_stops: Listed,
    /// `before word` pairs the corpus saw continue names (`phát triển`).
    continuations: Listed,
    /// Words that end the unit cleanly after it (`của`, `thuộc`).
    ends: Listed,
    /// Words of scope that close a name in any case (`Trung ương`):
    /// `scope_words` of `units.json`.
    scopes: Listed,
    /// Lower-case or foreign words that open a unit after a bare role
    /// (`chuỗi`, `hãng`, `LHP`), besides the unit heads of the lexicon.
    nouns: Listed,
    unit_heads: ListId,
    /// Unit heads (by index of `unit_heads`) that need a name after them.
    needs_name: Vec<bool>,
    /// Most lower-case words read on.
    max_words: usize,
    /// Most capitalised words of a name read after a unit word.
    max_name_words: usize,
}

impl RunOn {
    pub(super) fn new(
        sources: &RuleSources,
        s: &TitleSettings,
        unit_heads: ListId,
        needs_name: Vec<bool>,
        lists: &mut ListSetBuilder,
    ) -> Result<RunOn, RuleError> {
        let u = sources.load::<Units>()?.settings;
        let rows: Vec<LearnedContinuation> = sources.word_list()?;
        let (continuations, learned_stops) = continuation_lists(&rows, &u.learned);
        Ok(RunOn {
            stops: Listed::new(folded(&u.stop_words), lists),
            learned_stops: Listed::new(learned_stops, lists),
            continuations: Listed::new(continuations, lists),
            ends: Listed::new(folded(&s.run_on_ends), lists),
            scopes: Listed::new(folded(&u.scope_words), lists),
            nouns: Listed::new(folded(&s.run_on_nouns), lists),
            unit_heads,
            needs_name,
            max_words: s.run_on_max_words,
            max_name_words: s.run_on_max_name_words,
        })
    }
}

impl TitleExtractor {
    /// The end of lower-case words that continue the unit ending at
    /// `from` (`Cục Quản lý` + `đường bộ cao tốc`), when they reach a
    /// clean end.
    pub(super) fn unit_run_on(&self, ctx: &Ctx, start: usize, from: usize) -> Option<usize> {
        // A name complete by itself (`Thành ủy`, `Vingroup`, `UBND`) is
        // not read on (`Bí thư Thành ủy trẻ nhất nước`).
        let complete = ctx.units.get().and_then(|u| u.at(start)).is_some_and(|u| {
            u.end == from
                && [STANDALONE, KNOWN_NAME, ABBREVIATION, DEFINED_ABBREVIATION].contains(&u.rule)
        });
        if complete || !self.ends_on_field(ctx, start, from) {
            return None;
        }
        let (end, doubtful) = self.lower_run(ctx, from)?;
        let placed = self.place_run(ctx, end);
        // `Viện Nghiên cứu quản lý kinh tế Trung ương`: a capitalised word
        // or two may close the name, up to a clean end.
        let placed = if placed == end {
            self.closing_names(ctx, end).unwrap_or(end)
        } else {
            placed
        };
        // A word that often starts a predicate (`hành`, `công`) is read
        // on only up to a place or the holder's name, not a mere comma.
        let sure = !doubtful || placed > end || self.holder_next(ctx, end);
        (sure && self.clean_end(ctx, placed)).then_some(placed)
    }

    /// The unit `start..end` ends on a Vietnamese word of its field
    /// (`Cục Quản lý`, `Viện Nghiên cứu`), where its name may go on in
    /// lower case; not on a place, an abbreviation or a foreign name
    /// (`Công an huyện Phú Xuyên`, `HĐQT`, `Barca`), which complete it.
    fn ends_on_field(&self, ctx: &Ctx, start: usize, end: usize) -> bool {
        let work = ctx.work();
        let Some(last) = ctx
            .prev_tok(end)
            .filter(|t| t.end == end && t.start >= start)
        else {
            return false;
        };
        let text = last.text(work);
        if !is_vietnamese_syllable(text) || last.is_all_caps(work) && text.chars().count() > 1 {
            return false;
        }
        // No level word (`huyện`, `tỉnh`) and no listed place in it.
        let mut pos = start;
        while let Some(t) = ctx.next_tok(pos).filter(|t| t.end <= end) {
            if ctx.hit(self.levels, t.start).is_some() || self.listed_place(ctx, t.start).is_some()
            {
                return false;
            }
            pos = t.end;
        }
        true
    }

    /// A unit after a bare role that the unit stage did not read: a unit
    /// word (`chuỗi`, `văn phòng`, `Hội đồng`), lower-case words, and a
    /// name (`Organica`, `thiết kế Calty`, `Busan`), up to a clean end.
    /// The unit word may be the role's own last word (`trưởng văn
    /// phòng`). Its start and end.
    pub(super) fn unit_after_bare_role(
        &self,
        ctx: &Ctx,
        role_start: usize,
        word_end: usize,
        role_end: usize,
    ) -> Option<(usize, usize)> {
        let work = ctx.work();
        if !only_space_gap(work, role_end) {
            return None;
        }
        let r = &self.run_on;
        // (end, whether a name must follow it): a listed unit word in any
        // case, a unit head of the lexicon capitalised (`khoa` of `khoa
        // học` is no faculty) or inside the role.
        let noun_at = |pos: usize, inside: bool| {
            let listed = entries_at(ctx, r.nouns.id, pos)
                .filter(|h| whole_word(work, h.end))
                .map(|h| (h.end, false));
            let head = ctx
                .hit(r.unit_heads, pos)
                .filter(|h| whole_word(work, h.end))
                .filter(|_| inside || work[pos..].starts_with(char::is_uppercase))
                .map(|h| (h.end, r.needs_name.get(h.index).copied().unwrap_or(false)));
            listed.chain(head).max_by_key(|&(e, _)| e)
        };
        let first = ctx.next_tok(role_end)?;
        // The role's suffix (`Thường trực`) goes with the unit there.
        let own = || {
            crate::text::tokens::words(&work[role_start..role_end])
                .iter()
                .skip(1)
                .map(|w| role_start + w.start)
                .find_map(|p| {
                    noun_at(p, true)
                        .filter(|n| n.0 == word_end || n.0 == role_end)
                        .map(|n| (p, (role_end, n.1)))
                })
        };
        let (unit_start, (noun, needs_name)) = match noun_at(first.start, false) {
            Some(n) => (first.start, n),
            None => own()?,
        };
        let mut end = noun;
        if let Some((e, _)) = self.lower_run(ctx, end) {
            end = e;
        }
        let lowered = end;
        let mut names = 0;
        let mut ended = false;
        while let Some(t) = ctx.next_tok(end) {
            if names >= r.max_name_words || t.start != end + 1 {
                break;
            }
            if let Some((p, country)) = self.listed_place_kind(ctx, t.start) {
                end = p;
                names += 1;
                // `Hạm đội Thái Bình Dương Mỹ Harry Harris`: a country ends
                // the unit; what follows is its holder.
                if country {
                    if only_space_gap(work, end)
                        && let Some(q) = self.listed_place(ctx, end + 1)
                    {
                        end = q;
                    }
                    ended = true;
                    break;
                }
                continue;
            }
            let named = is_name_shaped(t.text(work)) || t.is_all_caps(work);
            if !named || self.full_name_at(ctx, t.start) || ctx.hit(self.titles, t.start).is_some()
            {
                break;
            }
            // `bộ phận báo chí EMD Alexander Gordeyev`: two foreign name
            // words after the unit's name are its holder.
            if names > 0 && self.foreign_pair_at(ctx, t) {
                ended = true;
                break;
            }
            end = t.end;
            names += 1;
            // `Covid - 19`, `SM-3`: a number joined by a dash.
            if let Some(e) = dash_number(work, end) {
                end = e;
            }
        }
        // `tiểu ban điều trị Covid - 19 tỉnh Quảng Nam`: the place of the
        // unit after its name.
        if names > 0
            && only_space_gap(work, end)
            && ctx.hit(self.levels, end + 1).is_some()
            && let Some(p) = self.place_after(ctx, end + 1).filter(|&p| p > end + 1)
            && ctx.next_tok(p).is_none_or(|x| !x.is_lower_word(work))
        {
            end = p;
        }
        if end == noun && (names == 0 && !self.clean_end(ctx, end) || noun == role_end) {
            return None;
        }
        // `Bí thư Đảng ủy, Giám đốc ...`, `Giám đốc Sở.`: a head that needs
        // a name, alone before punctuation, is the role's own body, named
        // no further.
        let capitalised = work[unit_start..].starts_with(char::is_uppercase);
        if capitalised
            && needs_name
            && names == 0
            && end == noun
            && noun > role_end
            && bare_head_end(work, end)
        {
            return Some((unit_start, end));
        }
        // A capitalised unit word the unit stage did not take needs
        // lower-case words after it (`Công đoàn công ty`), not a name
        // (`Trường Chinh`, `Hội đồng Giám mục`), unless a country ends it.
        if capitalised && !ended && lowered == noun {
            return None;
        }
        // A head that needs a name (`Trường THPT chuyên`) takes the full
        // name after it as that name (`Phan Bội Châu`): no unit here.
        if needs_name && names == 0 && self.holder_next(ctx, end) {
            return None;
        }
        // After a name, a predicate may follow (`chuỗi Organica cho biết`).
        let predicate = names > 0
            && ctx.next_tok(end).is_some_and(|t| {
                t.start == end + 1
                    && entries_at(ctx, r.stops.id, t.start)
                        .any(|h| whole_word(work, h.end) && work[t.start..h.end].contains(' '))
            });
        (ended || predicate || self.clean_end(ctx, end)).then_some((unit_start, end))
    }

    /// `at..end` is one unit head that needs a name (`Đảng ủy`, `Sở`):
    /// a generic body, no unit.
    pub(super) fn is_bare_head(&self, ctx: &Ctx, at: usize, end: usize) -> bool {
        let r = &self.run_on;
        ctx.hit(r.unit_heads, at)
            .is_some_and(|h| h.end == end && r.needs_name.get(h.index).copied().unwrap_or(false))
    }

    /// `t` and the word after it are name-shaped words that are no
    /// Vietnamese syllables (`Alexander Gordeyev`).
    fn foreign_pair_at(&self, ctx: &Ctx, t: Tok) -> bool {
        let work = ctx.work();
        let foreign = |x: &Tok| {
            let w = x.text(work);
            is_name_shaped(w) && !is_vietnamese_syllable(w)
        };
        foreign(&t)
            && ctx
                .next_tok(t.end)
                .is_some_and(|n| n.start == t.end + 1 && foreign(&n))
    }

    /// Lower-case syllables after `from` that start no predicate: their
    /// end, when there is at least one, and whether a word of the run is
    /// one the corpus saw start predicates (`công`, `hành`).
    fn lower_run(&self, ctx: &Ctx, from: usize) -> Option<(usize, bool)> {
        let work = ctx.work();
        let r = &self.run_on;
        let mut end = from;
        let mut n = 0;
        let mut doubtful = false;
        while let Some(t) = ctx.next_tok(end) {
            if t.start != end + 1 || !work[end..t.start].starts_with(' ') || n >= r.max_words {
                break;
            }
            // A level word names a place with a name after it (`tỉnh
            // Quảng Nam`: the run ends there), is a syllable before a
            // lower-case one (`xã hội`), and dangles otherwise (`bệnh
            // thành phố`).
            // The corpus's pairs vouch for a level syllable inside a word
            // (`nông thôn`).
            let paired = n > 0
                && ctx.prev_tok(t.start).is_some_and(|p| {
                    entries_at(ctx, r.continuations.id, p.start).any(|h| h.end == t.end)
                });
            if let Some(h) = ctx
                .hit(self.levels, t.start)
                .filter(|h| whole_word(work, h.end) && !paired)
            {
                let next = ctx.next_tok(h.end).filter(|x| x.start == h.end + 1);
                if next.is_some_and(|x| x.is_cap(work) || x.is_number(work)) {
                    if let Some(p) = self.place_after(ctx, t.start).filter(|&p| p > h.end) {
                        end = p;
                        n += 1;
                    }
                    break;
                }
                if !next.is_some_and(|x| x.is_lower_word(work)) {
                    break;
                }
            }
            let Some((e, stop)) = self.continues(ctx, t) else {
                break;
            };
            doubtful |= stop;
            end = e;
            n += 1;
        }
        (n > 0).then_some((end, doubtful))
    }

    /// `t` may continue a unit name: a lower-case Vietnamese syllable that
    /// starts no phrase of its own and no other role, or a lower-case unit
    /// word (`công ty`). Its end, and whether the corpus saw it start
    /// predicates (`phát` but not in `phát triển`).
    fn continues(&self, ctx: &Ctx, t: Tok) -> Option<(usize, bool)> {
        let work = ctx.work();
        let r = &self.run_on;
        if !t.is_lower_word(work) || !is_vietnamese_syllable(t.text(work)) {
            return None;
        }
        if let Some(h) = ctx
            .hit(r.unit_heads, t.start)
            .filter(|h| whole_word(work, h.end))
        {
            return Some((h.end, false));
        }
        if entries_at(ctx, r.stops.id, t.start).any(|h| whole_word(work, h.end))
            || entries_at(ctx, r.ends.id, t.start).any(|h| whole_word(work, h.end))
            || ctx.hit(self.honorifics, t.start).is_some()
            || ctx.hit(self.titles, t.start).is_some()
        {
            return None;
        }
        let learned_stop = entries_at(ctx, r.learned_stops.id, t.start).any(|h| h.end == t.end);
        let pair = entries_at(ctx, r.continuations.id, t.start)
            .any(|h| h.end > t.end + 1 && whole_word(work, h.end));
        Some((t.end, learned_stop && !pair))
    }

    /// One or two capitalised Vietnamese words right after `end`, no
    /// person's name and no role, followed by a clean end: their end.
    fn closing_names(&self, ctx: &Ctx, end: usize) -> Option<usize> {
        let work = ctx.work();
        let mut at = end;
        for _ in 0..2 {
            let Some(t) = ctx.next_tok(at).filter(|t| t.start == at + 1) else {
                break;
            };
            if let Some(h) = entries_at(ctx, self.run_on.scopes.id, t.start).find(|h| {
                whole_word(work, h.end) && work[t.start..].starts_with(char::is_uppercase)
            }) {
                at = h.end;
                continue;
            }
            let text = t.text(work);
            if !is_name_shaped(text)
                || !is_vietnamese_syllable(text)
                || self.full_name_at(ctx, t.start)
                || ctx.hit(self.titles, t.start).is_some()
                || ctx.hit(self.honorifics, t.start).is_some()
            {
                break;
            }
            at = t.end;
        }
        (at > end && self.clean_end(ctx, at)).then_some(at)
    }

    /// A listed place right after `end` (`Hà Nội`) ends the unit there.
    fn place_run(&self, ctx: &Ctx, end: usize) -> usize {
        if !only_space_gap(ctx.work(), end) {
            return end;
        }
        self.listed_place(ctx, end + 1).unwrap_or(end)
    }

    /// The end of a capitalised listed place at `pos`.
    pub(super) fn listed_place(&self, ctx: &Ctx, pos: usize) -> Option<usize> {
        self.listed_place_kind(ctx, pos).map(|(end, _)| end)
    }

    /// The end of a capitalised listed place at `pos`, and whether it is a
    /// country or region.
    fn listed_place_kind(&self, ctx: &Ctx, pos: usize) -> Option<(usize, bool)> {
        let work = ctx.work();
        if !work[pos..].starts_with(char::is_uppercase) {
            return None;
        }
        ctx.hit(self.places, pos)
            .filter(|h| whole_word(work, h.end))
            .map(|h| {
                (
                    h.end,
                    self.country_places.get(h.index).copied().unwrap_or(false),
                )
            })
    }

    /// What follows `end` closes a unit: punctuation of apposition, the
    /// end of the sentence, a word that ends a unit (`của`, `tại`) or the
    /// holder's full name.
    fn clean_end(&self, ctx: &Ctx, end: usize) -> bool {
        let work = ctx.work();
        let Some(t) = ctx.next_tok(end) else {
            return true;
        };
        if ctx.sentence_of(t.start) != ctx.sentence_of(end.saturating_sub(1)) {
            return true;
        }
        if CLEAN_ENDS.contains(&t.text(work)) {
            return true;
        }
        only_space_gap(work, end)
            && (entries_at(ctx, self.run_on.ends.id, t.start).any(|h| whole_word(work, h.end))
                || self.holder_next(ctx, end))
    }

    /// The holder's full name follows `end` after a space.
    fn holder_next(&self, ctx: &Ctx, end: usize) -> bool {
        self.full_name_at(ctx, skip_spaces(ctx.work(), end))
    }
}

/// The end of ` - 19` or `-3` right after `end`: a number joined to a
/// name by a dash.
fn dash_number(work: &str, end: usize) -> Option<usize> {
    let rest = &work[end..];
    let after_dash = rest
        .strip_prefix(" - ")
        .or_else(|| rest.strip_prefix('-'))?;
    let digits = after_dash.len()
        - after_dash
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let whole = after_dash[digits..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    (digits > 0 && whole).then_some(end + (rest.len() - after_dash.len()) + digits)
}

/// Punctuation closing a clause or the text right after `end` (`,`, `;`,
/// `.`, `:`, `)`).
fn bare_head_end(work: &str, end: usize) -> bool {
    work[end..]
        .chars()
        .next()
        .is_none_or(|c| matches!(c, ',' | ';' | '.' | ':' | ')' | '\n'))
}

/// No letter or digit right after `end`.
fn whole_word(work: &str, end: usize) -> bool {
    work[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use crate::extract::{Engine, Options};
    use crate::model::EntityType;
    use crate::rules::RuleSources;

    fn title_spans(text: &str) -> Vec<String> {
        let engine = Engine::new(&RuleSources::embedded(), Options::default()).unwrap();
        engine
            .extract_text(text, None)
            .entities
            .into_iter()
            .filter(|e| e.etype == EntityType::Title)
            .map(|e| e.text)
            .collect()
    }

    #[test]
    fn a_unit_is_read_on_to_a_clean_end_only() {
        let got = title_spans(
            "Bà Hà Thị Yến, Viện trưởng Viện Nghiên cứu phát triển nông thôn, phát biểu.",
        );
        assert_eq!(got, ["Viện trưởng Viện Nghiên cứu phát triển nông thôn"]);
        // A predicate after the unit is not read (`cho biết`).
        let got = title_spans("Ông Lê Văn Tám, Giám đốc Sở Y tế cho biết, dịch đã lắng.");
        assert_eq!(got, ["Giám đốc Sở Y tế"]);
        // A complete name is not read on.
        let got = title_spans("Ông Lê Văn Tám, Bí thư Thành ủy trẻ nhất nước, phát biểu.");
        assert_eq!(got, ["Bí thư Thành ủy"]);
    }

    #[test]
    fn a_lower_case_unit_stays_in_the_span_without_a_unit() {
        let engine = Engine::new(&RuleSources::embedded(), Options::default()).unwrap();
        let article = engine.extract_text("Ông Trần Văn Quý, phó giám đốc công ty, trả lời.", None);
        let titles: Vec<_> = article
            .entities
            .iter()
            .filter(|e| e.etype == EntityType::Title)
            .collect();
        assert_eq!(titles.len(), 1);
        assert_eq!(titles[0].text, "phó giám đốc công ty");
        assert!(!article.entities.iter().any(|e| e.etype == EntityType::Unit));
    }
}
