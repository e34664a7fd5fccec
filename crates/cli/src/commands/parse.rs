//! `chancery parse`: tags, lemmatizes and parses text with the shipped models.
//!
//! Examples:
//!   chancery parse --conllu < article.txt                      # raw text, project tokenizer
//!   chancery parse --conllu --pretokenized < gold.conllu > pred.conllu
//!   chancery parse article.txt                                 # JSON line per sentence

use anyhow::Context;
use chancery_core::{CharIndex, Document};
use chancery_ling::{conllu, Linguist};
use rayon::prelude::*;
use serde_json::json;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Input files; none (or `-`) reads stdin.
    pub inputs: Vec<PathBuf>,
    /// Write CoNLL-U (default: one JSON object per sentence, character offsets).
    #[arg(long)]
    pub conllu: bool,
    /// The input is CoNLL-U: keep its words and sentences, replace LEMMA,
    /// UPOS, XPOS, HEAD and DEPREL.
    #[arg(long)]
    pub pretokenized: bool,
}

/// Sentences per document when pretokenized input is parsed in parallel.
const SENTENCES_PER_CHUNK: usize = 256;

fn read_input(path: &PathBuf) -> anyhow::Result<(String, String)> {
    let name = path.display().to_string();
    let mut text = String::new();
    if name == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read stdin")?;
        Ok(("stdin".into(), text))
    } else {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {name}"))?;
        Ok((name, text))
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let linguist = Linguist::load().context("loading the linguistic models")?;
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for path in &inputs {
        let (name, text) = read_input(path)?;
        if args.pretokenized {
            let mut sentences = conllu::parse(&text, &name)?;
            let docs: Vec<Document> = sentences
                .par_chunks_mut(SENTENCES_PER_CHUNK)
                .map(|chunk| {
                    let mut doc = conllu::to_document(&name, chunk);
                    linguist.annotate(&mut doc);
                    conllu::fill_from_document(chunk, &doc);
                    doc
                })
                .collect();
            if args.conllu {
                out.write_all(conllu::write(&sentences).as_bytes())?;
            } else {
                for doc in &docs {
                    write_json(&mut out, doc)?;
                }
            }
        } else {
            let mut doc = Document::new(name, text);
            chancery_text::tokenize(&mut doc);
            linguist.annotate(&mut doc);
            if args.conllu {
                out.write_all(conllu::write(&conllu::from_document(&doc)).as_bytes())?;
            } else {
                write_json(&mut out, &doc)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One JSON object per sentence; offsets are characters, heads sentence-relative (0 = root).
fn write_json(out: &mut impl Write, doc: &Document) -> anyhow::Result<()> {
    let chars = CharIndex::new(&doc.text);
    for sentence in &doc.sentences {
        let first = sentence.tokens.start;
        let tokens: Vec<_> = sentence
            .tokens
            .clone()
            .map(|i| {
                let token = &doc.tokens[i];
                json!({
                    "id": i + 1 - first,
                    "text": doc.token_text(i),
                    "start": chars.char_offset(token.span.start),
                    "end": chars.char_offset(token.span.end),
                    "lemma": token.lemma,
                    "upos": token.upos.as_str(),
                    "xpos": token.xpos,
                    "head": token.head.map_or(0, |h| h + 1 - first),
                    "deprel": token.deprel,
                })
            })
            .collect();
        let line = json!({ "doc_id": doc.id, "text": doc.slice(&sentence.span), "tokens": tokens });
        writeln!(out, "{line}")?;
    }
    Ok(())
}
