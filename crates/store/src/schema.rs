//! The database schema as numbered migrations, applied in order and recorded
//! in `PRAGMA user_version`, so opening an up-to-date store changes nothing.

/// Migration `i` brings the schema from version `i` to `i + 1`. Append only:
/// never edit a migration that has shipped.
pub(crate) const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    -- blake3 of the text: the same text is never stored twice.
    content_hash  TEXT NOT NULL UNIQUE,
    title         TEXT,
    -- Publication date as the input gave it; doc_date as the pipeline found it.
    date          TEXT,
    doc_date      TEXT,
    url           TEXT,
    source        TEXT,
    origin        TEXT,
    text          TEXT NOT NULL,
    ingested_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    event_id        TEXT NOT NULL UNIQUE,
    doc_id          TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_type      TEXT NOT NULL,
    -- The event date, else the document date, as a range of days padded
    -- for comparison: `2018-03` runs from `2018-03-00` to `2018-03-99`.
    date            TEXT,
    date_from       TEXT,
    date_to         TEXT,
    sentence        INTEGER NOT NULL,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    evidence        TEXT NOT NULL,
    -- Country codes of each side, `;`-separated (the event_actors table is
    -- what queries use).
    actor_countries      TEXT NOT NULL,
    recipient_countries  TEXT NOT NULL,
    speaker         TEXT,
    aux             TEXT NOT NULL,
    -- The EventRecord JSON exactly as coded.
    record          TEXT NOT NULL,
    CHECK (evidence_start <= trigger_start AND trigger_start <= trigger_end
           AND trigger_end <= evidence_end)
);
CREATE INDEX events_by_document ON events(doc_id, sentence, trigger_start);
CREATE INDEX events_by_type ON events(event_type, date_from);
CREATE INDEX events_by_date ON events(date_from, date_to);

CREATE TABLE event_actors (
    event     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    country   TEXT,
    sector    TEXT,
    name      TEXT NOT NULL
);
CREATE INDEX event_actors_by_country ON event_actors(country, role, event);
CREATE INDEX event_actors_by_event ON event_actors(event);

-- Full-text search over evidence sentences, kept in step by triggers.
CREATE VIRTUAL TABLE evidence_search USING fts5(
    evidence,
    content = 'events',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER events_indexed AFTER INSERT ON events BEGIN
    INSERT INTO evidence_search(rowid, evidence) VALUES (new.id, new.evidence);
END;
CREATE TRIGGER events_unindexed AFTER DELETE ON events BEGIN
    INSERT INTO evidence_search(evidence_search, rowid, evidence)
        VALUES ('delete', old.id, old.evidence);
END;

CREATE TABLE learned_actors (
    name        TEXT PRIMARY KEY,
    country     TEXT,
    sector      TEXT,
    role        TEXT,
    first_seen  TEXT,
    last_seen   TEXT
);
"#];
