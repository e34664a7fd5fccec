//! Entity-level scoring on GUM: a predicted name counts when its span and
//! class both match a gold name exactly.

use crate::gum::{GoldDocument, NameClass, NamedSpan};
use crate::Recognizer;
use chancery_ling::Linguist;
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores overall and per class.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    pub overall: Counts,
    pub per_class: BTreeMap<NameClass, Counts>,
}

impl Evaluation {
    /// Adds another evaluation's counts (scores over several document sets).
    pub fn add(&mut self, other: &Evaluation) {
        self.overall.add(other.overall);
        for (class, counts) in &other.per_class {
            self.per_class.entry(*class).or_default().add(*counts);
        }
    }

    /// Adds one sentence's predicted and gold names.
    pub fn add_sentence(&mut self, predicted: &[NamedSpan], gold: &[NamedSpan]) {
        for class in NameClass::ALL {
            let of_class = |names: &[NamedSpan]| -> Vec<std::ops::Range<usize>> {
                names
                    .iter()
                    .filter(|n| n.class == class)
                    .map(|n| n.words.clone())
                    .collect()
            };
            let (p, g) = (of_class(predicted), of_class(gold));
            let matched = p.iter().filter(|span| g.contains(span)).count();
            let counts = Counts {
                true_positives: matched,
                false_positives: p.len() - matched,
                false_negatives: g.len() - matched,
            };
            self.per_class.entry(class).or_default().add(counts);
            self.overall.add(counts);
        }
    }
}

impl fmt::Display for Evaluation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<14} {:>6} {:>6} {:>6} {:>6}",
            "class", "P", "R", "F1", "gold"
        )?;
        let rows = self
            .per_class
            .iter()
            .map(|(class, counts)| (class.to_string(), counts))
            .chain(std::iter::once(("overall".to_string(), &self.overall)));
        for (name, counts) in rows {
            writeln!(
                f,
                "{:<14} {:>6.3} {:>6.3} {:>6.3} {:>6}",
                name,
                counts.precision(),
                counts.recall(),
                counts.f1(),
                counts.true_positives + counts.false_negatives
            )?;
        }
        Ok(())
    }
}

/// Runs the recognizer over gold documents, tagged by `linguist`, and scores it.
pub fn evaluate(
    recognizer: &Recognizer,
    linguist: &Linguist,
    documents: &[GoldDocument],
) -> Evaluation {
    label_and_evaluate(recognizer, linguist, documents).0
}

/// [`evaluate`], also returning the names given to each sentence of each
/// document.
pub fn label_and_evaluate(
    recognizer: &Recognizer,
    linguist: &Linguist,
    documents: &[GoldDocument],
) -> (Evaluation, Vec<Vec<Vec<NamedSpan>>>) {
    let mut evaluation = Evaluation::default();
    let mut labelled = Vec::with_capacity(documents.len());
    for document in documents {
        let predicted = label_gold_document(recognizer, linguist, document);
        for (names, gold) in predicted.iter().zip(&document.sentences) {
            evaluation.add_sentence(names, &gold.names);
        }
        labelled.push(predicted);
    }
    (evaluation, labelled)
}

/// The recognizer's names in each sentence of a gold document, whose words
/// `linguist` tags and parses first.
pub fn label_gold_document(
    recognizer: &Recognizer,
    linguist: &Linguist,
    document: &GoldDocument,
) -> Vec<Vec<NamedSpan>> {
    let sentences: Vec<Vec<&str>> = document
        .sentences
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let analyses = crate::labeller::analyse_sentences(linguist, &sentences);
    recognizer.label(&sentences, analyses)
}

/// The sentences of a labelled document where the recognizer erred, each
/// with the gold names it missed (`FN`) and the names it gave wrongly (`FP`).
pub fn describe_errors(document: &GoldDocument, predicted: &[Vec<NamedSpan>]) -> String {
    let show = |words: &[String], names: &[NamedSpan], left_out: &[NamedSpan]| {
        let shown: Vec<String> = names
            .iter()
            .filter(|name| !left_out.contains(name))
            .map(|name| format!("{}/{}", words[name.words.clone()].join(" "), name.class))
            .collect();
        shown.join("; ")
    };
    let mut out = String::new();
    for (names, gold) in predicted.iter().zip(&document.sentences) {
        let missed = show(&gold.words, &gold.names, names);
        let wrong = show(&gold.words, names, &gold.names);
        if !missed.is_empty() || !wrong.is_empty() {
            out += &format!(
                "{} | {}\n   FN: {missed}\n   FP: {wrong}\n",
                document.id,
                gold.words.join(" ")
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_span_and_class_are_both_required() {
        let gold = vec![
            NamedSpan {
                words: 0..2,
                class: NameClass::Person,
            },
            NamedSpan {
                words: 4..5,
                class: NameClass::Place,
            },
        ];
        let predicted = vec![
            NamedSpan {
                words: 0..2,
                class: NameClass::Person,
            },
            NamedSpan {
                words: 4..5,
                class: NameClass::Organization,
            },
            NamedSpan {
                words: 6..7,
                class: NameClass::Person,
            },
        ];
        let mut evaluation = Evaluation::default();
        evaluation.add_sentence(&predicted, &gold);
        assert_eq!(evaluation.overall.true_positives, 1);
        assert_eq!(evaluation.overall.false_positives, 2);
        assert_eq!(evaluation.overall.false_negatives, 1);
        assert!((evaluation.overall.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!((evaluation.overall.recall() - 0.5).abs() < 1e-9);
        assert!((evaluation.overall.f1() - 0.4).abs() < 1e-9);
    }
}
