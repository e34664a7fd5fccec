//! Reproducible training of the shipped models from the UD English treebanks
//! (EWT and GUM train sets; dev sets for progress reports), and scoring of
//! a [`Linguist`] against gold CoNLL-U.

use crate::conllu::{self, ConlluError, Sentence};
use crate::hashing::Rng;
use crate::labeler::{LabelerTrainer, ROOT_LABEL};
use crate::lemmatizer::Lemmatizer;
use crate::parser::{self, Input, ParserTrainer};
use crate::tagger::{self, TagClass, Tagger};
use crate::words::WordKeys;
use crate::{DependencyModel, Linguist, ModelError, LEMMATIZER_FILE, PARSER_FILE, TAGGER_FILE};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum TrainError {
    #[error(transparent)]
    Conllu(#[from] ConlluError),
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("{path}: cannot write model: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// The treebanks trained on: (folder, file prefix) under the UD directory.
const TREEBANKS: [(&str, &str); 2] = [("en_ewt", "en_ewt-ud"), ("en_gum_open", "en_gum_open")];

/// Path of one split (`train`, `dev`, `test`) of a treebank.
pub fn treebank_file(ud: &Path, treebank: usize, split: &str) -> PathBuf {
    let (folder, prefix) = TREEBANKS[treebank];
    ud.join(folder).join(format!("{prefix}-{split}.conllu"))
}

/// Training sentences of every treebank, and each dev set by name.
struct Treebanks {
    train: Vec<Sentence>,
    dev: Vec<(&'static str, Vec<Sentence>)>,
}

fn load_treebanks(ud: &Path) -> Result<Treebanks, TrainError> {
    let mut train = Vec::new();
    let mut dev = Vec::new();
    for (k, (folder, _)) in TREEBANKS.iter().enumerate() {
        train.extend(conllu::read_file(&treebank_file(ud, k, "train"))?);
        dev.push((*folder, conllu::read_file(&treebank_file(ud, k, "dev"))?));
    }
    Ok(Treebanks { train, dev })
}

fn write_model(out: &Path, name: &str, bytes: &[u8]) -> Result<(), TrainError> {
    let path = out.join(name);
    let error = |source| TrainError::Write {
        path: path.display().to_string(),
        source,
    };
    std::fs::create_dir_all(out).map_err(error)?;
    std::fs::write(&path, bytes).map_err(error)
}

/// Trains the tagger and the lemmatizer and writes them to `out`.
pub fn train_tagger(
    ud: &Path,
    out: &Path,
    epochs: usize,
    progress: &mut dyn FnMut(&str),
) -> Result<(), TrainError> {
    let banks = load_treebanks(ud)?;
    progress(&format!(
        "tagger: {} training sentences, {} epochs",
        banks.train.len(),
        epochs
    ));
    let tagger = tagger::train(&banks.train, epochs, |epoch, tagger| {
        let scores: Vec<String> = banks
            .dev
            .iter()
            .map(|(name, dev)| {
                let (upos, xpos) = tagger::accuracy(tagger, dev);
                format!("{name} dev UPOS {upos:.4} XPOS {xpos:.4}")
            })
            .collect();
        progress(&format!("tagger epoch {epoch}: {}", scores.join(", ")));
    });
    progress(&format!(
        "tagger: {} weighted features",
        tagger.n_features()
    ));
    let lemmatizer = Lemmatizer::train(&banks.train);
    for (name, dev) in &banks.dev {
        let mut scratch = String::new();
        let (mut right, mut total) = (0, 0);
        for sentence in dev {
            let tags = tagger.tag(&tagger::sentence_words(sentence, &mut scratch));
            for (word, &tag) in sentence.words.iter().zip(&tags) {
                let lemma =
                    lemmatizer.lemmatize(&word.form, &tagger.classes()[usize::from(tag)].xpos);
                right += (lemma.to_lowercase() == word.lemma.to_lowercase()) as usize;
                total += 1;
            }
        }
        progress(&format!(
            "lemmatizer: {name} dev lemma accuracy {:.4} (predicted tags)",
            right as f64 / total.max(1) as f64
        ));
    }
    write_model(out, TAGGER_FILE, &tagger.to_bytes())?;
    write_model(out, LEMMATIZER_FILE, &Lemmatizer::to_bytes(&lemmatizer))
}

/// Tags of the training sentences, each predicted by a tagger that did not
/// see it (jackknifing), mapped to the class ids of `full`.
fn jackknife_tags(
    train: &[Sentence],
    full: &Tagger,
    folds: usize,
    epochs: usize,
    progress: &mut dyn FnMut(&str),
) -> Vec<Vec<u16>> {
    let class_ids: HashMap<&TagClass, u16> = full
        .classes()
        .iter()
        .enumerate()
        .map(|(i, c)| (c, i as u16))
        .collect();
    let fold_tags: Vec<Vec<(usize, Vec<u16>)>> = (0..folds)
        .into_par_iter()
        .map(|fold| {
            let held_in: Vec<Sentence> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != fold)
                .map(|(_, s)| s.clone())
                .collect();
            let fold_tagger = tagger::train(&held_in, epochs, |_, _| {});
            let mut scratch = String::new();
            train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds == fold)
                .map(|(i, sentence)| {
                    let tags = fold_tagger
                        .tag(&tagger::sentence_words(sentence, &mut scratch))
                        .into_iter()
                        .map(|t| {
                            let class = &fold_tagger.classes()[usize::from(t)];
                            class_ids.get(class).copied().unwrap_or(0)
                        })
                        .collect();
                    (i, tags)
                })
                .collect()
        })
        .collect();
    progress(&format!("jackknifed training tags over {folds} folds"));
    let mut tags = vec![Vec::new(); train.len()];
    for (i, sentence_tags) in fold_tags.into_iter().flatten() {
        tags[i] = sentence_tags;
    }
    tags
}

/// Gold heads in parser convention: word index, `len` for the root.
fn gold_heads(sentence: &Sentence) -> Vec<usize> {
    let n = sentence.words.len();
    sentence
        .words
        .iter()
        .map(|w| if w.head == 0 { n } else { w.head - 1 })
        .collect()
}

/// Parser inputs of a data set.
struct Prepared {
    words: Vec<Vec<WordKeys>>,
    tags: Vec<Vec<u16>>,
    ambiguity: Vec<Vec<u64>>,
}

impl Prepared {
    fn new(sentences: &[Sentence], tags: Vec<Vec<u16>>, tagger: &Tagger) -> Prepared {
        let mut scratch = String::new();
        let words: Vec<Vec<WordKeys>> = sentences
            .iter()
            .map(|s| tagger::sentence_words(s, &mut scratch))
            .collect();
        let ambiguity = words.iter().map(|w| tagger.ambiguity_of(w)).collect();
        Prepared {
            words,
            tags,
            ambiguity,
        }
    }

    fn input(&self, i: usize) -> Input<'_> {
        Input {
            words: &self.words[i],
            tags: &self.tags[i],
            ambiguity: &self.ambiguity[i],
        }
    }
}

/// Options of [`train_parser`] and [`train_labeler`].
pub struct ParserOptions {
    pub epochs: usize,
    /// Beam width in training.
    pub beam_width: usize,
    /// Beam width stored in the model for run time (the labeler keeps the
    /// parser's): narrower than in training parses faster, and a beam-8
    /// parser decoding with 6 was as accurate on dev.
    pub run_beam_width: usize,
    /// Jackknifing folds for the training tags.
    pub folds: usize,
    /// Epochs of each jackknife tagger.
    pub tagger_epochs: usize,
}

/// What parser and labeler training share: training inputs with jackknifed
/// tags, tagged dev sets, gold trees and the relation inventory.
struct DependencyData {
    train: Prepared,
    /// Gold heads and relation ids of each training sentence.
    gold: Vec<(Vec<usize>, Vec<u16>)>,
    devs: Vec<(&'static str, Vec<Sentence>, Prepared)>,
    /// Relation names; `root` first.
    labels: Vec<String>,
}

fn read_model(out: &Path, name: &str) -> Result<Vec<u8>, ModelError> {
    let path = out.join(name);
    std::fs::read(&path).map_err(|source| ModelError::Io {
        path: path.display().to_string(),
        source,
    })
}

fn prepare(
    ud: &Path,
    out: &Path,
    options: &ParserOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<DependencyData, TrainError> {
    let full_tagger = Tagger::from_bytes(&read_model(out, TAGGER_FILE)?)?;
    let banks = load_treebanks(ud)?;
    progress(&format!(
        "{} training sentences, {} epochs",
        banks.train.len(),
        options.epochs
    ));
    let train_tags = jackknife_tags(
        &banks.train,
        &full_tagger,
        options.folds,
        options.tagger_epochs,
        progress,
    );
    let train = Prepared::new(&banks.train, train_tags, &full_tagger);
    let mut scratch = String::new();
    let devs = banks
        .dev
        .into_iter()
        .map(|(name, sentences)| {
            let tags = sentences
                .iter()
                .map(|s| full_tagger.tag(&tagger::sentence_words(s, &mut scratch)))
                .collect();
            let prepared = Prepared::new(&sentences, tags, &full_tagger);
            (name, sentences, prepared)
        })
        .collect();
    let mut labels = vec!["root".to_string()];
    let mut label_ids: HashMap<String, u16> = HashMap::from([("root".to_string(), ROOT_LABEL)]);
    let gold = banks
        .train
        .iter()
        .map(|sentence| {
            let relations = sentence
                .words
                .iter()
                .map(|w| {
                    *label_ids.entry(w.deprel.clone()).or_insert_with(|| {
                        labels.push(w.deprel.clone());
                        (labels.len() - 1) as u16
                    })
                })
                .collect();
            (gold_heads(sentence), relations)
        })
        .collect();
    Ok(DependencyData {
        train,
        gold,
        devs,
        labels,
    })
}

/// Prints dev UAS, LAS, and the relation accuracy on gold trees.
fn report(
    epoch: usize,
    model: &DependencyModel,
    data: &DependencyData,
    progress: &mut dyn FnMut(&str),
) {
    let scores: Vec<String> = data
        .devs
        .iter()
        .map(|(name, sentences, prepared)| {
            let (uas, las) = attachment_scores(model, sentences, prepared);
            let relations = relation_accuracy(model, sentences, prepared);
            format!("{name} dev UAS {uas:.4} LAS {las:.4} (relations on gold trees {relations:.4})")
        })
        .collect();
    progress(&format!("epoch {epoch}: {}", scores.join(", ")));
}

/// Trains the parser and labeler on jackknifed tags, with the tagger already
/// in `out`, and writes the parser model to `out`.
pub fn train_parser(
    ud: &Path,
    out: &Path,
    options: &ParserOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<(), TrainError> {
    progress(&format!(
        "parser: beam width {} in training, {} at run time",
        options.beam_width, options.run_beam_width
    ));
    let data = prepare(ud, out, options, progress)?;
    let examples: Vec<parser::Example> = (0..data.gold.len())
        .map(|i| parser::Example {
            input: data.train.input(i),
            gold: data.gold[i].0.clone(),
        })
        .collect();
    let mut parser_trainer = ParserTrainer::new(options.beam_width);
    let mut labeler_trainer = LabelerTrainer::new(data.labels.len());
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::new(0x5eed);
    let mut model = None;
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        let shuffled: Vec<&parser::Example> = order.iter().map(|&i| &examples[i]).collect();
        parser_trainer.epoch(&shuffled);
        for &i in &order {
            labeler_trainer.learn(&data.train.input(i), &data.gold[i].0, &data.gold[i].1);
        }
        let mut parser = parser_trainer.parser();
        parser.beam_width = options.run_beam_width.max(1);
        let dependencies = DependencyModel {
            parser,
            labeler: labeler_trainer.labeler(),
            labels: data.labels.clone(),
        };
        report(epoch, &dependencies, &data, progress);
        model = Some(dependencies);
    }
    if let Some(model) = model {
        write_model(out, PARSER_FILE, &model.to_bytes())?;
    }
    Ok(())
}

/// Retrains only the relation labeler of the parser model in `out`, keeping
/// its transition model.
pub fn train_labeler(
    ud: &Path,
    out: &Path,
    options: &ParserOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<(), TrainError> {
    let mut model = DependencyModel::from_bytes(&read_model(out, PARSER_FILE)?)?;
    let data = prepare(ud, out, options, progress)?;
    let mut labeler_trainer = LabelerTrainer::new(data.labels.len());
    let mut order: Vec<usize> = (0..data.gold.len()).collect();
    let mut rng = Rng::new(0x1abe);
    model.labels.clone_from(&data.labels);
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            labeler_trainer.learn(&data.train.input(i), &data.gold[i].0, &data.gold[i].1);
        }
        model.labeler = labeler_trainer.labeler();
        report(epoch, &model, &data, progress);
    }
    write_model(out, PARSER_FILE, &model.to_bytes())
}

/// The relation without its subtype, as the scorer compares it.
fn universal(relation: &str) -> &str {
    relation.split(':').next().unwrap_or(relation)
}

fn attachment_scores(
    model: &DependencyModel,
    gold: &[Sentence],
    prepared: &Prepared,
) -> (f64, f64) {
    let (mut uas, mut las, mut total) = (0usize, 0usize, 0usize);
    for (i, sentence) in gold.iter().enumerate() {
        let input = prepared.input(i);
        let heads = model.parser.parse(&input);
        let labels = model.labeler.label(&input, &heads);
        let gold_heads = gold_heads(sentence);
        for (k, word) in sentence.words.iter().enumerate() {
            total += 1;
            if heads[k] == gold_heads[k] {
                uas += 1;
                las += (universal(&model.labels[usize::from(labels[k])]) == universal(&word.deprel))
                    as usize;
            }
        }
    }
    let total = total.max(1) as f64;
    (uas as f64 / total, las as f64 / total)
}

/// Share of words whose universal relation is right when the labeler is
/// given the gold tree.
fn relation_accuracy(model: &DependencyModel, gold: &[Sentence], prepared: &Prepared) -> f64 {
    let (mut right, mut total) = (0usize, 0usize);
    for (i, sentence) in gold.iter().enumerate() {
        let labels = model
            .labeler
            .label(&prepared.input(i), &gold_heads(sentence));
        for (word, label) in sentence.words.iter().zip(labels) {
            total += 1;
            right +=
                (universal(&model.labels[usize::from(label)]) == universal(&word.deprel)) as usize;
        }
    }
    right as f64 / total.max(1) as f64
}

/// Accuracy figures of a linguist on gold CoNLL-U, as score_conllu.py counts them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    pub uas: f64,
    pub las: f64,
    pub words: usize,
}

/// Annotates the gold sentences' words (gold tokenization) and scores them.
pub fn score(linguist: &Linguist, gold: &[Sentence]) -> Scores {
    let mut doc = conllu::to_document("gold", gold);
    linguist.annotate(&mut doc);
    let mut predicted = gold.to_vec();
    conllu::fill_from_document(&mut predicted, &doc);
    let mut counts = [0usize; 5];
    let mut words = 0;
    for (g, p) in gold
        .iter()
        .flat_map(|s| &s.words)
        .zip(predicted.iter().flat_map(|s| &s.words))
    {
        words += 1;
        counts[0] += (g.upos == p.upos) as usize;
        counts[1] += (g.xpos == p.xpos) as usize;
        counts[2] += (g.lemma.to_lowercase() == p.lemma.to_lowercase()) as usize;
        if g.head == p.head {
            counts[3] += 1;
            counts[4] += (universal(&g.deprel) == universal(&p.deprel)) as usize;
        }
    }
    let share = |c: usize| c as f64 / words.max(1) as f64;
    Scores {
        upos: share(counts[0]),
        xpos: share(counts[1]),
        lemma: share(counts[2]),
        uas: share(counts[3]),
        las: share(counts[4]),
        words,
    }
}
