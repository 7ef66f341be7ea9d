//! Word lists: the general knowledge that rules consult, embedded from `data/` at build time.
//!
//! Each list is a text file, one item a line, sorted (a test checks it). Lines with several
//! `|`-separated fields name a canonical form first and its variants after it. The lists are
//! parsed once, on first use, into the sets and maps of [`Lexicon`].

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::entities::EntityType;

/// Every embedded list, by file name, for the sortedness test and `--explain` output.
pub const LISTS: &[(&str, &str)] = &[
    (
        "abbreviations.txt",
        include_str!("../data/abbreviations.txt"),
    ),
    (
        "abbreviations_final.txt",
        include_str!("../data/abbreviations_final.txt"),
    ),
    ("awards.txt", include_str!("../data/awards.txt")),
    ("boilerplate.txt", include_str!("../data/boilerplate.txt")),
    ("cities.txt", include_str!("../data/cities.txt")),
    ("common_words.txt", include_str!("../data/common_words.txt")),
    ("countries.txt", include_str!("../data/countries.txt")),
    (
        "currency_words.txt",
        include_str!("../data/currency_words.txt"),
    ),
    ("date_leads.txt", include_str!("../data/date_leads.txt")),
    ("demonyms.txt", include_str!("../data/demonyms.txt")),
    (
        "designator_makers.txt",
        include_str!("../data/designator_makers.txt"),
    ),
    (
        "designator_prefixes.txt",
        include_str!("../data/designator_prefixes.txt"),
    ),
    ("event_heads.txt", include_str!("../data/event_heads.txt")),
    ("events.txt", include_str!("../data/events.txt")),
    ("fac_heads.txt", include_str!("../data/fac_heads.txt")),
    (
        "family_names_first.txt",
        include_str!("../data/family_names_first.txt"),
    ),
    ("facilities.txt", include_str!("../data/facilities.txt")),
    ("given_names.txt", include_str!("../data/given_names.txt")),
    ("gpe_heads.txt", include_str!("../data/gpe_heads.txt")),
    ("languages.txt", include_str!("../data/languages.txt")),
    ("laws.txt", include_str!("../data/laws.txt")),
    ("law_heads.txt", include_str!("../data/law_heads.txt")),
    ("loc_heads.txt", include_str!("../data/loc_heads.txt")),
    ("months.txt", include_str!("../data/months.txt")),
    ("multipliers.txt", include_str!("../data/multipliers.txt")),
    ("norp.txt", include_str!("../data/norp.txt")),
    ("number_words.txt", include_str!("../data/number_words.txt")),
    ("ordinals.txt", include_str!("../data/ordinals.txt")),
    ("org_heads.txt", include_str!("../data/org_heads.txt")),
    (
        "organisations.txt",
        include_str!("../data/organisations.txt"),
    ),
    ("periods.txt", include_str!("../data/periods.txt")),
    ("products.txt", include_str!("../data/products.txt")),
    ("regions.txt", include_str!("../data/regions.txt")),
    (
        "relative_words.txt",
        include_str!("../data/relative_words.txt"),
    ),
    ("sections.txt", include_str!("../data/sections.txt")),
    ("speech_verbs.txt", include_str!("../data/speech_verbs.txt")),
    (
        "spelling_variants.txt",
        include_str!("../data/spelling_variants.txt"),
    ),
    ("stopwords.txt", include_str!("../data/stopwords.txt")),
    ("subnational.txt", include_str!("../data/subnational.txt")),
    ("titles.txt", include_str!("../data/titles.txt")),
    ("units.txt", include_str!("../data/units.txt")),
    ("weekdays.txt", include_str!("../data/weekdays.txt")),
];

fn list(name: &str) -> &'static str {
    LISTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or_else(|| panic!("no embedded list {name}"))
}

fn lines(name: &str) -> impl Iterator<Item = &'static str> {
    list(name).lines().map(str::trim).filter(|l| !l.is_empty())
}

fn set(name: &str) -> HashSet<&'static str> {
    lines(name).collect()
}

fn lower_set(name: &str) -> HashSet<String> {
    lines(name).map(str::to_lowercase).collect()
}

/// A gazetteer entry: the canonical name and its entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// The canonical name (first field of its line).
    pub canonical: &'static str,
    /// The entity type the list stands for.
    pub ty: EntityType,
    /// The list it came from, for `--explain`.
    pub list: &'static str,
    /// The form is an acronym and only matches in capitals or as written.
    pub acronym: bool,
    /// The form as listed, for acronyms that mix cases (LeT, BoE).
    pub form: &'static str,
}

/// All word lists, parsed.
pub struct Lexicon {
    /// Abbreviations written with a final full stop (lower case, no final dot).
    pub abbreviations: HashSet<String>,
    /// The abbreviations among them that often end a sentence too.
    pub abbreviations_final: HashSet<String>,
    /// Whole lines that are page furniture (lower case).
    pub boilerplate: HashSet<String>,
    /// Section labels (lower case).
    pub sections: HashSet<String>,
    /// English function words (lower case).
    pub stopwords: HashSet<String>,
    /// Common English words that are not names when capitalised (lower case).
    pub common_words: HashSet<String>,
    /// Person titles and roles (lower case, may hold spaces, no full stops).
    pub titles: HashSet<String>,
    /// Common given names (as written).
    pub given_names: HashSet<&'static str>,
    /// Common Chinese, Korean and Vietnamese family names, which such names write first
    /// (as written): Xi in Xi Jinping.
    pub family_names_first: HashSet<&'static str>,
    /// Head words that make a name an organisation.
    pub org_heads: HashSet<&'static str>,
    /// Head words that make a name a facility.
    pub fac_heads: HashSet<&'static str>,
    /// Head words that make a name a location.
    pub loc_heads: HashSet<&'static str>,
    /// Head words that make a name a geopolitical entity.
    pub gpe_heads: HashSet<&'static str>,
    /// Head words of legal instruments.
    pub law_heads: HashSet<&'static str>,
    /// Head words of named events (Cup, Games, Summit).
    pub event_heads: HashSet<&'static str>,
    /// Names of languages (Arabic, English), LANGUAGE where the text speaks of a language.
    pub languages: HashSet<&'static str>,
    /// Speech verbs (lower case).
    pub speech_verbs: HashSet<String>,
    /// Known names by lower-cased surface form.
    pub gazetteer: HashMap<String, Known>,
    /// Words (lower case) inside listed names of several words that would otherwise break
    /// a name: the word before a possessive (mcdonald in McDonald's, workers in Kurdistan
    /// Workers' Party) and weekdays and
    /// months (sunday in Sunday Times). Only these need a look at the gazetteer.
    pub listed_breaks: HashSet<String>,
    /// Words written with a small letter inside listed names of several words, as listed:
    /// "the" in Save the Children, "es" in Dar es Salaam, "d'Ivoire" in Côte d'Ivoire. Not a
    /// last word in small letters only, a word for the kind of thing named (Idlib province,
    /// Labour party), which OntoNotes leaves out of the name. A name run looks at the
    /// gazetteer through only these.
    pub listed_joiners: HashSet<&'static str>,
    /// Names listed with their article, by the rest of the name: "times" for The Times.
    pub after_the: HashMap<String, Known>,
    /// Nationality and group words (NORP) and the country they belong to, if any.
    pub demonyms: HashMap<&'static str, Option<&'static str>>,
    /// Manufacturer name (lower case) to designator prefix as written: tupolev -> Tu.
    pub makers: HashMap<String, &'static str>,
    /// Designator prefixes (lower case).
    pub designator_prefixes: HashSet<String>,
    /// British spelling to American spelling (lower case).
    pub spelling: HashMap<String, String>,
    /// Month names and abbreviations (lower case, no dot) to month number.
    pub months: HashMap<String, u32>,
    /// Weekday names and abbreviations (lower case, no dot).
    pub weekdays: HashSet<String>,
    /// Cardinal number words (lower case): one, twenty, hundred, dozen, millions.
    pub number_words: HashSet<&'static str>,
    /// Ordinal number words (lower case): first, twelfth, hundredth.
    pub ordinals: HashSet<&'static str>,
    /// Words that scale a number (lower case): hundred, million, bn, m, k.
    pub multipliers: HashSet<&'static str>,
    /// Currency names that follow an amount (lower case): dollars, euros, pence, yen.
    pub currency_words: HashSet<&'static str>,
    /// Units of measure that follow a number (lower case): kilometres, tonnes, mph.
    pub units: HashSet<&'static str>,
    /// Words before a month or year that mark it as a date (lower case): in, since, late.
    pub date_leads: HashSet<&'static str>,
    /// Words before a period that make a relative date (lower case): last, next, this.
    pub relative_words: HashSet<&'static str>,
    /// Periods of time after a relative word or a number (lower case): week, months, decade.
    pub periods: HashSet<&'static str>,
    /// Relative words, number words and ordinals in one set: one lookup tells the numeric
    /// rules that a token is in none of the three, as nearly every token is.
    pub numeric_words: HashSet<&'static str>,
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut gazetteer = HashMap::default();
        for (name, ty) in [
            ("countries.txt", EntityType::Gpe),
            ("cities.txt", EntityType::Gpe),
            ("subnational.txt", EntityType::Gpe),
            ("regions.txt", EntityType::Loc),
            ("organisations.txt", EntityType::Org),
            ("events.txt", EntityType::Event),
            ("facilities.txt", EntityType::Fac),
            ("products.txt", EntityType::Product),
            ("awards.txt", EntityType::WorkOfArt),
            ("laws.txt", EntityType::Law),
        ] {
            for line in lines(name) {
                // A name listed only after "the" (the Moon) is named without it.
                let canonical = line.split('|').next().unwrap_or(line);
                let canonical = canonical.strip_prefix("the ").unwrap_or(canonical);
                for form in line.split('|') {
                    // Short forms in capitals (UN) or with several (LeT) are acronyms.
                    let capitals = form.chars().filter(|c| c.is_uppercase()).count();
                    let acronym = form.chars().filter(|c| c.is_alphabetic()).count() <= 5
                        && (capitals >= 2 || !form.chars().any(char::is_lowercase));
                    let known = Known {
                        canonical,
                        ty,
                        list: name,
                        acronym,
                        form,
                    };
                    let key = form.to_lowercase();
                    // Texts write the apostrophe straight or curly: McDonald's, McDonald’s.
                    if key.contains('\'') {
                        gazetteer.entry(key.replace('\'', "’")).or_insert(known);
                    }
                    gazetteer.entry(key).or_insert(known);
                }
            }
        }
        let mut demonyms = HashMap::default();
        for line in lines("demonyms.txt") {
            let mut f = line.split('|');
            if let Some(d) = f.next() {
                demonyms.insert(d, f.next());
            }
        }
        for w in lines("norp.txt") {
            demonyms.entry(w).or_insert(None);
        }
        for (&d, country) in &demonyms {
            let list = if country.is_some() {
                "demonyms.txt"
            } else {
                "norp.txt"
            };
            // A people's plural is the people: Houthis and Houthi, Tories and Tory.
            let singular = d
                .strip_suffix('s')
                .and_then(|s| demonyms.get_key_value(s))
                .or_else(|| {
                    let stem = d.strip_suffix("ies")?;
                    demonyms.get_key_value(format!("{stem}y").as_str())
                })
                .map(|(&s, _)| s);
            let known = Known {
                canonical: singular.unwrap_or(d),
                ty: EntityType::Norp,
                list,
                acronym: false,
                form: d,
            };
            gazetteer.entry(d.to_lowercase()).or_insert(known);
        }
        let pairs = |name| {
            lines(name)
                .filter_map(|l| l.split_once('|'))
                .map(|(a, b)| (a.to_lowercase(), b.to_lowercase()))
                .collect::<HashMap<_, _>>()
        };
        let mut months = HashMap::default();
        for line in lines("months.txt") {
            let forms: Vec<_> = line.split('|').collect();
            if let Some(n) = MONTHS.iter().position(|m| *m == forms[0]) {
                for f in forms {
                    months.insert(f.trim_end_matches('.').to_lowercase(), n as u32 + 1);
                }
            }
        }
        let weekdays: HashSet<String> = lines("weekdays.txt")
            .flat_map(|l| l.split('|'))
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .collect();
        let listed_breaks = listed_breaks(gazetteer.keys(), &months, &weekdays);
        let listed_joiners = listed_joiners(gazetteer.values().map(|k| k.form));
        let after_the = gazetteer
            .iter()
            .filter_map(|(k, known)| Some((k.strip_prefix("the ")?.to_owned(), *known)))
            .collect();
        Lexicon {
            listed_breaks,
            listed_joiners,
            after_the,
            abbreviations: lower_set("abbreviations.txt"),
            abbreviations_final: lower_set("abbreviations_final.txt"),
            boilerplate: lower_set("boilerplate.txt"),
            sections: lower_set("sections.txt"),
            stopwords: lower_set("stopwords.txt"),
            common_words: lower_set("common_words.txt"),
            // Titles are looked up without their full stops (Gen., Lt. Col.).
            titles: lines("titles.txt")
                .map(|l| l.to_lowercase().replace('.', ""))
                .collect(),
            given_names: set("given_names.txt"),
            family_names_first: set("family_names_first.txt"),
            org_heads: set("org_heads.txt"),
            fac_heads: set("fac_heads.txt"),
            loc_heads: set("loc_heads.txt"),
            gpe_heads: set("gpe_heads.txt"),
            law_heads: set("law_heads.txt"),
            event_heads: set("event_heads.txt"),
            languages: set("languages.txt"),
            speech_verbs: lower_set("speech_verbs.txt"),
            gazetteer,
            demonyms,
            makers: lines("designator_makers.txt")
                .filter_map(|l| l.split_once('|'))
                .map(|(maker, prefix)| (maker.to_lowercase(), prefix))
                .collect(),
            designator_prefixes: lower_set("designator_prefixes.txt"),
            spelling: pairs("spelling_variants.txt")
                .into_iter()
                .map(|(us, uk)| (uk, us))
                .collect(),
            months,
            weekdays,
            number_words: set("number_words.txt"),
            ordinals: set("ordinals.txt"),
            multipliers: set("multipliers.txt"),
            currency_words: set("currency_words.txt"),
            units: set("units.txt"),
            date_leads: set("date_leads.txt"),
            relative_words: set("relative_words.txt"),
            periods: set("periods.txt"),
            numeric_words: ["relative_words.txt", "number_words.txt", "ordinals.txt"]
                .into_iter()
                .flat_map(lines)
                .collect(),
        }
    }

    /// True when `word` (any case) is a known English word that is not a name, including
    /// regular plurals of listed nouns (cities, taxes) and compounds of listed words written
    /// as common words, in small letters after the first hyphen (Father-of-two, not
    /// Spider-Man). A given name is never a plural of a listed word (James is not "jams").
    pub fn is_common(&self, word: &str) -> bool {
        let listed = |w: &str| self.stopwords.contains(w) || self.common_words.contains(w);
        let small_part = || {
            word.split('-')
                .skip(1)
                .any(|p| p.starts_with(|c: char| c.is_lowercase()))
        };
        with_lower(word, |lower| {
            let compound = || small_part() && lower.split('-').all(&listed);
            if listed(lower) || compound() {
                return true;
            }
            let sibilant = |stem: &&str| {
                ["s", "x", "z", "ch", "sh"]
                    .iter()
                    .any(|e| stem.ends_with(e))
            };
            let plural = lower.strip_suffix('s').is_some_and(listed)
                || lower
                    .strip_suffix("es")
                    .filter(sibilant)
                    .is_some_and(listed)
                || lower
                    .strip_suffix("ies")
                    .is_some_and(|stem| listed(&format!("{stem}y")));
            plural && !self.given_names.contains(word)
        })
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A word in lower case, kept inline for short ASCII words so hot loops do not allocate.
pub struct Lower {
    buf: [u8; 32],
    len: usize,
    heap: Option<String>,
}

impl Lower {
    /// Lower-cases `word`.
    pub fn new(word: &str) -> Lower {
        let mut buf = [0u8; 32];
        if word.len() <= buf.len() && word.is_ascii() {
            buf[..word.len()].copy_from_slice(word.as_bytes());
            buf[..word.len()].make_ascii_lowercase();
            Lower {
                buf,
                len: word.len(),
                heap: None,
            }
        } else {
            Lower {
                buf,
                len: 0,
                heap: Some(word.to_lowercase()),
            }
        }
    }

    /// The lower-cased text.
    pub fn as_str(&self) -> &str {
        match &self.heap {
            Some(s) => s,
            None => std::str::from_utf8(&self.buf[..self.len]).unwrap_or(""),
        }
    }
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for Lower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Calls `f` with `word` in lower case, without allocating for short ASCII words (the hot
/// path of every list lookup).
///
/// # Example
///
/// ```
/// use corpus_scan::lexicon::with_lower;
///
/// assert!(with_lower("Tehran", |w| w == "tehran"));
/// assert_eq!(with_lower("ÉLYSÉE", str::to_owned), "élysée");
/// ```
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    with_rewritten(word, <[u8]>::make_ascii_lowercase, str::to_lowercase, f)
}

/// Calls `f` with `word` rewritten: by `ascii` in place, in a buffer on the stack, for
/// ASCII words of up to 64 bytes (which stay ASCII), and by `other` for the rest.
pub(crate) fn with_rewritten<R>(
    word: &str,
    ascii: impl FnOnce(&mut [u8]),
    other: impl FnOnce(&str) -> String,
    f: impl FnOnce(&str) -> R,
) -> R {
    let mut buf = [0u8; 64];
    if word.len() <= buf.len() && word.is_ascii() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        ascii(b);
        f(std::str::from_utf8(b).unwrap_or(word))
    } else {
        f(&other(word))
    }
}

/// Calls `f` with `key` followed by an "s", without allocating for keys under 64 bytes:
/// for looking up the plural of a multi-word name ("Lib Dem" -> "Lib Dems").
pub(crate) fn with_plural<R>(key: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if key.len() < buf.len() {
        let b = &mut buf[..=key.len()];
        b[..key.len()].copy_from_slice(key.as_bytes());
        b[key.len()] = b's';
        // A string with an ASCII letter added is still UTF-8; the fallback is never taken.
        f(std::str::from_utf8(b).unwrap_or(key))
    } else {
        f(&format!("{key}s"))
    }
}

/// The words of listed names that [`Lexicon::listed_joiners`] holds: after the first word,
/// each written with a small letter, and a last one only when it holds a capital
/// (d'Ivoire), not when it names the kind of thing (province).
fn listed_joiners(forms: impl Iterator<Item = &'static str>) -> HashSet<&'static str> {
    forms
        .filter_map(|form| Some(form.split_once(' ')?.1))
        .flat_map(|rest| {
            let (inner, last) = rest.rsplit_once(' ').unwrap_or(("", rest));
            let last = Some(last).filter(|w| w.chars().any(char::is_uppercase));
            inner.split(' ').chain(last)
        })
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect()
}

/// The words of listed names that [`Lexicon::listed_breaks`] holds: each word before a
/// possessive `'s`, and each weekday or month name among the words of a longer name.
fn listed_breaks<'a>(
    keys: impl Iterator<Item = &'a String>,
    months: &HashMap<String, u32>,
    weekdays: &HashSet<String>,
) -> HashSet<String> {
    let mut out = HashSet::default();
    for key in keys.filter(|k| k.contains(' ') || k.contains(['\'', '’'])) {
        for word in key.split(' ') {
            let stem = ["'s", "’s", "'", "’"]
                .iter()
                .find_map(|e| word.strip_suffix(e));
            if let Some(stem) = stem {
                out.insert(stem.to_owned());
            } else if key.contains(' ') && (months.contains_key(word) || weekdays.contains(word)) {
                out.insert(word.to_owned());
            }
        }
    }
    out
}

/// The word lists, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);
    &LEX
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_words_hold_the_three_lists() {
        let lex = lexicon();
        for list in [&lex.relative_words, &lex.number_words, &lex.ordinals] {
            assert!(!list.is_empty());
            assert!(list.iter().all(|w| lex.numeric_words.contains(w)));
        }
        assert!(!lex.numeric_words.contains("the"));
    }

    #[test]
    fn common_words_and_their_plurals_but_no_names() {
        let lex = lexicon();
        for w in ["shoppers", "Taxes", "Liquidity", "cities", "Noon"] {
            assert!(lex.is_common(w), "{w}");
        }
        // James is no plural of "jam", Bates none of "bat", Walker no "walk" + "er".
        for w in ["James", "Bates", "Walker", "Hamedan"] {
            assert!(!lex.is_common(w), "{w}");
        }
    }

    #[test]
    fn plurals_of_short_and_long_keys() {
        assert!(with_plural("lib dem", |k| k == "lib dems"));
        let long = "x".repeat(70);
        assert_eq!(with_plural(&long, str::len), 71);
        assert!(with_plural(&"é".repeat(31), |k| k.ends_with("és")));
    }

    #[test]
    fn every_list_is_sorted_and_free_of_duplicates() {
        for (name, text) in LISTS {
            let lines: Vec<&str> = text.lines().collect();
            for pair in lines.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} then {:?}",
                    pair[0],
                    pair[1]
                );
            }
            assert!(
                lines.iter().all(|l| !l.trim().is_empty()),
                "{name} has a blank line"
            );
        }
    }

    #[test]
    fn lists_parse_into_lookups() {
        let lex = lexicon();
        assert_eq!(lex.gazetteer["russian federation"].canonical, "Russia");
        assert_eq!(lex.months["sept"], 9);
        assert!(lex.abbreviations.contains("mr"));
        assert_eq!(lex.spelling["defence"], "defense");
    }
}
