use chancery_actors::{ActorMemory, ActorResolver};
use chancery_core::Document;
use chancery_kb::KnowledgeBase;
use std::sync::Arc;
#[test]
#[ignore]
fn dump() {
    let path = std::env::var("DOC").unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let filter = std::env::var("SENT").unwrap_or_default();
    let resolver = ActorResolver::new(Arc::new(KnowledgeBase::load(&[]).unwrap()));
    let linguist = chancery_ling::Linguist::load().unwrap();
    let mut doc = Document::new("d", text);
    chancery_text::tokenize(&mut doc);
    linguist.annotate(&mut doc);
    resolver.annotate(&mut doc, &ActorMemory::empty());
    for s in &doc.sentences {
        let t = doc.slice(&s.span);
        if !t.contains(&filter) {
            continue;
        }
        println!("== {t}");
        for i in s.tokens.clone() {
            let k = &doc.tokens[i];
            print!(
                "{}/{:?}/{}/{}:{} ",
                doc.token_text(i),
                k.upos,
                k.deprel,
                k.head.map(|h| h as i64 - i as i64).unwrap_or(0),
                doc.entities
                    .iter()
                    .find(|e| e.tokens.contains(&i))
                    .map(|e| format!("{:?}", e.kind))
                    .unwrap_or_default()
            );
        }
        println!();
        for m in doc.actors.iter().filter(|m| s.span.contains(&m.span.start)) {
            println!(
                "  [{}] {:?} chain={:?} {:?}",
                doc.slice(&m.span),
                m.kind,
                m.chain,
                m.actors
                    .iter()
                    .map(|a| (a.name.as_str(), a.country.as_deref(), a.sector.as_deref()))
                    .collect::<Vec<_>>()
            );
        }
    }
}
