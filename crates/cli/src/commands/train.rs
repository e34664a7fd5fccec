//! `chancery train`: rebuilds the shipped models from training data.
//!
//! Examples:
//!   chancery train tagger                 # tagger + lemmatizer into data/models
//!   chancery train parser --epochs 10     # parser + labeler (needs the tagger)
//!   chancery train labeler                # retrains the labeler, keeps the parser
//!   chancery train ner                    # entity recognizer (needs the tagger)

use anyhow::Context;
use chancery_ling::train::{train_labeler, train_parser, train_tagger, ParserOptions};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    model: Model,
}

/// Options shared by the linguistic models.
#[derive(clap::Args)]
struct UdOptions {
    /// Folder holding en_ewt/ and en_gum_open/ UD treebanks.
    #[arg(long, default_value = "../shared/data/ud")]
    ud: PathBuf,
    /// Folder the model files are written to.
    #[arg(long, default_value = "data/models")]
    out: PathBuf,
}

#[derive(clap::Subcommand)]
enum Model {
    /// Part-of-speech tagger and lemmatizer (tagger.bin, lemmatizer.bin).
    Tagger {
        #[command(flatten)]
        data: UdOptions,
        /// Passes over the training data.
        #[arg(long, default_value_t = 8)]
        epochs: usize,
    },
    /// Dependency parser and relation labeler (parser.bin); uses the tagger in --out.
    Parser {
        #[command(flatten)]
        data: UdOptions,
        #[command(flatten)]
        dependency: DependencyOptions,
        /// Beam width in training.
        #[arg(long, default_value_t = 8)]
        beam: usize,
        /// Beam width stored in the model for run time (6 parses faster
        /// than 8 and was as accurate on the dev sets).
        #[arg(long, default_value_t = 6)]
        run_beam: usize,
    },
    /// Relation labeler only: rewrites parser.bin in --out, keeping its parser.
    Labeler {
        #[command(flatten)]
        data: UdOptions,
        #[command(flatten)]
        dependency: DependencyOptions,
    },
    /// Named-entity recognizer from GUM's entity annotations, with the shipped tagger.
    Ner {
        /// Folder holding the GUM train and dev CoNLL-U files.
        #[arg(long, default_value = "../shared/data/ud/en_gum_open")]
        gum: PathBuf,
        /// The model file to write.
        #[arg(long, default_value = "data/models/ner.model.gz")]
        out: PathBuf,
        /// Folder of linguists that each did not see one fold of GUM train
        /// (from scripts/train_fold_linguists.sh), to analyse the training
        /// documents as the shipped linguist analyses new text.
        #[arg(long)]
        fold_linguists: Option<PathBuf>,
        /// Folder of training documents written for the project, names
        /// marked `[[Name|class]]` (see data/training/entities/README.md).
        #[arg(long, default_value = "data/training/entities")]
        written: PathBuf,
    },
}

/// Options shared by parser and labeler training.
#[derive(clap::Args)]
struct DependencyOptions {
    /// Passes over the training data.
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    /// Jackknifing folds for the part-of-speech tags the models train on.
    #[arg(long, default_value_t = 4)]
    folds: usize,
    /// Passes of each jackknifing tagger.
    #[arg(long, default_value_t = 8)]
    tagger_epochs: usize,
}

impl DependencyOptions {
    fn with_beam(&self, beam_width: usize, run_beam_width: usize) -> ParserOptions {
        ParserOptions {
            epochs: self.epochs,
            beam_width,
            run_beam_width,
            folds: self.folds.max(2),
            tagger_epochs: self.tagger_epochs,
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut progress = |line: &str| {
        eprintln!("[{:>6.1}s] {line}", started.elapsed().as_secs_f64());
    };
    match args.model {
        Model::Tagger { data, epochs } => {
            train_tagger(&data.ud, &data.out, epochs, &mut progress)
                .context("training the tagger")?;
        }
        Model::Parser {
            data,
            dependency,
            beam,
            run_beam,
        } => {
            train_parser(
                &data.ud,
                &data.out,
                &dependency.with_beam(beam, run_beam),
                &mut progress,
            )
            .context("training the parser")?;
        }
        Model::Labeler { data, dependency } => {
            // The beam width stays the one stored with the parser.
            train_labeler(
                &data.ud,
                &data.out,
                &dependency.with_beam(1, 1),
                &mut progress,
            )
            .context("training the labeler")?;
        }
        Model::Ner {
            gum,
            out,
            fold_linguists,
            written,
        } => {
            let written = chancery_entities::written::read_written_dir(&written)
                .context("reading the written training documents")?;
            let report =
                chancery_entities::training::train(&gum, &out, fold_linguists.as_deref(), &written)
                    .context("training the entity recognizer")?;
            progress(&format!(
                "wrote {} ({} bytes) from {} sentences; dev F1 before the final pass {:.4}",
                out.display(),
                report.model_bytes,
                report.train_sentences,
                report.dev.overall.f1()
            ));
        }
    }
    progress("done");
    Ok(ExitCode::SUCCESS)
}
