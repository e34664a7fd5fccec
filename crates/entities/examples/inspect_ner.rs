//! Temporary: per-genre dev scores.
use chancery_entities::evaluation::Evaluation;
use chancery_entities::gum::read_gum;
use chancery_entities::Recognizer;
use std::collections::BTreeMap;
use std::path::Path;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rec = Recognizer::from_file(Path::new(&args[1])).unwrap();
    let docs = read_gum(Path::new(&args[2])).unwrap();
    let linguist = chancery_ling::Linguist::load().unwrap();
    let mut by: BTreeMap<String, Evaluation> = BTreeMap::new();
    for d in &docs {
        let genre = d.id.split('_').nth(1).unwrap_or("").to_string();
        let sents: Vec<Vec<&str>> = d.sentences.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
        let tags = chancery_entities::tag_sentences(&linguist, &sents);
        let pred = rec.label(&sents, tags);
        for ((s, p), w) in d.sentences.iter().zip(&pred).zip(&sents) {
            by.entry(genre.clone()).or_default().add_sentence(p, &s.names);
            if args.get(3).is_some_and(|g| *g == genre) {
                let show = |n: &chancery_entities::gum::NamedSpan| format!("[{} {}]", n.class, w[n.words.clone()].join(" "));
                let fp: Vec<String> = p.iter().filter(|n| !s.names.contains(n)).map(show).collect();
                let fne: Vec<String> = s.names.iter().filter(|n| !p.contains(n)).map(show).collect();
                if !fp.is_empty() || !fne.is_empty() {
                    println!("{}\n  gold-only: {}\n  pred-only: {}", w.join(" "), fne.join(" "), fp.join(" "));
                }
            }
        }
    }
    for (g, e) in by {
        println!("{g:<14} P {:.3} R {:.3} F {:.3} gold {}", e.overall.precision(), e.overall.recall(), e.overall.f1(), e.overall.true_positives + e.overall.false_negatives);
    }
}
