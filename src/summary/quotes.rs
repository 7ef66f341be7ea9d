//! Direct quotations and their speakers.
//!
//! A quotation is text between curly or straight double quotes, at least three words long
//! (shorter quoted words are scare quotes: “moderate”). A closing quote with no opening one
//! in its sentence quotes from the start of the sentence. The speaker is, in this order: the
//! person or organisation right after the quote with a speech verb (“...”, Komoedov, the
//! head of ..., said / “...”, said X); the one named before it with a speech verb (X said
//! “...”); a person after "according to"; for “...”, he said, the nearest person named
//! before the quote in the document. Otherwise the speaker is unknown (None).

use crate::entities::{EntityType, Mention};
use crate::lexicon::lexicon;
use crate::text::{Token, TokenKind};

/// A quotation in one sentence, with the index of the speaker's mention, if known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// Segment index.
    pub segment: usize,
    /// Byte span of the quoted words (without the marks).
    pub start: usize,
    /// End of the quoted words.
    pub end: usize,
    /// Index into the document's mentions of the speaker.
    pub speaker: Option<usize>,
}

fn is_speaker(m: &Mention) -> bool {
    matches!(m.ty, EntityType::Person | EntityType::Org)
}

/// Finds the quotations of one sentence (`toks` are its tokens; `mentions` are the
/// document's, in order).
pub fn find(text: &str, segment: usize, toks: &[Token], mentions: &[Mention]) -> Vec<RawQuote> {
    let lex = lexicon();
    let w = |i: usize| &text[toks[i].start..toks[i].end];
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for i in 0..toks.len() {
        match (w(i), open) {
            ("“", _) => open = Some(i),
            ("\"", None) => open = Some(i),
            ("”" | "\"", Some(o)) => {
                spans.push((o + 1, i));
                open = None;
            }
            ("”", None) => spans.push((0, i)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (a, b) in spans {
        let words = toks[a..b]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count();
        if words < 3 || a >= b {
            continue;
        }
        let (qs, qe) = (toks[a].start, toks[b - 1].end);
        let sent_start = toks[0].start;
        let sent_end = toks[toks.len() - 1].end;
        let speech_after =
            (b + 1..toks.len()).any(|i| lex.speech_verbs.contains(&w(i).to_lowercase()));
        let speech_before = (0..a).any(|i| lex.speech_verbs.contains(&w(i).to_lowercase()));
        let in_sentence = |m: &&Mention| m.start >= sent_start && m.end <= sent_end;
        // “...”, Komoedov, the head of ..., said / “...”, said Babak Taghvai
        let after = mentions
            .iter()
            .filter(in_sentence)
            .filter(|m| m.start >= toks[b].end && is_speaker(m))
            .find(|m| {
                text[toks[b].end..m.start]
                    .split_whitespace()
                    .filter(|x| *x != "," && !lex.speech_verbs.contains(&x.to_lowercase()))
                    .count()
                    == 0
            });
        // X said “...”
        let before = mentions
            .iter()
            .filter(in_sentence)
            .filter(|m| m.end <= qs && is_speaker(m))
            .filter(|m| {
                let between = text[m.end..qs].to_lowercase();
                between.split_whitespace().take(4).any(|x| {
                    lex.speech_verbs
                        .contains(x.trim_matches(|c: char| !c.is_alphabetic()))
                })
            })
            .last();
        let according = text[sent_start..sent_end]
            .find("according to")
            .and_then(|p| {
                mentions
                    .iter()
                    .filter(in_sentence)
                    .find(|m| m.start >= sent_start + p && is_speaker(m))
            });
        let tail = text[qe..sent_end].to_lowercase();
        let pronoun = [
            " he said",
            " she said",
            " he added",
            " she added",
            " he says",
            " she says",
            " he told",
            " she told",
        ]
        .iter()
        .any(|p| {
            tail.trim_start_matches(['”', '"', ',', ' '])
                .starts_with(p.trim_start())
        });
        let speaker = if speech_after && after.is_some() {
            after
        } else if speech_before && before.is_some() {
            before
        } else if according.is_some() {
            according
        } else if pronoun {
            mentions
                .iter()
                .filter(|m| m.end <= qs && m.ty == EntityType::Person)
                .last()
        } else {
            None
        };
        let index = speaker.and_then(|s| mentions.iter().position(|m| std::ptr::eq(m, s)));
        out.push(RawQuote {
            segment,
            start: qs,
            end: qe,
            speaker: index,
        });
    }
    out
}
