//! `vnextract stream --parts K/N`: the pipe stage of a cluster job whose
//! output is merged by `vnextract merge`. It reads the unit lines of
//! `vnextract list` (one file, or one record, each with its key) and
//! writes, after a [`Header`] line, one part line per unit, in input
//! order: everything `extract` would have written for that unit, inline,
//! and what it adds to the run-wide tables.

use super::Shard;
use super::parts::{ArticlePart, Header, Part};
use super::units::UnitLine;
use crate::extract::Engine;
use crate::output::files::JSONL;
use crate::output::{Layout, error_row};
use crate::pipeline::{Outcome, process_unit};
use std::io::{self, BufRead, Write};
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

/// The part line of one unit's outcome.
pub fn inline_part(layout: &Layout, line: &UnitLine, outcome: Outcome) -> Part {
    let mut part = Part {
        key: line.key,
        ..Part::default()
    };
    let errors_file = crate::output::tables::Table::Errors.file_name();
    let error = |part: &mut Part, e: &crate::input::InputError| {
        part.add(&errors_file, &error_row(layout, e), true);
        part.errors += 1;
    };
    match outcome {
        Ok((r, notices)) => {
            part.add(JSONL, &r.jsonl, true);
            for (t, bytes) in &r.csv {
                part.add(&t.file_name(), bytes, true);
            }
            for n in &notices {
                error(&mut part, n);
            }
            part.article = Some(ArticlePart {
                id: r.id,
                date: r.date,
                people: r.people,
                documents: r.documents,
                stats: r.stats,
            });
        }
        Err(e) => error(&mut part, &e),
    }
    part
}

/// Serve a stream of unit lines. A line that is not a unit line is a
/// broken job (its lines come from `vnextract list`): the stream stops
/// with an error naming it. A closed stdout ends it quietly.
#[allow(clippy::too_many_arguments)]
pub fn run_parts<R: BufRead + Send, W: Write>(
    engine: &Engine,
    pool: &rayon::ThreadPool,
    layout: &Layout,
    shard: Shard,
    input: R,
    mut output: W,
    cancel: &AtomicBool,
) -> io::Result<()> {
    let o = &layout.options;
    let header = Header::new(
        shard,
        o.selection.describe(),
        o.context.as_str().into(),
        engine.issuer_codes(),
    );
    serde_json::to_writer(&mut output, &header)?;
    output.write_all(b"\n")?;
    output.flush()?;
    let broken: Mutex<Option<io::Error>> = Mutex::new(None);
    let fail = |e: io::Error| *broken.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
    let lines = input
        .lines()
        .enumerate()
        .map_while(|(n, l)| match l {
            Ok(l) if l.trim().is_empty() => Some(None),
            Ok(l) => match serde_json::from_str::<UnitLine>(crate::input::strip_bom(&l)) {
                Ok(u) => Some(Some(u)),
                Err(e) => {
                    fail(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!(
                            "input line {}: not a unit line of `vnextract list`: {e}",
                            n + 1
                        ),
                    ));
                    None
                }
            },
            Err(e) => {
                fail(e);
                None
            }
        })
        .flatten();
    crate::stream::answer_lines(
        pool,
        lines,
        cancel,
        |line| {
            let outcome = process_unit(engine, layout, &line.unit());
            let part = inline_part(layout, &line, outcome);
            serde_json::to_string(&part).expect("parts always serialise")
        },
        output,
        &broken,
    )
}
