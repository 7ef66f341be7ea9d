//! Mention detection and typing for one document.
//!
//! Names are runs of capitalised tokens, joined by the connectors names use (`al`, `bin`,
//! `de`; `of`, `for` and `on` after an organisation or place head word; `and` inside a known
//! name). Each run is then typed by, in order: the gazetteers, head words (Ministry, Sea,
//! Airport, Province, Resolution), leading demonyms and titles (which are split off), known
//! names inside the run (which split it), given names, and finally the context around it
//! ("said X", "X, the head of", "spokesman X", "in X", "X province", "X air base").
//! Sentence-initial capitals and title-case headlines only yield names with independent
//! evidence, so "Asked about..." and "Russia Expands Bombing In Syria" give no junk.

use std::collections::{HashMap, HashSet};

use super::{EntityType, Mention, numeric};
use crate::lexicon::{Known, Lower, lexicon};
use crate::text::{Segment, SegmentKind, Token, TokenKind};

use EntityType as T;

/// Lower-case words that may join capitalised words inside one name.
const PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "bint", "abu", "de", "del", "della", "der", "den", "da", "di", "du", "dos",
    "das", "van", "von", "la", "le", "el", "y",
];
/// Arabic article prefixes written with a hyphen: al-Assad, el-Sisi, ash-Sham.
const ARTICLES: &[&str] = &[
    "al-", "el-", "ad-", "an-", "ar-", "as-", "ash-", "at-", "az-",
];
/// Words that join a head word to the rest of a name: Ministry of Defence, Council on ...
const OF_WORDS: &[&str] = &["of", "for", "on"];
const FAC_CUES: &[&str] = &[
    "air base",
    "airbase",
    "airport",
    "airfield",
    "base",
    "border crossing",
    "crossing",
    "bridge",
    "dam",
    "prison",
    "refinery",
    "stadium",
    "camp",
    "port",
    "power plant",
    "nuclear plant",
];
const GPE_CUES: &[&str] = &[
    "province",
    "city",
    "town",
    "village",
    "district",
    "governorate",
    "county",
    "capital",
];
const ORG_CUES: &[&str] = &[
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
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "from", "to", "near", "across", "outside", "into", "toward", "towards", "via",
];
const DISTANCE_UNITS: &[&str] = &[
    "kilometers",
    "kilometres",
    "km",
    "miles",
    "mi",
    "metres",
    "meters",
];

/// A word-level view of one segment's tokens.
struct Seg<'a> {
    text: &'a str,
    toks: &'a [Token],
    index: u32,
    /// Index of the first word token (sentence-initial position).
    first_word: usize,
}

impl<'a> Seg<'a> {
    fn s(&self, i: usize) -> &'a str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        (i < self.toks.len()).then(|| self.s(i))
    }

    fn span(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.toks[a].start..self.toks[b - 1].end]
    }

    /// Lower-cased text of tokens `a..b`, joined by single spaces.
    fn key(&self, a: usize, b: usize) -> String {
        let mut k = String::new();
        for i in a..b {
            if i > a && self.toks[i].start > self.toks[i - 1].end {
                k.push(' ');
            }
            k.push_str(&self.s(i).to_lowercase());
        }
        k
    }

    fn lower(&self, i: usize) -> Lower {
        Lower::new(self.get(i).unwrap_or(""))
    }
}

/// Finds and types the entity mentions of one document.
pub fn detect(text: &str, segments: &[Segment], tokens: &[Token]) -> Vec<Mention> {
    let ranges = crate::text::token_ranges(segments.len(), tokens);
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
    doc.resolve_deferred(&segs);
    doc.propagate_surnames(text);
    let mut out = doc.out;
    for g in &segs {
        numeric::detect(g.text, g.toks, g.index, &mut out);
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

/// A capitalised word that starts a sentence, kept until the whole document is read.
struct Deferred {
    seg: u32,
    start: usize,
    end: usize,
}

struct DocState {
    out: Vec<Mention>,
    deferred: Vec<Deferred>,
    /// Capitalised words seen away from the start of a sentence.
    mid_caps: HashSet<String>,
    /// Acronyms defined in the text: "Islamic State (IS)".
    defined: HashSet<String>,
    /// Set while a headline or furniture line is read: no guesses from there.
    restricted: bool,
}

fn is_upper_start(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn article_prefixed(w: &str) -> bool {
    ARTICLES
        .iter()
        .any(|a| w.strip_prefix(a).is_some_and(is_upper_start))
}

fn is_month_or_day(w: &str) -> bool {
    let lex = lexicon();
    let bare = Lower::new(w.trim_end_matches('.'));
    lex.months.contains_key(bare.as_str()) || lex.weekdays.contains(bare.as_str())
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '&') && w.len() <= 8
}

impl DocState {
    fn new(segs: &[Seg]) -> DocState {
        let mut mid_caps = HashSet::new();
        let mut defined = HashSet::new();
        for g in segs {
            for i in 0..g.toks.len() {
                let w = g.s(i);
                if i > g.first_word && is_upper_start(w) {
                    mid_caps.insert(w.to_owned());
                }
                if w == "(" && g.get(i + 2) == Some(")") && i > 0 {
                    let acr = g.s(i + 1);
                    if is_acronym(acr) {
                        defined.insert(acr.to_owned());
                    }
                }
            }
        }
        DocState {
            restricted: false,
            out: Vec::new(),
            deferred: Vec::new(),
            mid_caps,
            defined,
        }
    }

    fn is_name_token(&self, g: &Seg, i: usize) -> bool {
        let t = &g.toks[i];
        if t.kind != TokenKind::Word {
            return false;
        }
        let w = g.s(i);
        if w == "I" || is_month_or_day(w) {
            return false;
        }
        if is_upper_start(w) {
            // Shouted stop words ("IS", "IT") only count when the text defines them.
            let lower = w.to_lowercase();
            let shouted_stopword = is_acronym(w) && lexicon().stopwords.contains(&lower);
            return !shouted_stopword
                || self.defined.contains(w)
                || lexicon().gazetteer.contains_key(&lower);
        }
        article_prefixed(w)
    }

    /// Finds the name runs of one segment and types them.
    fn names(&mut self, g: &Seg) {
        let n = g.toks.len();
        let mut i = 0;
        while i < n {
            let particle_start =
                PARTICLES.contains(&g.s(i)) && i + 1 < n && self.is_name_token(g, i + 1);
            if !(self.is_name_token(g, i) || particle_start) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < n {
                let adjacent = g.toks[j].start > g.toks[j - 1].end;
                if !adjacent && !g.s(j).starts_with('-') {
                    break;
                }
                if hyphen_suffix(g.s(j - 1)).is_some() {
                    break;
                }
                if self.is_name_token(g, j) {
                    j += 1;
                } else if PARTICLES.contains(&g.s(j)) && j + 1 < n && self.is_name_token(g, j + 1) {
                    j += 2;
                } else if let Some(k) = self.of_join(g, i, j) {
                    j = k;
                } else {
                    break;
                }
            }
            self.run(g, i, j);
            i = j;
        }
    }

    /// At a joining word (of, for, on, and, &) at `j` inside the run `i..j`, returns where
    /// the joined run would end if the join is justified.
    fn of_join(&self, g: &Seg, i: usize, j: usize) -> Option<usize> {
        let lex = lexicon();
        let w = g.s(j);
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
        if OF_WORDS.contains(&w) {
            let head = |x: usize| is_head(g.s(x)) || lex.law_heads.contains(g.s(x));
            // A title that spans the joining word: Chancellor of the Exchequer Gordon Brown.
            let title = (i..j).any(|x| is_title(&g.key(x, k + 1)));
            if head(i) || head(j - 1) || title || lex.gazetteer.contains_key(&g.key(i, end)) {
                return Some(end);
            }
        } else if (w == "and" || w == "&") && lex.gazetteer.contains_key(&g.key(i, end)) {
            return Some(end);
        }
        None
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
            // "Russia's Ministry of Defence" is not the British ministry the list knows.
            let q = qualifier(g, a, b);
            if q.is_some() && q != name_country(k.canonical) {
                self.out[i].qualifier = q;
                return;
            }
            self.out[i].qualifier = q;
        }
        self.out[i].known = Some(k.canonical.to_owned());
    }

    /// Types the run `a..b` (and its parts), pushing mentions.
    fn run(&mut self, g: &Seg, mut a: usize, b: usize) {
        let lex = lexicon();
        if a >= b {
            return;
        }
        if let Some(k) = gazetteer(g, a, b) {
            self.push_known(g, a, b, k);
            self.acronym_after(g, b);
            return;
        }
        // Designators split the run: Russian Tupolev-22M3, Tupolev Tu-22.
        if let Some(d) = (a..b).find(|&i| designator(g.s(i)).is_some()) {
            let from = if d > a && lex.makers.contains_key(g.lower(d - 1).as_str()) {
                d - 1
            } else {
                d
            };
            self.run(g, a, from);
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
        // Legal instruments: Resolution 2231, UN Security Council Resolution 2254, Article 5.
        if lex.law_heads.contains(g.s(b - 1))
            && g.toks.get(b).is_some_and(|t| t.kind == TokenKind::Number)
        {
            self.push(
                g,
                a,
                b + 1,
                T::Law,
                "law head word and number",
                "data/law_heads.txt",
            );
            return;
        }
        let initial = a == g.first_word;
        let headed = head_type(g, a, b);
        // Sentence-initial and stop words are not part of names, unless a head word makes
        // the whole run a name (Daily Caller News Foundation).
        while a < b
            && (lex.stopwords.contains(g.lower(a).as_str())
                || (a == g.first_word
                    && headed.is_none()
                    && lex.is_common(g.s(a))
                    && title_at(g, a, b).is_none()))
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
        if let Some((ty, rule)) = headed.filter(|_| !lex.titles.contains(g.lower(b - 1).as_str())) {
            // A demonym before a head-word name belongs to it (Russian State Duma); a title does not.
            let m = self.push(g, a, b, ty, "capitalised words", rule);
            self.out[m].qualifier = qualifier(g, a, b);
            self.acronym_after(g, b);
            return;
        }
        // Leading demonyms: Russian Defense Minister Sergei Shoigu.
        if lex.demonyms.contains_key(g.s(a)) {
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
        if let Some(t) = title_at(g, a, b) {
            if t < b {
                let role_start = self.role_start(g, a);
                let role = g.text[g.toks[role_start].start..g.toks[t - 1].end].to_owned();
                self.person(g, t, b, "title before the name", Some(role));
            }
            return;
        }
        // A known name inside the run splits it: Saagar Enjeti | White House | Correspondent.
        if let Some((x, y, k)) = inner_gazetteer(g, a, b) {
            self.run(g, a, x);
            self.push_known(g, x, y, k);
            self.run(g, y, b);
            return;
        }
        // A trailing title: ... Correspondent.
        if b - a > 1 && is_title(&g.lower(b - 1)) {
            self.run(g, a, b - 1);
            return;
        }
        // Common words alone are not names, nor shouted ones (TV, OK) unless a list knows them.
        if b - a == 1 && lex.is_common(g.s(a)) && !self.defined.contains(g.s(a)) {
            return;
        }
        // A quoted name right after a model: Su-34 “Fullback”.
        if let Some(last) = self.out.last()
            && last.ty == T::Product
            && last.end <= g.toks[a].start
            && g.text[last.end..g.toks[a].start]
                .chars()
                .all(|c| c.is_whitespace() || "“\"'‘".contains(c))
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
        if let Some((ty, rule)) = after_cues(g, b) {
            self.push(g, a, b, ty, "capitalised words", rule);
            self.acronym_after(g, b);
            return;
        }
        if b - a >= 2 && (a..b).all(|i| lex.is_common(g.s(i))) {
            return;
        }
        // Initials before a surname: R Jones, JK Rowling, J.K. Rowling.
        let initials = g.s(a).chars().all(|c| c.is_uppercase() || c == '.')
            && g.s(a).trim_matches('.').chars().count() <= 2;
        if b - a == 2 && initials && looks_like_a_name(g.s(a + 1)) {
            self.person(g, a, b, "initials before a surname", None);
            return;
        }
        // A lone letter (Plan B, Group C) is not a name.
        if b - a == 1 && g.s(a).chars().count() == 1 {
            return;
        }
        if lex.given_names.contains(g.s(a)) && b - a >= 2 {
            self.person(g, a, b, "given name (data/given_names.txt)", None);
            return;
        }
        // "Electronic Arts said" is a company speaking: people's names are name-shaped words.
        let name_shaped = (a..b).all(|i| {
            PARTICLES.contains(&g.s(i)) || looks_like_a_name(g.s(i)) || article_prefixed(g.s(i))
        });
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
            if self.restricted {
                return;
            }
            self.deferred.push(Deferred {
                seg: g.index,
                start: a,
                end: b,
            });
            return;
        }
        if b - a >= 2 && name_shaped {
            let m = self.push(
                g,
                a,
                b,
                T::Person,
                "capitalised words",
                "default: several unknown capitalised words",
            );
            self.out[m].weak = true;
        } else {
            let m = self.push(
                g,
                a,
                b,
                T::Org,
                "capitalised word",
                "default: unknown capitalised word",
            );
            self.out[m].weak = true;
        }
        self.acronym_after(g, b);
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
        if g.get(k) != Some("(") || g.get(k + 2) != Some(")") || !is_acronym(g.s(k + 1)) {
            return;
        }
        let Some(last) = self.out.last().cloned() else {
            return;
        };
        // Organisations, laws and the like define acronyms; "Andre Agassi (US)" does not.
        let known = lexicon().gazetteer.contains_key(g.lower(k + 1).as_str());
        if known || matches!(last.ty, T::Person | T::Gpe | T::Norp) {
            return;
        }
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
    /// elsewhere.
    fn resolve_deferred(&mut self, segs: &[Seg]) {
        let deferred = std::mem::take(&mut self.deferred);
        // Names by their full text and by their last word (surnames).
        let mut named: HashMap<&str, T> = HashMap::new();
        for m in &self.out {
            let t = &segs[m.segment as usize].text[m.start..m.end];
            named.entry(t).or_insert(m.ty);
            if let Some(last) = t.split_whitespace().last() {
                named.entry(last).or_insert(m.ty);
            }
        }
        for d in deferred {
            let g = &segs[d.seg as usize];
            let w = g.span(d.start, d.end);
            if let Some(&ty) = named.get(w) {
                self.push(
                    g,
                    d.start,
                    d.end,
                    ty,
                    "sentence-initial word named elsewhere in the document",
                    "type of that name",
                );
            } else if self.mid_caps.contains(w) || looks_like_a_name(w) {
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

    /// A single word that is the surname of a person named in full is that person.
    fn propagate_surnames(&mut self, text: &str) {
        let surnames: HashSet<String> = self
            .out
            .iter()
            .filter(|m| m.ty == T::Person && text[m.start..m.end].split_whitespace().count() >= 2)
            .filter_map(|m| {
                text[m.start..m.end]
                    .split_whitespace()
                    .last()
                    .map(strip_article)
            })
            .collect();
        for m in &mut self.out {
            let t = &text[m.start..m.end];
            if m.ty != T::Person
                && m.known.is_none()
                && !t.contains(' ')
                && surnames.contains(&strip_article(t))
            {
                m.ty = T::Person;
                m.typed_by = "surname of a person named in the document";
                m.weak = false;
            }
        }
    }
}

/// A capitalised word that is not a common English word and does not have the ending of
/// one (-ly, -ing, -ed): likely a name even at the start of a sentence.
fn looks_like_a_name(w: &str) -> bool {
    let lex = lexicon();
    if lex.given_names.contains(w) {
        return true;
    }
    // CamelCase is a product or company (PlayStation), not a person; McDonald is.
    let camel = w
        .chars()
        .zip(w.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    if camel && !w.starts_with("Mc") && !w.starts_with("Mac") {
        return false;
    }
    w.chars().skip(1).any(char::is_lowercase)
        && w.chars().count() >= 2
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !lex.is_common(w)
        && !["ly", "ing", "ed"].iter().any(|e| w.ends_with(e))
}

/// Removes an Arabic article prefix: al-Assad -> Assad.
pub fn strip_article(w: &str) -> String {
    ARTICLES
        .iter()
        .find_map(|a| w.strip_prefix(a))
        .unwrap_or(w)
        .to_owned()
}

/// For a token like "Iran-backed" or "War-era", the byte length of the name part.
fn hyphen_suffix(w: &str) -> Option<usize> {
    let (head, tail) = w.rsplit_once('-')?;
    (!head.is_empty()
        && tail.chars().next().is_some_and(char::is_lowercase)
        && is_upper_start(head)
        && !article_prefixed(w))
    .then_some(head.len())
}

fn gazetteer(g: &Seg, a: usize, b: usize) -> Option<Known> {
    if a >= b {
        return None;
    }
    let lex = lexicon();
    let mut key = g.key(a, b);
    if let Some(cut) = hyphen_suffix(g.s(b - 1)) {
        let full = g.s(b - 1).len();
        key.truncate(key.len() - (full - cut));
    }
    let surface = &g.text[g.toks[a].start..g.toks[b - 1].end];
    let shouted = !surface.chars().any(char::is_lowercase);
    let found = lex.gazetteer.get(&key).copied().or_else(|| {
        // Lib Dem / Lib Dems: a group's name in the singular or plural.
        let other = match key.strip_suffix('s') {
            Some(singular) => singular.to_owned(),
            None if key.contains(' ') => format!("{key}s"),
            None => return None,
        };
        lex.gazetteer
            .get(&other)
            .copied()
            .filter(|k| matches!(k.ty, T::Org | T::Norp))
    });
    // A listed acronym matches only in capitals: "US", not "Us".
    found.filter(|k| !k.acronym || shouted)
}

/// The longest known name strictly inside the run.
fn inner_gazetteer(g: &Seg, a: usize, b: usize) -> Option<(usize, usize, Known)> {
    let mut best: Option<(usize, usize, Known)> = None;
    for x in a..b {
        for y in (x + 1..=b.min(x + 6)).rev() {
            if y - x == b - a {
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

fn is_head(w: &str) -> bool {
    let lex = lexicon();
    lex.org_heads.contains(w)
        || lex.fac_heads.contains(w)
        || lex.loc_heads.contains(w)
        || lex.gpe_heads.contains(w)
}

/// The type a head word gives the run: last word (Ministry, Sea, Airport, Province) or a
/// first word followed by "of" (Ministry of Defence, Gulf of Aden).
fn head_type(g: &Seg, a: usize, b: usize) -> Option<(T, &'static str)> {
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
        } else {
            None
        }
    };
    if b - a >= 2 {
        if let Some(t) = typed(hyphen_cut(g.s(b - 1))) {
            return Some(t);
        }
        if OF_WORDS.contains(&g.s(a + 1)) {
            return typed(g.s(a));
        }
        if (a..b).any(|i| OF_WORDS.contains(&g.s(i))) {
            return typed(g.s(a));
        }
    }
    None
}

fn hyphen_cut(w: &str) -> &str {
    hyphen_suffix(w).map_or(w, |n| &w[..n])
}

/// The country that qualifies an organisation name: "Russian" in Russian Defense Ministry,
/// "Russian Federation" in Ministry of Defence of the Russian Federation, or a possessive
/// country just before it (Russia's Ministry of Defense).
fn qualifier(g: &Seg, a: usize, b: usize) -> Option<String> {
    let lex = lexicon();
    for i in a..b {
        if let Some(Some(country)) = lex.demonyms.get(g.s(i)) {
            return Some((*country).to_owned());
        }
        for j in (i + 1..=b).rev() {
            if let Some(k) = lex
                .gazetteer
                .get(&g.key(i, j))
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
                .get(&g.key(s, a - 1))
                .filter(|k| k.ty == T::Gpe)
            {
                return Some(k.canonical.to_owned());
            }
        }
    }
    None
}

/// The end of the longest title phrase starting at `a` (President, Defense Minister, Mr.).
fn title_at(g: &Seg, a: usize, b: usize) -> Option<usize> {
    let mut found = None;
    let mut key = String::new();
    for i in a..b.min(a + 4) {
        if i > a {
            key.push(' ');
        }
        key.push_str(g.lower(i).trim_end_matches('.'));
        if is_title(&key) {
            found = Some(i + 1);
        }
    }
    found
}

/// A title or role, singular or plural (minister, MPs), lower case.
fn is_title(key: &str) -> bool {
    let lex = lexicon();
    let key = key.trim_end_matches('.');
    lex.titles.contains(key)
        || key
            .strip_suffix('s')
            .is_some_and(|k| lex.titles.contains(k))
}

/// A role phrase after a name: "Komoedov, the head of ...", "Alex Vatanka, a senior fellow".
fn role_after(g: &Seg, b: usize) -> Option<String> {
    let lex = lexicon();
    if g.get(b) != Some(",") || !matches!(g.get(b + 1), Some("a" | "an" | "the")) {
        return None;
    }
    let mut e = b + 2;
    let mut has_title = false;
    while e < g.toks.len() && e < b + 14 && !matches!(g.s(e), "," | "." | ";" | "”" | "\"" | ")")
    {
        has_title |= lex.titles.contains(g.lower(e).as_str());
        e += 1;
    }
    has_title.then(|| g.span(b + 2, e).to_owned())
}

/// The country a known organisation's own name gives: Russian Defence Ministry -> Russia.
fn name_country(name: &str) -> Option<String> {
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

/// Words after a name that say what it is: "X air base", "X province", "X group", and a
/// distance ("X, some 50 kilometers north of ...").
fn after_cues(g: &Seg, b: usize) -> Option<(T, &'static str)> {
    let next = g.lower(b);
    let next2 = format!("{} {}", next, g.lower(b + 1));
    if FAC_CUES.contains(&next2.as_str()) || FAC_CUES.contains(&next.as_str()) {
        return Some((T::Fac, "context: facility word after the name"));
    }
    if GPE_CUES.contains(&next.as_str()) {
        return Some((T::Gpe, "context: place word after the name (X province)"));
    }
    if ORG_CUES.contains(&next.as_str()) || ORG_CUES.contains(&next2.as_str()) {
        return Some((T::Org, "context: group word after the name (X group)"));
    }
    let mut k = b;
    if g.get(k) == Some(",") {
        k += 1;
    }
    if matches!(
        g.lower(k).as_str(),
        "some" | "about" | "around" | "roughly" | "nearly"
    ) {
        k += 1;
    }
    if g.toks.get(k).is_some_and(|t| t.kind == TokenKind::Number)
        && DISTANCE_UNITS.contains(&g.lower(k + 1).as_str())
    {
        return Some((T::Loc, "context: distance after the name"));
    }
    None
}

/// Context rules for a run that no list, head word or following word types.
fn context_type(g: &Seg, a: usize, b: usize, last: Option<&Mention>) -> Option<(T, &'static str)> {
    let lex = lexicon();
    let prev = if a > 0 {
        g.lower(a - 1)
    } else {
        Lower::new("")
    };
    let next = g.lower(b);
    if lex.speech_verbs.contains(next.as_str())
        || (next == "," && lex.speech_verbs.contains(g.lower(b + 1).as_str()))
    {
        return Some((T::Person, "context: X said"));
    }
    let said_before = lex.speech_verbs.contains(prev.as_str())
        && (b >= g.toks.len() || matches!(g.s(b), "," | "." | ";"));
    if said_before || (prev == "to" && a >= 2 && g.lower(a - 2) == "according") {
        return Some((T::Person, "context: said X / according to X"));
    }
    if lex.titles.contains(prev.trim_end_matches('.')) {
        return Some((T::Person, "context: title before the name"));
    }
    if role_after(g, b).is_some() || (next == "," && g.lower(b + 1) == "who") {
        return Some((T::Person, "context: X, the head of ..."));
    }
    // Lists and "including": the type of the place or group just named.
    if let Some(m) = last {
        let near = g.toks[a.saturating_sub(4)].start <= m.end && m.end <= g.toks[a].start;
        let listed = matches!(prev.as_str(), "," | "and" | "or" | "including");
        if near && listed && matches!(m.ty, T::Gpe | T::Loc) {
            return Some((m.ty, "context: listed with a place"));
        }
    }
    if b - a == 1
        && PLACE_PREPOSITIONS.contains(&prev.as_str())
        && a != g.first_word
        && !is_acronym(g.s(a))
    {
        return Some((T::Gpe, "context: in X"));
    }
    None
}

/// The canonical designator for a model token: Tu-22M3, Su-34, F-16, MH17, S-400;
/// Tupolev-22M3 becomes Tu-22M3 through data/designator_makers.txt.
pub fn designator(w: &str) -> Option<String> {
    let lex = lexicon();
    if let Some((maker, rest)) = w.split_once('-')
        && let Some(prefix) = lex.makers.get(&maker.to_lowercase())
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return Some(format!("{prefix}-{rest}"));
    }
    let letters: String = w.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let rest = &w[letters.len()..];
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let hyphen = rest.len() < w.len() - letters.len();
    if letters.is_empty() || letters.len() > 4 || !is_upper_start(&letters) {
        return None;
    }
    if !rest.starts_with(|c: char| c.is_ascii_digit())
        || !rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return None;
    }
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits > 4 {
        return None;
    }
    let known_prefix = lex.designator_prefixes.contains(&letters.to_lowercase());
    let caps = letters.chars().all(|c| c.is_ascii_uppercase());
    (known_prefix || (caps && letters.len() >= 2) || (hyphen && caps)).then(|| w.to_owned())
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
        assert_eq!(designator("Sukhoi-34").as_deref(), Some("Su-34"));
        assert_eq!(designator("Monday"), None);
        assert_eq!(designator("Boxing-2"), None);
    }

    #[test]
    fn hyphenated_modifiers_cut_to_the_name() {
        assert_eq!(hyphen_suffix("Iran-backed"), Some(4));
        assert_eq!(hyphen_suffix("War-era"), Some(3));
        assert_eq!(hyphen_suffix("al-Nusra"), None);
        assert_eq!(hyphen_suffix("Tu-22M3"), None);
    }
}
