//! `duplicate` and `near-duplicate`: documents of a drop that copy each other or a corpus.
//!
//! Each document is reduced to a [`Fingerprint`] the way the report's duplicate detection
//! does it: the normalised words of its body sentences, hashed whole (exact copies share the
//! hash) and as a MinHash signature of word trigrams. [`find`] matches exact hashes through
//! a hash map and near copies through the LSH pairs of [`crate::summary::minhash`], so
//! the work grows with the number of documents, never with the number of pairs. Only pairs
//! that involve the drop are reported; the corpus given with `--against` is the reference.

use std::collections::HashMap;

use super::{Config, Finding, Related, Rule, Severity};
use crate::summary::minhash::{self, Signature};
use crate::text::{Segment, SegmentKind};

/// Words per shingle of a document signature, as in the report's `duplicates`.
const SHINGLE_WORDS: usize = 3;

/// What duplicate detection keeps of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hash of the body's normalised words.
    pub exact: u64,
    /// MinHash of the body's word trigrams.
    pub sig: Signature,
}

/// The fingerprint of a document's body sentences; `None` when they hold no words.
pub fn fingerprint(text: &str, segments: &[Segment]) -> Option<Fingerprint> {
    let words: Vec<u64> = segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Sentence)
        .flat_map(|s| minhash::word_hashes(text.get(s.start..s.end).unwrap_or_default()))
        .collect();
    (!words.is_empty()).then(|| Fingerprint {
        exact: minhash::sequence_hash(&words),
        sig: minhash::signature(&words, SHINGLE_WORDS),
    })
}

/// The fingerprint of a reference document's bytes: decoded and segmented only, since
/// nothing else about it is checked. Fails when the bytes are not text.
pub fn fingerprint_bytes(bytes: &[u8]) -> Result<Option<Fingerprint>, String> {
    let a = crate::analyse_to("", bytes, crate::Depth::Segments)?;
    Ok(fingerprint(&a.text, &a.segments))
}

/// True when either duplicate rule is on (otherwise `--against` need not be read).
pub fn enabled(cfg: &Config) -> bool {
    cfg.severity(Rule::Duplicate) != Severity::Off
        || cfg.severity(Rule::NearDuplicate) != Severity::Off
}

/// Duplicate findings for the drop (path and fingerprint of each document, in order)
/// against itself and against the reference documents. A copy inside the drop is reported
/// on the later document and names the earlier one.
pub fn find(
    drop: &[(String, Option<Fingerprint>)],
    refs: &[(String, Fingerprint)],
    cfg: &Config,
) -> Vec<Finding> {
    let items: Vec<(&str, &Fingerprint, bool)> = drop
        .iter()
        .filter_map(|(p, f)| f.as_ref().map(|f| (p.as_str(), f, false)))
        .chain(refs.iter().map(|(p, f)| (p.as_str(), f, true)))
        .collect();
    let mut out = Vec::new();
    let finding = |rule: Rule, (path, other): (&str, &str), similarity: f64| Finding {
        path: path.to_owned(),
        line: 1,
        column: 1,
        rule,
        severity: cfg.severity(rule),
        message: if rule == Rule::Duplicate {
            format!(
                "exact copy of {other} (same words once case, punctuation and spacing are \
                 ignored); drop one of them"
            )
        } else {
            format!(
                "near copy of {other} (similarity {similarity:.2}, threshold {:.2}); \
                 drop one of them or make sure both belong",
                cfg.near_similarity
            )
        },
        related: Some(Related {
            path: other.to_owned(),
            similarity,
        }),
    };

    if cfg.severity(Rule::Duplicate) != Severity::Off {
        let mut first_ref: HashMap<u64, &str> = HashMap::new();
        for &(p, f, _) in items.iter().filter(|i| i.2) {
            first_ref.entry(f.exact).or_insert(p);
        }
        let mut first_drop: HashMap<u64, &str> = HashMap::new();
        for &(p, f, _) in items.iter().filter(|i| !i.2) {
            if let Some(other) = first_ref.get(&f.exact).or(first_drop.get(&f.exact)) {
                out.push(finding(Rule::Duplicate, (p, other), 1.0));
            } else {
                first_drop.insert(f.exact, p);
            }
        }
    }

    if cfg.severity(Rule::NearDuplicate) != Severity::Off {
        let sigs: Vec<&Signature> = items.iter().map(|i| &i.1.sig).collect();
        // Drop documents come first, so in a pair (i, j) with i < j only j can be a reference.
        let mut pairs = minhash::similar_pairs(&sigs, cfg.near_similarity);
        pairs.sort_unstable_by_key(|&(i, j, _)| (i, j));
        for (i, j, sim) in pairs {
            let ((pi, fi, ref_i), (pj, fj, ref_j)) = (items[i], items[j]);
            if ref_i || fi.exact == fj.exact {
                continue;
            }
            // Texts that differ are not 1.00 alike, whatever 32 hashes estimate.
            let sim = ((sim * 100.0).round() / 100.0).min(0.99);
            let pair = if ref_j { (pi, pj) } else { (pj, pi) };
            out.push(finding(Rule::NearDuplicate, pair, sim));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(text: &str) -> Option<Fingerprint> {
        fingerprint_bytes(text.as_bytes()).unwrap()
    }

    const ARTICLE: &str = "Russia launched a series of airstrikes on Syria from Iran on Tuesday, \
        deepening military ties between the two countries. The ministry confirmed the strikes, \
        which mark the first Russian strikes in Syria launched from a foreign base. Officials \
        in Tehran said the cooperation would continue for as long as it was needed. Analysts \
        said the move showed how close the two governments had become over the past year.";

    #[test]
    fn copies_in_the_drop_and_against_a_corpus() {
        let near = ARTICLE.replace("Tuesday", "Monday");
        let drop = vec![
            ("new/a.txt".to_owned(), fp(ARTICLE)),
            ("new/b.txt".to_owned(), fp(&ARTICLE.to_uppercase())),
            ("new/c.txt".to_owned(), fp(&near)),
            ("new/empty.txt".to_owned(), None),
        ];
        let found: Vec<(String, Rule, String)> = find(&drop, &[], &Config::default())
            .into_iter()
            .map(|f| (f.path, f.rule, f.related.unwrap().path))
            .collect();
        assert!(found.contains(&("new/b.txt".into(), Rule::Duplicate, "new/a.txt".into())));
        assert!(found.contains(&("new/c.txt".into(), Rule::NearDuplicate, "new/a.txt".into())));
        let refs = vec![("corpus/seed.txt".to_owned(), fp(ARTICLE).unwrap())];
        let against = find(&drop, &refs, &Config::default());
        assert!(
            against
                .iter()
                .filter(|f| f.rule == Rule::Duplicate)
                .all(|f| f.related.as_ref().unwrap().path == "corpus/seed.txt")
        );
    }

    #[test]
    fn documents_without_body_have_no_fingerprint() {
        assert_eq!(fp("Just a headline"), None);
        assert_eq!(fingerprint_bytes(b"\0\0\0x").ok(), None);
    }
}
