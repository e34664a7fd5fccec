//! The document date: when the article was written, and how we know.
//!
//! Sources, best first: the input's metadata, the date given on the command
//! line, the dateline, a full date in the headline, the latest full date in
//! the text. Never the clock: with none of these the date stays unknown.

use chancery_core::{DateSource, DocDate, Precision, Timex};
use chrono::{Datelike, Months, NaiveDate};

/// Reads `YYYY-MM-DD` (and longer timestamps), `YYYYMMDD`, `YYYY-MM`, `YYYY`.
pub fn parse(text: &str) -> Option<(String, Precision)> {
    let text = text.trim();
    let digits_at = |range: std::ops::Range<usize>| {
        text.get(range)
            .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
    };
    let year = digits_at(0..4)?;
    let compact = text.len() >= 8 && digits_at(0..8).is_some();
    let (month, day) = if compact {
        (digits_at(4..6), digits_at(6..8))
    } else if text.as_bytes().get(4) == Some(&b'-') {
        let day = (text.as_bytes().get(7) == Some(&b'-'))
            .then(|| digits_at(8..10))
            .flatten();
        (digits_at(5..7), day)
    } else {
        (None, None)
    };
    match (month, day) {
        (Some(m), Some(d)) => {
            let date = NaiveDate::parse_from_str(&format!("{year}-{m}-{d}"), "%Y-%m-%d").ok()?;
            Some((date.format("%Y-%m-%d").to_string(), Precision::Day))
        }
        (Some(m), None) => {
            let m: u32 = m.parse().ok()?;
            (1..=12)
                .contains(&m)
                .then(|| (format!("{year}-{m:02}"), Precision::Month))
        }
        _ => Some((year.to_string(), Precision::Year)),
    }
}

/// The full day of a document date, when it has one: the anchor for
/// relative expressions.
pub fn anchor(date: &DocDate) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&date.value, "%Y-%m-%d").ok()
}

/// The date from the input's metadata or the command line. A metadata date
/// written in words (`March 26, 2018`) is read by the grammar: `in_words`
/// gives the expressions it finds in it.
pub fn given(
    meta_date: Option<&str>,
    in_words: impl FnOnce(&str) -> Vec<Timex>,
    given: Option<NaiveDate>,
) -> Option<DocDate> {
    let from_meta = meta_date.and_then(|text| {
        parse(text).or_else(|| {
            latest_full_date(&in_words(text), DateSource::Metadata)
                .map(|date| (date.value, Precision::Day))
        })
    });
    if let Some((value, precision)) = from_meta {
        return Some(DocDate {
            value,
            precision,
            source: DateSource::Metadata,
        });
    }
    given.map(|date| DocDate {
        value: date.format("%Y-%m-%d").to_string(),
        precision: Precision::Day,
        source: DateSource::CommandLine,
    })
}

/// The date of the dateline, found by the grammar without an anchor
/// (`XXXX-03-31` when the dateline has no year). A missing year comes from
/// the text: the year that puts the dateline from two months before to ten
/// months after the latest full date written (reports look back), else the
/// latest year mentioned.
pub fn from_dateline(dateline: &[Timex], text_dates: &[Timex]) -> Option<DocDate> {
    let found = dateline.iter().find(|f| is_day_value(&f.value))?;
    let value = match found.value.strip_prefix("XXXX") {
        Some(month_day) => match latest_full_date(text_dates, DateSource::LatestInText)
            .as_ref()
            .and_then(anchor)
        {
            Some(latest) => year_after_latest(latest, month_day).map_or_else(
                || found.value.clone(),
                |date| date.format("%Y-%m-%d").to_string(),
            ),
            None => match latest_year(text_dates) {
                Some(year) => format!("{year}{month_day}"),
                None => found.value.clone(),
            },
        },
        None => found.value.clone(),
    };
    Some(DocDate {
        value,
        precision: Precision::Day,
        source: DateSource::Dateline,
    })
}

/// The date `-MM-DD` in the year that places it within two months before
/// to ten months after `latest`.
fn year_after_latest(latest: NaiveDate, month_day: &str) -> Option<NaiveDate> {
    let earliest = latest.checked_sub_months(Months::new(2))?;
    let last = latest.checked_add_months(Months::new(10))?;
    (latest.year() - 1..=latest.year() + 1)
        .filter_map(|year| {
            NaiveDate::parse_from_str(&format!("{year:04}{month_day}"), "%Y-%m-%d").ok()
        })
        .find(|date| (earliest..=last).contains(date))
}

/// The latest full date among `found`, attributed to `source`.
pub fn latest_full_date(found: &[Timex], source: DateSource) -> Option<DocDate> {
    found
        .iter()
        .filter(|f| is_day_value(&f.value) && !f.value.starts_with('X'))
        .map(|f| f.value[..10].to_string())
        .max()
        .map(|value| DocDate {
            value,
            precision: Precision::Day,
            source,
        })
}

/// `YYYY-MM-DD` or `XXXX-MM-DD`, possibly followed by a time.
fn is_day_value(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() >= 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes[5..7]
            .iter()
            .chain(&bytes[8..10])
            .all(u8::is_ascii_digit)
}

/// The year of the latest full date in the text, else of the latest year
/// mentioned (full dates are what a report is dated by; bare years are more
/// often targets such as "by 2030").
fn latest_year(found: &[Timex]) -> Option<String> {
    let year_of = |f: &Timex| {
        f.value
            .get(..4)
            .filter(|year| year.bytes().all(|b| b.is_ascii_digit()))
            .map(str::to_string)
    };
    let full_dates = found.iter().filter(|f| is_day_value(&f.value));
    full_dates
        .filter_map(year_of)
        .max()
        .or_else(|| found.iter().filter_map(year_of).max())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_metadata_dates() {
        assert_eq!(
            parse("2018-03-26"),
            Some(("2018-03-26".into(), Precision::Day))
        );
        assert_eq!(
            parse("1998-02-13T14:26:00"),
            Some(("1998-02-13".into(), Precision::Day))
        );
        assert_eq!(
            parse("19980213"),
            Some(("1998-02-13".into(), Precision::Day))
        );
        assert_eq!(parse("2018-03"), Some(("2018-03".into(), Precision::Month)));
        assert_eq!(parse("2018"), Some(("2018".into(), Precision::Year)));
        assert_eq!(parse("March"), None);
        assert_eq!(parse("2018-02-30"), None);
    }
}
