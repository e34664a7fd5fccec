//! Ingest and query throughput on synthetic documents written to a file
//! store: `cargo bench -p chancery-store`.

use chancery_core::record::{EventRecord, Evidence, Trigger};
use chancery_core::{Actor, Document, EventType};
use chancery_store::{EventQuery, Store};
use std::time::Instant;

const DOCUMENTS: usize = 2_000;
const EVENTS_PER_DOCUMENT: usize = 10;

fn country(code: &str) -> Actor {
    Actor {
        text: code.into(),
        name: code.into(),
        country: Some(code.into()),
        sector: Some("GOV".into()),
        ..Actor::default()
    }
}

fn document(n: usize) -> (Document, Vec<EventRecord>) {
    let sentence = format!(
        "Country {n} expelled {} envoys after talks collapsed.",
        n % 7
    );
    let mut doc = Document::new(
        format!("doc-{n}"),
        [sentence.as_str(); EVENTS_PER_DOCUMENT].join(" "),
    );
    doc.meta.date = Some(format!("2020-{:02}-{:02}", 1 + n % 12, 1 + n % 28));
    let events = (0..EVENTS_PER_DOCUMENT)
        .map(|i| {
            let start = i * (sentence.len() + 1);
            let trigger = start + sentence.find("expelled").unwrap();
            EventRecord {
                doc_id: doc.id.clone(),
                event_id: format!("{n}-{i}"),
                event_type: EventType::ALL[(n + i) % EventType::ALL.len()],
                mode: vec![],
                context: vec![],
                actor: vec![country(["RUS", "USA", "GBR"][i % 3])],
                recipient: vec![country(["USA", "RUS", "FRA"][n % 3])],
                evidence: Evidence {
                    sentence: i,
                    start,
                    end: start + sentence.len(),
                    text: sentence.clone(),
                },
                trigger: Trigger {
                    start: trigger,
                    end: trigger + 8,
                    text: "expelled".into(),
                },
                date: None,
                aux: vec![],
                attribution: None,
                quantity: None,
                location: None,
                score: -4.0,
                cameo: None,
            }
        })
        .collect();
    (doc, events)
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut store = Store::open(&dir.path().join("bench.db")).expect("store");
    let corpus: Vec<_> = (0..DOCUMENTS).map(document).collect();
    let start = Instant::now();
    for (doc, events) in &corpus {
        store.ingest(doc, events).expect("ingest");
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "ingest {DOCUMENTS} documents x {EVENTS_PER_DOCUMENT} events into a file: {:.0} documents/s, {:.0} events/s",
        DOCUMENTS as f64 / seconds,
        (DOCUMENTS * EVENTS_PER_DOCUMENT) as f64 / seconds
    );
    let start = Instant::now();
    for (doc, events) in &corpus {
        store.ingest(doc, events).expect("ingest");
    }
    println!(
        "re-ingest of the same documents (already stored): {:.0} documents/s",
        DOCUMENTS as f64 / start.elapsed().as_secs_f64()
    );
    let queries = [
        (
            "actor RUS",
            EventQuery {
                actor: Some("RUS".into()),
                ..EventQuery::default()
            },
        ),
        (
            "type + since",
            EventQuery {
                event_type: Some(EventType::Sanction),
                since: Some("2020-06-01".into()),
                ..EventQuery::default()
            },
        ),
        (
            "text",
            EventQuery {
                text: Some("envoys collapsed".into()),
                limit: Some(100),
                ..EventQuery::default()
            },
        ),
    ];
    for (name, query) in queries {
        let start = Instant::now();
        let found = store.events(&query).expect("query").len();
        println!(
            "query {name}: {found} events in {:.1} ms",
            start.elapsed().as_secs_f64() * 1e3
        );
    }
    let start = Instant::now();
    let exported = store
        .export(|_| Ok::<(), chancery_store::StoreError>(()))
        .expect("export");
    println!(
        "export {exported} events in {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
}
