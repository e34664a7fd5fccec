//! JSONL inputs: one document per line (`id`, `text`, optional `title`,
//! `date`, `url`, `source`), read lazily; a bad line is one error naming
//! `file:line`, and reading goes on with the next line.

use crate::layout::{self, Lines, TitleRule};
use crate::source::{decode, too_large, MAX_BYTES};
use crate::{published_date, ReadError};
use chancery_core::{Document, Metadata};
use serde_json::{Map, Value};
use std::io::BufRead;

/// The documents of a JSONL stream, one per non-blank line.
pub(crate) fn documents(
    reader: impl BufRead + 'static,
    origin: String,
) -> Box<dyn Iterator<Item = Result<Document, ReadError>>> {
    Box::new(JsonLines {
        reader,
        origin,
        line: 0,
        any_content: false,
        done: false,
    })
}

struct JsonLines<R> {
    reader: R,
    origin: String,
    line: usize,
    any_content: bool,
    done: bool,
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut bytes = Vec::new();
        while !self.done {
            bytes.clear();
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => {
                    self.done = true;
                    if !self.any_content {
                        return Some(Err(ReadError::new(&self.origin, "empty file")));
                    }
                }
                Ok(_) => {
                    self.line += 1;
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    self.any_content = true;
                    let origin = format!("{}:{}", self.origin, self.line);
                    return Some(parse_line(bytes, &origin).map_err(|m| ReadError::new(origin, m)));
                }
                Err(err) => {
                    self.done = true;
                    return Some(Err(ReadError::new(
                        &self.origin,
                        format!("cannot read ({err})"),
                    )));
                }
            }
        }
        None
    }
}

fn parse_line(bytes: Vec<u8>, origin: &str) -> Result<Document, String> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(bytes.len() as u64).replacen("file", "line", 1));
    }
    let line = decode(bytes).map_err(|m| m.replacen("file", "line", 1))?;
    let line = line.trim_start_matches('\u{feff}');
    let object: Map<String, Value> = match serde_json::from_str(line) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return Err("not a JSON object".into()),
        Err(err) => return Err(format!("invalid JSON ({err})")),
    };
    let id = match object.get("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => id.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err("field `id` must be a non-empty string or a number".into()),
        None => return Err("missing field `id`".into()),
    };
    let text = match object.get("text") {
        Some(Value::String(text)) if !text.trim().is_empty() => text.clone(),
        Some(Value::String(_)) => return Err("field `text` is empty".into()),
        Some(_) => return Err("field `text` must be a string".into()),
        None => {
            let mut fields: Vec<&str> = object.keys().map(String::as_str).collect();
            fields.sort_unstable();
            return Err(format!(
                "missing field `text` (fields here: {})",
                fields.join(", ")
            ));
        }
    };
    let optional = |field: &str| match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(_) => Err(format!("field `{field}` must be a string")),
    };
    let meta = Metadata {
        title: optional("title")?,
        date: optional("date")?.map(|date| published_date(&date)),
        url: optional("url")?,
        source: optional("source")?,
        origin: Some(origin.to_string()),
    };
    let found = layout::analyze(
        &text,
        TitleRule::Given(meta.title.as_deref()),
        Lines::DetectWrapping,
    );
    let mut doc = layout::document(&id, text, origin, found);
    doc.meta = meta;
    Ok(doc)
}
