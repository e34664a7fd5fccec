//! The stages before the coder (tokenizer, tagger and parser, entities,
//! actors), loaded once, so tests and the `code_text` example run the real
//! pipeline on sentences written for them.

// Each test binary that includes this module uses only part of it.
#![allow(dead_code)]

use chancery_actors::{ActorMemory, ActorResolver};
use chancery_core::Document;
use chancery_entities::Recognizer;
use chancery_events::Coder;
use chancery_kb::KnowledgeBase;
use chancery_ling::Linguist;
use std::sync::{Arc, OnceLock};

pub struct Stages {
    linguist: Linguist,
    recognizer: Recognizer,
    resolver: ActorResolver,
    pub coder: Coder,
}

impl Stages {
    /// The stages, loaded on first use.
    pub fn get() -> &'static Stages {
        static STAGES: OnceLock<Stages> = OnceLock::new();
        STAGES.get_or_init(|| Stages {
            linguist: Linguist::load().expect("tagger and parser models"),
            recognizer: Recognizer::load().expect("entity model"),
            resolver: ActorResolver::new(Arc::new(
                KnowledgeBase::load(&[]).expect("actor knowledge base"),
            )),
            coder: Coder::load(&[]).expect("event lexicon"),
        })
    }

    /// A document of `text`, through every stage up to the events.
    pub fn code(&self, text: &str) -> Document {
        let mut doc = Document::new("test", text);
        self.run(&mut doc);
        doc
    }

    /// Runs every stage up to the events on a read document.
    pub fn run(&self, doc: &mut Document) {
        chancery_text::tokenize(doc);
        self.linguist.annotate(doc);
        self.recognizer.annotate(doc);
        self.resolver.annotate(doc, &ActorMemory::empty());
        self.coder.annotate(doc);
    }
}
