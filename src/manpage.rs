//! `corpus-scan man [COMMAND]`: manual pages in roff, generated from the clap definition.
//!
//! clap_mangen writes NAME, SYNOPSIS, DESCRIPTION, OPTIONS and SUBCOMMANDS. Its EXTRA
//! section would reflow the help's examples into a paragraph, so the after-help text is
//! taken out and written here instead: examples as EXAMPLES (no filling, one a line), other
//! notes as NOTES, plus EXIT STATUS and ENVIRONMENT on the tool's own page.

use anyhow::Context;
use clap::CommandFactory;

use crate::cli::Cli;

const EXIT_STATUS: &str = "\
0: success (files that could not be read are listed in the report's errors and on stderr).
1: check found an error-level problem (or a warning, with --deny warnings).
2: a usage error, a PATH that does not exist, an output that cannot be written, or (with --strict) a file that could not be read or decoded.";

const ENVIRONMENT: &str = "\
NO_COLOR: when set and not empty, --color auto (the default) prints no colour.
COLUMNS: the width of the text report when standard output is a terminal (60 to 120; 80 into a pipe or a file).
TERM: dumb turns colour and the progress bar off.";

/// The page of the tool (`command` None) or of one of its commands, as roff.
pub fn render(command: Option<&str>) -> anyhow::Result<Vec<u8>> {
    let mut cmd = Cli::command();
    cmd.build();
    let source = format!("corpus-scan {}", env!("CARGO_PKG_VERSION"));
    let (cmd, title) = match command {
        None => (cmd, "corpus-scan".to_owned()),
        Some(name) => {
            let sub = cmd
                .find_subcommand(name)
                .with_context(|| format!("no command named {name:?}"))?
                .clone();
            (sub, format!("corpus-scan-{name}"))
        }
    };
    let after = cmd
        .get_after_help()
        .map(|s| s.to_string())
        .unwrap_or_default();
    let bare = cmd.after_help(None::<&str>).after_long_help(None::<&str>);
    let mut page = Vec::new();
    clap_mangen::Man::new(bare)
        .title(title)
        .source(source)
        .render(&mut page)?;
    let mut extra = String::new();
    let (examples, notes): (Vec<&str>, Vec<&str>) =
        after.split("\n\n").partition(|p| p.starts_with("Example"));
    if !notes.is_empty() {
        extra.push_str(".SH NOTES\n");
        for p in notes {
            extra.push_str(".PP\n");
            extra.push_str(&escape(&p.replace('\n', " ")));
            extra.push('\n');
        }
    }
    if command.is_none() {
        section(&mut extra, "EXIT STATUS", EXIT_STATUS);
        section(&mut extra, "ENVIRONMENT", ENVIRONMENT);
    }
    if !examples.is_empty() {
        extra.push_str(".SH EXAMPLES\n.nf\n");
        for p in examples {
            for line in p.lines().skip(1) {
                extra.push_str(&escape(line.trim_start()));
                extra.push('\n');
            }
        }
        extra.push_str(".fi\n");
    }
    // Before VERSION (the last section clap_mangen writes), or at the end.
    let page = String::from_utf8(page)?;
    let at = page.find("\n.SH VERSION").map_or(page.len(), |i| i + 1);
    Ok(format!("{}{extra}{}", &page[..at], &page[at..]).into_bytes())
}

/// A section of `term: text` lines as a tagged list.
fn section(out: &mut String, heading: &str, items: &str) {
    out.push_str(&format!(".SH {heading}\n"));
    for item in items.lines() {
        let (term, text) = item.split_once(": ").unwrap_or((item, ""));
        out.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            escape(term),
            escape(text)
        ));
    }
}

/// Escapes text for roff: backslashes, minus signs (so `--color` can be copied), and a
/// leading dot or quote that would start a request.
fn escape(line: &str) -> String {
    let s = line.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') {
        format!("\\&{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_roff() {
        assert_eq!(escape(".hidden --color"), "\\&.hidden \\-\\-color");
        assert_eq!(escape(r"a\b"), r"a\eb");
    }

    #[test]
    fn examples_keep_their_lines() {
        let page = String::from_utf8(render(None).unwrap()).unwrap();
        let examples = &page[page.find(".SH EXAMPLES\n.nf\n").unwrap()..];
        assert!(examples.contains("\ncorpus\\-scan help check "));
        assert!(page.find(".SH EXAMPLES").unwrap() < page.find(".SH VERSION").unwrap());
        assert!(page.contains(".SH EXIT STATUS") && page.contains("NO_COLOR"));
        let check = String::from_utf8(render(Some("check")).unwrap()).unwrap();
        assert!(check.contains(".SH NOTES") && check.contains(".SH EXAMPLES"));
        assert!(!check.contains(".SH EXTRA"));
    }
}
