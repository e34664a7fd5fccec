//! Noun phrases of a sentence as the resolver reads them: runs of
//! determiners, adjectives, nouns, names and possessives, each split into
//! elements (a knowledge-base name, a personal name, a possessive pronoun or
//! an unknown noun). Prepositions, verbs, commas and conjunctions end a
//! phrase. What a phrase names is the job of `resolve`; how phrases combine,
//! of `combine`.

use crate::resolve::{DYAD_NOUNS, ROLE_HEADS};
use crate::words::{capitalized, is_possessive_marker, Pronoun, Words};
use chancery_core::{EntityType, Sentence, Upos, ZoneKind};
use chancery_kb::{Entry, EntryKind, KnowledgeBase};
use std::ops::Range;

/// The longest name, in tokens, looked up in the knowledge base.
const MAX_NAME_TOKENS: usize = 12;

#[derive(Debug, Clone)]
pub enum Part<'k> {
    /// A knowledge-base name; entries best first.
    Known(Vec<&'k Entry>),
    /// A run of capitalized words the knowledge base does not know, with the
    /// recognizer's type when it gave one.
    Name(Option<EntityType>),
    /// `its`, `their`, `his`…
    PossessivePronoun(Pronoun),
    /// A common noun the knowledge base does not know.
    Noun,
}

#[derive(Debug, Clone)]
pub struct Element<'k> {
    pub tokens: Range<usize>,
    pub part: Part<'k>,
    /// Followed by `'s`: the owner of what follows.
    pub possessor: bool,
    /// Glued to a hyphen (`anti-Russian`, `US-led`): a modifier of a word,
    /// not an actor of the phrase.
    pub hyphenated: bool,
}

impl<'k> Element<'k> {
    pub fn entry(&self) -> Option<&'k Entry> {
        match &self.part {
            Part::Known(entries) => entries.first().copied(),
            _ => None,
        }
    }

    pub fn kind(&self) -> Option<EntryKind> {
        self.entry().map(|e| e.kind)
    }
}

#[derive(Debug, Clone)]
pub struct Chunk<'k> {
    pub tokens: Range<usize>,
    pub elements: Vec<Element<'k>>,
}

/// The noun phrases of one sentence, in order.
pub fn chunks<'k>(words: &Words, kb: &'k KnowledgeBase, sentence: &Sentence) -> Vec<Chunk<'k>> {
    let known = known_names(words, kb, sentence);
    let covered = |i: usize| known.iter().find(|(range, _)| range.contains(&i));
    let zone = sentence.zone;
    let mut chunks = Vec::new();
    let mut i = sentence.tokens.start;
    while i < sentence.tokens.end {
        if !in_phrase(words, i, covered(i).is_some(), zone) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < sentence.tokens.end
            && in_phrase(words, i, covered(i).is_some(), zone)
            && !starts_phrase(words, i)
        {
            i += 1;
        }
        let elements = elements(words, start..i, &known, zone);
        if !elements.is_empty() {
            chunks.push(Chunk {
                tokens: start..i,
                elements,
            });
        }
    }
    chunks
}

/// Knowledge-base names of the sentence, longest first, left to right.
fn known_names<'k>(
    words: &Words,
    kb: &'k KnowledgeBase,
    sentence: &Sentence,
) -> Vec<(Range<usize>, Vec<&'k Entry>)> {
    let end = sentence.tokens.end;
    let mut found = Vec::new();
    let mut i = sentence.tokens.start;
    while i < end {
        let texts: Vec<&str> = (i..end.min(i + MAX_NAME_TOKENS))
            .map(|k| words.text(k))
            .collect();
        if let Some(name) = kb.match_tokens(&texts) {
            let range = i..i + name.len;
            let after_unknown_name = i > sentence.tokens.start + 1
                && words.is_name_word(i - 1, sentence.zone)
                && found
                    .last()
                    .is_none_or(|(known, _): &(Range<usize>, _)| known.end < i);
            let entries: Vec<&Entry> = name
                .entries
                .into_iter()
                .filter(|e| plausible(words, &range, e, sentence, after_unknown_name))
                .collect();
            if !entries.is_empty() {
                found.push((range.clone(), entries));
                i = range.end;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Whether a name match is what it seems in context. After a first name the
/// knowledge base does not know, a surname or place belongs to that name
/// (`Nurlan Tokayev` is not the office holder Tokayev; `George Washington`).
fn plausible(
    words: &Words,
    range: &Range<usize>,
    entry: &Entry,
    sentence: &Sentence,
    after_unknown_name: bool,
) -> bool {
    let last = range.end - 1;
    match entry.kind {
        // `official visit`, `press for`: the word is not the noun here.
        EntryKind::SectorNoun => {
            !words.tagged() || matches!(words.upos(last), Upos::NOUN | Upos::PROPN)
        }
        EntryKind::Person | EntryKind::Place => !after_unknown_name || range.len() > 1,
        // `Michael Jordan`: a country name inside a person's name.
        EntryKind::Country => {
            let inside_person = words.entity(range.start) == Some(EntityType::Person)
                && range.start > sentence.tokens.start
                && words.entity(range.start - 1) == Some(EntityType::Person)
                && capitalized(words.text(range.start - 1));
            !inside_person
        }
        _ => true,
    }
}

fn in_phrase(words: &Words, i: usize, covered: bool, zone: ZoneKind) -> bool {
    // Names join whatever the tagger made of them (`Anatoly` as an adverb).
    if covered || words.is_name_word(i, zone) || words.is_name_particle(i, zone) {
        return true;
    }
    let text = words.text(i);
    match words.upos(i) {
        Upos::DET | Upos::ADJ | Upos::NOUN | Upos::NUM => true,
        // In headlines, capitalized words that are neither known nor names
        // (verbs in title case) end the phrase.
        Upos::PROPN => {
            words.is_name_word(i, zone) || !matches!(zone, ZoneKind::Title | ZoneKind::Heading)
        }
        Upos::PART => is_possessive_marker(text),
        Upos::PRON => Pronoun::of(text).is_some_and(|(_, possessive)| possessive),
        Upos::PUNCT => text == "-" && words.joined(i - 1) && words.joined(i),
        // Untagged, an unknown lowercase word is as likely a verb as a noun:
        // only the role heads resolution needs join a phrase.
        Upos::X => !words.tagged() && is_role_word(&text.to_lowercase()),
        _ => false,
    }
}

/// Determiners and possessive pronouns open a new phrase (`gave Russia the…`).
fn starts_phrase(words: &Words, i: usize) -> bool {
    let previous_opens =
        matches!(words.upos(i - 1), Upos::DET) || is_possessive_pronoun(words, i - 1);
    (words.upos(i) == Upos::DET || is_possessive_pronoun(words, i)) && !previous_opens
}

fn is_role_word(word: &str) -> bool {
    ROLE_HEADS.contains(&word) || DYAD_NOUNS.contains(&word)
}

fn is_possessive_pronoun(words: &Words, i: usize) -> bool {
    Pronoun::of(words.text(i)).is_some_and(|(_, possessive)| possessive)
}

fn elements<'k>(
    words: &Words,
    range: Range<usize>,
    known: &[(Range<usize>, Vec<&'k Entry>)],
    zone: ZoneKind,
) -> Vec<Element<'k>> {
    let mut elements: Vec<Element<'k>> = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let text = words.text(i);
        let (tokens, part) = if let Some((span, entries)) =
            known.iter().find(|(span, _)| span.start == i)
        {
            (
                span.start..span.end.min(range.end),
                Part::Known(entries.clone()),
            )
        } else if is_role_word(&words.lower(i)) {
            // Before the name test: `Employees of…` opening a sentence.
            (i..i + 1, Part::Noun)
        } else if words.is_name_word(i, zone) {
            let mut end = i + 1;
            let name_word =
                |k: usize| words.is_name_word(k, zone) || words.is_name_particle(k, zone);
            while end < range.end && name_word(end) && !known.iter().any(|(s, _)| s.start == end) {
                end += 1;
            }
            (i..end, Part::Name(words.entity(i)))
        } else if let Some((pronoun, true)) = Pronoun::of(text) {
            (i..i + 1, Part::PossessivePronoun(pronoun))
        } else if is_possessive_marker(text) {
            if let Some(owner) = elements.last_mut() {
                owner.possessor = true;
            }
            i += 1;
            continue;
        } else if words.upos(i) == Upos::NOUN {
            (i..i + 1, Part::Noun)
        } else {
            i += 1;
            continue;
        };
        let before = tokens.start > 0
            && words.text(tokens.start - 1) == "-"
            && words.joined(tokens.start - 1);
        let after = tokens.end < words.doc.tokens.len()
            && words.text(tokens.end) == "-"
            && words.joined(tokens.end - 1);
        i = tokens.end;
        elements.push(Element {
            tokens,
            part,
            possessor: false,
            hyphenated: before || after,
        });
    }
    elements
}
