//! The word lists and the entity matcher agree: every name a gazetteer list holds is found
//! whole when a plain sentence names it, but for the few the matcher cannot find yet.

use std::collections::HashSet;

/// The gazetteer lists, as shipped in `data/`.
const LISTS: &[&str] = &[
    "awards.txt",
    "cities.txt",
    "countries.txt",
    "demonyms.txt",
    "events.txt",
    "facilities.txt",
    "languages.txt",
    "laws.txt",
    "norp.txt",
    "organisations.txt",
    "products.txt",
    "regions.txt",
    "subnational.txt",
];

/// Listed names not found whole yet: digits, slashes, hyphens, commas or an opening small
/// word inside the name, and three state abbreviations that end a sentence's words.
const NOT_FOUND_YET: &[&str] = &[
    "20th Century Fox",
    "9/11",
    "Bureau of Alcohol, Tobacco, Firearms and Explosives",
    "Channel 4 News",
    "Côte d’Ivoire",
    "Foreign, Commonwealth and Development Office",
    "Man.",
    "Mass.",
    "OPEC+",
    "Ore.",
    "Organisation for Economic Co-operation and Development",
    "Pakistan-administered Kashmir",
    "RFE/RL",
    "Radio Free Europe/Radio Liberty",
    "United Nations Educational, Scientific and Cultural Organization",
    "Washington, D.C.",
    "World War I",
    "Yahoo!",
    "e&",
    "mainland China",
    "sub-Saharan Africa",
];

/// Every form of every listed name, but those that end in a word for their kind in small
/// letters ("Idlib province", "Labour party"): the word stays out of the name by design.
fn listed_forms() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/");
    let mut forms = Vec::new();
    for list in LISTS {
        let text = std::fs::read_to_string(format!("{dir}{list}")).unwrap();
        for line in text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            for form in line.split('|') {
                let last = form.rsplit(' ').next().unwrap_or(form);
                let kind_word = form.contains(' ')
                    && last.starts_with(char::is_lowercase)
                    && !last.chars().any(char::is_uppercase);
                if !kind_word {
                    forms.push(form.to_owned());
                }
            }
        }
    }
    forms
}

#[test]
fn every_listed_name_is_found_whole_in_a_plain_sentence() {
    let forms = listed_forms();
    assert!(forms.len() > 6000, "the lists hold {} forms", forms.len());
    let mut text = String::from("Listed names\n\n");
    let mut spans = Vec::new();
    for form in &forms {
        text.push_str("Reports about ");
        spans.push((text.len(), text.len() + form.len()));
        text.push_str(form);
        text.push_str(" were published yesterday.\n\n");
    }
    let a = corpus_scan::analyse("lists.txt", text.as_bytes()).unwrap();
    let found: HashSet<(usize, usize)> = a.mentions.iter().map(|m| (m.start, m.end)).collect();
    // A form that ends in a full stop is found with or without it: "Ark." or "Ark". One
    // listed after a lower-case "the" is found without it: "the Moon" as "Moon".
    let whole = |&(s, e): &(usize, usize)| {
        found.contains(&(s, e))
            || (text[s..e].ends_with('.') && found.contains(&(s, e - 1)))
            || (text[s..e].starts_with("the ") && found.contains(&(s + 4, e)))
    };
    let mut missed: Vec<&str> = forms
        .iter()
        .zip(&spans)
        .filter(|(_, span)| !whole(span))
        .map(|(form, _)| form.as_str())
        .collect();
    missed.sort_unstable();
    missed.dedup();
    let mut expected = NOT_FOUND_YET.to_vec();
    expected.sort_unstable();
    assert_eq!(missed, expected);
}
