//! Named-entity recognizer for news English, trained in-project on GUM.
//!
//! A structured averaged perceptron labels each sentence with BILOU tags over
//! GUM's name classes (person, place, organization), in two passes (the
//! second sees what the first made of the same word elsewhere in the
//! document and of coordinated names). Features: the words, shapes, affixes
//! and neighbours, the XPOS tags and dependency relations of `chancery-ling`
//! (so documents must be tagged and parsed first: the relation of a name and
//! its preposition, here and elsewhere in the document, tell a place from a
//! person, and so do the common nouns the document equates a name with:
//! "Varnok is a language", "the village of Tusel"), the actor
//! knowledge base of `chancery-kb` as a gazetteer (with first names and
//! surnames of its office holders), the crate's lists of name head words,
//! place names, world cities, census given and family names and WordNet's
//! capitalised nouns and noun classes (`data/`, see
//! `scripts/build_name_lists.py`), and word profiles learned
//! from unlabelled news (`data/models/ner-words.tsv.gz`). The `types` module
//! then maps the classes to chancery's [`EntityType`]s (PERSON, ORG, GPE, LOC,
//! NORP) with word lists, since GUM has no GPE/LOC split and no NORP class.
//! See [`gum`] for what counts as a name in the training data.
//!
//! The model learns from the tagger's and parser's output: retrain it
//! ([`training::train`]) when their models change.
//!
//! GUM names keep their titles ("Foreign Minister Sergey Lavrov");
//! [`Recognizer::annotate`] leaves out of PERSON mentions the leading titles
//! and nationality words the knowledge base knows, so that the mention is the
//! name ("Sergey Lavrov") and "Russian" in "Russian Foreign Minister …" is a
//! NORP mention of its own. [`Recognizer::label`] gives the untrimmed names
//! the GUM evaluation scores.

pub mod evaluation;
mod features;
mod gazetteer;
pub mod gum;
mod labeller;
mod model;
mod tags;
pub mod training;
mod types;
mod word_profiles;
pub mod written;

use chancery_core::{Document, EntityMention, EntityType};
use chancery_kb::KnowledgeBase;
use gum::NamedSpan;
use labeller::{PreparedDocument, Resources};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

pub use features::WordAnalysis;
pub use labeller::analyse_sentences;
pub use model::ModelError;

/// The trained labeller; read-only, shared across threads.
#[derive(Debug, Clone)]
pub struct Recognizer {
    first_pass: model::Model,
    second_pass: model::Model,
    resources: Resources,
}

/// The shipped model, trained by [`training::train`] on GUM.
const SHIPPED_MODEL: &[u8] = include_bytes!("../../../data/models/ner.model.gz");

impl Recognizer {
    /// The shipped model, compiled into the binary.
    pub fn load() -> Result<Recognizer, ModelError> {
        Recognizer::from_bytes(SHIPPED_MODEL, "data/models/ner.model.gz (built in)")
    }

    /// Reads a model written by [`training::train`] (it uses the shipped
    /// word profiles and the built-in knowledge base).
    pub fn from_bytes(bytes: &[u8], origin: &str) -> Result<Recognizer, ModelError> {
        let [first_pass, second_pass]: [model::Model; 2] = model::models_from_bytes(bytes, origin)?
            .try_into()
            .map_err(|models: Vec<model::Model>| ModelError::Corrupt {
                origin: origin.to_string(),
                problem: format!("expected two passes, found {}", models.len()),
            })?;
        Ok(Recognizer {
            first_pass,
            second_pass,
            resources: Resources::shipped()?,
        })
    }

    /// The recognizer with `kb` (the built-in knowledge base plus a user's
    /// `--data` files) as its gazetteer, so that users' own names count as
    /// evidence too. The model was trained with the built-in one.
    pub fn with_knowledge_base(mut self, kb: Arc<KnowledgeBase>) -> Recognizer {
        self.resources.name_words = Arc::new(gazetteer::NameWords::new(&kb));
        self.resources.kb = kb;
        self
    }

    pub fn from_file(path: &Path) -> Result<Recognizer, ModelError> {
        let origin = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
            origin: origin.clone(),
            source,
        })?;
        Recognizer::from_bytes(&bytes, &origin)
    }

    /// Names with their GUM classes in the sentences of one document, each
    /// given as its words and their analyses; spans index words within
    /// their sentence.
    pub fn label(
        &self,
        sentences: &[Vec<&str>],
        analyses: Vec<Vec<WordAnalysis>>,
    ) -> Vec<Vec<NamedSpan>> {
        let document = PreparedDocument::new(sentences.to_vec(), analyses, &self.resources);
        labeller::label(&self.first_pass, &self.second_pass, &document)
    }

    /// Fills `doc.entities` for a tokenized and tagged document (one
    /// sequence per sentence; all tokens as one when there are no sentences).
    pub fn annotate(&self, doc: &mut Document) {
        let ranges: Vec<Range<usize>> = if doc.sentences.is_empty() {
            std::iter::once(0..doc.tokens.len())
                .filter(|r| !r.is_empty())
                .collect()
        } else {
            doc.sentences.iter().map(|s| s.tokens.clone()).collect()
        };
        let sentences: Vec<Vec<&str>> = ranges
            .iter()
            .map(|r| r.clone().map(|i| doc.token_text(i)).collect())
            .collect();
        let analyses = ranges
            .iter()
            .map(|r| labeller::word_analyses(doc, r.clone()))
            .collect();
        let document = PreparedDocument::new(sentences, analyses, &self.resources);
        let labelled = labeller::label(&self.first_pass, &self.second_pass, &document);
        let mut entities = Vec::new();
        for (((range, words), names), labels) in ranges
            .iter()
            .zip(&document.sentences)
            .zip(labelled)
            .zip(&document.gazetteer)
        {
            let mut taken = vec![false; words.len()];
            let mention = |words: Range<usize>, kind: EntityType| {
                let tokens = range.start + words.start..range.start + words.end;
                EntityMention {
                    span: doc.tokens[tokens.start].span.start..doc.tokens[tokens.end - 1].span.end,
                    tokens,
                    kind,
                }
            };
            for name in names {
                let kind = types::entity_type(name.class, &words[name.words.clone()]);
                let start = if kind == EntityType::Person {
                    gazetteer::person_name_start(labels, name.words.clone())
                } else {
                    name.words.start
                };
                taken[start..name.words.end].fill(true);
                entities.push(mention(start..name.words.end, kind));
            }
            for words in types::nationality_words(words, &taken) {
                entities.push(mention(words, EntityType::Norp));
            }
        }
        entities.sort_by_key(|e| e.tokens.start);
        doc.entities = entities;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The knowledge-base label and name-word class of each word of one sentence.
    fn gazetteer_evidence(
        recognizer: &Recognizer,
        words: &[&str],
    ) -> (Vec<String>, Vec<&'static str>) {
        let document = PreparedDocument::new(
            vec![words.to_vec()],
            vec![vec![WordAnalysis::default(); words.len()]],
            &recognizer.resources,
        );
        let labels = document.gazetteer[0].clone();
        (labels, recognizer.resources.name_words.classes(words))
    }

    #[test]
    fn a_users_knowledge_base_reaches_the_gazetteer() {
        let dir = tempfile::tempdir().expect("temporary directory");
        std::fs::write(
            dir.path().join("organizations.tsv"),
            "name\tcountry\tsector\taliases\nQuellmoor Syndicate\tXAA\tBUS\t\n",
        )
        .expect("write user file");
        std::fs::write(
            dir.path().join("office_holders.tsv"),
            "country\trole\tname\taliases\tstart\tend\tposted_to\tsector\n\
             XAA\tforeign_minister\tZandrel Vostrikk\t\t2011-04-01\t\t\tGOV\n",
        )
        .expect("write user file");
        let user_kb = KnowledgeBase::load(&[dir.path().to_path_buf()]).expect("user files load");
        let words = [
            "Zandrel",
            "Vostrikk",
            "joined",
            "the",
            "Quellmoor",
            "Syndicate",
        ];

        let built_in = Recognizer::load().expect("shipped model loads");
        let (labels, classes) = gazetteer_evidence(&built_in, &words);
        assert!(labels.iter().all(|l| l == "-"), "{labels:?}");
        assert_eq!(classes[..2], ["-", "-"]);

        let with_user = built_in.with_knowledge_base(Arc::new(user_kb));
        let (labels, classes) = gazetteer_evidence(&with_user, &words);
        assert_eq!(labels[4..], ["ORG|B", "ORG|L"]);
        assert_eq!(labels[..2], ["PERSON|B", "PERSON|L"]);
        assert_eq!(classes[..2], ["FIRST", "LAST"]);
    }
}
