//! Invariants on arbitrary input: offsets slice back, segments are ordered and disjoint,
//! tokens and mentions lie inside their segments, and nothing panics.

use proptest::prelude::*;

fn check(text_bytes: &[u8]) {
    let Ok(a) = corpus_scan::analyse("p.txt", text_bytes) else {
        return;
    };
    let t = &a.text;
    let mut last_end = 0;
    for s in &a.segments {
        assert!(s.start < s.end && s.end <= t.len(), "segment out of range");
        assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        assert!(s.start >= last_end, "segments overlap or go backwards");
        assert_eq!(
            t[s.start..s.end].trim(),
            &t[s.start..s.end],
            "segments are trimmed"
        );
        last_end = s.end;
    }
    for tok in &a.tokens {
        let s = &a.segments[tok.segment as usize];
        assert!(
            s.start <= tok.start && tok.start < tok.end && tok.end <= s.end,
            "token outside its segment"
        );
        assert!(t.is_char_boundary(tok.start) && t.is_char_boundary(tok.end));
    }
    for w in a.tokens.windows(2) {
        assert!(w[0].end <= w[1].start, "tokens overlap");
    }
    for m in &a.mentions {
        let s = &a.segments[m.segment as usize];
        assert!(
            s.start <= m.start && m.start < m.end && m.end <= s.end,
            "mention outside its segment"
        );
        assert!(
            a.tokens.iter().any(|tok| tok.start == m.start),
            "mention does not start a token"
        );
        assert!(
            a.tokens.iter().any(|tok| tok.end == m.end
                || (tok.start < m.end && m.end < tok.end && t[m.end..].starts_with('-'))),
            "mention does not end at a token end or an inner hyphen"
        );
    }
    // Offsets map back into the file.
    if std::str::from_utf8(text_bytes).is_ok() {
        for s in &a.segments {
            let (fs, fe) = a.file_span(s.start, s.end);
            assert_eq!(&text_bytes[fs..fe], &t.as_bytes()[s.start..s.end]);
        }
    }
}

const NEWSY: &str = "[A-Z][a-z]{0,8}|[a-z]{1,8}|Mr\\.|U\\.S\\.|Tu-22M3|“|”|\"|'s|’s|\\.|,|\\?|!|\\(|\\)|[0-9]{1,4}|\n|\n\n| | |\u{a0}|é|—|…";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_strings(s in "\\PC{0,400}") {
        check(s.as_bytes());
    }

    #[test]
    fn arbitrary_bytes(b in proptest::collection::vec(any::<u8>(), 0..400)) {
        check(&b);
    }

    #[test]
    fn news_like_text(parts in proptest::collection::vec(NEWSY, 0..120)) {
        let s: String = parts.concat();
        check(s.as_bytes());
    }
}
