//! Lemmatizer learned from the treebank: suffix edit rules keyed by XPOS and
//! the word's ending (`VBD` + `-ied` → strip 3, add `y`), chosen by longest
//! matching ending, plus a table of the training words the rules get wrong
//! (`went` → `go`).

use crate::codec::{Decoder, Encoder};
use crate::conllu;
use crate::ModelError;
use std::collections::HashMap;

const MAGIC: &[u8; 8] = b"CHLEMM01";
/// Longest word ending the rules look at, in characters.
const MAX_ENDING: usize = 5;
/// Distinct training words an ending needs before its rule is trusted.
const MIN_SUPPORT: usize = 2;

/// Remove `strip` characters from the end, then append `append`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Edit {
    strip: usize,
    append: String,
}

impl Edit {
    fn between(form: &str, lemma: &str) -> Edit {
        let common = form
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        Edit {
            strip: form.chars().count() - common,
            append: lemma.chars().skip(common).collect(),
        }
    }

    fn apply(&self, form: &str) -> Option<String> {
        let len = form.chars().count();
        if self.strip > len || (self.strip == len && self.append.is_empty()) {
            return None;
        }
        let keep: String = form.chars().take(len - self.strip).collect();
        Some(keep + &self.append)
    }
}

pub struct Lemmatizer {
    /// (XPOS, lowercase ending) → edit.
    rules: HashMap<(String, String), Edit>,
    /// (lowercase form, XPOS) → lemma, for training words the rules miss.
    exceptions: HashMap<(String, String), String>,
}

fn is_proper(xpos: &str) -> bool {
    xpos.starts_with("NNP")
}

fn ending(lower: &str, k: usize) -> &str {
    let n = lower.chars().count();
    if k >= n {
        return lower;
    }
    let start = lower.char_indices().nth(n - k).map_or(0, |(i, _)| i);
    &lower[start..]
}

impl Lemmatizer {
    /// The lemma of `form` tagged `xpos`. Proper nouns keep their case,
    /// other words are lowercased.
    pub fn lemmatize(&self, form: &str, xpos: &str) -> String {
        let lower = form.to_lowercase();
        if let Some(lemma) = self.exceptions.get(&(lower.clone(), xpos.to_string())) {
            return lemma.clone();
        }
        let base = if is_proper(xpos) { form } else { &lower };
        self.rule_for(&lower, xpos)
            .and_then(|edit| edit.apply(base))
            .unwrap_or_else(|| base.to_string())
    }

    fn rule_for(&self, lower: &str, xpos: &str) -> Option<&Edit> {
        let mut probe = (xpos.to_string(), String::new());
        (0..=MAX_ENDING.min(lower.chars().count()))
            .rev()
            .find_map(|k| {
                probe.1.clear();
                probe.1.push_str(ending(lower, k));
                self.rules.get(&probe)
            })
    }

    /// Learns rules and exceptions from gold FORM, XPOS and LEMMA.
    pub fn train(sentences: &[conllu::Sentence]) -> Lemmatizer {
        // Distinct (form, xpos) → lemma counts.
        let mut lemma_counts: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
        for word in sentences.iter().flat_map(|s| &s.words) {
            if word.lemma == "_" || word.lemma.is_empty() {
                continue;
            }
            *lemma_counts
                .entry((word.form.to_lowercase(), word.xpos.clone()))
                .or_default()
                .entry(word.lemma.clone())
                .or_default() += 1;
        }
        let mut types: Vec<((String, String), String)> = lemma_counts
            .into_iter()
            .map(|(key, lemmas)| {
                let lemma = lemmas
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                    .map(|(lemma, _)| lemma)
                    .expect("at least one lemma");
                (key, lemma)
            })
            .collect();
        types.sort_unstable();

        let mut edit_counts: HashMap<(String, String), HashMap<Edit, usize>> = HashMap::new();
        for ((lower, xpos), lemma) in &types {
            let edit = Edit::between(lower, &lemma.to_lowercase());
            for k in 0..=MAX_ENDING.min(lower.chars().count()) {
                *edit_counts
                    .entry((xpos.clone(), ending(lower, k).to_string()))
                    .or_default()
                    .entry(edit.clone())
                    .or_default() += 1;
            }
        }
        let rules = edit_counts
            .into_iter()
            .filter_map(|(key, edits)| {
                let support: usize = edits.values().sum();
                let is_fallback = key.1.is_empty();
                let (edit, _) = edits.into_iter().max_by(|a, b| {
                    a.1.cmp(&b.1)
                        .then_with(|| b.0.strip.cmp(&a.0.strip))
                        .then_with(|| b.0.append.cmp(&a.0.append))
                })?;
                (support >= MIN_SUPPORT || is_fallback).then_some((key, edit))
            })
            .collect();
        let mut lemmatizer = Lemmatizer {
            rules,
            exceptions: HashMap::new(),
        };
        for ((lower, xpos), lemma) in types {
            if lemmatizer.lemmatize(&lower, &xpos).to_lowercase() != lemma.to_lowercase() {
                lemmatizer.exceptions.insert((lower, xpos), lemma);
            }
        }
        lemmatizer
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Encoder::new(MAGIC);
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort_unstable_by(|a, b| a.0.cmp(b.0));
        out.uint(rules.len() as u64);
        for ((xpos, end), edit) in rules {
            out.str(xpos);
            out.str(end);
            out.uint(edit.strip as u64);
            out.str(&edit.append);
        }
        let mut exceptions: Vec<_> = self.exceptions.iter().collect();
        exceptions.sort_unstable();
        out.uint(exceptions.len() as u64);
        for ((form, xpos), lemma) in exceptions {
            out.str(form);
            out.str(xpos);
            out.str(lemma);
        }
        out.finish()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Lemmatizer, ModelError> {
        let mut input = Decoder::new("lemmatizer", bytes, MAGIC)?;
        let n_rules = input.usize()?;
        let mut rules = HashMap::with_capacity(n_rules);
        for _ in 0..n_rules {
            let key = (input.str()?, input.str()?);
            let edit = Edit {
                strip: input.usize()?,
                append: input.str()?,
            };
            rules.insert(key, edit);
        }
        let n_exceptions = input.usize()?;
        let mut exceptions = HashMap::with_capacity(n_exceptions);
        for _ in 0..n_exceptions {
            let key = (input.str()?, input.str()?);
            exceptions.insert(key, input.str()?);
        }
        input.finish()?;
        Ok(Lemmatizer { rules, exceptions })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(form: &str, xpos: &str, lemma: &str) -> conllu::Word {
        conllu::Word {
            form: form.into(),
            xpos: xpos.into(),
            lemma: lemma.into(),
            ..conllu::Word::default()
        }
    }

    fn small_lemmatizer() -> Lemmatizer {
        let words = vec![
            word("carried", "VBD", "carry"),
            word("worried", "VBD", "worry"),
            word("walked", "VBD", "walk"),
            word("talked", "VBD", "talk"),
            word("went", "VBD", "go"),
            word("cities", "NNS", "city"),
            word("parties", "NNS", "party"),
            word("talks", "NNS", "talk"),
            word("envoys", "NNS", "envoy"),
            word("Russians", "NNPS", "Russian"),
            word("Canadians", "NNPS", "Canadian"),
        ];
        Lemmatizer::train(&[conllu::Sentence {
            words,
            ..conllu::Sentence::default()
        }])
    }

    #[test]
    fn unseen_words_follow_learned_endings() {
        let lemmatizer = small_lemmatizer();
        assert_eq!(lemmatizer.lemmatize("buried", "VBD"), "bury");
        assert_eq!(lemmatizer.lemmatize("parked", "VBD"), "park");
        assert_eq!(lemmatizer.lemmatize("Embassies", "NNS"), "embassy");
        assert_eq!(lemmatizer.lemmatize("diplomats", "NNS"), "diplomat");
        assert_eq!(lemmatizer.lemmatize("Ukrainians", "NNPS"), "Ukrainian");
    }

    #[test]
    fn irregular_training_words_are_remembered_and_survive_encoding() {
        let lemmatizer = Lemmatizer::from_bytes(&small_lemmatizer().to_bytes()).unwrap();
        assert_eq!(lemmatizer.lemmatize("Went", "VBD"), "go");
        assert_eq!(lemmatizer.lemmatize("worried", "VBD"), "worry");
    }
}
