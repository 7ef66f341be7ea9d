//! Criterion benchmarks of each per-document stage on a fixed input: the five seed articles
//! (embedded, so the bench needs nothing outside the repository), repeated to about 150 KB.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use corpus_scan::corpus::{Options, digest};
use corpus_scan::{analyse, entities, input, text};

const SEEDS: [&str; 5] = [
    include_str!("../corpus/000_6910c4f61a258449.txt"),
    include_str!("../corpus/001_40c545358694a86b.txt"),
    include_str!("../corpus/002_6f866aa34b252ad8.txt"),
    include_str!("../corpus/003_c875aafc472dcb34.txt"),
    include_str!("../corpus/004_869d48817576a6cb.txt"),
];

fn input_text() -> String {
    let one = SEEDS.join("\n\n");
    std::iter::repeat_n(one.as_str(), 10)
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn stages(c: &mut Criterion) {
    let text = input_text();
    let bytes = text.as_bytes();
    let segments = text::segment(&text);
    let tokens = text::tokenize(&text, &segments);
    let analysis = analyse("bench.txt", bytes).expect("seed text decodes");
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("decode", |b| b.iter(|| input::decode(bytes)));
    g.bench_function("segment", |b| b.iter(|| text::segment(&text)));
    g.bench_function("tokenize", |b| b.iter(|| text::tokenize(&text, &segments)));
    g.bench_function("entities", |b| {
        b.iter(|| entities::detect(&text, &segments, &tokens))
    });
    g.bench_function("summary", |b| {
        b.iter(|| digest("bench.txt", &analysis, &Options::default()))
    });
    g.bench_function("all per-document stages", |b| {
        b.iter(|| analyse("bench.txt", bytes))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
