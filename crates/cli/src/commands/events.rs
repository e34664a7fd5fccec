//! `chancery events`: query the store.

use crate::output::{Format, RecordWriter};
use anyhow::Context;
use chancery_core::EventType;
use chancery_store::{EventQuery, Store};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  chancery events --actor RUS --recipient USA
  chancery events --type SANCTION --since 2018-03-01 --until 2018-04-30 --format table
  chancery events --text \"persona non grata\" --format csv")]
pub struct Args {
    /// The SQLite store.
    #[arg(long, default_value = "chancery.db", value_name = "PATH")]
    pub db: PathBuf,
    /// Actor country code (ISO 3166 alpha-3 or PLOVER code: RUS, USA, IGO…).
    #[arg(long, value_name = "CODE")]
    pub actor: Option<String>,
    /// Recipient country code.
    #[arg(long, value_name = "CODE")]
    pub recipient: Option<String>,
    /// PLOVER event type (SANCTION, ACCUSE…).
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<EventType>,
    /// Events dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Events dated on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Words to find in the evidence sentence (full-text search).
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let query = EventQuery {
        actor: args.actor.map(|c| c.to_ascii_uppercase()),
        recipient: args.recipient.map(|c| c.to_ascii_uppercase()),
        event_type: args.event_type,
        since: args.since,
        until: args.until,
        text: args.text,
        limit: args.limit,
    };
    let mut writer = RecordWriter::new(args.format, std::io::stdout().lock())?;
    for record in store.events(&query)? {
        writer.write(&record)?;
    }
    writer.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Opens a store that must already exist: querying a mistyped path should not create an empty one.
pub fn open_existing(path: &std::path::Path) -> anyhow::Result<Store> {
    anyhow::ensure!(
        path.exists(),
        "no store at {} (create one with `chancery ingest --db {} INPUT…`)",
        path.display(),
        path.display()
    );
    Store::open(path).with_context(|| format!("opening {}", path.display()))
}
