//! Running the per-document stages over many sources: in parallel, in order, in bounded memory.
//!
//! Sources are taken in windows of a few dozen per thread; each window is read and analysed
//! on the thread pool, then handed to the caller in source order before the next window
//! starts. Output therefore does not depend on the number of threads, and no more than one
//! window of documents is held at once.

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
    for chunk in sources.chunks(window) {
        let results: Vec<T> = pool.install(|| {
            chunk
                .par_iter()
                .map(|src| {
                    let r = read_source(src, max_size)
                        .and_then(|bytes| analyse_to(&src.id, &bytes, depth));
                    map(src, r)
                })
                .collect()
        });
        for (src, r) in chunk.iter().zip(results) {
            f(src, r)?;
        }
    }
    Ok(())
}
