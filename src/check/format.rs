//! Writing `check` findings: text for people, JSON for scripts, GitHub workflow annotations
//! and SARIF 2.1.0 for code-scanning tools.
//!
//! Every format prints the findings in the [`Outcome`]'s order (path, line, column, rule).
//! Only `text` adds the one-line summary to the output; the others carry counts in their
//! own structure (JSON) or print nothing but findings (GitHub), so the caller may put the
//! summary on stderr.

use std::io::Write;

use serde::Serialize;
use serde_json::{Value, json};

use super::{Config, Finding, Outcome, Rule, Severity};
use crate::report::style::{Paint, Style};

/// The URI of the SARIF 2.1.0 JSON Schema, as published by OASIS.
const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `path:line:col: severity[rule]: message`, then a summary line.
    Text,
    /// One JSON document with the findings and counts.
    Json,
    /// GitHub Actions workflow commands (`::error file=...::message`), one per finding.
    Github,
    /// A SARIF 2.1.0 log.
    Sarif,
}

/// Writes the outcome in `format`; `cfg` gives SARIF the rules' configured levels.
pub fn write(
    outcome: &Outcome,
    cfg: &Config,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    write_styled(outcome, cfg, format, Style::PLAIN, out)
}

/// Like [`write`], colouring `text` with `style` (paths, severities, the summary); the
/// machine formats never carry colour.
pub fn write_styled(
    outcome: &Outcome,
    cfg: &Config,
    format: Format,
    style: Style,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        Format::Text => text(outcome, style, out)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &JsonOutcome::new(outcome))?;
            writeln!(out)?;
        }
        Format::Github => github(outcome, out)?,
        Format::Sarif => {
            serde_json::to_writer_pretty(&mut *out, &sarif(outcome, cfg))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn text(outcome: &Outcome, style: Style, out: &mut dyn Write) -> std::io::Result<()> {
    for f in &outcome.findings {
        let paint = match f.severity {
            Severity::Error => Paint::Error,
            _ => Paint::Warning,
        };
        writeln!(
            out,
            "{}:{}:{}: {}: {}",
            style.paint(Paint::Path, &f.path),
            f.line,
            f.column,
            style.paint(
                paint,
                format_args!("{}[{}]", f.severity.as_str(), f.rule.id())
            ),
            f.message
        )?;
    }
    writeln!(out, "{}", style.paint(Paint::Strong, outcome.summary()))
}

/// The `--format json` document.
#[derive(Serialize)]
struct JsonOutcome<'a> {
    tool: Value,
    counts: Counts,
    findings: &'a [Finding],
}

/// How many files were checked and how many findings of each severity there are.
#[derive(Serialize)]
struct Counts {
    files: usize,
    references: usize,
    errors: usize,
    warnings: usize,
}

impl<'a> JsonOutcome<'a> {
    fn new(o: &'a Outcome) -> Self {
        JsonOutcome {
            tool: json!({"name": "corpus-scan", "version": env!("CARGO_PKG_VERSION")}),
            counts: Counts {
                files: o.files,
                references: o.references,
                errors: o.errors(),
                warnings: o.warnings(),
            },
            findings: &o.findings,
        }
    }
}

/// Escapes the message of a workflow command (GitHub's `escapeData`).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command (GitHub's `escapeProperty`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn github(outcome: &Outcome, out: &mut dyn Write) -> std::io::Result<()> {
    for f in &outcome.findings {
        writeln!(
            out,
            "::{} file={},line={},col={},title={}::{}",
            f.severity.as_str(),
            escape_property(&f.path),
            f.line,
            f.column,
            escape_property(f.rule.id()),
            escape_data(&f.message)
        )?;
    }
    Ok(())
}

/// The SARIF level of a severity (`off` rules are `none`, and disabled).
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Off => "none",
    }
}

fn configuration(s: Severity) -> Value {
    if s == Severity::Off {
        json!({"enabled": false, "level": level(s)})
    } else {
        json!({"level": level(s)})
    }
}

/// A path as a SARIF URI reference: `/`-separated and percent-encoded; absolute paths
/// become `file://` URIs.
fn uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut out = String::with_capacity(p.len());
    if p.starts_with('/') {
        out.push_str("file://");
    }
    for b in p.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn location(path: &str) -> Value {
    json!({"physicalLocation": {"artifactLocation": {"uri": uri(path)}}})
}

/// The SARIF log: one run whose driver lists every rule with its built-in default level;
/// levels changed by the configuration are listed as the invocation's overrides.
fn sarif(outcome: &Outcome, cfg: &Config) -> Value {
    let rules: Vec<Value> = Rule::ALL
        .iter()
        .map(|r| {
            json!({
                "id": r.id(),
                "name": r.id(),
                "shortDescription": {"text": r.description()},
                "defaultConfiguration": configuration(r.default_severity()),
            })
        })
        .collect();
    let overrides: Vec<Value> = Rule::ALL
        .iter()
        .enumerate()
        .filter(|(_, r)| cfg.severity(**r) != r.default_severity())
        .map(|(i, r)| {
            json!({
                "descriptor": {"id": r.id(), "index": i},
                "configuration": configuration(cfg.severity(*r)),
            })
        })
        .collect();
    let mut invocation = json!({"executionSuccessful": true});
    if !overrides.is_empty() {
        invocation["ruleConfigurationOverrides"] = Value::Array(overrides);
    }
    let results: Vec<Value> = outcome
        .findings
        .iter()
        .map(|f| {
            let mut loc = location(&f.path);
            loc["physicalLocation"]["region"] =
                json!({"startLine": f.line, "startColumn": f.column});
            let mut r = json!({
                "ruleId": f.rule.id(),
                "ruleIndex": Rule::ALL.iter().position(|r| *r == f.rule).unwrap_or_default(),
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": [loc],
            });
            if let Some(rel) = &f.related {
                let mut other = location(&rel.path);
                other["id"] = json!(0);
                other["message"] = json!({"text": "the other copy"});
                r["relatedLocations"] = json!([other]);
            }
            r
        })
        .collect();
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "corpus-scan",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(escape_property("a,b:c%d\n"), "a%2Cb%3Ac%25d%0A");
        assert_eq!(escape_data("50%: a, b"), "50%25: a, b");
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("./new drop/é.txt"), "./new%20drop/%C3%A9.txt");
        assert_eq!(uri("/tmp/a.txt"), "file:///tmp/a.txt");
        assert_eq!(uri(r"a\b.txt"), "a/b.txt");
    }
}
