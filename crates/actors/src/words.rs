//! A view of the document's tokens for resolution: part of speech from the
//! tagger when the document is tagged, guessed from spelling and a few closed
//! word classes when it is not (so resolution works before, or without, the
//! linguistic models); the closed classes themselves (pronouns, determiners,
//! prepositions, name particles); which tokens stand inside quotation marks;
//! and the parse heads and subjects of token ranges.

use chancery_core::calendar::is_calendar_name;
use chancery_core::{Document, EntityType, Upos, ZoneKind};

/// Personal pronouns that can stand for an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he, she and their other cases.
    Person,
    /// it, its.
    Thing,
    /// they, them, their.
    Plural,
    /// we, us, our, I, me, my: the speaker.
    Speaker,
}

impl Pronoun {
    /// The class of a pronoun and whether it is possessive. `US` in capitals
    /// is the country, not the pronoun.
    pub fn of(word: &str) -> Option<(Pronoun, bool)> {
        if word.len() > 1 && word.chars().all(|c| c.is_uppercase()) {
            return None;
        }
        Some(match word.to_lowercase().as_str() {
            "he" | "him" | "she" | "himself" | "herself" => (Pronoun::Person, false),
            "his" | "her" => (Pronoun::Person, true),
            "it" | "itself" => (Pronoun::Thing, false),
            "its" => (Pronoun::Thing, true),
            "they" | "them" | "themselves" => (Pronoun::Plural, false),
            "their" => (Pronoun::Plural, true),
            "we" | "us" | "i" | "me" | "ourselves" => (Pronoun::Speaker, false),
            "our" | "my" => (Pronoun::Speaker, true),
            _ => return None,
        })
    }
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "both", "each", "all", "some", "any",
    "several", "many", "two", "three", "other", "another",
];
const PREPOSITIONS: &[&str] = &[
    "to", "of", "for", "at", "in", "from", "with", "by", "on", "against", "about", "over", "into",
    "after", "before", "during", "under", "between", "among", "as", "than", "toward", "towards",
    "through", "without", "within",
];
const CONJUNCTIONS: &[&str] = &["and", "or", "but", "nor"];
/// Titles that are capitalized but are not names; days and months are kept out too.
const NOT_NAMES: &[&str] = &["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."];

/// Lowercase particles of personal names.
const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la", "le", "da", "di", "del",
    "dos", "du", "ter",
];

/// The tokens of one document as the resolver reads them.
pub struct Words<'d> {
    pub doc: &'d Document,
    tagged: bool,
    parsed: bool,
    /// Per token: inside a quotation.
    quoted: Vec<bool>,
    /// Per token: the named-entity type covering it, if any.
    entity: Vec<Option<EntityType>>,
}

impl<'d> Words<'d> {
    pub fn new(doc: &'d Document) -> Words<'d> {
        let mut entity = vec![None; doc.tokens.len()];
        for mention in &doc.entities {
            for i in mention.tokens.clone().filter(|&i| i < doc.tokens.len()) {
                entity[i] = Some(mention.kind);
            }
        }
        Words {
            quoted: quotation_marks(doc),
            doc,
            tagged: doc.tokens.iter().any(|t| t.upos != Upos::X),
            parsed: doc.tokens.iter().any(|t| t.head.is_some()),
            entity,
        }
    }

    pub fn text(&self, i: usize) -> &'d str {
        self.doc.token_text(i)
    }

    /// The text from the first to the last token of `range`.
    pub fn span_text(&self, range: &std::ops::Range<usize>) -> &'d str {
        if range.is_empty() {
            return "";
        }
        let tokens = &self.doc.tokens;
        &self.doc.text[tokens[range.start].span.start..tokens[range.end - 1].span.end]
    }

    pub fn lower(&self, i: usize) -> String {
        self.text(i).to_lowercase()
    }

    /// Whether the tagger ran (otherwise parts of speech are guessed).
    pub fn tagged(&self) -> bool {
        self.tagged
    }

    /// Whether the parser ran.
    pub fn parsed(&self) -> bool {
        self.parsed
    }

    pub fn entity(&self, i: usize) -> Option<EntityType> {
        self.entity[i]
    }

    pub fn has_entities(&self) -> bool {
        !self.doc.entities.is_empty()
    }

    /// Whether token `i` stands inside quotation marks.
    pub fn quoted(&self, i: usize) -> bool {
        self.quoted[i]
    }

    /// The part of speech: the tagger's, or a guess.
    pub fn upos(&self, i: usize) -> Upos {
        if self.tagged {
            return self.doc.tokens[i].upos;
        }
        let text = self.text(i);
        let lower = text.to_lowercase();
        if Pronoun::of(&lower).is_some() {
            Upos::PRON
        } else if DETERMINERS.contains(&lower.as_str()) {
            Upos::DET
        } else if PREPOSITIONS.contains(&lower.as_str()) {
            Upos::ADP
        } else if CONJUNCTIONS.contains(&lower.as_str()) {
            Upos::CCONJ
        } else if is_possessive_marker(text) {
            Upos::PART
        } else if text.chars().all(|c| !c.is_alphanumeric()) {
            Upos::PUNCT
        } else if text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            Upos::NUM
        } else if capitalized(text) {
            Upos::PROPN
        } else {
            Upos::X
        }
    }

    /// The lemma when tagged, else the lowercase word.
    pub fn lemma(&self, i: usize) -> String {
        let lemma = &self.doc.tokens[i].lemma;
        if lemma.is_empty() {
            self.lower(i)
        } else {
            lemma.to_lowercase()
        }
    }

    /// Whether token `i` may be part of a personal name.
    pub fn is_name_word(&self, i: usize, zone: ZoneKind) -> bool {
        let text = self.text(i);
        let lower = text.to_lowercase();
        if !capitalized(text) || NOT_NAMES.contains(&lower.as_str()) || is_calendar_name(&lower) {
            return false;
        }
        if self.has_entities() && self.entity[i].is_some() {
            return true;
        }
        // Headlines capitalize every word: only the recognizer can tell names there.
        if matches!(zone, ZoneKind::Title | ZoneKind::Heading) {
            return false;
        }
        match self.upos(i) {
            Upos::PROPN => true,
            Upos::X => !self.tagged,
            _ => false,
        }
    }

    /// A lowercase particle inside a name (`Sven de Wit`, `Ursula von der Leyen`).
    pub fn is_name_particle(&self, i: usize, zone: ZoneKind) -> bool {
        if !NAME_PARTICLES.contains(&self.text(i)) || i == 0 {
            return false;
        }
        let mut next = i + 1;
        while next < self.doc.tokens.len() && NAME_PARTICLES.contains(&self.text(next)) {
            next += 1;
        }
        next < self.doc.tokens.len()
            && self.is_name_word(i - 1, zone)
            && self.is_name_word(next, zone)
    }

    /// Whether the token is a plural noun.
    pub fn plural(&self, i: usize) -> bool {
        let xpos = &self.doc.tokens[i].xpos;
        if !xpos.is_empty() {
            return xpos == "NNS" || xpos == "NNPS";
        }
        let lower = self.lower(i);
        lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us")
    }

    /// The tokens of `range` whose parse head lies outside it.
    fn outside(&self, range: &std::ops::Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let range = range.clone();
        range
            .clone()
            .filter(move |&i| self.doc.tokens[i].head.is_none_or(|h| !range.contains(&h)))
    }

    /// The token of `range` the others hang from in the parse: of the tokens
    /// whose head lies outside, the first that is no modifier (the parser may
    /// attach a stray adjective outside); the last token when unparsed.
    pub fn head_of(&self, range: &std::ops::Range<usize>) -> usize {
        const MODIFIERS: &[&str] = &[
            "det",
            "amod",
            "advmod",
            "compound",
            "punct",
            "case",
            "nmod:poss",
            "nummod",
            "cc",
        ];
        if self.parsed() {
            let not_modifier =
                |&i: &usize| !MODIFIERS.contains(&self.doc.tokens[i].deprel.as_str());
            if let Some(head) = self
                .outside(range)
                .find(not_modifier)
                .or_else(|| self.outside(range).next())
            {
                return head;
            }
        }
        range.end - 1
    }

    /// Whether the parse makes the phrase `range` a subject.
    pub fn is_subject(&self, range: &std::ops::Range<usize>) -> bool {
        self.outside(range)
            .any(|i| self.doc.tokens[i].deprel.starts_with("nsubj"))
    }

    /// Whether no space separates tokens `a` and `a + 1`.
    pub fn joined(&self, a: usize) -> bool {
        a + 1 < self.doc.tokens.len()
            && self.doc.tokens[a].span.end == self.doc.tokens[a + 1].span.start
    }
}

/// Per token, whether it stands inside a quotation: straight double quotes
/// toggle, typographic ones open and close; a blank line or a new zone ends
/// any quotation left open.
fn quotation_marks(doc: &Document) -> Vec<bool> {
    let mut quoted = vec![false; doc.tokens.len()];
    let mut open = false;
    let mut previous_end = 0;
    for (i, token) in doc.tokens.iter().enumerate() {
        if doc
            .text
            .get(previous_end..token.span.start)
            .is_some_and(|gap| gap.contains("\n\n"))
        {
            open = false;
        }
        previous_end = token.span.end;
        match &doc.text[token.span.clone()] {
            "\"" | "``" | "''" => open = !open,
            "\u{201c}" => open = true,
            "\u{201d}" => open = false,
            _ => quoted[i] = open,
        }
    }
    quoted
}

pub fn is_possessive_marker(text: &str) -> bool {
    matches!(text, "'s" | "\u{2019}s" | "'" | "\u{2019}" | "'S")
}

pub fn capitalized(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}
