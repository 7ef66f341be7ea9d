//! The corpus summary: a few central sentences that together cover the most widely
//! reported entities.
//!
//! Each document offers its most central sentences as candidates. While documents are
//! folded, each candidate waits as a record in a spill: its place, score, text's slot and
//! entity groups. Once the entities are linked, the summary is picked greedily in a few
//! passes over the records, holding only the front-runners of each pass.

use std::cmp::Ordering;
use std::collections::hash_map::Entry;
use std::io::{self, BufReader, Read};

use rustc_hash::{FxHashMap, FxHashSet};

use super::minhash;
use crate::report::CorpusSentence;
use crate::spill::{Fields, Records, Slot, Spill, SpillReader};

/// Bytes of a candidate's record before its groups: document, segment, score, the text's
/// slot and the number of groups.
const HEAD: usize = 36;

/// Candidates read in full per pass: the best by gain that are not chosen yet. Further
/// passes are needed only when all of them are like sentences already chosen.
const FRONT: usize = 16;

/// Two sentences are alike when this share of their words is common to both (Dice).
const ALIKE: f64 = 0.5;

/// A candidate as a pass reads it.
#[derive(Debug, Clone)]
struct Candidate {
    /// Its number, in the order candidates were added.
    number: u32,
    doc: u32,
    segment: u32,
    /// Its centrality in its document.
    score: f64,
    text: Slot,
}

/// A front-runner of a pass: a candidate, its gain, and its entities, ascending.
#[derive(Debug, Clone)]
struct Runner {
    candidate: Candidate,
    gain: f64,
    entities: Vec<u32>,
}

impl Runner {
    /// Order of preference: the highest gain first; among equals, the earliest.
    fn rank(&self) -> (f64, u32) {
        (self.gain, self.candidate.number)
    }
}

/// How candidates ranked `a` and `b` (see [`Runner::rank`]) compare: `Less` when `a` is
/// preferred.
fn preference(a: (f64, u32), b: (f64, u32)) -> Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

/// The corpus-summary candidates of the documents folded so far.
pub(super) struct Candidates {
    records: Records,
}

impl Candidates {
    /// No candidates yet; their records will go to `records`.
    pub(super) fn new(records: Spill) -> Candidates {
        Candidates {
            records: Records::new(records),
        }
    }

    /// Keeps a candidate: sentence `segment` of document `doc`, of centrality `score`,
    /// its text at `text`, mentioning corpus-wide entity groups `groups`.
    pub(super) fn add(&mut self, doc: u32, segment: u32, score: f64, text: Slot, groups: &[u32]) {
        self.records.push(|out| {
            out.extend_from_slice(&doc.to_le_bytes());
            out.extend_from_slice(&segment.to_le_bytes());
            out.extend_from_slice(&score.to_le_bytes());
            out.extend_from_slice(&text.to_bytes());
            out.extend_from_slice(&(groups.len() as u32).to_le_bytes());
            for g in groups {
                out.extend_from_slice(&g.to_le_bytes());
            }
        });
    }

    /// Picks up to `k` sentences that together cover the most widely reported entities,
    /// greedily, with no two alike: each round takes the candidate of highest gain (its
    /// score plus the weight of the entities it adds, `weight(entity)`) that is not like
    /// one already chosen. `entity_of_group` maps group ids to entities; texts are read
    /// back from `spill`, `ids` are the document ids.
    pub(super) fn pick(
        self,
        k: usize,
        entity_of_group: &[u32],
        weight: impl Fn(u32) -> f64,
        ids: &[String],
        spill: &SpillReader,
    ) -> io::Result<Vec<CorpusSentence>> {
        let count = self.records.len() as u32;
        let records = self.records.finish()?;
        let mut words: FxHashMap<u32, FxHashSet<u64>> = FxHashMap::default();
        let mut covered: FxHashSet<u32> = FxHashSet::default();
        let mut chosen: Vec<(Runner, FxHashSet<u64>)> = Vec::new();
        while chosen.len() < k {
            // Front-runners in order, a pass at a time, until one is unlike those chosen.
            let mut after = None;
            let pick = 'search: loop {
                let front = front_runners(&records, count, after, |c, groups| {
                    if chosen.iter().any(|(x, _)| x.candidate.number == c.number) {
                        return None;
                    }
                    let mut es: Vec<u32> = groups
                        .iter()
                        .map(|&g| entity_of_group[g as usize])
                        .collect();
                    es.sort_unstable();
                    es.dedup();
                    let gain = es
                        .iter()
                        .filter(|e| !covered.contains(e))
                        .map(|&e| weight(e))
                        .sum::<f64>()
                        + c.score;
                    Some((gain, es))
                })?;
                let Some(last) = front.last() else {
                    break None;
                };
                after = Some(last.rank());
                for runner in front {
                    let number = runner.candidate.number;
                    let w = match words.entry(number) {
                        Entry::Occupied(known) => known.into_mut(),
                        Entry::Vacant(new) => {
                            let text = spill.get_str(runner.candidate.text)?;
                            new.insert(minhash::word_hashes(&text).into_iter().collect())
                        }
                    };
                    let alike = chosen.iter().any(|(_, x)| {
                        let inter = x.intersection(w).count() as f64;
                        inter / (x.len() + w.len()) as f64 * 2.0 > ALIKE
                    });
                    if !alike {
                        break 'search Some((runner, w.clone()));
                    }
                }
            };
            let Some((runner, w)) = pick else { break };
            covered.extend(runner.entities.iter().copied());
            chosen.push((runner, w));
        }
        chosen
            .into_iter()
            .map(|(runner, _)| {
                let c = runner.candidate;
                Ok(CorpusSentence {
                    doc: ids[c.doc as usize].clone(),
                    sentence: c.segment as usize,
                    text: spill.get_str(c.text)?,
                })
            })
            .collect()
    }
}

/// One pass over the `count` candidates' `records`: the [`FRONT`] best ranked after `after`
/// (all with `None`), best first. `gain` gives a candidate's gain and entities from its groups,
/// or `None` to leave it out.
fn front_runners(
    records: &SpillReader,
    count: u32,
    after: Option<(f64, u32)>,
    mut gain: impl FnMut(&Candidate, &[u32]) -> Option<(f64, Vec<u32>)>,
) -> io::Result<Vec<Runner>> {
    let mut front: Vec<Runner> = Vec::with_capacity(2 * FRONT);
    let order = |a: &Runner, b: &Runner| preference(a.rank(), b.rank());
    // Once the front is full, the rank a candidate must beat.
    let mut bar: Option<(f64, u32)> = None;
    let mut reader = BufReader::with_capacity(1 << 16, records.stream()?);
    let (mut head, mut bytes, mut groups) = ([0u8; HEAD], Vec::new(), Vec::new());
    for number in 0..count {
        reader.read_exact(&mut head)?;
        let mut f = Fields::new(&head);
        let c = Candidate {
            number,
            doc: f.u32(),
            segment: f.u32(),
            score: f.f64(),
            text: f.slot(),
        };
        bytes.resize(4 * f.u32() as usize, 0);
        reader.read_exact(&mut bytes)?;
        groups.clear();
        groups.extend(bytes.chunks_exact(4).map(|b| Fields::new(b).u32()));
        let Some((g, entities)) = gain(&c, &groups) else {
            continue;
        };
        let rank = (g, number);
        if after.is_some_and(|a| preference(a, rank).is_ge())
            || bar.is_some_and(|b| preference(rank, b).is_ge())
        {
            continue;
        }
        front.push(Runner {
            candidate: c,
            gain: g,
            entities,
        });
        if front.len() == 2 * FRONT {
            front.sort_by(order);
            front.truncate(FRONT);
            bar = front.last().map(Runner::rank);
        }
    }
    front.sort_by(order);
    front.truncate(FRONT);
    Ok(front)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_covers_widely_named_entities_and_skips_sentences_alike() {
        // Entity 0, a person named in three documents, weighs 3; entity 1, a date in five,
        // weighs nothing, as a date is not a name.
        let weight = |e: u32| [3.0, 0.0][e as usize];
        let (mut candidates, mut spill) = (Candidates::new(Spill::in_memory()), Spill::in_memory());
        let mut add = |doc: u32, text: &str, score: f64, groups: &[u32]| {
            let slot = spill.put_str(text);
            candidates.add(doc, 1, score, slot, groups);
        };
        // More sentences alike than one pass reads, with the highest scores.
        for i in 0..20 {
            let text = format!("Russian bombers flew from the air base at dawn on day {i}");
            add(i, &text, 10.0 - f64::from(i) / 100.0, &[]);
        }
        add(
            20,
            "Markets fell sharply as investors weighed the news",
            2.0,
            &[1],
        );
        // Groups 0 and 2 are both entity 0: counted once.
        add(
            21,
            "The minister resigned after the vote in parliament",
            1.0,
            &[0, 2],
        );
        add(
            22,
            "Her deputy said the minister had no choice at all",
            0.5,
            &[2],
        );
        let spill = spill.finish().unwrap();
        let ids: Vec<String> = (0..23).map(|i| format!("{i:02}.txt")).collect();
        let picked = candidates
            .pick(4, &[0, 1, 0], weight, &ids, &spill)
            .unwrap();
        let picked: Vec<&str> = picked.iter().map(|s| s.doc.as_str()).collect();
        // The first alike sentence; then the minister's resignation (1 + 3 documents) over
        // the markets (2 + 0: a date is not a name); then the markets over the deputy,
        // whose minister is covered; then the deputy.
        assert_eq!(picked, ["00.txt", "21.txt", "20.txt", "22.txt"]);
    }
}
