//! Running the per-document stages over many sources: in parallel, in order, in bounded memory.
//!
//! Sources are taken in windows of a few dozen per thread; each window is read and analysed
//! on the thread pool, then handed to the caller in source order before the next window
//! starts. Output therefore does not depend on the number of threads, and no more than one
//! window of documents is held at once. A panic while analysing one document is caught and
//! reported as that document's error, so the rest of the run goes on.

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

/// Reads and analyses every source on the pool, turns each result into a `T` with `map`
/// (also on the pool), then calls `f` with each in source order. An `Err` analysis is the
/// reason the source could not be read or decoded.
///
/// The pool works on the next window while `f` takes the results of the one before, so
/// neither waits for the other; at most three windows of results are held at once.
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
    let analyse_window = |chunk: &[Source]| -> Vec<T> {
        pool.install(|| {
            chunk
                .par_iter()
                .map(|src| {
                    // A bug that panics on one document costs that document, not the run.
                    let analysed = catch_unwind(AssertUnwindSafe(|| {
                        read_source(src, max_size)
                            .and_then(|bytes| analyse_to(&src.id, &bytes, depth))
                    }))
                    .unwrap_or_else(|p| Err(internal_error(p.as_ref())));
                    catch_unwind(AssertUnwindSafe(|| map(src, analysed)))
                        .unwrap_or_else(|p| map(src, Err(internal_error(p.as_ref()))))
                })
                .collect()
        })
    };
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<T>>(1);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for chunk in sources.chunks(window) {
                // A closed channel means `f` failed and the run is over.
                if tx.send(analyse_window(chunk)).is_err() {
                    break;
                }
            }
        });
        // `rx` moves in here, so an early error closes the channel and stops the producer.
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
