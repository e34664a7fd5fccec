//! Shows how the coder reads a text: the parse, the actor mentions and the
//! events. Handy when writing lexicon patterns.
//!
//! `cargo run -p chancery-events --example code_text -- "Russia expelled two US diplomats."`
//! (or the text on standard input); `-- --records FOLDER_OR_FILE…` prints
//! only the event records of the documents read from files, as JSON Lines.

#[path = "../tests/common/mod.rs"]
mod common;

use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--records") {
        let paths: Vec<std::path::PathBuf> = args[1..].iter().map(Into::into).collect();
        for doc in chancery_read::read_inputs(&paths) {
            let mut doc = doc.expect("a readable document");
            common::Stages::get().run(&mut doc);
            for record in doc.event_records() {
                println!(
                    "{}",
                    serde_json::to_string(&record).expect("record as JSON")
                );
            }
        }
        return;
    }
    let mut text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        std::io::stdin()
            .read_to_string(&mut text)
            .expect("text on standard input");
    }
    let doc = common::Stages::get().code(&text);
    for (k, s) in doc.sentences.iter().enumerate() {
        println!("# sentence {k}: {}", doc.slice(&s.span));
        for i in s.tokens.clone() {
            let t = &doc.tokens[i];
            let head = t.head.map_or("-".to_string(), |h| h.to_string());
            println!(
                "{i:4} {:15} {:12} {:6} {:4} {head:>4} {}",
                doc.token_text(i),
                t.lemma,
                t.upos.as_str(),
                t.xpos,
                t.deprel
            );
        }
    }
    for m in &doc.actors {
        let codes: Vec<String> = m
            .actors
            .iter()
            .map(|a| {
                format!(
                    "{}/{}/{}",
                    a.name,
                    a.country.as_deref().unwrap_or("-"),
                    a.sector.as_deref().unwrap_or("-")
                )
            })
            .collect();
        println!(
            "mention {:?} head {} {:?} chain {:?}: {}",
            doc.slice(&m.span),
            m.head,
            m.kind,
            m.chain,
            codes.join(", ")
        );
    }
    for record in doc.event_records() {
        println!(
            "{}",
            serde_json::to_string(&record).expect("record as JSON")
        );
    }
}
