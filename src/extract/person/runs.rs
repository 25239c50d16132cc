//! Runs of capitalised words: where each run starts and ends, and the
//! names read off each run in turn.

use super::PersonExtractor;
use super::cues::Cue;
use super::found::{Out, overlaps_any};
use super::shape::{is_foreign_word, is_roman, is_web_name};
use crate::extract::Ctx;
use crate::extract::lexicon::lowercase;
use crate::model::{Entity, EntityType};
use crate::text::Token as Word;
use crate::text::chars::{is_all_caps, is_name_shaped};
use std::collections::{HashMap, HashSet};

impl PersonExtractor {
    /// Names read off runs of capitalised words.
    pub(super) fn runs(
        &self,
        ctx: &Ctx,
        ws: &[Word],
        found: &[Entity],
        owned: &[(usize, usize)],
        byline: Option<&std::ops::Range<usize>>,
        out: &mut Out,
    ) {
        let work = ctx.work();
        let lower = ctx.lower();
        let title_ends: HashSet<usize> = found
            .iter()
            .filter(|e| e.etype == EntityType::Title)
            .map(|e| e.end)
            .collect();
        let runs = self.all_runs(work, ws, owned);
        let local_places = self.local_places(work, lower, &runs);
        let mut last_person: Option<(usize, Cue)> = None;
        for run in &runs {
            if byline.is_some_and(|b| run[0].start >= b.start) {
                continue;
            }
            let mut cue = self.cue_before(ctx.analysis, run[0].start, &title_ends, last_person);
            // A run may hold several names (`Thủ tướng John Smith Peter
            // Brown`): after the first, the rest needs its own evidence.
            let mut from = 0;
            while from < run.len() {
                let rest = &run[from..];
                let Some((s, e, rule, c, used)) =
                    self.name_in_run(ctx.analysis, rest, cue, &local_places)
                else {
                    break;
                };
                // `Zing.vn`, `Thanhnien.com`: a web address, not a name.
                if !is_web_name(work, e) {
                    out.push(s, e, work, rule);
                }
                last_person = Some((e, c));
                from += used;
                cue = Some(Cue::None);
            }
        }
    }

    /// Every run of capitalised words, in order.
    pub(super) fn all_runs(
        &self,
        work: &str,
        ws: &[Word],
        owned: &[(usize, usize)],
    ) -> Vec<Vec<Word>> {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            let run = self.run_at(work, ws, i, owned);
            if run.is_empty() {
                i += 1;
            } else {
                i += run.len();
                runs.push(run);
            }
        }
        runs
    }

    /// Capitalised phrases the article itself writes after a place or
    /// organisation word (`xã Trà Leng`): elsewhere in the article the
    /// same phrase is that place, not a name.
    pub(super) fn local_places(&self, work: &str, lower: &str, runs: &[Vec<Word>]) -> LocalPlaces {
        let mut places = LocalPlaces::default();
        for run in runs {
            if self.blocked(lower, run[0].start) && run.len() >= 2 {
                places.add(lowercase(&work[run[0].start..run[run.len() - 1].end]));
            }
        }
        places
    }

    /// The run of capitalised words starting at word `i` (empty if word
    /// `i` cannot start one): words joined by single spaces, or by a dot
    /// after one letter (`N.Nadalo`), none inside an owned span.
    pub(super) fn run_at(
        &self,
        work: &str,
        ws: &[Word],
        i: usize,
        owned: &[(usize, usize)],
    ) -> Vec<Word> {
        let mut run: Vec<Word> = Vec::new();
        let caps_mode = is_all_caps(ws[i].text(work)) && ws[i].text(work).chars().count() > 1;
        for (k, w) in ws[i..].iter().enumerate() {
            let t = w.text(work);
            let shaped = if caps_mode {
                is_all_caps(t)
            } else {
                is_name_shaped(t)
            };
            if overlaps_any(owned, w.start, w.end) || (k == 0 && !shaped) {
                break;
            }
            if k > 0 {
                let prev = run[run.len() - 1];
                let gap = &work[prev.end..w.start];
                let one_letter = prev.text(work).chars().count() == 1;
                let after_particle = self.is_particle(prev.text(work)) && gap == "-";
                let joined = if shaped {
                    (!gap.is_empty() && gap.chars().all(|c| c == ' '))
                        || (!caps_mode && one_letter && matches!(gap, "." | "'" | "’"))
                        // `George W. Bush`: a middle initial between two
                        // foreign words.
                        || (!caps_mode
                            && one_letter
                            && gap == ". "
                            && self.middle_initial(work, &run, t))
                        || after_particle
                        // `Jean-Claude`, `Jae-Yong`: a foreign name's
                        // capitalised parts (two Vietnamese words across a
                        // hyphen may be a name and an apposition: `An-Giám đốc`).
                        || (!caps_mode
                            && gap == "-"
                            && (is_foreign_word(prev.text(work)) || is_foreign_word(t)))
                } else if !caps_mode && gap == " " && self.is_particle(t) {
                    // `Haider al-Abadi`, `Robin van Persie`: a lower-case
                    // particle inside a foreign name, when a name goes on.
                    ws.get(i + k + 1).is_some_and(|n| {
                        matches!(&work[w.end..n.start], " " | "-") && is_name_shaped(n.text(work))
                    })
                } else {
                    // `Soi-blơ`: a transliterated name's lower-case syllables;
                    // `Felipe VI`: a regnal number.
                    !caps_mode
                        && ((gap == "-" && t.chars().all(char::is_lowercase))
                            || (gap == " " && is_roman(t)))
                };
                if !joined {
                    break;
                }
            }
            run.push(*w);
        }
        run
    }

    /// The run ends with a foreign word and a one-letter initial after
    /// it, and `next` is a foreign word: `George W.` + `Bush`.
    fn middle_initial(&self, work: &str, run: &[Word], next: &str) -> bool {
        let [.., first, initial] = run else {
            return false;
        };
        let first_t = first.text(work);
        initial.text(work).chars().all(|c| c.is_ascii_uppercase())
            && work[first.end..initial.start] == *" "
            && first_t.chars().count() >= 2
            && is_name_shaped(first_t)
            && is_foreign_word(first_t)
            && is_foreign_word(next)
    }

    /// A lower-case particle of foreign names, as written (`al`, `van`).
    pub(super) fn is_particle(&self, t: &str) -> bool {
        self.name_particles.contains(t)
    }
}

/// Capitalised phrases written after a place or organisation word, in
/// lower case, by their first word: a position is checked against the
/// phrases that open with the word written there, not against them all.
#[derive(Default)]
pub(super) struct LocalPlaces {
    by_first_word: HashMap<String, Vec<String>>,
}

impl LocalPlaces {
    fn add(&mut self, phrase: String) {
        let group = self
            .by_first_word
            .entry(first_word(&phrase).to_string())
            .or_default();
        if !group.contains(&phrase) {
            group.push(phrase);
        }
    }

    /// The end of the longest phrase written at `at` in `lower`, ending
    /// at a word end.
    pub(super) fn longest_at(&self, lower: &str, at: usize) -> Option<usize> {
        // A phrase written here ends its first word where the text does.
        self.by_first_word
            .get(first_word(&lower[at..]))?
            .iter()
            .filter(|p| {
                lower[at..].starts_with(p.as_str())
                    && !lower[at + p.len()..].starts_with(char::is_alphanumeric)
            })
            .map(|p| at + p.len())
            .max()
    }
}

/// The leading letters and digits of `s`.
pub(super) fn first_word(s: &str) -> &str {
    &s[..s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len())]
}
