//! Reading the name inside one run of capitalised words: where it starts
//! (after an honorific, places and non-names skipped), whether its cue
//! and its first word make it a name, and where it ends.

use super::cues::Cue;
use super::ids::RULE_CAPS;
use super::runs::LocalPlaces;
use super::shape::{
    after_lowercase_word, has_vietnamese_letters, is_capitalised_or_caps, is_foreign_word,
    sentence_initial, spoken_words,
};
use super::{MAX_NAME_WORDS, PersonExtractor};
use crate::extract::lexicon::lowercase;
use crate::text::chars::{is_all_caps, is_capitalised, is_name_shaped, only_spaces};
use crate::text::wordlists::word_before;
use crate::text::{Analysis, ListId, Token as Word};

impl PersonExtractor {
    /// The name inside one run, if any, and how many run words it uses.
    pub(super) fn name_in_run(
        &self,
        a: &Analysis,
        run: &[Word],
        cue: Option<Cue>,
        local_places: &LocalPlaces,
    ) -> Option<(usize, usize, &'static str, Cue, usize)> {
        let (work, lower) = (a.work(), a.lower());
        let mut cue = cue?;
        let mut k = 0;
        // A capitalised honorific opening the run (`Ông Chung`, `Ngài
        // Kalinak`); in mid-sentence it is part of a place (`nóc Ông Lục`).
        // Right after a cue, a form of address followed by one Vietnamese
        // syllable opens the name itself (`ca sĩ Anh Thơ`, `bạn Anh Tuấn`).
        let address_opens = matches!(cue, Cue::Honorific | Cue::Title)
            && run.len() == 2
            && after_lowercase_word(work, run[0].start)
            && only_spaces(work, run[0].end, run[1].start)
            && !is_foreign_word(run[1].text(work))
            && word_before(lower, run[1].start, &self.address_forms) == Some(run[0].start);
        if let Some(h) = a.hit(self.honorifics, run[0].start).filter(|h| {
            let mid_sentence = after_lowercase_word(work, run[0].start);
            let in_place = mid_sentence && self.place_honorifics.contains(&lower[h.start..h.end]);
            !(address_opens || in_place)
        }) {
            while k < run.len() && run[k].end <= h.end {
                k += 1;
            }
            if k == 0 || k >= run.len() || run[k - 1].end != h.end {
                return None;
            }
            cue = Cue::Honorific;
        }
        if a.hit(self.blockers, run[k].start).is_some() {
            return None;
        }
        let caps = is_all_caps(run[k].text(work)) && run[k].text(work).chars().count() > 1;
        // The word before `k` was skipped as an unknown capitalised word
        // in mid-sentence: a name cannot start inside such a proper noun
        // (`Tung Chung Phố`).
        let mut inside_noun = false;
        while k < run.len() {
            // Skip places and other capitalised non-names inside the run.
            // Only a name with no cue gives way to a local place: a person
            // may share a street's name (`đường Lê Lợi`, `ông Lê Lợi`).
            let at = run[k].start;
            let local = if cue == Cue::None {
                local_places.longest_at(lower, at)
            } else {
                None
            };
            // `ông Bang`, `bà Huế`: one word right after a form of address
            // is a given name even when it spells a town (not a country).
            let addressed = cue == Cue::Honorific
                && run.len() == 1
                && word_before(lower, run[0].start, &self.address_forms).is_some()
                && a.hit(self.not_names, run[0].start).is_none()
                && a.hit(self.places, run[0].start)
                    .is_none_or(|h| self.addressable_places.contains(&lower[h.start..h.end]));
            let non_name = if addressed || (address_opens && k == 0) {
                None
            } else {
                self.non_name_at(a, run[k].start)
            };
            if let Some(end) = non_name.max(local) {
                while k < run.len() && run[k].start < end {
                    k += 1;
                }
                cue = Cue::None;
                inside_noun = false;
                continue;
            }
            let t = run[k].text(work);
            // A hyphen piece or a regnal number never opens a name (`Cô-vi`).
            let opens = (is_name_shaped(t) || is_all_caps(t))
                && (k == 0 || only_spaces(work, run[k - 1].end, run[k].start));
            if !opens {
                k += 1;
                cue = Cue::None;
                inside_noun = false;
                continue;
            }
            if self.never_in_name.contains(&lowercase(t)) {
                k += 1;
                cue = Cue::None;
                inside_noun = false;
                continue;
            }
            let mut surname =
                a.hit(self.surnames, run[k].start).is_some() && is_capitalised_or_caps(t);
            let foreign = self.foreign_given.contains(t);
            let end = self.name_end(a, run, k);
            // A surname without its diacritics leads a name written
            // without them too (`Nguyen Thi Lan`, not `Hoang Ốc`).
            if self.unaccented_surnames.contains(&lowercase(t))
                && run[k + 1..end].iter().any(|w| !w.text(work).is_ascii())
            {
                surname = false;
            }
            let len = spoken_words(work, &run[k..end]);
            let ok = match cue {
                Cue::None => {
                    (surname || foreign) && len >= 2 && (!caps || len <= 4) && !inside_noun
                }
                Cue::List => len >= 2,
                Cue::Tomb => (2..=4).contains(&len) && !caps,
                _ => !caps || surname,
            };
            // One letter alone is an initial (`anh T.`), left to its rule.
            let lone_letter = end - k == 1 && t.chars().count() == 1;
            if ok && !lone_letter && (1..=MAX_NAME_WORDS).contains(&len) {
                // A name in capitals must be the whole run (not a headline).
                if caps && run.len() != end - k {
                    return None;
                }
                let rule = if caps { RULE_CAPS } else { cue.rule() };
                return Some((run[k].start, run[end - 1].end, rule, cue, end));
            }
            if cue != Cue::None {
                return None;
            }
            inside_noun = !sentence_initial(work, run[k].start);
            k += 1;
        }
        None
    }

    /// Where a name starting at run word `k` ends (exclusive word index):
    /// before a word that never belongs to a name or a place.
    pub(super) fn name_end(&self, a: &Analysis, run: &[Word], k: usize) -> usize {
        let work = a.work();
        let mut end = k + 1;
        // A foreign given name before a Vietnamese name led by its surname
        // (`Angela Phương Trinh`, `Jennifer Phạm`) is one name.
        let mixed = self.foreign_given.contains(run[k].text(work))
            && run.get(k + 1).is_some_and(|w| {
                a.hit(self.surnames, w.start).is_some()
                    && is_capitalised(w.text(work))
                    && only_spaces(work, run[k].end, w.start)
            });
        // Words as spoken so far: past MAX_NAME_WORDS the name is too long
        // whatever follows, so a long run is not read to its end from
        // every word (that was quadratic in the run).
        let mut spoken = 1;
        while end < run.len() {
            let t = run[end].text(work);
            let pos = run[end].start;
            if !matches!(&work[run[end - 1].end..pos], "-" | "'" | "’") {
                if spoken > MAX_NAME_WORDS {
                    break;
                }
                spoken += 1;
            }
            if self.phrase_at(a, pos, run[end].end) {
                break;
            }
            // `Căn cứ`, `Theo đó` glued to a name when a full stop is
            // missing (`... chị Lê Thị Hoa Căn cứ kết quả ...`).
            if a.hit(self.openers, pos)
                .is_some_and(|h| h.end > run[end].end)
            {
                break;
            }
            if self.never_in_name.contains(&lowercase(t)) {
                // Inside a full name such a word is a middle name (`Võ
                // Công Hạnh`) when a given name follows and the two do
                // not open a body (`Công ty`, `Công an`).
                if self.middle_syllable(a, run, k, end) {
                    end += 1;
                    continue;
                }
                // Closing a full name, such a word is a given name
                // (`Lý Văn Trường`): nothing follows it in the run, and
                // no word at all unless it is one of the syllables that
                // are also given names closing a name of two words so far
                // (`Nguyễn Văn Công yêu cầu`; a body it opens, `Công ty`,
                // ended the name above; after three, `Liên tiếp` is a
                // word of the sentence).
                let glued = work[run[end].end..]
                    .trim_start_matches(' ')
                    .starts_with(char::is_alphanumeric);
                let closes = end + 1 == run.len()
                    && end - k >= 2
                    && is_capitalised(t)
                    && (!glued || end - k == 2 && self.middle_names.contains(&lowercase(t)));
                if closes && a.hit(self.surnames, run[k].start).is_some() {
                    end += 1;
                }
                break;
            }
            // A second foreign name starts (`John Smith Peter Brown`);
            // a foreign given name closing the run is a surname
            // (`Peter James Scott`).
            let closes_run = end + 1 == run.len();
            if end - k >= 2 && self.foreign_given.contains(t) && !closes_run {
                break;
            }
            // A foreign name does not go on into a Vietnamese word
            // (`Michael Smith Thể thao`).
            if !mixed && self.foreign_given.contains(run[k].text(work)) && has_vietnamese_letters(t)
            {
                break;
            }
            end += 1;
        }
        end
    }

    /// Run word `end` is a syllable that is usually no name word
    /// (`Công`, `Chính`) standing as the middle name of a Vietnamese full
    /// name: a surname opens the name, a capitalised given name follows,
    /// and the syllable opens no listed body or title.
    pub(super) fn middle_syllable(&self, a: &Analysis, run: &[Word], k: usize, end: usize) -> bool {
        let work = a.work();
        let t = run[end].text(work);
        let Some(next) = run.get(end + 1) else {
            return false;
        };
        let next_t = next.text(work);
        self.middle_names.contains(&lowercase(t))
            && (1..=2).contains(&(end - k))
            && a.hit(self.surnames, run[k].start).is_some()
            && is_capitalised(next_t)
            && !self.never_in_name.contains(&lowercase(next_t))
            && only_spaces(work, run[end].end, next.start)
            // A head of one word (`Trường`) is a middle name when a given
            // name follows (`Phạm Trường Thọ`, `Nguyễn Vũ Trường Sơn`).
            && a.hit(self.unit_heads, run[end].start)
                .is_none_or(|h| h.end <= run[end].end)
            && a.hit(self.titles, run[end].start).is_none()
            && !self.phrase_at(a, next.start, next.end)
    }

    /// A title or unit head of several words starts at `pos` (`Đại biểu`
    /// in `Đoàn Đại biểu`): the name ends before it.
    pub(super) fn phrase_at(&self, a: &Analysis, pos: usize, word_end: usize) -> bool {
        let longer = |l: ListId| a.hit(l, pos).is_some_and(|h| h.end > word_end);
        longer(self.titles) || longer(self.unit_heads)
    }

    /// End of a place or listed non-name starting at `pos`.
    pub(super) fn non_name_at(&self, a: &Analysis, pos: usize) -> Option<usize> {
        let lower = a.lower();
        let listed = a.hit(self.not_names, pos).map(|h| h.end);
        // A place named after a person (`Hồ Chí Minh`, `Trần Văn Thời`)
        // is a place only with its level word, which blocks it anyway.
        let b = a
            .hit(self.places, pos)
            .filter(|h| {
                !(a.hit(self.surnames, pos).is_some()
                    && lower[h.start..h.end].split(' ').count() >= 3)
            })
            .map(|h| h.end);
        listed.max(b)
    }
}
