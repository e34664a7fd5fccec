//! Evaluates the tokenizer and sentence splitter against UD English treebanks
//! (EWT and GUM, in `../shared/data/ud`) and measures throughput.
//!
//! * token F1: each sentence's `# text =` line is tokenized and its token spans
//!   compared with the gold word spans (multiword tokens such as `don't` count
//!   as their syntactic words `do` + `n't`);
//! * sentence-boundary F1: each `# newdoc` is rebuilt as running text (spaces
//!   from `SpaceAfter=No`, a newline at each `# newpar`) and its sentence ends
//!   compared with the gold ones (the end of the document, trivially right, is
//!   not counted);
//! * speed: tokens per second of `tokenize` over the rebuilt training documents.
//!
//! Run: `cargo run --release -p chancery-text --example eval_tokenizer [-- --errors N]`

use chancery_core::Document;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

/// One gold sentence: its text and the byte spans of its words in it.
struct GoldSentence {
    text: String,
    words: Vec<Range<usize>>,
    /// Whether the last word is followed by no space in running text.
    no_space_after: bool,
    starts_paragraph: bool,
    starts_document: bool,
}

#[derive(Default)]
struct Counts {
    gold: usize,
    predicted: usize,
    matched: usize,
}

impl Counts {
    fn add(&mut self, gold: &BTreeSet<(usize, usize)>, predicted: &BTreeSet<(usize, usize)>) {
        self.gold += gold.len();
        self.predicted += predicted.len();
        self.matched += gold.intersection(predicted).count();
    }

    fn report(&self, what: &str) {
        let precision = self.matched as f64 / self.predicted.max(1) as f64;
        let recall = self.matched as f64 / self.gold.max(1) as f64;
        let f1 = 2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE);
        println!(
            "{what}: P {:.2}% R {:.2}% F1 {:.2}% (gold {}, predicted {}, matched {})",
            100.0 * precision,
            100.0 * recall,
            100.0 * f1,
            self.gold,
            self.predicted,
            self.matched
        );
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let ud = Path::new(SHARED).join("data/ud");
    if !ud.is_dir() {
        println!("skipped: no shared data at {}", ud.display());
        return Ok(());
    }
    let args: Vec<String> = std::env::args().collect();
    let errors_to_show = match args.iter().position(|arg| arg == "--errors") {
        Some(index) => args
            .get(index + 1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(30),
        None => 0,
    };

    for (name, file) in [
        ("EWT dev", "en_ewt/en_ewt-ud-dev.conllu"),
        ("GUM-open dev", "en_gum_open/en_gum_open-dev.conllu"),
    ] {
        let sentences = read_conllu(&ud.join(file))?;
        token_f1(name, &sentences, errors_to_show);
        sentence_f1(name, &sentences, errors_to_show);
    }

    let mut documents = Vec::new();
    for file in [
        "en_ewt/en_ewt-ud-train.conllu",
        "en_gum_open/en_gum_open-train.conllu",
    ] {
        let sentences = read_conllu(&ud.join(file))?;
        documents.extend(
            running_documents(&sentences)
                .into_iter()
                .map(|(text, _)| text),
        );
    }
    measure_speed(&documents);
    Ok(())
}

fn token_f1(name: &str, sentences: &[GoldSentence], errors_to_show: usize) {
    let mut counts = Counts::default();
    let mut errors: HashMap<(String, String), usize> = HashMap::new();
    for sentence in sentences {
        let gold: BTreeSet<_> = sentence.words.iter().map(|w| (w.start, w.end)).collect();
        let predicted: BTreeSet<_> = chancery_text::tokenize_str(&sentence.text)
            .iter()
            .map(|t| (t.start, t.end))
            .collect();
        counts.add(&gold, &predicted);
        if errors_to_show > 0 && gold != predicted {
            let show = |spans: &BTreeSet<(usize, usize)>, other: &BTreeSet<(usize, usize)>| {
                let differing: Vec<&str> = spans
                    .difference(other)
                    .map(|&(start, end)| &sentence.text[start..end])
                    .collect();
                differing.join(" ")
            };
            *errors
                .entry((show(&gold, &predicted), show(&predicted, &gold)))
                .or_default() += 1;
        }
    }
    counts.report(&format!("{name} token spans"));
    show_errors(
        errors,
        errors_to_show,
        "gold-only tokens",
        "predicted-only tokens",
    );
}

fn sentence_f1(name: &str, sentences: &[GoldSentence], errors_to_show: usize) {
    let mut counts = Counts::default();
    let mut errors: HashMap<(String, String), usize> = HashMap::new();
    for (text, gold_ends) in running_documents(sentences) {
        let mut doc = Document::new("eval", text);
        chancery_text::tokenize(&mut doc);
        let document_end = doc.text.trim_end().len();
        let gold: BTreeSet<_> = gold_ends
            .into_iter()
            .filter(|&end| end < document_end)
            .map(|end| (end, 0))
            .collect();
        let predicted: BTreeSet<_> = doc
            .sentences
            .iter()
            .map(|s| (s.span.end, 0))
            .filter(|&(end, _)| end < document_end)
            .collect();
        counts.add(&gold, &predicted);
        if errors_to_show > 0 {
            let context = |end: usize| {
                // Character boundaries by hand: the workspace supports Rust 1.85.
                let from = (0..=end.saturating_sub(40))
                    .rev()
                    .find(|&i| doc.text.is_char_boundary(i))
                    .unwrap_or(0);
                let to = ((end + 30).min(doc.text.len())..=doc.text.len())
                    .find(|&i| doc.text.is_char_boundary(i))
                    .unwrap_or(doc.text.len());
                format!("{}|{}", &doc.text[from..end], &doc.text[end..to]).replace('\n', "¶")
            };
            for &(end, _) in gold.difference(&predicted) {
                *errors.entry(("missed".into(), context(end))).or_default() += 1;
            }
            for &(end, _) in predicted.difference(&gold) {
                *errors.entry(("spurious".into(), context(end))).or_default() += 1;
            }
        }
    }
    counts.report(&format!("{name} sentence boundaries"));
    show_errors(errors, errors_to_show, "kind", "context");
}

fn show_errors(errors: HashMap<(String, String), usize>, how_many: usize, left: &str, right: &str) {
    if how_many == 0 {
        return;
    }
    let mut errors: Vec<_> = errors.into_iter().collect();
    errors.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("  most frequent errors ({left} => {right}):");
    for ((gold, predicted), count) in errors.into_iter().take(how_many) {
        println!("  {count:5}  [{gold}] => [{predicted}]");
    }
}

/// Documents rebuilt as running text, each with the byte offsets where its
/// gold sentences end.
fn running_documents(sentences: &[GoldSentence]) -> Vec<(String, Vec<usize>)> {
    let mut documents: Vec<(String, Vec<usize>)> = Vec::new();
    let mut no_space_before = false;
    for sentence in sentences {
        if sentence.starts_document || documents.is_empty() {
            documents.push((String::new(), Vec::new()));
        }
        let (text, ends) = documents.last_mut().expect("a document was pushed");
        if !text.is_empty() {
            if sentence.starts_paragraph {
                text.push('\n');
            } else if !no_space_before {
                text.push(' ');
            }
        }
        text.push_str(&sentence.text);
        ends.push(text.len());
        no_space_before = sentence.no_space_after;
    }
    documents
}

fn measure_speed(documents: &[String]) {
    const ROUNDS: usize = 10;
    let bytes: usize = documents.iter().map(String::len).sum();
    let mut docs: Vec<Document> = documents
        .iter()
        .map(|text| Document::new("bench", text.as_str()))
        .collect();
    // The fastest of several passes: the machine is shared, slower passes
    // measure the neighbours.
    let mut fastest = f64::INFINITY;
    let mut tokens = 0;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        tokens = 0;
        for doc in &mut docs {
            chancery_text::tokenize(doc);
            tokens += doc.tokens.len();
        }
        fastest = fastest.min(started.elapsed().as_secs_f64());
    }
    println!(
        "speed: tokenize() on {} training documents ({:.1} MB, {} tokens), fastest of {ROUNDS} passes: {:.3} s, {:.2} M tokens/s, {:.1} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        tokens,
        fastest,
        tokens as f64 / fastest / 1e6,
        bytes as f64 / fastest / 1e6
    );
}

/// Reads the sentences of a CoNLL-U file with the byte spans of their words.
fn read_conllu(path: &PathBuf) -> Result<Vec<GoldSentence>, Box<dyn std::error::Error>> {
    let content = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut sentences = Vec::new();
    let mut text = String::new();
    let mut starts_paragraph = false;
    let mut starts_document = false;
    let mut rows: Vec<Vec<&str>> = Vec::new();
    for line in content.lines() {
        if let Some(value) = line.strip_prefix("# text = ") {
            text = value.to_string();
        } else if line.starts_with("# newpar") {
            starts_paragraph = true;
        } else if line.starts_with("# newdoc") {
            starts_document = true;
            starts_paragraph = true;
        } else if line.is_empty() {
            if !rows.is_empty() {
                let (words, no_space_after) =
                    align_words(&text, &rows).map_err(|e| format!("{}: {e}", path.display()))?;
                sentences.push(GoldSentence {
                    text: std::mem::take(&mut text),
                    words,
                    no_space_after,
                    starts_paragraph,
                    starts_document,
                });
                rows.clear();
                starts_paragraph = false;
                starts_document = false;
            }
        } else if !line.starts_with('#') {
            rows.push(line.split('\t').collect());
        }
    }
    Ok(sentences)
}

/// Finds each surface token of a sentence in its text; multiword tokens give
/// their words' spans when the words spell the token out (`do` + `n't`).
fn align_words(text: &str, rows: &[Vec<&str>]) -> Result<(Vec<Range<usize>>, bool), String> {
    let mut words = Vec::new();
    let mut cursor = 0;
    let mut index = 0;
    let mut no_space_after = false;
    while index < rows.len() {
        let row = &rows[index];
        let id = row[0];
        if id.contains('.') {
            index += 1;
            continue;
        }
        let form = row[1];
        let start = cursor + text[cursor..].len() - text[cursor..].trim_start().len();
        if !text[start..].starts_with(form) {
            return Err(format!("cannot find {form:?} at byte {start} of {text:?}"));
        }
        let end = start + form.len();
        no_space_after = row[9].contains("SpaceAfter=No");
        if let Some((first, last)) = id.split_once('-') {
            let count = last.parse::<usize>().map_err(|e| e.to_string())?
                - first.parse::<usize>().map_err(|e| e.to_string())?
                + 1;
            let parts: Vec<&str> = rows[index + 1..index + 1 + count]
                .iter()
                .map(|r| r[1])
                .collect();
            if parts.concat() == form {
                let mut position = start;
                for part in parts {
                    words.push(position..position + part.len());
                    position += part.len();
                }
            } else {
                words.push(start..end);
            }
            index += count + 1;
        } else {
            words.push(start..end);
            index += 1;
        }
        cursor = end;
    }
    Ok((words, no_space_after))
}
