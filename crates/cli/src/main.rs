//! The `chancery` command-line program.
fn main() {}
