//! `chancery timex`: finds and normalizes temporal expressions in JSONL
//! documents (`{id, text, date}` per line) and writes one JSON line per
//! expression with character offsets, the TimeML evaluation contract.
//! Documents are tokenized, tagged and parsed first, as in the pipeline, so
//! the expressions are the ones the pipeline finds.

use anyhow::Context;
use chancery_core::{CharIndex, Document};
use rayon::prelude::*;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// JSONL documents (`{"id", "text", "date"}` per line); `-` reads stdin.
    pub input: PathBuf,
    /// Document date (YYYY-MM-DD) for documents whose line has no `date`.
    #[arg(long, value_parser = parse_date)]
    pub doc_date: Option<chrono::NaiveDate>,
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|err| format!("`{text}` is not a YYYY-MM-DD date: {err}"))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let name = args.input.display().to_string();
    let reader: Box<dyn Read> = if name == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(&args.input).with_context(|| format!("cannot open {name}"))?)
    };
    let mut docs = Vec::new();
    let mut failures = 0;
    for (k, line) in BufReader::new(reader).lines().enumerate() {
        let line = line.with_context(|| format!("{name}: cannot read line {}", k + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        match document(&line) {
            Ok(doc) => docs.push(doc),
            Err(problem) => {
                eprintln!("chancery: {name}:{}: {problem}; document skipped", k + 1);
                failures += 1;
            }
        }
    }
    let linguist = chancery_ling::Linguist::load().context("cannot load the linguistic models")?;
    let outputs: Vec<String> = docs
        .into_par_iter()
        .map(|mut doc| {
            chancery_text::tokenize(&mut doc);
            linguist.annotate(&mut doc);
            chancery_time::annotate_timexes(&mut doc, args.doc_date);
            let chars = CharIndex::new(&doc.text);
            doc.timexes
                .iter()
                .map(|timex| {
                    json!({
                        "doc_id": doc.id,
                        "start": chars.char_offset(timex.span.start),
                        "end": chars.char_offset(timex.span.end),
                        "text": doc.slice(&timex.span),
                        "type": timex.kind,
                        "value": timex.value,
                        "mod": timex.modifier,
                    })
                    .to_string()
                        + "\n"
                })
                .collect()
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for lines in outputs {
        out.write_all(lines.as_bytes())?;
    }
    out.flush()?;
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// A document from one JSONL line.
fn document(line: &str) -> Result<Document, String> {
    let value: Value = serde_json::from_str(line).map_err(|err| format!("invalid JSON: {err}"))?;
    let field = |key: &str| value.get(key).and_then(Value::as_str);
    let id = match value.get("id") {
        Some(Value::String(id)) => id.clone(),
        Some(Value::Number(id)) => id.to_string(),
        _ => return Err("missing `id`".into()),
    };
    let text = field("text").ok_or("missing `text`")?;
    let mut doc = Document::new(id, text);
    doc.meta.date = field("date").map(str::to_string);
    Ok(doc)
}
