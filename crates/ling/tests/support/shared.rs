//! The shared evaluation data beside the repository, for the corpus tests,
//! the benchmark and the development examples (included with `#[path]`, so
//! that no product code names `../shared`).

use std::path::{Path, PathBuf};

/// The UD treebanks of `../shared`; `None`, with a message saying so, when
/// they are absent.
pub fn shared_treebanks() -> Option<PathBuf> {
    let ud = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/ud"
    ));
    if ud.exists() {
        Some(ud.to_path_buf())
    } else {
        println!("skipped: {} is absent", ud.display());
        None
    }
}
