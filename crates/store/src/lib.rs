//! SQLite event store: schema and migrations, idempotent ingest of coded
//! documents, event queries with full-text search, export, and the table of
//! learned actors.
//!
//! One document is written in one transaction: its row, its events (the
//! [`EventRecord`] JSON verbatim plus indexed columns), the actors of each
//! event, and the full-text index of evidence sentences. Documents are
//! identified by the blake3 hash of their text: ingesting the same text again
//! writes nothing. A document whose id is already stored with a different
//! text **replaces** the stored one and its events, so the store holds one
//! version of each document and queries never count an event twice.

mod actors;
mod query;
mod schema;

use chancery_core::record::EventRecord;
use chancery_core::Document;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::path::Path;

pub use query::EventQuery;

/// The event store, backed by one SQLite file (or memory).
pub struct Store {
    conn: Connection,
    /// The file path, or `:memory:`, for error messages.
    name: String,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{store}: {source}")]
    Database {
        store: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{store}: the stored record of event {event_id} is not valid JSON ({source})")]
    Record {
        store: String,
        event_id: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("{store}: schema version {found} is newer than this chancery knows ({supported}); use a newer chancery")]
    NewerSchema {
        store: String,
        found: usize,
        supported: usize,
    },
    #[error("{store}: event {event_id} names document `{event_doc}` but was ingested with document `{doc_id}`")]
    ForeignEvent {
        store: String,
        event_id: String,
        event_doc: String,
        doc_id: String,
    },
}

/// What an ingest did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestOutcome {
    /// The document was written (or replaced an older text with its id).
    Stored { events: usize },
    /// A document with this exact text is already stored; nothing was written.
    AlreadyStored,
}

/// How much the store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreStats {
    pub documents: usize,
    pub events: usize,
    pub learned_actors: usize,
}

impl Store {
    /// Opens the store at `path`, creating it on first use and bringing its
    /// schema up to date; the file is used in WAL mode.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|e| database(&name, e))?;
        // WAL with `synchronous = NORMAL` cannot corrupt the file; a power
        // cut may only lose the last documents, which a re-run ingests again.
        conn.pragma_update(None, "journal_mode", "WAL")
            .and_then(|()| conn.pragma_update(None, "synchronous", "NORMAL"))
            .map_err(|e| database(&name, e))?;
        Store::prepare(conn, name)
    }

    /// A store that lives in memory and disappears with it.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let name = ":memory:".to_string();
        let conn = Connection::open_in_memory().map_err(|e| database(&name, e))?;
        Store::prepare(conn, name)
    }

    fn prepare(conn: Connection, name: String) -> Result<Store, StoreError> {
        let mut store = Store { conn, name };
        store
            .conn
            .pragma_update(None, "foreign_keys", true)
            .map_err(|e| store.error(e))?;
        store
            .conn
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|e| store.error(e))?;
        store.migrate()?;
        Ok(store)
    }

    /// Applies the migrations the file has not seen yet, each in its own
    /// transaction with the version bump.
    fn migrate(&mut self) -> Result<(), StoreError> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|e| self.error(e))?;
        let version = usize::try_from(version).unwrap_or(usize::MAX);
        if version > schema::MIGRATIONS.len() {
            return Err(StoreError::NewerSchema {
                store: self.name.clone(),
                found: version,
                supported: schema::MIGRATIONS.len(),
            });
        }
        for (done, migration) in schema::MIGRATIONS.iter().enumerate().skip(version) {
            let name = self.name.clone();
            let tx = self.conn.transaction().map_err(|e| database(&name, e))?;
            tx.execute_batch(migration)
                .and_then(|()| tx.pragma_update(None, "user_version", (done + 1) as i64))
                .and_then(|()| tx.commit())
                .map_err(|e| database(&name, e))?;
        }
        Ok(())
    }

    /// Stores a coded document and its events in one transaction; see the
    /// crate docs for what "already stored" and "replaced" mean.
    pub fn ingest(
        &mut self,
        doc: &Document,
        events: &[EventRecord],
    ) -> Result<IngestOutcome, StoreError> {
        if let Some(foreign) = events.iter().find(|e| e.doc_id != doc.id) {
            return Err(StoreError::ForeignEvent {
                store: self.name.clone(),
                event_id: foreign.event_id.clone(),
                event_doc: foreign.doc_id.clone(),
                doc_id: doc.id.clone(),
            });
        }
        let name = self.name.clone();
        let tx = self.conn.transaction().map_err(|e| database(&name, e))?;
        let outcome = write_document(&tx, doc, events).map_err(|e| database(&name, e))?;
        if outcome != IngestOutcome::AlreadyStored {
            tx.commit().map_err(|e| database(&name, e))?;
        }
        Ok(outcome)
    }

    /// Every event, in a stable order (document id, sentence, trigger), handed
    /// one at a time to `each`; returns how many there were.
    pub fn export<E: From<StoreError>>(
        &self,
        mut each: impl FnMut(EventRecord) -> Result<(), E>,
    ) -> Result<usize, E> {
        let sql = format!(
            "SELECT event_id, record FROM events ORDER BY {}",
            query::ORDER
        );
        let mut statement = self.conn.prepare(&sql).map_err(|e| self.error(e))?;
        let mut rows = statement.query([]).map_err(|e| self.error(e))?;
        let mut count = 0;
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            each(self.record_of(row)?)?;
            count += 1;
        }
        Ok(count)
    }

    pub fn stats(&self) -> Result<StoreStats, StoreError> {
        let count = |table: &str| -> Result<usize, StoreError> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                    row.get::<_, i64>(0)
                })
                .map(|n| n as usize)
                .map_err(|e| self.error(e))
        };
        Ok(StoreStats {
            documents: count("documents")?,
            events: count("events")?,
            learned_actors: count("learned_actors")?,
        })
    }

    /// The record of a row whose first two columns are `event_id, record`.
    fn record_of(&self, row: &rusqlite::Row) -> Result<EventRecord, StoreError> {
        let event_id: String = row.get(0).map_err(|e| self.error(e))?;
        let json: String = row.get(1).map_err(|e| self.error(e))?;
        serde_json::from_str(&json).map_err(|source| StoreError::Record {
            store: self.name.clone(),
            event_id,
            source,
        })
    }

    fn error(&self, source: rusqlite::Error) -> StoreError {
        database(&self.name, source)
    }
}

fn database(store: &str, source: rusqlite::Error) -> StoreError {
    StoreError::Database {
        store: store.to_string(),
        source,
    }
}

/// Writes the document, its events and their actors; `AlreadyStored` (with
/// nothing written) when the same text is stored.
fn write_document(
    tx: &Transaction,
    doc: &Document,
    events: &[EventRecord],
) -> rusqlite::Result<IngestOutcome> {
    let hash = blake3::hash(doc.text.as_bytes()).to_hex().to_string();
    let stored: Option<i64> = tx
        .query_row(
            "SELECT 1 FROM documents WHERE content_hash = ?1",
            [&hash],
            |row| row.get(0),
        )
        .optional()?;
    if stored.is_some() {
        return Ok(IngestOutcome::AlreadyStored);
    }
    // Another text under this id: the new one replaces it (events cascade).
    tx.execute("DELETE FROM documents WHERE id = ?1", [&doc.id])?;
    let doc_date = doc.doc_date.as_ref().map(|d| d.value.clone());
    tx.execute(
        "INSERT INTO documents (id, content_hash, title, date, doc_date, url, source, origin, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            doc.id,
            hash,
            doc.meta.title,
            doc.meta.date,
            doc_date,
            doc.meta.url,
            doc.meta.source,
            doc.meta.origin,
            doc.text
        ],
    )?;
    let fallback_date = doc_date.or_else(|| doc.meta.date.clone());
    let mut insert_event = tx.prepare(
        "INSERT INTO events (event_id, doc_id, event_type, date, date_from, date_to, sentence,
             evidence_start, evidence_end, trigger_start, trigger_end, evidence,
             actor_countries, recipient_countries, speaker, aux, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
         ON CONFLICT (event_id) DO NOTHING",
    )?;
    let mut insert_actor = tx.prepare(
        "INSERT INTO event_actors (event, role, country, sector, name) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut stored_events = 0;
    for event in events {
        let date = event
            .date
            .as_ref()
            .map(|d| d.value.clone())
            .filter(|v| query::day_range(v).is_some())
            .or_else(|| fallback_date.clone());
        let range = date.as_deref().and_then(query::day_range);
        let countries = |side: &[chancery_core::Actor]| {
            side.iter()
                .filter_map(|a| a.country.as_deref())
                .collect::<Vec<_>>()
                .join(";")
        };
        let aux: Vec<&str> = event.aux.iter().map(|a| a.as_str()).collect();
        let record = serde_json::to_string(event)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        let inserted = insert_event.execute(params![
            event.event_id,
            doc.id,
            event.event_type.as_str(),
            date,
            range.as_ref().map(|r| r.0.clone()),
            range.as_ref().map(|r| r.1.clone()),
            event.evidence.sentence as i64,
            event.evidence.start as i64,
            event.evidence.end as i64,
            event.trigger.start as i64,
            event.trigger.end as i64,
            event.evidence.text,
            countries(&event.actor),
            countries(&event.recipient),
            event.attribution.as_ref().map(|a| a.speaker.name.clone()),
            aux.join(";"),
            record
        ])?;
        if inserted == 0 {
            // The coder gave the same event twice: one copy is enough.
            continue;
        }
        stored_events += 1;
        let row = tx.last_insert_rowid();
        for (role, side) in [("actor", &event.actor), ("recipient", &event.recipient)] {
            for actor in side {
                insert_actor.execute(params![
                    row,
                    role,
                    actor.country,
                    actor.sector,
                    actor.name
                ])?;
            }
        }
    }
    Ok(IngestOutcome::Stored {
        events: stored_events,
    })
}
