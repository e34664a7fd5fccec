//! One module per subcommand: its arguments (with examples in `--help`) and its `run`.

pub mod actors;
pub mod code;
pub mod eval;
pub mod events;
pub mod export;
pub mod ingest;
pub mod parse;
pub mod timex;
pub mod train;
