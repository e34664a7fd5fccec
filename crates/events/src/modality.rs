//! Auxiliary modes from the parse: negation (`not`, `never`, `refused to`),
//! future (`will`, `plans to`) and hypothetical (`would`, `should`, `if …`,
//! `threatened to`). Historical is the time stage's job.

use crate::lexicon::Cues;
use crate::syntax::Tree;
use chancery_core::Aux;

/// The auxiliary modes of the event whose predicate is `predicate`.
pub fn aux_modes(tree: &Tree, cues: &Cues, predicate: usize) -> Vec<Aux> {
    let mut aux = Vec::new();
    let mut add = |a: Aux| {
        if !aux.contains(&a) {
            aux.push(a);
        }
    };
    let mut current = predicate;
    // Up the chain of clauses that share this event's truth: control
    // (`tried to persuade`), coordination and copulas; a reported clause
    // (`ccomp`) keeps its own modality.
    for _ in 0..6 {
        for child in tree.children(current) {
            let word = tree.lower(child);
            let lemma = tree.lemma(child);
            match tree.base_rel(child) {
                "advmod" | "neg" | "det" if cues.has("negation", &word) => add(Aux::Negation),
                "aux" if cues.has("future-aux", &word) => add(Aux::Future),
                "aux" if cues.has("hypothetical-aux", &word) => add(Aux::Hypothetical),
                "aux" if lemma == "go" || word == "going" => add(Aux::Future),
                "mark" if cues.has("conditional-marks", &word) => add(Aux::Hypothetical),
                _ => {}
            }
        }
        let Some(head) = tree.head(current) else {
            break;
        };
        let rel = tree.base_rel(current);
        // "plans to visit" misparsed with `plans` as a noun still governs an
        // infinitive.
        let infinitive_of_noun = rel == "acl"
            && tree
                .children_rel(current, "mark")
                .into_iter()
                .any(|m| tree.lower(m) == "to");
        if !matches!(rel, "xcomp" | "conj") && !infinitive_of_noun {
            break;
        }
        if rel != "conj" {
            let governor = tree.lemma(head);
            if cues.has("negating-verbs", &governor) {
                add(Aux::Negation);
            } else if cues.has("future-verbs", &governor) {
                add(Aux::Future);
            } else if cues.has("hypothetical-verbs", &governor) {
                add(Aux::Hypothetical);
            }
        }
        current = head;
    }
    aux.sort();
    aux
}
