//! External sort: records sorted in bounded memory, for the cross-document work that grows
//! with the corpus (shared passages' exact copies and LSH buckets).
//!
//! Records gather in a buffer of a fixed size ([`RUN_BYTES`] for a corpus); each full
//! buffer is sorted and written to an unnamed temporary file as a run, and the runs are
//! merged as they are read back. A sorter in memory keeps one run that is never written,
//! for corpora folded in memory; so does a sorter whose input fits one run.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io;

use crate::spill::{Fields, Records, Spill, SpillReader};

/// A record that the sorter can write to disk: `SIZE` bytes, little-endian.
pub(crate) trait Record: Copy + Ord + Send {
    /// Bytes of the record on disk.
    const SIZE: usize;
    /// Appends the record's `SIZE` bytes to `out`.
    fn write(&self, out: &mut Vec<u8>);
    /// The record written by [`Record::write`].
    fn read(bytes: &[u8]) -> Self;
}

/// Bytes of records a corpus's sorters hold in memory: a run while sorting, every run's
/// read block while merging. Small runs cost little: merging a hundred takes a heap of a
/// hundred. With runs of 4 MB, `scan` peaked at 69-72 MB on the 113 MB generated corpus;
/// with 1 MB, at 62-63 MB.
pub(crate) const RUN_BYTES: usize = 1 << 20;

/// Sorts records pushed one at a time; [`Sorter::finish`] gives them back in order.
pub(crate) struct Sorter<T> {
    buf: Vec<T>,
    /// Records in a run: the buffer is sorted and written when it holds this many.
    run_len: usize,
    /// The runs written so far (none in memory).
    disk: Option<Runs>,
}

/// Sorted runs written one after the other to a temporary file.
struct Runs {
    records: Records,
    /// Records in each run.
    lens: Vec<usize>,
}

impl Runs {
    /// Sorts `buf` and writes it as the next run, leaving it empty. The sort runs on the
    /// calling thread: sorters that run side by side (one per LSH band) already keep the
    /// pool busy.
    fn write<T: Record>(&mut self, buf: &mut Vec<T>) {
        buf.sort_unstable();
        for r in buf.iter() {
            self.records.push(|out| r.write(out));
        }
        self.lens.push(buf.len());
        buf.clear();
    }
}

impl<T: Record> Sorter<T> {
    /// A sorter that writes runs of `run_bytes` of records to a temporary file, or with
    /// `None` keeps every record in memory. Fails when the temporary file cannot be made.
    pub(crate) fn new(run_bytes: Option<usize>) -> io::Result<Sorter<T>> {
        Ok(Sorter {
            buf: Vec::new(),
            run_len: run_bytes.map_or(usize::MAX, |b| (b / size_of::<T>()).max(1)),
            disk: match run_bytes {
                Some(_) => Some(Runs {
                    records: Records::new(Spill::temporary()?),
                    lens: Vec::new(),
                }),
                None => None,
            },
        })
    }

    /// Adds a record.
    pub(crate) fn push(&mut self, record: T) {
        if let Some(disk) = &mut self.disk {
            if self.buf.len() == self.run_len {
                disk.write(&mut self.buf);
            }
            if self.buf.capacity() == 0 {
                self.buf.reserve_exact(self.run_len);
            }
        }
        self.buf.push(record);
    }

    /// Every record pushed, in ascending order. Fails when the runs cannot be written or
    /// read back.
    pub(crate) fn finish(mut self) -> io::Result<Sorted<T>> {
        let Some(mut disk) = self.disk.take().filter(|d| !d.lens.is_empty()) else {
            self.buf.sort_unstable();
            return Ok(Sorted::Memory(self.buf.into_iter()));
        };
        disk.write(&mut self.buf);
        drop(self.buf);
        let file = disk.records.finish()?;
        let mut first = 0;
        let runs: Vec<Run<T>> = disk
            .lens
            .iter()
            .map(|&len| {
                first += len;
                Run {
                    next: first - len,
                    end: first,
                    block: Vec::new().into_iter(),
                }
            })
            .collect();
        // The read blocks share the memory a run took.
        let block = (self.run_len / runs.len()).max(16);
        let mut merge = Merge {
            file,
            runs,
            block,
            heap: BinaryHeap::new(),
        };
        for r in 0..merge.runs.len() {
            if let Some(record) = merge.advance(r)? {
                merge.heap.push(Reverse((record, r)));
            }
        }
        Ok(Sorted::Runs(merge))
    }
}

/// The records of a [`Sorter`], in order.
pub(crate) enum Sorted<T> {
    /// One run sorted in memory.
    Memory(std::vec::IntoIter<T>),
    /// Runs on disk, merged.
    Runs(Merge<T>),
}

impl<T: Record> Iterator for Sorted<T> {
    type Item = io::Result<T>;

    fn next(&mut self) -> Option<io::Result<T>> {
        match self {
            Sorted::Memory(records) => records.next().map(Ok),
            Sorted::Runs(merge) => merge.next(),
        }
    }
}

/// Sorted runs read back a block at a time and merged through a heap of each run's next
/// record.
pub(crate) struct Merge<T> {
    file: SpillReader,
    runs: Vec<Run<T>>,
    /// Records read from a run at a time.
    block: usize,
    heap: BinaryHeap<Reverse<(T, usize)>>,
}

/// A run being merged: the records not yet read and those read but not yet handed out.
struct Run<T> {
    next: usize,
    end: usize,
    block: std::vec::IntoIter<T>,
}

impl<T: Record> Merge<T> {
    /// Run `r`'s next record, reading its next block when needed.
    fn advance(&mut self, r: usize) -> io::Result<Option<T>> {
        let run = &mut self.runs[r];
        if let Some(record) = run.block.next() {
            return Ok(Some(record));
        }
        if run.next == run.end {
            return Ok(None);
        }
        let count = self.block.min(run.end - run.next);
        let bytes = self.file.records(run.next, count, T::SIZE)?;
        run.next += count;
        run.block = bytes
            .chunks_exact(T::SIZE)
            .map(T::read)
            .collect::<Vec<T>>()
            .into_iter();
        Ok(run.block.next())
    }

    fn next(&mut self) -> Option<io::Result<T>> {
        let Reverse((record, r)) = self.heap.pop()?;
        match self.advance(r) {
            Ok(Some(next)) => self.heap.push(Reverse((next, r))),
            Ok(None) => {}
            Err(e) => return Some(Err(e)),
        }
        Some(Ok(record))
    }
}

/// A 64-bit key and an item number: 12 bytes on disk.
impl Record for (u64, u32) {
    const SIZE: usize = 12;

    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0.to_le_bytes());
        out.extend_from_slice(&self.1.to_le_bytes());
    }

    fn read(bytes: &[u8]) -> Self {
        let mut f = Fields::new(bytes);
        (f.u64(), f.u32())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pseudo-random keys with repeats, numbered.
    fn records(n: u32) -> Vec<(u64, u32)> {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        (0..n)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x % 5000, i)
            })
            .collect()
    }

    #[test]
    fn sorts_in_memory_and_across_runs_on_disk() {
        // 1.5 million records of 16 bytes in memory make 23 runs of 1 MB, 22 of them
        // written before the last is sorted.
        let input = records(1_500_000);
        let mut expected = input.clone();
        expected.sort_unstable();
        for run_bytes in [None, Some(RUN_BYTES)] {
            let mut sorter = Sorter::new(run_bytes).unwrap();
            input.iter().for_each(|&r| sorter.push(r));
            if run_bytes.is_some() {
                assert_eq!(sorter.disk.as_ref().map(|d| d.lens.len()), Some(22));
            }
            let back: Vec<(u64, u32)> = sorter.finish().unwrap().map(Result::unwrap).collect();
            assert_eq!(back, expected);
        }
    }

    #[test]
    fn a_short_input_on_disk_is_never_written() {
        let mut sorter = Sorter::new(Some(RUN_BYTES)).unwrap();
        [(3, 0), (1, 1), (2, 2)]
            .into_iter()
            .for_each(|r| sorter.push(r));
        let sorted = sorter.finish().unwrap();
        assert!(matches!(sorted, Sorted::Memory(_)));
        let back: Vec<(u64, u32)> = sorted.map(Result::unwrap).collect();
        assert_eq!(back, [(1, 1), (2, 2), (3, 0)]);
    }

    #[test]
    fn an_empty_sorter_gives_nothing() {
        let sorter: Sorter<(u64, u32)> = Sorter::new(Some(RUN_BYTES)).unwrap();
        assert_eq!(sorter.finish().unwrap().count(), 0);
    }
}
