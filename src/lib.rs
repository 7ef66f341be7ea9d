//! corpus-scan: a fast analyser for news corpora.
//!
//! The pipeline, one module a stage:
//! read & clean ([`input`]) → segment and tokenize ([`text`]) → entities ([`entities`]) →
//! per-document summary ([`summary`]) → cross-document link & summary ([`corpus`]) →
//! report ([`report`]); [`check`] turns the same results into CI findings.
//!
//! Each document is analysed on its own by [`analyse`], a pure function of its bytes; the
//! [`corpus::Corpus`] folds the per-document results one at a time and finishes into a
//! [`report::Report`].
//!
//! ```
//! let a = corpus_scan::analyse("a.txt", b"Iran allows Russia to use base\n\nMr. Putin spoke on Aug. 16. It ended.").unwrap();
//! let sentences: Vec<&str> = a.segments.iter().map(|s| a.slice(s.start, s.end)).collect();
//! assert_eq!(sentences, ["Iran allows Russia to use base", "Mr. Putin spoke on Aug. 16.", "It ended."]);
//! ```

pub mod check;
mod chunked;
pub mod corpus;
pub mod entities;
pub mod input;
mod interner;
pub mod lexicon;
pub mod report;
pub mod run;
mod sorter;
pub mod spill;
pub mod summary;
pub mod text;
mod unionfind;

use entities::Mention;
use input::{Encoding, OffsetMap};
use text::{Segment, Token};

/// Everything known about one document after the per-document stages.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The document id (path relative to the folder it was found under).
    pub id: String,
    /// The decoded text.
    pub text: String,
    /// The encoding the file was read with.
    pub encoding: Encoding,
    /// Maps text offsets back to file offsets.
    pub offsets: OffsetMap,
    /// A decoding warning (fallback encoding), if any.
    pub warning: Option<String>,
    /// Size of the file in bytes.
    pub bytes: usize,
    /// Segments in document order.
    pub segments: Vec<Segment>,
    /// Tokens in document order.
    pub tokens: Vec<Token>,
    /// Entity mentions in document order.
    pub mentions: Vec<Mention>,
}

impl Analysis {
    /// The decoded text of a span.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        &self.text[start..end]
    }

    /// A span's offsets in the file's bytes.
    pub fn file_span(&self, start: usize, end: usize) -> (usize, usize) {
        (
            self.offsets.file_offset(start),
            self.offsets.file_offset(end),
        )
    }
}

/// How far [`analyse_to`] goes: commands that print sentences need no entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    /// Decode and segment.
    Segments,
    /// Also tokenize.
    Tokens,
    /// Also find entity mentions.
    Entities,
}

/// Analyses one document: decode, segment, tokenize, find entities. Fails only when the
/// bytes are not text at all (the reason says why).
pub fn analyse(id: &str, bytes: &[u8]) -> Result<Analysis, String> {
    analyse_to(id, bytes, Depth::Entities)
}

/// Like [`analyse`], stopping after the given stage (later fields stay empty).
pub fn analyse_to(id: &str, bytes: &[u8], depth: Depth) -> Result<Analysis, String> {
    let decoded = input::decode(bytes).map_err(|e| e.to_string())?;
    let text = decoded.text;
    let segments = text::segment(&text);
    let tokens = if depth >= Depth::Tokens {
        text::tokenize(&text, &segments)
    } else {
        Vec::new()
    };
    let mentions = if depth >= Depth::Entities {
        entities::detect(&text, &segments, &tokens)
    } else {
        Vec::new()
    };
    Ok(Analysis {
        id: id.to_owned(),
        bytes: bytes.len(),
        encoding: decoded.encoding,
        offsets: decoded.offsets,
        warning: decoded.warning,
        segments,
        tokens,
        mentions,
        text,
    })
}

/// Counts code points up to increasing byte offsets without rescanning from the start.
#[derive(Debug, Default)]
pub struct CharCounter {
    byte: usize,
    chars: usize,
}

impl CharCounter {
    /// The code-point offset of byte offset `pos` in `text`. Offsets should mostly increase;
    /// a smaller one restarts the count.
    pub fn at(&mut self, text: &str, pos: usize) -> usize {
        if pos < self.byte {
            *self = CharCounter::default();
        }
        self.chars += text[self.byte..pos].chars().count();
        self.byte = pos;
        self.chars
    }
}
