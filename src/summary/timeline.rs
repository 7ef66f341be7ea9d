//! The corpus timeline: every normalised date with the sentence that holds it, in time order.
//!
//! While documents are folded, each date waits as a record of fixed size in a spill; its
//! strings are interned, as a corpus writes the same dates over and over. When the corpus
//! is finished the records are sorted in bounded memory and written out in report order,
//! and the report's entries are read back by number while it is written.

use std::io;
use std::sync::Mutex;

use super::dates;
use crate::interner::Interner;
use crate::report::TimelineEntry;
use crate::sorter::{Record, Sorter};
use crate::spill::{Fields, Records, Slot, Spill, SpillReader};

/// A normalised date as kept: the date and the date as written (interned), its document
/// and sentence, and where the sentence's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct KeptDate {
    date: u32,
    as_written: u32,
    doc: u32,
    sentence: u32,
    text: Slot,
}

/// Bytes of a [`KeptDate`]'s record.
const DATE_RECORD: usize = 32;

impl KeptDate {
    /// Appends the record's [`DATE_RECORD`] bytes to `out`.
    fn write(&self, out: &mut Vec<u8>) {
        for n in [self.date, self.as_written, self.doc, self.sentence] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        out.extend_from_slice(&self.text.to_bytes());
    }

    /// The date whose record `f` reads next.
    fn read(f: &mut Fields) -> KeptDate {
        KeptDate {
            date: f.u32(),
            as_written: f.u32(),
            doc: f.u32(),
            sentence: f.u32(),
            text: f.slot(),
        }
    }
}

/// A date as the timeline sorts it: by the date's sort key, the document's place in id
/// order, the sentence, and the order the dates were added in.
type Sortable = ((u32, u32, u32), u32, u32, u32, KeptDate);

impl Record for Sortable {
    const SIZE: usize = 24 + DATE_RECORD;

    fn write(&self, out: &mut Vec<u8>) {
        let ((year, month, day), rank, sentence, added, date) = self;
        for n in [*year, *month, *day, *rank, *sentence, *added] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        date.write(out);
    }

    fn read(bytes: &[u8]) -> Self {
        let mut f = Fields::new(bytes);
        let key = (f.u32(), f.u32(), f.u32());
        let (rank, sentence, added) = (f.u32(), f.u32(), f.u32());
        (key, rank, sentence, added, KeptDate::read(&mut f))
    }
}

/// The dates of the documents folded so far.
pub(super) struct Dates {
    records: Records,
    strings: Interner,
}

impl Dates {
    /// No dates yet; their records will go to `records`.
    pub(super) fn new(records: Spill) -> Dates {
        Dates {
            records: Records::new(records),
            strings: Interner::default(),
        }
    }

    /// Keeps date `date` (normalised), written `as_written` in sentence `sentence` of
    /// document `doc`, whose text is at `text`.
    pub(super) fn add(
        &mut self,
        date: &str,
        as_written: &str,
        doc: u32,
        sentence: u32,
        text: Slot,
    ) {
        let kept = KeptDate {
            date: self.strings.id(date),
            as_written: self.strings.id(as_written),
            doc,
            sentence,
            text,
        };
        self.records.push(|out| kept.write(out));
    }

    /// The timeline: the dates sorted by date, then by where they are (`rank` gives each
    /// document's place in id order), then as they were added. Sorted in runs of
    /// `run_bytes` on disk (with `None`, in memory). Fails when the records cannot be
    /// written or read back.
    pub(super) fn timeline(self, rank: &[u32], run_bytes: Option<usize>) -> io::Result<Dated> {
        // Keys worked out once per distinct string.
        let keys: Vec<(u32, u32, u32)> = self.strings.iter().map(dates::sort_key).collect();
        let len = self.records.len();
        let records = self.records.finish()?;
        let mut sorter = Sorter::new(run_bytes)?;
        let mut added = 0;
        records.for_each_record(DATE_RECORD, |r| {
            let d = KeptDate::read(&mut Fields::new(r));
            let key = keys[d.date as usize];
            sorter.push((key, rank[d.doc as usize], d.sentence, added, d));
            added += 1;
        })?;
        drop(records);
        let mut sorted = Records::new(Spill::new(run_bytes.is_some())?);
        for item in sorter.finish()? {
            let date = item?.4;
            sorted.push(|out| date.write(out));
        }
        Ok(Dated {
            records: sorted.finish()?,
            len,
            strings: self.strings,
            block: Mutex::new(None),
        })
    }
}

/// The timeline in report order, each entry a record in a spill of its own and each
/// sentence's text in the corpus's spill.
pub struct Dated {
    records: SpillReader,
    len: usize,
    strings: Interner,
    /// The block of records read last, by its number: entries are made in order, so one
    /// read serves [`BLOCK_RECORDS`] of them instead of a system call each.
    block: Mutex<Option<(usize, Vec<u8>)>>,
}

/// Records of the timeline read at a time (8 KiB).
const BLOCK_RECORDS: usize = 256;

impl Dated {
    /// Number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Entry `i`, its sentence read back from `spill`; `ids` are the document ids.
    pub fn entry(
        &self,
        i: usize,
        ids: &[String],
        spill: &SpillReader,
    ) -> io::Result<TimelineEntry> {
        let d = self.record(i)?;
        Ok(TimelineEntry {
            date: self.strings.get(d.date).to_owned(),
            as_written: self.strings.get(d.as_written).to_owned(),
            doc: ids[d.doc as usize].clone(),
            sentence: d.sentence as usize,
            text: spill.get_str(d.text)?,
        })
    }

    /// Entry `i`'s record, from the block that holds it.
    fn record(&self, i: usize) -> io::Result<KeptDate> {
        let (n, at) = (i / BLOCK_RECORDS, i % BLOCK_RECORDS * DATE_RECORD);
        // A panic elsewhere poisons the lock; the block is still whole.
        let mut block = self.block.lock().unwrap_or_else(|e| e.into_inner());
        if block.as_ref().is_none_or(|(b, _)| *b != n) {
            let first = n * BLOCK_RECORDS;
            let count = BLOCK_RECORDS.min(self.len.saturating_sub(first));
            *block = Some((n, self.records.records(first, count, DATE_RECORD)?));
        }
        let bytes = block
            .as_ref()
            .and_then(|(_, b)| b.get(at..at + DATE_RECORD));
        let bytes = bytes.ok_or_else(|| io::Error::other("timeline entry out of range"))?;
        Ok(KeptDate::read(&mut Fields::new(bytes)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_sorted_on_disk_in_many_runs_come_in_time_then_id_order() {
        // Documents added out of id order; dates out of time order.
        let ids: Vec<String> = ["c.txt", "a.txt", "b.txt"].map(String::from).to_vec();
        let timeline = |run_bytes: Option<usize>| {
            let (mut dates, mut spill) = (Dates::new(Spill::in_memory()), Spill::in_memory());
            for i in 0..300u32 {
                let (doc, sentence) = (i % 3, i / 3 % 4);
                let (date, written) = match i % 5 {
                    0 => ("2016-08-16", "16 August 2016"),
                    1 => ("2015-07-14", "July 14, 2015"),
                    2 => ("--08-16", "16 August"),
                    3 => ("2016", "2016"),
                    _ => ("2016-08-16", "Aug 16, 2016"),
                };
                let text = spill.put_str(&format!("sentence {i}"));
                dates.add(date, written, doc, sentence, text);
            }
            let spill = spill.finish().unwrap();
            let dated = dates.timeline(&[2, 0, 1], run_bytes).unwrap();
            (0..dated.len())
                .map(|i| dated.entry(i, &ids, &spill).unwrap())
                .map(|e| (e.date, e.as_written, e.doc, e.sentence, e.text))
                .collect::<Vec<_>>()
        };
        let in_memory = timeline(None);
        // Runs of 18 records: 17 runs to merge.
        assert_eq!(timeline(Some(1024)), in_memory);
        assert_eq!(in_memory.len(), 300);
        // By date, years before a year's days and dates without a year last; within a
        // date, by document id, sentence, and the order they were added in.
        let expected = [
            (0, "2015-07-14 | July 14, 2015 | a.txt:0 | sentence 1"),
            (1, "2015-07-14 | July 14, 2015 | a.txt:0 | sentence 61"),
            (19, "2015-07-14 | July 14, 2015 | a.txt:3 | sentence 286"),
            (20, "2015-07-14 | July 14, 2015 | b.txt:0 | sentence 26"),
            (59, "2015-07-14 | July 14, 2015 | c.txt:3 | sentence 261"),
            (60, "2016 | 2016 | a.txt:0 | sentence 13"),
            (120, "2016-08-16 | 16 August 2016 | a.txt:0 | sentence 25"),
            (121, "2016-08-16 | Aug 16, 2016 | a.txt:0 | sentence 49"),
            (122, "2016-08-16 | 16 August 2016 | a.txt:0 | sentence 85"),
            (299, "--08-16 | 16 August | c.txt:3 | sentence 297"),
        ];
        for (i, entry) in expected {
            let (date, written, doc, sentence, text) = &in_memory[i];
            let got = format!("{date} | {written} | {doc}:{sentence} | {text}");
            assert_eq!(got, entry, "entry {i}");
        }
    }
}
