//! The store with documents and event records written for these tests.

use chancery_core::record::{AttributionRecord, EventRecord, Evidence, Trigger};
use chancery_core::{Actor, Aux, Document, EventDate, EventType, LearnedActor, Precision};
use chancery_store::{EventQuery, IngestOutcome, Store, StoreError};

fn actor(name: &str, country: &str, sector: &str) -> Actor {
    Actor {
        text: name.into(),
        name: name.into(),
        country: Some(country.into()),
        sector: Some(sector.into()),
        ..Actor::default()
    }
}

/// An event on `trigger` in sentence `sentence` of `doc` (sentences are the
/// document's lines).
fn event(
    doc: &Document,
    sentence: usize,
    trigger: &str,
    event_type: EventType,
    actors: (Actor, Actor),
    date: Option<&str>,
) -> EventRecord {
    let line = doc.text.lines().nth(sentence).unwrap();
    let start = doc.text.find(line).unwrap();
    let at = start + line.find(trigger).unwrap();
    EventRecord {
        doc_id: doc.id.clone(),
        event_id: format!("{}-{sentence}-{trigger}", doc.id),
        event_type,
        mode: vec![],
        context: vec![],
        actor: vec![actors.0],
        recipient: vec![actors.1],
        evidence: Evidence {
            sentence,
            start,
            end: start + line.len(),
            text: line.to_string(),
        },
        trigger: Trigger {
            start: at,
            end: at + trigger.len(),
            text: trigger.to_string(),
        },
        date: date.map(|d| EventDate {
            value: d.into(),
            precision: Precision::Day,
            text: Some(d.into()),
        }),
        aux: vec![Aux::Future],
        attribution: Some(AttributionRecord {
            speaker: actor("Foreign Ministry", "FRA", "GOV"),
            cue: "said".into(),
            direct: false,
        }),
        quantity: None,
        location: None,
        score: -4.25,
        cameo: Some("1246".into()),
    }
}

/// Two documents, three events between France, Chile and Japan.
fn corpus() -> Vec<(Document, Vec<EventRecord>)> {
    let mut first = Document::new(
        "d1",
        "France expelled three Chilean diplomats on Monday.\nChile said it would retaliate.",
    );
    first.meta.date = Some("2021-06-07".into());
    first.meta.title = Some("Expulsions".into());
    let (fra, chl, jpn) = (
        actor("France", "FRA", "GOV"),
        actor("Chile", "CHL", "GOV"),
        actor("Japan", "JPN", "GOV"),
    );
    let first_events = vec![
        event(
            &first,
            0,
            "expelled",
            EventType::Sanction,
            (fra.clone(), chl.clone()),
            Some("2021-06-07"),
        ),
        event(
            &first,
            1,
            "retaliate",
            EventType::Threaten,
            (chl.clone(), fra.clone()),
            None,
        ),
    ];
    let mut second = Document::new("d2", "Japan and Chile held talks in Tokyo in March.");
    second.meta.date = Some("2021-04-02".into());
    let second_events = vec![event(
        &second,
        0,
        "held talks",
        EventType::Consult,
        (jpn, chl),
        Some("2021-03"),
    )];
    vec![(first, first_events), (second, second_events)]
}

fn filled_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    for (doc, events) in corpus() {
        let outcome = store.ingest(&doc, &events).unwrap();
        assert_eq!(
            outcome,
            IngestOutcome::Stored {
                events: events.len()
            }
        );
    }
    store
}

fn triggers(records: &[EventRecord]) -> Vec<&str> {
    records.iter().map(|r| r.trigger.text.as_str()).collect()
}

#[test]
fn export_gives_back_the_records_as_ingested_in_stable_order() {
    let store = filled_store();
    let expected: Vec<EventRecord> = corpus()
        .into_iter()
        .flat_map(|(_, events)| events)
        .collect();
    let mut exported = Vec::new();
    let count = store
        .export(|record| {
            exported.push(record);
            Ok::<(), StoreError>(())
        })
        .unwrap();
    assert_eq!(count, 3);
    assert_eq!(exported, expected);
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.events), (2, 3));
}

#[test]
fn each_filter_selects_its_events() {
    let store = filled_store();
    let find = |query: EventQuery| triggers(&store.events(&query).unwrap()).join("|");
    assert_eq!(find(EventQuery::default()), "expelled|retaliate|held talks");
    let by_actor = EventQuery {
        actor: Some("chl".into()),
        ..EventQuery::default()
    };
    assert_eq!(find(by_actor), "retaliate");
    let by_recipient = EventQuery {
        recipient: Some("CHL".into()),
        ..EventQuery::default()
    };
    assert_eq!(find(by_recipient), "expelled|held talks");
    let by_type = EventQuery {
        event_type: Some(EventType::Consult),
        ..EventQuery::default()
    };
    assert_eq!(find(by_type), "held talks");
    // The threat has no date of its own: it takes its document's (2021-06-07).
    let since = EventQuery {
        since: Some("2021-06-01".into()),
        ..EventQuery::default()
    };
    assert_eq!(find(since), "expelled|retaliate");
    // A month-precise date falls within a range that overlaps the month.
    let until = EventQuery {
        until: Some("2021-03-15".into()),
        ..EventQuery::default()
    };
    assert_eq!(find(until), "held talks");
    let both = EventQuery {
        actor: Some("FRA".into()),
        since: Some("2021-06-08".into()),
        ..EventQuery::default()
    };
    assert_eq!(find(both), "");
    let limited = EventQuery {
        limit: Some(1),
        ..EventQuery::default()
    };
    assert_eq!(find(limited), "expelled");
}

#[test]
fn full_text_search_finds_stemmed_words_and_phrases_and_ignores_operators() {
    let store = filled_store();
    let find = |words: &str| {
        let query = EventQuery {
            text: Some(words.into()),
            ..EventQuery::default()
        };
        triggers(&store.events(&query).unwrap()).join("|")
    };
    assert_eq!(find("expel diplomat"), "expelled");
    assert_eq!(find("Tokyo"), "held talks");
    assert_eq!(find("\"held talks\""), "held talks");
    assert_eq!(find("\"talks held\""), "");
    assert_eq!(find("chile OR NOT"), "");
    assert_eq!(find("retaliat*"), "");
    assert_eq!(find("retaliate"), "retaliate");
}

#[test]
fn the_same_text_again_writes_nothing() {
    let mut store = filled_store();
    let (doc, events) = corpus().remove(0);
    assert_eq!(
        store.ingest(&doc, &events).unwrap(),
        IngestOutcome::AlreadyStored
    );
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.events), (2, 3));
}

#[test]
fn a_new_text_under_a_stored_id_replaces_the_old_one() {
    let mut store = filled_store();
    let revised = Document::new("d1", "France expelled four Chilean diplomats on Monday.");
    let events = vec![event(
        &revised,
        0,
        "expelled",
        EventType::Sanction,
        (actor("France", "FRA", "GOV"), actor("Chile", "CHL", "GOV")),
        None,
    )];
    assert_eq!(
        store.ingest(&revised, &events).unwrap(),
        IngestOutcome::Stored { events: 1 }
    );
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.events), (2, 2));
    let query = EventQuery {
        text: Some("retaliate".into()),
        ..EventQuery::default()
    };
    assert!(
        store.events(&query).unwrap().is_empty(),
        "old evidence left in the index"
    );
    let query = EventQuery {
        text: Some("four".into()),
        ..EventQuery::default()
    };
    assert_eq!(store.events(&query).unwrap(), events);
}

#[test]
fn a_failed_ingest_leaves_nothing_half_written() {
    let mut store = Store::open_in_memory().unwrap();
    let (doc, mut events) = corpus().remove(0);
    // The second event's trigger lies outside its evidence sentence.
    events[1].trigger.start = 0;
    let err = store.ingest(&doc, &events).unwrap_err();
    assert!(err.to_string().starts_with(":memory:: "), "{err}");
    assert!(err.to_string().contains("CHECK"), "{err}");
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.events), (0, 0));
    let query = EventQuery {
        text: Some("expelled".into()),
        ..EventQuery::default()
    };
    assert!(store.events(&query).unwrap().is_empty());
    // The document can be stored once it is sound.
    let (doc, events) = corpus().remove(0);
    assert_eq!(
        store.ingest(&doc, &events).unwrap(),
        IngestOutcome::Stored { events: 2 }
    );
}

#[test]
fn events_of_another_document_are_refused_and_duplicates_stored_once() {
    let mut store = Store::open_in_memory().unwrap();
    let (doc, events) = corpus().remove(0);
    let (other, _) = corpus().remove(1);
    let err = store.ingest(&other, &events).unwrap_err();
    assert!(matches!(err, StoreError::ForeignEvent { .. }), "{err}");
    assert_eq!(store.stats().unwrap().documents, 0);
    let twice = vec![events[0].clone(), events[0].clone()];
    assert_eq!(
        store.ingest(&doc, &twice).unwrap(),
        IngestOutcome::Stored { events: 1 }
    );
}

#[test]
fn reopening_a_file_keeps_data_and_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    let schema_of = |path: &std::path::Path| -> (Vec<String>, i64) {
        let conn = rusqlite::Connection::open(path).unwrap();
        let mut statement = conn
            .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
            .unwrap();
        let sql = statement
            .query_map([], |row| row.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let version = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        (sql, version)
    };
    {
        let mut store = Store::open(&path).unwrap();
        let (doc, events) = corpus().remove(0);
        store.ingest(&doc, &events).unwrap();
    }
    let before = schema_of(&path);
    assert!(before.1 >= 1);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().events, 2);
    drop(store);
    assert_eq!(schema_of(&path), before);
}

#[test]
fn a_store_from_a_newer_chancery_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(Store::open(&path).unwrap());
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(
        matches!(err, StoreError::NewerSchema { found: 999, .. }),
        "{err}"
    );
    assert!(
        err.to_string().starts_with(&path.display().to_string()),
        "{err}"
    );
}

#[test]
fn learned_actors_are_upserted_by_name() {
    let mut store = Store::open_in_memory().unwrap();
    let person = |seen: &str, role: Option<&str>| LearnedActor {
        name: "Ana Ruiz".into(),
        country: Some("CHL".into()),
        sector: Some("GOV".into()),
        role: role.map(str::to_string),
        first_seen: Some(seen.into()),
        last_seen: Some(seen.into()),
    };
    let other = LearnedActor {
        name: "Kenji Sato".into(),
        country: Some("JPN".into()),
        sector: None,
        role: Some("ambassador to Chile".into()),
        first_seen: None,
        last_seen: None,
    };
    store
        .remember_actors(&[person("2021-03-01", None), other.clone()])
        .unwrap();
    store
        .remember_actors(&[person("2021-06-07", Some("foreign minister"))])
        .unwrap();
    let people = store.learned_actors().unwrap();
    assert_eq!(people.len(), 2);
    assert_eq!(people[0].first_seen.as_deref(), Some("2021-03-01"));
    assert_eq!(people[0].last_seen.as_deref(), Some("2021-06-07"));
    assert_eq!(people[0].role.as_deref(), Some("foreign minister"));
    assert_eq!(people[1], other);
    let names = |words: Option<&str>| -> Vec<String> {
        store
            .search_actors(words)
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect()
    };
    assert_eq!(names(Some("AMBASSADOR chile")), ["Kenji Sato"]);
    assert_eq!(names(Some("ruiz")), ["Ana Ruiz"]);
    assert_eq!(names(Some("100%")), Vec::<String>::new());
    assert_eq!(names(None).len(), 2);
    assert_eq!(store.stats().unwrap().learned_actors, 2);
}

#[test]
fn a_file_that_is_not_a_store_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "These are notes, not a database. ".repeat(100)).unwrap();
    let err = Store::open(&path).err().expect("refused");
    let message = err.to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(message.contains("not a database"), "{message}");
}
