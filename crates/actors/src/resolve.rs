//! From one noun phrase to its mention: the head decides what the phrase
//! names (a country, a place of power, an organization, an institution, a
//! sector noun, a person), the modifiers before it give the country
//! (possessors first: `Russia's embassy`; then demonyms and names: `Russian
//! diplomats`, `US intelligence agencies`) and may override the sector (a
//! named body: `FBI agents` are COP, `Pentagon officials` MIL). Titles before
//! a name make it a person with a role (`Foreign Minister Sergey Lavrov`);
//! office holders and learned actors resolve names the text does not explain.

use crate::chunks::{Chunk, Element, Part};
use crate::memory::ActorMemory;
use crate::mention::{Mention, Refers};
use crate::words::{Pronoun, Words};
use chancery_core::{Actor, EntityType, MentionKind, Upos};
use chancery_kb::{Entry, EntryKind, KnowledgeBase, NounKind};

/// Heads that name a role only with a complement (`the head of the FSB`).
pub const ROLE_HEADS: &[&str] = &[
    "head",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "member",
    "members",
    "boss",
    "employee",
    "employees",
    "source",
    "sources",
];

/// Words that make a plural noun phrase "the two parties" of a dyad.
const DYAD_WORDS: &[&str] = &["two", "both"];
/// Nouns that, after `two`/`both`, name the parties of a dyad.
pub const DYAD_NOUNS: &[&str] = &[
    "sides",
    "parties",
    "countries",
    "nations",
    "governments",
    "leaders",
    "capitals",
];

/// Everything resolution reads: knowledge base, tokens, memory, date.
pub struct Context<'a> {
    pub kb: &'a KnowledgeBase,
    pub words: &'a Words<'a>,
    pub memory: &'a ActorMemory,
    /// The document date, for office holders.
    pub date: Option<&'a str>,
}

/// The mentions of one phrase.
#[derive(Debug, Default)]
pub struct PhraseMentions {
    /// The mention of the phrase's head, when the head is an actor.
    pub head: Option<Mention>,
    /// Mentions inside the phrase: possessive pronouns, and the named
    /// modifiers of a head that is no actor (`Russia's decision`).
    pub inner: Vec<Mention>,
}

/// What the modifiers before a head say.
#[derive(Default)]
struct Modifiers<'k> {
    /// From a possessor, a demonym, a country, a named body or a person.
    country: Option<String>,
    /// The sector of a named body (institution, organization, place).
    body_sector: Option<String>,
    /// The sector of a common noun of a body or group (`army spokesman`).
    noun_sector: Option<String>,
    /// Person nouns used as titles (`Foreign Minister`, `spokesman`).
    titles: Vec<&'k Entry>,
    owner_pronoun: Option<Pronoun>,
}

impl<'a> Context<'a> {
    /// The text of a token range.
    pub fn text(&self, tokens: std::ops::Range<usize>) -> String {
        self.words.span_text(&tokens).to_string()
    }

    /// The text of a phrase without its leading determiners.
    fn bare_text(&self, tokens: std::ops::Range<usize>) -> String {
        let start = tokens
            .clone()
            .find(|&i| self.words.upos(i) != Upos::DET)
            .unwrap_or(tokens.start);
        self.text(start..tokens.end)
    }

    /// The mentions of one noun phrase of sentence `sentence`.
    pub fn resolve(&self, chunk: &Chunk<'a>, sentence: usize) -> PhraseMentions {
        let elements: Vec<&Element<'a>> = chunk.elements.iter().filter(|e| !e.hyphenated).collect();
        let mut out = PhraseMentions::default();
        for element in &elements {
            if let Part::PossessivePronoun(pronoun) = element.part {
                out.inner
                    .push(pronoun_mention(element.tokens.clone(), sentence, pronoun));
            }
        }
        let Some(last) = elements.iter().rposition(|e| self.is_actor_head(e)) else {
            return out;
        };
        let head_is_last = last + 1 == elements.len();
        // A place before a noun that is no actor is a location (`the Minsk
        // agreements`), unless it owns it (`Moscow's decision`).
        let located = !head_is_last
            && elements[last].kind() == Some(EntryKind::Place)
            && !elements[last].possessor;
        // Nor is a nationality before people the knowledge base does not know
        // (`expelled American friends` are not Americans).
        let plural_head = self.words.plural(chunk.tokens.end - 1);
        let described_people =
            !head_is_last && elements[last].kind() == Some(EntryKind::Demonym) && plural_head;
        if located || described_people {
            return out;
        }
        let tokens = self.mention_start(chunk, &elements[..=last])..elements[last].tokens.end;
        let mention = self.resolve_head(tokens, elements[last], &elements[..last], sentence);
        if head_is_last {
            out.head = mention;
        } else {
            out.inner.extend(mention);
        }
        out
    }

    /// Where the mention starts: at the first element that says something
    /// (not an unknown noun the tagger put in front: `criticize President
    /// Putin`), with the determiner before it.
    fn mention_start(&self, chunk: &Chunk, elements: &[&Element]) -> usize {
        let first = elements
            .iter()
            .find(|e| !matches!(e.part, Part::Noun))
            .map_or(chunk.tokens.start, |e| e.tokens.start);
        if first == chunk.tokens.start || elements[0].tokens.start >= first {
            return chunk.tokens.start;
        }
        let mut start = first;
        while start > chunk.tokens.start && self.words.upos(start - 1) == Upos::DET {
            start -= 1;
        }
        start
    }

    fn is_actor_head(&self, element: &Element) -> bool {
        match &element.part {
            Part::Known(_) => true,
            Part::Name(kind) => matches!(
                kind,
                None | Some(EntityType::Person | EntityType::Org | EntityType::Gpe)
            ),
            Part::Noun => {
                let last = element.tokens.end - 1;
                let is_role = |word: String| ROLE_HEADS.contains(&word.as_str());
                is_role(self.words.lower(last))
                    || is_role(self.words.lemma(last))
                    || self.is_dyad_noun(element)
            }
            Part::PossessivePronoun(_) => false,
        }
    }

    fn is_dyad_noun(&self, element: &Element) -> bool {
        let before = element.tokens.start.saturating_sub(2)..element.tokens.start;
        DYAD_NOUNS.contains(&self.words.lower(element.tokens.end - 1).as_str())
            && before
                .into_iter()
                .any(|i| DYAD_WORDS.contains(&self.words.lower(i).as_str()))
    }

    fn resolve_head(
        &self,
        tokens: std::ops::Range<usize>,
        head: &Element<'a>,
        modifiers: &[&Element<'a>],
        sentence: usize,
    ) -> Option<Mention> {
        let modifiers = self.modifiers(modifiers);
        if self.is_dyad_noun(head) {
            let mut mention = Mention::new(tokens, sentence, MentionKind::Nominal, Refers::Group);
            mention.dyad = true;
            return Some(mention);
        }
        match &head.part {
            Part::Known(entries) => {
                let entry = entries[0];
                match entry.kind {
                    EntryKind::SectorNoun => {
                        Some(self.nominal(tokens, head, entry, modifiers, sentence))
                    }
                    EntryKind::Person => {
                        Some(self.person(tokens, head, Some(entry), modifiers, sentence))
                    }
                    _ => Some(self.named(tokens, entry, modifiers, sentence)),
                }
            }
            Part::Name(kind) => match kind {
                Some(EntityType::Org | EntityType::Gpe) if modifiers.country.is_some() => {
                    Some(self.unknown_organization(tokens, head, modifiers, sentence))
                }
                // The recognizer's places and organizations that nothing
                // explains may be surnames it mislabelled (`Antonov`).
                Some(EntityType::Org | EntityType::Gpe) => {
                    let mut person = self.person(tokens, head, None, modifiers, sentence);
                    person.speculative = true;
                    Some(person)
                }
                // Capitalized words nobody called a person (`the Cold War`)
                // are kept only if something resolves them.
                _ => {
                    let titled = !modifiers.titles.is_empty();
                    let mut person = self.person(tokens, head, None, modifiers, sentence);
                    person.speculative = !titled && !self.looks_like_person(head, *kind);
                    Some(person)
                }
            },
            Part::Noun => Some(self.role_head(tokens, head, modifiers, sentence)),
            Part::PossessivePronoun(_) => None,
        }
    }

    /// The recognizer says so, or, where it did not run, two or more names.
    fn looks_like_person(&self, name: &Element, kind: Option<EntityType>) -> bool {
        match kind {
            Some(kind) => kind == EntityType::Person,
            None => !self.words.has_entities() && name.tokens.len() > 1,
        }
    }

    fn modifiers(&self, elements: &[&Element<'a>]) -> Modifiers<'a> {
        let mut found = Modifiers::default();
        let mut possessor_country = None;
        for element in elements {
            let country = match &element.part {
                Part::Known(entries) => {
                    let entry = entries[0];
                    match (entry.kind, entry.noun) {
                        (EntryKind::SectorNoun, Some(NounKind::Person)) => {
                            found.titles.push(entry);
                            None
                        }
                        (EntryKind::SectorNoun, _) => {
                            found.noun_sector = found.noun_sector.or(entry.sector.clone());
                            None
                        }
                        (EntryKind::Institution | EntryKind::Organization, _) => {
                            found.body_sector = found.body_sector.or(entry.sector.clone());
                            entry.country.clone()
                        }
                        // A capital before a noun says whose, not which
                        // sector: `a Moscow court` is JUD, `Kremlin critics` OPP.
                        (EntryKind::Place, _) => entry.country.clone(),
                        (EntryKind::Person, _) => self
                            .kb
                            .lookup_person(&entry.name, self.date)
                            .map(|t| t.country.clone()),
                        _ => entry.country.clone(),
                    }
                }
                Part::Name(_) => self
                    .person_record(&self.text(element.tokens.clone()))
                    .and_then(|p| p.country),
                Part::PossessivePronoun(pronoun) => {
                    found.owner_pronoun = Some(*pronoun);
                    None
                }
                Part::Noun => None,
            };
            if element.possessor {
                // Titles before a possessor are its own (`President Putin's
                // spokesman`); its country and sector carry over.
                found.titles.clear();
                possessor_country = possessor_country.or(country.clone());
            }
            found.country = found.country.or(country);
        }
        // A possessor, even a pronoun, owns the thing; other modifiers may name
        // a host (`our US diplomatic mission` is not American).
        found.country = match found.owner_pronoun {
            Some(_) => possessor_country,
            None => possessor_country.or(found.country),
        };
        found
    }

    /// A country, demonym, people, place, organization or institution.
    fn named(
        &self,
        tokens: std::ops::Range<usize>,
        entry: &Entry,
        modifiers: Modifiers,
        sentence: usize,
    ) -> Mention {
        let refers = if entry.kind == EntryKind::People {
            Refers::Group
        } else {
            Refers::Thing
        };
        let mut mention = Mention::new(tokens.clone(), sentence, MentionKind::Named, refers);
        let (name, country) = match entry.kind {
            EntryKind::Country | EntryKind::Demonym | EntryKind::People => {
                let code = entry.country.clone();
                let name = code
                    .as_deref()
                    .and_then(|c| self.kb.country(c))
                    .map_or_else(|| entry.name.clone(), |c| c.name.clone());
                (name, code)
            }
            // `the Polish Senate`: the text names the country.
            EntryKind::Institution => (
                entry.name.clone(),
                modifiers.country.or(entry.country.clone()),
            ),
            // `Russia's Security Council`, `the Ukrainian Red Cross`: a
            // country's own body of an international name.
            EntryKind::Organization if entry.country.as_deref().is_some_and(non_state) => (
                entry.name.clone(),
                modifiers.country.or(entry.country.clone()),
            ),
            _ => (entry.name.clone(), entry.country.clone()),
        };
        mention.actors.push(Actor {
            text: self.text(tokens),
            name,
            country,
            sector: entry.sector.clone(),
            other_sectors: Vec::new(),
            id: Some(entry.id.clone()),
        });
        mention
    }

    /// A common noun of a sector (`Russian diplomats`, `the embassy`).
    fn nominal(
        &self,
        tokens: std::ops::Range<usize>,
        head: &Element,
        entry: &Entry,
        modifiers: Modifiers,
        sentence: usize,
    ) -> Mention {
        let last = head.tokens.end - 1;
        let plural = self.words.plural(last);
        let refers = match entry.noun {
            Some(NounKind::Body) => Refers::Thing,
            Some(NounKind::Person) if !plural => Refers::Person,
            _ => Refers::Group,
        };
        let mut mention = Mention::new(tokens.clone(), sentence, MentionKind::Nominal, refers);
        mention.head_noun = Some(self.noun_lemma(head));
        if refers == Refers::Person {
            let titles = modifiers.titles.iter().map(|t| t.name.as_str());
            let words: Vec<&str> = titles.chain([entry.name.as_str()]).collect();
            mention.role = Some(words.join(" ").to_lowercase());
        }
        mention.owner_pronoun = modifiers.owner_pronoun;
        // Only a definite description (`the diplomats`, `this ministry`) looks
        // back; `many frustrated people` are new.
        mention.needs_antecedent = modifiers.country.is_none() && self.definite(&tokens);
        let sector = modifiers
            .body_sector
            .or(modifiers.noun_sector)
            .or(modifiers.titles.first().and_then(|t| t.sector.clone()))
            .or(entry.sector.clone());
        mention.actors.push(Actor {
            text: self.text(tokens.clone()),
            name: self.bare_text(tokens),
            country: modifiers.country,
            sector,
            other_sectors: Vec::new(),
            id: None,
        });
        mention
    }

    /// `the head`, `the chief`: an actor only if a complement says of what.
    fn role_head(
        &self,
        tokens: std::ops::Range<usize>,
        head: &Element,
        modifiers: Modifiers,
        sentence: usize,
    ) -> Mention {
        let plural = self.words.plural(head.tokens.end - 1);
        let refers = if plural {
            Refers::Group
        } else {
            Refers::Person
        };
        let mut mention = Mention::new(tokens.clone(), sentence, MentionKind::Nominal, refers);
        mention.provisional = modifiers.country.is_none() && modifiers.body_sector.is_none();
        mention.head_noun = Some(self.noun_lemma(head));
        mention.role = Some(self.words.lemma(head.tokens.end - 1));
        mention.actors.push(Actor {
            text: self.text(tokens.clone()),
            name: self.bare_text(tokens),
            country: modifiers.country,
            sector: modifiers.body_sector.or(modifiers.noun_sector),
            other_sectors: Vec::new(),
            id: None,
        });
        mention
    }

    /// An organization or place the recognizer found and the knowledge base
    /// does not know, in a phrase that gives its country (`Ukraine's Naftogaz`).
    fn unknown_organization(
        &self,
        tokens: std::ops::Range<usize>,
        head: &Element,
        modifiers: Modifiers,
        sentence: usize,
    ) -> Mention {
        let country = modifiers.country;
        let mut mention = Mention::new(tokens.clone(), sentence, MentionKind::Named, Refers::Thing);
        mention.actors.push(Actor {
            text: self.text(tokens),
            name: self.text(head.tokens.clone()),
            country,
            sector: modifiers.body_sector.or(modifiers.noun_sector),
            other_sectors: Vec::new(),
            id: None,
        });
        mention
    }

    /// A person: titles and modifiers first, then office holders, then learned actors.
    fn person(
        &self,
        tokens: std::ops::Range<usize>,
        head: &Element,
        known: Option<&Entry>,
        modifiers: Modifiers,
        sentence: usize,
    ) -> Mention {
        let written = self.text(head.tokens.clone());
        let record = match known {
            Some(entry) => self.person_record(&entry.name),
            None => self.person_record(&written),
        };
        let name = record.as_ref().map_or(written.clone(), |r| r.name.clone());
        let mut mention =
            Mention::new(tokens.clone(), sentence, MentionKind::Named, Refers::Person);
        mention.person = Some(name.clone());
        mention.needs_antecedent = head.tokens.len() == 1;
        mention.owner_pronoun = modifiers.owner_pronoun;
        if !modifiers.titles.is_empty() {
            let titles: Vec<&str> = modifiers.titles.iter().map(|t| t.name.as_str()).collect();
            mention.role = Some(titles.join(" ").to_lowercase());
            mention.stated_role = modifiers.country.is_some();
        } else if let Some(record) = &record {
            mention.role = record.role.clone();
        }
        let title_sector = modifiers.titles.first().and_then(|t| t.sector.clone());
        let sector = modifiers
            .body_sector
            .or(title_sector)
            .or(modifiers.noun_sector)
            .or(record.as_ref().and_then(|r| r.sector.clone()));
        let country = modifiers
            .country
            .or(record.as_ref().and_then(|r| r.country.clone()));
        // PLOVER codes former officials ELI, keeping the old sector second:
        // `former GRU Colonel Sergei Skripal`, or an office that ended before
        // the document's date.
        let stated_former = (tokens.start..head.tokens.start)
            .any(|i| matches!(self.words.lower(i).as_str(), "former" | "ex" | "ex-"));
        let former = stated_former || record.as_ref().is_some_and(|r| r.former);
        let (sector, other_sectors) = match sector {
            Some(old) if former && old != "ELI" => (Some("ELI".to_string()), vec![old]),
            sector => (sector, Vec::new()),
        };
        mention.actors.push(Actor {
            text: self.text(tokens),
            name,
            country,
            sector,
            other_sectors,
            id: record.map(|r| r.id),
        });
        mention
    }

    /// What the knowledge base (at the document date) or the memory knows of a
    /// person, by full name or, for one word, by surname.
    pub fn person_record(&self, written: &str) -> Option<PersonRecord> {
        let full = self
            .kb
            .lookup_person(written, self.date)
            .map(|t| (t.name.clone(), t))
            .or_else(|| {
                let entry = self
                    .kb
                    .lookup_surname(written)
                    .filter(|_| !written.contains(' '))?;
                self.kb
                    .lookup_person(&entry.name, self.date)
                    .map(|t| (t.name.clone(), t))
            });
        if let Some((name, term)) = full {
            let ended = |end: &String| self.date.is_some_and(|date| date_after(date, end));
            return Some(PersonRecord {
                id: format!("person:{name}"),
                name,
                country: Some(term.country.clone()),
                sector: Some(term.sector.clone()),
                role: Some(term.role_words()),
                former: term.end.as_ref().is_some_and(ended),
            });
        }
        self.memory.lookup(written).map(|learned| PersonRecord {
            id: format!("learned:{}", learned.name),
            name: learned.name.clone(),
            country: learned.country.clone(),
            sector: learned.sector.clone(),
            role: learned.role.clone(),
            former: false,
        })
    }

    /// Whether a phrase opens with a definite determiner or a possessive.
    fn definite(&self, tokens: &std::ops::Range<usize>) -> bool {
        const DEFINITE: &[&str] = &["the", "this", "that", "these", "those", "both"];
        let first = self.words.lower(tokens.start);
        DEFINITE.contains(&first.as_str())
            || Pronoun::of(&first).is_some_and(|(_, possessive)| possessive)
    }

    /// The lemma of a noun head, with the words of a multi-word noun
    /// (`foreign minister`).
    fn noun_lemma(&self, head: &Element) -> String {
        head.tokens
            .clone()
            .map(|i| self.words.lemma(i))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// What is known of a person from the knowledge base or the memory.
pub struct PersonRecord {
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub role: Option<String>,
    /// The office ended before the document's date.
    pub former: bool,
}

/// PLOVER's codes for international non-state actors.
fn non_state(code: &str) -> bool {
    matches!(code, "IGO" | "UNO" | "EUR" | "NGO" | "ISM" | "IMG" | "MNC")
}

/// Whether `date` lies after `end` (both `YYYY[-MM[-DD]]`), at the coarser precision.
fn date_after(date: &str, end: &str) -> bool {
    let n = date.len().min(end.len());
    date[..n] > end[..n]
}

pub fn pronoun_mention(
    tokens: std::ops::Range<usize>,
    sentence: usize,
    pronoun: Pronoun,
) -> Mention {
    let refers = match pronoun {
        Pronoun::Person => Refers::Person,
        Pronoun::Thing | Pronoun::Speaker => Refers::Thing,
        Pronoun::Plural => Refers::Group,
    };
    let mut mention = Mention::new(tokens, sentence, MentionKind::Pronoun, refers);
    mention.pronoun = Some(pronoun);
    mention.needs_antecedent = true;
    mention
}
