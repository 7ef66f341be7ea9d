//! `corpus-scan check`: a CI gate for new article drops.
//!
//! [`run`] finds the documents named on the command line with stage 1's discovery, reads and
//! analyses each one (up to its tokens) on the thread pool, and applies the
//! per-document [`rules`]: can the file be read, is it text, which encoding, is there enough
//! of it, a title, damaged characters, too much boilerplate, required or forbidden terms.
//! Every document then leaves behind only its findings and a MinHash fingerprint, which
//! [`duplicates`] compares with the rest of the drop and with an existing corpus (LSH
//! candidates, never all pairs). The result is an [`Outcome`] whose findings are sorted by
//! path, line, column and rule; [`format`] writes it as text, JSON, GitHub workflow
//! annotations or SARIF. Which rules run, how severe they are and their thresholds come
//! from a checked [`config::Config`].

pub mod config;
pub mod duplicates;
pub mod format;
pub mod rules;

use std::collections::HashSet;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use config::Config;

use crate::input::{Source, discover, read_source};

/// A check rule. Ids are kebab-case (`too-short`) in configuration and output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// The file cannot be read.
    Unreadable,
    /// The file holds binary data (NUL bytes).
    NotText,
    /// The file is not UTF-8 and was read with a fallback encoding.
    Encoding,
    /// The file has no text.
    Empty,
    /// Fewer body sentences or words than configured.
    TooShort,
    /// No headline line.
    NoTitle,
    /// UTF-8 text that was once read as Windows-1252 (`â€™` for `’`).
    Mojibake,
    /// C0 or C1 control characters other than tab and line breaks.
    ControlChars,
    /// U+FFFD, the mark of an earlier lossy conversion.
    ReplacementChar,
    /// Most of the text is page furniture.
    Boilerplate,
    /// An exact copy of another document.
    Duplicate,
    /// A near copy of another document.
    NearDuplicate,
    /// A configured term does not appear.
    RequiredTerms,
    /// A configured term appears.
    ForbiddenTerms,
}

/// How many rules there are.
pub const RULES: usize = Rule::ALL.len();

impl Rule {
    /// Every rule, in the order they are documented.
    pub const ALL: [Rule; 14] = [
        Rule::Unreadable,
        Rule::NotText,
        Rule::Encoding,
        Rule::Empty,
        Rule::TooShort,
        Rule::NoTitle,
        Rule::Mojibake,
        Rule::ControlChars,
        Rule::ReplacementChar,
        Rule::Boilerplate,
        Rule::Duplicate,
        Rule::NearDuplicate,
        Rule::RequiredTerms,
        Rule::ForbiddenTerms,
    ];

    /// The id used in configuration files and output.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Unreadable => "unreadable",
            Rule::NotText => "not-text",
            Rule::Encoding => "encoding",
            Rule::Empty => "empty",
            Rule::TooShort => "too-short",
            Rule::NoTitle => "no-title",
            Rule::Mojibake => "mojibake",
            Rule::ControlChars => "control-chars",
            Rule::ReplacementChar => "replacement-char",
            Rule::Boilerplate => "boilerplate",
            Rule::Duplicate => "duplicate",
            Rule::NearDuplicate => "near-duplicate",
            Rule::RequiredTerms => "required-terms",
            Rule::ForbiddenTerms => "forbidden-terms",
        }
    }

    /// One line saying what the rule looks for, for SARIF and the README.
    pub fn description(self) -> &'static str {
        match self {
            Rule::Unreadable => "The file cannot be read.",
            Rule::NotText => "The file holds binary data (NUL bytes), not text.",
            Rule::Encoding => {
                "The file is not valid UTF-8 and was read with a fallback encoding (Windows-1252)."
            }
            Rule::Empty => "The file has no text.",
            Rule::TooShort => "The article has fewer body sentences or words than the minimum.",
            Rule::NoTitle => "The article has no title line.",
            Rule::Mojibake => "UTF-8 text that was once read as Windows-1252, such as â€™ for ’.",
            Rule::ControlChars => {
                "C0 or C1 control characters other than tab, line feed and carriage return."
            }
            Rule::ReplacementChar => {
                "U+FFFD replacement characters left by an earlier lossy conversion."
            }
            Rule::Boilerplate => "Too much of the text is page furniture (boilerplate).",
            Rule::Duplicate => "An exact copy of another document in the drop or the corpus.",
            Rule::NearDuplicate => "A near copy of another document in the drop or the corpus.",
            Rule::RequiredTerms => "A term that every article must contain does not appear.",
            Rule::ForbiddenTerms => "A term that articles must not contain appears.",
        }
    }

    /// The severity without a configuration file. Problems that make a document useless or
    /// redundant are errors; the rest are warnings; the term rules need terms to be useful.
    pub fn default_severity(self) -> Severity {
        match self {
            Rule::Unreadable | Rule::NotText | Rule::Empty | Rule::Duplicate => Severity::Error,
            Rule::RequiredTerms | Rule::ForbiddenTerms => Severity::Off,
            _ => Severity::Warning,
        }
    }
}

/// How serious a finding is; `off` turns a rule off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the check (exit 1).
    Error,
    /// Reported; fails the check only with `--deny warnings`.
    Warning,
    /// The rule does not run.
    Off,
}

impl Severity {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Off => "off",
        }
    }
}

/// The other document a duplicate finding points to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    /// Its path.
    pub path: String,
    /// Estimated similarity (1.0 for an exact copy).
    pub similarity: f64,
}

/// One problem in one file, at a 1-based line and character column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The file, as given or found (without a leading `./`).
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The rule that found it.
    pub rule: Rule,
    /// Its configured severity (never `off`).
    pub severity: Severity,
    /// What is wrong and what to do about it.
    pub message: String,
    /// For duplicates: the other copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related: Option<Related>,
}

/// What a check run found.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Findings sorted by path, line, column, rule and message.
    pub findings: Vec<Finding>,
    /// Files checked (including those that could not be read).
    pub files: usize,
    /// Documents of `--against` compared with.
    pub references: usize,
    /// Problems outside the drop (unreadable reference documents) for stderr.
    pub notes: Vec<String>,
}

impl Outcome {
    /// Error-level findings.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Warning-level findings.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// True when the check should fail CI: an error, or a warning with `deny_warnings`.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.errors() > 0 || (deny_warnings && self.warnings() > 0)
    }

    /// The one-line summary: `3 errors, 2 warnings in 5 files`.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}, {} in {}",
            plural(self.errors(), "error"),
            plural(self.warnings(), "warning"),
            plural(self.files, "file")
        )
    }
}

/// A checked request: what to check, against what, with which settings.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Files, folders or `-`.
    pub paths: Vec<String>,
    /// Folders or files of an existing corpus to compare for duplicates.
    pub against: Vec<String>,
    /// Rules and file selection.
    pub config: Config,
    /// Worker threads (0: one per core).
    pub jobs: usize,
    /// Files larger than this are `unreadable`.
    pub max_file_size: u64,
}

/// Paths as users typed them, without a leading `./` (which GitHub annotations dislike).
fn shown(src: &str) -> String {
    src.strip_prefix("./").unwrap_or(src).to_owned()
}

/// Runs every rule over the drop and returns the sorted findings. Fails (exit 2) only when a
/// PATH or `--against` folder does not exist or the thread pool cannot start.
pub fn run(plan: &Plan) -> anyhow::Result<Outcome> {
    let cfg = &plan.config;
    let sel = cfg.selection(plan.max_file_size)?;
    let found = discover(&plan.paths, &sel)?;
    let pool = crate::run::pool(plan.jobs)?;
    let mut out = Outcome::default();

    let skipped: Vec<_> = found
        .skipped
        .iter()
        .filter(|s| !cfg.is_excluded(&[&s.path]))
        .collect();
    let sources: Vec<&Source> = found
        .sources
        .iter()
        .filter(|s| !cfg.is_excluded(&[&s.id, &s.display()]))
        .collect();
    out.files = skipped.len() + sources.len();
    for s in skipped {
        if cfg.severity(Rule::Unreadable) != Severity::Off {
            out.findings.push(rules::whole_file(
                &shown(&s.path),
                Rule::Unreadable,
                cfg,
                s.reason.clone(),
            ));
        }
    }

    let checked: Vec<rules::DocCheck> = pool.install(|| {
        sources
            .par_iter()
            .map(|src| {
                let path = shown(&src.display());
                match read_source(src, plan.max_file_size) {
                    Ok(bytes) => rules::check_document(&path, &src.id, &bytes, cfg),
                    Err(reason) => rules::DocCheck::unreadable(&path, reason, cfg),
                }
            })
            .collect()
    });

    let mut drop = Vec::with_capacity(checked.len());
    for c in checked {
        out.findings.extend(c.findings);
        drop.push((c.path, c.fingerprint));
    }

    let mut references = Vec::new();
    if !plan.against.is_empty() && duplicates::enabled(cfg) {
        // A changed file inside the corpus folder is not a copy of itself.
        let own: HashSet<PathBuf> = sources
            .iter()
            .filter_map(|s| s.path.as_ref())
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        let found = discover(&plan.against, &sel)?;
        for s in &found.skipped {
            out.notes
                .push(format!("{} (in --against): {}", s.path, s.reason));
        }
        let refs: Vec<&Source> = found
            .sources
            .iter()
            .filter(|s| !cfg.is_excluded(&[&s.id, &s.display()]))
            .filter(|s| {
                s.path
                    .as_ref()
                    .and_then(|p| std::fs::canonicalize(p).ok())
                    .is_none_or(|p| !own.contains(&p))
            })
            .collect();
        let prints: Vec<Result<Option<duplicates::Fingerprint>, String>> = pool.install(|| {
            refs.par_iter()
                .map(|src| {
                    read_source(src, plan.max_file_size)
                        .and_then(|b| duplicates::fingerprint_bytes(&b))
                })
                .collect()
        });
        for (src, r) in refs.iter().zip(prints) {
            match r {
                Ok(Some(fp)) => references.push((shown(&src.display()), fp)),
                Ok(None) => {}
                Err(reason) => out
                    .notes
                    .push(format!("{} (in --against): {reason}", src.display())),
            }
        }
        out.references = refs.len();
    }
    out.findings
        .extend(duplicates::find(&drop, &references, cfg));

    out.findings.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.rule.id(), &a.message).cmp(&(
            &b.path,
            b.line,
            b.column,
            b.rule.id(),
            &b.message,
        ))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_match_their_serde_names() {
        for r in Rule::ALL {
            assert_eq!(serde_json::to_value(r).unwrap(), r.id());
        }
    }

    #[test]
    fn summary_counts_and_plurals() {
        let f = |severity| Finding {
            path: "a.txt".into(),
            line: 1,
            column: 1,
            rule: Rule::Empty,
            severity,
            message: String::new(),
            related: None,
        };
        let o = Outcome {
            findings: vec![
                f(Severity::Error),
                f(Severity::Warning),
                f(Severity::Warning),
            ],
            files: 1,
            ..Outcome::default()
        };
        assert_eq!(o.summary(), "1 error, 2 warnings in 1 file");
        assert!(o.fails(false));
        let clean = Outcome {
            files: 5,
            ..Outcome::default()
        };
        assert_eq!(clean.summary(), "0 errors, 0 warnings in 5 files");
        assert!(!clean.fails(true));
    }
}
