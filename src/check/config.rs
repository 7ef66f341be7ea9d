//! Configuration of `check`: `corpus-scan.toml` parsed strictly, then checked once.
//!
//! The file is read from the current folder (or `--config FILE`) into raw serde structs
//! that reject unknown keys, unknown rules and unknown settings (`deny_unknown_fields`), so
//! a typo fails the run with exit 2 instead of silently checking less. [`Config`] is the
//! checked result the rules read: one severity per rule, thresholds with their defaults,
//! compiled globs and term patterns. Without a file, [`Config::default`] holds the built-in
//! defaults.

use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};
use globset::{Glob, GlobSet, GlobSetBuilder};
use regex::Regex;
use serde::Deserialize;

use super::{RULES, Rule, Severity};
use crate::input::Selection;

/// The file read from the current folder when no `--config` is given.
pub const DEFAULT_FILE: &str = "corpus-scan.toml";

/// Occurrences reported per file and rule before the rest are summed up in one message.
const DEFAULT_MAX_REPORTS: usize = 5;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    rules: RawRules,
}

/// One optional table per rule; a table for an unknown rule is an error.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct RawRules {
    unreadable: Plain,
    not_text: Plain,
    encoding: Plain,
    empty: Plain,
    too_short: TooShort,
    no_title: Plain,
    mojibake: Occurrences,
    control_chars: Occurrences,
    replacement_char: Occurrences,
    boilerplate: Threshold,
    duplicate: Plain,
    near_duplicate: Threshold,
    required_terms: Required,
    forbidden_terms: Forbidden,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Plain {
    severity: Option<Severity>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TooShort {
    severity: Option<Severity>,
    min_sentences: Option<usize>,
    min_words: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Occurrences {
    severity: Option<Severity>,
    max_reports: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Threshold {
    severity: Option<Severity>,
    threshold: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Required {
    severity: Option<Severity>,
    #[serde(default)]
    terms: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Forbidden {
    severity: Option<Severity>,
    #[serde(default)]
    terms: Vec<String>,
    max_reports: Option<usize>,
}

/// A required or forbidden term: matched case-insensitively, as whole words, with any run
/// of white space between its words.
#[derive(Debug, Clone)]
pub struct Term {
    /// The term as configured.
    pub text: String,
    pattern: Regex,
    /// Whether the term starts / ends with a letter or digit, and so needs a word boundary.
    bounded: (bool, bool),
}

impl Term {
    fn new(text: &str) -> anyhow::Result<Term> {
        let words: Vec<String> = text.split_whitespace().map(regex::escape).collect();
        if words.is_empty() {
            bail!("a term is empty");
        }
        let pattern = Regex::new(&format!("(?i){}", words.join(r"\s+")))
            .with_context(|| format!("term {text:?} cannot be matched"))?;
        let trimmed = text.trim();
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        Ok(Term {
            text: trimmed.to_owned(),
            pattern,
            bounded: (alnum(trimmed.chars().next()), alnum(trimmed.chars().last())),
        })
    }

    /// Byte spans of the term's whole-word occurrences in `text`, in order.
    pub fn find_in(&self, text: &str) -> Vec<(usize, usize)> {
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        self.pattern
            .find_iter(text)
            .filter(|m| {
                let glued_before = self.bounded.0 && alnum(text[..m.start()].chars().next_back());
                let glued_after = self.bounded.1 && alnum(text[m.end()..].chars().next());
                !(glued_before || glued_after)
            })
            .map(|m| (m.start(), m.end()))
            .collect()
    }
}

/// The checked configuration the rules read.
#[derive(Debug, Clone)]
pub struct Config {
    severity: [Severity; RULES],
    max_reports: [usize; RULES],
    include: Vec<String>,
    exclude: GlobSet,
    /// `too-short`: fewest body sentences (0: no minimum).
    pub min_sentences: usize,
    /// `too-short`: fewest words in body sentences (0: no minimum).
    pub min_words: usize,
    /// `boilerplate`: largest share of the text's bytes that may be boilerplate.
    pub boilerplate_share: f64,
    /// `near-duplicate`: lowest estimated similarity reported.
    pub near_similarity: f64,
    /// `required-terms`: terms every document must contain.
    pub required_terms: Vec<Term>,
    /// `forbidden-terms`: terms no document may contain.
    pub forbidden_terms: Vec<Term>,
}

impl Default for Config {
    fn default() -> Self {
        Config::checked(RawConfig::default()).expect("the built-in defaults are valid")
    }
}

impl Config {
    /// Loads `file`, or `corpus-scan.toml` in the current folder when there is one, or the
    /// built-in defaults. Errors name the file and the key or rule at fault.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Config> {
        let path = match file {
            Some(p) => p.to_path_buf(),
            None if Path::new(DEFAULT_FILE).exists() => PathBuf::from(DEFAULT_FILE),
            None => return Ok(Config::default()),
        };
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("{}: cannot read the configuration", path.display()))?;
        Config::parse(&text, &path)
    }

    /// Parses and checks configuration text; `path` is only used in error messages.
    pub fn parse(text: &str, path: &Path) -> anyhow::Result<Config> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            anyhow!(
                "{}: {} (see the README's CI section for the rules and their settings)",
                path.display(),
                e.to_string().trim_end()
            )
        })?;
        Config::checked(raw).with_context(|| format!("{}", path.display()))
    }

    fn checked(raw: RawConfig) -> anyhow::Result<Config> {
        let r = raw.rules;
        let mut severity = Rule::ALL.map(Rule::default_severity);
        let mut max_reports = [DEFAULT_MAX_REPORTS; RULES];
        let mut set = |rule: Rule, s: Option<Severity>| {
            if let Some(s) = s {
                severity[rule as usize] = s;
            }
        };
        set(Rule::Unreadable, r.unreadable.severity);
        set(Rule::NotText, r.not_text.severity);
        set(Rule::Encoding, r.encoding.severity);
        set(Rule::Empty, r.empty.severity);
        set(Rule::TooShort, r.too_short.severity);
        set(Rule::NoTitle, r.no_title.severity);
        set(Rule::Mojibake, r.mojibake.severity);
        set(Rule::ControlChars, r.control_chars.severity);
        set(Rule::ReplacementChar, r.replacement_char.severity);
        set(Rule::Boilerplate, r.boilerplate.severity);
        set(Rule::Duplicate, r.duplicate.severity);
        set(Rule::NearDuplicate, r.near_duplicate.severity);
        // The term rules are off until they have terms, then warnings unless told otherwise.
        let terms_default = |terms: &[String]| {
            if terms.is_empty() {
                Severity::Off
            } else {
                Severity::Warning
            }
        };
        set(
            Rule::RequiredTerms,
            Some(
                r.required_terms
                    .severity
                    .unwrap_or(terms_default(&r.required_terms.terms)),
            ),
        );
        set(
            Rule::ForbiddenTerms,
            Some(
                r.forbidden_terms
                    .severity
                    .unwrap_or(terms_default(&r.forbidden_terms.terms)),
            ),
        );
        for (rule, terms) in [
            (Rule::RequiredTerms, &r.required_terms.terms),
            (Rule::ForbiddenTerms, &r.forbidden_terms.terms),
        ] {
            if severity[rule as usize] != Severity::Off && terms.is_empty() {
                bail!(
                    "[rules.{}] is turned on but has no `terms = [...]`",
                    rule.id()
                );
            }
        }
        for (rule, n) in [
            (Rule::Mojibake, r.mojibake.max_reports),
            (Rule::ControlChars, r.control_chars.max_reports),
            (Rule::ReplacementChar, r.replacement_char.max_reports),
            (Rule::ForbiddenTerms, r.forbidden_terms.max_reports),
        ] {
            if let Some(n) = n {
                max_reports[rule as usize] = n;
            }
        }
        let share = |rule: Rule, v: Option<f64>, default: f64| -> anyhow::Result<f64> {
            let v = v.unwrap_or(default);
            if !(0.0..=1.0).contains(&v) {
                bail!(
                    "[rules.{}] threshold must be between 0 and 1, not {v}",
                    rule.id()
                );
            }
            Ok(v)
        };
        let terms = |rule: Rule, list: &[String]| -> anyhow::Result<Vec<Term>> {
            list.iter()
                .map(|t| Term::new(t).with_context(|| format!("[rules.{}]", rule.id())))
                .collect()
        };
        let mut exclude = GlobSetBuilder::new();
        for g in &raw.exclude {
            exclude.add(Glob::new(g).map_err(|e| anyhow!("exclude glob {g:?}: {e}"))?);
        }
        for g in &raw.include {
            Glob::new(g).map_err(|e| anyhow!("include glob {g:?}: {e}"))?;
        }
        Ok(Config {
            severity,
            max_reports,
            include: raw.include,
            exclude: exclude.build()?,
            min_sentences: r.too_short.min_sentences.unwrap_or(3),
            min_words: r.too_short.min_words.unwrap_or(50),
            boilerplate_share: share(Rule::Boilerplate, r.boilerplate.threshold, 0.5)?,
            near_similarity: share(Rule::NearDuplicate, r.near_duplicate.threshold, 0.8)?,
            required_terms: terms(Rule::RequiredTerms, &r.required_terms.terms)?,
            forbidden_terms: terms(Rule::ForbiddenTerms, &r.forbidden_terms.terms)?,
        })
    }

    /// The configured severity of a rule.
    pub fn severity(&self, rule: Rule) -> Severity {
        self.severity[rule as usize]
    }

    /// Occurrences of `rule` reported per file (0: all of them).
    pub fn max_reports(&self, rule: Rule) -> usize {
        self.max_reports[rule as usize]
    }

    /// The files to take from folders: the `include` globs, or `*.txt` without them.
    pub fn selection(&self, max_file_size: u64) -> anyhow::Result<Selection> {
        Selection::new(&["txt".to_owned()], &self.include, max_file_size)
    }

    /// True when any of the given forms of a path (its id inside the folder, the path as
    /// given) matches an `exclude` glob.
    pub fn is_excluded(&self, forms: &[&str]) -> bool {
        forms
            .iter()
            .any(|f| self.exclude.is_match(f.strip_prefix("./").unwrap_or(f)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> anyhow::Result<Config> {
        Config::parse(text, Path::new("corpus-scan.toml"))
    }

    #[test]
    fn the_issue_example_parses() {
        let c = parse(
            "include = [\"**/*.txt\"]\nexclude = [\"drafts/**\"]\n\
             [rules.too-short]\nseverity = \"error\"\nmin_words = 80\n\
             [rules.mojibake]\nseverity = \"off\"\n",
        )
        .unwrap();
        assert_eq!(c.severity(Rule::TooShort), Severity::Error);
        assert_eq!((c.min_sentences, c.min_words), (3, 80));
        assert_eq!(c.severity(Rule::Mojibake), Severity::Off);
        assert!(c.is_excluded(&["drafts/a.txt"]));
        assert!(c.is_excluded(&["x.txt", "./drafts/x.txt"]));
        assert!(!c.is_excluded(&["news/a.txt"]));
    }

    #[test]
    fn unknown_keys_rules_and_settings_are_named() {
        for (text, name) in [
            ("includes = []", "includes"),
            ("[rules.mojibak]\nseverity = \"off\"", "mojibak"),
            ("[rules.too-short]\nmin_word = 3", "min_word"),
            ("[rules.empty]\nseverity = \"fatal\"", "fatal"),
        ] {
            let e = format!("{:#}", parse(text).unwrap_err());
            assert!(
                e.contains("corpus-scan.toml") && e.contains(&format!("`{name}`")),
                "{e}"
            );
        }
    }

    #[test]
    fn bad_values_are_rejected() {
        assert!(parse("[rules.near-duplicate]\nthreshold = 1.5").is_err());
        assert!(parse("[rules.required-terms]\nseverity = \"error\"").is_err());
        assert!(parse("exclude = [\"a/[\"]").is_err());
    }

    #[test]
    fn term_rules_turn_on_with_terms() {
        let d = Config::default();
        assert_eq!(d.severity(Rule::RequiredTerms), Severity::Off);
        let c = parse("[rules.forbidden-terms]\nterms = [\"lorem ipsum\"]").unwrap();
        assert_eq!(c.severity(Rule::ForbiddenTerms), Severity::Warning);
    }

    #[test]
    fn terms_match_whole_words_in_any_case() {
        let t = Term::new("Islamic  State").unwrap();
        assert_eq!(
            t.find_in("the islamic\nstate; Islamic Statehood"),
            [(4, 17)]
        );
        let u = Term::new("U.S.").unwrap();
        assert_eq!(u.find_in("the U.S. said; BU.S. (U.S.)"), [(4, 8), (22, 26)]);
    }
}
