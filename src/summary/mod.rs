//! Stage 5, per-document summary, and the summary half of stage 6.
//!
//! [`summarise`] turns one analysed document into [`DocParts`]: statistics and readability,
//! key-term counts, the extractive summary, quotations, dates, and the signatures and
//! candidate sentences the corpus needs. [`corpus`] combines every document's parts into key
//! terms (TF-IDF), shared passages and duplicates (MinHash/LSH), the corpus summary, the
//! timeline and grouped quotations.

pub mod dates;
pub mod minhash;
pub mod quotes;
pub mod readability;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::Analysis;
use crate::corpus::Options;
use crate::entities::{Entity, EntityType};
use crate::lexicon::lexicon;
use crate::report::{
    CorpusQuote, CorpusSentence, DateMention, DocStats, Duplicate, KeyTerm, Location, Passage,
    Quote, SummarySentence, TimelineEntry,
};
use crate::text::{SegmentKind, TokenKind};
use minhash::HASHES;

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
    pub sig: [u32; HASHES],
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
#[derive(Debug, Clone)]
pub struct DocParts {
    /// The headline.
    pub title: Option<String>,
    /// Counts and readability.
    pub stats: DocStats,
    /// Key-term candidates and their counts in this document.
    pub terms: Vec<(String, u32)>,
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
    pub sig: [u32; HASHES],
    /// Candidates for the corpus summary.
    pub candidates: Vec<Candidate>,
}

/// Builds one document's parts. `group_of` maps each mention to its local entity group.
pub fn summarise(a: &Analysis, group_of: &[usize], opts: &Options) -> DocParts {
    let lex = lexicon();
    let mut stats = DocStats {
        bytes: a.bytes,
        ..DocStats::default()
    };
    let mut title = None;
    let mut body_words: Vec<&str> = Vec::new();
    let mut seg_tokens: Vec<std::ops::Range<usize>> = vec![0..0; a.segments.len()];
    let mut i = 0;
    while i < a.tokens.len() {
        let s = a.tokens[i].segment as usize;
        let j = i + a.tokens[i..]
            .iter()
            .take_while(|t| t.segment as usize == s)
            .count();
        seg_tokens[s] = i..j;
        i = j;
    }
    for (si, s) in a.segments.iter().enumerate() {
        match s.kind {
            SegmentKind::Boilerplate => stats.boilerplate_lines += 1,
            SegmentKind::Title if title.is_none() => {
                title = Some(a.slice(s.start, s.end).to_owned())
            }
            SegmentKind::Heading => stats.headings += 1,
            _ => {}
        }
        if s.kind == SegmentKind::Boilerplate {
            continue;
        }
        let toks = &a.tokens[seg_tokens[si].clone()];
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

    // Key-term candidates: content words and two-word phrases that do not cross punctuation.
    let mut terms: HashMap<String, u32> = HashMap::new();
    let body: Vec<usize> = (0..a.segments.len())
        .filter(|&s| a.segments[s].kind == SegmentKind::Sentence)
        .collect();
    for &si in &body {
        let toks = &a.tokens[seg_tokens[si].clone()];
        let mut prev: Option<(String, bool)> = None;
        for t in toks {
            let w = a.slice(t.start, t.end);
            let content = t.kind == TokenKind::Word
                && w.chars().count() >= 3
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !lex.stopwords.contains(&w.to_lowercase())
                && !lex.speech_verbs.contains(&w.to_lowercase());
            if !content {
                prev = None;
                continue;
            }
            let lw = w.to_lowercase();
            let capital = w.starts_with(char::is_uppercase);
            *terms.entry(lw.clone()).or_default() += 1;
            // Phrases do not run from ordinary words into names (spokesman Mark).
            if let Some((p, p_capital)) = prev
                && p_capital == capital
            {
                *terms.entry(format!("{p} {lw}")).or_default() += 1;
            }
            prev = Some((lw, capital));
        }
    }
    let mut terms: Vec<(String, u32)> = terms.into_iter().collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    terms.truncate(200);

    // Extractive summary: similarity to the rest of the document, lead sentences favoured.
    let vectors: Vec<HashMap<String, f64>> = body
        .iter()
        .map(|&si| {
            let mut v = HashMap::new();
            for t in &a.tokens[seg_tokens[si].clone()] {
                let w = a.slice(t.start, t.end).to_lowercase();
                if t.kind == TokenKind::Word && !lex.stopwords.contains(&w) && w.len() > 2 {
                    *v.entry(w).or_insert(0.0) += 1.0;
                }
            }
            v
        })
        .collect();
    let mut centroid: HashMap<&str, f64> = HashMap::new();
    for v in &vectors {
        for (w, c) in v {
            *centroid.entry(w).or_insert(0.0) += c;
        }
    }
    let scores: Vec<f64> = vectors
        .iter()
        .enumerate()
        .map(|(k, v)| {
            let words = a.tokens[seg_tokens[body[k]].clone()]
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .count();
            if words < MIN_PASSAGE_WORDS {
                return 0.0;
            }
            let (mut dot, mut nv, mut nc) = (0.0, 0.0, 0.0);
            for (w, c) in v {
                let rest = centroid.get(w.as_str()).copied().unwrap_or(0.0) - c;
                dot += c * rest;
                nv += c * c;
            }
            for (w, c) in &centroid {
                let own = v.get(*w).copied().unwrap_or(0.0);
                nc += (c - own) * (c - own);
            }
            let cos = if nv > 0.0 && nc > 0.0 {
                dot / (nv.sqrt() * nc.sqrt())
            } else {
                0.0
            };
            cos + if k < 3 { 0.1 } else { 0.0 }
        })
        .collect();
    let mut order: Vec<usize> = (0..body.len()).collect();
    order.sort_by(|&x, &y| scores[y].total_cmp(&scores[x]).then(x.cmp(&y)));
    let mut chosen: Vec<usize> = Vec::new();
    for &k in &order {
        if chosen.len() >= opts.summary_sentences || scores[k] <= 0.0 {
            break;
        }
        let near_repeat = chosen
            .iter()
            .any(|&c| jaccard(&vectors[c], &vectors[k]) > 0.6);
        if !near_repeat {
            chosen.push(k);
        }
    }
    chosen.sort_unstable();
    let summary = chosen
        .iter()
        .map(|&k| SummarySentence {
            sentence: body[k],
            text: a
                .slice(a.segments[body[k]].start, a.segments[body[k]].end)
                .to_owned(),
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
                text: a.slice(s.start, s.end).to_owned(),
                groups: groups.into_iter().collect(),
                score: scores[k],
            }
        })
        .collect();

    // Quotations and dates.
    let mut quotes = Vec::new();
    for &si in &body {
        for q in quotes::find(&a.text, si, &a.tokens[seg_tokens[si].clone()], &a.mentions) {
            let text = a
                .slice(q.start, q.end)
                .trim_end_matches([',', ' '])
                .to_owned();
            let speaker = q.speaker.map(|m| group_of[m]).filter(|&g| g != usize::MAX);
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
            let s = &a.segments[seg];
            dated.insert(seg, a.slice(s.start, s.end).to_owned());
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
        let s = &a.segments[si];
        let text = a.slice(s.start, s.end);
        let words = minhash::words(text);
        if words.len() >= MIN_PASSAGE_WORDS {
            sentences.push(SentenceSig {
                segment: si,
                text: text.to_owned(),
                exact: minhash::fnv(words.join(" ").as_bytes()),
                sig: minhash::signature(&words, 2),
            });
        }
        all_words.extend(words);
    }
    DocParts {
        title,
        stats,
        terms,
        summary,
        quotes,
        dates,
        dated,
        sentences,
        exact: minhash::fnv(all_words.join(" ").as_bytes()),
        sig: minhash::signature(&all_words, 3),
        candidates,
    }
}

fn jaccard(a: &HashMap<String, f64>, b: &HashMap<String, f64>) -> f64 {
    let inter = a.keys().filter(|k| b.contains_key(*k)).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// The corpus-level summary parts.
#[derive(Debug, Default)]
pub struct CorpusParts {
    /// Key terms per document.
    pub keyterms: Vec<Vec<KeyTerm>>,
    /// Quotations per document, with canonical speakers.
    pub quotes: Vec<Vec<Quote>>,
    /// Shared passages.
    pub passages: Vec<Passage>,
    /// Duplicate document pairs.
    pub duplicates: Vec<Duplicate>,
    /// The corpus summary.
    pub summary: Vec<CorpusSentence>,
    /// The timeline.
    pub timeline: Vec<TimelineEntry>,
    /// Quotations grouped across documents.
    pub quotes_across: Vec<CorpusQuote>,
}

/// Combines all documents' parts. `docs` holds (id, parts, first group id);
/// `entity_of_group` maps group ids to indices into `entities`.
pub fn corpus(
    docs: &[(&String, &DocParts, usize)],
    entity_of_group: &[usize],
    entities: &[Entity],
    opts: &Options,
) -> CorpusParts {
    let mut out = CorpusParts::default();
    let n = docs.len() as f64;
    let mut df: HashMap<&str, u32> = HashMap::new();
    for (_, p, _) in docs {
        for (t, _) in &p.terms {
            *df.entry(t).or_default() += 1;
        }
    }
    let entity = |base: usize, g: usize| &entities[entity_of_group[base + g]];
    for (_, p, base) in docs {
        let total: u32 = p
            .terms
            .iter()
            .filter(|(t, _)| !t.contains(' '))
            .map(|(_, c)| c)
            .sum::<u32>()
            .max(1);
        let mut scored: Vec<KeyTerm> = p
            .terms
            .iter()
            .filter(|(_, c)| *c >= 2)
            .map(|(t, c)| {
                let idf = ((n + 1.0) / (f64::from(df[t.as_str()]) + 1.0)).ln() + 1.0;
                // Phrases are more telling than single words, and everyday words less.
                let boost = if t.contains(' ') {
                    1.5
                } else if lexicon().is_common(t) {
                    0.5
                } else {
                    1.0
                };
                let score = f64::from(*c) / f64::from(total) * idf * boost;
                KeyTerm {
                    term: t.clone(),
                    score: (score * 10000.0).round() / 10000.0,
                }
            })
            .collect();
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.term.cmp(&b.term)));
        // A phrase makes its own words redundant.
        let mut kept: Vec<KeyTerm> = Vec::new();
        for k in scored {
            let covered = kept.iter().any(|x| {
                x.term.split(' ').any(|w| w == k.term)
                    || k.term.split(' ').all(|w| kept.iter().any(|x| x.term == w))
                        && k.term.contains(' ')
            });
            if !covered {
                kept.push(k);
            }
            if kept.len() >= opts.keyterms {
                break;
            }
        }
        out.keyterms.push(kept);
        out.quotes.push(
            p.quotes
                .iter()
                .map(|(s, t, g)| Quote {
                    sentence: *s,
                    text: t.clone(),
                    speaker: g.map(|g| entity(*base, g).canonical.clone()),
                })
                .collect(),
        );
    }
    out.passages = passages(docs);
    out.duplicates = duplicates(docs);
    out.summary = corpus_summary(
        docs,
        entity_of_group,
        entities,
        opts.corpus_summary_sentences,
    );
    for (id, p, _) in docs {
        for d in &p.dates {
            if let (Some(norm), Some(text)) = (&d.normalized, p.dated.get(&d.sentence)) {
                out.timeline.push(TimelineEntry {
                    date: norm.clone(),
                    as_written: d.text.clone(),
                    doc: (*id).clone(),
                    sentence: d.sentence,
                    text: text.clone(),
                });
            }
        }
    }
    out.timeline.sort_by(|a, b| {
        dates::sort_key(&a.date)
            .cmp(&dates::sort_key(&b.date))
            .then(a.doc.cmp(&b.doc))
            .then(a.sentence.cmp(&b.sentence))
    });
    let mut grouped: BTreeMap<String, CorpusQuote> = BTreeMap::new();
    for (di, (id, _, _)) in docs.iter().enumerate() {
        for q in &out.quotes[di] {
            let key = minhash::words(&q.text).join(" ");
            let e = grouped.entry(key).or_insert_with(|| CorpusQuote {
                text: q.text.clone(),
                speakers: Vec::new(),
                locations: Vec::new(),
            });
            if let Some(s) = &q.speaker
                && !e.speakers.contains(s)
            {
                e.speakers.push(s.clone());
                e.speakers.sort();
            }
            e.locations.push(Location {
                doc: (*id).clone(),
                sentence: q.sentence,
            });
        }
    }
    let mut quotes: Vec<CorpusQuote> = grouped.into_values().collect();
    quotes.sort_by(|a, b| {
        b.locations
            .len()
            .cmp(&a.locations.len())
            .then(a.locations.cmp(&b.locations))
    });
    out.quotes_across = quotes;
    out
}

/// Sentences shared by several documents, exactly or nearly.
fn passages(docs: &[(&String, &DocParts, usize)]) -> Vec<Passage> {
    let items: Vec<(usize, &SentenceSig)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, (_, p, _))| p.sentences.iter().map(move |s| (d, s)))
        .collect();
    let sigs: Vec<&[u32; HASHES]> = items.iter().map(|(_, s)| &s.sig).collect();
    let mut parent: Vec<usize> = (0..items.len()).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        p[x] = r;
        r
    }
    let mut sims: HashMap<usize, f64> = HashMap::new();
    let mut by_exact: HashMap<u64, usize> = HashMap::new();
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    for (i, (_, s)) in items.iter().enumerate() {
        if let Some(&j) = by_exact.get(&s.exact) {
            pairs.push((j, i, 1.0));
        } else {
            by_exact.insert(s.exact, i);
        }
    }
    for (i, j) in minhash::candidates(&sigs) {
        let sim = minhash::similarity(sigs[i], sigs[j]);
        if sim >= PASSAGE_THRESHOLD && items[i].1.exact != items[j].1.exact {
            pairs.push((i, j, sim));
        }
    }
    for (i, j, sim) in pairs {
        if items[i].0 == items[j].0 {
            continue;
        }
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        let low = sims
            .get(&ri)
            .copied()
            .unwrap_or(1.0)
            .min(sims.get(&rj).copied().unwrap_or(1.0))
            .min(sim);
        let root = ri.min(rj);
        parent[ri.max(rj)] = root;
        sims.insert(root, low);
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Passage> = groups
        .into_iter()
        .filter(|(_, g)| g.len() > 1)
        .map(|(root, g)| {
            let documents: BTreeSet<&String> = g.iter().map(|&i| docs[items[i].0].0).collect();
            let exact = g.iter().all(|&i| items[i].1.exact == items[g[0]].1.exact);
            let similarity = if exact {
                1.0
            } else {
                (sims.get(&root).copied().unwrap_or(1.0) * 100.0).round() / 100.0
            };
            Passage {
                documents: documents.into_iter().cloned().collect(),
                similarity,
                kind: if exact { "exact" } else { "near" }.to_owned(),
                text: items[g[0]].1.text.clone(),
                locations: g
                    .iter()
                    .map(|&i| Location {
                        doc: docs[items[i].0].0.clone(),
                        sentence: items[i].1.segment,
                    })
                    .collect(),
            }
        })
        .filter(|p| p.documents.len() > 1)
        .collect();
    out.sort_by(|a, b| {
        b.documents
            .len()
            .cmp(&a.documents.len())
            .then(a.locations.cmp(&b.locations))
    });
    out
}

/// Pairs of documents that are exact or near copies.
fn duplicates(docs: &[(&String, &DocParts, usize)]) -> Vec<Duplicate> {
    let mut out = Vec::new();
    let mut first: HashMap<u64, usize> = HashMap::new();
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for (i, (_, p, _)) in docs.iter().enumerate() {
        if p.stats.words == 0 {
            continue;
        }
        match first.get(&p.exact) {
            Some(&j) => {
                seen.insert((j, i));
                out.push((j, i, 1.0, "exact"));
            }
            None => {
                first.insert(p.exact, i);
            }
        }
    }
    let sigs: Vec<&[u32; HASHES]> = docs.iter().map(|(_, p, _)| &p.sig).collect();
    for (i, j) in minhash::candidates(&sigs) {
        if docs[i].1.exact == docs[j].1.exact
            || docs[i].1.stats.words == 0
            || docs[j].1.stats.words == 0
        {
            continue;
        }
        let sim = minhash::similarity(sigs[i], sigs[j]);
        if sim >= DUPLICATE_THRESHOLD && seen.insert((i, j)) {
            out.push((i, j, (sim * 100.0).round() / 100.0, "near"));
        }
    }
    out.sort_by_key(|d| (d.0, d.1));
    out.into_iter()
        .map(|(i, j, similarity, kind)| Duplicate {
            documents: vec![docs[i].0.clone(), docs[j].0.clone()],
            similarity,
            kind: kind.to_owned(),
        })
        .collect()
}

/// Picks sentences that together cover the most widely reported entities, greedily, with no
/// two sentences alike.
fn corpus_summary(
    docs: &[(&String, &DocParts, usize)],
    entity_of_group: &[usize],
    entities: &[Entity],
    k: usize,
) -> Vec<CorpusSentence> {
    let weight = |e: usize| {
        let ent = &entities[e];
        if ent.ty.is_name() {
            ent.documents.len() as f64
        } else {
            0.0
        }
    };
    let cands: Vec<(usize, &Candidate, BTreeSet<usize>)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, (_, p, base))| {
            p.candidates.iter().map(move |c| {
                (
                    d,
                    c,
                    c.groups.iter().map(|g| entity_of_group[base + g]).collect(),
                )
            })
        })
        .collect();
    let mut covered: HashSet<usize> = HashSet::new();
    let mut chosen: Vec<usize> = Vec::new();
    let mut chosen_words: Vec<HashSet<String>> = Vec::new();
    while chosen.len() < k {
        let mut best: Option<(f64, usize)> = None;
        for (ci, (_, c, ents)) in cands.iter().enumerate() {
            if chosen.contains(&ci) {
                continue;
            }
            let words: HashSet<String> = minhash::words(&c.text).into_iter().collect();
            let similar = chosen_words.iter().any(|w| {
                let inter = w.intersection(&words).count() as f64;
                inter / (w.len() + words.len()) as f64 * 2.0 > 0.5
            });
            if similar {
                continue;
            }
            let gain: f64 = ents
                .iter()
                .filter(|e| !covered.contains(e))
                .map(|&e| weight(e))
                .sum::<f64>()
                + c.score;
            if best.is_none_or(|(b, _)| gain > b) {
                best = Some((gain, ci));
            }
        }
        let Some((_, ci)) = best else { break };
        covered.extend(cands[ci].2.iter().copied());
        chosen_words.push(minhash::words(&cands[ci].1.text).into_iter().collect());
        chosen.push(ci);
    }
    chosen
        .into_iter()
        .map(|ci| {
            let (d, c, _) = &cands[ci];
            CorpusSentence {
                doc: docs[*d].0.clone(),
                sentence: c.segment,
                text: c.text.clone(),
            }
        })
        .collect()
}
