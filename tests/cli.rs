//! The binary on the seed corpus and on small fixtures: commands, formats, exit codes.

mod common;

use common::{bin, corpus, ndjson, report, stdout};
use serde::Deserialize;

fn seed(name: &str) -> String {
    corpus().join(name).to_str().unwrap().to_owned()
}

/// (kind, text) of every segment of one seed article.
fn segments(name: &str) -> Vec<(String, String)> {
    ndjson(&stdout(&["sentences", &seed(name)]))
        .into_iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap().to_owned(),
                r["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn sentences_of_a_seed_with_furniture() {
    insta::assert_debug_snapshot!(segments("004_869d48817576a6cb.txt"));
}

#[test]
fn sentences_of_a_seed_without_title() {
    insta::assert_debug_snapshot!(segments("000_6910c4f61a258449.txt"));
}

#[test]
fn titles_and_boilerplate_of_every_seed() {
    let r = report();
    let titles: Vec<Option<&str>> = r["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        [
            None,
            Some("Russian Federation carries out strikes in Syria from Iran base"),
            Some("Iran allows Russia to use base for Syria strikes"),
            Some("Russian Federation launches first airstrike from Iran against ISIS"),
            Some("Russia Expands Bombing In Syria By Flying Out Of Iran"),
        ]
    );
    let boiler: Vec<String> = segments("002_6f866aa34b252ad8.txt")
        .into_iter()
        .filter(|(k, _)| k == "boilerplate")
        .map(|(_, t)| t)
        .collect();
    assert_eq!(boiler, ["Share", "Advertisement", "Advertisement"]);
}

#[test]
fn every_record_slices_the_file_back_to_its_text() {
    for cmd in ["sentences", "tokens", "entities"] {
        for r in ndjson(&stdout(&[cmd, corpus().to_str().unwrap()])) {
            let bytes = std::fs::read(corpus().join(r["doc"].as_str().unwrap())).unwrap();
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                std::str::from_utf8(&bytes[s..e]).unwrap(),
                r["text"].as_str().unwrap(),
                "{cmd} {r}"
            );
            let text = String::from_utf8(bytes).unwrap();
            let chars: String = text
                .chars()
                .skip(r["char_start"].as_u64().unwrap() as usize)
                .take(
                    (r["char_end"].as_u64().unwrap() - r["char_start"].as_u64().unwrap()) as usize,
                )
                .collect();
            assert_eq!(chars, r["text"].as_str().unwrap());
        }
    }
}

#[test]
fn stdin_gives_the_same_sentences_as_the_file() {
    let file = seed("001_40c545358694a86b.txt");
    let from_file: Vec<String> = ndjson(&stdout(&["sentences", &file]))
        .iter()
        .map(|r| r["text"].to_string())
        .collect();
    let out = bin()
        .args(["sentences", "-"])
        .pipe_stdin(&file)
        .unwrap()
        .output()
        .unwrap();
    assert!(out.status.success());
    let from_stdin: Vec<String> = ndjson(&String::from_utf8(out.stdout).unwrap())
        .iter()
        .map(|r| r["text"].to_string())
        .collect();
    assert_eq!(from_file, from_stdin);
    assert_eq!(
        ndjson(&stdout(&["sentences", &file]))[0]["doc"],
        "001_40c545358694a86b.txt"
    );
}

#[test]
fn missing_path_exits_2_and_names_it() {
    let out = bin().args(["sentences", "no/such/dir"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no/such/dir") && err.contains("No such file"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        bin().args(["scan"]).output().unwrap().status.code(),
        Some(2)
    );
    assert_eq!(
        bin()
            .args(["scan", "corpus", "--format", "xml"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

/// The top of the report, pinned: a renamed or removed field fails here.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Report {
    schema_version: String,
    tool: serde_json::Value,
    corpus: CorpusStats,
    documents: Vec<Doc>,
    entities: Vec<serde_json::Value>,
    shared_passages: Vec<serde_json::Value>,
    duplicates: Vec<serde_json::Value>,
    summary: Vec<serde_json::Value>,
    timeline: Vec<serde_json::Value>,
    quotes: Vec<serde_json::Value>,
    errors: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct CorpusStats {
    documents: usize,
    sentences: usize,
    tokens: usize,
    bytes: usize,
    errors: usize,
    words: usize,
    entities: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Doc {
    id: String,
    path: String,
    title: Option<String>,
    encoding: String,
    stats: serde_json::Value,
    entities: Vec<serde_json::Value>,
    keyterms: Vec<serde_json::Value>,
    summary: Vec<serde_json::Value>,
    quotes: Vec<serde_json::Value>,
    dates: Vec<serde_json::Value>,
}

#[test]
fn json_report_keeps_the_contract() {
    let text = stdout(&["scan", corpus().to_str().unwrap(), "--format", "json"]);
    let r: Report = serde_json::from_str(&text).unwrap();
    assert_eq!(r.schema_version, "1");
    assert_eq!(r.corpus.documents, 5);
    assert_eq!(r.documents.len(), 5);
    assert_eq!(r.corpus.errors, 0);
    assert_eq!(r.documents[0].id, "000_6910c4f61a258449.txt");
    // The default command is scan.
    assert_eq!(
        stdout(&[corpus().to_str().unwrap(), "--format", "json"]),
        text
    );
}

#[test]
fn ndjson_has_one_record_per_document_then_the_corpus() {
    let recs = ndjson(&stdout(&[
        "scan",
        corpus().to_str().unwrap(),
        "--format",
        "ndjson",
    ]));
    assert_eq!(recs.len(), 6);
    assert!(recs[..5].iter().all(|r| r["record"] == "document"));
    assert_eq!(recs[5]["record"], "corpus");
    assert_eq!(recs[5]["corpus"]["documents"], 5);
}

#[test]
fn text_report_fits_80_columns_and_points_to_json() {
    let text = stdout(&[corpus().to_str().unwrap()]);
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
    for section in [
        "DOCUMENTS",
        "ENTITIES",
        "SHARED PASSAGES",
        "CORPUS SUMMARY",
        "TIMELINE",
        "QUOTATIONS",
    ] {
        assert!(text.contains(section), "{section} missing");
    }
    assert!(
        text.trim_end()
            .ends_with("corpus-scan scan PATH --format json")
    );
}

#[test]
fn same_json_with_one_thread_and_many() {
    let c = corpus();
    let one = stdout(&[
        "scan",
        c.to_str().unwrap(),
        "--format",
        "json",
        "--jobs",
        "1",
    ]);
    let many = stdout(&[
        "scan",
        c.to_str().unwrap(),
        "--format",
        "json",
        "--jobs",
        "4",
    ]);
    assert_eq!(one, many);
    assert_eq!(
        stdout(&["entities", c.to_str().unwrap(), "-j", "1"]),
        stdout(&["entities", c.to_str().unwrap(), "-j", "3"])
    );
}

#[test]
fn sentences_explain_names_the_rules() {
    let recs = ndjson(&stdout(&[
        "sentences",
        "--explain",
        &seed("003_c875aafc472dcb34.txt"),
    ]));
    let aug = recs
        .iter()
        .find(|r| r["text"].as_str().unwrap().starts_with("On Aug. 16"))
        .unwrap();
    assert_eq!(aug["kept"][0]["after"], "Aug");
    assert!(
        aug["kept"][0]["rule"]
            .as_str()
            .unwrap()
            .contains("abbreviation")
    );
    assert_eq!(
        recs[0]["rule"],
        "boilerplate: marker line (data/boilerplate.txt)"
    );
}

#[test]
fn latin1_file_is_decoded_with_a_warning_and_offsets_stay_in_file_bytes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        b"Prices\n\nIt cost \xA3100 in London. Then it fell.\n",
    )
    .unwrap();
    let out = bin()
        .args(["sentences", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("a.txt")
            && err.contains("invalid UTF-8 at byte 16")
            && err.contains("Windows-1252"),
        "{err}"
    );
    let recs = ndjson(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(recs[1]["text"], "It cost £100 in London.");
    assert_eq!(
        (recs[1]["start"].as_u64(), recs[1]["end"].as_u64()),
        (Some(8), Some(31))
    );
    let r: serde_json::Value =
        serde_json::from_str(&stdout(&[dir.path().to_str().unwrap(), "-f", "json"])).unwrap();
    assert_eq!(r["errors"][0]["severity"], "warning");
    assert_eq!(r["documents"][0]["encoding"], "Windows-1252");
}

#[test]
fn unreadable_files_are_listed_and_strict_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "A fine sentence here.").unwrap();
    std::fs::write(
        dir.path().join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let r: serde_json::Value = serde_json::from_str(&stdout(&[d, "-f", "json"])).unwrap();
    assert_eq!(r["corpus"]["documents"], 1);
    assert_eq!(r["corpus"]["errors"], 1);
    assert!(
        r["errors"][0]["error"]
            .as_str()
            .unwrap()
            .contains("NUL byte at offset 8")
    );
    assert_eq!(
        bin().args([d, "--strict"]).output().unwrap().status.code(),
        Some(2)
    );
}

#[test]
fn output_file_is_written_and_a_failing_write_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.json");
    bin()
        .args([
            corpus().to_str().unwrap(),
            "-f",
            "json",
            "-o",
            target.to_str().unwrap(),
        ])
        .assert()
        .success();
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(r["corpus"]["documents"], 5);
    if std::path::Path::new("/dev/full").exists() {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_corpus-scan"))
            .args([corpus().to_str().unwrap(), "-f", "json"])
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("No space left"));
    }
}
