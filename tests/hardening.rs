//! Hardening (issue 7): bad input, faults and hostile text never crash the tool or lose a
//! document. Every file found is either analysed (in `documents`) or listed in `errors` with
//! its reason, and the counts add up.
//!
//! These tests run the real binary on files made in temporary folders. Nothing here asserts
//! a time: speed is measured by the benchmarks.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use common::{bin, corpus};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// Helpers

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

/// Runs the binary, asserts it exited with `code` and did not panic, and returns stdout.
fn run_ok(args: &[&str], code: i32) -> (Vec<u8>, String) {
    let out = run(args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    (out.stdout, err)
}

/// The JSON report of `paths` (plus `extra` arguments); asserts exit 0.
fn report(paths: &[&Path], extra: &[&str]) -> Value {
    let mut args: Vec<&str> = vec!["scan", "--format", "json"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    args.extend(extra);
    let (out, _) = run_ok(&args, 0);
    serde_json::from_slice(&out).expect("valid JSON report")
}

fn ndjson(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// `(kind, text)` of every segment of one file.
fn sentences(path: &Path) -> Vec<(String, String)> {
    let (out, _) = run_ok(&["sentences", path.to_str().unwrap()], 0);
    ndjson(&out)
        .into_iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap().into(),
                r["text"].as_str().unwrap().into(),
            )
        })
        .collect()
}

fn sentence_texts(path: &Path) -> Vec<String> {
    sentences(path).into_iter().map(|(_, t)| t).collect()
}

fn tokens(path: &Path) -> Vec<String> {
    let (out, _) = run_ok(&["tokens", path.to_str().unwrap()], 0);
    ndjson(&out)
        .into_iter()
        .map(|r| r["text"].as_str().unwrap().to_owned())
        .collect()
}

fn utf16(s: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend(if big_endian {
            [0xFE, 0xFF]
        } else {
            [0xFF, 0xFE]
        });
    }
    for u in s.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

/// The error records of a report, as `(path, error, severity)`.
fn errors(r: &Value) -> Vec<(String, String, String)> {
    r["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_owned(),
                e["error"].as_str().unwrap().to_owned(),
                e["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The reason recorded for the file whose path ends with `name`, with its severity.
fn error_for(r: &Value, name: &str) -> (String, String) {
    errors(r)
        .into_iter()
        .find(|(p, _, _)| p.ends_with(name))
        .map(|(_, e, s)| (e, s))
        .unwrap_or_else(|| panic!("{name} is not in errors: {:#}", r["errors"]))
}

fn ids(r: &Value) -> Vec<String> {
    r["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect()
}

fn document<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not in documents: {:?}", ids(r)))
}

fn has_mkfifo() -> bool {
    std::process::Command::new("mkfifo")
        .arg("--version")
        .output()
        .is_ok()
}

fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

// ---------------------------------------------------------------------------------------
// The file cases, as bytes

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0";
const LATIN1: &[u8] = b"Caf\xe9 in Z\xfcrich costs \xa35. It was fine.\n";
const CP1252: &[u8] = b"\x93It\x92s fine,\x94 he said \x97 \x805.\n";
const INVALID_MIDDLE: &[u8] = b"Good start here. Then \xff\xfe bad. End.\n";
const OVERLONG: &[u8] = b"Path \xc0\xaf etc. Done.\n";
const UTF16_TEXT: &str = "Hello there. Mr. Smith went to Paris.\n";
const MIXED: &str =
    "Moscow (Москва) and Tehran (تهران) met in 北京. 🚀 launched! Россия сказала.\n";
const ANSI: &[u8] =
    b"Evil \x1b[31mred\x1b[0m text from Reuters in London. Title \x1b]0;title\x07 here.\n\n\
The Pentagon said \x1b[2J the screen \x9b cleared. Bell \x07 and DEL \x7f too.\n";

fn nested(levels: usize) -> Vec<u8> {
    let mut v = "“([{\"".repeat(levels).into_bytes();
    v.extend(b"core");
    v.extend("\"}])”".repeat(levels).into_bytes());
    v
}

// ---------------------------------------------------------------------------------------
// Reading and decoding

#[test]
fn empty_and_whitespace_only_files_are_documents_without_sentences() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "blank.txt", b"  \n\t\n\r\n   \n\n");
    let r = report(&[dir.path()], &[]);
    assert_eq!(ids(&r), ["blank.txt", "empty.txt"]);
    assert_eq!(r["corpus"]["errors"], 0);
    for d in r["documents"].as_array().unwrap() {
        assert_eq!(d["stats"]["sentences"], 0, "{d}");
    }
    assert!(sentences(&dir.path().join("empty.txt")).is_empty());
    assert!(tokens(&dir.path().join("blank.txt")).is_empty());
    // The text report and the entity stream cope with an empty corpus of documents too.
    run_ok(&[dir.path().to_str().unwrap()], 0);
    run_ok(&["entities", dir.path().to_str().unwrap()], 0);
}

#[test]
fn binary_file_named_txt_is_an_error_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "image.txt", PNG);
    write(dir.path(), "ok.txt", "A real sentence.");
    let r = report(&[dir.path()], &[]);
    assert_eq!(ids(&r), ["ok.txt"]);
    assert_eq!(r["corpus"]["errors"], 1);
    let (why, severity) = error_for(&r, "image.txt");
    assert_eq!(severity, "error");
    assert!(why.contains("NUL byte at offset 8"), "{why}");
    // Every command reports it the same way and goes on.
    for cmd in ["sentences", "tokens", "entities"] {
        let (out, err) = run_ok(&[cmd, dir.path().to_str().unwrap()], 0);
        assert!(
            err.contains("image.txt") && err.contains("not a text file"),
            "{err}"
        );
        assert!(ndjson(&out).iter().all(|r| r["doc"] == "ok.txt"));
    }
    run_ok(&[dir.path().to_str().unwrap(), "--strict"], 2);
}

#[test]
fn latin1_and_windows_1252_fall_back_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = write(dir.path(), "latin1.txt", LATIN1);
    let cp1252 = write(dir.path(), "cp1252.txt", CP1252);
    assert_eq!(
        sentence_texts(&latin1),
        ["Café in Zürich costs £5.", "It was fine."]
    );
    assert_eq!(sentence_texts(&cp1252), ["“It’s fine,” he said — €5."]);
    assert!(tokens(&cp1252).contains(&"€".to_owned()));
    let r = report(&[dir.path()], &[]);
    assert_eq!(r["corpus"]["documents"], 2);
    assert_eq!(
        r["corpus"]["errors"], 0,
        "fallbacks are warnings, not errors"
    );
    for (name, byte) in [
        ("latin1.txt", "byte 3 (0xE9)"),
        ("cp1252.txt", "byte 0 (0x93)"),
    ] {
        assert_eq!(document(&r, name)["encoding"], "Windows-1252");
        let (why, severity) = error_for(&r, name);
        assert_eq!(severity, "warning");
        assert!(why.contains(byte), "{why}");
    }
    // Offsets stay in file bytes: "£5." is bytes 21..24 of the Latin-1 file.
    let (out, _) = run_ok(&["tokens", latin1.to_str().unwrap()], 0);
    let pound = ndjson(&out)
        .into_iter()
        .find(|t| t["text"] == "£")
        .expect("a £ token");
    assert_eq!(
        (pound["start"].as_u64(), pound["end"].as_u64()),
        (Some(21), Some(22))
    );
    run_ok(&[dir.path().to_str().unwrap(), "--strict"], 0);
}

#[test]
fn utf16_with_and_without_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("le-bom.txt", false, true, "UTF-16LE"),
        ("be-bom.txt", true, true, "UTF-16BE"),
        ("le.txt", false, false, "UTF-16LE"),
        ("be.txt", true, false, "UTF-16BE"),
    ];
    for (name, be, bom, _) in cases {
        write(dir.path(), name, utf16(UTF16_TEXT, be, bom));
    }
    let r = report(&[dir.path()], &[]);
    assert_eq!(r["corpus"]["documents"], 4);
    assert_eq!(r["errors"], serde_json::json!([]));
    for (name, _, bom, enc) in cases {
        assert_eq!(document(&r, name)["encoding"], enc);
        let path = dir.path().join(name);
        assert_eq!(
            sentence_texts(&path),
            ["Hello there.", "Mr. Smith went to Paris."]
        );
        // Offsets are in file bytes: two per character, after the mark.
        let (out, _) = run_ok(&["sentences", path.to_str().unwrap()], 0);
        let first = &ndjson(&out)[0];
        let shift = if bom { 2 } else { 0 };
        assert_eq!(first["start"], shift);
        assert_eq!(first["end"], shift + 24);
    }
}

#[test]
fn invalid_utf8_in_the_middle_and_overlong_sequences_fall_back() {
    let dir = tempfile::tempdir().unwrap();
    let middle = write(dir.path(), "middle.txt", INVALID_MIDDLE);
    let overlong = write(dir.path(), "overlong.txt", OVERLONG);
    assert_eq!(
        sentence_texts(&middle),
        ["Good start here.", "Then ÿþ bad.", "End."]
    );
    // 0xC0 0xAF is an overlong "/": never decoded as "/", but as two Windows-1252 characters.
    assert_eq!(sentence_texts(&overlong), ["Path À¯ etc.", "Done."]);
    let r = report(&[dir.path()], &[]);
    assert_eq!(r["corpus"]["documents"], 2);
    assert!(
        error_for(&r, "middle.txt")
            .0
            .contains("invalid UTF-8 at byte 22 (0xFF)")
    );
    assert!(
        error_for(&r, "overlong.txt")
            .0
            .contains("invalid UTF-8 at byte 5 (0xC0)")
    );
}

#[test]
fn lone_cr_and_cr_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let lone = write(dir.path(), "cr.txt", b"\r");
    let old_mac = write(dir.path(), "mac.txt", b"One line.\rTwo line.\rThree.");
    assert!(sentences(&lone).is_empty());
    assert_eq!(
        sentence_texts(&old_mac),
        ["One line.", "Two line.", "Three."]
    );
    let r = report(&[dir.path()], &[]);
    assert_eq!(ids(&r), ["cr.txt", "mac.txt"]);
}

#[test]
fn file_over_the_size_limit_is_reported_not_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "big.txt", "Too long a sentence. ".repeat(100));
    write(dir.path(), "small.txt", "Short.");
    let r = report(&[dir.path()], &["--max-file-size", "1000"]);
    assert_eq!(ids(&r), ["small.txt"]);
    assert_eq!(r["corpus"]["errors"], 1);
    let (why, severity) = error_for(&r, "big.txt");
    assert_eq!(severity, "error");
    assert!(
        why.contains("2100 bytes")
            && why.contains("limit of 1000 bytes")
            && why.contains("not read"),
        "{why}"
    );
    // A file exactly at the limit is read.
    let r = report(&[dir.path()], &["--max-file-size", "2100"]);
    assert_eq!(r["corpus"]["documents"], 2);
    // The largest limit there is does not overflow.
    let r = report(&[dir.path()], &["--max-file-size", &u64::MAX.to_string()]);
    assert_eq!(r["corpus"]["documents"], 2);
    // Standard input is held to the limit as well.
    let out = bin()
        .args(["sentences", "-", "--max-file-size", "10"])
        .write_stdin("This is longer than ten bytes.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("over the size limit of 10 bytes"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn standard_input_named_twice_is_read_once() {
    let out = bin()
        .args(["scan", "-f", "json", "-", "-"])
        .write_stdin("Only one document here.")
        .output()
        .unwrap();
    assert!(out.status.success());
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ids(&r), ["-"]);
    assert_eq!(r["corpus"]["errors"], 0);
}

// ---------------------------------------------------------------------------------------
// Hostile text: huge lines and words, deep nesting, mixed scripts

/// The issue asks for 50 MB; 5 MB keeps a debug-build test run within seconds (about 15 s
/// for this test in a debug build on two cores; the release build takes well under one).
#[test]
fn large_file_on_one_line_without_punctuation() {
    let dir = tempfile::tempdir().unwrap();
    let words = 1_000_000;
    write(dir.path(), "line.txt", "word ".repeat(words));
    let r = report(&[dir.path()], &[]);
    let d = document(&r, "line.txt");
    assert_eq!(d["stats"]["sentences"], 1);
    assert_eq!(d["stats"]["words"], words);
    assert_eq!(r["corpus"]["bytes"], 5 * words);
}

#[test]
fn a_line_of_100000_dots() {
    let dir = tempfile::tempdir().unwrap();
    let dots = write(dir.path(), "dots.txt", ".".repeat(100_000));
    write(
        dir.path(),
        "dots-words.txt",
        "Wait. ".repeat(5_000) + &".".repeat(100_000),
    );
    let r = report(&[dir.path()], &[]);
    assert_eq!(r["corpus"]["documents"], 2);
    assert_eq!(r["corpus"]["errors"], 0);
    // A line of nothing but dots has no words: at most one segment, and not a sentence.
    let segs = sentences(&dots);
    assert!(segs.len() <= 1, "{segs:?}");
    assert!(segs.iter().all(|(kind, _)| kind != "sentence"), "{segs:?}");
    assert_eq!(document(&r, "dots.txt")["stats"]["words"], 0);
    assert_eq!(document(&r, "dots-words.txt")["stats"]["words"], 5_000);
    run_ok(&["entities", dir.path().to_str().unwrap()], 0);
}

#[test]
fn a_word_of_100000_characters() {
    let dir = tempfile::tempdir().unwrap();
    let ascii = write(dir.path(), "ascii.txt", "a".repeat(100_000));
    let cyr = write(dir.path(), "cyrillic.txt", "Ж".repeat(100_000));
    let caps = write(
        dir.path(),
        "caps.txt",
        format!("The {} said.", "A".repeat(100_000)),
    );
    assert_eq!(tokens(&ascii), ["a".repeat(100_000)]);
    assert_eq!(tokens(&cyr), ["Ж".repeat(100_000)]);
    assert_eq!(sentence_texts(&caps).len(), 1);
    let r = report(&[dir.path()], &[]);
    assert_eq!(r["corpus"]["documents"], 3);
    run_ok(&["entities", dir.path().to_str().unwrap()], 0);
}

#[test]
fn quotes_and_brackets_nested_10000_levels_deep() {
    let dir = tempfile::tempdir().unwrap();
    let deep = write(dir.path(), "deep.txt", nested(10_000));
    write(
        dir.path(),
        "parens.txt",
        "(".repeat(10_000) + "x" + &")".repeat(10_000),
    );
    write(
        dir.path(),
        "quotes.txt",
        "“".repeat(10_000) + "said he" + &"”".repeat(10_000),
    );
    let toks = tokens(&deep);
    assert_eq!(toks.len(), 100_001);
    assert_eq!(toks[50_000], "core");
    let r = report(&[dir.path()], &[]);
    assert_eq!(r["corpus"]["documents"], 3);
    assert_eq!(r["corpus"]["errors"], 0);
    run_ok(&["entities", dir.path().to_str().unwrap()], 0);
    run_ok(&[dir.path().to_str().unwrap()], 0);
}

#[test]
fn mixed_scripts_give_sane_tokens_and_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "mixed.txt", MIXED);
    assert_eq!(
        tokens(&path),
        [
            "Moscow",
            "(",
            "Москва",
            ")",
            "and",
            "Tehran",
            "(",
            "تهران",
            ")",
            "met",
            "in",
            "北",
            "京",
            ".",
            "🚀",
            "launched",
            "!",
            "Россия",
            "сказала",
            "."
        ]
    );
    assert_eq!(
        sentence_texts(&path),
        [
            "Moscow (Москва) and Tehran (تهران) met in 北京.",
            "🚀 launched!",
            "Россия сказала."
        ]
    );
    // An emoji sequence (joined, or a flag) stays one token.
    let flags = write(dir.path(), "emoji.txt", "Fans 👨‍👩‍👧 cheered 🇺🇦 loudly.");
    assert_eq!(
        tokens(&flags),
        ["Fans", "👨‍👩‍👧", "cheered", "🇺🇦", "loudly", "."]
    );
    let r = report(&[dir.path()], &[]);
    assert_eq!(r["corpus"]["documents"], 2);
}

// ---------------------------------------------------------------------------------------
// Folders

#[test]
fn folder_nested_500_levels_deep() {
    let dir = tempfile::tempdir().unwrap();
    let mut rel = PathBuf::new();
    for _ in 0..500 {
        rel.push("d");
    }
    std::fs::create_dir_all(dir.path().join(&rel)).unwrap();
    write(&dir.path().join(&rel), "bottom.txt", "Deep down there.");
    write(dir.path(), "top.txt", "Up here.");
    let r = report(&[dir.path()], &[]);
    let bottom = format!("{}/bottom.txt", vec!["d"; 500].join("/"));
    assert_eq!(ids(&r), [bottom, "top.txt".to_owned()]);
    assert_eq!(r["corpus"]["errors"], 0);
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_and_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sub/a.txt", "Inside the loop.");
    symlink("..", dir.path().join("sub/back"));
    symlink("self.txt", dir.path().join("self.txt"));
    let r = report(&[dir.path()], &[]);
    assert_eq!(ids(&r), ["sub/a.txt"]);
    assert_eq!(r["corpus"]["errors"], 2);
    assert!(error_for(&r, "sub/back").0.contains("symbolic link loop"));
    assert!(
        error_for(&r, "self.txt")
            .0
            .contains("Too many levels of symbolic links")
    );
    run_ok(&[dir.path().to_str().unwrap(), "--strict"], 2);
}

#[cfg(unix)]
#[test]
fn a_file_reached_twice_through_symlinks_is_analysed_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "real.txt", "The one and only copy.");
    // The links sort before and after the real name; the real name wins either way.
    symlink("real.txt", dir.path().join("a-link.txt"));
    std::fs::create_dir(dir.path().join("z")).unwrap();
    symlink("../real.txt", dir.path().join("z/again.txt"));
    // A link to a folder holding a file reached directly too.
    symlink(".", dir.path().join("here"));
    let r = report(&[dir.path()], &[]);
    assert_eq!(ids(&r), ["real.txt"]);
    assert_eq!(r["corpus"]["documents"], 1);
    // `here` points at the folder itself: a loop, reported once.
    assert_eq!(r["corpus"]["errors"], 1);
    assert!(error_for(&r, "here").0.contains("symbolic link loop"));
    // The same file named twice on the command line, and through a link.
    let real = dir.path().join("real.txt");
    let link = dir.path().join("a-link.txt");
    let r = report(&[&real, &link, &real], &[]);
    assert_eq!(ids(&r), ["real.txt"]);
}

#[cfg(unix)]
#[test]
fn hard_links_are_documents_of_their_own() {
    // Same inode, two names of their own: both are read, and the duplicate check sees them.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "The same words under two names.");
    std::fs::hard_link(dir.path().join("a.txt"), dir.path().join("b.txt")).unwrap();
    // A link to one of them is that one again.
    symlink("b.txt", dir.path().join("c.txt"));
    let r = report(&[dir.path()], &[]);
    assert_eq!(ids(&r), ["a.txt", "b.txt"]);
    assert_eq!(r["duplicates"][0]["documents"], json!(["a.txt", "b.txt"]));
}

#[cfg(unix)]
#[test]
fn dangling_symlinks_are_reported_when_their_name_is_selected() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.txt", "Fine.");
    symlink("gone.txt", dir.path().join("dangling.txt"));
    symlink("gone.md", dir.path().join("dangling.md"));
    let r = report(&[dir.path()], &[]);
    assert_eq!(ids(&r), ["ok.txt"]);
    assert_eq!(r["corpus"]["errors"], 1);
    assert!(
        error_for(&r, "dangling.txt")
            .0
            .contains("broken symbolic link")
    );
}

#[cfg(unix)]
#[test]
fn fifo_is_skipped_with_a_reason_and_never_opened() {
    if !has_mkfifo() {
        eprintln!("mkfifo is not installed; skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.txt", "Fine.");
    let fifo = dir.path().join("pipe.txt");
    assert!(mkfifo(&fifo));
    // Opening a FIFO with no writer blocks: a run that finishes proves it was not opened.
    let out = bin()
        .args(["scan", "-f", "json", dir.path().to_str().unwrap()])
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    assert!(out.status.success());
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ids(&r), ["ok.txt"]);
    let (why, severity) = error_for(&r, "pipe.txt");
    assert_eq!(severity, "error");
    assert!(why.contains("not a regular file"), "{why}");
    // Named directly, too.
    let out = bin()
        .args(["sentences", fifo.to_str().unwrap()])
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}

#[test]
fn folder_named_like_a_document_is_searched_not_read() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "x.txt/inner.txt",
        "Inside a folder called x.txt.",
    );
    std::fs::create_dir(dir.path().join("empty.txt")).unwrap();
    let r = report(&[dir.path()], &[]);
    assert_eq!(ids(&r), ["x.txt/inner.txt"]);
    assert_eq!(r["corpus"]["errors"], 0);
}

/// A file removed after discovery listed it: reading fails with the reason, and the
/// ordered runner hands the document back as an error instead of dropping it.
#[test]
fn file_deleted_between_listing_and_reading_comes_back_as_an_error() {
    use corpus_scan::input::{Selection, discover, read_source};
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Still here.");
    write(dir.path(), "b.txt", "About to vanish.");
    write(dir.path(), "c.txt", "Also here.");
    let sel = Selection::default();
    let found = discover(&[dir.path().to_str().unwrap().to_owned()], &sel).unwrap();
    assert_eq!(found.sources.len(), 3);
    std::fs::remove_file(dir.path().join("b.txt")).unwrap();

    let err = read_source(&found.sources[1], sel.max_file_size).unwrap_err();
    assert!(
        err.contains("cannot be read") && err.contains("No such file"),
        "{err}"
    );
    assert!(read_source(&found.sources[0], sel.max_file_size).is_ok());

    let pool = corpus_scan::run::pool(2).unwrap();
    let mut seen = Vec::new();
    corpus_scan::run::for_each_ordered(
        &found.sources,
        sel.max_file_size,
        corpus_scan::Depth::Tokens,
        &pool,
        |_, r| r.map(|a| a.id),
        |src, r| {
            seen.push((src.id.clone(), r));
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(seen.len(), 3, "no document may vanish");
    assert_eq!(seen[0], ("a.txt".to_owned(), Ok("a.txt".to_owned())));
    assert_eq!(seen[1].0, "b.txt");
    assert!(
        seen[1]
            .1
            .as_ref()
            .is_err_and(|e| e.contains("No such file"))
    );
    assert_eq!(seen[2], ("c.txt".to_owned(), Ok("c.txt".to_owned())));
}

/// The ordered runner stops when the caller fails: the reader and the pool, windows ahead,
/// are told to stop, the caller's error comes back, and no document is handed on after it.
#[test]
fn ordered_runner_stops_at_the_callers_error() {
    use corpus_scan::input::{Selection, discover};
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        write(dir.path(), &format!("{i:03}.txt"), "A short article.");
    }
    let sel = Selection::default();
    let found = discover(&[dir.path().to_str().unwrap().to_owned()], &sel).unwrap();
    let pool = corpus_scan::run::pool(2).unwrap();
    let mut seen = Vec::new();
    let err = corpus_scan::run::for_each_ordered(
        &found.sources,
        sel.max_file_size,
        corpus_scan::Depth::Tokens,
        &pool,
        |_, r| r.is_ok(),
        |src, ok| {
            seen.push((src.id.clone(), ok));
            if seen.len() == 70 {
                anyhow::bail!("stop at {}", src.id);
            }
            Ok(())
        },
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "stop at 069.txt");
    assert_eq!(seen.len(), 70);
    assert!(
        seen.iter()
            .enumerate()
            .all(|(i, (id, ok))| *ok && *id == format!("{i:03}.txt"))
    );
}

// ---------------------------------------------------------------------------------------
// Output

/// A corpus whose every output is much larger than a pipe's buffer.
fn big_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(corpus().join("001_40c545358694a86b.txt")).unwrap();
    for i in 0..300 {
        write(dir.path(), &format!("{i:03}.txt"), &text);
    }
    dir
}

#[test]
fn closed_pipe_ends_quietly_for_every_command_and_format() {
    let dir = big_corpus();
    let d = dir.path().to_str().unwrap();
    let commands: [&[&str]; 9] = [
        &["sentences", d],
        &["sentences", "--explain", d],
        &["tokens", d],
        &["entities", d],
        &["entities", "--explain", d],
        &["scan", d, "--format", "text"],
        &["scan", d, "--format", "json"],
        &["scan", d, "--format", "ndjson"],
        &[d],
    ];
    for args in commands {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_corpus-scan"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        // Read one line, then close the pipe.
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(!first.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {err}", out.status);
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

#[test]
fn closed_pipe_keeps_the_verdict_of_check() {
    let dir = big_corpus();
    for format in ["text", "json", "github"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_corpus-scan"))
            .args(["check", dir.path().to_str().unwrap(), "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Closed before the 299 duplicates are written: every write fails.
        drop(child.stdout.take());
        assert_eq!(child.wait().unwrap().code(), Some(1), "{format}");
    }
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.starts_with(".corpus-scan"))
        .collect()
}

#[test]
fn output_file_is_written_atomically_and_leaves_no_temporary_file() {
    let out_dir = tempfile::tempdir().unwrap();
    let seed = corpus();
    let seed = seed.to_str().unwrap();
    for format in ["text", "json", "ndjson"] {
        let target = out_dir.path().join(format!("report.{format}"));
        // An existing file is replaced whole.
        std::fs::write(&target, "old contents that must disappear").unwrap();
        let (stdout, _) = run_ok(&[seed, "-f", format, "-o", target.to_str().unwrap()], 0);
        assert!(stdout.is_empty());
        let written = std::fs::read(&target).unwrap();
        let (direct, _) = run_ok(&[seed, "-f", format], 0);
        assert_eq!(written, direct, "{format}");
    }
    assert_eq!(temp_files(out_dir.path()), Vec::<String>::new());

    // A relative path with no folder part goes beside it, in the current folder.
    let (_, _) = {
        let out = bin()
            .current_dir(out_dir.path())
            .args([seed, "-f", "json", "-o", "rel.json"])
            .output()
            .unwrap();
        assert!(out.status.success());
        (out.stdout, out.stderr)
    };
    assert!(out_dir.path().join("rel.json").is_file());

    // Failures: the target is a folder (the rename fails after the report was written), or
    // its folder does not exist. Exit 2 with a message, and no temporary file is left.
    let folder = out_dir.path().join("a-folder");
    std::fs::create_dir(&folder).unwrap();
    let (_, err) = run_ok(&[seed, "-f", "json", "-o", folder.to_str().unwrap()], 2);
    assert!(
        err.contains("a-folder") && err.contains("cannot move the report into place"),
        "{err}"
    );
    assert!(folder.is_dir());
    let missing = out_dir.path().join("no/such/folder/r.json");
    let (_, err) = run_ok(&[seed, "-o", missing.to_str().unwrap()], 2);
    assert!(err.contains("cannot create a temporary file"), "{err}");
    assert_eq!(temp_files(out_dir.path()), Vec::<String>::new());
}

#[test]
fn failing_write_exits_2_with_a_message() {
    if !Path::new("/dev/full").exists() {
        eprintln!("/dev/full is missing; skipping");
        return;
    }
    // Small outputs too: an unflushed buffer must not swallow the error.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Russia and Iran met in Tehran.");
    let d = dir.path().to_str().unwrap();
    let seed = corpus();
    for path in [d, seed.to_str().unwrap()] {
        for format in ["text", "json", "ndjson"] {
            // To standard output...
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_corpus-scan"))
                .args([path, "-f", format])
                .stdout(std::fs::File::create("/dev/full").unwrap())
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{format} to stdout: {err}");
            assert!(err.contains("No space left"), "{err}");
            assert!(!err.contains("panicked"), "{err}");
            // ... and to --output: written in place, never renamed over the device.
            let (_, err) = run_ok(&[path, "-f", format, "-o", "/dev/full"], 2);
            assert!(
                err.contains("/dev/full") && err.contains("No space left"),
                "{err}"
            );
        }
    }
    for cmd in ["sentences", "tokens", "entities"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_corpus-scan"))
            .args([cmd, d])
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}");
    }
    use std::os::unix::fs::FileTypeExt;
    let meta = std::fs::metadata("/dev/full").unwrap();
    assert!(
        meta.file_type().is_char_device(),
        "/dev/full must still be the device"
    );
    assert_eq!(temp_files(Path::new("/dev")), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------
// Terminal safety

#[test]
fn control_characters_and_ansi_escapes_are_escaped_in_the_text_report() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ansi.txt", ANSI);
    // Windows-1252 bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D decode to C1 controls.
    write(
        dir.path(),
        "c1.txt",
        b"Windows text with \x81 and \x9d in it. Done here.\n",
    );
    // U+009B is the one-character CSI.
    write(
        dir.path(),
        "csi.txt",
        "The \u{9b}31m report \u{202e}reversed said.\n",
    );
    // Escapes in file names reach the report through ids and paths.
    write(
        dir.path(),
        "name\x1b[31m.txt",
        "A file with a hostile name.",
    );
    write(dir.path(), "bad\x1b]0;x\x07.txt", PNG);
    let args = [dir.path().to_str().unwrap()];
    let (out, _) = run_ok(&args, 0);
    for bad in [
        &b"\x1b"[..],
        b"\x07",
        b"\x7f",
        "\u{9b}".as_bytes(),
        "\u{81}".as_bytes(),
        "\u{202e}".as_bytes(),
    ] {
        assert!(
            !out.windows(bad.len()).any(|w| w == bad),
            "raw {bad:?} in the text report:\n{}",
            String::from_utf8_lossy(&out)
        );
    }
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("\\u{1b}[31m"), "{text}");
    assert!(text.contains("name\\u{1b}[31m.txt"), "{text}");
    assert!(text.contains("bad\\u{1b}]0;x\\u{7}.txt"), "{text}");
    for line in text.lines() {
        assert!(line.chars().all(|c| !c.is_control()), "{line:?}");
    }
    // JSON keeps the text exact (escaped by JSON itself).
    let r = report(&[dir.path()], &[]);
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains('\x1b'));
    assert!(json.contains("\\u001b[31m"));
}

// ---------------------------------------------------------------------------------------
// Determinism

/// The same documents, a mix of the cases above, written in `order`.
fn fill(dir: &Path, order: &[usize]) {
    let seeds: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    let mut files: Vec<(String, Vec<u8>)> = seeds
        .iter()
        .map(|p| {
            (
                format!("seed/{}", p.file_name().unwrap().to_string_lossy()),
                std::fs::read(p).unwrap(),
            )
        })
        .collect();
    files.extend([
        ("latin1.txt".to_owned(), LATIN1.to_vec()),
        ("cp1252.txt".to_owned(), CP1252.to_vec()),
        ("png.txt".to_owned(), PNG.to_vec()),
        ("utf16.txt".to_owned(), utf16(UTF16_TEXT, false, true)),
        ("mixed.txt".to_owned(), MIXED.as_bytes().to_vec()),
        ("ansi.txt".to_owned(), ANSI.to_vec()),
        ("empty.txt".to_owned(), Vec::new()),
        ("copy/of/seed.txt".to_owned(), files[0].1.clone()),
        ("b/z.txt".to_owned(), b"Zulu said the Pentagon.".to_vec()),
        ("b/a.txt".to_owned(), b"Alpha said Iran.".to_vec()),
    ]);
    for &i in order {
        let (name, bytes) = &files[i % files.len()];
        write(dir, name, bytes);
    }
}

#[test]
fn json_is_byte_identical_across_runs_threads_and_creation_order() {
    let n = 15;
    let forward: Vec<usize> = (0..n).collect();
    let backward: Vec<usize> = (0..n).rev().collect();
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    fill(a.path(), &forward);
    fill(b.path(), &backward);
    let json = |dir: &Path, jobs: &str| {
        let (out, _) = run_ok(
            &["scan", "-f", "json", dir.to_str().unwrap(), "--jobs", jobs],
            0,
        );
        String::from_utf8(out)
            .unwrap()
            .replace(dir.to_str().unwrap(), "DIR")
    };
    let first = json(a.path(), "1");
    assert!(
        first.contains("\"documents\": 14"),
        "all but the PNG are documents"
    );
    assert_eq!(first, json(a.path(), "1"), "two runs");
    assert_eq!(first, json(a.path(), "2"), "--jobs 1 vs 2");
    assert_eq!(first, json(b.path(), "2"), "creation order");
    // The streams too.
    for cmd in ["sentences", "tokens", "entities"] {
        let out = |dir: &Path, jobs: &str| run_ok(&[cmd, dir.to_str().unwrap(), "-j", jobs], 0).0;
        assert_eq!(out(a.path(), "1"), out(b.path(), "2"), "{cmd}");
    }
}

// ---------------------------------------------------------------------------------------
// Everything at once

/// Regular files whose name ends in `.txt`, found without following symbolic links.
fn regular_txt_files(dir: &Path) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let ty = e.file_type().unwrap();
        if ty.is_dir() {
            n += regular_txt_files(&e.path());
        } else if ty.is_file() && e.file_name().to_string_lossy().ends_with(".txt") {
            n += 1;
        }
    }
    n
}

#[cfg(unix)]
#[test]
fn one_folder_with_every_case_accounts_for_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    // Documents.
    write(p, "empty.txt", b"");
    write(p, "whitespace.txt", b" \n\t \r\n ");
    write(p, "latin1.txt", LATIN1);
    write(p, "cp1252.txt", CP1252);
    write(p, "utf16le-bom.txt", utf16(UTF16_TEXT, false, true));
    write(p, "utf16be-bom.txt", utf16(UTF16_TEXT, true, true));
    write(p, "utf16le.txt", utf16(UTF16_TEXT, false, false));
    write(p, "utf16be.txt", utf16(UTF16_TEXT, true, false));
    write(p, "invalid-middle.txt", INVALID_MIDDLE);
    write(p, "overlong.txt", OVERLONG);
    write(p, "lone-cr.txt", b"\r");
    // 1 MB here; the 5 MB case has a test of its own.
    write(p, "one-line.txt", "word ".repeat(200_000));
    write(p, "dots.txt", ".".repeat(100_000));
    write(p, "long-word.txt", "a".repeat(100_000));
    write(p, "nested.txt", nested(2_000));
    write(p, "mixed.txt", MIXED);
    write(p, "ansi.txt", ANSI);
    write(p, "x.txt/inner.txt", "In a folder named x.txt.");
    let deep: PathBuf = std::iter::repeat_n("d", 500).collect();
    write(&p.join(&deep), "bottom.txt", "Deep down.");
    write(p, "real.txt", "Reached three ways.");
    symlink("real.txt", p.join("link-to-real.txt"));
    symlink("../real.txt", p.join("x.txt/link-again.txt"));
    // Errors.
    write(p, "png.txt", PNG);
    write(p, "too-big.txt", "x".repeat(1_500_000));
    let mut special = 0;
    symlink(".", p.join("loop"));
    special += 1;
    symlink("missing.txt", p.join("dangling.txt"));
    special += 1;
    symlink("ping.txt", p.join("pong.txt"));
    symlink("pong.txt", p.join("ping.txt"));
    special += 2;
    let fifo = has_mkfifo() && mkfifo(&p.join("fifo.txt"));
    if fifo {
        special += 1;
    }
    let regular = regular_txt_files(p);
    assert_eq!(regular, 22);
    let found = regular + special;

    let limit = ["--max-file-size", "1200000"];
    let r = report(&[p], &limit);
    let c = &r["corpus"];
    let (docs, errs) = (
        c["documents"].as_u64().unwrap(),
        c["errors"].as_u64().unwrap(),
    );
    assert_eq!(docs + errs, found as u64, "{:#}", r["errors"]);
    assert_eq!(docs, 20);
    assert_eq!(r["documents"].as_array().unwrap().len() as u64, docs);
    let error_level: Vec<_> = errors(&r).into_iter().filter(|e| e.2 == "error").collect();
    assert_eq!(error_level.len() as u64, errs);
    let mut problems = vec![
        "png.txt",
        "too-big.txt",
        "loop",
        "dangling.txt",
        "ping.txt",
        "pong.txt",
    ];
    if fifo {
        problems.push("fifo.txt");
    }
    for name in problems {
        let (why, severity) = error_for(&r, name);
        assert_eq!(severity, "error", "{name}");
        assert!(!why.is_empty());
    }
    for name in [
        "latin1.txt",
        "cp1252.txt",
        "invalid-middle.txt",
        "overlong.txt",
    ] {
        assert_eq!(error_for(&r, name).1, "warning", "{name}");
    }
    assert!(ids(&r).contains(&"real.txt".to_owned()));
    assert!(!ids(&r).iter().any(|i| i.contains("link")));

    let d = p.to_str().unwrap();
    run_ok(&[d, limit[0], limit[1]], 0);
    run_ok(&[d, limit[0], limit[1], "--strict"], 2);
    run_ok(&[d, limit[0], limit[1], "-f", "json", "--strict"], 2);
    for cmd in ["sentences", "tokens", "entities"] {
        run_ok(&[cmd, d, limit[0], limit[1]], 0);
        run_ok(&[cmd, d, limit[0], limit[1], "--strict"], 2);
    }
}

// ---------------------------------------------------------------------------------------
// Regressions found by fuzzing and by hand

/// What the `analyse` fuzz target does with its input (fuzz/fuzz_targets/analyse.rs): split
/// at NUL bytes into documents, analyse each, fold them into a corpus, write every report.
fn fuzz_analyse(data: &[u8]) {
    use corpus_scan::corpus::{Corpus, Options};
    use corpus_scan::report::{self, records};
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
    if let Ok(a) = corpus_scan::analyse("all.txt", data) {
        corpus.add("all.txt", &a);
    }
    let (report, mentions) = corpus.finish().unwrap().collect().unwrap();
    for m in &mentions {
        serde_json::to_writer(&mut sink, m).unwrap();
    }
    serde_json::to_writer(&mut sink, &report).unwrap();
    let later = report::Later::of(&report);
    report::write_ndjson(&report, report::own_documents(&report), later, &mut sink).unwrap();
    report::text::write(&report, &mut sink).unwrap();
}

/// The input on which cargo fuzz (target `analyse`, first run) panicked at
/// `summary/quotes.rs:37:25`: "end byte index 516 is not a char boundary; it is inside '“'
/// (bytes 515..518)". The speaker look-ahead cut the text 200 bytes after "Vladimir Putin",
/// inside the opening quote of `“the main part”`. Fixed in 3d6a750.
const FUZZ_QUOTE_CRASH: &[u8] =
    b"Share\n\nIran \x10\x00\x00\x00\x00\x00\x00\x00ussia to use base for Syria strikes\n\nAft\
er the strikes, the planes went back to the base.\n\nAdvertisement\n\nThe announcement d\
emonstrates strong cooperation between Iran and Russian Federation in fight against terr\
orists in Syria.\n\nFighting for Aleppo, once Syria\xe2\x80\x99s commercial capital and \
its larident Vladimir Putin said in March, \xe2\x80\x9cthe main part\xe2\x80\x9d of Russ\
ian armed forces in Syria would statructed his diplomats to step up the push for peace a\
s UN-mediated talks resumed in Geneva on ending the five-year war.\n\n\xe2\x80\x9cBomber\
s can transport more bombs if their flight time is short\xe2\x80\x9d, he said.\n\nMoscow \
and Tehran cooperation in Syria is \xe2\x80\x9cstrategic\xe2\x80\x9d, confirmed the head \
of Iran\xe2\x80\x99s National Security Council. Other Syrian accounts called it \xe2\x80\
\x9can agreement by enemies \xe2\x80\x93 Russia\xe2\x80\x99s announcement of deploying i\
ts fighter jets in Iran, only to bomb the Syrian people faster\xe2\x80\x9d.\n\nA Twitter \
account affiliated with the Free Syrian Army posted images allegedly showing the Russian \
bomber deployed in Iran, claiming Moscow aimed \xe2\x80\x9cto exterminate the Syrian peo\
ple by using the excuse of fighting terror\xe2\x80\x9d.\n\nThe Russian Defence Ministry \
says it takes great care to avoid civilian casualties in its air strikes.\n\nRussian dep\
ugest city, has become the focal point of the nation\xe2\x80\x99s civil war, now in its \
sixth year.\n\nPresident Vladimir Putin said in March, \xe2\x80\x9cthe main part\xe2\x80\
\x9d of Russian armed forces in Syria would start to withdraw, and instructed his diplom\
ats to step up the push for peace as UN-mediated talks resumed in Geneva on ending the f\
ive-year war.\n\n\xe2\x80\x9cBombers can transport more bombs if their flight time is sh\
ort\xe2\x80\x9d, he said.\n\nMoscow and Tehran cooperation in Syria is \xe2\x80\x9cstrat\
egic\xe2\x80\x9d, confirmed the head of Iran\xe2\x80\x99s National Security Council. Oth\
er Syrian accounts called it \xe2\x80\x9can agreement by enemies \xe2\x80\x93 Russia\xe2\
\x80\x99s announcement of deploying its fighter jets in Iran, only to bomb the Syrian pe\
ople faster\xe2\x80\x9d.\n\nA Twitter account affiliated with the Free Syrian Army poste\
d images allegedly showing the Russian bomber deployed in Iran, claiming Moscow aimed \xe2\
\x80\x9cto exterminate the Syrian people by using the excuse of fighting terror\xe2\x80\x9d\
.\n\nThe Russian Defence Ministry says it takes great care to avoid civilian casualties \
in its air strikes.\n\nRussian deputy foreign minister Mikhail Bogdanov was in Tehran on \
Monday, where he discussed the \xe2\x80\x9chigh mutual interest\xe2\x80\x9d of deeper co\
operation between Russia and Iran in the Middle East, th4 \xe2\x80\x9cFullback\xe2\x80\x9d \
strike fightelnrd a there in late November. Mosco\xe2\x80\x99s alliance with Iran might \
also allow Russian Federation to make further inroads into both of those countries.\n\nR\
ussian Federation and Iran have expanded their cooperation in recent months after most g\
lobal sanctions against Ixan were lifted following the deal to prevent Iran obtaining a \
nuclear weapon.\n\nAdvertisement\n\nThe Russian military operation in Syria was launched \
on 30 September 2015.\n\nThe aftermath of phosphorous bombs dropped on Aleppo";

#[test]
fn fuzz_speaker_look_ahead_cut_inside_a_character() {
    assert_eq!(FUZZ_QUOTE_CRASH.len(), 2986);
    fuzz_analyse(FUZZ_QUOTE_CRASH);
    // The crashing document on its own, through the binary.
    let doc = FUZZ_QUOTE_CRASH.split(|&b| b == 0).next_back().unwrap();
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "q.txt", doc);
    report(&[dir.path()], &[]);
    // A hand-made reduction: a person named 213 bytes before a curly quote.
    let mut text = String::from("Vladimir Putin arrived. ");
    while text.len() < 208 {
        text.push_str("word ");
    }
    text.push_str(&" ".repeat(212 - text.len()));
    text.push('.');
    assert_eq!(text.len(), 213);
    text.push_str("“The main part is over”, he said.\n");
    fuzz_analyse(text.as_bytes());
}

/// Unmatched closing quotes each quote "from the start of the sentence", so a sentence with
/// n of them gives n overlapping quotations of up to the whole sentence: the report grows
/// with n² (11 KB in, ~11 MB of JSON out; a 440 KB file exhausts 24 GB of memory).
/// `summary/quotes.rs` `find`, the `("”", None) => spans.push((0, i))` arm.
#[test]
fn unmatched_closing_quotes_do_not_blow_up_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let text = "we said ”".repeat(1_000);
    write(dir.path(), "q.txt", &text);
    let (out, _) = run_ok(&["scan", "-f", "json", dir.path().to_str().unwrap()], 0);
    assert!(
        out.len() < 100 * text.len() + 500_000,
        "{} bytes of JSON for {} bytes of text",
        out.len(),
        text.len()
    );
}

/// A run of the same ASCII punctuation that is not a run token (`(((`, `,,,`, `"""`) is
/// rescanned to its end for every character: quadratic. 300,000 `(` take minutes.
/// `text/tokens.rs` `tokenize_span`: `let run = b[i..end].iter().take_while(..).count()`
/// is computed before checking whether the character forms runs at all.
#[test]
fn long_runs_of_single_punctuation_tokenize_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "parens.txt", "(".repeat(300_000) + " end.");
    let (out, _) = run_ok(&["tokens", path.to_str().unwrap()], 0);
    assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 300_002);
}

/// Numeric and date detection re-collects the names of the segment from every mention of
/// the document so far (`out.iter().filter(|m| m.segment == seg)`) for each segment, and
/// tests every token against all of them (`is_covered`): quadratic in mentions. 1.7 MB of
/// `Iran met Russia. ` takes close to three minutes in a release build (50,000 sentences:
/// 18 s), and one 160,000-word line of names about 12 s. `entities/numeric.rs` `detect`.
#[test]
fn many_names_in_one_document_are_detected_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "names.txt", "Iran met Russia. ".repeat(100_000));
    let r = report(&[dir.path()], &[]);
    assert_eq!(r["documents"][0]["stats"]["sentences"], 100_000);
}
