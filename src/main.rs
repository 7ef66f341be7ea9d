//! The `corpus-scan` binary: parses arguments, calls the library, prints, sets the exit code.

mod cli;
mod manpage;
mod progress;

use std::ffi::OsString;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, FromArgMatches};

use cli::{
    CheckArgs, Cli, ColorChoice, Command, Format, GlobalArgs, InputArgs, RecordFormat, ScanArgs,
    SchemaKind,
};
use corpus_scan::corpus::{Corpus, Finished, Options, digest};
use corpus_scan::input::{Source, discover};
use corpus_scan::report::style::Style;
use corpus_scan::report::text::Layout;
use corpus_scan::report::{self, csv, records};
use corpus_scan::{Analysis, Depth, run};
use progress::Progress;

/// Turns transparent huge pages off for this process. mimalloc asks the kernel for them,
/// and each 2 MB page it touches is then resident whole: on the 9.8 MB generated corpus
/// `scan` peaked at 110-125 MB with them and at 65-75 MB without, at the same speed.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory of ours. If it
    // fails (an old kernel), the run goes on with huge pages.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// mimalloc instead of the system allocator: analysis allocates many small short-lived
/// values on every thread, where glibc's malloc spent a quarter of a large run's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its number in `mimalloc.h`; the bindings name no
/// constant for it): milliseconds before freed memory goes back to the system.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// The purge delay while documents are folded, in milliseconds: mimalloc 3's default (the
/// version built here), so one document's freed buffers serve the next instead of going
/// back to the system and being faulted in again. Against 10 ms, in 5 pairs of runs on the
/// 113 MB generated corpus, `scan` was faster in 4 (by about 1 s) and peaked 6 MB higher.
const FOLD_PURGE_DELAY: std::ffi::c_long = 1000;

/// Sets how long mimalloc waits before giving freed memory back to the system.
///
/// The run starts with none: each thread allocates from its own heap, so what linking
/// frees on one thread is otherwise still held when the report is built on another (on the
/// 113 MB generated corpus `scan` peaked at 277 MB with the default delay and at 208 MB
/// with none), and `sentences` held 29 MB instead of 18. Only while documents are folded
/// into a corpus is there a delay ([`FOLD_PURGE_DELAY`], set by [`fold`]): each document's
/// buffers are freed and soon needed again, and giving them back at once cost about 1 s of
/// system time in 15 s.
fn purge_delay(ms: std::ffi::c_long) {
    // SAFETY: sets a plain integer option; mimalloc reads it when it next purges.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, ms) }
}

fn main() -> ExitCode {
    no_huge_pages();
    purge_delay(0);
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

/// Parses the command line. `--color` is looked at first so that clap's own help and
/// usage errors follow it (and `NO_COLOR`) like everything else.
fn parse_cli() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let color = match ColorChoice::from_args(&args) {
        ColorChoice::Auto => clap::ColorChoice::Auto,
        ColorChoice::Always => clap::ColorChoice::Always,
        ColorChoice::Never => clap::ColorChoice::Never,
    };
    let mut cmd = Cli::command().color(color);
    let matches = cmd
        .try_get_matches_from_mut(args)
        .unwrap_or_else(|e| e.exit());
    // The options of the default command (scan) sit on the top level beside the commands,
    // so `corpus-scan --format json check x` would parse and quietly drop `--format json`.
    // Only the global options may come before a command's name.
    if let Some((name, _)) = matches.subcommand() {
        let early = cmd.get_arguments().find(|a| {
            !a.is_global_set()
                && matches.value_source(a.get_id().as_str())
                    == Some(clap::parser::ValueSource::CommandLine)
        });
        if let Some(arg) = early {
            let shown = arg.get_long().map_or_else(
                || arg.get_id().to_string().to_uppercase(),
                |l| format!("--{l}"),
            );
            cmd.error(
                clap::error::ErrorKind::ArgumentConflict,
                format!("{shown} must come after the command name: corpus-scan {name} ... {shown}"),
            )
            .exit();
        }
    }
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

fn run_cli() -> anyhow::Result<ExitCode> {
    let cli = parse_cli();
    let ui = &cli.global;
    match cli.command {
        None => scan(&cli.scan, ui),
        Some(Command::Scan(args)) => scan(&args, ui),
        Some(Command::Sentences {
            input,
            explain,
            format,
        }) => match format.format {
            RecordFormat::Ndjson => stream(&input, Depth::Segments, ui, Vec::new(), |a, out| {
                records::write_sentences(a, explain, out)
            }),
            RecordFormat::Csv => {
                let mut header = Vec::new();
                csv::write_sentence_header(explain, &mut header)?;
                stream(&input, Depth::Segments, ui, header, |a, out| {
                    csv::write_sentences(a, explain, out)
                })
            }
        },
        Some(Command::Tokens { input, format }) => match format.format {
            RecordFormat::Ndjson => stream(&input, Depth::Tokens, ui, Vec::new(), |a, out| {
                records::write_tokens(a, out)
            }),
            RecordFormat::Csv => {
                let mut header = Vec::new();
                csv::write_token_header(&mut header)?;
                stream(&input, Depth::Tokens, ui, header, |a, out| {
                    csv::write_tokens(a, out)
                })
            }
        },
        Some(Command::Entities {
            input,
            explain,
            format,
        }) => entities(&input, explain, format.format, ui),
        Some(Command::Check(args)) => check(&args, ui),
        Some(Command::Schema { what }) => {
            let schema = match what {
                SchemaKind::Report => report::json_schema::<report::Report>(),
                SchemaKind::Sentence => report::json_schema::<records::SentenceRecord<'_>>(),
                SchemaKind::Token => report::json_schema::<records::TokenRecord<'_>>(),
                SchemaKind::Entity => report::json_schema::<records::MentionRecord>(),
            };
            let mut out = io::stdout().lock();
            report::write_json_schema(&schema, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => {
            // Rendered into memory first: clap_complete panics on a failed write, and a
            // closed pipe must end the run quietly.
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "corpus-scan", &mut buf);
            print_bytes(&buf)
        }
        Some(Command::Man { command }) => print_bytes(&manpage::render(command.as_deref())?),
    }
}

/// Writes `bytes` to stdout and flushes.
fn print_bytes(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The progress bar of a command. `streaming` commands write to stdout while they run, so
/// they get no bar when stdout is the same terminal as stderr.
fn progress(ui: &GlobalArgs, streaming: bool) -> Progress {
    let stderr = io::stderr().is_terminal() && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
    let shown = stderr && !(streaming && io::stdout().is_terminal());
    Progress::new(shown, ui.quiet)
}

/// The width of the terminal on stdout: `COLUMNS` when set, else what the terminal says.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .filter(|&c: &usize| c > 0)
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .unwrap_or(report::text::WIDTH)
}

/// Finds the sources, analyses them to `depth` and reduces each with `map` on the thread
/// pool, then hands the results to `f` in order. Unreadable files are reported on stderr
/// (unless `--quiet`) and passed to `on_error`; `progress` counts the documents as the
/// threads finish them. Returns how many files failed.
fn each_document<T: Send>(
    input: &InputArgs,
    depth: Depth,
    progress: &Progress,
    map: impl Fn(&Source, &Analysis) -> anyhow::Result<T> + Sync,
    mut f: impl FnMut(&Source, T) -> anyhow::Result<()>,
    mut on_error: impl FnMut(&str, &str),
) -> anyhow::Result<usize> {
    let sel = input.selection()?;
    let found = discover(&input.paths, &sel)?;
    let mut failed = 0;
    for s in &found.skipped {
        progress.warn(format_args!("{}: {}", s.path, s.reason));
        on_error(&s.path, &s.reason);
        failed += 1;
    }
    let pool = run::pool(input.jobs)?;
    progress.start(found.sources.len());
    let reduce = |src: &Source, r: Result<Analysis, String>| {
        let t = r.map(|a| (a.warning.clone(), map(src, &a)));
        progress.inc();
        t
    };
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
                        progress.warn(format_args!("{}: warning: {w}", src.display()));
                    }
                    f(src, t?)?;
                }
                Err(reason) => {
                    progress.warn(format_args!("{}: {reason}", src.display()));
                    on_error(&src.display(), &reason);
                    failed += 1;
                }
            }
            Ok(())
        },
    )?;
    Ok(failed)
}

/// `out` behind a 64 KiB buffer: a report of hundreds of megabytes goes out in a few
/// thousand writes, and a pipe (64 KiB on Linux) is filled in one.
fn buffered<W: Write>(out: W) -> BufWriter<W> {
    BufWriter::with_capacity(1 << 16, out)
}

fn exit_code(input: &InputArgs, failed: usize) -> ExitCode {
    if input.strict && failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// `sentences` and `tokens`: each document's records are rendered on the thread pool and
/// written as soon as the documents before it are done. `header` (CSV's first row) is
/// written before the first record, or alone when there is none, but never before the
/// PATHs are found to exist.
fn stream(
    input: &InputArgs,
    depth: Depth,
    ui: &GlobalArgs,
    header: Vec<u8>,
    render: impl Fn(&Analysis, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> anyhow::Result<ExitCode> {
    let progress = progress(ui, true);
    let mut out = buffered(io::stdout().lock());
    let mut header = Some(header);
    let failed = each_document(
        input,
        depth,
        &progress,
        |_, a| {
            let mut buf = Vec::with_capacity(a.text.len() * 4);
            render(a, &mut buf)?;
            Ok(buf)
        },
        |_, buf| {
            if let Some(h) = header.take() {
                out.write_all(&h)?;
            }
            Ok(out.write_all(&buf)?)
        },
        |_, _| {},
    )?;
    progress.finish();
    if let Some(h) = header.take() {
        out.write_all(&h)?;
    }
    out.flush()?;
    Ok(exit_code(input, failed))
}

fn entities(
    input: &InputArgs,
    explain: bool,
    format: RecordFormat,
    ui: &GlobalArgs,
) -> anyhow::Result<ExitCode> {
    let opts = Options {
        keep_mentions: true,
        explain,
        link_only: true,
        ..Options::default()
    };
    let progress = progress(ui, false);
    let (corpus, failed) = fold(input, opts, &progress)?;
    progress.set_message("linking…");
    let mentions = finish(corpus, input.jobs)?.mentions;
    progress.finish();
    let mut out = buffered(io::stdout().lock());
    match format {
        RecordFormat::Ndjson => {
            for m in mentions {
                serde_json::to_writer(&mut out, &m?)?;
                out.write_all(b"\n")?;
            }
        }
        RecordFormat::Csv => csv::write_mentions(mentions, explain, &mut out)?,
    }
    out.flush()?;
    Ok(exit_code(input, failed))
}

/// Analyses every document into a corpus that spills to a temporary file, freed memory
/// given back after [`FOLD_PURGE_DELAY`] (see [`purge_delay`]).
fn fold(input: &InputArgs, opts: Options, progress: &Progress) -> anyhow::Result<(Corpus, usize)> {
    purge_delay(FOLD_PURGE_DELAY);
    let mut corpus = Corpus::spilling(opts.clone())?;
    let mut errors = Vec::new();
    let failed = each_document(
        input,
        Depth::Entities,
        progress,
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

/// Links and summarises the folded corpus on `jobs` threads, freed memory given back at
/// once from here on, and what the fold freed but kept for the next document given back
/// first (about 5 MB on the 113 MB generated corpus, off the peak of linking).
fn finish(corpus: Corpus, jobs: usize) -> anyhow::Result<Finished> {
    purge_delay(0);
    // SAFETY: asks mimalloc to free what it holds unused; no pointer is passed.
    unsafe { libmimalloc_sys::mi_collect(true) };
    Ok(run::pool(jobs)?.install(|| corpus.finish())?)
}

fn scan(args: &ScanArgs, ui: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let opts = Options {
        summary_sentences: args.summary_sentences,
        corpus_summary_sentences: args.corpus_summary,
        keyterms: args.keyterms,
        ..Options::default()
    };
    let progress = progress(ui, false);
    let (corpus, failed) = fold(&args.input, opts, &progress)?;
    progress.set_message("linking…");
    let (report, documents, later) = finish(corpus, args.input.jobs)?.for_writers();
    progress.finish();
    // The text report follows the terminal it is printed on; a file or a pipe gets 80
    // columns, and colour only with --color always.
    let terminal = args.output.is_none() && io::stdout().is_terminal();
    let layout = Layout::new(
        if terminal {
            terminal_width()
        } else {
            report::text::WIDTH
        },
        Style::new(ui.color.enabled(terminal)),
    );
    // Every format flushes before returning: a BufWriter dropped unflushed would swallow a
    // failing write (a full disk) and exit 0 with a truncated report.
    let write = |out: &mut dyn Write| -> anyhow::Result<()> {
        let mut w = buffered(out);
        match args.format {
            Format::Text => report::text::write_with(&report, documents, later, &layout, &mut w)?,
            Format::Json => report::write_json(&report, documents, later, &mut w)?,
            Format::Ndjson => report::write_ndjson(&report, documents, later, &mut w)?,
            Format::Csv => csv::write_documents(documents, &mut w)?,
        }
        w.flush()?;
        Ok(())
    };
    // The documents' entries are completed on the pool while this thread writes.
    run::pool(args.input.jobs)?.install(|| match &args.output {
        Some(path) => write_atomically(path, write),
        None => write(&mut io::stdout().lock()),
    })?;
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
/// formats keep stdout clean, so their summary line goes to stderr (unless `--quiet`).
fn check(args: &CheckArgs, ui: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let plan = args.plan()?;
    let outcome = corpus_scan::check::run(&plan)?;
    if !ui.quiet {
        for note in &outcome.notes {
            eprintln!("corpus-scan: {note}");
        }
    }
    let format = args.output();
    let style = Style::new(ui.color.enabled(io::stdout().is_terminal()));
    let verdict = if outcome.fails(args.deny.is_some()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    let mut out = buffered(io::stdout().lock());
    let written =
        corpus_scan::check::format::write_styled(&outcome, &plan.config, format, style, &mut out)
            .and_then(|()| Ok(out.flush()?));
    match written {
        // A reader that stops early (`| head`) does not change the verdict, which CI reads
        // with `set -o pipefail`.
        Err(e) if is_broken_pipe(&e) => {}
        written => written?,
    }
    if format != corpus_scan::check::format::Format::Text && !ui.quiet {
        eprintln!("corpus-scan: {}", outcome.summary());
    }
    Ok(verdict)
}
