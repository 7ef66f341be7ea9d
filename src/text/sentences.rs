//! Sentence boundaries inside one paragraph.
//!
//! A boundary falls after terminal punctuation (`.`, `!`, `?`, `…`), plus any closing quotes
//! and brackets, when white space follows and the next word does not start in lower case.
//! A full stop does not end a sentence after a title or month abbreviation (`Mr.`, `Gen.`,
//! `Aug.`), or a list number at the start of a line; after a single capital letter and
//! abbreviations that can also close a sentence (`Malcolm X.`, `U.S.`, `etc.`, `Inc.`,
//! `a.m.`) it does only when a word that usually starts sentences (`The`, `He`, `But`)
//! follows. The end of a paragraph always
//! ends a sentence. Each boundary carries the name of the rule that decided it.

use crate::lexicon::{lexicon, with_lower};

const TERMINAL: [char; 4] = ['.', '!', '?', '…'];
const CLOSING: [char; 9] = ['"', '\'', '”', '’', ')', ']', '»', '›', '}'];
const OPENING: [char; 8] = ['"', '\'', '“', '‘', '(', '[', '«', '‹'];

/// A sentence span with the rule that ended it and the full stops that were kept inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The rule that ended the sentence.
    pub rule: &'static str,
    /// Offsets of terminal punctuation inside the sentence and the rule that kept each.
    pub kept: Vec<(usize, &'static str)>,
}

/// Splits `text[start..end]` into trimmed sentence spans.
pub fn split(text: &str, start: usize, end: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut kept = Vec::new();
    let para = &text[..end];
    let mut sent_start = skip_space(para, start);
    let mut pos = sent_start;
    while pos < end {
        // Bytes of other characters are skipped unread: only '.', '!', '?' and the first
        // byte of '…' can start terminal punctuation.
        let Some(skip) = para.as_bytes()[pos..]
            .iter()
            .position(|b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
        else {
            break;
        };
        pos += skip;
        let Some(c) = para[pos..].chars().next() else {
            break;
        };
        if !TERMINAL.contains(&c) {
            pos += c.len_utf8();
            continue;
        }
        let term_at = pos;
        let mut q = pos;
        q += take_while(&para[q..], |c| TERMINAL.contains(&c));
        let run = &para[term_at..q];
        q += take_while(&para[q..], |c| CLOSING.contains(&c));
        let next_start = skip_space(para, q);
        if next_start == q && q < end {
            // Punctuation inside a token: 3.5, U.S.-led, example.com.
            pos = q;
            continue;
        }
        if next_start >= end {
            break;
        }
        match boundary(para, sent_start, term_at, run, next_start) {
            Decision::Split(rule) => {
                let kept = std::mem::take(&mut kept);
                out.push(Span {
                    start: sent_start,
                    end: q,
                    rule,
                    kept,
                });
                sent_start = next_start;
            }
            Decision::Keep(rule) => kept.push((term_at, rule)),
        }
        pos = next_start;
    }
    if sent_start < end {
        let e = sent_start + para[sent_start..end].trim_end().len();
        out.push(Span {
            start: sent_start,
            end: e,
            rule: "end of paragraph",
            kept,
        });
    }
    out
}

enum Decision {
    Split(&'static str),
    Keep(&'static str),
}

/// Decides whether the terminal punctuation `run` at `term_at` ends the sentence.
fn boundary(text: &str, sent_start: usize, term_at: usize, run: &str, next: usize) -> Decision {
    let lex = lexicon();
    let after = &text[next..];
    let first = after
        .trim_start_matches(OPENING)
        .chars()
        .next()
        .unwrap_or(' ');
    if first.is_lowercase() {
        return Decision::Keep("lower-case word follows");
    }
    if run != "." {
        return Decision::Split("terminal punctuation");
    }
    // The word before the stop: back to white space, at most 64 characters.
    let before = &text[sent_start..term_at];
    let mut word_start = term_at;
    for (i, c) in before.char_indices().rev().take(64) {
        if c.is_whitespace() {
            break;
        }
        word_start = sent_start + i;
    }
    let word = text[word_start..term_at]
        .trim_start_matches(OPENING)
        .trim_end_matches(CLOSING);
    let (abbreviation, may_end) = with_lower(word, |lower| {
        (
            lex.abbreviations.contains(lower),
            lex.abbreviations_final.contains(lower),
        )
    });
    let rest = after.trim_start_matches(OPENING);
    let next_word = &rest[..take_while(rest, char::is_alphanumeric)];
    let starter = with_lower(next_word, |lower| lex.stopwords.contains(lower))
        && next_word.len() > 1
        || next_word == "I";
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        // A name goes on after an initial; a sentence starter does not: "Malcolm X. But".
        return if starter {
            Decision::Split("single capital, then a sentence-starting word")
        } else {
            Decision::Keep("single initial")
        };
    }
    if abbreviation && !may_end {
        return Decision::Keep("abbreviation (data/abbreviations.txt)");
    }
    let dotted =
        word.len() >= 3 && word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
    if may_end || dotted {
        return if starter {
            Decision::Split("abbreviation, then a sentence-starting word")
        } else {
            Decision::Keep("abbreviation that may end a sentence, no sentence starter follows")
        };
    }
    if word_start == sent_start && word.len() <= 2 && word.chars().all(|c| c.is_ascii_digit()) {
        return Decision::Keep("list number");
    }
    Decision::Split("terminal punctuation")
}

fn take_while(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(s.len(), |(i, _)| i)
}

fn skip_space(text: &str, pos: usize) -> usize {
    pos + take_while(&text[pos..], char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text, 0, text.len())
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn titles_and_months_do_not_end_sentences() {
        assert_eq!(
            sents("Mr. Assad met Gen. Smith on Aug. 16 in Lt. Col. Ray's office. Then he left."),
            [
                "Mr. Assad met Gen. Smith on Aug. 16 in Lt. Col. Ray's office.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn us_ends_a_sentence_only_before_a_sentence_starter() {
        assert_eq!(
            sents("He flew to the U.S. The trip was long. U.S. officials agreed."),
            [
                "He flew to the U.S.",
                "The trip was long.",
                "U.S. officials agreed."
            ]
        );
        assert_eq!(
            sents("The U.S. President spoke."),
            ["The U.S. President spoke."]
        );
    }

    #[test]
    fn initials_decimals_and_times() {
        assert_eq!(
            sents("John F. Kennedy won 3.5 per cent at 10:30 a.m. on Monday. Next."),
            [
                "John F. Kennedy won 3.5 per cent at 10:30 a.m. on Monday.",
                "Next."
            ]
        );
        assert_eq!(
            sents("Fans of Malcolm X. But they did not go to plan B. The end."),
            [
                "Fans of Malcolm X.",
                "But they did not go to plan B.",
                "The end."
            ]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_the_sentence() {
        assert_eq!(
            sents("He called it “strategic.” Russia agreed. “It is too much”. (It was.) Done."),
            [
                "He called it “strategic.”",
                "Russia agreed.",
                "“It is too much”.",
                "(It was.)",
                "Done."
            ]
        );
    }

    #[test]
    fn question_in_quote_before_lowercase_attribution() {
        assert_eq!(
            sents("“Why now?” he asked. “Stop!” she said."),
            ["“Why now?” he asked.", "“Stop!” she said."]
        );
    }

    #[test]
    fn ellipsis_and_no_break_space() {
        assert_eq!(
            sents("Wait… Then go.\u{a0}Now."),
            ["Wait…", "Then go.", "Now."]
        );
        assert_eq!(
            sents("He paused... and went on."),
            ["He paused... and went on."]
        );
    }

    #[test]
    fn urls_emails_and_list_numbers() {
        assert_eq!(
            sents("1. Visit bbc.co.uk or mail a.b@c.org today. Thanks."),
            ["1. Visit bbc.co.uk or mail a.b@c.org today.", "Thanks."]
        );
    }

    #[test]
    fn unpunctuated_paragraph_is_one_sentence() {
        assert_eq!(sents("  no final stop here  "), ["no final stop here"]);
    }
}
