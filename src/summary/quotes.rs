//! Direct quotations and their speakers.
//!
//! A quotation is text between curly or straight double quotes, at least three words long
//! (shorter quoted words are scare quotes: “moderate”). A closing quote with no opening one
//! in its sentence quotes from the start of the sentence. The speaker is, in this order: the
//! person or organisation right after the quote with a speech verb, past the role written
//! before a person's name (“...”, Komoedov, the head of ..., said / “...”, said X / “...,”
//! head coach X told); the one named before it with a speech verb or a verdict verb (X said
//! “...”, X called it “...”), or the person whose apposition holds that name (X, the leader
//! of Y, said “...”; X of Y said “...”); a person after "according to"; for “...”, he said
//! or He said ... “...”, the person who opens the sentence before if it quotes no one, else
//! the last person reported speaking, else the nearest person named before the quote in
//! the document. Otherwise the speaker is unknown (None), and the summary may carry on the
//! speaker of the quotation before it in the same paragraph.

use crate::entities::{EntityType, Mention};
use crate::lexicon::{Lower, lexicon};
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

/// Verbs that give a speaker's verdict in their words just before a quotation: "X called
/// the deployment “a significant escalation”". Not speech verbs elsewhere: "a missile
/// called Oreshnik" names no speaker.
const VERDICT_VERBS: &[&str] = &[
    "branded",
    "called",
    "calls",
    "described",
    "describes",
    "dubbed",
];

/// A pronoun and a speech verb that put a quotation in the mouth of someone named before.
const PRONOUN_SPEECH: &[&str] = &[
    "he said",
    "she said",
    "he added",
    "she added",
    "he says",
    "she says",
    "he told",
    "she told",
];

/// A speech verb or a verdict verb, in lower case: words that put a quotation in a
/// speaker's mouth.
fn attributes(lower: &str) -> bool {
    lexicon().speech_verbs.contains(lower) || VERDICT_VERBS.contains(&lower)
}

fn is_speaker(m: &Mention) -> bool {
    matches!(m.ty, EntityType::Person | EntityType::Org)
}

/// True when a speech verb stands right before or after the mention, or after an
/// apposition: "X said", "said X", "X, a senior fellow at Y, said".
fn is_speaking(text: &str, m: &Mention) -> bool {
    let lex = lexicon();
    let word = |s: &str| s.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    let mut end = text.len().min(m.end + 200);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut rest = &text[m.end..end];
    if let Some(apposition) = rest.strip_prefix(", ")
        && let Some(close) = apposition.find(',')
        && !apposition[..close].contains(['.', '“', '"'])
    {
        rest = &apposition[close + 1..];
    }
    let after = rest.split_whitespace().find(|w| *w != ",").map(word);
    let before = text[..m.start].split_whitespace().next_back().map(word);
    [after, before]
        .into_iter()
        .flatten()
        .any(|w| lex.speech_verbs.contains(&w))
}

/// Where a mention starts together with the role written just before it: the start of
/// "head coach" in "head coach Ruben Amorim".
fn with_role(text: &str, m: &Mention) -> usize {
    m.role
        .as_deref()
        .and_then(|role| text[..m.start].strip_suffix(' ')?.strip_suffix(role))
        .map_or(m.start, str::len)
}

/// The person who opens the sentence just before segment `segment` (its first person,
/// after no more than a role, and not a possessive), if that sentence quotes no one and no
/// one else speaks in it: the subject a "he said" after it most likely speaks of. `before`
/// are the document's mentions before the current sentence, which starts at `sent_start`.
fn subject_before(
    text: &str,
    segment: usize,
    before: &[Mention],
    sent_start: usize,
) -> Option<usize> {
    let prev = segment.checked_sub(1)?;
    let first = before
        .iter()
        .rposition(|m| m.segment as usize != prev)
        .map_or(0, |i| i + 1);
    // The sentence's first person; a role before it may hold a name: "Forest boss Nuno".
    let person = (first..before.len()).find(|&i| before[i].ty == EntityType::Person)?;
    let m = &before[person];
    let lead = with_role(text, m);
    // Up to three words that are no stop words may come first: a role no list knows.
    let head = text[..lead].trim_end();
    let cut = head.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let mut words = head[cut..].split_whitespace();
    let lex = lexicon();
    let opens = words.clone().count() <= 3
        && words.all(|w| !lex.stopwords.contains(Lower::new(w).as_str()));
    let quotes = text[m.end..sent_start].contains(['“', '”', '"']);
    // Nor when someone else in that sentence is reported speaking: "If Mr Blair did not
    // want to take part, ..., Lord Holme said."
    let other_speaks = before[person + 1..]
        .iter()
        .any(|o| is_speaker(o) && is_speaking(text, o));
    // A possessive is no subject: "Matt Williams' side has shown little".
    let owner = text[m.end..].starts_with(['\'', '’']);
    (opens && !quotes && !owner && !other_speaks).then_some(person)
}

/// True when `inner` is inside the apposition that follows the person `p` ("Han
/// Dong-hoon, the leader of the People Power Party, said"), or is where the person works
/// ("Dan Ives of Wedbush Securities said").
fn appositive_holds(text: &str, p: &Mention, inner: &Mention) -> bool {
    if p.ty != EntityType::Person || p.end >= inner.start {
        return false;
    }
    let between = &text[p.end..inner.start];
    let apposition = between
        .strip_prefix(", ")
        .is_some_and(|rest| !rest.contains([',', '“', '"', '.']))
        && text[inner.end..].starts_with(',');
    let next = text[inner.end..].split_whitespace().next().unwrap_or("");
    let workplace =
        matches!(between, " of " | " at " | " from ") && attributes(Lower::new(next).as_str());
    apposition || workplace
}

/// Finds the quotations of one sentence (`toks` are its tokens; `mentions` are the
/// document's, in order).
pub fn find(text: &str, segment: usize, toks: &[Token], mentions: &[Mention]) -> Vec<RawQuote> {
    let lex = lexicon();
    let w = |i: usize| &text[toks[i].start..toks[i].end];
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    // A closing quote with no opening one quotes from the previous quote (or the start of
    // the sentence), so every token is in at most one quotation.
    let mut after_last = 0;
    for i in 0..toks.len() {
        match (w(i), open) {
            ("“", _) => open = Some(i),
            ("\"", None) => open = Some(i),
            ("”" | "\"", Some(o)) => {
                spans.push((o + 1, i));
                open = None;
                after_last = i + 1;
            }
            ("”", None) => {
                spans.push((after_last, i));
                after_last = i + 1;
            }
            _ => {}
        }
    }
    if spans.is_empty() {
        return Vec::new();
    }
    // Where the speech verbs are, to ask "is there one after / before" in constant time.
    let verbs: Vec<usize> = (0..toks.len())
        .filter(|&i| attributes(Lower::new(w(i)).as_str()))
        .collect();
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
        let speech_after = verbs.last().is_some_and(|&v| v > b);
        let speech_before = verbs.first().is_some_and(|&v| v < a);
        // The sentence's mentions, by index into `mentions` (which is sorted by start).
        let lo = mentions.partition_point(|m| m.start < sent_start);
        let hi = mentions.partition_point(|m| m.start < sent_end);
        let here = lo..hi;
        // A name inside the role written before a person's name is no speaker of its own:
        // "Senate Minority Leader Chuck Schumer", "Nasa administrator Bill Nelson".
        let in_role = |i: usize| {
            here.clone().any(|j| {
                let p = &mentions[j];
                p.ty == EntityType::Person
                    && with_role(text, p) <= mentions[i].start
                    && mentions[i].end <= p.start
            })
        };
        // “...”, Komoedov, the head of ..., said / “...”, said Babak Taghvai / “...,” head
        // coach Ruben Amorim told reporters
        let after = here.clone().find(|&i| {
            let m = &mentions[i];
            let lead = with_role(text, m);
            lead >= toks[b].end
                && is_speaker(m)
                && !in_role(i)
                && text[toks[b].end..lead]
                    .split_whitespace()
                    .all(|x| x == "," || lex.speech_verbs.contains(&x.to_lowercase()))
        });
        // X said “...”; the person before an apposition that holds the name before the
        // verb: "Han Dong-hoon, the leader of the People Power Party, said ... “...”".
        let before = here
            .clone()
            .rev()
            .find(|&i| {
                let m = &mentions[i];
                m.end <= qs
                    && is_speaker(m)
                    && text[m.end..qs].split_whitespace().take(4).any(|x| {
                        let x = x.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
                        attributes(&x)
                    })
            })
            .map(|i| {
                here.clone()
                    .take_while(|&j| j < i)
                    .find(|&j| appositive_holds(text, &mentions[j], &mentions[i]))
                    .unwrap_or(i)
            });
        let according = text[sent_start..sent_end]
            .find("according to")
            .and_then(|p| {
                here.clone()
                    .find(|&i| mentions[i].start >= sent_start + p && is_speaker(&mentions[i]))
            });
        // “...,” he said / He said the crimes were “extreme and shocking”: a pronoun and a
        // speech verb just after the quotation or at the sentence's opening.
        let tail = text[qe..sent_end].trim_start_matches(['”', '"', ',', ' ']);
        let opening = &text[sent_start..qs];
        let starts = |s: &str, p: &str| s.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p));
        let pronoun = PRONOUN_SPEECH
            .iter()
            .any(|p| starts(tail, p) || starts(opening, p));
        let speaker = if speech_after && after.is_some() {
            after
        } else if speech_before && before.is_some() {
            before
        } else if according.is_some() {
            according
        } else if pronoun {
            // The person who opens the sentence before, when it quotes no one: "Forest boss
            // Nuno Espirito Santo praised his side. “The players showed character,” he
            // said." Else the last person quoted or reported speaking before this, else the
            // nearest person.
            let people = || {
                (0..hi)
                    .rev()
                    .filter(|&i| mentions[i].end <= qs && mentions[i].ty == EntityType::Person)
            };
            subject_before(text, segment, &mentions[..lo], sent_start)
                .or_else(|| people().find(|&i| is_speaking(text, &mentions[i])))
                .or_else(|| people().next())
        } else {
            None
        };
        out.push(RawQuote {
            segment,
            start: qs,
            end: qe,
            speaker,
        });
    }
    out
}
