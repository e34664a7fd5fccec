//! The pipeline: the stages, loaded once, run in order on each document.
//!
//! tokenize → tag, lemmatize, parse → temporal expressions and document date
//! → named entities → actors → events → event dates. Every stage annotates
//! the same [`Document`]; none re-reads what an earlier one produced.

use anyhow::Context;
use chancery_actors::{ActorMemory, ActorResolver};
use chancery_core::Document;
use chancery_entities::Recognizer;
use chancery_events::Coder;
use chancery_kb::KnowledgeBase;
use chancery_ling::Linguist;
use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::Arc;

/// What a run may change about the stages.
#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    /// User folders with extra knowledge-base and lexicon files.
    pub data_dirs: Vec<PathBuf>,
    /// Document date for inputs that carry none of their own.
    pub doc_date: Option<NaiveDate>,
}

/// The loaded stages; shared read-only across threads.
pub struct Pipeline {
    linguist: Linguist,
    recognizer: Recognizer,
    resolver: ActorResolver,
    coder: Coder,
    doc_date: Option<NaiveDate>,
}

impl Pipeline {
    pub fn load(options: &PipelineOptions) -> anyhow::Result<Pipeline> {
        let dirs = &options.data_dirs;
        let kb = Arc::new(KnowledgeBase::load(dirs).context("loading the actor knowledge base")?);
        let recognizer = Recognizer::load()
            .context("loading the entity recognizer model")?
            .with_knowledge_base(Arc::clone(&kb));
        Ok(Pipeline {
            linguist: Linguist::load().context("loading the tagger and parser models")?,
            recognizer,
            resolver: ActorResolver::new(kb),
            coder: Coder::load(dirs).context("loading the event lexicon")?,
            doc_date: options.doc_date,
        })
    }

    /// Codes one document; `memory` holds the actors learned from earlier ones.
    pub fn process_with(&self, doc: &mut Document, memory: &ActorMemory) {
        chancery_text::tokenize(doc);
        self.linguist.annotate(doc);
        chancery_time::annotate_timexes(doc, self.doc_date);
        self.recognizer.annotate(doc);
        self.resolver.annotate(doc, memory);
        self.coder.annotate(doc);
        chancery_time::date_events(doc);
    }

    /// The people this (coded) document taught the resolver.
    pub fn learned(&self, doc: &Document) -> Vec<chancery_core::LearnedActor> {
        self.resolver.learned(doc)
    }
}
