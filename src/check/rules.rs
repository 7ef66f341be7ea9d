//! The per-document rules of `check`: everything that can be said about one file alone.
//!
//! [`check_document`] analyses a file's bytes with [`crate::analyse_to`] and reads the result:
//! the decoder's encoding, the segment kinds (title, boilerplate, body sentences), the word
//! tokens, and one pass over the decoded characters for mojibake, control characters and
//! replacement characters. Positions are collected as byte offsets of the decoded text and
//! turned into 1-based lines and character columns in one pass at the end. The document's
//! findings and its duplicate fingerprint go back to [`super::run`]; the text does not.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::duplicates::{self, Fingerprint};
use super::{Config, Finding, Rule, Severity};
use crate::Analysis;
use crate::text::{SegmentKind, TokenKind};

/// What one document leaves behind for the corpus-wide part of the check.
#[derive(Debug, Clone)]
pub struct DocCheck {
    /// The path findings are reported under.
    pub path: String,
    /// Its findings.
    pub findings: Vec<Finding>,
    /// Its fingerprint for duplicate detection; `None` when it has no body text.
    pub fingerprint: Option<Fingerprint>,
}

impl DocCheck {
    /// A file that could not be read.
    pub fn unreadable(path: &str, reason: String, cfg: &Config) -> DocCheck {
        let findings = (cfg.severity(Rule::Unreadable) != Severity::Off)
            .then(|| whole_file(path, Rule::Unreadable, cfg, reason))
            .into_iter()
            .collect();
        DocCheck {
            path: path.to_owned(),
            findings,
            fingerprint: None,
        }
    }
}

/// A finding about the whole file, reported at line 1, column 1.
pub fn whole_file(path: &str, rule: Rule, cfg: &Config, message: String) -> Finding {
    Finding {
        path: path.to_owned(),
        line: 1,
        column: 1,
        rule,
        severity: cfg.severity(rule),
        message,
        related: None,
    }
}

/// A finding waiting for its line and column.
struct Pending {
    pos: usize,
    rule: Rule,
    message: String,
}

/// Collects findings for enabled rules, capping the occurrence rules at their `max_reports`.
struct Findings<'a> {
    cfg: &'a Config,
    pending: Vec<Pending>,
    /// Occurrences seen per rule (including those not reported).
    seen: HashMap<Rule, usize>,
}

impl<'a> Findings<'a> {
    fn new(cfg: &'a Config) -> Self {
        Findings {
            cfg,
            pending: Vec::new(),
            seen: HashMap::new(),
        }
    }

    fn on(&self, rule: Rule) -> bool {
        self.cfg.severity(rule) != Severity::Off
    }

    /// Adds a finding at byte offset `pos` of the decoded text.
    fn add(&mut self, rule: Rule, pos: usize, message: String) {
        self.pending.push(Pending { pos, rule, message });
    }

    /// Adds one occurrence of a repeated problem; past `max_reports` it is only counted.
    fn occurrence(&mut self, rule: Rule, pos: usize, message: impl FnOnce() -> String) {
        let n = self.seen.entry(rule).or_default();
        *n += 1;
        let max = self.cfg.max_reports(rule);
        if max == 0 || *n <= max {
            self.add(rule, pos, message());
        }
    }

    /// Line and column for every finding; the last reported occurrence of a capped rule
    /// says how many more there are.
    fn finish(mut self, path: &str, text: &str) -> Vec<Finding> {
        for (&rule, &n) in &self.seen {
            let max = self.cfg.max_reports(rule);
            if max > 0
                && n > max
                && let Some(last) = self.pending.iter_mut().rev().find(|p| p.rule == rule)
            {
                last.message
                    .push_str(&format!(" ({} more like this in the file)", n - max));
            }
        }
        self.pending.sort_by_key(|p| p.pos);
        let mut at = Positions::new(text);
        self.pending
            .into_iter()
            .map(|p| {
                let (line, column) = at.at(p.pos);
                Finding {
                    path: path.to_owned(),
                    line,
                    column,
                    rule: p.rule,
                    severity: self.cfg.severity(p.rule),
                    message: p.message,
                    related: None,
                }
            })
            .collect()
    }
}

/// Turns increasing byte offsets of a text into 1-based lines and character columns. A line
/// ends at `\n`, `\r\n` or a lone `\r`, as the segmenter treats them.
struct Positions<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    column: usize,
    after_cr: bool,
}

impl<'a> Positions<'a> {
    fn new(text: &'a str) -> Self {
        Positions {
            text,
            pos: 0,
            line: 1,
            column: 1,
            after_cr: false,
        }
    }

    /// The line and column of byte offset `target` (rounded down to a character boundary).
    fn at(&mut self, target: usize) -> (usize, usize) {
        let mut target = target.min(self.text.len());
        while !self.text.is_char_boundary(target) {
            target -= 1;
        }
        if target < self.pos {
            *self = Positions::new(self.text);
        }
        for c in self.text[self.pos..target].chars() {
            match c {
                '\n' if self.after_cr => self.after_cr = false,
                '\n' | '\r' => {
                    self.line += 1;
                    self.column = 1;
                    self.after_cr = c == '\r';
                }
                _ => {
                    self.column += 1;
                    self.after_cr = false;
                }
            }
        }
        self.pos = target;
        (self.line, self.column)
    }
}

/// Windows-1252 bytes by the character they decode to, taken from the project's own decoder
/// so the two never disagree. C1 controls map to their own byte too, which catches mojibake
/// made by Latin-1 decoders as well.
static CP1252_BYTE: LazyLock<HashMap<char, u8>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for b in 0x80..=0xFFu8 {
        if let Some(c) = crate::input::decode(&[b])
            .ok()
            .and_then(|d| d.text.chars().next())
        {
            map.insert(c, b);
        }
    }
    for b in 0x80..=0x9Fu8 {
        map.entry(char::from(b)).or_insert(b);
    }
    map
});

/// Mojibake: runs of characters whose Windows-1252 bytes form one valid multi-byte UTF-8
/// character (`â€™` is E2 80 99, `’`). Returns each run's byte span and the character meant.
fn mojibake(text: &str) -> Vec<(usize, usize, char)> {
    let byte = |c: char| CP1252_BYTE.get(&c).copied();
    let mut out = Vec::new();
    let mut it = text.char_indices();
    while let Some((start, c)) = it.next() {
        let Some(lead) = byte(c) else { continue };
        let len = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => continue,
        };
        let mut buf = [lead, 0, 0, 0];
        let mut ahead = it.clone();
        let complete = (1..len).all(|k| match ahead.next().and_then(|(_, d)| byte(d)) {
            Some(b @ 0x80..=0xBF) => {
                buf[k] = b;
                true
            }
            _ => false,
        });
        if let Some(meant) = complete
            .then(|| std::str::from_utf8(&buf[..len]).ok())
            .flatten()
            .and_then(|s| s.chars().next())
        {
            let end = ahead.clone().next().map_or(text.len(), |(p, _)| p);
            out.push((start, end, meant));
            it = ahead;
        }
    }
    out
}

/// C0 and C1 control characters (and DEL) other than tab, line feed and carriage return.
fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Runs every per-document rule on one file's bytes. `path` is how findings name the file,
/// `id` the document id given to [`crate::analyse_to`].
pub fn check_document(path: &str, id: &str, bytes: &[u8], cfg: &Config) -> DocCheck {
    // Entity mentions are not read by any rule, so analysis stops after the tokens.
    let a = match crate::analyse_to(id, bytes, crate::Depth::Tokens) {
        Ok(a) => a,
        Err(reason) => {
            let findings = (cfg.severity(Rule::NotText) != Severity::Off)
                .then(|| whole_file(path, Rule::NotText, cfg, reason))
                .into_iter()
                .collect();
            return DocCheck {
                path: path.to_owned(),
                findings,
                fingerprint: None,
            };
        }
    };
    let mut f = Findings::new(cfg);
    encoding(&a, bytes, &mut f);
    characters(&a.text, &mut f);
    let has_text = a
        .text
        .chars()
        .any(|c| !c.is_whitespace() && !c.is_control());
    let mut fingerprint = None;
    if !has_text {
        if f.on(Rule::Empty) {
            let what = if bytes.is_empty() {
                "the file is empty (0 bytes)".to_owned()
            } else {
                format!(
                    "no text: the file's {} bytes are only white space",
                    bytes.len()
                )
            };
            f.add(
                Rule::Empty,
                0,
                format!("{what}; add the article or remove the file"),
            );
        }
    } else {
        structure(&a, &mut f);
        terms(&a.text, &mut f);
        fingerprint = duplicates::fingerprint(&a.text, &a.segments);
    }
    DocCheck {
        path: path.to_owned(),
        findings: f.finish(path, &a.text),
        fingerprint,
    }
}

/// `encoding`: the file needed the Windows-1252 fallback; points at the first invalid byte.
fn encoding(a: &Analysis, bytes: &[u8], f: &mut Findings) {
    if a.encoding != crate::input::Encoding::Windows1252 || !f.on(Rule::Encoding) {
        return;
    }
    let bad = std::str::from_utf8(bytes)
        .err()
        .map_or(0, |e| e.valid_up_to());
    // The first decoded-text offset that lands on or after the bad byte.
    let (mut lo, mut hi) = (0, a.text.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if a.offsets.file_offset(mid) < bad {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let shown = a.text.get(lo..).and_then(|s| s.chars().next());
    f.add(
        Rule::Encoding,
        lo,
        format!(
            "not valid UTF-8: byte 0x{:02X} at offset {bad}{} and the file was read as \
             Windows-1252; re-save it as UTF-8",
            bytes.get(bad).copied().unwrap_or_default(),
            shown.map_or(String::new(), |c| format!(" ({c:?} in Windows-1252)")),
        ),
    );
}

/// `mojibake`, `control-chars` and `replacement-char`: one pass over the characters.
fn characters(text: &str, f: &mut Findings) {
    if f.on(Rule::Mojibake) {
        for (start, end, meant) in mojibake(text) {
            f.occurrence(Rule::Mojibake, start, || {
                format!(
                    "mojibake {:?}: UTF-8 text read as Windows-1252, probably meant {meant:?} \
                     (U+{:04X}); fix the conversion that produced it",
                    &text[start..end],
                    u32::from(meant)
                )
            });
        }
    }
    let (controls, replacements) = (f.on(Rule::ControlChars), f.on(Rule::ReplacementChar));
    if !controls && !replacements {
        return;
    }
    for (i, c) in text.char_indices() {
        if controls && is_control(c) {
            f.occurrence(Rule::ControlChars, i, || {
                format!(
                    "control character U+{:04X}; remove it or replace it with a space",
                    u32::from(c)
                )
            });
        } else if replacements && c == '\u{FFFD}' {
            f.occurrence(Rule::ReplacementChar, i, || {
                "replacement character U+FFFD: a character was lost in an earlier conversion; \
                 restore it from the source"
                    .to_owned()
            });
        }
    }
}

/// `too-short`, `no-title` and `boilerplate`: read from the segment kinds and word tokens.
fn structure(a: &Analysis, f: &mut Findings) {
    let mut sentences = 0;
    let words = a
        .tokens
        .iter()
        .filter(|t| {
            t.kind == TokenKind::Word
                && a.segments.get(t.segment as usize).map(|s| s.kind) == Some(SegmentKind::Sentence)
        })
        .count();
    let (mut furniture, mut all) = (0, 0);
    let mut first_furniture = None;
    for s in &a.segments {
        all += s.end - s.start;
        match s.kind {
            SegmentKind::Sentence => sentences += 1,
            SegmentKind::Boilerplate => {
                furniture += s.end - s.start;
                first_furniture.get_or_insert(s.start);
            }
            SegmentKind::Title | SegmentKind::Heading => {}
        }
    }
    let cfg = f.cfg;
    if f.on(Rule::TooShort) && (sentences < cfg.min_sentences || words < cfg.min_words) {
        f.add(
            Rule::TooShort,
            0,
            format!(
                "too short: {sentences} body sentence{} and {words} word{}; at least {} \
                 sentences and {} words expected",
                if sentences == 1 { "" } else { "s" },
                if words == 1 { "" } else { "s" },
                cfg.min_sentences,
                cfg.min_words
            ),
        );
    }
    if f.on(Rule::NoTitle) && !a.segments.iter().any(|s| s.kind == SegmentKind::Title) {
        f.add(
            Rule::NoTitle,
            0,
            "no title line: start the file with a short headline on a line of its own, \
             without final punctuation"
                .to_owned(),
        );
    }
    let share = if all == 0 {
        0.0
    } else {
        furniture as f64 / all as f64
    };
    if f.on(Rule::Boilerplate)
        && share > cfg.boilerplate_share
        && let Some(pos) = first_furniture
    {
        f.add(
            Rule::Boilerplate,
            pos,
            format!(
                "{:.0}% of the text is boilerplate (share, advert, credit, byline or licence \
                 lines), more than {:.0}%; strip the page furniture",
                share * 100.0,
                cfg.boilerplate_share * 100.0
            ),
        );
    }
}

/// `required-terms` and `forbidden-terms`.
fn terms(text: &str, f: &mut Findings) {
    let cfg = f.cfg;
    if f.on(Rule::RequiredTerms) {
        for t in &cfg.required_terms {
            if t.find_in(text).is_empty() {
                f.add(
                    Rule::RequiredTerms,
                    0,
                    format!("required term {:?} does not appear", t.text),
                );
            }
        }
    }
    if f.on(Rule::ForbiddenTerms) {
        for t in &cfg.forbidden_terms {
            for (start, _) in t.find_in(text) {
                f.occurrence(Rule::ForbiddenTerms, start, || {
                    format!("forbidden term {:?}", t.text)
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_at(bytes: &[u8]) -> Vec<(Rule, usize, usize)> {
        check_document("a.txt", "a.txt", bytes, &Config::default())
            .findings
            .iter()
            .map(|f| (f.rule, f.line, f.column))
            .collect()
    }

    #[test]
    fn positions_count_characters_and_all_line_breaks() {
        let text = "aé😀b\r\nx\ry\nz";
        let mut p = Positions::new(text);
        assert_eq!(p.at(text.find('b').unwrap()), (1, 4));
        assert_eq!(p.at(text.find('x').unwrap()), (2, 1));
        assert_eq!(p.at(text.find('y').unwrap()), (3, 1));
        assert_eq!(p.at(text.find('z').unwrap()), (4, 1));
        assert_eq!(p.at(1), (1, 2));
        assert_eq!(p.at(2), (1, 2), "inside é rounds down");
    }

    #[test]
    fn mojibake_sequences_and_what_they_meant() {
        let text = "It\u{e2}\u{20ac}\u{2122}s caf\u{c3}\u{a9}, \u{c2}\u{a3}5 and na\u{ef}ve Ã.";
        let found: Vec<char> = mojibake(text).into_iter().map(|(_, _, c)| c).collect();
        assert_eq!(found, ['’', 'é', '£']);
        assert!(mojibake("Plain text, café, naïve, “quoted”.").is_empty());
    }

    #[test]
    fn damaged_characters_are_located() {
        let found =
            rules_at(b"Title\n\nOne\x07 two \xEF\xBF\xBD three \xC3\xA2\xE2\x82\xAC\xC5\x93.");
        assert!(found.contains(&(Rule::ControlChars, 3, 4)), "{found:?}");
        assert!(found.contains(&(Rule::ReplacementChar, 3, 10)), "{found:?}");
        assert!(found.contains(&(Rule::Mojibake, 3, 18)), "{found:?}");
    }

    #[test]
    fn latin1_points_at_the_first_invalid_byte() {
        let found = rules_at(b"Title\n\nCaf\xE9 one. Two.");
        assert!(found.contains(&(Rule::Encoding, 3, 4)), "{found:?}");
    }

    #[test]
    fn occurrences_are_capped_and_counted() {
        let text = "\u{FFFD}".repeat(8);
        let c = check_document("a.txt", "a.txt", text.as_bytes(), &Config::default());
        let reps: Vec<&Finding> = c
            .findings
            .iter()
            .filter(|f| f.rule == Rule::ReplacementChar)
            .collect();
        assert_eq!(reps.len(), 5);
        assert!(reps[4].message.ends_with("(3 more like this in the file)"));
    }

    #[test]
    fn any_bytes_give_findings_without_panicking() {
        for bytes in [
            &b""[..],
            b"\0\0",
            b"\xFF\xFE\x00\xD8",
            b"\r\r\n\x85\xC3",
            b"\xEF\xBB\xBF",
        ] {
            let _ = check_document("a.txt", "a.txt", bytes, &Config::default());
        }
    }
}
