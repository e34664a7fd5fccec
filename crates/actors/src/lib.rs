//! Actor resolution: the mentions of a tokenized (ideally tagged, parsed and
//! entity-annotated) document resolved to PLOVER actor blocks with the
//! knowledge base of `chancery-kb`, completed by in-document coreference, and
//! the people a document teaches (a name with a stated role and country).
//!
//! The pipeline, per sentence: [`chunks`] finds noun phrases and the names
//! in them, [`resolve`] turns each phrase into a mention, [`combine`] joins
//! role complements, appositions and coordinations and adds pronouns; then
//! [`coref`] links the document's mentions and numbers their chains.

mod chunks;
mod combine;
mod coref;
mod memory;
mod mention;
mod resolve;
mod words;

use chancery_core::{ActorMention, Document, LearnedActor, ZoneKind};
use chancery_kb::KnowledgeBase;
use std::sync::Arc;

pub use memory::ActorMemory;

use mention::Mention;
use resolve::Context;
use words::Words;

/// Resolves actor mentions; built once, shared read-only across threads.
pub struct ActorResolver {
    kb: Arc<KnowledgeBase>,
}

impl ActorResolver {
    pub fn new(kb: Arc<KnowledgeBase>) -> ActorResolver {
        ActorResolver { kb }
    }

    /// The knowledge base the resolver reads.
    pub fn knowledge_base(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// Fills doc.actors (ActorMention: document-wide token ranges, byte spans,
    /// head token, kind, actors, chain).
    pub fn annotate(&self, doc: &mut Document, memory: &ActorMemory) {
        let mentions = self.mentions(doc, memory);
        let chains = coref::chains(&mentions);
        let words = Words::new(doc);
        let actors: Vec<ActorMention> = mentions
            .iter()
            .zip(chains)
            .filter(|(m, _)| !m.actors.is_empty() && (!m.speculative || m.resolved()))
            .map(|(m, chain)| ActorMention {
                tokens: m.tokens.clone(),
                span: doc.tokens[m.tokens.start].span.start..doc.tokens[m.tokens.end - 1].span.end,
                head: words.head_of(&m.tokens),
                kind: m.kind,
                actors: m.actors.clone(),
                chain,
            })
            .collect();
        doc.actors = actors;
    }

    /// People this document taught us (for the store's learned-actor table):
    /// those whose role and country the text states, by title (`Russian
    /// Ambassador Anatoly Antonov`) or apposition (`Antonov, Russia's ambassador`).
    pub fn learned(&self, doc: &Document) -> Vec<LearnedActor> {
        let date = document_date(doc);
        let mut learned: Vec<LearnedActor> = Vec::new();
        for mention in self.mentions(doc, &ActorMemory::empty()) {
            let (Some(name), true) = (&mention.person, mention.stated_role) else {
                continue;
            };
            let actor = &mention.actors[0];
            if learned.iter().any(|l| &l.name == name) || !name.contains(' ') {
                continue;
            }
            learned.push(LearnedActor {
                name: name.clone(),
                country: actor.country.clone(),
                sector: actor.sector.clone(),
                role: mention.role.clone(),
                first_seen: date.clone(),
                last_seen: date.clone(),
            });
        }
        learned
    }

    /// Every mention of the document, resolved and linked.
    fn mentions(&self, doc: &Document, memory: &ActorMemory) -> Vec<Mention> {
        let words = Words::new(doc);
        let date = document_date(doc);
        let context = Context {
            kb: &self.kb,
            words: &words,
            memory,
            date: date.as_deref(),
        };
        let mut mentions = Vec::new();
        for (index, sentence) in doc.sentences.iter().enumerate() {
            // `WASHINGTON, March 31 /TASS/`: where the story was filed, not who acted.
            if sentence.zone == ZoneKind::Dateline {
                continue;
            }
            let phrases = chunks::chunks(&words, &self.kb, sentence);
            let found = combine::sentence_mentions(&context, &phrases, sentence, index);
            mentions.extend(found.into_iter().filter(|m| !in_dateline(doc, m)));
        }
        coref::resolve(&words, &mut mentions);
        mentions
    }
}

/// Whether a mention lies in the dateline the reader found inside a zone
/// (`MOSCOW, March 31 (Reuters) -`).
fn in_dateline(doc: &Document, mention: &Mention) -> bool {
    doc.dateline.as_ref().is_some_and(|dateline| {
        let start = doc.tokens[mention.tokens.start].span.start;
        dateline.span.contains(&start)
    })
}

/// The document date for office holders: the time stage's, else the metadata's.
fn document_date(doc: &Document) -> Option<String> {
    doc.doc_date
        .as_ref()
        .map(|d| d.value.clone())
        .or_else(|| doc.meta.date.clone())
}

#[cfg(test)]
mod tests;
