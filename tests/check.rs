//! `corpus-scan check` through the real binary on drops built in temporary folders: every
//! rule, every format, the configuration file and the exit codes.

mod common;

use std::path::Path;
use std::process::Output;

use common::{bin, corpus};
use serde::Deserialize;
use serde_json::Value;
use tempfile::TempDir;

const FERRY: &str = "Harbour council approves new ferry timetable

The harbour council voted on Monday to add three evening ferry crossings to the island route from next spring. Councillors said the change followed a survey in which most commuters asked for later boats. The operator will hire six extra crew members and lease a second vessel during the summer months. Fares will stay at their current level until the end of the year, the council's transport chair said.
";

const ORCHARD: &str = "Late frost cuts apple harvest in the valley

Growers in the valley expect to pick a third fewer apples this autumn after a late frost damaged blossom in April. Several family orchards said they would rely on savings or short-term loans to pay seasonal pickers. The regional farming union asked the government for emergency support and cheaper insurance. Prices at local markets have already risen by about ten percent, traders said.
";

const LIBRARY: &str = "City library reopens after two-year renovation

The central library reopened its doors on Saturday after a renovation that took two years and cost far more than planned. Visitors queued outside before dawn to see the new reading rooms, the rooftop garden and the children's floor. Librarians said the building now has space for evening classes and a small recording studio. The mayor thanked volunteers who had kept a temporary lending service running in a school hall.
";

const MARATHON: &str = "Record field expected for spring marathon

Organisers of the spring marathon said more than twelve thousand runners had registered, the largest field in the race's history. The course will again start at the cathedral and finish in the park beside the river. Road closures will begin early in the morning and last until the afternoon, the police said. Volunteers are still needed at drinks stations along the second half of the route.
";

/// A temporary drop folder holding `files` (name, bytes); names may contain folders.
fn drop_with(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// Runs `corpus-scan check ARGS` inside `dir` (so its corpus-scan.toml, if any, is used).
fn check(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .output()
        .expect("runs")
}

fn text(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The 1-based line and character column of the first `needle` in `text`.
fn pos_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle in text");
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, col)
}

fn seed(name: &str) -> Vec<u8> {
    std::fs::read(corpus().join(name)).expect("seed article")
}

/// `check --format json`, pinned: a renamed or removed field fails here.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    tool: Tool,
    counts: Counts,
    findings: Vec<Finding>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Tool {
    name: String,
    version: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Counts {
    files: usize,
    references: usize,
    errors: usize,
    warnings: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Finding {
    path: String,
    line: usize,
    column: usize,
    rule: String,
    severity: String,
    message: String,
    #[serde(default)]
    related: Option<Related>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Related {
    path: String,
    similarity: f64,
}

/// Runs `check --format json` and parses the findings.
fn json(dir: &Path, args: &[&str]) -> (Report, Output) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = check(dir, &all);
    let report: Report = serde_json::from_str(&text(&out))
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", text(&out), stderr(&out)));
    (report, out)
}

/// (file name, rule, line, column) of every finding.
fn found(r: &Report) -> Vec<(String, String, usize, usize)> {
    r.findings
        .iter()
        .map(|f| {
            let name = f.path.rsplit('/').next().unwrap_or_default().to_owned();
            (name, f.rule.clone(), f.line, f.column)
        })
        .collect()
}

fn has(r: &Report, file: &str, rule: &str) -> bool {
    found(r).iter().any(|(f, ru, _, _)| f == file && ru == rule)
}

fn of_rule<'a>(r: &'a Report, rule: &str) -> Vec<&'a Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

const LATIN1: &[u8] = b"Cafe owners welcome longer opening hours\n\nThe owners of the caf\xe9 on the square said on Friday that the new rules would help their business through the winter. They expect more visitors in the summer months and plan to hire extra staff for the evenings. The council will review the change after one year, a spokesman said, and may extend it to other streets in the old town.\n";

const MOJIBAKE: &str = "Mayor opens new bridge over the river\n\nThe mayor\u{e2}\u{20ac}\u{2122}s new bridge opened on Saturday after two years of work on the foundations and the approach roads. Crowds crossed it in the rain, many of them pushing bicycles or prams across the new deck. Traffic should ease in the town centre once the old crossing closes for repairs next month, officials said at the opening ceremony.\n";

/// The drop of the issue: an empty file, a Latin-1 file, mojibake, a copy of one seed
/// article and a near copy (three words changed) of another.
fn issue_drop() -> TempDir {
    let near = String::from_utf8(seed("003_c875aafc472dcb34.txt"))
        .unwrap()
        .replacen("Moscow’s deepening", "Russia’s deepening", 1)
        .replacen("retake the city", "recapture the city", 1)
        .replacen("in western Iran", "in north-western Iran", 1);
    drop_with(&[
        ("empty.txt", b""),
        ("latin1.txt", LATIN1),
        ("mojibake.txt", MOJIBAKE.as_bytes()),
        ("copy.txt", &seed("001_40c545358694a86b.txt")),
        ("near.txt", near.as_bytes()),
    ])
}

#[test]
fn the_issue_drop_fails_with_each_problem_located() {
    let drop = issue_drop();
    let (r, out) = json(drop.path(), &["."]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let latin1_col = "The owners of the caf".chars().count() + 1;
    let (ml, mc) = pos_of(MOJIBAKE, "\u{e2}\u{20ac}\u{2122}");
    let f = found(&r);
    assert!(
        f.contains(&("empty.txt".into(), "empty".into(), 1, 1)),
        "{f:?}"
    );
    assert!(
        f.contains(&("latin1.txt".into(), "encoding".into(), 3, latin1_col)),
        "{f:?}"
    );
    assert!(
        f.contains(&("mojibake.txt".into(), "mojibake".into(), ml, mc)),
        "{f:?}"
    );
    assert_eq!((ml, mc), (3, 10));
    // Within the drop nothing is a copy of anything; the files are otherwise clean.
    assert!(of_rule(&r, "duplicate").is_empty() && of_rule(&r, "near-duplicate").is_empty());
    assert_eq!(r.findings.len(), 3, "{f:?}");
    assert_eq!(
        (r.counts.errors, r.counts.warnings, r.counts.files),
        (1, 2, 5)
    );
    let e = &of_rule(&r, "encoding")[0];
    assert!(
        e.message.contains("0xE9") && e.severity == "warning",
        "{e:?}"
    );
    assert!(of_rule(&r, "mojibake")[0].message.contains("U+2019"));
}

#[test]
fn against_the_corpus_the_copies_name_their_seeds() {
    let drop = issue_drop();
    let seeds = corpus();
    let (r, out) = json(drop.path(), &[".", "--against", seeds.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(r.counts.references, 5);
    let dup = of_rule(&r, "duplicate");
    assert_eq!(dup.len(), 1, "{:?}", r.findings);
    assert!(dup[0].path.ends_with("copy.txt") && dup[0].severity == "error");
    let rel = dup[0].related.as_ref().unwrap();
    assert!(
        rel.path.ends_with("corpus/001_40c545358694a86b.txt"),
        "{rel:?}"
    );
    assert_eq!(rel.similarity, 1.0);
    assert!(dup[0].message.contains("001_40c545358694a86b.txt"));
    let near = of_rule(&r, "near-duplicate");
    assert_eq!(near.len(), 1, "{:?}", r.findings);
    assert!(near[0].path.ends_with("near.txt") && near[0].severity == "warning");
    let rel = near[0].related.as_ref().unwrap();
    assert!(
        rel.path.ends_with("corpus/003_c875aafc472dcb34.txt"),
        "{rel:?}"
    );
    assert!((0.8..1.0).contains(&rel.similarity), "{rel:?}");
    assert!(near[0].message.contains("003_c875aafc472dcb34.txt"));
}

#[test]
fn a_clean_drop_exits_0_with_a_one_line_summary() {
    let drop = drop_with(&[
        ("a.txt", FERRY.as_bytes()),
        ("b.txt", ORCHARD.as_bytes()),
        ("sub/c.txt", LIBRARY.as_bytes()),
    ]);
    let out = check(drop.path(), &["."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(text(&out), "0 errors, 0 warnings in 3 files\n");
}

#[test]
fn text_lines_follow_path_line_col_severity_rule_message() {
    let drop = drop_with(&[("new/empty.txt", b""), ("new/ok.txt", FERRY.as_bytes())]);
    let out = check(drop.path(), &["new"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out),
        "new/empty.txt:1:1: error[empty]: the file is empty (0 bytes); add the article or \
         remove the file\n1 error, 0 warnings in 2 files\n"
    );
}

#[test]
fn unreadable_and_not_text() {
    let drop = drop_with(&[
        ("big.txt", FERRY.as_bytes()),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
    ]);
    let (r, out) = json(drop.path(), &[".", "--max-file-size", "100"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(has(&r, "big.txt", "unreadable"), "{:?}", r.findings);
    let nt = &of_rule(&r, "not-text")[0];
    assert!(nt.path.ends_with("binary.txt") && nt.severity == "error");
    assert!(nt.message.contains("NUL byte at offset 8"), "{nt:?}");
}

#[test]
fn too_short_no_title_and_boilerplate() {
    // Page furniture where scraped pages have it: markers above the title, a licence below.
    let page = |markers: usize, article: &str| {
        let top = "Share\n\nAdvertisement\n\nPhoto: Getty Images\n\nFollow us on Twitter\n\n\
            Sign up for our newsletter\n\n";
        format!(
            "{}{article}\nCopyright 2016 Example News. All rights reserved.\n",
            top.repeat(markers)
        )
    };
    let drop = drop_with(&[
        (
            "short.txt",
            b"Town opens library\n\nThe library opened. It is big.",
        ),
        (
            "untitled.txt",
            FERRY.lines().skip(2).collect::<String>().as_bytes(),
        ),
        ("furniture.txt", page(1, ORCHARD).as_bytes()),
        ("mostly-furniture.txt", page(8, LIBRARY).as_bytes()),
    ]);
    let (r, out) = json(drop.path(), &["."]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings only: {:?}",
        r.findings
    );
    let f = found(&r);
    assert_eq!(
        f,
        [
            ("mostly-furniture.txt".into(), "boilerplate".into(), 1, 1),
            ("short.txt".into(), "too-short".into(), 1, 1),
            ("untitled.txt".into(), "no-title".into(), 1, 1),
        ]
    );
    assert!(
        of_rule(&r, "too-short")[0]
            .message
            .contains("2 body sentences and 6 words")
    );
    // --deny warnings turns them into a failure.
    let out = check(drop.path(), &[".", "--deny", "warnings"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn damaged_characters_each_with_its_position() {
    let body = format!(
        "{}Bell\u{7} here, {}lost \u{FFFD} there and C1 \u{85} too.\n",
        FERRY, "and "
    );
    let many = format!("{FERRY}{}", "\u{FFFD} ".repeat(7));
    let drop = drop_with(&[("odd.txt", body.as_bytes()), ("many.txt", many.as_bytes())]);
    let (r, out) = json(drop.path(), &["."]);
    assert_eq!(out.status.code(), Some(0));
    let f = found(&r);
    let (bl, bc) = pos_of(&body, "\u{7}");
    let (rl, rc) = pos_of(&body, "\u{FFFD}");
    let (cl, cc) = pos_of(&body, "\u{85}");
    assert!(
        f.contains(&("odd.txt".into(), "control-chars".into(), bl, bc)),
        "{f:?}"
    );
    assert!(
        f.contains(&("odd.txt".into(), "control-chars".into(), cl, cc)),
        "{f:?}"
    );
    assert!(
        f.contains(&("odd.txt".into(), "replacement-char".into(), rl, rc)),
        "{f:?}"
    );
    // The first five occurrences are listed, the last one counts the rest.
    let reps: Vec<&Finding> = of_rule(&r, "replacement-char")
        .into_iter()
        .filter(|f| f.path.ends_with("many.txt"))
        .collect();
    assert_eq!(reps.len(), 5);
    assert_eq!(
        reps.iter().map(|f| f.column).collect::<Vec<_>>(),
        [1, 3, 5, 7, 9]
    );
    assert!(reps[4].message.contains("2 more"), "{:?}", reps[4]);
}

#[test]
fn copies_inside_the_drop() {
    let near = FERRY.replace("six extra crew", "seven extra crew");
    let retitled = FERRY.replace("approves new ferry timetable", "adds evening ferries");
    let drop = drop_with(&[
        ("a.txt", FERRY.as_bytes()),
        ("b.txt", retitled.as_bytes()),
        ("c.txt", near.as_bytes()),
        ("d.txt", ORCHARD.as_bytes()),
    ]);
    let (r, out) = json(drop.path(), &["."]);
    assert_eq!(out.status.code(), Some(1));
    let dup = of_rule(&r, "duplicate");
    assert_eq!(dup.len(), 1, "{:?}", r.findings);
    assert!(dup[0].path.ends_with("b.txt"));
    assert!(dup[0].related.as_ref().unwrap().path.ends_with("a.txt"));
    let near = of_rule(&r, "near-duplicate");
    assert!(!near.is_empty(), "{:?}", r.findings);
    assert!(near.iter().all(|f| f.path.ends_with("c.txt")));
    assert!(
        near.iter()
            .all(|f| f.related.as_ref().unwrap().similarity >= 0.8)
    );
    assert!(!has(&r, "d.txt", "near-duplicate") && !has(&r, "a.txt", "duplicate"));
}

#[test]
fn a_file_inside_the_against_corpus_is_not_its_own_copy() {
    let drop = drop_with(&[
        ("corpus/old.txt", ORCHARD.as_bytes()),
        ("corpus/new.txt", FERRY.as_bytes()),
    ]);
    let (r, out) = json(drop.path(), &["corpus/new.txt", "--against", "corpus"]);
    assert_eq!(out.status.code(), Some(0), "{:?}", r.findings);
    assert!(r.findings.is_empty());
    assert_eq!(r.counts.references, 1);
}

#[test]
fn github_annotations_one_per_finding() {
    let drop = issue_drop();
    let seeds = corpus();
    let args = [".", "--against", seeds.to_str().unwrap()];
    let (r, _) = json(drop.path(), &args);
    let mut gh = vec!["--format", "github"];
    gh.extend_from_slice(&args);
    let out = check(drop.path(), &gh);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<String> = text(&out).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), r.findings.len());
    for (line, f) in lines.iter().zip(&r.findings) {
        let expected = format!(
            "::{} file={},line={},col={},title={}::",
            f.severity, f.path, f.line, f.column, f.rule
        );
        assert!(line.starts_with(&expected), "{line}\n{expected}");
    }
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::error file=empty.txt,line=1,col=1,title=empty::"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::warning file=latin1.txt,line=3,"))
    );
    assert!(stderr(&out).contains("2 errors, 3 warnings in 5 files"));
}

/// The string at `v[key]`, failing the test when it is missing or not a string.
fn string<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is not a string in {v}"))
}

/// The positive integer at `v[key]`.
fn positive(v: &Value, key: &str) -> u64 {
    let n = v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("`{key}` is not an integer in {v}"));
    assert!(n >= 1, "`{key}` must be at least 1 in {v}");
    n
}

#[test]
fn sarif_has_the_structure_of_sarif_2_1_0() {
    let drop = issue_drop();
    let seeds = corpus();
    let args = [".", "--against", seeds.to_str().unwrap()];
    let (r, _) = json(drop.path(), &args);
    let mut sarif = vec!["--format", "sarif"];
    sarif.extend_from_slice(&args);
    let out = check(drop.path(), &sarif);
    assert_eq!(out.status.code(), Some(1));
    let log: Value = serde_json::from_str(&text(&out)).expect("SARIF is JSON");
    assert!(string(&log, "$schema").contains("sarif-schema-2.1.0"));
    assert_eq!(string(&log, "version"), "2.1.0");
    let runs = log["runs"].as_array().expect("runs is an array");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(string(driver, "name"), "corpus-scan");
    assert!(!string(driver, "version").is_empty());
    let levels = ["none", "note", "warning", "error"];
    let rules = driver["rules"].as_array().expect("rules is an array");
    let ids: Vec<&str> = rules.iter().map(|r| string(r, "id")).collect();
    for id in [
        "unreadable",
        "not-text",
        "encoding",
        "empty",
        "too-short",
        "no-title",
        "mojibake",
        "control-chars",
        "replacement-char",
        "boilerplate",
        "duplicate",
        "near-duplicate",
        "required-terms",
        "forbidden-terms",
    ] {
        assert!(ids.contains(&id), "rule {id} missing");
    }
    for rule in rules {
        assert!(!string(&rule["shortDescription"], "text").is_empty());
        assert!(levels.contains(&string(&rule["defaultConfiguration"], "level")));
    }
    assert_eq!(string(run, "columnKind"), "unicodeCodePoints");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    let results = run["results"].as_array().expect("results is an array");
    assert_eq!(results.len(), r.findings.len());
    for (res, f) in results.iter().zip(&r.findings) {
        let id = string(res, "ruleId");
        assert_eq!(id, f.rule);
        let index = res["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(ids[index], id);
        assert_eq!(string(res, "level"), f.severity);
        assert!(levels.contains(&string(res, "level")));
        assert_eq!(string(&res["message"], "text"), f.message);
        let loc = &res["locations"].as_array().expect("locations")[0]["physicalLocation"];
        assert_eq!(string(&loc["artifactLocation"], "uri"), f.path);
        assert_eq!(positive(&loc["region"], "startLine") as usize, f.line);
        assert_eq!(positive(&loc["region"], "startColumn") as usize, f.column);
        if let Some(rel) = &f.related {
            let other = &res["relatedLocations"][0]["physicalLocation"]["artifactLocation"];
            assert!(
                rel.path
                    .ends_with(string(other, "uri").rsplit('/').next().unwrap())
            );
        }
    }
}

#[test]
fn json_counts_and_tool() {
    let drop = issue_drop();
    let (r, _) = json(drop.path(), &["."]);
    assert_eq!(r.tool.name, "corpus-scan");
    assert_eq!(r.tool.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(
        r.counts.errors + r.counts.warnings,
        r.findings.len(),
        "{:?}",
        r.findings
    );
    assert!(r.findings.iter().all(|f| !f.message.is_empty()));
    // Sorted by path, line, column and rule.
    let keys: Vec<_> = r
        .findings
        .iter()
        .map(|f| (f.path.clone(), f.line, f.column, f.rule.clone()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn config_in_the_current_folder_sets_severities_and_thresholds() {
    let config = "include = [\"**/*.txt\"]\nexclude = [\"drafts/**\"]\n\
        [rules.too-short]\nseverity = \"error\"\nmin_words = 80\n\
        [rules.mojibake]\nseverity = \"off\"\n";
    let drop = drop_with(&[
        ("corpus-scan.toml", config.as_bytes()),
        ("drafts/empty.txt", b""),
        ("news/mojibake.txt", MOJIBAKE.as_bytes()),
        ("news/ferry.txt", FERRY.as_bytes()),
    ]);
    let (r, out) = json(drop.path(), &["."]);
    assert_eq!(out.status.code(), Some(1), "{:?}", r.findings);
    assert_eq!(r.counts.files, 2, "drafts/ is excluded");
    assert!(of_rule(&r, "mojibake").is_empty());
    let short = of_rule(&r, "too-short");
    assert_eq!(
        short.len(),
        2,
        "both have fewer than 80 words: {:?}",
        r.findings
    );
    assert!(short.iter().all(|f| f.severity == "error"));
    // The same file given with --config from elsewhere.
    let other = tempfile::tempdir().unwrap();
    let cfg = drop.path().join("corpus-scan.toml");
    let news = drop.path().join("news");
    let (r2, _) = json(
        other.path(),
        &[news.to_str().unwrap(), "--config", cfg.to_str().unwrap()],
    );
    assert_eq!(of_rule(&r2, "too-short").len(), 2);
}

#[test]
fn required_and_forbidden_terms_when_configured() {
    let config = "[rules.required-terms]\nseverity = \"error\"\nterms = [\"council\"]\n\
        [rules.forbidden-terms]\nterms = [\"lorem ipsum\", \"short-term loans\"]\n";
    let drop = drop_with(&[
        ("corpus-scan.toml", config.as_bytes()),
        ("ferry.txt", FERRY.as_bytes()),
        ("orchard.txt", ORCHARD.as_bytes()),
    ]);
    let (r, out) = json(drop.path(), &["."]);
    assert_eq!(out.status.code(), Some(1));
    let req = of_rule(&r, "required-terms");
    assert_eq!(req.len(), 1);
    assert!(req[0].path.ends_with("orchard.txt") && req[0].severity == "error");
    assert!(req[0].message.contains("\"council\""));
    let forb = of_rule(&r, "forbidden-terms");
    assert_eq!(forb.len(), 1);
    let (l, c) = pos_of(ORCHARD, "short-term loans");
    assert_eq!((forb[0].line, forb[0].column), (l, c));
    assert_eq!(forb[0].severity, "warning");
    // Off without a configuration.
    let plain = drop_with(&[("orchard.txt", ORCHARD.as_bytes())]);
    let (r, _) = json(plain.path(), &["."]);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
}

#[test]
fn unknown_keys_and_rules_exit_2_and_are_named() {
    for (config, name) in [
        ("colour = \"red\"\n", "`colour`"),
        ("[rules.mojibak]\nseverity = \"off\"\n", "`mojibak`"),
        ("[rules.too-short]\nmin_word = 10\n", "`min_word`"),
        ("[rules.empty]\nseverity = \"fatal\"\n", "`fatal`"),
        ("[rules.near-duplicate]\nthreshold = 2.0\n", "threshold"),
    ] {
        let drop = drop_with(&[
            ("corpus-scan.toml", config.as_bytes()),
            ("a.txt", FERRY.as_bytes()),
        ]);
        let out = check(drop.path(), &["."]);
        assert_eq!(out.status.code(), Some(2), "{config}");
        let err = stderr(&out);
        assert!(
            err.contains(name) && err.contains("corpus-scan.toml"),
            "{config}: {err}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn usage_and_io_problems_exit_2() {
    let drop = drop_with(&[("a.txt", FERRY.as_bytes())]);
    let out = check(drop.path(), &["no/such/dir"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/dir"));
    let out = check(drop.path(), &[".", "--config", "missing.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.toml"));
    let out = check(drop.path(), &[".", "--against", "no/corpus"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(check(drop.path(), &[]).status.code(), Some(2));
    let out = check(drop.path(), &[".", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn output_does_not_depend_on_threads() {
    let drop = issue_drop();
    let one = text(&check(drop.path(), &[".", "-j", "1"]));
    let four = text(&check(drop.path(), &[".", "-j", "4"]));
    assert_eq!(one, four);
    let marathon = drop_with(&[("m.txt", MARATHON.as_bytes())]);
    assert_eq!(
        text(&check(marathon.path(), &["."])),
        "0 errors, 0 warnings in 1 file\n"
    );
}
