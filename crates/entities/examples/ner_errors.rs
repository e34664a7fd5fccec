//! Lists the recognizer's errors on a GUM split, sentence by sentence:
//! `cargo run --release -p chancery-entities --example ner_errors -- GUM_DIR SPLIT [MODEL]`.

use chancery_entities::gum::{read_gum, NamedSpan};
use chancery_entities::training::split_file;
use chancery_entities::Recognizer;
use std::path::PathBuf;

fn show(words: &[String], name: &NamedSpan) -> String {
    format!("{}/{}", words[name.words.clone()].join(" "), name.class)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [gum_dir, split, ..] = args.as_slice() else {
        eprintln!("usage: ner_errors GUM_DIR SPLIT [MODEL]");
        std::process::exit(2);
    };
    let gum_dir = PathBuf::from(gum_dir);
    let recognizer = match args.get(2) {
        Some(model) => Recognizer::from_file(&PathBuf::from(model)).unwrap(),
        None => Recognizer::load().unwrap(),
    };
    let linguist = chancery_ling::Linguist::load().unwrap();
    let documents = read_gum(&split_file(&gum_dir, split).unwrap()).unwrap();
    for document in &documents {
        let sentences: Vec<Vec<&str>> = document
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let analyses = chancery_entities::analyse_sentences(&linguist, &sentences);
        let predicted = recognizer.label(&sentences, analyses);
        for (names, gold) in predicted.iter().zip(&document.sentences) {
            let missed: Vec<String> = gold
                .names
                .iter()
                .filter(|g| !names.contains(g))
                .map(|g| show(&gold.words, g))
                .collect();
            let wrong: Vec<String> = names
                .iter()
                .filter(|p| !gold.names.contains(p))
                .map(|p| show(&gold.words, p))
                .collect();
            if !missed.is_empty() || !wrong.is_empty() {
                println!(
                    "{} | {}\n   FN: {}\n   FP: {}",
                    document.id,
                    gold.words.join(" "),
                    missed.join("; "),
                    wrong.join("; ")
                );
            }
        }
    }
}
