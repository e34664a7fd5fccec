//! Temporal expressions, document dates and event dates.
//!
//! [`annotate_timexes`] finds TIMEX3 expressions (`last Friday` →
//! `2018-03-23`, `two years` → `P2Y`) and sets the document date;
//! [`date_events`] gives each coded event the date of the expression
//! attached to it and flags background events as historical.

mod calendar;
mod doc_date;
mod event_dates;
mod grammar;
mod lexicon;
mod tense;
mod words;

use crate::calendar::Direction;
use crate::grammar::Grammar;
use crate::tense::TenseCues;
use crate::words::Word;
use chancery_core::{DateSource, Document, Timex, ZoneKind};
use chrono::NaiveDate;

pub use event_dates::date_events;

/// Finds temporal expressions (doc.timexes) and sets doc.doc_date. Runs after tokenize + tag.
///
/// The document date comes from the metadata, else `given_date`, else the
/// dateline, the headline, or the latest full date in the text; relative
/// expressions are resolved against it (left with `X` when there is none).
pub fn annotate_timexes(doc: &mut Document, given_date: Option<NaiveDate>) {
    let zones: Vec<(ZoneKind, Vec<Word>)> = doc
        .reading_zones()
        .into_iter()
        .map(|zone| (zone.kind, words::split(&doc.text, zone.span)))
        .collect();
    let find_all = |anchor: Option<NaiveDate>| -> Vec<(ZoneKind, Vec<Timex>)> {
        zones
            .iter()
            .map(|(kind, words)| {
                let cues = TenseCues::new(doc, words);
                let direction = |range| cues.direction(range);
                (*kind, find(&doc.text, words, anchor, &direction))
            })
            .collect()
    };
    let doc_date =
        doc_date::given(doc.meta.date.as_deref(), find_in_phrase, given_date).or_else(|| {
            let unanchored = find_all(None);
            let in_zones = |wanted: &dyn Fn(ZoneKind) -> bool| -> Vec<Timex> {
                unanchored
                    .iter()
                    .filter(|(kind, _)| wanted(*kind))
                    .flat_map(|(_, found)| found.iter().cloned())
                    .collect()
            };
            let everywhere = in_zones(&|_| true);
            let dateline = doc
                .dateline
                .as_ref()
                .and_then(|d| d.date_text.as_deref())
                .map(find_in_phrase)
                .and_then(|found| doc_date::from_dateline(&found, &everywhere));
            let mut headline = in_zones(&|kind| kind == ZoneKind::Title);
            headline.extend(
                doc.meta
                    .title
                    .as_deref()
                    .map(find_in_phrase)
                    .unwrap_or_default(),
            );
            dateline
                .or_else(|| doc_date::latest_full_date(&headline, DateSource::Headline))
                .or_else(|| doc_date::latest_full_date(&everywhere, DateSource::LatestInText))
        });
    let anchor = doc_date.as_ref().and_then(doc_date::anchor);
    doc.timexes = find_all(anchor)
        .into_iter()
        .flat_map(|(_, found)| found)
        .collect();
    doc.doc_date = doc_date;
}

/// The expressions in `words` of `text`, resolved against `anchor`.
fn find(
    text: &str,
    words: &[Word],
    anchor: Option<NaiveDate>,
    direction: &dyn Fn(std::ops::Range<usize>) -> Direction,
) -> Vec<Timex> {
    Grammar::new(text, words, anchor, direction)
        .scan()
        .into_iter()
        .map(|found| Timex {
            span: words[found.words.start].span.start..words[found.words.end - 1].span.end,
            kind: found.kind,
            value: found.value,
            modifier: found.modifier.map(str::to_string),
        })
        .collect()
}

/// The expressions in a short phrase outside the text (dateline, title).
fn find_in_phrase(phrase: &str) -> Vec<Timex> {
    let words = words::split(phrase, 0..phrase.len());
    find(phrase, &words, None, &|_| Direction::Unknown)
}
