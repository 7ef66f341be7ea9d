//! Stage 7, report: the JSON report types of the output contract and the writers for text,
//! JSON, NDJSON and CSV.
//!
//! The types here are the contract: field names are a promise to users' `jq` scripts, and
//! `corpus-scan schema` prints a JSON Schema generated from them.

pub mod csv;
pub mod records;
pub mod style;
pub mod text;

use std::borrow::Borrow;
use std::io::{self, Write};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::entities::EntityType;

/// The version of the report's shape; bumped when a field is renamed or removed.
pub const SCHEMA_VERSION: &str = "1";

/// The whole corpus report (`scan --format json`).
///
/// # Example
///
/// A [`crate::corpus::Corpus`] finishes into a report, which serializes to the JSON of
/// `corpus-scan scan --format json` and has a text form for people:
///
/// ```
/// use corpus_scan::corpus::{Corpus, Options};
///
/// let mut corpus = Corpus::new(Options::default());
/// let text = "Iran allows Russia to use base\n\nRussia used the base, officials said.";
/// corpus.add("a.txt", &corpus_scan::analyse("a.txt", text.as_bytes()).unwrap());
/// let (report, _) = corpus.finish().unwrap().collect().unwrap();
///
/// let json = serde_json::to_value(&report).unwrap();
/// assert_eq!(json["schema_version"], corpus_scan::report::SCHEMA_VERSION);
/// assert_eq!(json["documents"][0]["title"], "Iran allows Russia to use base");
///
/// let mut out = Vec::new();
/// corpus_scan::report::text::write(&report, &mut out).unwrap();
/// assert!(String::from_utf8(out).unwrap().starts_with("corpus-scan "));
/// ```
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(description = "The whole corpus report (`corpus-scan scan --format json`).")]
pub struct Report {
    /// The version of this shape.
    pub schema_version: String,
    /// The tool that wrote it.
    pub tool: Tool,
    /// Corpus-wide counts.
    pub corpus: CorpusStats,
    /// One entry per analysed document, by id.
    pub documents: Vec<DocReport>,
    /// Linked entities: by document count, then mentions, then canonical name.
    pub entities: Vec<EntityReport>,
    /// Sentences found in several documents, exactly or nearly.
    pub shared_passages: Vec<Passage>,
    /// Pairs of documents that are copies or near-copies.
    pub duplicates: Vec<Duplicate>,
    /// Sentences that together cover the corpus's main entities.
    pub summary: Vec<CorpusSentence>,
    /// Dated sentences ordered by normalised date.
    pub timeline: Vec<TimelineEntry>,
    /// Quotations, grouped across documents.
    pub quotes: Vec<CorpusQuote>,
    /// Files that could not be analysed, and decoding fallbacks.
    pub errors: Vec<ErrorRecord>,
}

/// The name and version of the tool.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Tool {
    /// Always "corpus-scan".
    pub name: String,
    /// The crate version.
    pub version: String,
}

/// Corpus-wide counts.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct CorpusStats {
    /// Documents analysed.
    pub documents: usize,
    /// Body sentences.
    pub sentences: usize,
    /// Tokens outside boilerplate.
    pub tokens: usize,
    /// Bytes of the analysed files.
    pub bytes: usize,
    /// Entries in `errors` that stopped a file from being analysed.
    pub errors: usize,
    /// Word tokens outside boilerplate.
    pub words: usize,
    /// Distinct linked entities.
    pub entities: usize,
}

/// One document's report.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DocReport {
    /// The document id.
    pub id: String,
    /// The path it was read from ("-" for standard input).
    pub path: String,
    /// The headline, if the document has one.
    pub title: Option<String>,
    /// The encoding the file was read with.
    pub encoding: String,
    /// Counts and readability figures.
    pub stats: DocStats,
    /// The entities it mentions, as in the corpus table's order rules.
    pub entities: Vec<DocEntity>,
    /// Distinctive words and phrases.
    pub keyterms: Vec<KeyTerm>,
    /// The most central body sentences, in document order.
    pub summary: Vec<SummarySentence>,
    /// Direct quotations and their speakers.
    pub quotes: Vec<Quote>,
    /// Dates mentioned, normalised where complete.
    pub dates: Vec<DateMention>,
}

/// A document's counts.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
pub struct DocStats {
    /// File size in bytes.
    pub bytes: usize,
    /// Body sentences.
    pub sentences: usize,
    /// Tokens outside boilerplate.
    pub tokens: usize,
    /// Word tokens outside boilerplate.
    pub words: usize,
    /// Boilerplate segments.
    pub boilerplate_lines: usize,
    /// Headings (not counting the title).
    pub headings: usize,
    /// Flesch reading ease of the body text.
    pub flesch_reading_ease: f64,
    /// Flesch-Kincaid grade level of the body text.
    pub flesch_kincaid_grade: f64,
    /// LIX readability index of the body text.
    pub lix: f64,
}

/// An entity as one document mentions it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DocEntity {
    /// The canonical name of the corpus entity.
    pub canonical: String,
    /// Its type.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// Mentions in this document.
    pub mentions: u32,
    /// Surface forms used in this document.
    pub forms: Vec<String>,
}

/// A key term and its score.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct KeyTerm {
    /// The word or phrase, lower case.
    pub term: String,
    /// TF-IDF score.
    pub score: f64,
}

/// A sentence chosen for a document's summary.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct SummarySentence {
    /// Segment index (as in `corpus-scan sentences`).
    pub sentence: usize,
    /// The sentence text.
    pub text: String,
}

/// A direct quotation.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Quote {
    /// Segment index of the sentence that holds it.
    pub sentence: usize,
    /// The quoted words, without the quote marks.
    pub text: String,
    /// The canonical name of the speaker, or null when the text does not say.
    pub speaker: Option<String>,
}

/// A date mentioned in a document.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct DateMention {
    /// Segment index of the sentence.
    pub sentence: usize,
    /// The date as written.
    pub text: String,
    /// ISO 8601 form where the text gives enough (2015-09-30, 2015-12, --08-16, 1979).
    pub normalized: Option<String>,
}

/// A corpus-wide entity.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct EntityReport {
    /// The canonical name.
    pub canonical: String,
    /// The type.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// Every surface form, sorted.
    pub aliases: Vec<String>,
    /// Ids of the documents that mention it.
    pub documents: Vec<String>,
    /// Total mentions.
    pub mentions: u32,
    /// Roles the text gives the entity (people).
    pub roles: Vec<String>,
}

/// Where a sentence is: document id and segment index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
pub struct Location {
    /// Document id.
    pub doc: String,
    /// Segment index.
    pub sentence: usize,
}

/// A passage shared by several documents.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Passage {
    /// The documents that hold it.
    pub documents: Vec<String>,
    /// The lowest similarity between its copies (1.0 for exact copies).
    pub similarity: f64,
    /// "exact" or "near".
    #[schemars(schema_with = "match_kind_schema")]
    pub kind: String,
    /// The text of its first copy.
    pub text: String,
    /// Every copy.
    pub locations: Vec<Location>,
}

/// A pair of copied documents.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Duplicate {
    /// The two document ids.
    pub documents: Vec<String>,
    /// Similarity of their shingle sets (1.0 for exact copies).
    pub similarity: f64,
    /// "exact" or "near".
    #[schemars(schema_with = "match_kind_schema")]
    pub kind: String,
}

/// A sentence of the corpus summary.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CorpusSentence {
    /// Document id.
    pub doc: String,
    /// Segment index.
    pub sentence: usize,
    /// The sentence.
    pub text: String,
}

/// A dated sentence.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TimelineEntry {
    /// The normalised date.
    pub date: String,
    /// The date as written.
    pub as_written: String,
    /// Document id.
    pub doc: String,
    /// Segment index.
    pub sentence: usize,
    /// The sentence.
    pub text: String,
}

/// One quotation found in one or more documents.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CorpusQuote {
    /// The quoted words.
    pub text: String,
    /// The speakers the documents give (canonical names), sorted.
    pub speakers: Vec<String>,
    /// Every place it appears.
    pub locations: Vec<Location>,
}

/// A file that could not be analysed, or was analysed with a warning.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ErrorRecord {
    /// The path.
    pub path: String,
    /// What was wrong and what was done.
    pub error: String,
    /// "error" when the file was not analysed, "warning" when it was.
    #[schemars(schema_with = "severity_schema")]
    pub severity: String,
}

/// The schema of a string that is one of `values`.
pub(crate) fn string_enum(values: &[&str]) -> schemars::schema::Schema {
    schemars::schema::SchemaObject {
        instance_type: Some(schemars::schema::InstanceType::String.into()),
        enum_values: Some(values.iter().map(|v| (*v).into()).collect()),
        ..Default::default()
    }
    .into()
}

fn match_kind_schema(_: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
    string_enum(&["exact", "near"])
}

fn severity_schema(_: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
    string_enum(&["error", "warning"])
}

/// The JSON Schema dialect of [`json_schema`]: draft 2020-12.
pub const JSON_SCHEMA_DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The JSON Schema (draft 2020-12) of `T`, as `corpus-scan schema` prints it.
///
/// schemars 0.8 writes 2019-09 at the newest. Its 2019-09 output is also valid 2020-12
/// because it uses none of the keywords that changed between the two (`items` with an
/// array, `additionalItems`, `$recursiveRef`), which a unit test checks; what remains is to
/// name the dialect and keep the definitions under `$defs`.
///
/// ```
/// let schema = corpus_scan::report::json_schema::<corpus_scan::report::Report>();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert!(schema["required"].as_array().unwrap().contains(&"documents".into()));
/// assert!(schema["$defs"]["DocReport"].is_object());
/// ```
pub fn json_schema<T: JsonSchema>() -> serde_json::Value {
    let mut settings = schemars::r#gen::SchemaSettings::draft2019_09();
    settings.definitions_path = "#/$defs/".to_owned();
    settings.meta_schema = Some(JSON_SCHEMA_DIALECT.to_owned());
    let root = settings.into_generator().into_root_schema_for::<T>();
    let mut schema = serde_json::to_value(root).expect("a schema serializes to JSON");
    if let Some(obj) = schema.as_object_mut()
        && let Some(defs) = obj.remove("definitions")
    {
        obj.insert("$defs".to_owned(), defs);
    }
    schema
}

/// Writes a schema from [`json_schema`] as pretty JSON with `$schema`, `title` and
/// `description` first and `$defs` last, the order people read a schema in (a
/// `serde_json::Value` on its own would sort its keys).
pub fn write_json_schema(
    schema: &serde_json::Value,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    use serde::ser::SerializeMap;

    struct Ordered<'a>(&'a serde_json::Map<String, serde_json::Value>);
    impl Serialize for Ordered<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            const FIRST: [&str; 3] = ["$schema", "title", "description"];
            let mut map = s.serialize_map(Some(self.0.len()))?;
            let first = FIRST.iter().filter_map(|k| self.0.get_key_value(*k));
            let middle = self
                .0
                .iter()
                .filter(|(k, _)| !FIRST.contains(&k.as_str()) && *k != "$defs");
            for (k, v) in first.chain(middle).chain(self.0.get_key_value("$defs")) {
                map.serialize_entry(k, v)?;
            }
            map.end()
        }
    }
    match schema.as_object() {
        Some(m) => serde_json::to_writer_pretty(&mut *out, &Ordered(m))?,
        None => serde_json::to_writer_pretty(&mut *out, schema)?,
    }
    writeln!(out)
}

/// Writes the JSON report (`scan --format json`), indented, taking the documents' entries
/// from `docs` and the entities, passages, timeline and quotations from `later` as they
/// come, so a corpus's report never has to be whole in memory. Gives the same bytes as
/// `serde_json::to_writer_pretty` of the whole report, with a newline. The entries of the
/// long lists are serialized on the current thread pool (see [`each_encoded`]).
pub fn write_json<D: Borrow<DocReport> + Send>(
    r: &Report,
    docs: impl IntoIterator<Item = io::Result<D>>,
    later: Later,
    out: &mut impl Write,
) -> io::Result<()> {
    // The fields of `Report`, in its order (a test compares the two), each indented one
    // level as `to_writer_pretty` would.
    fn field(out: &mut impl Write, name: &str, value: &impl Serialize) -> io::Result<()> {
        write!(out, ",\n  \"{name}\": ")?;
        pretty_at(value, 1, out)
    }
    /// A list field, its entries indented two levels.
    fn list<T: Serialize + Weight + Send, D: Borrow<T> + Send, W: Write>(
        out: &mut W,
        name: &str,
        entries: impl IntoIterator<Item = io::Result<D>>,
    ) -> io::Result<()> {
        write!(out, ",\n  \"{name}\": [")?;
        let mut any = false;
        let pretty = |entry: &T, sink: &mut Sink<'_, W>| pretty_at(entry, 2, sink);
        each_encoded(entries, out, pretty, |out| {
            out.write_all(if any { b",\n    " } else { b"\n    " })?;
            any = true;
            Ok(())
        })?;
        out.write_all(if any { b"\n  ]" } else { b"]" })
    }
    out.write_all(b"{\n  \"schema_version\": ")?;
    serde_json::to_writer(&mut *out, &r.schema_version)?;
    field(out, "tool", &r.tool)?;
    field(out, "corpus", &r.corpus)?;
    list::<DocReport, _, _>(out, "documents", docs)?;
    list::<EntityReport, _, _>(out, "entities", later.entities)?;
    list::<Passage, _, _>(out, "shared_passages", later.passages)?;
    field(out, "duplicates", &r.duplicates)?;
    field(out, "summary", &r.summary)?;
    list::<TimelineEntry, _, _>(out, "timeline", later.timeline)?;
    list::<CorpusQuote, _, _>(out, "quotes", later.quotes)?;
    field(out, "errors", &r.errors)?;
    out.write_all(b"\n}\n")
}

/// Writes `value` as pretty JSON placed `levels` deep in an enclosing value: every line
/// after the first indented by `levels` more levels of two spaces, as
/// `serde_json::to_writer_pretty` of the enclosing value would write it.
fn pretty_at(value: &impl Serialize, levels: usize, out: &mut impl Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Indented::at(levels));
    Ok(value.serialize(&mut ser)?)
}

/// serde_json's pretty layout (two spaces a level, `": "` after keys) starting at a given
/// level, so an entry of a list is written where it goes in one pass.
struct Indented {
    level: usize,
    has_value: bool,
}

impl Indented {
    /// A formatter for a value placed `level` levels deep.
    fn at(level: usize) -> Indented {
        Indented {
            level,
            has_value: false,
        }
    }

    /// Opens an array or object.
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// Closes an array or object, on a line of its own unless it is empty.
    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(bracket)
    }

    /// Starts an element or key on a new line, after a comma unless it is the first.
    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }

    /// A new line, indented to the current level.
    fn newline<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.level {
            w.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Entries taken at a time from a list's iterator and serialized in parallel.
const ENCODE_AHEAD: usize = 64;

/// The most [`Weight`] that entries made or serialized ahead may add up to: about a
/// megabyte of document ids, as entries and as bytes.
pub const BATCH_WEIGHT: usize = 8192;

/// How much room an entry of the report's long lists takes while it is made and written:
/// one, plus one for each document or place it names. Most entries are small, but the most
/// widespread entities and passages of a large corpus name tens of thousands of documents,
/// so batches made or written ahead end at [`BATCH_WEIGHT`] as well as at a count.
pub trait Weight {
    /// The entry's weight.
    fn weight(&self) -> usize;
}

impl Weight for DocReport {
    fn weight(&self) -> usize {
        1
    }
}

impl Weight for EntityReport {
    fn weight(&self) -> usize {
        1 + self.documents.len()
    }
}

impl Weight for Passage {
    fn weight(&self) -> usize {
        1 + self.documents.len() + self.locations.len()
    }
}

impl Weight for TimelineEntry {
    fn weight(&self) -> usize {
        1
    }
}

impl Weight for CorpusQuote {
    fn weight(&self) -> usize {
        1 + self.locations.len()
    }
}

/// Where [`each_encoded`] serializes an entry: into a buffer of its own, on the pool, or,
/// for an entry heavier than a whole batch, straight into the output.
enum Sink<'a, W> {
    Buffer(&'a mut Vec<u8>),
    Out(&'a mut W),
}

impl<W: Write> Write for Sink<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Buffer(b) => b.write(bytes),
            Sink::Out(w) => w.write(bytes),
        }
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Sink::Buffer(b) => b.write_all(bytes),
            Sink::Out(w) => w.write_all(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Buffer(b) => b.flush(),
            Sink::Out(w) => w.flush(),
        }
    }
}

/// Serializes a list's entries with `encode`, in parallel on the current thread pool in
/// batches of [`ENCODE_AHEAD`] entries or [`BATCH_WEIGHT`], and writes each to `out` in
/// order after `before` (its separator), so the writing thread only copies bytes. An entry
/// heavier than a batch (near copies chain: the largest passage of 100,000 generated
/// documents names 39,000 places) is serialized straight into `out`, never held whole as
/// text.
fn each_encoded<T: Weight + Send, D: Borrow<T> + Send, W: Write>(
    entries: impl IntoIterator<Item = io::Result<D>>,
    out: &mut W,
    encode: impl Fn(&T, &mut Sink<'_, W>) -> io::Result<()> + Sync,
    mut before: impl FnMut(&mut W) -> io::Result<()>,
) -> io::Result<()> {
    use rayon::prelude::*;
    let mut entries = entries.into_iter();
    loop {
        let (mut batch, mut weight, mut heavy) = (Vec::new(), 0, None);
        while batch.len() < ENCODE_AHEAD && weight < BATCH_WEIGHT {
            let Some(entry) = entries.next() else {
                break;
            };
            let entry: D = entry?;
            let w = entry.borrow().weight();
            if w > BATCH_WEIGHT {
                heavy = Some(entry);
                break;
            }
            weight += w;
            batch.push(entry);
        }
        if batch.is_empty() && heavy.is_none() {
            return Ok(());
        }
        let encoded: Vec<io::Result<Vec<u8>>> = batch
            .into_par_iter()
            .map(|d| {
                let mut bytes = Vec::new();
                encode(d.borrow(), &mut Sink::Buffer(&mut bytes))?;
                Ok(bytes)
            })
            .collect();
        for e in encoded {
            let bytes = e?;
            before(out)?;
            out.write_all(&bytes)?;
        }
        if let Some(entry) = heavy {
            before(out)?;
            encode(entry.borrow(), &mut Sink::Out(out))?;
        }
    }
}

/// Writes the report as NDJSON: one record per document (`"record": "document"`), then one
/// corpus record holding everything else. The documents come from `docs` and the entities,
/// passages, timeline and quotations from `later`, as with [`write_json`].
pub fn write_ndjson<D: Borrow<DocReport> + Send>(
    r: &Report,
    docs: impl IntoIterator<Item = io::Result<D>>,
    later: Later,
    out: &mut impl Write,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct DocLine<'a> {
        record: &'static str,
        #[serde(flatten)]
        doc: &'a DocReport,
    }
    // The corpus record's fields, in the order of `Report`'s.
    fn field(out: &mut impl Write, name: &str, value: &impl Serialize) -> io::Result<()> {
        write!(out, ",\"{name}\":")?;
        Ok(serde_json::to_writer(&mut *out, value)?)
    }
    fn list<T: Serialize + Weight + Send, W: Write>(
        out: &mut W,
        name: &str,
        entries: Entries<'_, T>,
    ) -> io::Result<()> {
        write!(out, ",\"{name}\":[")?;
        let mut any = false;
        let compact = |entry: &T, sink: &mut Sink<'_, W>| Ok(serde_json::to_writer(sink, entry)?);
        each_encoded(entries, out, compact, |out| {
            if any {
                out.write_all(b",")?;
            }
            any = true;
            Ok(())
        })?;
        out.write_all(b"]")
    }
    let line = |doc: &DocReport, sink: &mut Sink<'_, _>| {
        serde_json::to_writer(
            &mut *sink,
            &DocLine {
                record: "document",
                doc,
            },
        )?;
        sink.write_all(b"\n")
    };
    each_encoded(docs, out, line, |_| Ok(()))?;
    out.write_all(b"{\"record\":\"corpus\"")?;
    field(out, "schema_version", &r.schema_version)?;
    field(out, "tool", &r.tool)?;
    field(out, "corpus", &r.corpus)?;
    list(out, "entities", later.entities)?;
    list(out, "shared_passages", later.passages)?;
    field(out, "duplicates", &r.duplicates)?;
    field(out, "summary", &r.summary)?;
    list(out, "timeline", later.timeline)?;
    list(out, "quotes", later.quotes)?;
    field(out, "errors", &r.errors)?;
    out.write_all(b"}\n")?;
    out.flush()
}

/// A report's own documents, in the form the writers take.
pub fn own_documents(r: &Report) -> impl Iterator<Item = io::Result<&DocReport>> {
    r.documents.iter().map(Ok)
}

/// Entries of a report's list as they come.
pub type Entries<'a, T> = Box<dyn Iterator<Item = io::Result<T>> + Send + 'a>;

/// The lists a report writes after its documents that are too long to hold: the entity
/// table, the shared passages, the timeline and the quotations. A finished corpus makes
/// their entries as they are written ([`crate::corpus::Finished`]); [`Later::of`] takes them
/// from a whole report.
pub struct Later<'a> {
    /// The entity table, in report order.
    pub entities: Entries<'a, EntityReport>,
    /// Shared passages, in report order.
    pub passages: Entries<'a, Passage>,
    /// Timeline entries, in report order.
    pub timeline: Entries<'a, TimelineEntry>,
    /// Quotations, in report order.
    pub quotes: Entries<'a, CorpusQuote>,
}

impl<'a> Later<'a> {
    /// The entities, passages, timeline and quotations of a whole report.
    pub fn of(r: &'a Report) -> Later<'a> {
        Later {
            entities: Box::new(r.entities.iter().cloned().map(Ok)),
            passages: Box::new(r.shared_passages.iter().cloned().map(Ok)),
            timeline: Box::new(r.timeline.iter().cloned().map(Ok)),
            quotes: Box::new(r.quotes.iter().cloned().map(Ok)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn heavy_entries_are_encoded_fewer_at_a_time() {
        let entity = |documents: usize| EntityReport {
            canonical: "Iran".to_owned(),
            ty: EntityType::Gpe,
            aliases: vec!["Iran".to_owned()],
            documents: vec!["a.txt".to_owned(); documents],
            mentions: 1,
            roles: Vec::new(),
        };
        // How many entries were taken from the list when each was written, and what was
        // written: each entry's document count, and whether it went straight to the output.
        let taken = |entries: Vec<EntityReport>| {
            let pulled = std::cell::Cell::new(0);
            let list = entries.into_iter().map(|e| {
                pulled.set(pulled.get() + 1);
                Ok(e)
            });
            let (mut seen, mut out) = (Vec::new(), Vec::new());
            each_encoded::<EntityReport, _, _>(
                list,
                &mut out,
                |e, sink| {
                    let direct = matches!(sink, Sink::Out(_));
                    write!(
                        sink,
                        "{}{} ",
                        e.documents.len(),
                        if direct { "!" } else { "" }
                    )
                },
                |_| {
                    seen.push(pulled.get());
                    Ok(())
                },
            )
            .unwrap();
            (seen, String::from_utf8(out).unwrap())
        };
        assert_eq!(
            taken((0..3).map(|_| entity(1)).collect()),
            (vec![3, 3, 3], "1 1 1 ".to_owned())
        );
        // 5,001 and 5,001 pass the batch's weight: two at a time.
        assert_eq!(
            taken((0..3).map(|_| entity(5000)).collect()),
            (vec![2, 2, 3], "5000 5000 5000 ".to_owned())
        );
        // An entry heavier than a batch ends the batch before it and is written on its own,
        // straight into the output.
        assert_eq!(
            taken(vec![entity(1), entity(10_000), entity(1)]),
            (vec![2, 2, 3], "1 10000! 1 ".to_owned())
        );
    }

    /// Fails on the keywords whose meaning changed between 2019-09 and 2020-12, and on
    /// references that do not point into `$defs`.
    fn assert_2020_12(v: &Value) {
        match v {
            Value::Object(m) => {
                assert!(!m.contains_key("additionalItems"), "additionalItems");
                assert!(!m.contains_key("$recursiveRef"), "$recursiveRef");
                assert!(!m.contains_key("definitions"), "definitions");
                if let Some(items) = m.get("items") {
                    assert!(items.is_object() || items.is_boolean(), "array items");
                }
                if let Some(Value::String(r)) = m.get("$ref") {
                    assert!(r.starts_with("#/$defs/"), "{r}");
                }
                m.values().for_each(assert_2020_12);
            }
            Value::Array(a) => a.iter().for_each(assert_2020_12),
            _ => {}
        }
    }

    #[test]
    fn schemas_use_only_2020_12_keywords() {
        for schema in [
            json_schema::<Report>(),
            json_schema::<records::SentenceRecord<'_>>(),
            json_schema::<records::TokenRecord<'_>>(),
            json_schema::<records::MentionRecord>(),
        ] {
            assert_eq!(schema["$schema"], JSON_SCHEMA_DIALECT);
            assert_2020_12(&schema);
        }
    }
}
