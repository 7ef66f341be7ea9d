//! Arbitrary bytes through every per-document stage, the corpus fold and every report.
//!
//! The input is split at NUL bytes into up to eight documents (a NUL would make a document
//! binary anyway), so cross-document linking, passages and duplicates are exercised too.
//! Documents that fail to decode go in as errors, as the binary does.

#![no_main]

use corpus_scan::corpus::{Corpus, Options};
use corpus_scan::report::{self, records};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = Options {
        keep_mentions: true,
        explain: true,
        ..Options::default()
    };
    let mut corpus = Corpus::new(opts);
    let mut sink = std::io::sink();
    for (i, doc) in data.split(|&b| b == 0).take(8).enumerate() {
        let id = format!("{i}.txt");
        match corpus_scan::analyse(&id, doc) {
            Ok(a) => {
                records::write_sentences(&a, true, &mut sink).unwrap();
                records::write_tokens(&a, &mut sink).unwrap();
                corpus.add(&id, &a);
            }
            Err(reason) => corpus.add_error(&id, &reason),
        }
    }
    // The whole input as one document as well, so binary and UTF-16 paths are reached.
    if let Ok(a) = corpus_scan::analyse("all.txt", data) {
        corpus.add("all.txt", &a);
    }
    let (report, mentions) = corpus.finish().unwrap().collect().unwrap();
    for m in &mentions {
        serde_json::to_writer(&mut sink, m).unwrap();
    }
    serde_json::to_writer(&mut sink, &report).unwrap();
    report::write_ndjson(&report, report::own_documents(&report), &mut sink).unwrap();
    report::text::write(&report, &mut sink).unwrap();
});
