//! Cross-document linking: every name mention joins one corpus-wide entity.
//!
//! Each document first groups its mentions by a link key ([`link_key`]): the gazetteer
//! canonical name, the canonical designator, or the normalised surface (lower case, American
//! spelling, no articles or dots; for organisations the bag of words plus the country that
//! qualifies them, so "Russian Defence Ministry" and "Ministry of Defense of the Russian
//! Federation" meet). The [`Linker`] then joins those per-document groups across the corpus:
//! equal keys; a surname to the one full name that ends with it; an acronym to the name it
//! was defined for or whose initials it spells; a shorter organisation name to the longer one
//! that only adds a country or an organisation in front (Security Council -> UN Security
//! Council, but not National Security Council); and transliteration variants (the same
//! consonant skeleton within a small edit distance and the same kind of thing). Different
//! known names are never merged.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::words::{family_name_first, initials_spell, strip_article};
use super::{EntityType, Mention};
use crate::chunked::Chunked;
use crate::interner::Interner;
use crate::lexicon::{lexicon, with_rewritten};
use crate::sorter::{RUN_BYTES, Record, Sorter};
use crate::spill::{Fields, Spill};
use crate::unionfind::UnionFind;

/// Kinds of things that may share an entity: places of every type are one family.
fn family(ty: EntityType) -> &'static str {
    match ty {
        EntityType::Gpe | EntityType::Loc | EntityType::Fac => "place",
        EntityType::Person => "person",
        EntityType::Org => "org",
        EntityType::Product => "product",
        EntityType::Law => "law",
        EntityType::Event => "event",
        EntityType::Norp => "norp",
        _ => "other",
    }
}

const FILLER: &[&str] = &["of", "the", "for", "and", "on", "&"];
/// Head words of state bodies, whose country may be written in several ways ("Russian
/// Defence Ministry", "Russia's Ministry of Defense"). Other names keep their country
/// words: the British and the Scottish National Party are different parties.
const GOVERNMENT: &[&str] = &[
    "ministry",
    "department",
    "embassy",
    "army",
    "navy",
    "government",
    "parliament",
    "police",
    "military",
    "cabinet",
    "office",
    "duma",
    "senate",
    "congress",
];

/// Lower case, American spelling, no dots, articles or possessives.
fn normalise(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len());
    normalise_into(surface, &mut out);
    out
}

/// [`normalise`], appended to `out`. Lower-cases each word into one reused buffer: ASCII
/// byte by byte, other words with `str::to_lowercase` (which knows the final sigma).
fn normalise_into(surface: &str, out: &mut String) {
    let lex = lexicon();
    // As `trim_start_matches` would, without building a substring searcher per call.
    let mut s = surface;
    while let Some(rest) = s.strip_prefix("the ") {
        s = rest;
    }
    while let Some(rest) = s.strip_prefix("The ") {
        s = rest;
    }
    let start = out.len();
    let mut lower = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        lower.clear();
        if w.is_ascii() {
            lower.extend(
                w.bytes()
                    .filter(|b| !matches!(b, b'.' | b'\''))
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
        } else {
            // Accents do not tell names apart: Erdoğan is Erdogan, İmamoğlu Imamoglu.
            lower.extend(
                w.to_lowercase()
                    .nfd()
                    .filter(|&c| !is_combining_mark(c) && !matches!(c, '.' | '’' | '\''))
                    .map(unaccented),
            );
        }
        let w = strip_article(&lower);
        let w = lex.spelling.get(w).map_or(w, String::as_str);
        if w != "al" && w != "el" && !w.is_empty() {
            if out.len() > start {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
}

/// The plain letter for a letter that Unicode does not decompose into one and a mark:
/// ı, ø, ł, đ.
fn unaccented(c: char) -> char {
    match c {
        'ı' => 'i',
        'ø' => 'o',
        'ł' => 'l',
        'đ' | 'ð' => 'd',
        _ => c,
    }
}

/// The key that groups a document's mentions: same key, same entity.
pub fn link_key(surface: &str, m: &Mention) -> String {
    let mut key = String::with_capacity(16 + surface.len());
    push_link_key(surface, m, &mut key);
    key
}

/// [`link_key`], appended to `key`.
fn push_link_key(surface: &str, m: &Mention, key: &mut String) {
    let fam = family(m.ty);
    key.push_str(fam);
    key.push('|');
    if m.ty == EntityType::Org {
        let name = m.known.as_deref().unwrap_or(surface);
        let (country, bag) = org_bag(name, m.qualifier.as_deref());
        if let Some(country) = country
            && bag.split(' ').any(|w| GOVERNMENT.contains(&w))
        {
            key.push_str(&country.to_lowercase());
            key.push('|');
            key.push_str(&bag);
            return;
        }
    }
    match &m.known {
        Some(k) => key.push_str(&k.to_lowercase()),
        None => normalise_into(surface, key),
    }
}

/// An organisation name as the country that qualifies it and the sorted bag of its other
/// words: "Ministry of Defence of the Russian Federation" -> (Russia, "defense ministry").
fn org_bag(name: &str, qualifier: Option<&str>) -> (Option<String>, String) {
    let lex = lexicon();
    let mut country = qualifier.map(str::to_owned);
    let mut bag = Vec::new();
    for w in normalise(name).split(' ').filter(|w| !FILLER.contains(w)) {
        let as_country = match with_capitalised(w, |c| lex.demonyms.get(c)) {
            Some(Some(c)) => Some((*c).to_owned()),
            _ => lex
                .gazetteer
                .get(w)
                .filter(|k| k.list == "countries.txt")
                .map(|k| k.canonical.to_owned()),
        };
        match as_country {
            Some(c) if country.as_ref().is_none_or(|q| *q == c) => country = Some(c),
            _ if matches!(w, "federation" | "republic") && country.is_some() => {}
            _ => bag.push(w.to_owned()),
        }
    }
    bag.sort();
    (country, bag.join(" "))
}

/// Calls `f` with `w` capitalised ("russian" -> "Russian"), on the stack for short ASCII
/// words.
fn with_capitalised<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let ascii = |b: &mut [u8]| {
        if let Some(first) = b.first_mut() {
            first.make_ascii_uppercase();
        }
    };
    let other = |w: &str| {
        let mut c = w.chars();
        c.next()
            .map(|first| first.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    };
    with_rewritten(w, ascii, other, f)
}

/// One document's mentions of one thing (same link key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalEntity {
    /// The link key.
    pub key: String,
    /// Mentions per type (weak guesses are counted apart).
    pub types: BTreeMap<EntityType, u32>,
    /// Mentions whose type was a default guess.
    pub weak_types: BTreeMap<EntityType, u32>,
    /// Surface forms and their counts.
    pub forms: BTreeMap<String, u32>,
    /// Canonical name from a list, if any.
    pub known: Option<String>,
    /// Roles the text gives.
    pub roles: BTreeSet<String>,
    /// The key of the name an acronym was defined for, in this document.
    pub expands: Option<String>,
}

impl LocalEntity {
    /// Total mentions.
    pub fn mentions(&self) -> u32 {
        self.forms.values().sum()
    }

    /// The type by majority, preferring evidence over default guesses.
    pub fn ty(&self) -> EntityType {
        let pick = |m: &BTreeMap<EntityType, u32>| {
            m.iter()
                .max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))
                .map(|(t, _)| *t)
        };
        pick(&self.types)
            .or_else(|| pick(&self.weak_types))
            .unwrap_or(EntityType::Org)
    }

    fn is_weak(&self) -> bool {
        self.types.is_empty()
    }

    /// The longest surface form.
    fn longest(&self) -> &str {
        self.forms
            .keys()
            .max_by_key(|f| (f.split_whitespace().count(), f.len()))
            .map_or("", String::as_str)
    }
}

/// Groups one document's name mentions by link key. Returns the groups and, for each
/// mention, the index of its group (`usize::MAX` for dates and numbers).
pub fn local_entities(text: &str, mentions: &[Mention]) -> (Vec<LocalEntity>, Vec<usize>) {
    let mut groups: Vec<LocalEntity> = Vec::new();
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    let mut of_mention = vec![usize::MAX; mentions.len()];
    // The keys of the mentions that others expand (acronyms take the key of the name they
    // stand for), by start; every other key is made in one reused buffer.
    // An acronym may come before the name it stands for (in a headline), so these keys
    // are made first.
    let expanded: FxHashSet<usize> = mentions.iter().filter_map(|m| m.expands).collect();
    let mut key_at: FxHashMap<usize, String> = FxHashMap::default();
    for m in mentions.iter().filter(|m| expanded.contains(&m.start)) {
        let mut key = String::new();
        push_link_key(&text[m.start..m.end], m, &mut key);
        key_at.insert(m.start, key);
    }
    let mut own = String::new();
    for (mi, m) in mentions.iter().enumerate() {
        if !m.ty.is_name() {
            continue;
        }
        let surface = &text[m.start..m.end];
        own.clear();
        push_link_key(surface, m, &mut own);
        let key = m.expands.and_then(|s| key_at.get(&s)).unwrap_or(&own);
        let gi = match by_key.get(key.as_str()) {
            Some(&gi) => gi,
            None => {
                by_key.insert(key.clone(), groups.len());
                groups.push(LocalEntity {
                    key: key.clone(),
                    types: BTreeMap::new(),
                    weak_types: BTreeMap::new(),
                    forms: BTreeMap::new(),
                    known: None,
                    roles: BTreeSet::new(),
                    expands: None,
                });
                groups.len() - 1
            }
        };
        let g = &mut groups[gi];
        let counts = if m.weak {
            &mut g.weak_types
        } else {
            &mut g.types
        };
        *counts.entry(m.ty).or_default() += 1;
        match g.forms.get_mut(surface) {
            Some(n) => *n += 1,
            None => {
                g.forms.insert(surface.to_owned(), 1);
            }
        }
        if g.known.is_none() {
            g.known.clone_from(&m.known);
        }
        if let Some(r) = &m.role {
            g.roles.insert(r.clone());
        }
        of_mention[mi] = gi;
    }
    (groups, of_mention)
}

/// A corpus-wide entity as owned values (see [`EntityTable::get`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The canonical name.
    pub canonical: String,
    /// The entity type.
    pub ty: EntityType,
    /// Every surface form, sorted.
    pub aliases: Vec<String>,
    /// Indices of the documents that mention it, ascending (32 bits: a corpus holds one
    /// per group of each document, about a million in 35,000 documents).
    pub documents: Vec<u32>,
    /// Total mentions.
    pub mentions: u32,
    /// Roles given by the text, sorted.
    pub roles: Vec<String>,
}

/// The corpus-wide entities, in the report's order. Names are numbers into the linker's
/// strings and lists are slices of one pool of numbers, so an entity costs a few dozen
/// bytes instead of a handful of allocations: as owned strings and lists, the table was
/// the largest thing held while the report was written.
#[derive(Debug)]
pub struct EntityTable {
    strings: Interner,
    rows: Vec<Row>,
    /// Each row's aliases, documents and roles, one list after the other.
    pool: Vec<u32>,
}

/// One entity of an [`EntityTable`]: string numbers, and its lists' lengths from `start`
/// in the pool.
#[derive(Debug, Clone, Copy)]
struct Row {
    canonical: u32,
    ty: EntityType,
    mentions: u32,
    start: usize,
    aliases: u32,
    documents: u32,
    roles: u32,
}

impl EntityTable {
    /// The number of entities.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Entity `i`'s canonical name.
    pub fn canonical(&self, i: usize) -> &str {
        self.strings.get(self.rows[i].canonical)
    }

    /// Entity `i`'s type.
    pub fn ty(&self, i: usize) -> EntityType {
        self.rows[i].ty
    }

    /// Entity `i`'s mentions in all documents.
    pub fn mentions(&self, i: usize) -> u32 {
        self.rows[i].mentions
    }

    /// Entity `i`'s aliases, documents and roles as numbers.
    fn lists(&self, i: usize) -> (&[u32], &[u32], &[u32]) {
        let r = &self.rows[i];
        let (aliases, rest) = self.pool[r.start..].split_at(r.aliases as usize);
        let (documents, rest) = rest.split_at(r.documents as usize);
        (aliases, documents, &rest[..r.roles as usize])
    }

    /// Indices of the documents that mention entity `i`, ascending.
    pub fn documents(&self, i: usize) -> &[u32] {
        self.lists(i).1
    }

    /// Entity `i`'s surface forms, sorted.
    pub fn aliases(&self, i: usize) -> impl Iterator<Item = &str> {
        self.lists(i).0.iter().map(|&s| self.strings.get(s))
    }

    /// The roles the text gives entity `i`, sorted.
    pub fn roles(&self, i: usize) -> impl Iterator<Item = &str> {
        self.lists(i).2.iter().map(|&s| self.strings.get(s))
    }

    /// Every entity as owned values, in order.
    pub fn iter(&self) -> impl Iterator<Item = Entity> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Entity `i` as owned values.
    pub fn get(&self, i: usize) -> Entity {
        Entity {
            canonical: self.canonical(i).to_owned(),
            ty: self.ty(i),
            aliases: self.aliases(i).map(str::to_owned).collect(),
            documents: self.documents(i).to_vec(),
            mentions: self.mentions(i),
            roles: self.roles(i).map(str::to_owned).collect(),
        }
    }
}

/// How a short form relates to the longer name it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum ShortKind {
    /// Blair -> Tony Blair.
    Surname,
    /// Steven -> Steven Gerrard, only within one document.
    Given,
    /// DCNF -> Daily Caller News Foundation.
    Initials,
    /// Security Council -> UN Security Council.
    Unprefixed,
}

/// A short form's lookup key: its kind and its normalised text, interned (see
/// [`Linker::short_forms`]) so that a million groups do not each hold a copy.
type ShortKey = (ShortKind, u32);

/// The groups with one longer name, each with the root of its entity, and those roots
/// without repeats (see [`Linker::link_short_forms`]).
type LongerNames = (Vec<(u32, u32)>, Vec<u32>);

/// What linking reads of one document's group, kept in memory until the end: strings
/// interned, the type and whether it was a guess worked out once. Groups alike in all of
/// this are one [`Linker`] kind, stored once; the group's surface forms, types and roles,
/// needed only when the entities are built, wait in the linker's spill (see
/// [`Linker::add`]).
#[derive(Debug, PartialEq, Eq, Hash)]
struct Group {
    key: u32,
    /// The canonical name from a list, or [`NOT_KNOWN`].
    known: u32,
    longest: u32,
    ty: EntityType,
    weak: bool,
}

/// `Group::known` of a name no list knows.
const NOT_KNOWN: u32 = u32::MAX;

impl Group {
    fn known(&self) -> Option<u32> {
        (self.known != NOT_KNOWN).then_some(self.known)
    }
}

/// Collects every document's groups and joins them into corpus entities.
///
/// A group's surface forms, types and roles go to a [`Spill`] as it is added, and are read
/// back in order when the entities are built. In memory stay each group's kind (4 bytes:
/// a million groups of a corpus are some tens of thousands of kinds, each 16 bytes), the
/// interned strings and where each document's groups start.
pub struct Linker {
    /// The distinct groups, in the order first seen.
    kinds: Vec<Group>,
    /// Kind numbers, by the hash of their kinds.
    kind_ids: HashTable<u32>,
    /// Each group's kind.
    groups: Chunked<u32>,
    /// Id of each document's first group.
    doc_starts: Vec<u32>,
    strings: Interner,
    lists: Spill,
    /// The current document's lists, encoded before they are spilled at once.
    buf: Vec<u8>,
}

impl Linker {
    /// An empty linker that puts the groups' lists in `lists`.
    pub fn new(lists: Spill) -> Linker {
        Linker {
            kinds: Vec::new(),
            kind_ids: HashTable::new(),
            groups: Chunked::default(),
            doc_starts: Vec::new(),
            strings: Interner::default(),
            lists,
            buf: Vec::new(),
        }
    }

    /// Number of groups added so far (the id the next group will get).
    pub fn groups(&self) -> usize {
        self.groups.len()
    }

    /// Adds the next document's groups (the first document is number 0); returns the id of
    /// the first group (ids are consecutive).
    ///
    /// Each group's lists go to the spill as 32-bit words: the number of forms, then each
    /// form's string id and count; the number of types, then each type (its index, plus 256
    /// for a default guess) and count; the number of roles, then each role's string id.
    /// [`Linker::build`] reads them back in the same order.
    pub fn add(&mut self, groups: Vec<LocalEntity>) -> usize {
        let first = self.groups.len();
        self.doc_starts.push(first as u32);
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        for g in groups {
            let mut put = |n: u32| buf.extend_from_slice(&n.to_le_bytes());
            put(g.forms.len() as u32);
            for (f, &n) in &g.forms {
                put(self.strings.id(f));
                put(n);
            }
            put((g.types.len() + g.weak_types.len()) as u32);
            for (weak, counts) in [(false, &g.types), (true, &g.weak_types)] {
                for (&t, &n) in counts {
                    put(t as u32 | u32::from(weak) << 8);
                    put(n);
                }
            }
            put(g.roles.len() as u32);
            for r in &g.roles {
                put(self.strings.id(r));
            }
            let group = Group {
                key: self.strings.id(&g.key),
                known: g.known.as_deref().map_or(NOT_KNOWN, |k| self.strings.id(k)),
                longest: self.strings.id(g.longest()),
                ty: g.ty(),
                weak: g.is_weak(),
            };
            let kind = self.kind(group);
            self.groups.push(kind);
        }
        self.lists.put(&buf);
        self.buf = buf;
        first
    }

    /// The number of `group`'s kind, a new one if no group was alike before.
    fn kind(&mut self, group: Group) -> u32 {
        let Linker {
            kinds, kind_ids, ..
        } = self;
        let hash = FxBuildHasher.hash_one(&group);
        if let Some(&k) = kind_ids.find(hash, |&k| kinds[k as usize] == group) {
            return k;
        }
        let k = kinds.len() as u32;
        kinds.push(group);
        kind_ids.insert_unique(hash, k, |&k| FxBuildHasher.hash_one(&kinds[k as usize]));
        k
    }

    /// Group `i`.
    fn group(&self, i: usize) -> &Group {
        &self.kinds[self.groups[i] as usize]
    }

    /// Every group, in order.
    fn each_group(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().map(|&k| &self.kinds[k as usize])
    }

    fn longest(&self, g: &Group) -> &str {
        self.strings.get(g.longest)
    }

    /// The document of each group, in group order: a walk along the documents' starts, not
    /// a search per group (a million documents' starts are 4 MB).
    fn group_docs(&self) -> impl Iterator<Item = u32> + '_ {
        let n = self.groups.len() as u32;
        let ends = self.doc_starts.iter().skip(1).copied().chain([n]);
        (0..)
            .zip(self.doc_starts.iter().zip(ends))
            .flat_map(|(doc, (&start, end))| std::iter::repeat_n(doc, (end - start) as usize))
    }

    /// Joins the groups into entities. Returns the entities (in the contract's order) and,
    /// for each group id, the index of its entity.
    /// Fails only when the spilled lists cannot be read back.
    pub fn finish(mut self) -> std::io::Result<(EntityTable, Vec<u32>)> {
        // Every kind is known: none is looked up again.
        self.kind_ids = HashTable::new();
        let n = self.groups.len();
        let mut uf = UnionFind::new(n);
        // Short forms (a surname, an acronym, a name without its country) wait: "Blair"
        // in one article and "Blair" in another may be different people.
        let (short_key, long_names) = self.short_forms();
        self.union_equal_keys(&mut uf, |_, kind| short_key[kind].is_none());
        let linked = self.link_short_forms(&mut uf, &short_key, long_names);
        let short: Vec<bool> = short_key.iter().map(Option::is_some).collect();
        drop(short_key);
        // Short forms that matched nothing are one entity per spelling.
        self.union_equal_keys(&mut uf, |i, kind| short[kind] && !linked[i]);
        drop(linked);
        self.link_transliterations(&mut uf, |kind| !short[kind]);
        drop(short);
        self.build(&mut uf)
    }

    /// Joins the groups with equal keys among those that `take(group, kind)`.
    fn union_equal_keys(&self, uf: &mut UnionFind, take: impl Fn(usize, usize) -> bool) {
        let mut first_with_key: FxHashMap<u32, usize> = FxHashMap::default();
        for (i, &kind) in self.groups.iter().enumerate() {
            if !take(i, kind as usize) {
                continue;
            }
            let g = &self.kinds[kind as usize];
            match first_with_key.get(&g.key) {
                Some(&j) => {
                    uf.union(i, j);
                }
                None => {
                    first_with_key.insert(g.key, i);
                }
            }
        }
    }

    /// Finds the short forms: for each kind of group, the key under which it may be a short
    /// form of a longer name (a surname or, in its own document, a given name of a full
    /// name, an acronym of an organisation's
    /// initials, an organisation name that another only prefixes with a country or
    /// organisation: Security Council -> UN Security Council, but not National Security
    /// Council), and for each such key the groups with the longer names.
    fn short_forms(&self) -> (Vec<Option<ShortKey>>, FxHashMap<ShortKey, Vec<u32>>) {
        let lex = lexicon();
        let mut texts: FxHashMap<String, u32> = FxHashMap::default();
        let mut intern = |text: String| {
            let next = texts.len() as u32;
            *texts.entry(text).or_insert(next)
        };
        // The keys under which each kind is a longer name.
        let mut long_keys: Vec<Vec<ShortKey>> = Vec::with_capacity(self.kinds.len());
        for g in &self.kinds {
            let mut keys = Vec::new();
            let words: Vec<&str> = self.longest(g).split_whitespace().collect();
            match g.ty {
                _ if words.len() < 2 => {}
                EntityType::Person => {
                    let last = intern(normalise(words[words.len() - 1]));
                    keys.push((ShortKind::Surname, last));
                    if let Some(family) = family_name_first(self.longest(g)) {
                        keys.push((ShortKind::Surname, intern(normalise(family))));
                    }
                    if lex.given_names.contains(words[0]) {
                        keys.push((ShortKind::Given, intern(normalise(words[0]))));
                    }
                }
                EntityType::Org => {
                    let caps: String = words
                        .iter()
                        .filter(|w| !FILLER.contains(&w.to_lowercase().as_str()))
                        .filter_map(|w| w.chars().next())
                        .collect();
                    keys.push((ShortKind::Initials, intern(caps.to_uppercase())));
                    for k in 1..words.len() {
                        // Only a country or an organisation in front: UN Security Council.
                        let prefix_ok = words[..k].iter().all(|w| {
                            lex.gazetteer.get(&w.to_lowercase()).is_some_and(|x| {
                                x.list == "countries.txt" || x.ty == EntityType::Org
                            })
                        });
                        if prefix_ok {
                            let text = intern(normalise(&words[k..].join(" ")));
                            keys.push((ShortKind::Unprefixed, text));
                        }
                    }
                }
                _ => {}
            }
            long_keys.push(keys);
        }
        let offered: FxHashSet<ShortKey> = long_keys.iter().flatten().copied().collect();
        let short: Vec<Option<ShortKey>> = self
            .kinds
            .iter()
            .map(|g| {
                if g.known().is_some() {
                    return None;
                }
                let form = self.longest(g);
                let one_word = !form.contains(char::is_whitespace);
                let (kinds, text): (&[ShortKind], String) = if one_word
                    && g.ty == EntityType::Person
                {
                    // A surname first; a given name otherwise.
                    (&[ShortKind::Surname, ShortKind::Given], normalise(form))
                } else if one_word && form.len() >= 3 && form.chars().all(|c| c.is_uppercase()) {
                    // Capitals spell initials, even when their type is a guess: DCNF.
                    (&[ShortKind::Initials], form.to_owned())
                } else if one_word && g.weak {
                    (&[ShortKind::Surname], normalise(form))
                } else if g.ty == EntityType::Org {
                    (&[ShortKind::Unprefixed], normalise(form))
                } else {
                    return None;
                };
                // A text no longer name gave cannot be the short form of one.
                let text = *texts.get(&text)?;
                kinds
                    .iter()
                    .map(|&kind| (kind, text))
                    .find(|key| offered.contains(key))
            })
            .collect();
        // Only the longer names that some short form may stand for are listed by group.
        let wanted: FxHashSet<ShortKey> = short
            .iter()
            .flatten()
            .flat_map(|&(kind, text)| {
                let given = (kind == ShortKind::Surname).then_some((ShortKind::Given, text));
                [Some((kind, text)), given]
            })
            .flatten()
            .collect();
        let mut long: FxHashMap<ShortKey, Vec<u32>> = FxHashMap::default();
        for (i, &kind) in self.groups.iter().enumerate() {
            for key in long_keys[kind as usize]
                .iter()
                .filter(|k| wanted.contains(k))
            {
                long.entry(*key).or_default().push(i as u32);
            }
        }
        (short, long)
    }

    /// Links each short form to the longer name in its own document, or else to the one the
    /// corpus names far more often than any other (in at least four in five of the
    /// documents that name one); never when that is ambiguous. `short` holds each kind's
    /// key as a short form. Returns the linked groups. Candidates are counted per entity,
    /// not per group, so common surnames stay linear.
    fn link_short_forms(
        &self,
        uf: &mut UnionFind,
        short: &[Option<ShortKey>],
        long: FxHashMap<ShortKey, Vec<u32>>,
    ) -> Vec<bool> {
        let n = self.groups.len();
        // Per key: each group with that longer name (ascending, so in document order) and
        // the root of its entity before any short form is linked, and those roots without
        // repeats: 12 bytes or less a longer name.
        let long: FxHashMap<ShortKey, LongerNames> = long
            .into_iter()
            .map(|(key, ids)| {
                let groups: Vec<(u32, u32)> = ids
                    .into_iter()
                    .map(|j| (j, uf.find(j as usize) as u32))
                    .collect();
                let mut roots: Vec<u32> = groups.iter().map(|&(_, r)| r).collect();
                roots.sort_unstable();
                roots.dedup();
                (key, (groups, roots))
            })
            .collect();
        // The groups of each entity that may be picked, before any short form is linked.
        let mut docs_of_root: FxHashMap<u32, u32> = long
            .values()
            .flat_map(|(_, roots)| roots)
            .map(|&r| (r, 0))
            .collect();
        for i in 0..n {
            if let Some(count) = docs_of_root.get_mut(&(uf.find(i) as u32)) {
                *count += 1;
            }
        }
        let mut linked = vec![false; n];
        let mut here: Vec<u32> = Vec::new();
        for ((i, &kind), doc) in self.groups.iter().enumerate().zip(self.group_docs()) {
            let Some(key) = short[kind as usize] else {
                continue;
            };
            // The entities with the longer name in this document, if any: for a person's
            // single name, by surname first and by given name then (Sharon beside Sharon
            // Osbourne is not Ariel Sharon).
            let doc = doc as usize;
            let start = self.doc_starts[doc];
            let end = self.doc_starts.get(doc + 1).map_or(n as u32, |&e| e);
            let given = (self.kinds[kind as usize].ty == EntityType::Person
                && key.0 == ShortKind::Surname)
                .then_some((ShortKind::Given, key.1));
            here.clear();
            for (groups, _) in [Some(key), given]
                .into_iter()
                .flatten()
                .filter_map(|k| long.get(&k))
            {
                let from = groups.partition_point(|&(j, _)| j < start);
                let to = groups.partition_point(|&(j, _)| j < end);
                here.extend(groups[from..to].iter().map(|&(_, r)| r));
                if !here.is_empty() {
                    break;
                }
            }
            here.sort_unstable();
            here.dedup();
            // A given name alone names no one outside its document, nor do capitals that
            // only a guess typed (DCNF beside Daily Caller News Foundation, but not WMD
            // for World Music Day in another document).
            let guessed = key.0 == ShortKind::Initials && self.kinds[kind as usize].weak;
            let pick = match long.get(&key) {
                _ if !here.is_empty() => &here,
                Some((_, anywhere)) if key.0 != ShortKind::Given && !guessed => anywhere,
                _ => continue,
            };
            let weight = |r: u32| docs_of_root[&r] as usize;
            let total: usize = pick.iter().map(|&r| weight(r)).sum();
            let best = pick
                .iter()
                .copied()
                .max_by_key(|&r| (weight(r), std::cmp::Reverse(r)));
            if let Some(best) = best
                && (pick.len() == 1 || weight(best) * 5 >= total * 4)
            {
                uf.union(i, best as usize);
                linked[i] = true;
            }
        }
        linked
    }

    /// Spelling variants of transliterated names: Hamedan/Hamadan, Hizbollah/Hezbollah.
    /// Among the groups of the kinds that `take(kind)`.
    fn link_transliterations(&self, uf: &mut UnionFind, take: impl Fn(usize) -> bool) {
        // The first group of each longest form and family: a million groups share far
        // fewer spellings. People's names in English news are not transliteration variants
        // often enough to risk Howard = Hayward.
        let mut first: FxHashMap<(u32, &'static str), usize> = FxHashMap::default();
        for (i, &kind) in self.groups.iter().enumerate() {
            let g = &self.kinds[kind as usize];
            if take(kind as usize) && g.ty != EntityType::Person {
                first.entry((g.longest, family(g.ty))).or_insert(i);
            }
        }
        // Sorted by a hash of the skeleton, so that spellings with one skeleton come
        // together without a map of strings; each run is then split by the skeletons
        // themselves, which a hash may confuse.
        let mut keyed: Vec<(u64, &'static str, u32, usize)> = first
            .into_iter()
            .filter_map(|((id, family), i)| {
                let form = normalise(self.strings.get(id));
                let sk = skeleton(&form);
                (sk.chars().count() >= 3 && form.len() >= 5)
                    .then(|| (FxBuildHasher.hash_one(&sk), family, id, i))
            })
            .collect();
        keyed.sort_unstable();
        for run in keyed.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            if run.len() < 2 {
                continue;
            }
            // Skeleton -> distinct normalised forms -> the first group with that form.
            let mut by_skeleton: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
            for &(_, _, id, i) in run {
                let form = normalise(self.strings.get(id));
                let first = by_skeleton
                    .entry(skeleton(&form))
                    .or_default()
                    .entry(form)
                    .or_insert(i);
                *first = (*first).min(i);
            }
            for forms in by_skeleton.into_values() {
                let forms: Vec<(String, usize)> = forms.into_iter().collect();
                for w in 1..forms.len() {
                    for v in 0..w {
                        let ((fa, ia), (fb, ib)) = (&forms[v], &forms[w]);
                        let (a, b) = (self.group(*ia), self.group(*ib));
                        let distinct_known =
                            a.known().is_some() && b.known().is_some() && a.known != b.known;
                        let short = fa.len().min(fb.len()) < 8;
                        let allowed = if short { 1 } else { 2 };
                        // A short name only guessed at is too often another word one letter
                        // away: Beetle and Beatle, Hutch and Hitch.
                        let guessed = short && (a.weak || b.weak);
                        if !distinct_known
                            && !guessed
                            && edit_distance(fa, fb) <= allowed
                            && fa.split(' ').count() == fb.split(' ').count()
                        {
                            uf.union(*ia, *ib);
                        }
                    }
                }
            }
        }
    }

    /// Builds the entities from the joined groups. The groups' lists are read back in
    /// order, each item sorted by entity (in runs on disk when the lists were spilled),
    /// and each entity's items then come together and are added up in one [`Tally`]: in
    /// memory stay only the entities built so far and the sort's run.
    fn build(mut self, uf: &mut UnionFind) -> std::io::Result<(EntityTable, Vec<u32>)> {
        let n = self.groups.len();
        // Entities are numbered in the order of their roots, each its set's smallest group,
        // which comes before the set's other groups.
        let mut entity_of = vec![0u32; n];
        let mut count = 0;
        for i in 0..n {
            let r = uf.find(i);
            entity_of[i] = if r == i {
                count += 1;
                count - 1
            } else {
                entity_of[r]
            };
        }
        let lists = std::mem::replace(&mut self.lists, Spill::in_memory()).finish()?;
        let mut items = Sorter::new(lists.on_disk().then_some(RUN_BYTES))?;
        let mut lists = std::io::BufReader::with_capacity(1 << 16, lists.stream()?);
        let mut next = || -> std::io::Result<u32> {
            let mut word = [0; 4];
            std::io::Read::read_exact(&mut lists, &mut word)?;
            Ok(u32::from_le_bytes(word))
        };
        for ((i, g), doc) in self.each_group().enumerate().zip(self.group_docs()) {
            let mut item = |what: Item, value: u32, count: u32| {
                items.push((entity_of[i], doc, what, value, count));
            };
            let mut mentions = 0;
            for _ in 0..next()? {
                let (form, c) = (next()?, next()?);
                item(Item::Form, form, c);
                mentions += c;
            }
            for _ in 0..next()? {
                let (ty, c) = (next()?, next()?);
                item(Item::Type, ty, c);
            }
            for _ in 0..next()? {
                item(Item::Role, next()?, 0);
            }
            if let Some(k) = g.known() {
                item(Item::Known, k, mentions);
            }
        }
        // The groups are all read: only their strings and documents are needed from here
        // on, and the entities are built in the memory the groups and kinds took.
        drop(std::mem::take(&mut self.groups));
        drop(std::mem::take(&mut self.kinds));
        let mut rows: Vec<Row> = Vec::with_capacity(count as usize);
        let mut pool = Vec::new();
        let mut t = Tally::default();
        let mut at = None;
        for sorted in items.finish()? {
            let (entity, doc, what, value, count) = sorted?;
            if at != Some(entity) {
                if at.is_some() {
                    rows.push(t.entity(&mut self.strings, &mut pool));
                }
                at = Some(entity);
            }
            // Every group has a form (it was made from a mention), so every document of
            // the entity is seen, in order.
            if t.docs.last() != Some(&doc) {
                t.docs.push(doc);
            }
            match what {
                Item::Form => add_count(&mut t.forms, value, count),
                Item::Type => add_count(&mut t.types, value, count),
                Item::Known => add_count(&mut t.known, value, count),
                Item::Role if !t.roles.contains(&value) => t.roles.push(value),
                Item::Role => {}
            }
        }
        if at.is_some() {
            rows.push(t.entity(&mut self.strings, &mut pool));
        }
        pool.shrink_to_fit();
        drop(std::mem::take(&mut self.doc_starts));
        let mut table = EntityTable {
            strings: std::mem::take(&mut self.strings),
            rows,
            pool,
        };
        let mut order: Vec<u32> = (0..table.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            let (x, y) = (&table.rows[a], &table.rows[b]);
            y.documents
                .cmp(&x.documents)
                .then(y.mentions.cmp(&x.mentions))
                .then(table.canonical(a).cmp(table.canonical(b)))
                .then(x.ty.cmp(&y.ty))
        });
        let mut new_index = vec![0u32; table.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old as usize] = new as u32;
        }
        for e in &mut entity_of {
            *e = new_index[*e as usize];
        }
        permute(&mut table.rows, new_index);
        Ok((table, entity_of))
    }
}

/// Moves `items[i]` to `items[to[i]]` for every `i`, in place: each cycle of the
/// permutation `to` is followed with swaps, so no second list is built.
fn permute<T>(items: &mut [T], mut to: Vec<u32>) {
    for i in 0..items.len() {
        while to[i] as usize != i {
            let j = to[i] as usize;
            items.swap(i, j);
            to.swap(i, j);
        }
    }
}

/// Adds `count` to `key`'s entry of a short list of counts.
fn add_count(counts: &mut Vec<(u32, u32)>, key: u32, count: u32) {
    match counts.iter_mut().find(|(k, _)| *k == key) {
        Some((_, c)) => *c += count,
        None => counts.push((key, count)),
    }
}

/// What an item of a group's lists is, on its way to its entity (see [`Linker::build`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Item {
    /// A surface form (string id) and its mentions.
    Form,
    /// A type (see [`Tally`]) and its mentions.
    Type,
    /// A role (string id).
    Role,
    /// The known name (string id) and the group's mentions.
    Known,
}

/// An item of a group's lists as the entities are built from them, sorted by entity:
/// entity, the group's document, what it is, its value (a string id or a type) and count.
/// 17 bytes on disk. Items of one entity and document may come in any order: a [`Tally`]
/// adds them up.
impl Record for (u32, u32, Item, u32, u32) {
    const SIZE: usize = 17;

    fn write(&self, out: &mut Vec<u8>) {
        let (entity, doc, what, value, count) = *self;
        for n in [entity, doc] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        out.push(what as u8);
        for n in [value, count] {
            out.extend_from_slice(&n.to_le_bytes());
        }
    }

    fn read(bytes: &[u8]) -> Self {
        let mut f = Fields::new(bytes);
        let (entity, doc) = (f.u32(), f.u32());
        let what = [Item::Form, Item::Type, Item::Role, Item::Known][usize::from(f.u8() & 3)];
        (entity, doc, what, f.u32(), f.u32())
    }
}

/// One entity's groups added up while the entity is built: its forms (by string id),
/// types (an [`EntityType`] index, plus 256 when the type was a default guess) and
/// known names with their mentions, and its documents and roles.
#[derive(Default)]
struct Tally {
    forms: Vec<(u32, u32)>,
    types: Vec<(u32, u32)>,
    known: Vec<(u32, u32)>,
    /// Ascending: groups come in document order.
    docs: Vec<u32>,
    roles: Vec<u32>,
}

impl Tally {
    /// The entity added up, its lists appended to `pool`, leaving the tally empty for the
    /// next (its lists keep their room).
    fn entity(&mut self, strings: &mut Interner, pool: &mut Vec<u32>) -> Row {
        let mut forms: Vec<(&str, u32, u32)> = self
            .forms
            .iter()
            .map(|&(f, c)| (strings.get(f), f, c))
            .collect();
        forms.sort_unstable_by(|a, b| a.0.cmp(b.0));
        // The type by majority, preferring evidence over default guesses; ties go to the
        // type declared first.
        let pick = |weak: bool| {
            self.types
                .iter()
                .filter(|(t, _)| (*t >= 256) == weak)
                .max_by_key(|&&(t, c)| (c, std::cmp::Reverse(t)))
                .map(|&(t, _)| EntityType::ALL[(t & 255) as usize])
        };
        let ty = pick(false)
            .or_else(|| pick(true))
            .unwrap_or(EntityType::Org);
        // The known name most mentioned; ties go to the first in alphabetical order.
        let known = self
            .known
            .iter()
            .map(|&(k, c)| (strings.get(k), k, c))
            .max_by(|a, b| a.2.cmp(&b.2).then(b.0.cmp(a.0)))
            .map(|(_, k, _)| k);
        let canonical = known.or_else(|| canonical_form(ty, &forms));
        let mentions = forms.iter().map(|f| f.2).sum();
        let start = pool.len();
        pool.extend(forms.iter().map(|f| f.1));
        let aliases = forms.len() as u32;
        drop(forms);
        self.roles
            .sort_unstable_by(|&a, &b| strings.get(a).cmp(strings.get(b)));
        let row = Row {
            canonical: canonical.unwrap_or_else(|| strings.id("")),
            ty,
            mentions,
            start,
            aliases,
            documents: self.docs.len() as u32,
            roles: self.roles.len() as u32,
        };
        pool.append(&mut self.docs);
        pool.append(&mut self.roles);
        self.forms.clear();
        self.types.clear();
        self.known.clear();
        row
    }
}

/// The fullest common form, as its string number: for people the longest name, for the
/// rest the most used form. `forms` are (text, number, mentions), sorted by text.
fn canonical_form(ty: EntityType, forms: &[(&str, u32, u32)]) -> Option<u32> {
    let best = if ty == EntityType::Person {
        forms.iter().max_by(|a, b| {
            let wa = a.0.split_whitespace().count();
            let wb = b.0.split_whitespace().count();
            wa.cmp(&wb)
                .then(a.2.cmp(&b.2))
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(a.0))
        })
    } else {
        // Prefer a spelled-out name to its acronym (Kurdish Workers Front, not KWF), also
        // to one written as a word (European Space Agency, not Esa).
        let spelled = |f: &str| {
            f.chars().any(char::is_lowercase)
                && (f.contains(' ')
                    || !forms
                        .iter()
                        .any(|o| o.0.contains(' ') && initials_spell(o.0, f)))
        };
        let any_spelled = forms.iter().any(|f| spelled(f.0));
        forms
            .iter()
            .filter(|f| spelled(f.0) || !any_spelled)
            .max_by(|a, b| {
                a.2.cmp(&b.2)
                    .then(a.0.len().cmp(&b.0.len()))
                    .then(b.0.cmp(a.0))
            })
    };
    best.map(|f| f.1)
}

/// Consonant skeleton: no vowels, no repeated letters, no spaces or hyphens. A word in
/// roman numerals stays whole, as digits do: Artemis II is not Artemis III, nor World War
/// I World War II.
fn skeleton(s: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    for word in s.split([' ', '-']) {
        if !word.is_empty() && word.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) {
            out.push('#');
            out.push_str(word);
            last = ' ';
            continue;
        }
        for c in word.chars().filter(|c| c.is_alphanumeric()) {
            if !"aeiouy".contains(c) && c != last {
                out.push(c);
            }
            last = c;
        }
    }
    out
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_on_the_stack_or_not() {
        assert!(with_capitalised("russian", |c| c == "Russian"));
        assert!(with_capitalised("émirati", |c| c == "Émirati"));
        assert!(with_capitalised("", str::is_empty));
    }

    #[test]
    fn types_fit_in_a_byte() {
        for (i, t) in EntityType::ALL.iter().enumerate() {
            assert_eq!(*t as usize, i);
        }
    }

    #[test]
    fn lists_on_disk_link_as_in_memory() {
        let docs = [
            "Tony Blair met Vladimir Putin in Moscow.\n\nBlair said the talks went well.",
            "Mr Blair flew to Hamedan.\n\nThe Hamadan base is used by Russia's Ministry of Defence.",
            "Blair and the Russian Defence Ministry spoke.",
        ];
        let link = |lists: Spill| {
            let mut linker = Linker::new(lists);
            for (i, text) in docs.iter().enumerate() {
                let a = crate::analyse(&format!("{i}.txt"), text.as_bytes()).unwrap();
                linker.add(local_entities(&a.text, &a.mentions).0);
            }
            let (table, of_group) = linker.finish().unwrap();
            (table.iter().collect::<Vec<Entity>>(), of_group)
        };
        let (entities, of_group) = link(Spill::temporary().unwrap());
        assert_eq!((entities.clone(), of_group), link(Spill::in_memory()));
        let blair = entities
            .iter()
            .find(|e| e.canonical == "Tony Blair")
            .unwrap();
        assert_eq!(blair.documents, [0, 1, 2]);
        assert_eq!(blair.aliases, ["Blair", "Tony Blair"]);
        assert_eq!(blair.ty, EntityType::Person);
        let base = entities
            .iter()
            .find(|e| e.aliases.contains(&"Hamadan".to_owned()))
            .unwrap();
        assert_eq!(base.aliases, ["Hamadan", "Hamedan"]);
    }

    #[test]
    fn each_group_knows_its_document_past_documents_without_names() {
        let docs = [
            "Tony Blair met Vladimir Putin.",
            "",
            "it rained all day.",
            "Paris was calm.",
        ];
        let mut linker = Linker::new(Spill::in_memory());
        for (i, text) in docs.iter().enumerate() {
            let a = crate::analyse(&format!("{i}.txt"), text.as_bytes()).unwrap();
            linker.add(local_entities(&a.text, &a.mentions).0);
        }
        assert_eq!(linker.group_docs().collect::<Vec<_>>(), [0, 0, 3]);
        let (entities, _) = linker.finish().unwrap();
        let docs_of = |name: &str| {
            let i = (0..entities.len())
                .find(|&i| entities.canonical(i) == name)
                .unwrap();
            entities.documents(i)
        };
        assert_eq!(docs_of("Paris"), &[3]);
        assert_eq!(docs_of("Vladimir Putin"), &[0]);
    }

    #[test]
    fn groups_alike_are_kept_once_and_still_link_in_their_own_documents() {
        // "Blair" is one kind of group in every document, but stands for Tony Blair in
        // some and for Cherie Blair in others.
        let docs = [
            "Tony Blair met officials in Moscow.\n\nBlair said the talks went well.",
            "Cherie Blair visited a school in Paris.\n\nBlair said the pupils were bright.",
        ];
        let mut linker = Linker::new(Spill::in_memory());
        let mut blairs = Vec::new();
        for i in 0..200 {
            let a = crate::analyse(&format!("{i}.txt"), docs[i % 2].as_bytes()).unwrap();
            let groups = local_entities(&a.text, &a.mentions).0;
            let blair = groups.iter().position(|g| g.longest() == "Blair").unwrap();
            blairs.push(linker.add(groups) + blair);
        }
        assert_eq!(linker.groups(), 200 * 3);
        // Tony Blair, Moscow, Blair, Cherie Blair, Paris.
        assert_eq!(linker.kinds.len(), 5);
        let (entities, of_group) = linker.finish().unwrap();
        let name = |g: usize| entities.canonical(of_group[g] as usize);
        for (i, &g) in blairs.iter().enumerate() {
            assert_eq!(name(g), ["Tony Blair", "Cherie Blair"][i % 2]);
        }
    }

    #[test]
    fn list_items_survive_their_records() {
        for item in [
            (0, 0, Item::Form, 0, 0),
            (60_000, 929_266, Item::Type, 256 + 3, 12),
            (7, 8, Item::Role, u32::MAX, 0),
            (u32::MAX, 1, Item::Known, 42, 99),
        ] {
            let mut bytes = Vec::new();
            item.write(&mut bytes);
            assert_eq!(bytes.len(), <(u32, u32, Item, u32, u32)>::SIZE);
            assert_eq!(<(u32, u32, Item, u32, u32)>::read(&bytes), item);
        }
    }

    #[test]
    fn permute_moves_each_item_to_its_place() {
        let mut items = ['a', 'b', 'c', 'd', 'e'];
        permute(&mut items, vec![2, 0, 1, 4, 3]);
        assert_eq!(items, ['b', 'c', 'a', 'e', 'd']);
    }

    #[test]
    fn skeletons_join_transliterations() {
        assert_eq!(skeleton("hamedan"), skeleton("hamadan"));
        assert_eq!(skeleton("hizbollah"), skeleton("hezbollah"));
        assert_eq!(edit_distance("qaeda", "qaida"), 1);
        assert_ne!(skeleton("artemis ii"), skeleton("artemis iii"));
        assert_ne!(skeleton("world war i"), skeleton("world war ii"));
        assert_eq!(skeleton("al-qaeda"), skeleton("al qaida"));
    }
}
