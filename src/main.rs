//! The `corpus-scan` binary: parses arguments, calls the library, prints, sets the exit code.

mod cli;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use cli::{CheckArgs, Cli, Command, Format, InputArgs, ScanArgs};
use corpus_scan::corpus::{Corpus, Options, digest};
use corpus_scan::input::{Source, discover};
use corpus_scan::report::{self, records};
use corpus_scan::{Analysis, Depth, run};

fn main() -> ExitCode {
    match run_cli() {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corpus-scan: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// A closed pipe (`| head`) is how readers say they have seen enough: not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    let pipe = Some(io::ErrorKind::BrokenPipe);
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>().map(io::Error::kind) == pipe
            || c.downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == pipe
    })
}

fn run_cli() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        None => scan(&cli.scan),
        Some(Command::Scan(args)) => scan(&args),
        Some(Command::Sentences { input, explain }) => stream(&input, Depth::Segments, |a, out| {
            records::write_sentences(a, explain, out)
        }),
        Some(Command::Tokens { input }) => stream(&input, Depth::Tokens, |a, out| {
            records::write_tokens(a, out)
        }),
        Some(Command::Entities { input, explain }) => entities(&input, explain),
        Some(Command::Check(args)) => check(&args),
        Some(Command::Schema) => {
            let schema = schemars::schema_for!(report::Report);
            let mut out = io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &schema)?;
            writeln!(out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Finds the sources, analyses them to `depth` and reduces each with `map` on the thread
/// pool, then hands the results to `f` in order. Unreadable files are reported on stderr and
/// passed to `on_error`. Returns how many files failed.
fn each_document<T: Send>(
    input: &InputArgs,
    depth: Depth,
    map: impl Fn(&Source, &Analysis) -> anyhow::Result<T> + Sync,
    mut f: impl FnMut(&Source, T) -> anyhow::Result<()>,
    mut on_error: impl FnMut(&str, &str),
) -> anyhow::Result<usize> {
    let sel = input.selection()?;
    let found = discover(&input.paths, &sel)?;
    let mut failed = 0;
    for s in &found.skipped {
        eprintln!("corpus-scan: {}: {}", s.path, s.reason);
        on_error(&s.path, &s.reason);
        failed += 1;
    }
    let pool = run::pool(input.jobs)?;
    let reduce =
        |src: &Source, r: Result<Analysis, String>| r.map(|a| (a.warning.clone(), map(src, &a)));
    run::for_each_ordered(
        &found.sources,
        sel.max_file_size,
        depth,
        &pool,
        reduce,
        |src, r| {
            match r {
                Ok((warning, t)) => {
                    if let Some(w) = warning {
                        eprintln!("corpus-scan: {}: warning: {w}", src.display());
                    }
                    f(src, t?)?;
                }
                Err(reason) => {
                    eprintln!("corpus-scan: {}: {reason}", src.display());
                    on_error(&src.display(), &reason);
                    failed += 1;
                }
            }
            Ok(())
        },
    )?;
    Ok(failed)
}

fn exit_code(input: &InputArgs, failed: usize) -> ExitCode {
    if input.strict && failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// `sentences` and `tokens`: each document's records are rendered on the thread pool and
/// written as soon as the documents before it are done.
fn stream(
    input: &InputArgs,
    depth: Depth,
    render: impl Fn(&Analysis, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> anyhow::Result<ExitCode> {
    let mut out = BufWriter::new(io::stdout().lock());
    let failed = each_document(
        input,
        depth,
        |_, a| {
            let mut buf = Vec::with_capacity(a.text.len() * 4);
            render(a, &mut buf)?;
            Ok(buf)
        },
        |_, buf| Ok(out.write_all(&buf)?),
        |_, _| {},
    )?;
    out.flush()?;
    Ok(exit_code(input, failed))
}

fn entities(input: &InputArgs, explain: bool) -> anyhow::Result<ExitCode> {
    let opts = Options {
        keep_mentions: true,
        explain,
        ..Options::default()
    };
    let (corpus, failed) = fold(input, opts)?;
    let (_, mentions) = corpus.finish();
    let mut out = BufWriter::new(io::stdout().lock());
    for m in mentions {
        serde_json::to_writer(&mut out, &m)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(exit_code(input, failed))
}

fn fold(input: &InputArgs, opts: Options) -> anyhow::Result<(Corpus, usize)> {
    let mut corpus = Corpus::new(opts.clone());
    let mut errors = Vec::new();
    let failed = each_document(
        input,
        Depth::Entities,
        |src, a| Ok(digest(&src.display(), a, &opts)),
        |_, d| {
            corpus.add_digest(d);
            Ok(())
        },
        |p, r| errors.push((p.to_owned(), r.to_owned())),
    )?;
    for (p, r) in errors {
        corpus.add_error(&p, &r);
    }
    Ok((corpus, failed))
}

fn scan(args: &ScanArgs) -> anyhow::Result<ExitCode> {
    let opts = Options {
        summary_sentences: args.summary_sentences,
        corpus_summary_sentences: args.corpus_summary,
        keyterms: args.keyterms,
        ..Options::default()
    };
    let (corpus, failed) = fold(&args.input, opts)?;
    let (report, _) = corpus.finish();
    // Every format flushes before returning: a BufWriter dropped unflushed would swallow a
    // failing write (a full disk) and exit 0 with a truncated report.
    let write = |out: &mut dyn Write| -> anyhow::Result<()> {
        let mut w = BufWriter::new(out);
        match args.format {
            Format::Text => report::text::write(&report, &mut w)?,
            Format::Json => {
                serde_json::to_writer_pretty(&mut w, &report)?;
                writeln!(w)?;
            }
            Format::Ndjson => report::write_ndjson(&report, &mut w)?,
        }
        w.flush()?;
        Ok(())
    };
    match &args.output {
        Some(path) => write_atomically(path, write)?,
        None => write(&mut io::stdout().lock())?,
    }
    Ok(exit_code(&args.input, failed))
}

/// Writes `path` through a temporary file beside it that is renamed into place only when
/// complete, and removed on any failure. A path that exists and is not a regular file or
/// folder (`/dev/stdout`, `/dev/full`, a FIFO) is written directly: renaming over it would
/// replace the device instead of writing to it.
fn write_atomically(
    path: &std::path::Path,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let shown = path.display();
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("{shown}: cannot open for writing"))?;
        return write(&mut file).with_context(|| format!("{shown}: write failed"));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let (tmp, mut file) = tempfile_in(dir)
        .with_context(|| format!("{shown}: cannot create a temporary file beside it"))?;
    let result = write(&mut file)
        .and_then(|()| Ok(file.sync_all()?))
        .with_context(|| format!("{shown}: write failed"))
        .and_then(|()| {
            std::fs::rename(&tmp, path)
                .with_context(|| format!("{shown}: cannot move the report into place"))
        });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A new file in `dir` for an atomic write (never an existing one: `create_new`).
fn tempfile_in(dir: &std::path::Path) -> io::Result<(std::path::PathBuf, std::fs::File)> {
    let mut n = 0u32;
    loop {
        let path = dir.join(format!(".corpus-scan-{}-{n}.tmp", std::process::id()));
        match std::fs::File::create_new(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err(e),
        }
    }
}

/// `check`: findings on stdout in the chosen format; exit 1 when the check fails. Machine
/// formats keep stdout clean, so their summary line goes to stderr.
fn check(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let plan = args.plan()?;
    let outcome = corpus_scan::check::run(&plan)?;
    for note in &outcome.notes {
        eprintln!("corpus-scan: {note}");
    }
    let format = args.output();
    let mut out = BufWriter::new(io::stdout().lock());
    corpus_scan::check::format::write(&outcome, &plan.config, format, &mut out)?;
    if format != corpus_scan::check::format::Format::Text {
        eprintln!("corpus-scan: {}", outcome.summary());
    }
    Ok(if outcome.fails(args.deny.is_some()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
