//! The evidence that types a run of capitalised words: the gazetteers, head words, titles,
//! the country that qualifies an organisation, and the words around the run ("said X",
//! "X province", "X air base", "X, the head of ...").

use super::words::*;
use super::{EntityType, Mention};
use crate::lexicon::{Known, lexicon, with_plural};
use crate::text::{Token, TokenKind};

use EntityType as T;

pub(super) const FAC_CUES: &[&str] = &[
    "air base",
    "airbase",
    "airport",
    "airfield",
    "base",
    "border crossing",
    "crossing",
    "bridge",
    "dam",
    "enrichment site",
    "enrichment sites",
    "facilities",
    "facility",
    "launch site",
    "nuclear site",
    "nuclear sites",
    "prison",
    "refinery",
    "stadium",
    "camp",
    "refugee camp",
    "port",
    "power plant",
    "nuclear plant",
    "plant",
    "power station",
    "shipyard",
    "test site",
];
/// Words for a building just after its name: "the Notre-Dame cathedral", "Broadmoor
/// hospital", "the Louvre museum". Not after an acronym, which names the body that runs or
/// is near it: "an NHS hospital", "BNP mosque leaflet".
const BUILDING_CUES: &[&str] = &[
    "castle",
    "cathedral",
    "church",
    "hospital",
    "monastery",
    "mosque",
    "museum",
    "palace",
    "synagogue",
    "temple",
];
/// Words for a kind of product just after its name: "Tysabri drug", "DS handheld",
/// "Slammer worm", "Tiger operating system", "Shahed drones", "Patriot batteries".
const PRODUCT_CUES: &[&str] = &[
    "air defence",
    "air defense",
    "armoured vehicle",
    "armoured vehicles",
    "batteries",
    "battery",
    "booster",
    "boosters",
    "browser",
    "capsule",
    "chatbot",
    "chip",
    "chips",
    "console",
    "consoles",
    "crude",
    "drone",
    "drones",
    "drug",
    "fighter jet",
    "fighter jets",
    "fighting vehicle",
    "fighting vehicles",
    "handheld",
    "handset",
    "helicopter",
    "helicopters",
    "jet",
    "jets",
    "launcher",
    "launchers",
    "missile",
    "missiles",
    "model",
    "operating system",
    "processor",
    "processors",
    "rifle",
    "rifles",
    "rocket",
    "rockets",
    "rover",
    "satellite",
    "satellites",
    "smartphone",
    "smartphones",
    "spacecraft",
    "submarine",
    "submarines",
    "system",
    "systems",
    "tank",
    "tanks",
    "telescope",
    "virus",
    "warship",
    "warships",
    "worm",
];
/// Words for the kind of a weapon between its name and a product word: "Palestine-2
/// hypersonic missile", "Apache attack helicopters".
const WEAPON_KINDS: &[&str] = &[
    "anti-aircraft",
    "anti-ship",
    "anti-tank",
    "attack",
    "ballistic",
    "combat",
    "cruise",
    "guided",
    "hypersonic",
    "intercontinental",
    "intermediate-range",
    "kamikaze",
    "long-range",
    "medium-range",
    "nuclear-capable",
    "precision-guided",
    "shoulder-fired",
    "short-range",
    "stealth",
    "supersonic",
    "surface-to-air",
    "surface-to-surface",
    "unmanned",
];
/// Words for a ship just before its name: "the aircraft carrier Shandong", "the frigate
/// Admiral Gorshkov". Two words are one cue ("aircraft carrier").
pub(super) const VESSEL_CUES: &[&str] = &[
    "aircraft carrier",
    "cruiser",
    "destroyer",
    "frigate",
    "icebreaker",
    "submarine",
    "tanker",
    "trawler",
    "warship",
];
/// Prefixes of a ship's name: USS Harry S. Truman, HMS Richmond, BRP Cabra.
pub(super) const SHIP_PREFIXES: &[&str] = &[
    "BRP", "HMAS", "HMCS", "HMNZS", "HMS", "INS", "MV", "RFA", "USNS", "USS",
];
/// Words for a leader's government just after the leader's name: "the Obama
/// administration", "the Assad regime".
const LEADER_CUES: &[&str] = &["administration", "presidency", "regime"];
/// Words for a broadcast just after its title: "the BBC's Newsnight programme".
pub(super) const WORK_AFTER_CUES: &[&str] = &["programme", "sitcom"];
/// Words for a natural feature just after its name: "the Kola peninsula", "the Dnipro
/// river", "the Sinai desert".
const LOC_CUES: &[&str] = &[
    "basin",
    "coast",
    "desert",
    "delta",
    "island",
    "islands",
    "mountains",
    "peninsula",
    "plateau",
    "region",
    "regions",
    "river",
    "strait",
    "valley",
];
/// Words for an event just after its name: "the Computex trade fair", "the Glastonbury
/// festival", "the Eastern Sentry mission", "the Zapad drills". Not after an acronym,
/// which names the body that runs it: the WTA tournament.
const EVENT_CUES: &[&str] = &[
    "conference",
    "drills",
    "event",
    "exercise",
    "exercises",
    "exhibition",
    "expo",
    "fair",
    "festival",
    "mission",
    "offensive",
    "tournament",
    "trade fair",
];
pub(super) const GPE_CUES: &[&str] = &[
    "province",
    "provinces",
    "city",
    "cities",
    "town",
    "towns",
    "village",
    "villages",
    "district",
    "districts",
    "governorate",
    "governorates",
    "municipality",
    "oblast",
    "prefectural",
    "prefecture",
    "prefectures",
    "county",
    "counties",
    "area",
    "capital",
    "constituency",
    "constituencies",
];
pub(super) const ORG_CUES: &[&str] = &[
    "group",
    "groups",
    "militia",
    "militias",
    "movement",
    "party",
    "faction",
    "company",
    "firm",
    "agency",
    "newspaper",
    "network",
    "terrorist",
    "rebels",
    "fighters",
    "bank",
    "channel",
    "organization",
    "organisation",
    "coalition",
    "think tank",
    "consultancy",
    "broadcaster",
];
/// Words for a firm just before its name: "net provider Pipex", "the firm, Paion,".
pub(super) const ORG_BEFORE_CUES: &[&str] = &[
    "firm",
    "company",
    "group",
    "bank",
    "carrier",
    "airline",
    "carmaker",
    "automaker",
    "chipmaker",
    "drugmaker",
    "planemaker",
    "steelmaker",
    "brewer",
    "conglomerate",
    "retailer",
    "store",
    "supermarket",
    "provider",
    "operator",
    "website",
    "site",
    "giant",
    "maker",
    "manufacturer",
    "insurer",
    "lender",
    "broker",
    "chain",
    "publisher",
    "network",
    "agency",
    "consultancy",
    "band",
    "rockers",
    "outfit",
];
/// Words before a language's name that speak of it as a language: "speaks English".
const LANGUAGE_BEFORE_CUES: &[&str] = &[
    "fluent",
    "learn",
    "learned",
    "learning",
    "learnt",
    "speak",
    "speaking",
    "speaks",
    "spoke",
    "spoken",
    "teach",
    "teaches",
    "teaching",
    "taught",
    "translated",
];
/// Words after a language's name that speak of it as a language: "Spanish speakers".
const LANGUAGE_AFTER_CUES: &[&str] = &[
    "dialect",
    "language",
    "languages",
    "lessons",
    "speaker",
    "speakers",
    "speaking",
    "subtitles",
    "translation",
    "version",
];

/// True when the language name at `a` stands for the language, not a people: "in English.",
/// "speaks French", "Spanish speakers"; not "English football" or "the French".
pub(super) fn is_language(g: &Seg, a: usize) -> bool {
    if !lexicon().languages.contains(g.s(a)) {
        return false;
    }
    let prev = if a > 0 { g.lower(a - 1) } else { "" };
    let next = g.lower(a + 1);
    let ends = g.toks.get(a + 1).is_none_or(|t| t.kind == TokenKind::Punct) && next != "-";
    LANGUAGE_AFTER_CUES.contains(&next)
        || (LANGUAGE_BEFORE_CUES.contains(&prev)
            && (ends || !is_upper_start(g.get(a + 1).unwrap_or(""))))
        || (matches!(prev, "in" | "into") && ends)
}

/// Words before the name of a storm: Storm Darragh, Hurricane Katrina.
const STORM_HEADS: &[&str] = &["Cyclone", "Hurricane", "Storm", "Typhoon"];
/// Words that end an award's name, typed as a work the way OntoNotes types awards: the
/// Turner Prize, the Jesse Owens Award. Their plurals name ceremonies (event_heads.txt).
const AWARD_HEADS: &[&str] = &["Award", "Medal", "Prize"];
/// Words for a kind of work just before its title: "the film Vera Drake".
pub(super) const WORK_BEFORE_CUES: &[&str] = &[
    "album",
    "biopic",
    "book",
    "cartoon",
    "comedy",
    "documentary",
    "drama",
    "film",
    "movie",
    "musical",
    "novel",
    "opera",
    "programme",
    "series",
    "show",
    "single",
    "sitcom",
    "song",
    "thriller",
];
/// Small words inside the title of a work: "Return of the Mack", "Living with Michael
/// Jackson", "Kramer vs Kramer". Not "and", which as often joins two titles as it sits
/// inside one, nor "from", which more often says where the work is from.
pub(super) const TITLE_JOINERS: &[&str] = &[
    "a", "an", "at", "for", "in", "of", "on", "the", "to", "v", "versus", "vs", "with",
];
/// Prepositions that put a name in a phrase of its own: "the MP for Birkenhead asked",
/// "the owner of Yuganskneftegas, said founder ..." are not what Birkenhead or
/// Yuganskneftegas said.
pub(super) const PREPOSITIONS: &[&str] = &[
    "of", "in", "at", "for", "from", "with", "by", "on", "into", "near", "outside",
];
/// Words for what is held in or offered for a firm: "shares in X", "a bid from X".
const STAKE_WORDS: &[&str] = &[
    "bid",
    "bids",
    "holding",
    "holdings",
    "interest",
    "interests",
    "investment",
    "investments",
    "offer",
    "offers",
    "share",
    "shares",
    "stake",
    "stakes",
    "takeover",
];
pub(super) const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "from", "to", "near", "across", "outside", "into", "toward", "towards", "via",
];
pub(super) const DISTANCE_UNITS: &[&str] = &[
    "kilometers",
    "kilometres",
    "km",
    "miles",
    "mi",
    "metres",
    "meters",
];

/// The document's tokens in lower case, computed once: each segment's tokens are joined the
/// way [`Seg::key`] joins them, so a key is a slice of the text, not a new string.
pub(super) struct Lowered {
    text: String,
    /// Each token's span in `text`.
    spans: Vec<(usize, usize)>,
}

impl Lowered {
    pub(super) fn new(text: &str, tokens: &[Token]) -> Lowered {
        let mut out = String::with_capacity(text.len());
        let mut spans = Vec::with_capacity(tokens.len());
        let mut prev: Option<&Token> = None;
        for t in tokens {
            if prev.is_some_and(|p| p.segment != t.segment || t.start > p.end) {
                out.push(' ');
            }
            let w = &text[t.start..t.end];
            let start = out.len();
            if w.is_ascii() {
                out.push_str(w);
                out[start..].make_ascii_lowercase();
            } else {
                out.push_str(&w.to_lowercase());
            }
            spans.push((start, out.len()));
            prev = Some(t);
        }
        Lowered { text: out, spans }
    }
}

/// A word-level view of one segment's tokens.
pub(super) struct Seg<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Token],
    pub(super) index: u32,
    /// Index of the first word token (sentence-initial position).
    pub(super) first_word: usize,
    /// Index of the segment's first token among the document's tokens.
    pub(super) offset: usize,
    /// The document's tokens in lower case.
    pub(super) lowered: &'a Lowered,
}

impl<'a> Seg<'a> {
    /// True when token `i` opens a sentence or a quotation inside one, where a capital says
    /// nothing about names: `He said: "Compassionate rhetoric...`.
    pub(super) fn opens(&self, i: usize) -> bool {
        if i == self.first_word {
            return true;
        }
        if i == 0
            || !matches!(self.s(i - 1), "\"" | "“")
            || self.toks[i - 1].end != self.toks[i].start
        {
            return false;
        }
        // The quote opens when a space, a colon or a comma comes before it.
        let q = self.toks[i - 1].start;
        i == 1
            || self.text[..q].ends_with(char::is_whitespace)
            || matches!(self.s(i - 2), ":" | ",")
    }

    pub(super) fn s(&self, i: usize) -> &'a str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    /// Whether token `i` is written right onto the token before it, with no space: the
    /// "$" of US$32m, the "/" of km/h. False at the segment's start or past its end.
    pub(super) fn attached(&self, i: usize) -> bool {
        i > 0
            && self
                .toks
                .get(i)
                .is_some_and(|t| t.start == self.toks[i - 1].end)
    }

    pub(super) fn get(&self, i: usize) -> Option<&'a str> {
        (i < self.toks.len()).then(|| self.s(i))
    }

    pub(super) fn span(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.toks[a].start..self.toks[b - 1].end]
    }

    /// Lower-cased text of tokens `a..b`, joined by single spaces where the text has space.
    pub(super) fn key(&self, a: usize, b: usize) -> &'a str {
        let spans = &self.lowered.spans;
        &self.lowered.text[spans[self.offset + a].0..spans[self.offset + b - 1].1]
    }

    /// Token `i` in lower case; empty past the end of the segment.
    pub(super) fn lower(&self, i: usize) -> &'a str {
        if i < self.toks.len() {
            self.key(i, i + 1)
        } else {
            ""
        }
    }
}

/// The list entry for tokens `a..b`, in either number for groups (Lib Dem, Lib Dems), and
/// for acronyms only in capitals.
pub(super) fn gazetteer(g: &Seg, a: usize, b: usize) -> Option<Known> {
    // A lower-case particle alone is not a place: "Philip van Doren Stern" is not in Van.
    if a >= b || (b - a == 1 && PARTICLES.contains(&g.s(a))) {
        return None;
    }
    let lex = lexicon();
    let mut key = g.key(a, b);
    let mut span = g.span(a, b);
    if let Some(cut) = hyphen_suffix(g.s(b - 1)) {
        let full = g.s(b - 1).len();
        key = &key[..key.len() - (full - cut)];
        span = &span[..span.len() - (full - cut)];
    }
    let found = lex.gazetteer.get(key).copied().or_else(|| {
        // Lib Dem / Lib Dems: a group's name in the singular or plural.
        let (other, plural) = match key.strip_suffix('s') {
            Some(singular) => (lex.gazetteer.get(singular), true),
            None if key.contains(' ') => {
                (with_plural(key, |plural| lex.gazetteer.get(plural)), false)
            }
            None => (None, false),
        };
        // A single word in the plural is a people (Europeans), not a firm: "Economists
        // say" is not The Economist. Events and products come in the plural too (Grand
        // Slams, iPods), but an award is not its ceremony: Brit Award, Brit Awards.
        other.copied().filter(|k| {
            k.ty == T::Norp
                || (k.ty == T::Org && key.contains(' '))
                || (plural && matches!(k.ty, T::Event | T::Product))
        })
    });
    // A name listed with its article matches after a lower-case "the": the Times, the
    // Hague. A place listed so wins there over a firm of the same name: the Amazon is the
    // river's basin, Amazon the firm.
    let the = a > 0 && g.s(a - 1) == "the";
    let after_the = || the.then(|| lex.after_the.get(key).copied()).flatten();
    let found = match found {
        Some(k) if the && k.ty == T::Org => Some(
            after_the()
                .filter(|p| matches!(p.ty, T::Loc | T::Gpe))
                .unwrap_or(k),
        ),
        None => after_the(),
        found => found,
    };
    // A listed acronym matches only in capitals or as written (and in the plural: PSPs):
    // "US" and "LeT", not "Us" or "Let"; one of four letters or more that is said as a
    // word also in the style British papers write it, a capital and small letters: Uefa,
    // Fifa, Nasa, Cop29.
    found.filter(|k| {
        !k.acronym
            || span == k.form
            || span.strip_suffix('s') == Some(k.form)
            || !span.chars().any(char::is_lowercase)
            || (span.len() >= 4
                && is_word_cased(span.trim_end_matches(|c: char| c.is_ascii_digit()))
                && !lex.is_common(span))
    })
}

/// Whether token `i`, a capitalised weekday or month or a possessive `'s`, is inside a
/// listed name of several words (Sunday Times, Mail on Sunday, McDonald's, People's
/// Daily), where it is part of the name.
pub(super) fn inside_listed_name(g: &Seg, i: usize) -> bool {
    let w = g.s(i);
    let breaks = &lexicon().listed_breaks;
    let possessive = (is_possessive(w) || matches!(w, "'" | "’"))
        && i > 0
        && is_upper_start(g.s(i - 1))
        && breaks.contains(g.lower(i - 1));
    let candidate = possessive || (is_upper_start(w) && breaks.contains(g.lower(i)));
    // Up to six tokens: Democratic People 's Republic of Korea.
    candidate
        && (i.saturating_sub(5)..=i).any(|s| {
            (i + 1..=(s + 6).min(g.toks.len())).any(|e| e - s >= 2 && gazetteer(g, s, e).is_some())
        })
}

/// The longest known name strictly inside the run.
pub(super) fn inner_gazetteer(g: &Seg, a: usize, b: usize) -> Option<(usize, usize, Known)> {
    let mut best: Option<(usize, usize, Known)> = None;
    for x in a..b {
        for y in (x + 1..=b.min(x + 6)).rev() {
            // A particle that opens a surname is no place: Theo Van Gogh is not in Van.
            let particle = y - x == 1 && x + 1 < b && PARTICLES.contains(&g.lower(x));
            if y - x == b - a || particle {
                continue;
            }
            if let Some(k) = gazetteer(g, x, y) {
                if best.as_ref().is_none_or(|(bx, by, _)| y - x > by - bx) {
                    best = Some((x, y, k));
                }
                break;
            }
        }
    }
    best
}

/// A head word of an organisation, facility, location or place name.
pub(super) fn is_head(w: &str) -> bool {
    let lex = lexicon();
    lex.org_heads.contains(w)
        || lex.fac_heads.contains(w)
        || lex.loc_heads.contains(w)
        || lex.gpe_heads.contains(w)
}

/// The type a head word gives the run: last word (Ministry, Sea, Airport, Province), or
/// the word before "of" or the first word of a run with "of" (Ministry of Defence, Gulf of
/// Aden, Tourism Authority of Thailand).
pub(super) fn head_type(g: &Seg, a: usize, b: usize) -> Option<(T, &'static str)> {
    let lex = lexicon();
    let typed = |w: &str| {
        if lex.org_heads.contains(w) {
            Some((T::Org, "head word (data/org_heads.txt)"))
        } else if lex.fac_heads.contains(w) {
            Some((T::Fac, "head word (data/fac_heads.txt)"))
        } else if lex.loc_heads.contains(w) {
            Some((T::Loc, "head word (data/loc_heads.txt)"))
        } else if lex.gpe_heads.contains(w) {
            Some((T::Gpe, "head word (data/gpe_heads.txt)"))
        } else if lex.law_heads.contains(w) && b - a >= 2 {
            Some((T::Law, "head word (data/law_heads.txt)"))
        } else if lex.event_heads.contains(w) {
            Some((T::Event, "head word (data/event_heads.txt)"))
        } else if AWARD_HEADS.contains(&w) {
            Some((T::WorkOfArt, "head word: an award (Turner Prize)"))
        } else {
            None
        }
    };
    if b - a >= 2 {
        if is_given_and_surname_head(g, a, b) {
            return None;
        }
        // Names joined by "&" are a firm's or a body's, whatever their last word: USA
        // Track & Field.
        let joined = || (a..b).any(|i| g.s(i) == "&");
        if let Some(t) = typed(hyphen_cut(g.s(b - 1))).filter(|t| t.0 != T::Fac || !joined()) {
            // A body's acronym before "Tour" names its circuit, a body: the ATP Tour, the PGA
            // Tour; other tours are events: the Eras Tour.
            let opening = if g.s(a) == "The" { a + 1 } else { a };
            if g.s(b - 1) == "Tour" && is_acronym(g.s(opening)) {
                return Some((T::Org, "head word: a body's tour (ATP Tour)"));
            }
            return Some(t);
        }
        // A name and "UK" is a charity or a firm's British arm: Age UK, Parkinson's UK,
        // Microsoft UK; not a place and its country (London UK).
        // At a sentence's opening a common word is no name: "Two UK gamers", "Overall UK
        // exports"; nor is a stop word or a possessive: "Sizzla's UK tour".
        let unnamed = |x: usize| {
            lex.stopwords.contains(g.lower(x)) || (x == a && g.opens(a) && lex.is_common(g.s(a)))
        };
        if g.s(b - 1) == "UK"
            && !(a..b - 1).any(unnamed)
            && !is_possessive(g.s(b - 2))
            && gazetteer(g, a, b - 1).is_none_or(|k| k.ty == T::Org)
        {
            return Some((T::Org, "a name and UK, a charity or British arm (Age UK)"));
        }
        if b - a == 2 && LEADING_LOC_HEADS.contains(&g.s(a)) {
            return Some((T::Loc, "head word before the name (River Senne)"));
        }
        if LEADING_ORG_HEADS.contains(&g.s(a)) {
            return Some((T::Org, "head word before the name (Banco Sabadell)"));
        }
        if LEADING_FAC_HEADS.contains(&g.s(a)) {
            return Some((
                T::Fac,
                "head word before the name (Hotel Excelsior, HMP Bristol)",
            ));
        }
        // A military or police operation is an event: Operation Aspides, Operation Desert
        // Storm; not a body that a firm word names (relief agency Operation USA). So is a
        // named storm: Storm Darragh, Hurricane Katrina, Typhoon Haiyan; not a weapon so
        // named: Storm Shadow cruise missiles.
        let firm_word = a > 0 && ORG_BEFORE_CUES.contains(&g.lower(a - 1));
        if g.s(a) == "Operation" && !firm_word {
            return Some((T::Event, "head word before the name (Operation Aspides)"));
        }
        if STORM_HEADS.contains(&g.s(a)) && after_cues(g, b).is_none() {
            return Some((T::Event, "head word before the name (Storm Darragh)"));
        }
        // So is a named wildfire: the Palisades Fire, the Camp Fire; not a song's title
        // that a pronoun or "of" makes longer: Light My Fire, Ring of Fire.
        let first = if g.s(a) == "The" { a + 1 } else { a };
        let the = first > a || (a > 0 && g.lower(a - 1) == "the");
        if b - first == 2 && the && matches!(g.s(b - 1), "Fire" | "Wildfire") {
            return Some((T::Event, "head word: a named wildfire (the Palisades Fire)"));
        }
        // The head is the first word or the body's head before "of": Bank of England,
        // Motion Picture Association of America. A firm's suffix there ends its name: LG
        // Electronics | of South Korea. Only bodies and laws take "for" and "on" (Institute
        // for Supply Management, Convention on Human Rights); buildings and events take
        // "of" (Hall of Fame), and natural features none (Conleth Hill | for The Producers).
        if let Some(of) = (a + 1..b).find(|&i| OF_WORDS.contains(&g.s(i))) {
            let before = g.s(of - 1);
            let body = typed(before).filter(|(ty, _)| {
                matches!(ty, T::Org | T::Law)
                    || (g.s(of) == "of" && matches!(ty, T::Fac | T::Event))
            });
            if of - 1 > a && !FIRM_SUFFIXES.contains(&before) && body.is_some() {
                return body;
            }
            return typed(g.s(a));
        }
    }
    None
}

/// A given name (after any titles) or a title before a head word that is also a surname is
/// a person, not a place or building: Richard Hill, Wayne Bridge, Charlotte Church, Housing
/// Minister Keith Hill, Mr Lane.
pub(super) fn is_given_and_surname_head(g: &Seg, a: usize, b: usize) -> bool {
    let lex = lexicon();
    let given = b - 2;
    SURNAME_HEADS.contains(&g.s(b - 1))
        && ((lex.given_names.contains(g.s(given))
            && (given == a || title_at(g, given - 1, given).is_some()))
            || (given == a && title_at(g, a, b - 1).is_some()))
}

/// The country that qualifies an organisation name: "Russian" in Russian Defense Ministry,
/// "Russian Federation" in Ministry of Defence of the Russian Federation, or a possessive
/// country just before it (Russia's Ministry of Defense).
pub(super) fn qualifier(g: &Seg, a: usize, b: usize) -> Option<String> {
    let lex = lexicon();
    for i in a..b {
        if let Some(Some(country)) = lex.demonyms.get(g.s(i)) {
            return Some((*country).to_owned());
        }
        for j in (i + 1..=b).rev() {
            if let Some(k) = lex
                .gazetteer
                .get(g.key(i, j))
                .filter(|k| k.ty == T::Gpe && k.list == "countries.txt")
            {
                return Some(k.canonical.to_owned());
            }
        }
    }
    if a >= 2 && matches!(g.s(a - 1), "’s" | "'s") {
        let mut s = a - 1;
        while s > 0 && is_upper_start(g.s(s - 1)) {
            s -= 1;
            if let Some(k) = lex
                .gazetteer
                .get(g.key(s, a - 1))
                .filter(|k| k.ty == T::Gpe)
            {
                return Some(k.canonical.to_owned());
            }
        }
    }
    None
}

/// The end of the longest title phrase starting at `a` (President, Defense Minister, Mr.).
/// A short form in capitals is an acronym, not a title: the CPL, DR Congo.
pub(super) fn title_at(g: &Seg, a: usize, b: usize) -> Option<usize> {
    let lex = lexicon();
    let mut found = None;
    let first = g.lower(a).trim_end_matches('.');
    // The words from `a` on, joined by spaces: built only once there are two of them.
    let mut key = String::new();
    for i in a..b.min(a + 4) {
        if is_acronym(g.s(i)) && lex.abbreviations.contains(g.lower(i).trim_end_matches('.')) {
            break;
        }
        let words = if i == a {
            first
        } else {
            if i == a + 1 {
                key.push_str(first);
            }
            key.push(' ');
            key.push_str(g.lower(i).trim_end_matches('.'));
            &key
        };
        if is_title(words) {
            found = Some(i + 1);
        }
    }
    found
}

/// A title or role, singular or plural (minister, MPs), lower case; an opposition party's
/// "shadow" one, a former, shared or senior one too (shadow chancellor, ex-PM, co-chairman,
/// Senior General).
pub(super) fn is_title(key: &str) -> bool {
    let lex = lexicon();
    let key = key.trim_end_matches('.');
    let key = key.strip_prefix("shadow ").unwrap_or(key);
    let key = key.strip_prefix("ex-").unwrap_or(key);
    let key = key.strip_prefix("co-").unwrap_or(key);
    let key = key.strip_prefix("senior ").unwrap_or(key);
    lex.titles.contains(key)
        || key
            .strip_suffix('s')
            .is_some_and(|k| lex.titles.contains(k))
}

/// A role phrase after a name: "Komoedov, the head of ...", "Alex Vatanka, a senior fellow".
pub(super) fn role_after(g: &Seg, b: usize) -> Option<String> {
    let lex = lexicon();
    if g.get(b) != Some(",") || !matches!(g.get(b + 1), Some("a" | "an" | "the")) {
        return None;
    }
    let mut e = b + 2;
    let mut has_title = false;
    // The title heads the phrase, before any preposition: "a spokesman for", "the head
    // of"; not "a joint venture with the private equity firm".
    let mut head = true;
    while e < g.toks.len() && e < b + 14 && !matches!(g.s(e), "," | "." | ";" | "”" | "\"" | ")")
    {
        head &= !PREPOSITIONS.contains(&g.lower(e));
        has_title |= head && lex.titles.contains(g.lower(e));
        e += 1;
    }
    has_title.then(|| g.span(b + 2, e).to_owned())
}

/// The type of the kind word that ends, before any preposition, the phrase after a name's
/// comma: a firm ("Maersk, the Danish shipping giant,", "Delta Tankers, the ship's
/// operator"), a town ("el-Fasher, the last city in the region"), a natural feature or a
/// facility. Not a person's job: "Jo Lee, a broker at", "the firm's chief executive".
fn appositive_kind(g: &Seg, b: usize) -> Option<(T, &'static str)> {
    if g.get(b) != Some(",") || !matches!(g.get(b + 1), Some("a" | "an" | "the")) {
        return None;
    }
    let lex = lexicon();
    let mut e = b + 2;
    while e < g.toks.len()
        && e < b + 8
        && !matches!(g.s(e), "," | "." | ";" | ")" | "”" | "\"")
        && !PREPOSITIONS.contains(&g.lower(e))
        && !matches!(g.lower(e), "including" | "that" | "which" | "who" | "where")
    {
        // "the man behind the website", "the firm's boss": a person's phrase.
        if lex.titles.contains(g.lower(e)) || PEOPLE_NOUNS.contains(&g.lower(e)) {
            return None;
        }
        e += 1;
    }
    let head = g.lower(e - 1);
    let rule = "context: a kind word ends the phrase after the name (X, the shipping giant)";
    if e == b + 2 {
        None
    } else if FIRM_NOUNS.contains(&head) {
        Some((T::Org, rule))
    } else if GPE_CUES.contains(&head) {
        Some((T::Gpe, rule))
    } else if LOC_CUES.contains(&head) {
        Some((T::Loc, rule))
    } else if FAC_CUES.contains(&head) {
        Some((T::Fac, rule))
    } else {
        None
    }
}

/// Words for people that make a phrase after a name a person's: "the man behind".
const PEOPLE_NOUNS: &[&str] = &["boss", "man", "men", "person", "woman", "women"];

/// Words that end a phrase describing a firm, never a person: "the shipping giant".
const FIRM_NOUNS: &[&str] = &[
    "airline",
    "automaker",
    "bank",
    "brewer",
    "carmaker",
    "carrier",
    "chain",
    "chipmaker",
    "company",
    "conglomerate",
    "consultancy",
    "drugmaker",
    "firm",
    "giant",
    "insurer",
    "lender",
    "manufacturer",
    "operator",
    "planemaker",
    "retailer",
    "steelmaker",
    "supermarket",
    "website",
];

/// The country a known organisation's own name gives: Russian Defence Ministry -> Russia.
pub(super) fn name_country(name: &str) -> Option<String> {
    let lex = lexicon();
    name.split_whitespace()
        .find_map(|w| match lex.demonyms.get(w) {
            Some(Some(c)) => Some((*c).to_owned()),
            _ => lex
                .gazetteer
                .get(&w.to_lowercase())
                .filter(|k| k.list == "countries.txt")
                .map(|k| k.canonical.to_owned()),
        })
}

/// Words after a name that say what it is: "X air base", "X province", "X group", "X
/// peninsula", "X festival", "X administration", and a distance ("X, some 50 kilometers
/// north of ...").
pub(super) fn after_cues(g: &Seg, b: usize) -> Option<(T, &'static str)> {
    let acronym = is_acronym(g.s(b - 1)) && !is_roman_grade(g.s(b - 1));
    // The cue may follow the name's acronym in brackets: "the Space Launch System (SLS)
    // rocket".
    // A capitalised word after the brackets opens another name: "Workers (IAM) District".
    let bracketed = g.get(b) == Some("(")
        && g.get(b + 2) == Some(")")
        && is_acronym(g.s(b + 1))
        && g.get(b + 3)
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
    let b = if bracketed { b + 3 } else { b };
    let next = g.lower(b);
    // The two following words as a cue of two ("air base"), without building the pair.
    let pair = |cues: &[&str]| {
        let after = g.lower(b + 1);
        cues.iter().any(|c| {
            c.len() == next.len() + 1 + after.len()
                && c.starts_with(next)
                && c.as_bytes().get(next.len()) == Some(&b' ')
                && c.ends_with(after)
        })
    };
    if pair(FAC_CUES) || FAC_CUES.contains(&next) || (BUILDING_CUES.contains(&next) && !acronym) {
        return Some((T::Fac, CUE_RULES[0]));
    }
    if GPE_CUES.contains(&next) {
        return Some((T::Gpe, CUE_RULES[1]));
    }
    let weapon = WEAPON_KINDS.contains(&next) && PRODUCT_CUES.contains(&g.lower(b + 1));
    if PRODUCT_CUES.contains(&next) || pair(PRODUCT_CUES) || weapon {
        return Some((T::Product, CUE_RULES[2]));
    }
    if WORK_AFTER_CUES.contains(&next) {
        return Some((T::WorkOfArt, CUE_RULES[3]));
    }
    // A film's credits after its title: "Poor Things, directed by", "Maria, starring";
    // not an actor's part: "Spike Lee, starring in seven films".
    let (credit, then) = (g.lower(b + 1), g.lower(b + 2));
    let starring = credit == "starring" && !matches!(then, "in" | "as" | "alongside" | "opposite");
    if next == "," && (starring || (credit == "directed" && then == "by")) {
        return Some((T::WorkOfArt, CREDITS_RULE));
    }
    if LEADER_CUES.contains(&next) {
        return Some((T::Person, CUE_RULES[9]));
    }
    if LOC_CUES.contains(&next) {
        return Some((T::Loc, CUE_RULES[8]));
    }
    if (EVENT_CUES.contains(&next) || pair(EVENT_CUES)) && !acronym {
        return Some((T::Event, EVENT_CUE_RULE));
    }
    if ORG_CUES.contains(&next) || pair(ORG_CUES) {
        return Some((T::Org, CUE_RULES[4]));
    }
    if let Some(kind) = appositive_kind(g, b) {
        return Some(kind);
    }
    let mut k = b;
    if g.get(k) == Some(",") {
        k += 1;
    }
    if matches!(
        g.lower(k),
        "some" | "about" | "around" | "roughly" | "nearly"
    ) {
        k += 1;
    }
    if g.toks.get(k).is_some_and(|t| t.kind == TokenKind::Number)
        && DISTANCE_UNITS.contains(&g.lower(k + 1))
    {
        return Some((T::Loc, "context: distance after the name"));
    }
    None
}

/// The cue after the next name when "and" joins this one to it and the first plural after
/// them is a kind word: "the Fordow and Natanz enrichment sites", "the Patriot and Nasams
/// air defence systems", "the Solomianskyi and Darnytskyi districts".
pub(super) fn shared_cue(g: &Seg, b: usize) -> Option<(T, &'static str)> {
    if g.get(b) != Some("and") {
        return None;
    }
    let end = (b + 1..g.toks.len().min(b + 5)).find(|&e| !is_upper_start(g.s(e)))?;
    // The first plural among the words after the names is a kind word: "enrichment
    // sites", "air defence systems"; not "tournament websites".
    let head = (end..g.toks.len().min(end + 3))
        .take_while(|&k| g.s(k).starts_with(|c: char| c.is_ascii_lowercase()))
        .map(|k| g.lower(k))
        .find(|w| w.ends_with('s'))?;
    let kind = [
        FAC_CUES,
        GPE_CUES,
        LOC_CUES,
        PRODUCT_CUES,
        EVENT_CUES,
        ORG_CUES,
    ]
    .iter()
    .any(|cues| {
        cues.iter().any(|c| {
            c.strip_suffix(head)
                .is_some_and(|r| r.is_empty() || r.ends_with(' '))
        })
    });
    if end == b + 1 || !kind {
        return None;
    }
    after_cues(g, end)
}

/// The context rules that type a name by a word for its kind beside it ("X airport", "the
/// Cabir virus", "the BBC's Newsnight programme", "provider X", "the film X", "X said it"):
/// strong evidence that the same name elsewhere in the document follows.
pub(super) const CUE_RULES: [&str; 10] = [
    "context: facility word after the name",
    "context: place word after the name (X province)",
    "context: product word after the name (X drug)",
    "context: programme word after the title (X programme)",
    "context: group word after the name (X group)",
    "context: firm word before the name (provider X)",
    "context: X said it",
    "context: work word before the name (film X)",
    "context: natural feature word after the name (X peninsula)",
    "context: a leader's government after the name (X administration)",
];

/// The rule that types an event by the word after it: "the Artemis II mission". Other
/// mentions of the name follow it unless a default made them people: festivals and
/// exhibitions are named for people too (the Van Gogh festival).
pub(super) const EVENT_CUE_RULE: &str = "context: event word after the name (X festival)";

/// The rule that gives an alias the type of the name it follows: "Mohamed Hamdan Dagalo,
/// known as Hemedti"; later mentions of the alias follow it.
pub(super) const ALIAS_RULE: &str = "context: an alias of the name before (X, known as Y)";

/// The rule that makes a film's title of a name its credits follow: "Maria, starring".
pub(super) const CREDITS_RULE: &str = "context: a film's credits after the title";

/// The context rules that make a person of a name by what it does: speak, or head
/// something. A firm does these too ("Cairn said").
pub(super) const SPEAKER_RULES: [&str; 3] = [
    "context: X said",
    "context: said X / according to X",
    "context: X, the head of ...",
];

/// The rule that gives a name the type of the place listed just before it: a guess that a
/// longer list may overrule.
pub(super) const LISTED_WITH_A_PLACE: &str = "context: listed with a place";

/// Context rules for a run that no list, head word or following word types.
pub(super) fn context_type(
    g: &Seg,
    a: usize,
    b: usize,
    last: Option<&Mention>,
) -> Option<(T, &'static str)> {
    let lex = lexicon();
    let prev = if a > 0 { g.lower(a - 1) } else { "" };
    let next = g.lower(b);
    // A band's name may start with "The": "rock band The Killers".
    let before_the = a >= 2 && g.s(a - 1) == "The" && ORG_BEFORE_CUES.contains(&g.lower(a - 2));
    let appositive = prev == "," && a >= 2 && ORG_BEFORE_CUES.contains(&g.lower(a - 2));
    if ORG_BEFORE_CUES.contains(&prev) || appositive || before_the {
        return Some((T::Org, CUE_RULES[5]));
    }
    if let Some(ty) = kind_before_example(g, a) {
        return Some((
            ty,
            "context: an example of a kind (airfields such as X, firms including X)",
        ));
    }
    // An alias is of the kind of the name it follows: Mohamed Hamdan Dagalo, known as
    // Hemedti; Islamic State, also known as Isis.
    if prev == "as"
        && a >= 2
        && g.lower(a - 2) == "known"
        && let Some(m) = last.filter(|m| m.ty.is_name() && m.end <= g.toks[a - 2].start)
    {
        let between = g.text[m.end..g.toks[a - 2].start]
            .trim_start_matches(',')
            .trim();
        if between.is_empty() || ALIAS_ADVERBS.contains(&between) {
            return Some((m.ty, ALIAS_RULE));
        }
    }
    // A code name is of the kind of the thing it names: "the drills, codenamed Strait
    // Thunder", "the Xbox 2, codenamed Xenon", "an unreleased product code-named Asteroid".
    if matches!(prev, "codenamed" | "code-named") {
        let k = if a >= 3 && g.s(a - 2) == "," {
            a - 3
        } else {
            a.saturating_sub(2)
        };
        let named = last.filter(|m| a >= 2 && m.ty.is_name() && m.end == g.toks[k].end);
        let kind = g.lower(k);
        if let Some(m) = named {
            return Some((m.ty, "context: a code name of the name before"));
        } else if EVENT_CUES.contains(&kind) || kind == "operation" {
            return Some((
                T::Event,
                "context: a code name of an event (drills, codenamed X)",
            ));
        } else if PRODUCT_CUES.contains(&kind) || matches!(kind, "product" | "version") {
            return Some((
                T::Product,
                "context: a code name of a product (system, codenamed X)",
            ));
        }
    }
    let says = lex.speech_verbs.contains(next)
        || (next == "," && lex.speech_verbs.contains(g.lower(b + 1)));
    if says && !PREPOSITIONS.contains(&prev) {
        // A firm speaks of itself as "it": "Pernod said it was seeking", "Icann said its";
        // not of what it speaks of: "Rowling wrote it."
        let k = if next == "," { b + 2 } else { b + 1 };
        let subject = g.lower(k + 1).starts_with(|c: char| c.is_ascii_lowercase());
        let pronoun = matches!(g.lower(k), "its") || (g.lower(k) == "it" && subject);
        if pronoun && !lex.given_names.contains(g.s(a)) {
            return Some((T::Org, CUE_RULES[6]));
        }
        return Some((T::Person, SPEAKER_RULES[0]));
    }
    let said_before =
        lex.speech_verbs.contains(prev) && (b >= g.toks.len() || matches!(g.s(b), "," | "." | ";"));
    let according = prev == "to" && a >= 2 && g.lower(a - 2) == "according";
    // A source named in one word is more often a firm or body than a person, whose
    // surname the document names in full first: "according to Gartner".
    if according && b - a == 1 {
        return Some((T::Org, "context: according to X, one word"));
    }
    if said_before || according {
        return Some((T::Person, SPEAKER_RULES[1]));
    }
    if lex.titles.contains(prev.trim_end_matches('.')) {
        return Some((T::Person, "context: title before the name"));
    }
    let appositive_role = role_after(g, b).is_some() || (next == "," && g.lower(b + 1) == "who");
    if appositive_role && !PREPOSITIONS.contains(&prev) {
        return Some((T::Person, SPEAKER_RULES[2]));
    }
    // Lists and "including": the type of the place or group just named.
    if let Some(m) = last {
        let near = g.toks[a.saturating_sub(4)].start <= m.end && m.end <= g.toks[a].start;
        // "including" lists parts of the place before it (Europe, including Belgium; Idlib
        // province including Saraqib), not of a phrase it qualifies (Hollywood stars
        // including Spike Lee).
        let place_word = a >= 3 && GPE_CUES.contains(&g.lower(a - 2));
        let end_before = |k: usize| a >= k && m.end == g.toks[a - k].end;
        let including = prev == "including" && (end_before(2) || (place_word && end_before(3)));
        // A list item comes right after the place and ends where the list goes on or the
        // clause ends: "Leicester, Somerset, Basingstoke", "Dorset and Torbay."; not "In
        // London, Corus fell", "Liverpool and Millwall have been charged".
        let item_ends = matches!(next, "" | "," | "." | ";" | ":" | ")" | "“" | "\"");
        let listed =
            (matches!(prev, "," | "and" | "or") && end_before(2) && item_ends) || including;
        // A post for a place and then its holder: "the UN special envoy for Syria, Geir
        // Pedersen", "ambassador to Russia, John Sawers". Looked for only once the place
        // ends just before the comma, so the look back spans the place's own words.
        let post = || {
            (0..a)
                .rev()
                .find(|&k| g.toks[k].start == m.start)
                .is_some_and(|k| {
                    k >= 2
                        && matches!(g.lower(k - 1), "for" | "of" | "to")
                        && is_title(g.lower(k - 2))
                })
        };
        let place = matches!(m.ty, T::Gpe | T::Loc);
        if near && prev == "," && end_before(2) && place && post() {
            return Some((
                T::Person,
                "context: the holder of a post for a place (envoy for X, Y)",
            ));
        }
        if near && listed && place {
            return Some((m.ty, LISTED_WITH_A_PLACE));
        }
    }
    // A town and then its state or country: "in Boca Chica, Texas", "near Siesta Key in
    // Florida"; not a firm and its owner: "a stake in Sun Interbrew, Russia's brewer".
    let region_after = matches!(next, "," | "in")
        && !(a >= 2 && STAKE_WORDS.contains(&g.lower(a - 2)))
        && (b + 2..=(b + 3).min(g.toks.len())).any(|e| {
            gazetteer(g, b + 1, e).is_some_and(|k| k.ty == T::Gpe && k.list != "cities.txt")
                && !g.get(e).is_some_and(is_possessive)
        });
    if region_after && PLACE_PREPOSITIONS.contains(&prev) && a != g.first_word {
        return Some((T::Gpe, "context: in X, and its state or country"));
    }
    // A town near a listed place: "spread through Altadena near Pasadena".
    let near_place = next == "near"
        && !lex.given_names.contains(g.s(a))
        && (b + 2..=(b + 4).min(g.toks.len()))
            .any(|e| gazetteer(g, b + 1, e).is_some_and(|k| matches!(k.ty, T::Gpe | T::Loc)));
    if near_place {
        return Some((T::Gpe, "context: X near a listed place"));
    }
    // "the village of Novoolenivka", "residents of Poonch", "the coast of Khor Fakkan".
    let place_of = |w: &str| GPE_CUES.contains(&w) || PLACE_OWNERS.contains(&w);
    if prev == "of" && a >= 2 && place_of(g.lower(a - 2)) {
        return Some((
            T::Gpe,
            "context: place word and of before the name (town of X)",
        ));
    }
    // "French-made Rafales", "the Russian-built reactor"; a product "made by" its maker.
    let made = prev.ends_with("-made") || prev.ends_with("-built");
    if made || (next == "," && g.lower(b + 1) == "made" && g.lower(b + 2) == "by") {
        return Some((
            T::Product,
            "context: made in a country or by a maker (French-made X; X, made by Y)",
        ));
    }
    // What a firm makes or sells: "Eli Lilly, which makes Mounjaro", "the maker of
    // Ozempic", "semaglutide, sold as Wegovy".
    let before = if a >= 2 { g.lower(a - 2) } else { "" };
    let makes = matches!(prev, "makes" | "sells" | "markets") && matches!(before, "which" | "that");
    let sold_as = prev == "as" && matches!(before, "sold" | "marketed");
    let maker_of = prev == "of" && matches!(before, "maker" | "makers");
    if makes || sold_as || maker_of {
        return Some((
            T::Product,
            "context: what a firm makes or sells (which makes X, sold as X)",
        ));
    }
    // A part in a film or play: "appeared in Robocop", "her role in Poor Things", "played
    // Emilia in Othello".
    let played = a >= 3 && PLAYED.contains(&g.lower(a - 3)) && is_upper_start(g.s(a - 2));
    if prev == "in" && a >= 2 && (ROLE_WORDS.contains(&g.lower(a - 2)) || played) {
        return Some((T::WorkOfArt, "context: a part in X (appeared in X)"));
    }
    if b - a == 1 && PLACE_PREPOSITIONS.contains(&prev) && a != g.first_word && !is_acronym(g.s(a))
    {
        let before = if a >= 2 { g.lower(a - 2) } else { "" };
        // Shares, stakes and bids are held in firms: "shares in Umbro", "a stake in Sina".
        if STAKE_WORDS.contains(&before) {
            return Some((T::Org, "context: stake word before the name (shares in X)"));
        }
        // What comes to or from a name, or is its own, is seldom a place: "backing from
        // Paramount", "talking to Adriano", "in WorldCom's collapse".
        let owner = g.text[g.toks[b - 1].end..].starts_with(['\'', '’']);
        if !owner && !matches!(prev, "to" | "from") {
            return Some((T::Gpe, "context: in X"));
        }
    }
    None
}

/// Words before "of" and a town's name that only a place has: "residents of", "the mayor
/// of", "the outskirts of".
const PLACE_OWNERS: &[&str] = &[
    "coast",
    "inhabitants",
    "mayor",
    "outskirts",
    "port",
    "residents",
    "suburbs",
];
/// The type of a kind word before "such as" or "including" and the name at `a`: an
/// example of the kind ("airfields such as Morozovsk", "browsers such as Opera", "firms
/// including Acme"). Not people's words that only a group's name follows ("fighters").
fn kind_before_example(g: &Seg, a: usize) -> Option<T> {
    let k = match g.lower(a.checked_sub(1)?) {
        "as" if a >= 3 && g.lower(a - 2) == "such" => a - 3,
        "including" => a.checked_sub(2)?,
        _ => return None,
    };
    let kind = g.lower(k);
    let stems = [Some(kind), kind.strip_suffix('s'), kind.strip_suffix("es")];
    let is = |cues: &[&str]| stems.iter().flatten().any(|w| cues.contains(w));
    if is(FAC_CUES) {
        Some(T::Fac)
    } else if is(GPE_CUES) {
        Some(T::Gpe)
    } else if is(LOC_CUES) {
        Some(T::Loc)
    } else if is(PRODUCT_CUES) {
        Some(T::Product)
    } else if is(EVENT_CUES) {
        Some(T::Event)
    } else if is(FIRM_NOUNS) || (is(ORG_CUES) && !matches!(kind, "fighters" | "rebels")) {
        Some(T::Org)
    } else {
        None
    }
}

/// Words between a name and "known as" before its alias: "also known as".
const ALIAS_ADVERBS: &[&str] = &["also", "better", "commonly", "popularly", "widely"];
/// Words before "in" that speak of a part in a work: "starred in Chocolat".
const ROLE_WORDS: &[&str] = &[
    "appeared",
    "appearing",
    "appears",
    "cameo",
    "performance",
    "portrayal",
    "role",
    "roles",
    "starred",
    "starring",
];
/// Verbs before a character's name and "in": "played Emilia in Othello".
const PLAYED: &[&str] = &["play", "played", "playing", "plays", "portrayed"];
