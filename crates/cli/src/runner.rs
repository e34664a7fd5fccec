//! Runs the pipeline over inputs: documents are read in order, coded in
//! parallel batches across cores, and handed to a sink in input order.
//! Unreadable inputs are reported on stderr and counted, never fatal.

use crate::pipeline::Pipeline;
use chancery_actors::ActorMemory;
use chancery_core::{Document, LearnedActor};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

/// Documents coded together; large enough to keep every core busy.
const BATCH: usize = 64;

#[derive(Debug, Default, Clone, Copy)]
pub struct RunSummary {
    pub documents: usize,
    pub events: usize,
    /// Inputs that could not be read (each already reported on stderr).
    pub skipped: usize,
}

/// A coded document and the people it taught the resolver.
pub struct Coded {
    pub doc: Document,
    pub learned: Vec<LearnedActor>,
}

pub struct Runner<'a> {
    pipeline: &'a Pipeline,
    /// Learned actors by name: from the store, then from this run.
    known: BTreeMap<String, LearnedActor>,
}

impl<'a> Runner<'a> {
    pub fn new(pipeline: &'a Pipeline, known: Vec<LearnedActor>) -> Runner<'a> {
        let mut runner = Runner {
            pipeline,
            known: BTreeMap::new(),
        };
        runner.learn(known);
        runner
    }

    /// Reads, codes and sinks every input; `sink` sees documents in input order.
    pub fn run(
        &mut self,
        inputs: &[PathBuf],
        mut sink: impl FnMut(&Coded) -> anyhow::Result<()>,
    ) -> anyhow::Result<RunSummary> {
        let progress = progress_bar();
        let mut summary = RunSummary::default();
        let mut batch = Vec::with_capacity(BATCH);
        let mut reader = chancery_read::read_inputs(inputs);
        loop {
            let next = reader.next();
            let done = next.is_none();
            match next {
                Some(Ok(doc)) => batch.push(doc),
                Some(Err(err)) => {
                    progress.suspend(|| eprintln!("chancery: skipped {err}"));
                    summary.skipped += 1;
                }
                None => {}
            }
            if batch.len() == BATCH || (done && !batch.is_empty()) {
                for coded in self.code_batch(std::mem::take(&mut batch)) {
                    summary.documents += 1;
                    summary.events += coded.doc.events.len();
                    sink(&coded)?;
                    self.learn(coded.learned);
                }
                progress.set_message(format!(
                    "{} documents, {} events",
                    summary.documents, summary.events
                ));
            }
            if done {
                break;
            }
        }
        progress.finish_and_clear();
        Ok(summary)
    }

    fn code_batch(&self, docs: Vec<Document>) -> Vec<Coded> {
        let memory = ActorMemory::new(self.known.values().cloned().collect());
        docs.into_par_iter()
            .map(|mut doc| {
                self.pipeline.process_with(&mut doc, &memory);
                let learned = self.pipeline.learned(&doc);
                Coded { doc, learned }
            })
            .collect()
    }

    fn learn(&mut self, people: Vec<LearnedActor>) {
        for person in people {
            match self.known.get_mut(&person.name) {
                Some(seen) => {
                    seen.last_seen = person.last_seen.or(seen.last_seen.take());
                    if seen.country.is_none() {
                        seen.country = person.country;
                    }
                }
                None => {
                    self.known.insert(person.name.clone(), person);
                }
            }
        }
    }
}

/// A spinner with counts on stderr; indicatif hides it when stderr is not a terminal.
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {msg}")
            .expect("static progress template is valid"),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
