//! Throughput benchmarks (criterion): the whole engine and the date stage
//! alone, in bytes per second. Input: the project's corpus, or the `.txt`
//! files of the folder named by `VNEXTRACT_BENCH_DIR` (for example an
//! unpacked news-2017; the first 2,000 files are used).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use vnextract::extract::{Ctx, date::DateExtractor};
use vnextract::text::{Segmenter, Text};
use vnextract::{Document, Engine, Options, RuleSources};

fn texts() -> Vec<String> {
    let dir = std::env::var_os("VNEXTRACT_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"));
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    files
        .into_iter()
        .take(2000)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| vnextract::input::split_metadata(&t).1.to_string())
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

fn bench(c: &mut Criterion) {
    let texts = texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let sources = RuleSources::embedded();
    let engine = Engine::new(&sources, Options::default()).unwrap();
    let docs: Vec<Document> = texts
        .iter()
        .map(|t| Document {
            text: t.clone(),
            date: Some("2017-07-01".into()),
            ..Document::default()
        })
        .collect();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("engine", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(engine.process(d));
            }
        })
    });

    // The date stage alone, on texts already normalised and segmented.
    let dates = DateExtractor::new(&sources).unwrap();
    let seg = Segmenter::new(&[]);
    let prepared: Vec<(Text, Vec<std::ops::Range<usize>>)> = texts
        .iter()
        .map(|t| {
            let text = Text::new(t);
            let s = seg.sentences(&text.work);
            (text, s)
        })
        .collect();
    g.bench_function("date_stage", |b| {
        b.iter(|| {
            for (text, sentences) in &prepared {
                let ctx = Ctx {
                    text,
                    sentences,
                    ref_date: None,
                    headline: None,
                    byline: None,
                    relative_dates: false,
                };
                let mut found = Vec::new();
                dates.extract(&ctx, &mut found);
                black_box(found);
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
