//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The seed corpus shipped with the project.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The built binary.
pub fn bin() -> Command {
    Command::cargo_bin("corpus-scan").expect("binary builds")
}

/// Runs the binary and returns stdout as a string, asserting success.
pub fn stdout(args: &[&str]) -> String {
    let out = bin().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Parses NDJSON output into values.
pub fn ndjson(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// The seed corpus's JSON report.
pub fn report() -> serde_json::Value {
    serde_json::from_str(&stdout(&[
        "scan",
        corpus().to_str().unwrap(),
        "--format",
        "json",
    ]))
    .unwrap()
}
