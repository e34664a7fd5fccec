//! The labeller's weights: per-feature tag scores and tag transitions,
//! Viterbi decoding under the BILOU constraints, and the compact on-disk form
//! (gzip of little-endian arrays, weights quantised to 16 bits).

use crate::features::SentenceFeatures;
use crate::tags::{allowed, may_end, TAG_COUNT};
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};

const MAGIC: &[u8; 8] = b"CHNER\x00\x00\x02";

/// Feature keys are already hashes: use them as they are.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }
}

pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// Rows of `TAG_COUNT` scores.
pub type TagScores = [f32; TAG_COUNT];

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Row index of each known feature.
    pub index: KeyMap<u32>,
    pub weights: Vec<TagScores>,
    /// `transitions[previous][next]`; row `TAG_COUNT` is the sentence start.
    pub transitions: Vec<TagScores>,
}

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("NER model {origin}: {problem}")]
    Corrupt { origin: String, problem: String },
    #[error("cannot read NER model {origin}: {source}")]
    Io {
        origin: String,
        source: std::io::Error,
    },
}

impl Model {
    /// The score of every tag for every word, from the features alone.
    fn emissions(&self, features: &SentenceFeatures) -> Vec<TagScores> {
        (0..features.len())
            .map(|i| {
                let mut scores = [0.0; TAG_COUNT];
                for key in features.word(i) {
                    if let Some(&row) = self.index.get(key) {
                        for (score, weight) in scores.iter_mut().zip(&self.weights[row as usize]) {
                            *score += weight;
                        }
                    }
                }
                scores
            })
            .collect()
    }

    /// The best valid tag sequence (Viterbi).
    pub fn decode(&self, features: &SentenceFeatures) -> Vec<usize> {
        self.best_path(&self.emissions(features))
    }

    /// The best sequence when every tag but the gold one scores `cost` more
    /// (loss-augmented decoding: training then asks for a margin of `cost`
    /// per wrong tag, not just for the gold sequence to win).
    pub fn decode_with_cost(
        &self,
        features: &SentenceFeatures,
        gold: &[usize],
        cost: f32,
    ) -> Vec<usize> {
        let mut emissions = self.emissions(features);
        for (scores, &gold) in emissions.iter_mut().zip(gold) {
            for (tag, score) in scores.iter_mut().enumerate() {
                if tag != gold {
                    *score += cost;
                }
            }
        }
        self.best_path(&emissions)
    }

    fn best_path(&self, emissions: &[TagScores]) -> Vec<usize> {
        let Some(first) = emissions.first() else {
            return Vec::new();
        };
        let permitted = permitted_transitions();
        let mut best: Vec<TagScores> = Vec::with_capacity(emissions.len());
        let mut back: Vec<[u8; TAG_COUNT]> = Vec::with_capacity(emissions.len());
        let mut start = [f32::NEG_INFINITY; TAG_COUNT];
        for (tag, cell) in start.iter_mut().enumerate() {
            if permitted[TAG_COUNT][tag] {
                *cell = first[tag] + self.transitions[TAG_COUNT][tag];
            }
        }
        best.push(start);
        back.push([0; TAG_COUNT]);
        for emission in &emissions[1..] {
            let previous = best.last().expect("first column pushed");
            let mut column = [f32::NEG_INFINITY; TAG_COUNT];
            let mut pointers = [0u8; TAG_COUNT];
            for (next, (cell, pointer)) in column.iter_mut().zip(pointers.iter_mut()).enumerate() {
                for (prev, &previous_score) in previous.iter().enumerate() {
                    if previous_score == f32::NEG_INFINITY || !permitted[prev][next] {
                        continue;
                    }
                    let score = previous_score + self.transitions[prev][next];
                    if score > *cell {
                        *cell = score;
                        *pointer = prev as u8;
                    }
                }
                *cell += emission[next];
            }
            best.push(column);
            back.push(pointers);
        }
        let last = best.last().expect("at least one column");
        let mut tag = (0..TAG_COUNT)
            .filter(|&t| may_end(t))
            .max_by(|&a, &b| last[a].total_cmp(&last[b]))
            .unwrap_or(0);
        let mut tags = vec![0; emissions.len()];
        for i in (0..emissions.len()).rev() {
            tags[i] = tag;
            tag = usize::from(back[i][tag]);
        }
        tags
    }

    /// Appends the model; weights quantised to i16 with one scale per model.
    fn write(&self, raw: &mut Vec<u8>) {
        let largest = self
            .weights
            .iter()
            .flatten()
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(f32::MIN_POSITIVE);
        let scale = largest / f32::from(i16::MAX);
        let mut rows: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        rows.sort_unstable();
        raw.extend_from_slice(&(TAG_COUNT as u32).to_le_bytes());
        raw.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        raw.extend_from_slice(&scale.to_le_bytes());
        for row in &self.transitions {
            for w in row {
                raw.extend_from_slice(&w.to_le_bytes());
            }
        }
        for (key, _) in &rows {
            raw.extend_from_slice(&key.to_le_bytes());
        }
        // Tag-major order compresses better: similar magnitudes sit together.
        for tag in 0..TAG_COUNT {
            for (_, row) in &rows {
                let q = (self.weights[*row as usize][tag] / scale).round() as i16;
                raw.extend_from_slice(&q.to_le_bytes());
            }
        }
    }

    fn read(
        reader: &mut ByteReader,
        corrupt: &dyn Fn(&str) -> ModelError,
    ) -> Result<Model, ModelError> {
        let truncated = || corrupt("truncated file");
        if reader.u32().ok_or_else(truncated)? as usize != TAG_COUNT {
            return Err(corrupt("model was trained for another tag set"));
        }
        let count = reader.u32().ok_or_else(truncated)? as usize;
        let scale = f32::from_le_bytes(reader.array().ok_or_else(truncated)?);
        let mut transitions = vec![[0.0; TAG_COUNT]; TAG_COUNT + 1];
        for row in &mut transitions {
            for w in row.iter_mut() {
                *w = f32::from_le_bytes(reader.array().ok_or_else(truncated)?);
            }
        }
        let mut index = KeyMap::default();
        index.reserve(count);
        for row in 0..count {
            let key = u64::from_le_bytes(reader.array().ok_or_else(truncated)?);
            index.insert(key, row as u32);
        }
        let mut weights = vec![[0.0; TAG_COUNT]; count];
        for tag in 0..TAG_COUNT {
            for row in weights.iter_mut() {
                row[tag] =
                    f32::from(i16::from_le_bytes(reader.array().ok_or_else(truncated)?)) * scale;
            }
        }
        Ok(Model {
            index,
            weights,
            transitions,
        })
    }
}

/// `permitted[previous][next]`; row `TAG_COUNT` is the sentence start.
fn permitted_transitions() -> [[bool; TAG_COUNT]; TAG_COUNT + 1] {
    let mut permitted = [[false; TAG_COUNT]; TAG_COUNT + 1];
    for (previous, row) in permitted.iter_mut().enumerate() {
        for (next, cell) in row.iter_mut().enumerate() {
            *cell = allowed((previous < TAG_COUNT).then_some(previous), next);
        }
    }
    permitted
}

/// Several models in one gzipped file.
pub fn models_to_bytes(models: &[&Model]) -> Vec<u8> {
    let mut raw = Vec::new();
    raw.extend_from_slice(MAGIC);
    raw.extend_from_slice(&(models.len() as u32).to_le_bytes());
    for model in models {
        model.write(&mut raw);
    }
    let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(&raw)
        .expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}

/// Reads a file written by [`models_to_bytes`].
pub fn models_from_bytes(bytes: &[u8], origin: &str) -> Result<Vec<Model>, ModelError> {
    let mut raw = Vec::new();
    GzDecoder::new(bytes)
        .read_to_end(&mut raw)
        .map_err(|source| ModelError::Io {
            origin: origin.to_string(),
            source,
        })?;
    let corrupt = |problem: &str| ModelError::Corrupt {
        origin: origin.to_string(),
        problem: problem.to_string(),
    };
    let mut reader = ByteReader { raw: &raw, at: 0 };
    if reader.take(MAGIC.len()) != Some(MAGIC.as_slice()) {
        return Err(corrupt("not a chancery NER model (bad magic)"));
    }
    let count = reader.u32().ok_or_else(|| corrupt("truncated file"))?;
    let models = (0..count)
        .map(|_| Model::read(&mut reader, &corrupt))
        .collect::<Result<Vec<Model>, ModelError>>()?;
    if reader.at != raw.len() {
        return Err(corrupt("trailing bytes after the weights"));
    }
    Ok(models)
}

struct ByteReader<'a> {
    raw: &'a [u8],
    at: usize,
}

impl<'a> ByteReader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let slice = self.raw.get(self.at..self.at + n)?;
        self.at += n;
        Some(slice)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny_model() -> Model {
        let mut index = KeyMap::default();
        let mut weights = Vec::new();
        for row in 0..40u32 {
            index.insert(u64::from(row).wrapping_mul(0x9e37_79b9_7f4a_7c15), row);
            let mut scores = [0.0; TAG_COUNT];
            scores[row as usize % TAG_COUNT] = row as f32 * 0.25 - 1.0;
            weights.push(scores);
        }
        Model {
            index,
            weights,
            transitions: vec![[0.5; TAG_COUNT]; TAG_COUNT + 1],
        }
    }

    #[test]
    fn loss_augmented_decoding_corrects_gold_that_wins_by_less_than_the_margin() {
        // One word whose only feature prefers "outside" (1.0) to a one-word
        // person name (0.5); every other tag scores 0.
        let mut scores = [0.0; TAG_COUNT];
        scores[crate::tags::OUTSIDE] = 1.0;
        let person = crate::gum::NamedSpan {
            words: 0..1,
            class: crate::gum::NameClass::Person,
        };
        let unit_person = crate::tags::encode(1, &[person])[0];
        scores[unit_person] = 0.5;
        let model = Model {
            index: [(7u64, 0u32)].into_iter().collect(),
            weights: vec![scores],
            transitions: vec![[0.0; TAG_COUNT]; TAG_COUNT + 1],
        };
        let features = SentenceFeatures::from_word_keys(&[vec![7]]);
        let outside = vec![crate::tags::OUTSIDE];
        assert_eq!(model.decode(&features), outside);
        // "Outside" leads by 0.5: enough for a margin of 0.4, not of 1.5.
        assert_eq!(model.decode_with_cost(&features, &outside, 0.4), outside);
        assert_eq!(
            model.decode_with_cost(&features, &outside, 1.5),
            vec![unit_person]
        );
        // A gold person name is beaten by the costed "outside".
        assert_eq!(
            model.decode_with_cost(&features, &[unit_person], 1.5),
            outside
        );
    }

    #[test]
    fn serialisation_round_trips_within_quantisation() {
        let model = tiny_model();
        let models = models_from_bytes(&models_to_bytes(&[&model, &model]), "test").unwrap();
        assert_eq!(models.len(), 2);
        let back = &models[1];
        assert_eq!(back.transitions, model.transitions);
        assert_eq!(back.index.len(), model.index.len());
        for (key, &row) in &model.index {
            let read = back.weights[back.index[key] as usize];
            for (a, b) in read.iter().zip(&model.weights[row as usize]) {
                assert!((a - b).abs() < 1e-3, "{a} vs {b}");
            }
        }
    }

    #[test]
    fn damaged_bytes_are_refused_with_the_origin_named() {
        let mut bytes = models_to_bytes(&[&tiny_model()]);
        bytes.truncate(bytes.len() / 2);
        let error = models_from_bytes(&bytes, "ner-test.gz").unwrap_err();
        assert!(error.to_string().contains("ner-test.gz"));
    }
}
