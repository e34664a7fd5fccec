//! Compiles every `data/actors/*.tsv` file into the binary, so the knowledge
//! base works with no data folder; the file name tells the loader the format.

use std::{env, fs, path::PathBuf};

fn main() {
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let data_dir = manifest.join("../../data/actors");
    println!("cargo:rerun-if-changed={}", data_dir.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&data_dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "tsv"));
    files.sort();
    let mut code = String::from("/// The knowledge-base files of `data/actors`, by file name.\npub const BUILTIN_FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("file names in data/actors are UTF-8");
        let absolute = fs::canonicalize(path).expect("listed file exists");
        code += &format!(
            "    ({name:?}, include_str!({:?})),\n",
            absolute.display().to_string()
        );
    }
    code += "];\n";
    let out =
        PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_files.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
