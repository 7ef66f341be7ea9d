//! Near-duplicate detection that scales: word-shingle MinHash signatures and LSH banding.
//!
//! Each item (a sentence or a whole document) becomes a short signature; items that share a
//! band of it become candidate pairs, and only those pairs are compared. Work grows with the
//! number of items, not with the number of pairs.

use rustc_hash::FxHashMap;

/// Hash functions in a signature.
pub const HASHES: usize = 32;
/// Rows per LSH band (HASHES / ROWS bands).
const ROWS: usize = 4;
/// Most items compared within one bucket, so a flood of identical boilerplate stays linear.
const BUCKET_CAP: usize = 24;

/// A stable 64-bit hash (FNV-1a), identical on every platform and run.
pub fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn mix(x: u64, seed: u64) -> u32 {
    let mut z = x ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) as u32
}

/// Hashes of the normalised words of `text` (runs of letters and digits, lower-cased),
/// without allocating a string per word.
pub fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut h: u64 = 0;
    let mut in_word = false;
    let push_byte = |h: &mut u64, b: u8| {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                h = 0xcbf2_9ce4_8422_2325;
                in_word = true;
            }
            if c.is_ascii() {
                push_byte(&mut h, c.to_ascii_lowercase() as u8);
            } else {
                let mut buf = [0u8; 4];
                for l in c.to_lowercase() {
                    for &b in l.encode_utf8(&mut buf).as_bytes() {
                        push_byte(&mut h, b);
                    }
                }
            }
        } else if in_word {
            out.push(h);
            in_word = false;
        }
    }
    if in_word {
        out.push(h);
    }
    out
}

/// One hash for a whole sequence of word hashes: equal word sequences, equal hash.
pub fn sequence_hash(words: &[u64]) -> u64 {
    words.iter().fold(0xcbf2_9ce4_8422_2325, |h, &w| {
        (h ^ w).wrapping_mul(0x0100_0000_01b3).rotate_left(7)
    })
}

/// The MinHash signature of the `k`-word shingles of a text given as word hashes.
pub fn signature(words: &[u64], k: usize) -> [u32; HASHES] {
    let mut sig = [u32::MAX; HASHES];
    let k = k.min(words.len()).max(1);
    for w in words.windows(k) {
        let x = w.iter().fold(0u64, |h, &wh| {
            h.rotate_left(17) ^ wh.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        });
        for (i, s) in sig.iter_mut().enumerate() {
            *s = (*s).min(mix(x, i as u64 + 1));
        }
    }
    sig
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &[u32; HASHES], b: &[u32; HASHES]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

/// Candidate pairs `(i, j)`, `i < j`, of items that share at least one band.
pub fn candidates(sigs: &[&[u32; HASHES]]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for band in 0..HASHES / ROWS {
        let mut buckets: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (i, s) in sigs.iter().enumerate() {
            let mut key = Vec::with_capacity(ROWS * 4);
            for v in &s[band * ROWS..(band + 1) * ROWS] {
                key.extend_from_slice(&v.to_le_bytes());
            }
            let bucket = buckets.entry(fnv(&key)).or_default();
            if bucket.len() < BUCKET_CAP {
                bucket.push(i);
            }
        }
        for ids in buckets.into_values() {
            for x in 0..ids.len() {
                for y in x + 1..ids.len() {
                    pairs.push((ids[x], ids[y]));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
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
        assert_eq!(candidates(&[&sa, &sb, &sc]), [(0, 1)]);
    }
}
