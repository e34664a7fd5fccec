//! Readers: plain text, JSONL and HTML inputs turned into documents with zones and datelines
