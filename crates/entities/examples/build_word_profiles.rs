//! Builds the word profiles from unlabelled news text: `cargo run --release
//! -p chancery-entities --example build_word_profiles -- OUT SOURCE...`
//! (folders of `.txt` files, `.conllu` files).

use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let Some((out, dirs)) = args.split_first().filter(|(_, dirs)| !dirs.is_empty()) else {
        eprintln!("usage: build_word_profiles OUT SOURCE...");
        std::process::exit(2);
    };
    let dirs: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
    match chancery_entities::training::build_word_profiles(&dirs, out) {
        Ok(words) => println!("profiled {words} words -> {}", out.display()),
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
