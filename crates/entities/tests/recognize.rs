//! The shipped recognizer on sentences written for these tests.

use chancery_core::{Document, EntityType};
use chancery_entities::Recognizer;
use chancery_ling::Linguist;
use std::sync::LazyLock;

static RECOGNIZER: LazyLock<Recognizer> =
    LazyLock::new(|| Recognizer::load().expect("the shipped NER model loads"));
static LINGUIST: LazyLock<Linguist> =
    LazyLock::new(|| Linguist::load().expect("the shipped tagger loads"));

/// Tokenized and tagged, as the pipeline hands documents to the recognizer.
fn prepared(text: &str) -> Document {
    let mut doc = Document::new("test", text);
    chancery_text::tokenize(&mut doc);
    LINGUIST.annotate(&mut doc);
    doc
}

fn entities(text: &str) -> Vec<(String, EntityType)> {
    let mut doc = prepared(text);
    RECOGNIZER.annotate(&mut doc);
    doc.entities
        .iter()
        .map(|e| (doc.slice(&e.span).to_string(), e.kind))
        .collect()
}

fn has(found: &[(String, EntityType)], text: &str, kind: EntityType) -> bool {
    found.iter().any(|(t, k)| t == text && *k == kind)
}

#[test]
fn minister_organisation_and_city() {
    let found = entities("Foreign Minister Sergey Lavrov met NATO officials in Brussels.");
    assert!(
        has(&found, "Sergey Lavrov", EntityType::Person),
        "{found:?}"
    );
    assert!(has(&found, "NATO", EntityType::Org), "{found:?}");
    assert!(has(&found, "Brussels", EntityType::Gpe), "{found:?}");
}

#[test]
fn spans_and_token_ranges_agree() {
    let mut doc = prepared("Yesterday Maria Gonzalez flew from Madrid to Lima.");
    RECOGNIZER.annotate(&mut doc);
    assert!(!doc.entities.is_empty());
    for entity in &doc.entities {
        assert_eq!(
            entity.span.start,
            doc.tokens[entity.tokens.start].span.start
        );
        assert_eq!(entity.span.end, doc.tokens[entity.tokens.end - 1].span.end);
    }
    let found: Vec<&str> = doc.entities.iter().map(|e| doc.slice(&e.span)).collect();
    assert!(found.contains(&"Madrid"), "{found:?}");
}

#[test]
fn titles_and_nationalities_stay_out_of_person_names() {
    let found = entities("Russian Foreign Minister Ivan Petrov arrived in Ankara on Monday.");
    assert!(has(&found, "Ivan Petrov", EntityType::Person), "{found:?}");
    assert!(has(&found, "Russian", EntityType::Norp), "{found:?}");
    assert!(has(&found, "Ankara", EntityType::Gpe), "{found:?}");
}

#[test]
fn nationality_adjectives_are_norp() {
    let found = entities("Russian diplomats and Chinese officials left the meeting on Tuesday.");
    assert!(has(&found, "Russian", EntityType::Norp), "{found:?}");
    assert!(has(&found, "Chinese", EntityType::Norp), "{found:?}");
}

#[test]
fn lowercase_prose_has_no_names() {
    let found = entities("the committee said it would meet again next week to discuss the budget.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn recognizer_is_shared_across_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Recognizer>();
    let texts = [
        "Pedro Alves visited Lisbon.",
        "Ana Costa met Kenyan officials in Nairobi.",
    ];
    let sequential: Vec<_> = texts.iter().map(|t| entities(t)).collect();
    let parallel: Vec<_> = std::thread::scope(|scope| {
        let workers: Vec<_> = texts
            .iter()
            .map(|t| scope.spawn(move || entities(t)))
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    assert_eq!(parallel, sequential);
    assert!(sequential.iter().all(|found| !found.is_empty()));
}

#[test]
fn empty_document_gets_no_entities() {
    let mut doc = Document::new("empty", "");
    RECOGNIZER.annotate(&mut doc);
    assert!(doc.entities.is_empty());
}
