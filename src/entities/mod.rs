//! Stage 4, entities: named-entity mentions with OntoNotes types, and their cross-document links.
//!
//! [`detect`] works on one document's segments and tokens and returns typed [`Mention`]s,
//! each with the rule that found it and the rule that decided its type. [`link`] runs in
//! the corpus stage: it groups the mentions of all documents into entities with a canonical
//! name, joining spelling, transliteration, acronym and short-name variants.

mod clubs;
mod context;
mod detect;
pub mod link;
mod numeric;
mod players;
mod words;

use serde::{Deserialize, Serialize};

pub use detect::detect;
pub use link::{Entity, EntityTable, Linker, LocalEntity, link_key};

/// OntoNotes entity types, as spaCy uses them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityType {
    /// People, including fictional.
    Person,
    /// Nationalities, religious and political groups.
    Norp,
    /// Buildings, airports, bases, bridges, border crossings.
    Fac,
    /// Companies, agencies, institutions, armed groups.
    Org,
    /// Countries, cities, states, provinces.
    Gpe,
    /// Non-GPE locations: regions, seas, mountain ranges.
    Loc,
    /// Objects, vehicles, aircraft, weapons.
    Product,
    /// Named wars, battles, sports events.
    Event,
    /// Titles of books, songs, films.
    WorkOfArt,
    /// Named laws, treaties, resolutions.
    Law,
    /// Named languages.
    Language,
    /// Absolute or relative dates or periods.
    Date,
    /// Times smaller than a day.
    Time,
    /// Percentages.
    Percent,
    /// Monetary values.
    Money,
    /// Measurements with units.
    Quantity,
    /// "first", "second".
    Ordinal,
    /// Numerals that do not fall under another type.
    Cardinal,
}

impl EntityType {
    /// Every type, in declaration order, so that `ALL[t as usize] == t`: a type in one byte.
    pub const ALL: [EntityType; 18] = [
        EntityType::Person,
        EntityType::Norp,
        EntityType::Fac,
        EntityType::Org,
        EntityType::Gpe,
        EntityType::Loc,
        EntityType::Product,
        EntityType::Event,
        EntityType::WorkOfArt,
        EntityType::Law,
        EntityType::Language,
        EntityType::Date,
        EntityType::Time,
        EntityType::Percent,
        EntityType::Money,
        EntityType::Quantity,
        EntityType::Ordinal,
        EntityType::Cardinal,
    ];

    /// The OntoNotes label.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Norp => "NORP",
            EntityType::Fac => "FAC",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Product => "PRODUCT",
            EntityType::Event => "EVENT",
            EntityType::WorkOfArt => "WORK_OF_ART",
            EntityType::Law => "LAW",
            EntityType::Language => "LANGUAGE",
            EntityType::Date => "DATE",
            EntityType::Time => "TIME",
            EntityType::Percent => "PERCENT",
            EntityType::Money => "MONEY",
            EntityType::Quantity => "QUANTITY",
            EntityType::Ordinal => "ORDINAL",
            EntityType::Cardinal => "CARDINAL",
        }
    }

    /// True for names (linked across documents); false for dates, times and numbers.
    pub fn is_name(self) -> bool {
        !matches!(
            self,
            EntityType::Date
                | EntityType::Time
                | EntityType::Percent
                | EntityType::Money
                | EntityType::Quantity
                | EntityType::Ordinal
                | EntityType::Cardinal
        )
    }
}

/// One entity mention in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Start byte offset in the decoded text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Index of the segment that holds it.
    pub segment: u32,
    /// The entity type.
    pub ty: EntityType,
    /// The rule or list that found the mention.
    pub found_by: &'static str,
    /// The rule or list that decided the type.
    pub typed_by: &'static str,
    /// True when the type is a default guess that stronger evidence elsewhere may override.
    pub weak: bool,
    /// The canonical form known from a list (gazetteer canonical, designator form), if any.
    pub known: Option<String>,
    /// A qualifier that tells same-named things apart: the country of a ministry.
    pub qualifier: Option<String>,
    /// A person's role given by the text ("State Department spokesman").
    pub role: Option<String>,
    /// For an acronym defined in the text, the start offset of the name it stands for.
    pub expands: Option<usize>,
}
