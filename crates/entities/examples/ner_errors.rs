//! Lists the recognizer's errors on a GUM split, sentence by sentence:
//! `cargo run --release -p chancery-entities --example ner_errors -- GUM_DIR SPLIT [MODEL]`.

use chancery_entities::evaluation::{describe_errors, label_gold_document};
use chancery_entities::gum::read_gum;
use chancery_entities::training::split_file;
use chancery_entities::Recognizer;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [gum_dir, split, ..] = args.as_slice() else {
        eprintln!("usage: ner_errors GUM_DIR SPLIT [MODEL]");
        std::process::exit(2);
    };
    let run = || -> Result<(), Box<dyn std::error::Error>> {
        let recognizer = match args.get(2) {
            Some(model) => Recognizer::from_file(&PathBuf::from(model))?,
            None => Recognizer::load()?,
        };
        let linguist = chancery_ling::Linguist::load()?;
        let documents = read_gum(&split_file(&PathBuf::from(gum_dir), split)?)?;
        for document in &documents {
            let predicted = label_gold_document(&recognizer, &linguist, document);
            print!("{}", describe_errors(document, &predicted));
        }
        Ok(())
    };
    if let Err(error) = run() {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}
