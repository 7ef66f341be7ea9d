//! Each distinct string once, by number: for the corpus-wide lists whose strings repeat
//! (entity names and forms, dates as written), so a million entries do not each hold a copy.

use rustc_hash::FxHashMap;

/// Strings numbered in the order they were first seen.
#[derive(Debug, Default)]
pub(crate) struct Interner {
    ids: FxHashMap<Box<str>, u32>,
    strings: Vec<Box<str>>,
}

impl Interner {
    /// The number of `s`, given a new one if it was not seen before.
    pub(crate) fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.push(s.into());
        self.ids.insert(s.into(), id);
        id
    }

    /// The string numbered `id`.
    pub(crate) fn get(&self, id: u32) -> &str {
        &self.strings[id as usize]
    }
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
}
