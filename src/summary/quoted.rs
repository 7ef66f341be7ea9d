//! Quotations grouped across documents: the same words quoted in several articles are one
//! entry, with every place they appear and every speaker.
//!
//! While documents are folded, each quotation waits as a record of fixed size in a spill.
//! When the corpus is finished the records are sorted in bounded memory so that equal
//! quotations come together, and written out in that order; in memory stay only each
//! distinct quotation's first record and number of copies.

use std::collections::BTreeSet;
use std::io;

use super::{location, minhash};
use crate::report::CorpusQuote;
use crate::sorter::{Record, Sorter};
use crate::spill::{Fields, Records, Slot, Spill, SpillReader};

/// A quotation as kept: the hash of its normalised words (equal quotations, equal key), its
/// document and sentence, its speaker's corpus-wide entity group, and where its text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct KeptQuote {
    key: u64,
    doc: u32,
    sentence: u32,
    /// The speaker's group, or [`NO_SPEAKER`].
    speaker: u32,
    text: Slot,
}

/// `KeptQuote::speaker` of a quotation nobody is known to have said.
const NO_SPEAKER: u32 = u32::MAX;

/// Bytes of a [`KeptQuote`]'s record.
const QUOTE_RECORD: usize = 36;

impl KeptQuote {
    /// Appends the record's [`QUOTE_RECORD`] bytes to `out`.
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.key.to_le_bytes());
        for n in [self.doc, self.sentence, self.speaker] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        out.extend_from_slice(&self.text.to_bytes());
    }

    /// The quotation whose record `f` reads next.
    fn read(f: &mut Fields) -> KeptQuote {
        KeptQuote {
            key: f.u64(),
            doc: f.u32(),
            sentence: f.u32(),
            speaker: f.u32(),
            text: f.slot(),
        }
    }
}

/// A quotation as grouping sorts it: by key, then in the order the quotations were added.
type Sortable = (u64, u32, KeptQuote);

impl Record for Sortable {
    const SIZE: usize = 12 + QUOTE_RECORD;

    fn write(&self, out: &mut Vec<u8>) {
        (self.0, self.1).write(out);
        self.2.write(out);
    }

    fn read(bytes: &[u8]) -> Self {
        let (key, added) = <(u64, u32)>::read(&bytes[..12]);
        (key, added, KeptQuote::read(&mut Fields::new(&bytes[12..])))
    }
}

/// The quotations of the documents folded so far.
pub(super) struct Quotes {
    records: Records,
}

impl Quotes {
    /// No quotations yet; their records will go to `records`.
    pub(super) fn new(records: Spill) -> Quotes {
        Quotes {
            records: Records::new(records),
        }
    }

    /// Keeps quotation `text`, said by entity group `speaker`, in sentence `sentence` of
    /// document `doc`; its text is at `slot`.
    pub(super) fn add(
        &mut self,
        text: &str,
        doc: u32,
        sentence: u32,
        speaker: Option<u32>,
        slot: Slot,
    ) {
        let kept = KeptQuote {
            key: minhash::sequence_hash(&minhash::word_hashes(text)),
            doc,
            sentence,
            speaker: speaker.unwrap_or(NO_SPEAKER),
            text: slot,
        };
        self.records.push(|out| kept.write(out));
    }

    /// Groups equal quotations, each group's copies in the order they were added; the most
    /// widespread first, then by where they are (`rank` gives each document's place in id
    /// order). Sorted in runs of `run_bytes` on disk (with `None`, in memory). Fails when
    /// the records cannot be written or read back.
    pub(super) fn grouped(self, rank: &[u32], run_bytes: Option<usize>) -> io::Result<Quoted> {
        let len = self.records.len();
        let records = self.records.finish()?;
        let mut sorter = Sorter::new(run_bytes)?;
        let mut added = 0;
        records.for_each_record(QUOTE_RECORD, |r| {
            let q = KeptQuote::read(&mut Fields::new(r));
            sorter.push((q.key, added, q));
            added += 1;
        })?;
        drop(records);
        // Each copy's place, to order the groups: 8 bytes a quotation, for a moment.
        let mut places: Vec<(u32, u32)> = Vec::with_capacity(len);
        let mut groups: Vec<(u32, u32)> = Vec::new();
        let mut sorted = Records::new(Spill::new(run_bytes.is_some())?);
        let mut key = None;
        for item in sorter.finish()? {
            let (_, _, q) = item?;
            match groups.last_mut() {
                Some((_, len)) if key == Some(q.key) => *len += 1,
                _ => groups.push((places.len() as u32, 1)),
            }
            key = Some(q.key);
            places.push((rank[q.doc as usize], q.sentence));
            sorted.push(|out| q.write(out));
        }
        let of = |&(first, len): &(u32, u32)| &places[first as usize..(first + len) as usize];
        groups.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| of(a).cmp(of(b))));
        Ok(Quoted {
            records: sorted.finish()?,
            groups,
        })
    }
}

/// The quotations grouped across documents, in report order: every quotation a record in
/// a spill of its own, equal ones together, each text in the corpus's spill.
pub struct Quoted {
    records: SpillReader,
    /// Each distinct quotation's first record and number of copies, in report order.
    groups: Vec<(u32, u32)>,
}

impl Quoted {
    /// Number of distinct quotations.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The [`Weight`](crate::report::Weight) of quotation `i`'s entry.
    pub fn weight(&self, i: usize) -> usize {
        1 + self.groups[i].1 as usize
    }

    /// Quotation `i`, its text read back from `spill`, with its speakers' canonical names
    /// (`canonical` of a corpus-wide entity group); `ids` are the document ids.
    pub fn entry(
        &self,
        i: usize,
        ids: &[String],
        spill: &SpillReader,
        canonical: impl Fn(usize) -> String,
    ) -> io::Result<CorpusQuote> {
        let (first, len) = self.groups[i];
        let bytes = self
            .records
            .records(first as usize, len as usize, QUOTE_RECORD)?;
        let qs: Vec<KeptQuote> = bytes
            .chunks_exact(QUOTE_RECORD)
            .map(|r| KeptQuote::read(&mut Fields::new(r)))
            .collect();
        let speakers: BTreeSet<String> = qs
            .iter()
            .filter(|q| q.speaker != NO_SPEAKER)
            .map(|q| canonical(q.speaker as usize))
            .collect();
        Ok(CorpusQuote {
            text: spill.get_str(qs[0].text)?,
            speakers: speakers.into_iter().collect(),
            locations: qs
                .iter()
                .map(|q| location(ids, q.doc, q.sentence))
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_quotations_sorted_on_disk_in_many_runs_group_as_in_memory() {
        // Documents added out of id order.
        let ids: Vec<String> = ["c.txt", "a.txt", "b.txt"].map(String::from).to_vec();
        let said = [
            "We will not back down",
            "The talks were useful",
            "we will NOT back down!",
        ];
        let grouped = |run_bytes: Option<usize>| {
            let (mut quotes, mut spill) = (Quotes::new(Spill::in_memory()), Spill::in_memory());
            for i in 0..60u32 {
                let text = match i % 4 {
                    3 => format!("Quotation number {i}"),
                    n => said[n as usize].to_owned(),
                };
                let slot = spill.put_str(&text);
                let speaker = (i % 4 == 1).then_some(i % 2 + i % 3);
                quotes.add(&text, i % 3, i / 3, speaker, slot);
            }
            let spill = spill.finish().unwrap();
            let quoted = quotes.grouped(&[2, 0, 1], run_bytes).unwrap();
            (0..quoted.len())
                .map(|i| {
                    let q = quoted
                        .entry(i, &ids, &spill, |g| format!("Speaker {g}"))
                        .unwrap();
                    let places: Vec<String> = q
                        .locations
                        .iter()
                        .map(|l| format!("{}:{}", l.doc, l.sentence))
                        .collect();
                    (q.text, q.speakers, places)
                })
                .collect::<Vec<_>>()
        };
        let in_memory = grouped(None);
        // Runs of 9 records: 7 runs to merge.
        assert_eq!(grouped(Some(512)), in_memory);
        // Both spellings of the first quotation are one, its copies in the order added;
        // the 15 quotations of their own follow by where they are, a.txt first.
        assert_eq!(in_memory.len(), 17);
        let (text, speakers, places) = &in_memory[0];
        assert_eq!(text, "We will not back down");
        assert!(speakers.is_empty());
        assert_eq!(places.len(), 30);
        assert_eq!(places[..4], ["c.txt:0", "b.txt:0", "a.txt:1", "c.txt:2"]);
        let (text, speakers, places) = &in_memory[1];
        assert_eq!(text, "The talks were useful");
        assert_eq!(speakers, &["Speaker 1", "Speaker 2", "Speaker 3"]);
        assert_eq!(places[..3], ["a.txt:0", "b.txt:1", "c.txt:3"]);
        assert_eq!(in_memory[2].2, ["a.txt:2"]);
        assert_eq!(in_memory[2].0, "Quotation number 7");
        assert_eq!(in_memory[16].2, ["c.txt:17"]);
    }
}
