//! The README's promises, run: every jq recipe prints what the README says it prints, and
//! the sample of the text report is real output.
//!
//! A recipe in the "### jq recipes" code block is a run of `#` comment lines followed by one
//! command line. Comment lines that start with `#   ` (three spaces) show a line of the
//! recipe's output on `corpus/`: the output must contain that line, or, when the sample ends
//! with `…`, a line that starts with the part before it. When jq is not installed the
//! recipes are skipped (with a note on stderr); everything else still runs.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).expect("README.md")
}

/// The first fenced code block after `marker` (a heading or a line of text).
fn code_block<'a>(text: &'a str, marker: &str) -> &'a str {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("README has no {marker:?}"));
    let rest = &text[at..];
    let open = rest.find("\n```").expect("a code block after the marker");
    let body = &rest[open + 4..];
    let body = &body[body.find('\n').unwrap() + 1..];
    &body[..body.find("\n```").expect("a closed code block")]
}

#[derive(Debug)]
struct Recipe {
    /// The comment lines that say what it does.
    title: String,
    /// Lines of its output on corpus/.
    samples: Vec<String>,
    /// The shell command.
    command: String,
}

fn recipes(block: &str) -> Vec<Recipe> {
    let mut out = Vec::new();
    let mut title = String::new();
    let mut samples = Vec::new();
    for line in block.lines() {
        if let Some(sample) = line.strip_prefix("#   ") {
            samples.push(sample.to_owned());
        } else if let Some(comment) = line.strip_prefix('#') {
            title.push_str(comment.trim());
            title.push(' ');
        } else if !line.trim().is_empty() {
            out.push(Recipe {
                title: std::mem::take(&mut title).trim().to_owned(),
                samples: std::mem::take(&mut samples),
                command: line.to_owned(),
            });
        }
    }
    out
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

fn shell_quote(p: &Path) -> String {
    format!("'{}'", p.to_str().unwrap().replace('\'', r"'\''"))
}

/// Runs a README command line with the built binary and the seed corpus.
fn run(command: &str) -> std::process::Output {
    let line = command
        .replace(
            "corpus-scan ",
            &format!(
                "{} ",
                shell_quote(Path::new(env!("CARGO_BIN_EXE_corpus-scan")))
            ),
        )
        .replace("./corpus", &shell_quote(&root().join("corpus")));
    Command::new("sh")
        .arg("-c")
        .arg(format!("set -e; {line}"))
        .env_remove("NO_COLOR")
        .output()
        .expect("sh runs")
}

#[test]
fn the_readme_has_ten_jq_recipes_each_with_a_description_and_a_sample() {
    let all = recipes(code_block(&readme(), "\n### jq recipes\n"));
    assert_eq!(all.len(), 10, "{all:#?}");
    for r in &all {
        assert!(!r.title.is_empty(), "no description: {}", r.command);
        assert!(!r.samples.is_empty(), "no sample output: {}", r.command);
        assert!(
            r.command.starts_with("corpus-scan ") && r.command.contains("| jq "),
            "not a corpus-scan | jq recipe: {}",
            r.command
        );
    }
}

#[test]
fn every_jq_recipe_runs_and_prints_what_the_readme_says() {
    if !on_path("jq") {
        eprintln!("skipped: jq is not on PATH");
        return;
    }
    for r in recipes(code_block(&readme(), "\n### jq recipes\n")) {
        let out = run(&r.command);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "README recipe failed ({}): {}\n{}",
            r.title,
            r.command,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!stdout.trim().is_empty(), "no output: {}", r.command);
        for sample in &r.samples {
            let found = match sample.strip_suffix('…') {
                Some(prefix) => stdout.lines().any(|l| l.starts_with(prefix)),
                None => stdout.lines().any(|l| l == sample),
            };
            assert!(
                found,
                "README recipe {:?} no longer prints {sample:?}; update the README.\n\
                 command: {}\noutput:\n{stdout}",
                r.title, r.command
            );
        }
    }
}

#[test]
fn the_readme_report_sample_is_real_output() {
    let out = run("corpus-scan ./corpus");
    assert!(out.status.success());
    let report = String::from_utf8(out.stdout).unwrap();
    let text = readme();
    let sample = code_block(&text, "Sample of the text report");
    for line in sample
        .lines()
        .filter(|l| *l != "..." && !l.trim().is_empty())
    {
        let line = line.trim_end();
        let line = line.strip_suffix("...").unwrap_or(line);
        assert!(
            report.lines().any(|l| l.starts_with(line)),
            "the README's sample report has {line:?}, the real report does not"
        );
    }
}

#[test]
fn the_readme_quick_start_commands_parse() {
    // Every `corpus-scan` line of the quick start and of the completions set-up names a real
    // command and real options (checked with --help, which parses but does not run).
    let text = readme();
    let blocks = [
        code_block(&text, "\n## Quick start\n"),
        code_block(&text, "Shell completions and the manual page are generated"),
    ];
    for block in blocks {
        for line in block.lines() {
            let Some(cmd) = line.split(['#', '|', '>']).next() else {
                continue;
            };
            let cmd = cmd.trim();
            if !cmd.starts_with("corpus-scan ") {
                continue;
            }
            let words: Vec<&str> = cmd.split_whitespace().skip(1).collect();
            let out = Command::new(env!("CARGO_BIN_EXE_corpus-scan"))
                .args(&words)
                .arg("--help")
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "README: {cmd}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}
