//! One module per subcommand: its arguments (with examples in `--help`) and its `run`.

pub mod eval;
pub mod parse;
pub mod timex;
pub mod train;
