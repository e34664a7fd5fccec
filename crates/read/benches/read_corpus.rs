//! Reading throughput on the PolNeAR news texts of the shared data (skipped
//! when absent): `cargo bench -p chancery-read`.

use chancery_read::read_inputs;
use std::path::PathBuf;
use std::time::Instant;

const ROUNDS: usize = 5;

fn main() {
    let folder = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
        .join("data/polnear/train/text");
    if !folder.is_dir() {
        eprintln!("skipped: {} is absent", folder.display());
        return;
    }
    let inputs = [folder];
    let (mut documents, mut bytes) = (0usize, 0usize);
    let start = Instant::now();
    for _ in 0..ROUNDS {
        for doc in read_inputs(&inputs).flatten() {
            documents += 1;
            bytes += doc.text.len();
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "read_inputs over {} documents x {ROUNDS}: {:.0} documents/s, {:.1} MB/s",
        documents / ROUNDS,
        documents as f64 / seconds,
        bytes as f64 / seconds / 1e6
    );
}
