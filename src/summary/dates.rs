//! Normalising dates as written to ISO 8601 where the text gives enough.
//!
//! `30 September 2015` and `September 30, 2015` -> `2015-09-30`; `December 2015` -> `2015-12`;
//! `Aug. 16` -> `--08-16`; `1979` -> `1979`. Weekdays, bare months, relative dates and
//! spans of time (`1500 years`) stay unnormalised (`None`).

use crate::lexicon::lexicon;

/// The ISO form of a date as written, if it is complete enough.
pub fn normalise(text: &str) -> Option<String> {
    let lex = lexicon();
    let mut day = None;
    let mut month = None;
    let mut year = None;
    for w in text.split(|c: char| c.is_whitespace() || c == ',') {
        let bare = w.trim_end_matches('.');
        if bare.is_empty() {
            continue;
        }
        let lower = bare.to_lowercase();
        if lex.periods.contains(lower.as_str()) {
            // A span of time ("1500 years", "the past 25 years") is no point in time.
            return None;
        }
        if let Some(&m) = lex.months.get(&lower) {
            month = Some(m);
        } else if let Ok(n) = bare.parse::<u32>() {
            if bare.len() == 4 {
                year = Some(n);
            } else if (1..=31).contains(&n) {
                day = Some(n);
            }
        }
    }
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
        (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
        (None, Some(m), Some(d)) => Some(format!("--{m:02}-{d:02}")),
        (Some(y), None, None) => Some(format!("{y:04}")),
        _ => None,
    }
}

/// A sort key that puts dates in time order, partial dates without a year last.
pub fn sort_key(iso: &str) -> (u32, u32, u32) {
    if let Some(rest) = iso.strip_prefix("--") {
        let mut p = rest.split('-').map(|x| x.parse().unwrap_or(0));
        return (u32::MAX, p.next().unwrap_or(0), p.next().unwrap_or(0));
    }
    let mut p = iso.split('-').map(|x| x.parse().unwrap_or(0));
    (
        p.next().unwrap_or(0),
        p.next().unwrap_or(0),
        p.next().unwrap_or(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_and_partial_dates() {
        assert_eq!(
            normalise("30 September 2015").as_deref(),
            Some("2015-09-30")
        );
        assert_eq!(
            normalise("September 30, 2015").as_deref(),
            Some("2015-09-30")
        );
        assert_eq!(normalise("December 2015").as_deref(), Some("2015-12"));
        assert_eq!(normalise("Aug. 16").as_deref(), Some("--08-16"));
        assert_eq!(normalise("1979").as_deref(), Some("1979"));
        assert_eq!(normalise("Tuesday"), None);
        assert_eq!(normalise("late November"), None);
        assert_eq!(normalise("1500 years"), None);
        assert_eq!(normalise("the past 25 years"), None);
    }

    #[test]
    fn partial_dates_sort_last() {
        assert!(sort_key("1979") < sort_key("2015-09-30"));
        assert!(sort_key("2015-12") < sort_key("--08-16"));
    }
}
