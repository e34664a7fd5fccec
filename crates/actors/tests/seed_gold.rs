//! Corpus-level check against the seed gold in the shared data: for every
//! gold actor or recipient, whether a mention in the sentence of the event's
//! anchor resolved to the same country and sector. This measures resolution
//! alone (attachment to events is the event coder's job); it is a floor, not
//! a target, and the figures print for the report.

use chancery_actors::{ActorMemory, ActorResolver};
use chancery_core::Document;
use chancery_kb::KnowledgeBase;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::Arc;

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    dir.is_dir().then_some(dir)
}

/// (country, sector) pairs of a gold actor list.
fn gold_codes(list: &Value) -> Vec<(String, Option<String>)> {
    list.as_array()
        .map(|actors| {
            actors
                .iter()
                .filter_map(|a| {
                    let country = a.get("country")?.as_str()?.to_string();
                    Some((
                        country,
                        a.get("sector").and_then(Value::as_str).map(str::to_string),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
#[ignore = "slow: corpus-level, run with --ignored"]
fn seed_gold_actors_are_found_in_their_sentences() {
    let Some(shared) = shared() else {
        println!("skipped: the shared data folder (../shared) is absent");
        return;
    };
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(shared.join("data/gold/seeds_events.json")).unwrap(),
    )
    .unwrap();
    let resolver = ActorResolver::new(Arc::new(KnowledgeBase::load(&[]).expect("knowledge base")));
    let linguist = chancery_ling::Linguist::load().expect("linguistic models");
    let (mut total, mut country_hits, mut exact_hits) = (0, 0, 0);
    for gold_doc in gold["docs"].as_array().unwrap() {
        let id = gold_doc["doc_id"].as_str().unwrap();
        let text = std::fs::read_to_string(shared.join(format!("data/seeds/{id}.txt"))).unwrap();
        let mut doc = Document::new(id, text);
        chancery_text::tokenize(&mut doc);
        linguist.annotate(&mut doc);
        resolver.annotate(&mut doc, &ActorMemory::empty());
        for event in gold_doc["events"].as_array().unwrap() {
            let anchor = event["anchor"].as_str().unwrap();
            let Some(at) = doc.text.find(anchor) else {
                continue;
            };
            let Some(sentence) = doc.sentences.iter().find(|s| s.span.contains(&at)) else {
                continue;
            };
            let found: Vec<(Option<&str>, Option<&str>)> = doc
                .actors
                .iter()
                .filter(|m| sentence.span.contains(&m.span.start))
                .flat_map(|m| &m.actors)
                .map(|a| (a.country.as_deref(), a.sector.as_deref()))
                .collect();
            for role in ["actor", "recipient"] {
                for (country, sector) in gold_codes(&event[role]) {
                    total += 1;
                    let same_country = found.iter().any(|f| f.0 == Some(country.as_str()));
                    let exact = found.contains(&(Some(country.as_str()), sector.as_deref()));
                    country_hits += usize::from(same_country);
                    exact_hits += usize::from(exact);
                    if !exact {
                        println!(
                            "{id}: {role} {country}/{sector:?} missing in «{}»: {found:?}",
                            doc.slice(&sentence.span)
                        );
                    }
                }
            }
        }
    }
    let share = |hits: usize| hits as f64 / total.max(1) as f64;
    println!(
        "gold actors and recipients: {total}; country found in sentence: {:.3}; country and sector: {:.3}",
        share(country_hits),
        share(exact_hits)
    );
    assert!(
        share(country_hits) >= 0.5,
        "resolution found too few gold countries"
    );
}
