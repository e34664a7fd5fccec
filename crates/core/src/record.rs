//! The event record: the external contract of chancery.
//!
//! One JSON object per event. Offsets are character offsets into the document
//! text exactly as given (see the crate docs). `shared/eval/score_events.py`
//! and `chancery eval` read this format; the store keeps it verbatim.

use crate::{Actor, Aux, CharIndex, Document, Event, EventDate, EventType, Quantity, Span};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub doc_id: String,
    /// Stable: the same document text and event give the same id.
    pub event_id: String,
    pub event_type: EventType,
    pub mode: Vec<String>,
    pub context: Vec<String>,
    pub actor: Vec<Actor>,
    pub recipient: Vec<Actor>,
    pub evidence: Evidence,
    pub trigger: Trigger,
    pub date: Option<EventDate>,
    pub aux: Vec<Aux>,
    pub attribution: Option<AttributionRecord>,
    pub quantity: Option<Quantity>,
    pub location: Option<String>,
    pub score: f64,
    pub cameo: Option<String>,
}

/// The sentence that reports the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Sentence number in the document, from 0.
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The words that express the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributionRecord {
    pub speaker: Actor,
    pub cue: String,
    pub direct: bool,
}

/// A document as `--emit-docs` writes it: the exact text offsets refer to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub id: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Document {
    /// The document's events as records, with character offsets.
    pub fn event_records(&self) -> Vec<EventRecord> {
        let index = CharIndex::new(&self.text);
        self.events
            .iter()
            .map(|event| self.event_record(event, &index))
            .collect()
    }

    fn event_record(&self, event: &Event, index: &CharIndex) -> EventRecord {
        let chars = |span: &Span| (index.char_offset(span.start), index.char_offset(span.end));
        let sentence = &self.sentences[event.sentence];
        let (start, end) = chars(&sentence.span);
        let (trigger_start, trigger_end) = chars(&event.trigger);
        EventRecord {
            doc_id: self.id.clone(),
            event_id: event_id(&self.id, &self.text, event),
            event_type: event.event_type,
            mode: event.mode.clone(),
            context: event.context.clone(),
            actor: event.actor.clone(),
            recipient: event.recipient.clone(),
            evidence: Evidence {
                sentence: event.sentence,
                start,
                end,
                text: self.slice(&sentence.span).to_string(),
            },
            trigger: Trigger {
                start: trigger_start,
                end: trigger_end,
                text: self.slice(&event.trigger).to_string(),
            },
            date: event.date.clone(),
            aux: event.aux.clone(),
            attribution: event.attribution.as_ref().map(|a| AttributionRecord {
                speaker: a.speaker.clone(),
                cue: a.cue.clone(),
                direct: a.direct,
            }),
            quantity: event.quantity.clone(),
            location: event.location.clone(),
            score: event.score,
            cameo: event.cameo.clone(),
        }
    }

    /// The document as `--emit-docs` writes it.
    pub fn record(&self) -> DocumentRecord {
        DocumentRecord {
            id: self.id.clone(),
            text: self.text.clone(),
            title: self.meta.title.clone(),
            date: self.meta.date.clone(),
            url: self.meta.url.clone(),
            source: self.meta.source.clone(),
        }
    }
}

/// A hash of what identifies an event: the document (id and text), where its
/// trigger stands, its type and its participants' codes. Re-coding the same
/// input gives the same id; two events on one trigger differ by type or dyad.
fn event_id(doc_id: &str, text: &str, event: &Event) -> String {
    let mut h = blake3::Hasher::new();
    h.update(doc_id.as_bytes());
    h.update(&[0]);
    h.update(blake3::hash(text.as_bytes()).as_bytes());
    h.update(
        format!(
            "{}:{}:{}",
            event.trigger.start, event.trigger.end, event.event_type
        )
        .as_bytes(),
    );
    for side in [&event.actor, &event.recipient] {
        h.update(&[1]);
        for a in side {
            h.update(a.country.as_deref().unwrap_or("-").as_bytes());
            h.update(a.sector.as_deref().unwrap_or("-").as_bytes());
        }
    }
    h.finalize().to_hex()[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Sentence, ZoneKind};

    fn one_event_doc() -> Document {
        let text = "Intro. “Moscow expelled two envoys,” he said.";
        let mut doc = Document::new("d1", text);
        let start = text.find('“').unwrap();
        doc.sentences = vec![
            Sentence {
                span: 0..6,
                tokens: 0..0,
                zone: ZoneKind::Body,
            },
            Sentence {
                span: start..text.len(),
                tokens: 0..0,
                zone: ZoneKind::Body,
            },
        ];
        let trig = text.find("expelled").unwrap();
        doc.events.push(Event {
            event_type: EventType::Sanction,
            mode: vec!["expel".into()],
            context: vec![],
            actor: vec![Actor {
                country: Some("RUS".into()),
                ..Actor::default()
            }],
            recipient: vec![],
            sentence: 1,
            trigger: trig..trig + "expelled".len(),
            date: None,
            aux: vec![],
            attribution: None,
            quantity: Some(Quantity {
                value: 2.0,
                unit: "envoys".into(),
            }),
            location: None,
            score: -5.5,
            cameo: Some("1246".into()),
        });
        doc
    }

    #[test]
    fn record_offsets_are_characters_and_slice_the_evidence() {
        let doc = one_event_doc();
        let rec = &doc.event_records()[0];
        let chars: Vec<char> = doc.text.chars().collect();
        let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        assert_eq!(
            slice(rec.evidence.start, rec.evidence.end),
            rec.evidence.text
        );
        assert_eq!(slice(rec.trigger.start, rec.trigger.end), "expelled");
        assert_eq!(rec.evidence.start, 7, "“ is one character");
    }

    #[test]
    fn event_ids_are_stable_and_depend_on_the_event() {
        let doc = one_event_doc();
        let a = doc.event_records()[0].event_id.clone();
        assert_eq!(a, one_event_doc().event_records()[0].event_id);
        let mut other = one_event_doc();
        other.events[0].event_type = EventType::Coerce;
        assert_ne!(a, other.event_records()[0].event_id);
    }

    #[test]
    fn records_serialize_with_the_contract_field_names() {
        let json = serde_json::to_value(&one_event_doc().event_records()[0]).unwrap();
        for field in [
            "doc_id",
            "event_id",
            "event_type",
            "mode",
            "context",
            "actor",
            "recipient",
            "evidence",
            "trigger",
            "date",
            "aux",
            "attribution",
            "quantity",
            "location",
            "score",
            "cameo",
        ] {
            assert!(json.get(field).is_some(), "missing {field}");
        }
        assert_eq!(json["event_type"], "SANCTION");
        assert_eq!(json["quantity"]["value"], 2.0);
    }
}
