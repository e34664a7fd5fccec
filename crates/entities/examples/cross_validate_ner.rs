//! Five-fold cross-validation of the recognizer over GUM train, a larger
//! development signal than dev alone (see `training::cross_validate`):
//! `cargo run --release -p chancery-entities --example cross_validate_ner --
//! FOLD_LINGUISTS shipped|jackknifed [GUM_DIR]`, with FOLD_LINGUISTS from
//! `scripts/train_fold_linguists.sh`.

use chancery_entities::training::{cross_validate, TrainingAnalyses};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let analyses = match args.get(1).map(String::as_str) {
        Some("shipped") => TrainingAnalyses::Shipped,
        Some("jackknifed") => TrainingAnalyses::Jackknifed,
        _ => {
            eprintln!("usage: cross_validate_ner FOLD_LINGUISTS shipped|jackknifed [GUM_DIR]");
            std::process::exit(2);
        }
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let gum_dir = args
        .get(2)
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/data/ud/en_gum_open"));
    match cross_validate(&gum_dir, &PathBuf::from(&args[0]), analyses) {
        Ok(scores) => print!("{scores}"),
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
