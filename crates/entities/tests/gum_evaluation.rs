//! Entity-level scores on GUM-open test (exact span and class), printed per
//! class: `cargo test -p chancery-entities --release --test gum_evaluation
//! -- --ignored --nocapture`. Skips when the shared data is absent.

use chancery_core::{Document, EntityType, Sentence, Token, ZoneKind};
use chancery_entities::evaluation::{evaluate, Evaluation};
use chancery_entities::gum::{read_gum, GoldDocument, NameClass, NamedSpan};
use chancery_entities::training::split_file;
use chancery_entities::Recognizer;
use chancery_ling::Linguist;
use std::path::{Path, PathBuf};

fn gum_dir() -> Option<PathBuf> {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let dir = shared.join("data/ud/en_gum_open");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: {} is absent", dir.display());
        None
    }
}

/// A GUM document as the pipeline would hand it over: tokenized as GUM
/// tokenizes it, then tagged.
fn pipeline_document(gold: &GoldDocument, linguist: &Linguist) -> Document {
    let mut doc = Document::new(gold.id.clone(), "");
    for sentence in &gold.sentences {
        let first = doc.tokens.len();
        let start = doc.text.len();
        for word in &sentence.words {
            if doc.text.len() > start {
                doc.text.push(' ');
            }
            let at = doc.text.len();
            doc.text.push_str(word);
            doc.tokens.push(Token {
                span: at..doc.text.len(),
                ..Token::default()
            });
        }
        doc.sentences.push(Sentence {
            span: start..doc.text.len(),
            tokens: first..doc.tokens.len(),
            zone: ZoneKind::Body,
        });
        doc.text.push('\n');
    }
    linguist.annotate(&mut doc);
    doc
}

/// GUM's class of an output type (NORP: groups of people).
fn gum_class(kind: EntityType) -> Option<NameClass> {
    match kind {
        EntityType::Person | EntityType::Norp => Some(NameClass::Person),
        EntityType::Gpe | EntityType::Loc => Some(NameClass::Place),
        EntityType::Org => Some(NameClass::Organization),
        EntityType::Other => None,
    }
}

/// Scores `Recognizer::annotate` (trimmed titles, NORP words, types mapped back).
fn evaluate_annotate(
    recognizer: &Recognizer,
    linguist: &Linguist,
    documents: &[GoldDocument],
) -> Evaluation {
    let mut evaluation = Evaluation::default();
    for gold in documents {
        let mut doc = pipeline_document(gold, linguist);
        recognizer.annotate(&mut doc);
        for (sentence, gold_sentence) in doc.sentences.iter().zip(&gold.sentences) {
            let predicted: Vec<NamedSpan> = doc
                .entities
                .iter()
                .filter(|e| sentence.tokens.contains(&e.tokens.start))
                .filter_map(|e| {
                    Some(NamedSpan {
                        words: e.tokens.start - sentence.tokens.start
                            ..e.tokens.end - sentence.tokens.start,
                        class: gum_class(e.kind)?,
                    })
                })
                .collect();
            evaluation.add_sentence(&predicted, &gold_sentence.names);
        }
    }
    evaluation
}

/// The genre in a GUM document id (`GUM_news_…`).
fn genre_of(document: &GoldDocument) -> &str {
    document.id.split('_').nth(1).unwrap_or("unknown")
}

fn genres(documents: &[GoldDocument]) -> Vec<&str> {
    let mut genres: Vec<&str> = documents.iter().map(genre_of).collect();
    genres.sort_unstable();
    genres.dedup();
    genres
}

#[test]
#[ignore = "slow: corpus-level, run with --ignored"]
fn gum_test_named_mentions() {
    let Some(dir) = gum_dir() else { return };
    let documents = read_gum(&split_file(&dir, "test").unwrap()).unwrap();
    let recognizer = Recognizer::load().unwrap();
    let linguist = Linguist::load().unwrap();
    let labelled = evaluate(&recognizer, &linguist, &documents);
    println!("GUM-open test, named mentions, labeller output (GUM spans):\n{labelled}");
    for genre in genres(&documents) {
        let of_genre: Vec<GoldDocument> = documents
            .iter()
            .filter(|d| genre_of(d) == genre)
            .cloned()
            .collect();
        let overall = evaluate(&recognizer, &linguist, &of_genre).overall;
        println!(
            "  {genre:<13} P {:.3} R {:.3} F1 {:.3} ({} gold)",
            overall.precision(),
            overall.recall(),
            overall.f1(),
            overall.true_positives + overall.false_negatives
        );
    }
    let annotated = evaluate_annotate(&recognizer, &linguist, &documents);
    println!("GUM-open test, Recognizer::annotate mapped back to GUM classes:\n{annotated}");
    // A regression floor well below the measured figure, not the target.
    assert!(
        labelled.overall.f1() > 0.6,
        "F1 fell to {:.3}",
        labelled.overall.f1()
    );
}
