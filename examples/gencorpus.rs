//! Synthetic news-corpus generator for exercising and benchmarking `corpus-scan`.
//!
//! Writes realistic-looking but entirely invented English news articles, one
//! per file, as `OUT_DIR/000001.txt`, `OUT_DIR/000002.txt`, ... Every article is
//! a headline, a blank line and 6-14 paragraphs separated by blank lines. The
//! sentences are built from templates and word lists defined in this file and
//! contain the things a news analyser has to cope with: people with titles and
//! roles, invented and real places, organisations, model designators, laws,
//! dates, numbers and money, abbreviations such as "Mr." or "a.m." in the middle
//! of sentences, direct quotations attributed both ways, and occasional
//! boilerplate lines ("Advertisement", credit lines) that are not prose.
//!
//! Most sentences are composed from an opener, a subject, a predicate, adjuncts
//! and an attribution, and every sentence is paraphrased phrase by phrase, so
//! that, as in real reporting, sentences seldom repeat across the corpus. A
//! share of them (`--stock-rate`) come from a few dozen stock templates and
//! recur like stock phrases do.
//!
//! A share of the documents are exact copies of earlier ones (`--dup-rate`) and
//! another share are near copies that reuse one to three paragraphs of an
//! earlier article with one or two words changed (`--near-rate`), so that
//! duplicate detection has something to find. Together these set how much of
//! the corpus `corpus-scan` reports as shared passages: with the defaults,
//! about a sixth of the sentences at 3,500 documents, close to the BBC sample's
//! share. (Before sentences were composed and paraphrased, templates that
//! differed in a word or two chained into passages that took in two thirds of
//! all sentences at 35,000 documents.)
//!
//! Output depends only on the arguments: the generator uses its own SplitMix64
//! PRNG and never reads the clock or the operating system's randomness.
//!
//! ```text
//! cargo run --release --example gencorpus -- --docs 1000 --seed 42 OUT_DIR
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;
use std::{env, fs};

const USAGE: &str = "\
Usage: gencorpus [OPTIONS] OUT_DIR

Writes synthetic English news articles to OUT_DIR/NNNNNN.txt.

Options:
  --docs N         number of documents to write (default 1000)
  --seed S         seed of the deterministic generator (default 42)
  --dup-rate F     share of documents that are exact copies of earlier ones (default 0.03)
  --near-rate F    share of documents that reuse 1-3 paragraphs of an earlier one
                   with one or two words changed (default 0.1)
  --stock-rate F   share of sentences taken from a small set of stock templates,
                   which recur across the corpus like stock phrases (default 0.1)
  -h, --help       print this help and exit
";

/// How many earlier articles are kept as sources for exact and near copies.
const POOL_SIZE: usize = 1024;

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

/// Settings for one generator run.
struct Options {
    docs: usize,
    seed: u64,
    dup_rate: f64,
    near_rate: f64,
    stock_rate: f64,
    out_dir: PathBuf,
}

/// What the command line asks for.
enum Command {
    Help,
    Generate(Options),
}

/// Parses the command line, writes the corpus and reports the totals.
fn main() -> ExitCode {
    match parse_args(env::args().skip(1)) {
        Ok(Command::Help) => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Generate(options)) => match generate(&options) {
            Ok(summary) => {
                eprintln!(
                    "gencorpus: wrote {} documents ({} bytes) to {}: {} exact copies, {} near copies",
                    options.docs,
                    summary.bytes,
                    options.out_dir.display(),
                    summary.exact,
                    summary.near
                );
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("gencorpus: {message}");
                ExitCode::from(2)
            }
        },
        Err(message) => {
            eprintln!("gencorpus: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Parses the arguments that follow the program name.
fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut options = Options {
        docs: 1000,
        seed: 42,
        dup_rate: 0.03,
        near_rate: 0.1,
        stock_rate: 0.1,
        out_dir: PathBuf::new(),
    };
    let mut out_dir = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        }
        if !arg.starts_with('-') {
            if out_dir.replace(PathBuf::from(&arg)).is_some() {
                return Err(format!("unexpected extra argument `{arg}`"));
            }
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value.to_string())),
            None => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name {
            "--docs" => options.docs = parse_number(name, &value()?)?,
            "--seed" => options.seed = parse_number(name, &value()?)?,
            "--dup-rate" => options.dup_rate = parse_rate(name, &value()?)?,
            "--near-rate" => options.near_rate = parse_rate(name, &value()?)?,
            "--stock-rate" => options.stock_rate = parse_rate(name, &value()?)?,
            _ => return Err(format!("unknown option `{arg}`")),
        }
    }
    if options.dup_rate + options.near_rate > 1.0 {
        return Err("--dup-rate and --near-rate must add up to at most 1".to_string());
    }
    options.out_dir = out_dir.ok_or("missing OUT_DIR")?;
    Ok(Command::Generate(options))
}

/// Parses a non-negative integer option value.
fn parse_number<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("invalid value `{text}` for {name}: expected a whole number"))
}

/// Parses a rate option value, which must lie between 0 and 1.
fn parse_rate(name: &str, text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(rate) if (0.0..=1.0).contains(&rate) => Ok(rate),
        _ => Err(format!(
            "invalid value `{text}` for {name}: expected a number between 0 and 1"
        )),
    }
}

// ---------------------------------------------------------------------------
// Corpus generation
// ---------------------------------------------------------------------------

/// Totals reported at the end of a run.
#[derive(Default)]
struct Summary {
    bytes: u64,
    exact: usize,
    near: usize,
}

/// Writes all documents and returns what was written.
fn generate(options: &Options) -> Result<Summary, String> {
    let dir = &options.out_dir;
    fs::create_dir_all(dir).map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    let mut summary = Summary::default();
    let mut pool: Vec<Article> = Vec::with_capacity(POOL_SIZE.min(options.docs));
    let mut text = String::with_capacity(16 * 1024);
    for index in 0..options.docs {
        let mut rng = Rng::for_document(options.seed, index as u64);
        let roll = rng.unit();
        text.clear();
        if roll < options.dup_rate && !pool.is_empty() {
            pool[rng.below(pool.len())].render_into(&mut text);
            summary.exact += 1;
        } else {
            let mut article = Writer::new(&mut rng, options.stock_rate).article();
            if roll < options.dup_rate + options.near_rate && !pool.is_empty() {
                let source = &pool[rng.below(pool.len())];
                reuse_paragraphs(&mut article, source, &mut rng);
                summary.near += 1;
            }
            article.render_into(&mut text);
            if pool.len() < POOL_SIZE {
                pool.push(article);
            } else {
                pool[rng.below(POOL_SIZE)] = article;
            }
        }
        let path = dir.join(format!("{:06}.txt", index + 1));
        fs::write(&path, &text).map_err(|err| format!("cannot write {}: {err}", path.display()))?;
        summary.bytes += text.len() as u64;
    }
    Ok(summary)
}

/// Turns `article` into a near copy of `source`: one to three consecutive
/// paragraphs of `source`, each with one or two words changed, replace
/// paragraphs of `article`.
fn reuse_paragraphs(article: &mut Article, source: &Article, rng: &mut Rng) {
    let borrowed: Vec<&str> = source.paragraphs().collect();
    let mut targets: Vec<usize> = (0..article.blocks.len())
        .filter(|&i| matches!(article.blocks[i], Block::Paragraph(_)))
        .collect();
    let count = rng.range(1, 3).min(borrowed.len()).min(targets.len());
    let start = rng.below(borrowed.len() - count + 1);
    for text in &borrowed[start..start + count] {
        let target = targets.swap_remove(rng.below(targets.len()));
        article.blocks[target] = Block::Paragraph(change_words(text, rng));
    }
}

/// Returns `text` with one or two words replaced by others of the same kind,
/// preferring common words over names; text with no replaceable word at all
/// comes back unchanged.
fn change_words(text: &str, rng: &mut Rng) -> String {
    let words: Vec<Range<usize>> = ascii_words(text)
        .filter(|span| !after_indefinite_article(text, span.start))
        .collect();
    let mut candidates = swappable(text, &words, SWAP_CLASSES);
    if candidates.is_empty() {
        candidates = swappable(text, &words, NAME_CLASSES);
    }
    let mut chosen = Vec::with_capacity(2);
    for _ in 0..rng.range(1, 2).min(candidates.len()) {
        chosen.push(candidates.swap_remove(rng.below(candidates.len())));
    }
    chosen.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut changed = text.to_string();
    for (span, class) in chosen {
        let replacement = loop {
            let word = rng.word(class);
            if word != &text[span.clone()] {
                break word;
            }
        };
        changed.replace_range(span, replacement);
    }
    changed
}

/// The `words` of `text` that belong to one of `classes`, each with its class.
fn swappable(
    text: &str,
    words: &[Range<usize>],
    classes: &[&'static [&'static str]],
) -> Vec<(Range<usize>, &'static [&'static str])> {
    words
        .iter()
        .filter_map(|span| {
            let word = &text[span.clone()];
            let class = classes.iter().find(|class| class.contains(&word))?;
            Some((span.clone(), *class))
        })
        .collect()
}

/// Whether the word starting at byte `start` follows "a" or "an", so that
/// replacing it could break the article agreement.
fn after_indefinite_article(text: &str, start: usize) -> bool {
    let previous = text[..start]
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or_default();
    ["a", "an", "A", "An"].contains(&previous)
}

/// Byte ranges of the ASCII words of two or more letters.
fn ascii_words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < bytes.len() {
            while pos < bytes.len() && !bytes[pos].is_ascii_alphabetic() {
                pos += 1;
            }
            let start = pos;
            while pos < bytes.len() && bytes[pos].is_ascii_alphabetic() {
                pos += 1;
            }
            if pos - start >= 2 {
                return Some(start..pos);
            }
        }
        None
    })
}

// ---------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64: a small, fast PRNG that is fully determined by its seed.
struct Rng(u64);

impl Rng {
    /// An independent stream for document `index`, so that the choices made
    /// for a document depend only on the seed and its position.
    fn for_document(seed: u64, index: u64) -> Self {
        Self(mix64(seed) ^ mix64(index.wrapping_add(GOLDEN_GAMMA)))
    }

    /// The next 64 random bits.
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN_GAMMA);
        mix64(self.0)
    }

    /// A uniform integer in `0..n`; `n` must be positive.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A uniform integer in `low..=high`.
    fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    /// A uniform float in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A uniformly chosen element of a non-empty slice.
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A uniformly chosen word from a non-empty list.
    fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }
}

/// The SplitMix64 output function.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

// ---------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------

/// One block of an article body.
enum Block {
    /// Running prose that near copies may reuse.
    Paragraph(String),
    /// A line of page furniture such as "Advertisement".
    Boilerplate(String),
}

/// A generated article, kept structured so that near copies can reuse paragraphs.
struct Article {
    title: String,
    blocks: Vec<Block>,
}

impl Article {
    /// Appends the article as file text: title, blank line, blocks separated
    /// by blank lines, final newline.
    fn render_into(&self, out: &mut String) {
        out.push_str(&self.title);
        for block in &self.blocks {
            let (Block::Paragraph(text) | Block::Boilerplate(text)) = block;
            out.push_str("\n\n");
            out.push_str(text);
        }
        out.push('\n');
    }

    /// The prose paragraphs, without boilerplate.
    fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Paragraph(text) => Some(text.as_str()),
            Block::Boilerplate(_) => None,
        })
    }
}

/// A person who appears in an article.
struct Person {
    given: &'static str,
    surname: &'static str,
    female: bool,
    /// Placed before the name on first mention ("Defence Minister"); may be empty.
    title: String,
    /// Used before the surname on later mentions ("Ms.", "Gen.").
    honorific: &'static str,
    /// Describes the person after the name ("a spokeswoman for ...").
    appositive: String,
    mentioned: bool,
}

/// How a person is referred to in a template slot.
#[derive(Clone, Copy, PartialEq)]
enum Mention {
    /// Sentence subject: on first mention title and name, or name and
    /// appositive between commas when there is no title.
    Subject,
    /// On first mention name and appositive between commas.
    Appositive,
    /// On first mention name and appositive, with no closing comma (end of sentence).
    Trailing,
    /// On first mention title and name, never an appositive.
    Name,
}

/// Builds one article; holds the article's cast, setting and style choices.
struct Writer<'r> {
    rng: &'r mut Rng,
    topic: &'static Topic,
    /// Lower-case topic domain ("energy").
    field: String,
    city: &'static str,
    country: &'static str,
    ministry: String,
    company: &'static str,
    orgs: Vec<String>,
    /// Model designator of the article's equipment ("Kx-41M").
    model: String,
    /// What the model designator is attached to ("fighter jet").
    kind: &'static str,
    /// The legal instrument the article refers to.
    law: String,
    cast: Vec<Person>,
    /// Index into `cast` of the person pronouns refer to.
    current: Option<usize>,
    /// Later mentions use "Mr. Kowal" rather than "Kowal".
    honorifics: bool,
    /// Quotations use typographic rather than straight quotes.
    curly: bool,
    /// House style for percentages: "%", " percent" or " per cent".
    percent_suffix: &'static str,
    /// Templates already used in this article, to limit repetition.
    used: Vec<&'static str>,
    /// Share of sentences taken from the stock templates rather than composed.
    stock_rate: f64,
}

impl<'r> Writer<'r> {
    /// Chooses the setting, topic and cast of a new article.
    fn new(rng: &'r mut Rng, stock_rate: f64) -> Self {
        let topic = rng.pick(TOPICS);
        let &(city, country) = rng.pick(CITIES);
        let ministry = if INVENTED_COUNTRIES.contains(&country) {
            format!("the {country} Ministry of {}", topic.domain)
        } else {
            format!("{country}'s Ministry of {}", topic.domain)
        };
        let company = rng.word(COMPANIES);
        let orgs = vec![
            ministry.clone(),
            rng.word(ORGS).to_string(),
            rng.word(INSTITUTES).to_string(),
            rng.word(BANKS).to_string(),
            company.to_string(),
        ];
        let model = model_designator(rng);
        let kind = rng.word(topic.kinds);
        let law = law_name(rng);
        let honorifics = rng.chance(0.6);
        let curly = rng.chance(0.7);
        let percent_suffix = rng.word(&["%", "%", "%", " percent", " per cent"]);
        let mut writer = Self {
            rng,
            topic,
            field: topic.domain.to_lowercase(),
            city,
            country,
            ministry,
            company,
            orgs,
            model,
            kind,
            law,
            cast: Vec::new(),
            current: None,
            honorifics,
            curly,
            percent_suffix,
            used: Vec::new(),
            stock_rate,
        };
        let cast_size = writer.rng.range(2, 4);
        for position in 0..cast_size {
            let person = writer.person(position == 0);
            writer.cast.push(person);
        }
        writer
    }

    /// Generates the whole article.
    fn article(mut self) -> Article {
        let title = self.headline();
        let paragraphs = self.rng.range(6, 14);
        let mut blocks = Vec::with_capacity(paragraphs + 4);
        if self.rng.chance(0.08) {
            blocks.push(Block::Boilerplate("Share".to_string()));
        }
        blocks.push(Block::Paragraph(self.lead_paragraph()));
        let advert = self
            .rng
            .chance(0.2)
            .then(|| self.rng.range(2, paragraphs - 2));
        for position in 1..paragraphs {
            if advert == Some(position) {
                blocks.push(Block::Boilerplate("Advertisement".to_string()));
            }
            let paragraph = if self.rng.chance(0.3) {
                self.quote_paragraph()
            } else {
                self.body_paragraph()
            };
            blocks.push(Block::Paragraph(paragraph));
        }
        if self.rng.chance(0.06) {
            let related = self.headline();
            blocks.push(Block::Boilerplate(format!("Read more: {related}")));
        }
        let ending = self.rng.unit();
        if ending < 0.2 {
            blocks.push(Block::Boilerplate(self.credit_line()));
        } else if ending < 0.3 {
            let mut line = "Follow ".to_string();
            self.full_name(&mut line);
            line.push_str(" on Twitter");
            blocks.push(Block::Boilerplate(line));
        }
        Article { title, blocks }
    }

    /// A headline in headline case, without a final full stop.
    fn headline(&mut self) -> String {
        let mut raw = String::with_capacity(80);
        let template = self.rng.word(HEADLINES);
        self.expand(template, &mut raw);
        title_case(&raw)
    }

    /// The opening paragraph, sometimes with a dateline.
    fn lead_paragraph(&mut self) -> String {
        let mut text = String::with_capacity(512);
        if self.rng.chance(0.25) {
            text.push_str(&self.city.to_uppercase());
            if INVENTED_COUNTRIES.contains(&self.country) {
                text.push_str(", ");
                text.push_str(self.country);
            }
            text.push_str(" — ");
        }
        if self.rng.chance(self.stock_rate) {
            self.sentence(LEADS, &mut text);
        } else {
            self.composed(true, &mut text);
        }
        if self.rng.chance(0.7) {
            text.push(' ');
            self.body_sentence(&mut text);
        }
        text
    }

    /// A paragraph built around a quotation.
    fn quote_paragraph(&mut self) -> String {
        let mut text = String::with_capacity(512);
        self.sentence(QUOTE_SENTENCES, &mut text);
        if self.rng.chance(0.7) {
            text.push(' ');
            self.body_sentence(&mut text);
        }
        text
    }

    /// A paragraph of one to four reporting sentences.
    fn body_paragraph(&mut self) -> String {
        let mut text = String::with_capacity(768);
        let sentences = *self.rng.pick(&[1, 2, 3, 3, 3, 4, 4, 4]);
        for i in 0..sentences {
            if i > 0 {
                text.push(' ');
            }
            self.body_sentence(&mut text);
        }
        text
    }

    /// Picks a template, preferring ones not yet used in this article.
    fn fresh(&mut self, templates: &[&'static str]) -> &'static str {
        let mut template = self.rng.word(templates);
        for _ in 0..4 {
            if !self.used.contains(&template) {
                break;
            }
            template = self.rng.word(templates);
        }
        self.used.push(template);
        template
    }

    /// Appends one sentence from `templates` with its first letter capitalised.
    fn sentence(&mut self, templates: &[&'static str], out: &mut String) {
        let template = self.fresh(templates);
        self.emit(template, out);
    }

    /// Appends a body sentence: a stock template with probability `stock_rate`,
    /// otherwise a composed one.
    fn body_sentence(&mut self, out: &mut String) {
        if self.rng.chance(self.stock_rate) {
            self.sentence(BODY, out);
        } else {
            self.composed(false, out);
        }
    }

    /// Appends a sentence put together from an optional opener, a subject, a
    /// predicate, up to two adjuncts and an optional attribution, so that
    /// sentences seldom repeat across a large corpus. A `lead` sentence always
    /// says when.
    fn composed(&mut self, lead: bool, out: &mut String) {
        let mut template = String::with_capacity(160);
        if !lead && self.rng.chance(0.2) {
            template.push_str(self.rng.word(OPENERS));
        }
        template.push_str(self.rng.word(SUBJECTS));
        template.push(' ');
        template.push_str(self.rng.word(PREDICATES));
        if lead {
            template.push_str(" {when}");
        }
        let adjuncts = *self.rng.pick(&[0, 0, 1, 1, 1, 2]);
        let mut used = Vec::with_capacity(2);
        for _ in 0..adjuncts {
            let adjunct = self.rng.word(ADJUNCTS);
            let repeats_when = lead && adjunct == " {when}";
            if !repeats_when && !used.contains(&adjunct) {
                used.push(adjunct);
                template.push_str(adjunct);
            }
        }
        if self.rng.chance(0.25) {
            template.push_str(self.rng.word(ATTRIBUTIONS));
        }
        template.push('.');
        self.emit(&template, out);
    }

    /// Appends `template` expanded and paraphrased, with its first letter capitalised.
    fn emit(&mut self, template: &str, out: &mut String) {
        let mut text = String::with_capacity(256);
        self.expand(template, &mut text);
        let start = out.len();
        out.push_str(&paraphrase(&text, self.rng));
        if out[start..].starts_with(|c: char| c.is_ascii_lowercase()) {
            out[start..=start].make_ascii_uppercase();
        }
    }

    /// Appends `template` with every `{slot}` filled in.
    fn expand(&mut self, template: &str, out: &mut String) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("unclosed template slot");
            self.fill(&rest[open + 1..close], out);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
    }

    /// Appends the text for one template slot.
    fn fill(&mut self, slot: &str, out: &mut String) {
        match slot {
            "who" => self.mention(Mention::Subject, out),
            "whoa" => self.mention(Mention::Appositive, out),
            "whoe" => self.mention(Mention::Trailing, out),
            "name" => self.mention(Mention::Name, out),
            "he" | "He" | "his" | "His" => self.pronoun(slot, out),
            "surname" => out.push_str(self.cast[0].surname),
            "extra" => self.full_name(out),
            "country" => out.push_str(self.country),
            "country2" => {
                let country = self.other_country();
                out.push_str(country);
            }
            "city" => out.push_str(self.city),
            "city2" => {
                let city = self.other_city();
                out.push_str(city);
            }
            "region" => out.push_str(self.rng.word(REGIONS)),
            "org" => {
                let org = self.rng.below(self.orgs.len());
                out.push_str(&self.orgs[org]);
            }
            "orgh" => {
                let org = self.rng.word(ORGS);
                out.push_str(org.strip_prefix("the ").unwrap_or(org));
            }
            "ministry" => out.push_str(&self.ministry),
            "company" => out.push_str(self.company),
            "outlet" => out.push_str(self.rng.word(OUTLETS)),
            "model" => out.push_str(&self.model),
            "modelk" | "models" => {
                let _ = write!(out, "{} {}", self.model, self.kind);
                if slot == "models" {
                    out.push('s');
                }
            }
            "law" => out.push_str(&self.law),
            "resolution" => {
                let _ = write!(out, "Resolution {}", self.rng.range(100, 9999));
            }
            "when" => self.when(out),
            "date" => self.date(out),
            "month" => out.push_str(self.rng.pick(MONTHS).0),
            "year" => {
                let _ = write!(out, "{}", self.rng.range(1985, 2024));
            }
            "weekday" => out.push_str(self.rng.word(WEEKDAYS)),
            "time" => self.time(out),
            "people" => self.people(out),
            "num" => push_thousands(
                out,
                self.rng.range(1, 250) * 1000 + self.rng.below(100) * 10,
            ),
            "count" => {
                let _ = write!(out, "{}", self.rng.range(2, 400));
            }
            "small" => out.push_str(self.rng.word(SMALL_NUMBERS)),
            "years" => {
                let _ = write!(out, "{}", self.rng.range(2, 40));
            }
            "votes" => {
                let ayes = self.rng.range(120, 350);
                let noes = self.rng.range(60, ayes - 1);
                let _ = write!(out, "{ayes} votes to {noes}");
            }
            "money" => self.money(out),
            "pct" => self.percent(out),
            "dist" => self.distance(out),
            "tnoun" => out.push_str(self.rng.word(self.topic.subjects)),
            "noun" => out.push_str(self.rng.word(NOUNS)),
            "plural" => out.push_str(self.rng.word(PLURALS)),
            "past" => out.push_str(self.rng.word(PAST)),
            "base" => out.push_str(self.rng.word(BASE)),
            "adj" => out.push_str(self.rng.word(ADJECTIVES)),
            "aadj" => push_with_article(out, self.rng.word(ADJECTIVES)),
            "hverb" => out.push_str(self.rng.word(HEADLINE_VERBS)),
            "obj" => self.object(out),
            "lq" => out.push(if self.curly { '“' } else { '"' }),
            "rq" => out.push(if self.curly { '”' } else { '"' }),
            "Q" => {
                if self.rng.chance(0.4) {
                    let quote = self.fresh(QUOTES);
                    self.expand(quote, out);
                } else {
                    let speaker = self.rng.word(QUOTE_SUBJECTS);
                    let predicate = self.rng.word(QUOTE_PREDICATES);
                    self.expand(&format!("{speaker} {predicate}"), out);
                }
            }
            "Qq" => out.push_str(self.rng.word(QUESTIONS)),
            "short_q" => out.push_str(self.rng.word(SHORT_QUOTES)),
            other => panic!("unknown template slot {{{other}}}"),
        }
    }

    /// Creates a cast member; the first (`lead`) holds a senior office.
    fn person(&mut self, lead: bool) -> Person {
        let female = self.rng.chance(0.5);
        let given = if female {
            self.rng.word(GIVEN_FEMALE)
        } else {
            self.rng.word(GIVEN_MALE)
        };
        let surname = loop {
            let surname = self.rng.word(SURNAMES);
            if self.cast.iter().all(|person| person.surname != surname) {
                break surname;
            }
        };
        let spokes = if female { "spokeswoman" } else { "spokesman" };
        let country = self.country;
        let kind = if lead {
            self.rng.below(3)
        } else {
            self.rng.range(2, 15)
        };
        let (title, rank, appositive) = match kind {
            0 => (
                format!("{} Minister", self.topic.domain),
                None,
                format!("{country}'s {} minister", self.field),
            ),
            1 => {
                let office = self.rng.word(&["Prime Minister", "President"]);
                let appositive = format!("{country}'s {}", office.to_lowercase());
                (office.to_string(), None, appositive)
            }
            2 => (
                String::new(),
                None,
                format!("a {spokes} for {}", self.ministry),
            ),
            3 => (
                "Gen.".to_string(),
                Some("Gen."),
                format!("the commander of {country}'s armed forces"),
            ),
            4 => (
                "Dr.".to_string(),
                Some("Dr."),
                format!("a senior fellow at {}", self.rng.word(INSTITUTES)),
            ),
            5 => (
                "Prof.".to_string(),
                Some("Prof."),
                format!(
                    "a professor of {} at the University of {}",
                    self.rng.word(DISCIPLINES),
                    self.city
                ),
            ),
            6 => (
                String::new(),
                None,
                format!("chief economist at {}", self.rng.word(BANKS)),
            ),
            7 => (
                "Mayor".to_string(),
                None,
                format!("the mayor of {}", self.city),
            ),
            8 => (
                String::new(),
                None,
                format!("the chief executive of {}", self.company),
            ),
            9 => (
                "opposition leader".to_string(),
                None,
                format!("the leader of {}", self.rng.word(PARTIES)),
            ),
            10 => (
                "Sen.".to_string(),
                Some("Sen."),
                format!("a senator who sits on the {} committee", self.field),
            ),
            11 => (
                String::new(),
                None,
                format!("a lawyer representing {}", self.rng.word(CLIENTS)),
            ),
            12 => (
                "Gov.".to_string(),
                Some("Gov."),
                format!("the governor of {}", self.rng.word(REGIONS)),
            ),
            13 => (
                "Col.".to_string(),
                Some("Col."),
                format!("a {spokes} for the army"),
            ),
            14 => (
                String::new(),
                None,
                format!("general secretary of {}", self.rng.word(UNIONS)),
            ),
            _ => (
                String::new(),
                None,
                format!(
                    "a {}-year-old {} from {}",
                    self.rng.range(19, 78),
                    self.rng.word(OCCUPATIONS),
                    self.city
                ),
            ),
        };
        let honorific = match (rank, female) {
            (Some(rank), _) => rank,
            (None, false) => "Mr.",
            (None, true) if self.rng.chance(0.2) => "Mrs.",
            (None, true) => "Ms.",
        };
        Person {
            given,
            surname,
            female,
            title,
            honorific,
            appositive,
            mentioned: false,
        }
    }

    /// Appends a reference to a cast member, who becomes the pronoun referent.
    fn mention(&mut self, kind: Mention, out: &mut String) {
        let index = match self.current {
            Some(current) if self.rng.chance(0.5) => current,
            _ => self.rng.below(self.cast.len()),
        };
        self.current = Some(index);
        let person = &mut self.cast[index];
        if person.mentioned {
            if self.honorifics {
                out.push_str(person.honorific);
                out.push(' ');
            }
            out.push_str(person.surname);
            return;
        }
        person.mentioned = true;
        let appositive = match kind {
            Mention::Subject => person.title.is_empty(),
            Mention::Appositive | Mention::Trailing => true,
            Mention::Name => false,
        };
        if !appositive && !person.title.is_empty() {
            out.push_str(&person.title);
            out.push(' ');
        }
        out.push_str(person.given);
        out.push(' ');
        out.push_str(person.surname);
        if appositive {
            out.push_str(", ");
            out.push_str(&person.appositive);
            if kind != Mention::Trailing {
                out.push(',');
            }
        }
    }

    /// Appends a pronoun for the current person, or names someone if nobody
    /// has been mentioned yet.
    fn pronoun(&mut self, slot: &str, out: &mut String) {
        let Some(current) = self.current else {
            self.mention(Mention::Name, out);
            if slot.eq_ignore_ascii_case("his") {
                out.push_str("'s");
            }
            return;
        };
        let word = match (slot, self.cast[current].female) {
            ("he", false) => "he",
            ("he", true) => "she",
            ("He", false) => "He",
            ("He", true) => "She",
            ("his", false) => "his",
            ("his", true) => "her",
            ("His", false) => "His",
            _ => "Her",
        };
        out.push_str(word);
    }

    /// Appends the name of someone outside the cast (a reporter, an official).
    fn full_name(&mut self, out: &mut String) {
        let given = if self.rng.chance(0.5) {
            self.rng.word(GIVEN_FEMALE)
        } else {
            self.rng.word(GIVEN_MALE)
        };
        out.push_str(given);
        out.push(' ');
        out.push_str(self.rng.word(SURNAMES));
    }

    /// A wire-style credit line naming reporters and editors.
    fn credit_line(&mut self) -> String {
        let mut line = "(Reporting by ".to_string();
        self.full_name(&mut line);
        line.push_str(" in ");
        line.push_str(self.city);
        if self.rng.chance(0.4) {
            line.push_str("; Additional reporting by ");
            self.full_name(&mut line);
        }
        line.push_str("; Editing by ");
        self.full_name(&mut line);
        if self.rng.chance(0.3) {
            line.push_str(" and ");
            self.full_name(&mut line);
        }
        line.push(')');
        line
    }

    /// A country other than the article's own.
    fn other_country(&mut self) -> &'static str {
        loop {
            let list = if self.rng.chance(0.5) {
                INVENTED_COUNTRIES
            } else {
                REAL_COUNTRIES
            };
            let country = self.rng.word(list);
            if country != self.country {
                return country;
            }
        }
    }

    /// A city other than the article's own.
    fn other_city(&mut self) -> &'static str {
        loop {
            let city = self.rng.pick(CITIES).0;
            if city != self.city {
                return city;
            }
        }
    }

    /// Appends the object of an action: "the fuel subsidy", "an emergency pipeline".
    fn object(&mut self, out: &mut String) {
        let subject = self.rng.word(self.topic.subjects);
        match self.rng.below(6) {
            0..=2 => out.push_str("the "),
            3 | 4 => {
                out.push_str("the ");
                out.push_str(self.rng.word(ADJECTIVES));
                out.push(' ');
            }
            _ => {
                push_with_article(out, self.rng.word(ADJECTIVES));
                out.push(' ');
            }
        }
        out.push_str(subject);
    }

    /// Appends a time expression with its preposition: "on Tuesday", "in 1998".
    fn when(&mut self, out: &mut String) {
        match self.rng.below(20) {
            0..=8 => {
                out.push_str("on ");
                out.push_str(self.rng.word(WEEKDAYS));
            }
            9 | 10 => {
                let _ = write!(
                    out,
                    "on {} {}",
                    self.rng.word(WEEKDAYS),
                    self.rng.word(&["morning", "afternoon", "evening", "night"])
                );
            }
            11 => {
                out.push_str("late on ");
                out.push_str(self.rng.word(WEEKDAYS));
            }
            12..=14 => out.push_str(self.rng.word(RELATIVE_TIMES)),
            15 | 16 => {
                out.push_str("on ");
                self.date(out);
            }
            17 | 18 => {
                out.push_str("in ");
                out.push_str(self.rng.pick(MONTHS).0);
            }
            _ => {
                let _ = write!(out, "in {}", self.rng.range(1985, 2024));
            }
        }
    }

    /// Appends a calendar date: "30 September 2015", "Aug. 16", "4 June".
    fn date(&mut self, out: &mut String) {
        let day = self.rng.range(1, 28);
        let &(full, short) = self.rng.pick(MONTHS);
        match self.rng.below(3) {
            0 => {
                let _ = write!(out, "{day} {full}");
            }
            1 => {
                let _ = write!(out, "{short} {day}");
            }
            _ => {
                let _ = write!(out, "{day} {full} {}", self.rng.range(1985, 2024));
            }
        }
    }

    /// Appends a clock time that never ends in an abbreviation:
    /// "10:30 a.m. on Monday", "9 p.m. local time".
    fn time(&mut self, out: &mut String) {
        let hour = self.rng.range(1, 12);
        let minute = *self.rng.pick(&[0, 5, 15, 20, 30, 45, 50]);
        let half = if self.rng.chance(0.5) { "a.m." } else { "p.m." };
        let clock = if minute == 0 && self.rng.chance(0.5) {
            format!("{hour} {half}")
        } else {
            format!("{hour}:{minute:02} {half}")
        };
        if self.rng.chance(0.7) {
            let _ = write!(out, "{clock} on {}", self.rng.word(WEEKDAYS));
        } else {
            let _ = write!(out, "{clock} local time");
        }
    }

    /// Appends a head count: "290,000 people", "1.2 million people".
    fn people(&mut self, out: &mut String) {
        match self.rng.below(4) {
            0 => {
                let _ = write!(out, "{}", self.rng.range(20, 999));
            }
            1 | 2 => {
                let scale = if self.rng.chance(0.5) { 1000 } else { 10 };
                push_thousands(out, self.rng.range(100, 999) * scale);
            }
            _ => {
                let _ = write!(
                    out,
                    "{}.{} million",
                    self.rng.range(1, 9),
                    self.rng.range(1, 9)
                );
            }
        }
        out.push_str(" people");
    }

    /// Appends an amount of money: "$3.5bn", "£120m", "€4.2 billion", "$450,000".
    fn money(&mut self, out: &mut String) {
        let currency = self.rng.word(&["$", "$", "$", "£", "€"]);
        let whole = self.rng.range(1, 95);
        let tenth = self.rng.range(1, 9);
        let _ = match self.rng.below(5) {
            0 => write!(out, "{currency}{whole}.{tenth}bn"),
            1 => write!(out, "{currency}{}m", self.rng.range(2, 950)),
            2 => write!(out, "{currency}{whole}.{tenth} billion"),
            3 => write!(out, "{currency}{} million", self.rng.range(2, 900)),
            _ => {
                out.push_str(currency);
                push_thousands(out, self.rng.range(12, 990) * 1000);
                Ok(())
            }
        };
    }

    /// Appends a percentage in the article's house style: "12%", "3.4 per cent".
    fn percent(&mut self, out: &mut String) {
        let whole = self.rng.range(1, 40);
        let _ = if self.rng.chance(0.4) {
            write!(out, "{whole}.{}", self.rng.range(1, 9))
        } else {
            write!(out, "{whole}")
        };
        out.push_str(self.percent_suffix);
    }

    /// Appends a distance: "45 kilometres", "120 miles", "80 kilometres (50 miles)".
    fn distance(&mut self, out: &mut String) {
        let km = self.rng.range(5, 900);
        let miles = (km as f64 * 0.621_371).round();
        let _ = match self.rng.below(4) {
            0 => write!(out, "{km} kilometres"),
            1 => write!(out, "{km}km"),
            2 => write!(out, "{miles} miles"),
            _ => write!(out, "{km} kilometres ({miles} miles)"),
        };
    }
}

/// Generates a model designator such as "F-16", "Kx-41M" or "Zr-9".
fn model_designator(rng: &mut Rng) -> String {
    const UPPER: &[u8] = b"ABCDEFGHJKLMNPRSTVXZ";
    const LOWER: &[u8] = b"abdeiklmnorstvxz";
    let mut model = String::with_capacity(8);
    model.push(char::from(*rng.pick(UPPER)));
    match rng.below(3) {
        0 => {}
        1 => model.push(char::from(*rng.pick(LOWER))),
        _ => model.push(char::from(*rng.pick(UPPER))),
    }
    let number = if rng.chance(0.6) {
        rng.range(1, 99)
    } else {
        rng.range(100, 990)
    };
    let _ = write!(model, "-{number}");
    if rng.chance(0.35) {
        model.push(char::from(*rng.pick(UPPER)));
    }
    model
}

/// Generates the name of a legal instrument: "the Clean Water Act", "Bill C-21".
fn law_name(rng: &mut Rng) -> String {
    let act = format!(
        "the {} {} Act",
        rng.word(ACT_QUALIFIERS),
        rng.word(ACT_SUBJECTS)
    );
    match rng.below(8) {
        0..=2 => act,
        3 => format!("{act} {}", rng.range(1990, 2024)),
        4 => format!("Section {} of {act}", rng.range(2, 240)),
        5 => format!("Directive {}/{}", rng.range(1995, 2024), rng.range(10, 999)),
        6 => format!("Bill C-{}", rng.range(2, 99)),
        _ => format!("Article {} of the constitution", rng.range(3, 120)),
    }
}

/// Appends `word` preceded by "a" or "an".
fn push_with_article(out: &mut String, word: &str) {
    let vowel = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    out.push_str(if vowel { "an " } else { "a " });
    out.push_str(word);
}

/// Appends `n` with comma thousands separators: 290000 -> "290,000".
fn push_thousands(out: &mut String, n: usize) {
    let digits = n.to_string();
    let (head, mut rest) = digits.split_at((digits.len() - 1) % 3 + 1);
    out.push_str(head);
    while !rest.is_empty() {
        let (group, tail) = rest.split_at(3);
        out.push(',');
        out.push_str(group);
        rest = tail;
    }
}

/// Capitalises every word except short function words (unless first).
fn title_case(text: &str) -> String {
    const MINOR: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to",
    ];
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut chars = word.chars();
        match chars.next() {
            Some(first) if i == 0 || !MINOR.contains(&word) => {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
            _ => out.push_str(word),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Templates
//
// Slots: {who} {whoa} {whoe} {name} person mentions (see `Mention`);
// {he} {He} {his} {His} pronouns; {extra} someone outside the cast; {surname}
// the lead's surname; {country} {country2} {city} {city2} {region}; {org}
// {orgh} {ministry} {company} {outlet}; {model} {modelk} {models}; {law}
// {resolution}; {when} {date} {month} {year} {weekday} {time}; {people} {num}
// {count} {small} {years} {votes} {money} {pct} {dist}; {tnoun} {noun} {plural}
// {past} {base} {adj} {aadj} {hverb} {obj}; {lq} {rq} {Q} {Qq} {short_q}.
// ---------------------------------------------------------------------------

const HEADLINES: &[&str] = &[
    "{country} {hverb} {adj} {tnoun}",
    "{orgh} warns over {tnoun}",
    "thousands protest in {city} over {tnoun}",
    "{surname} vows to {base} {tnoun} despite opposition",
    "{country} and {country2} agree {tnoun} deal",
    "{modelk} grounded after safety review",
    "{people} affected as {tnoun} dispute deepens",
    "what the {adj} {tnoun} means for {plural}",
    "{orgh} cuts growth forecast to {pct}",
    "{tnoun} faces fresh challenge in {country}",
    "court blocks {country}'s {tnoun}",
    "why {plural} in {city} are turning against the {tnoun}",
    "{country} {hverb} {law}",
    "{surname} says {country} will not {base} {tnoun}",
    "{tnoun} talks stall as {plural} demand {money}",
    "{city} braces for {adj} {tnoun}",
    "inside the fight over {country}'s {tnoun}",
    "U.S. raises concerns over {country}'s {tnoun}",
    "{orgh} {hverb} {money} {tnoun}",
    "{plural} left waiting as {tnoun} stalls",
];

const LEADS: &[&str] = &[
    "{org} {past} {obj} {when}, a move that could affect {people} across {country}.",
    "{who} has {past} {obj}, saying the country could not afford to wait any longer.",
    "Thousands of {plural} gathered in {city} {when} to protest against {obj}.",
    "{country} will spend {money} on the {tnoun} over the next {small} years, the government announced {when}.",
    "{aadj} {tnoun} in {country} has been {past} after {org} raised concerns about {money} in unpaid costs.",
    "Officials in {city} are racing to finish work on the {tnoun} before {date}, when {law} comes into force.",
    "{whoa} said {when} that {country} was prepared to {base} {obj} if talks with {country2} failed.",
    "Lawmakers in {country} voted {when} to {base} {law}, ending months of debate.",
    "{country} and {country2} signed {aadj} agreement on the {tnoun} {when}, officials said.",
    "The future of the {tnoun} was thrown into doubt {when} after {org} withdrew its support.",
    "{who} said {when} that {he} would ask parliament to {base} {obj} before the end of the year.",
];

const BODY: &[&str] = &[
    "{whoa} said {when} that the government would {base} {obj}.",
    "{obj} has been criticised by {plural}, who say it will do little to help ordinary families.",
    "{org} {past} {obj} {when}, citing concerns about the cost.",
    "According to {org}, about {people} have been affected since {month}.",
    "The {noun} is expected to cost {money} over {small} years, {org} said.",
    "{who} is due to meet {country2}'s foreign minister in {city2} {when}.",
    "U.S. officials said {when} that they were following the situation closely.",
    "The army's chief of staff, Gen. {extra}, said troops had been moved {dist} closer to the border.",
    "The {modelk}, which entered service in {year}, was withdrawn from use {when} pending a safety review.",
    "Under {law}, companies must report any breach within {small} days.",
    "{resolution}, adopted by the U.N. Security Council in {year}, calls for an independent review of {obj}.",
    "Prices rose {pct} in the year to {month}, the fastest pace since {year}.",
    "The {adj} {tnoun} would affect roughly {people}, according to estimates by {org}.",
    "{He} added that {org} had not been consulted.",
    "{His} office did not respond to a request for comment.",
    "It was not immediately clear how many {plural} would be affected.",
    "The vote is scheduled for {time}.",
    "Shares in {company} fell {pct} in early trading on {weekday} after the company {past} {obj}.",
    "{country} has spent {money} on the {tnoun} since {year}, more than any of its neighbours.",
    "Critics say {obj} will do little to help {plural} in the poorest regions.",
    "Police said {count} people had been arrested in {city} after protests {when}.",
    "The proposed route runs {dist} from {city} to the border with {country2}.",
    "In a statement, {org} said it was {lq}deeply concerned{rq} by the decision.",
    "A report published {when} found that {pct} of {plural} in {country} opposed {obj}.",
    "Talks between {country} and {country2} broke down in {year} over the {tnoun}.",
    "{who} declined to comment {when}.",
    "The {modelk} is built by {company} at a plant near {city}.",
    "Since {month}, the number of {plural} seeking help has risen by nearly {pct}.",
    "Lawmakers are expected to debate {law} {when}.",
    "The measure passed by {votes} after a debate that lasted more than {small} hours.",
    "A spokesman for {org} said the figures were preliminary and could be revised.",
    "{country}'s economy grew {pct} last year, {org} said {when}.",
    "About {people} live within {dist} of the site.",
    "The company, which employs {num} people worldwide, reported a loss of {money} for the year.",
    "The incident happened at about {time}, witnesses said.",
    "Asked whether {org} would {base} {obj}, {he} said it was too early to say.",
    "{org} has until {date} to respond.",
    "The {noun} was first proposed in {year} but stalled amid opposition from {plural}.",
    "The E.U. has so far {past} {obj}, diplomats in Brussels said.",
    "The U.K. government advised against all but essential travel to parts of {country} {when}.",
    "{name}, who took office in {year}, has made the {tnoun} a priority.",
    "More than {people} have signed a petition calling for {obj} to be {past}.",
    "{company}'s No. 2 executive, {extra}, resigned {when} after weeks of criticism.",
    "Dr. {extra}, who has studied the issue for {years} years, said the evidence was mixed.",
    "{plural} in {city} said they had received little information about {obj}.",
    "{country2} {past} a similar {noun} in {year}, officials there said.",
    "{He} said the government had {past} {obj} without proper consultation.",
    "The {tnoun} was announced in {month} as part of a {money} package.",
    "Officials expect the work to be completed by {month} {year}.",
    "The first phase of the {tnoun} is due to be finished in {year}, {small} years behind schedule.",
    "Opinion polls suggest that about {pct} of voters back {obj}.",
    "The ministry said {count} staff had been assigned to the {tnoun} and that more would follow.",
    "{who} said {he} had raised the matter with {org} several times since {year}.",
    "The decision comes {small} weeks after {org} {past} {obj}.",
    "Markets in {city} closed {pct} lower {when} as investors weighed the impact of the {tnoun}.",
    "A U.N. spokesman in {city2} said aid convoys had been delayed {when} and that about {people} were still without clean water.",
    "The plan includes {money} for {plural} and a further {money} for local councils.",
    "{org} estimates that the {tnoun} will create {num} jobs by {year}.",
    "{country} ordered {count} {models} from {company} in {year}, in a deal worth {money}.",
    "{extra}, a former adviser to the government, said the {noun} had been {lq}badly handled from the start{rq}.",
    "Parliament is due to return from its summer recess at {time}, when the {noun} will top the agenda.",
    "The {tnoun}, which has been under discussion since {year}, would require {plural} to register with {org} and could cost the government up to {money} a year, according to a leaked draft seen by reporters.",
    "{org} said in its annual report that demand had fallen by {pct} in the first half of the year, blaming higher costs, a shortage of {plural} and delays to the {tnoun}.",
    "Officials in {city} said the {adj} {tnoun} would be reviewed again in {month}, after {plural} complained that they had not been given enough time to prepare.",
    "The dispute has strained relations between {country} and {country2}, which together account for roughly {pct} of the region's trade, and has drawn criticism from U.S. and E.U. officials.",
    "Under the terms of the agreement, {country} will receive {money} over {small} years in exchange for opening its market to {plural} from {country2}.",
    "Opposition lawmakers have accused the government of rushing the {noun} through parliament and have threatened to challenge it in the Constitutional Court if it is approved in its current form.",
    "In {year}, a similar {noun} was abandoned after {people} took to the streets of {city2} and the minister responsible was forced to resign.",
    "{org} has warned that without {obj}, as many as {people} could lose access to basic services by the end of {year}.",
    "The {modelk} has been at the centre of a long-running dispute between {company} and {org}, which says the design was approved without a full safety assessment.",
    "Analysts at {org} said the {tnoun} was unlikely to have a significant effect on prices before {year}, but warned that the long-term costs could be far higher than the government has estimated.",
    "The ministry said the first {count} applications had been processed by {date} and that the remaining cases would be dealt with in the coming weeks.",
    "{whoa} told a parliamentary hearing {when} that the {tnoun} was running {pct} over budget and at least {small} months behind schedule.",
    "The government insists the {noun} is affordable, pointing to a {money} surplus last year and forecasts from {org} that growth will pick up to {pct} next year.",
    "Residents of {city} have complained for years about poor infrastructure, and many say the {tnoun} is the first sign that the government is taking their concerns seriously.",
    "Negotiators from both sides are due to meet again in {city2} at {time}, although officials have played down the chances of a breakthrough.",
];

const QUOTE_SENTENCES: &[&str] = &[
    "{lq}{Q},{rq} {he} said.",
    "{lq}{Q},{rq} said {whoe}.",
    "{lq}{Q},{rq} {who} told {outlet}.",
    "{who} said: {lq}{Q}.{rq}",
    "{lq}{Q},{rq} {he} said. {lq}{Q}.{rq}",
    "{lq}{Qq}?{rq} {he} asked.",
    "{who} told {outlet}: {lq}{Q}.{rq}",
    "{He} described {obj} as {lq}{short_q}{rq}.",
    "{lq}{Q},{rq} {he} wrote on social media {when}.",
    "{lq}{Q}. {Q},{rq} said {whoe}.",
    "{whoa} said in a statement that the decision was {lq}{short_q}{rq}.",
    "{lq}{Q},{rq} {he} added.",
    "Speaking to reporters in {city} {when}, {name} said: {lq}{Q}.{rq}",
    "{lq}{Q},{rq} said {whoe}, adding that {org} would {base} {obj}.",
];

const QUOTES: &[&str] = &[
    "We will not back down",
    "This is a difficult day for everyone in {city}",
    "The {noun} is not perfect, but it is a start",
    "Nobody expected the numbers to be this bad",
    "We have been asking for this for {years} years",
    "It was enough",
    "Our priority is the safety of {plural}",
    "There is no quick fix",
    "I think the government badly underestimated how angry people are",
    "We are studying the proposal carefully and will respond in due course",
    "The {tnoun} will cost far more than anyone has admitted",
    "This is not about politics. It is about {plural}",
    "Frankly, we were not told anything until the last minute",
    "We have done everything that was asked of us",
    "People here are tired of promises",
    "The door to talks remains open",
    "Mistakes were made, and we accept that",
    "These figures speak for themselves",
    "It is too early to say what the long-term impact will be",
    "We need more time, not more speeches",
    "Nobody in {city} wants to see this happen again",
    "{country} will keep its word",
    "Every week of delay costs {plural} money",
    "I have never seen anything like it in {years} years",
    "We were ready. The money was not",
    "There is a lot of anger, and I understand it",
    "This is the biggest change to the {tnoun} in a generation",
    "We will look at all the options",
    "The law is clear, and it will be enforced",
    "My family has lived here for {small} generations",
];

const QUESTIONS: &[&str] = &[
    "Who is going to pay for this",
    "Why did it take so long",
    "What are we supposed to tell our children",
    "How can anyone plan under these conditions",
    "Where was the government when we needed it",
    "Is this really the best they can do",
];

const SHORT_QUOTES: &[&str] = &[
    "a step in the right direction",
    "deeply disappointing",
    "a betrayal",
    "unacceptable",
    "long overdue",
    "a matter of national security",
    "reckless",
    "a historic moment",
    "premature",
];

// ---------------------------------------------------------------------------
// Composed sentences
// ---------------------------------------------------------------------------

/// How a composed sentence may open, before its subject.
const OPENERS: &[&str] = &[
    "{when}, ",
    "In {city}, ",
    "Earlier, ",
    "Separately, ",
    "Meanwhile, ",
    "At the same time, ",
    "Last {month}, ",
    "Since {year}, ",
    "For now, ",
    "Under pressure from {plural}, ",
    "In a sign of the strain, ",
    "By {month}, ",
    "After {small} weeks of talks, ",
    "In its latest report, ",
];

/// Subjects of composed sentences; any of them fits any [`PREDICATES`] entry.
const SUBJECTS: &[&str] = &[
    "{org}",
    "{org}",
    "{who}",
    "{who}",
    "{whoa}",
    "{he}",
    "{country}",
    "{company}",
    "{plural} in {city}",
    "officials at {org}",
    "a spokesman for {org}",
    "a spokeswoman for {org}",
    "lawmakers in {country}",
    "the central bank of {country}",
    "police in {city}",
    "{count} {plural}",
    "the opposition in {country}",
    "union leaders in {city}",
    "analysts at {org}",
    "a senior official in {city2}",
    "the mayor of {city}",
    "{country2}",
    "the government of {country2}",
    "Dr. {extra} of {org}",
    "Gen. {extra}",
    "{extra}, a lawyer for {plural},",
    "{extra}, who chairs a parliamentary committee on the {tnoun},",
    "the head of {org}",
    "a group of {plural} from {city}",
    "U.S. officials",
    "E.U. diplomats",
    "the U.N. envoy to {country}",
    "regulators in {city2}",
    "{company}'s chief executive, {extra},",
    "the ministry's No. 2 official",
    "a coalition of {plural}",
    "investors in {city2}",
    "{ministry}",
    "campaigners",
    "prosecutors in {city}",
];

/// Past-tense predicates of composed sentences, so that they agree with any subject.
const PREDICATES: &[&str] = &[
    "{past} {obj}",
    "{past} {obj}",
    "warned that {obj} would cost {money}",
    "called for {obj} to be {past}",
    "announced plans to {base} {obj}",
    "said {obj} had been {past}",
    "rejected claims that {obj} was {adj}",
    "raised {money} to {base} {obj}",
    "promised to {base} {obj} by {year}",
    "agreed to {base} {obj} after talks in {city2}",
    "pushed back against {obj}",
    "urged {plural} to {base} {obj}",
    "filed a complaint with {org} over {obj}",
    "set aside {money} for {obj}",
    "cut its forecast for the {tnoun} to {pct}",
    "doubled spending on {obj}",
    "asked {org} to {base} {obj}",
    "accused {org} of trying to {base} {obj}",
    "estimated that {obj} would affect {people}",
    "said {pct} of {plural} in {country} backed {obj}",
    "questioned whether {obj} could survive a vote in parliament",
    "signed a {money} contract with {company} for {count} {models}",
    "grounded its fleet of {models} after a fault was found near {city}",
    "tested the {modelk} at a range {dist} from {city}",
    "cited {law} in its ruling on {obj}",
    "invoked {resolution} to demand {obj}",
    "hired {count} extra {plural} to cope with {obj}",
    "published figures showing {people} had been affected by {obj}",
    "lost a court challenge to {obj}",
    "won backing from {org} for {obj}",
    "dropped its opposition to {obj}",
    "put {obj} on hold until {date}",
    "moved the talks on {obj} to {city2}",
    "wrote to {org} about {obj}",
    "met {plural} from {city} to discuss {obj}",
    "held an emergency meeting on {obj}",
    "spent {money} on {obj} in {year}",
    "borrowed {money} to pay for {obj}",
    "lowered the cost of {obj} by {pct}",
    "blamed {plural} for delays to {obj}",
    "criticised the handling of {obj}",
    "offered {money} in compensation to {plural}",
    "sent {count} {plural} to {city} to oversee {obj}",
    "closed {count} offices in {region} because of {obj}",
    "opened an inquiry into {obj}",
    "said the {tnoun} would need another {money}",
    "voted by {votes} to {base} {obj}",
    "reported that {people} had signed up for {obj}",
    "suspended payments under {obj} for {small} months",
    "warned {plural} in {city} to prepare for {obj}",
    "released {count} pages of documents on {obj}",
    "refused to say how much {obj} would cost",
    "said it expected {obj} to be {past} by {month}",
    "ordered a review of {obj} by {date}",
    "linked {obj} to a rise of {pct} in costs",
];

/// Optional phrases that follow a composed predicate.
const ADJUNCTS: &[&str] = &[
    " {when}",
    " {when}",
    " in {city}",
    " after {count} days of talks",
    " despite objections from {org}",
    " amid growing pressure from {plural}",
    " for the first time since {year}",
    " ahead of a vote on {date}",
    " in a letter to {org}",
    " at a meeting in {city2}",
    " following a review by {org}",
    " as part of a {money} package",
    " at a news conference in {city}",
    " with support from {country2}",
    " in response to questions from {plural}",
    " before a deadline of {date}",
    " under {law}",
    " after a report by {org}",
    " while visiting {city2}",
    " at the request of {org}",
    " to the surprise of many {plural}",
    " in a move welcomed by {plural}",
    " during a visit to {country2}",
    " over the objections of {plural} in {region}",
];

/// Optional attributions that close a composed sentence.
const ATTRIBUTIONS: &[&str] = &[
    ", {org} said",
    ", officials said",
    ", according to {org}",
    ", {outlet} reported",
    ", according to documents seen by reporters",
    ", {extra} of {org} said",
    ", a person familiar with the matter said",
    ", two officials in {city} said",
];

/// Speakers of composed quotations; any fits any [`QUOTE_PREDICATES`] entry.
const QUOTE_SUBJECTS: &[&str] = &[
    "We",
    "We",
    "I",
    "The government",
    "People in {city}",
    "Nobody",
    "Our members",
    "Everyone here",
    "Families like mine",
    "{plural}",
    "{country}",
    "The ministry",
    "Our {plural}",
    "My neighbours",
];

/// Modal predicates of composed quotations, so that they agree with any speaker.
const QUOTE_PREDICATES: &[&str] = &[
    "will not accept {obj}",
    "cannot afford another {small} years of this",
    "should have been consulted about {obj}",
    "must {base} {obj} before it is too late",
    "did not ask for {obj}",
    "will keep fighting {obj} in every court in {country}",
    "never expected {obj} to cost {money}",
    "can still {base} {obj} if there is the will",
    "will remember who voted for {obj}",
    "should not have to pay for {obj}",
    "would {base} {obj} tomorrow if we could",
    "cannot keep waiting for {org}",
    "did everything {org} asked and got nothing back",
    "will be watching {org} very closely",
    "must not repeat what happened in {city2} in {year}",
    "could lose {money} because of {obj}",
    "will need at least {money} to recover",
    "cannot explain {obj} to {plural}",
    "will judge {obj} by its results",
    "should ask {plural} what they think of {obj}",
];

// ---------------------------------------------------------------------------
// Paraphrase
// ---------------------------------------------------------------------------

/// Replaces the phrases of `text` that belong to a [`PARAPHRASES`] group with a
/// member of the same group chosen at random (possibly the same one). Real
/// reporting seldom repeats a sentence word for word; without this, sentences
/// from one template would be near copies of each other across the corpus and
/// drown the planned near copies.
fn paraphrase(text: &str, rng: &mut Rng) -> String {
    let index = paraphrase_index();
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 32);
    let mut pos = 0;
    let mut copied = 0;
    while pos < bytes.len() {
        let at_word = bytes[pos].is_ascii_alphabetic()
            && (pos == 0 || !bytes[pos - 1].is_ascii_alphanumeric());
        if !at_word {
            pos += 1;
            continue;
        }
        let first_end = pos
            + bytes[pos..]
                .iter()
                .position(|b| !b.is_ascii_alphabetic() && *b != b'-')
                .unwrap_or(bytes.len() - pos);
        let matched = index.get(&text[pos..first_end]).and_then(|candidates| {
            candidates.iter().find(|(phrase, _)| {
                let end = pos + phrase.len();
                text[pos..].starts_with(phrase)
                    && bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric())
            })
        });
        match matched {
            Some(&(phrase, group)) => {
                out.push_str(&text[copied..pos]);
                out.push_str(rng.word(PARAPHRASES[group]));
                pos += phrase.len();
                copied = pos;
            }
            None => pos = first_end,
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// The members of every [`PARAPHRASES`] group by their first word, longest
/// first, so that the longest phrase at a position wins.
fn paraphrase_index() -> &'static HashMap<&'static str, Vec<(&'static str, usize)>> {
    static INDEX: OnceLock<HashMap<&'static str, Vec<(&'static str, usize)>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
        for (group, members) in PARAPHRASES.iter().enumerate() {
            for &member in *members {
                let first = member.split([' ', '\'']).next().unwrap_or(member);
                index.entry(first).or_default().push((member, group));
            }
        }
        for candidates in index.values_mut() {
            candidates.sort_by_key(|(phrase, group)| (std::cmp::Reverse(phrase.len()), *group));
            candidates.dedup_by_key(|(phrase, _)| *phrase);
        }
        index
    })
}

/// Groups of phrases that can stand in for each other wherever a template or
/// quotation uses one of them.
const PARAPHRASES: &[&[&str]] = &[
    // Reporting verbs and attribution.
    &["said", "added", "noted", "stated", "insisted"],
    &[
        "Speaking to reporters in",
        "Speaking to journalists in",
        "Talking to reporters in",
        "Addressing reporters in",
    ],
    &[
        "In a statement",
        "In a written statement",
        "In a brief statement",
        "In a short statement",
    ],
    &[
        "A spokesman for",
        "A spokeswoman for",
        "A spokesperson for",
        "A representative of",
        "A press officer for",
    ],
    &[
        "A U.N. spokesman in",
        "A U.N. official in",
        "A U.N. spokeswoman in",
        "A United Nations spokesperson in",
    ],
    &[
        "wrote on social media",
        "posted online",
        "said on social media",
        "wrote in a post online",
    ],
    &["described", "characterised", "portrayed"],
    &[
        "declined to comment",
        "would not comment",
        "refused to comment",
        "did not comment",
        "was not available for comment",
    ],
    &[
        "office did not respond to a request for comment",
        "aides did not respond to a request for comment",
        "office did not reply to requests for comment",
        "spokesperson did not return calls seeking comment",
        "office has not responded to repeated requests for comment",
        "team did not answer an email seeking comment",
    ],
    &[
        "It was not immediately clear",
        "It remained unclear",
        "It was unclear",
        "It was not yet known",
    ],
    &[
        "told a parliamentary hearing",
        "told a parliamentary committee",
        "told lawmakers",
        "told a budget committee",
    ],
    &[
        "had not been consulted",
        "had been kept in the dark",
        "had not been informed",
        "had been ignored",
    ],
    &[
        "it was too early to say",
        "it was too soon to tell",
        "it was premature to comment",
        "no decision had been made",
    ],
    &[
        "Asked whether",
        "Pressed on whether",
        "Questioned about whether",
        "When asked whether",
    ],
    // Government and officials.
    &["government", "administration", "cabinet", "authorities"],
    &["officials", "diplomats", "aides", "sources"],
    &[
        "Officials in",
        "Authorities in",
        "Local officials in",
        "City officials in",
    ],
    &[
        "Officials expect",
        "Engineers expect",
        "Planners expect",
        "The authorities expect",
    ],
    &[
        "Lawmakers in",
        "Legislators in",
        "Members of parliament in",
        "Deputies in",
    ],
    &[
        "Lawmakers are expected to",
        "Parliament is expected to",
        "Legislators are due to",
        "Members are set to",
    ],
    &[
        "Opposition lawmakers",
        "Opposition MPs",
        "Opposition parties",
        "Rival politicians",
    ],
    &[
        "The ministry said",
        "The department said",
        "The ministry added",
        "Ministry officials said",
    ],
    &[
        "foreign minister",
        "foreign secretary",
        "top diplomat",
        "chief negotiator",
    ],
    &[
        "a former adviser to the government",
        "an ex-adviser to the government",
        "who once advised the cabinet",
        "a former government adviser",
    ],
    &[
        "The army's chief of staff",
        "The head of the armed forces",
        "The country's top general",
        "The defence chief",
    ],
    &[
        "Negotiators from both sides",
        "Envoys from both countries",
        "Delegations from both sides",
        "Negotiators",
    ],
    // Verbs of change and action.
    &["rose", "climbed", "increased", "jumped"],
    &["fell", "dropped", "slid", "tumbled", "slumped"],
    &["grew", "rose", "climbed"],
    &[
        "has risen by",
        "has grown by",
        "has increased by",
        "has jumped by",
    ],
    &[
        "had fallen by",
        "had dropped by",
        "had declined by",
        "had shrunk by",
    ],
    &[
        "criticised",
        "condemned",
        "attacked",
        "questioned",
        "opposed",
    ],
    &["affected", "hit", "harmed", "disrupted"],
    &["expected to", "likely to", "set to", "forecast to"],
    &[
        "is due to",
        "is scheduled to",
        "is set to",
        "is expected to",
    ],
    &[
        "are due to",
        "are scheduled to",
        "are set to",
        "are expected to",
    ],
    &["meet", "hold talks with", "sit down with", "meet with"],
    &[
        "meet again in",
        "reconvene in",
        "hold further talks in",
        "resume talks in",
    ],
    &["moved", "redeployed", "shifted", "pulled"],
    &["ordered", "bought", "purchased", "agreed to buy"],
    &["resigned", "stepped down", "quit", "left the company"],
    &["signed", "reached", "concluded", "struck"],
    &["voted", "decided", "agreed"],
    &["failed", "collapsed", "broke down", "foundered"],
    &[
        "broke down",
        "collapsed",
        "stalled",
        "ended without agreement",
    ],
    &["gathered in", "rallied in", "marched in", "demonstrated in"],
    &[
        "to protest against",
        "to demonstrate against",
        "to voice anger at",
        "to oppose",
    ],
    &[
        "took to the streets of",
        "marched through",
        "protested in",
        "demonstrated in",
    ],
    &[
        "had been arrested",
        "had been detained",
        "were held",
        "were taken into custody",
    ],
    &[
        "after protests",
        "after demonstrations",
        "following protests",
        "after clashes",
    ],
    &[
        "is built by",
        "is made by",
        "is manufactured by",
        "is assembled by",
    ],
    &[
        "at a plant near",
        "at a factory near",
        "at a facility outside",
        "at a site near",
    ],
    &[
        "was announced in",
        "was unveiled in",
        "was launched in",
        "was first outlined in",
    ],
    &[
        "was first proposed in",
        "was first suggested in",
        "was first floated in",
        "was first put forward in",
    ],
    &[
        "was abandoned after",
        "was scrapped after",
        "was dropped after",
        "collapsed after",
    ],
    &[
        "was thrown into doubt",
        "was cast into doubt",
        "was called into question",
        "looked uncertain",
    ],
    &[
        "withdrew its support",
        "pulled its backing",
        "withdrew its backing",
        "dropped its support",
    ],
    &[
        "raised concerns about",
        "raised questions about",
        "warned about",
        "complained about",
    ],
    &[
        "would ask parliament to",
        "would ask lawmakers to",
        "would urge parliament to",
        "would call on parliament to",
    ],
    &[
        "are racing to finish work on",
        "are rushing to complete",
        "are scrambling to finish",
        "are hurrying to complete",
    ],
    &[
        "comes into force",
        "takes effect",
        "becomes law",
        "comes into effect",
    ],
    &[
        "was prepared to",
        "was ready to",
        "was willing to",
        "stood ready to",
    ],
    &["will spend", "plans to spend", "is to spend", "has pledged"],
    &[
        "the government announced",
        "the finance ministry said",
        "officials announced",
        "the cabinet confirmed",
    ],
    &["has spent", "has invested", "has poured"],
    &[
        "will receive",
        "is to receive",
        "will get",
        "stands to receive",
    ],
    &[
        "reported a loss of",
        "posted a loss of",
        "announced a loss of",
        "recorded losses of",
    ],
    &[
        "will create",
        "could create",
        "is expected to create",
        "would support",
    ],
    &[
        "had received little information about",
        "had been given few details about",
        "had heard almost nothing about",
        "had been told little about",
    ],
    &[
        "had raised the matter with",
        "had raised the issue with",
        "had raised concerns with",
        "had taken the matter up with",
    ],
    &[
        "had been assigned to",
        "had been moved to",
        "had been put to work on",
        "were now working on",
    ],
    &[
        "had been processed by",
        "had been handled by",
        "had been approved by",
        "had been reviewed by",
    ],
    &[
        "would be reviewed again in",
        "would be looked at again in",
        "would be reconsidered in",
        "would be revisited in",
    ],
    &[
        "complained that they",
        "protested that they",
        "argued that they",
        "said that they",
    ],
    &[
        "had not been given enough time to prepare",
        "had too little time to get ready",
        "were given no time to adjust",
        "had been rushed",
    ],
    &[
        "have threatened to challenge it in",
        "have vowed to fight it in",
        "have promised to contest it in",
        "have said they will challenge it in",
    ],
    &["has warned that", "has cautioned that", "has said that"],
    &[
        "have complained for years about",
        "have long complained about",
        "have grumbled for years about",
        "have protested for years about",
    ],
    &[
        "have played down",
        "have downplayed",
        "have been cautious about",
        "have dampened",
    ],
    &[
        "weighed the impact of",
        "assessed the fallout from",
        "considered the effect of",
        "worried about the cost of",
    ],
    &["advised against", "warned against", "cautioned against"],
    &[
        "who took office in",
        "who came to power in",
        "who was elected in",
        "who was appointed in",
    ],
    &[
        "signed a petition calling for",
        "put their names to a petition calling for",
        "backed a petition calling for",
        "signed an open letter calling for",
    ],
    &[
        "after weeks of criticism",
        "after a week of pressure",
        "amid mounting criticism",
        "following months of pressure",
    ],
    &[
        "who has studied the issue for",
        "who has researched the subject for",
        "who has worked on the problem for",
        "who has followed the question for",
    ],
    &[
        "the evidence was mixed",
        "the evidence was inconclusive",
        "the data were unclear",
        "the research was far from settled",
    ],
    &[
        "had been delayed",
        "had been held up",
        "had been stopped",
        "were stuck",
    ],
    &[
        "were still without clean water",
        "still had no clean water",
        "remained without power",
        "still lacked basic supplies",
    ],
    &[
        "aid convoys",
        "aid deliveries",
        "relief shipments",
        "supply trucks",
    ],
    // Nouns and noun phrases.
    &[
        "ordinary families",
        "working families",
        "households",
        "low-income households",
        "pensioners",
    ],
    &[
        "citing concerns about the cost",
        "pointing to worries over the cost",
        "blaming the cost",
        "amid fears over the cost",
    ],
    &["troops", "soldiers", "forces", "units"],
    &[
        "closer to the border",
        "nearer the border",
        "towards the frontier",
        "closer to the frontier",
    ],
    &[
        "entered service",
        "went into service",
        "was introduced",
        "first went into use",
    ],
    &[
        "withdrawn from use",
        "taken out of service",
        "grounded",
        "pulled from service",
    ],
    &[
        "pending a safety review",
        "while inspectors examine it",
        "until an inquiry is complete",
        "pending an investigation",
    ],
    &[
        "companies must report",
        "firms are required to report",
        "businesses have to disclose",
        "operators must disclose",
    ],
    &[
        "any breach",
        "a breach",
        "any data breach",
        "security incidents",
    ],
    &["adopted by", "passed by", "approved by", "endorsed by"],
    &["calls for", "demands", "urges", "requires"],
    &[
        "an independent review of",
        "an independent inquiry into",
        "an independent investigation into",
        "an audit of",
    ],
    &[
        "the fastest pace since",
        "the quickest rate since",
        "the sharpest rise since",
        "the steepest increase since",
    ],
    &[
        "according to estimates by",
        "according to figures from",
        "according to projections by",
        "based on calculations by",
    ],
    &[
        "in early trading",
        "in morning trade",
        "at the open",
        "in early deals",
    ],
    &[
        "more than any of its neighbours",
        "more than most of its neighbours",
        "far more than its neighbours",
        "more than any other country in the region",
    ],
    &[
        "Critics say",
        "Critics argue",
        "Opponents say",
        "Opponents warn",
    ],
    &[
        "will do little to help",
        "will do little for",
        "offers little to",
        "will not help",
    ],
    &[
        "in the poorest regions",
        "in the poorest areas",
        "in deprived areas",
        "in the poorest parts of the country",
    ],
    &[
        "The proposed route runs",
        "The planned route runs",
        "The new line would run",
        "The planned corridor stretches",
    ],
    &[
        "by the decision",
        "by the move",
        "by the ruling",
        "by the announcement",
    ],
    &[
        "A report published",
        "A study released",
        "A survey published",
        "A report released",
    ],
    &[
        "found that",
        "showed that",
        "suggested that",
        "concluded that",
    ],
    &[
        "seeking help",
        "asking for help",
        "applying for support",
        "seeking assistance",
    ],
    &["nearly", "almost", "close to", "more than"],
    &["roughly", "around", "some", "nearly"],
    &["as many as", "up to", "more than"],
    &["at least", "some", "more than"],
    &[
        "after a debate that lasted",
        "after a session that ran",
        "after a sitting that lasted",
        "after hearings that lasted",
    ],
    &[
        "the figures were preliminary and could be revised",
        "the numbers were provisional and subject to change",
        "the data were only an early estimate",
        "the figures were still being checked",
    ],
    &[
        "last year",
        "in the past year",
        "over the past twelve months",
        "in the last financial year",
    ],
    &["live within", "live less than", "reside within"],
    &["of the site", "of the plant", "of the area", "of the works"],
    &["which employs", "which has a workforce of"],
    &[
        "worldwide",
        "around the world",
        "globally",
        "across the world",
    ],
    &[
        "for the year",
        "for the period",
        "for the twelve months",
        "for the financial year",
    ],
    &[
        "The incident happened",
        "The incident occurred",
        "The accident took place",
        "The explosion happened",
    ],
    &[
        "witnesses said",
        "bystanders said",
        "residents said",
        "onlookers said",
    ],
    &["has until", "has been given until", "was given until"],
    &["to respond", "to reply", "to answer", "to make its case"],
    &[
        "but stalled amid opposition from",
        "but was shelved after objections from",
        "but stalled amid resistance from",
        "but was blocked by",
    ],
    &["has so far", "has until now", "has thus far", "has already"],
    &["a similar", "a comparable", "an almost identical"],
    &[
        "without proper consultation",
        "without consulting anyone",
        "without adequate consultation",
        "without warning",
    ],
    &["as part of a", "under a"],
    &["package", "spending plan", "funding deal"],
    &[
        "the work to be completed by",
        "the project to be finished by",
        "construction to end by",
        "the job to be done by",
    ],
    &[
        "The first phase of",
        "The first stage of",
        "The opening phase of",
        "The initial stage of",
    ],
    &[
        "behind schedule",
        "later than planned",
        "behind the original timetable",
    ],
    &[
        "Opinion polls suggest that",
        "Recent surveys suggest that",
        "Polling suggests that",
        "Polls show that",
    ],
    &[
        "of voters back",
        "of the public back",
        "of voters support",
        "of the electorate favour",
    ],
    &["staff", "officials", "employees", "workers"],
    &[
        "and that more would follow",
        "and that more were on the way",
        "and that more would be hired",
        "with more to come",
    ],
    &[
        "several times since",
        "repeatedly since",
        "on several occasions since",
        "more than once since",
    ],
    &[
        "The decision comes",
        "The move comes",
        "The announcement comes",
        "The ruling comes",
    ],
    &["Markets in", "Stocks in", "Bond markets in"],
    &["closed", "ended"],
    &[
        "as investors",
        "as traders",
        "while investors",
        "as markets",
    ],
    &[
        "The plan includes",
        "The package sets aside",
        "The proposal provides",
        "The scheme earmarks",
    ],
    &["a further", "another", "an extra", "an additional"],
    &[
        "local councils",
        "local authorities",
        "regional governments",
        "city halls",
    ],
    &["jobs", "positions", "posts"],
    &[
        "in a deal worth",
        "in a contract worth",
        "under an agreement worth",
        "in a deal valued at",
    ],
    &[
        "summer recess",
        "summer break",
        "holiday recess",
        "long break",
    ],
    &[
        "will top the agenda",
        "will dominate debate",
        "is expected to dominate",
        "will be the first item",
    ],
    &[
        "has been under discussion since",
        "has been under consideration since",
        "has been on the table since",
        "has been debated since",
    ],
    &[
        "to register with",
        "to sign up with",
        "to report to",
        "to enrol with",
    ],
    &[
        "could cost the government up to",
        "might cost the state up to",
        "would cost the treasury as much as",
        "could cost taxpayers up to",
    ],
    &[
        "according to a leaked draft seen by reporters",
        "according to a draft document obtained by journalists",
        "according to an internal memo seen by the press",
        "according to a confidential draft",
    ],
    &[
        "in its annual report",
        "in its yearly report",
        "in its latest report",
        "in its annual review",
    ],
    &[
        "that demand had fallen by",
        "that sales had fallen by",
        "that orders had dropped by",
        "that output had shrunk by",
    ],
    &[
        "in the first half of the year",
        "in the first six months of the year",
        "in the opening half of the year",
        "since January",
    ],
    &[
        "blaming higher costs",
        "citing rising costs",
        "pointing to soaring prices",
        "blaming higher energy bills",
    ],
    &["a shortage of", "a lack of", "too few"],
    &["and delays to", "and problems with", "and setbacks on"],
    &[
        "The dispute has strained relations between",
        "The row has soured ties between",
        "The standoff has damaged relations between",
        "The quarrel has strained ties between",
    ],
    &[
        "of the region's trade",
        "of the region's exports",
        "of the region's economic output",
        "of regional trade",
    ],
    &[
        "has drawn criticism from",
        "has drawn complaints from",
        "has been criticised by",
        "has attracted criticism from",
    ],
    &[
        "Under the terms of the agreement",
        "Under the deal",
        "As part of the agreement",
        "Under the accord",
    ],
    &[
        "in exchange for opening its market to",
        "in return for opening its market to",
        "in exchange for lowering tariffs on",
        "in return for giving access to",
    ],
    &[
        "accused the government of rushing",
        "accused the cabinet of forcing",
        "accused ministers of pushing",
        "accused the government of ramming",
    ],
    &[
        "through parliament",
        "through the legislature",
        "through the chamber",
    ],
    &[
        "in its current form",
        "in its present form",
        "unchanged",
        "as drafted",
    ],
    &[
        "the minister responsible was forced to resign",
        "the minister in charge was forced out",
        "the responsible minister stepped down",
        "the minister was sacked",
    ],
    &[
        "could lose access to basic services",
        "could be cut off from basic services",
        "could go without essential services",
        "could lose access to health care",
    ],
    &["by the end of", "before the end of", "by late"],
    &[
        "has been at the centre of a long-running dispute between",
        "has been at the heart of a bitter row between",
        "has been the subject of a protracted legal fight between",
        "has been at the centre of a lengthy dispute between",
    ],
    &[
        "the design was approved without a full safety assessment",
        "the design was approved without proper safety checks",
        "it was cleared without independent testing",
        "regulators signed it off without a full review",
    ],
    &[
        "Analysts at",
        "Economists at",
        "Researchers at",
        "Experts at",
    ],
    &[
        "was unlikely to have a significant effect on",
        "was not expected to have much effect on",
        "would probably have little impact on",
        "was unlikely to make a noticeable difference to",
    ],
    &[
        "the long-term costs could be far higher than",
        "the eventual costs could be much higher than",
        "the final bill could be well above what",
        "the total costs could far exceed what",
    ],
    &[
        "the remaining cases would be dealt with in the coming weeks",
        "the rest would be handled over the next few weeks",
        "the outstanding cases would be resolved soon",
        "other applications would be processed within a month",
    ],
    &["was running", "was already running", "had been running"],
    &["over budget", "above budget", "more than planned"],
    &[
        "The government insists",
        "The government maintains",
        "Ministers argue",
        "The cabinet says",
    ],
    &[
        "is affordable",
        "can be afforded",
        "is fully funded",
        "is paid for",
    ],
    &["pointing to", "citing", "highlighting"],
    &[
        "forecasts from",
        "projections by",
        "estimates from",
        "predictions by",
    ],
    &[
        "will pick up to",
        "will recover to",
        "will rebound to",
        "will rise to",
    ],
    &["next year", "in the coming year", "over the next year"],
    &["Residents of", "People in", "Families in", "Shopkeepers in"],
    &[
        "poor infrastructure",
        "crumbling roads",
        "bad roads and power cuts",
        "years of neglect",
    ],
    &[
        "is the first sign that",
        "is the first evidence that",
        "is a sign that",
        "is proof that",
    ],
    &[
        "is taking their concerns seriously",
        "is finally listening",
        "is paying attention",
        "has heard them at last",
    ],
    &[
        "although officials",
        "though officials",
        "but officials",
        "while officials",
    ],
    &[
        "the chances of a breakthrough",
        "hopes of a deal",
        "talk of a breakthrough",
        "expectations of a deal",
    ],
    &[
        "a move that could affect",
        "a step that could hit",
        "a decision likely to affect",
        "a change that could touch",
    ],
    &["across", "throughout", "all over"],
    &[
        "saying the country could not afford to wait any longer",
        "saying the country could wait no longer",
        "arguing that time had run out",
        "saying there was no time to lose",
    ],
    &[
        "Thousands of",
        "Hundreds of",
        "Tens of thousands of",
        "Crowds of",
    ],
    &["over the next", "in the next", "during the next"],
    &[
        "in unpaid costs",
        "in unpaid bills",
        "in unpaid invoices",
        "in outstanding debts",
    ],
    &["if talks with", "if negotiations with", "should talks with"],
    &[
        "ending months of debate",
        "after months of wrangling",
        "ending a long row",
        "ending weeks of argument",
    ],
    &["agreement", "deal", "accord", "pact"],
    &["The future of the", "The fate of the"],
    &[
        "before the end of the year",
        "by the end of the year",
        "before December",
        "within months",
    ],
    &[
        "were following the situation closely",
        "were monitoring developments closely",
        "were watching events carefully",
        "were keeping a close eye on the situation",
    ],
    // Quotations.
    &[
        "We will not back down",
        "We will not give up",
        "We are not going anywhere",
        "We will not give in",
    ],
    &[
        "This is a difficult day for everyone in",
        "This is a sad day for",
        "Today is a dark day for",
        "It is a hard day for everyone in",
    ],
    &[
        "is not perfect, but it is a start",
        "is far from perfect, but it is a beginning",
        "has flaws, but it is a first step",
        "is not ideal, but it is progress",
    ],
    &[
        "Nobody expected the numbers to be this bad",
        "No one thought the figures would be this bad",
        "Nobody saw numbers like these coming",
        "We did not expect the figures to be this poor",
    ],
    &[
        "We have been asking for this for",
        "We have waited for this for",
        "People have been demanding this for",
        "We have campaigned for this for",
    ],
    &[
        "It was enough",
        "Enough was enough",
        "That was enough",
        "It was more than enough",
    ],
    &[
        "Our priority is the safety of",
        "Our first concern is the safety of",
        "What matters most is the safety of",
        "Our job is to protect",
    ],
    &[
        "There is no quick fix",
        "There is no easy answer",
        "There are no shortcuts",
        "Nothing will change overnight",
    ],
    &[
        "badly underestimated how angry people are",
        "misjudged how angry people are",
        "underestimated the public mood",
        "failed to see how angry people are",
    ],
    &[
        "We are studying the proposal carefully and will respond in due course",
        "We are looking at the proposal closely",
        "We will study the details before we respond",
        "We will respond once we have read the proposal",
    ],
    &[
        "will cost far more than anyone has admitted",
        "will cost much more than anyone admits",
        "will cost more than the government says",
        "is going to be far more expensive than promised",
    ],
    &[
        "This is not about politics",
        "This has nothing to do with politics",
        "Politics has nothing to do with it",
        "Forget the politics",
    ],
    &[
        "Frankly, we were not told anything until the last minute",
        "Nobody told us anything until the last minute",
        "We found out at the last minute",
        "We were the last to know",
    ],
    &[
        "We have done everything that was asked of us",
        "We did everything we were asked to do",
        "We have met every demand",
        "We kept our side of the bargain",
    ],
    &[
        "People here are tired of promises",
        "People here have heard enough promises",
        "People are sick of promises",
        "Nobody here believes the promises any more",
    ],
    &[
        "The door to talks remains open",
        "We remain open to talks",
        "Our door is still open",
        "We are ready to talk",
    ],
    &[
        "Mistakes were made, and we accept that",
        "We made mistakes and we accept that",
        "We got things wrong",
        "Mistakes were made",
    ],
    &[
        "These figures speak for themselves",
        "The numbers speak for themselves",
        "The data speak for themselves",
        "The figures tell their own story",
    ],
    &[
        "It is too early to say what the long-term impact will be",
        "Nobody knows yet what the long-term effects will be",
        "It is too soon to judge the long-term impact",
        "The long-term impact is anyone's guess",
    ],
    &[
        "We need more time, not more speeches",
        "We need time, not speeches",
        "What we need is time, not talk",
        "Give us time, not speeches",
    ],
    &[
        "wants to see this happen again",
        "wants this to happen again",
        "wants to go through this again",
        "wants a repeat of this",
    ],
    &[
        "will keep its word",
        "will honour its commitments",
        "will keep its promises",
        "will do what it promised",
    ],
    &[
        "Every week of delay costs",
        "Each week of delay costs",
        "Every day of delay costs",
        "Every delay costs",
    ],
    &[
        "I have never seen anything like it in",
        "I have not seen anything like this in",
        "Nothing like this has happened in",
        "I cannot remember anything like it in",
    ],
    &[
        "We were ready. The money was not",
        "We were ready, but the money was not",
        "We were prepared. The funding was not",
        "The people were ready. The money was not",
    ],
    &[
        "There is a lot of anger, and I understand it",
        "People are angry, and I understand why",
        "I understand the anger",
        "There is real anger out there, and it is justified",
    ],
    &[
        "This is the biggest change to",
        "This is the largest shake-up of",
        "This is the most important change to",
        "Nothing this big has happened to",
    ],
    &[
        "We will look at all the options",
        "All options are on the table",
        "We are considering every option",
        "Nothing has been ruled out",
    ],
    &[
        "The law is clear, and it will be enforced",
        "The law is clear and we will enforce it",
        "The rules will be enforced",
        "Nobody is above the law",
    ],
    &[
        "My family has lived here for",
        "My family has been here for",
        "We have lived here for",
        "Our family has farmed here for",
    ],
    &[
        "a step in the right direction",
        "a welcome step",
        "a move in the right direction",
        "a good first step",
    ],
    &[
        "deeply disappointing",
        "very disappointing",
        "a huge disappointment",
        "disappointing",
    ],
    &["long overdue", "overdue", "years too late", "long awaited"],
];

// ---------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------

/// A news beat: the ministry it belongs to and what articles on it are about.
struct Topic {
    /// Capitalised domain used in ministry names and titles ("Energy").
    domain: &'static str,
    /// Noun phrases an article can be about ("fuel subsidy").
    subjects: &'static [&'static str],
    /// Kinds of equipment that carry model designators; plural adds "s".
    kinds: &'static [&'static str],
}

const TOPICS: &[Topic] = &[
    Topic {
        domain: "Defence",
        subjects: &[
            "arms deal",
            "defence budget",
            "missile programme",
            "border deployment",
            "conscription plan",
            "military exercise",
            "air defence system",
            "naval base",
            "weapons contract",
        ],
        kinds: &["fighter jet", "drone", "tank", "helicopter", "missile"],
    },
    Topic {
        domain: "Energy",
        subjects: &[
            "pipeline",
            "gas price cap",
            "wind farm",
            "nuclear plant",
            "fuel subsidy",
            "power grid upgrade",
            "coal phase-out",
            "solar tender",
            "electricity tariff",
        ],
        kinds: &["reactor", "turbine", "transformer"],
    },
    Topic {
        domain: "Health",
        subjects: &[
            "vaccination campaign",
            "hospital budget",
            "drug pricing rule",
            "waiting-list target",
            "nurses' pay deal",
            "cancer screening programme",
            "tobacco tax",
            "health insurance reform",
            "mental health strategy",
        ],
        kinds: &["scanner", "ventilator", "vaccine"],
    },
    Topic {
        domain: "Finance",
        subjects: &[
            "interest rate rise",
            "bank levy",
            "pension reform",
            "tax cut",
            "budget deficit",
            "bond sale",
            "currency peg",
            "stimulus package",
            "debt restructuring",
        ],
        kinds: &["payment terminal", "trading system"],
    },
    Topic {
        domain: "Transport",
        subjects: &[
            "rail strike",
            "high-speed rail line",
            "airport expansion",
            "fuel tax",
            "road toll",
            "bus network",
            "port upgrade",
            "ride-hailing ban",
            "bridge project",
        ],
        kinds: &["locomotive", "airliner", "tram"],
    },
    Topic {
        domain: "Environment",
        subjects: &[
            "emissions target",
            "logging ban",
            "flood defence scheme",
            "plastic tax",
            "river clean-up",
            "carbon market",
            "drought plan",
            "national park extension",
            "water rationing plan",
        ],
        kinds: &["monitoring satellite", "pump", "incinerator"],
    },
    Topic {
        domain: "Justice",
        subjects: &[
            "corruption trial",
            "prison reform",
            "sentencing review",
            "extradition request",
            "police inquiry",
            "judicial appointment",
            "surveillance law",
            "asylum ruling",
            "fraud case",
        ],
        kinds: &["body camera", "scanner"],
    },
    Topic {
        domain: "Agriculture",
        subjects: &[
            "grain export ban",
            "farm subsidy",
            "fishing quota",
            "fertiliser shortage",
            "crop insurance scheme",
            "land reform",
            "livestock cull",
            "irrigation project",
            "dairy tariff",
        ],
        kinds: &["harvester", "tractor"],
    },
    Topic {
        domain: "Education",
        subjects: &[
            "school funding formula",
            "tuition fee rise",
            "teachers' strike",
            "exam overhaul",
            "university merger",
            "school meals programme",
            "curriculum review",
            "student loan scheme",
            "literacy campaign",
        ],
        kinds: &["tablet", "laptop"],
    },
    Topic {
        domain: "Technology",
        subjects: &[
            "data centre",
            "chip factory",
            "broadband rollout",
            "social media ban",
            "cybersecurity law",
            "satellite launch",
            "artificial intelligence rules",
            "digital tax",
            "spectrum auction",
        ],
        kinds: &["processor", "satellite", "router"],
    },
];

const GIVEN_FEMALE: &[&str] = &[
    "Anna",
    "Maria",
    "Elena",
    "Sofia",
    "Laura",
    "Claire",
    "Hannah",
    "Grace",
    "Amina",
    "Fatima",
    "Priya",
    "Mei",
    "Yuki",
    "Ingrid",
    "Astrid",
    "Katarzyna",
    "Olga",
    "Irina",
    "Lucia",
    "Carmen",
    "Isabel",
    "Beatriz",
    "Nadia",
    "Leila",
    "Sara",
    "Emma",
    "Olivia",
    "Charlotte",
    "Rachel",
    "Rebecca",
    "Helen",
    "Margaret",
    "Susan",
    "Julia",
    "Nora",
    "Ruth",
    "Chloe",
    "Zainab",
    "Ngozi",
    "Adaeze",
    "Aiko",
    "Min-ji",
    "Teresa",
    "Monika",
    "Petra",
    "Eva",
    "Lena",
    "Marta",
    "Inès",
    "Diane",
    "Patricia",
    "Deborah",
    "Joanna",
    "Kirsten",
    "Siobhan",
];

const GIVEN_MALE: &[&str] = &[
    "James", "John", "Michael", "David", "Robert", "Thomas", "Daniel", "Peter", "Paul", "Mark",
    "Andrew", "Stephen", "Richard", "Carlos", "Miguel", "Luis", "Jorge", "Pedro", "Ahmed", "Omar",
    "Hassan", "Karim", "Tariq", "Ravi", "Arjun", "Vikram", "Wei", "Hiroshi", "Kenji", "Jin-ho",
    "Lars", "Erik", "Henrik", "Piotr", "Tomasz", "Dmitri", "Sergei", "Ivan", "Marco", "Luca",
    "Giovanni", "Pierre", "Jean", "Olivier", "Hans", "Klaus", "Stefan", "Samuel", "Kwame",
    "Chinedu", "Emeka", "Joseph", "Benjamin", "Nathan", "Patrick", "Seán", "Felix", "Mateo",
];

const SURNAMES: &[&str] = &[
    "Kowal",
    "Ortega",
    "Abara",
    "Lindqvist",
    "Okafor",
    "Moreau",
    "Tanaka",
    "Brennan",
    "Haddad",
    "Novak",
    "Petrov",
    "Castillo",
    "Mensah",
    "Fischer",
    "Nakamura",
    "Reyes",
    "Sokolov",
    "Whitfield",
    "Ashdown",
    "Bellamy",
    "Carver",
    "Delacroix",
    "Ekwueme",
    "Farrow",
    "Gallagher",
    "Hartmann",
    "Iqbal",
    "Jovanovic",
    "Kaminski",
    "Larsen",
    "Mbatha",
    "Nwosu",
    "Oyelaran",
    "Pereira",
    "Quintero",
    "Rasmussen",
    "Salazar",
    "Thorne",
    "Ueda",
    "Varga",
    "Wójcik",
    "Zhou",
    "Yilmaz",
    "Zeller",
    "Aldana",
    "Bishop",
    "Crowe",
    "Dunmore",
    "Esposito",
    "Fairbanks",
    "Grady",
    "Hollis",
    "Ivers",
    "Jaramillo",
    "Kessler",
    "Lutz",
    "Maddox",
    "Navarro",
    "Osei",
    "Prentice",
    "Quill",
    "Rourke",
    "Sandoval",
    "Tembo",
    "Ulloa",
    "Vance",
    "Winslow",
    "Yardley",
    "Zubiri",
    "Adeyemi",
    "Banerjee",
    "Chandra",
    "Dasgupta",
    "Eriksen",
    "Falk",
    "Gomes",
    "Halvorsen",
    "Ibarra",
    "Janssen",
    "Kaur",
    "Lambert",
    "Marchetti",
    "Nieminen",
    "Pajari",
    "Ramos",
    "Schmidt",
    "Toivonen",
    "Urquhart",
    "Vasquez",
    "Weber",
    "Yamada",
    "Zielinski",
    "Albrecht",
    "Costa",
    "Duarte",
    "Engel",
    "Ferreira",
    "Greco",
    "Horvath",
    "Kovacs",
    "Moretti",
    "Nagy",
    "Popescu",
    "Szabo",
    "Volkov",
    "Zamora",
    "Keane",
    "Doyle",
    "O'Neill",
    "McAllister",
    "Al-Rashid",
];

const INVENTED_COUNTRIES: &[&str] = &[
    "Northland",
    "Veloria",
    "Kestrania",
    "Ostmark",
    "Sarnia",
    "Malvoria",
    "Tarsland",
    "Eastmere",
    "Valdoria",
    "Corvenia",
    "Lusitara",
    "Brenmark",
    "Quellia",
    "Zembia",
    "Arvania",
];

const REAL_COUNTRIES: &[&str] = &[
    "France",
    "Germany",
    "Brazil",
    "Japan",
    "Kenya",
    "Nigeria",
    "India",
    "Indonesia",
    "Canada",
    "Mexico",
    "Poland",
    "Turkey",
    "Egypt",
    "Argentina",
    "Australia",
    "South Korea",
    "Vietnam",
    "Norway",
    "Spain",
    "Italy",
    "Chile",
    "Ghana",
    "Morocco",
    "Peru",
    "Colombia",
    "Sweden",
];

/// Cities with the country they are in.
const CITIES: &[(&str, &str)] = &[
    ("Port Aubel", "Northland"),
    ("Kelmsfield", "Northland"),
    ("Varnholt", "Ostmark"),
    ("Drezna", "Kestrania"),
    ("Ostavo", "Veloria"),
    ("Lennick", "Sarnia"),
    ("Marisol Bay", "Malvoria"),
    ("Tarrow", "Tarsland"),
    ("Bellhaven", "Eastmere"),
    ("Ashby Cross", "Eastmere"),
    ("Corrin", "Corvenia"),
    ("Sarbek", "Valdoria"),
    ("Wexmoor", "Brenmark"),
    ("New Tolland", "Lusitara"),
    ("Halden Falls", "Quellia"),
    ("Morvaine", "Zembia"),
    ("St. Aldric", "Arvania"),
    ("Paris", "France"),
    ("Lyon", "France"),
    ("Berlin", "Germany"),
    ("Hamburg", "Germany"),
    ("São Paulo", "Brazil"),
    ("Tokyo", "Japan"),
    ("Nairobi", "Kenya"),
    ("Lagos", "Nigeria"),
    ("Mumbai", "India"),
    ("Jakarta", "Indonesia"),
    ("Toronto", "Canada"),
    ("Mexico City", "Mexico"),
    ("Kraków", "Poland"),
    ("Istanbul", "Turkey"),
    ("Cairo", "Egypt"),
    ("Buenos Aires", "Argentina"),
    ("Sydney", "Australia"),
    ("Seoul", "South Korea"),
    ("Hanoi", "Vietnam"),
    ("Oslo", "Norway"),
    ("Madrid", "Spain"),
    ("Milan", "Italy"),
    ("Santiago", "Chile"),
    ("Accra", "Ghana"),
    ("Rabat", "Morocco"),
    ("Lima", "Peru"),
    ("Bogotá", "Colombia"),
    ("Malmö", "Sweden"),
];

const REGIONS: &[&str] = &[
    "Tarsa province",
    "North Brenn",
    "the Lower Valen region",
    "Orvik state",
    "the Eastern Marches",
    "Kaldera province",
    "the Sel Valley",
    "Marrow County",
    "Dunholt district",
];

const ORGS: &[&str] = &[
    "the National Water Agency",
    "the Veloria Space Agency",
    "the Regional Transport Agency",
    "the Federal Food Safety Agency",
    "the Kelmsfield City Council",
    "the National Security Council",
    "the Council of Regional Governors",
    "the Atlantic Fisheries Council",
    "the Medical Research Council",
    "the Bellhaven Foundation",
    "the Clearwater Foundation",
    "the Open Fields Foundation",
    "the Ashdown Family Foundation",
    "the Competition Commission",
    "the Port Authority",
    "the Constitutional Court",
    "the Electoral Commission",
    "the Northland Chamber of Commerce",
    "the International Monetary Fund",
    "the World Health Organization",
];

const INSTITUTES: &[&str] = &[
    "the Meridian Institute",
    "the Halvorsen Institute for Policy Research",
    "the Institute for Coastal Studies",
    "the Eastmere Institute of Technology",
    "the Brennan Centre for Public Finance",
    "the Institute of Rural Economics",
];

const BANKS: &[&str] = &[
    "the Bank of Northland",
    "Harbourline Bank",
    "the Sarnia Development Bank",
    "First Meridian Bank",
    "the Central Bank of Kestrania",
    "Corvenia Savings Bank",
];

const PARTIES: &[&str] = &[
    "the Progressive Labour Party",
    "the National Renewal Party",
    "the Green Future Party",
    "the Liberal Unity Party",
    "the Farmers' Party",
    "the Civic Alliance Party",
];

const UNIONS: &[&str] = &[
    "the Transport Workers' Union",
    "the National Union of Nurses",
    "the Federation of Mine Workers",
    "the Teachers' Alliance",
];

const COMPANIES: &[&str] = &[
    "Vantor Corporation",
    "Helix Energy Corporation",
    "Kestrel Aerospace Corporation",
    "Northstar Mining Corporation",
    "Bluewave Shipping Corporation",
    "Orrin Pharmaceuticals Corporation",
    "Tallis Rail Corporation",
    "Greyfield Agricultural Corporation",
    "Lumen Data Corporation",
    "Castellan Defence Corporation",
];

const OUTLETS: &[&str] = &[
    "reporters",
    "state television",
    "local radio",
    "a news conference",
    "the Kelmsfield Herald",
    "the Northland Post",
    "the Daily Meridian",
    "a parliamentary committee",
];

const DISCIPLINES: &[&str] = &[
    "economics",
    "public health",
    "political science",
    "engineering",
    "environmental law",
    "history",
    "international relations",
    "agronomy",
];

const OCCUPATIONS: &[&str] = &[
    "nurse",
    "shopkeeper",
    "taxi driver",
    "teacher",
    "farmer",
    "electrician",
    "student",
    "bus driver",
    "pharmacist",
    "fisherman",
];

const CLIENTS: &[&str] = &[
    "several of the families",
    "the striking workers",
    "a group of local farmers",
    "the former directors",
    "dozens of residents",
];

const ACT_QUALIFIERS: &[&str] = &[
    "Clean", "Fair", "Safe", "Open", "National", "Digital", "Public", "Rural", "Coastal",
];

const ACT_SUBJECTS: &[&str] = &[
    "Water",
    "Air",
    "Markets",
    "Borders",
    "Data Protection",
    "Housing",
    "Energy",
    "Transport",
    "Health",
    "Elections",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Month names, full and in news-agency abbreviated form.
const MONTHS: &[(&str, &str)] = &[
    ("January", "Jan."),
    ("February", "Feb."),
    ("March", "March"),
    ("April", "April"),
    ("May", "May"),
    ("June", "June"),
    ("July", "July"),
    ("August", "Aug."),
    ("September", "Sept."),
    ("October", "Oct."),
    ("November", "Nov."),
    ("December", "Dec."),
];

const RELATIVE_TIMES: &[&str] = &[
    "last week",
    "earlier this month",
    "this week",
    "last month",
    "over the weekend",
    "earlier this year",
];

const SMALL_NUMBERS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

const NOUNS: &[&str] = &[
    "plan",
    "proposal",
    "agreement",
    "deal",
    "investigation",
    "inquiry",
    "report",
    "budget",
    "reform",
    "ban",
    "measure",
    "programme",
    "strategy",
    "review",
    "contract",
    "framework",
    "package",
    "policy",
    "bill",
    "scheme",
    "initiative",
    "compromise",
];

const PLURALS: &[&str] = &[
    "officials",
    "residents",
    "analysts",
    "investors",
    "lawmakers",
    "workers",
    "protesters",
    "farmers",
    "doctors",
    "teachers",
    "families",
    "voters",
    "critics",
    "diplomats",
    "negotiators",
    "regulators",
    "pensioners",
    "students",
    "commuters",
    "nurses",
    "shopkeepers",
    "fishermen",
    "engineers",
    "landlords",
    "small businesses",
];

const PAST: &[&str] = &[
    "approved",
    "rejected",
    "delayed",
    "criticised",
    "defended",
    "unveiled",
    "suspended",
    "postponed",
    "blocked",
    "endorsed",
    "scrapped",
    "expanded",
    "launched",
    "revised",
    "challenged",
    "welcomed",
    "questioned",
    "extended",
    "halted",
    "reviewed",
];

const BASE: &[&str] = &[
    "approve",
    "reject",
    "delay",
    "review",
    "expand",
    "scrap",
    "extend",
    "suspend",
    "challenge",
    "support",
    "oppose",
    "fund",
    "restore",
    "revise",
    "block",
    "accelerate",
    "reconsider",
    "finalise",
    "overhaul",
    "defend",
];

const ADJECTIVES: &[&str] = &[
    "controversial",
    "long-awaited",
    "ambitious",
    "sweeping",
    "modest",
    "temporary",
    "emergency",
    "cross-border",
    "revised",
    "landmark",
    "costly",
    "unpopular",
    "fragile",
    "preliminary",
    "new",
    "multibillion-dollar",
    "two-year",
    "regional",
    "national",
    "interim",
    "flagship",
    "delayed",
    "expanded",
    "scaled-back",
    "state-backed",
];

const HEADLINE_VERBS: &[&str] = &[
    "rejects",
    "backs",
    "delays",
    "unveils",
    "approves",
    "scraps",
    "defends",
    "expands",
    "suspends",
    "revives",
    "questions",
    "targets",
];

/// Groups of interchangeable common words used to make near copies.
const SWAP_CLASSES: &[&[&str]] = &[
    PAST,
    BASE,
    PLURALS,
    NOUNS,
    ADJECTIVES,
    &["said", "added", "noted"],
    &["would", "could", "might"],
    &["about", "around", "roughly"],
    &["nearly", "almost"],
    &["week", "month", "year"],
    &["he", "she"],
    &["his", "her"],
    &["told", "assured"],
    &["described", "characterised"],
    &["people", "residents", "citizens"],
    &["government", "administration", "cabinet"],
    &["decision", "move", "announcement"],
    &["figures", "numbers", "data"],
    &["lot", "great deal"],
    &["reporters", "journalists"],
];

/// Groups of interchangeable names, used for near copies of paragraphs that
/// contain none of the common words.
const NAME_CLASSES: &[&[&str]] = &[WEEKDAYS, SURNAMES, INVENTED_COUNTRIES, REAL_COUNTRIES];

#[cfg(test)]
mod tests {
    use super::*;

    fn options(docs: usize, seed: u64, out_dir: PathBuf) -> Options {
        Options {
            docs,
            seed,
            dup_rate: 0.03,
            near_rate: 0.1,
            stock_rate: 0.1,
            out_dir,
        }
    }

    fn read_all(dir: &std::path::Path) -> Vec<(String, String)> {
        let mut files: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, fs::read_to_string(p).unwrap())
            })
            .collect()
    }

    #[test]
    fn same_seed_writes_the_same_corpus_and_another_seed_a_different_one() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (
            dir.path().join("a"),
            dir.path().join("b"),
            dir.path().join("c"),
        );
        generate(&options(40, 7, a.clone())).unwrap();
        generate(&options(40, 7, b.clone())).unwrap();
        generate(&options(40, 8, c.clone())).unwrap();
        assert_eq!(read_all(&a), read_all(&b));
        assert_ne!(read_all(&a), read_all(&c));
    }

    #[test]
    fn paraphrase_swaps_whole_listed_phrases_only() {
        let mut rng = Rng::for_document(1, 2);
        let untouched = "Xylo quartz vexed Bo; the pasta was tasty.";
        assert_eq!(paraphrase(untouched, &mut rng), untouched);
        // "saidx" is not the word "said", and "Critics say" has a group of its own.
        for _ in 0..20 {
            let text = paraphrase("Critics say it saidx nothing.", &mut rng);
            let opener = [
                "Critics say",
                "Critics argue",
                "Opponents say",
                "Opponents warn",
            ];
            assert!(opener.iter().any(|o| text.starts_with(o)), "{text}");
            assert!(text.ends_with(" it saidx nothing."), "{text}");
        }
    }

    #[test]
    fn shared_passages_stay_near_the_planned_share() {
        let dir = tempfile::tempdir().unwrap();
        generate(&options(250, 42, dir.path().to_path_buf())).unwrap();
        let mut corpus = corpus_scan::corpus::Corpus::new(corpus_scan::corpus::Options::default());
        for (name, text) in read_all(dir.path()) {
            let a = corpus_scan::analyse(&name, text.as_bytes()).unwrap();
            corpus.add(&name, &a);
        }
        let (report, _) = corpus.finish().unwrap().collect().unwrap();
        let shared: usize = report
            .shared_passages
            .iter()
            .map(|p| p.locations.len())
            .sum();
        let share = shared as f64 / report.corpus.sentences as f64;
        // Exact and near copies alone put about 5% of the sentences in passages, stock
        // templates some more; templates that chain put more than half.
        assert!(
            (0.03..0.2).contains(&share),
            "share of shared sentences {share:.3}"
        );
    }
}
