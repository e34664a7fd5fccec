//! The regression corpus (tests/regression/sentences.tsv): sentences written
//! for these tests, each run through the real pipeline (tokenizer, tagger and
//! parser, entities, actors, coder) and checked for the expected event type,
//! mode, participants' countries, auxiliary modes, quantity and speaker.

mod common;

use chancery_core::record::EventRecord;
use chancery_core::EventType;
use std::collections::BTreeSet;

const CORPUS: &str = include_str!("regression/sentences.tsv");

/// One line of the corpus.
struct Case {
    line: usize,
    sentence: String,
    forbidden: bool,
    event_type: EventType,
    mode: Option<String>,
    actor: Side,
    recipient: Side,
    aux: BTreeSet<String>,
    quantity: Option<f64>,
    speaker: Option<String>,
    direct: Option<bool>,
    location: Option<String>,
}

enum Side {
    Unchecked,
    Empty,
    Includes(Vec<String>),
}

impl Side {
    fn parse(field: &str) -> Side {
        match field {
            "*" => Side::Unchecked,
            "-" => Side::Empty,
            codes => Side::Includes(codes.split(',').map(str::to_string).collect()),
        }
    }

    fn accepts(&self, actors: &[chancery_core::Actor]) -> bool {
        let codes: Vec<&str> = actors.iter().filter_map(|a| a.country.as_deref()).collect();
        match self {
            Side::Unchecked => true,
            Side::Empty => actors.is_empty(),
            Side::Includes(want) => want.iter().all(|w| codes.contains(&w.as_str())),
        }
    }
}

fn cases() -> Vec<Case> {
    CORPUS
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(
                cols.len() >= 5,
                "sentences.tsv:{}: expected 5 or 6 columns",
                n + 1
            );
            let expected = cols[1].trim_start_matches('!');
            let (ty, mode) = match expected.split_once(':') {
                Some((t, m)) => (t, Some(m.to_string())),
                None => (expected, None),
            };
            let extras: Vec<(&str, &str)> = cols
                .get(5)
                .map(|e| {
                    e.split_whitespace()
                        .filter_map(|kv| kv.split_once('='))
                        .collect()
                })
                .unwrap_or_default();
            let extra = |key: &str| extras.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
            Case {
                line: n + 1,
                sentence: cols[0].to_string(),
                forbidden: cols[1].starts_with('!'),
                event_type: ty
                    .parse()
                    .unwrap_or_else(|e| panic!("sentences.tsv:{}: {e}", n + 1)),
                mode,
                actor: Side::parse(cols[2]),
                recipient: Side::parse(cols[3]),
                aux: match cols[4] {
                    "-" => BTreeSet::new(),
                    list => list.split(',').map(str::to_string).collect(),
                },
                quantity: extra("quantity").map(|q| q.parse().expect("a number")),
                speaker: extra("speaker").map(str::to_lowercase),
                direct: extra("direct").map(|d| d == "true"),
                location: extra("location").map(str::to_string),
            }
        })
        .collect()
}

/// Why no coded event satisfies the case, or None when one does.
fn check(case: &Case, records: &[EventRecord]) -> Option<String> {
    let of_type: Vec<&EventRecord> = records
        .iter()
        .filter(|r| r.event_type == case.event_type)
        .collect();
    if case.forbidden {
        return (!of_type.is_empty()).then(|| format!("coded a forbidden {}", case.event_type));
    }
    let fits = |r: &&EventRecord| {
        let aux: BTreeSet<String> = r.aux.iter().map(|a| a.as_str().to_string()).collect();
        let speaker = r
            .attribution
            .as_ref()
            .map(|a| a.speaker.name.to_lowercase());
        case.mode.as_ref().is_none_or(|m| r.mode.contains(m))
            && case.actor.accepts(&r.actor)
            && case.recipient.accepts(&r.recipient)
            && aux == case.aux
            && case
                .quantity
                .is_none_or(|q| r.quantity.as_ref().is_some_and(|rq| rq.value == q))
            && case
                .speaker
                .as_ref()
                .is_none_or(|s| speaker.as_ref().is_some_and(|name| name.contains(s)))
            && case
                .direct
                .is_none_or(|d| r.attribution.as_ref().is_some_and(|a| a.direct == d))
            && case
                .location
                .as_ref()
                .is_none_or(|l| r.location.as_ref() == Some(l))
    };
    if of_type.iter().any(fits) {
        return None;
    }
    let summary: Vec<String> = records
        .iter()
        .map(|r| {
            let codes = |side: &[chancery_core::Actor]| {
                side.iter()
                    .map(|a| a.country.clone().unwrap_or("?".into()))
                    .collect::<Vec<_>>()
                    .join(",")
            };
            format!(
                "{}{:?} [{}]→[{}] aux {:?} q {:?} by {:?}",
                r.event_type,
                r.mode,
                codes(&r.actor),
                codes(&r.recipient),
                r.aux,
                r.quantity.as_ref().map(|q| q.value),
                r.attribution.as_ref().map(|a| a.speaker.name.clone())
            )
        })
        .collect();
    Some(format!("coded {summary:?}"))
}

#[test]
fn regression_sentences_code_as_expected() {
    let stages = common::Stages::get();
    let cases = cases();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let records = stages.code(&case.sentence).event_records();
            check(case, &records)
                .map(|why| format!("line {}: {}\n    {why}", case.line, case.sentence))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} regression sentences failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_corpus_covers_every_type_and_the_conflict_modes() {
    let cases = cases();
    let positive = |ty: EventType, mode: Option<&str>| {
        cases.iter().any(|c| {
            !c.forbidden && c.event_type == ty && mode.is_none_or(|m| c.mode.as_deref() == Some(m))
        })
    };
    for ty in EventType::ALL {
        assert!(positive(ty, None), "no sentence for {ty}");
    }
    let modes: [(EventType, &[&str]); 5] = [
        (
            EventType::Sanction,
            &["convict", "expel", "withdraw", "discontinue"],
        ),
        (EventType::Accuse, &["disapprove", "investigate", "allege"]),
        (EventType::Reject, &["assist", "change", "yield", "meet"]),
        (
            EventType::Threaten,
            &[
                "restrict",
                "arrest",
                "relations",
                "expel",
                "territory",
                "violence",
            ],
        ),
        (
            EventType::Coerce,
            &[
                "seize",
                "restrict",
                "censor",
                "curfew",
                "martial-law",
                "arrest",
                "deport",
                "withhold",
                "misinformation",
                "cyber",
            ],
        ),
    ];
    for (ty, list) in modes {
        for mode in list {
            assert!(positive(ty, Some(mode)), "no sentence for {ty}:{mode}");
        }
    }
}
