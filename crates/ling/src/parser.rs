//! Unlabeled dependency parser: arc-hybrid transitions scored by an averaged
//! perceptron with Zhang & Nivre style features (plus commas between the
//! candidate words, the words' ambiguity classes and the preposition of a
//! candidate nominal dependent), decoded with beam search and
//! trained globally (max-violation updates). The gold move sequence comes
//! from the arc-hybrid dynamic oracle of Goldberg & Nivre (2013), which also
//! handles non-projective trees. The root is an extra token at the end of the
//! buffer and only one word may attach to it. Relations are added afterwards
//! by [`crate::labeler`].

use crate::hashing::{hash_str, key};
use crate::perceptron::{Model, Trainer};
use crate::words::WordKeys;
use std::sync::LazyLock;

const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;
const N_MOVES: usize = 3;

/// No token at this position.
const NONE: usize = usize::MAX;
/// Feature values of the artificial root token.
const ROOT_WORD: u64 = 0x524f_4f54;
const ROOT_TAG: u64 = 1_000;

/// A sentence as the parser sees it: hashed words and predicted tag classes.
pub struct Input<'a> {
    pub words: &'a [WordKeys],
    pub tags: &'a [u16],
    /// Ambiguity class of each word (the set of tags it had in the tagger's
    /// training data, 0 when rare or unseen).
    pub ambiguity: &'a [u64],
}

impl Input<'_> {
    fn len(&self) -> usize {
        self.words.len()
    }
}

struct State {
    /// Number of words; token `n` is the root.
    n: usize,
    stack: Vec<usize>,
    /// First token of the buffer; the buffer is `next..=n`.
    next: usize,
    heads: Vec<usize>,
    /// Two leftmost and two rightmost children of each token.
    leftmost: Vec<[usize; 2]>,
    rightmost: Vec<[usize; 2]>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
}

impl Clone for State {
    fn clone(&self) -> State {
        let mut copy = State::new(0);
        copy.clone_from(self);
        copy
    }

    /// Reuses the buffers of `self` (see [`Beam`]).
    fn clone_from(&mut self, source: &State) {
        self.n = source.n;
        self.stack.clone_from(&source.stack);
        self.next = source.next;
        self.heads.clone_from(&source.heads);
        self.leftmost.clone_from(&source.leftmost);
        self.rightmost.clone_from(&source.rightmost);
        self.n_left.clone_from(&source.n_left);
        self.n_right.clone_from(&source.n_right);
    }
}

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            next: 0,
            heads: vec![NONE; n + 1],
            leftmost: vec![[NONE; 2]; n + 1],
            rightmost: vec![[NONE; 2]; n + 1],
            n_left: vec![0; n + 1],
            n_right: vec![0; n + 1],
        }
    }

    fn is_final(&self) -> bool {
        self.stack.is_empty() && self.next == self.n
    }

    fn legal(&self, moves: usize) -> bool {
        let depth = self.stack.len();
        match moves {
            SHIFT => self.next < self.n,
            // Only the last word left may attach to the root.
            LEFT => depth > 0 && (self.next < self.n || depth == 1),
            _ => depth > 1,
        }
    }

    fn apply(&mut self, moves: usize) {
        match moves {
            SHIFT => {
                self.stack.push(self.next);
                self.next += 1;
            }
            LEFT => {
                let dependent = self.stack.pop().expect("legal LEFT");
                self.attach(self.next, dependent);
            }
            _ => {
                let dependent = self.stack.pop().expect("legal RIGHT");
                let head = *self.stack.last().expect("legal RIGHT");
                self.attach(head, dependent);
            }
        }
    }

    fn attach(&mut self, head: usize, dependent: usize) {
        self.heads[dependent] = head;
        if dependent < head {
            self.n_left[head] = self.n_left[head].saturating_add(1);
            let slots = &mut self.leftmost[head];
            if slots[0] == NONE || dependent < slots[0] {
                *slots = [dependent, slots[0]];
            } else if slots[1] == NONE || dependent < slots[1] {
                slots[1] = dependent;
            }
        } else {
            self.n_right[head] = self.n_right[head].saturating_add(1);
            let slots = &mut self.rightmost[head];
            if slots[0] == NONE || dependent > slots[0] {
                *slots = [dependent, slots[0]];
            } else if slots[1] == NONE || dependent > slots[1] {
                slots[1] = dependent;
            }
        }
    }

    fn stack_at(&self, depth: usize) -> usize {
        self.stack
            .len()
            .checked_sub(depth + 1)
            .map_or(NONE, |i| self.stack[i])
    }

    fn buffer_at(&self, offset: usize) -> usize {
        let i = self.next + offset;
        if i <= self.n {
            i
        } else {
            NONE
        }
    }

    /// Gold arcs each move would make unreachable (arc-hybrid dynamic oracle).
    fn costs(&self, gold: &[usize]) -> [u32; N_MOVES] {
        let mut costs = [u32::MAX; N_MOVES];
        let b0 = self.next;
        let buffer = b0..self.n;
        if let Some(&s0) = self.stack.last() {
            let s1 = self.stack_at(1);
            let dependents_in_buffer = buffer.clone().filter(|&d| gold[d] == s0).count() as u32;
            let head_in_buffer = gold[s0] >= b0;
            if self.legal(LEFT) {
                let head_elsewhere =
                    gold[s0] != b0 && (head_in_buffer || (s1 != NONE && gold[s0] == s1));
                costs[LEFT] = dependents_in_buffer + head_elsewhere as u32;
            }
            if self.legal(RIGHT) {
                costs[RIGHT] = dependents_in_buffer + head_in_buffer as u32;
            }
        }
        if self.legal(SHIFT) {
            let depth = self.stack.len();
            let dependents_in_stack = self.stack.iter().filter(|&&d| gold[d] == b0).count();
            let head_in_stack = depth > 1 && self.stack[..depth - 1].contains(&gold[b0]);
            costs[SHIFT] = (dependents_in_stack + head_in_stack as usize) as u32;
        }
        costs
    }

    fn push_features(&self, input: &Input, out: &mut Vec<u32>) {
        let n = self.n;
        let word = |i: usize| match i {
            NONE => 0,
            i if i == n => ROOT_WORD,
            i => input.words[i].lower,
        };
        let tag = |i: usize| match i {
            NONE => 0,
            i if i == n => ROOT_TAG,
            i => u64::from(input.tags[i]) + 1,
        };
        let child = |i: usize, slots: &[[usize; 2]], k: usize| {
            if i == NONE {
                NONE
            } else {
                slots[i][k]
            }
        };
        let (s0, s1, s2) = (self.stack_at(0), self.stack_at(1), self.stack_at(2));
        let (b0, b1, b2) = (self.buffer_at(0), self.buffer_at(1), self.buffer_at(2));
        let (s0l, s0l2) = (child(s0, &self.leftmost, 0), child(s0, &self.leftmost, 1));
        let (s0r, s0r2) = (child(s0, &self.rightmost, 0), child(s0, &self.rightmost, 1));
        let (s1l, s1r) = (child(s1, &self.leftmost, 0), child(s1, &self.rightmost, 0));
        let (b0l, b0l2) = (child(b0, &self.leftmost, 0), child(b0, &self.leftmost, 1));
        let (s0w, s0t, s1w, s1t, s2t) = (word(s0), tag(s0), word(s1), tag(s1), tag(s2));
        let (b0w, b0t, b1w, b1t, b2w, b2t) =
            (word(b0), tag(b0), word(b1), tag(b1), word(b2), tag(b2));
        let (s0lt, s0rt, b0lt, s1rt) = (tag(s0l), tag(s0r), tag(b0l), tag(s1r));
        let distance = |a: usize, b: usize| -> u64 {
            if a == NONE || b == NONE {
                return 0;
            }
            match b.abs_diff(a) {
                d @ 0..=4 => d as u64,
                5..=9 => 5,
                _ => 6,
            }
        };
        let d0 = distance(s0, b0);
        let d1 = distance(s1, s0);
        let valency = |counts: &[u8], i: usize| {
            if i == NONE {
                9
            } else {
                u64::from(counts[i].min(6))
            }
        };
        let (s0vl, s0vr, b0vl, s1vr) = (
            valency(&self.n_left, s0),
            valency(&self.n_right, s0),
            valency(&self.n_left, b0),
            valency(&self.n_right, s1),
        );
        out.clear();
        out.extend([
            key(1, &[s0w, s0t]),
            key(2, &[s0w]),
            key(3, &[s0t]),
            key(4, &[b0w, b0t]),
            key(5, &[b0w]),
            key(6, &[b0t]),
            key(7, &[b1w, b1t]),
            key(8, &[b1w]),
            key(9, &[b1t]),
            key(10, &[b2w, b2t]),
            key(11, &[b2w]),
            key(12, &[b2t]),
            key(13, &[s1w, s1t]),
            key(14, &[s1w]),
            key(15, &[s1t]),
            key(16, &[s2t]),
            key(18, &[s0w, s0t, b0w, b0t]),
            key(19, &[s0w, s0t, b0w]),
            key(20, &[s0w, b0w, b0t]),
            key(21, &[s0w, s0t, b0t]),
            key(22, &[s0t, b0w, b0t]),
            key(23, &[s0w, b0w]),
            key(24, &[s0t, b0t]),
            key(25, &[b0t, b1t]),
            key(26, &[s1w, s1t, s0w, s0t]),
            key(27, &[s1t, s0t]),
            key(28, &[s1w, s0w]),
            key(29, &[s1t, s0w]),
            key(30, &[s1w, s0t]),
            key(31, &[b0t, b1t, b2t]),
            key(32, &[s0t, b0t, b1t]),
            key(33, &[s1t, s0t, b0t]),
            key(34, &[s0t, s0lt, b0t]),
            key(35, &[s0t, s0rt, b0t]),
            key(36, &[s0t, b0t, b0lt]),
            key(37, &[s0t, s0lt, tag(s0l2)]),
            key(38, &[s0t, s0rt, tag(s0r2)]),
            key(39, &[b0t, b0lt, tag(b0l2)]),
            key(40, &[s1t, s0t, s0lt]),
            key(41, &[s1t, s1rt, s0t]),
            key(42, &[s1t, s0t, s0rt]),
            key(43, &[s2t, s1t, s0t]),
            key(44, &[s0w, d0]),
            key(45, &[s0t, d0]),
            key(46, &[b0w, d0]),
            key(47, &[b0t, d0]),
            key(48, &[s0w, b0w, d0]),
            key(49, &[s0t, b0t, d0]),
            key(50, &[s1t, s0t, d1]),
            key(51, &[s1w, s0t, d1]),
            key(52, &[s0w, s0vr]),
            key(53, &[s0t, s0vr]),
            key(54, &[s0w, s0vl]),
            key(55, &[s0t, s0vl]),
            key(56, &[b0w, b0vl]),
            key(57, &[b0t, b0vl]),
            key(58, &[s1t, s1vr]),
            key(59, &[word(s0l)]),
            key(60, &[s0lt]),
            key(61, &[word(s0r)]),
            key(62, &[s0rt]),
            key(63, &[word(b0l)]),
            key(64, &[b0lt]),
            key(65, &[tag(s1l)]),
            key(66, &[word(s1r)]),
            key(67, &[s1rt]),
            key(68, &[tag(s0l2)]),
            key(69, &[tag(s0r2)]),
            key(70, &[tag(b0l2)]),
            key(71, &[s0t, b0t, b1w]),
            key(72, &[s1t, s0t, b0w]),
        ]);
        let (c0, c1) = (commas_between(input, s0, b0), commas_between(input, s1, s0));
        let ambiguity = |i: usize| match i {
            NONE => 0,
            i if i == n => ROOT_TAG,
            i => input.ambiguity[i] + AMBIGUITY_OFFSET,
        };
        let suffix = |i: usize| match i {
            NONE => 0,
            i if i == n => ROOT_WORD,
            i => input.words[i].suffix[2],
        };
        let (b0lw, s0lw) = (word(b0l), word(s0l));
        out.extend([
            // Commas between the two words: clause and list boundaries.
            key(73, &[s0t, b0t, c0]),
            key(74, &[s1t, s0t, c1]),
            key(75, &[s0w, b0t, c0]),
            key(76, &[s0t, b0w, c0]),
            // The tags each word can have, beside the one it was given.
            key(77, &[ambiguity(s0), ambiguity(b0)]),
            key(78, &[ambiguity(s0), b0t]),
            key(79, &[s0t, ambiguity(b0)]),
            key(80, &[ambiguity(s1), ambiguity(s0)]),
            key(81, &[suffix(s0), b0t]),
            key(82, &[s0t, suffix(b0)]),
            key(83, &[suffix(s1), s0t]),
            key(84, &[s0w, b0t, b1t]),
            key(85, &[word(s0l2)]),
            key(86, &[word(s0r2)]),
            key(87, &[word(b0l2)]),
            key(88, &[s0w, s0t, b0w, b0t, b1t]),
            // A nominal's leftmost child is its preposition ("with the
            // telescope"): with the candidate head it decides the attachment.
            key(89, &[s0t, b0lw, b0t]),
            key(90, &[s0w, b0lw]),
            key(91, &[s1t, s0lw, s0t]),
            key(92, &[s1w, s0lw]),
            key(93, &[s0w, b0lw, b0w]),
            key(94, &[s1w, s0lw, s0w]),
        ]);
    }
}

/// Keeps ambiguity-class feature values apart from tag values.
const AMBIGUITY_OFFSET: u64 = 2_000;
/// Feature value of a missing word in [`commas_between`].
const NO_COMMA_COUNT: u64 = 9;

/// Commas strictly between tokens `a` and `b` (either order), capped at 2.
fn commas_between(input: &Input, a: usize, b: usize) -> u64 {
    static COMMA: LazyLock<u64> = LazyLock::new(|| hash_str(","));
    if a == NONE || b == NONE {
        return NO_COMMA_COUNT;
    }
    let (low, high) = (a.min(b), a.max(b).min(input.len()));
    input.words[(low + 1).min(high)..high]
        .iter()
        .filter(|w| w.lower == *COMMA)
        .take(2)
        .count() as u64
}

/// A partial parse in the beam: its state, total score and moves so far.
struct Hypothesis {
    state: State,
    score: f32,
    moves: Vec<u8>,
}

impl Clone for Hypothesis {
    fn clone(&self) -> Hypothesis {
        Hypothesis {
            state: self.state.clone(),
            score: self.score,
            moves: self.moves.clone(),
        }
    }

    /// Copies into the existing buffers: the beam recycles its hypotheses
    /// so that a step allocates nothing.
    fn clone_from(&mut self, source: &Hypothesis) {
        self.state.clone_from(&source.state);
        self.score = source.score;
        self.moves.clone_from(&source.moves);
    }
}

/// One way to extend the beam: hypothesis `parent` followed by `next`.
struct Candidate {
    score: f32,
    parent: usize,
    next: usize,
}

/// The hypotheses of a beam search, best first, and the buffers a step
/// reuses.
struct Beam {
    hypotheses: Vec<Hypothesis>,
    /// Hypotheses no longer in the beam, kept for their allocations.
    spare: Vec<Hypothesis>,
    /// Empty; keeps the capacity of the next step's hypothesis list.
    next: Vec<Hypothesis>,
    candidates: Vec<Candidate>,
    features: Vec<u32>,
}

impl Beam {
    fn start(n: usize) -> Beam {
        Beam {
            hypotheses: vec![Hypothesis {
                state: State::new(n),
                score: 0.0,
                moves: Vec::with_capacity(2 * n),
            }],
            spare: Vec::new(),
            next: Vec::new(),
            candidates: Vec::new(),
            features: Vec::with_capacity(80),
        }
    }

    fn best(&self) -> &Hypothesis {
        &self.hypotheses[0]
    }

    /// Advances every hypothesis by one move and keeps the `width` best.
    fn advance(&mut self, input: &Input, width: usize, score: &mut impl FnMut(&[u32], &mut [f32])) {
        let candidates = &mut self.candidates;
        candidates.clear();
        let mut scores = [0.0f32; N_MOVES];
        for (parent, hypothesis) in self.hypotheses.iter().enumerate() {
            hypothesis.state.push_features(input, &mut self.features);
            score(&self.features, &mut scores);
            for (next, &move_score) in scores.iter().enumerate() {
                if hypothesis.state.legal(next) {
                    candidates.push(Candidate {
                        score: hypothesis.score + move_score,
                        parent,
                        next,
                    });
                }
            }
        }
        candidates.sort_unstable_by(|a, b| b.score.total_cmp(&a.score));
        candidates.truncate(width);
        let mut next = std::mem::take(&mut self.next);
        for candidate in candidates.iter() {
            let parent = &self.hypotheses[candidate.parent];
            let mut hypothesis = match self.spare.pop() {
                Some(mut recycled) => {
                    recycled.clone_from(parent);
                    recycled
                }
                None => parent.clone(),
            };
            hypothesis.state.apply(candidate.next);
            hypothesis.score = candidate.score;
            hypothesis.moves.push(candidate.next as u8);
            next.push(hypothesis);
        }
        let mut previous = std::mem::replace(&mut self.hypotheses, next);
        self.spare.append(&mut previous);
        self.next = previous;
    }
}

/// Transition model of the unlabeled parser, decoded with beam search.
pub struct Parser {
    pub(crate) model: Model,
    pub(crate) beam_width: usize,
}

impl Parser {
    /// The head of each word: a word index, or `words.len()` for the root.
    pub fn parse(&self, input: &Input) -> Vec<usize> {
        let n = input.len();
        let mut beam = Beam::start(n);
        let mut score = |features: &[u32], scores: &mut [f32]| self.model.score(features, scores);
        // Every complete parse takes 2n moves: n shifts and n attachments.
        for _ in 0..2 * n {
            beam.advance(input, self.beam_width, &mut score);
        }
        beam.best().state.heads[..n].to_vec()
    }
}

/// A training sentence for the parser.
pub struct Example<'a> {
    pub input: Input<'a>,
    /// Gold head of each word (`len` for the root).
    pub gold: Vec<usize>,
}

/// The moves that build the gold tree (or, for a non-projective tree, the
/// closest projective one): always a least-cost move, attachments first.
fn gold_moves(gold: &[usize]) -> Vec<u8> {
    let mut state = State::new(gold.len());
    let mut moves = Vec::with_capacity(2 * gold.len());
    while !state.is_final() {
        let costs = state.costs(gold);
        let next = [LEFT, RIGHT, SHIFT]
            .into_iter()
            .min_by_key(|&m| costs[m])
            .expect("three moves");
        state.apply(next);
        moves.push(next as u8);
    }
    moves
}

/// Global training of the beam parser: structured perceptron with
/// max-violation updates (Huang et al. 2012).
pub struct ParserTrainer {
    trainer: Trainer,
    beam_width: usize,
}

impl ParserTrainer {
    pub fn new(beam_width: usize) -> ParserTrainer {
        ParserTrainer {
            trainer: Trainer::new(N_MOVES),
            beam_width: beam_width.max(1),
        }
    }

    /// One pass over `examples` in the given order.
    pub fn epoch(&mut self, examples: &[&Example]) {
        let mut features = Vec::with_capacity(80);
        for example in examples {
            self.learn(example, &mut features);
        }
    }

    fn learn(&mut self, example: &Example, features: &mut Vec<u32>) {
        let input = &example.input;
        let gold = gold_moves(&example.gold);
        let mut beam = Beam::start(input.len());
        let mut gold_state = State::new(input.len());
        let mut gold_score = 0.0f32;
        let mut scores = [0.0f32; N_MOVES];
        let mut worst: Option<(f32, usize, Vec<u8>)> = None;
        for (step, &gold_move) in gold.iter().enumerate() {
            let trainer = &self.trainer;
            beam.advance(input, self.beam_width, &mut |f: &[u32], s: &mut [f32]| {
                trainer.score(f, s)
            });
            gold_state.push_features(input, features);
            trainer.score(features, &mut scores);
            gold_score += scores[usize::from(gold_move)];
            gold_state.apply(usize::from(gold_move));
            let best = beam.best();
            let violation = best.score - gold_score;
            let differs = best.moves[..] != gold[..=step];
            if differs && violation >= worst.as_ref().map_or(0.0, |w| w.0) {
                worst = Some((violation, step, best.moves.clone()));
            }
        }
        self.trainer.tick();
        if let Some((_, step, predicted)) = worst {
            self.replay(input, &gold[..=step], 1, features);
            self.replay(input, &predicted, -1, features);
        }
    }

    /// Adds `delta` to the weights of each move of `moves` in its state.
    fn replay(&mut self, input: &Input, moves: &[u8], delta: i32, features: &mut Vec<u32>) {
        let mut state = State::new(input.len());
        for &next in moves {
            state.push_features(input, features);
            self.trainer.adjust(features, usize::from(next), delta);
            state.apply(usize::from(next));
        }
    }

    pub fn parser(&self) -> Parser {
        Parser {
            model: self.trainer.average(),
            beam_width: self.beam_width,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following the oracle's zero-cost moves rebuilds a projective tree exactly.
    #[test]
    fn oracle_reproduces_projective_trees() {
        // "Two diplomats were expelled by Moscow ." heads (root = 7).
        let gold = vec![1, 3, 3, 7, 5, 3, 3];
        let mut state = State::new(gold.len());
        for next in gold_moves(&gold) {
            assert_eq!(state.costs(&gold)[usize::from(next)], 0);
            state.apply(usize::from(next));
        }
        assert_eq!(&state.heads[..gold.len()], &gold[..]);
    }

    #[test]
    fn counts_commas_strictly_between_two_words() {
        let mut scratch = String::new();
        let words: Vec<WordKeys> = "Paris , Rome , Bonn , and Oslo"
            .split(' ')
            .map(|w| WordKeys::new(w, &mut scratch))
            .collect();
        let tags = vec![0; words.len()];
        let ambiguity = vec![0; words.len()];
        let input = Input {
            words: &words,
            tags: &tags,
            ambiguity: &ambiguity,
        };
        assert_eq!(commas_between(&input, 0, 2), 1);
        assert_eq!(commas_between(&input, 2, 0), 1, "either order");
        assert_eq!(
            commas_between(&input, 0, 1),
            0,
            "the end word is not between"
        );
        assert_eq!(commas_between(&input, 0, 8), 2, "capped at two");
        assert_eq!(commas_between(&input, 2, words.len()), 2, "up to the root");
        assert_eq!(commas_between(&input, NONE, 2), NO_COMMA_COUNT);
    }

    #[test]
    fn only_one_word_attaches_to_the_root() {
        let mut state = State::new(2);
        state.apply(SHIFT);
        state.apply(SHIFT);
        assert!(!state.legal(LEFT), "two words on the stack at the root");
        assert!(state.legal(RIGHT));
        state.apply(RIGHT);
        assert!(state.legal(LEFT));
        state.apply(LEFT);
        assert!(state.is_final());
        assert_eq!(&state.heads[..2], &[2, 0]);
    }
}
