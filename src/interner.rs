//! Each distinct string once, by number: for the corpus-wide lists whose strings repeat
//! (entity names and forms, dates as written), so a million entries do not each hold a copy,
//! and for a document's vocabulary in its summary.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// Strings numbered in the order they were first seen. Each is stored once, in one buffer
/// after the others; the table that finds a string's number holds only the number, and
/// compares against the buffer. A map and a list of boxed strings held each text twice,
/// with about 50 bytes more per string: 8 MB more at the peak of `scan` and `entities` on
/// the 113 MB generated corpus (150,000 strings).
#[derive(Debug, Default)]
pub(crate) struct Interner {
    /// Every string, one after the other.
    text: String,
    /// Where each string ends in `text`; it starts where the one before ends.
    ends: Vec<usize>,
    /// Numbers, by the hash of their strings.
    table: HashTable<u32>,
}

impl Interner {
    /// An empty interner with room for `n` strings of `bytes` bytes in all, so that
    /// filling it does not grow its table step by step.
    pub(crate) fn with_capacity(n: usize, bytes: usize) -> Interner {
        Interner {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(n),
            table: HashTable::with_capacity(n),
        }
    }

    /// The number of `s`, given a new one if it was not seen before.
    pub(crate) fn id(&mut self, s: &str) -> u32 {
        let Interner { text, ends, table } = self;
        let hash = FxBuildHasher.hash_one(s);
        if let Some(&id) = table.find(hash, |&id| string(text, ends, id) == s) {
            return id;
        }
        let id = ends.len() as u32;
        text.push_str(s);
        ends.push(text.len());
        table.insert_unique(hash, id, |&id| {
            FxBuildHasher.hash_one(string(text, ends, id))
        });
        id
    }

    /// How many strings there are.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The string numbered `id`.
    pub(crate) fn get(&self, id: u32) -> &str {
        string(&self.text, &self.ends, id)
    }

    /// The strings, in the order of their ids.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len() as u32).map(|id| self.get(id))
    }
}

/// String `id` of an [`Interner`]'s buffer.
fn string<'a>(text: &'a str, ends: &[usize], id: u32) -> &'a str {
    let id = id as usize;
    let start = if id == 0 { 0 } else { ends[id - 1] };
    &text[start..ends[id]]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_a_number() {
        let mut i = Interner::default();
        let a = i.id("Hamedan");
        assert_eq!(i.id("Hamadan"), a + 1);
        assert_eq!(i.id("Hamedan"), a);
        assert_eq!((i.get(a), i.get(a + 1)), ("Hamedan", "Hamadan"));
    }

    #[test]
    fn numbers_survive_the_table_growing() {
        let mut i = Interner::default();
        let words: Vec<String> = (0..5000).map(|n| format!("w{n}")).collect();
        let ids: Vec<u32> = words.iter().map(|w| i.id(w)).collect();
        assert_eq!(ids, (0..5000).collect::<Vec<u32>>());
        assert!(
            words
                .iter()
                .zip(&ids)
                .all(|(w, &id)| i.id(w) == id && i.get(id) == w)
        );
        assert_eq!(i.id(""), 5000);
        assert_eq!(i.get(5000), "");
    }
}
