//! Throughput of tokenize + tag + lemmatize + parse on the raw text of the UD
//! English dev and test sets, on one core and on all cores (rayon over
//! documents). Run with `cargo bench -p chancery-ling --bench throughput`.

use chancery_core::Document;
use chancery_ling::train::treebank_file;
use chancery_ling::Linguist;
use rayon::prelude::*;
use std::path::Path;
use std::time::Instant;

#[path = "../tests/support/shared.rs"]
mod shared;

/// Sentences per benchmark document, about a news article.
const SENTENCES_PER_DOCUMENT: usize = 30;

fn documents(ud: &Path) -> Vec<Document> {
    let mut docs = Vec::new();
    for treebank in 0..2 {
        for split in ["dev", "test"] {
            let path = treebank_file(ud, treebank, split);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
            let sentences: Vec<&str> = text
                .lines()
                .filter_map(|line| line.strip_prefix("# text = "))
                .collect();
            for (k, chunk) in sentences.chunks(SENTENCES_PER_DOCUMENT).enumerate() {
                docs.push(Document::new(format!("{split}-{k}"), chunk.join(" ")));
            }
        }
    }
    docs
}

fn run(linguist: &Linguist, doc: &mut Document) -> usize {
    chancery_text::tokenize(doc);
    linguist.annotate(doc);
    doc.tokens.len()
}

fn main() {
    let Some(ud) = shared::shared_treebanks() else {
        return;
    };
    let started = Instant::now();
    let linguist = Linguist::load().expect("shipped models load");
    println!("model load: {:.3} s", started.elapsed().as_secs_f64());
    let docs = documents(&ud);
    measure("shipped beam", &linguist, &docs);
    measure("greedy (beam 1)", &linguist.with_beam_width(1), &docs);
}

fn measure(setting: &str, linguist: &Linguist, docs: &[Document]) {
    let mut single = docs.to_vec();
    let started = Instant::now();
    let tokens: usize = single.iter_mut().map(|doc| run(linguist, doc)).sum();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{setting}, 1 core: {tokens} tokens in {seconds:.2} s = {:.0} tokens/s",
        tokens as f64 / seconds
    );

    let mut parallel = docs.to_vec();
    let started = Instant::now();
    let tokens: usize = parallel.par_iter_mut().map(|doc| run(linguist, doc)).sum();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{setting}, {} cores: {tokens} tokens in {seconds:.2} s = {:.0} tokens/s",
        rayon::current_num_threads(),
        tokens as f64 / seconds
    );
}
