//! Event dates and the historical flag, and what the dependency parse adds
//! (on hand-parsed sentences): the tense of the governing verb for
//! weekdays, and the attachment of dates to events.

use chancery_core::{Aux, Document, Event, EventType, Precision, Sentence, Token, Upos, ZoneKind};
use chancery_time::{annotate_timexes, date_events};

/// One parsed word: text, head (index within the sentence, None for the
/// root), relation, tag.
type Parsed = (
    &'static str,
    Option<usize>,
    &'static str,
    Upos,
    &'static str,
);

/// A document of space-separated sentences with their parses.
fn parsed_document(sentences: &[&[Parsed]]) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut spans = Vec::new();
    for words in sentences {
        let first_token = tokens.len();
        let start = text.len();
        for (k, (word, head, deprel, upos, xpos)) in words.iter().enumerate() {
            if k > 0 && !matches!(*word, "." | ",") {
                text.push(' ');
            }
            let at = text.len();
            text.push_str(word);
            tokens.push(Token {
                span: at..text.len(),
                upos: *upos,
                xpos: xpos.to_string(),
                lemma: word.to_lowercase(),
                head: head.map(|h| first_token + h),
                deprel: deprel.to_string(),
            });
        }
        spans.push(Sentence {
            span: start..text.len(),
            tokens: first_token..tokens.len(),
            zone: ZoneKind::Body,
        });
        text.push(' ');
    }
    let mut doc = Document::new("t", text.trim_end());
    doc.tokens = tokens;
    doc.sentences = spans;
    doc
}

fn event(doc: &Document, sentence: usize, trigger: &str) -> Event {
    let span = doc.sentences[sentence].span.clone();
    let at = span.start + doc.slice(&span).find(trigger).unwrap();
    Event {
        event_type: EventType::Sanction,
        mode: vec![],
        context: vec![],
        actor: vec![],
        recipient: vec![],
        sentence,
        trigger: at..at + trigger.len(),
        date: None,
        aux: vec![],
        attribution: None,
        quantity: None,
        location: None,
        score: 0.0,
        cameo: None,
    }
}

#[test]
fn events_take_the_date_attached_to_their_trigger() {
    use Upos::*;
    let said_friday: &[Parsed] = &[
        ("Officials", Some(1), "nsubj", NOUN, "NNS"),
        ("said", None, "root", VERB, "VBD"),
        ("on", Some(3), "case", ADP, "IN"),
        ("Friday", Some(1), "obl", PROPN, "NNP"),
        ("that", Some(6), "mark", SCONJ, "IN"),
        ("troops", Some(6), "nsubj", NOUN, "NNS"),
        ("left", Some(1), "ccomp", VERB, "VBD"),
        ("in", Some(8), "case", ADP, "IN"),
        ("2016", Some(6), "obl", NUM, "CD"),
        (".", Some(1), "punct", PUNCT, "."),
    ];
    let talks: &[Parsed] = &[
        ("Talks", Some(1), "nsubj", NOUN, "NNS"),
        ("continue", None, "root", VERB, "VBP"),
        (".", Some(1), "punct", PUNCT, "."),
    ];
    let mut doc = parsed_document(&[said_friday, talks]);
    doc.meta.date = Some("2018-03-28".into());
    annotate_timexes(&mut doc, None);
    doc.events = vec![
        event(&doc, 0, "said"),
        event(&doc, 0, "left"),
        event(&doc, 1, "continue"),
    ];
    date_events(&mut doc);

    let said = doc.events[0].date.as_ref().unwrap();
    assert_eq!(
        (said.value.as_str(), said.precision, said.text.as_deref()),
        ("2018-03-23", Precision::Day, Some("Friday"))
    );
    assert!(doc.events[0].aux.is_empty());

    let left = doc.events[1].date.as_ref().unwrap();
    assert_eq!(
        (left.value.as_str(), left.precision),
        ("2016", Precision::Year)
    );
    assert_eq!(doc.events[1].aux, [Aux::Historical]);

    let talks = doc.events[2].date.as_ref().unwrap();
    assert_eq!(
        (talks.value.as_str(), talks.precision, talks.text.as_deref()),
        ("2018-03-28", Precision::Document, None)
    );
    assert!(doc.events[2].aux.is_empty());
}

#[test]
fn without_a_parse_the_sentence_date_applies_and_aux_stays_sorted() {
    let mut doc = Document::new("t", "Rebels shelled the town in early February.");
    doc.sentences = vec![Sentence {
        span: 0..doc.text.len(),
        tokens: 0..0,
        zone: ZoneKind::Body,
    }];
    doc.meta.date = Some("2018-04-20".into());
    annotate_timexes(&mut doc, None);
    let mut shelled = event(&doc, 0, "shelled");
    shelled.aux = vec![Aux::Negation, Aux::Hypothetical];
    doc.events = vec![shelled];
    date_events(&mut doc);
    let date = doc.events[0].date.as_ref().unwrap();
    assert_eq!(
        (date.value.as_str(), date.precision),
        ("2018-02", Precision::Month)
    );
    assert_eq!(
        doc.events[0].aux,
        [Aux::Negation, Aux::Hypothetical, Aux::Historical]
    );
}

#[test]
fn the_governing_verb_decides_the_weekday() {
    use Upos::*;
    // Surface cues see no tense near "Monday"; the parse ties it to "will meet".
    let sentence: &[Parsed] = &[
        ("On", Some(1), "case", ADP, "IN"),
        ("Monday", Some(9), "obl", PROPN, "NNP"),
        ("the", Some(3), "det", DET, "DT"),
        ("envoy", Some(9), "nsubj", NOUN, "NN"),
        ("who", Some(5), "nsubj", PRON, "WP"),
        ("left", Some(3), "acl:relcl", VERB, "VBD"),
        ("Kyiv", Some(5), "obj", PROPN, "NNP"),
        ("yesterday", Some(5), "obl:tmod", NOUN, "NN"),
        ("will", Some(9), "aux", AUX, "MD"),
        ("meet", None, "root", VERB, "VB"),
        ("rebels", Some(9), "obj", NOUN, "NNS"),
        (".", Some(9), "punct", PUNCT, "."),
    ];
    let mut doc = parsed_document(&[sentence]);
    doc.meta.date = Some("2018-03-28".into());
    annotate_timexes(&mut doc, None);
    let values: Vec<(&str, &str)> = doc
        .timexes
        .iter()
        .map(|t| (doc.slice(&t.span), t.value.as_str()))
        .collect();
    assert_eq!(
        values,
        [("Monday", "2018-04-02"), ("yesterday", "2018-03-27")]
    );

    let mut untagged = Document::new("t", doc.text.clone());
    untagged.meta.date = Some("2018-03-28".into());
    annotate_timexes(&mut untagged, None);
    assert_eq!(untagged.timexes[0].value, "2018-03-26");
}

#[test]
fn an_earlier_year_is_historical_even_within_thirty_days() {
    let mut doc = Document::new("t", "Rebels took the town last year. They hold it now.");
    doc.sentences = vec![
        Sentence {
            span: 0..31,
            tokens: 0..0,
            zone: ZoneKind::Body,
        },
        Sentence {
            span: 32..doc.text.len(),
            tokens: 0..0,
            zone: ZoneKind::Body,
        },
    ];
    doc.meta.date = Some("2018-01-10".into());
    annotate_timexes(&mut doc, None);
    doc.events = vec![event(&doc, 0, "took"), event(&doc, 1, "hold")];
    date_events(&mut doc);
    assert_eq!(doc.events[0].date.as_ref().unwrap().value, "2017");
    assert_eq!(doc.events[0].aux, [Aux::Historical]);
    let now = doc.events[1].date.as_ref().unwrap();
    assert_eq!(
        (now.value.as_str(), now.text.as_deref()),
        ("2018-01-10", Some("now"))
    );
    assert!(doc.events[1].aux.is_empty());
}

#[test]
fn without_a_year_events_keep_the_month_and_day_the_text_states() {
    let text = "Officials said the border post was seized in August. Talks resumed on Tuesday.";
    let mut doc = Document::new("t", text);
    let first = text.find(" Talks").unwrap();
    doc.sentences = vec![
        Sentence {
            span: 0..first,
            tokens: 0..0,
            zone: ZoneKind::Body,
        },
        Sentence {
            span: first + 1..text.len(),
            tokens: 0..0,
            zone: ZoneKind::Body,
        },
    ];
    annotate_timexes(&mut doc, None);
    assert!(doc.doc_date.is_none(), "nothing gives the year");
    doc.events = vec![event(&doc, 0, "seized"), event(&doc, 1, "resumed")];
    date_events(&mut doc);
    let seized = doc.events[0].date.as_ref().unwrap();
    assert_eq!(
        (
            seized.value.as_str(),
            seized.precision,
            seized.text.as_deref()
        ),
        ("XXXX-08", Precision::Month, Some("August"))
    );
    assert!(
        doc.events[0].aux.is_empty(),
        "no year: not known to be historical"
    );
    let resumed = doc.events[1].date.as_ref().unwrap();
    assert_eq!(
        (resumed.value.as_str(), resumed.precision),
        ("XXXX-WXX-2", Precision::Day),
        "a weekday of an unknown week"
    );
}

#[test]
fn an_event_without_a_stated_date_or_a_document_date_has_none() {
    let mut doc = Document::new("t", "Talks resumed.");
    doc.sentences = vec![Sentence {
        span: 0..doc.text.len(),
        tokens: 0..0,
        zone: ZoneKind::Body,
    }];
    annotate_timexes(&mut doc, None);
    doc.events = vec![event(&doc, 0, "resumed")];
    date_events(&mut doc);
    assert_eq!(doc.events[0].date, None);
}
