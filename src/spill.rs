//! Spill: where the corpus stage puts what it needs again only at the end.
//!
//! Folding a large corpus keeps each document's report parts and the texts of its
//! sentences until linking is done. Held in memory, they grow with the corpus; written to an
//! unnamed temporary file, they cost a few bytes of [`Slot`] each and the operating system's
//! page cache does the rest. [`Spill::in_memory`] keeps the bytes in a buffer instead, for
//! small corpora and tests.

use std::fs::File;
use std::io::{self, BufWriter, Write};

/// Where a piece of spilled data is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slot {
    offset: u64,
    len: u64,
}

impl Slot {
    /// The slot's offset and length, as 16 bytes, for records of fixed size.
    pub(crate) fn to_bytes(self) -> [u8; 16] {
        let mut out = [0; 16];
        out[..8].copy_from_slice(&self.offset.to_le_bytes());
        out[8..].copy_from_slice(&self.len.to_le_bytes());
        out
    }
}

/// Reads the little-endian fields of a record of fixed size one after the other, as they
/// were appended with `to_le_bytes` (and [`Slot::to_bytes`]). A record cut short reads as
/// zeros: records are written by this crate, never taken from input.
pub(crate) struct Fields<'a>(&'a [u8]);

impl<'a> Fields<'a> {
    /// Fields from the start of `record`.
    pub(crate) fn new(record: &'a [u8]) -> Self {
        Fields(record)
    }

    /// The next `N` bytes.
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let (head, rest) = self.0.split_at(N.min(self.0.len()));
        self.0 = rest;
        head.try_into().unwrap_or([0; N])
    }

    /// The next byte.
    pub(crate) fn u8(&mut self) -> u8 {
        u8::from_le_bytes(self.take())
    }

    /// The next 16-bit number.
    pub(crate) fn u16(&mut self) -> u16 {
        u16::from_le_bytes(self.take())
    }

    /// The next 32-bit number.
    pub(crate) fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take())
    }

    /// The next 64-bit number.
    pub(crate) fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.take())
    }

    /// The next float.
    pub(crate) fn f64(&mut self) -> f64 {
        f64::from_le_bytes(self.take())
    }

    /// The next slot.
    pub(crate) fn slot(&mut self) -> Slot {
        Slot {
            offset: self.u64(),
            len: self.u64(),
        }
    }
}

enum Store {
    Memory(Vec<u8>),
    File(BufWriter<File>),
}

/// An append-only store of byte strings. Writes cannot fail from the caller's side: the first
/// error is kept and returned by [`Spill::finish`], so a full disk is reported once, with its
/// cause, instead of at every document. Every error of the temporary file names its folder
/// and says to set `TMPDIR`.
pub struct Spill {
    store: Store,
    len: u64,
    error: Option<io::Error>,
}

impl Spill {
    /// A spill held in memory.
    pub fn in_memory() -> Spill {
        Spill {
            store: Store::Memory(Vec::new()),
            len: 0,
            error: None,
        }
    }

    /// A spill in a temporary file when `on_disk`, else in memory: for the lists made while
    /// a corpus is finished, kept where the corpus keeps its own.
    pub fn new(on_disk: bool) -> io::Result<Spill> {
        if on_disk {
            Spill::temporary()
        } else {
            Ok(Spill::in_memory())
        }
    }

    /// A spill in an unnamed temporary file (removed by the system when closed).
    pub fn temporary() -> io::Result<Spill> {
        let file = tempfile::tempfile().map_err(explained)?;
        Ok(Spill {
            store: Store::File(BufWriter::with_capacity(1 << 16, file)),
            len: 0,
            error: None,
        })
    }

    /// Appends `bytes` and says where they are.
    pub fn put(&mut self, bytes: &[u8]) -> Slot {
        let slot = Slot {
            offset: self.len,
            len: bytes.len() as u64,
        };
        match &mut self.store {
            Store::Memory(buf) => buf.extend_from_slice(bytes),
            Store::File(w) => {
                if self.error.is_none()
                    && let Err(e) = w.write_all(bytes)
                {
                    self.error = Some(e);
                }
            }
        }
        self.len += slot.len;
        slot
    }

    /// Appends a string.
    pub fn put_str(&mut self, text: &str) -> Slot {
        self.put(text.as_bytes())
    }

    /// Ends writing; the reader gives back what was put.
    pub fn finish(self) -> io::Result<SpillReader> {
        if let Some(e) = self.error {
            return Err(explained(e));
        }
        Ok(match self.store {
            Store::Memory(buf) => SpillReader::Memory(buf),
            Store::File(w) => {
                SpillReader::File(w.into_inner().map_err(|e| explained(e.into_error()))?)
            }
        })
    }
}

/// Records appended to a [`Spill`] one at a time, each encoded into one reused buffer, and
/// counted: the lists that wait on disk until a corpus is finished.
pub(crate) struct Records {
    spill: Spill,
    len: usize,
    /// The record being encoded.
    buf: Vec<u8>,
}

impl Records {
    /// No records yet; they will go to `spill`.
    pub(crate) fn new(spill: Spill) -> Records {
        Records {
            spill,
            len: 0,
            buf: Vec::new(),
        }
    }

    /// Appends the record that `write` appends to the buffer it is given.
    pub(crate) fn push(&mut self, write: impl FnOnce(&mut Vec<u8>)) {
        self.buf.clear();
        write(&mut self.buf);
        self.spill.put(&self.buf);
        self.len += 1;
    }

    /// Number of records pushed.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Ends writing (see [`Spill::finish`]).
    pub(crate) fn finish(self) -> io::Result<SpillReader> {
        self.spill.finish()
    }
}

/// Reads a finished [`Spill`].
pub enum SpillReader {
    /// Bytes kept in memory.
    Memory(Vec<u8>),
    /// Bytes in a temporary file.
    File(File),
}

impl SpillReader {
    /// Whether the bytes are in a temporary file.
    pub fn on_disk(&self) -> bool {
        matches!(self, SpillReader::File(_))
    }

    /// The bytes at `slot`.
    pub fn get(&self, slot: Slot) -> io::Result<Vec<u8>> {
        let start = usize::try_from(slot.offset).map_err(io::Error::other)?;
        let len = usize::try_from(slot.len).map_err(io::Error::other)?;
        match self {
            SpillReader::Memory(buf) => buf
                .get(start..start + len)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| io::Error::other("spill slot out of range")),
            SpillReader::File(file) => {
                let mut out = vec![0; len];
                read_exact_at(file, &mut out, slot.offset).map_err(explained)?;
                Ok(out)
            }
        }
    }

    /// The `index`th of the records of `size` bytes that make up the whole spill.
    pub fn record(&self, index: usize, size: usize) -> io::Result<Vec<u8>> {
        self.records(index, 1, size)
    }

    /// `count` records of `size` bytes from the `first`th on, in a spill that holds
    /// nothing but such records.
    pub fn records(&self, first: usize, count: usize, size: usize) -> io::Result<Vec<u8>> {
        self.get(Slot {
            offset: (first * size) as u64,
            len: (count * size) as u64,
        })
    }

    /// Calls `each` on every record of `size` bytes, in order, reading the file in large
    /// blocks: for a spill that holds nothing but such records.
    pub fn for_each_record(&self, size: usize, mut each: impl FnMut(&[u8])) -> io::Result<()> {
        match self {
            SpillReader::Memory(buf) => buf.chunks_exact(size).for_each(each),
            SpillReader::File(file) => {
                let total = file.metadata().map_err(explained)?.len();
                // About a megabyte of whole records, or the whole spill when it is smaller.
                let records = (1usize << 20).div_ceil(size);
                let records = records.min(usize::try_from(total).unwrap_or(usize::MAX) / size);
                let mut block = vec![0; size * records.max(1)];
                let mut offset = 0;
                while offset < total {
                    let len = block.len().min((total - offset) as usize);
                    read_exact_at(file, &mut block[..len], offset).map_err(explained)?;
                    block[..len].chunks_exact(size).for_each(&mut each);
                    offset += len as u64;
                }
            }
        }
        Ok(())
    }

    /// The string at `slot` (written by [`Spill::put_str`]).
    pub fn get_str(&self, slot: Slot) -> io::Result<String> {
        String::from_utf8(self.get(slot)?).map_err(io::Error::other)
    }

    /// Everything put, in order, as a reader: for spills of records of varying size that are
    /// read back from first to last. Wrap it in a `BufReader`: each read is a system call.
    pub fn stream(&self) -> io::Result<SpillStream<'_>> {
        let len = match self {
            SpillReader::Memory(buf) => buf.len() as u64,
            SpillReader::File(file) => file.metadata().map_err(explained)?.len(),
        };
        Ok(SpillStream {
            spill: self,
            offset: 0,
            len,
        })
    }
}

/// A finished [`Spill`] read from the start (see [`SpillReader::stream`]).
pub struct SpillStream<'a> {
    spill: &'a SpillReader,
    offset: u64,
    len: u64,
}

impl io::Read for SpillStream<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf.len().min((self.len - self.offset) as usize);
        let start = self.offset as usize;
        match self.spill {
            SpillReader::Memory(bytes) => buf[..n].copy_from_slice(&bytes[start..start + n]),
            SpillReader::File(file) => {
                read_exact_at(file, &mut buf[..n], self.offset).map_err(explained)?;
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// A temporary-file error that says where the file is and what to do.
fn explained(e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!(
            "cannot use a temporary file in {} (set TMPDIR to a writable folder with free \
             space): {e}",
            std::env::temp_dir().display()
        ),
    )
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = file;
    f.seek(SeekFrom::Start(offset))?;
    f.read_exact(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gives_back_what_was_put_in_memory_and_on_disk() {
        for mut spill in [Spill::in_memory(), Spill::temporary().unwrap()] {
            let a = spill.put_str("Hamedan");
            let b = spill.put_str("");
            let c = spill.put_str("Tu-22M3 “bombers”");
            let r = spill.finish().unwrap();
            assert_eq!(r.get_str(c).unwrap(), "Tu-22M3 “bombers”");
            assert_eq!(r.get_str(a).unwrap(), "Hamedan");
            assert_eq!(r.get_str(b).unwrap(), "");
        }
    }

    #[test]
    fn records_come_back_in_order_across_blocks() {
        // Records of 24 bytes do not divide a block evenly, and 50,000 of them span blocks;
        // one or three fill less than a block.
        let spills = || [Spill::in_memory(), Spill::temporary().unwrap()];
        for (n, mut spill) in [1u64, 3, 50_000]
            .into_iter()
            .flat_map(|n| spills().map(|s| (n, s)))
        {
            for i in 0..n {
                let mut record = [0u8; 24];
                record[..8].copy_from_slice(&i.to_le_bytes());
                record[16..].copy_from_slice(&Slot { offset: i, len: 7 }.to_bytes()[..8]);
                spill.put(&record);
            }
            let r = spill.finish().unwrap();
            let mut seen = 0u64;
            r.for_each_record(24, |record| {
                assert_eq!(record[..8], seen.to_le_bytes());
                seen += 1;
            })
            .unwrap();
            assert_eq!(seen, n);
            assert_eq!(
                r.record(n as usize - 1, 24).unwrap()[..8],
                (n - 1).to_le_bytes()
            );
        }
    }

    #[test]
    fn streams_back_everything_in_order() {
        use std::io::Read;
        for mut spill in [Spill::in_memory(), Spill::temporary().unwrap()] {
            let mut expected = Vec::new();
            for i in 0..10_000u32 {
                let bytes = i.to_le_bytes();
                spill.put(&bytes[..1 + i as usize % 4]);
                expected.extend_from_slice(&bytes[..1 + i as usize % 4]);
            }
            let r = spill.finish().unwrap();
            let mut back = Vec::new();
            let mut stream = std::io::BufReader::with_capacity(7, r.stream().unwrap());
            stream.read_to_end(&mut back).unwrap();
            assert_eq!(back, expected);
        }
    }

    #[test]
    fn fields_read_back_what_was_appended_and_zeros_past_the_end() {
        let mut record = Vec::new();
        record.extend_from_slice(&513u16.to_le_bytes());
        record.extend_from_slice(&70_000u32.to_le_bytes());
        record.extend_from_slice(&(1u64 << 40).to_le_bytes());
        record.extend_from_slice(&(-2.5f64).to_le_bytes());
        record.extend_from_slice(&7u32.to_le_bytes()[..2]);
        let mut f = Fields::new(&record);
        assert_eq!(
            (f.u16(), f.u32(), f.u64(), f.f64()),
            (513, 70_000, 1 << 40, -2.5)
        );
        // Two bytes left of four: a record cut short reads as zeros.
        assert_eq!((f.u32(), f.u32()), (0, 0));
    }

    #[test]
    fn a_slot_survives_its_bytes() {
        let slot = Slot {
            offset: 1 << 40,
            len: 12_345,
        };
        let bytes = slot.to_bytes();
        assert_eq!(Fields::new(&bytes).slot(), slot);
    }
}
