//! Extending a name from its head, token by token: what each kind of
//! token (a capitalised word, a lower-case word, a number, a nested head)
//! may add to a name after what came before it.

use super::super::config::HeadKind;
use super::super::shapes::is_vietnamese_syllable;
use super::{HeadHit, Last, Scanner, Start, lowercase_of};
use crate::extract::lexicon::is_entry;
use crate::rules::lists::UnitCategory;
use crate::text::Listed;
use crate::text::tokens::Tok;

/// Punctuation that ends a name.
const STOP_PUNCT: &[&str] = &[".", ";", ":", "!", "?", "…", "\"", "“", "”", "/", "]", "["];

impl Scanner<'_> {
    /// Extend a name from its head; `None` when the head is an ordinary
    /// word here (`Ban hành`, `Thành ủy viên`). Returns the end, whether
    /// anything that names the unit was taken, and whether that was only
    /// a level word.
    pub(super) fn extend(&self, start: usize, head: HeadHit) -> Option<(usize, bool, bool)> {
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
            // `thanh tra trường Đại học X`: a head written in lower case
            // right after one written in lower case makes the first a verb
            // or a common word; the unit is the one after, found by itself.
            if head.lower
                && t.is_lower_word(self.work)
                && self.head_at(t.start, true).is_some_and(|h| h.lower)
                && self.at(&self.cfg.levels, t.start).is_none()
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
        let mut scoped = false;
        // A full name the corpus knows takes the lower-case words the
        // steps would stop at (`Bệnh viện Bệnh Nhiệt đới Trung ương`
        // written `Bệnh viện Bệnh nhiệt đới trung ương`); its capitalised
        // words must pass the steps as any other.
        let learned_end = self.learned_name_end(start, head.end);
        while let Some(t) = self.a.next_tok(end) {
            let bare = end == head.end;
            let step = self.step(start, bare, t, last, head).or_else(|| {
                let inside = learned_end.is_some_and(|e| t.end <= e);
                (inside && t.is_lower_word(self.work)).then_some((t.end, Last::Free))
            });
            let Some((e, l)) = step else {
                break;
            };
            other_anchor |= learned_end.is_some_and(|le| e >= le);
            scoped |= l == Last::NameWord
                && self
                    .at(&self.cfg.scope_words, t.start)
                    .is_some_and(|h| h.end == e);
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
        other_anchor |= scoped
            && !head.lower
            && self.work[start..head.end].split(' ').count() >= self.cfg.scope_head_min_words;
        let anchored = saw_level || other_anchor;
        let level_only = saw_level && !other_anchor;
        // A joiner must be followed by a name part; never end on one.
        if last == Last::Joiner {
            end = safe_end;
        }
        Some((end, anchored, level_only))
    }

    pub(super) fn step(
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
        // A date is no part of a name (`(ABBANK) Năm 2017`).
        if self.dates.iter().any(|&(s, e)| s <= t.start && t.start < e) {
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

    /// A unit name inside this one (`Chi bộ Phòng Tư pháp`, `Ban Tổ chức
    /// Thành ủy`), or a capitalised name phrase (`Phòng cháy chữa cháy`).
    pub(super) fn nested_head(&self, t: Tok, last: Last) -> Option<(usize, Last)> {
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

    pub(super) fn cap(
        &self,
        t: Tok,
        last: Last,
        head: HeadHit,
        bare: bool,
    ) -> Option<(usize, Last)> {
        let cfg = self.cfg;
        // Capitalised inside a name, `Anh` is the country (`Hạ viện Anh
        // John Bercow`), not a form of address.
        let honorific = self
            .at(&cfg.honorifics, t.start)
            .is_some_and(|h| self.a.next_tok(h.end).is_some_and(|n| n.is_cap(self.work)))
            && self.known_place(t.start).is_none();
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
        if last == Last::Bracket {
            // After an abbreviation in brackets the name is complete but for
            // its place (`(CQCQ) TP Thủ Đức`): not the next sentence of a
            // headline (`(FED) Nhận định`) nor a person (`(AU) Araya Desta`).
            return None;
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

    pub(super) fn lower_step(&self, t: Tok, last: Last, head: HeadHit) -> Option<(usize, Last)> {
        let cfg = self.cfg;
        let is = |list: &Listed| is_entry(self.a, list.id, t.start, t.end);
        if is(&cfg.name_joiners) {
            return self.and(t, last, head);
        }
        if is(&cfg.at_place_words) {
            return self.at_place(t, head);
        }
        if let Some(b) = self.branch(t, last) {
            return Some(b);
        }
        if !matches!(last, Last::Place | Last::Level | Last::Term | Last::Bracket)
            && let Some(w) = self.at(&cfg.name_words, t.start)
        {
            return Some((w.end, Last::NameWord));
        }
        if is(&cfg.number_words)
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
        if self.learned_continuation(t, last) {
            return Some((t.end, Last::Free));
        }
        // The rules below take a lower-case word after a name part by its
        // shape alone: not one the corpus saw start a predicate after
        // names (`Trường Sinh cung cấp`) when the predicate goes on in
        // lower case (`Hậu cần Công an` is a name). Bridges from a bare
        // head to its name (`Ban quản lý dự án X`) need a capitalised end.
        let stop = self.learned_stop(t)
            && self
                .a
                .next_tok(t.end)
                .is_some_and(|n| n.is_lower_word(self.work));
        if matches!(last, Last::Free | Last::Phrase)
            && !stop
            && self.kind(head) == Some(HeadKind::Listed(UnitCategory::Business))
            && let Some(end) = self.lower_run(t)
        {
            return Some((end, Last::Free2));
        }
        if last == (Last::Cap { first: true })
            && !stop
            && self
                .a
                .prev_tok(t.start)
                .is_some_and(|p| is_vietnamese_syllable(self.tok_text(p)))
        {
            return Some((t.end, Last::Free));
        }
        if last == Last::Free
            && !stop
            && self.a.next_tok(t.end).is_none_or(|n| !n.is_word(self.work))
        {
            return Some((t.end, Last::Free2));
        }
        if last == Last::Free
            && !stop
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
    pub(super) fn lower_run(&self, t: Tok) -> Option<usize> {
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
    pub(super) fn run_to_place(&self, t: Tok) -> Option<usize> {
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

    /// Lower-case words right after a head that lead to a capitalised name
    /// part (`Công ty may Thanh Phong`).
    pub(super) fn bridge(&self, t: Tok) -> Option<(usize, Last)> {
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
    pub(super) fn number(
        &self,
        t: Tok,
        last: Last,
        head: HeadHit,
        bare: bool,
    ) -> Option<(usize, Last)> {
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
            && matches!(self.kind(head), Some(HeadKind::Listed(c)) if self.cfg.numbered_categories.contains(&c));
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
}
