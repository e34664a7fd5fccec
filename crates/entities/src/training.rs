//! Training the labeller on GUM: averaged structured perceptrons over BILOU
//! tags with Viterbi decoding, trained with a margin (loss-augmented
//! decoding), three per pass trained in different example orders and
//! averaged, epochs chosen on dev, the shipped passes then trained on train
//! and dev together. The second pass learns
//! from first-pass labels of the training documents that come from models
//! which did not see those documents (jackknifing), as it will at run time.

use crate::evaluation::{evaluate, label_and_evaluate, Evaluation};
use crate::features::SentenceFeatures;
use crate::gum::{read_gum, GoldDocument, GoldError, GoldOrigin, NamedSpan};
use crate::labeller::{analyse_sentences, decode, PreparedDocument, Resources};
use crate::model::{models_to_bytes, KeyMap, Model, TagScores};
use crate::tags::{encode, TAG_COUNT};
use crate::{tags, ModelError, Recognizer};
use chancery_ling::Linguist;
use std::path::{Path, PathBuf};

/// Features seen fewer times than this in training are left out.
const MIN_FEATURE_COUNT: u32 = 1;
const MAX_EPOCHS: usize = 15;
/// Stop when dev F1 has not improved for this many epochs.
const PATIENCE: usize = 3;
/// The tagger saw the training text, so its tags there are better than on
/// new text; hiding this share of them keeps the labeller from leaning on
/// tags alone ("Brussels/NNS").
const HIDDEN_TAG_SHARE: f64 = 0.35;
/// Training documents are split in this many folds for the jackknife.
const FOLDS: usize = 5;
/// Perceptrons in the ensemble of [`fit`], each seeing its own example order.
const ORDERINGS: usize = 3;
/// The margin each wrong tag must lose by in training (loss-augmented
/// decoding). Five-fold cross-validation: 0.772 at 1, 0.776 at 1.5, 0.774
/// at 2, 0.773 at 3, and a larger cost for missed names than for false ones
/// (2 and 4) 0.756; before typographic quotes were read as ASCII ones, 0.769
/// without a margin, 0.772 at 3 and 0.758 at 10.
const WRONG_TAG_COST: f32 = 1.5;
/// How much a sentence of the documents written for the project counts in
/// training against one of GUM (the size of its perceptron updates): they
/// are denser in names than GUM and follow its conventions only as far as
/// a written brief can convey them, so they help most as a lighter voice.
/// Five-fold cross-validation with the shipped documents: 0.788 at 0.15,
/// 0.784 at 0.2, 0.789 at 0.3, against 0.776 without them (more in
/// `docs/quality.md`).
const WRITTEN_WEIGHT: f32 = 0.3;
/// Rows whose averaged weights all stay below this are dropped from the model.
const PRUNE_BELOW: f32 = 0.02;

#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error(transparent)]
    Gold(#[from] GoldError),
    #[error("no file ending in {suffix} in {dir}")]
    MissingSplit { dir: String, suffix: String },
    #[error("cannot list {dir}: {source}")]
    List { dir: String, source: std::io::Error },
    /// The shipped word profiles or knowledge base could not be read, or the
    /// written model could not be read back.
    #[error(transparent)]
    Resources(ModelError),
    #[error("no fold-0 folder of fold linguists in {dir} (see scripts/train_fold_linguists.sh)")]
    NoFoldLinguists { dir: String },
    #[error("linguistic models: {0}")]
    Linguist(chancery_ling::ModelError),
    #[error("cannot write the NER model to {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// Profiles words from unlabelled text: `.txt` files and the word forms of
/// `.conllu` files under `sources` (files or folders). Writes `out` (shipped
/// as `data/models/ner-words.tsv.gz`); returns the number of words profiled.
pub fn build_word_profiles(sources: &[&Path], out: &Path) -> Result<usize, std::io::Error> {
    crate::word_profiles::build_from_files(sources, out)
}

/// What a training run produced.
#[derive(Debug, Clone)]
pub struct TrainReport {
    /// Sentences the shipped passes learned from (train and dev).
    pub train_sentences: usize,
    /// Epochs of the first and second pass, chosen on dev.
    pub epochs: [usize; 2],
    /// Feature rows kept, both passes together.
    pub features: usize,
    pub model_bytes: usize,
    /// Dev scores of the passes trained on train only (pruned, quantised),
    /// before the final training on train and dev.
    pub dev: Evaluation,
}

/// The GUM file of a split (`train`, `dev`, `test`) in a directory.
pub fn split_file(gum_dir: &Path, split: &str) -> Result<PathBuf, TrainError> {
    let suffix = format!("-{split}.conllu");
    let entries = std::fs::read_dir(gum_dir).map_err(|source| TrainError::List {
        dir: gum_dir.display().to_string(),
        source,
    })?;
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(&suffix))
        .ok_or_else(|| TrainError::MissingSplit {
            dir: gum_dir.display().to_string(),
            suffix,
        })
}

struct Example {
    features: SentenceFeatures,
    gold: Vec<usize>,
    /// The size of the perceptron updates this example makes.
    weight: f32,
}

/// A split's documents, prepared once for both passes.
struct Split<'a> {
    documents: Vec<PreparedDocument<'a>>,
    gold: Vec<&'a GoldDocument>,
}

impl<'a> Split<'a> {
    /// Tags and parses each document with the linguist `analyst` gives for
    /// its index, as the pipeline will analyse new text. With `hide_tags`, a
    /// share of the tags is hidden (see [`HIDDEN_TAG_SHARE`]).
    fn new<'l>(
        documents: &'a [GoldDocument],
        analyst: impl Fn(usize) -> &'l Linguist,
        resources: &Resources,
        hide_tags: bool,
    ) -> Split<'a> {
        let mut shuffler = Shuffler(0x2545_f491_4f6c_dd1d);
        let prepared = documents
            .iter()
            .enumerate()
            .map(|(index, d)| {
                let sentences: Vec<Vec<&str>> = d
                    .sentences
                    .iter()
                    .map(|s| s.words.iter().map(String::as_str).collect())
                    .collect();
                let mut analyses = analyse_sentences(analyst(index), &sentences);
                if hide_tags {
                    for analysis in analyses.iter_mut().flatten() {
                        if shuffler.below(HIDDEN_TAG_SHARE) {
                            analysis.xpos.clear();
                        }
                    }
                }
                PreparedDocument::new(sentences, analyses, resources)
            })
            .collect();
        Split {
            documents: prepared,
            gold: documents.iter().collect(),
        }
    }

    /// Examples of the documents `which` picks; `first_pass` gives each
    /// document's first-pass names (second pass) or is None (first pass).
    fn examples(
        &self,
        first_pass: Option<&[Vec<Vec<NamedSpan>>]>,
        which: impl Fn(usize) -> bool,
    ) -> Vec<Example> {
        let mut examples = Vec::new();
        for (d, document) in self.documents.iter().enumerate().filter(|(d, _)| which(*d)) {
            let features = match first_pass {
                Some(first_pass) => document.second_pass_features(&first_pass[d]),
                None => document.first_pass_features().to_vec(),
            };
            let weight = match self.gold[d].origin {
                GoldOrigin::Gum => 1.0,
                GoldOrigin::Written => WRITTEN_WEIGHT,
            };
            for (features, gold) in features.into_iter().zip(&self.gold[d].sentences) {
                examples.push(Example {
                    gold: encode(features.len(), &gold.names),
                    features,
                    weight,
                });
            }
        }
        examples
    }
}

/// Dev scores of a model on prepared examples.
fn score(model: &Model, examples: &[Example]) -> Evaluation {
    let mut evaluation = Evaluation::default();
    for example in examples {
        let predicted = tags::decode(&model.decode(&example.features));
        evaluation.add_sentence(&predicted, &tags::decode(&example.gold));
    }
    evaluation
}

/// Weights with the bookkeeping for lazy averaging.
#[derive(Clone)]
struct Averaged {
    current: Vec<TagScores>,
    totals: Vec<[f64; TAG_COUNT]>,
    stamps: Vec<[u32; TAG_COUNT]>,
}

impl Averaged {
    fn new(rows: usize) -> Averaged {
        Averaged {
            current: vec![[0.0; TAG_COUNT]; rows],
            totals: vec![[0.0; TAG_COUNT]; rows],
            stamps: vec![[0; TAG_COUNT]; rows],
        }
    }

    fn update(&mut self, row: usize, tag: usize, delta: f32, now: u32) {
        let elapsed = f64::from(now - self.stamps[row][tag]);
        self.totals[row][tag] += elapsed * f64::from(self.current[row][tag]);
        self.stamps[row][tag] = now;
        self.current[row][tag] += delta;
    }

    fn average(&self, now: u32) -> Vec<TagScores> {
        let now_f = f64::from(now.max(1));
        (0..self.current.len())
            .map(|row| {
                let mut out = [0.0; TAG_COUNT];
                for (tag, value) in out.iter_mut().enumerate() {
                    let elapsed = f64::from(now - self.stamps[row][tag]);
                    let total = self.totals[row][tag] + elapsed * f64::from(self.current[row][tag]);
                    *value = (total / now_f) as f32;
                }
                out
            })
            .collect()
    }
}

/// Small deterministic generator for shuffling and sampling (xorshift64*).
struct Shuffler(u64);

impl Shuffler {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }

    /// True with probability `share`.
    fn below(&mut self, share: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= share
    }
}

#[derive(Clone)]
struct Trainer {
    index: KeyMap<u32>,
    emissions: Averaged,
    /// Transition rows `0..TAG_COUNT` and the start row `TAG_COUNT`.
    transitions: Averaged,
    updates: u32,
}

impl Trainer {
    fn new(examples: &[Example]) -> Trainer {
        let mut counts: KeyMap<u32> = KeyMap::default();
        for example in examples {
            for i in 0..example.features.len() {
                for &key in example.features.word(i) {
                    *counts.entry(key).or_default() += 1;
                }
            }
        }
        let mut kept: Vec<u64> = counts
            .into_iter()
            .filter(|&(_, c)| c >= MIN_FEATURE_COUNT)
            .map(|(k, _)| k)
            .collect();
        kept.sort_unstable();
        let index: KeyMap<u32> = kept
            .iter()
            .enumerate()
            .map(|(row, &k)| (k, row as u32))
            .collect();
        Trainer {
            emissions: Averaged::new(index.len()),
            transitions: Averaged::new(TAG_COUNT + 1),
            index,
            updates: 0,
        }
    }

    fn current_model(&self) -> Model {
        Model {
            index: self.index.clone(),
            weights: self.emissions.current.clone(),
            transitions: self.transitions.current.clone(),
        }
    }

    fn averaged_model(&self) -> Model {
        Model {
            index: self.index.clone(),
            weights: self.emissions.average(self.updates),
            transitions: self.transitions.average(self.updates),
        }
    }

    /// One pass; `model` mirrors the current weights for decoding.
    fn epoch(&mut self, examples: &[Example], order: &[usize], model: &mut Model) {
        for &e in order {
            let example = &examples[e];
            self.updates += 1;
            let predicted =
                model.decode_with_cost(&example.features, &example.gold, WRONG_TAG_COST);
            if predicted == example.gold {
                continue;
            }
            let now = self.updates;
            let mut previous = (TAG_COUNT, TAG_COUNT);
            for (i, (&gold, &guess)) in example.gold.iter().zip(&predicted).enumerate() {
                let step = example.weight;
                if gold != guess {
                    for key in example.features.word(i) {
                        if let Some(&row) = self.index.get(key) {
                            let row = row as usize;
                            self.emissions.update(row, gold, step, now);
                            self.emissions.update(row, guess, -step, now);
                            model.weights[row][gold] += step;
                            model.weights[row][guess] -= step;
                        }
                    }
                }
                if previous.0 != previous.1 || gold != guess {
                    self.transitions.update(previous.0, gold, step, now);
                    self.transitions.update(previous.1, guess, -step, now);
                    model.transitions[previous.0][gold] += step;
                    model.transitions[previous.1][guess] -= step;
                }
                previous = (gold, guess);
            }
        }
    }
}

/// Drops feature rows whose weights are all negligible.
fn prune(model: Model) -> Model {
    let mut index = KeyMap::default();
    let mut weights = Vec::new();
    let mut rows: Vec<(u64, u32)> = model.index.into_iter().collect();
    rows.sort_unstable();
    for (key, row) in rows {
        let scores = model.weights[row as usize];
        if scores.iter().any(|w| w.abs() >= PRUNE_BELOW) {
            index.insert(key, weights.len() as u32);
            weights.push(scores);
        }
    }
    Model {
        index,
        weights,
        transitions: model.transitions,
    }
}

/// One perceptron of the ensemble [`fit`] trains: its weights, the model
/// mirroring its current weights for decoding, and its example order.
struct Member {
    trainer: Trainer,
    model: Model,
    shuffler: Shuffler,
}

/// The mean of the members' averaged weights: perceptrons that saw the
/// examples in different orders make different mistakes, and their mean
/// makes fewer (five-fold cross-validation on train + dev: F1 0.724 with one,
/// 0.740 with three, 0.741 with six).
fn ensemble(members: &[Member]) -> Model {
    let mut models = members.iter().map(|m| m.trainer.averaged_model());
    let mut mean = models.next().expect("the ensemble has members");
    for model in models {
        let rows = mean.weights.iter_mut().zip(&model.weights);
        for (sum, row) in rows.chain(mean.transitions.iter_mut().zip(&model.transitions)) {
            for (s, w) in sum.iter_mut().zip(row) {
                *s += w;
            }
        }
    }
    let share = 1.0 / members.len() as f32;
    for row in mean.weights.iter_mut().chain(mean.transitions.iter_mut()) {
        for w in row.iter_mut() {
            *w *= share;
        }
    }
    mean
}

/// Trains an ensemble of [`ORDERINGS`] perceptrons for `epochs` epochs, or,
/// given dev examples, for the epoch count that scores best on them (stopping
/// after `PATIENCE` epochs without gain). Returns the ensemble's mean model
/// and its epoch count.
fn fit(examples: &[Example], dev: Option<&[Example]>, epochs: usize) -> (Model, usize) {
    let trainer = Trainer::new(examples);
    let mut members: Vec<Member> = (0..ORDERINGS)
        .map(|k| Member {
            model: trainer.current_model(),
            trainer: trainer.clone(),
            shuffler: Shuffler(0x9e37_79b9_7f4a_7c15 ^ (k as u64).wrapping_mul(0x0123_4567_89ab)),
        })
        .collect();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut best: Option<(f64, usize, Model)> = None;
    for epoch in 1..=epochs {
        for member in &mut members {
            member.shuffler.shuffle(&mut order);
            member.trainer.epoch(examples, &order, &mut member.model);
        }
        let Some(dev) = dev else { continue };
        let mean = ensemble(&members);
        let f1 = score(&mean, dev).overall.f1();
        eprintln!("ner epoch {epoch}: dev F1 {f1:.4}");
        if best.as_ref().is_none_or(|(b, _, _)| f1 > *b) {
            best = Some((f1, epoch, mean));
        } else if best.as_ref().is_some_and(|(_, e, _)| epoch - e >= PATIENCE) {
            break;
        }
    }
    match best {
        Some((_, epoch, model)) => (model, epoch),
        None => (ensemble(&members), epochs),
    }
}

/// First-pass names of every training document, each from a model trained
/// on the other folds.
fn jackknife(split: &Split, epochs: usize) -> Vec<Vec<Vec<NamedSpan>>> {
    let mut first_pass = vec![Vec::new(); split.documents.len()];
    for fold in 0..FOLDS {
        let training = split.examples(None, |d| d % FOLDS != fold);
        let (model, _) = fit(&training, None, epochs);
        for (d, document) in split
            .documents
            .iter()
            .enumerate()
            .filter(|(d, _)| d % FOLDS == fold)
        {
            first_pass[d] = decode(&model, document.first_pass_features());
        }
        eprintln!("ner jackknife fold {} of {FOLDS} done", fold + 1);
    }
    first_pass
}

/// How `train_passes` picks the number of epochs.
enum Tuning<'s, 'a> {
    /// The epoch counts that score best on this split.
    OnDev(&'s Split<'a>),
    /// These epoch counts (first pass, second pass).
    Epochs([usize; 2]),
}

/// Trains both passes on `split`; returns them with their epoch counts.
fn train_passes(split: &Split, tuning: &Tuning) -> (Model, Model, [usize; 2]) {
    let (dev, epochs) = match tuning {
        Tuning::OnDev(dev) => (Some(*dev), [MAX_EPOCHS; 2]),
        Tuning::Epochs(epochs) => (None, *epochs),
    };
    let first_dev = dev.map(|d| d.examples(None, |_| true));
    let first_examples = split.examples(None, |_| true);
    let (first_pass, first_epochs) = fit(&first_examples, first_dev.as_deref(), epochs[0]);

    let first_pass_names = jackknife(split, first_epochs);
    let second_dev = dev.map(|d| {
        let dev_names: Vec<Vec<Vec<NamedSpan>>> = d
            .documents
            .iter()
            .map(|document| decode(&first_pass, document.first_pass_features()))
            .collect();
        d.examples(Some(&dev_names), |_| true)
    });
    let second_examples = split.examples(Some(&first_pass_names), |_| true);
    let (second_pass, second_epochs) = fit(&second_examples, second_dev.as_deref(), epochs[1]);
    (first_pass, second_pass, [first_epochs, second_epochs])
}

/// The linguists that tag and parse GUM documents for training: the shipped
/// one, and the fold linguists of `scripts/train_fold_linguists.sh`
/// (`fold-0`, `fold-1`, … of a folder), each trained without the GUM training
/// documents `i` with `i mod folds` equal to its number. The shipped linguist
/// knows its training text almost perfectly (GUM train XPOS 0.997 and LAS
/// 0.981, dev 0.961 and 0.818); a fold linguist analyses its held-out
/// documents as wrongly as new text.
struct Analysts {
    shipped: Linguist,
    folds: Vec<Linguist>,
    /// Documents `0..train_count` are GUM training documents, in file order.
    train_count: usize,
    /// Whether training documents go to their fold linguists.
    jackknifed: bool,
}

impl Analysts {
    fn load(
        fold_dir: Option<&Path>,
        train_count: usize,
        jackknifed: bool,
    ) -> Result<Analysts, TrainError> {
        let mut folds = Vec::new();
        if let Some(dir) = fold_dir {
            loop {
                let fold = dir.join(format!("fold-{}", folds.len()));
                if !fold.is_dir() {
                    break;
                }
                folds.push(Linguist::from_dir(&fold).map_err(TrainError::Linguist)?);
            }
            if folds.is_empty() {
                return Err(TrainError::NoFoldLinguists {
                    dir: dir.display().to_string(),
                });
            }
        }
        Ok(Analysts {
            shipped: Linguist::load().map_err(TrainError::Linguist)?,
            jackknifed: jackknifed && !folds.is_empty(),
            folds,
            train_count,
        })
    }

    /// The linguist that analyses document `index` (training documents
    /// first, then dev) for training.
    fn for_training(&self, index: usize) -> &Linguist {
        if self.jackknifed && index < self.train_count {
            &self.folds[index % self.folds.len()]
        } else {
            &self.shipped
        }
    }

    /// Hiding a share of the tags stands in for jackknifing without folds.
    fn hide_tags(&self) -> bool {
        !self.jackknifed
    }
}

/// Picks the epoch counts on `<gum_dir>/*-dev.conllu` training on
/// `*-train.conllu` and the `written` documents (see [`crate::written`]),
/// then trains the shipped passes on all three together with those counts,
/// and writes the compressed model to `out`. GUM training documents are
/// analysed by the linguists in `fold_linguists` when given (see
/// [`Analysts`]), else by the shipped one, as dev and written documents are.
/// Progress goes to stderr.
pub fn train(
    gum_dir: &Path,
    out: &Path,
    fold_linguists: Option<&Path>,
    written: &[GoldDocument],
) -> Result<TrainReport, TrainError> {
    let train_documents = read_gum(&split_file(gum_dir, "train")?)?;
    let dev_documents = read_gum(&split_file(gum_dir, "dev")?)?;
    let resources = Resources::shipped().map_err(TrainError::Resources)?;
    let analysts = Analysts::load(
        fold_linguists,
        train_documents.len(),
        fold_linguists.is_some(),
    )?;
    let linguist = &analysts.shipped;
    let analyst = |index| analysts.for_training(index);
    let tuning_documents = gum_then_written(&train_documents, written);
    let train_split = Split::new(&tuning_documents, analyst, &resources, analysts.hide_tags());
    let dev_split = Split::new(&dev_documents, |_| linguist, &resources, false);
    let (first_pass, second_pass, epochs) = train_passes(&train_split, &Tuning::OnDev(&dev_split));
    let tuned = Recognizer {
        first_pass: prune(first_pass),
        second_pass: prune(second_pass),
        resources: resources.clone(),
    };
    let dev = evaluate(&tuned, linguist, &dev_documents);
    eprintln!("ner: dev scores before the final training on train + dev:\n{dev}");

    // GUM training documents come first, so `analyst` still finds their folds.
    let all_documents: Vec<GoldDocument> = train_documents
        .into_iter()
        .chain(dev_documents)
        .chain(written.iter().cloned())
        .collect();
    let all_split = Split::new(&all_documents, analyst, &resources, analysts.hide_tags());
    let (first_pass, second_pass, _) = train_passes(&all_split, &Tuning::Epochs(epochs));
    let (first_pass, second_pass) = (prune(first_pass), prune(second_pass));
    let bytes = models_to_bytes(&[&first_pass, &second_pass]);
    std::fs::write(out, &bytes).map_err(|source| TrainError::Write {
        path: out.display().to_string(),
        source,
    })?;
    // What was written must read back.
    Recognizer::from_bytes(&bytes, &out.display().to_string()).map_err(TrainError::Resources)?;
    Ok(TrainReport {
        train_sentences: all_split.documents.iter().map(|d| d.sentences.len()).sum(),
        epochs,
        features: first_pass.index.len() + second_pass.index.len(),
        model_bytes: bytes.len(),
        dev,
    })
}

/// How the training documents of [`cross_validate`] are analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainingAnalyses {
    /// By the shipped linguist, with a share of tags hidden (the default of
    /// [`train`] without fold linguists).
    Shipped,
    /// Each by the fold linguist that did not see it.
    Jackknifed,
}

/// A development harness: five-fold cross-validation over GUM train (folds
/// as in `scripts/train_fold_linguists.sh`), dev always in training. Each
/// held-out fold is analysed by its fold linguist, which never saw it, so
/// the scores estimate new text; `analyses` says how training documents are
/// analysed. Epoch counts are first chosen on dev. Each fold's model learns
/// from `train_share` of its training documents (1.0 for all; less draws a
/// learning curve), and from all of dev and of `written` (documents written
/// for the project, see [`crate::written`]).
pub fn cross_validate(
    gum_dir: &Path,
    fold_linguists: &Path,
    analyses: TrainingAnalyses,
    train_share: f64,
    written: &[GoldDocument],
) -> Result<CrossValidation, TrainError> {
    let train_documents = read_gum(&split_file(gum_dir, "train")?)?;
    let dev_documents = read_gum(&split_file(gum_dir, "dev")?)?;
    let resources = Resources::shipped().map_err(TrainError::Resources)?;
    let analysts = Analysts::load(
        Some(fold_linguists),
        train_documents.len(),
        analyses == TrainingAnalyses::Jackknifed,
    )?;
    let folds = &analysts.folds;
    let hide_tags = analysts.hide_tags();
    let tuning_documents = gum_then_written(&train_documents, written);
    let train_split = Split::new(
        &tuning_documents,
        |i| analysts.for_training(i),
        &resources,
        hide_tags,
    );
    let dev_split = Split::new(&dev_documents, |_| &analysts.shipped, &resources, false);
    let (_, _, epochs) = train_passes(&train_split, &Tuning::OnDev(&dev_split));
    eprintln!("cross-validation with epochs {epochs:?}");

    let mut total = Evaluation::default();
    let mut labelled = Vec::new();
    // Original indexes: training documents first, then dev and written ones.
    let others: Vec<&GoldDocument> = dev_documents.iter().chain(written).collect();
    for fold in 0..folds.len() {
        let kept: Vec<usize> = (0..train_documents.len() + others.len())
            .filter(|&i| {
                i >= train_documents.len()
                    || (i % folds.len() != fold && in_share(i / folds.len(), train_share))
            })
            .collect();
        let documents: Vec<GoldDocument> = kept
            .iter()
            .map(|&i| match train_documents.get(i) {
                Some(document) => document.clone(),
                None => others[i - train_documents.len()].clone(),
            })
            .collect();
        let split = Split::new(
            &documents,
            |k| analysts.for_training(kept[k]),
            &resources,
            hide_tags,
        );
        let (first_pass, second_pass, _) = train_passes(&split, &Tuning::Epochs(epochs));
        let recognizer = Recognizer {
            first_pass: prune(first_pass),
            second_pass: prune(second_pass),
            resources: resources.clone(),
        };
        let held_out: Vec<GoldDocument> = train_documents
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds.len() == fold)
            .map(|(_, d)| d.clone())
            .collect();
        let (scores, predicted) = label_and_evaluate(&recognizer, &folds[fold], &held_out);
        labelled.extend(held_out.into_iter().zip(predicted));
        eprintln!("fold {fold}: F1 {:.4}", scores.overall.f1());
        total.add(&scores);
    }
    Ok(CrossValidation {
        scores: total,
        labelled,
    })
}

/// GUM training documents followed by the `written` ones, for tuning the
/// epoch counts. The written documents come after GUM's, so
/// [`Analysts::for_training`] gives them the shipped linguist, which never
/// saw them.
fn gum_then_written(train: &[GoldDocument], written: &[GoldDocument]) -> Vec<GoldDocument> {
    train.iter().chain(written).cloned().collect()
}

/// Whether the document of rank `rank` within its fold is in a learning
/// curve's `share` of documents: a fixed spread-out draw, so that a larger
/// share keeps the documents of every smaller one.
fn in_share(rank: usize, share: f64) -> bool {
    let position = (rank as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 11;
    (position as f64 / (1u64 << 53) as f64) < share
}

/// What [`cross_validate`] found.
pub struct CrossValidation {
    /// Scores summed over the folds.
    pub scores: Evaluation,
    /// Each held-out document with the names its fold's recognizer gave
    /// each sentence.
    pub labelled: Vec<(GoldDocument, Vec<Vec<NamedSpan>>)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_examples_weight_scales_its_updates() {
        // One word, gold a one-word place, that an untrained model misses.
        let place = NamedSpan {
            words: 0..1,
            class: crate::gum::NameClass::Place,
        };
        let update_of = |weight: f32| {
            let examples = [Example {
                features: SentenceFeatures::from_word_keys(&[vec![11, 12]]),
                gold: encode(1, std::slice::from_ref(&place)),
                weight,
            }];
            let mut trainer = Trainer::new(&examples);
            let mut model = trainer.current_model();
            trainer.epoch(&examples, &[0], &mut model);
            let row = model.index[&11] as usize;
            model.weights[row][examples[0].gold[0]]
        };
        assert!(update_of(1.0) > 0.0);
        assert!((update_of(WRITTEN_WEIGHT) - WRITTEN_WEIGHT * update_of(1.0)).abs() < 1e-6);
    }

    #[test]
    fn learning_curve_shares_are_nested_and_near_their_size() {
        let ranks = 0..400;
        let kept = |share| {
            ranks
                .clone()
                .filter(|&r| in_share(r, share))
                .collect::<Vec<_>>()
        };
        assert_eq!(kept(1.0).len(), 400);
        let (quarter, half) = (kept(0.25), kept(0.5));
        assert!(quarter.iter().all(|r| half.contains(r)));
        assert!((70..130).contains(&quarter.len()), "{}", quarter.len());
        assert!((170..230).contains(&half.len()), "{}", half.len());
    }

    #[test]
    fn missing_fold_linguists_are_refused_with_the_folder_named() {
        // A folder without `fold-0`, and a `fold-0` without model files.
        for present in ["fold-1", "fold-0"] {
            let dir = tempfile::tempdir().unwrap();
            std::fs::create_dir(dir.path().join(present)).unwrap();
            let error = Analysts::load(Some(dir.path()), 0, true)
                .err()
                .expect("no usable fold-0");
            let message = error.to_string();
            assert!(message.contains("fold-0"), "{message}");
            assert!(
                message.contains(&dir.path().display().to_string()),
                "{message}"
            );
        }
    }
}
