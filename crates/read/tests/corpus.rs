//! Layout invariants on a real news corpus (PolNeAR texts in the shared
//! data): zones are ordered, disjoint, trimmed, on character boundaries, and
//! keep most of the article's words. Skipped when the shared data is absent.

use chancery_read::read_inputs;
use std::path::PathBuf;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

#[test]
fn zones_of_real_articles_keep_their_invariants() {
    let folder = PathBuf::from(SHARED).join("data/polnear/train/text");
    if !folder.is_dir() {
        eprintln!("skipped: {} is absent", folder.display());
        return;
    }
    let (mut documents, mut titles, mut datelines) = (0, 0, 0);
    let (mut kept_words, mut all_words) = (0usize, 0usize);
    for result in read_inputs(&[folder]) {
        let doc = result.unwrap_or_else(|err| panic!("{err}"));
        documents += 1;
        titles += usize::from(doc.meta.title.is_some());
        datelines += usize::from(doc.dateline.is_some());
        let mut end = 0;
        for zone in &doc.zones {
            assert!(
                zone.span.start >= end,
                "{}: zones overlap or go backwards",
                doc.id
            );
            assert!(!zone.span.is_empty(), "{}: empty zone", doc.id);
            let text = doc
                .text
                .get(zone.span.clone())
                .expect("zone on char boundaries");
            assert_eq!(text, text.trim(), "{}: zone not trimmed", doc.id);
            kept_words += text.split_whitespace().count();
            end = zone.span.end;
        }
        assert!(end <= doc.text.len());
        all_words += doc.text.split_whitespace().count();
    }
    assert!(documents > 100, "only {documents} documents read");
    let kept = kept_words as f64 / all_words as f64;
    eprintln!(
        "{documents} documents: {titles} titles, {datelines} datelines, {:.1}% of words in zones",
        kept * 100.0
    );
    assert!(
        kept > 0.95,
        "zones keep only {:.1}% of the words",
        kept * 100.0
    );
}
