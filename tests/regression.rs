//! Regression tests, one per bug, named after what they fix.

use corpus_scan::corpus::{Corpus, Options};

fn fold(text: &str) -> corpus_scan::report::Report {
    let a = corpus_scan::analyse("r.txt", text.as_bytes()).expect("text");
    let mut c = Corpus::new(Options::default());
    c.add("r.txt", &a);
    c.finish().unwrap().collect().unwrap().0
}

#[test]
fn speaker_lookahead_stops_on_a_character_boundary() {
    // The 200-byte look-ahead after "John Smith" ends inside the curly quote.
    let text = format!(
        "John Smith {} “ok”.\n\n“This is the plan we made,” he said.\n",
        "a".repeat(198)
    );
    let r = fold(&text);
    assert_eq!(
        r.documents[0].quotes[0].speaker.as_deref(),
        Some("John Smith")
    );
}

#[test]
fn word_before_a_full_stop_is_cut_on_a_character_boundary() {
    // More than 64 characters without white space before a full stop, multi-byte ones.
    let text = format!("{}. Next sentence here.", "é".repeat(100));
    let r = fold(&text);
    assert_eq!(r.corpus.sentences, 2);
}

#[test]
fn file_names_with_escape_sequences_are_escaped_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("evil\x1b[31m.txt"),
        b"Caf\xe9 society met again today.",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_corpus-scan"))
        .args(["sentences", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("evil") && err.contains("Windows-1252"),
        "{err}"
    );
    assert!(!err.contains('\x1b'), "raw escape on stderr: {err:?}");
}

#[test]
fn substitution_rule_cuts_names_on_a_character_boundary() {
    // The letter before the bracket takes two bytes; the rule looked one byte back.
    let a = corpus_scan::analyse(
        "r.txt",
        "Match\n\nReplacements: Smith for Josè(77), Brown.\n".as_bytes(),
    )
    .expect("analysed, not an internal error");
    let names: Vec<&str> = a.mentions.iter().map(|m| &a.text[m.start..m.end]).collect();
    assert!(names.contains(&"Josè"), "{names:?}");
}
