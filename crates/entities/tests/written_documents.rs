//! The project-written entity training documents (`data/training/entities`)
//! all read, with names of every class in them.

use chancery_entities::gum::NameClass;
use chancery_entities::written::read_written;
use std::path::Path;

#[test]
fn every_written_training_document_reads() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/training/entities"
    ));
    let mut problems = Vec::new();
    let mut names = [0usize; 3];
    let mut files = 0;
    for entry in std::fs::read_dir(dir).expect("data/training/entities is listed") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        files += 1;
        match read_written(&path) {
            Ok(document) => {
                for name in document.sentences.iter().flat_map(|s| &s.names) {
                    let class = NameClass::ALL.iter().position(|&c| c == name.class);
                    names[class.expect("a known class")] += 1;
                }
            }
            Err(error) => problems.push(error.to_string()),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(files > 0, "no documents in {}", dir.display());
    assert!(names.iter().all(|&n| n > 0), "names per class: {names:?}");
}
