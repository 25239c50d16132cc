//! Throughput benchmarks (criterion), in bytes per second: the text
//! stage's analysis, each extraction stage on its own (given what the
//! stages before it found), and the whole engine. Input: the project's
//! corpus, or the `.txt` files of the folder named by
//! `VNEXTRACT_BENCH_DIR` (for example an unpacked news-2017; the first
//! 2,000 files are used).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use vnextract::extract::Stage;
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
    let engine = Engine::new(&RuleSources::embedded(), Options::default()).unwrap();
    let date = Some("2017-07-01");
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);

    g.bench_function("analysis", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(engine.analyse(t));
            }
        })
    });

    // Each stage alone: the analyses and what earlier stages found are
    // prepared outside the timed loop.
    let analyses: Vec<_> = texts.iter().map(|t| engine.analyse(t)).collect();
    let mut before: Vec<Vec<_>> = vec![Vec::new(); analyses.len()];
    for stage in Stage::ALL {
        g.bench_function(stage.name(), |b| {
            b.iter(|| {
                for (a, found) in analyses.iter().zip(&before) {
                    let mut found = found.clone();
                    engine.run_stage(stage, &engine.ctx(a, date), &mut found);
                    black_box(found);
                }
            })
        });
        for (a, found) in analyses.iter().zip(before.iter_mut()) {
            engine.run_stage(stage, &engine.ctx(a, date), found);
        }
    }

    let docs: Vec<Document> = texts
        .iter()
        .map(|t| Document {
            text: t.clone(),
            date: date.map(String::from),
            ..Document::default()
        })
        .collect();
    g.bench_function("engine", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(engine.process(d));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
