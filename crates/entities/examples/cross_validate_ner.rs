//! Five-fold cross-validation of the recognizer over GUM train, a larger
//! development signal than dev alone (see `training::cross_validate`):
//! `cargo run --release -p chancery-entities --example cross_validate_ner --
//! FOLD_LINGUISTS shipped|jackknifed [GUM_DIR]`, with FOLD_LINGUISTS from
//! `scripts/train_fold_linguists.sh`. With `CV_ERRORS=FILE` in the
//! environment, the held-out sentences it erred on are written to FILE; with
//! `CV_TRAIN_SHARE=S` (0 < S ≤ 1), each fold's model learns from that share
//! of its training documents only (a learning curve); with
//! `CV_WRITTEN=DIR`, the project-written documents in DIR (such as
//! `data/training/entities`) are in every fold's training.

use chancery_entities::evaluation::describe_errors;
use chancery_entities::training::{cross_validate, TrainingAnalyses};
use chancery_entities::written::read_written_dir;
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
    let share = match std::env::var("CV_TRAIN_SHARE") {
        Ok(text) => match text.parse::<f64>() {
            Ok(share) if share > 0.0 && share <= 1.0 => share,
            _ => {
                eprintln!("error: CV_TRAIN_SHARE must be a number in (0, 1], not {text:?}");
                std::process::exit(2);
            }
        },
        Err(_) => 1.0,
    };
    let written = match std::env::var_os("CV_WRITTEN") {
        Some(dir) => match read_written_dir(&PathBuf::from(dir)) {
            Ok(documents) => documents,
            Err(error) => {
                eprintln!("error: {error}");
                std::process::exit(1);
            }
        },
        None => Vec::new(),
    };
    match cross_validate(
        &gum_dir,
        &PathBuf::from(&args[0]),
        analyses,
        share,
        &written,
    ) {
        Ok(result) => {
            print!("{}", result.scores);
            if let Some(path) = std::env::var_os("CV_ERRORS") {
                let listing: String = result
                    .labelled
                    .iter()
                    .map(|(document, predicted)| describe_errors(document, predicted))
                    .collect();
                if let Err(error) = std::fs::write(&path, listing) {
                    eprintln!(
                        "error: cannot write {}: {error}",
                        PathBuf::from(path).display()
                    );
                    std::process::exit(1);
                }
            }
        }
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
