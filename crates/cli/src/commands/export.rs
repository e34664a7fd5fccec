//! `chancery export`: dump every stored event.

use crate::commands::events::open_existing;
use crate::output::{Format, RecordWriter};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  chancery export > events.jsonl
  chancery export --db news.db --format csv > events.csv")]
pub struct Args {
    /// The SQLite store.
    #[arg(long, default_value = "chancery.db", value_name = "PATH")]
    pub db: PathBuf,
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let mut writer = RecordWriter::new(args.format, std::io::stdout().lock())?;
    store.export(|record| writer.write(&record))?;
    writer.finish()?;
    Ok(ExitCode::SUCCESS)
}
