//! Input sources: paths expanded into files (folders walked in sorted order),
//! bytes loaded and checked (size, binary, UTF-8, empty), and the format
//! chosen by extension or sniffed from the content.

use crate::{html, jsonl, read_text, ReadError};
use chancery_core::Document;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

/// Larger inputs are refused: no news article is this long, and a stray log
/// or database file should not be tokenized.
pub(crate) const MAX_BYTES: u64 = 10 * 1024 * 1024;
const MEGABYTE: f64 = 1024.0 * 1024.0;

/// Share of control characters above which a file is taken for binary.
const MAX_CONTROL_SHARE: f64 = 0.1;

type Documents = Box<dyn Iterator<Item = Result<Document, ReadError>>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Jsonl,
    Html,
}

impl Format {
    fn from_extension(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "md" | "text" => Some(Format::Text),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// JSONL when the first lines are JSON objects, HTML when the start looks
    /// like markup, else plain text.
    fn sniff(text: &str) -> Format {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with('{') {
            let mut lines = head.lines().filter(|l| !l.trim().is_empty()).take(5);
            if lines.all(|l| serde_json::from_str::<serde_json::Map<_, _>>(l).is_ok()) {
                return Format::Jsonl;
            }
        }
        if head.starts_with('<') {
            let start: String = head.chars().take(2048).collect::<String>().to_lowercase();
            let markers = [
                "<!doctype html",
                "<html",
                "<body",
                "<article",
                "<p>",
                "<p ",
                "<div",
            ];
            if markers.iter().any(|m| start.contains(m)) {
                return Format::Html;
            }
        }
        Format::Text
    }
}

enum Location {
    File(PathBuf),
    Stdin,
}

/// One file (or standard input) to read.
pub(crate) struct Source {
    location: Location,
    /// None: sniff the content.
    format: Option<Format>,
}

/// The sources an input path stands for.
pub(crate) fn expand(input: &Path) -> Vec<Result<Source, ReadError>> {
    if input.as_os_str() == "-" {
        return vec![Ok(Source {
            location: Location::Stdin,
            format: None,
        })];
    }
    match std::fs::metadata(input) {
        Err(err) => vec![Err(ReadError::new(display(input), io_message(&err)))],
        Ok(meta) if meta.is_dir() => {
            let mut found = Vec::new();
            walk(input, &mut found);
            found
        }
        Ok(_) => vec![Ok(Source {
            location: Location::File(input.to_path_buf()),
            format: Format::from_extension(input),
        })],
    }
}

/// File names (before the extension) of a folder's own documentation, never
/// read as articles when walking a folder.
const FOLDER_DOCS: [&str; 4] = ["readme", "license", "changelog", "contributing"];

/// Files with a known extension under `dir`, recursively, sorted by name;
/// hidden entries, linked folders and the folder's own documentation
/// (`README.md`…) are skipped.
fn walk(dir: &Path, found: &mut Vec<Result<Source, ReadError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => return found.push(Err(ReadError::new(display(dir), io_message(&err)))),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let stem = name.split('.').next().unwrap_or("").to_ascii_lowercase();
        if name.starts_with('.') || FOLDER_DOCS.contains(&stem.as_str()) {
            continue;
        }
        // Linked folders are not followed: a link to a parent would never end.
        let linked = path.symlink_metadata().is_ok_and(|m| m.is_symlink());
        if path.is_dir() {
            if !linked {
                walk(&path, found);
            }
        } else if let Some(format) = Format::from_extension(&path) {
            found.push(Ok(Source {
                location: Location::File(path),
                format: Some(format),
            }));
        }
    }
}

impl Source {
    fn origin(&self) -> String {
        match &self.location {
            Location::File(path) => display(path),
            Location::Stdin => "-".to_string(),
        }
    }

    /// The documents of this source, read lazily for JSONL files.
    pub(crate) fn documents(self) -> Documents {
        let origin = self.origin();
        let fail = |message: String| -> Documents {
            Box::new(std::iter::once(Err(ReadError::new(
                origin.clone(),
                message,
            ))))
        };
        match (&self.location, self.format) {
            (Location::File(path), Some(Format::Jsonl)) => match std::fs::File::open(path) {
                Ok(file) => jsonl::documents(std::io::BufReader::new(file), origin.clone()),
                Err(err) => fail(io_message(&err)),
            },
            (Location::File(path), format) => {
                let size = match std::fs::metadata(path) {
                    Ok(meta) => meta.len(),
                    Err(err) => return fail(io_message(&err)),
                };
                if size > MAX_BYTES {
                    return fail(too_large(size));
                }
                let text = match std::fs::read(path)
                    .map_err(|e| io_message(&e))
                    .and_then(decode)
                {
                    Ok(text) => text,
                    Err(message) => return fail(message),
                };
                let id = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| origin.clone());
                one_document(&id, text, &origin, format)
            }
            (Location::Stdin, _) => {
                let mut bytes = Vec::new();
                match std::io::stdin().lock().read_to_end(&mut bytes) {
                    Ok(_) => stream_documents(bytes, &origin),
                    Err(err) => fail(io_message(&err)),
                }
            }
        }
    }
}

/// The documents of a stream of unknown format (standard input): JSONL is
/// read line by line with no overall size limit, anything else is one
/// document named `stdin`.
fn stream_documents(bytes: Vec<u8>, origin: &str) -> Documents {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]);
    if Format::sniff(&head) == Format::Jsonl {
        return jsonl::documents(Cursor::new(bytes), origin.to_string());
    }
    let text = if bytes.len() as u64 > MAX_BYTES {
        Err(too_large(bytes.len() as u64))
    } else {
        decode(bytes)
    };
    match text {
        Ok(text) => one_document("stdin", text, origin, None),
        Err(message) => Box::new(std::iter::once(Err(ReadError::new(origin, message)))),
    }
}

/// A text or HTML document (the format sniffed when unknown); a JSONL text
/// given under another extension is read line by line.
fn one_document(id: &str, text: String, origin: &str, format: Option<Format>) -> Documents {
    match format.unwrap_or_else(|| Format::sniff(&text)) {
        Format::Text => Box::new(std::iter::once(Ok(read_text(id, text, origin)))),
        Format::Html => Box::new(std::iter::once(
            html::read_html(id, &text, origin).map_err(|message| ReadError::new(origin, message)),
        )),
        Format::Jsonl => jsonl::documents(Cursor::new(text.into_bytes()), origin.to_string()),
    }
}

/// The bytes as text, or the one-line reason they are not a readable article.
pub(crate) fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if looks_binary(&bytes) {
        return Err("binary file".into());
    }
    let text = String::from_utf8(bytes).map_err(|err| {
        format!(
            "not UTF-8 (invalid byte at offset {})",
            err.utf8_error().valid_up_to()
        )
    })?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err("empty file (only whitespace)".into());
    }
    Ok(text)
}

/// NUL bytes, or many control characters, in the first 64 KB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control as f64 > head.len() as f64 * MAX_CONTROL_SHARE
}

pub(crate) fn too_large(bytes: u64) -> String {
    format!(
        "file is {:.1} MB, over the {} MB limit",
        bytes as f64 / MEGABYTE,
        MAX_BYTES / (1024 * 1024)
    )
}

fn io_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read ({err})"),
    }
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids_and_texts(bytes: &[u8]) -> Vec<Result<(String, String), String>> {
        stream_documents(bytes.to_vec(), "-")
            .map(|r| r.map(|d| (d.id, d.text)).map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn standard_input_is_sniffed() {
        let jsonl = b"{\"id\": \"n1\", \"text\": \"First.\"}\n{\"id\": 2, \"text\": \"Second.\"}\n";
        assert_eq!(
            ids_and_texts(jsonl),
            [
                Ok(("n1".into(), "First.".into())),
                Ok(("2".into(), "Second.".into()))
            ]
        );
        let html = b"<html><body><nav>Menu</nav><p>Envoys met.</p></body></html>";
        assert_eq!(
            ids_and_texts(html),
            [Ok(("stdin".into(), "Envoys met.".into()))]
        );
        let text = b"{braces} open this plain story.";
        assert_eq!(
            ids_and_texts(text),
            [Ok((
                "stdin".into(),
                "{braces} open this plain story.".into()
            ))]
        );
        assert_eq!(ids_and_texts(b""), [Err("-: empty file".to_string())]);
    }
}
