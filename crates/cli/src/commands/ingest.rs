//! `chancery ingest`: code documents and store them with their events.

use crate::commands::code::{exit_status, skipped_note};
use crate::pipeline::{Pipeline, PipelineOptions};
use crate::runner::Runner;
use chancery_store::{IngestOutcome, Store};
use chrono::NaiveDate;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  chancery ingest examples/
  chancery ingest --db news.db feeds/2024-03/*.jsonl
  chancery ingest --doc-date 2018-03-31 article.txt

Re-ingesting a document whose text is already stored adds nothing.")]
pub struct Args {
    /// Files, folders (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The SQLite store (created on first use).
    #[arg(long, default_value = "chancery.db", value_name = "PATH")]
    pub db: PathBuf,
    /// Date of documents that carry none of their own (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub doc_date: Option<NaiveDate>,
    /// Extra data folders (knowledge-base and lexicon files) to load.
    #[arg(long = "data", value_name = "DIR")]
    pub data_dirs: Vec<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(&args.db)?;
    let pipeline = Pipeline::load(&PipelineOptions {
        data_dirs: args.data_dirs.clone(),
        doc_date: args.doc_date,
    })?;
    let known = store.learned_actors()?;
    let (mut stored, mut already, mut events) = (0, 0, 0);
    let summary = Runner::new(&pipeline, known).run(&args.inputs, |coded| {
        let records = coded.doc.event_records();
        match store.ingest(&coded.doc, &records)? {
            IngestOutcome::Stored { events: n } => {
                stored += 1;
                events += n;
            }
            IngestOutcome::AlreadyStored => already += 1,
        }
        store.remember_actors(&coded.learned)?;
        Ok(())
    })?;
    eprintln!(
        "chancery: {} stored ({} events), {} already in {}{}",
        stored,
        events,
        already,
        args.db.display(),
        skipped_note(summary.skipped)
    );
    Ok(exit_status(summary.skipped))
}
