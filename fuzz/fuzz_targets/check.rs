//! Arbitrary bytes through `check`'s per-document rules, duplicate detection and every
//! output format.
//!
//! The first line (up to 64 bytes) becomes a required and a forbidden term, so the term
//! patterns are exercised; the rest is split at NUL bytes into up to eight documents. The
//! first half of them are the drop, every one is also a reference document (`--against`),
//! and the whole input is checked as one more file so that binary and UTF-16 input is seen.

#![no_main]

use std::path::Path;

use corpus_scan::check::{Config, Outcome, duplicates, format, rules};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let line_end = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let term = String::from_utf8_lossy(&data[..line_end.min(64)]);
    let quoted = serde_json::to_string(&term).unwrap();
    let toml = format!(
        "[rules.required-terms]\nterms = [{quoted}]\n[rules.forbidden-terms]\nterms = [{quoted}]\n"
    );
    let cfg = Config::parse(&toml, Path::new("fuzz.toml")).unwrap_or_default();
    let docs: Vec<&[u8]> = data.split(|&b| b == 0).take(8).collect();
    let mut findings = Vec::new();
    let mut drop = Vec::new();
    let checked = docs[..docs.len().div_ceil(2)].iter().copied().chain([data]);
    for (i, doc) in checked.enumerate() {
        let path = format!("{i}.txt");
        let c = rules::check_document(&path, &path, doc, &cfg);
        findings.extend(c.findings);
        drop.push((c.path, c.fingerprint));
    }
    let refs: Vec<(String, duplicates::Fingerprint)> = docs
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            Some((
                format!("ref/{i}.txt"),
                duplicates::fingerprint_bytes(d).ok()??,
            ))
        })
        .collect();
    findings.extend(duplicates::find(&drop, &refs, &cfg));
    let outcome = Outcome {
        findings,
        files: drop.len(),
        references: refs.len(),
        notes: Vec::new(),
    };
    let _ = outcome.summary();
    for f in [
        format::Format::Text,
        format::Format::Json,
        format::Format::Github,
        format::Format::Sarif,
    ] {
        format::write(&outcome, &cfg, f, &mut std::io::sink()).unwrap();
    }
});
