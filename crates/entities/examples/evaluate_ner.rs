//! Scores a NER model on a GUM split: `cargo run --release -p
//! chancery-entities --example evaluate_ner -- MODEL GUM_DIR SPLIT`.

use chancery_entities::evaluation::evaluate;
use chancery_entities::gum::read_gum;
use chancery_entities::training::split_file;
use chancery_entities::Recognizer;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model, gum_dir, split] = args.as_slice() else {
        eprintln!("usage: evaluate_ner MODEL GUM_DIR SPLIT");
        std::process::exit(2);
    };
    let run = || -> Result<(), Box<dyn std::error::Error>> {
        let recognizer = Recognizer::from_file(&PathBuf::from(model))?;
        let linguist = chancery_ling::Linguist::load()?;
        let documents = read_gum(&split_file(&PathBuf::from(gum_dir), split)?)?;
        print!("{}", evaluate(&recognizer, &linguist, &documents));
        Ok(())
    };
    if let Err(error) = run() {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}
