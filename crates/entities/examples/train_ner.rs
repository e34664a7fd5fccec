//! Trains the NER model: `cargo run --release -p chancery-entities --example
//! train_ner -- GUM_DIR OUT` (defaults: the shared GUM copy, data/models/ner.model.gz).

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let gum_dir = args
        .next()
        .unwrap_or_else(|| root.join("../shared/data/ud/en_gum_open"));
    let out = args
        .next()
        .unwrap_or_else(|| root.join("data/models/ner.model.gz"));
    match chancery_entities::training::train(&gum_dir, &out) {
        Ok(report) => {
            println!(
                "trained on {} sentences: {} + {} epochs, {} features, {} bytes -> {}",
                report.train_sentences,
                report.epochs[0],
                report.epochs[1],
                report.features,
                report.model_bytes,
                out.display()
            );
            print!("dev (passes trained on train only):\n{}", report.dev);
        }
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
