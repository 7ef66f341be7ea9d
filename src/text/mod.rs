//! Stages 2 and 3, segment and tokenize: from decoded text to typed segments and tokens.
//!
//! [`segment`] finds paragraphs, gives each a role (title, heading, boilerplate or body) and
//! splits body paragraphs into sentences; [`tokenize`] cuts every segment into tokens. Both
//! work on byte offsets into the decoded text, and both are single passes over it. The entity
//! and summary stages see the text only through these segments and tokens.

pub mod lines;
pub mod sentences;
pub mod tokens;

use serde::Serialize;

pub use tokens::tokenize;

/// What a segment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    /// A body sentence.
    Sentence,
    /// The headline.
    Title,
    /// A subheading or section label inside the article.
    Heading,
    /// Page furniture: share and advert markers, credits, bylines, licence footers.
    Boilerplate,
}

impl SegmentKind {
    /// The name used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            SegmentKind::Sentence => "sentence",
            SegmentKind::Title => "title",
            SegmentKind::Heading => "heading",
            SegmentKind::Boilerplate => "boilerplate",
        }
    }
}

/// A sentence, title, heading or boilerplate line: a byte span of the decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// What the segment is.
    pub kind: SegmentKind,
    /// The rule that ended the segment (or decided its kind), for `sentences --explain`.
    pub rule: &'static str,
    /// Full stops inside the segment that did not end it, with the rule that kept each.
    pub kept: Vec<(usize, &'static str)>,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (and joined parts: hyphens, inner apostrophes, abbreviation dots).
    Word,
    /// Digits with decimal and thousands separators: 290,000; 3.5; 10:30.
    Number,
    /// Punctuation marks.
    Punct,
    /// Other symbols: currency, maths, emoji.
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
}

impl TokenKind {
    /// The name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
        }
    }
}

/// A token: a byte span of the decoded text inside one segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// Index of the segment that holds it.
    pub segment: u32,
}

/// The range of `tokens` that belongs to each of `n` segments (tokens are in segment order).
pub fn token_ranges(n: usize, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = vec![0..0; n];
    let mut i = 0;
    while i < tokens.len() {
        let s = tokens[i].segment as usize;
        let j = i + tokens[i..]
            .iter()
            .take_while(|t| t.segment as usize == s)
            .count();
        out[s] = i..j;
        i = j;
    }
    out
}

/// Splits text into segments in document order: paragraphs get their roles from
/// [`lines::paragraphs`], and body and boilerplate paragraphs are split into sentences.
///
/// # Example
///
/// ```
/// use corpus_scan::text::{SegmentKind, segment};
///
/// let text = "Iran allows Russia to use base\n\nMr. Putin spoke on Aug. 16. It ended.";
/// let segs = segment(text);
/// let kinds: Vec<SegmentKind> = segs.iter().map(|s| s.kind).collect();
/// assert_eq!(kinds, [SegmentKind::Title, SegmentKind::Sentence, SegmentKind::Sentence]);
/// assert_eq!(&text[segs[1].start..segs[1].end], "Mr. Putin spoke on Aug. 16.");
/// ```
pub fn segment(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    for para in lines::paragraphs(text) {
        match para.role {
            lines::Role::Title | lines::Role::Heading => out.push(Segment {
                start: para.start,
                end: para.end,
                kind: if para.role == lines::Role::Title {
                    SegmentKind::Title
                } else {
                    SegmentKind::Heading
                },
                rule: para.rule,
                kept: Vec::new(),
            }),
            lines::Role::Body | lines::Role::Boilerplate => {
                let kind = if para.role == lines::Role::Body {
                    SegmentKind::Sentence
                } else {
                    SegmentKind::Boilerplate
                };
                for s in sentences::split(text, para.start, para.end) {
                    let rule = if kind == SegmentKind::Boilerplate {
                        para.rule
                    } else {
                        s.rule
                    };
                    out.push(Segment {
                        start: s.start,
                        end: s.end,
                        kind,
                        rule,
                        kept: s.kept,
                    });
                }
            }
        }
    }
    out
}
