//! Reading files, folders and JSONL: documents in order, one clear error per
//! bad input, and reading goes on after it.

use chancery_core::ZoneKind;
use chancery_read::{read_inputs, ReadError};
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn only_error(path: &Path) -> ReadError {
    let results: Vec<_> = read_inputs(&[path.to_path_buf()]).collect();
    assert_eq!(results.len(), 1, "{results:?}");
    results.into_iter().next().unwrap().expect_err("an error")
}

#[test]
fn jsonl_lines_become_documents_and_bad_lines_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id": "a1", "text": "Warsaw talks open\nPOLAND (Chancery Wire) — Talks opened on Monday.", "title": "Warsaw talks open", "date": "2024-05-06", "url": "https://example.org/a1", "source": "Chancery Wire"}"#,
        r#"{"id": 7, "text": "Second story body."}"#,
        "",
        r#"{"text": "No id here."}"#,
        r#"{"id": "b", "text": 5}"#,
        r#"not json"#,
        r#"["an", "array"]"#,
        r#"{"id": "c", "text": "   "}"#,
        r#"{"id": "c2", "body": "Text under another name."}"#,
        r#"{"id": "d", "text": "Last story.", "date": 20240506}"#,
        r#"{"id": "e", "text": "Really the last story."}"#,
    ];
    let path = write(dir.path(), "feed.jsonl", lines.join("\n").as_bytes());
    let results: Vec<_> = read_inputs(std::slice::from_ref(&path)).collect();
    assert_eq!(results.len(), 10);

    let first = results[0].as_ref().unwrap();
    assert_eq!(first.id, "a1");
    assert_eq!(first.meta.title.as_deref(), Some("Warsaw talks open"));
    assert_eq!(first.meta.date.as_deref(), Some("2024-05-06"));
    assert_eq!(first.meta.url.as_deref(), Some("https://example.org/a1"));
    assert_eq!(first.meta.source.as_deref(), Some("Chancery Wire"));
    let kinds: Vec<_> = first
        .zones
        .iter()
        .map(|z| (z.kind, first.slice(&z.span)))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (ZoneKind::Title, "Warsaw talks open"),
            (ZoneKind::Dateline, "POLAND (Chancery Wire) —"),
            (ZoneKind::Body, "Talks opened on Monday."),
        ]
    );
    assert_eq!(results[1].as_ref().unwrap().id, "7");

    let file = path.display().to_string();
    let expected_errors = [
        (4, "missing field `id`"),
        (5, "field `text` must be a string"),
        (6, "invalid JSON"),
        (7, "not a JSON object"),
        (8, "field `text` is empty"),
        (9, "missing field `text` (fields here: body, id)"),
        (10, "field `date` must be a string"),
    ];
    for (result, (line, message)) in results[2..9].iter().zip(expected_errors) {
        let err = result.as_ref().unwrap_err();
        assert_eq!(err.origin, format!("{file}:{line}"));
        assert!(err.message.starts_with(message), "{err}");
        assert!(err.to_string().starts_with(&format!("{file}:{line}: ")));
    }
    assert_eq!(results[9].as_ref().unwrap().id, "e");
}

#[test]
fn a_jsonl_title_is_a_zone_only_when_the_text_repeats_it() {
    let dir = tempfile::tempdir().unwrap();
    let line = r#"{"id": "t", "text": "Short first line\nThe body says more.", "title": "Another headline"}"#;
    let path = write(dir.path(), "t.ndjson", line.as_bytes());
    let doc = read_inputs(&[path]).next().unwrap().unwrap();
    assert_eq!(doc.meta.title.as_deref(), Some("Another headline"));
    assert!(
        doc.zones.iter().all(|z| z.kind != ZoneKind::Title),
        "{:?}",
        doc.zones
    );
}

#[test]
fn folders_are_read_recursively_in_sorted_order_skipping_docs_and_links() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", b"Second story.");
    write(dir.path(), "a.md", b"First story.");
    write(
        dir.path(),
        "sub/c.htm",
        b"<html><body><p>Third story.</p></body></html>",
    );
    write(dir.path(), "notes.csv", b"ignored,file");
    write(dir.path(), ".hidden.txt", b"Hidden story.");
    write(dir.path(), "README.md", b"About this folder.");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let ids: Vec<String> = read_inputs(&[dir.path().to_path_buf()])
        .map(|r| r.unwrap().id)
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
}

#[test]
fn bad_files_give_one_clear_error_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut latin1 = b"Caf".to_vec();
    latin1.push(0xe9);
    latin1.extend_from_slice(b" talks.");
    let cases = [
        (
            write(dir.path(), "latin1.txt", &latin1),
            "not UTF-8 (invalid byte at offset 3)",
        ),
        (
            write(dir.path(), "nul.txt", b"text\0with a nul"),
            "binary file",
        ),
        (
            write(dir.path(), "controls.txt", &[1, 2, 3, 4, 5, 6, 7, b'a']),
            "binary file",
        ),
        (write(dir.path(), "empty.txt", b""), "empty file"),
        (
            write(dir.path(), "blank.txt", b" \n\t\n"),
            "empty file (only whitespace)",
        ),
        (write(dir.path(), "empty.jsonl", b"\n\n"), "empty file"),
        (dir.path().join("missing.txt"), "no such file or folder"),
        (
            write(
                dir.path(),
                "menu.html",
                b"<html><body><nav>Home</nav><script>x()</script></body></html>",
            ),
            "no article text in the HTML page",
        ),
    ];
    for (path, message) in &cases {
        let err = only_error(path);
        assert_eq!(err.origin, path.display().to_string());
        assert_eq!(&err.message, message);
    }
    let big = write(
        dir.path(),
        "big.txt",
        &vec![b'a'; 12 * 1024 * 1024 + 300 * 1024],
    );
    assert_eq!(
        only_error(&big).message,
        "file is 12.3 MB, over the 10 MB limit"
    );

    let good = write(dir.path(), "good.txt", b"A good story.");
    let inputs: Vec<PathBuf> = cases.iter().map(|(p, _)| p.clone()).chain([good]).collect();
    let results: Vec<_> = read_inputs(&inputs).collect();
    assert_eq!(results.len(), cases.len() + 1);
    assert_eq!(
        results.last().unwrap().as_ref().unwrap().text,
        "A good story."
    );
}

#[test]
fn files_with_other_extensions_are_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = write(
        dir.path(),
        "feed.dat",
        b"{\"id\": \"x\", \"text\": \"One.\"}\n{\"id\": \"y\", \"text\": \"Two.\"}\n",
    );
    let html = write(
        dir.path(),
        "page",
        b"<!DOCTYPE html><html><body><p>Page story.</p></body></html>",
    );
    let text = write(dir.path(), "notes.log", b"A plain story.");
    let docs: Vec<_> = read_inputs(&[jsonl, html, text])
        .map(|r| r.unwrap())
        .collect();
    let summary: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("x", "One."),
            ("y", "Two."),
            ("page", "Page story."),
            ("notes", "A plain story.")
        ]
    );
}
