//! Event queries: filters on actor and recipient countries, event type,
//! dates and evidence words (FTS5), turned into one SQL statement.

use crate::{Store, StoreError};
use chancery_core::record::EventRecord;
use chancery_core::EventType;
use rusqlite::types::Value;

/// The stable order of events: document, sentence, trigger.
pub(crate) const ORDER: &str = "doc_id, sentence, trigger_start, event_id";

/// Which events to return; every filter set must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventQuery {
    /// Country code of an actor (ISO 3166 alpha-3 or PLOVER code).
    pub actor: Option<String>,
    /// Country code of a recipient.
    pub recipient: Option<String>,
    pub event_type: Option<EventType>,
    /// `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`): events whose date (else their
    /// document's date) may fall on or after it.
    pub since: Option<String>,
    /// Events whose date may fall on or before it.
    pub until: Option<String>,
    /// Words that must all appear in the evidence sentence (stemmed, case and
    /// accents ignored); `"double quotes"` keep a phrase together.
    pub text: Option<String>,
    pub limit: Option<usize>,
}

impl Store {
    /// The events matching `query`, in the stable export order.
    pub fn events(&self, query: &EventQuery) -> Result<Vec<EventRecord>, StoreError> {
        let mut sql = String::from("SELECT event_id, record FROM events WHERE 1 = 1");
        let mut values: Vec<Value> = Vec::new();
        for (role, code) in [("actor", &query.actor), ("recipient", &query.recipient)] {
            if let Some(code) = code {
                sql += " AND EXISTS (SELECT 1 FROM event_actors a
                         WHERE a.event = events.id AND a.role = ? AND a.country = ?)";
                values.push(Value::Text(role.into()));
                values.push(Value::Text(code.trim().to_ascii_uppercase()));
            }
        }
        if let Some(event_type) = query.event_type {
            sql += " AND event_type = ?";
            values.push(Value::Text(event_type.as_str().into()));
        }
        if let Some(since) = &query.since {
            sql += " AND date_to >= ?";
            values.push(Value::Text(padded(since, '0')));
        }
        if let Some(until) = &query.until {
            sql += " AND date_from <= ?";
            values.push(Value::Text(padded(until, '9')));
        }
        if let Some(words) = query.text.as_deref().and_then(fts_match) {
            sql += " AND id IN (SELECT rowid FROM evidence_search WHERE evidence_search MATCH ?)";
            values.push(Value::Text(words));
        }
        sql += &format!(" ORDER BY {ORDER}");
        if let Some(limit) = query.limit {
            sql += " LIMIT ?";
            values.push(Value::Integer(limit.try_into().unwrap_or(i64::MAX)));
        }
        let mut statement = self.conn.prepare(&sql).map_err(|e| self.error(e))?;
        let mut rows = statement
            .query(rusqlite::params_from_iter(values))
            .map_err(|e| self.error(e))?;
        let mut records = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            records.push(self.record_of(row)?);
        }
        Ok(records)
    }
}

/// The first and last day a date (`2018-03-26`, `2018-03`, `2018`) can mean,
/// padded so that strings compare like dates: `2018-03` → `2018-03-00`..`2018-03-99`.
/// None for anything else (`PRESENT_REF`, `XXXX-02`).
pub(crate) fn day_range(date: &str) -> Option<(String, String)> {
    let date = date.get(..10).unwrap_or(date);
    let shape_ok = matches!(date.len(), 4 | 7 | 10)
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    shape_ok.then(|| (padded(date, '0'), padded(date, '9')))
}

/// `date` completed to `YYYY-MM-DD` with `fill` digits.
fn padded(date: &str, fill: char) -> String {
    let date = date.trim();
    let template = format!("0000-{fill}{fill}-{fill}{fill}");
    match template.get(date.len()..) {
        Some(rest) => format!("{date}{rest}"),
        None => date.get(..10).unwrap_or(date).to_string(),
    }
}

/// An FTS5 query where every user word is a quoted string (so no word is read
/// as an operator or column name), all required; `"…"` groups stay phrases.
/// None when no word has a letter or digit.
fn fts_match(words: &str) -> Option<String> {
    let mut terms = Vec::new();
    for (i, part) in words.split('"').enumerate() {
        let pieces: Vec<&str> = part.split_whitespace().collect();
        let groups = if i % 2 == 1 {
            vec![pieces.join(" ")]
        } else {
            pieces.into_iter().map(str::to_string).collect()
        };
        terms.extend(
            groups
                .into_iter()
                .filter(|g| g.chars().any(char::is_alphanumeric))
                .map(|g| format!("\"{g}\"")),
        );
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_pad_to_comparable_day_ranges() {
        assert_eq!(
            day_range("2018-03"),
            Some(("2018-03-00".into(), "2018-03-99".into()))
        );
        assert_eq!(
            day_range("2018-03-26T10:00"),
            Some(("2018-03-26".into(), "2018-03-26".into()))
        );
        assert_eq!(day_range("PRESENT_REF"), None);
        assert_eq!(day_range("XXXX-02"), None);
        assert_eq!(padded("2018", '9'), "2018-99-99");
    }

    #[test]
    fn user_words_are_quoted_for_fts() {
        assert_eq!(
            fts_match(r#"expel NEAR "persona non  grata" -"#).as_deref(),
            Some(r#""expel" "NEAR" "persona non grata""#)
        );
        assert_eq!(fts_match("  - * "), None);
    }
}
