//! SQLite event store: schema, idempotent ingest, queries, full-text search, export
