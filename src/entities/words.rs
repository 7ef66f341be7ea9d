//! Word shapes the entity rules look at: capitals, acronyms, name particles, hyphenated
//! modifiers, model designators and initials. Pure functions of words.

use crate::lexicon::{lexicon, with_lower};

/// Lower-case words that may join capitalised words inside one name.
pub(super) const PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "bint", "abu", "de", "del", "della", "der", "den", "da", "di", "du", "dos",
    "das", "van", "von", "la", "le", "el", "y", "ter",
];
/// Arabic article prefixes written with a hyphen: al-Assad, el-Sisi, ash-Sham.
pub(super) const ARTICLES: &[&str] = &[
    "al-", "el-", "ad-", "an-", "ar-", "as-", "ash-", "at-", "az-",
];
/// Head words of natural features that come before the name: River Senne, Lake Geneva.
pub(super) const LEADING_LOC_HEADS: &[&str] = &["River", "Lake", "Mount", "Mt", "Mt."];
/// Head words of military units, which a number in digits opens: the 110th Mechanised
/// Brigade, the 82nd Airborne Division, the US 7th Fleet.
pub(super) const UNIT_HEADS: &[&str] = &[
    "Army",
    "Battalion",
    "Brigade",
    "Corps",
    "Division",
    "Fleet",
    "Regiment",
    "Squadron",
];
/// Plurals whose possessive sits inside names: Children's Hospital, People's Party.
pub(super) const PLURAL_OWNERS: &[&str] = &["Children", "Men", "People", "Women"];
/// Words that open a firm's or exchange's name in other languages: Banco Sabadell, Groupe
/// Renault, Borsa Istanbul.
pub(super) const LEADING_ORG_HEADS: &[&str] = &[
    "Banca", "Banco", "Banque", "Bolsa", "Borsa", "Groupe", "Grupo", "Gruppo",
];
/// Words that open a building's, camp's or prison's name: Hotel Excelsior, Camp Bastion,
/// Estadio Azteca, HMP Bristol (not "Stade", which opens clubs' names too: Stade
/// Francais).
pub(super) const LEADING_FAC_HEADS: &[&str] = &[
    "Camp", "Estadio", "Fort", "HMP", "HMYOI", "Hotel", "Palais", "Palazzo", "Stadio",
];
/// Compass words that make a part of a known place or people: South Yorkshire, North East,
/// South American, Mid Wales.
pub(super) const COMPASS: &[&str] = &[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Mid",
];
/// The compass words that name a district after a place (Bristol South, Leeds Central);
/// the first four name a region after "the" (the West).
pub(super) const COMPASS_POINTS: &[&str] = &["North", "South", "East", "West", "Central"];
/// Prefixes written before a capital inside surnames: McDonald, MacLeod, DiCaprio, LaGuardia.
const SURNAME_PREFIXES: &[&str] = &[
    "Da", "De", "Di", "Du", "La", "Le", "Mac", "Mc", "Van", "Von",
];
/// Head words that are also common surnames: after a given name they end a person's name
/// (Richard Hill, Wayne Bridge), not a place's.
pub(super) const SURNAME_HEADS: &[&str] = &[
    "Bridge", "Castle", "Cape", "Chambers", "Church", "Field", "Hall", "Hill", "Hills", "Lake",
    "Lane", "Law", "Park", "Plant", "Press", "Steel", "Temple",
];
/// Head words that end a firm's name, so that "of" after them names where the firm is
/// (LG Electronics of South Korea, General Motors of the US), not more of its name.
pub(super) const FIRM_SUFFIXES: &[&str] = &[
    "Airlines",
    "Airways",
    "Co",
    "Co.",
    "Corp",
    "Corp.",
    "Electronics",
    "Enterprises",
    "Group",
    "Holdings",
    "Inc",
    "Inc.",
    "Industries",
    "LLC",
    "Ltd",
    "Ltd.",
    "Motors",
    "PLC",
    "Petroleum",
    "Pharmaceuticals",
    "Plc",
    "Steel",
    "Studios",
    "Systems",
    "Technologies",
    "Telecom",
];
/// Capitalised pronouns and verbs that names do not hold but the titles of songs, films
/// and shows do: Losing My Religion, Bend It Like Beckham, Are We There Yet. Not "I" (World
/// War I), "He" (a Chinese surname), "Do" (Tae Kwon Do), "Our" (Save Our Seas, a campaign)
/// or "Mine" (a pit's name).
pub(super) const TITLE_WORDS: &[&str] = &[
    "Ain't", "Am", "Are", "Be", "Been", "Can't", "Don't", "Her", "Him", "Is", "It", "Me", "My",
    "She", "Shall", "Their", "Them", "They", "Us", "Was", "We", "Were", "Will", "Won't", "You",
    "Your",
];
/// Words that join a head word to the rest of a name: Ministry of Defence, Council on ...
pub(super) const OF_WORDS: &[&str] = &["of", "for", "on"];

/// A possessive clitic token: `'s` or `’s`.
pub(super) fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s")
}

/// The word starts with a capital letter.
pub(super) fn is_upper_start(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A capital letter, a hyphen and a small word: a common compound (X-ray, E-mail,
/// T-shirt, U-turn), no name.
pub(super) fn is_letter_compound(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 2 && b[0].is_ascii_uppercase() && b[1] == b'-' && b[2].is_ascii_lowercase()
}

/// A capital and then small letters only: Uefa, not UEFA, LeT or US.
pub(super) fn is_word_cased(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

/// An Arabic article before a capital: al-Assad, el-Sisi.
pub(super) fn article_prefixed(w: &str) -> bool {
    after_article(w).is_some_and(is_upper_start)
}

/// What follows an Arabic article prefix: al-Assad -> Assad. Every article ends with the
/// word's first hyphen, so only that prefix needs to be compared, and only a hyphen among
/// the first four bytes can end one.
fn after_article(w: &str) -> Option<&str> {
    let hyphen = w.bytes().take(4).position(|b| b == b'-')?;
    ARTICLES.contains(&&w[..=hyphen]).then(|| &w[hyphen + 1..])
}

/// A month or weekday name or abbreviation (dates, not names), given in lower case.
pub(super) fn is_month_or_day(lower: &str) -> bool {
    let lex = lexicon();
    let bare = lower.trim_end_matches('.');
    lex.months.contains_key(bare) || lex.weekdays.contains(bare)
}

/// Capitals (with optional dots or &) of two letters or more: UN, U.S., AT&T.
pub(super) fn is_acronym(w: &str) -> bool {
    // Cheapest test first: most words fail at their second letter.
    w.len() <= 8
        && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// A capitalised word that is not a common English word and does not have the ending of
/// one (`COMMON_ENDINGS`), nor a common word's hyphenated compound (No-one, Well-known):
/// likely a name even at the start of a sentence. Letters, hyphens and an apostrophe
/// before a capital (O'Gara).
pub(super) fn looks_like_a_name(w: &str) -> bool {
    let lex = lexicon();
    if lex.given_names.contains(w) {
        return true;
    }
    // CamelCase is a product or company (PlayStation), not a person; McDonald, DiCaprio
    // and LaGuardia are, with a surname prefix before the inner capital.
    let inner_capital = w
        .char_indices()
        .zip(w.chars().skip(1))
        .find(|&((_, a), b)| a.is_lowercase() && b.is_uppercase())
        .map(|((i, a), _)| i + a.len_utf8());
    if inner_capital.is_some_and(|i| !SURNAME_PREFIXES.contains(&&w[..i])) {
        return false;
    }
    // O'Gara, D'Arcy: an apostrophe before a capital is part of a name.
    let apostrophe = |(i, c): (usize, char)| {
        matches!(c, '\'' | '’') && w[i + c.len_utf8()..].starts_with(char::is_uppercase)
    };
    // Short words in -ly are names (Olly, Holly); long ones adverbs (Reportedly). Verb and
    // adverb endings do not count after an apostrophe and a capital (O'Kelly).
    let ending = |e: &&str| {
        w.ends_with(e) && (*e != "ly" || w.len() > 5) && !w.char_indices().any(apostrophe)
    };
    w.chars().skip(1).any(char::is_lowercase)
        && w.chars().count() >= 2
        && w.char_indices()
            .all(|(i, c)| c.is_alphabetic() || c == '-' || apostrophe((i, c)))
        && !lex.is_common(w)
        && !lex.is_common(hyphen_cut(w))
        && !COMMON_ENDINGS.iter().any(ending)
}

/// Endings of adverbs, verb forms and abstract nouns that names seldom have: Reportedly,
/// Speculation, Documentation, Alcoholism.
const COMMON_ENDINGS: &[&str] = &[
    "ly", "ing", "ed", "tion", "tions", "ment", "ments", "ism", "isms",
];

/// A Roman numeral of two to four letters, or "I" with a sub-type letter: III, IV, Ib,
/// IIa. After a lower-case word it is a grade, not a name: phase III, type II, clade Ib.
/// Not a single letter, which names things on its own (the X Factor, the V Festival), nor
/// "V" or "X" with a small letter (Va., Virginia).
pub(super) fn is_roman_grade(w: &str) -> bool {
    let numeral = w.strip_suffix(['a', 'b', 'c', 'd']).unwrap_or(w);
    let sized = (2..=4).contains(&numeral.len()) || (numeral == "I" && w.len() == 2);
    sized && numeral.bytes().all(|c| matches!(c, b'I' | b'V' | b'X'))
}

/// Removes an Arabic article prefix: al-Assad -> Assad.
pub(super) fn strip_article(w: &str) -> &str {
    after_article(w).unwrap_or(w)
}

/// For a token like "Iran-backed" or "War-era", the byte length of the name part. The
/// part after the hyphen is an English word or has an English ending, or the part before
/// is a common word (Line-up); else the hyphen joins the syllables of an East Asian given
/// name: Lai Ching-te, Kim Jong-un, Moon Jae-in, Chung Mong-koo.
pub(super) fn hyphen_suffix(w: &str) -> Option<usize> {
    let hyphen = w.bytes().rposition(|b| b == b'-')?;
    let (head, tail) = (&w[..hyphen], &w[hyphen + 1..]);
    let modifier = || {
        let lex = lexicon();
        let english = tail.len() > 2
            && (lex.is_common(tail) || ["ed", "er", "ing", "ly"].iter().any(|e| tail.ends_with(e)));
        english || lex.is_common(head)
    };
    (!head.is_empty()
        && tail.chars().next().is_some_and(char::is_lowercase)
        && is_upper_start(head)
        && !article_prefixed(w)
        && modifier())
    .then_some(head.len())
}

/// The name part of a hyphenated modifier: Iran-backed -> Iran.
pub(super) fn hyphen_cut(w: &str) -> &str {
    hyphen_suffix(w).map_or(w, |n| &w[..n])
}

/// The canonical designator for a model token: Tu-22M3, Su-34, F-16, MH17, S-400;
/// Tupolev-22M3 becomes Tu-22M3 through data/designator_makers.txt.
pub(super) fn designator(w: &str) -> Option<String> {
    let lex = lexicon();
    // Every designator has a digit after its letters: most words are ruled out here.
    if !w.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if let Some((maker, rest)) = w.split_once('-')
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && let Some(prefix) = with_lower(maker, |m| lex.makers.get(m))
    {
        return Some(format!("{prefix}-{rest}"));
    }
    let letters = &w[..w.bytes().take_while(u8::is_ascii_alphabetic).count()];
    let rest = &w[letters.len()..];
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let hyphen = rest.len() < w.len() - letters.len();
    // A longer name takes a short number after a hyphen: Chandrayaan-3, Palestine-2; not
    // a common word (Under-21) nor a listed name (Nasdaq-100).
    let named = hyphen
        && letters.len() > 4
        && letters[1..].bytes().all(|c| c.is_ascii_lowercase())
        && (1..=3).contains(&rest.len())
        && rest.bytes().all(|c| c.is_ascii_digit())
        && !lex.is_common(letters)
        && !with_lower(letters, |l| lex.gazetteer.contains_key(l));
    if letters.is_empty() || (letters.len() > 4 && !named) || !is_upper_start(letters) {
        return None;
    }
    // A full stop only between digits: GPT-4.5, not "F-16." at a sentence's end.
    let b = rest.as_bytes();
    let decimal = |i: usize| {
        i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)
    };
    if !rest.starts_with(|c: char| c.is_ascii_digit())
        || !b
            .iter()
            .enumerate()
            .all(|(i, &c)| c.is_ascii_alphanumeric() || c == b'-' || (c == b'.' && decimal(i)))
    {
        return None;
    }
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits > 4 {
        return None;
    }
    let known_prefix = with_lower(letters, |l| lex.designator_prefixes.contains(l));
    let caps = letters.chars().all(|c| c.is_ascii_uppercase());
    (known_prefix || (caps && letters.len() >= 2) || (hyphen && caps) || named)
        .then(|| w.to_owned())
}

/// True when the initials of `name`'s words spell `acronym` in order, from the first word
/// to the last, skipping some: ECB for England and Wales Cricket Board, Aosis for Alliance
/// of Small Island States.
pub(super) fn initials_spell(name: &str, acronym: &str) -> bool {
    // A word in capitals gives all its letters: USGS for US Geological Survey.
    let initials: Vec<char> = name
        .split_whitespace()
        .flat_map(|w| {
            let shouted = w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase());
            w.chars().take(if shouted { w.len() } else { 1 })
        })
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let mut letters = acronym.chars().map(|c| c.to_ascii_uppercase());
    let (Some(first), Some(last)) = (initials.first(), initials.last()) else {
        return false;
    };
    if letters.next() != Some(*first) || !acronym.to_uppercase().ends_with(*last) {
        return false;
    }
    let mut rest = initials[1..].iter();
    letters.all(|c| rest.any(|&i| i == c))
}

/// The family name of a person's name written family name first, as Chinese and Korean
/// names are with a hyphenated given name: Lai in Lai Ching-te, Kim in Kim Jong-un.
pub(super) fn family_name_first(name: &str) -> Option<&str> {
    let (family, given) = name.split_once(' ')?;
    let hyphenated = !given.contains(' ')
        && given
            .split_once('-')
            .is_some_and(|(_, second)| second.starts_with(|c: char| c.is_lowercase()));
    // Or a family name these names write first, before short given names: Xi Jinping, Yoon
    // Suk Yeol; not one that is also a given name (Lee Anderson).
    let lex = lexicon();
    let listed = lex.family_names_first.contains(family)
        && !lex.given_names.contains(family)
        && given.split(' ').count() <= 2;
    (hyphenated || listed).then_some(family)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn designators() {
        assert_eq!(designator("Tu-22M3").as_deref(), Some("Tu-22M3"));
        assert_eq!(designator("Su-34").as_deref(), Some("Su-34"));
        assert_eq!(designator("F-16").as_deref(), Some("F-16"));
        assert_eq!(designator("MH17").as_deref(), Some("MH17"));
        assert_eq!(designator("S-400").as_deref(), Some("S-400"));
        assert_eq!(designator("Tupolev-22M3").as_deref(), Some("Tu-22M3"));
        assert_eq!(designator("GPT-4.5").as_deref(), Some("GPT-4.5"));
        assert_eq!(designator("F-16."), None);
        assert_eq!(
            designator("Chandrayaan-3").as_deref(),
            Some("Chandrayaan-3")
        );
        assert_eq!(designator("Boxing-2024"), None);
        assert_eq!(designator("Under-21"), None);
        assert_eq!(designator("Sukhoi-34").as_deref(), Some("Su-34"));
        assert_eq!(designator("Monday"), None);
    }

    #[test]
    fn roman_grades_and_letter_compounds() {
        assert!(is_roman_grade("III"));
        assert!(is_roman_grade("Ib"));
        assert!(is_roman_grade("IIa"));
        assert!(!is_roman_grade("Xi"));
        assert!(!is_roman_grade("IVXIV"));
        assert!(!is_roman_grade("Ida"));
        assert!(!is_roman_grade("a"));
        assert!(!is_roman_grade("X"));
        assert!(!is_roman_grade("Va"));
        assert!(is_letter_compound("X-ray"));
        assert!(!is_letter_compound("F-16"));
        assert!(!is_letter_compound("Jae-in"));
    }

    #[test]
    fn hyphenated_modifiers_cut_to_the_name() {
        assert_eq!(hyphen_suffix("Iran-backed"), Some(4));
        assert_eq!(hyphen_suffix("War-era"), Some(3));
        assert_eq!(hyphen_suffix("al-Nusra"), None);
        assert_eq!(hyphen_suffix("Tu-22M3"), None);
        assert_eq!(hyphen_suffix("US-led"), Some(2));
        assert_eq!(hyphen_suffix("Line-up"), Some(4));
        assert_eq!(hyphen_suffix("Ching-te"), None);
        assert_eq!(hyphen_suffix("Jae-in"), None);
        assert_eq!(hyphen_suffix("Mong-koo"), None);
    }

    #[test]
    fn arabic_articles() {
        assert!(article_prefixed("al-Assad"));
        assert!(article_prefixed("ash-Sham"));
        assert!(!article_prefixed("al-qaeda"));
        assert!(!article_prefixed("all-Party"));
        assert!(!article_prefixed("Al-Assad"));
        assert_eq!(strip_article("el-Sisi"), "Sisi");
        assert_eq!(strip_article("long-range"), "long-range");
        assert_eq!(strip_article("Abu-Dhabi"), "Abu-Dhabi");
        // after_article looks for the hyphen in the first four bytes only.
        assert!(ARTICLES.iter().all(|a| a.len() <= 4 && a.ends_with('-')));
    }
}
