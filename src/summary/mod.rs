//! Stage 5, per-document summary, and the summary half of stage 6.
//!
//! [`summarise`] turns one analysed document into [`DocParts`]: statistics and readability,
//! key-term counts, the extractive summary, quotations, dates, and the signatures and
//! candidate sentences the corpus needs. [`corpus`] combines every document's parts into key
//! terms (TF-IDF), shared passages and duplicates (MinHash/LSH), the corpus summary, the
//! timeline and grouped quotations.

pub mod dates;
pub mod minhash;
mod overview;
mod quoted;
pub mod quotes;
pub mod readability;
mod timeline;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::Analysis;
use crate::chunked::Chunked;
use crate::corpus::Options;
use crate::entities::{EntityTable, EntityType};
use crate::interner::Interner;
use crate::lexicon::{lexicon, with_lower};
use crate::report::{
    CorpusSentence, DateMention, DocStats, Duplicate, KeyTerm, Location, Passage, SummarySentence,
};
use crate::sorter::{self, Sorter};
use crate::spill::{Fields, Records, Slot, Spill, SpillReader};
use crate::text::{SegmentKind, TokenKind};
use crate::unionfind::UnionFind;
use minhash::Signature;
use overview::Candidates;
pub use quoted::Quoted;
use quoted::Quotes;
pub use timeline::Dated;
use timeline::Dates;

/// Key-term candidates kept per document for scoring against the corpus.
const KEPT_TERMS: usize = 40;
/// Sentences shorter than this many words are not passages or summary material.
const MIN_PASSAGE_WORDS: usize = 6;
/// Shared-passage similarity threshold (estimated Jaccard of word bigrams).
const PASSAGE_THRESHOLD: f64 = 0.6;
/// Near-duplicate document threshold (estimated Jaccard of word trigrams).
const DUPLICATE_THRESHOLD: f64 = 0.8;

/// A body sentence kept for cross-document work.
#[derive(Debug, Clone)]
pub struct SentenceSig {
    /// Segment index.
    pub segment: usize,
    /// The text.
    pub text: String,
    /// Hash of the normalised words (exact copies share it).
    pub exact: u64,
    /// MinHash of word bigrams.
    pub sig: Signature,
}

/// A central sentence offered to the corpus summary.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Segment index.
    pub segment: usize,
    /// The text.
    pub text: String,
    /// Local entity groups it mentions.
    pub groups: Vec<usize>,
    /// Its centrality in its document.
    pub score: f64,
}

/// What the corpus keeps of one document.
#[derive(Debug, Clone, Default)]
pub struct DocParts {
    /// The headline.
    pub title: Option<String>,
    /// Counts and readability.
    pub stats: DocStats,
    /// Key-term candidates and their counts in this document.
    pub terms: Vec<(String, u32)>,
    /// Hashes of every distinct key-term candidate, for document frequencies; the corpus
    /// takes them out when it folds the document in.
    pub term_hashes: Vec<u64>,
    /// Content words in the body (the denominator of term frequency).
    pub term_total: u32,
    /// The extractive summary.
    pub summary: Vec<SummarySentence>,
    /// Quotations: segment, text, speaker's local entity group.
    pub quotes: Vec<(usize, String, Option<usize>)>,
    /// Dates mentioned.
    pub dates: Vec<DateMention>,
    /// Texts of the sentences that hold normalised dates, by segment.
    pub dated: BTreeMap<usize, String>,
    /// Body sentences for shared-passage detection.
    pub sentences: Vec<SentenceSig>,
    /// Hash of the whole body (exact duplicates share it).
    pub exact: u64,
    /// MinHash of the body's word trigrams.
    pub sig: Signature,
    /// Candidates for the corpus summary.
    pub candidates: Vec<Candidate>,
}

/// Builds one document's parts. `group_of` maps each mention to its local entity group.
pub fn summarise(a: &Analysis, group_of: &[usize], opts: &Options) -> DocParts {
    let ranges = crate::text::token_ranges(a.segments.len(), &a.tokens);
    let body: Vec<usize> = (0..a.segments.len())
        .filter(|&s| a.segments[s].kind == SegmentKind::Sentence)
        .collect();
    let (stats, title) = statistics(a, &ranges);
    // Room for distinct content words up to a third of the tokens: enough for most
    // documents, so the table seldom grows.
    let mut vocab = Vocab(Interner::with_capacity(
        a.tokens.len() / 3,
        a.text.len() / 3,
    ));
    let sentence_words: Vec<Vec<Word>> = body
        .iter()
        .map(|&si| vocab.words(a, &a.tokens[ranges[si].clone()]))
        .collect();
    let (terms, term_hashes, term_total) = key_term_counts(&sentence_words, &vocab);
    let (scores, order) = centrality(&sentence_words, vocab.len());
    let mut chosen: Vec<usize> = Vec::new();
    for &k in &order {
        if chosen.len() >= opts.summary_sentences || scores[k] <= 0.0 {
            break;
        }
        let near_repeat = chosen
            .iter()
            .any(|&c| overlap(&sentence_words[c], &sentence_words[k]) > 0.6);
        if !near_repeat {
            chosen.push(k);
        }
    }
    chosen.sort_unstable();
    let text_of = |si: usize| a.slice(a.segments[si].start, a.segments[si].end).to_owned();
    let summary = chosen
        .iter()
        .map(|&k| SummarySentence {
            sentence: body[k],
            text: text_of(body[k]),
        })
        .collect();
    // Candidates for the corpus summary: the most central sentences, with their entities.
    let candidates = order
        .iter()
        .take(5)
        .filter(|&&k| scores[k] > 0.0)
        .map(|&k| {
            let s = &a.segments[body[k]];
            let groups: BTreeSet<usize> = a
                .mentions
                .iter()
                .zip(group_of)
                .filter(|(m, g)| m.start >= s.start && m.end <= s.end && **g != usize::MAX)
                .map(|(_, g)| *g)
                .collect();
            Candidate {
                segment: body[k],
                text: text_of(body[k]),
                groups: groups.into_iter().collect(),
                score: scores[k],
            }
        })
        .collect();
    let mut quotes = Vec::new();
    // The speaker of the last quotation and the end of its sentence.
    let mut last: Option<(usize, usize)> = None;
    for &si in &body {
        let seg = &a.segments[si];
        for q in quotes::find(&a.text, si, &a.tokens[ranges[si].clone()], &a.mentions) {
            let text = a
                .slice(q.start, q.end)
                .trim_end_matches([',', ' '])
                .to_owned();
            let mut speaker = q.speaker.map(|m| group_of[m]).filter(|&g| g != usize::MAX);
            // A sentence that is all quotation goes on quoting the speaker of the sentence
            // before it in the same paragraph: “It is a win-win,” said Lee. “Mr Kim gets
            // cash...”
            let opens = a
                .slice(seg.start, q.start)
                .trim_start_matches(['“', '"'])
                .is_empty();
            if speaker.is_none()
                && opens
                && let Some((g, end)) = last.filter(|&(_, end)| end <= seg.start)
                && !a.slice(end, seg.start).contains('\n')
            {
                speaker = Some(g);
            }
            last = speaker.map(|g| (g, seg.end));
            quotes.push((si, text, speaker));
        }
    }
    let mut dates = Vec::new();
    let mut dated = BTreeMap::new();
    for m in a.mentions.iter().filter(|m| m.ty == EntityType::Date) {
        let seg = m.segment as usize;
        if a.segments[seg].kind == SegmentKind::Boilerplate {
            continue;
        }
        let text = a.slice(m.start, m.end).to_owned();
        let normalized = dates::normalise(&text);
        if normalized.is_some() {
            dated.insert(seg, text_of(seg));
        }
        dates.push(DateMention {
            sentence: seg,
            text,
            normalized,
        });
    }
    // Signatures for passages and duplicates.
    let mut sentences = Vec::new();
    let mut all_words = Vec::new();
    for &si in &body {
        let text = a.slice(a.segments[si].start, a.segments[si].end);
        let words = minhash::word_hashes(text);
        if words.len() >= MIN_PASSAGE_WORDS {
            sentences.push(SentenceSig {
                segment: si,
                text: text.to_owned(),
                exact: minhash::sequence_hash(&words),
                sig: minhash::signature(&words, 2),
            });
        }
        all_words.extend(words);
    }
    DocParts {
        title,
        stats,
        terms,
        term_hashes,
        term_total,
        summary,
        quotes,
        dates,
        dated,
        sentences,
        exact: minhash::sequence_hash(&all_words),
        sig: minhash::signature(&all_words, 3),
        candidates,
    }
}

/// Counts and readability of the body, and the title.
fn statistics(a: &Analysis, ranges: &[std::ops::Range<usize>]) -> (DocStats, Option<String>) {
    let mut stats = DocStats {
        bytes: a.bytes,
        ..DocStats::default()
    };
    let mut title = None;
    let mut body_words: Vec<&str> = Vec::new();
    for (si, s) in a.segments.iter().enumerate() {
        match s.kind {
            SegmentKind::Boilerplate => {
                stats.boilerplate_lines += 1;
                continue;
            }
            SegmentKind::Title if title.is_none() => {
                title = Some(a.slice(s.start, s.end).to_owned())
            }
            SegmentKind::Heading => stats.headings += 1,
            _ => {}
        }
        let toks = &a.tokens[ranges[si].clone()];
        stats.tokens += toks.len();
        let words = toks.iter().filter(|t| t.kind == TokenKind::Word);
        stats.words += words.clone().count();
        if s.kind == SegmentKind::Sentence {
            stats.sentences += 1;
            body_words.extend(words.map(|t| a.slice(t.start, t.end)));
        }
    }
    (
        stats.flesch_reading_ease,
        stats.flesch_kincaid_grade,
        stats.lix,
    ) = readability::figures(stats.sentences, &body_words);
    (stats, title)
}

/// A token of a body sentence as the summary sees it.
#[derive(Debug, Clone, Copy)]
enum Word {
    /// A content word (id in the document's vocabulary) and whether it was capitalised.
    Content(u32, bool),
    /// A stop word, a short word, a number or punctuation: breaks phrases.
    Other,
}

/// The document's content words, lower-cased, each stored once.
struct Vocab(Interner);

impl Vocab {
    fn len(&self) -> usize {
        self.0.len()
    }

    /// Content word number `id`.
    fn word(&self, id: u32) -> &str {
        self.0.get(id)
    }

    /// Classifies the tokens of one sentence, interning content words.
    fn words(&mut self, a: &Analysis, toks: &[crate::text::Token]) -> Vec<Word> {
        let lex = lexicon();
        toks.iter()
            .map(|t| {
                let w = a.slice(t.start, t.end);
                let shaped = t.kind == TokenKind::Word
                    && w.len() >= 3
                    && w.chars().all(|c| c.is_alphabetic() || c == '-');
                if !shaped {
                    return Word::Other;
                }
                with_lower(w, |lower| {
                    if lex.stopwords.contains(lower) || lex.speech_verbs.contains(lower) {
                        return Word::Other;
                    }
                    Word::Content(self.0.id(lower), w.starts_with(char::is_uppercase))
                })
            })
            .collect()
    }
}

/// Key-term candidates: content words and two-word phrases that do not cross punctuation or
/// run from ordinary words into names ("spokesman Mark"). Returns the most frequent with
/// their counts, the hashes of all of them, and the number of content words.
fn key_term_counts(sentences: &[Vec<Word>], vocab: &Vocab) -> (Vec<(String, u32)>, Vec<u64>, u32) {
    // Every word of the vocabulary is a content word of some sentence, so counted here.
    let mut single: Vec<u32> = vec![0; vocab.len()];
    let mut pairs: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    pairs.reserve(vocab.len());
    for words in sentences {
        let mut prev: Option<(u32, bool)> = None;
        for &w in words {
            let Word::Content(id, capital) = w else {
                prev = None;
                continue;
            };
            single[id as usize] += 1;
            if let Some((p, p_capital)) = prev
                && p_capital == capital
            {
                *pairs.entry((p, id)).or_default() += 1;
            }
            prev = Some((id, capital));
        }
    }
    let word = |id: u32| vocab.word(id).as_bytes();
    // A term is one word or two, spelled with a space between: "x" or "x y".
    let spelled = |(x, y): (u32, Option<u32>)| {
        let tail = y.map_or(&[][..], word);
        word(x)
            .iter()
            .chain(if y.is_some() { &b" "[..] } else { &[] })
            .chain(tail)
    };
    let ids = 0..single.len() as u32;
    let hashes: Vec<u64> = ids
        .clone()
        .map(|id| minhash::fnv(word(id)))
        .chain(pairs.keys().map(|&(x, y)| {
            minhash::fnv_extend(minhash::fnv_extend(minhash::fnv(word(x)), b" "), word(y))
        }))
        .collect();
    let total = single.iter().sum();
    let mut terms: Vec<((u32, Option<u32>), u32)> = ids
        .zip(single)
        .map(|(id, c)| ((id, None), c))
        .chain(
            pairs
                .into_iter()
                .filter(|(_, c)| *c >= 2)
                .map(|((x, y), c)| ((x, Some(y)), c)),
        )
        .collect();
    // Most frequent first, then alphabetical: a total order, so only the kept few need
    // sorting once they are picked out.
    let order = |a: &((u32, Option<u32>), u32), b: &((u32, Option<u32>), u32)| {
        b.1.cmp(&a.1).then_with(|| spelled(a.0).cmp(spelled(b.0)))
    };
    if terms.len() > KEPT_TERMS {
        terms.select_nth_unstable_by(KEPT_TERMS, order);
        terms.truncate(KEPT_TERMS);
    }
    terms.sort_unstable_by(order);
    let terms = terms
        .into_iter()
        .map(|((x, y), c)| {
            let mut text = vocab.word(x).to_owned();
            if let Some(y) = y {
                text.push(' ');
                text.push_str(vocab.word(y));
            }
            (text, c)
        })
        .collect();
    (terms, hashes, total)
}

/// Each sentence's cosine similarity to the rest of the document (lead sentences get a
/// small bonus), and the sentence indices by falling score. Linear in the text.
fn centrality(sentences: &[Vec<Word>], vocab: usize) -> (Vec<f64>, Vec<usize>) {
    // Each sentence's content words as (id, count), by id.
    let counts: Vec<Vec<(u32, f64)>> = sentences
        .iter()
        .map(|words| {
            let mut ids: Vec<u32> = words
                .iter()
                .filter_map(|w| match w {
                    Word::Content(id, _) => Some(*id),
                    Word::Other => None,
                })
                .collect();
            ids.sort_unstable();
            let mut v: Vec<(u32, f64)> = Vec::with_capacity(ids.len());
            for id in ids {
                match v.last_mut() {
                    Some((last, c)) if *last == id => *c += 1.0,
                    _ => v.push((id, 1.0)),
                }
            }
            v
        })
        .collect();
    let mut centroid = vec![0.0f64; vocab];
    for v in &counts {
        for &(id, c) in v {
            centroid[id as usize] += c;
        }
    }
    let centroid_sq: f64 = centroid.iter().map(|c| c * c).sum();
    let scores: Vec<f64> = counts
        .iter()
        .enumerate()
        .map(|(k, v)| {
            if sentences[k].len() < MIN_PASSAGE_WORDS {
                return 0.0;
            }
            // rest = centroid - v; |rest|^2 = |centroid|^2 - 2 centroid.v + |v|^2
            let (mut cv, mut vv) = (0.0, 0.0);
            for &(id, c) in v {
                cv += c * centroid[id as usize];
                vv += c * c;
            }
            let dot = cv - vv;
            let rest_sq = (centroid_sq - 2.0 * cv + vv).max(0.0);
            let cos = if vv > 0.0 && rest_sq > 0.0 {
                dot / (vv.sqrt() * rest_sq.sqrt())
            } else {
                0.0
            };
            cos + if k < 3 { 0.1 } else { 0.0 }
        })
        .collect();
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    order.sort_by(|&x, &y| scores[y].total_cmp(&scores[x]).then(x.cmp(&y)));
    (scores, order)
}

/// Share of distinct content words two sentences have in common (Jaccard).
fn overlap(a: &[Word], b: &[Word]) -> f64 {
    let ids = |ws: &[Word]| -> FxHashSet<u32> {
        ws.iter()
            .filter_map(|w| {
                if let Word::Content(id, _) = w {
                    Some(*id)
                } else {
                    None
                }
            })
            .collect()
    };
    let (x, y) = (ids(a), ids(b));
    let inter = x.intersection(&y).count();
    let union = x.len() + y.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// A body sentence kept for shared-passage detection. It waits as a [`SENTENCE_RECORD`] in
/// a spill of its own, its text in the main spill.
#[derive(Debug, Clone, PartialEq)]
struct KeptSentence {
    doc: u32,
    segment: u32,
    exact: u64,
    sig: Signature,
    text: Slot,
}

/// Bytes of a [`KeptSentence`]'s record: document, segment, exact hash, signature and the
/// slot of its text, little-endian.
const SENTENCE_RECORD: usize = 4 + 4 + 8 + 2 * minhash::HASHES + 16;

impl KeptSentence {
    /// The sentence as a fixed-size record for the sentence spill.
    fn to_record(&self) -> [u8; SENTENCE_RECORD] {
        let mut out = [0; SENTENCE_RECORD];
        out[0..4].copy_from_slice(&self.doc.to_le_bytes());
        out[4..8].copy_from_slice(&self.segment.to_le_bytes());
        out[8..16].copy_from_slice(&self.exact.to_le_bytes());
        for (i, h) in self.sig.iter().enumerate() {
            out[16 + 2 * i..18 + 2 * i].copy_from_slice(&h.to_le_bytes());
        }
        out[SENTENCE_RECORD - 16..].copy_from_slice(&self.text.to_bytes());
        out
    }

    /// The key in band `band` of the signature of the sentence whose record is `record`,
    /// without decoding the rest: the passes over the bands read every record.
    fn band_key(record: &[u8], band: usize) -> u64 {
        minhash::stored_band_key(&record[16..16 + 2 * minhash::HASHES], band)
    }

    /// The sentence written by [`KeptSentence::to_record`]; `record` is
    /// [`SENTENCE_RECORD`] bytes long.
    fn from_record(record: &[u8]) -> KeptSentence {
        let mut f = Fields::new(record);
        let (doc, segment, exact) = (f.u32(), f.u32(), f.u64());
        let mut sig = [0u16; minhash::HASHES];
        sig.iter_mut().for_each(|h| *h = f.u16());
        KeptSentence {
            doc,
            segment,
            exact,
            sig,
            text: f.slot(),
        }
    }
}

/// A document's signature for duplicate detection.
#[derive(Debug, Clone)]
struct KeptDoc {
    exact: u64,
    sig: Signature,
    has_words: bool,
}

/// Where [`Kept`] puts the lists that grow with the corpus, one spill each.
pub struct KeptSpills {
    /// Body sentences, as records of [`SENTENCE_RECORD`] bytes.
    pub sentences: Spill,
    /// Corpus-summary candidates.
    pub candidates: Spill,
    /// Normalised dates.
    pub dates: Spill,
    /// Quotations.
    pub quotes: Spill,
}

impl KeptSpills {
    /// Every list in memory.
    pub fn in_memory() -> KeptSpills {
        KeptSpills {
            sentences: Spill::in_memory(),
            candidates: Spill::in_memory(),
            dates: Spill::in_memory(),
            quotes: Spill::in_memory(),
        }
    }

    /// Every list in a temporary file of its own. Fails when one cannot be made.
    pub fn temporary() -> std::io::Result<KeptSpills> {
        Ok(KeptSpills {
            sentences: Spill::temporary()?,
            candidates: Spill::temporary()?,
            dates: Spill::temporary()?,
            quotes: Spill::temporary()?,
        })
    }
}

/// What the cross-document summary keeps of every document: hashes and signatures in
/// memory; body sentences, corpus-summary candidates, dates and quotations as records in
/// spills of their own (see [`KeptSpills`]), read back when the corpus is finished; every
/// text in the corpus's [`Spill`].
pub struct Kept {
    docs: Chunked<KeptDoc>,
    sentences: Records,
    candidates: Candidates,
    dates: Dates,
    quotes: Quotes,
}

impl Kept {
    /// Nothing kept yet; the lists will go to `spills`.
    pub fn new(spills: KeptSpills) -> Kept {
        Kept {
            docs: Chunked::default(),
            sentences: Records::new(spills.sentences),
            candidates: Candidates::new(spills.candidates),
            dates: Dates::new(spills.dates),
            quotes: Quotes::new(spills.quotes),
        }
    }

    /// Takes the cross-document parts of document `doc` (whose first entity group is
    /// `group_base`), spilling their texts.
    pub fn add(&mut self, doc: usize, group_base: usize, parts: &mut DocParts, spill: &mut Spill) {
        let d = doc as u32;
        self.docs.push(KeptDoc {
            exact: parts.exact,
            sig: parts.sig,
            has_words: parts.stats.words > 0,
        });
        for s in std::mem::take(&mut parts.sentences) {
            let kept = KeptSentence {
                doc: d,
                segment: s.segment as u32,
                exact: s.exact,
                sig: s.sig,
                text: spill.put_str(&s.text),
            };
            self.sentences
                .push(|out| out.extend_from_slice(&kept.to_record()));
        }
        let mut groups = Vec::new();
        for c in std::mem::take(&mut parts.candidates) {
            groups.clear();
            groups.extend(c.groups.iter().map(|g| (group_base + g) as u32));
            let text = spill.put_str(&c.text);
            self.candidates
                .add(d, c.segment as u32, c.score, text, &groups);
        }
        let dated: BTreeMap<usize, Slot> = std::mem::take(&mut parts.dated)
            .into_iter()
            .map(|(seg, text)| (seg, spill.put_str(&text)))
            .collect();
        for date in &parts.dates {
            if let (Some(norm), Some(&text)) = (&date.normalized, dated.get(&date.sentence)) {
                self.dates
                    .add(norm, &date.text, d, date.sentence as u32, text);
            }
        }
        for (seg, text, speaker) in &parts.quotes {
            let speaker = speaker.map(|g| (group_base + g) as u32);
            let slot = spill.put_str(text);
            self.quotes.add(text, d, *seg as u32, speaker, slot);
        }
    }
}

/// A document's key terms: its candidates scored by TF-IDF against the corpus (`df` holds
/// document frequencies by term hash, `n` the number of documents), at most `k`, with no
/// word kept beside a phrase that holds it.
pub fn keyterms(
    terms: &[(String, u32)],
    term_total: u32,
    df: &FxHashMap<u64, u32>,
    n: usize,
    k: usize,
) -> Vec<KeyTerm> {
    let total = term_total.max(1);
    let n = n as f64;
    // Scored and sorted as borrowed text; only the terms kept are copied.
    let mut scored: Vec<(f64, &str)> = terms
        .iter()
        .filter(|(_, c)| *c >= 2)
        .map(|(t, c)| {
            let df = df.get(&minhash::fnv(t.as_bytes())).copied().unwrap_or(1);
            let idf = ((n + 1.0) / (f64::from(df) + 1.0)).ln() + 1.0;
            // Phrases are more telling than single words, and everyday words less.
            let boost = if t.contains(' ') {
                1.5
            } else if lexicon().is_common(t) {
                0.5
            } else {
                1.0
            };
            let score = f64::from(*c) / f64::from(total) * idf * boost;
            ((score * 10000.0).round() / 10000.0, t.as_str())
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    // A phrase makes its own words redundant.
    let mut kept: Vec<KeyTerm> = Vec::new();
    for (score, term) in scored {
        let covered = kept.iter().any(|x| {
            x.term.split(' ').any(|w| w == term)
                || term.split(' ').all(|w| kept.iter().any(|x| x.term == w)) && term.contains(' ')
        });
        if !covered {
            kept.push(KeyTerm {
                term: term.to_owned(),
                score,
            });
        }
        if kept.len() >= k {
            break;
        }
    }
    kept
}

/// The corpus-level summary parts that need the linked entities. The timeline and the
/// quotations are long, so their texts stay in the spill and their entries are made one at
/// a time while the report is written.
pub struct CorpusParts {
    /// The corpus summary.
    pub summary: Vec<CorpusSentence>,
    /// The timeline.
    pub timeline: Dated,
    /// Quotations grouped across documents.
    pub quotes: Quoted,
}

/// Sentence `sentence` of document `doc` as the report names it; `ids` are the document ids.
fn location(ids: &[String], doc: u32, sentence: u32) -> Location {
    Location {
        doc: ids[doc as usize].clone(),
        sentence: sentence as usize,
    }
}

/// Sentence `sentence` of document `doc` as the report's lists are sorted by it: document id,
/// then sentence number.
fn sort_place(ids: &[String], doc: u32, sentence: u32) -> (&str, u32) {
    (ids[doc as usize].as_str(), sentence)
}

/// Shared passages and duplicate documents: the cross-document parts that need no linking.
/// Takes the sentences and documents' signatures out of `kept`: nothing else needs them. A
/// corpus that spills sorts them in runs of [`sorter::RUN_BYTES`] on disk; one in memory
/// sorts them in memory.
pub fn shared(kept: &mut Kept, ids: &[String]) -> std::io::Result<(Shared, Vec<Duplicate>)> {
    let sentences = std::mem::replace(&mut kept.sentences, Records::new(Spill::in_memory()));
    let count = sentences.len();
    let sentences = sentences.finish()?;
    let run_bytes = sentences.on_disk().then_some(sorter::RUN_BYTES);
    Ok((
        passages(sentences, count, ids, run_bytes)?,
        duplicates(&std::mem::take(&mut kept.docs), ids),
    ))
}

/// One shared passage, its text still in the spill.
struct KeptPassage {
    /// The documents that hold it, in the order of their ids.
    documents: Vec<u32>,
    similarity: f64,
    exact: bool,
    /// The record number of its first sentence, whose text stands for it.
    first: u32,
    /// Every copy: document and segment.
    locations: Vec<(u32, u32)>,
}

/// The shared passages in report order, their texts still in the spill, with the body
/// sentences' records that say where those texts are.
pub struct Shared {
    passages: Vec<KeptPassage>,
    sentences: SpillReader,
}

impl Shared {
    /// Number of passages.
    pub fn len(&self) -> usize {
        self.passages.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.passages.is_empty()
    }

    /// The [`Weight`](crate::report::Weight) of passage `i`'s entry.
    pub fn weight(&self, i: usize) -> usize {
        let p = &self.passages[i];
        1 + p.documents.len() + p.locations.len()
    }

    /// Passage `i`, its text read back from `spill`; `ids` are the document ids.
    pub fn entry(&self, i: usize, ids: &[String], spill: &SpillReader) -> std::io::Result<Passage> {
        let p = &self.passages[i];
        let first = self.sentences.record(p.first as usize, SENTENCE_RECORD)?;
        Ok(Passage {
            documents: p
                .documents
                .iter()
                .map(|&d| ids[d as usize].clone())
                .collect(),
            similarity: p.similarity,
            kind: if p.exact { "exact" } else { "near" }.to_owned(),
            text: spill.get_str(KeptSentence::from_record(&first).text)?,
            locations: p
                .locations
                .iter()
                .map(|&(doc, sentence)| location(ids, doc, sentence))
                .collect(),
        })
    }
}

/// Combines what was kept of every document into the parts that need linked entities
/// (see [`shared`] for the others). `ids` are the document ids; `entity_of_group` maps
/// group ids to indices into `entities`; texts are read back from `spill`. A corpus that
/// spills sorts the timeline and the quotations on disk, in runs of [`sorter::RUN_BYTES`];
/// one in memory sorts them in memory.
pub fn corpus(
    kept: Kept,
    ids: &[String],
    spill: &SpillReader,
    entity_of_group: &[u32],
    entities: &EntityTable,
    opts: &Options,
) -> std::io::Result<CorpusParts> {
    let run_bytes = spill.on_disk().then_some(sorter::RUN_BYTES);
    let rank = id_ranks(ids);
    Ok(CorpusParts {
        summary: kept.candidates.pick(
            opts.corpus_summary_sentences,
            entity_of_group,
            // A named entity weighs the documents that name it.
            |e| {
                let e = e as usize;
                if entities.ty(e).is_name() {
                    entities.documents(e).len() as f64
                } else {
                    0.0
                }
            },
            ids,
            spill,
        )?,
        timeline: kept.dates.timeline(&rank, run_bytes)?,
        quotes: kept.quotes.grouped(&rank, run_bytes)?,
    })
}

/// Each document's place in the order of the ids, documents with equal ids in one place:
/// to sort the report's lists by where their entries are without comparing strings.
fn id_ranks(ids: &[String]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    order.sort_by_key(|&d| &ids[d as usize]);
    let mut rank = vec![0; ids.len()];
    for (place, pair) in order.iter().enumerate().skip(1) {
        let (before, this) = (order[place - 1] as usize, *pair as usize);
        rank[this] = if ids[this] == ids[before] {
            rank[before]
        } else {
            place as u32
        };
    }
    rank
}

/// Sentences shared by several documents, exactly or nearly. `sentences` holds `n`
/// [`KeptSentence`] records; what grows with them is sorted by [`Sorter`]s with runs of
/// `run_bytes` (in memory with `None`), so in memory stay a few bytes per sentence: the
/// sets and their similarity.
fn passages(
    sentences: SpillReader,
    n: usize,
    ids: &[String],
    run_bytes: Option<usize>,
) -> std::io::Result<Shared> {
    let mut copies = Copies::new(n);
    // Exact copies join the first sentence with their words; only those first sentences
    // go through LSH, so a sentence repeated ten thousand times costs one comparison.
    // Sentence numbers are kept in 32 bits, like the union-find's.
    let mut by_exact = Sorter::new(run_bytes)?;
    let mut next = 0u32;
    sentences.for_each_record(SENTENCE_RECORD, |record| {
        by_exact.push((KeptSentence::from_record(record).exact, next));
        next += 1;
    })?;
    let mut first_copy = vec![true; n];
    let mut first: Option<(u64, u32)> = None;
    for item in by_exact.finish()? {
        let (exact, i) = item?;
        match first {
            Some((e, j)) if e == exact => {
                copies.join(j as usize, i as usize, None);
                first_copy[i as usize] = false;
            }
            _ => first = Some((exact, i)),
        }
    }
    // Each band's buckets, from an external sort of its keys. A sentence whose key no
    // other has can pair with nothing in that band, so it is left out of the sort; in real
    // prose that is nearly all of them. Bands are counted, sorted and compared as many at a
    // time as the pool has threads, and their pairs joined as they are found, a batch at a
    // time: a corpus of templated prose has millions. Sets come out the same in any order.
    let counted = first_copy.iter().filter(|&&c| c).count();
    let shared = std::sync::Mutex::new(copies);
    (0..minhash::BANDS)
        .into_par_iter()
        .try_for_each(|band| -> std::io::Result<()> {
            let repeated = RepeatedKeys::count(&sentences, &first_copy, counted, band)?;
            let mut banded = Sorter::new(run_bytes)?;
            let mut i = 0;
            sentences.for_each_record(SENTENCE_RECORD, |record| {
                if first_copy[i] {
                    let key = KeptSentence::band_key(record, band);
                    if repeated.contains(key) {
                        banded.push((key, i as u32, KeptSentence::from_record(record).sig));
                    }
                }
                i += 1;
            })?;
            let mut pairs: Vec<(u32, u32, f64)> = Vec::new();
            let join_all = |pairs: &mut Vec<(u32, u32, f64)>| {
                // A panic elsewhere poisons the lock; the sets are still whole.
                let mut copies = shared.lock().unwrap_or_else(|e| e.into_inner());
                for (a, b, sim) in pairs.drain(..) {
                    copies.join(a as usize, b as usize, Some(sim));
                }
            };
            minhash::band_pairs(banded.finish()?, PASSAGE_THRESHOLD, |a, b, sim| {
                pairs.push((a, b, sim));
                if pairs.len() == JOIN_BATCH {
                    join_all(&mut pairs);
                }
            })?;
            join_all(&mut pairs);
            Ok(())
        })?;
    let Copies {
        mut sets,
        agree,
        near,
    } = shared.into_inner().unwrap_or_else(|e| e.into_inner());
    drop(first_copy);
    // Only sentences with company are grouped: most sentences stand alone. A set's root is
    // its lowest sentence, so a set has company when a later sentence finds it there.
    let mut company = vec![false; n];
    let mut grouped = 0;
    for i in 0..n {
        let r = sets.find(i);
        if r != i {
            grouped += if company[r] { 1 } else { 2 };
            company[r] = true;
        }
    }
    // Each grouped copy's set, record number, document and segment, in one flat list: most
    // sets are pairs, too small to pay for a list each.
    let mut copies: Vec<(u32, u32, u32, u32)> = Vec::with_capacity(grouped);
    let mut i = 0;
    sentences.for_each_record(SENTENCE_RECORD, |record| {
        let r = sets.find(i);
        if company[r] {
            let s = KeptSentence::from_record(record);
            copies.push((r as u32, i as u32, s.doc, s.segment));
        }
        i += 1;
    })?;
    drop((sets, company));
    copies.sort_unstable();
    let mut out = Vec::new();
    for g in copies.chunk_by(|a, b| a.0 == b.0) {
        let documents: BTreeSet<u32> = g.iter().map(|&(_, _, doc, _)| doc).collect();
        if documents.len() < 2 {
            continue;
        }
        let root = g[0].0 as usize;
        let exact = !near[root];
        let similarity = if exact {
            1.0
        } else {
            (f64::from(agree[root]) / minhash::HASHES as f64 * 100.0).round() / 100.0
        };
        let mut documents: Vec<u32> = documents.into_iter().collect();
        documents.sort_by_key(|&d| &ids[d as usize]);
        out.push(KeptPassage {
            documents,
            similarity,
            exact,
            first: g[0].1,
            locations: g
                .iter()
                .map(|&(_, _, doc, segment)| (doc, segment))
                .collect(),
        });
    }
    drop(copies);
    // The most widespread first, then by where they are.
    let place = |&(doc, sentence): &(u32, u32)| sort_place(ids, doc, sentence);
    out.sort_by(|a, b| {
        b.documents.len().cmp(&a.documents.len()).then_with(|| {
            a.locations
                .iter()
                .map(place)
                .cmp(b.locations.iter().map(place))
        })
    });
    Ok(Shared {
        passages: out,
        sentences,
    })
}

/// Pairs found in a band before they are joined, so the lock is taken once per batch.
const JOIN_BATCH: usize = 4096;

/// Sentences joined into sets of copies.
struct Copies {
    sets: UnionFind,
    /// The lowest similarity within each set, at its root, as the number of the
    /// signatures' hashes that agree (estimates are multiples of 1/32); exact copies agree
    /// in all.
    agree: Vec<u8>,
    /// Whether a near copy joined the set, at its root: only sets without hold one text.
    near: Vec<bool>,
}

impl Copies {
    /// `n` sentences, each alone.
    fn new(n: usize) -> Copies {
        Copies {
            sets: UnionFind::new(n),
            agree: vec![minhash::HASHES as u8; n],
            near: vec![false; n],
        }
    }

    /// Joins the sets of `i` and `j`, exact copies or near ones of similarity `sim`.
    fn join(&mut self, i: usize, j: usize, sim: Option<f64>) {
        let (ri, rj) = (self.sets.find(i), self.sets.find(j));
        let agree = sim.map_or(minhash::HASHES as u8, |s| {
            (s * minhash::HASHES as f64).round() as u8
        });
        let low = self.agree[ri].min(self.agree[rj]).min(agree);
        let any_near = self.near[ri] || self.near[rj] || sim.is_some();
        let root = self.sets.union(ri, rj);
        self.agree[root] = low;
        self.near[root] = any_near;
    }
}

/// For one LSH band, which keys more than one sentence has, approximately: a table of two
/// bits per slot (seen, seen again; side by side, so a key costs one cache miss) indexed by
/// the key's hash. A key seen once may share its slot with another and pass as repeated,
/// which costs only its place in the band's sort; a repeated key always passes.
struct RepeatedKeys {
    /// 32 slots a word: slot `s` has bit `2 s` (seen) and bit `2 s + 1` (seen again).
    slots: Vec<u64>,
    /// Bits of a slot number.
    bits: u32,
}

impl RepeatedKeys {
    /// Counts the keys in band `band` of the sentences marked in `counted`, `items` of
    /// them. Slots are four to eight per sentence, between 2^10 and 2^27 (32 MB, at 17
    /// million sentences). Fewer let a large corpus's unique keys through: capped at 2^23,
    /// the filter passed nearly every key of a million documents (26 million sentences).
    fn count(
        sentences: &SpillReader,
        counted: &[bool],
        items: usize,
        band: usize,
    ) -> std::io::Result<RepeatedKeys> {
        let bits = (items * 4)
            .next_power_of_two()
            .trailing_zeros()
            .clamp(10, 27);
        let mut keys = RepeatedKeys {
            slots: vec![0; (1 << bits) / 32],
            bits,
        };
        let mut i = 0;
        sentences.for_each_record(SENTENCE_RECORD, |record| {
            if counted[i] {
                let (word, seen) = keys.slot(KeptSentence::band_key(record, band));
                let w = &mut keys.slots[word];
                // Seen before: now seen again too.
                *w |= (*w & seen) << 1 | seen;
            }
            i += 1;
        })?;
        Ok(keys)
    }

    /// The word of `key`'s slot, and the slot's "seen" bit.
    fn slot(&self, key: u64) -> (usize, u64) {
        let slot = key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.bits);
        ((slot / 32) as usize, 1 << (2 * (slot % 32)))
    }

    /// Whether `key` may belong to more than one sentence.
    fn contains(&self, key: u64) -> bool {
        let (word, seen) = self.slot(key);
        self.slots[word] & seen << 1 != 0
    }
}

/// Pairs of documents that are exact or near copies.
fn duplicates(docs: &Chunked<KeptDoc>, ids: &[String]) -> Vec<Duplicate> {
    let mut out = Vec::new();
    let mut first: FxHashMap<u64, usize> = FxHashMap::default();
    let mut seen: FxHashSet<(usize, usize)> = FxHashSet::default();
    for (i, d) in docs.iter().enumerate() {
        if !d.has_words {
            continue;
        }
        match first.get(&d.exact) {
            Some(&j) => {
                seen.insert((j, i));
                out.push((j, i, 1.0, "exact"));
            }
            None => {
                first.insert(d.exact, i);
            }
        }
    }
    // Near copies among the first of each set of exact copies.
    let mut reps: Vec<usize> = first.values().copied().collect();
    reps.sort_unstable();
    let sigs: Vec<&Signature> = reps.iter().map(|&i| &docs[i].sig).collect();
    for (a, b, sim) in minhash::similar_pairs(&sigs, DUPLICATE_THRESHOLD) {
        let (i, j) = (reps[a], reps[b]);
        if seen.insert((i, j)) {
            out.push((i, j, (sim * 100.0).round() / 100.0, "near"));
        }
    }
    out.sort_by_key(|d| (d.0, d.1));
    out.into_iter()
        .map(|(i, j, similarity, kind)| Duplicate {
            documents: vec![ids[i].clone(), ids[j].clone()],
            similarity,
            kind: kind.to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_sentence_survives_its_record() {
        let mut spill = Spill::in_memory();
        spill.put_str("padding");
        let words = minhash::word_hashes("Russian bombers flew from Hamedan on Tuesday.");
        let s = KeptSentence {
            doc: 70_000,
            segment: 12,
            exact: minhash::sequence_hash(&words),
            sig: minhash::signature(&words, 2),
            text: spill.put_str("Russian bombers flew from Hamedan on Tuesday."),
        };
        assert_eq!(KeptSentence::from_record(&s.to_record()), s);
    }

    #[test]
    fn passages_sorted_on_disk_in_many_runs_are_those_sorted_in_memory() {
        // One sentence a document: near copies (some in buckets over the cap), exact
        // copies and sentences that stand alone.
        let texts: Vec<String> = (0..400)
            .map(|i| match i % 4 {
                0 => format!(
                    "The committee approved the plan on day {} of the debate",
                    i % 40
                ),
                1 => (0..9)
                    .map(|w| format!("w{}", i * 9 + w))
                    .collect::<Vec<_>>()
                    .join(" "),
                2 => "Officials said the talks would resume in Geneva next week".to_owned(),
                _ => format!(
                    "Prices rose {} percent in the year to March, figures showed",
                    i % 9
                ),
            })
            .collect();
        let ids: Vec<String> = (0..400).map(|i| format!("{i:03}.txt")).collect();
        let found = |run_bytes: Option<usize>| {
            let (mut records, mut spill) = (Spill::in_memory(), Spill::in_memory());
            for (i, t) in texts.iter().enumerate() {
                let words = minhash::word_hashes(t);
                let s = KeptSentence {
                    doc: i as u32,
                    segment: 0,
                    exact: minhash::sequence_hash(&words),
                    sig: minhash::signature(&words, 2),
                    text: spill.put_str(t),
                };
                records.put(&s.to_record());
            }
            let (records, spill) = (records.finish().unwrap(), spill.finish().unwrap());
            let shared = passages(records, texts.len(), &ids, run_bytes).unwrap();
            let all: Vec<Passage> = (0..shared.len())
                .map(|i| shared.entry(i, &ids, &spill).unwrap())
                .collect();
            all
        };
        let in_memory = found(None);
        // Runs of a dozen or so records: dozens of runs to merge.
        let on_disk = found(Some(1024));
        assert_eq!(
            serde_json::to_string(&on_disk).unwrap(),
            serde_json::to_string(&in_memory).unwrap()
        );
        // The prices' nine wordings join as one near passage. The committee's ten differ in
        // one number: nine join, the tenth's estimate falls short and its copies stay an
        // exact passage. The sentences of their own share nothing.
        let found: Vec<(&str, usize, &str)> = in_memory
            .iter()
            .map(|p| (p.kind.as_str(), p.documents.len(), p.text.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "exact",
                    100,
                    "Officials said the talks would resume in Geneva next week"
                ),
                (
                    "near",
                    100,
                    "Prices rose 3 percent in the year to March, figures showed"
                ),
                (
                    "near",
                    90,
                    "The committee approved the plan on day 0 of the debate"
                ),
                (
                    "exact",
                    10,
                    "The committee approved the plan on day 24 of the debate"
                ),
            ]
        );
    }
}
