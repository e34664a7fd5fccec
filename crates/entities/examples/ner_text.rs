//! Prints the entities of a text given as arguments, with the tokens' tags:
//! `cargo run --release -p chancery-entities --example ner_text -- "Some text."`.

use chancery_core::Document;

fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let recognizer = chancery_entities::Recognizer::load().expect("the shipped NER model loads");
    let linguist = chancery_ling::Linguist::load().expect("the shipped tagger loads");
    let mut doc = Document::new("argv", text);
    chancery_text::tokenize(&mut doc);
    linguist.annotate(&mut doc);
    recognizer.annotate(&mut doc);
    let tagged: Vec<String> = (0..doc.tokens.len())
        .map(|i| format!("{}/{}", doc.token_text(i), doc.tokens[i].xpos))
        .collect();
    println!("{}", tagged.join(" "));
    for entity in &doc.entities {
        println!("{:?}\t{}", entity.kind, doc.slice(&entity.span));
    }
}
