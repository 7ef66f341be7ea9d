//! Stage 7, report: the JSON report types of the output contract and the writers for text,
//! JSON, NDJSON and CSV.
//!
//! The types here are the contract: field names are a promise to users' `jq` scripts, and
//! `corpus-scan schema` prints a JSON Schema generated from them.

pub mod records;
pub mod text;

use schemars::JsonSchema;
use serde::Serialize;

use crate::entities::EntityType;

/// The version of the report's shape; bumped when a field is renamed or removed.
pub const SCHEMA_VERSION: &str = "1";

/// The whole corpus report (`scan --format json`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, Serialize, JsonSchema)]
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
    pub severity: String,
}

/// Writes the report as NDJSON: one record per document (`"record": "document"`), then one
/// corpus record holding everything else.
pub fn write_ndjson(r: &Report, out: &mut impl std::io::Write) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct DocLine<'a> {
        record: &'static str,
        #[serde(flatten)]
        doc: &'a DocReport,
    }
    #[derive(Serialize)]
    struct CorpusLine<'a> {
        record: &'static str,
        schema_version: &'a str,
        tool: &'a Tool,
        corpus: &'a CorpusStats,
        entities: &'a [EntityReport],
        shared_passages: &'a [Passage],
        duplicates: &'a [Duplicate],
        summary: &'a [CorpusSentence],
        timeline: &'a [TimelineEntry],
        quotes: &'a [CorpusQuote],
        errors: &'a [ErrorRecord],
    }
    for d in &r.documents {
        serde_json::to_writer(
            &mut *out,
            &DocLine {
                record: "document",
                doc: d,
            },
        )?;
        out.write_all(b"\n")?;
    }
    let c = CorpusLine {
        record: "corpus",
        schema_version: &r.schema_version,
        tool: &r.tool,
        corpus: &r.corpus,
        entities: &r.entities,
        shared_passages: &r.shared_passages,
        duplicates: &r.duplicates,
        summary: &r.summary,
        timeline: &r.timeline,
        quotes: &r.quotes,
        errors: &r.errors,
    };
    serde_json::to_writer(&mut *out, &c)?;
    out.write_all(b"\n")?;
    out.flush()
}
