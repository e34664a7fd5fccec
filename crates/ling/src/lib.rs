//! Part-of-speech tagger, lemmatizer and dependency parser trained in-project
//! on the UD English treebanks.
//!
//! [`Linguist`] bundles the shipped models and fills the tags, lemmas and
//! dependencies of a tokenized [`Document`]. Training lives in [`train`],
//! CoNLL-U input and output in [`conllu`].

mod codec;
pub mod conllu;
mod hashing;
mod labeler;
mod lemmatizer;
mod parser;
mod perceptron;
mod tagger;
pub mod train;
mod words;

use chancery_core::Document;
use codec::{Decoder, Encoder};
use labeler::Labeler;
use lemmatizer::Lemmatizer;
use parser::{Input, Parser};
use perceptron::Model;
use tagger::Tagger;
use thiserror::Error;
use words::WordKeys;

#[derive(Debug, Error)]
pub enum ModelError {
    #[error("{model} model: {problem}")]
    Corrupt {
        model: &'static str,
        problem: String,
    },
    #[error("{path}: cannot read model: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// File names of the models inside a model directory (`data/models`).
pub const TAGGER_FILE: &str = "tagger.bin";
pub const LEMMATIZER_FILE: &str = "lemmatizer.bin";
pub const PARSER_FILE: &str = "parser.bin";

const PARSER_MAGIC: &[u8; 8] = b"CHPARS02";
/// Weight resolution of the saved models (dev scores do not move down to 100).
const QUANTIZATION_LEVELS: u32 = 255;
/// Parser features whose weights stay below this share of the largest are
/// dropped: most features are rare words with tiny weights, and dropping
/// them keeps the model small and quick to load.
const PARSER_PRUNING: f32 = 0.01;

/// The dependency model: unlabeled parser, labeler and relation names.
pub(crate) struct DependencyModel {
    parser: Parser,
    labeler: Labeler,
    /// Relation names; index 0 is `root`.
    labels: Vec<String>,
}

impl DependencyModel {
    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Encoder::new(PARSER_MAGIC);
        out.strings(&self.labels);
        out.uint(self.parser.beam_width as u64);
        self.parser
            .model
            .encode(&mut out, QUANTIZATION_LEVELS, PARSER_PRUNING);
        self.labeler
            .model
            .encode(&mut out, QUANTIZATION_LEVELS, 0.0);
        out.finish()
    }

    fn from_bytes(bytes: &[u8]) -> Result<DependencyModel, ModelError> {
        let mut input = Decoder::new("parser", bytes, PARSER_MAGIC)?;
        let labels = input.strings()?;
        let beam_width = input.usize()?.max(1);
        let parser = Parser {
            model: Model::decode(&mut input)?,
            beam_width,
        };
        let labeler = Labeler {
            model: Model::decode(&mut input)?,
        };
        input.finish()?;
        if labels.first().map(String::as_str) != Some("root")
            || labeler.model.n_classes() != labels.len()
        {
            return Err(ModelError::Corrupt {
                model: "parser",
                problem: "relation list does not match the labeler".into(),
            });
        }
        Ok(DependencyModel {
            parser,
            labeler,
            labels,
        })
    }
}

/// The linguistic models, loaded once and shared read-only across threads.
pub struct Linguist {
    tagger: Tagger,
    lemmatizer: Lemmatizer,
    dependencies: DependencyModel,
}

/// What the models say about one sentence.
struct Analysis {
    tags: Vec<u16>,
    heads: Vec<usize>,
    labels: Vec<u16>,
}

/// The shipped models, compiled into the binary.
const SHIPPED_TAGGER: &[u8] = include_bytes!("../../../data/models/tagger.bin");
const SHIPPED_LEMMATIZER: &[u8] = include_bytes!("../../../data/models/lemmatizer.bin");
const SHIPPED_PARSER: &[u8] = include_bytes!("../../../data/models/parser.bin");

impl Linguist {
    /// The shipped models, compiled into the binary (from `data/models`).
    pub fn load() -> Result<Linguist, ModelError> {
        Linguist::from_bytes(SHIPPED_TAGGER, SHIPPED_LEMMATIZER, SHIPPED_PARSER)
    }

    /// Builds a linguist from the bytes of the three model files.
    pub fn from_bytes(
        tagger: &[u8],
        lemmatizer: &[u8],
        parser: &[u8],
    ) -> Result<Linguist, ModelError> {
        Ok(Linguist {
            tagger: Tagger::from_bytes(tagger)?,
            lemmatizer: Lemmatizer::from_bytes(lemmatizer)?,
            dependencies: DependencyModel::from_bytes(parser)?,
        })
    }

    /// Loads the models of a directory holding the three model files.
    pub fn from_dir(dir: &std::path::Path) -> Result<Linguist, ModelError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|source| ModelError::Io {
                path: path.display().to_string(),
                source,
            })
        };
        Linguist::from_bytes(
            &read(TAGGER_FILE)?,
            &read(LEMMATIZER_FILE)?,
            &read(PARSER_FILE)?,
        )
    }

    /// The same models parsing with another beam width: 1 is greedy and
    /// fastest; the shipped parser stores the run-time width chosen on the
    /// dev sets (see `chancery train parser --beam --run-beam`).
    pub fn with_beam_width(mut self, width: usize) -> Linguist {
        self.dependencies.parser.beam_width = width.max(1);
        self
    }

    fn analyze(&self, words: &[WordKeys]) -> Analysis {
        let ambiguity = self.tagger.ambiguity_of(words);
        let tags = self.tagger.tag_with_ambiguity(words, &ambiguity);
        let input = Input {
            words,
            tags: &tags,
            ambiguity: &ambiguity,
        };
        let heads = self.dependencies.parser.parse(&input);
        let labels = self.dependencies.labeler.label(&input, &heads);
        Analysis {
            tags,
            heads,
            labels,
        }
    }

    /// Fills upos, xpos, lemma, head (document-wide token index, None for
    /// the root) and deprel of every token of every sentence of a tokenized
    /// document.
    pub fn annotate(&self, doc: &mut Document) {
        let mut scratch = String::new();
        let mut words = Vec::new();
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            if range.is_empty() {
                continue;
            }
            words.clear();
            words.extend(
                range
                    .clone()
                    .map(|i| WordKeys::new(doc.token_text(i), &mut scratch)),
            );
            let analysis = self.analyze(&words);
            let n = range.len();
            for (k, i) in range.clone().enumerate() {
                let class = &self.tagger.classes()[usize::from(analysis.tags[k])];
                let lemma = self
                    .lemmatizer
                    .lemmatize(&doc.text[doc.tokens[i].span.clone()], &class.xpos);
                let token = &mut doc.tokens[i];
                token.upos = class.upos;
                token.xpos.clone_from(&class.xpos);
                token.lemma = lemma;
                let head = analysis.heads[k];
                token.head = (head != n).then_some(range.start + head);
                token
                    .deprel
                    .clone_from(&self.dependencies.labels[usize::from(analysis.labels[k])]);
            }
        }
    }
}
