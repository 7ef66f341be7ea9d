//! Stage 6, cross-document link & summary: folds per-document results into the report.
//!
//! [`Corpus::add`] takes one [`Analysis`] at a time and keeps in memory only what linking
//! and the cross-document summary need: counts, entity groups, hashes and signatures. The
//! document's own report parts and every text go to a [`Spill`]. [`Corpus::finish`] links
//! the entities, finds shared passages and duplicates, picks the corpus summary, orders the
//! timeline and groups quotations; the report's long lists (documents, entities, passages,
//! timeline, quotations) then come back one entry at a time as they are written.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::entities::{
    EntityTable, EntityType, Linker, LocalEntity, link::local_entities, link_key,
};
use crate::report::{
    BATCH_WEIGHT, CorpusQuote, CorpusStats, DateMention, DocEntity, DocReport, DocStats,
    EntityReport, ErrorRecord, Later, Passage, Quote, Report, SCHEMA_VERSION, SummarySentence,
    TimelineEntry, Tool, records::MentionRecord,
};
use crate::spill::{Slot, Spill, SpillReader};
use crate::summary::{self, DocParts, KeptSpills};
use crate::{Analysis, CharCounter};

/// Settings of the summary stages.
#[derive(Debug, Clone)]
pub struct Options {
    /// Sentences in each document's extractive summary.
    pub summary_sentences: usize,
    /// Sentences in the corpus summary.
    pub corpus_summary_sentences: usize,
    /// Key terms per document.
    pub keyterms: usize,
    /// Keep every mention for `corpus-scan entities`: they wait in the spill until linked.
    pub keep_mentions: bool,
    /// Add the finding and typing rules to mention records.
    pub explain: bool,
    /// Only link entities, for `corpus-scan entities`: no summaries, key terms, passages,
    /// duplicates, timeline or quotations are worked out, and the report has no documents.
    pub link_only: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            summary_sentences: 3,
            corpus_summary_sentences: 5,
            keyterms: 10,
            keep_mentions: false,
            explain: false,
            link_only: false,
        }
    }
}

/// What the corpus keeps of one document: built by [`digest`] on any thread, folded in
/// by [`Corpus::add_digest`] in document order.
pub struct Digest {
    id: String,
    path: String,
    warning: Option<String>,
    groups: Vec<LocalEntity>,
    /// The document's [`SpilledMention`]s, serialized (only with `keep_mentions`).
    mentions: Option<Vec<u8>>,
    parts: DocParts,
    /// The document's [`DocRecord`], serialized here so the folding thread only copies it
    /// (none with `link_only`).
    record: Option<Vec<u8>>,
}

/// Reduces one analysed document to what the corpus needs: its entity groups, summary
/// parts and signatures. Pure, so documents can be digested in parallel.
pub fn digest(path: &str, a: &Analysis, opts: &Options) -> Digest {
    let (groups, of_mention) = local_entities(&a.text, &a.mentions);
    let mentions = opts.keep_mentions.then(|| {
        let mut chars = CharCounter::default();
        let spilled: Vec<SpilledMention> = a
            .mentions
            .iter()
            .zip(&of_mention)
            .map(|(m, &g)| {
                let (start, end) = a.file_span(m.start, m.end);
                SpilledMention(
                    m.segment,
                    [
                        start,
                        end,
                        chars.at(&a.text, m.start),
                        chars.at(&a.text, m.end),
                    ],
                    a.slice(m.start, m.end).to_owned(),
                    m.ty,
                    (g != usize::MAX).then_some(g as u32),
                    opts.explain.then(|| {
                        let key = link_key(a.slice(m.start, m.end), m);
                        (m.found_by.to_owned(), m.typed_by.to_owned(), key)
                    }),
                )
            })
            .collect();
        postcard::to_stdvec(&spilled).unwrap_or_default()
    });
    let (parts, record) = if opts.link_only {
        (DocParts::default(), None)
    } else {
        let (parts, record) = summarised(path, a, &groups, &of_mention, opts);
        (parts, Some(record))
    };
    Digest {
        id: a.id.clone(),
        path: path.to_owned(),
        warning: a.warning.clone(),
        record,
        parts,
        groups,
        mentions,
    }
}

/// The document's summary parts, and its [`DocRecord`] serialized.
fn summarised(
    path: &str,
    a: &Analysis,
    groups: &[LocalEntity],
    of_mention: &[usize],
    opts: &Options,
) -> (DocParts, Vec<u8>) {
    let mut parts = summary::summarise(a, of_mention, opts);
    // The corpus needs the quotations and dates again; the rest only the record.
    let record = DocRecord {
        id: a.id.clone(),
        path: path.to_owned(),
        encoding: a.encoding.name().to_owned(),
        title: parts.title.take(),
        stats: parts.stats.clone(),
        groups: groups
            .iter()
            .map(|g| (g.mentions(), g.forms.keys().cloned().collect()))
            .collect(),
        terms: std::mem::take(&mut parts.terms),
        term_total: parts.term_total,
        summary: std::mem::take(&mut parts.summary),
        quotes: parts.quotes.clone(),
        dates: parts.dates.clone(),
    };
    // Plain data always serializes; an empty record would fail loudly when read back.
    let record = postcard::to_stdvec(&record).unwrap_or_default();
    (parts, record)
}

/// One document's own report parts, waiting in the spill for the corpus to be linked.
#[derive(Serialize, Deserialize)]
struct DocRecord {
    id: String,
    path: String,
    encoding: String,
    title: Option<String>,
    stats: DocStats,
    /// Per local group: mentions and forms in this document.
    groups: Vec<(u32, Vec<String>)>,
    terms: Vec<(String, u32)>,
    term_total: u32,
    summary: Vec<SummarySentence>,
    quotes: Vec<(usize, String, Option<usize>)>,
    dates: Vec<DateMention>,
}

/// One mention record as it waits in the spill for its canonical name: segment, file span
/// and code-point span, text, type, local entity group, and with `explain` the rules that
/// found and typed it and its link key. A tuple, so the spill holds no field names.
#[derive(Serialize, Deserialize)]
struct SpilledMention(
    u32,
    [usize; 4],
    String,
    EntityType,
    Option<u32>,
    Option<(String, String, String)>,
);

/// The corpus being folded.
///
/// Each document's report parts go to a [`Spill`] as it is added; in memory stay only the
/// entity groups, key-term document frequencies and the hashes and signatures of
/// cross-document work.
///
/// # Example
///
/// Fold analysed documents one at a time, then finish into the report: linking finds that
/// two spellings in two articles are one place.
///
/// ```
/// use corpus_scan::corpus::{Corpus, Options};
///
/// let mut corpus = Corpus::new(Options::default());
/// for (id, text) in [
///     ("a.txt", "Iran lets Moscow use Hamadan base\n\nRussian bombers flew from Hamadan."),
///     ("b.txt", "Bombers used Hamedan\n\nThe Tu-22M3 bombers took off from Hamedan in Iran."),
/// ] {
///     let a = corpus_scan::analyse(id, text.as_bytes()).unwrap();
///     corpus.add(id, &a);
/// }
/// let (report, _mentions) = corpus.finish().unwrap().collect().unwrap();
/// assert_eq!(report.corpus.documents, 2);
/// let place = report.entities.iter().find(|e| e.canonical == "Hamadan").unwrap();
/// assert_eq!(place.aliases, ["Hamadan", "Hamedan"]);
/// assert_eq!(place.documents, ["a.txt", "b.txt"]);
/// ```
pub struct Corpus {
    opts: Options,
    linker: Linker,
    errors: Vec<ErrorRecord>,
    failed: usize,
    /// Where each document's mention records are (only with `keep_mentions`).
    mentions: Vec<Slot>,
    /// Document frequency of each key-term candidate, by hash.
    df: FxHashMap<u64, u32>,
    ids: Vec<String>,
    /// Where each document's [`DocRecord`] is.
    records: Vec<Slot>,
    /// Id of each document's first entity group in the linker.
    group_bases: Vec<usize>,
    kept: summary::Kept,
    spill: Spill,
    stats: CorpusStats,
}

impl Corpus {
    /// An empty corpus that keeps everything in memory.
    pub fn new(opts: Options) -> Corpus {
        Corpus::with_spill(
            opts,
            Spill::in_memory(),
            KeptSpills::in_memory(),
            Spill::in_memory(),
        )
    }

    /// An empty corpus that spills documents' report parts and texts to a temporary file,
    /// the body sentences' signatures to another and the entity groups' forms, types and
    /// roles to a third, so memory grows by a few hundred bytes per document instead of by
    /// their report.
    pub fn spilling(opts: Options) -> std::io::Result<Corpus> {
        Ok(Corpus::with_spill(
            opts,
            Spill::temporary()?,
            KeptSpills::temporary()?,
            Spill::temporary()?,
        ))
    }

    /// `spill` takes the documents' report parts and texts, `kept` the lists of the
    /// cross-document summary, `groups` the lists of the linker's entity groups.
    fn with_spill(opts: Options, spill: Spill, kept: KeptSpills, groups: Spill) -> Corpus {
        Corpus {
            opts,
            linker: Linker::new(groups),
            errors: Vec::new(),
            failed: 0,
            mentions: Vec::new(),
            df: FxHashMap::default(),
            ids: Vec::new(),
            records: Vec::new(),
            group_bases: Vec::new(),
            kept: summary::Kept::new(kept),
            spill,
            stats: CorpusStats::default(),
        }
    }

    /// Records a file that could not be analysed.
    pub fn add_error(&mut self, path: &str, reason: &str) {
        self.failed += 1;
        self.errors.push(ErrorRecord {
            path: path.to_owned(),
            error: reason.to_owned(),
            severity: "error".to_owned(),
        });
    }

    /// Folds one analysed document in (see [`digest`] to do the per-document part elsewhere).
    pub fn add(&mut self, path: &str, a: &Analysis) {
        let d = digest(path, a, &self.opts);
        self.add_digest(d);
    }

    /// Folds in a document already reduced by [`digest`].
    pub fn add_digest(&mut self, mut d: Digest) {
        for h in std::mem::take(&mut d.parts.term_hashes) {
            *self.df.entry(h).or_default() += 1;
        }
        if let Some(w) = d.warning {
            self.errors.push(ErrorRecord {
                path: d.path.clone(),
                error: w,
                severity: "warning".to_owned(),
            });
        }
        let doc = self.ids.len();
        let group_base = self.linker.groups();
        if let Some(m) = d.mentions {
            self.mentions.push(self.spill.put(&m));
        }
        let s = &d.parts.stats;
        self.stats.sentences += s.sentences;
        self.stats.tokens += s.tokens;
        self.stats.words += s.words;
        self.stats.bytes += s.bytes;
        self.kept
            .add(doc, group_base, &mut d.parts, &mut self.spill);
        if let Some(record) = d.record {
            self.records.push(self.spill.put(&record));
        }
        self.group_bases.push(group_base);
        self.linker.add(d.groups);
        self.ids.push(d.id);
    }

    /// Links the entities and finishes every corpus-wide part of the report; the documents'
    /// entries follow one at a time from [`Finished::documents`]. Runs on the current rayon
    /// thread pool. Fails only when the spill cannot be written or read back.
    pub fn finish(mut self) -> std::io::Result<Finished> {
        let spill = self.spill.finish()?;
        let linker = self.linker;
        // One after the other, each on the whole pool: run side by side, their peaks add
        // up. Passages first, as what they keep for the report is the smaller.
        let (passages, duplicates) = summary::shared(&mut self.kept, &self.ids)?;
        let (entities, entity_of_group) = linker.finish()?;
        let parts = summary::corpus(
            self.kept,
            &self.ids,
            &spill,
            &entity_of_group,
            &entities,
            &self.opts,
        )?;
        let stats = CorpusStats {
            documents: self.ids.len(),
            errors: self.failed,
            entities: entities.len(),
            ..self.stats
        };
        // None with `link_only`.
        let documents = self.records.len();
        let linked = Arc::new(Linked {
            spill,
            entities,
            entity_of_group,
            group_bases: self.group_bases,
            ids: self.ids,
        });
        let report = Report {
            schema_version: SCHEMA_VERSION.to_owned(),
            tool: Tool {
                name: "corpus-scan".to_owned(),
                version: env!("CARGO_PKG_VERSION").to_owned(),
            },
            corpus: stats,
            documents: Vec::new(),
            entities: Vec::new(),
            shared_passages: Vec::new(),
            duplicates,
            summary: parts.summary,
            timeline: Vec::new(),
            quotes: Vec::new(),
            errors: self.errors,
        };
        let entries = Entries {
            linked: Arc::clone(&linked),
            records: self.records,
            df: self.df,
            keyterms: self.opts.keyterms,
        };
        let timeline = parts.timeline;
        let (passages, quotes) = (Arc::new(passages), Arc::new(parts.quotes));
        let (passages_weighed, quotes_weighed) = (Arc::clone(&passages), Arc::clone(&quotes));
        let (table_from, shared_from) = (Arc::clone(&linked), Arc::clone(&linked));
        let (dated_from, quoted_from) = (Arc::clone(&linked), Arc::clone(&linked));
        let table_weighed = Arc::clone(&linked);
        Ok(Finished {
            report,
            documents: InOrder::new(documents, move |doc| entries.read(doc)),
            entities: InOrder::new(table_from.entities.len(), move |i| {
                Ok(table_from.entity_report(i))
            })
            .weighed(move |i| 1 + table_weighed.entities.documents(i).len()),
            passages: InOrder::new(passages.len(), move |i| {
                passages.entry(i, &shared_from.ids, &shared_from.spill)
            })
            .weighed(move |i| passages_weighed.weight(i)),
            timeline: InOrder::new(timeline.len(), move |i| {
                timeline.entry(i, &dated_from.ids, &dated_from.spill)
            }),
            quotes: InOrder::new(quotes.len(), move |i| {
                quotes.entry(i, &quoted_from.ids, &quoted_from.spill, |g| {
                    quoted_from.canonical(g)
                })
            })
            .weighed(move |i| quotes_weighed.weight(i)),
            mentions: Mentions {
                linked,
                slots: self.mentions,
                next: 0,
                ready: Vec::new().into_iter(),
            },
        })
    }
}

/// A finished corpus: the report without its long lists, which are read back one entry at
/// a time while written.
pub struct Finished {
    /// Every part of the report but `documents`, `entities`, `shared_passages`, `timeline`
    /// and `quotes`, which are empty.
    pub report: Report,
    /// The documents' entries, in order.
    pub documents: Documents,
    /// The entity table, in order.
    pub entities: InOrder<EntityReport>,
    /// The shared passages, in order.
    pub passages: InOrder<Passage>,
    /// The timeline's entries, in order.
    pub timeline: InOrder<TimelineEntry>,
    /// The quotations grouped across documents, in order.
    pub quotes: InOrder<CorpusQuote>,
    /// Mention records with canonical names (only with `keep_mentions`), in order.
    pub mentions: Mentions,
}

impl Finished {
    /// The report, its documents' entries and its other long lists, as the writers take
    /// them (the mention records are left out).
    pub fn for_writers(self) -> (Report, Documents, Later<'static>) {
        let later = Later {
            entities: Box::new(self.entities),
            passages: Box::new(self.passages),
            timeline: Box::new(self.timeline),
            quotes: Box::new(self.quotes),
        };
        (self.report, self.documents, later)
    }

    /// The whole report, every list included, and the mention records.
    pub fn collect(self) -> std::io::Result<(Report, Vec<MentionRecord>)> {
        let mut report = self.report;
        report.documents = self.documents.collect::<std::io::Result<_>>()?;
        report.entities = self.entities.collect::<std::io::Result<_>>()?;
        report.shared_passages = self.passages.collect::<std::io::Result<_>>()?;
        report.timeline = self.timeline.collect::<std::io::Result<_>>()?;
        report.quotes = self.quotes.collect::<std::io::Result<_>>()?;
        Ok((report, self.mentions.collect::<std::io::Result<_>>()?))
    }
}

/// What reading the documents and the mentions back needs of the linked corpus: the spill
/// and the entity of each document's local entity groups.
struct Linked {
    spill: SpillReader,
    /// The linked entities, in the report's order.
    entities: EntityTable,
    entity_of_group: Vec<u32>,
    /// Id of each document's first entity group.
    group_bases: Vec<usize>,
    /// Document ids.
    ids: Vec<String>,
}

impl Linked {
    /// The entity of document `doc`'s local group `g`.
    fn entity(&self, doc: usize, g: usize) -> usize {
        self.entity_of_group[self.group_bases[doc] + g] as usize
    }

    /// The canonical name of the entity of corpus-wide group `g`.
    fn canonical(&self, g: usize) -> String {
        let e = self.entity_of_group[g] as usize;
        self.entities.canonical(e).to_owned()
    }

    /// Entity `i`'s entry in the report's table, with its documents' ids.
    fn entity_report(&self, i: usize) -> EntityReport {
        let table = &self.entities;
        EntityReport {
            canonical: table.canonical(i).to_owned(),
            ty: table.ty(i),
            aliases: table.aliases(i).map(str::to_owned).collect(),
            documents: table
                .documents(i)
                .iter()
                .map(|&d| self.ids[d as usize].clone())
                .collect(),
            mentions: table.mentions(i),
            roles: table.roles(i).map(str::to_owned).collect(),
        }
    }

    /// Reads back and decodes what was spilled at `slot`.
    fn read<T: serde::de::DeserializeOwned>(&self, slot: Slot) -> std::io::Result<T> {
        let bytes = self.spill.get(slot)?;
        postcard::from_bytes(&bytes).map_err(std::io::Error::other)
    }
}

/// The documents' report entries, read back from the spill and completed with canonical
/// entity names and corpus-wide key-term scores.
pub type Documents = InOrder<DocReport>;

/// What completing a document's entry needs besides its record.
struct Entries {
    linked: Arc<Linked>,
    /// Each document's record.
    records: Vec<Slot>,
    df: FxHashMap<u64, u32>,
    keyterms: usize,
}

impl Entries {
    /// Reads back and completes document `doc`'s entry.
    fn read(&self, doc: usize) -> std::io::Result<DocReport> {
        Ok(self.entry(self.linked.read(self.records[doc])?, doc))
    }

    fn entry(&self, r: DocRecord, doc: usize) -> DocReport {
        let table = &self.linked.entities;
        let name = |g: usize| table.canonical(self.linked.entity(doc, g));
        let mut by_entity: BTreeMap<usize, (u32, Vec<String>)> = BTreeMap::new();
        for (li, (n, forms)) in r.groups.into_iter().enumerate() {
            let e = by_entity.entry(self.linked.entity(doc, li)).or_default();
            e.0 += n;
            e.1.extend(forms);
        }
        let mut entities: Vec<DocEntity> = by_entity
            .into_iter()
            .map(|(e, (mentions, mut forms))| {
                forms.sort();
                forms.dedup();
                DocEntity {
                    canonical: table.canonical(e).to_owned(),
                    ty: table.ty(e),
                    mentions,
                    forms,
                }
            })
            .collect();
        // Most mentioned in this document first.
        entities.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then(a.canonical.cmp(&b.canonical))
        });
        DocReport {
            keyterms: summary::keyterms(
                &r.terms,
                r.term_total,
                &self.df,
                self.linked.ids.len(),
                self.keyterms,
            ),
            quotes: r
                .quotes
                .iter()
                .map(|(sentence, text, g)| Quote {
                    sentence: *sentence,
                    text: text.clone(),
                    speaker: g.map(|g| name(g).to_owned()),
                })
                .collect(),
            id: r.id,
            path: r.path,
            title: r.title,
            encoding: r.encoding,
            stats: r.stats,
            entities,
            summary: r.summary,
            dates: r.dates,
        }
    }
}

/// Entries read back and completed at a time, on the current thread pool.
const READ_AHEAD: usize = 64;

/// A list of entries made one at a time from the spill: in batches of [`READ_AHEAD`]
/// entries or [`BATCH_WEIGHT`], in parallel on the current thread pool, handed out in
/// order, so the writer on this thread only serializes and the list is never whole in
/// memory.
pub struct InOrder<T> {
    make: Box<dyn Fn(usize) -> std::io::Result<T> + Send + Sync>,
    /// The [`Weight`](crate::report::Weight) entry `i` will have.
    weigh: Box<dyn Fn(usize) -> usize + Send + Sync>,
    next: usize,
    len: usize,
    ready: std::collections::VecDeque<std::io::Result<T>>,
}

impl<T> InOrder<T> {
    /// Entries `0..len`, entry `i` made by `make(i)`, each of weight one.
    fn new(len: usize, make: impl Fn(usize) -> std::io::Result<T> + Send + Sync + 'static) -> Self {
        InOrder {
            make: Box::new(make),
            weigh: Box::new(|_| 1),
            next: 0,
            len,
            ready: std::collections::VecDeque::new(),
        }
    }

    /// The same entries, entry `i` of weight `weigh(i)`.
    fn weighed(self, weigh: impl Fn(usize) -> usize + Send + Sync + 'static) -> Self {
        InOrder {
            weigh: Box::new(weigh),
            ..self
        }
    }
}

impl<T: Send> Iterator for InOrder<T> {
    type Item = std::io::Result<T>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.ready.is_empty() && self.next < self.len {
            let (mut end, mut weight) = (self.next, 0);
            while end < self.len && end - self.next < READ_AHEAD && weight < BATCH_WEIGHT {
                weight += (self.weigh)(end);
                end += 1;
            }
            let batch: Vec<_> = (self.next..end).into_par_iter().map(&self.make).collect();
            self.ready.extend(batch);
            self.next = end;
        }
        self.ready.pop_front()
    }
}

/// The mention records of `corpus-scan entities`, read back one document at a time and
/// given the canonical names of their entities.
pub struct Mentions {
    linked: Arc<Linked>,
    /// Each document's spilled records.
    slots: Vec<Slot>,
    /// The next document to read.
    next: usize,
    /// The records of the document read last, not yet handed out.
    ready: std::vec::IntoIter<MentionRecord>,
}

impl Mentions {
    /// Reads back document `doc`'s records.
    fn read(&self, doc: usize) -> std::io::Result<Vec<MentionRecord>> {
        let spilled: Vec<SpilledMention> = self.linked.read(self.slots[doc])?;
        let id = &self.linked.ids[doc];
        Ok(spilled
            .into_iter()
            .map(
                |SpilledMention(sentence, span, text, ty, group, explained)| {
                    let canonical = match group {
                        Some(g) => {
                            let e = self.linked.entity(doc, g as usize);
                            self.linked.entities.canonical(e).to_owned()
                        }
                        None => text.clone(),
                    };
                    let (found_by, typed_by, link_key) = match explained {
                        Some((f, t, k)) => (Some(f), Some(t), Some(k)),
                        None => (None, None, None),
                    };
                    MentionRecord {
                        doc: id.clone(),
                        sentence,
                        start: span[0],
                        end: span[1],
                        char_start: span[2],
                        char_end: span[3],
                        text,
                        ty: ty.as_str(),
                        canonical,
                        found_by,
                        typed_by,
                        link_key,
                    }
                },
            )
            .collect())
    }
}

impl Iterator for Mentions {
    type Item = std::io::Result<MentionRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(m) = self.ready.next() {
                return Some(Ok(m));
            }
            let doc = self.next;
            if doc == self.slots.len() {
                return None;
            }
            self.next += 1;
            match self.read(doc) {
                Ok(records) => self.ready = records.into_iter(),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn heavy_entries_are_made_fewer_at_a_time() {
        let made = Arc::new(Mutex::new(Vec::new()));
        let list = |weight: usize| {
            let made = Arc::clone(&made);
            made.lock().unwrap().clear();
            InOrder::new(100, move |i| {
                made.lock().unwrap().push(i);
                Ok(i)
            })
            .weighed(move |_| weight)
        };
        // Light entries: a whole batch of 64 is made for the first.
        assert_eq!(list(1).next().unwrap().unwrap(), 0);
        assert_eq!(made.lock().unwrap().len(), READ_AHEAD);
        // Two entries of 5,000 pass the batch's weight.
        let mut heavy = list(5000);
        assert_eq!(heavy.next().unwrap().unwrap(), 0);
        assert_eq!(made.lock().unwrap().len(), 2);
        assert_eq!(
            heavy.map(Result::unwrap).collect::<Vec<_>>(),
            (1..100).collect::<Vec<_>>()
        );
    }
}
