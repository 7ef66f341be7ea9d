//! Paragraphs and line roles: which parts of a file are headline, subheading, page furniture
//! or body text.
//!
//! A blank line always ends a paragraph. A single line break ends one too, unless the file is
//! hard-wrapped (most lines that run on into the next are short and end mid-sentence), in
//! which case the lines of a block are one paragraph. Roles come from general rules: marker
//! lines and section labels from `data/`, credit, byline, contact and licence patterns, and
//! the shape and position of short lines without final punctuation.

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::lexicon;

/// The role of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The headline: the first short line without final punctuation.
    Title,
    /// A subheading: a later short line without final punctuation.
    Heading,
    /// Page furniture; split into sentences but kept out of body statistics.
    Boilerplate,
    /// Body text, to be split into sentences.
    Body,
}

/// A paragraph: a trimmed byte span of the text and its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Start byte offset of its first non-space character.
    pub start: usize,
    /// End byte offset after its last non-space character.
    pub end: usize,
    /// What the paragraph is.
    pub role: Role,
    /// The rule that decided the role.
    pub rule: &'static str,
}

/// Non-blank lines as trimmed spans, each with whether a blank line (or the start) precedes it.
fn lines(text: &str) -> Vec<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    let mut after_blank = true;
    while pos <= bytes.len() {
        let end = memchr::memchr2(b'\n', b'\r', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
        let line = &text[pos..end];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            after_blank = true;
        } else {
            let s = pos + (line.len() - line.trim_start().len());
            out.push((s, s + trimmed.len(), after_blank));
            after_blank = false;
        }
        if end == bytes.len() {
            break;
        }
        pos = end
            + if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
    }
    out
}

/// True when the last visible character (before closing quotes and brackets) ends a sentence.
pub fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    s.ends_with(['.', '!', '?', '…'])
}

/// Decides whether the text is hard-wrapped: most lines that run on into the next line are
/// short and do not end a sentence. Returns the wrap width in characters if it is.
fn hard_wrapped(text: &str, lines: &[(usize, usize, bool)]) -> Option<usize> {
    let mut joined = Vec::new();
    let mut open = 0;
    for w in lines.windows(2) {
        if w[1].2 {
            continue;
        }
        let line = &text[w[0].0..w[0].1];
        let next = &text[w[1].0..w[1].1];
        joined.push(line.chars().count());
        let lower_next = next.chars().next().is_some_and(char::is_lowercase);
        if !ends_sentence(line) || lower_next {
            open += 1;
        }
    }
    if joined.len() < 3 || open * 2 < joined.len() {
        return None;
    }
    // Wrapped lines run close to the wrap width; a block of short furniture lines ("Font
    // Size:", "Print") does not make a text wrapped.
    joined.sort_unstable();
    let width = joined[joined.len() * 9 / 10];
    (joined[joined.len() / 2] >= 25 && width <= 100).then_some(width)
}

/// Splits text into paragraphs and gives each its role.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let lines = lines(text);
    let wrapped = hard_wrapped(text, &lines);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    // In wrapped text a line under half the width ends its paragraph ("Related Topics",
    // then one tag per line), and a bullet starts one.
    let mut runs_on = false;
    for &(s, e, after_blank) in &lines {
        match spans.last_mut() {
            Some(last) if runs_on && !after_blank && !is_bullet(&text[s..e]) => last.1 = e,
            _ => spans.push((s, e)),
        }
        runs_on = wrapped.is_some_and(|w| text[s..e].chars().count() * 2 >= w);
    }
    let total = spans.len();
    let mut out = Vec::with_capacity(total);
    let mut title_seen = false;
    // The label over the paragraphs so far, when they are all its tags or links.
    let mut label: Option<Label> = None;
    for (i, &(start, end)) in spans.iter().enumerate() {
        let p = &text[start..end];
        let words = word_count(p);
        label = label.filter(|l| l.lists(p, words));
        let (role, rule) = if let Some(rule) = boilerplate_rule(p, words, i, total) {
            label = Label::of(p);
            (Role::Boilerplate, rule)
        } else if label.is_some() {
            (
                Role::Boilerplate,
                "boilerplate: a tag or link under a topics label",
            )
        } else if !title_seen && total > 1 && is_title(p, words) {
            (
                Role::Title,
                "title: first short line without final punctuation",
            )
        } else if is_heading(p, words) {
            (
                Role::Heading,
                "heading: short line without final punctuation",
            )
        } else {
            (Role::Body, "body")
        };
        // Only the first non-furniture paragraph can be the headline.
        title_seen |= role != Role::Boilerplate;
        out.push(Paragraph {
            start,
            end,
            role,
            rule,
        });
    }
    out
}

/// The number of white-space separated words, counted up to 26: the rules below tell
/// counts apart only up to 25, and body paragraphs are far longer.
fn word_count(s: &str) -> usize {
    let mut words = 0;
    let mut after_space = true;
    for c in s.chars() {
        let space = c.is_whitespace();
        if after_space && !space {
            words += 1;
            if words > 25 {
                break;
            }
        }
        after_space = space;
    }
    words
}

fn is_title(p: &str, words: usize) -> bool {
    // A headline may trail off ("Rivals of the £400 Apple...") but does not end a sentence.
    let ends_badly = p.ends_with(['!', ':', ';', ',']) || (p.ends_with('.') && !p.ends_with("..."));
    (2..=25).contains(&words) && p.len() <= 250 && !ends_badly && starts_like_a_line(p)
}

/// A short line as the marker lists write it: lower case, without a closing colon.
fn marker(p: &str) -> String {
    p.trim_end_matches([':', ' ']).to_lowercase()
}

/// Labels over a list of topic tags, one per line: "Related Topics", "Tags".
const TOPIC_LABELS: &[&str] = &["related topics", "tags", "topics"];
/// Labels over a list of links to other stories, one headline per line.
const STORY_LABELS: &[&str] = &[
    "more from",
    "more on this story",
    "more stories",
    "most popular",
    "most read",
    "read more",
    "recommended",
    "related",
    "related articles",
    "related content",
    "related stories",
    "see also",
    "trending",
    "you may also like",
    "you might also like",
];

/// A label over lines of furniture: topic tags or other stories' headlines.
#[derive(Clone, Copy)]
enum Label {
    Topics,
    Stories,
}

impl Label {
    /// The label that the furniture line `p` is, if any.
    fn of(p: &str) -> Option<Label> {
        let bare = marker(p);
        if TOPIC_LABELS.contains(&bare.as_str()) {
            Some(Label::Topics)
        } else if STORY_LABELS.contains(&bare.as_str()) {
            Some(Label::Stories)
        } else {
            None
        }
    }

    /// Whether the paragraph `p` of `words` words can be one of the label's items: a tag of
    /// a few words, or a headline, which may ask a question ("Who are the rebels who took
    /// Damascus?").
    fn lists(self, p: &str, words: usize) -> bool {
        match self {
            Label::Topics => words <= 6 && !ends_sentence(p),
            Label::Stories => words <= 14 && (!ends_sentence(p) || p.ends_with('?')),
        }
    }
}

/// A list item: "- Duty cuts on capital goods", "• Pay a fine".
fn is_bullet(line: &str) -> bool {
    ["- ", "* ", "• "].iter().any(|b| line.starts_with(b))
}

/// A short line without final punctuation that is not a list item.
fn is_heading(p: &str, words: usize) -> bool {
    !is_bullet(p)
        && (1..=12).contains(&words)
        && p.len() <= 100
        && !ends_sentence(p)
        && !p.ends_with([':', ';', ',', '”', '"'])
        && starts_like_a_line(p)
}

/// The first word starts in upper case or with a digit, after any opening quotes and
/// symbols ('Strong dollar' call..., $1m payoff...), or is a brand written with an inner
/// capital (iTunes, eBay).
fn starts_like_a_line(p: &str) -> bool {
    let word = p.trim_start_matches(|c: char| !c.is_alphanumeric());
    let first = word.split_whitespace().next().unwrap_or("");
    first
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || first.chars().skip(1).any(char::is_uppercase)
}

static AGENCY_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[a-z]{1,5}(?:/[a-z]{1,5})+\s*(?:\([^)]*\))?|\((?i:(?:additional )?reporting|writing|editing|compiled) by\b.*\)\.?)$")
        .expect("valid regex")
});
/// A reporting credit at a story's foot, outside brackets: "Additional reporting by Jake
/// Kwon in Seoul", "Associated Press writers Lindsay Whitehurst and Kevin Freking
/// contributed to this report."
static FOOT_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:additional )?(?:reporting|writing|editing|research) by\b|\bcontributed (?:reporting )?to this (?:report|story|article)\.?$")
        .expect("valid regex")
});
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?(?:photo|image|picture|credit|source|image copyright)s?\s*:|\b(?:getty images|handout|reuters|ap photo|afp|epa|shutterstock|pool photo)\b.*/|/.*\b(?:getty images|handout|reuters|ap|afp|epa|shutterstock|pool)$")
        .expect("valid regex")
});
/// A caption under a picture, whatever it says: "Image caption: Smoke rises from ...".
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?(?:image|media|photo|picture|video)?\s?caption\s*:").expect("valid regex")
});
static SOCIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:follow|like us|share|subscribe|sign up|send (?:us )?(?:your )?tips|click|tap|download|join us|read more|see also|watch|listen)\b")
        .expect("valid regex")
});
/// Where a sharing or follow prompt points: a platform, a newsletter, an address.
static SOCIAL_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)twitter|facebook|instagram|youtube|linkedin|whatsapp|tiktok|bluesky|reddit|telegram|\bthreads\b|newsletter|e-?mail|@|\bthis (?:article|story|page|post|video)\b|\bon social\b|\bon x$")
        .expect("valid regex")
});
/// A publication or update stamp: "Published 20 March 2025", "Last updated: 14:02 GMT".
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?:?\s+\S*\d")
        .expect("valid regex")
});
/// A link to another story after its label: "Related: Who is Ekrem Imamoglu?", "Read
/// more: Markets fall".
static STORY_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:related|read more|read also|also read|see also|more|watch|listen|recommended)\s*:\s*\S")
        .expect("valid regex")
});
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("valid regex"));
static LICENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)all rights reserved|©|\(c\) ?\d{4}|copyright (?:©|\(c\)|\d{4})|may not be (?:re)?(?:published|reproduced|redistributed|rewritten)|republish|terms of (?:use|service)|privacy policy")
        .expect("valid regex")
});
const ROLE_WORDS: &[&str] = &[
    "Correspondent",
    "Reporter",
    "Editor",
    "Writer",
    "Columnist",
    "Contributor",
    "Staff",
    "Producer",
    "Journalist",
];

/// The boilerplate rule that matches paragraph `p` of `words` words (the `i`th of `total`),
/// if any.
fn boilerplate_rule(p: &str, words: usize, i: usize, total: usize) -> Option<&'static str> {
    let lex = lexicon();
    let near_end = i + 3 >= total;
    let short_unpunctuated = words <= 12 && !ends_sentence(p);
    if !p.chars().any(char::is_alphanumeric) {
        return Some("boilerplate: no words");
    }
    if words <= 6 {
        let bare = marker(p);
        if lex.boilerplate.contains(&bare) {
            return Some("boilerplate: marker line (data/boilerplate.txt)");
        }
        if i < 3 && words <= 3 && lex.sections.contains(&bare) {
            return Some("boilerplate: section label (data/sections.txt)");
        }
    }
    if AGENCY_CREDIT.is_match(p) || (words <= 25 && FOOT_CREDIT.is_match(p)) {
        return Some("boilerplate: agency or reporting credit");
    }
    if words <= 25 && CAPTION.is_match(p) {
        return Some("boilerplate: picture caption");
    }
    if short_unpunctuated && CREDIT.is_match(p) {
        return Some("boilerplate: photo credit");
    }
    if words <= 10 && STAMP.is_match(p) {
        return Some("boilerplate: publication date");
    }
    if words <= 20 && STORY_LINK.is_match(p) {
        return Some("boilerplate: link to another story");
    }
    if words <= 8 && p.ends_with(" logo") {
        return Some("boilerplate: logo");
    }
    let last = p.split_whitespace().last().unwrap_or("");
    let by = p
        .strip_prefix("By ")
        .is_some_and(|r| r.starts_with(char::is_uppercase));
    // Near the top, a publication's "staff" signs a story: "Daily Wire staff".
    let staff = i < 4 && words <= 4 && last == "staff";
    // "Jean Mackenzie, Seoul correspondent": a name, a comma and a role in small letters.
    let signed = p.contains(", ") && ROLE_WORDS.iter().any(|r| r.eq_ignore_ascii_case(last));
    let role = ROLE_WORDS.contains(&last) || signed;
    if words <= 8 && !ends_sentence(p) && (by || staff || role) {
        return Some("boilerplate: byline");
    }
    if words <= 15 && SOCIAL.is_match(p) && SOCIAL_TARGET.is_match(p) {
        return Some("boilerplate: social or sharing prompt");
    }
    if (near_end || words <= 25) && p.contains('@') && EMAIL.is_match(p) {
        return Some("boilerplate: contact address");
    }
    if near_end && LICENCE.is_match(p) {
        return Some("boilerplate: licence or copyright notice");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles_of(text: &str) -> Vec<Role> {
        paragraphs(text).into_iter().map(|p| p.role).collect()
    }

    fn roles(text: &str) -> Vec<(String, Role)> {
        paragraphs(text)
            .into_iter()
            .map(|p| (text[p.start..p.end].to_owned(), p.role))
            .collect()
    }

    #[test]
    fn headline_heading_and_furniture() {
        let text = "World\n\nMarkets Rally As Rates Fall\n\nShare\n\nStocks rose on Monday.\n\nA new start\n\nThey fell later.\n";
        let r = roles(text);
        assert_eq!(r[0], ("World".into(), Role::Boilerplate));
        assert_eq!(r[1], ("Markets Rally As Rates Fall".into(), Role::Title));
        assert_eq!(r[2], ("Share".into(), Role::Boilerplate));
        assert_eq!(r[3].1, Role::Body);
        assert_eq!(r[4], ("A new start".into(), Role::Heading));
    }

    #[test]
    fn headlines_starting_with_quotes_symbols_or_brands() {
        for title in [
            "'Strong dollar' call halts slide",
            "$1m payoff for former Shell boss",
            "iTunes now selling Band Aid song",
            "Rivals of the £400 Apple...",
        ] {
            let text = format!("{title}\n\nThe body sentence is here.\n");
            assert_eq!(roles(&text)[0], (title.to_owned(), Role::Title), "{title}");
        }
    }

    #[test]
    fn body_text_about_licences_and_sharing_is_not_furniture() {
        let text = "Title line\n\nHe was released without charge.\n\nShare boost for feud-hit firm\n\nThe firm signed a licensing deal.\n";
        let r = roles(text);
        assert_eq!(r[1].1, Role::Body);
        assert_eq!(r[2].1, Role::Heading);
        assert_eq!(r[3].1, Role::Body);
    }

    #[test]
    fn credits_bylines_and_licences() {
        let text = "Title here now\n\nabc/de (AP, AFP)\n\nREUTERS/Some Agency/Handout\n\nJane Roe Chief Political Correspondent\n\nBody text is here.\n\nAll rights reserved. Do not republish.\n";
        let r = roles(text);
        assert_eq!(r[1].1, Role::Boilerplate);
        assert_eq!(r[2].1, Role::Boilerplate);
        assert_eq!(r[3].1, Role::Boilerplate);
        assert_eq!(r[4].1, Role::Body);
        assert_eq!(r[5].1, Role::Boilerplate);
    }

    #[test]
    fn date_stamps_and_links_to_other_stories() {
        let text = "Title here now\n\nPublished 20 March 2025\n\nSave\n\nBody text is here.\n\nRelated: Who is Ekrem Imamoglu?\n\nUpdated at 14:02 GMT\n\nPublished in 1990, the book sold well.\n";
        let r = roles(text);
        assert_eq!(r[1].1, Role::Boilerplate);
        assert_eq!(r[2].1, Role::Boilerplate);
        assert_eq!(r[3].1, Role::Body);
        assert_eq!(r[4].1, Role::Boilerplate);
        assert_eq!(r[5].1, Role::Boilerplate);
        assert_eq!(r[6].1, Role::Body);
    }

    #[test]
    fn hard_wrapped_lines_join_into_one_paragraph() {
        let text = "The minister said on Monday that the\nplan would go ahead despite the\nprotests in the capital and the\nwarnings from the opposition.\n\nNext paragraph.\n";
        let p = paragraphs(text);
        assert_eq!(p.len(), 2);
        assert!(text[p[0].start..p[0].end].ends_with("opposition."));
    }

    #[test]
    fn a_single_line_break_ends_a_paragraph_in_unwrapped_text() {
        let text =
            "First paragraph is long enough to be body text and it ends here.\nSecond one.\n";
        assert_eq!(paragraphs(text).len(), 2);
    }

    #[test]
    fn short_furniture_lines_do_not_make_a_text_wrapped() {
        let text = "Tanker ablaze in Red Sea\n\nDaily Wire staff\nFont Size:\nPrint\n\nShare on X\n\n\
                    Jean Mackenzie, Seoul correspondent\n\n\
                    Image caption: Smoke rises from the ship.\n\n(Photo: EUNAVFOR/Handout via Reuters)\n\n\
                    The ship burned.\n\nFollow us on Twitter\nCopyright 2024 Daily Wire.\n";
        let r = roles(text);
        let furniture = [
            "Daily Wire staff",
            "Font Size:",
            "Print",
            "Share on X",
            "Jean Mackenzie, Seoul correspondent",
            "Image caption: Smoke rises from the ship.",
            "(Photo: EUNAVFOR/Handout via Reuters)",
            "Follow us on Twitter",
            "Copyright 2024 Daily Wire.",
        ];
        let found: Vec<&str> = r
            .iter()
            .filter(|(_, role)| *role == Role::Boilerplate)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(found, furniture);
    }

    #[test]
    fn short_lines_and_bullets_end_wrapped_paragraphs_and_tags_are_furniture() {
        let text = "Mayor jailed pending trial\n\n\
            A court in the city has ordered the mayor to be jailed pending\n\
            trial on corruption charges, in a case that has sparked the\n\
            largest protests in the country in more than a decade and\n\
            drawn a rebuke from the European Union.\n\n\
            The budget also:\n\
            - Cut duty on capital goods\n\
            - Expanded the service tax net\n\n\
            Related Topics\n\
            Turkey\n\
            Recep Tayyip Erdogan\n";
        let r = roles(text);
        let r: Vec<(&str, Role)> = r.iter().map(|(t, role)| (t.as_str(), *role)).collect();
        assert_eq!(
            r[2..],
            [
                ("The budget also:", Role::Body),
                ("- Cut duty on capital goods", Role::Body),
                ("- Expanded the service tax net", Role::Body),
                ("Related Topics", Role::Boilerplate),
                ("Turkey", Role::Boilerplate),
                ("Recep Tayyip Erdogan", Role::Boilerplate),
            ]
        );
        assert!(r[1].0.ends_with("European Union."));
    }

    #[test]
    fn foot_credits_and_story_links_under_a_label_are_furniture() {
        let text = "Rebels take the capital\n\n\
            The rebels entered the city at dawn and met no resistance.\n\n\
            Additional reporting by Jake Kwon in Seoul\n\n\
            Associated Press writers Lindsay Whitehurst and Kevin Freking contributed to this report.\n\n\
            More on this story\n\n\
            Who are the rebels who took Damascus?\n\n\
            Syria's war explained in maps\n";
        let r = roles(text);
        let roles: Vec<Role> = r.iter().map(|(_, role)| *role).collect();
        assert_eq!(
            roles,
            [
                Role::Title,
                Role::Body,
                Role::Boilerplate,
                Role::Boilerplate,
                Role::Boilerplate,
                Role::Boilerplate,
                Role::Boilerplate,
            ]
        );
        // A sentence under a label ends the list; so does a long headline.
        let text =
            "Title here now\n\nRead more\n\nThe firm said on Monday that it would cut jobs.\n";
        assert_eq!(roles_of(text)[2], Role::Body);
    }

    #[test]
    fn crlf_and_cr_line_endings() {
        assert_eq!(paragraphs("One line.\r\nTwo line.\r\n").len(), 2);
        assert_eq!(paragraphs("One line.\rTwo line.\r").len(), 2);
    }
}
