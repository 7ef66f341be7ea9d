//! The `corpus-scan` binary: parses arguments, calls the library, prints, sets the exit code.

mod cli;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use cli::{Cli, Command, Format, InputArgs, ScanArgs};
use corpus_scan::corpus::{Corpus, Options};
use corpus_scan::input::{Source, discover};
use corpus_scan::report::{self, records};
use corpus_scan::{Analysis, run};

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
        Some(Command::Sentences { input, explain }) => stream(&input, |a, mut out| {
            records::write_sentences(a, explain, &mut out)
        }),
        Some(Command::Tokens { input }) => {
            stream(&input, |a, mut out| records::write_tokens(a, &mut out))
        }
        Some(Command::Entities { input, explain }) => entities(&input, explain),
        Some(Command::Schema) => {
            let schema = schemars::schema_for!(report::Report);
            let mut out = io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &schema)?;
            writeln!(out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Finds the sources and runs `f` on each analysed document in order; unreadable files are
/// reported on stderr and passed to `on_error`. Returns how many files failed.
fn each_document(
    input: &InputArgs,
    mut f: impl FnMut(&Source, &Analysis) -> anyhow::Result<()>,
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
    run::for_each_ordered(&found.sources, sel.max_file_size, &pool, |src, r| {
        match r {
            Ok(a) => {
                if let Some(w) = &a.warning {
                    eprintln!("corpus-scan: {}: warning: {w}", src.display());
                }
                f(src, &a)?;
            }
            Err(reason) => {
                eprintln!("corpus-scan: {}: {reason}", src.display());
                on_error(&src.display(), &reason);
                failed += 1;
            }
        }
        Ok(())
    })?;
    Ok(failed)
}

fn exit_code(input: &InputArgs, failed: usize) -> ExitCode {
    if input.strict && failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// `sentences` and `tokens`: records written as each document is done.
fn stream(
    input: &InputArgs,
    write: impl Fn(&Analysis, &mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<ExitCode> {
    let mut out = BufWriter::new(io::stdout().lock());
    let failed = each_document(input, |_, a| Ok(write(a, &mut out)?), |_, _| {})?;
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
    let mut corpus = Corpus::new(opts);
    let mut errors = Vec::new();
    let failed = each_document(
        input,
        |src, a| {
            corpus.add(&src.display(), a);
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
    let write = |out: &mut dyn Write| -> anyhow::Result<()> {
        match args.format {
            Format::Text => report::text::write(&report, &mut BufWriter::new(out))?,
            Format::Json => {
                let mut w = BufWriter::new(out);
                serde_json::to_writer_pretty(&mut w, &report)?;
                writeln!(w)?;
                w.flush()?;
            }
            Format::Ndjson => report::write_ndjson(&report, &mut BufWriter::new(out))?,
        }
        Ok(())
    };
    match &args.output {
        Some(path) => {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let mut tmp = tempfile_in(dir).with_context(|| {
                format!(
                    "{}: cannot create a temporary file beside it",
                    path.display()
                )
            })?;
            write(&mut tmp.1)?;
            tmp.1
                .sync_all()
                .with_context(|| format!("{}: write failed", path.display()))?;
            std::fs::rename(&tmp.0, path).with_context(|| {
                format!("{}: cannot move the report into place", path.display())
            })?;
        }
        None => write(&mut io::stdout().lock())?,
    }
    Ok(exit_code(&args.input, failed))
}

/// A new file in `dir` for an atomic write.
fn tempfile_in(dir: &std::path::Path) -> io::Result<(std::path::PathBuf, std::fs::File)> {
    let path = dir.join(format!(".corpus-scan-{}.tmp", std::process::id()));
    let file = std::fs::File::create(&path)?;
    Ok((path, file))
}
