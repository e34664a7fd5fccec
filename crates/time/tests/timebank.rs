//! Corpus-level check on TimeBank 1.2 (shared data): the recognizer must keep
//! the project's targets, relaxed span F1 ≥ 0.85 and value F1 ≥ 0.75, scored
//! the TempEval-3 way. Raw text only (no tagger): the pipeline does at least
//! as well.

use chancery_core::{CharIndex, Document};
use chancery_time::annotate_timexes;
use std::path::Path;

struct GoldTimex {
    start: usize,
    end: usize,
    value: String,
}

/// The `<TEXT>` of a .tml file without markup, its creation date, and its
/// TIMEX3 annotations in character offsets.
fn read_tml(raw: &str) -> (String, Option<String>, Vec<GoldTimex>) {
    let attribute = |tag: &str, name: &str| -> Option<String> {
        let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
        Some(tag[at..].split('"').next()?.to_string())
    };
    let dct = raw
        .find("<DCT>")
        .and_then(|at| attribute(&raw[at..], "value"));
    let body_start = raw.find("<TEXT>").expect("a <TEXT> element") + "<TEXT>".len();
    let body = &raw[body_start..raw.find("</TEXT>").expect("a </TEXT> element")];
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut rest = body;
    let mut open_timex: Option<(usize, String)> = None;
    while let Some(at) = rest.find('<') {
        text.push_str(&unescape(&rest[..at]));
        let close = rest[at..].find('>').expect("a closed tag") + at;
        let tag = &rest[at..=close];
        if tag.starts_with("<TIMEX3") {
            open_timex = Some((
                text.chars().count(),
                attribute(tag, "value").unwrap_or_default(),
            ));
        } else if tag == "</TIMEX3>" {
            let (start, value) = open_timex.take().expect("an opened TIMEX3");
            gold.push(GoldTimex {
                start,
                end: text.chars().count(),
                value,
            });
        }
        rest = &rest[close + 1..];
    }
    text.push_str(&unescape(rest));
    (text, dct, gold)
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn f1(hits: usize, predicted: usize, gold: usize) -> f64 {
    let precision = hits as f64 / predicted as f64;
    let recall = hits as f64 / gold as f64;
    2.0 * precision * recall / (precision + recall)
}

#[test]
#[ignore = "slow: corpus-level, run with --ignored"]
fn timebank_spans_and_values_meet_the_targets() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/timebank"
    ));
    if !dir.exists() {
        println!("skipped: {} is absent", dir.display());
        return;
    }
    let (mut gold_count, mut predicted_count, mut relaxed, mut values) = (0, 0, 0, 0);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "tml") {
            continue;
        }
        let (text, dct, gold) = read_tml(&std::fs::read_to_string(&path).unwrap());
        let mut doc = Document::new("tml", text);
        doc.meta.date = dct;
        annotate_timexes(&mut doc, None);
        let chars = CharIndex::new(&doc.text);
        let predicted: Vec<(usize, usize, &str)> = doc
            .timexes
            .iter()
            .map(|t| {
                (
                    chars.char_offset(t.span.start),
                    chars.char_offset(t.span.end),
                    t.value.as_str(),
                )
            })
            .collect();
        gold_count += gold.len();
        predicted_count += predicted.len();
        let mut used = vec![false; predicted.len()];
        for g in &gold {
            let hit = (0..predicted.len())
                .find(|&k| !used[k] && predicted[k].0 < g.end && g.start < predicted[k].1);
            if let Some(k) = hit {
                used[k] = true;
                relaxed += 1;
                values += usize::from(predicted[k].2 == g.value);
            }
        }
    }
    let relaxed_f1 = f1(relaxed, predicted_count, gold_count);
    let value_f1 = f1(values, predicted_count, gold_count);
    println!("TimeBank: gold {gold_count}, predicted {predicted_count}, relaxed F1 {relaxed_f1:.4}, value F1 {value_f1:.4}");
    assert!(
        relaxed_f1 >= 0.85,
        "relaxed span F1 {relaxed_f1:.4} below 0.85"
    );
    assert!(value_f1 >= 0.75, "value F1 {value_f1:.4} below 0.75");
}
