//! Accuracy of the shipped models on the UD English test sets (gold
//! tokenization), against the project targets. Slow: run with --ignored.

use chancery_ling::{conllu, train, Linguist};

#[path = "support/shared.rs"]
mod shared;

fn scores(treebank: usize) -> Option<train::Scores> {
    let ud = shared::shared_treebanks()?;
    let gold =
        conllu::read_file(&train::treebank_file(&ud, treebank, "test")).expect("test set reads");
    let linguist = Linguist::load().expect("shipped models load");
    let scores = train::score(&linguist, &gold);
    println!("{scores:?}");
    Some(scores)
}

#[test]
#[ignore = "slow: corpus-level, run with --ignored"]
fn ewt_test_meets_targets() {
    if let Some(s) = scores(0) {
        assert!(s.upos >= 0.95, "UPOS {}", s.upos);
        assert!(s.uas >= 0.85, "UAS {}", s.uas);
        assert!(s.las >= 0.82, "LAS {}", s.las);
        assert!(s.lemma >= 0.97, "lemma {}", s.lemma);
    }
}

#[test]
#[ignore = "slow: corpus-level, run with --ignored"]
fn gum_test_meets_targets() {
    if let Some(s) = scores(1) {
        assert!(s.upos >= 0.95, "UPOS {}", s.upos);
        assert!(s.uas >= 0.85, "UAS {}", s.uas);
    }
}
