//! A two-syllable Vietnamese name written alone again and again (`Giáng
//! My`, `Lan Khuê` in a story about them): the stage names and given
//! names of celebrities and players, which no surname starts.

use super::PersonExtractor;
use super::found::Out;
use super::ids::RULE_REPEATED;
use crate::extract::Ctx;
use crate::extract::lexicon::FnvMap;
use crate::extract::unit::shapes::is_vietnamese_syllable;
use crate::text::Token as Word;
use crate::text::chars::is_capitalised;

impl PersonExtractor {
    /// Whole runs of two capitalised Vietnamese syllables, no place, no
    /// listed non-name, after no place or organisation word, written
    /// `repeated_name_min_mentions` times or more in the article.
    pub(super) fn repeated_names(
        &self,
        ctx: &Ctx,
        ws: &[Word],
        owned: &[(usize, usize)],
        byline: Option<&std::ops::Range<usize>>,
        out: &mut Out,
    ) {
        let (work, lower) = (ctx.work(), ctx.lower());
        let runs = self.all_runs(work, ws, owned);
        let local_places = self.local_places(work, lower, &runs);
        let mut seen: FnvMap<Vec<(usize, usize)>> = FnvMap::default();
        let mut spoiled: Vec<String> = Vec::new();
        for run in runs.iter().filter(|r| r.len() == 2) {
            let (s, e) = (run[0].start, run[1].end);
            let surface = &work[s..e];
            let shaped = run.iter().all(|w| {
                let t = w.text(work);
                is_capitalised(t) && is_vietnamese_syllable(t)
            });
            if !shaped || !only_space(work, run[0].end, run[1].start) {
                continue;
            }
            // Written once after a place or organisation word, it is that
            // place everywhere in the article.
            if self.blocked(lower, s)
                || local_places.iter().any(|p| *p == lower[s..e])
                || self.after_place_word(ctx.analysis, s)
                || dash_joined(work, s, e)
            {
                spoiled.push(surface.to_string());
                continue;
            }
            // `Sông Thanh`, `Hãng Phim`: a place or organisation word
            // capitalised opens the run.
            let first = crate::extract::lexicon::lowercase(run[0].text(work));
            if self.blocker_set.contains(&first)
                || ctx.hit(self.unit_heads, s).is_some()
                || self.non_name_at(ctx.analysis, s).is_some()
                || self.non_name_at(ctx.analysis, run[1].start).is_some()
                || byline.is_some_and(|b| s >= b.start)
            {
                continue;
            }
            seen.entry(surface.to_string()).or_default().push((s, e));
        }
        let mut add: Vec<(usize, usize)> = seen
            .into_iter()
            .filter(|(name, at)| {
                at.len() >= self.repeated_min && !spoiled.iter().any(|p| p == name)
            })
            .flat_map(|(_, at)| at)
            .collect();
        add.sort_unstable();
        for (s, e) in add {
            out.push(s, e, work, RULE_REPEATED);
        }
    }
}

/// A dash joins the run to another capitalised name (`Pháp Vân - Cầu
/// Giẽ`, `Thăng Long - Hà Nội`): a route or a pair of places.
fn dash_joined(work: &str, s: usize, e: usize) -> bool {
    let dash = |c: char| matches!(c, '-' | '–' | '—');
    let before = work[..s].trim_end_matches(' ');
    let after = work[e..].trim_start_matches(' ');
    let left = before.ends_with(dash)
        && before[..before.len() - before.chars().next_back().map_or(0, char::len_utf8)]
            .trim_end_matches(' ')
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
    let right = after.starts_with(dash)
        && after
            .chars()
            .skip(1)
            .find(|c| *c != ' ')
            .is_some_and(char::is_uppercase);
    left || right
}

fn only_space(work: &str, a: usize, b: usize) -> bool {
    &work[a..b] == " "
}
