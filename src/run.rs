//! Running the per-document stages over many sources: in parallel, in order, in bounded memory.
//!
//! Sources are taken in windows of a few dozen per thread. A reader thread reads the next
//! window's files while the pool analyses the current one, so a thread waiting on the disk
//! does not leave a core idle; each window's results are then handed to the caller in
//! source order. Output therefore does not depend on the number of threads, and memory is
//! bounded: two windows of texts (one read ahead, one analysed) and three of results at
//! most. A panic while reading or analysing one document is caught and reported as that
//! document's error, so the rest of the run goes on.

use std::panic::{AssertUnwindSafe, catch_unwind};

use rayon::prelude::*;

use crate::input::{Source, read_source};
use crate::{Analysis, Depth, analyse_to};

/// Documents analysed per thread in each window.
const PER_THREAD: usize = 32;

/// Builds the thread pool for `jobs` threads (0 means one per core).
pub fn pool(jobs: usize) -> anyhow::Result<rayon::ThreadPool> {
    Ok(rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?)
}

/// Reads every source on a reader thread and analyses it on the pool, turns each result
/// into a `T` with `map` (also on the pool), then calls `f` with each in source order. An
/// `Err` analysis is the reason the source could not be read or decoded.
///
/// Reading, the pool and `f` each work on their own window: the reader fills the next
/// window while the pool analyses one and `f` takes the results of the one before, so none
/// waits for the others, and a file that comes from the disk holds up the reader, not a
/// worker.
pub fn for_each_ordered<T, M, F>(
    sources: &[Source],
    max_size: u64,
    depth: Depth,
    pool: &rayon::ThreadPool,
    map: M,
    mut f: F,
) -> anyhow::Result<()>
where
    T: Send,
    M: Fn(&Source, Result<Analysis, String>) -> T + Sync,
    F: FnMut(&Source, T) -> anyhow::Result<()>,
{
    let window = (pool.current_num_threads() * PER_THREAD).max(1);
    let read_window = |chunk: &[Source]| -> Vec<Result<Vec<u8>, String>> {
        chunk
            .iter()
            .map(|src| {
                catch_unwind(|| read_source(src, max_size))
                    .unwrap_or_else(|p| Err(internal_error(p.as_ref())))
            })
            .collect()
    };
    let analyse_window = |chunk: &[Source], texts: Vec<Result<Vec<u8>, String>>| -> Vec<T> {
        pool.install(|| {
            chunk
                .par_iter()
                .zip(texts)
                .map(|(src, text)| {
                    // A bug that panics on one document costs that document, not the run.
                    let analysed = catch_unwind(AssertUnwindSafe(|| {
                        text.and_then(|bytes| analyse_to(&src.id, &bytes, depth))
                    }))
                    .unwrap_or_else(|p| Err(internal_error(p.as_ref())));
                    catch_unwind(AssertUnwindSafe(|| map(src, analysed)))
                        .unwrap_or_else(|p| map(src, Err(internal_error(p.as_ref()))))
                })
                .collect()
        })
    };
    // A rendezvous: the reader is at most one window ahead of the pool.
    let (read_tx, read_rx) = std::sync::mpsc::sync_channel(0);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<T>>(1);
    std::thread::scope(|scope| {
        // A closed channel means the stage after stopped (`f` failed): the run is over.
        scope.spawn(move || {
            for chunk in sources.chunks(window) {
                if read_tx.send(read_window(chunk)).is_err() {
                    break;
                }
            }
        });
        scope.spawn(move || {
            for (chunk, texts) in sources.chunks(window).zip(read_rx) {
                if tx.send(analyse_window(chunk, texts)).is_err() {
                    break;
                }
            }
        });
        // `rx` moves in here, so an early error closes the channel and stops the others.
        for (chunk, results) in sources.chunks(window).zip(rx) {
            for (src, r) in chunk.iter().zip(results) {
                f(src, r)?;
            }
        }
        Ok(())
    })
}

/// The reason reported for a document whose analysis panicked.
fn internal_error(payload: &(dyn std::any::Any + Send)) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    format!("internal error while analysing ({what}); not analysed, please report this file")
}
