//! Stage 6, cross-document link & summary: folds per-document results into the report.
//!
//! [`Corpus::add`] takes one [`Analysis`] at a time and keeps only what the corpus needs:
//! counts, entity groups, signatures and candidate sentences, never whole texts.
//! [`Corpus::finish`] links the entities, finds shared passages and duplicates, picks the
//! corpus summary, orders the timeline and groups quotations, and returns the [`Report`].

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::entities::{Linker, LocalEntity, link::local_entities, link_key};
use crate::report::{
    CorpusStats, DocEntity, DocReport, EntityReport, ErrorRecord, Report, SCHEMA_VERSION, Tool,
    records::MentionRecord,
};
use crate::summary::{self, DocParts};
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
    /// Keep every mention for `corpus-scan entities` (costs memory on large corpora).
    pub keep_mentions: bool,
    /// Add the finding and typing rules to mention records.
    pub explain: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            summary_sentences: 3,
            corpus_summary_sentences: 5,
            keyterms: 10,
            keep_mentions: false,
            explain: false,
        }
    }
}

struct DocEntry {
    id: String,
    path: String,
    encoding: &'static str,
    /// Id of the document's first entity group in the linker.
    group_base: usize,
    /// Per local group: mentions and forms in this document.
    groups: Vec<(u32, Vec<String>)>,
    parts: DocParts,
}

/// What the corpus keeps of one document: built by [`digest`] on any thread, folded in
/// by [`Corpus::add_digest`] in document order.
pub struct Digest {
    id: String,
    path: String,
    encoding: &'static str,
    warning: Option<String>,
    groups: Vec<LocalEntity>,
    /// Mention records (only with `keep_mentions`) and their local group.
    mentions: Vec<(MentionRecord, usize)>,
    parts: DocParts,
}

/// Reduces one analysed document to what the corpus needs: its entity groups, summary
/// parts and signatures. Pure, so documents can be digested in parallel.
pub fn digest(path: &str, a: &Analysis, opts: &Options) -> Digest {
    let (groups, of_mention) = local_entities(&a.text, &a.mentions);
    let mut mentions = Vec::new();
    if opts.keep_mentions {
        let mut chars = CharCounter::default();
        for (m, &g) in a.mentions.iter().zip(&of_mention) {
            let (start, end) = a.file_span(m.start, m.end);
            let text = a.slice(m.start, m.end).to_owned();
            let rec = MentionRecord {
                doc: a.id.clone(),
                sentence: m.segment,
                start,
                end,
                char_start: chars.at(&a.text, m.start),
                char_end: chars.at(&a.text, m.end),
                canonical: text.clone(),
                text,
                ty: m.ty.as_str(),
                found_by: opts.explain.then_some(m.found_by),
                typed_by: opts.explain.then_some(m.typed_by),
                link_key: opts.explain.then(|| link_key(a.slice(m.start, m.end), m)),
            };
            mentions.push((rec, g));
        }
    }
    Digest {
        id: a.id.clone(),
        path: path.to_owned(),
        encoding: a.encoding.name(),
        warning: a.warning.clone(),
        parts: summary::summarise(a, &of_mention, opts),
        groups,
        mentions,
    }
}

/// The corpus being folded.
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
/// let (report, _mentions) = corpus.finish();
/// assert_eq!(report.corpus.documents, 2);
/// let place = report.entities.iter().find(|e| e.canonical == "Hamadan").unwrap();
/// assert_eq!(place.aliases, ["Hamadan", "Hamedan"]);
/// assert_eq!(place.documents, ["a.txt", "b.txt"]);
/// ```
pub struct Corpus {
    opts: Options,
    docs: Vec<DocEntry>,
    linker: Linker,
    errors: Vec<ErrorRecord>,
    failed: usize,
    /// Mention records waiting for their canonical names, with their local group id.
    mentions: Vec<(MentionRecord, usize)>,
    /// Document frequency of each key-term candidate, by hash.
    df: FxHashMap<u64, u32>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new(opts: Options) -> Corpus {
        Corpus {
            opts,
            docs: Vec::new(),
            linker: Linker::default(),
            errors: Vec::new(),
            failed: 0,
            mentions: Vec::new(),
            df: FxHashMap::default(),
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
        let doc = self.docs.len();
        let group_base = self.linker.groups();
        self.mentions.extend(d.mentions.into_iter().map(|(rec, g)| {
            let gid = if g == usize::MAX {
                usize::MAX
            } else {
                group_base + g
            };
            (rec, gid)
        }));
        let local: Vec<(u32, Vec<String>)> = d
            .groups
            .iter()
            .map(|g| (g.mentions(), g.forms.keys().cloned().collect()))
            .collect();
        self.linker.add(doc, d.groups);
        self.docs.push(DocEntry {
            id: d.id,
            path: d.path,
            encoding: d.encoding,
            group_base,
            groups: local,
            parts: d.parts,
        });
    }

    /// Links, summarises and builds the report; also returns the mention records (with
    /// canonical names) when `keep_mentions` was set.
    pub fn finish(self) -> (Report, Vec<MentionRecord>) {
        let (entities, entity_of_group) = self.linker.finish();
        let canonical = |gid: usize| entities[entity_of_group[gid]].canonical.clone();
        let mentions = self
            .mentions
            .into_iter()
            .map(|(mut rec, gid)| {
                if gid != usize::MAX {
                    rec.canonical = canonical(gid);
                }
                rec
            })
            .collect();
        let ids: Vec<String> = self.docs.iter().map(|d| d.id.clone()).collect();
        let corpus_parts = summary::corpus(
            &self
                .docs
                .iter()
                .map(|d| (&d.id, &d.parts, d.group_base))
                .collect::<Vec<_>>(),
            &self.df,
            &entity_of_group,
            &entities,
            &self.opts,
        );
        let mut stats = CorpusStats {
            documents: self.docs.len(),
            errors: self.failed,
            entities: entities.len(),
            ..CorpusStats::default()
        };
        let mut documents = Vec::with_capacity(self.docs.len());
        for (di, d) in self.docs.into_iter().enumerate() {
            let s = &d.parts.stats;
            stats.sentences += s.sentences;
            stats.tokens += s.tokens;
            stats.words += s.words;
            stats.bytes += s.bytes;
            let mut by_entity: BTreeMap<usize, (u32, Vec<String>)> = BTreeMap::new();
            for (li, (n, forms)) in d.groups.iter().enumerate() {
                let e = by_entity
                    .entry(entity_of_group[d.group_base + li])
                    .or_default();
                e.0 += n;
                e.1.extend(forms.iter().cloned());
            }
            let mut doc_entities: Vec<DocEntity> = by_entity
                .into_iter()
                .map(|(e, (n, mut forms))| {
                    forms.sort();
                    forms.dedup();
                    DocEntity {
                        canonical: entities[e].canonical.clone(),
                        ty: entities[e].ty,
                        mentions: n,
                        forms,
                    }
                })
                .collect();
            // Most mentioned in this document first.
            doc_entities.sort_by(|a, b| {
                b.mentions
                    .cmp(&a.mentions)
                    .then(a.canonical.cmp(&b.canonical))
            });
            let (keyterms, quotes) = (
                corpus_parts.keyterms[di].clone(),
                corpus_parts.quotes[di].clone(),
            );
            documents.push(DocReport {
                id: d.id,
                path: d.path,
                title: d.parts.title,
                encoding: d.encoding.to_owned(),
                stats: d.parts.stats,
                entities: doc_entities,
                keyterms,
                summary: d.parts.summary,
                quotes,
                dates: d.parts.dates,
            });
        }
        let entities = entities
            .into_iter()
            .map(|e| EntityReport {
                canonical: e.canonical,
                ty: e.ty,
                aliases: e.aliases,
                documents: e.documents.iter().map(|&d| ids[d].clone()).collect(),
                mentions: e.mentions,
                roles: e.roles,
            })
            .collect();
        let report = Report {
            schema_version: SCHEMA_VERSION.to_owned(),
            tool: Tool {
                name: "corpus-scan".to_owned(),
                version: env!("CARGO_PKG_VERSION").to_owned(),
            },
            corpus: stats,
            documents,
            entities,
            shared_passages: corpus_parts.passages,
            duplicates: corpus_parts.duplicates,
            summary: corpus_parts.summary,
            timeline: corpus_parts.timeline,
            quotes: corpus_parts.quotes_across,
            errors: self.errors,
        };
        (report, mentions)
    }
}
