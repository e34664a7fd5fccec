//! End-to-end tests of the `chancery` binary: coding, the store round trip,
//! idempotent ingest and bad inputs. Every input is written here.

use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const ARTICLE: &str = "Moscow expels two US diplomats\n\
MOSCOW, May 4 (Test Wire) — Russia expelled two American diplomats on Tuesday, \
the Foreign Ministry said.\n\
The United States rejected the accusations and said it would respond.\n";

const SECOND: &str = "Britain summons Russian envoy\n\
The British Foreign Office summoned the Russian ambassador on Friday over a cyber attack.\n";

fn chancery(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chancery"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the chancery binary runs")
}

fn stdout_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn articles(dir: &Path) {
    fs::create_dir_all(dir.join("news")).unwrap();
    fs::write(dir.join("news/expulsion.txt"), ARTICLE).unwrap();
    fs::write(dir.join("news/summons.txt"), SECOND).unwrap();
}

#[test]
fn code_emits_records_whose_offsets_slice_the_document() {
    let tmp = tempfile::tempdir().unwrap();
    articles(tmp.path());
    let out = chancery(&["code", "--format", "jsonl", "news"], tmp.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = stdout_lines(&out);
    assert!(!records.is_empty(), "the expulsion is coded");
    for r in &records {
        let text = if r["doc_id"] == "expulsion" {
            ARTICLE
        } else {
            SECOND
        };
        let chars: Vec<char> = text.chars().collect();
        let slice = |v: &Value| {
            let (s, e) = (
                v["start"].as_u64().unwrap() as usize,
                v["end"].as_u64().unwrap() as usize,
            );
            chars[s..e].iter().collect::<String>()
        };
        assert_eq!(
            slice(&r["evidence"]),
            r["evidence"]["text"].as_str().unwrap()
        );
        assert_eq!(slice(&r["trigger"]), r["trigger"]["text"].as_str().unwrap());
    }
    assert!(
        records
            .iter()
            .any(|r| r["event_type"] == "SANCTION" && r["doc_id"] == "expulsion"),
        "expelled diplomats is a SANCTION: {records:?}"
    );
}

#[test]
fn ingest_query_export_round_trip_and_second_ingest_adds_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    articles(tmp.path());
    let coded = stdout_lines(&chancery(&["code", "news"], tmp.path()));

    let first = chancery(&["ingest", "--db", "t.db", "news"], tmp.path());
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let exported = stdout_lines(&chancery(&["export", "--db", "t.db"], tmp.path()));
    let ids = |v: &[Value]| {
        let mut ids: Vec<String> = v
            .iter()
            .map(|r| r["event_id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(
        ids(&exported),
        ids(&coded),
        "the store holds exactly the coded events"
    );

    let again = chancery(&["ingest", "--db", "t.db", "news"], tmp.path());
    assert!(again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("0 stored"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let exported_again = stdout_lines(&chancery(&["export", "--db", "t.db"], tmp.path()));
    assert_eq!(
        exported_again.len(),
        exported.len(),
        "a second ingest adds nothing"
    );

    let sanctions = stdout_lines(&chancery(
        &[
            "events", "--db", "t.db", "--type", "SANCTION", "--format", "jsonl",
        ],
        tmp.path(),
    ));
    assert!(!sanctions.is_empty());
    assert!(sanctions.iter().all(|r| r["event_type"] == "SANCTION"));
    let found = stdout_lines(&chancery(
        &[
            "events", "--db", "t.db", "--text", "expelled", "--format", "jsonl",
        ],
        tmp.path(),
    ));
    // The search stems words: "expelled" also finds "expels".
    assert!(found
        .iter()
        .all(|r| r["evidence"]["text"].as_str().unwrap().contains("expel")));
    assert!(
        found.len() < exported.len(),
        "the search filters: {found:?}"
    );
    assert!(
        !found.is_empty(),
        "full-text search finds the evidence sentence"
    );
}

#[test]
fn bad_inputs_are_reported_skipped_and_the_run_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mixed");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("good.txt"), ARTICLE).unwrap();
    fs::write(
        dir.join("latin1.txt"),
        b"Caf\xe9 diplomats were expelled.\n",
    )
    .unwrap();
    fs::write(dir.join("binary.txt"), b"\x00\x01\x02ELF\x00\x00binary").unwrap();
    fs::write(dir.join("empty.txt"), b"").unwrap();
    fs::write(dir.join("huge.txt"), "word ".repeat(2_200_000)).unwrap();
    fs::write(
        dir.join("junk.html"),
        "<html><head><script>var x = 1;</script></head><body><nav>Home | World</nav></body></html>",
    )
    .unwrap();
    fs::write(
        dir.join("bad.jsonl"),
        "{\"id\": \"a\", \"text\": \"Russia expelled two diplomats.\"}\nnot json\n",
    )
    .unwrap();

    let out = chancery(&["code", "mixed"], tmp.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "skipped inputs give exit status 1: {stderr}"
    );
    for (file, problem) in [
        ("latin1.txt", "UTF-8"),
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("huge.txt", "10 MB"),
        ("junk.html", "no article text"),
        ("bad.jsonl:2", "JSON"),
    ] {
        let line = stderr.lines().find(|l| l.contains(file));
        let line = line.unwrap_or_else(|| panic!("no error line for {file}: {stderr}"));
        assert!(line.contains(problem), "{file}: {line}");
    }
    let docs: Vec<String> = stdout_lines(&out)
        .iter()
        .map(|r| r["doc_id"].as_str().unwrap().to_string())
        .collect();
    assert!(
        docs.iter().any(|d| d == "good"),
        "the good file is still coded"
    );
    assert!(
        docs.iter().any(|d| d == "a"),
        "the good JSONL line is still coded"
    );
}

#[test]
fn queries_on_a_missing_store_fail_clearly_without_creating_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = chancery(&["events", "--db", "nope.db"], tmp.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store at nope.db"));
    assert!(!tmp.path().join("nope.db").exists());
}
