//! A list stored in fixed-size chunks, for the corpus's lists of a million entries (one per
//! sentence, one per document's entity group).
//!
//! A `Vec` that grows by doubling keeps up to half its capacity unused and, while it moves
//! to a larger buffer, holds the old and the new one at once: 100 MB and more at the size of
//! these lists. Chunks are allocated whole and never moved, so the slack is at most one
//! chunk and growing copies nothing.

use std::ops::Index;

/// Entries per chunk.
const CHUNK: usize = 1 << 14;

/// A growable list of `T` in chunks of [`CHUNK`] entries.
#[derive(Debug)]
pub(crate) struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Chunked<T> {
    /// Number of entries.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Appends an entry.
    pub(crate) fn push(&mut self, value: T) {
        if self.len.is_multiple_of(CHUNK) {
            self.chunks.push(Vec::with_capacity(CHUNK));
        }
        if let Some(last) = self.chunks.last_mut() {
            last.push(value);
        }
        self.len += 1;
    }

    /// The entries in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &T> {
        self.chunks.iter().flatten()
    }
}

/// The entries in order, by value; each chunk is freed once its entries are taken.
impl<T> IntoIterator for Chunked<T> {
    type Item = T;
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Vec<T>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.chunks.into_iter().flatten()
    }
}

impl<T> Index<usize> for Chunked<T> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        &self.chunks[i / CHUNK][i % CHUNK]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_and_iterates_across_chunks() {
        let mut list = Chunked::default();
        let n = 2 * CHUNK + 5;
        for i in 0..n {
            list.push(i);
        }
        assert_eq!(list.len(), n);
        assert_eq!(list[0], 0);
        assert_eq!(list[CHUNK], CHUNK);
        assert_eq!(list[n - 1], n - 1);
        assert!(list.iter().copied().eq(0..n));
        assert_eq!(list.chunks.len(), 3);
        assert!(list.chunks.iter().all(|c| c.capacity() == CHUNK));
        assert!(list.into_iter().eq(0..n));
    }
}
