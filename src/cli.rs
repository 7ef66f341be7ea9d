//! Command-line definitions (clap), turned once into checked settings before any I/O.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use corpus_scan::check;
use corpus_scan::input::Selection;
use corpus_scan::input::walk::DEFAULT_MAX_FILE_SIZE;

const EXAMPLES: &str = "\
Examples:
  corpus-scan ./corpus                           readable report of a folder
  corpus-scan ./corpus --format json | jq .corpus
  corpus-scan ./corpus --format csv > docs.csv   one row per document
  corpus-scan sentences ./corpus | head -n 3     one JSON record per sentence
  corpus-scan entities --explain article.txt     mentions, and why
  cat article.txt | corpus-scan sentences -      read standard input
  corpus-scan check new/ --against corpus        CI gate for new articles
  corpus-scan help check                         help on one command

Colour: --color auto (the default) colours the text report and check findings when
standard output is a terminal and NO_COLOR is not set. A progress bar appears on stderr
when an analysis takes over a second and stderr is a terminal; --quiet hides it and the
per-file warnings.";

/// Analyse a folder of news articles: sentences, tokens, entities, summaries.
#[derive(Debug, Parser)]
#[command(
    name = "corpus-scan",
    version,
    about,
    after_help = EXAMPLES,
    subcommand_negates_reqs = true,
    override_usage = "corpus-scan [OPTIONS] <PATH>...          (the same as corpus-scan scan)\n       \
                      corpus-scan [--color WHEN] [-q] <COMMAND> [ARGS]..."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub scan: ScanArgs,
    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Options every command takes, before or after its name.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// When to colour the output: auto (a terminal, and NO_COLOR unset), always, never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// No progress bar, and no warnings about single files on stderr (the report still
    /// lists them in `errors`, and --strict still fails on them).
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
}

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When the output is a terminal and NO_COLOR is not set (or empty).
    Auto,
    /// Always, even into a pipe or a file, and even with NO_COLOR.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour an output that is (`terminal`) or is not a terminal.
    pub fn enabled(self, terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
            }
        }
    }

    /// The `--color` of a raw command line, read before clap parses it so that clap's
    /// own help and error messages follow it too. The last one wins, as in clap.
    pub fn from_args(args: &[std::ffi::OsString]) -> ColorChoice {
        let mut choice = ColorChoice::Auto;
        let mut it = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
        while let Some(a) = it.next() {
            if a == "--" {
                break;
            }
            let value = match a.strip_prefix("--color") {
                Some("") => it.next().unwrap_or(""),
                Some(v) if v.starts_with('=') => &v[1..],
                _ => continue,
            };
            choice = ColorChoice::from_str(value, false).unwrap_or(choice);
        }
        choice
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the corpus report (the default command).
    #[command(after_help = SCAN_HELP)]
    Scan(ScanArgs),
    /// Print one record per segment (sentence, title, heading, boilerplate).
    #[command(
        after_help = "Examples:\n  corpus-scan sentences ./corpus | jq -r .text\n  corpus-scan sentences --explain article.txt\n  corpus-scan sentences ./corpus --format csv > sentences.csv"
    )]
    Sentences {
        #[command(flatten)]
        input: InputArgs,
        /// Add the rule that ended each segment and the full stops that did not.
        #[arg(long)]
        explain: bool,
        #[command(flatten)]
        format: RecordFormatArg,
    },
    /// Print one record per token.
    #[command(
        after_help = "Examples:\n  corpus-scan tokens article.txt | jq -r 'select(.kind==\"number\") | .text'\n  corpus-scan tokens ./corpus --format csv > tokens.csv"
    )]
    Tokens {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        format: RecordFormatArg,
    },
    /// Print one record per entity mention, with its linked canonical name.
    #[command(
        after_help = "Examples:\n  corpus-scan entities ./corpus | jq -r 'select(.type==\"GPE\") | .canonical' | sort | uniq -c\n  corpus-scan entities --explain article.txt\n  corpus-scan entities ./corpus --format csv > mentions.csv"
    )]
    Entities {
        #[command(flatten)]
        input: InputArgs,
        /// Add the rule or list that found each mention and decided its type and link.
        #[arg(long)]
        explain: bool,
        #[command(flatten)]
        format: RecordFormatArg,
    },
    /// Check article files for problems CI should stop: exit 1 on an error-level finding.
    #[command(after_help = CHECK_HELP)]
    Check(CheckArgs),
    /// Print the JSON Schema (draft 2020-12) of the report or of a record.
    #[command(
        after_help = "Examples:\n  corpus-scan schema > report.schema.json\n  corpus-scan schema entity | jq '.properties | keys'"
    )]
    Schema {
        /// Which output to describe.
        #[arg(value_enum, default_value_t = SchemaKind::Report)]
        what: SchemaKind,
    },
    /// Print a shell completion script.
    #[command(after_help = COMPLETIONS_HELP)]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), of the tool or of one command.
    #[command(
        after_help = "Examples:\n  corpus-scan man | man -l -\n  corpus-scan man > ~/.local/share/man/man1/corpus-scan.1\n  corpus-scan man check > ~/.local/share/man/man1/corpus-scan-check.1"
    )]
    Man {
        /// A command (scan, sentences, ...) for its own page; the tool's page otherwise.
        #[arg(value_name = "COMMAND", value_parser = COMMANDS)]
        command: Option<String>,
    },
}

/// The names of the commands, for `man COMMAND` (a test checks it against the enum).
pub const COMMANDS: [&str; 8] = [
    "scan",
    "sentences",
    "tokens",
    "entities",
    "check",
    "schema",
    "completions",
    "man",
];

const SCAN_HELP: &str = "\
Formats: text (the default; wrapped to the terminal when standard output is one, 80
columns otherwise), json (the whole report), ndjson (one line per document, then one for
the corpus), csv (one row per document: id, path, title, encoding, the counts and
readability figures of stats, numbers of entities, quotes and dates, and key terms).

Examples:
  corpus-scan scan ./corpus
  corpus-scan scan ./corpus --format json | jq '.entities[:5]'
  corpus-scan scan ./corpus --format csv -o documents.csv
  corpus-scan scan ./articles --ext md,txt -j 4 --strict";

const COMPLETIONS_HELP: &str = "\
Examples:
  corpus-scan completions bash > ~/.local/share/bash-completion/completions/corpus-scan
  corpus-scan completions zsh > ~/.zfunc/_corpus-scan     # with fpath+=(~/.zfunc)
  corpus-scan completions fish > ~/.config/fish/completions/corpus-scan.fish
  corpus-scan completions powershell >> $PROFILE
  corpus-scan completions elvish >> ~/.config/elvish/rc.elv";

/// What `corpus-scan schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// The report of `scan --format json`.
    Report,
    /// A record of `sentences`.
    Sentence,
    /// A record of `tokens`.
    Token,
    /// A record of `entities`.
    Entity,
}

/// `--format` of the record commands.
#[derive(Debug, Clone, Copy, Args)]
pub struct RecordFormatArg {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = RecordFormat::Ndjson)]
    pub format: RecordFormat,
}

/// Formats of the record commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecordFormat {
    /// One JSON object a line.
    Ndjson,
    /// A header row, then one row per record (the NDJSON fields as columns).
    Csv,
}

/// Where the documents are.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files, folders (searched recursively) or `-` for standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<String>,
    /// File extensions to read in folders, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "txt")]
    pub ext: Vec<String>,
    /// Glob matched against paths inside folders (repeatable); replaces --ext.
    #[arg(long)]
    pub glob: Vec<String>,
    /// Files larger than this many bytes are listed as errors, not read.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
    /// Worker threads (0: one per core). Output is the same for any value.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    /// Exit with status 2 when any file could not be read or decoded.
    #[arg(long)]
    pub strict: bool,
}

impl InputArgs {
    /// The checked file selection.
    pub fn selection(&self) -> anyhow::Result<Selection> {
        Selection::new(&self.ext, &self.glob, self.max_file_size)
    }
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable report for a terminal.
    Text,
    /// One JSON document.
    Json,
    /// One JSON record per document, then one corpus record.
    Ndjson,
    /// One row per document (see below for the columns).
    Csv,
}

/// Options of `scan`.
#[derive(Debug, Clone, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Sentences in each document's summary.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub summary_sentences: usize,
    /// Sentences in the corpus summary.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub corpus_summary: usize,
    /// Key terms per document.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub keyterms: usize,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

const CHECK_HELP: &str = "\
Rules, severities and thresholds come from corpus-scan.toml in the current folder (or
--config FILE); see the README's CI section.

Exit status: 0 no error-level finding, 1 at least one (or a warning with --deny warnings),
2 usage or I/O problems (bad configuration, missing PATH).

Examples:
  corpus-scan check new/                              text findings and a summary line
  corpus-scan check new/ --against corpus             also find copies of corpus articles
  corpus-scan check -f github $(git diff --name-only --diff-filter=AM origin/main... -- '*.txt')
  corpus-scan check new/ -f sarif > check.sarif       for code-scanning uploads";

/// Formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// `path:line:col: severity[rule]: message`, then a summary line.
    Text,
    /// One JSON document: findings and counts.
    Json,
    /// GitHub Actions annotations (`::error file=...`), one per finding.
    Github,
    /// A SARIF 2.1.0 log for code-scanning tools.
    Sarif,
}

/// What `--deny` turns into failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Warnings fail the check too.
    Warnings,
}

/// Options of `check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Files, folders (searched recursively) or `-` for standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Rules file (default: corpus-scan.toml in the current folder, when there is one).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// An existing corpus (folder or file; repeatable) to look for copies in.
    #[arg(long, value_name = "DIR")]
    pub against: Vec<String>,
    /// Also fail (exit 1) on warnings.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Option<Deny>,
    /// Worker threads (0: one per core). Output is the same for any value.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    /// Files larger than this many bytes are reported as `unreadable`.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

impl CheckArgs {
    /// The checked plan: the configuration is loaded and validated before any file is read.
    pub fn plan(&self) -> anyhow::Result<check::Plan> {
        Ok(check::Plan {
            paths: self.paths.clone(),
            against: self.against.clone(),
            config: check::Config::load(self.config.as_deref())?,
            jobs: self.jobs,
            max_file_size: self.max_file_size,
        })
    }

    /// The library's output format.
    pub fn output(&self) -> check::format::Format {
        match self.format {
            CheckFormat::Text => check::format::Format::Text,
            CheckFormat::Json => check::format::Format::Json,
            CheckFormat::Github => check::format::Format::Github,
            CheckFormat::Sarif => check::format::Format::Sarif,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn man_knows_every_command() {
        let names: Vec<String> = Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .collect();
        assert_eq!(names, COMMANDS);
    }

    /// An option spelled the same in two commands has the same short form and value name.
    #[test]
    fn options_are_spelled_alike_everywhere() {
        let cmd = Cli::command();
        let mut seen: std::collections::HashMap<String, (Option<char>, String)> =
            std::collections::HashMap::new();
        for sub in std::iter::once(&cmd).chain(cmd.get_subcommands()) {
            for a in sub.get_arguments() {
                let Some(long) = a.get_long() else { continue };
                let names = a
                    .get_value_names()
                    .map(|v| {
                        v.iter()
                            .map(|s| s.to_string())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .unwrap_or_default();
                let shape = (a.get_short(), names);
                let first = seen.entry(long.to_owned()).or_insert_with(|| shape.clone());
                assert_eq!(*first, shape, "--{long} in {}", sub.get_name());
            }
        }
    }

    #[test]
    fn color_is_read_before_parsing() {
        let args = |a: &[&str]| -> Vec<std::ffi::OsString> {
            std::iter::once("corpus-scan")
                .chain(a.iter().copied())
                .map(Into::into)
                .collect()
        };
        assert_eq!(ColorChoice::from_args(&args(&["x"])), ColorChoice::Auto);
        assert_eq!(
            ColorChoice::from_args(&args(&["--color", "never", "x"])),
            ColorChoice::Never
        );
        assert_eq!(
            ColorChoice::from_args(&args(&["x", "--color=always", "--color=never"])),
            ColorChoice::Never
        );
        assert_eq!(
            ColorChoice::from_args(&args(&["--", "--color=never"])),
            ColorChoice::Auto
        );
    }
}
