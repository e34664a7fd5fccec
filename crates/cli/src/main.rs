//! The `chancery` command-line program: one subcommand per job, each in
//! `commands/`. The pipeline that runs the stages in order is `pipeline.rs`.

mod commands;
mod output;
mod pipeline;
mod runner;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// chancery — political event data from news text, every event traced to its sentence.
#[derive(Parser)]
#[command(name = "chancery", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents and print their events.
    Code(commands::code::Args),
    /// Code documents and store them with their events in a SQLite store.
    Ingest(commands::ingest::Args),
    /// Query the events in the store.
    Events(commands::events::Args),
    /// Dump every stored event.
    Export(commands::export::Args),
    /// List and search the people learned from ingested documents.
    Actors(commands::actors::Args),
    /// Parse CoNLL-U or raw text and write CoNLL-U with tags, lemmas and dependencies.
    Parse(commands::parse::Args),
    /// Rebuild the shipped linguistic models from the UD treebanks.
    Train(commands::train::Args),
    /// Find and normalize temporal expressions in JSONL documents.
    Timex(commands::timex::Args),
    /// Score coded events against gold records.
    Eval(commands::eval::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => commands::code::run(args),
        Command::Ingest(args) => commands::ingest::run(args),
        Command::Events(args) => commands::events::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Actors(args) => commands::actors::run(args),
        Command::Parse(args) => commands::parse::run(args),
        Command::Train(args) => commands::train::run(args),
        Command::Timex(args) => commands::timex::run(args),
        Command::Eval(args) => commands::eval::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("chancery: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
