//! CoNLL-U reading and writing, and the bridge between CoNLL-U sentences and
//! a chancery [`Document`].
//!
//! Multiword-token ranges (`3-4`) and empty nodes (`8.1`) are kept verbatim so
//! that a file written back has the same lines in the same order; only the
//! syntactic words are annotated.

use chancery_core::{Document, Sentence as DocSentence, Token, Upos, ZoneKind};
use std::fmt::Write as _;
use std::path::Path;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ConlluError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {problem}")]
    Syntax {
        path: String,
        line: usize,
        problem: String,
    },
}

/// One syntactic word (a line with an integer ID).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root, else the 1-based ID of the head word.
    pub head: usize,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

/// One sentence: comments, words, and the other lines kept verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    pub comments: Vec<String>,
    pub words: Vec<Word>,
    /// Multiword-token and empty-node lines, with the index of the word they precede.
    pub other_lines: Vec<(usize, String)>,
}

/// Parses CoNLL-U text; `origin` names the input in error messages.
pub fn parse(text: &str, origin: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    let syntax = |line: usize, problem: String| ConlluError::Syntax {
        path: origin.to_string(),
        line,
        problem,
    };
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.words.is_empty() || !current.comments.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            current.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(syntax(
                line_no,
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            current
                .other_lines
                .push((current.words.len(), line.to_string()));
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| syntax(line_no, format!("bad word ID {:?}", cols[0])))?;
        if id != current.words.len() + 1 {
            return Err(syntax(
                line_no,
                format!(
                    "word ID {id} out of sequence (expected {})",
                    current.words.len() + 1
                ),
            ));
        }
        let head = match cols[6] {
            "_" => 0,
            value => value
                .parse()
                .map_err(|_| syntax(line_no, format!("bad HEAD {value:?}")))?,
        };
        current.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    for (k, sentence) in sentences.iter().enumerate() {
        let n = sentence.words.len();
        if let Some(word) = sentence.words.iter().find(|w| w.head > n) {
            return Err(ConlluError::Syntax {
                path: origin.to_string(),
                line: 0,
                problem: format!("sentence {}: HEAD {} beyond the sentence", k + 1, word.head),
            });
        }
    }
    Ok(sentences
        .into_iter()
        .filter(|s| !s.words.is_empty())
        .collect())
}

/// Reads and parses a CoNLL-U file.
pub fn read_file(path: &Path) -> Result<Vec<Sentence>, ConlluError> {
    let origin = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| ConlluError::Io {
        path: origin.clone(),
        source,
    })?;
    parse(&text, &origin)
}

/// Writes sentences as CoNLL-U, each followed by a blank line.
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for sentence in sentences {
        for comment in &sentence.comments {
            out.push_str(comment);
            out.push('\n');
        }
        let mut others = sentence.other_lines.iter().peekable();
        for (i, word) in sentence.words.iter().enumerate() {
            while let Some((_, line)) = others.next_if(|(at, _)| *at <= i) {
                out.push_str(line);
                out.push('\n');
            }
            let dash = |s: &str| {
                if s.is_empty() {
                    "_".to_string()
                } else {
                    s.to_string()
                }
            };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                i + 1,
                word.form,
                dash(&word.lemma),
                dash(&word.upos),
                dash(&word.xpos),
                dash(&word.feats),
                word.head,
                dash(&word.deprel),
                dash(&word.deps),
                dash(&word.misc),
            );
        }
        for (_, line) in others {
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// A document whose text is the word forms joined by spaces (one sentence
/// per line), with one token per word and one body sentence per CoNLL-U
/// sentence. Gold annotations are not copied.
pub fn to_document(id: &str, sentences: &[Sentence]) -> Document {
    let mut doc = Document::new(id, String::new());
    for sentence in sentences {
        if !doc.text.is_empty() {
            doc.text.push('\n');
        }
        let first_token = doc.tokens.len();
        let start = doc.text.len();
        for (i, word) in sentence.words.iter().enumerate() {
            if i > 0 {
                doc.text.push(' ');
            }
            let begin = doc.text.len();
            doc.text.push_str(&word.form);
            doc.tokens.push(Token {
                span: begin..doc.text.len(),
                ..Token::default()
            });
        }
        doc.sentences.push(DocSentence {
            span: start..doc.text.len(),
            tokens: first_token..doc.tokens.len(),
            zone: ZoneKind::Body,
        });
    }
    doc
}

/// CoNLL-U sentences from an annotated document: one per document sentence,
/// with FORM, LEMMA, UPOS, XPOS, HEAD and DEPREL from its tokens.
pub fn from_document(doc: &Document) -> Vec<Sentence> {
    doc.sentences
        .iter()
        .map(|sentence| {
            let first = sentence.tokens.start;
            let words = sentence
                .tokens
                .clone()
                .map(|i| word_of(doc, i, first))
                .collect();
            Sentence {
                comments: vec![format!(
                    "# text = {}",
                    doc.slice(&sentence.span).replace('\n', " ")
                )],
                words,
                other_lines: Vec::new(),
            }
        })
        .collect()
}

/// Copies the predicted annotation of `doc` (built by [`to_document`] from
/// `sentences`) back into the sentences. FEATS and DEPS, which the models do
/// not predict, are cleared so no input value passes for a prediction; MISC
/// and the verbatim lines are kept.
pub fn fill_from_document(sentences: &mut [Sentence], doc: &Document) {
    for (sentence, doc_sentence) in sentences.iter_mut().zip(&doc.sentences) {
        let first = doc_sentence.tokens.start;
        for (word, i) in sentence.words.iter_mut().zip(doc_sentence.tokens.clone()) {
            let predicted = word_of(doc, i, first);
            word.lemma = predicted.lemma;
            word.upos = predicted.upos;
            word.xpos = predicted.xpos;
            word.head = predicted.head;
            word.deprel = predicted.deprel;
            word.feats = "_".into();
            word.deps = "_".into();
        }
    }
}

fn word_of(doc: &Document, i: usize, sentence_start: usize) -> Word {
    let token = &doc.tokens[i];
    Word {
        form: doc.token_text(i).replace(char::is_whitespace, "_"),
        lemma: token.lemma.clone(),
        upos: token.upos.as_str().to_string(),
        xpos: token.xpos.clone(),
        head: token.head.map_or(0, |h| h + 1 - sentence_start),
        deprel: token.deprel.clone(),
        ..Word::default()
    }
}

/// The gold UPOS of a word, `X` when unknown.
pub fn upos_of(word: &Word) -> Upos {
    Upos::parse(&word.upos).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = 1\n# text = They won't go.\n\
1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\two\twill\tAUX\tMD\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn round_trips_with_multiword_lines() {
        let sentences = parse(SAMPLE, "sample").unwrap();
        assert_eq!(sentences.len(), 1);
        assert_eq!(sentences[0].words.len(), 5);
        assert_eq!(sentences[0].words[1].lemma, "will");
        assert_eq!(sentences[0].words[2].head, 4);
        assert_eq!(sentences[0].words[3].head, 0);
        assert_eq!(write(&sentences), SAMPLE);
    }

    #[test]
    fn documents_join_forms_and_index_tokens_document_wide() {
        let mut sentences = parse(SAMPLE, "sample").unwrap();
        sentences.push(sentences[0].clone());
        let doc = to_document("d", &sentences);
        assert_eq!(doc.tokens.len(), 10);
        assert_eq!(doc.sentences[1].tokens, 5..10);
        assert_eq!(doc.token_text(6), "wo");
        assert!(doc.text.starts_with("They wo n't go ."));
    }

    #[test]
    fn errors_name_the_input_and_line() {
        let err = parse("1\tA\ta\n", "bad.conllu").unwrap_err().to_string();
        assert!(err.starts_with("bad.conllu:1:"), "{err}");
        let err = parse("2\tA\ta\tX\tX\t_\t0\troot\t_\t_\n", "gap.conllu")
            .unwrap_err()
            .to_string();
        assert!(err.contains("out of sequence"), "{err}");
    }
}
