//! The text report: a readable summary of the corpus for a terminal, 80 columns by default.
//!
//! Sections always come in the same order: header, documents, entities, shared passages,
//! duplicates, corpus summary, timeline, quotations, errors. Article text is escaped so
//! control characters and ANSI sequences in a file cannot rewrite the reader's terminal;
//! colour ([`Style`]) is added after wrapping, so it never changes where lines break.

use std::borrow::Borrow;
use std::io::{self, Write};

use super::style::{Paint, Painted, Style};
use super::{
    CorpusQuote, DocReport, EntityReport, Entries, Later, Passage, Report, TimelineEntry,
    own_documents,
};

/// Width the report is wrapped to when nothing else is asked for (output to a pipe or file).
pub const WIDTH: usize = 80;
/// The narrowest width [`Layout::new`] accepts: the entity table needs about this much.
pub const MIN_WIDTH: usize = 60;
/// The widest: longer lines of prose are hard to read, whatever the terminal's size.
pub const MAX_WIDTH: usize = 120;

/// How the report is laid out: its width and colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    width: usize,
    style: Style,
}

impl Default for Layout {
    /// 80 columns, no colour: what a pipe or a file gets.
    fn default() -> Layout {
        Layout {
            width: WIDTH,
            style: Style::PLAIN,
        }
    }
}

impl Layout {
    /// A layout `width` columns wide (clamped to [`MIN_WIDTH`]..=[`MAX_WIDTH`]).
    pub fn new(width: usize, style: Style) -> Layout {
        Layout {
            width: width.clamp(MIN_WIDTH, MAX_WIDTH),
            style,
        }
    }

    /// The width lines are wrapped to.
    pub fn width(&self) -> usize {
        self.width
    }
}

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

/// Wraps `text` to `width` columns, indenting every line after the first by `indent`
/// spaces (the first line may carry a label already written by the caller, so it gets
/// `first` columns).
fn wrap(text: &str, width: usize, indent: usize, first: usize) -> String {
    let mut out = String::new();
    let mut col = 0;
    let mut limit = first;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if col > 0 && col + 1 + w > limit {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            col = 0;
            limit = width - indent;
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

/// Writes the text report, 80 columns wide and without colour.
pub fn write(r: &Report, out: &mut impl Write) -> io::Result<()> {
    write_with(r, own_documents(r), Later::of(r), &Layout::default(), out)
}

/// Writes the text report with a layout (its width and colours), taking the documents'
/// entries from `docs` and the entities, passages, timeline and quotations from `later` as
/// they come (see [`super::write_json`]).
pub fn write_with<D: Borrow<DocReport>>(
    r: &Report,
    docs: impl IntoIterator<Item = io::Result<D>>,
    later: Later,
    layout: &Layout,
    out: &mut impl Write,
) -> io::Result<()> {
    Writer {
        width: layout.width,
        style: layout.style,
        out,
    }
    .report(r, docs, later)
}

struct Writer<'w, W: Write> {
    width: usize,
    style: Style,
    out: &'w mut W,
}

impl<W: Write> Writer<'_, W> {
    fn wrap(&self, text: &str, indent: usize, first: usize) -> String {
        wrap(text, self.width, indent, first)
    }

    fn paint<T: std::fmt::Display>(&self, paint: Paint, text: T) -> Painted<T> {
        self.style.paint(paint, text)
    }

    fn heading(&mut self, title: &str) -> io::Result<()> {
        let rule = "─".repeat(title.chars().count());
        writeln!(self.out)?;
        writeln!(self.out, "{}", self.paint(Paint::Heading, title))?;
        writeln!(self.out, "{}", self.paint(Paint::Heading, rule))
    }

    fn report<D: Borrow<DocReport>>(
        &mut self,
        r: &Report,
        docs: impl IntoIterator<Item = io::Result<D>>,
        later: Later,
    ) -> io::Result<()> {
        let c = &r.corpus;
        let header = format!(
            "corpus-scan {}: {} documents, {} sentences, {} words, {} bytes, {} errors",
            r.tool.version, c.documents, c.sentences, c.words, c.bytes, c.errors
        );
        let header = self.wrap(&header, 2, self.width);
        writeln!(self.out, "{}", self.paint(Paint::Strong, header))?;
        self.documents(docs)?;
        self.entities(later.entities)?;
        self.passages(later.passages, r)?;
        self.summary(r)?;
        self.timeline(later.timeline)?;
        self.quotes(later.quotes)?;
        self.errors(r)?;
        writeln!(self.out)?;
        let hint = if self.width >= 75 {
            "Every figure above, and more, as JSON: corpus-scan scan PATH --format json"
        } else {
            "All of it as JSON: corpus-scan scan PATH --format json"
        };
        writeln!(self.out, "{}", self.paint(Paint::Dim, hint))
    }

    fn documents<D: Borrow<DocReport>>(
        &mut self,
        docs: impl IntoIterator<Item = io::Result<D>>,
    ) -> io::Result<()> {
        let width = self.width;
        self.heading("DOCUMENTS")?;
        for d in docs {
            let d = d?;
            let d = d.borrow();
            writeln!(self.out, "{}", self.paint(Paint::Path, sanitize(&d.id)))?;
            match d.title.as_deref() {
                Some(t) => writeln!(self.out, "  {}", self.wrap(&sanitize(t), 2, width - 2))?,
                None => writeln!(self.out, "  {}", self.paint(Paint::Dim, "(no title)"))?,
            }
            let s = &d.stats;
            let stats = format!(
                "{} sentences, {} words, {} furniture; Flesch {:.1}, FK {:.1}, LIX {:.1}",
                s.sentences,
                s.words,
                s.boilerplate_lines,
                s.flesch_reading_ease,
                s.flesch_kincaid_grade,
                s.lix
            );
            writeln!(self.out, "  {}", self.wrap(&stats, 4, width - 2))?;
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
                let list = self.wrap(&ents.join(", "), 4, width - 12);
                writeln!(
                    self.out,
                    "  {} {list}",
                    self.paint(Paint::Label, "entities:")
                )?;
            }
            if !d.keyterms.is_empty() {
                let terms: Vec<String> = d.keyterms.iter().map(|k| sanitize(&k.term)).collect();
                let list = self.wrap(&terms.join(", "), 4, width - 13);
                writeln!(
                    self.out,
                    "  {} {list}",
                    self.paint(Paint::Label, "key terms:")
                )?;
            }
            for s in &d.summary {
                let label = format!("  [{}] ", s.sentence);
                let text = self.wrap(&sanitize(&s.text), label.len(), width - label.len());
                writeln!(self.out, "{}{text}", self.paint(Paint::Label, &label))?;
            }
            writeln!(self.out)?;
        }
        Ok(())
    }

    /// The entity table. At 80 columns the name column is 30 wide and the aliases get 25;
    /// a wider terminal gives each half of the extra room (a narrower one takes it from the
    /// name column).
    fn entities(&mut self, entities: Entries<EntityReport>) -> io::Result<()> {
        const FIXED: usize = 1 + 8 + 1 + 4 + 1 + 8 + 2;
        let name_w = if self.width >= WIDTH {
            30 + (self.width - WIDTH) / 2
        } else {
            30usize.saturating_sub(WIDTH - self.width).max(16)
        };
        let also_w = self.width.saturating_sub(name_w + FIXED).max(10);
        self.heading("ENTITIES")?;
        let header = format!(
            "{:<name_w$} {:<8} {:>4} {:>8}  ALSO",
            "NAME", "TYPE", "DOCS", "MENTIONS"
        );
        writeln!(self.out, "{}", self.paint(Paint::Strong, header))?;
        let names = entities.filter(|e| e.as_ref().map_or(true, |e| e.ty.is_name()));
        for e in names.take(25) {
            let e = e?;
            let also: Vec<&str> = e
                .aliases
                .iter()
                .filter(|a| **a != e.canonical)
                .map(String::as_str)
                .collect();
            let row = format!(
                "{:<name_w$} {:<8} {:>4} {:>8}  {}",
                truncate(&sanitize(&e.canonical), name_w),
                e.ty.as_str(),
                e.documents.len(),
                e.mentions,
                truncate(&sanitize(&also.join(", ")), also_w)
            );
            writeln!(self.out, "{}", row.trim_end())?;
        }
        Ok(())
    }

    fn passages(&mut self, passages: Entries<Passage>, r: &Report) -> io::Result<()> {
        let width = self.width;
        let mut passages = passages.peekable();
        if passages.peek().is_some() {
            self.heading("SHARED PASSAGES")?;
            for p in passages {
                let p = p?;
                let locs: Vec<String> = p
                    .locations
                    .iter()
                    .map(|l| format!("{}#{}", l.doc, l.sentence))
                    .collect();
                let kind = format!("{} ({:.2}):", p.kind, p.similarity);
                let locs = self.wrap(&sanitize(&locs.join(", ")), 2, width - 14);
                writeln!(self.out, "{} {locs}", self.paint(Paint::Kind, kind))?;
                writeln!(
                    self.out,
                    "  {}",
                    self.wrap(&sanitize(&p.text), 2, width - 2)
                )?;
            }
        }
        if !r.duplicates.is_empty() {
            self.heading("DUPLICATE DOCUMENTS")?;
            for d in &r.duplicates {
                let kind = format!("{} ({:.2}):", d.kind, d.similarity);
                let docs = self.wrap(&sanitize(&d.documents.join(" = ")), 2, width - 14);
                writeln!(self.out, "{} {docs}", self.paint(Paint::Kind, kind))?;
            }
        }
        Ok(())
    }

    fn summary(&mut self, r: &Report) -> io::Result<()> {
        if r.summary.is_empty() {
            return Ok(());
        }
        self.heading("CORPUS SUMMARY")?;
        for s in &r.summary {
            let label = sanitize(&format!("{}#{}: ", s.doc, s.sentence));
            let first = self.width.saturating_sub(label.chars().count()).max(20);
            let text = self.wrap(&sanitize(&s.text), 2, first);
            writeln!(self.out, "{}{text}", self.paint(Paint::Label, &label))?;
        }
        Ok(())
    }

    fn timeline(&mut self, entries: Entries<TimelineEntry>) -> io::Result<()> {
        let mut entries = entries.peekable();
        if entries.peek().is_none() {
            return Ok(());
        }
        self.heading("TIMELINE")?;
        for t in entries {
            let t = t?;
            let label = format!("{:<10} ", t.date);
            let text = sanitize(&format!("{} ({}#{})", t.text, t.doc, t.sentence));
            let text = self.wrap(&text, 11, self.width - 11);
            writeln!(self.out, "{}{text}", self.paint(Paint::Label, &label))?;
        }
        Ok(())
    }

    fn quotes(&mut self, entries: Entries<CorpusQuote>) -> io::Result<()> {
        let mut entries = entries.peekable();
        if entries.peek().is_none() {
            return Ok(());
        }
        let width = self.width;
        self.heading("QUOTATIONS")?;
        for q in entries {
            let q = q?;
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
            let quote = format!("“{}”", sanitize(&q.text));
            writeln!(self.out, "{}", self.wrap(&quote, 1, width))?;
            let by = sanitize(&format!("— {who}; {}", locs.join(", ")));
            writeln!(self.out, "  {}", self.wrap(&by, 2, width - 2))?;
        }
        Ok(())
    }

    fn errors(&mut self, r: &Report) -> io::Result<()> {
        if r.errors.is_empty() {
            return Ok(());
        }
        self.heading("ERRORS")?;
        for e in &r.errors {
            let paint = if e.severity == "error" {
                Paint::Error
            } else {
                Paint::Warning
            };
            writeln!(
                self.out,
                "{}: {}: {}",
                self.paint(Paint::Path, sanitize(&e.path)),
                self.paint(paint, &e.severity),
                self.wrap(&sanitize(&e.error), 2, self.width / 2)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Options};

    fn seed_report() -> Report {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        let mut corpus = Corpus::new(Options::default());
        for f in files {
            let id = f.file_name().unwrap().to_str().unwrap().to_owned();
            let a = crate::analyse(&id, &std::fs::read(&f).unwrap()).unwrap();
            corpus.add(&id, &a);
        }
        corpus.finish().unwrap().collect().unwrap().0
    }

    fn render(r: &Report, layout: &Layout) -> String {
        let mut out = Vec::new();
        write_with(r, own_documents(r), Later::of(r), layout, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_width_is_kept_and_wider_tables_show_more() {
        let r = seed_report();
        let widest = |s: &str| s.lines().map(|l| l.chars().count()).max().unwrap();
        for width in [MIN_WIDTH, 64, 72, WIDTH, 100, MAX_WIDTH] {
            let text = render(&r, &Layout::new(width, Style::PLAIN));
            let long: Vec<&str> = text.lines().filter(|l| l.chars().count() > width).collect();
            assert!(long.is_empty(), "{width}: {long:#?}");
            assert!(text.contains("ENTITIES") && text.contains("DOCUMENTS"));
        }
        assert!(widest(&render(&r, &Layout::new(MAX_WIDTH, Style::PLAIN))) > WIDTH);
        assert_eq!(Layout::new(10, Style::PLAIN).width(), MIN_WIDTH);
        assert_eq!(Layout::new(500, Style::PLAIN).width(), MAX_WIDTH);
    }

    #[test]
    fn the_default_layout_is_80_columns_without_colour() {
        let r = seed_report();
        let mut plain = Vec::new();
        write(&r, &mut plain).unwrap();
        let plain = String::from_utf8(plain).unwrap();
        assert_eq!(plain, render(&r, &Layout::new(WIDTH, Style::PLAIN)));
        assert!(!plain.contains('\x1b'));
        let colour = render(&r, &Layout::new(WIDTH, Style::COLOR));
        assert!(colour.contains("\x1b[1;36mENTITIES\x1b[0m"));
        let stripped: String = colour
            .split('\x1b')
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    &part[part.find('m').unwrap() + 1..]
                }
            })
            .collect();
        assert_eq!(stripped, plain);
    }
}
