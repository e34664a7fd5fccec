//! Event dates: each coded event takes the date of the temporal expression
//! attached to its trigger in the parse, else of its sentence, else the
//! document date; events dated well before the document are historical.

use chancery_core::{Aux, DocDate, Document, EventDate, Precision, Timex, TimexType};
use chrono::{Datelike, Duration, NaiveDate};

/// Events that ended more than this many days before the document date are
/// background; so are events dated to an earlier year.
const HISTORICAL_AFTER_DAYS: i64 = 30;

/// Dates doc.events and flags background events as historical. Runs after the event coder.
pub fn date_events(doc: &mut Document) {
    // The start of the document's period: a document dated only "2018" is
    // not later than an event in March 2018.
    let doc_start = doc.doc_date.as_ref().and_then(|d| period_start(&d.value));
    let dates: Vec<Option<EventDate>> = (0..doc.events.len())
        .map(|k| {
            let event = &doc.events[k];
            let timex = attached_timex(doc, event.sentence, &event.trigger)
                .or_else(|| sentence_timex(doc, event.sentence, &event.trigger));
            match timex {
                Some(timex) => Some(date_of(doc, timex)),
                None => doc.doc_date.as_ref().map(inherited),
            }
        })
        .collect();
    for (event, date) in doc.events.iter_mut().zip(dates) {
        let historical = match (&date, doc_start) {
            (Some(date), Some(doc_start)) if date.precision != Precision::Document => {
                period_end(&date.value).is_some_and(|end| {
                    end < doc_start - Duration::days(HISTORICAL_AFTER_DAYS)
                        || end.year() < doc_start.year()
                })
            }
            _ => false,
        };
        if historical && !event.aux.contains(&Aux::Historical) {
            event.aux.push(Aux::Historical);
            event.aux.sort();
        }
        event.date = date;
    }
}

/// A timex that can date an event: a point with a calendar value, or a month,
/// day or weekday the text states when no document date was found to anchor
/// it (`XXXX-08`, `XXXX-02-24`, `XXXX-WXX-3`).
fn is_dating(doc: &Document, timex: &Timex) -> bool {
    let unanchored_but_stated = timex.value.strip_prefix("XXXX-").is_some_and(|rest| {
        rest.starts_with(|c: char| c.is_ascii_digit()) || is_weekday_value(rest)
    });
    matches!(timex.kind, TimexType::Date | TimexType::Time)
        && (timex.value.starts_with(|c: char| c.is_ascii_digit())
            || unanchored_but_stated
            || timex.value == "PRESENT_REF" && doc.doc_date.is_some())
}

/// `WXX-3`: a weekday of an unknown week.
fn is_weekday_value(rest: &str) -> bool {
    rest.strip_prefix("WXX-")
        .is_some_and(|day| day.len() == 1 && day.starts_with(|c: char| c.is_ascii_digit()))
}

/// The dating timex whose words hang from the trigger in the parse.
fn attached_timex<'d>(
    doc: &'d Document,
    sentence: usize,
    trigger: &chancery_core::Span,
) -> Option<&'d Timex> {
    let sentence = doc.sentences.get(sentence)?;
    let trigger_token = sentence.tokens.clone().find(|&t| {
        doc.tokens[t].span.start < trigger.end && trigger.start < doc.tokens[t].span.end
    })?;
    doc.timexes
        .iter()
        .filter(|timex| {
            is_dating(doc, timex)
                && sentence.span.start <= timex.span.start
                && timex.span.end <= sentence.span.end
        })
        .find(|timex| {
            sentence
                .tokens
                .clone()
                .filter(|&t| {
                    timex.span.start <= doc.tokens[t].span.start
                        && doc.tokens[t].span.end <= timex.span.end
                })
                .any(|t| reaches(doc, t, trigger_token, &timex.span))
        })
}

/// Whether token `from`'s head chain reaches `target` without leaving the
/// timex through a clause of its own (a verb other than the target).
fn reaches(doc: &Document, from: usize, target: usize, timex: &chancery_core::Span) -> bool {
    let mut at = from;
    for _ in 0..doc.tokens.len().min(32) {
        let Some(head) = doc.tokens[at].head else {
            return false;
        };
        if head == target {
            return true;
        }
        let token = &doc.tokens[head];
        let inside = timex.start <= token.span.start && token.span.end <= timex.end;
        if !inside && matches!(token.upos, chancery_core::Upos::VERB) {
            return false;
        }
        at = head;
    }
    false
}

/// The dating timex of the sentence nearest the trigger.
fn sentence_timex<'d>(
    doc: &'d Document,
    sentence: usize,
    trigger: &chancery_core::Span,
) -> Option<&'d Timex> {
    let span = doc.sentences.get(sentence).map(|s| s.span.clone())?;
    doc.timexes
        .iter()
        .filter(|t| is_dating(doc, t) && span.start <= t.span.start && t.span.end <= span.end)
        .min_by_key(|t| t.span.start.abs_diff(trigger.start))
}

fn date_of(doc: &Document, timex: &Timex) -> EventDate {
    let text = Some(doc.slice(&timex.span).to_string());
    if timex.value == "PRESENT_REF" {
        if let Some(doc_date) = &doc.doc_date {
            return EventDate {
                value: doc_date.value.clone(),
                precision: doc_date.precision,
                text,
            };
        }
    }
    let value = timex
        .value
        .split('T')
        .next()
        .unwrap_or_default()
        .to_string();
    EventDate {
        precision: precision_of(&value),
        value,
        text,
    }
}

fn inherited(doc_date: &DocDate) -> EventDate {
    EventDate {
        value: doc_date.value.clone(),
        precision: Precision::Document,
        text: None,
    }
}

/// The precision a TIMEX3 date value carries.
fn precision_of(value: &str) -> Precision {
    let rest = value.get(4..).unwrap_or("");
    if rest.strip_prefix('-').is_some_and(is_weekday_value) {
        Precision::Day
    } else if rest.starts_with("-W") {
        Precision::Week
    } else if rest.starts_with("-Q") || rest.starts_with("-H") {
        Precision::Quarter
    } else if ["-SP", "-SU", "-FA", "-WI"]
        .iter()
        .any(|s| rest.starts_with(s))
    {
        Precision::Season
    } else {
        match value.len() {
            10.. => Precision::Day,
            7 => Precision::Month,
            _ => Precision::Year,
        }
    }
}

/// The first day of a document date (`2018-03` → 2018-03-01).
fn period_start(value: &str) -> Option<NaiveDate> {
    let part = |range: std::ops::Range<usize>| value.get(range).and_then(|s| s.parse::<u32>().ok());
    let year = value.get(..4)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, part(5..7).unwrap_or(1), part(8..10).unwrap_or(1))
}

/// The last day of the period a date value names (`2017` → 2017-12-31).
fn period_end(value: &str) -> Option<NaiveDate> {
    let year: i32 = value.get(..4)?.parse().ok()?;
    let rest = value.get(4..).unwrap_or("");
    let month_end = |month: u32| {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        };
        next.map(|d| d - Duration::days(1))
    };
    if let Some(week) = rest.strip_prefix("-W") {
        let week: u32 = week.get(..2)?.parse().ok()?;
        return NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Sun);
    }
    if let Some(quarter) = rest.strip_prefix("-Q") {
        let quarter: u32 = quarter.get(..1)?.parse().ok()?;
        return month_end(quarter * 3);
    }
    if let Some(half) = rest.strip_prefix("-H") {
        let half: u32 = half.get(..1)?.parse().ok()?;
        return month_end(half * 6);
    }
    let season_end = [("-WI", 3), ("-SP", 6), ("-SU", 9), ("-FA", 12)];
    if let Some((_, month)) = season_end.iter().find(|(code, _)| rest.starts_with(code)) {
        // Winter runs into the next year.
        let end = month_end(*month)?;
        return Some(if *month == 3 {
            end.with_year(year + 1)?
        } else {
            end
        });
    }
    match (value.get(5..7), value.get(8..10)) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?),
        (Some(m), None) => month_end(m.parse().ok()?),
        _ => NaiveDate::from_ymd_opt(year, 12, 31),
    }
}
