//! The document model every chancery stage annotates.
//!
//! A [`Document`] holds the text exactly as given and, layer by layer, what the
//! stages found in it: zones (title, dateline, body…) from the readers, tokens
//! and sentences from the tokenizer, tags, lemmas and dependencies from the
//! linguistic models, entity and actor mentions, temporal expressions, and
//! finally events. Stages add to the document and never re-parse what an
//! earlier stage produced (spaCy's Doc/Token/Span design).
//!
//! Internally every span is a **byte** range into `Document::text`; the
//! external [`record::EventRecord`] converts them to **character** offsets
//! (Unicode code points, as Python indexes strings) through [`CharIndex`].

pub mod calendar;
pub mod offsets;
pub mod plover;
pub mod record;

use serde::{Deserialize, Serialize};
use std::ops::Range;

pub use offsets::CharIndex;
pub use plover::{Aux, EventType};

/// A byte range into the document text.
pub type Span = Range<usize>;

/// One news article and every annotation the pipeline added to it.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Stable identifier: the JSONL `id`, or the file name without extension.
    pub id: String,
    /// The text exactly as given; all spans index into it.
    pub text: String,
    pub meta: Metadata,
    /// Regions of the text worth reading, in order. Markdown noise, rules and
    /// similar junk lie between zones and are never tokenized. Empty means
    /// "the whole text is body".
    pub zones: Vec<Zone>,
    pub dateline: Option<Dateline>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Named-entity mentions found by the recognizer.
    pub entities: Vec<EntityMention>,
    /// Mentions resolved to actors (named, nominal and pronominal).
    pub actors: Vec<ActorMention>,
    pub timexes: Vec<Timex>,
    /// The date the article was written, and how it was found.
    pub doc_date: Option<DocDate>,
    pub events: Vec<Event>,
}

/// What the input said about the document besides its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    /// Publication date as given by the input (`YYYY-MM-DD` or a prefix).
    pub date: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// Where the document was read from (file path, `-` for stdin).
    pub origin: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ZoneKind {
    Title,
    /// Subheads, standfirsts and section headings.
    Heading,
    Dateline,
    Body,
    /// Photo captions and similar text that reports no event of its own.
    Caption,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone {
    pub kind: ZoneKind,
    pub span: Span,
}

/// A dateline such as `WASHINGTON, March 31. /TASS/.`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dateline {
    /// The whole dateline.
    pub span: Span,
    pub place: Option<String>,
    /// The date as written (`March 31`); the time stage normalizes it.
    pub date_text: Option<String>,
    pub outlet: Option<String>,
}

/// Universal POS tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Upos {
    ADJ,
    ADP,
    ADV,
    AUX,
    CCONJ,
    DET,
    INTJ,
    NOUN,
    NUM,
    PART,
    PRON,
    PROPN,
    PUNCT,
    SCONJ,
    SYM,
    VERB,
    #[default]
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::ADJ,
        Upos::ADP,
        Upos::ADV,
        Upos::AUX,
        Upos::CCONJ,
        Upos::DET,
        Upos::INTJ,
        Upos::NOUN,
        Upos::NUM,
        Upos::PART,
        Upos::PRON,
        Upos::PROPN,
        Upos::PUNCT,
        Upos::SCONJ,
        Upos::SYM,
        Upos::VERB,
        Upos::X,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Upos::ADJ => "ADJ",
            Upos::ADP => "ADP",
            Upos::ADV => "ADV",
            Upos::AUX => "AUX",
            Upos::CCONJ => "CCONJ",
            Upos::DET => "DET",
            Upos::INTJ => "INTJ",
            Upos::NOUN => "NOUN",
            Upos::NUM => "NUM",
            Upos::PART => "PART",
            Upos::PRON => "PRON",
            Upos::PROPN => "PROPN",
            Upos::PUNCT => "PUNCT",
            Upos::SCONJ => "SCONJ",
            Upos::SYM => "SYM",
            Upos::VERB => "VERB",
            Upos::X => "X",
        }
    }

    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == s)
    }
}

/// One token. `head` is a document-wide token index (None for the root).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Token {
    pub span: Span,
    pub upos: Upos,
    pub xpos: String,
    pub lemma: String,
    pub head: Option<usize>,
    /// Universal dependency relation, with subtype (`nsubj:pass`).
    pub deprel: String,
}

/// A sentence: a span of text and the range of token indexes in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
    pub zone: ZoneKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    /// Countries, cities, states: places with a government.
    Gpe,
    /// Other places.
    Loc,
    /// Nationalities, religious and political groups (Russian, Western).
    Norp,
    Other,
}

/// A named-entity mention: tokens `tokens` (document indexes) of one type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    pub tokens: Range<usize>,
    pub span: Span,
    pub kind: EntityType,
}

/// A PLOVER actor block, as the event record carries it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// The words of the mention as they stand in the text.
    pub text: String,
    /// Canonical name (`Sergey Lavrov`, `Russia`, `United Nations`).
    pub name: String,
    /// ISO 3166 alpha-3, or a PLOVER code for non-states (IGO, UNO, EUR, NGO…).
    pub country: Option<String>,
    /// PLOVER sector code (GOV, MIL, SPY, COP, CVL, REB, JRN…).
    pub sector: Option<String>,
    #[serde(default)]
    pub other_sectors: Vec<String>,
    /// Knowledge-base or learned-actor identifier.
    pub id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    Named,
    Nominal,
    Pronoun,
}

/// A stretch of text resolved to one or more actors (compounds give several).
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    pub tokens: Range<usize>,
    pub span: Span,
    /// The token the mention hangs from in the parse.
    pub head: usize,
    pub kind: MentionKind,
    pub actors: Vec<Actor>,
    /// Mentions of one entity in the document share a chain number.
    pub chain: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A temporal expression with its TIMEX3 normalization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 value: `2018-03-26`, `2018-03`, `P4M`, `PRESENT_REF`, `XXXX-02`…
    pub value: String,
    /// TIMEX3 mod (`START`, `END`, `APPROX`…).
    pub modifier: Option<String>,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    /// No date of its own: the event took the document date.
    Document,
}

/// Where a document date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    Metadata,
    CommandLine,
    Dateline,
    Headline,
    LatestInText,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocDate {
    /// `YYYY-MM-DD`, or a shorter prefix when only the month or year is known.
    pub value: String,
    pub precision: Precision,
    pub source: DateSource,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    pub value: String,
    pub precision: Precision,
    /// The temporal expression the date came from; None when inherited.
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub speaker: Actor,
    /// The reporting verb or phrase (`said`, `according to`, `claimed`).
    pub cue: String,
    /// True for a direct quotation.
    pub direct: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub value: f64,
    /// What is counted (`diplomats`, `people`, `USD`).
    pub unit: String,
}

/// A coded event, spans in bytes; see [`record::EventRecord`] for the output form.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub event_type: EventType,
    pub mode: Vec<String>,
    pub context: Vec<String>,
    pub actor: Vec<Actor>,
    pub recipient: Vec<Actor>,
    /// Index into `Document::sentences`.
    pub sentence: usize,
    /// Byte span of the trigger words.
    pub trigger: Span,
    pub date: Option<EventDate>,
    pub aux: Vec<Aux>,
    pub attribution: Option<Attribution>,
    pub quantity: Option<Quantity>,
    pub location: Option<String>,
    /// PLOVER conflict–cooperation score.
    pub score: f64,
    /// Nearest CAMEO code.
    pub cameo: Option<String>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }

    /// The text of a byte span.
    pub fn slice(&self, span: &Span) -> &str {
        &self.text[span.clone()]
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        &self.text[self.tokens[i].span.clone()]
    }

    /// The zones to read; the whole text as body when the reader set none.
    pub fn reading_zones(&self) -> Vec<Zone> {
        if self.zones.is_empty() {
            vec![Zone {
                kind: ZoneKind::Body,
                span: 0..self.text.len(),
            }]
        } else {
            self.zones.clone()
        }
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, token: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.tokens.end <= token);
        (k < self.sentences.len() && self.sentences[k].tokens.contains(&token)).then_some(k)
    }

    /// Dependents of token `i`, in text order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let range = self
            .sentence_of(i)
            .map(|s| self.sentences[s].tokens.clone())
            .unwrap_or(0..0);
        range.filter(move |&j| self.tokens[j].head == Some(i))
    }
}

/// A person the actor resolver learned from a document where a role was
/// stated ("Russia's ambassador Anatoly Antonov"); the store keeps them so
/// later documents that name the person bare resolve too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearnedActor {
    /// Full name as first seen (`Anatoly Antonov`).
    pub name: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    /// The role words (`ambassador to the United States`).
    pub role: Option<String>,
    /// Document dates (or ingest dates) of the first and last mention.
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
}
