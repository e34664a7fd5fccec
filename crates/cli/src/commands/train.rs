//! `chancery train`: rebuilds the shipped models from training data.
//!
//! Examples:
//!   chancery train tagger                 # tagger + lemmatizer into data/models
//!   chancery train parser --epochs 12     # parser + labeler (needs the tagger)

use anyhow::Context;
use chancery_ling::train::{train_parser, train_tagger, ParserOptions};
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
        /// Passes over the training data.
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        /// Jackknifing folds for the part-of-speech tags the parser trains on.
        #[arg(long, default_value_t = 4)]
        folds: usize,
        /// Passes of each jackknifing tagger.
        #[arg(long, default_value_t = 8)]
        tagger_epochs: usize,
    },
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
            epochs,
            folds,
            tagger_epochs,
        } => {
            let options = ParserOptions {
                epochs,
                folds: folds.max(2),
                tagger_epochs,
            };
            train_parser(&data.ud, &data.out, &options, &mut progress)
                .context("training the parser")?;
        }
    }
    progress("done");
    Ok(ExitCode::SUCCESS)
}
