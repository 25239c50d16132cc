//! The three passes over the corpus (see the module comment of
//! [`super`]), and what they leave: [`Learned`].

use super::corpus::{Corpus, Tokens};
use super::counts::{Bounded, Weight};
use super::lexicons::Lexicons;
use super::{Progress, boundaries, case_stats, cues, repeats, runs, tails, trie};
use crate::input::InputError;
use std::collections::{HashMap, HashSet};

/// Caps of the counting tables (entries); see [`super::counts`].
const RUN_CAP: usize = 3_000_000;
const TRIE_CAP: usize = 6_000_000;
/// Articles between two looks at the caps.
const PRUNE_EVERY: usize = 1024;

/// Everything the passes counted.
pub struct Learned {
    pub case: case_stats::CaseStats,
    pub compounds: HashSet<String>,
    pub runs: Bounded<runs::RunCount>,
    pub trie: trie::Trie,
    pub decision: boundaries::Decision,
    pub predicates: boundaries::Predicates,
    /// Per trie node: where names ended (pass 3).
    pub ends: HashMap<u32, trie::EndCount>,
}

/// What [`mine`] returns.
pub struct Mined {
    pub learned: Learned,
    /// Per source: (articles read, bytes).
    pub per_source: Vec<(usize, usize)>,
    /// Files that could not be read.
    pub errors: Vec<InputError>,
}

pub fn mine(
    lex: &Lexicons,
    corpus: &Corpus,
    pool: &rayon::ThreadPool,
    progress: Progress,
) -> Mined {
    let cues = cues::Cues::default();
    let total = corpus.file_count();
    let mut errors = Vec::new();
    let mut per_source = vec![(0usize, 0usize); corpus.sources.len()];
    // Pass 1: capitalisation, and sentences that recur across articles.
    let mut case = case_stats::CaseStats::default();
    let mut copies = repeats::Repeats::default();
    let mut read = 0usize;
    corpus.pass(
        pool,
        |a, _| {
            let t = Tokens::of(a);
            (
                a.bytes,
                case_stats::analyse(&t, &lex.honorifics, &lex.unit_heads),
                repeats::article_hashes(&t),
            )
        },
        |serial, source, (bytes, o, hashes)| {
            per_source[source].0 += 1;
            per_source[source].1 += bytes;
            case.merge(o);
            copies.add(&hashes, serial);
            read += 1;
            if read.is_multiple_of(PRUNE_EVERY) {
                case.prune();
            }
        },
        &mut errors,
        &|done| progress(1, done, total),
    );
    case.prune();
    let compounds = case.compounds();

    // Pass 2: runs and tails.
    let know = runs::Knowledge {
        lex,
        cues: &cues,
        case: &case,
        compounds: &compounds,
    };
    let mut run_table: Bounded<runs::RunCount> = Bounded::new(RUN_CAP);
    let mut after_person: Bounded<u32> = Bounded::new(RUN_CAP);
    let mut trie = trie::Trie::new(TRIE_CAP);
    let mut ignored = Vec::new();
    let mut read = 0usize;
    corpus.pass(
        pool,
        |a, serial| {
            let mut t = Tokens::of(a);
            repeats::mask_copies(&mut t, &copies, serial);
            (runs::analyse(&t, &know), tails::tails(&t, &know))
        },
        |serial, _, (r, tl)| {
            for (k, v) in &r.runs {
                run_table.add(k, v);
            }
            for (k, v) in &r.after_person {
                after_person.add(k, v);
            }
            for tail in &tl {
                trie.insert(tail, serial);
            }
            read += 1;
            if read.is_multiple_of(PRUNE_EVERY) {
                run_table.prune();
                after_person.prune();
                trie.prune();
            }
        },
        &mut ignored,
        &|done| progress(2, done, total),
    );
    let predicates = boundaries::Predicates::new(after_person.map.clone(), case.after_cap());
    let decision = boundaries::decide(
        &trie,
        &boundaries::Known {
            predicates: &predicates,
            surnames: &lex.surnames,
            standalone: &lex.standalone_heads,
            compounds: &compounds,
            heads: &lex.unit_heads,
            levels: &lex.place_levels,
            titles: &lex.titles,
        },
    );

    // Pass 3: where each tail's name ends.
    let mut ends: HashMap<u32, trie::EndCount> = HashMap::new();
    corpus.pass(
        pool,
        |a, serial| {
            let mut t = Tokens::of(a);
            repeats::mask_copies(&mut t, &copies, serial);
            tails::tails(&t, &know)
        },
        |_, _, tl| {
            let mut seen = Vec::new();
            for tail in &tl {
                if let Some((node, closed)) =
                    boundaries::end_of(&trie, &decision, &predicates, &lex.unit_heads, tail)
                {
                    let first = !seen.contains(&node);
                    seen.push(node);
                    ends.entry(node).or_default().add(&trie::EndCount {
                        occ: 1,
                        df: u32::from(first),
                        closed: u32::from(closed),
                    });
                }
            }
        },
        &mut ignored,
        &|done| progress(3, done, total),
    );

    Mined {
        learned: Learned {
            case,
            compounds,
            runs: run_table,
            trie,
            decision,
            predicates,
            ends,
        },
        per_source,
        errors,
    }
}
