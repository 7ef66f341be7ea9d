//! Discovery: turns the PATH arguments into a sorted, de-duplicated list of sources.
//!
//! A PATH is a file (taken whatever its extension), a folder (searched recursively for the
//! selected extensions or globs, following symbolic links) or `-` for standard input. Files
//! reached twice (through a symbolic link, or named twice) are read once. Anything that is
//! found but cannot be a document (a FIFO, a socket, a symlink loop, a file over the size
//! limit) is returned as a [`Skipped`] entry with its reason, never silently dropped.

use std::collections::HashMap;
use std::fs::Metadata;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

/// Which files in a folder are documents, and how large they may be.
#[derive(Debug, Clone)]
pub struct Selection {
    globs: GlobSet,
    /// Files larger than this many bytes are listed as errors instead of read.
    pub max_file_size: u64,
}

/// The default size limit: large enough for any article, small enough to stop accidents.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

impl Selection {
    /// Builds a selection from file extensions (`txt`) and globs (`**/*.md`, matched against the
    /// path relative to the folder). Globs, when given, replace the extension filter.
    pub fn new(
        extensions: &[String],
        globs: &[String],
        max_file_size: u64,
    ) -> anyhow::Result<Self> {
        let mut b = GlobSetBuilder::new();
        if globs.is_empty() {
            for ext in extensions {
                let ext = ext.trim_start_matches('.');
                b.add(Glob::new(&format!("*.{ext}"))?);
            }
        } else {
            for g in globs {
                b.add(Glob::new(g).map_err(|e| anyhow::anyhow!("bad --glob {g:?}: {e}"))?);
            }
        }
        Ok(Selection {
            globs: b.build()?,
            max_file_size,
        })
    }

    fn matches(&self, rel: &Path) -> bool {
        let name = rel.file_name().map(Path::new).unwrap_or(rel);
        self.globs.is_match(rel) || self.globs.is_match(name)
    }
}

impl Default for Selection {
    fn default() -> Self {
        Selection::new(&["txt".to_owned()], &[], DEFAULT_MAX_FILE_SIZE)
            .expect("the default glob is valid")
    }
}

/// One document to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The document id: its path relative to the folder it was found under, `/`-separated
    /// (the file name for a file given directly, `-` for standard input).
    pub id: String,
    /// Where to read it; `None` for standard input.
    pub path: Option<PathBuf>,
    /// Its size in bytes when it was found (0 for standard input): sizes the buffer it is
    /// read into, so a file is read in one call instead of a dozen growing ones.
    pub size: u64,
}

impl Source {
    /// The path as users should see it in messages.
    pub fn display(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "-".to_owned(),
        }
    }
}

/// A file that was found but is not analysed, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The path as found.
    pub path: String,
    /// What was wrong and what was done.
    pub reason: String,
}

/// The result of discovery: documents in order, plus what was found but skipped.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Sources in deterministic order: per PATH argument, sorted by id.
    pub sources: Vec<Source>,
    /// Files found but not analysable.
    pub skipped: Vec<Skipped>,
}

/// Finds the documents named by `paths`. A PATH that does not exist is an error (exit 2);
/// problems with individual files below a folder go to [`Discovery::skipped`].
pub fn discover(paths: &[String], sel: &Selection) -> anyhow::Result<Discovery> {
    let mut out = Discovery::default();
    let mut seen = Taken::default();
    let mut stdin_taken = false;
    for arg in paths {
        if arg == "-" {
            // Standard input can be read only once; a second `-` names the same document.
            if !std::mem::replace(&mut stdin_taken, true) {
                out.sources.push(Source {
                    id: "-".to_owned(),
                    path: None,
                    size: 0,
                });
            }
            continue;
        }
        let path = Path::new(arg);
        let meta = std::fs::metadata(path).map_err(|e| {
            anyhow::anyhow!("{arg}: {e}; check the path (PATH is a file, a folder or `-`)")
        })?;
        if meta.is_dir() {
            walk_dir(path, sel, &mut seen, &mut out);
        } else {
            let id = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| arg.clone());
            add_file(path, id, &meta, sel, &mut seen, &mut out);
        }
    }
    Ok(out)
}

fn walk_dir(root: &Path, sel: &Selection, seen: &mut Taken, out: &mut Discovery) {
    let mut found = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                if let Some(skipped) = walk_error(root, sel, &e) {
                    out.skipped.push(skipped);
                }
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        if !sel.matches(rel) {
            continue;
        }
        found.push((
            relative_id(rel),
            entry.path().to_path_buf(),
            entry.path_is_symlink(),
        ));
    }
    // A file reached both directly and through a symbolic link is read once, under its own
    // name: plain entries claim their files first, then links; sources are then put back in
    // id order.
    found.sort_by(|a, b| (a.2, &a.0, &a.1).cmp(&(b.2, &b.0, &b.1)));
    let first = out.sources.len();
    for (id, path, _) in found {
        match std::fs::metadata(&path) {
            Ok(meta) => add_file(&path, id, &meta, sel, seen, out),
            Err(e) => out.skipped.push(Skipped {
                path: path.display().to_string(),
                reason: format!("cannot be read: {e}"),
            }),
        }
    }
    out.sources[first..].sort_by(|a, b| a.id.cmp(&b.id));
}

/// A document id: the path relative to the folder, `/`-separated.
fn relative_id(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// What to report for an entry the walk could not follow. Folders that cannot be listed and
/// symbolic links that loop back to a parent folder are always reported (documents may be
/// missing below them); a dangling or looping link to a file only when its name is selected.
fn walk_error(root: &Path, sel: &Selection, e: &walkdir::Error) -> Option<Skipped> {
    let path = e.path().unwrap_or(root);
    let shown = path.display().to_string();
    if e.loop_ancestor().is_some() {
        return Some(Skipped {
            path: shown,
            reason: "symbolic link loop (points to a folder above it); not followed".to_owned(),
        });
    }
    let io = e.io_error();
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && e.depth() > 0 {
        let rel = path.strip_prefix(root).unwrap_or(path);
        if !sel.matches(rel) {
            return None;
        }
        let why = match io {
            Some(io) if io.kind() == std::io::ErrorKind::NotFound => {
                "broken symbolic link (its target does not exist)".to_owned()
            }
            Some(io) => format!("symbolic link cannot be followed: {io}"),
            None => format!("symbolic link cannot be followed: {e}"),
        };
        return Some(Skipped {
            path: shown,
            reason: format!("{why}; skipped"),
        });
    }
    Some(Skipped {
        path: shown,
        reason: format!(
            "cannot be listed: {}; skipped",
            io.map_or(e.to_string(), |io| io.to_string())
        ),
    })
}

fn add_file(
    path: &Path,
    id: String,
    meta: &Metadata,
    sel: &Selection,
    seen: &mut Taken,
    out: &mut Discovery,
) {
    let shown = path.display().to_string();
    if !meta.is_file() {
        out.skipped.push(Skipped {
            path: shown,
            reason: "not a regular file (FIFO, socket or device); skipped".to_owned(),
        });
        return;
    }
    if !seen.take(path, meta) {
        return; // the same file reached again, e.g. through a symbolic link
    }
    if meta.len() > sel.max_file_size {
        out.skipped.push(Skipped {
            path: shown,
            reason: format!(
                "file is {} bytes, over the limit of {} bytes; not read (raise --max-file-size)",
                meta.len(),
                sel.max_file_size
            ),
        });
        return;
    }
    out.sources.push(Source {
        id,
        path: Some(path.to_path_buf()),
        size: meta.len(),
    });
}

/// The files discovery has taken, so that each is read once however often it is reached.
#[derive(Default)]
struct Taken(HashMap<FileId, Vec<PathBuf>>);

impl Taken {
    /// Takes the file at `path` unless a path with the same canonical form was taken. Files
    /// are told apart by [`file_id`] first, so only a file met again (through a link, a PATH
    /// named twice, a hard link) costs the system calls of canonical paths: one `readlink`
    /// per folder of the path. Hard links have paths of their own and stay separate.
    fn take(&mut self, path: &Path, meta: &Metadata) -> bool {
        let taken = self.0.entry(file_id(path, meta)).or_default();
        if !taken.is_empty() {
            let c = canonical(path);
            if taken.iter().any(|t| canonical(t) == c) {
                return false;
            }
        }
        taken.push(path.to_path_buf());
        true
    }
}

/// What identifies a file without resolving its path: device and inode.
#[cfg(unix)]
type FileId = (u64, u64);

#[cfg(unix)]
fn file_id(_: &Path, meta: &Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// What identifies a file where inodes are not at hand: its canonical path.
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(not(unix))]
fn file_id(path: &Path, _: &Metadata) -> FileId {
    canonical(path)
}

/// `path` with links and `.` and `..` resolved, or as it is when that fails.
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Reads a source's bytes, enforcing the size limit on standard input as well.
pub fn read_source(src: &Source, max: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    // One byte past the limit tells a file at the limit from one over it; that byte also
    // lets the first read reach the end of a file of the size found.
    let limit = max.saturating_add(1);
    let mut buf =
        Vec::with_capacity(usize::try_from(src.size.min(limit).saturating_add(1)).unwrap_or(0));
    let res = match &src.path {
        Some(p) => std::fs::File::open(p).and_then(|f| f.take(limit).read_to_end(&mut buf)),
        None => std::io::stdin().lock().take(limit).read_to_end(&mut buf),
    };
    match res {
        Ok(_) if buf.len() as u64 > max => Err(format!(
            "over the size limit of {max} bytes; not read (raise --max-file-size)"
        )),
        Ok(_) => Ok(buf),
        Err(e) => Err(format!("cannot be read: {e}")),
    }
}
