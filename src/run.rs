//! Running the per-document stages over many sources: in parallel, in order, in bounded memory.
//!
//! Sources are taken in windows of a few dozen per thread; each window is read and analysed
//! on the thread pool, then handed to the caller in source order before the next window
//! starts. Output therefore does not depend on the number of threads, and no more than one
//! window of documents is held at once.

use rayon::prelude::*;

use crate::input::{Source, read_source};
use crate::{Analysis, analyse};

/// Documents analysed per thread in each window.
const PER_THREAD: usize = 32;

/// Builds the thread pool for `jobs` threads (0 means one per core).
pub fn pool(jobs: usize) -> anyhow::Result<rayon::ThreadPool> {
    Ok(rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?)
}

/// Reads and analyses every source, calling `f` with each result in source order.
/// An `Err` result is the reason the source could not be read or decoded.
pub fn for_each_ordered<F>(
    sources: &[Source],
    max_size: u64,
    pool: &rayon::ThreadPool,
    mut f: F,
) -> anyhow::Result<()>
where
    F: FnMut(&Source, Result<Analysis, String>) -> anyhow::Result<()>,
{
    let window = (pool.current_num_threads() * PER_THREAD).max(1);
    for chunk in sources.chunks(window) {
        let results: Vec<Result<Analysis, String>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|src| read_source(src, max_size).and_then(|bytes| analyse(&src.id, &bytes)))
                .collect()
        });
        for (src, r) in chunk.iter().zip(results) {
            f(src, r)?;
        }
    }
    Ok(())
}
