//! Per-record output: one NDJSON line (or CSV row, see [`super::csv`]) per segment, token
//! or entity mention.
//!
//! Records carry byte offsets into the file and code-point offsets into the decoded text,
//! so `text` can be checked against either. `corpus-scan schema sentence|token|entity`
//! prints the JSON Schema generated from these types.

use schemars::JsonSchema;
use serde::Serialize;

use crate::{Analysis, CharCounter};

fn segment_kind_schema(_: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
    super::string_enum(&["sentence", "title", "heading", "boilerplate"])
}

/// A segment record (`corpus-scan sentences`).
#[derive(Debug, Serialize, JsonSchema)]
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
    #[schemars(schema_with = "segment_kind_schema")]
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
#[derive(Debug, Serialize, JsonSchema)]
pub struct KeptStop<'a> {
    /// Byte offset in the file.
    pub at: usize,
    /// The word before it.
    pub after: &'a str,
    /// The rule that kept it.
    pub rule: &'static str,
}

/// A token record (`corpus-scan tokens`).
#[derive(Debug, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, Serialize, JsonSchema)]
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
    #[schemars(with = "crate::entities::EntityType")]
    pub ty: &'static str,
    /// The canonical name of the linked entity (the text itself for dates and numbers).
    pub canonical: String,
    /// With `--explain`: the rule or list that found the mention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found_by: Option<String>,
    /// With `--explain`: the rule or list that decided its type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typed_by: Option<String>,
    /// With `--explain`: the link key that grouped it in its document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_key: Option<String>,
}

/// One document's segment records, in order.
pub fn sentence_records(a: &Analysis, explain: bool) -> impl Iterator<Item = SentenceRecord<'_>> {
    let mut chars = CharCounter::default();
    a.segments.iter().enumerate().map(move |(index, s)| {
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
        SentenceRecord {
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
        }
    })
}

/// One document's token records, in order.
pub fn token_records(a: &Analysis) -> impl Iterator<Item = TokenRecord<'_>> {
    let mut chars = CharCounter::default();
    a.tokens.iter().map(move |t| {
        let (start, end) = a.file_span(t.start, t.end);
        TokenRecord {
            doc: &a.id,
            sentence: t.segment,
            start,
            end,
            char_start: chars.at(&a.text, t.start),
            char_end: chars.at(&a.text, t.end),
            kind: t.kind.as_str(),
            text: a.slice(t.start, t.end),
        }
    })
}

/// Writes one document's segment records as NDJSON.
pub fn write_sentences(
    a: &Analysis,
    explain: bool,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    for rec in sentence_records(a, explain) {
        serde_json::to_writer(&mut *out, &rec)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes one document's token records as NDJSON.
pub fn write_tokens(a: &Analysis, out: &mut impl std::io::Write) -> std::io::Result<()> {
    for rec in token_records(a) {
        serde_json::to_writer(&mut *out, &rec)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
