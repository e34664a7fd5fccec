//! `chancery code`: code documents and print their events.

use crate::output::{Format, RecordWriter};
use crate::pipeline::{Pipeline, PipelineOptions};
use crate::runner::Runner;
use anyhow::Context;
use chrono::NaiveDate;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  chancery code examples/
  chancery code --format table examples/expulsions.txt
  chancery code --doc-date 2018-03-31 -o events.jsonl article.txt
  cat articles.jsonl | chancery code -
  chancery code --emit-docs docs.jsonl page.html    # the extracted text offsets refer to")]
pub struct Args {
    /// Files, folders (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Date of documents that carry none of their own (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub doc_date: Option<NaiveDate>,
    /// Write events to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write each document (id, exact text, metadata) as JSON Lines to FILE.
    #[arg(long, value_name = "FILE")]
    pub emit_docs: Option<PathBuf>,
    /// Extra data folders (knowledge-base and lexicon files) to load.
    #[arg(long = "data", value_name = "DIR")]
    pub data_dirs: Vec<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::load(&PipelineOptions {
        data_dirs: args.data_dirs.clone(),
        doc_date: args.doc_date,
    })?;
    let out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let mut docs_out = match &args.emit_docs {
        Some(path) => {
            Some(BufWriter::new(File::create(path).with_context(|| {
                format!("cannot create {}", path.display())
            })?))
        }
        None => None,
    };
    let mut writer = RecordWriter::new(args.format, out)?;
    let summary = Runner::new(&pipeline, Vec::new()).run(&args.inputs, |coded| {
        if let Some(docs_out) = docs_out.as_mut() {
            serde_json::to_writer(&mut *docs_out, &coded.doc.record())?;
            writeln!(docs_out)?;
        }
        for record in coded.doc.event_records() {
            writer.write(&record)?;
        }
        Ok(())
    })?;
    writer.finish()?;
    if let Some(mut docs_out) = docs_out {
        docs_out.flush()?;
    }
    eprintln!(
        "chancery: coded {} documents, {} events{}",
        summary.documents,
        summary.events,
        skipped_note(summary.skipped)
    );
    Ok(exit_status(summary.skipped))
}

pub fn skipped_note(skipped: usize) -> String {
    match skipped {
        0 => String::new(),
        n => format!(
            "; skipped {n} unreadable input{}",
            if n == 1 { "" } else { "s" }
        ),
    }
}

/// Exit status 1 tells scripts that some input was skipped.
pub fn exit_status(skipped: usize) -> ExitCode {
    if skipped == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
