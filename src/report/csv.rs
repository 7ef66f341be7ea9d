//! CSV output (`--format csv`) for the tabular commands: one row per segment, token or
//! entity mention, and the documents table of `scan`.
//!
//! RFC 4180 quoting: a field is quoted when it holds a comma, a double quote, CR or LF, and
//! quotes inside are doubled. Rows end with `\n`. The first row names the columns, which
//! are the JSON records' field names; a missing value (a document without a title, an
//! undefined readability figure) is an empty field. Text is written as it is in the
//! document, control characters included: CSV is data, not a terminal display.

use std::borrow::Borrow;
use std::io::{self, Write};

use super::DocReport;
use super::records::{MentionRecord, sentence_records, token_records};
use crate::Analysis;

/// One field of a row.
#[derive(Debug, Clone, Copy)]
pub enum Cell<'a> {
    /// Text, quoted when needed.
    Str(&'a str),
    /// Text or nothing.
    Opt(Option<&'a str>),
    /// A count or offset.
    Int(usize),
    /// A measurement; NaN and infinities are written as empty fields.
    Float(f64),
}

/// Writes one field with RFC 4180 quoting.
fn field(out: &mut impl Write, s: &str) -> io::Result<()> {
    if s.contains([',', '"', '\n', '\r']) {
        out.write_all(b"\"")?;
        out.write_all(s.replace('"', "\"\"").as_bytes())?;
        out.write_all(b"\"")
    } else {
        out.write_all(s.as_bytes())
    }
}

/// Writes one row.
///
/// ```
/// use corpus_scan::report::csv::{Cell, write_row};
/// let mut out = Vec::new();
/// write_row(&mut out, &[Cell::Str("a, \"b\""), Cell::Int(3), Cell::Opt(None), Cell::Float(0.5)]).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), "\"a, \"\"b\"\"\",3,,0.5\n");
/// ```
pub fn write_row(out: &mut impl Write, cells: &[Cell<'_>]) -> io::Result<()> {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        match *c {
            Cell::Str(s) | Cell::Opt(Some(s)) => field(out, s)?,
            Cell::Opt(None) => {}
            Cell::Int(n) => write!(out, "{n}")?,
            Cell::Float(x) if x.is_finite() => write!(out, "{x}")?,
            Cell::Float(_) => {}
        }
    }
    out.write_all(b"\n")
}

/// Writes the header row.
pub fn write_header(out: &mut impl Write, names: &[&str]) -> io::Result<()> {
    let cells: Vec<Cell<'_>> = names.iter().map(|n| Cell::Str(n)).collect();
    write_row(out, &cells)
}

/// Columns of `sentences --format csv` (`rule` is added with `--explain`).
pub const SENTENCE_COLUMNS: &[&str] = &[
    "doc",
    "index",
    "start",
    "end",
    "char_start",
    "char_end",
    "kind",
    "text",
];

/// Columns of `tokens --format csv`.
pub const TOKEN_COLUMNS: &[&str] = &[
    "doc",
    "sentence",
    "start",
    "end",
    "char_start",
    "char_end",
    "kind",
    "text",
];

/// Columns of `entities --format csv` (`found_by`, `typed_by` and `link_key` are added with
/// `--explain`).
pub const MENTION_COLUMNS: &[&str] = &[
    "doc",
    "sentence",
    "start",
    "end",
    "char_start",
    "char_end",
    "type",
    "text",
    "canonical",
];

/// Columns of `scan --format csv`, one row per document. `entities` is the number of
/// distinct entities the document mentions, `quotes` and `dates` the number of each, and
/// `keyterms` the document's key terms separated by `; `.
pub const DOCUMENT_COLUMNS: &[&str] = &[
    "id",
    "path",
    "title",
    "encoding",
    "bytes",
    "sentences",
    "tokens",
    "words",
    "boilerplate_lines",
    "headings",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "lix",
    "entities",
    "quotes",
    "dates",
    "keyterms",
];

/// Writes the header of `sentences --format csv`.
pub fn write_sentence_header(explain: bool, out: &mut impl Write) -> io::Result<()> {
    let mut cols = SENTENCE_COLUMNS.to_vec();
    if explain {
        cols.push("rule");
    }
    write_header(out, &cols)
}

/// Writes one document's segments as CSV rows (no header).
pub fn write_sentences(a: &Analysis, explain: bool, out: &mut impl Write) -> io::Result<()> {
    for r in sentence_records(a, explain) {
        let mut row = vec![
            Cell::Str(r.doc),
            Cell::Int(r.index),
            Cell::Int(r.start),
            Cell::Int(r.end),
            Cell::Int(r.char_start),
            Cell::Int(r.char_end),
            Cell::Str(r.kind),
            Cell::Str(r.text),
        ];
        if explain {
            row.push(Cell::Opt(r.rule));
        }
        write_row(out, &row)?;
    }
    Ok(())
}

/// Writes the header of `tokens --format csv`.
pub fn write_token_header(out: &mut impl Write) -> io::Result<()> {
    write_header(out, TOKEN_COLUMNS)
}

/// Writes one document's tokens as CSV rows (no header).
pub fn write_tokens(a: &Analysis, out: &mut impl Write) -> io::Result<()> {
    for r in token_records(a) {
        write_row(
            out,
            &[
                Cell::Str(r.doc),
                Cell::Int(r.sentence as usize),
                Cell::Int(r.start),
                Cell::Int(r.end),
                Cell::Int(r.char_start),
                Cell::Int(r.char_end),
                Cell::Str(r.kind),
                Cell::Str(r.text),
            ],
        )?;
    }
    Ok(())
}

/// Writes entity mentions as CSV, header first.
pub fn write_mentions(
    mentions: impl IntoIterator<Item = io::Result<MentionRecord>>,
    explain: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut cols = MENTION_COLUMNS.to_vec();
    if explain {
        cols.extend(["found_by", "typed_by", "link_key"]);
    }
    write_header(out, &cols)?;
    for m in mentions {
        let m = m?;
        let mut row = vec![
            Cell::Str(&m.doc),
            Cell::Int(m.sentence as usize),
            Cell::Int(m.start),
            Cell::Int(m.end),
            Cell::Int(m.char_start),
            Cell::Int(m.char_end),
            Cell::Str(m.ty),
            Cell::Str(&m.text),
            Cell::Str(&m.canonical),
        ];
        if explain {
            row.extend([
                Cell::Opt(m.found_by.as_deref()),
                Cell::Opt(m.typed_by.as_deref()),
                Cell::Opt(m.link_key.as_deref()),
            ]);
        }
        write_row(out, &row)?;
    }
    Ok(())
}

/// Writes the documents table of the report, header first, one row per document, taking
/// the entries from `docs` as they come (see [`super::write_json`]).
pub fn write_documents<D: Borrow<DocReport>>(
    docs: impl IntoIterator<Item = io::Result<D>>,
    out: &mut impl Write,
) -> io::Result<()> {
    write_header(out, DOCUMENT_COLUMNS)?;
    for d in docs {
        let d = d?;
        let d = d.borrow();
        let s = &d.stats;
        let terms: Vec<&str> = d.keyterms.iter().map(|k| k.term.as_str()).collect();
        let terms = terms.join("; ");
        write_row(
            out,
            &[
                Cell::Str(&d.id),
                Cell::Str(&d.path),
                Cell::Opt(d.title.as_deref()),
                Cell::Str(&d.encoding),
                Cell::Int(s.bytes),
                Cell::Int(s.sentences),
                Cell::Int(s.tokens),
                Cell::Int(s.words),
                Cell::Int(s.boilerplate_lines),
                Cell::Int(s.headings),
                Cell::Float(s.flesch_reading_ease),
                Cell::Float(s.flesch_kincaid_grade),
                Cell::Float(s.lix),
                Cell::Int(d.entities.len()),
                Cell::Int(d.quotes.len()),
                Cell::Int(d.dates.len()),
                Cell::Str(&terms),
            ],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[Cell<'_>]) -> String {
        let mut out = Vec::new();
        write_row(&mut out, cells).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(row(&[Cell::Str("plain"), Cell::Str("")]), "plain,\n");
        assert_eq!(row(&[Cell::Str("a,b")]), "\"a,b\"\n");
        assert_eq!(row(&[Cell::Str("say \"hi\"")]), "\"say \"\"hi\"\"\"\n");
        assert_eq!(row(&[Cell::Str("two\nlines\r")]), "\"two\nlines\r\"\n");
        assert_eq!(row(&[Cell::Str("“curly” quotes")]), "“curly” quotes\n");
    }

    #[test]
    fn missing_values_are_empty_fields() {
        assert_eq!(
            row(&[Cell::Opt(None), Cell::Float(f64::NAN), Cell::Float(2.5)]),
            ",,2.5\n"
        );
    }
}
