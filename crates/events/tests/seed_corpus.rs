//! Corpus-level check on the shared seed articles and their gold events:
//! the whole pipeline, scored with the built-in scorer, must reach the
//! project's targets. Skipped when `shared` is absent.

mod common;

use chancery_events::eval::{load_docs, load_gold, score};
use std::path::Path;

#[test]
#[ignore = "slow: corpus-level, run with --ignored"]
fn seed_articles_reach_the_targets() {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let (gold_path, docs_path) = (
        shared.join("data/gold/seeds_events.json"),
        shared.join("data/seeds"),
    );
    if !gold_path.exists() || !docs_path.exists() {
        eprintln!("skipped: {} is absent", shared.display());
        return;
    }
    let stages = common::Stages::get();
    let mut preds = Vec::new();
    for doc in chancery_read::read_inputs(std::slice::from_ref(&docs_path)) {
        let mut doc = doc.expect("a readable seed article");
        stages.run(&mut doc);
        for record in doc.event_records() {
            preds.push(serde_json::to_value(record).unwrap());
        }
    }
    let gold = load_gold(&gold_path).unwrap();
    let (summary, errors) = score(&gold, &load_docs(&docs_path).unwrap(), &preds).unwrap();
    let report = || {
        format!(
            "{}{}",
            errors.iter().map(|e| format!("{e}\n")).collect::<String>(),
            summary.to_table()
        )
    };
    assert!(summary.f1 >= 0.75, "{}", report());
    assert!(summary.dyad_f1 >= 0.60, "{}", report());
    assert!(
        summary.speaker_accuracy.unwrap_or(0.0) >= 0.80,
        "{}",
        report()
    );
    assert!(
        summary.quantity_accuracy.unwrap_or(0.0) >= 0.80,
        "{}",
        report()
    );
    assert_eq!(summary.forbidden_hits, 0, "{}", report());
}
