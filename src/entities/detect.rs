//! Mention detection and typing for one document.
//!
//! Names are runs of capitalised tokens, joined by the connectors names use (`al`, `bin`,
//! `de`; `of`, `for` and `on` after an organisation or place head word; `and` inside a known
//! name). Each run is then typed by, in order: a language's name where the text speaks of
//! a language, the gazetteers (places, organisations, events, products, venues, awards),
//! model designators, head words (Ministry, Sea, Airport, Province, Resolution), leading
//! demonyms and titles (which are split off), known names inside the run (which split it),
//! given names, and finally the context around it ("said X", "X, the head of", "spokesman
//! X", "in X", "shares in X", "X province", "X air base", "the film X"). Once the document
//! is read, the names listed together share the type most of them have, a word that
//! "says" beside a firm named in full is that firm, a default guess takes the type a cue
//! word gave the same name elsewhere ("the film X"), and a town the text plays as a sports
//! club ("Leicester coach") is the club in every mention. Capitals that open a sentence or a
//! quotation, and title-case headlines, only yield names with independent evidence, so
//! "Asked about..." and "Russia Expands Bombing In Syria" give no junk.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::context::*;
use super::words::*;
use super::{EntityType, Mention, numeric};
use crate::lexicon::{Known, lexicon, with_lower};
use crate::text::{Segment, SegmentKind, Token, TokenKind};

use EntityType as T;

/// Finds and types the entity mentions of one document.
pub fn detect(text: &str, segments: &[Segment], tokens: &[Token]) -> Vec<Mention> {
    let ranges = crate::text::token_ranges(segments.len(), tokens);
    let lowered = Lowered::new(text, tokens);
    let segs: Vec<Seg> = ranges
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let toks = &tokens[r.clone()];
            let first_word = toks
                .iter()
                .position(|t| t.kind != TokenKind::Punct)
                .unwrap_or(0);
            Seg {
                text,
                toks,
                index: i as u32,
                first_word,
                offset: r.start,
                lowered: &lowered,
            }
        })
        .collect();
    let mut doc = DocState::new(&segs);
    // Body text first, so that headlines and furniture can be checked against its names.
    let restricted: Vec<bool> = segments
        .iter()
        .zip(&segs)
        .map(|(s, g)| is_restricted(s, g))
        .collect();
    for (g, &r) in segs.iter().zip(&restricted) {
        if !r {
            doc.names(g);
        }
    }
    let body: HashSet<String> = doc
        .out
        .iter()
        .map(|m| text[m.start..m.end].to_lowercase())
        .collect();
    for (g, &r) in segs.iter().zip(&restricted) {
        if r {
            let from = doc.out.len();
            doc.restricted = true;
            doc.names(g);
            doc.restricted = false;
            let mut added = doc.out.split_off(from);
            added.retain(|m| {
                let t = &text[m.start..m.end];
                !m.weak || body.contains(&t.to_lowercase()) || spells_initials(t, &doc.out, text)
            });
            doc.out.extend(added);
        }
    }
    firms_named_in_full(&mut doc.out, text);
    lone_speakers(&mut doc.out, text);
    doc.resolve_deferred(&segs);
    doc.propagate_surnames(text);
    super::players::team_sheet_players(&mut doc.out, text);
    type_lists(&mut doc.out, text);
    follow_cues(&mut doc.out, text);
    super::clubs::sports_clubs(&mut doc.out, text);
    follow_names(&mut doc.out, text);
    follow_acronyms(&mut doc.out, &doc.followed_acronyms, text);
    let mut out = doc.out;
    let mut names: Vec<(u32, usize, usize)> =
        out.iter().map(|m| (m.segment, m.start, m.end)).collect();
    names.sort_unstable();
    for g in &segs {
        let from = names.partition_point(|n| n.0 < g.index);
        let to = names.partition_point(|n| n.0 <= g.index);
        let spans: Vec<(usize, usize)> = names[from..to].iter().map(|n| (n.1, n.2)).collect();
        numeric::detect(g, &spans, &mut out);
    }
    out.sort_by_key(|m| (m.start, m.end));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

/// True when `t` is an acronym of the initials of a multi-word organisation already found
/// (DCNF for Daily Caller News Foundation).
fn spells_initials(t: &str, found: &[Mention], text: &str) -> bool {
    is_acronym(t)
        && found.iter().any(|m| {
            let name = &text[m.start..m.end];
            let initials: String = name
                .split_whitespace()
                .filter(|w| w.starts_with(char::is_uppercase))
                .filter_map(|w| w.chars().next())
                .collect();
            m.ty == T::Org && initials.len() >= 3 && initials == t
        })
}

/// Later mentions of an acronym the text defined in brackets stand for the name it was
/// defined for, not a listed one nor a guess (see [`DocState::acronym_after`]); so do
/// mentions before its first definition, as in a headline ("US allows strikes with
/// ATACMS" over "Army Tactical Missile Systems (ATACMS)").
fn follow_acronyms(found: &mut [Mention], acronyms: &[(String, usize, T)], text: &str) {
    let mut defined: HashSet<&str> = HashSet::default();
    for (acronym, start, ty) in acronyms {
        let (start, ty) = (*start, *ty);
        let first = defined.insert(acronym);
        for m in found.iter_mut() {
            let follows = m.start > start || (first && m.start < start);
            if follows && m.expands.is_none() && &text[m.start..m.end] == acronym {
                m.ty = ty;
                m.known = None;
                m.expands = Some(start);
                m.typed_by = "acronym the text defined for a name";
            }
        }
    }
}

/// Headlines in title case and boilerplate lines only keep names with independent evidence.
fn is_restricted(seg: &Segment, g: &Seg) -> bool {
    match seg.kind {
        SegmentKind::Boilerplate => true,
        SegmentKind::Title | SegmentKind::Heading => {
            let long: Vec<&str> = (0..g.toks.len())
                .map(|i| g.s(i))
                .filter(|w| w.len() >= 4 && w.chars().all(char::is_alphabetic))
                .collect();
            let caps = long
                .iter()
                .filter(|w| w.starts_with(char::is_uppercase))
                .count();
            long.len() >= 3 && caps * 10 >= long.len() * 6
        }
        SegmentKind::Sentence => false,
    }
}

/// A word that can be part of a name: capitalised (shouted stop words such as "IS" only when
/// the text defines them or a list knows them), article-prefixed (al-Assad) or a listed
/// brand with a small first letter (iPod), and not "I", a month or a weekday.
fn can_name(w: &str, lower: &str, defined: &HashSet<&str>) -> bool {
    let shaped = if is_upper_start(w) {
        let shouted_stopword = is_acronym(w) && lexicon().stopwords.contains(lower);
        !shouted_stopword || defined.contains(w) || lexicon().gazetteer.contains_key(lower)
    } else {
        // A listed brand written with a small first letter: iPhone, eBay, easyJet.
        let camel = w.chars().any(char::is_uppercase) && lexicon().gazetteer.contains_key(lower);
        article_prefixed(w) || camel
    };
    shaped && w != "I" && !is_month_or_day(lower) && !is_party_and_state(lower)
}

/// The surnames (without an Arabic article) and the listed given names of the people that
/// `found` names in full.
fn people_named_in_full<'t>(
    found: &[Mention],
    text: &'t str,
) -> (HashSet<&'t str>, HashSet<&'t str>) {
    let lex = lexicon();
    let mut surnames = HashSet::default();
    let mut given = HashSet::default();
    for m in found.iter().filter(|m| m.ty == T::Person) {
        let name = &text[m.start..m.end];
        let mut words = name.split_whitespace();
        if let (Some(first), Some(last)) = (words.next(), words.next_back()) {
            surnames.insert(strip_article(last));
            surnames.extend(family_name_first(name));
            if lex.given_names.contains(first) {
                given.insert(first);
            }
        }
    }
    (surnames, given)
}

/// A single word no list knows that speaks and is made of two common words ("Moneyfacts
/// said", "Netcraft said") is a firm's brand, unless it is the surname of someone the
/// document names in full or a name it gives a person elsewhere: "Highfield said" after
/// "Mr Highfield".
fn lone_speakers(found: &mut [Mention], text: &str) {
    let lone = |m: &Mention| {
        m.ty == T::Person
            && m.typed_by == SPEAKER_RULES[0]
            && is_common_compound(&text[m.start..m.end])
    };
    if !found.iter().any(lone) {
        return;
    }
    let (surnames, _) = people_named_in_full(found, text);
    let people: HashSet<&str> = found
        .iter()
        .filter(|m| m.ty == T::Person && !lone(m))
        .map(|m| &text[m.start..m.end])
        .collect();
    for m in found.iter_mut().filter(|m| lone(m)) {
        let t = &text[m.start..m.end];
        if !surnames.contains(t) && !people.contains(t) {
            m.ty = T::Org;
            m.typed_by = "context: X said, a brand made of two common words";
        }
    }
}

/// One capitalised word of two common words of three letters or more written together:
/// Moneyfacts, Rightmove, Netcraft, Macrovision; not a surname (Kowalczyk) or a given
/// name (Rosemary).
fn is_common_compound(w: &str) -> bool {
    let lex = lexicon();
    w.is_ascii()
        && is_upper_start(w)
        && !lex.given_names.contains(w)
        && (3..w.len().saturating_sub(2)).any(|i| {
            let (head, tail) = w.split_at(i);
            lex.is_common(head) && lex.is_common(tail)
        })
}

/// A single word that speaks or heads something is the firm the document names in full
/// with it, unless it is a person's surname there: "Cairn said" beside Cairn Energy,
/// "Nortel said" beside Nortel Networks.
fn firms_named_in_full(found: &mut [Mention], text: &str) {
    let speaks = |m: &Mention| m.ty == T::Person && SPEAKER_RULES.contains(&m.typed_by);
    if !found.iter().any(speaks) {
        return;
    }
    let (surnames, _) = people_named_in_full(found, text);
    let firms: HashSet<&str> = found
        .iter()
        .filter(|m| m.ty == T::Org)
        .filter_map(|m| text[m.start..m.end].split_once(' ').map(|(first, _)| first))
        .filter(|first| !surnames.contains(first))
        .collect();
    for m in found {
        let t = &text[m.start..m.end];
        if speaks(m) && firms.contains(t) {
            m.ty = T::Org;
            m.typed_by = "first word of an organisation named in the document";
        }
    }
}

/// A sentence-initial word that took the type of the same name elsewhere keeps up with
/// what that name became once the document was read: "Kezman scored" follows the team
/// sheet that made Kezman a person. Only the types lists give are followed, and names
/// that lists type two ways are left as they are.
fn follow_names(found: &mut [Mention], text: &str) {
    let types = types_by_name(found, text, |m| m.typed_by == LISTED_WITH_NAMES);
    for m in found.iter_mut().filter(|m| m.found_by == NAMED_ELSEWHERE) {
        if let Some(&Some(ty)) = types.get(&text[m.start..m.end]) {
            m.ty = ty;
        }
    }
}

/// A name typed by a default guess takes the type a cue word or an alias gave the same
/// name elsewhere in the document: "Million Dollar Baby" after "the film Million Dollar
/// Baby", "Cabir" after "the Cabir virus", "Hemedti" after "Dagalo, known as Hemedti",
/// "Artemis II" after "the Artemis II mission". Names that cues type two ways are left as
/// they are.
fn follow_cues(found: &mut [Mention], text: &str) {
    let cued = |m: &Mention| {
        CUE_RULES.contains(&m.typed_by) || m.typed_by == ALIAS_RULE || m.typed_by == EVENT_CUE_RULE
    };
    let types = types_by_name(found, text, cued);
    for m in found
        .iter_mut()
        .filter(|m| m.typed_by.starts_with("default"))
    {
        let Some(&Some(ty)) = types.get(&text[m.start..m.end]) else {
            continue;
        };
        // A person stays one beside an event named for them (the Van Gogh festival).
        if ty == T::Event && m.ty == T::Person {
            continue;
        }
        m.ty = ty;
        m.typed_by = "the type a cue word gave that name in the document";
        m.weak = false;
    }
}

/// The type each name has in the chosen mentions, or None where they give it two types.
fn types_by_name<'t>(
    found: &[Mention],
    text: &'t str,
    chosen: impl Fn(&Mention) -> bool,
) -> HashMap<&'t str, Option<T>> {
    let mut types: HashMap<&str, Option<T>> = HashMap::default();
    for m in found.iter().filter(|m| chosen(m)) {
        types
            .entry(&text[m.start..m.end])
            .and_modify(|ty| {
                if *ty != Some(m.ty) {
                    *ty = None;
                }
            })
            .or_insert(Some(m.ty));
    }
    types
}

/// Words that come before the name of a firm, place or thing far more often than before a
/// person's: "the Mac Mini", "an economist at Troika Dialog", "a replay at Craven Cottage".
/// A capital "A" is left out: in a team sheet it is an initial ("A Lo Cicero").
const NOT_BEFORE_PEOPLE: &[&str] = &["a", "an", "at", "the", "The"];

/// The rule of names typed by the names listed with them.
const LISTED_WITH_NAMES: &str = "context: listed with names of that type";

/// How a sentence-initial word is found that the document names elsewhere.
const NAMED_ELSEWHERE: &str = "sentence-initial word named elsewhere in the document";

/// A name whose type is a guess takes the type most of the names listed with it have:
/// "Zenden, Downing and Hasselbaink", "Sony Pictures, Miramax and Touchstone". Team sheets
/// and cast lists are mostly surnames and single names that no rule types on their own.
/// A guessed single word or person name changes; a guessed organisation of several words
/// stays one ("Scissor Sisters" among singers).
fn type_lists(found: &mut [Mention], text: &str) {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_unstable_by_key(|&i| (found[i].start, found[i].end));
    let mut from = 0;
    while from < order.len() {
        let mut to = from + 1;
        while to < order.len() {
            let (a, b) = (&found[order[to - 1]], &found[order[to]]);
            if a.end > b.start || !is_list_link(text, a.end, b.start, b.end) {
                break;
            }
            to += 1;
        }
        if to - from >= 3 {
            type_list(found, &order[from..to], text);
        }
        from = to;
    }
}

/// Gives the guessed names of one list (default types, or the type of one neighbour) the
/// type most of its other names have: at least twice as many as all other types together.
fn type_list(found: &mut [Mention], list: &[usize], text: &str) {
    let guessed =
        |m: &Mention| m.typed_by.starts_with("default") || m.typed_by == LISTED_WITH_A_PLACE;
    let mut counts: Vec<(T, usize)> = Vec::new();
    for m in list.iter().map(|&i| &found[i]).filter(|m| !guessed(m)) {
        match counts.iter_mut().find(|(ty, _)| *ty == m.ty) {
            Some((_, n)) => *n += 1,
            None => counts.push((m.ty, 1)),
        }
    }
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let Some(&(ty, most)) = counts.iter().max_by_key(|(_, n)| *n) else {
        return;
    };
    // One place or firm among surnames is often a surname too (Macken, Onuoha, Jordan).
    if most * 3 < total * 2 || (ty != T::Person && most < 2) {
        return;
    }
    for &i in list {
        let m = &mut found[i];
        let one_word = !text[m.start..m.end].contains(' ');
        if guessed(m) && m.ty != ty && (one_word || m.ty == T::Person) {
            m.ty = ty;
            m.typed_by = LISTED_WITH_NAMES;
            m.weak = false;
        }
    }
}

/// True when the text between two names (`end..start`) makes them items of one list: a
/// comma or semicolon, "and" or "or", on one line. A team sheet's substitutions count too:
/// "Barton (Macken 68), Sibierski" lists three players.
fn is_list_link(text: &str, end: usize, start: usize, next_end: usize) -> bool {
    let between = &text[end..start];
    if between.contains('\n') {
        return false;
    }
    if between == " (" {
        return after_minute(&text[next_end..]).is_some();
    }
    let separator = after_minute(between).unwrap_or(between);
    matches!(
        separator.trim(),
        "," | ";" | "and" | "or" | ", and" | ", or"
    )
}

/// The text after " 68)", the minute a substitute came on, if `s` starts with one.
fn after_minute(s: &str) -> Option<&str> {
    let rest = s.strip_prefix(' ')?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=3).contains(&digits) {
        return None;
    }
    rest[digits..].strip_prefix(')')
}

/// The first title inside the run `a..b`, after its first word, when a person's name ends
/// the run: the title's start and end. The name is a given name and more, or two
/// name-shaped words ("Martin Luther King Jnr" and "Screen Actors Guild" have none).
fn inner_title(g: &Seg, a: usize, b: usize) -> Option<(usize, usize)> {
    let lex = lexicon();
    let (mut s, mut t) = (a + 1..b - 1).find_map(|s| Some((s, titles_end(g, s, b)?)))?;
    // An organisation's head word that opens a title ("police chief") ends the body's name
    // when a title follows it: Merseyside Police | Chief Constable Serena Kennedy.
    if lex.org_heads.contains(g.s(s))
        && let Some(later) = titles_end(g, s + 1, b).filter(|&later| later < b)
    {
        (s, t) = (s + 1, later);
    }
    let named = t < b
        && (t..b)
            .all(|i| looks_like_a_name(g.s(i)) || PARTICLES.contains(&g.s(i)) || is_initial(g, i))
        && (lex.given_names.contains(g.s(t)) || b - t >= 2);
    named.then_some((s, t))
}

/// The acronym in brackets after `open` spells the initials of the small-letter words
/// just before the bracket, a hyphen's parts counting as words: gross domestic product
/// (GDP), liquid-crystal displays (LCDs); not a name: Islamic State (IS).
fn spelled_in_small_letters(g: &Seg, open: usize, acronym: &str) -> bool {
    let letters = acronym.strip_suffix('s').unwrap_or(acronym);
    if letters.len() < 2 || !letters.bytes().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let mut initials = Vec::new();
    for k in (0..open).rev() {
        let w = g.s(k);
        if g.toks[k].kind != TokenKind::Word || !w.starts_with(|c: char| c.is_ascii_lowercase()) {
            return false;
        }
        let parts = w.split('-').filter_map(|p| p.bytes().next()).rev();
        initials.extend(parts.map(|c| c.to_ascii_uppercase()));
        if initials.len() >= letters.len() {
            return initials.iter().rev().eq(letters.as_bytes());
        }
    }
    false
}

/// A plural with the ending of a word for people or things (-ers, -ists, -ants, -ians,
/// -ees): at a sentence's opening, and never capitalised inside one, it is a common noun,
/// "Rescuers", "Organisers", "Pedestrians", "Licensees"; not a team that a possessive or
/// a club role follows: "Rovers' assistant manager", "Gunners boss".
fn is_plural_of_people(g: &Seg, i: usize) -> bool {
    const ENDINGS: &[&str] = &["ers", "ors", "ists", "ants", "ents", "ians", "ees", "sters"];
    let w = g.lower(i);
    let next = g.lower(i + 1);
    let team = matches!(next, "'" | "’") || is_possessive(next) || super::clubs::is_role(next);
    ENDINGS
        .iter()
        .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
        && !team
}

/// A US lawmaker's party and state as agencies write them after the name: D-N.Y.,
/// R-Texas, I-Vt. They label the person and name nothing themselves.
fn is_party_and_state(lower: &str) -> bool {
    let Some(state) = ["d-", "r-", "i-"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
    else {
        return false;
    };
    let lex = lexicon();
    let state_list = |k: &str| {
        lex.gazetteer
            .get(k)
            .is_some_and(|k| k.list == "subnational.txt")
    };
    state_list(state) || state_list(&format!("{state}."))
}

/// A capital letter alone or the full stop written right after one: the initial in Loren
/// L. AliKhan.
fn is_initial(g: &Seg, i: usize) -> bool {
    let letter = |x: usize| {
        let w = g.s(x);
        w.len() == 1 && w.bytes().all(|c| c.is_ascii_uppercase())
    };
    letter(i) || (g.s(i) == "." && g.attached(i) && letter(i - 1))
}

/// The end of the longest listed name that starts in the run `i..j` before the joining
/// word at `j` and ends after `k`, at `end` at the latest: "US Securities and Exchange
/// Commission" holds the listed "Securities and Exchange Commission".
fn listed_across(g: &Seg, i: usize, j: usize, k: usize, end: usize) -> Option<usize> {
    let lex = lexicon();
    (k + 1..=end)
        .rev()
        .find(|&e| (i..j).any(|x| lex.gazetteer.contains_key(g.key(x, e))))
}

/// The end of a listed name that starts in the run `i..j` and goes on through the small
/// word at `j` that the list writes inside it: Save the Children, Research in Motion, Dar
/// es Salaam.
fn listed_through(g: &Seg, i: usize, j: usize) -> Option<usize> {
    if !lexicon().listed_joiners.contains(g.s(j)) {
        return None;
    }
    listed_across(g, i, j, j, (j + 4).min(g.toks.len()))
}

/// The first token from `a` on that is no stop word, `last` at the latest: "Under
/// Resolution 2231", "The Lord of the Rings".
fn past_stopwords(g: &Seg, mut a: usize, last: usize) -> usize {
    while a < last && lexicon().stopwords.contains(g.lower(a)) {
        a += 1;
    }
    a
}

/// Where the titles that start at `a` end: Rt Rev Dr, Former Beatle Sir.
fn titles_end(g: &Seg, a: usize, b: usize) -> Option<usize> {
    let mut t = title_at(g, a, b)?;
    while let Some(next) = title_at(g, t, b).filter(|&next| next < b) {
        t = next;
    }
    Some(t)
}

/// A month's name after a given name and before no number is a surname: Theresa May.
fn is_month_surname(g: &Seg, i: usize) -> bool {
    i > 0
        && is_upper_start(g.s(i))
        && lexicon().months.contains_key(g.lower(i))
        && lexicon().given_names.contains(g.s(i - 1))
        && g.toks
            .get(i + 1)
            .is_none_or(|t| t.kind != TokenKind::Number)
}

/// A short form of a month or weekday before a capitalised word that is no date word or
/// number opens a name: Sun Microsystems, Jan Egeland (but Sat Feb 5, Jan. 12).
fn is_date_abbreviation_name(g: &Seg, i: usize) -> bool {
    let w = g.s(i);
    let next = g.get(i + 1).unwrap_or("");
    w.len() <= 4
        && !w.contains('.')
        && is_upper_start(w)
        && !matches!(w, "May" | "June" | "July")
        && is_month_or_day(g.lower(i))
        && is_upper_start(next)
        && !is_month_or_day(g.lower(i + 1))
        && g.toks.get(i + 1).is_some_and(|t| t.start > g.toks[i].end)
}

/// A capitalised word that starts a sentence, or a common word alone, kept until the
/// whole document is read.
struct Deferred {
    seg: u32,
    start: usize,
    end: usize,
    /// A common word: a name only as the surname of someone named in full (Walker, Noon).
    common: bool,
}

struct DocState<'a> {
    out: Vec<Mention>,
    deferred: Vec<Deferred>,
    /// Capitalised words seen away from the start of a sentence.
    mid_caps: HashSet<&'a str>,
    /// Acronyms a name defines in the text: "Islamic State (IS)".
    defined: HashSet<&'a str>,
    /// For every token of the document, whether it can be part of a name.
    name_token: Vec<bool>,
    /// Set while a headline or furniture line is read: no guesses from there.
    restricted: bool,
    /// Acronyms the text defines in brackets, with the name's start and type, so that later
    /// mentions follow the name rather than a list or a guess: a listed acronym defined for
    /// another name ("ECB", the start of "England and Wales Cricket Board", ORG), one
    /// written as a word (Aosis), one its initials do not spell (NORAD).
    followed_acronyms: Vec<(String, usize, T)>,
}

impl<'a> DocState<'a> {
    fn new(segs: &[Seg<'a>]) -> DocState<'a> {
        let mut mid_caps = HashSet::default();
        let mut defined = HashSet::default();
        let mut common: HashSet<&str> = HashSet::default();
        for g in segs {
            for i in 0..g.toks.len() {
                let w = g.s(i);
                if i > g.first_word && !g.opens(i) && is_upper_start(w) {
                    mid_caps.insert(w);
                }
                // A name defines an acronym (Islamic State (IS), Incomes Data Services'
                // (IDS)); a common phrase does not: gross domestic product (GDP).
                let named = || {
                    (0..i)
                        .rev()
                        .find(|&k| !matches!(g.s(k), "'" | "’"))
                        .is_some_and(|k| is_upper_start(g.s(k)))
                };
                if w == "(" && g.get(i + 2) == Some(")") {
                    let acr = g.s(i + 1);
                    if spelled_in_small_letters(g, i, acr) {
                        common.insert(acr);
                    } else if is_acronym(acr) && named() {
                        defined.insert(acr);
                    }
                }
            }
        }
        // A common phrase's acronym is no name anywhere in the text: body mass index (BMI),
        // personal video recorders (PVRs).
        let common_acronym = |w: &str| {
            !common.is_empty()
                && (common.contains(w) || w.strip_suffix('s').is_some_and(|w| common.contains(w)))
        };
        let name_token = segs
            .iter()
            .flat_map(|g| (0..g.toks.len()).map(move |i| (g, i)))
            .map(|(g, i)| {
                // A plural's apostrophe inside a listed name: Kurdistan Workers' Party.
                let apostrophe = matches!(g.s(i), "'" | "’") && inside_listed_name(g, i);
                let word = g.toks[i].kind == TokenKind::Word
                    && (can_name(g.s(i), g.lower(i), &defined)
                        || is_month_surname(g, i)
                        || is_date_abbreviation_name(g, i)
                        || inside_listed_name(g, i));
                (word || apostrophe)
                    && !numeric::is_rank_sign(g, i)
                    && !numeric::is_dollar_country(g, i)
                    && !common_acronym(g.s(i))
            })
            .collect();
        DocState {
            restricted: false,
            out: Vec::new(),
            deferred: Vec::new(),
            mid_caps,
            defined,
            name_token,
            followed_acronyms: Vec::new(),
        }
    }

    /// Whether token `i` of the segment can be part of a name (see [`can_name`]).
    fn is_name_token(&self, g: &Seg, i: usize) -> bool {
        self.name_token[g.offset + i]
    }

    /// The full stop at `j` ends a capital letter written right before it and comes
    /// before a name word that is no common word: the stop of "W." in George W. Bush, not
    /// of "Malcolm X. Besides".
    fn initial_stop(&self, g: &Seg, j: usize) -> bool {
        g.s(j) == "."
            && is_initial(g, j)
            && g.toks.get(j + 1).is_some_and(|t| t.start > g.toks[j].end)
            && self.is_name_token(g, j + 1)
            && !lexicon().is_common(g.s(j + 1))
    }

    /// Finds the name runs of one segment and types them.
    fn names(&mut self, g: &Seg) {
        let n = g.toks.len();
        let mut i = 0;
        while i < n {
            // A Roman numeral after a lower-case word is a grade: phase III, clade Ib.
            let grade = is_roman_grade(g.s(i))
                && i > 0
                && g.s(i - 1).starts_with(|c: char| c.is_lowercase());
            if !(self.is_name_token(g, i) || self.particles_to_name(g, i).is_some())
                || is_possessive(g.s(i))
                || grade
            {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            let mut work = false;
            // A court case's parties around "v.": Roe v. Wade, Gonzalez v. Google.
            let mut case = false;
            while j < n {
                // A middle initial's full stop stays in the name: George W. Bush.
                if self.initial_stop(g, j) {
                    j += 1;
                    continue;
                }
                // Only spaces, hyphens and the possessive of a listed name (McDonald's)
                // join words.
                let spaced = g.toks[j].start > g.toks[j - 1].end;
                let listed_possessive = (is_possessive(g.s(j)) || matches!(g.s(j), "'" | "’"))
                    && self.is_name_token(g, j);
                // A plural's possessive inside a name before more of it: Alder Hey
                // Children's Hospital, People's Liberation Army, Women's Institute; not
                // before a title (Children's Minister Margaret Hodge).
                let plural_possessive = is_possessive(g.s(j))
                    && PLURAL_OWNERS.contains(&g.s(j - 1))
                    && j + 1 < n
                    && self.is_name_token(g, j + 1)
                    && !is_title(g.lower(j + 1));
                if plural_possessive || self.eponym_possessive(g, i, j) {
                    j += 2;
                    continue;
                }
                if !spaced && !g.s(j).starts_with('-') && !listed_possessive {
                    break;
                }
                if hyphen_suffix(g.s(j - 1)).is_some() {
                    break;
                }
                if self.is_name_token(g, j) {
                    j += 1;
                } else if let Some(k) = self.particles_to_name(g, j) {
                    j = k;
                } else if let Some(k) = self.of_join(g, i, j) {
                    j = k;
                } else if let Some(k) = self.title_join(g, i, j) {
                    j = k;
                } else if let Some(k) = self.work_join(g, i, j) {
                    j = k;
                    work = true;
                } else if let Some(k) = listed_through(g, i, j) {
                    j = k;
                } else if let Some(k) = self.bracketed_law(g, j) {
                    j = k;
                } else if g.s(j) == "v." && !case && j + 1 < n && self.is_name_token(g, j + 1) {
                    case = true;
                    j += 1;
                } else {
                    break;
                }
            }
            // A number may end a listed name (Channel 4, BBC Radio 4) or number a listed
            // product's model (Xbox 2, iPhone 16).
            let numbered = g
                .toks
                .get(j)
                .is_some_and(|t| t.kind == TokenKind::Number && t.start == g.toks[j - 1].end + 1);
            // So may a word for a product after the number: the Ariane 6 rocket; not after a
            // designator, whose variant it is (F-16 Block 70 jets).
            let model = || {
                gazetteer(g, i, j).is_some_and(|k| k.ty == T::Product)
                    || (after_cues(g, j + 1).is_some_and(|(ty, _)| ty == T::Product)
                        && !(i..j).any(|x| designator(g.s(x)).is_some()))
            };
            if numbered && ((i..j).any(|x| gazetteer(g, x, j + 1).is_some()) || model()) {
                j += 1;
            }
            // A name's possessive before "disease" or "syndrome" names an illness, not a
            // person or body: Alzheimer's disease, Asperger's syndrome.
            let illness = g.get(j).is_some_and(is_possessive)
                && g.get(j + 1)
                    .is_some_and(|w| matches!(w, "disease" | "syndrome"));
            if illness {
                i = j;
                continue;
            }
            if case && g.s(j - 1) != "v." {
                let a = past_stopwords(g, i, j - 1);
                self.push(
                    g,
                    a,
                    j,
                    T::Law,
                    "capitalised words",
                    "a court case (Roe v. Wade)",
                );
            } else if work {
                self.work_title(g, i, j);
            } else {
                self.run(g, i, j);
            }
            i = j;
        }
    }

    /// Whether the possessive at `j` after the one word at `i` (or a stop word and it)
    /// joins a body named after a person: an unlisted surname, its 's and one or two name
    /// words ending in a body's head word, or one and "UK" (Alzheimer's Society, Foster's
    /// Group, Alzheimer's Research UK); not a listed place's or firm's possessive
    /// (Britain's Football Association), nor a firm's division (Macrovision's Entertainment
    /// Technologies Group) or a tour (Sizzla's UK tour).
    fn eponym_possessive(&self, g: &Seg, i: usize, j: usize) -> bool {
        let lex = lexicon();
        let opener = |x: usize| lex.stopwords.contains(g.lower(x));
        if !(j == i + 1 || (j == i + 2 && opener(i))) || !is_possessive(g.s(j)) {
            return false;
        }
        let owner = g.s(j - 1);
        let unlisted = looks_like_a_name(owner)
            && !lex.is_common(owner)
            && !lex.given_names.contains(owner)
            && gazetteer(g, j - 1, j).is_none();
        let end = (j + 1..g.toks.len().min(j + 4))
            .take_while(|&k| self.is_name_token(g, k))
            .last();
        unlisted
            && end.is_some_and(|e| {
                let last = g.s(e);
                (last == "UK" && e == j + 2) || (lex.org_heads.contains(last) && e <= j + 2)
            })
    }

    /// At a bracket at `j` that holds a name and is followed by a law's head word, returns
    /// the index after the head word: the Housing (Scotland) Act, the Terminally Ill Adults
    /// (End of Life) Bill.
    fn bracketed_law(&self, g: &Seg, j: usize) -> Option<usize> {
        if g.s(j) != "(" {
            return None;
        }
        let close = (j + 2..g.toks.len().min(j + 10)).find(|&k| g.s(k) == ")")?;
        let inside = (j + 1..close)
            .all(|k| self.is_name_token(g, k) || matches!(g.s(k), "of" | "and" | "the" | ","));
        let law = g
            .get(close + 1)
            .is_some_and(|w| lexicon().law_heads.contains(w));
        (self.is_name_token(g, j + 1) && inside && law).then_some(close + 2)
    }

    /// At name particles from `j` on (van, van der, de la) that a name word follows,
    /// returns the index after that word. "ten" is one only after a given name, where it
    /// is no number: Erik ten Hag.
    fn particles_to_name(&self, g: &Seg, j: usize) -> Option<usize> {
        let dutch = g.get(j) == Some("ten") && j > 0 && lexicon().given_names.contains(g.s(j - 1));
        if dutch && j + 1 < g.toks.len() && self.is_name_token(g, j + 1) {
            return Some(j + 2);
        }
        self.small_words_to_name(g, j, PARTICLES)
    }

    /// At one to three of `small` words from `j` on that a name word follows, returns the
    /// index after that word.
    fn small_words_to_name(&self, g: &Seg, j: usize, small: &[&str]) -> Option<usize> {
        let n = g.toks.len();
        let k = (j..n.min(j + 3))
            .find(|&k| !small.contains(&g.s(k)))
            .unwrap_or(n);
        (k > j && k < n && self.is_name_token(g, k)).then_some(k + 1)
    }

    /// At a joining word (of, for, on, and, &) at `j` inside the run `i..j`, returns where
    /// the joined run would end if the join is justified: "&" always joins.
    fn of_join(&self, g: &Seg, i: usize, j: usize) -> Option<usize> {
        let lex = lexicon();
        let w = g.s(j);
        let (k, end) = self.joined(g, j)?;
        // A listed name may span more joining words: Centers for Disease Control and
        // Prevention.
        let far = end.max((j + 8).min(g.toks.len()));
        let head = |x: usize| is_head(g.s(x)) || lex.law_heads.contains(g.s(x));
        // Only bodies, laws and meetings take "for" and "on" (Institute for Fiscal Studies,
        // Convention on Human Rights); a place does not: Port Sudan | on the Red Sea.
        let body = |x: usize| {
            let h = g.s(x);
            w == "of"
                || lex.org_heads.contains(h)
                || lex.law_heads.contains(h)
                || lex.event_heads.contains(h)
        };
        // The first word after a "The" that opens the run.
        let first = if g.s(i) == "The" { i + 1 } else { i };
        let place =
            |x: usize| gazetteer(g, x, x + 1).is_some_and(|k| matches!(k.ty, T::Gpe | T::Loc));
        // Past a listed country or body that qualifies the name words after it.
        let qualified = |x: usize| {
            let qualifier = j >= x + 2
                && gazetteer(g, x, x + 1)
                    .is_some_and(|k| k.list == "countries.txt" || k.ty == T::Org);
            x + usize::from(qualifier)
        };
        let unknown = |x: usize| {
            let w = g.s(x);
            looks_like_a_name(w) && !lex.is_common(w) && gazetteer(g, x, x + 1).is_none()
        };
        if OF_WORDS.contains(&w) {
            // A title that spans the joining word: Chancellor of the Exchequer Gordon Brown.
            let title = (i..j).any(|x| is_title(g.key(x, k + 1)));
            // A head word that is a surname after a given name ends a person's name: Nathan
            // Lane | for The Producers.
            let surname = j >= i + 2 && is_given_and_surname_head(g, i, j);
            let last_head = head(j - 1) && body(j - 1) && !surname;
            if (head(i) && body(i)) || last_head || title {
                return Some(end);
            }
            if let Some(e) = listed_across(g, i, j, k, far) {
                return Some(e);
            }
        } else if w == "&" {
            // People are never joined by "&": Marks & Spencer, Ernst & Young.
            return Some(end);
        } else if matches!(w, "from" | "against")
            && k == j + 1
            && lex.law_heads.contains(g.s(end - 1))
        {
            // A law's name may say what it guards against: Protection from Harassment Act,
            // Protecting Americans from Foreign Adversary Controlled Applications Act.
            return Some(end);
        } else if let Some(e) = listed_across(g, i, j, k, far).filter(|_| w == "and") {
            // A listed name with "and" inside the run: the US Securities and Exchange
            // Commission, Trinidad and Tobago.
            return Some(e);
        } else if w == "and"
            && k == j + 1
            && (i..j).any(|x| head(x) && g.get(x + 1).is_some_and(|w| OF_WORDS.contains(&w)))
            && (k..end).all(|x| lex.is_common(g.s(x)))
        {
            // A body's name goes on after "and" with common words: Department for Education
            // and Skills, Department of Trade and Industry.
            return Some(end);
        } else if w == "and"
            && k == j + 1
            && end - k >= 2
            && head(end - 1)
            && (qualified(first)..j)
                .all(|x| lex.is_common(g.s(x)) && !is_acronym(g.s(x)) && !head(x))
            && (qualified(first) == first || (k..end).all(|x| lex.is_common(g.s(x))))
        {
            // Common words and a body's name of words and a head word are one name: Public
            // and Commercial Services Union, Finance and Economy Ministry; also after the
            // country or body it belongs to, when all of it is common words: UN Relief and
            // Works Agency, US Fish and Wildlife Service; not Apple Computer | and Cisco
            // Systems.
            return Some(end);
        } else if w == "and"
            && k == j + 1
            && j - first == 1
            && end - k >= 2
            && head(end - 1)
            && body(end - 1)
            && place(k)
            && (place(first) || unknown(first))
        {
            // Two places before a body's head word share it: England and Wales Cricket
            // Board, Avon and Somerset Police.
            return Some(end);
        }
        None
    }

    /// The name words after the joining word at `j` (and a "the"): their first index and
    /// the index after them.
    fn joined(&self, g: &Seg, j: usize) -> Option<(usize, usize)> {
        let mut k = j + 1;
        if g.get(k) == Some("the") {
            k += 1;
        }
        if k >= g.toks.len() || !self.is_name_token(g, k) {
            return None;
        }
        let mut end = k + 1;
        while end < g.toks.len()
            && self.is_name_token(g, end)
            && hyphen_suffix(g.s(end - 1)).is_none()
        {
            end += 1;
        }
        Some((k, end))
    }

    /// At an "of" at `j` between capitalised words that no list, given name or title
    /// explains, returns where the joined title of a work ends: Lord of the Rings, Top of
    /// the Pops, Prisoner of Azkaban, Eternal Sunshine of the Spotless Mind. Not a person
    /// and a place or firm (Nathalie Dechy of France, Nacho Novo of Rangers), a title and a
    /// place (Bishop of Durham), an office (Leader of the Opposition, Director of Public
    /// Prosecutions) or a sentence's common opening words (Members of the Senate). A title
    /// word is allowed before "the" and a plural: Lord of the Flies.
    fn work_join(&self, g: &Seg, i: usize, j: usize) -> Option<usize> {
        let lex = lexicon();
        if g.s(j) != "of" || (g.opens(i) && g.s(i) != "The") {
            return None;
        }
        let (k, end) = self.joined(g, j)?;
        let unlisted = |x: usize| gazetteer(g, x, x + 1).is_none();
        let last = g.s(end - 1);
        let plural = k == j + 2 && last.ends_with('s') && lex.is_common(last);
        let left = (i..j).all(|x| {
            unlisted(x) && !lex.given_names.contains(g.s(x)) && (plural || !is_title(g.lower(x)))
        });
        // Unknown name-shaped words are a person: Nacho Novo of Rangers.
        let person = j - i >= 2
            && (i..j).all(|x| {
                let w = g.s(x);
                looks_like_a_name(w) && !lex.is_common(w) && !is_title(g.lower(x)) && !is_head(w)
            });
        // A paper listed with its article names no place or body: Tears of the Sun.
        let paper = k == j + 2 && lex.after_the.contains_key(g.key(k, end));
        let right = paper || (gazetteer(g, k, end).is_none() && (k..end).all(unlisted));
        (left && !person && right).then_some(end)
    }

    /// Types a run that `work_join` made: a list's name or a head word's type (Freedom of
    /// Information Act, Fullness of Joy Church) if it has one, else a guess at a work's
    /// title.
    fn work_title(&mut self, g: &Seg, a: usize, b: usize) {
        let a = past_stopwords(g, a, b);
        if let Some(k) = gazetteer(g, a, b) {
            self.push_known(g, a, b, k);
        } else if let Some((ty, rule)) = head_type(g, a, b) {
            self.push(g, a, b, ty, "capitalised words", rule);
        } else {
            let rule = "default: capitalised words joined by 'of' (Lord of the Rings)";
            let m = self.push(g, a, b, T::WorkOfArt, "capitalised words", rule);
            self.out[m].weak = true;
        }
        self.acronym_after(g, b);
    }

    /// In a work's title (after "film", "album"), small words at `j` that a capitalised word
    /// follows stay in the run: the film The Life of David Gale, the song Return of the Mack.
    fn title_join(&self, g: &Seg, i: usize, j: usize) -> Option<usize> {
        if i == 0 || !WORK_BEFORE_CUES.contains(&g.lower(i - 1)) {
            return None;
        }
        self.small_words_to_name(g, j, TITLE_JOINERS)
    }

    fn push(
        &mut self,
        g: &Seg,
        a: usize,
        b: usize,
        ty: T,
        found_by: &'static str,
        typed_by: &'static str,
    ) -> usize {
        let start = g.toks[a].start;
        let mut end = g.toks[b - 1].end;
        if let Some(cut) = hyphen_suffix(g.s(b - 1)) {
            end = g.toks[b - 1].start + cut;
        }
        self.out.push(Mention {
            start,
            end,
            segment: g.index,
            ty,
            found_by,
            typed_by,
            weak: false,
            known: None,
            qualifier: None,
            role: None,
            expands: None,
        });
        self.out.len() - 1
    }

    fn push_known(&mut self, g: &Seg, a: usize, b: usize, k: Known) {
        let i = self.push(g, a, b, k.ty, "gazetteer", k.list);
        if k.ty == T::Org {
            // "Russia's Ministry of Defence" is not the British ministry the list knows. The
            // "US Senate" is the Senate, as the list says with that very form: its country
            // is the listed name's own, not a qualifier that would set it apart.
            let q = qualifier(g, a, b);
            let own = q == name_country(k.canonical);
            if q.is_some() && !own && q != name_country(k.form) {
                self.out[i].qualifier = q;
                return;
            }
            if own {
                self.out[i].qualifier = q;
            }
        }
        self.out[i].known = Some(k.canonical.to_owned());
    }

    /// Types the run `a..b` (and its parts), pushing mentions.
    fn run(&mut self, g: &Seg, mut a: usize, mut b: usize) {
        let lex = lexicon();
        // A split may leave particles at the end: "Stade de" | France.
        while b > a && PARTICLES.contains(&g.s(b - 1)) {
            b -= 1;
        }
        if a >= b {
            return;
        }
        if b - a == 1 && is_language(g, a) {
            self.push(
                g,
                a,
                b,
                T::Language,
                "capitalised word",
                "language in context (in English.)",
            );
            return;
        }
        // "Non-" before a people's name: Non-British citizens.
        if b - a == 1
            && g.s(a)
                .strip_prefix("Non-")
                .is_some_and(|d| lex.demonyms.contains_key(d))
        {
            let rule = "a people's name after non- (Non-British)";
            self.push(g, a, b, T::Norp, "capitalised word", rule);
            return;
        }
        // A ship's name after a word for a ship or a ship's prefix: the aircraft carrier
        // Shandong, USS Harry S. Truman (a list may know the name as a place, not as a
        // country: "the tanker Iran seized").
        let known = gazetteer(g, a, b);
        let country = known.is_some_and(|k| k.list == "countries.txt");
        let vessel_word = a > 0
            && (VESSEL_CUES.contains(&g.lower(a - 1))
                || (a > 1 && VESSEL_CUES.contains(&g.key(a - 2, a))));
        let prefixed = b - a >= 2 && SHIP_PREFIXES.contains(&g.s(a));
        if (vessel_word && !country) || prefixed {
            let rule = "context: a ship's name (the frigate X, HMS X)";
            self.push(g, a, b, T::Product, "capitalised words", rule);
            return;
        }
        if let Some(k) = known {
            // A listed law and its year are one name: the Human Rights Act 1998.
            let year = k.ty == T::Law
                && g.toks.get(b).is_some_and(|t| {
                    t.kind == TokenKind::Number && t.start == g.toks[b - 1].end + 1
                });
            let b = b + usize::from(year);
            self.push_known(g, a, b, k);
            self.acronym_after(g, b);
            return;
        }
        // Designators split the run: Russian Tupolev-22M3, Tupolev Tu-22. Common words of
        // that shape (MP3, P2P) are not designators.
        let model = |i: usize| designator(g.s(i)).is_some() && !lex.is_common(g.s(i));
        if let Some(d) = (a..b).find(|&i| model(i)) {
            let from = if d > a && lex.makers.contains_key(g.lower(d - 1)) {
                d - 1
            } else {
                d
            };
            self.run(g, a, from);
            // An organisation's name and a number is its channel or edition: BBC1, ITV1.
            let letters = g.s(d).trim_end_matches(|c: char| c.is_ascii_digit());
            let org = with_lower(letters, |l| {
                lex.gazetteer.get(l).is_some_and(|k| k.ty == T::Org)
            });
            if from == d && org {
                let rule = "organisation's name and a number (BBC1)";
                self.push(g, d, d + 1, T::Org, "designator pattern", rule);
                self.run(g, d + 1, b);
                return;
            }
            let canonical = designator(g.s(d)).unwrap_or_default();
            let m = self.push(
                g,
                from,
                d + 1,
                T::Product,
                "designator pattern",
                "designator pattern",
            );
            self.out[m].known = Some(canonical);
            self.run(g, d + 1, b);
            return;
        }
        // Legal instruments: Resolution 2231, UN Security Council Resolution 2254, Article 5;
        // a capitalised stop word before one is no part of it (Under Resolution 2231).
        if lex.law_heads.contains(g.s(b - 1))
            && g.toks.get(b).is_some_and(|t| t.kind == TokenKind::Number)
        {
            self.push(
                g,
                past_stopwords(g, a, b - 1),
                b + 1,
                T::Law,
                "law head word and number",
                "data/law_heads.txt",
            );
            return;
        }
        // A work's title after the word for its kind: the film Vera Drake, his album
        // Lifeblood, BBC comedy Gimme Gimme Gimme; not an award (the best film Oscar).
        if a > 0
            && WORK_BEFORE_CUES.contains(&g.lower(a - 1))
            && !(a > 1 && g.lower(a - 2) == "best")
            && !(b - a == 1 && lex.stopwords.contains(g.lower(a)))
        {
            self.push(g, a, b, T::WorkOfArt, "capitalised words", CUE_RULES[7]);
            return;
        }
        // Capitalised pronouns and verbs after a run's first word make it a title, not a
        // name: Losing My Religion, Do They Know It, We Will Rock You, Bend It Like Beckham.
        // At a sentence's opening, its other stop words and a shouted word are no part of
        // it: "When She came", "The She Hate Me director", "VOTE Was Germaine Greer right".
        let mut from = a;
        let opener = |i: usize| {
            let w = g.s(i);
            (lex.stopwords.contains(g.lower(i)) && !TITLE_WORDS.contains(&w))
                || (is_acronym(w) && lex.is_common(w))
        };
        while g.opens(a) && from < b && opener(from) {
            from += 1;
        }
        if !self.restricted && (from + 1..b).any(|i| TITLE_WORDS.contains(&g.s(i))) {
            let rule = "default: a pronoun or verb inside the words (Losing My Religion)";
            let m = self.push(g, from, b, T::WorkOfArt, "capitalised words", rule);
            self.out[m].weak = true;
            return;
        }
        let initial = g.opens(a);
        let headed = head_type(g, a, b);
        // "A" after a comma in a team sheet is an initial, not the article: ", A Hogg".
        let initial_a = g.s(a) == "A"
            && b - a == 2
            && a > 0
            && matches!(g.s(a - 1), "," | ";" | "(")
            && !lex.is_common(g.s(a + 1));
        // Sentence-initial and stop words (and a "&" they leave in front) are not part of
        // names, unless a head word or a "&" makes the whole run a name (Daily Caller News
        // Foundation, Standard & Poor's). A listed acronym is no stop word (US Open), nor
        // is a given name before a name inside a sentence (Will Young), nor at its opening
        // before an unlisted surname (Will Smith, but not "Will Britain").
        let given_inside = |a: usize| {
            b - a >= 2
                && !g.opens(a)
                && lex.given_names.contains(g.s(a))
                && (a + 1..b).all(|x| !lex.stopwords.contains(g.lower(x)))
        };
        let given_first = |a: usize| {
            b - a == 2
                && lex.given_names.contains(g.s(a))
                && looks_like_a_name(g.s(a + 1))
                && gazetteer(g, a + 1, b).is_none()
        };
        // A listed name that a common word opens keeps it before a title: New York Mayor
        // Eric Adams.
        let listed_from = |a: usize| (a + 2..=b.min(a + 6)).any(|e| gazetteer(g, a, e).is_some());
        while a < b
            && !initial_a
            && !given_first(a)
            && ((lex.stopwords.contains(g.lower(a))
                && !(is_acronym(g.s(a))
                    && lex.gazetteer.get(g.lower(a)).is_some_and(|k| k.acronym))
                && !given_inside(a))
                || g.s(a) == "&"
                || (g.opens(a)
                    && b - a > 1
                    && headed.is_none()
                    && !COMPASS.contains(&g.s(a))
                    && g.get(a + 1) != Some("&")
                    && lex.is_common(hyphen_cut(g.s(a)))
                    && title_at(g, a, b).is_none()
                    && !listed_from(a)))
        {
            a += 1;
            if let Some(k) = gazetteer(g, a, b) {
                self.push_known(g, a, b, k);
                return;
            }
        }
        if a >= b {
            return;
        }
        if let Some((ty, rule)) = headed.filter(|_| !lex.titles.contains(g.lower(b - 1))) {
            // A demonym before a head-word name belongs to it (Russian State Duma); a title
            // does not. So does the number of a military unit: the 110th Mechanised Brigade.
            let numbered = a > 0
                && UNIT_HEADS.contains(&g.s(b - 1))
                && numeric::is_digit_ordinal(g.s(a - 1))
                && g.toks[a].start > g.toks[a - 1].end;
            let a = a - usize::from(numbered);
            let m = self.push(g, a, b, ty, "capitalised words", rule);
            self.out[m].qualifier = qualifier(g, a, b);
            self.acronym_after(g, b);
            return;
        }
        // A compass word before a known place or people is part of it: South Yorkshire,
        // South American; two compass words are a region: North East.
        if b - a >= 2 && COMPASS.contains(&g.s(a)) {
            let known =
                gazetteer(g, a + 1, b).filter(|k| matches!(k.ty, T::Gpe | T::Loc | T::Norp));
            let region = b - a == 2 && COMPASS.contains(&g.s(a + 1));
            if let Some(ty) = known.map(|k| k.ty).or(region.then_some(T::Loc)) {
                self.push(
                    g,
                    a,
                    b,
                    ty,
                    "capitalised words",
                    "compass word before a place",
                );
                return;
            }
        }
        // A compass word after a known place is a constituency or district of it: Bristol
        // South, Sheffield Central, Oldham East.
        if b - a == 2
            && COMPASS_POINTS.contains(&g.s(b - 1))
            && gazetteer(g, a, a + 1).is_some_and(|k| k.ty == T::Gpe && k.list != "countries.txt")
        {
            self.push(
                g,
                a,
                b,
                T::Gpe,
                "capitalised words",
                "compass word after a place",
            );
            return;
        }
        // "The West", "the South": a compass word alone after "the" is a region.
        if b - a == 1
            && COMPASS_POINTS[..4].contains(&g.s(a))
            && a > 0
            && g.lower(a - 1) == "the"
            && !g.get(b).is_some_and(is_upper_start)
        {
            self.push(
                g,
                a,
                b,
                T::Loc,
                "capitalised word",
                "compass word after 'the'",
            );
            return;
        }
        // Names joined by "&" are a firm's: Ernst & Young, Young & Rubicam.
        if (a..b).any(|i| g.s(i) == "&") {
            let m = self.push(g, a, b, T::Org, "capitalised words", "names joined by &");
            // In a title-case headline the run may go on past the name.
            self.out[m].weak = self.restricted;
            self.acronym_after(g, b);
            return;
        }
        // A given name before unknown name-shaped words is a person, even when a list knows
        // it as a place, a firm or a people: Rafael Benitez, Christian Jasperneite. (Other
        // given names wait for the cues after the run: "Shahid Nojeh, 50 km from".) So is
        // a plain given name before one word a list knows as a place or people, in a
        // sentence: Mike German, George Washington. A surname that is a head word counts as
        // name-shaped here: Charlotte Church.
        let given = lex.given_names.contains(g.s(a)) && after_cues(g, b).is_none();
        let listed_given = given
            && b - a >= 2
            && lex.gazetteer.contains_key(g.lower(a))
            && (a + 1..b).all(|i| {
                let w = g.s(i);
                (looks_like_a_name(w) || PARTICLES.contains(&w) || SURNAME_HEADS.contains(&w))
                    && gazetteer(g, i, i + 1).is_none()
            });
        // A byline names its writer: "By Faisal Islam, Economics editor".
        let byline = a == 1 && g.s(0) == "By";
        let place_surname = given
            && b - a == 2
            && (!self.restricted || byline)
            && !lex.gazetteer.contains_key(g.lower(a))
            && !lex.is_common(g.s(a))
            && looks_like_a_name(g.s(a + 1))
            && gazetteer(g, a + 1, b).is_some_and(|k| matches!(k.ty, T::Gpe | T::Loc | T::Norp));
        if listed_given || place_surname {
            self.person(g, a, b, "given name (data/given_names.txt)", None);
            return;
        }
        // After a firm word, a people or place in the run is part of the firm's name:
        // drugmaker Bavarian Nordic, the airline Norwegian Air Shuttle. After a band word,
        // so is a given name: the band Franz Ferdinand.
        let firm_word = a > 0 && ORG_BEFORE_CUES.contains(&g.lower(a - 1));
        let band_word = a > 0 && matches!(g.lower(a - 1), "band" | "rockers");
        let placed = || {
            lex.demonyms.contains_key(g.s(a))
                || inner_gazetteer(g, a, b)
                    .is_some_and(|(_, _, k)| matches!(k.ty, T::Norp | T::Gpe | T::Loc))
        };
        if b - a >= 2 && (band_word || (firm_word && placed())) {
            self.push(g, a, b, T::Org, "capitalised words", CUE_RULES[5]);
            self.acronym_after(g, b);
            return;
        }
        // Leading demonyms: Russian Defense Minister Sergei Shoigu; a listed name that
        // opens with one keeps it: Liberal Democrat MSP Liam McArthur.
        if lex.demonyms.contains_key(g.s(a)) {
            if let Some(e) = (a + 2..b.min(a + 7))
                .rev()
                .find(|&e| gazetteer(g, a, e).is_some())
            {
                self.run(g, a, e);
                self.run(g, e, b);
                return;
            }
            self.push(
                g,
                a,
                a + 1,
                T::Norp,
                "capitalised word",
                "data/demonyms.txt",
            );
            self.run(g, a + 1, b);
            return;
        }
        // Titles: President Bashar al-Assad, Defense Minister Sergei Shoigu, Mr. Assad.
        // A title that is a common word before common words is no title: General Election.
        let plain = |from: usize, to: usize| (from..to).all(|i| lex.is_common(g.s(i)));
        if let Some(t) = titles_end(g, a, b).filter(|&t| t == b || !(plain(a, t) && plain(t, b))) {
            // "Gen" before a lone letter is a generation, not a general: Gen Z, Gen X.
            let generation = g.s(t - 1) == "Gen" && b - t == 1 && g.s(t).len() == 1;
            // A listed body between a title and a post in small letters is where the post
            // is held: Deputy Pentagon press secretary Sabrina Singh.
            let small = g
                .get(b)
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
            let post_after = small && (b..(b + 2).min(g.toks.len())).any(|x| is_title(g.lower(x)));
            if t < b && post_after && gazetteer(g, t, b).is_some_and(|k| k.ty == T::Org) {
                self.run(g, t, b);
                return;
            }
            if t < b && !generation {
                let role_start = self.role_start(g, a);
                let role = g.text[g.toks[role_start].start..g.toks[t - 1].end].to_owned();
                self.person(g, t, b, "title before the name", Some(role));
            }
            return;
        }
        // A title after other capitalised words (a portfolio, an organisation) and before a
        // name: Industry Secretary Patricia Hewitt, TUC General Secretary Brendan Barber.
        if let Some((s, t)) = inner_title(g, a, b) {
            // Portfolios (Home Affairs) and former posts (Ex-Home) are no names of their own.
            let portfolio = (a..s).all(|i| lex.is_common(g.s(i)) || g.s(i).contains('-'));
            if !portfolio || gazetteer(g, a, s).is_some() {
                self.run(g, a, s);
            }
            let role = g.span(a, t).to_owned();
            self.person(g, t, b, "title before the name", Some(role));
            return;
        }
        // A known name inside the run splits it: Saagar Enjeti | White House | Correspondent.
        // A product that opens the run names it with its edition: Xbox Live, GameBoy Advance.
        if let Some((x, y, k)) = inner_gazetteer(g, a, b) {
            // A given name before a firm named for a family is a person: Harrison Ford,
            // Gerald Ford.
            let surname = (x, y) == (a + 1, b) && k.ty == T::Org && !k.acronym;
            if surname && lex.given_names.contains(g.s(a)) {
                self.person(g, a, b, "given name (data/given_names.txt)", None);
                return;
            }
            // A maker's name and a model number before a product word: the Nokia 3220
            // handset, an HP 607 model.
            let numbered_model = x == a
                && g.toks[b - 1].kind == TokenKind::Number
                && after_cues(g, b).is_some_and(|(ty, _)| ty == T::Product);
            if x == a && (k.ty == T::Product || numbered_model) {
                self.push(
                    g,
                    a,
                    b,
                    T::Product,
                    "capitalised words",
                    "edition of a product",
                );
                return;
            }
            // A firm's name and one more word no list or title explains is a division or
            // brand of it: EMI Music, Parmalat Finanziaria, Barclays Capital. Not a paper
            // listed with its article: "Tears of the Sun Willis plays".
            let last = g.s(b - 1);
            let division = (x, y) == (a, b - 1)
                && k.ty == T::Org
                && !k.canonical.starts_with("The ")
                && gazetteer(g, b - 1, b).is_none()
                && !is_title(g.lower(b - 1))
                && !is_acronym(last);
            if division {
                let rule = "organisation's name and a division (EMI Music)";
                self.push(g, a, b, T::Org, "capitalised words", rule);
                return;
            }
            self.run(g, a, x);
            self.push_known(g, x, y, k);
            self.run(g, y, b);
            return;
        }
        // A trailing title: ... Correspondent; but a given name before one is a person's
        // name in full: John Major. A shouted title is never a surname: Glasgow Kelvin MP.
        // A title written short comes before names only: Amrita Sen, not Amrita | Sen.
        let given_and_title =
            b - a == 2 && lex.given_names.contains(g.s(a)) && !is_acronym(g.s(b - 1));
        let short_title = lex.abbreviations.contains(g.lower(b - 1)) && !is_acronym(g.s(b - 1));
        if b - a > 1 && is_title(g.lower(b - 1)) && !given_and_title && !short_title {
            self.run(g, a, b - 1);
            return;
        }
        // A quoted name right after a model: Su-34 “Fullback”, S-500 Prometey; not a common
        // word without quotes, which says more of the model: F-16 Block 70.
        if let Some(last) = self.out.last()
            && last.ty == T::Product
            && last.end <= g.toks[a].start
            && let between = &g.text[last.end..g.toks[a].start]
            && between
                .chars()
                .all(|c| c.is_whitespace() || "“\"'‘".contains(c))
            && !(between.trim().is_empty() && b - a == 1 && lex.is_common(g.s(a)))
        {
            self.push(
                g,
                a,
                b,
                T::Product,
                "capitalised words",
                "context: quoted name after a model designator",
            );
            return;
        }
        // A capital "The" inside a sentence opens a title: Scorsese's The Aviator, a role
        // in The History Boys, The Office. (Bands have their cue words: "rock band The
        // Killers".)
        let after_the = a > 0 && g.s(a - 1) == "The" && !g.opens(a - 1) && !self.restricted;
        // A common word alone is no name (nor a shouted one: TV, OK, unless the text defines
        // it; nor a compound such as X-ray), but the surname of someone the document names
        // in full is: it waits.
        // So is a law's head word after "the": the Bill, the Act. A capitalised common word
        // inside a sentence before "programme" is a broadcast's title: the Today programme.
        let the_law = b - a == 1 && a > 0 && g.s(a - 1) == "the" && lex.law_heads.contains(g.s(a));
        let broadcast = !g.opens(a) && !is_acronym(g.s(a)) && WORK_AFTER_CUES.contains(&g.lower(b));
        if b - a == 1
            && !after_the
            && !broadcast
            && (lex.is_common(hyphen_cut(g.s(a))) || is_letter_compound(g.s(a)) || the_law)
            && !self.defined.contains(g.s(a))
            && title_at(g, a, b).is_none()
        {
            self.defer(g, a, b, true);
            return;
        }
        // Where a firm or person is based is a place: the Santa Clara-based firm.
        let last = g.s(b - 1);
        if hyphen_suffix(last).is_some_and(|n| matches!(&last[n + 1..], "based" | "headquartered"))
        {
            let rule = "context: a place something is based in (X-based)";
            self.push(g, a, b, T::Gpe, "capitalised words", rule);
            return;
        }
        if let Some((ty, rule)) = after_cues(g, b).or_else(|| shared_cue(g, b)) {
            if ty == T::Person {
                self.person(g, a, b, rule, None);
            } else {
                self.push(g, a, b, ty, "capitalised words", rule);
            }
            self.acronym_after(g, b);
            return;
        }
        // Common words that open a sentence are no name ("Foreign Ministry officials");
        // inside one, capitals make them one (Sale Sharks, Celebrity Big Brother).
        if initial && b - a >= 2 && (a..b).all(|i| lex.is_common(g.s(i))) {
            return;
        }
        // Initials before a surname: R Jones, JK Rowling, J.K. Rowling, J van Niekerk; not
        // a common abbreviation (TV Bafta).
        let letters = g.s(a).trim_matches('.').chars().count();
        let initials = g.s(a).chars().all(|c| c.is_uppercase() || c == '.')
            && (letters == 1 || (letters == 2 && !lex.is_common(g.s(a))));
        // Between them: particles, more initials and their stops (J. K. Rowling), and
        // after one initial given names (J Robert Oppenheimer; not CB Richard Ellis).
        let particles = (a + 1..b - 1).all(|i| {
            let w = g.s(i);
            PARTICLES.contains(&w)
                || w == "."
                || (w.len() == 1 && is_upper_start(w))
                || (letters == 1 && lex.given_names.contains(w))
        });
        // After initials, a surname may end like a verb form: JK Rowling, P Manning.
        let last = g.s(b - 1);
        let surname = looks_like_a_name(last)
            || (last.ends_with("ing")
                && last.chars().all(char::is_alphabetic)
                && !lex.is_common(last));
        if b - a >= 2 && initials && particles && surname {
            self.person(g, a, b, "initials before a surname", None);
            return;
        }
        // A lone letter (Plan B, Group C) is not a name.
        if b - a == 1 && g.s(a).chars().count() == 1 {
            return;
        }
        if lex.given_names.contains(g.s(a)) && b - a >= 2 {
            // A shouted common word is no surname: "Ray DVD" is the film Ray's DVD.
            if is_acronym(g.s(b - 1)) && lex.is_common(g.s(b - 1)) {
                self.run(g, a, b - 1);
                return;
            }
            self.person(g, a, b, "given name (data/given_names.txt)", None);
            return;
        }
        // "St" before a name is a saint's, and news names places and buildings after
        // saints far more often than saints: St Helens, St Etienne, St Mary's, and in
        // other languages San Andreas, São Tomé (not "Santa": Santa Claus).
        let saint =
            b - a >= 2 && matches!(g.s(a), "St" | "St." | "Saint" | "San" | "Santo" | "São");
        // "Electronic Arts said" is a company speaking: people's names are name-shaped words,
        // and open with no date word (Sun Interbrew), nor a saint's.
        let name_shaped = (a..b).all(|i| {
            PARTICLES.contains(&g.s(i)) || looks_like_a_name(g.s(i)) || article_prefixed(g.s(i))
        }) && (!is_month_or_day(g.lower(a)) || lex.given_names.contains(g.s(a)))
            && !saint
            && !COMPASS.contains(&g.s(a));
        // A plural for people at the opening waits for the whole document even before
        // "said": "Organisers said".
        if initial && b - a == 1 && is_plural_of_people(g, a) {
            self.defer(g, a, b, false);
            return;
        }
        let context = context_type(g, a, b, self.out.last())
            .filter(|(ty, _)| *ty != T::Person || name_shaped);
        if let Some((ty, rule)) = context {
            if ty == T::Person {
                self.person(g, a, b, rule, None);
            } else {
                self.push(g, a, b, ty, "capitalised words", rule);
            }
            self.acronym_after(g, b);
            return;
        }
        if initial && b - a == 1 {
            self.defer(g, a, b, false);
            return;
        }
        if after_the {
            // Works are seen "in" or "on"; what one is "at" is a venue: at The Oval, at The
            // Old Vic.
            let (ty, rule) = if a >= 2 && g.lower(a - 2) == "at" {
                (
                    T::Fac,
                    "default: unknown name after at The, a venue (at The Oval)",
                )
            } else {
                (
                    T::WorkOfArt,
                    "default: unknown name after a capital The (The Aviator)",
                )
            };
            let m = self.push(g, a, b, ty, "capitalised words", rule);
            self.out[m].weak = true;
        } else if saint {
            // With a possessive it names a building: St Mary's, St James' Park.
            let owned = g
                .get(b)
                .is_some_and(|w| is_possessive(w) || matches!(w, "'" | "’"));
            let (ty, rule) = if owned {
                (
                    T::Fac,
                    "default: a saint's name and 's, a building (St Mary's)",
                )
            } else {
                (T::Gpe, "default: a saint's name, a place (St Helens)")
            };
            let m = self.push(g, a, b, ty, "capitalised words", rule);
            self.out[m].weak = true;
        } else if b - a >= 2
            && COMPASS.contains(&g.s(a))
            && (a + 1..b).all(|i| looks_like_a_name(g.s(i)))
        {
            let rule = "default: a compass word and a name, a place (East Kilbride)";
            let m = self.push(g, a, b, T::Gpe, "capitalised words", rule);
            self.out[m].weak = true;
        } else if b - a >= 2 && name_shaped && !(a > 0 && NOT_BEFORE_PEOPLE.contains(&g.s(a - 1))) {
            let m = self.push(
                g,
                a,
                b,
                T::Person,
                "capitalised words",
                "default: several unknown capitalised words",
            );
            self.out[m].weak = true;
        } else if b - a == 1 && lex.given_names.contains(g.s(a)) {
            let m = self.push(
                g,
                a,
                b,
                T::Person,
                "capitalised word",
                "default: a given name alone",
            );
            self.out[m].weak = true;
        } else {
            let found_by = if b - a == 1 {
                "capitalised word"
            } else {
                "capitalised words"
            };
            let m = self.push(
                g,
                a,
                b,
                T::Org,
                found_by,
                "default: unknown capitalised word",
            );
            self.out[m].weak = true;
        }
        self.acronym_after(g, b);
    }

    /// Keeps the single word at `a..b` until the whole document is read (never in a headline
    /// or furniture line, which yield no guesses).
    fn defer(&mut self, g: &Seg, a: usize, b: usize, common: bool) {
        if !self.restricted {
            self.deferred.push(Deferred {
                seg: g.index,
                start: a,
                end: b,
                common,
            });
        }
    }

    /// Pushes a person mention with the role the text gives before or after it.
    fn person(&mut self, g: &Seg, a: usize, b: usize, rule: &'static str, role: Option<String>) {
        let role = role
            .or_else(|| self.role_before(g, a))
            .or_else(|| role_after(g, b));
        let m = self.push(g, a, b, T::Person, "capitalised words", rule);
        self.out[m].role = role;
    }

    /// The first token of a role phrase that ends just before `a` (demonyms and names).
    fn role_start(&self, g: &Seg, a: usize) -> usize {
        let mut s = a;
        while s > 0 && g.toks[s - 1].kind == TokenKind::Word && (is_upper_start(g.s(s - 1))) {
            s -= 1;
        }
        s
    }

    /// A lower-case role just before a name: "State Department spokesman Mark Toner".
    fn role_before(&self, g: &Seg, a: usize) -> Option<String> {
        let lex = lexicon();
        let mut s = a;
        let mut has_title = false;
        while s > 0 && a - s < 6 && g.toks[s - 1].kind == TokenKind::Word {
            let w = g.lower(s - 1);
            let w = w.trim_end_matches('.');
            if lex.titles.contains(w) {
                has_title = true;
            } else if lex.stopwords.contains(w)
                || lex.speech_verbs.contains(w)
                || (!is_upper_start(g.s(s - 1)) && !has_title && s < a)
            {
                break;
            }
            s -= 1;
        }
        while s < a
            && !lex.titles.contains(g.lower(s).trim_end_matches('.'))
            && !is_upper_start(g.s(s))
        {
            s += 1;
        }
        (has_title && s < a).then(|| g.text[g.toks[s].start..g.toks[a - 1].end].to_owned())
    }

    /// "Islamic State (IS)": an acronym in brackets after a name stands for it.
    fn acronym_after(&mut self, g: &Seg, b: usize) {
        let mut k = b;
        while k < g.toks.len() && matches!(g.s(k), "”" | "\"" | "’") {
            k += 1;
        }
        if g.get(k) != Some("(") || g.get(k + 2) != Some(")") {
            return;
        }
        let Some(last) = self.out.last().cloned() else {
            return;
        };
        // British papers write acronyms said as words in small letters: the Alliance of
        // Small Island States (Aosis).
        let acronym = g.s(k + 1);
        let name = &g.text[last.start..last.end];
        let spelled = is_word_cased(acronym) && initials_spell(name, acronym);
        if !(is_acronym(acronym) || spelled) {
            return;
        }
        // Organisations, laws and the like define acronyms; "Andre Agassi (US)" does not,
        // nor does a name that only ends a longer one: "... and the Caribbean (ECLAC)". A
        // name no list knows defines a listed acronym anew when its initials spell it and
        // it opens with another word than the listed name: the England and Wales Cricket
        // Board (ECB) is not the European Central Bank, but the Office of National
        // Statistics (ONS) is the Office for National Statistics.
        // A listed acronym matches only in capitals, so written as a word it is the text's
        // own: the Court of Arbitration for Sport (Cas).
        let listed = lexicon()
            .gazetteer
            .get(g.lower(k + 1))
            .filter(|_| !spelled || gazetteer(g, k + 1, k + 2).is_some());
        let known = listed.is_some();
        let first_word = |s: &str| s.split_whitespace().next().unwrap_or("").to_lowercase();
        let redefines = listed.is_some_and(|l| first_word(l.canonical) != first_word(name))
            && last.known.is_none()
            && initials_spell(name, acronym);
        // An acronym of a name in another language need not share its first letter: the
        // National Rally (RN), the National Electoral Council (CNE). Not when the name may
        // be the end of a longer one (British | Phonographic Industry (BPI), Project and |
        // Contract Office (PCO)) or starts before the words the acronym spells (Past
        // Congressional Budget Office (CBO)).
        let same_start = name.chars().next() == acronym.chars().next();
        let cut = g
            .toks
            .iter()
            .position(|t| t.start == last.start)
            .is_none_or(|i| {
                // The word before the name, and before a "the" that opens it.
                let at = |k: usize| if k > 0 { g.s(k - 1) } else { "" };
                let w = if at(i) == "the" { at(i - 1) } else { at(i) };
                (is_upper_start(w) && w != "The")
                    || OF_WORDS.contains(&w)
                    || matches!(w, "and" | "&")
            });
        let padded = name
            .match_indices(' ')
            .any(|(i, _)| initials_spell(&name[i + 1..], acronym));
        let translated = !known && last.ty == T::Org && name.contains(' ') && !cut && !padded;
        if (known && !redefines)
            || !(same_start || translated)
            || matches!(last.ty, T::Person | T::Gpe | T::Norp | T::Loc)
        {
            return;
        }
        self.followed_acronyms
            .push((acronym.to_owned(), last.start, last.ty));
        let m = self.push(
            g,
            k + 1,
            k + 2,
            last.ty,
            "acronym in brackets after a name",
            "type of the name it stands for",
        );
        self.out[m].expands = Some(last.start);
    }

    /// Sentence-initial single words become names only when the document uses them as names
    /// elsewhere, or when they look like names and the document never writes them in lower
    /// case.
    fn resolve_deferred(&mut self, segs: &[Seg]) {
        let deferred = std::mem::take(&mut self.deferred);
        // Names by their full text and by their last word (surnames).
        let mut named: HashMap<&str, T> = HashMap::default();
        for m in &self.out {
            let t = &segs[m.segment as usize].text[m.start..m.end];
            named.entry(t).or_insert(m.ty);
            if let Some(last) = t.split_whitespace().last() {
                named.entry(last).or_insert(m.ty);
            }
        }
        let text = segs.first().map_or("", |g| g.text);
        let (surnames, _) = people_named_in_full(&self.out, text);
        // The deferred words the document also writes in lower case: "House prices fell"
        // beside "house prices", "Anti-fraud" beside "anti-fraud".
        let mut written_lower: HashSet<&str> = HashSet::default();
        if !deferred.is_empty() {
            let wanted: HashSet<&str> = deferred
                .iter()
                .filter(|d| !d.common)
                .map(|d| segs[d.seg as usize].lower(d.start))
                .collect();
            for g in segs {
                for i in 0..g.toks.len() {
                    let w = g.s(i);
                    if w.starts_with(|c: char| c.is_ascii_lowercase()) && wanted.contains(w) {
                        written_lower.insert(w);
                    }
                }
            }
        }
        for d in deferred {
            let g = &segs[d.seg as usize];
            let w = g.span(d.start, d.end);
            if d.common {
                if surnames.contains(w) {
                    self.push(
                        g,
                        d.start,
                        d.end,
                        T::Person,
                        "common word that is the surname of a person named in the document",
                        "type of that name",
                    );
                }
            } else if let Some(&ty) = named.get(w) {
                self.push(g, d.start, d.end, ty, NAMED_ELSEWHERE, "type of that name");
            } else if self.mid_caps.contains(w)
                || (looks_like_a_name(w)
                    && !written_lower.contains(g.lower(d.start))
                    && !is_plural_of_people(g, d.start))
            {
                let m = self.push(
                    g,
                    d.start,
                    d.end,
                    T::Org,
                    "sentence-initial word that is not a common word",
                    "default: unknown capitalised word",
                );
                self.out[m].weak = true;
            }
        }
    }

    /// A single word that is the surname of a person named in full is that person, and so
    /// is one that is the given name of one ("Steven is not for sale" beside Steven Gerrard).
    /// A town's name counts as a surname too (Paterson beside Chris Paterson), but not a
    /// country's or another list's. A film's title that a word for it or its credits type
    /// stays one: "the biopic Ray", "Maria, starring Angelina Jolie".
    fn propagate_surnames(&mut self, text: &str) {
        let (surnames, given) = people_named_in_full(&self.out, text);
        for m in &mut self.out {
            let t = &text[m.start..m.end];
            let town = matches!(m.typed_by, "cities.txt" | "subnational.txt");
            let work = m.typed_by == CUE_RULES[7] || m.typed_by == CREDITS_RULE;
            if m.ty == T::Person || work || (m.known.is_some() && !town) || t.contains(' ') {
                continue;
            }
            let typed_by = if surnames.contains(strip_article(t)) {
                "surname of a person named in the document"
            } else if town {
                continue;
            } else if given.contains(t) {
                "given name of a person named in the document"
            } else {
                continue;
            };
            m.ty = T::Person;
            m.typed_by = typed_by;
            m.weak = false;
            m.known = None;
        }
    }
}
