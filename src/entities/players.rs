//! Players in a match report's team sheet. The lines that follow a sheet's labels ("Subs
//! Not Used: Francis, Kabba, Shaw") and the substitutions ("Hodgson for Edwards (77)")
//! hold surnames alone, which no list knows and nothing else around them types.

use super::{EntityType, Mention};

/// Labels that open a list of players (compared without case): "Subs Not Used:",
/// "Replacements:", "Booked:".
const LABELS: &[&str] = &[
    "booked",
    "goals",
    "not used",
    "replacements",
    "scorers",
    "sent off",
    "subs",
    "subs not used",
    "substitutes",
];

/// How far back from a name the rule looks for a label, in bytes: a long sheet's line.
const LOOK_BACK: usize = 600;

/// What the rule says in `--explain`.
const RULE: &str = "context: a player in a team sheet (Subs: X; X for Y (77))";

/// Makes people of the one-word guesses that a team sheet lists as players, and of the
/// places a labelled list holds ("Subs: Macken, Jordan"). Names in brackets there are
/// clubs or counties ("Olivier Milloud (Bourgoin)") and stay as they are.
pub(super) fn team_sheet_players(found: &mut [Mention], text: &str) {
    for m in found.iter_mut() {
        let guessed = m.typed_by.starts_with("default") && m.ty != EntityType::Person;
        let place = matches!(m.ty, EntityType::Gpe | EntityType::Loc);
        if !(guessed || place) || text[m.start..m.end].contains(' ') {
            continue;
        }
        // The line before the name, up to a sheet's length: a long paragraph is no sheet,
        // and a bounded look back keeps a document without line breaks linear.
        let mut from = m.start.saturating_sub(LOOK_BACK);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = &text[from..m.start];
        // Nearly every name has neither a colon before it on its line nor "for" beside it.
        let colon = memchr::memrchr2(b'\n', b':', before.as_bytes())
            .is_some_and(|i| before.as_bytes()[i] == b':');
        let substitution = guessed && is_substitution(before, &text[m.end..]);
        if !colon && !substitution {
            continue;
        }
        let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
        // The sentence the name is in, on its line: "... 41. Booked: Ben Haim, Hierro."
        let clause = line.rsplit(". ").next().unwrap_or(line);
        let bracketed = clause.rfind('(') > clause.rfind(')');
        let labelled = clause
            .split_once(':')
            .is_some_and(|(label, _)| LABELS.contains(&label.trim().to_lowercase().as_str()));
        if !bracketed && (labelled || substitution) {
            m.ty = EntityType::Person;
            m.typed_by = RULE;
            m.weak = false;
            m.known = None;
        }
    }
}

/// True when the name between `before` and `after` is one side of a substitution, "X for
/// Y (77)": before " for Y (77)" or after "X for " with " (77)" next.
fn is_substitution(before: &str, after: &str) -> bool {
    let minute = |s: &str| {
        s.strip_prefix(" (").is_some_and(|r| {
            let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            (1..=3).contains(&digits) && r[digits..].starts_with(')')
        })
    };
    let incoming = after.strip_prefix(" for ").is_some_and(|rest| {
        let name_end = rest
            .find(|c: char| !(c.is_alphabetic() || matches!(c, ' ' | '-' | '\'')))
            .unwrap_or(rest.len());
        // The space before the bracket ends the name: "Edwards (77)", "van der Walt (60)".
        rest.starts_with(char::is_alphabetic)
            && rest[..name_end].ends_with(' ')
            && minute(&rest[name_end - 1..])
    });
    let outgoing = before.strip_suffix(" for ").is_some_and(|rest| {
        rest.rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    }) && minute(after);
    incoming || outgoing
}

#[cfg(test)]
mod tests {
    use super::is_substitution;

    #[test]
    fn substitutions_have_a_minute() {
        assert!(is_substitution(
            "Replacements: ",
            " for Edwards (77), Wheatley"
        ));
        assert!(is_substitution(
            "Replacements: Hodgson for ",
            " (77), Wheatley"
        ));
        assert!(is_substitution("Paice for ", " (60)"));
        assert!(!is_substitution("He voted ", " for Labour in 1997"));
        assert!(!is_substitution("a vote for ", " (in 2005)"));
        // A letter of several bytes just before the bracket is no space to cut at.
        assert!(!is_substitution("Replacements: ", " for José(77)"));
        assert!(is_substitution("Replacements: ", " for Müller (77)"));
    }
}
