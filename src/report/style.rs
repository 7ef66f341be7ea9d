//! Colour for the outputs meant for people (the text report, `check --format text`).
//!
//! A [`Style`] either wraps a piece of text in an ANSI SGR sequence or leaves it alone; the
//! binary decides which from `--color`, `NO_COLOR` and whether the output is a terminal.
//! Colour is applied after layout, so the escape sequences never count towards a line's
//! width, and only to text the tool wrote or has already escaped: article text is passed
//! through [`super::text::sanitize`] first, so a file cannot smuggle in its own sequences.

use std::fmt;

/// What a piece of text is, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Section headings: bold cyan.
    Heading,
    /// Document ids and paths: bold magenta (as ripgrep prints paths).
    Path,
    /// Emphasis (the header line, table headers, summary lines): bold.
    Strong,
    /// Secondary text (placeholders, the closing hint): dim.
    Dim,
    /// Labels, dates and sentence references: green.
    Label,
    /// Kinds of match (`exact`, `near`): yellow.
    Kind,
    /// Error severities: bold red.
    Error,
    /// Warning severities: bold yellow.
    Warning,
}

impl Paint {
    /// The SGR parameters of this paint.
    fn sgr(self) -> &'static str {
        match self {
            Paint::Heading => "1;36",
            Paint::Path => "1;35",
            Paint::Strong => "1",
            Paint::Dim => "2",
            Paint::Label => "32",
            Paint::Kind => "33",
            Paint::Error => "1;31",
            Paint::Warning => "1;33",
        }
    }
}

/// Whether to colour, and how: [`Style::PLAIN`] never writes an escape sequence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    color: bool,
}

impl Style {
    /// No colour at all.
    pub const PLAIN: Style = Style { color: false };
    /// ANSI colour.
    pub const COLOR: Style = Style { color: true };

    /// Colour when `color` is true.
    pub fn new(color: bool) -> Style {
        Style { color }
    }

    /// Whether this style writes escape sequences.
    pub fn is_color(self) -> bool {
        self.color
    }

    /// `text` painted with `paint` (unchanged when the style is plain).
    ///
    /// ```
    /// use corpus_scan::report::style::{Paint, Style};
    /// assert_eq!(Style::PLAIN.paint(Paint::Error, "error").to_string(), "error");
    /// assert_eq!(Style::COLOR.paint(Paint::Error, "error").to_string(), "\x1b[1;31merror\x1b[0m");
    /// ```
    pub fn paint<T: fmt::Display>(self, paint: Paint, text: T) -> Painted<T> {
        Painted {
            sgr: self.color.then(|| paint.sgr()),
            text,
        }
    }
}

/// Text with an optional colour, written by its `Display`.
#[derive(Debug, Clone, Copy)]
pub struct Painted<T> {
    sgr: Option<&'static str>,
    text: T,
}

impl<T: fmt::Display> fmt::Display for Painted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sgr {
            Some(sgr) => write!(f, "\x1b[{sgr}m{}\x1b[0m", self.text),
            None => self.text.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_writes_no_escape_sequences() {
        for p in [
            Paint::Heading,
            Paint::Path,
            Paint::Strong,
            Paint::Dim,
            Paint::Label,
            Paint::Kind,
            Paint::Error,
            Paint::Warning,
        ] {
            assert_eq!(Style::PLAIN.paint(p, "x").to_string(), "x");
            let c = Style::COLOR.paint(p, "x").to_string();
            assert!(c.starts_with("\x1b[") && c.ends_with("x\x1b[0m"), "{c:?}");
        }
    }
}
