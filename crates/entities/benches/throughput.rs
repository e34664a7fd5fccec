//! Throughput of `Recognizer::annotate` alone (documents tokenized, tagged
//! and parsed beforehand) on the raw text of GUM-open dev and test, one core:
//! `cargo bench -p chancery-entities --bench throughput`. Also times loading.

use chancery_core::Document;
use chancery_entities::Recognizer;
use chancery_ling::Linguist;
use std::path::Path;
use std::time::Instant;

/// Sentences per benchmark document, about a news article.
const SENTENCES_PER_DOCUMENT: usize = 30;

fn main() {
    let gum = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/ud/en_gum_open"
    ));
    if !gum.is_dir() {
        println!("skipped: {} is absent", gum.display());
        return;
    }
    let started = Instant::now();
    let recognizer = Recognizer::load().expect("the shipped NER model loads");
    println!("load: {:.3} s", started.elapsed().as_secs_f64());
    let linguist = Linguist::load().expect("the shipped tagger loads");
    let mut documents = Vec::new();
    for split in ["dev", "test"] {
        let path = gum.join(format!("en_gum_open-{split}.conllu"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let sentences: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# text = "))
            .collect();
        for (k, chunk) in sentences.chunks(SENTENCES_PER_DOCUMENT).enumerate() {
            let mut doc = Document::new(format!("{split}-{k}"), chunk.join(" "));
            chancery_text::tokenize(&mut doc);
            linguist.annotate(&mut doc);
            documents.push(doc);
        }
    }
    let tokens: usize = documents.iter().map(|d| d.tokens.len()).sum();
    let started = Instant::now();
    let mut entities = 0;
    for doc in &mut documents {
        recognizer.annotate(doc);
        entities += doc.entities.len();
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "annotate: {tokens} tokens, {entities} entities in {seconds:.3} s: {:.0} tokens/s on one core",
        tokens as f64 / seconds
    );
}
