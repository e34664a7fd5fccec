//! Corpus-level run over the news texts of the shared PolNeAr training set:
//! the resolver must never panic, and must find resolved actors in most
//! political news. Prints the resolver's own time (not asserted: speed is
//! measured, never tested).

use chancery_actors::{ActorMemory, ActorResolver};
use chancery_core::Document;
use chancery_kb::KnowledgeBase;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[test]
#[ignore = "slow: corpus-level, run with --ignored"]
fn resolves_polnear_news_without_panicking() {
    let texts = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/polnear/train/text"
    ));
    if !texts.is_dir() {
        println!("skipped: the shared data folder (../shared) is absent");
        return;
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&texts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let linguist = chancery_ling::Linguist::load().expect("linguistic models");
    let resolver = ActorResolver::new(Arc::new(KnowledgeBase::load(&[]).expect("knowledge base")));
    let (mut documents, mut with_actors, mut mentions, mut tokens) = (0, 0, 0, 0);
    let mut resolving = Duration::ZERO;
    for path in paths.iter().take(300) {
        let text = std::fs::read_to_string(path).unwrap();
        let mut doc = Document::new(path.display().to_string(), text);
        chancery_text::tokenize(&mut doc);
        linguist.annotate(&mut doc);
        let started = Instant::now();
        resolver.annotate(&mut doc, &ActorMemory::empty());
        let learned = resolver.learned(&doc);
        resolving += started.elapsed();
        for mention in &doc.actors {
            assert!(
                mention.tokens.start < mention.tokens.end && mention.tokens.end <= doc.tokens.len()
            );
            assert!(
                mention.tokens.contains(&mention.head)
                    || mention.kind == chancery_core::MentionKind::Pronoun
            );
            let words = doc.slice(&mention.span);
            assert!(
                mention
                    .actors
                    .iter()
                    .all(|a| words.contains(a.text.as_str())),
                "{}: {words} vs {:?}",
                doc.id,
                mention.actors
            );
        }
        assert!(learned.iter().all(|l| l.name.contains(' ')));
        documents += 1;
        tokens += doc.tokens.len();
        mentions += doc.actors.len();
        with_actors += usize::from(
            doc.actors
                .iter()
                .any(|m| m.actors.iter().any(|a| a.country.is_some())),
        );
    }
    println!(
        "{documents} documents, {tokens} tokens, {mentions} mentions; {with_actors} documents with a resolved actor; \
         resolver (annotate + learned) {:.1} ms in all, {:.0} tokens/s",
        resolving.as_secs_f64() * 1000.0,
        tokens as f64 / resolving.as_secs_f64()
    );
    assert!(
        with_actors * 10 >= documents * 8,
        "too few documents with a resolved actor"
    );
}
