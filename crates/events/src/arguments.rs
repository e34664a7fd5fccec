//! From parse tokens to participants: which actor mention an argument token
//! stands for (the mention holding it, or the nearest one under it, through
//! coreference chains for pronouns and across conjuncts), and how many of
//! them an argument counts (`60 Russian diplomats`).

use crate::lexicon::Cues;
use crate::syntax::Tree;
use chancery_core::{Actor, ActorMention, Document, EntityType, MentionKind, Quantity, Upos};

/// The document's actor mentions, looked up by token.
pub struct Mentions<'d> {
    doc: &'d Document,
    tree: Tree<'d>,
}

impl<'d> Mentions<'d> {
    pub fn new(doc: &'d Document) -> Mentions<'d> {
        Mentions {
            doc,
            tree: Tree::new(doc),
        }
    }

    pub fn all(&self) -> &'d [ActorMention] {
        &self.doc.actors
    }

    /// The smallest mention holding token `i`, or whose head it is.
    pub fn holding(&self, i: usize) -> Option<usize> {
        self.doc
            .actors
            .iter()
            .enumerate()
            .filter(|(_, m)| m.tokens.contains(&i) || m.head == i)
            .min_by_key(|(_, m)| m.tokens.len())
            .map(|(k, _)| k)
    }

    /// The mention nearest below token `i` in the parse.
    pub fn under(&self, i: usize) -> Option<usize> {
        let depth = |t: usize| {
            let ancestors = self.tree.ancestors(t);
            ancestors.iter().position(|&a| a == i).unwrap_or(usize::MAX)
        };
        self.doc
            .actors
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                m.tokens
                    .clone()
                    .chain([m.head])
                    .any(|t| self.tree.dominates(i, t))
            })
            .min_by_key(|(_, m)| (depth(m.head), m.tokens.start))
            .map(|(k, _)| k)
    }

    /// The actors of mention `k`; a mention without its own (a pronoun)
    /// takes those of the nearest earlier mention of its chain.
    pub fn actors(&self, k: usize) -> Vec<Actor> {
        let mention = &self.doc.actors[k];
        if !mention.actors.is_empty() {
            return mention.actors.clone();
        }
        let Some(chain) = mention.chain else {
            return vec![];
        };
        let same_chain = |m: &&ActorMention| m.chain == Some(chain) && !m.actors.is_empty();
        let earlier = self.doc.actors[..k].iter().rev().find(same_chain);
        earlier
            .or_else(|| self.doc.actors[k..].iter().find(same_chain))
            .map(|m| m.actors.clone())
            .unwrap_or_default()
    }

    /// The actor of mention `k` that best names it: a nominal or pronoun
    /// mention takes the named mention of its chain ("the envoy" → Antonov).
    pub fn best_name(&self, k: usize) -> Option<Actor> {
        let mention = &self.doc.actors[k];
        if mention.kind == MentionKind::Named {
            return self.actors(k).into_iter().next();
        }
        let in_chain = mention.chain.and_then(|chain| {
            self.doc.actors.iter().find(|m| {
                m.chain == Some(chain) && m.kind == MentionKind::Named && !m.actors.is_empty()
            })
        });
        let singular =
            mention.kind == MentionKind::Pronoun || self.doc.tokens[mention.head].xpos == "NN";
        let named = in_chain.or_else(|| singular.then(|| self.salient_person_like(k)).flatten());
        match named {
            Some(m) => m.actors.first().cloned(),
            None => self.actors(k).into_iter().next(),
        }
    }

    /// The most mentioned named person with the country and sector of
    /// mention `k`: "the Russian envoy" is most likely the Russian official
    /// the article is about.
    fn salient_person_like(&self, k: usize) -> Option<&'d ActorMention> {
        let role = self.actors(k).into_iter().next()?;
        role.country.as_ref()?;
        let is_person = |m: &ActorMention| {
            self.doc
                .entities
                .iter()
                .any(|e| e.kind == EntityType::Person && e.tokens.contains(&m.head))
        };
        let salience = |m: &ActorMention| {
            self.doc
                .actors
                .iter()
                .filter(|other| other.chain.is_some() && other.chain == m.chain)
                .count()
        };
        let distance = |m: &ActorMention| m.head.abs_diff(self.doc.actors[k].head);
        self.doc
            .actors
            .iter()
            .filter(|m| m.kind == MentionKind::Named && is_person(m))
            .filter(|m| {
                m.actors
                    .first()
                    .is_some_and(|a| a.country == role.country && a.sector == role.sector)
            })
            .max_by_key(|m| (salience(m), std::cmp::Reverse(distance(m))))
    }

    /// The actors an argument token stands for, conjuncts included (those of
    /// the token and those of the mention found for it).
    pub fn of_argument(&self, i: usize) -> Vec<Actor> {
        let mut out: Vec<Actor> = Vec::new();
        let mut tokens = self.tree.with_conjuncts(i);
        if let Some(k) = self.holding(i).or_else(|| self.under(i)) {
            tokens.extend(self.tree.with_conjuncts(self.doc.actors[k].head));
        }
        for token in tokens {
            let mention = self.holding(token).or_else(|| self.under(token));
            for actor in mention.map(|k| self.actors(k)).unwrap_or_default() {
                if !out.contains(&actor) {
                    out.push(actor);
                }
            }
        }
        out
    }
}

/// Countries of a list of actors.
pub fn countries(actors: &[Actor]) -> Vec<&str> {
    actors.iter().filter_map(|a| a.country.as_deref()).collect()
}

/// The number a token spells (`60`, `1,200`, `two`).
pub fn number_value(tree: &Tree, cues: &Cues, i: usize) -> Option<f64> {
    let word = tree.lower(i);
    word.replace(',', "")
        .parse::<f64>()
        .ok()
        .or_else(|| cues.number(&word))
}

/// What an argument counts: the numbers on it and on its conjuncts, summed
/// (`58 diplomats … and two staff members` counts 60).
pub fn counted(tree: &Tree, cues: &Cues, argument: usize) -> Option<Quantity> {
    let mut total = None;
    let mut unit = None;
    for noun in tree.with_conjuncts(argument) {
        let counted_noun = counted_noun(tree, noun);
        let value = tree
            .children_rel(noun, "nummod")
            .into_iter()
            .find_map(|n| number_value(tree, cues, n));
        if let Some(v) = value {
            *total.get_or_insert(0.0) += v;
            unit.get_or_insert_with(|| tree.lemma(counted_noun));
        }
    }
    Some(Quantity {
        value: total?,
        unit: unit.unwrap_or_default(),
    })
}

/// `number of diplomats` counts diplomats.
fn counted_noun(tree: &Tree, noun: usize) -> usize {
    if tree.lemma(noun) == "number" {
        if let Some(of) = tree.prep_dependents(noun, "of").first() {
            return *of;
        }
    }
    noun
}

/// Whether an argument says it repeats an earlier count (`the equal number of …`).
pub fn repeats_count(tree: &Tree, cues: &Cues, argument: usize) -> bool {
    tree.children_rel(argument, "amod")
        .into_iter()
        .any(|a| cues.has("equal-number", &tree.lemma(a)))
}

/// Whether a token names a person: a personal pronoun or a person's name.
pub fn is_person(tree: &Tree, cues: &Cues, i: usize) -> bool {
    let doc = tree.doc;
    match tree.upos(i) {
        Upos::PRON => cues.has("person-pronouns", &tree.lower(i)),
        Upos::PROPN => doc
            .entities
            .iter()
            .any(|e| e.tokens.contains(&i) && e.kind == EntityType::Person),
        _ => false,
    }
}
