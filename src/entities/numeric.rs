//! Dates, times, money, percentages, quantities, ordinals and cardinals, from tokens.
//!
//! Patterns are matched on the token sequence, never with a regex over the whole text:
//! `30 September 2015`, `Aug. 16`, `December 2015`, `late November`, `Tuesday`, `the 1960s`,
//! `since 1979`, `10:30 a.m.`, `$3.5bn`, `12 per cent`, `50 kilometers`, `first`, `290,000`.

use super::context::Seg;
use super::{EntityType, Mention};
use crate::lexicon::lexicon;
use crate::text::{Token, TokenKind};

fn is_num(t: &Token) -> bool {
    t.kind == TokenKind::Number
}

/// Whether token `i` is the number sign of a rank, `No.` or `No` before a number
/// (`the No. 2 official`, `No 10`, `No 1 in the charts`): the two make one ordinal, and
/// the sign is no name.
pub(super) fn is_rank_sign(g: &Seg, i: usize) -> bool {
    matches!(g.get(i), Some("No." | "No" | "Nos." | "Nos"))
        && g.toks.get(i + 1).is_some_and(is_num)
        && g.get(i + 1)
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
}

/// Appends the numeric and temporal mentions of one segment to `out`, skipping tokens that
/// a name already covers.
/// `names` are the spans of the segment's name mentions, sorted by start.
pub(super) fn detect(g: &Seg, names: &[(usize, usize)], out: &mut Vec<Mention>) {
    let lex = lexicon();
    let toks = g.toks;
    // Names do not overlap, so only the last one starting before the token can cover it.
    let is_covered = |t: &Token| {
        let k = names.partition_point(|&(s, _)| s < t.end);
        k > 0 && names[k - 1].1 > t.start
    };
    let w = |i: usize| g.get(i).unwrap_or("");
    let month = |i: usize| {
        if !w(i).starts_with(char::is_uppercase) {
            return None;
        }
        lex.months.get(g.lower(i).trim_end_matches('.')).copied()
    };
    let day = |i: usize| {
        toks.get(i).is_some_and(is_num) && w(i).parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let year = |i: usize| {
        toks.get(i).is_some_and(is_num)
            && w(i).len() == 4
            && w(i)
                .parse::<u32>()
                .is_ok_and(|y| (1000..=2100).contains(&y))
    };
    let mut i = 0;
    while i < toks.len() {
        // The number of an HTML character reference left in scraped text is no number:
        // "Pap&#233;".
        let reference =
            g.text[..toks[i].start].ends_with("&#") && g.text[toks[i].end..].starts_with(';');
        if is_covered(&toks[i]) || reference {
            i += 1;
            continue;
        }
        let l = g.lower(i);
        let listed = lex.numeric_words.contains(l);
        let mut found: Option<(usize, usize, EntityType)> = None;
        if day(i) && month(i + 1).is_some() {
            // 30 September 2015
            let mut b = i + 2;
            if year(b) {
                b += 1;
            }
            found = Some((i, b, EntityType::Date));
        } else if month(i).is_some() {
            let ambiguous = matches!(l, "may" | "march");
            let mut a = i;
            let mut b = i + 1;
            if i > 0 && day(i - 1) {
                a = i - 1;
            } else if day(i + 1) {
                b = i + 2;
            }
            if w(b) == "," && year(b + 1) {
                b += 2;
            } else if year(b) {
                b += 1;
            }
            let before = if i > 0 { g.lower(i - 1) } else { "" };
            if a == i
                && (matches!(before, "early" | "late" | "mid")
                    || lex.relative_words.contains(before))
            {
                // late March, last May
                a = i - 1;
            }
            // "in May", "a May election", "his March budget", "to March"; not "a deal for
            // May" (May Department Stores) nor a name (Brian May, the Long March).
            let after_lower = i > g.first_word && before == g.s(i - 1);
            let cued = lex.date_leads.contains(before)
                || DETERMINERS.contains(&before)
                || (l == "march" && after_lower);
            if b - a > 1 || !ambiguous || cued {
                found = Some((a, b, EntityType::Date));
            }
        } else if w(i).starts_with(char::is_uppercase)
            && lex.weekdays.contains(l.trim_end_matches('.'))
        {
            found = Some((i, i + 1, EntityType::Date));
        } else if listed && lex.relative_words.contains(l) && lex.periods.contains(g.lower(i + 1)) {
            found = Some((i, i + 2, EntityType::Date));
        } else if matches!(l, "today" | "yesterday" | "tomorrow") {
            found = Some((i, i + 1, EntityType::Date));
        } else if w(i).len() == 5
            && w(i).ends_with('s')
            && w(i)[..4].bytes().all(|c| c.is_ascii_digit())
        {
            found = Some((the_before(g, i), i + 1, EntityType::Date));
        } else if year(i)
            && i > 0
            && lex.date_leads.contains(g.lower(i - 1))
            && !TIME_MARKERS.contains(&g.lower(i + 1))
        {
            found = Some((i, i + 1, EntityType::Date));
        } else if w(i).starts_with(|c: char| c.is_ascii_digit())
            || listed && lex.number_words.contains(l)
        {
            found = Some(number_phrase(g, i));
            // "121m (397ft)", "20m long": metres, not millions.
            if let Some((a, b, EntityType::Cardinal)) = found
                && b == i + 1
                && is_metres(g, i)
            {
                found = Some((a, b, EntityType::Quantity));
            }
            // A range takes the unit of its second number: "10 to 14 days", "2 or 3%".
            if let Some((_, b, EntityType::Cardinal)) = found
                && b == i + 1
                && matches!(g.lower(b), "to" | "or")
                && toks.get(b + 1).is_some_and(is_num)
            {
                let (_, end, ty) = number_phrase(g, b + 1);
                if ty != EntityType::Cardinal && end > b + 2 {
                    found = Some((i, end, ty));
                }
            }
            // A span of time counted back or on from now takes its lead: "the past three
            // years", "the next 10 years", "the first six months".
            if let Some((_, b, EntityType::Date)) = found
                && i > 0
                && SPAN_LEADS.contains(&g.lower(i - 1))
            {
                found = Some((the_before(g, i - 1), b, EntityType::Date));
            }
        } else if matches!(w(i), "$" | "£" | "€" | "¥")
            && w(i + 1).starts_with(|c: char| c.is_ascii_digit())
        {
            let mut b = i + 2;
            if lex.multipliers.contains(g.lower(b)) {
                b += 1;
            }
            let a = if i > 0 && is_dollar_country(g, i - 1) {
                i - 1
            } else {
                i
            };
            found = Some((a, b, EntityType::Money));
        } else if is_rank_sign(g, i) {
            found = Some((i, i + 2, EntityType::Ordinal));
        } else if listed && lex.ordinals.contains(l) {
            found = Some(century(g, i).unwrap_or((i, i + 1, EntityType::Ordinal)));
        }
        match found {
            Some((a, b, ty)) if b > a && !toks[a..b].iter().any(is_covered) => {
                out.push(Mention {
                    start: toks[a].start,
                    end: toks[b - 1].end,
                    segment: g.index,
                    ty,
                    found_by: "number or date pattern",
                    typed_by: "number or date pattern",
                    weak: false,
                    known: None,
                    qualifier: None,
                    role: None,
                    expands: None,
                });
                i = b;
            }
            _ => i += 1,
        }
    }
}

/// The country's letters written onto a dollar sign and an amount: the "A" of A$49.5m,
/// the "US" of US$32m. They mark the currency, not a place.
pub(super) fn is_dollar_country(g: &Seg, i: usize) -> bool {
    let w = g.s(i);
    (1..=3).contains(&w.len())
        && w.bytes().all(|c| c.is_ascii_uppercase())
        && g.get(i + 1) == Some("$")
        && g.attached(i + 1)
        && g.attached(i + 2)
        && g.s(i + 2).starts_with(|c: char| c.is_ascii_digit())
}

/// Whether the number written with an "m" at `i` is in metres, as its conversion into
/// feet or a word for a size after it says: "121m (397ft)", "20m long"; "5m" alone is
/// millions.
fn is_metres(g: &Seg, i: usize) -> bool {
    let Some(digits) = g.s(i).strip_suffix('m') else {
        return false;
    };
    let number = !digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit() || c == b'.');
    let next = g.lower(i + 1);
    let feet = next == "(" && {
        let w = g.lower(i + 2);
        w.ends_with("ft") || w.ends_with("feet") || matches!(g.lower(i + 3), "ft" | "feet")
    };
    number && (feet || SIZE_WORDS.contains(&next))
}

/// Words for a size after a length: "20m long", "300m high".
const SIZE_WORDS: &[&str] = &["deep", "high", "long", "tall", "wide"];

/// Words before a span of time that place it: "the past three years", "the next 10 years".
const SPAN_LEADS: &[&str] = &["first", "last", "next", "past", "previous"];

/// Words before a month name that make it one: "a May election", "his March budget".
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "your",
];

/// The words for a century, lower case.
const CENTURY: &[&str] = &["century", "centuries"];

/// An ordinal at `i` before "century" is a date, with a "the" before it: the 19th century,
/// the twentieth century; not when a capitalised word follows (20th Century Fox).
fn century(g: &Seg, i: usize) -> Option<(usize, usize, EntityType)> {
    let named = g
        .get(i + 2)
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    (CENTURY.contains(&g.lower(i + 1)) && !named)
        .then(|| (the_before(g, i), i + 2, EntityType::Date))
}

/// `i - 1` when the word before token `i` is "the", else `i`.
fn the_before(g: &Seg, i: usize) -> usize {
    if i > 0 && g.lower(i - 1) == "the" {
        i - 1
    } else {
        i
    }
}

/// Words after a number that make it a clock time: "1900 GMT", "5pm".
const TIME_MARKERS: &[&str] = &["a.m.", "p.m.", "am", "pm", "gmt", "bst", "utc"];

/// True for a year from 1900 to 2099 written as four digits.
fn is_modern_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|c| c.is_ascii_digit())
}

/// A number with what follows it: a unit, a currency, a per cent sign, a time marker.
fn number_phrase(g: &Seg, i: usize) -> (usize, usize, EntityType) {
    let lex = lexicon();
    let toks = g.toks;
    let w = |i: usize| g.get(i).unwrap_or("");
    let first = w(i);
    // 5-year, five-year
    if let Some((_, unit)) = first.split_once('-')
        && lex.periods.contains(unit.trim_end_matches("-old"))
    {
        return (i, i + 1, EntityType::Date);
    }
    // The 18th-century, 19th-Century
    if let Some((nth, unit)) = first.split_once('-')
        && is_digit_ordinal(nth)
        && CENTURY.contains(&unit.to_lowercase().as_str())
    {
        return (the_before(g, i), i + 1, EntityType::Date);
    }
    if is_digit_ordinal(first) {
        return century(g, i).unwrap_or((i, i + 1, EntityType::Ordinal));
    }
    // A unit or clock marker written onto the number: 96mph, 10km, 5pm.
    if let Some(at) = first.find(|c: char| c.is_ascii_alphabetic())
        && at > 0
    {
        let suffix = first[at..].to_ascii_lowercase();
        let per = per_unit(g, i + 1);
        if lex.units.contains(suffix.as_str()) || (suffix == "m" && per.is_some()) {
            return (i, per.unwrap_or(i + 1), EntityType::Quantity);
        }
        if TIME_MARKERS.contains(&suffix.as_str()) {
            return (i, i + 1, EntityType::Time);
        }
    }
    let mut b = i + 1;
    while b < toks.len()
        && (lex.multipliers.contains(g.lower(b)) || lex.number_words.contains(g.lower(b)))
    {
        b += 1;
    }
    let next = g.lower(b);
    let ty = if next == "%" || next == "percent" {
        b += 1;
        EntityType::Percent
    } else if (next == "per" && g.lower(b + 1) == "cent")
        || (next == "percentage" && matches!(g.lower(b + 1), "point" | "points"))
    {
        b += 2;
        EntityType::Percent
    } else if lex.currency_words.contains(next) {
        b += 1;
        EntityType::Money
    } else if lex.units.contains(next) {
        b = per_unit(g, b + 1).unwrap_or(b + 1);
        EntityType::Quantity
    } else if TIME_MARKERS.contains(&next) || first.contains(':') {
        if TIME_MARKERS.contains(&next) {
            b += 1;
        }
        EntityType::Time
    } else if lex.periods.contains(next) {
        // A span of time is a date: "14 days", "three years ago", "two weeks earlier".
        b += 1;
        if matches!(g.lower(b), "ago" | "earlier" | "later") {
            b += 1;
        }
        EntityType::Date
    } else if b == i + 1 && is_modern_year(first) {
        // A year of the last or this century is a date wherever it stands: "the 2001
        // election", "dominate 2006,", "Euro 2004".
        EntityType::Date
    } else {
        EntityType::Cardinal
    };
    (i, b, ty)
}

/// At a slash written between a unit and a unit of time or measure ("km/h", "m/s",
/// "miles/gallon"), the index after the second unit.
fn per_unit(g: &Seg, slash: usize) -> Option<usize> {
    let unit = g.lower(slash + 1);
    let per = matches!(
        unit,
        "h" | "hr" | "s" | "sec" | "min" | "day" | "year" | "yr"
    ) || lexicon().units.contains(unit);
    let slashed = g.attached(slash) && g.attached(slash + 1) && g.s(slash) == "/";
    (slashed && per).then_some(slash + 2)
}

/// True for an ordinal written in digits: 1st, 22nd, 110th.
pub(super) fn is_digit_ordinal(w: &str) -> bool {
    ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|e| w.strip_suffix(e))
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit()))
}
