//! `chancery eval`: score events against gold annotations with the same
//! figures as `shared/eval/score_events.py` (the scorer is
//! `chancery_events::eval`); without `--pred` it codes the documents itself.

use crate::commands::code::{exit_status, skipped_note};
use crate::pipeline::{Pipeline, PipelineOptions};
use crate::runner::Runner;
use chancery_events::eval;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  chancery eval --gold gold.json --docs articles/ --show-errors
  chancery eval --gold gold.json --docs docs.jsonl --pred events.jsonl --json")]
pub struct Args {
    /// Gold annotations: {\"docs\": [{\"doc_id\", \"events\": [...]}]}.
    #[arg(long, value_name = "GOLD.json")]
    pub gold: PathBuf,
    /// The documents: a folder of .txt files or a JSONL file of {\"id\", \"text\"}.
    #[arg(long, value_name = "DOCS")]
    pub docs: PathBuf,
    /// Predicted events (JSONL event records); without it the documents are coded now.
    #[arg(long, value_name = "PRED.jsonl")]
    pub pred: Option<PathBuf>,
    /// Print the summary as one JSON line.
    #[arg(long)]
    pub json: bool,
    /// List missed, spurious and wrongly coded events first.
    #[arg(long)]
    pub show_errors: bool,
    /// Extra data folders (knowledge-base and lexicon files) to load.
    #[arg(long = "data", value_name = "DIR")]
    pub data_dirs: Vec<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let gold = eval::load_gold(&args.gold)?;
    let docs = eval::load_docs(&args.docs)?;
    let (preds, skipped) = match &args.pred {
        Some(path) => (eval::load_preds(path)?, 0),
        None => code_documents(&args)?,
    };
    let (summary, errors) = eval::score(&gold, &docs, &preds)?;
    if args.show_errors {
        for error in &errors {
            println!("{error}");
        }
    }
    if args.json {
        println!("{}", summary.to_json_line());
    } else {
        print!("{}", summary.to_table());
    }
    Ok(exit_status(skipped))
}

/// Codes `--docs` through the pipeline; the event records as JSON.
fn code_documents(args: &Args) -> anyhow::Result<(Vec<serde_json::Value>, usize)> {
    let pipeline = Pipeline::load(&PipelineOptions {
        data_dirs: args.data_dirs.clone(),
        doc_date: None,
    })?;
    let mut preds = Vec::new();
    let summary =
        Runner::new(&pipeline, Vec::new()).run(std::slice::from_ref(&args.docs), |coded| {
            for record in coded.doc.event_records() {
                preds.push(serde_json::to_value(&record)?);
            }
            Ok(())
        })?;
    if summary.skipped > 0 {
        eprintln!(
            "chancery: coded {} documents{}",
            summary.documents,
            skipped_note(summary.skipped)
        );
    }
    Ok((preds, summary.skipped))
}
