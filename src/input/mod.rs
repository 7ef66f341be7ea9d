//! Stage 1, read & clean: find the documents, read their bytes and decode them to text.
//!
//! Hands the text stage a [`Decoded`] text per [`Source`]; everything that cannot be read or
//! decoded comes back as a reason string for the report's `errors`.

pub mod decode;
pub mod walk;

pub use decode::{Decoded, Encoding, OffsetMap, decode};
pub use walk::{Discovery, Selection, Skipped, Source, discover, read_source};
