//! Tokens: one byte-level pass over each segment.
//!
//! ASCII text takes a fast path on bytes; only non-ASCII characters are decoded. Words keep
//! their inner hyphens (long-range, Tu-22M3, al-Nusra), inner apostrophes (can't), the
//! ampersand between capitals (AT&T) and the dots of abbreviations (U.S., Mr.); a possessive `'s` or `’s` becomes a token of its own.
//! Numbers keep decimal and thousands separators (3.5, 290,000, 10:30). URLs and e-mail
//! addresses are single tokens. Each Chinese or Japanese character is a word of its own, and
//! emoji and other symbols are cut at grapheme-cluster boundaries.

use unicode_segmentation::UnicodeSegmentation;

use super::{Segment, Token, TokenKind};
use crate::lexicon::{lexicon, with_lower};

/// Tokenizes every segment, in order.
///
/// # Example
///
/// ```
/// use corpus_scan::text::{TokenKind, segment, tokenize};
///
/// let text = "The Tu-22M3 can’t carry 290,000 kg.";
/// let tokens = tokenize(text, &segment(text));
/// let found: Vec<(&str, TokenKind)> =
///     tokens.iter().map(|t| (&text[t.start..t.end], t.kind)).collect();
/// assert_eq!(found[1], ("Tu-22M3", TokenKind::Word));
/// assert_eq!(found[2], ("can’t", TokenKind::Word));
/// assert_eq!(found[4], ("290,000", TokenKind::Number));
/// assert_eq!(found.last(), Some(&(".", TokenKind::Punct)));
/// ```
pub fn tokenize(text: &str, segments: &[Segment]) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    for (i, s) in segments.iter().enumerate() {
        tokenize_span(text, s.start, s.end, i as u32, &mut out);
    }
    out
}

/// Tokenizes `text[start..end]`, appending to `out` with the given segment index.
pub fn tokenize_span(text: &str, start: usize, end: usize, segment: u32, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let mut i = start;
    while i < end {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut clitic = None;
        let (tok_end, kind) = if c.is_ascii_alphanumeric() {
            word(text, i, end, &mut clitic)
        } else if c < 0x80 {
            let kind = if b"$%+<=>^`|~#&*\\".contains(&c) {
                TokenKind::Symbol
            } else {
                TokenKind::Punct
            };
            // Only marks that form runs (..., --, ?!) are counted: a run of brackets stays
            // one token per bracket, and linear.
            let len = if matches!(c, b'.' | b'-' | b'!' | b'?' | b'*' | b'=' | b'#') {
                b[i..end].iter().take_while(|&&x| x == c).count()
            } else {
                1
            };
            (i + len, kind)
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_whitespace() {
                i += ch.len_utf8();
                continue;
            }
            if is_cjk(ch) {
                (i + ch.len_utf8(), TokenKind::Word)
            } else if is_word_char(ch) {
                word(text, i, end, &mut clitic)
            } else if is_punct(ch) {
                (i + ch.len_utf8(), TokenKind::Punct)
            } else {
                let g = text[i..end]
                    .graphemes(true)
                    .next()
                    .map_or(ch.len_utf8(), str::len);
                (i + g, TokenKind::Symbol)
            }
        };
        out.push(Token {
            start: i,
            end: tok_end,
            kind,
            segment,
        });
        i = tok_end;
        if let Some(e) = clitic {
            out.push(Token {
                start: i,
                end: e,
                kind: TokenKind::Word,
                segment,
            });
            i = e;
        }
    }
}

fn char_at(text: &str, i: usize, end: usize) -> Option<char> {
    if i < end {
        text[i..].chars().next()
    } else {
        None
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Letters, digits and the combining marks that belong to them.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    (c.is_alphanumeric() && !is_cjk(c))
        || matches!(c as u32,
            0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
            | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F
            | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x0981..=0x0983 | 0x09BC..=0x09CD
            | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
            | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Non-ASCII punctuation: quotes, dashes, ellipsis, CJK and Arabic punctuation.
fn is_punct(c: char) -> bool {
    matches!(c as u32,
        0x00A1 | 0x00AB | 0x00B7 | 0x00BB | 0x00BF | 0x060C | 0x061B | 0x061F | 0x06D4
        | 0x2010..=0x2027 | 0x2030..=0x205E | 0x3001..=0x3003 | 0x3008..=0x3011
        | 0xFF01..=0xFF0F | 0xFF1A..=0xFF1F)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Scans a word, number, URL or e-mail starting at `i`. When a possessive `'s` follows the
/// word, its end offset is stored in `clitic`.
fn word(text: &str, i: usize, end: usize, clitic: &mut Option<usize>) -> (usize, TokenKind) {
    let b = text.as_bytes();
    let rest = &b[i..end];
    if rest.starts_with(b"http://") || rest.starts_with(b"https://") || rest.starts_with(b"www.") {
        return (i + url_len(&text[i..end]), TokenKind::Url);
    }
    let mut j = i;
    let numeric = b[i].is_ascii_digit();
    let mut all_digits = numeric;
    loop {
        // Consume word characters.
        while j < end {
            if b[j] < 0x80 {
                if !b[j].is_ascii_alphanumeric() {
                    break;
                }
                all_digits &= b[j].is_ascii_digit();
                j += 1;
            } else {
                match char_at(text, j, end) {
                    Some(ch) if is_word_char(ch) => {
                        all_digits = false;
                        j += ch.len_utf8();
                    }
                    _ => break,
                }
            }
        }
        let Some(joiner) = char_at(text, j, end) else {
            break;
        };
        let after = j + joiner.len_utf8();
        let next = char_at(text, after, end);
        let next_alnum = next.is_some_and(is_word_char);
        match joiner {
            '@' if next_alnum => return (email_end(text, j, end), TokenKind::Email),
            ':' if text[j..end].starts_with("://") => {
                return (i + url_len(&text[i..end]), TokenKind::Url);
            }
            '-' | '‐' if next_alnum => {}
            '.' if next_alnum => {}
            // Capitals joined by "&" are one name: AT&T, S&P, R&B.
            '&' if next.is_some_and(|c| c.is_ascii_uppercase())
                && b[i..j].iter().all(u8::is_ascii_uppercase) => {}
            ',' | ':' if all_digits && next.is_some_and(|c| c.is_ascii_digit()) => {}
            c if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) => {
                let tail_end = after
                    + text[after..end]
                        .bytes()
                        .take_while(u8::is_ascii_alphabetic)
                        .count();
                let tail = &text[after..tail_end];
                let tail_done = char_at(text, tail_end, end).is_none_or(|c| !is_word_char(c));
                if tail.eq_ignore_ascii_case("s") && tail_done {
                    *clitic = Some(tail_end);
                    break;
                }
            }
            _ => break,
        }
        j = after;
    }
    let word = &text[i..j];
    // An abbreviation keeps its final dot: U.S., Mr., Aug.
    if b.get(j) == Some(&b'.') && j < end {
        let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
        if dotted || with_lower(word, |lower| lexicon().abbreviations.contains(lower)) {
            return (j + 1, TokenKind::Word);
        }
    }
    let kind = if numeric
        && (all_digits
            || word
                .bytes()
                .all(|c| c.is_ascii_digit() || b".,:".contains(&c)))
    {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (j, kind)
}

fn email_end(text: &str, at: usize, end: usize) -> usize {
    let domain = text[at + 1..end]
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || b".-_".contains(c))
        .count();
    let d = &text[at + 1..at + 1 + domain];
    at + 1 + d.trim_end_matches(['.', '-']).len()
}

fn url_len(s: &str) -> usize {
    let raw = s.find(char::is_whitespace).unwrap_or(s.len());
    s[..raw]
        .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '”', '’'])
        .len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize_span(text, 0, text.len(), 0, &mut out);
        out.iter()
            .map(|t| (&text[t.start..t.end], t.kind))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn hyphens_designators_and_abbreviations_stay_whole() {
        assert_eq!(
            words("The U.S. sent Tu-22M3 and Su-34 long-range jets to al-Nusra areas."),
            [
                "The",
                "U.S.",
                "sent",
                "Tu-22M3",
                "and",
                "Su-34",
                "long-range",
                "jets",
                "to",
                "al-Nusra",
                "areas",
                "."
            ]
        );
        assert_eq!(words("Mr. Assad"), ["Mr.", "Assad"]);
    }

    #[test]
    fn possessives_split_with_both_apostrophes() {
        assert_eq!(
            words("Russia’s and Iran's, can’t"),
            ["Russia", "’s", "and", "Iran", "'s", ",", "can’t"]
        );
    }

    #[test]
    fn capitals_keep_an_ampersand_between_them() {
        assert_eq!(
            words("AT&T, S&P and Marks & Spencer; rock&roll"),
            [
                "AT&T", ",", "S&P", "and", "Marks", "&", "Spencer", ";", "rock", "&", "roll"
            ]
        );
    }

    #[test]
    fn numbers_urls_and_emails() {
        let t = toks("290,000 people, 3.5% at 10:30 see https://bbc.co.uk/news. Mail ed@x.org.");
        assert_eq!(t[0], ("290,000", TokenKind::Number));
        assert_eq!(t[3], ("3.5", TokenKind::Number));
        assert_eq!(t[4], ("%", TokenKind::Symbol));
        assert_eq!(t[6], ("10:30", TokenKind::Number));
        assert_eq!(t[8], ("https://bbc.co.uk/news", TokenKind::Url));
        assert_eq!(t[11], ("ed@x.org", TokenKind::Email));
    }

    #[test]
    fn mixed_scripts_and_emoji() {
        assert_eq!(
            words("Путин said مرحبا 北京 👍🏽!"),
            ["Путин", "said", "مرحبا", "北", "京", "👍🏽", "!"]
        );
    }
}
