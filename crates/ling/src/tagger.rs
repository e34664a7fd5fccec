//! Part-of-speech tagger: a greedy left-to-right averaged perceptron that
//! predicts the (UPOS, XPOS) pair of each word as one class, so the two tags
//! always agree. Features: the word, its affixes and shape, the two previous
//! predicted tags, neighbouring words, and the *ambiguity classes* (the tags a
//! word had in training) of the words around, which give left-to-right
//! tagging a look at what comes next.

use crate::codec::{Decoder, Encoder};
use crate::conllu;
use crate::hashing::{key, Rng};
use crate::perceptron::{best_allowed, Model, Trainer};
use crate::words::WordKeys;
use crate::ModelError;
use chancery_core::Upos;
use std::collections::HashMap;

const MAGIC: &[u8; 8] = b"CHTAGR01";

/// One tag class: a (UPOS, XPOS) pair seen in training.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TagClass {
    pub upos: Upos,
    pub xpos: String,
}

pub struct Tagger {
    classes: Vec<TagClass>,
    model: Model,
    /// Frequent exact forms that (nearly) always had one class: tagged without scoring.
    unambiguous: HashMap<u64, u16>,
    /// Lowercase form → ambiguity-class id (≥ 1).
    ambiguity: HashMap<u64, u32>,
}

/// Minimum count and share for a form to be tagged from the dictionary.
const UNAMBIGUOUS_MIN_COUNT: usize = 20;
const UNAMBIGUOUS_MIN_SHARE: f64 = 0.997;
/// Share of a word's occurrences a class needs to enter its ambiguity class.
const AMBIGUITY_MIN_SHARE: f64 = 0.05;
/// Rarer words get no ambiguity class: in training it would simply be their
/// gold tag, teaching the model to trust it more than it deserves on new text.
const AMBIGUITY_MIN_COUNT: usize = 3;

/// Tag history value before the sentence start.
const START: u64 = 0;

fn push_features(
    words: &[WordKeys],
    ambiguity: &[u64],
    i: usize,
    prev: u64,
    prev2: u64,
    out: &mut Vec<u32>,
) {
    let w = &words[i];
    let word_at = |j: isize| -> Option<&WordKeys> {
        usize::try_from(i as isize + j)
            .ok()
            .and_then(|j| words.get(j))
    };
    let lower_at = |j: isize| word_at(j).map_or(1, |w| w.lower);
    let amb_at = |j: isize| {
        usize::try_from(i as isize + j)
            .ok()
            .and_then(|j| ambiguity.get(j).copied())
            .unwrap_or(1 << 40)
    };
    let (p1, n1) = (word_at(-1), word_at(1));
    out.clear();
    out.extend([
        key(0, &[]),
        key(1, &[w.lower]),
        key(2, &[w.exact]),
        key(3, &[w.suffix[0]]),
        key(4, &[w.suffix[1]]),
        key(5, &[w.suffix[2]]),
        key(6, &[w.suffix[3]]),
        key(7, &[w.prefix[0]]),
        key(8, &[w.prefix[1]]),
        key(9, &[w.prefix[2]]),
        key(10, &[w.shape]),
        key(11, &[prev]),
        key(12, &[prev2]),
        key(13, &[prev, prev2]),
        key(14, &[prev, w.lower]),
        key(15, &[lower_at(-1)]),
        key(16, &[p1.map_or(1, |p| p.suffix[2])]),
        key(17, &[lower_at(-2)]),
        key(18, &[lower_at(1)]),
        key(19, &[n1.map_or(1, |n| n.suffix[2])]),
        key(20, &[lower_at(2)]),
        key(21, &[amb_at(0)]),
        key(22, &[amb_at(1)]),
        key(23, &[amb_at(2)]),
        key(24, &[amb_at(0), amb_at(1)]),
        key(25, &[prev, amb_at(0)]),
        key(26, &[prev, amb_at(1)]),
        key(27, &[lower_at(-1), w.lower]),
        key(28, &[w.lower, lower_at(1)]),
        key(29, &[(i == 0) as u64, w.shape]),
        key(30, &[n1.map_or(1, |n| n.shape)]),
        key(31, &[p1.map_or(1, |p| p.shape)]),
        key(32, &[amb_at(-1), amb_at(0), amb_at(1)]),
        key(33, &[prev, w.suffix[2]]),
    ]);
}

impl Tagger {
    /// Number of weighted features of the model.
    pub fn n_features(&self) -> usize {
        self.model.n_features()
    }

    pub fn classes(&self) -> &[TagClass] {
        &self.classes
    }

    /// The ambiguity class of each word: an id of the set of tags it had
    /// in training, 0 for rare or unseen words.
    pub fn ambiguity_of(&self, words: &[WordKeys]) -> Vec<u64> {
        words
            .iter()
            .map(|w| self.ambiguity.get(&w.lower).map_or(0, |&a| u64::from(a)))
            .collect()
    }

    /// The tag class of each word.
    pub fn tag(&self, words: &[WordKeys]) -> Vec<u16> {
        self.tag_with_ambiguity(words, &self.ambiguity_of(words))
    }

    /// [`Tagger::tag`] given the words' [`Tagger::ambiguity_of`], for callers
    /// that need the classes too (the parser reads them).
    pub fn tag_with_ambiguity(&self, words: &[WordKeys], ambiguity: &[u64]) -> Vec<u16> {
        let mut features = Vec::with_capacity(40);
        let mut scores = vec![0.0; self.classes.len()];
        let mut tags: Vec<u16> = Vec::with_capacity(words.len());
        for i in 0..words.len() {
            let class = match self.unambiguous.get(&words[i].exact) {
                Some(&class) => class,
                None => {
                    let (prev, prev2) = history(&tags, i);
                    push_features(words, ambiguity, i, prev, prev2, &mut features);
                    self.model.score(&features, &mut scores);
                    best_allowed(&scores, |_| true).unwrap_or(0) as u16
                }
            };
            tags.push(class);
        }
        tags
    }

    pub fn encode(&self, out: &mut Encoder) {
        out.uint(self.classes.len() as u64);
        for class in &self.classes {
            out.str(class.upos.as_str());
            out.str(&class.xpos);
        }
        encode_map(out, &self.unambiguous, |&c| u64::from(c));
        encode_map(out, &self.ambiguity, |&a| u64::from(a));
        self.model.encode(out, crate::QUANTIZATION_LEVELS, 0.0);
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Encoder::new(MAGIC);
        self.encode(&mut out);
        out.finish()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut input = Decoder::new("tagger", bytes, MAGIC)?;
        let n_classes = input.usize()?;
        let mut classes = Vec::with_capacity(n_classes);
        for _ in 0..n_classes {
            let upos = input.str()?;
            let upos = Upos::parse(&upos).ok_or_else(|| ModelError::Corrupt {
                model: "tagger",
                problem: format!("unknown UPOS {upos:?}"),
            })?;
            classes.push(TagClass {
                upos,
                xpos: input.str()?,
            });
        }
        let unambiguous = decode_map(&mut input, |v| v as u16)?;
        let ambiguity = decode_map(&mut input, |v| v as u32)?;
        let model = Model::decode(&mut input)?;
        input.finish()?;
        Ok(Tagger {
            classes,
            model,
            unambiguous,
            ambiguity,
        })
    }
}

fn history(tags: &[u16], i: usize) -> (u64, u64) {
    let at = |back: usize| {
        i.checked_sub(back)
            .map_or(START, |j| u64::from(tags[j]) + 1)
    };
    (at(1), at(2))
}

fn encode_map<V>(out: &mut Encoder, map: &HashMap<u64, V>, value: impl Fn(&V) -> u64) {
    let mut entries: Vec<(u64, u64)> = map.iter().map(|(&k, v)| (k, value(v))).collect();
    entries.sort_unstable();
    out.uint(entries.len() as u64);
    let mut previous = 0u64;
    for (k, v) in entries {
        out.uint(k - previous);
        previous = k;
        out.uint(v);
    }
}

fn decode_map<V>(
    input: &mut Decoder,
    value: impl Fn(u64) -> V,
) -> Result<HashMap<u64, V>, ModelError> {
    let len = input.usize()?;
    let mut map = HashMap::with_capacity(len);
    let mut k = 0u64;
    for _ in 0..len {
        k = k.wrapping_add(input.uint()?);
        map.insert(k, value(input.uint()?));
    }
    Ok(map)
}

/// A training sentence: hashed words and gold tag classes.
struct Example {
    words: Vec<WordKeys>,
    gold: Vec<u16>,
}

/// Hashed words of the sentences' forms.
pub fn sentence_words(sentence: &conllu::Sentence, scratch: &mut String) -> Vec<WordKeys> {
    sentence
        .words
        .iter()
        .map(|w| WordKeys::new(&w.form, scratch))
        .collect()
}

/// Tags `sentences` and returns the share of words whose UPOS and whose XPOS are right.
pub fn accuracy(tagger: &Tagger, sentences: &[conllu::Sentence]) -> (f64, f64) {
    let mut scratch = String::new();
    let (mut upos, mut xpos, mut total) = (0usize, 0usize, 0usize);
    for sentence in sentences {
        let tags = tagger.tag(&sentence_words(sentence, &mut scratch));
        for (word, &tag) in sentence.words.iter().zip(&tags) {
            let class = &tagger.classes[usize::from(tag)];
            upos += (class.upos.as_str() == word.upos) as usize;
            xpos += (class.xpos == word.xpos) as usize;
            total += 1;
        }
    }
    let total = total.max(1) as f64;
    (upos as f64 / total, xpos as f64 / total)
}

/// Trains a tagger for `epochs` passes; `progress` receives the model after
/// each epoch (for dev scoring) with the epoch number.
pub fn train(
    sentences: &[conllu::Sentence],
    epochs: usize,
    mut progress: impl FnMut(usize, &Tagger),
) -> Tagger {
    let mut class_ids: HashMap<TagClass, u16> = HashMap::new();
    let mut classes = Vec::new();
    let mut scratch = String::new();
    let mut examples: Vec<Example> = sentences
        .iter()
        .map(|sentence| {
            let gold = sentence
                .words
                .iter()
                .map(|w| {
                    let class = TagClass {
                        upos: conllu::upos_of(w),
                        xpos: w.xpos.clone(),
                    };
                    *class_ids.entry(class.clone()).or_insert_with(|| {
                        classes.push(class);
                        (classes.len() - 1) as u16
                    })
                })
                .collect();
            Example {
                words: sentence_words(sentence, &mut scratch),
                gold,
            }
        })
        .collect();

    let (unambiguous, ambiguity) = build_lexicon(&examples, classes.len());
    let mut tagger = Tagger {
        model: Trainer::new(classes.len()).average(),
        classes,
        unambiguous,
        ambiguity,
    };
    let mut trainer = Trainer::new(tagger.classes.len());
    let mut rng = Rng::new(0x7a66);
    let mut features = Vec::with_capacity(40);
    let mut scores = vec![0.0; tagger.classes.len()];
    for epoch in 1..=epochs {
        rng.shuffle(&mut examples);
        for example in &examples {
            let ambiguity = tagger.ambiguity_of(&example.words);
            let mut tags: Vec<u16> = Vec::with_capacity(example.words.len());
            for i in 0..example.words.len() {
                let (prev, prev2) = history(&tags, i);
                push_features(&example.words, &ambiguity, i, prev, prev2, &mut features);
                trainer.score(&features, &mut scores);
                let guess = best_allowed(&scores, |_| true).unwrap_or(0);
                trainer.update(&features, usize::from(example.gold[i]), guess);
                tags.push(guess as u16);
            }
        }
        tagger.model = trainer.average();
        progress(epoch, &tagger);
    }
    tagger
}

fn build_lexicon(examples: &[Example], n_classes: usize) -> (HashMap<u64, u16>, HashMap<u64, u32>) {
    let mut exact_counts: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut lower_counts: HashMap<u64, Vec<usize>> = HashMap::new();
    for example in examples {
        for (w, &class) in example.words.iter().zip(&example.gold) {
            for (map, key) in [(&mut exact_counts, w.exact), (&mut lower_counts, w.lower)] {
                map.entry(key).or_insert_with(|| vec![0; n_classes])[usize::from(class)] += 1;
            }
        }
    }
    let unambiguous = exact_counts
        .into_iter()
        .filter_map(|(word, counts)| {
            let total: usize = counts.iter().sum();
            let (best, &count) = counts.iter().enumerate().max_by_key(|&(_, c)| *c)?;
            (total >= UNAMBIGUOUS_MIN_COUNT && count as f64 / total as f64 >= UNAMBIGUOUS_MIN_SHARE)
                .then_some((word, best as u16))
        })
        .collect();
    let mut set_ids: HashMap<Vec<usize>, u32> = HashMap::new();
    let mut ambiguity = HashMap::new();
    let mut words: Vec<_> = lower_counts.into_iter().collect();
    words.sort_unstable_by_key(|&(word, _)| word);
    for (word, counts) in words {
        let total: usize = counts.iter().sum();
        if total < AMBIGUITY_MIN_COUNT {
            continue;
        }
        let set: Vec<usize> = (0..n_classes)
            .filter(|&c| counts[c] as f64 / total as f64 >= AMBIGUITY_MIN_SHARE)
            .collect();
        let next_id = set_ids.len() as u32 + 1;
        ambiguity.insert(word, *set_ids.entry(set).or_insert(next_id));
    }
    (unambiguous, ambiguity)
}
