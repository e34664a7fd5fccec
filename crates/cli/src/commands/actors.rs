//! `chancery actors`: the people learned from ingested documents.

use crate::commands::events::open_existing;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  chancery actors
  chancery actors antonov
  chancery actors --json ambassador")]
pub struct Args {
    /// Words to look for in names and roles.
    #[arg(value_name = "WORDS")]
    pub words: Option<String>,
    /// The SQLite store.
    #[arg(long, default_value = "chancery.db", value_name = "PATH")]
    pub db: PathBuf,
    /// One JSON object per line instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let people = store.search_actors(args.words.as_deref())?;
    if args.json {
        for person in &people {
            println!("{}", serde_json::to_string(person)?);
        }
    } else {
        println!(
            "{:<28} {:<7} {:<6} {:<11} {:<11} ROLE",
            "NAME", "COUNTRY", "SECTOR", "FIRST", "LAST"
        );
        for p in &people {
            let or_dash = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
            println!(
                "{:<28} {:<7} {:<6} {:<11} {:<11} {}",
                p.name,
                or_dash(&p.country),
                or_dash(&p.sector),
                or_dash(&p.first_seen),
                or_dash(&p.last_seen),
                or_dash(&p.role)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
