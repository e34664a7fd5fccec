//! The built-in scorer against a small gold/prediction pair written for this
//! test (tests/data/eval): every rule of the matching shows up once — type
//! lists, legacy type and country aliases, optional and forbidden gold,
//! negated predictions, over-long evidence, predictions without evidence,
//! character (not byte) offsets — and the figures equal the Python
//! scorer's when `shared/eval/score_events.py` is there to ask.

use chancery_events::eval::{load_docs, load_gold, load_preds, score, Summary};
use std::path::{Path, PathBuf};
use std::process::Command;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/eval")
        .join(name)
}

fn scored() -> (Summary, Vec<String>) {
    let gold = load_gold(&data("gold.json")).unwrap();
    let docs = load_docs(&data("docs.jsonl")).unwrap();
    let preds = load_preds(&data("pred.jsonl")).unwrap();
    let (summary, errors) = score(&gold, &docs, &preds).unwrap();
    (summary, errors.iter().map(ToString::to_string).collect())
}

#[test]
fn figures_follow_the_matching_rules() {
    let (s, errors) = scored();
    // Required gold: SANCTION, ACCUSE (legacy DISAPPROVE), ASSAULT (only an
    // over-long evidence for it), ACCUSE (JAP alias), AGREE; the forbidden
    // and optional ones do not count.
    assert_eq!(s.gold_events, 5);
    assert_eq!(s.predicted_events, 11);
    assert_eq!((s.tp, s.fp), (4, 5), "{errors:#?}");
    assert_eq!(s.precision, 0.4444);
    assert_eq!(s.recall, 0.8);
    assert_eq!(s.f1, 0.5714);
    assert_eq!(s.dyad_f1, 0.4286);
    assert_eq!(s.recipient_accuracy, Some(0.6667));
    assert_eq!(s.speaker_accuracy, Some(1.0));
    assert_eq!(s.quantity_accuracy, Some(0.5));
    // The negated prediction in the forbidden sentence is not a hit; the plain one is.
    assert_eq!(s.forbidden_hits, 1);
    assert!(errors.contains(&"FN\td1\t['ASSAULT']\tRussia expelled".to_string()));
    assert!(errors
        .iter()
        .any(|e| e.starts_with("RECIPIENT\td1\t['ACCUSE']") && e.ends_with("['RUS']\t['FRA']")));
}

#[test]
fn summary_prints_like_python() {
    let (s, _) = scored();
    let table = s.to_table();
    assert!(table.starts_with("gold_events          5\n"), "{table}");
    assert!(table.contains("actor_accuracy       1.0\n"), "{table}");
    assert!(s.to_json_line().contains("\"recall\": 0.8, "));
}

#[test]
fn a_missing_anchor_or_document_is_an_error_naming_it() {
    let mut gold = load_gold(&data("gold.json")).unwrap();
    let docs = load_docs(&data("docs.jsonl")).unwrap();
    gold.docs[0].events[0].anchor = "no such words".into();
    let err = score(&gold, &docs, &[]).unwrap_err().to_string();
    assert!(err.contains("d1") && err.contains("no such words"), "{err}");
    gold.docs[0].doc_id = "d9".into();
    let err = score(&gold, &docs, &[]).unwrap_err().to_string();
    assert!(err.contains("d9"), "{err}");
}

#[test]
fn same_output_as_the_python_scorer() {
    let script = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
        .join("eval/score_events.py");
    if !script.exists() {
        eprintln!("skipped: {} is absent", script.display());
        return;
    }
    let mut python = Command::new("python3");
    python.arg(&script);
    for (flag, file) in [
        ("--gold", "gold.json"),
        ("--docs", "docs.jsonl"),
        ("--pred", "pred.jsonl"),
    ] {
        python.arg(flag).arg(data(file));
    }
    let Ok(out) = python.arg("--show-errors").output() else {
        eprintln!("skipped: python3 is not available");
        return;
    };
    let expected = String::from_utf8(out.stdout).unwrap();
    let (s, errors) = scored();
    let ours: String = errors.iter().map(|e| format!("{e}\n")).collect::<String>() + &s.to_table();
    assert_eq!(ours, expected);
    let out = python.arg("--json").output().unwrap();
    let json_line = String::from_utf8(out.stdout).unwrap();
    assert_eq!(json_line.lines().last().unwrap(), s.to_json_line());
}
