//! The report written as it streams from a spilling corpus is the report a corpus held in
//! memory gives, byte for byte, in every format.

use corpus_scan::corpus::{Corpus, Documents, Options};
use corpus_scan::report::{self, Later, csv, own_documents, text};

mod common;

fn seeds(mut corpus: Corpus) -> Corpus {
    let mut files: Vec<_> = std::fs::read_dir(common::corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files {
        let id = f.file_name().unwrap().to_str().unwrap().to_owned();
        let a = corpus_scan::analyse(&id, &std::fs::read(&f).unwrap()).unwrap();
        corpus.add(&id, &a);
    }
    corpus
}

/// Renders a report both ways: whole (from memory) and streamed (from a spill file), its
/// documents, entities, passages, timeline and quotations made as they are written.
fn both(render: impl Fn(&report::Report, Option<(Documents, Later)>) -> Vec<u8>) {
    let (whole, _) = seeds(Corpus::new(Options::default()))
        .finish()
        .unwrap()
        .collect()
        .unwrap();
    let (report, documents, later) = seeds(Corpus::spilling(Options::default()).unwrap())
        .finish()
        .unwrap()
        .for_writers();
    assert!(report.documents.is_empty());
    assert!(report.timeline.is_empty() && report.quotes.is_empty());
    assert!(report.shared_passages.is_empty() && report.entities.is_empty());
    let streamed = render(&report, Some((documents, later)));
    assert!(!whole.timeline.is_empty() && !whole.quotes.is_empty());
    assert!(!whole.shared_passages.is_empty() && !whole.entities.is_empty());
    let kept = render(&whole, None);
    assert!(kept.len() > 1000);
    assert_eq!(
        String::from_utf8(streamed).unwrap(),
        String::from_utf8(kept).unwrap()
    );
}

#[test]
fn streamed_json_is_the_whole_report_pretty_printed() {
    both(|r, docs| {
        let mut out = Vec::new();
        match docs {
            Some((d, later)) => report::write_json(r, d, later, &mut out).unwrap(),
            None => {
                serde_json::to_writer_pretty(&mut out, r).unwrap();
                out.push(b'\n');
            }
        }
        out
    });
}

#[test]
fn streamed_text_ndjson_and_csv_match_the_whole_report() {
    both(|r, docs| {
        let mut out = Vec::new();
        match docs {
            Some((d, later)) => {
                text::write_with(r, d, later, &text::Layout::default(), &mut out).unwrap()
            }
            None => text::write(r, &mut out).unwrap(),
        }
        out
    });
    both(|r, docs| {
        let mut out = Vec::new();
        match docs {
            Some((d, later)) => report::write_ndjson(r, d, later, &mut out).unwrap(),
            None => report::write_ndjson(r, own_documents(r), Later::of(r), &mut out).unwrap(),
        }
        out
    });
    both(|r, docs| {
        let mut out = Vec::new();
        match docs {
            Some((d, _)) => csv::write_documents(d, &mut out).unwrap(),
            None => csv::write_documents(own_documents(r), &mut out).unwrap(),
        }
        out
    });
}

/// NDJSON's last line holds the report's fields in the report's order, `documents` left
/// out (they were the lines before), after `"record":"corpus"`.
#[test]
fn ndjson_corpus_record_is_the_report_without_its_documents() {
    let (mut whole, _) = seeds(Corpus::new(Options::default()))
        .finish()
        .unwrap()
        .collect()
        .unwrap();
    let mut out = Vec::new();
    report::write_ndjson(&whole, own_documents(&whole), Later::of(&whole), &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    let last = out.lines().last().unwrap();
    whole.documents.clear();
    let rest = serde_json::to_string(&whole).unwrap();
    assert!(rest.contains(r#","documents":[],"#));
    let expected = format!(
        r#"{{"record":"corpus",{}"#,
        &rest[1..].replacen(r#""documents":[],"#, "", 1)
    );
    assert_eq!(last, expected);
}

#[test]
fn mentions_come_back_from_the_spill_with_their_canonical_names() {
    let opts = Options {
        keep_mentions: true,
        explain: true,
        ..Options::default()
    };
    let lines = |corpus: Corpus| -> Vec<String> {
        let finished = corpus.finish().unwrap();
        finished
            .mentions
            .map(|m| serde_json::to_string(&m.unwrap()).unwrap())
            .collect()
    };
    let spilled = lines(seeds(Corpus::spilling(opts.clone()).unwrap()));
    assert_eq!(spilled, lines(seeds(Corpus::new(opts))));
    assert_eq!(spilled.len(), 386);
    assert_eq!(
        spilled
            .iter()
            .find(|l| l.contains(r#""text":"Hamedan""#))
            .unwrap(),
        r#"{"doc":"000_6910c4f61a258449.txt","sentence":3,"start":494,"end":501,"char_start":486,"char_end":493,"text":"Hamedan","type":"GPE","canonical":"Hamadan","found_by":"gazetteer","typed_by":"cities.txt","link_key":"place|hamadan"}"#
    );
}

#[test]
fn link_only_gives_the_same_entities_and_no_summaries() {
    let opts = Options {
        keep_mentions: true,
        ..Options::default()
    };
    let run = |opts: Options| {
        seeds(Corpus::new(opts))
            .finish()
            .unwrap()
            .collect()
            .unwrap()
    };
    let (full, full_mentions) = run(opts.clone());
    let (linked, mentions) = run(Options {
        link_only: true,
        ..opts
    });
    assert_eq!(
        serde_json::to_string(&mentions).unwrap(),
        serde_json::to_string(&full_mentions).unwrap()
    );
    assert_eq!(
        serde_json::to_string(&linked.entities).unwrap(),
        serde_json::to_string(&full.entities).unwrap()
    );
    assert!(!full.shared_passages.is_empty() && !full.timeline.is_empty());
    assert!(linked.documents.is_empty());
    assert!(linked.shared_passages.is_empty() && linked.timeline.is_empty());
    assert!(linked.summary.is_empty() && linked.quotes.is_empty());
}
