//! Multi-class averaged perceptron over hashed sparse features.
//!
//! Each feature key owns a short row of (class, weight) entries: perceptron
//! updates touch only the gold and the predicted class, so rows stay short
//! even with a hundred classes. Training keeps integer weights with lazy
//! averaging; [`Trainer::average`] freezes them into a [`Model`], an
//! open-addressing table tuned for lookup speed.

use crate::codec::{Decoder, Encoder};
use crate::ModelError;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Keys are already hashes: pass them through.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u32 keys are hashed")
    }
    fn write_u32(&mut self, key: u32) {
        self.0 = u64::from(key).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type KeyMap<V> = HashMap<u32, V, BuildHasherDefault<KeyHasher>>;

#[derive(Clone, Copy)]
struct Slot {
    class: u16,
    weight: i32,
    /// Sum of the weight over all past steps, up to `stamp`.
    total: i64,
    stamp: u64,
}

/// Averaged-perceptron training state.
pub struct Trainer {
    n_classes: usize,
    rows: KeyMap<Vec<Slot>>,
    step: u64,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Trainer {
        assert!(n_classes <= usize::from(u16::MAX));
        Trainer {
            n_classes,
            rows: KeyMap::default(),
            step: 0,
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Adds the current weights of `features` into `scores` (length n_classes).
    pub fn score(&self, features: &[u32], scores: &mut [f32]) {
        scores.fill(0.0);
        for key in features {
            if let Some(row) = self.rows.get(key) {
                for slot in row {
                    scores[usize::from(slot.class)] += slot.weight as f32;
                }
            }
        }
    }

    /// One training instance: moves weight from `guess` to `truth` when they differ.
    pub fn update(&mut self, features: &[u32], truth: usize, guess: usize) {
        self.step += 1;
        if truth != guess {
            self.adjust(features, truth, 1);
            self.adjust(features, guess, -1);
        }
    }

    /// Adds `delta` to the weight of `class` for every feature, without
    /// counting an instance (for structured updates made of many moves).
    pub fn adjust(&mut self, features: &[u32], class: usize, delta: i32) {
        let now = self.step;
        let class = class as u16;
        for &key in features {
            let row = self.rows.entry(key).or_default();
            let slot = match row.iter().position(|s| s.class == class) {
                Some(i) => &mut row[i],
                None => {
                    row.push(Slot {
                        class,
                        weight: 0,
                        total: 0,
                        stamp: now,
                    });
                    row.last_mut().expect("just pushed")
                }
            };
            slot.total += i64::from(slot.weight) * (now - slot.stamp) as i64;
            slot.stamp = now;
            slot.weight += delta;
        }
    }

    /// Counts one instance (keeps averaging exact).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// The averaged weights, frozen for prediction.
    pub fn average(&self) -> Model {
        let now = self.step.max(1);
        let mut rows: Vec<(u32, Vec<(u16, f32)>)> = self
            .rows
            .iter()
            .map(|(&key, row)| {
                let entries = row
                    .iter()
                    .map(|s| {
                        let total = s.total + i64::from(s.weight) * (now - s.stamp) as i64;
                        (s.class, total as f32 / now as f32)
                    })
                    .filter(|&(_, w)| w != 0.0)
                    .collect();
                (key, entries)
            })
            .collect();
        rows.sort_unstable_by_key(|&(key, _)| key);
        Model::from_rows(self.n_classes, rows)
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct Entry {
    class: u16,
    weight: f32,
}

/// Features whose rows a sparse lookup locates before adding them up.
const SPARSE_CHUNK: usize = 64;

/// Models with at most this many classes keep their weights in the slot.
const DENSE_WIDTH: usize = 3;

#[derive(Clone, Copy, Default)]
struct DenseSlot {
    key: u32,
    weights: [f32; DENSE_WIDTH],
}

/// `entries[start]` holds the row length in `class`; the row follows it.
#[derive(Clone, Copy, Default)]
struct SparseSlot {
    key: u32,
    start: u32,
}

/// Open-addressing tables (linear probing, load ≤ 1/2); key 0 marks an
/// empty slot, so a feature hashing to 0 (one in 2^32) is dropped.
enum Table {
    /// One memory access per feature: used by the 3-move parser.
    Dense(Vec<DenseSlot>),
    Sparse {
        slots: Vec<SparseSlot>,
        entries: Vec<Entry>,
    },
}

/// Frozen weights for prediction.
pub struct Model {
    n_classes: usize,
    table: Table,
    mask: usize,
    n_features: usize,
}

/// Keys are uniform hashes, so their top bits make a good slot index; and
/// since it grows with the key, inserting in key order (as the model files
/// are stored) fills the table front to back, which keeps loading fast.
#[inline]
fn home(key: u32, mask: usize) -> usize {
    ((u64::from(key) * (mask as u64 + 1)) >> 32) as usize
}

/// Index of `key`'s slot, or of the empty slot where it would go.
#[inline]
fn probe(key: u32, mask: usize, key_at: impl Fn(usize) -> u32) -> usize {
    let mut i = home(key, mask);
    loop {
        let found = key_at(i);
        if found == key || found == 0 {
            return i;
        }
        i = (i + 1) & mask;
    }
}

impl Model {
    /// An empty model with room for `n_rows` features.
    fn with_capacity(n_classes: usize, n_rows: usize) -> Model {
        let capacity = (n_rows * 2).next_power_of_two().max(16);
        let table = if n_classes <= DENSE_WIDTH {
            Table::Dense(vec![DenseSlot::default(); capacity])
        } else {
            Table::Sparse {
                slots: vec![SparseSlot::default(); capacity],
                entries: Vec::with_capacity(n_rows * 3),
            }
        };
        Model {
            n_classes,
            table,
            mask: capacity - 1,
            n_features: 0,
        }
    }

    /// Adds the row of a feature not inserted before.
    fn insert(&mut self, key: u32, row: impl IntoIterator<Item = (u16, f32)>) {
        if key == 0 {
            return;
        }
        let mask = self.mask;
        match &mut self.table {
            Table::Dense(slots) => {
                let i = probe(key, mask, |i| slots[i].key);
                slots[i].key = key;
                for (class, weight) in row {
                    slots[i].weights[usize::from(class)] += weight;
                }
            }
            Table::Sparse { slots, entries } => {
                let start = entries.len();
                entries.push(Entry::default());
                entries.extend(
                    row.into_iter()
                        .map(|(class, weight)| Entry { class, weight }),
                );
                let len = entries.len() - start - 1;
                if len == 0 {
                    entries.truncate(start);
                    return;
                }
                entries[start].class = len as u16;
                let i = probe(key, mask, |i| slots[i].key);
                slots[i] = SparseSlot {
                    key,
                    start: start as u32,
                };
            }
        }
        self.n_features += 1;
    }

    /// `rows` holds distinct keys.
    fn from_rows(n_classes: usize, rows: Vec<(u32, Vec<(u16, f32)>)>) -> Model {
        let mut model = Model::with_capacity(n_classes, rows.len());
        for (key, row) in rows {
            model.insert(key, row);
        }
        model
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features with weights.
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// Writes the class scores of `features` into `scores` (length n_classes).
    #[inline]
    pub fn score(&self, features: &[u32], scores: &mut [f32]) {
        scores.fill(0.0);
        self.warm(features);
        match &self.table {
            Table::Dense(slots) => {
                for &key in features {
                    let slot = &slots[probe(key, self.mask, |i| slots[i].key)];
                    if slot.key == key {
                        for (score, weight) in scores.iter_mut().zip(slot.weights) {
                            *score += weight;
                        }
                    }
                }
            }
            Table::Sparse { slots, entries } => {
                // Rows are found first (their first entries loaded together,
                // like the slots in `warm`), then added up in feature order.
                let mut starts = [0u32; SPARSE_CHUNK];
                for chunk in features.chunks(SPARSE_CHUNK) {
                    let mut found = 0;
                    let mut touched = 0u16;
                    for &key in chunk {
                        let slot = slots[probe(key, self.mask, |i| slots[i].key)];
                        if slot.key == key && key != 0 {
                            starts[found] = slot.start;
                            touched ^= entries[slot.start as usize].class;
                            found += 1;
                        }
                    }
                    std::hint::black_box(touched);
                    for &start in &starts[..found] {
                        let start = start as usize;
                        let len = usize::from(entries[start].class);
                        for entry in &entries[start + 1..start + 1 + len] {
                            scores[usize::from(entry.class)] += entry.weight;
                        }
                    }
                }
            }
        }
    }

    /// Loads the home slot of every feature before probing: the loads are
    /// independent, so the cache misses of a large table overlap instead of
    /// waiting for each other behind the probe loop's branches.
    #[inline]
    fn warm(&self, features: &[u32]) {
        let mut touched = 0u32;
        match &self.table {
            Table::Dense(slots) => {
                for &key in features {
                    touched ^= slots[home(key, self.mask)].key;
                }
            }
            Table::Sparse { slots, .. } => {
                for &key in features {
                    touched ^= slots[home(key, self.mask)].key;
                }
            }
        }
        std::hint::black_box(touched);
    }

    /// Every (key, row) of the model, in key order.
    fn rows(&self) -> Vec<(u32, Vec<(u16, f32)>)> {
        let mut rows: Vec<(u32, Vec<(u16, f32)>)> = match &self.table {
            Table::Dense(slots) => slots
                .iter()
                .filter(|s| s.key != 0)
                .map(|s| {
                    let row = (0..self.n_classes)
                        .map(|c| (c as u16, s.weights[c]))
                        .filter(|&(_, w)| w != 0.0)
                        .collect();
                    (s.key, row)
                })
                .collect(),
            Table::Sparse { slots, entries } => slots
                .iter()
                .filter(|s| s.key != 0)
                .map(|s| {
                    let start = s.start as usize;
                    let len = usize::from(entries[start].class);
                    let row = entries[start + 1..start + 1 + len]
                        .iter()
                        .map(|e| (e.class, e.weight))
                        .collect();
                    (s.key, row)
                })
                .collect(),
        };
        rows.sort_unstable_by_key(|&(key, _)| key);
        rows
    }

    /// Serializes the weights, quantized to `levels` steps of the largest
    /// magnitude. Features whose weights all stay below `prune` times that
    /// magnitude are dropped, and so are weights that round to zero.
    pub fn encode(&self, out: &mut Encoder, levels: u32, prune: f32) {
        let rows = self.rows();
        let max = rows
            .iter()
            .flat_map(|(_, row)| row.iter().map(|&(_, w)| w.abs()))
            .fold(0.0f32, f32::max)
            .max(f32::MIN_POSITIVE);
        let step = max / levels as f32;
        let floor = max * prune;
        let rows: Vec<(u32, Vec<(u16, i64)>)> = rows
            .into_iter()
            .filter(|(_, row)| row.iter().any(|&(_, w)| w.abs() >= floor))
            .map(|(key, row)| {
                let row = row
                    .into_iter()
                    .map(|(class, w)| (class, (w / step).round() as i64))
                    .filter(|&(_, q)| q != 0)
                    .collect::<Vec<_>>();
                (key, row)
            })
            .filter(|(_, row)| !row.is_empty())
            .collect();
        out.uint(self.n_classes as u64);
        out.f32(step);
        out.uint(rows.len() as u64);
        let mut previous = 0u32;
        for (key, row) in rows {
            out.uint(u64::from(key - previous));
            previous = key;
            out.uint(row.len() as u64);
            for (class, q) in row {
                out.uint(u64::from(class));
                out.int(q);
            }
        }
    }

    pub fn decode(input: &mut Decoder) -> Result<Model, ModelError> {
        let n_classes = input.usize()?;
        let step = input.f32()?;
        let n_rows = input.usize()?;
        let mut model = Model::with_capacity(n_classes, n_rows);
        let mut key = 0u32;
        let mut row = Vec::with_capacity(n_classes);
        for _ in 0..n_rows {
            key = key.wrapping_add(input.uint()? as u32);
            let len = input.usize()?;
            row.clear();
            for _ in 0..len {
                let class = input.uint()? as u16;
                let weight = input.int()? as f32 * step;
                row.push((class, weight));
            }
            model.insert(key, row.iter().copied());
        }
        Ok(model)
    }
}

/// Index of the highest score among classes allowed by `allowed`.
#[inline]
pub fn best_allowed(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (class, &score) in scores.iter().enumerate() {
        if allowed(class) && best.is_none_or(|b| score > scores[b]) {
            best = Some(class);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::Decoder;

    /// Class 0 when feature 10 fires, class 1 when feature 20 fires.
    fn trained() -> Trainer {
        let mut trainer = Trainer::new(2);
        let mut scores = [0.0; 2];
        for _ in 0..5 {
            for (features, truth) in [(&[10u32, 1][..], 0), (&[20u32, 1][..], 1)] {
                trainer.score(features, &mut scores);
                let guess = best_allowed(&scores, |_| true).unwrap();
                trainer.update(features, truth, guess);
            }
        }
        trainer
    }

    #[test]
    fn learns_separable_classes_and_survives_encoding() {
        let model = trained().average();
        let mut scores = [0.0; 2];
        model.score(&[10, 1], &mut scores);
        assert!(scores[0] > scores[1]);
        model.score(&[20, 1], &mut scores);
        assert!(scores[1] > scores[0]);

        let mut out = Encoder::new(b"PERCTEST");
        model.encode(&mut out, 1000, 0.0);
        let bytes = out.finish();
        let mut input = Decoder::new("test", &bytes, b"PERCTEST").unwrap();
        let decoded = Model::decode(&mut input).unwrap();
        let mut again = [0.0; 2];
        decoded.score(&[20, 1], &mut again);
        assert!((again[1] - scores[1]).abs() < 0.01 * scores[1].abs().max(1.0));
        assert!(again[1] > again[0]);
    }

    #[test]
    fn best_allowed_skips_forbidden_classes() {
        assert_eq!(best_allowed(&[3.0, 1.0, 2.0], |c| c != 0), Some(2));
        assert_eq!(best_allowed(&[3.0], |_| false), None);
    }
}
#[cfg(test)]
mod table_tests {
    use super::*;
    use crate::hashing::Rng;

    #[test]
    fn table_scores_match_a_naive_sum() {
        let mut rng = Rng::new(3);
        for n_classes in [3usize, 40] {
            let mut rows: Vec<(u32, Vec<(u16, f32)>)> = (0..5000u32)
                .map(|k| {
                    let key = (rng.next_u64() as u32) | 1;
                    let mut row = Vec::new();
                    for c in 0..n_classes as u16 {
                        if rng.next_u64() % 10 < 3 {
                            row.push((c, (rng.next_u64() % 1000) as f32 / 1000.0 - 0.5));
                        }
                    }
                    (key.wrapping_add(k), row)
                })
                .collect();
            rows.sort_unstable_by_key(|r| r.0);
            rows.dedup_by_key(|r| r.0);
            let model = Model::from_rows(n_classes, rows.clone());
            let naive: std::collections::HashMap<u32, Vec<(u16, f32)>> =
                rows.iter().cloned().collect();
            for _ in 0..200 {
                let features: Vec<u32> = (0..30)
                    .map(|_| {
                        if rng.next_u64().is_multiple_of(2) {
                            rows[(rng.next_u64() % rows.len() as u64) as usize].0
                        } else {
                            rng.next_u64() as u32
                        }
                    })
                    .collect();
                let mut scores = vec![0.0; n_classes];
                model.score(&features, &mut scores);
                let mut expected = vec![0.0f32; n_classes];
                for f in &features {
                    for &(c, w) in naive.get(f).map(Vec::as_slice).unwrap_or(&[]) {
                        expected[c as usize] += w;
                    }
                }
                for (a, b) in scores.iter().zip(&expected) {
                    assert!((a - b).abs() < 1e-4, "{n_classes}: {a} vs {b}");
                }
            }
        }
    }
}
