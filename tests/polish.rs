//! The command line as people meet it: help, completions, the man page, colour, the
//! progress bar, `--quiet`, CSV and the JSON Schema, all through the real binary.

mod common;

use std::process::Command as StdCommand;

use common::{bin, corpus, ndjson, stdout};
use serde_json::Value;

const COMMANDS: [&str; 8] = [
    "scan",
    "sentences",
    "tokens",
    "entities",
    "check",
    "schema",
    "completions",
    "man",
];

fn run(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = bin();
    cmd.args(args).env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("runs")
}

fn has_escapes(bytes: &[u8]) -> bool {
    bytes.contains(&0x1b)
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

// ---------------------------------------------------------------------------------------
// Help

#[test]
fn every_command_has_help_with_examples_and_help_command_gives_the_same() {
    let top = stdout(&["--help"]);
    for name in COMMANDS {
        assert!(top.contains(&format!("  {name} ")), "{name} not listed");
        let help = stdout(&[name, "--help"]);
        assert!(help.contains("Example"), "{name} --help has no examples");
        assert!(help.contains("--color <WHEN>"), "{name}: no global --color");
        assert!(help.contains("-q, --quiet"), "{name}: no global --quiet");
        assert_eq!(stdout(&["help", name]), help, "help {name}");
    }
    assert!(top.contains("Examples:"));
}

#[test]
fn options_have_the_same_names_in_every_command() {
    for name in ["scan", "sentences", "tokens", "entities", "check"] {
        let help = stdout(&[name, "--help"]);
        for opt in [
            "-f, --format <FORMAT>",
            "-j, --jobs <N>",
            "--max-file-size <BYTES>",
        ] {
            assert!(help.contains(opt), "{name} lacks {opt}");
        }
    }
    for name in ["sentences", "entities"] {
        assert!(stdout(&[name, "--help"]).contains("--explain"));
    }
}

#[test]
fn scan_options_before_a_command_name_are_a_usage_error() {
    let c = corpus();
    let out = run(&["--format", "json", "check", c.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--format must come after the command name"),
        "{err}"
    );
    // The global options may come first.
    let out = run(
        &["--color", "never", "-q", "check", c.to_str().unwrap()],
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
}

// ---------------------------------------------------------------------------------------
// Completions and the man page

#[test]
fn completions_for_every_shell() {
    let markers = [
        ("bash", "complete -F _corpus__scan"),
        ("zsh", "#compdef corpus-scan"),
        ("fish", "complete -c corpus-scan"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[corpus-scan]"),
    ];
    for (shell, marker) in markers {
        let script = stdout(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: no {marker:?}");
        assert!(script.contains("max-file-size"), "{shell}: options missing");
        assert!(script.contains("sentences"), "{shell}: commands missing");
    }
    // A shell that is installed must accept its script.
    for (shell, flag) in [("bash", "-n"), ("zsh", "-n"), ("fish", "--no-execute")] {
        if !on_path(shell) {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("completion");
        std::fs::write(&file, stdout(&["completions", shell])).unwrap();
        let status = StdCommand::new(shell)
            .arg(flag)
            .arg(&file)
            .status()
            .unwrap();
        assert!(status.success(), "{shell} rejects its completion script");
    }
    assert_eq!(run(&["completions", "tcsh"], &[]).status.code(), Some(2));
}

#[test]
fn man_pages_for_the_tool_and_every_command() {
    let page = stdout(&["man"]);
    assert!(page.contains(".TH corpus-scan 1"), "{page:.200}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "{section} missing");
    }
    assert!(page.contains("corpus\\-scan\\-check(1)"));
    for name in COMMANDS {
        let page = stdout(&["man", name]);
        assert!(
            page.contains(&format!(".TH corpus-scan-{name} 1")),
            "{name}: {page:.200}"
        );
    }
    assert_eq!(run(&["man", "nope"], &[]).status.code(), Some(2));
    if on_path("groff") {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("corpus-scan.1");
        std::fs::write(&file, &page).unwrap();
        let out = StdCommand::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-P-cbou"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let shown = String::from_utf8_lossy(&out.stdout);
        for section in ["SYNOPSIS", "EXIT STATUS", "ENVIRONMENT", "EXAMPLES"] {
            assert!(shown.contains(section), "{section}: {shown}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Colour

#[test]
fn color_always_colours_and_pipes_and_never_do_not() {
    let c = corpus();
    let c = c.to_str().unwrap();
    let always = run(&[c, "--color", "always"], &[]);
    assert!(has_escapes(&always.stdout));
    // --color always wins over NO_COLOR (a flag is more specific than the environment).
    assert!(has_escapes(
        &run(&[c, "--color", "always"], &[("NO_COLOR", "1")]).stdout
    ));
    for (args, env) in [
        (vec![c], vec![]),
        (vec![c, "--color", "auto"], vec![]),
        (vec![c, "--color", "never"], vec![]),
        (vec![c], vec![("NO_COLOR", "1")]),
    ] {
        let out = run(&args, &env);
        assert!(out.status.success());
        assert!(!has_escapes(&out.stdout), "{args:?} {env:?}");
    }
    // Colour never changes the text, only wraps it.
    let plain = run(&[c, "--color", "never"], &[]).stdout;
    assert_eq!(strip_escapes(&always.stdout), plain);
}

#[test]
fn check_text_colours_severities_and_machine_formats_never_do() {
    let c = corpus();
    let c = c.to_str().unwrap();
    let text = run(&["check", c, "--color", "always"], &[]);
    let s = String::from_utf8(text.stdout).unwrap();
    assert!(s.contains("\x1b[1;33mwarning[no-title]\x1b[0m"), "{s}");
    assert!(!has_escapes(&run(&["check", c], &[]).stdout));
    for format in ["json", "github", "sarif"] {
        let out = run(&["check", c, "-f", format, "--color", "always"], &[]);
        assert!(!has_escapes(&out.stdout), "{format}");
    }
    for args in [
        vec!["sentences", c, "--color", "always"],
        vec!["scan", c, "-f", "json", "--color", "always"],
    ] {
        assert!(!has_escapes(&run(&args, &[]).stdout), "{args:?}");
    }
}

fn strip_escapes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b {
            while i < bytes.len() && bytes[i] != b'm' {
                i += 1;
            }
        } else {
            out.push(bytes[i]);
        }
        i += 1;
    }
    out
}

/// Runs the binary on a pseudo-terminal with util-linux `script`, returning everything the
/// terminal showed, or None where `script` is not available.
fn on_terminal(args: &[&str], env: &[(&str, &str)]) -> Option<String> {
    if !cfg!(target_os = "linux") || !on_path("script") {
        return None;
    }
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = quote(env!("CARGO_BIN_EXE_corpus-scan"));
    for a in args {
        line.push(' ');
        line.push_str(&quote(a));
    }
    let mut cmd = StdCommand::new("script");
    cmd.args(["-q", "-e", "-c", &line, "/dev/null"])
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .env("TERM", "xterm");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_terminal_gets_colour_unless_no_color_and_its_width() {
    let c = corpus();
    let c = c.to_str().unwrap();
    let Some(shown) = on_terminal(&[c], &[]) else {
        eprintln!("skipped: no util-linux script(1) for a pseudo-terminal");
        return;
    };
    assert!(shown.contains("\x1b[1;36mDOCUMENTS"), "{shown:.300}");
    let shown = on_terminal(&[c], &[("NO_COLOR", "1")]).unwrap();
    assert!(!shown.contains('\x1b'), "{shown:.300}");
    let shown = on_terminal(&[c], &[("NO_COLOR", "")]).unwrap();
    assert!(shown.contains('\x1b'), "an empty NO_COLOR does not count");
    let shown = on_terminal(&["check", c], &[]).unwrap();
    assert!(shown.contains("\x1b[1;33mwarning"));
    // The text report follows the terminal's width (COLUMNS here), within 60..=120.
    let widest = |s: &str| s.lines().map(|l| l.trim_end().chars().count()).max();
    let wide = on_terminal(&[c, "--color", "never"], &[("COLUMNS", "110")]).unwrap();
    assert!((81..=110).contains(&widest(&wide).unwrap()), "{wide}");
    let narrow = on_terminal(&[c, "--color", "never"], &[("COLUMNS", "64")]).unwrap();
    assert!(widest(&narrow).unwrap() <= 64, "{narrow}");
}

// ---------------------------------------------------------------------------------------
// Progress and --quiet

#[test]
fn progress_bar_only_on_a_terminal_and_not_with_quiet() {
    let c = corpus();
    let c = c.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let out = out.to_str().unwrap();
    let delay = [("CORPUS_SCAN_PROGRESS_DELAY_MS", "0")];
    let Some(shown) = on_terminal(&[c, "-f", "json", "-o", out], &delay) else {
        eprintln!("skipped: no util-linux script(1) for a pseudo-terminal");
        return;
    };
    assert!(shown.contains("5/5 documents"), "{shown:?}");
    let quiet = on_terminal(&[c, "-f", "json", "-o", out, "-q"], &delay).unwrap();
    assert!(!quiet.contains("documents"), "{quiet:?}");
    // Not a terminal: nothing on stderr.
    let piped = run(&[c, "-f", "json"], &delay);
    assert!(piped.stderr.is_empty());
}

#[test]
fn quiet_silences_file_warnings_but_the_report_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        b"Caf\xe9 news\n\nIt opened today.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x00\x01binary").unwrap();
    let d = dir.path().to_str().unwrap();
    let loud = run(&[d, "-f", "json"], &[]);
    let err = String::from_utf8_lossy(&loud.stderr);
    assert!(err.contains("a.txt") && err.contains("b.txt"), "{err}");
    let quiet = run(&[d, "-f", "json", "-q"], &[]);
    assert!(quiet.status.success());
    assert!(quiet.stderr.is_empty());
    assert_eq!(quiet.stdout, loud.stdout);
    let r: Value = serde_json::from_slice(&quiet.stdout).unwrap();
    assert_eq!(r["errors"].as_array().unwrap().len(), 2);
    // --strict still fails, quietly.
    let strict = run(&[d, "-q", "--strict"], &[]);
    assert_eq!(strict.status.code(), Some(2));
    assert!(strict.stderr.is_empty());
}

// ---------------------------------------------------------------------------------------
// CSV

/// An RFC 4180 reader, enough for the tests: rows of fields, quotes doubled inside quotes.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "unterminated"
    );
    rows
}

fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        v => v.to_string(),
    }
}

#[test]
fn record_commands_print_the_same_records_as_csv() {
    let c = corpus();
    let c = c.to_str().unwrap();
    for (cmd, explain) in [
        ("sentences", false),
        ("sentences", true),
        ("tokens", false),
        ("entities", false),
        ("entities", true),
    ] {
        let mut args = vec![cmd, c];
        if explain {
            args.push("--explain");
        }
        let records = ndjson(&stdout(&args));
        args.extend(["--format", "csv"]);
        let rows = parse_csv(&stdout(&args));
        let (header, rows) = rows.split_first().unwrap();
        assert_eq!(rows.len(), records.len(), "{args:?}");
        for (row, rec) in rows.iter().zip(&records) {
            assert_eq!(row.len(), header.len());
            for (name, value) in header.iter().zip(row) {
                assert_eq!(&as_text(&rec[name]), value, "{args:?} {name}");
            }
        }
        if cmd == "entities" {
            let want = "doc,sentence,start,end,char_start,char_end,type,text,canonical";
            assert!(header.join(",").starts_with(want), "{header:?}");
        }
    }
}

#[test]
fn scan_csv_is_the_documents_table() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["000_6910c4f61a258449.txt", "001_40c545358694a86b.txt"] {
        std::fs::copy(corpus().join(f), dir.path().join(f)).unwrap();
    }
    std::fs::write(
        dir.path().join("quoted.txt"),
        "Minister says \"no\", again\n\nThe minister said no on Monday. He said it twice.\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let report: Value = serde_json::from_str(&stdout(&[d, "-f", "json"])).unwrap();
    let rows = parse_csv(&stdout(&[d, "-f", "csv"]));
    let (header, rows) = rows.split_first().unwrap();
    assert_eq!(&header[..4], ["id", "path", "title", "encoding"]);
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(rows.len(), docs.len());
    for (row, doc) in rows.iter().zip(docs) {
        let col = |name: &str| &row[header.iter().position(|h| h == name).unwrap()];
        assert_eq!(col("id"), doc["id"].as_str().unwrap());
        assert_eq!(col("title"), &as_text(&doc["title"]));
        for stat in ["bytes", "sentences", "words", "flesch_reading_ease", "lix"] {
            let want = &doc["stats"][stat];
            let got: f64 = col(stat).parse().unwrap();
            assert_eq!(Some(got), want.as_f64(), "{stat}");
        }
        assert_eq!(
            col("entities"),
            &doc["entities"].as_array().unwrap().len().to_string()
        );
    }
    assert_eq!(rows[2][2], "Minister says \"no\", again");
    // -o writes the same table.
    let out = dir.path().join("docs.csv");
    stdout(&[d, "-f", "csv", "-o", out.to_str().unwrap()]);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        stdout(&[d, "-f", "csv"])
    );
}

#[test]
fn csv_header_alone_when_there_are_no_documents_and_nothing_for_a_missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    assert_eq!(
        stdout(&["tokens", d, "-f", "csv"]),
        "doc,sentence,start,end,char_start,char_end,kind,text\n"
    );
    let out = run(&["sentences", "no/such/dir", "-f", "csv"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

// ---------------------------------------------------------------------------------------
// JSON Schema

fn schema(what: &str) -> Value {
    serde_json::from_str(&stdout(&["schema", what])).unwrap()
}

/// A validator for `schema` (draft 2020-12, which the schema itself must declare). The
/// schema is checked against the 2020-12 meta-schema when it is compiled.
fn validator(schema: &Value) -> jsonschema::JSONSchema {
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::JSONSchema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .compile(schema)
        .unwrap_or_else(|e| panic!("not a valid 2020-12 schema: {e}"))
}

/// The same schema with `additionalProperties: false` on every object that lists its
/// properties: an instance then only validates if the schema names every field it has.
fn closed(schema: &Value) -> Value {
    match schema {
        Value::Object(m) => {
            let mut m: serde_json::Map<String, Value> =
                m.iter().map(|(k, v)| (k.clone(), closed(v))).collect();
            if m.contains_key("properties") {
                m.insert("additionalProperties".into(), Value::Bool(false));
            }
            Value::Object(m)
        }
        Value::Array(a) => Value::Array(a.iter().map(closed).collect()),
        v => v.clone(),
    }
}

fn assert_valid(v: &jsonschema::JSONSchema, instance: &Value, what: &str) {
    if let Err(errors) = v.validate(instance) {
        let errors: Vec<String> = errors
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        panic!("{what} does not match its schema:\n{}", errors.join("\n"));
    }
}

#[test]
fn the_report_of_the_corpus_matches_the_schema_and_the_schema_names_every_field() {
    let schema = schema("report");
    assert_eq!(stdout(&["schema"]), stdout(&["schema", "report"]));
    let report = common::report();
    assert_valid(&validator(&schema), &report, "corpus/ report");
    assert_valid(
        &validator(&closed(&schema)),
        &report,
        "corpus/ report (closed)",
    );
    // The schema really checks: a renamed field or a wrong type fails.
    let mut broken = report.clone();
    broken["documents"][0]["stats"]["sentences"] = Value::String("many".into());
    assert!(!validator(&schema).is_valid(&broken));
    let mut extra = report;
    extra["corpus"]["renamed"] = Value::Bool(true);
    assert!(!validator(&closed(&schema)).is_valid(&extra));
}

#[test]
fn a_report_with_errors_warnings_and_no_titles_matches_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("latin1.txt"),
        b"Caf\xe9 opens\n\nIt opened.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("binary.txt"), b"\x00\x01\x02").unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::fs::write(
        dir.path().join("untitled.txt"),
        "He said it was over. “We are done,” said Mr. Smith on 3 May 2020.\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let report: Value = serde_json::from_str(&stdout(&[d, "-f", "json", "-q"])).unwrap();
    let severities: Vec<&str> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["severity"].as_str().unwrap())
        .collect();
    assert!(severities.contains(&"error") && severities.contains(&"warning"));
    let schema = closed(&schema("report"));
    assert_valid(&validator(&schema), &report, "report with errors");
}

#[test]
fn records_match_their_schemas() {
    let c = corpus();
    let c = c.to_str().unwrap();
    for (what, args) in [
        ("sentence", vec!["sentences", c]),
        ("sentence", vec!["sentences", c, "--explain"]),
        ("token", vec!["tokens", c]),
        ("entity", vec!["entities", c]),
        ("entity", vec!["entities", c, "--explain"]),
    ] {
        let v = validator(&closed(&schema(what)));
        for rec in ndjson(&stdout(&args)) {
            assert_valid(&v, &rec, what);
        }
    }
}

#[test]
fn schema_is_the_same_as_the_library_generates() {
    let lib = corpus_scan::report::json_schema::<corpus_scan::report::Report>();
    assert_eq!(schema("report"), lib);
}
