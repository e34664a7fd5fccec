//! Readers: plain text, JSONL and HTML inputs turned into documents with zones
//! and datelines.
//!
//! Every reader keeps `Document::text` exactly as the input gave it (for HTML:
//! the extracted text); markdown markers, rules, captions and similar noise
//! are left out of `Document::zones`, never deleted, so every offset refers to
//! the text as given. A bad input yields one [`ReadError`] and reading goes on
//! with the next one.

mod dateline;
mod html;
mod jsonl;
mod layout;
mod source;

use chancery_core::Document;
use std::path::PathBuf;

/// One input (file, JSONL line, stdin) that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct ReadError {
    /// The path, `path:line` for JSONL, or `-` for standard input.
    pub origin: String,
    pub message: String,
}

impl ReadError {
    pub(crate) fn new(origin: impl Into<String>, message: impl Into<String>) -> ReadError {
        ReadError {
            origin: origin.into(),
            message: message.into(),
        }
    }
}

/// Reads every input in order, lazily (JSONL files stream line by line).
/// Each path is a file, a folder (read recursively, in sorted order, files
/// with a known extension: `.txt`, `.md`, `.text`, `.jsonl`, `.ndjson`,
/// `.html`, `.htm`; hidden files, linked folders and `README`/`LICENSE`-like
/// files skipped), or `-` for standard input, whose format is sniffed (JSONL
/// when its lines are JSON objects, HTML when it looks like HTML, else plain
/// text). Files named explicitly with another extension are sniffed the same
/// way. Text and HTML files over 10 MB, binary, empty or non-UTF-8 inputs,
/// and unreadable paths each give one [`ReadError`].
pub fn read_inputs(inputs: &[PathBuf]) -> impl Iterator<Item = Result<Document, ReadError>> {
    let owned: Vec<PathBuf> = inputs.to_vec();
    owned
        .into_iter()
        .flat_map(|input| source::expand(&input))
        .flat_map(
            |source| -> Box<dyn Iterator<Item = Result<Document, ReadError>>> {
                match source {
                    Ok(source) => source.documents(),
                    Err(err) => Box::new(std::iter::once(Err(err))),
                }
            },
        )
}

/// A plain-text document: `text` kept as given, with zones (title from the
/// first line when it looks like one, headings, captions, dateline, body)
/// and the dateline found at the start of the body.
pub fn read_text(id: &str, text: String, origin: &str) -> Document {
    let layout = layout::analyze(
        &text,
        layout::TitleRule::FirstLine,
        layout::Lines::DetectWrapping,
    );
    layout::document(id, text, origin, layout)
}

/// A publication date from metadata: an ISO timestamp cut to its date
/// (`2024-04-02T10:00:00Z` → `2024-04-02`), anything else as written (the
/// time stage reads dates in words).
pub(crate) fn published_date(value: &str) -> String {
    let value = value.trim();
    let digits_at = |range: std::ops::Range<usize>| {
        value
            .get(range)
            .is_some_and(|s| s.bytes().all(|b| b.is_ascii_digit()))
    };
    let dash_at = |i: usize| value.as_bytes().get(i) == Some(&b'-');
    let iso_length = if !digits_at(0..4) {
        None
    } else if !(dash_at(4) && digits_at(5..7)) {
        Some(4)
    } else if dash_at(7) && digits_at(8..10) {
        Some(10)
    } else {
        Some(7)
    };
    let iso_prefix = iso_length
        .filter(|&n| value[n..].is_empty() || value[n..].starts_with(['T', ' ', 't', '+', 'Z']));
    match iso_prefix {
        Some(n) => value[..n].to_string(),
        None => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_dates_keep_the_day_of_iso_timestamps() {
        assert_eq!(published_date("2024-04-02T10:00:00Z"), "2024-04-02");
        assert_eq!(published_date(" 2024-04 "), "2024-04");
        assert_eq!(published_date("2024-04-02 10:00"), "2024-04-02");
        assert_eq!(published_date("April 2, 2024"), "April 2, 2024");
        assert_eq!(published_date("20240402"), "20240402");
    }
}
