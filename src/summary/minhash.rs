//! Near-duplicate detection that scales: word-shingle MinHash signatures and LSH banding.
//!
//! Each item (a sentence or a whole document) becomes a short signature; items that share a
//! band of it become candidate pairs, and only those pairs are compared. Work grows with the
//! number of items, not with the number of pairs.

use std::borrow::Borrow;
use std::convert::Infallible;

use rayon::prelude::*;

use crate::sorter::Record;
use crate::spill::Fields;

/// Hash functions in a signature.
pub const HASHES: usize = 32;

/// A MinHash signature: the minimum of each hash function over an item's shingles. Each
/// minimum keeps only 16 bits (b-bit MinHash): two different minima agree by chance once in
/// 65,536, which moves a similarity estimate by far less than one hash's step of 1/32, and
/// a sentence's signature takes 64 bytes instead of 128.
pub type Signature = [u16; HASHES];
/// Rows per LSH band.
const ROWS: usize = 4;
/// LSH bands in a signature.
pub const BANDS: usize = HASHES / ROWS;
/// Most items compared within one bucket, so a flood of identical boilerplate stays linear.
const BUCKET_CAP: usize = 24;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// A stable 64-bit hash (FNV-1a), identical on every platform and run.
pub fn fnv(bytes: &[u8]) -> u64 {
    fnv_extend(FNV_OFFSET, bytes)
}

/// Continues an [`fnv`] hash with more bytes: `fnv_extend(fnv(a), b) == fnv(a ++ b)`, so
/// a phrase can be hashed from its words without building the string.
pub fn fnv_extend(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The odd multipliers of the signature's hash family, fixed so signatures are stable.
const MULTIPLIERS: [u64; HASHES] = {
    let mut m = [0u64; HASHES];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut i = 0;
    while i < HASHES {
        // splitmix64 steps
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        m[i] = (z ^ (z >> 31)) | 1;
        i += 1;
    }
    m
};

/// Mixes a shingle's hash well enough that the multiply-shift family below behaves like
/// independent hash functions (the final step of splitmix64).
fn premix(x: u64) -> u64 {
    let z = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Word class of each ASCII byte: true for letters and digits.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Hashes of the normalised words of `text` (runs of letters and digits, lower-cased),
/// without allocating a string per word. ASCII is read byte by byte; only other
/// characters are decoded, out of line, which keeps the ASCII loop small (5% fewer
/// instructions here, by callgrind).
pub fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (alnum, len) = if b < 128 {
            (ASCII_WORD[usize::from(b)], 1)
        } else {
            char_class(text, i)
        };
        if alnum {
            if !in_word {
                h = FNV_OFFSET;
                in_word = true;
            }
            h = if len == 1 {
                fnv_extend(h, &[b.to_ascii_lowercase()])
            } else {
                fnv_extend_lower(h, &text[i..i + len])
            };
        } else if in_word {
            out.push(h);
            in_word = false;
        }
        i += len;
    }
    if in_word {
        out.push(h);
    }
    out
}

/// Whether the character at byte `i` of `text` is a letter or digit, and its length.
#[inline(never)]
fn char_class(text: &str, i: usize) -> (bool, usize) {
    let c = text[i..].chars().next().unwrap_or(' ');
    (c.is_alphanumeric(), c.len_utf8())
}

/// Continues hash `h` with character `c` (given as a string) in lower case.
#[inline(never)]
fn fnv_extend_lower(mut h: u64, c: &str) -> u64 {
    let mut buf = [0u8; 4];
    for l in c.chars().flat_map(char::to_lowercase) {
        h = fnv_extend(h, l.encode_utf8(&mut buf).as_bytes());
    }
    h
}

/// One hash for a whole sequence of word hashes: equal word sequences, equal hash.
pub fn sequence_hash(words: &[u64]) -> u64 {
    words.iter().fold(FNV_OFFSET, |h, &w| {
        (h ^ w).wrapping_mul(FNV_PRIME).rotate_left(7)
    })
}

/// The MinHash signature of the `k`-word shingles of a text given as word hashes. Each of
/// the hash functions is a multiply-shift of the mixed shingle hash, which the compiler
/// turns into a few vector instructions per shingle: twice as wide where the CPU has AVX2,
/// chosen when the program runs. It is the summary's costliest loop, about a twelfth of the
/// instructions `scan` spends on a document.
pub fn signature(words: &[u64], k: usize) -> Signature {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, as checked just above.
        return unsafe { signature_avx2(words, k) };
    }
    signature_with(words, k)
}

/// [`signature_with`] compiled for AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn signature_avx2(words: &[u64], k: usize) -> Signature {
    signature_with(words, k)
}

/// The body of [`signature`], inlined into each instruction-set version of it.
#[inline(always)]
fn signature_with(words: &[u64], k: usize) -> Signature {
    let mut sig = [u16::MAX; HASHES];
    let k = k.min(words.len()).max(1);
    for w in words.windows(k) {
        let x = premix(w.iter().fold(0u64, |h, &wh| {
            h.rotate_left(17) ^ wh.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        }));
        for (s, m) in sig.iter_mut().zip(MULTIPLIERS) {
            *s = (*s).min((x.wrapping_mul(m) >> 48) as u16);
        }
    }
    sig
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

/// The LSH key of band `band` of `sig`: two items can pair only if, in some band, their
/// keys are equal. Four 16-bit rows make a key exactly.
pub fn band_key(sig: &Signature, band: usize) -> u64 {
    rows_key(sig[band * ROWS..(band + 1) * ROWS].iter().copied())
}

/// [`band_key`] of a signature stored as little-endian 16-bit numbers in `stored` (as in
/// a record on disk), reading only the band's bytes.
pub fn stored_band_key(stored: &[u8], band: usize) -> u64 {
    let rows = stored[band * ROWS * 2..(band + 1) * ROWS * 2].chunks_exact(2);
    rows_key(rows.map(|b| u16::from_le_bytes([b[0], b[1]])))
}

/// A band's rows packed into one number, the first row highest.
fn rows_key(rows: impl Iterator<Item = u16>) -> u64 {
    rows.fold(0u64, |k, v| k << 16 | u64::from(v))
}

/// One item of one LSH band as it is sorted to find the band's buckets: the band's key, the
/// item's number and its signature. Sorted, each bucket's items come together, in the order
/// of their numbers.
pub(crate) type Banded = (u64, u32, Signature);

impl Record for Banded {
    const SIZE: usize = 12 + 2 * HASHES;

    fn write(&self, out: &mut Vec<u8>) {
        (self.0, self.1).write(out);
        self.2
            .iter()
            .for_each(|h| out.extend_from_slice(&h.to_le_bytes()));
    }

    fn read(bytes: &[u8]) -> Self {
        let mut f = Fields::new(bytes);
        let (key, item) = (f.u64(), f.u32());
        let mut sig = [0; HASHES];
        sig.iter_mut().for_each(|h| *h = f.u16());
        (key, item, sig)
    }
}

/// Calls `found(i, j, similarity)`, `i < j`, for each pair among the first [`BUCKET_CAP`]
/// items of each bucket of one band whose estimated similarity is at least `threshold`.
/// `items` are the band's items in ascending order (see [`Banded`]); only a bucket's worth
/// is held at a time, so the band can come from an external sort. A pair that shares
/// several bands is found in each: callers that need it once remove repeats.
pub(crate) fn band_pairs<E>(
    items: impl IntoIterator<Item = Result<Banded, E>>,
    threshold: f64,
    mut found: impl FnMut(u32, u32, f64),
) -> Result<(), E> {
    let mut compare = |bucket: &[(u32, Signature)]| {
        for (n, (x, sx)) in bucket.iter().enumerate() {
            for (y, sy) in &bucket[n + 1..] {
                let sim = similarity(sx, sy);
                if sim >= threshold {
                    found(*x, *y, sim);
                }
            }
        }
    };
    let mut bucket: Vec<(u32, Signature)> = Vec::with_capacity(BUCKET_CAP);
    let mut key = None;
    for item in items {
        let (k, i, sig) = item?;
        if key != Some(k) {
            compare(&bucket);
            bucket.clear();
            key = Some(k);
        }
        if bucket.len() < BUCKET_CAP {
            bucket.push((i, sig));
        }
    }
    compare(&bucket);
    Ok(())
}

/// Pairs `(i, j, similarity)`, `i < j`, of items that share a bucket in at least one band
/// (among its first [`BUCKET_CAP`] items) and whose estimated similarity is at least
/// `threshold`, each once, in ascending order. Bands are sorted in memory, as many at a
/// time as the current thread pool has threads.
pub fn similar_pairs<S: Borrow<Signature> + Sync>(
    sigs: &[S],
    threshold: f64,
) -> Vec<(usize, usize, f64)> {
    let bands: Vec<Vec<(usize, usize, f64)>> = (0..BANDS)
        .into_par_iter()
        .map(|band| {
            let mut items: Vec<Banded> = sigs
                .iter()
                .enumerate()
                .map(|(i, s)| (band_key(s.borrow(), band), i as u32, *s.borrow()))
                .collect();
            items.sort_unstable();
            let mut pairs = Vec::new();
            let Ok(()) = band_pairs(
                items.into_iter().map(Ok::<_, Infallible>),
                threshold,
                |i, j, sim| {
                    pairs.push((i as usize, j as usize, sim));
                },
            );
            pairs
        })
        .collect();
    let mut pairs: Vec<(usize, usize, f64)> = bands.into_iter().flatten().collect();
    pairs.sort_unstable_by_key(|&(i, j, _)| (i, j));
    pairs.dedup_by_key(|&mut (i, j, _)| (i, j));
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_hashes_ignore_case_and_punctuation() {
        assert_eq!(word_hashes("The U.S. said"), word_hashes("the u s, SAID!"));
        assert_eq!(word_hashes("Ünïcode wörds").len(), 2);
    }

    #[test]
    fn band_keys_read_from_stored_signatures_are_the_keys() {
        let sig: Signature = std::array::from_fn(|i| (i as u16).wrapping_mul(40_503) ^ 0x8001);
        let stored: Vec<u8> = sig.iter().flat_map(|h| h.to_le_bytes()).collect();
        for band in 0..BANDS {
            assert_eq!(stored_band_key(&stored, band), band_key(&sig, band));
        }
        assert_eq!(band_key(&sig, 0) >> 48, u64::from(sig[0]));
    }

    #[test]
    fn pairs_come_in_the_same_order_on_any_pool() {
        let sigs: Vec<Signature> = (0..60)
            .map(|i| {
                let text = format!(
                    "The committee approved the plan on day {} of the debate",
                    i % 7
                );
                signature(&word_hashes(&text), 2)
            })
            .collect();
        let refs: Vec<&Signature> = sigs.iter().collect();
        let on = |threads| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| similar_pairs(&refs, 0.5))
        };
        let one = on(1);
        assert!(one.len() > 100, "{} pairs", one.len());
        assert!(one.iter().all(|&(i, j, _)| i < j));
        assert_eq!(one, on(3));
    }

    #[test]
    fn every_instruction_set_gives_the_same_signature() {
        let text = "The committee approved the plan on day three of the long debate in the capital";
        let words = word_hashes(text);
        for k in 1..=4 {
            for n in [0, 1, 2, 5, words.len()] {
                assert_eq!(signature(&words[..n], k), signature_with(&words[..n], k));
            }
        }
    }

    #[test]
    fn one_changed_word_stays_similar() {
        let a = word_hashes(
            "Russia's long range bombers can't use the shorter runways at its airbase in Syria, and until now have been taking off at airbases inside Russian Federation.",
        );
        let b = word_hashes(
            "Russia's long range bombers can't use the shorter runways at its airbase in Syria, and until now have been taking off at airbases inside Russia.",
        );
        let c = word_hashes(
            "The weather in the capital was mild and dry for most of the week, forecasters said.",
        );
        let (sa, sb, sc) = (signature(&a, 2), signature(&b, 2), signature(&c, 2));
        assert!(similarity(&sa, &sb) > 0.7);
        assert!(similarity(&sa, &sc) < 0.2);
        let pairs = similar_pairs(&[&sa, &sb, &sc], 0.5);
        assert_eq!(pairs, [(0, 1, similarity(&sa, &sb))]);
        assert!(similar_pairs(&[&sa, &sb, &sc], 0.99).is_empty());
    }
}
