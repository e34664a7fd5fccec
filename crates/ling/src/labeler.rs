//! Dependency relation labeler: given the tree, labels every arc with a UD
//! relation (subtypes included, `nsubj:pass`). Arcs are labeled top-down,
//! so each decision sees the complete tree (the dependent's own children,
//! its siblings, its grandparent) and the labels already given to its head
//! and to the siblings labeled before it ("the verb already has an `obj`").

use crate::hashing::key;
use crate::parser::Input;
use crate::perceptron::{best_allowed, Model, Trainer};
use std::collections::VecDeque;

/// Label id of `root`: always given to the word attached to the root.
pub const ROOT_LABEL: u16 = 0;
const ROOT_WORD: u64 = 0x524f_4f54;
const ROOT_TAG: u64 = 1_000;
/// Most children and siblings looked at per arc.
const MAX_NEIGHBOURS: usize = 6;

pub struct Labeler {
    pub(crate) model: Model,
}

/// Children of each token (the root is token `n`), in text order.
fn children_of(heads: &[usize]) -> Vec<Vec<usize>> {
    let mut children = vec![Vec::new(); heads.len() + 1];
    for (dependent, &head) in heads.iter().enumerate() {
        children[head].push(dependent);
    }
    children
}

/// Tokens in the order they are labeled: breadth-first from the root; the
/// children of a head those on its right first, then those on its left,
/// each side nearest first (complements get their label before the
/// subject and the modifiers: better on dev than text order).
fn top_down(children: &[Vec<usize>], root: usize) -> Vec<usize> {
    let mut order = Vec::with_capacity(root);
    let mut queue = VecDeque::from([root]);
    while let Some(node) = queue.pop_front() {
        let (left, right) = children[node].split_at(children[node].partition_point(|&c| c < node));
        for &child in right.iter().chain(left.iter().rev()) {
            order.push(child);
            queue.push_back(child);
        }
    }
    order
}

/// Label value meaning "not labeled yet / none".
const NO_LABEL: u64 = 0;

struct Context<'a> {
    input: &'a Input<'a>,
    heads: &'a [usize],
    children: Vec<Vec<usize>>,
    /// Label id + 1 of each token labeled so far, NO_LABEL otherwise.
    labels: Vec<u64>,
}

impl Context<'_> {
    fn word(&self, i: usize) -> u64 {
        if i == self.heads.len() {
            ROOT_WORD
        } else {
            self.input.words[i].lower
        }
    }

    fn tag(&self, i: usize) -> u64 {
        if i == self.heads.len() {
            ROOT_TAG
        } else {
            u64::from(self.input.tags[i]) + 1
        }
    }

    /// Tag of the word `offset` positions from `i`; 0 outside the sentence.
    fn tag_at(&self, i: usize, offset: isize) -> u64 {
        match i.checked_add_signed(offset) {
            Some(j) if j < self.heads.len() => self.tag(j),
            _ => 0,
        }
    }

    fn push_features(&self, d: usize, out: &mut Vec<u32>) {
        let n = self.heads.len();
        let h = self.heads[d];
        let (dw, dt, hw, ht) = (self.word(d), self.tag(d), self.word(h), self.tag(h));
        let grand_tag = if h == n { 0 } else { self.tag(self.heads[h]) };
        let head_label = if h == n { NO_LABEL } else { self.labels[h] };
        let right = (d > h) as u64;
        let distance = match d.abs_diff(h) {
            _ if h == n => 0,
            d @ 1..=4 => d as u64,
            5..=9 => 5,
            _ => 6,
        };
        let own_children = &self.children[d];
        let dsuffix = self.input.words[d].suffix[2];
        out.clear();
        out.extend([
            key(1, &[dt]),
            key(2, &[dw]),
            key(3, &[dw, dt]),
            key(4, &[ht]),
            key(5, &[hw]),
            key(6, &[hw, ht]),
            key(7, &[dt, ht]),
            key(8, &[dt, ht, right]),
            key(9, &[dt, ht, right, distance]),
            key(10, &[dw, ht]),
            key(11, &[dt, hw]),
            key(12, &[dw, hw]),
            key(13, &[dt, ht, grand_tag]),
            key(14, &[dt, head_label]),
            key(15, &[dt, ht, head_label]),
            key(16, &[dt, ht, own_children.len().min(4) as u64]),
            key(17, &[dsuffix, ht]),
            key(18, &[dw, right]),
            key(19, &[hw, dt, right]),
            key(20, &[dt, (d == 0) as u64]),
            key(28, &[dt, self.input.words[d].shape]),
            key(
                29,
                &[
                    dt,
                    self.input.words[d].suffix[1],
                    self.input.words[d].prefix[0],
                ],
            ),
            key(30, &[dt, self.tag_at(d, -1), self.tag_at(d, 1)]),
            key(31, &[dt, ht, self.tag_at(d, 1)]),
            key(32, &[dt, ht, self.tag_at(d, -1)]),
        ]);
        let (before, after) =
            self.children[h].split_at(self.children[h].partition_point(|&s| s < d));
        let next_sibling = after.iter().copied().find(|&s| s != d);
        for (side, sibling) in [(0u64, before.last().copied()), (1, next_sibling)] {
            let (tag, word) = sibling.map_or((0, 0), |s| (self.tag(s), self.word(s)));
            out.push(key(33, &[dt, ht, tag, side]));
            out.push(key(34, &[dt, word, side]));
        }
        for &c in own_children.iter().take(MAX_NEIGHBOURS) {
            let side = (c > d) as u64;
            out.push(key(21, &[dt, self.tag(c), side]));
            out.push(key(22, &[dt, self.word(c), side]));
            out.push(key(23, &[dt, ht, self.word(c)]));
        }
        let siblings = self.children[h].iter().filter(|&&s| s != d);
        for &s in siblings.take(MAX_NEIGHBOURS * 2) {
            let before = (s < d) as u64;
            out.push(key(24, &[dt, ht, self.tag(s), before]));
            out.push(key(25, &[dt, self.word(s), before]));
            if self.labels[s] != NO_LABEL {
                out.push(key(26, &[dt, self.labels[s], before, right]));
                out.push(key(27, &[dt, ht, self.labels[s]]));
            }
        }
    }
}

/// Labels the arcs top-down; `decide` picks the label of each dependent
/// from its features (and may learn from it), returning the chosen label.
fn walk(input: &Input, heads: &[usize], mut decide: impl FnMut(usize, &[u32]) -> u16) -> Vec<u16> {
    let n = heads.len();
    let children = children_of(heads);
    let order = top_down(&children, n);
    let mut context = Context {
        input,
        heads,
        children,
        labels: vec![NO_LABEL; n],
    };
    let mut features = Vec::with_capacity(80);
    let mut labels = vec![ROOT_LABEL; n];
    for d in order {
        context.push_features(d, &mut features);
        let label = decide(d, &features);
        labels[d] = label;
        context.labels[d] = u64::from(label) + 1;
    }
    labels
}

/// The best label for an arc: `root` exactly for the root's dependent.
fn choose(scores: &[f32], attached_to_root: bool) -> u16 {
    if attached_to_root {
        ROOT_LABEL
    } else {
        best_allowed(scores, |c| c != usize::from(ROOT_LABEL)).unwrap_or(0) as u16
    }
}

impl Labeler {
    /// The relation id of each word, given its head (`len` for the root).
    pub fn label(&self, input: &Input, heads: &[usize]) -> Vec<u16> {
        let mut scores = vec![0.0; self.model.n_classes()];
        walk(input, heads, |d, features| {
            self.model.score(features, &mut scores);
            choose(&scores, heads[d] == heads.len())
        })
    }
}

/// Incremental training state of the labeler.
pub struct LabelerTrainer {
    trainer: Trainer,
}

impl LabelerTrainer {
    /// `n_labels` includes `root` as label 0.
    pub fn new(n_labels: usize) -> LabelerTrainer {
        LabelerTrainer {
            trainer: Trainer::new(n_labels),
        }
    }

    /// Learns from one sentence with gold heads and labels; later decisions
    /// see the labels the model itself predicted, as at run time.
    pub fn learn(&mut self, input: &Input, heads: &[usize], gold: &[u16]) {
        let mut scores = vec![0.0; self.trainer.n_classes()];
        let trainer = &mut self.trainer;
        walk(input, heads, |d, features| {
            if heads[d] == heads.len() {
                return ROOT_LABEL;
            }
            trainer.score(features, &mut scores);
            let guess = choose(&scores, false);
            trainer.update(features, usize::from(gold[d]), usize::from(guess));
            guess
        });
    }

    pub fn labeler(&self) -> Labeler {
        Labeler {
            model: self.trainer.average(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Yesterday she gave him the book" with root 6: "gave" heads
    /// Yesterday, she, him and book; "book" heads "the".
    #[test]
    fn labels_right_children_first_then_left_ones_nearest_first() {
        let heads = vec![2, 2, 6, 2, 5, 2];
        let order = top_down(&children_of(&heads), heads.len());
        assert_eq!(order, vec![2, 3, 5, 1, 0, 4]);
    }
}
