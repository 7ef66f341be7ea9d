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
  corpus-scan sentences ./corpus | head -n 3     one JSON record per sentence
  corpus-scan entities --explain article.txt     mentions, and why
  cat article.txt | corpus-scan sentences -      read standard input";

/// Analyse a folder of news articles: sentences, tokens, entities, summaries.
#[derive(Debug, Parser)]
#[command(name = "corpus-scan", version, about, after_help = EXAMPLES, args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub scan: ScanArgs,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the corpus report (the default command).
    #[command(
        after_help = "Examples:\n  corpus-scan scan ./corpus\n  corpus-scan scan ./corpus --format json | jq '.entities[:5]'"
    )]
    Scan(ScanArgs),
    /// Print one JSON record per segment (sentence, title, heading, boilerplate).
    #[command(
        after_help = "Examples:\n  corpus-scan sentences ./corpus | jq -r .text\n  corpus-scan sentences --explain article.txt"
    )]
    Sentences {
        #[command(flatten)]
        input: InputArgs,
        /// Add the rule that ended each segment and the full stops that did not.
        #[arg(long)]
        explain: bool,
    },
    /// Print one JSON record per token.
    #[command(
        after_help = "Example:\n  corpus-scan tokens article.txt | jq -r 'select(.kind==\"number\") | .text'"
    )]
    Tokens {
        #[command(flatten)]
        input: InputArgs,
    },
    /// Print one JSON record per entity mention, with its linked canonical name.
    #[command(
        after_help = "Example:\n  corpus-scan entities ./corpus | jq -r 'select(.type==\"GPE\") | .canonical' | sort | uniq -c"
    )]
    Entities {
        #[command(flatten)]
        input: InputArgs,
        /// Add the rule or list that found each mention and decided its type and link.
        #[arg(long)]
        explain: bool,
    },
    /// Check article files for problems CI should stop: exit 1 on an error-level finding.
    #[command(after_help = CHECK_HELP)]
    Check(CheckArgs),
    /// Print the JSON Schema of the report.
    Schema,
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
    #[arg(long, default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
    /// Worker threads (0: one per core). Output is the same for any value.
    #[arg(long, short = 'j', default_value_t = 0)]
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
    #[arg(long, default_value_t = 3)]
    pub summary_sentences: usize,
    /// Sentences in the corpus summary.
    #[arg(long, default_value_t = 5)]
    pub corpus_summary: usize,
    /// Key terms per document.
    #[arg(long, default_value_t = 10)]
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
    #[arg(long, short = 'j', default_value_t = 0)]
    pub jobs: usize,
    /// Files larger than this many bytes are reported as `unreadable`.
    #[arg(long, default_value_t = DEFAULT_MAX_FILE_SIZE)]
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
