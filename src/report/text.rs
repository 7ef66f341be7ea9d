//! The text report: a readable summary of the corpus for an 80-column terminal.
//!
//! Sections always come in the same order: header, documents, entities, shared passages,
//! duplicates, corpus summary, timeline, quotations, errors. Article text is escaped so
//! control characters and ANSI sequences in a file cannot rewrite the reader's terminal.

use std::io::{self, Write};

use super::Report;

/// Width the report is wrapped to.
pub const WIDTH: usize = 80;

/// Replaces control characters (including ESC) with visible escapes.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control()
                || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') =>
            {
                out.push_str(&c.escape_unicode().to_string());
            }
            c => out.push(c),
        }
    }
    out
}

/// Wraps `text` to `width` columns, indenting every line by `indent` spaces (the first
/// line may carry a label already written by the caller, so it gets `first` columns).
fn wrap(text: &str, indent: usize, first: usize) -> String {
    let mut out = String::new();
    let mut col = 0;
    let mut limit = first;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if col > 0 && col + 1 + w > limit {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            col = 0;
            limit = WIDTH - indent;
        }
        if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += w;
    }
    out
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn heading(out: &mut impl Write, title: &str) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{title}")?;
    writeln!(out, "{}", "─".repeat(title.chars().count()))
}

/// Writes the text report.
pub fn write(r: &Report, out: &mut impl Write) -> io::Result<()> {
    let c = &r.corpus;
    writeln!(
        out,
        "corpus-scan {}: {} documents, {} sentences, {} words, {} bytes, {} errors",
        r.tool.version, c.documents, c.sentences, c.words, c.bytes, c.errors
    )?;
    heading(out, "DOCUMENTS")?;
    for d in &r.documents {
        writeln!(out, "{}", sanitize(&d.id))?;
        let title = d.title.as_deref().map_or("(no title)".to_owned(), sanitize);
        writeln!(out, "  {}", wrap(&title, 2, WIDTH - 2))?;
        let s = &d.stats;
        writeln!(
            out,
            "  {} sentences, {} words, {} furniture; Flesch {:.1}, FK {:.1}, LIX {:.1}",
            s.sentences,
            s.words,
            s.boilerplate_lines,
            s.flesch_reading_ease,
            s.flesch_kincaid_grade,
            s.lix
        )?;
        if !d.entities.is_empty() {
            let ents: Vec<String> = d
                .entities
                .iter()
                .take(8)
                .map(|e| {
                    format!(
                        "{} ({} ×{})",
                        sanitize(&e.canonical),
                        e.ty.as_str(),
                        e.mentions
                    )
                })
                .collect();
            writeln!(out, "  entities: {}", wrap(&ents.join(", "), 4, WIDTH - 12))?;
        }
        if !d.keyterms.is_empty() {
            let terms: Vec<String> = d.keyterms.iter().map(|k| sanitize(&k.term)).collect();
            writeln!(
                out,
                "  key terms: {}",
                wrap(&terms.join(", "), 4, WIDTH - 13)
            )?;
        }
        for s in &d.summary {
            let label = format!("  [{}] ", s.sentence);
            writeln!(
                out,
                "{label}{}",
                wrap(&sanitize(&s.text), label.len(), WIDTH - label.len())
            )?;
        }
        writeln!(out)?;
    }
    heading(out, "ENTITIES")?;
    writeln!(
        out,
        "{:<30} {:<8} {:>4} {:>8}  ALSO",
        "NAME", "TYPE", "DOCS", "MENTIONS"
    )?;
    for e in r.entities.iter().filter(|e| e.ty.is_name()).take(25) {
        let also: Vec<&str> = e
            .aliases
            .iter()
            .filter(|a| **a != e.canonical)
            .map(String::as_str)
            .collect();
        let row = format!(
            "{:<30} {:<8} {:>4} {:>8}  {}",
            truncate(&sanitize(&e.canonical), 30),
            e.ty.as_str(),
            e.documents.len(),
            e.mentions,
            truncate(&sanitize(&also.join(", ")), WIDTH - 55)
        );
        writeln!(out, "{}", row.trim_end())?;
    }
    if !r.shared_passages.is_empty() {
        heading(out, "SHARED PASSAGES")?;
        for p in &r.shared_passages {
            let locs: Vec<String> = p
                .locations
                .iter()
                .map(|l| format!("{}#{}", l.doc, l.sentence))
                .collect();
            writeln!(
                out,
                "{} ({:.2}): {}",
                p.kind,
                p.similarity,
                wrap(&sanitize(&locs.join(", ")), 2, WIDTH - 14)
            )?;
            writeln!(out, "  {}", wrap(&sanitize(&p.text), 2, WIDTH - 2))?;
        }
    }
    if !r.duplicates.is_empty() {
        heading(out, "DUPLICATE DOCUMENTS")?;
        for d in &r.duplicates {
            writeln!(
                out,
                "{} ({:.2}): {}",
                d.kind,
                d.similarity,
                sanitize(&d.documents.join(" = "))
            )?;
        }
    }
    if !r.summary.is_empty() {
        heading(out, "CORPUS SUMMARY")?;
        for s in &r.summary {
            let label = format!("{}#{}: ", s.doc, s.sentence);
            writeln!(
                out,
                "{}{}",
                sanitize(&label),
                wrap(
                    &sanitize(&s.text),
                    2,
                    WIDTH.saturating_sub(label.len()).max(20)
                )
            )?;
        }
    }
    if !r.timeline.is_empty() {
        heading(out, "TIMELINE")?;
        for t in &r.timeline {
            let label = format!("{:<10} ", t.date);
            writeln!(
                out,
                "{label}{}",
                wrap(
                    &sanitize(&format!("{} ({}#{})", t.text, t.doc, t.sentence)),
                    11,
                    WIDTH - 11
                )
            )?;
        }
    }
    if !r.quotes.is_empty() {
        heading(out, "QUOTATIONS")?;
        for q in &r.quotes {
            let who = if q.speakers.is_empty() {
                "unattributed".to_owned()
            } else {
                q.speakers.join(", ")
            };
            let locs: Vec<String> = q
                .locations
                .iter()
                .map(|l| format!("{}#{}", l.doc, l.sentence))
                .collect();
            writeln!(out, "“{}”", wrap(&sanitize(&q.text), 1, WIDTH - 2))?;
            writeln!(
                out,
                "  {}",
                wrap(
                    &sanitize(&format!("— {who}; {}", locs.join(", "))),
                    2,
                    WIDTH - 2
                )
            )?;
        }
    }
    if !r.errors.is_empty() {
        heading(out, "ERRORS")?;
        for e in &r.errors {
            writeln!(
                out,
                "{}: {}: {}",
                sanitize(&e.path),
                e.severity,
                wrap(&sanitize(&e.error), 2, WIDTH / 2)
            )?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "Every figure above, and more, as JSON: corpus-scan scan PATH --format json"
    )
}
