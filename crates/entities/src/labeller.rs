//! Labelling a document in two passes. The first pass labels each sentence
//! on its own evidence; the second also sees what the first made of the same
//! word elsewhere in the document ("Isabel Ruiz" was a person, so a later bare
//! "Isabel" is one too), which keeps a document's names consistent, and what
//! it made of the names coordinated with each name ("Plato and
//! Aristotle": one known person makes the other likelier one too).

use crate::features::{extract, DocumentContext, ListEvidence, SentenceFeatures, WordAnalysis};
use crate::gazetteer::{word_labels, NameWords};
use crate::gum::{NameClass, NamedSpan};
use crate::model::{Model, ModelError};
use crate::tags;
use crate::word_profiles::WordProfiles;
use chancery_kb::KnowledgeBase;
use std::collections::HashMap;
use std::sync::Arc;

/// The data the features read besides the text.
#[derive(Debug, Clone)]
pub struct Resources {
    pub profiles: WordProfiles,
    pub kb: Arc<KnowledgeBase>,
    pub name_words: Arc<NameWords>,
}

/// Word profiles from unlabelled text, which the model's features use.
const SHIPPED_WORD_PROFILES: &[u8] = include_bytes!("../../../data/models/ner-words.tsv.gz");

impl Resources {
    /// The shipped word profiles and the built-in knowledge base.
    pub fn shipped() -> Result<Resources, ModelError> {
        let profiles = WordProfiles::from_bytes(
            SHIPPED_WORD_PROFILES,
            "data/models/ner-words.tsv.gz (built in)",
        )?;
        let kb = KnowledgeBase::load(&[]).map_err(|error| ModelError::Corrupt {
            origin: "the built-in knowledge base (data/actors)".to_string(),
            problem: error.to_string(),
        })?;
        Ok(Resources {
            profiles,
            name_words: Arc::new(NameWords::new(&kb)),
            kb: Arc::new(kb),
        })
    }
}

/// A document's sentences with the evidence that needs no model.
pub struct PreparedDocument<'a> {
    pub sentences: Vec<Vec<&'a str>>,
    /// Knowledge-base label of every word (see [`word_labels`]).
    pub gazetteer: Vec<Vec<String>>,
    /// First-pass features of every sentence.
    features: Vec<SentenceFeatures>,
    /// Coordinated capitalised words of every sentence (see [`conjunct_pairs`]).
    conjunct_pairs: Vec<Vec<(usize, usize)>>,
}

impl<'a> PreparedDocument<'a> {
    pub fn new(
        sentences: Vec<Vec<&'a str>>,
        analyses: Vec<Vec<WordAnalysis>>,
        resources: &Resources,
    ) -> PreparedDocument<'a> {
        let context = DocumentContext::new(
            sentences
                .iter()
                .map(Vec::as_slice)
                .zip(analyses.iter().map(Vec::as_slice)),
            |lemma| resources.name_words.noun_class(lemma),
        );
        let gazetteer: Vec<Vec<String>> = sentences
            .iter()
            .map(|w| word_labels(&resources.kb, w))
            .collect();
        let features = sentences
            .iter()
            .zip(&analyses)
            .zip(&gazetteer)
            .map(|((words, analyses), labels)| {
                let name_words = &resources.name_words;
                let lists = ListEvidence {
                    gazetteer: labels,
                    name_words: &name_words.classes(words),
                    lexical: &name_words.lexical_labels(words),
                    noun_classes: &name_words.noun_classes(words),
                };
                extract(words, analyses, &context, &resources.profiles, &lists)
            })
            .collect();
        let conjunct_pairs = sentences
            .iter()
            .zip(&analyses)
            .map(|(words, analyses)| conjunct_pairs(words, analyses))
            .collect();
        PreparedDocument {
            sentences,
            gazetteer,
            features,
            conjunct_pairs,
        }
    }

    pub fn first_pass_features(&self) -> &[SentenceFeatures] {
        &self.features
    }

    /// First-pass features plus what the first pass found elsewhere in the
    /// document ([`PreparedDocument::elsewhere`]) and in coordinated names
    /// ([`PreparedDocument::conjuncts`]).
    pub fn second_pass_features(&self, first_pass: &[Vec<NamedSpan>]) -> Vec<SentenceFeatures> {
        let elsewhere = self.elsewhere(first_pass);
        let conjuncts = self.conjuncts(first_pass);
        self.features
            .iter()
            .zip(&self.sentences)
            .zip(elsewhere.iter().zip(&conjuncts))
            .map(|((features, words), (elsewhere, conjuncts))| {
                features.with_first_pass(words, elsewhere, conjuncts)
            })
            .collect()
    }

    /// For each word of a name (or capitalised word) coordinated with
    /// another ("Plato and Aristotle"), the class the first pass gave
    /// the other (`O` outside any name); `-` for other words.
    pub fn conjuncts(&self, first_pass: &[Vec<NamedSpan>]) -> Vec<Vec<String>> {
        self.sentences
            .iter()
            .zip(&self.conjunct_pairs)
            .zip(first_pass)
            .map(|((words, pairs), names)| {
                let mut labels = vec!["-".to_string(); words.len()];
                let name_of = |i: usize| names.iter().find(|n| n.words.contains(&i));
                for &(word, other) in pairs {
                    let (own, others) = (name_of(word), name_of(other));
                    if own.is_some() && own == others {
                        continue;
                    }
                    let class = others.map_or(SLOT_NAMES[OUTSIDE_SLOT], |n| {
                        SLOT_NAMES[class_slot(n.class)]
                    });
                    let targets = own.map_or(word..word + 1, |n| n.words.clone());
                    for label in &mut labels[targets] {
                        if label == "-" {
                            *label = class.to_string();
                        }
                    }
                }
                labels
            })
            .collect()
    }

    /// For each capitalised word, the class the first pass gave most of the
    /// word's other capitalised occurrences in the document, with `:all` when
    /// they agree and `:most` when not (`O` for outside any name); `-` when
    /// there are none or the word is not capitalised.
    pub fn elsewhere(&self, first_pass: &[Vec<NamedSpan>]) -> Vec<Vec<String>> {
        let own_labels: Vec<Vec<Option<usize>>> = self
            .sentences
            .iter()
            .zip(first_pass)
            .map(|(words, names)| {
                let mut labels: Vec<Option<usize>> = words
                    .iter()
                    .map(|w| is_capitalised(w).then_some(OUTSIDE_SLOT))
                    .collect();
                for name in names {
                    for label in labels[name.words.clone()].iter_mut().flatten() {
                        *label = class_slot(name.class);
                    }
                }
                labels
            })
            .collect();
        let mut counts: HashMap<String, [u32; SLOTS]> = HashMap::new();
        for (words, labels) in self.sentences.iter().zip(&own_labels) {
            for (word, label) in words.iter().zip(labels) {
                if let Some(slot) = label {
                    counts.entry(word.to_lowercase()).or_default()[*slot] += 1;
                }
            }
        }
        self.sentences
            .iter()
            .zip(&own_labels)
            .map(|(words, labels)| {
                words
                    .iter()
                    .zip(labels)
                    .map(|(word, label)| {
                        let Some(own) = label else {
                            return "-".to_string();
                        };
                        let mut others = counts[&word.to_lowercase()];
                        others[*own] -= 1;
                        describe(&others)
                    })
                    .collect()
            })
            .collect()
    }
}

const SLOTS: usize = NameClass::ALL.len() + 1;
const OUTSIDE_SLOT: usize = NameClass::ALL.len();
const SLOT_NAMES: [&str; SLOTS] = ["person", "place", "organization", "O"];

fn class_slot(class: NameClass) -> usize {
    NameClass::ALL
        .iter()
        .position(|&c| c == class)
        .unwrap_or(OUTSIDE_SLOT)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn describe(others: &[u32; SLOTS]) -> String {
    let total: u32 = others.iter().sum();
    if total == 0 {
        return "-".to_string();
    }
    let (best, &count) = others
        .iter()
        .enumerate()
        .max_by_key(|&(slot, &count)| (count, std::cmp::Reverse(slot)))
        .expect("slots are not empty");
    let agreement = if count == total { "all" } else { "most" };
    format!("{}:{agreement}", SLOT_NAMES[best])
}

/// The linguistic analysis of sentences given as words (for text that was
/// not analysed by the pipeline: training and evaluation data).
pub fn analyse_sentences(
    linguist: &chancery_ling::Linguist,
    sentences: &[Vec<&str>],
) -> Vec<Vec<WordAnalysis>> {
    let mut document = chancery_core::Document::default();
    for words in sentences {
        let first = document.tokens.len();
        let start = document.text.len();
        for word in words {
            if document.text.len() > start {
                document.text.push(' ');
            }
            let at = document.text.len();
            document.text.push_str(word);
            document.tokens.push(chancery_core::Token {
                span: at..document.text.len(),
                ..chancery_core::Token::default()
            });
        }
        document.sentences.push(chancery_core::Sentence {
            span: start..document.text.len(),
            tokens: first..document.tokens.len(),
            zone: chancery_core::ZoneKind::Body,
        });
        document.text.push('\n');
    }
    linguist.annotate(&mut document);
    document
        .sentences
        .iter()
        .map(|s| word_analyses(&document, s.tokens.clone()))
        .collect()
}

/// The analysis of the tokens `range` of a tagged and parsed document,
/// heads counted from the range's start.
pub fn word_analyses(
    document: &chancery_core::Document,
    range: std::ops::Range<usize>,
) -> Vec<WordAnalysis> {
    document.tokens[range.clone()]
        .iter()
        .map(|t| WordAnalysis {
            xpos: t.xpos.clone(),
            lemma: t.lemma.clone(),
            head: t
                .head
                .filter(|h| range.contains(h))
                .map(|h| h - range.start),
            deprel: t.deprel.clone(),
        })
        .collect()
}

/// The names a model finds in sentences given their features.
pub fn decode(model: &Model, features: &[SentenceFeatures]) -> Vec<Vec<NamedSpan>> {
    features
        .iter()
        .map(|f| tags::decode(&model.decode(f)))
        .collect()
}

/// Both passes over one document.
pub fn label(first: &Model, second: &Model, document: &PreparedDocument) -> Vec<Vec<NamedSpan>> {
    let first_pass = decode(first, document.first_pass_features());
    decode(second, &document.second_pass_features(&first_pass))
}

/// The coordinated names of a sentence: each capitalised word that the
/// parser makes a `conj` of another capitalised word, with that word, in
/// both directions.
fn conjunct_pairs(words: &[&str], analyses: &[WordAnalysis]) -> Vec<(usize, usize)> {
    let capitalised = |i: usize| is_capitalised(words[i]);
    let mut pairs = Vec::new();
    for (word, analysis) in analyses.iter().enumerate() {
        let Some(head) = analysis.head.filter(|_| analysis.deprel == "conj") else {
            continue;
        };
        if head < words.len() && capitalised(word) && capitalised(head) {
            pairs.push((word, head));
            pairs.push((head, word));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resources with no word profiles, knowledge base or word lists.
    fn no_resources() -> Resources {
        Resources {
            profiles: WordProfiles::default(),
            kb: Arc::new(KnowledgeBase::default()),
            name_words: Arc::new(NameWords::default()),
        }
    }

    #[test]
    fn coordinated_names_see_each_others_first_pass_class() {
        let resources = no_resources();
        let word = |xpos: &str, head: Option<usize>, deprel: &str| WordAnalysis {
            xpos: xpos.to_string(),
            head,
            deprel: deprel.to_string(),
            ..WordAnalysis::default()
        };
        // "Varnok and Tusel Quorn argued ."
        let sentences = vec![vec!["Varnok", "and", "Tusel", "Quorn", "argued", "."]];
        let analyses = vec![vec![
            word("NNP", Some(4), "nsubj"),
            word("CC", Some(3), "cc"),
            word("NNP", Some(3), "compound"),
            word("NNP", Some(0), "conj"),
            word("VBD", None, "root"),
            word(".", Some(4), "punct"),
        ]];
        let document = PreparedDocument::new(sentences, analyses, &resources);
        let first_pass = vec![vec![NamedSpan {
            words: 2..4,
            class: NameClass::Person,
        }]];
        let conjuncts = document.conjuncts(&first_pass);
        assert_eq!(conjuncts[0], ["person", "-", "O", "O", "-", "-"]);
    }

    #[test]
    fn other_occurrences_decide_the_evidence() {
        let resources = no_resources();
        let sentences = vec![
            vec!["Isabel", "Ruiz", "arrived", "."],
            vec!["Later", "Isabel", "left", "."],
            vec!["Isabel", "smiled", "and", "Ruiz", "waved", "."],
        ];
        let analyses = sentences
            .iter()
            .map(|s| {
                let proper_noun = WordAnalysis {
                    xpos: "NNP".to_string(),
                    ..WordAnalysis::default()
                };
                vec![proper_noun; s.len()]
            })
            .collect();
        let document = PreparedDocument::new(sentences, analyses, &resources);
        let person = |words| NamedSpan {
            words,
            class: NameClass::Person,
        };
        let first_pass = vec![vec![person(0..2)], vec![], vec![person(3..4)]];
        let elsewhere = document.elsewhere(&first_pass);
        // "Isabel" in sentence 2: once a person, once outside elsewhere.
        assert_eq!(elsewhere[1][1], "person:most");
        // "Isabel" in sentence 1: outside (sentence 2), then outside (sentence 3).
        assert_eq!(elsewhere[0][0], "O:all");
        assert_eq!(elsewhere[0][1], "person:all");
        assert_eq!(elsewhere[1][0], "-", "no other 'Later'");
        assert_eq!(elsewhere[1][2], "-", "not capitalised");
    }
}
