//! Dev-set accuracy and speed of the models in a folder, for comparing
//! candidate models before one replaces the shipped files (gold
//! tokenization, as `score_conllu.py` counts):
//!
//!   cargo run --release -p chancery-ling --example dev_scores -- MODEL_DIR [BEAM]
//!
//! MODEL_DIR holds tagger.bin, lemmatizer.bin and parser.bin; BEAM overrides
//! the parser's stored beam width.

use chancery_ling::{conllu, train, Linguist};
use std::path::PathBuf;
use std::time::Instant;

#[path = "../tests/support/shared.rs"]
mod shared;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: dev_scores MODEL_DIR [BEAM]");
        std::process::exit(2);
    };
    let Some(ud) = shared::shared_treebanks() else {
        return;
    };
    let mut linguist =
        Linguist::from_dir(&dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display()));
    if let Some(beam) = args.next() {
        let width = beam
            .parse()
            .unwrap_or_else(|_| panic!("beam width {beam:?} is not a number"));
        linguist = linguist.with_beam_width(width);
    }
    for treebank in 0..2 {
        let path = train::treebank_file(&ud, treebank, "dev");
        let gold =
            conllu::read_file(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let started = Instant::now();
        let scores = train::score(&linguist, &gold);
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{}: UAS {:.4} LAS {:.4} UPOS {:.4} ({} words, {:.0} words/s on 1 core)",
            path.file_name().unwrap_or_default().to_string_lossy(),
            scores.uas,
            scores.las,
            scores.upos,
            scores.words,
            scores.words as f64 / seconds
        );
    }
}
