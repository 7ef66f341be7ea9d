//! Sports clubs named after their towns. In a match report "Leicester" is the club, not
//! the city: OntoNotes types sports teams as organisations, whatever their names are.
//! A town becomes its club for the whole document when the text plays it as one.

use super::{EntityType, Mention};
use rustc_hash::FxHashSet as HashSet;

/// Words after a town's name (or its possessive) that make it a club on their own:
/// "Leicester coach", "Milan's striker", "Blackburn chairman".
const ROLES: &[&str] = &[
    "academy",
    "boss",
    "captain",
    "centre",
    "chairman",
    "coach",
    "defence",
    "defender",
    "flanker",
    "fly-half",
    "forward",
    "full-back",
    "goalkeeper",
    "hooker",
    "keeper",
    "manager",
    "midfielder",
    "player",
    "players",
    "prop",
    "scrum-half",
    "skipper",
    "squad",
    "striker",
    "team-mate",
    "winger",
    "youngster",
];
/// A word for a role in a club after a name: "Leicester coach", "Gunners boss".
pub(super) fn is_role(w: &str) -> bool {
    ROLES.contains(&w)
}

/// Words before a town's name that make it a club on their own: "Scottish side
/// Dunfermline", "rivals St Helens".
const SIDE: &[&str] = &["club", "outfit", "rivals", "side"];
/// Words after a town's name that make it a club only where another cue does: "Liverpool
/// fans", "Southampton are", "Leeds drew". Alone they are too common outside sport.
const PLAYS: &[&str] = &[
    "are",
    "beat",
    "drew",
    "fans",
    "had",
    "have",
    "led",
    "lost",
    "supporters",
    "trailed",
    "were",
    "won",
];
/// Words before a town's name that make it a club where another cue does: "against
/// Leicester", "Chelsea host Birmingham".
const MEETS: &[&str] = &[
    "against",
    "beat",
    "beating",
    "entertain",
    "face",
    "faces",
    "host",
    "hosts",
    "visit",
    "visiting",
];
/// Words before a playing verb that make the town a place after all: "shops in London
/// were", "the Archbishop of Canterbury have".
const PLACE_BEFORE: &[&str] = &["and", "at", "from", "in", "near", "of", "the", "to"];

/// How a town's name that is its club is typed.
const CLUB: &str = "context: a town's name used for its club (Leicester coach)";

/// A place from the lists of towns or of counties and provinces, which name clubs; the
/// home nations in the second list name national sides, which stay places (GPE).
fn is_town(m: &Mention, text: &str) -> bool {
    m.typed_by == "cities.txt"
        || (m.typed_by == "subnational.txt" && !HOME_NATIONS.contains(&&text[m.start..m.end]))
}

/// The nations of the United Kingdom, listed among subnational places.
const HOME_NATIONS: &[&str] = &["England", "Scotland", "Wales", "Northern Ireland"];

/// Retypes the towns, counties and provinces the document plays as sports clubs
/// (Leicester, Lancashire, Munster), every mention of each: a town with a strong cue (a
/// role after it, "side" before it, "v Bolton", "Hartlepool v Boston", a score "Hereford
/// 1-1" or "1-1 Doncaster") and, in a document that has one, a
/// town with a weaker cue (fans, "against Newcastle", "Portsmouth were").
pub(super) fn sports_clubs(found: &mut [Mention], text: &str) {
    let mut strong: HashSet<&str> = HashSet::default();
    let mut weak: HashSet<&str> = HashSet::default();
    for m in found.iter().filter(|m| is_town(m, text)) {
        let name = &text[m.start..m.end];
        let after = &text[m.end..];
        let possessive = ["'s", "’s"].iter().find_map(|s| after.strip_prefix(s));
        let next = word_after(possessive.unwrap_or(after));
        let before = word_before(&text[..m.start]);
        let fixture = matches!(before, "v" | "vs") || matches!(next, "v" | "vs");
        if ROLES.contains(&next)
            || SIDE.contains(&before)
            || fixture
            || starts_with_score(after)
            || ends_with_score(&text[..m.start])
        {
            strong.insert(name);
        } else if MEETS.contains(&before)
            || (PLAYS.contains(&next)
                && possessive.is_none()
                && !PLACE_BEFORE.iter().any(|p| p.eq_ignore_ascii_case(before)))
        {
            weak.insert(name);
        }
    }
    if strong.is_empty() {
        return;
    }
    for m in found.iter_mut() {
        let name = &text[m.start..m.end];
        if is_town(m, text) && (strong.contains(name) || weak.contains(name)) {
            m.ty = EntityType::Org;
            m.typed_by = CLUB;
            m.known = None;
        }
    }
}

/// The word that `s` starts with after spaces on the same line ("" if none).
fn word_after(s: &str) -> &str {
    let s = s.trim_start_matches([' ', '\t']);
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The word that `s` ends with before spaces on the same line ("" after a comma or none).
fn word_before(s: &str) -> &str {
    let s = s.trim_end_matches([' ', '\t']);
    let start = s
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    s[start..].trim_end_matches('.')
}

/// True when `s` opens with a score after a space: " 1-1", " 31-37".
fn starts_with_score(s: &str) -> bool {
    s.strip_prefix(' ').is_some_and(|s| {
        let len = s.bytes().take_while(|&c| is_score_byte(c)).count();
        is_score(&s[..len])
    })
}

/// True when `s` ends with a score before a space: "Hereford 1-1 " before "Doncaster".
fn ends_with_score(s: &str) -> bool {
    s.strip_suffix(' ').is_some_and(|s| {
        let len = s.bytes().rev().take_while(|&c| is_score_byte(c)).count();
        is_score(&s[s.len() - len..])
    })
}

/// A digit or the hyphen of a score: ASCII, so a run of them starts and ends on character
/// boundaries.
fn is_score_byte(c: u8) -> bool {
    c.is_ascii_digit() || c == b'-'
}

/// A score: two numbers of one to three digits joined by a hyphen ("1-1", "31-37").
fn is_score(w: &str) -> bool {
    let goals = |n: &str| (1..=3).contains(&n.len()) && n.bytes().all(|c| c.is_ascii_digit());
    w.split_once('-').is_some_and(|(a, b)| goals(a) && goals(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_read_on_either_side_of_a_name_whatever_comes_before() {
        assert!(ends_with_score("Hereford 1-1 "));
        assert!(ends_with_score("é1-1 "));
        assert!(!ends_with_score("é "));
        assert!(!ends_with_score("2004-05 "));
        assert!(starts_with_score(" 31-37, a win"));
        assert!(!starts_with_score(" 1-é"));
    }
}
