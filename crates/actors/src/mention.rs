//! The resolver's working form of a mention: the output `ActorMention` plus
//! what phrase combination and coreference need to know about it.

use crate::words::Pronoun;
use chancery_core::{Actor, MentionKind};
use std::ops::Range;

/// What a mention refers to, for pronoun agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refers {
    /// One person: he, she.
    Person,
    /// Several people: they.
    Group,
    /// A country, organization or institution: it (or they).
    Thing,
}

#[derive(Debug, Clone)]
pub struct Mention {
    pub tokens: Range<usize>,
    pub sentence: usize,
    pub kind: MentionKind,
    pub actors: Vec<Actor>,
    pub refers: Refers,
    /// For pronouns: which kind.
    pub pronoun: Option<Pronoun>,
    /// A person's full name, when the mention names a person.
    pub person: Option<String>,
    /// Role words stated in the text (`ambassador to the United States`).
    pub role: Option<String>,
    /// Whether the text itself states the role and country (for learning).
    pub stated_role: bool,
    /// Lemma of a common-noun head (`ambassador`, `diplomat`).
    pub head_noun: Option<String>,
    /// `its embassy`: the country comes from what the pronoun stands for.
    pub owner_pronoun: Option<Pronoun>,
    /// A bare surname or a description that coreference should complete.
    pub needs_antecedent: bool,
    /// `the two sides`: both parties of the preceding dyad.
    pub dyad: bool,
    /// The parse (or position) makes it a subject.
    pub subject: bool,
    /// Next to a reporting verb (`Lavrov said`, `said Peskov`): a speaker.
    pub reporter: bool,
    /// A role head that is an actor only with a complement (`the head of the FSB`).
    pub provisional: bool,
    /// A name the recognizer calls a place or organization but the knowledge
    /// base does not know: kept only if coreference resolves it.
    pub speculative: bool,
    /// Inside a quotation.
    pub quoted: bool,
    /// Index of the mention this one corefers with.
    pub antecedent: Option<usize>,
}

impl Mention {
    pub fn new(
        tokens: Range<usize>,
        sentence: usize,
        kind: MentionKind,
        refers: Refers,
    ) -> Mention {
        Mention {
            tokens,
            sentence,
            kind,
            actors: Vec::new(),
            refers,
            pronoun: None,
            person: None,
            role: None,
            stated_role: false,
            head_noun: None,
            owner_pronoun: None,
            needs_antecedent: false,
            dyad: false,
            subject: false,
            reporter: false,
            provisional: false,
            speculative: false,
            quoted: false,
            antecedent: None,
        }
    }

    /// The country of the first actor.
    pub fn country(&self) -> Option<&str> {
        self.actors.first().and_then(|a| a.country.as_deref())
    }

    pub fn resolved(&self) -> bool {
        self.actors.iter().any(|a| a.country.is_some())
    }
}
