//! Per-record NDJSON output: one line per segment, token or entity mention.
//!
//! Records carry byte offsets into the file and code-point offsets into the decoded text,
//! so `text` can be checked against either.

use serde::Serialize;

use crate::{Analysis, CharCounter};

/// A segment record (`corpus-scan sentences`).
#[derive(Debug, Serialize)]
pub struct SentenceRecord<'a> {
    /// Document id.
    pub doc: &'a str,
    /// Segment index in the document.
    pub index: usize,
    /// Start byte offset in the file.
    pub start: usize,
    /// End byte offset in the file (exclusive).
    pub end: usize,
    /// Start in code points of the decoded text.
    pub char_start: usize,
    /// End in code points (exclusive).
    pub char_end: usize,
    /// sentence, title, heading or boilerplate.
    pub kind: &'static str,
    /// The text.
    pub text: &'a str,
    /// With `--explain`: the rule that ended the segment or decided its kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'static str>,
    /// With `--explain`: full stops inside that did not end it, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept: Option<Vec<KeptStop<'a>>>,
}

/// A full stop that did not end a sentence.
#[derive(Debug, Serialize)]
pub struct KeptStop<'a> {
    /// Byte offset in the file.
    pub at: usize,
    /// The word before it.
    pub after: &'a str,
    /// The rule that kept it.
    pub rule: &'static str,
}

/// A token record (`corpus-scan tokens`).
#[derive(Debug, Serialize)]
pub struct TokenRecord<'a> {
    /// Document id.
    pub doc: &'a str,
    /// Segment index.
    pub sentence: u32,
    /// Start byte offset in the file.
    pub start: usize,
    /// End byte offset in the file.
    pub end: usize,
    /// Start in code points.
    pub char_start: usize,
    /// End in code points.
    pub char_end: usize,
    /// word, number, punct, symbol, url or email.
    pub kind: &'static str,
    /// The text.
    pub text: &'a str,
}

/// An entity mention record (`corpus-scan entities`).
#[derive(Debug, Clone, Serialize)]
pub struct MentionRecord {
    /// Document id.
    pub doc: String,
    /// Segment index.
    pub sentence: u32,
    /// Start byte offset in the file.
    pub start: usize,
    /// End byte offset in the file.
    pub end: usize,
    /// Start in code points.
    pub char_start: usize,
    /// End in code points.
    pub char_end: usize,
    /// The text.
    pub text: String,
    /// The entity type.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// The canonical name of the linked entity (the text itself for dates and numbers).
    pub canonical: String,
    /// With `--explain`: the rule or list that found the mention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found_by: Option<&'static str>,
    /// With `--explain`: the rule or list that decided its type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typed_by: Option<&'static str>,
    /// With `--explain`: the link key that grouped it in its document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_key: Option<String>,
}

/// Writes one document's segment records.
pub fn write_sentences(
    a: &Analysis,
    explain: bool,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut chars = CharCounter::default();
    for (index, s) in a.segments.iter().enumerate() {
        let (start, end) = a.file_span(s.start, s.end);
        let char_start = chars.at(&a.text, s.start);
        let char_end = chars.at(&a.text, s.end);
        let kept = explain.then(|| {
            s.kept
                .iter()
                .map(|&(at, rule)| {
                    let before = &a.text[s.start..at];
                    let after = before.rsplit(char::is_whitespace).next().unwrap_or("");
                    KeptStop {
                        at: a.offsets.file_offset(at),
                        after,
                        rule,
                    }
                })
                .collect()
        });
        let rec = SentenceRecord {
            doc: &a.id,
            index,
            start,
            end,
            char_start,
            char_end,
            kind: s.kind.as_str(),
            text: a.slice(s.start, s.end),
            rule: explain.then_some(s.rule),
            kept,
        };
        serde_json::to_writer(&mut *out, &rec)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes one document's token records.
pub fn write_tokens(a: &Analysis, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut chars = CharCounter::default();
    for t in &a.tokens {
        let (start, end) = a.file_span(t.start, t.end);
        let rec = TokenRecord {
            doc: &a.id,
            sentence: t.segment,
            start,
            end,
            char_start: chars.at(&a.text, t.start),
            char_end: chars.at(&a.text, t.end),
            kind: t.kind.as_str(),
            text: a.slice(t.start, t.end),
        };
        serde_json::to_writer(&mut *out, &rec)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
