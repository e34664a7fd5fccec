//! In-document coreference: pronouns take the nearest compatible actor
//! before them (subjects first), a quoted `we` its speaker, a bare surname the
//! person named in full earlier, a role description (`the ambassador`, `the
//! foreign minister`) the person or group last described so, `the two sides`
//! both parties of the last dyad. Mentions of one entity then share a chain.

use crate::mention::{Mention, Refers};
use crate::words::{Pronoun, Words};
use chancery_core::{Actor, MentionKind};
use std::collections::HashMap;

/// How many sentences back a pronoun looks.
const PRONOUN_WINDOW: usize = 2;
/// How many sentences back a description (`the ambassador`) or a dyad looks.
const DESCRIPTION_WINDOW: usize = 12;
/// How many sentences a quotation may run on before its speaker is named.
const SPEAKER_WINDOW: usize = 3;

/// Completes mentions from their antecedents, in text order; the speakers
/// of quotations last, once the reporting clauses they hang on are resolved.
pub fn resolve(words: &Words, mentions: &mut [Mention]) {
    let is_speaker = |m: &Mention| m.pronoun == Some(Pronoun::Speaker);
    for i in 0..mentions.len() {
        if !is_speaker(&mentions[i]) {
            resolve_one(words, mentions, i);
        }
    }
    for i in 0..mentions.len() {
        if is_speaker(&mentions[i]) {
            resolve_one(words, mentions, i);
        }
    }
}

fn resolve_one(words: &Words, mentions: &mut [Mention], i: usize) {
    // `its embassy`: the owner's country.
    if let Some(pronoun) = mentions[i]
        .owner_pronoun
        .filter(|_| mentions[i].country().is_none())
    {
        if let Some(a) = pronoun_antecedent(words, mentions, i, pronoun) {
            let country = mentions[a].country().map(str::to_string);
            mentions[i].actors[0].country = country;
        }
    }
    let antecedent = if let Some(pronoun) = mentions[i].pronoun {
        pronoun_antecedent(words, mentions, i, pronoun)
    } else if mentions[i].dyad {
        resolve_dyad(words, mentions, i);
        None
    } else if mentions[i].kind == MentionKind::Named && mentions[i].needs_antecedent {
        full_name_antecedent(words, mentions, i)
    } else if mentions[i].kind == MentionKind::Nominal {
        description_antecedent(mentions, i)
    } else {
        None
    };
    if let Some(a) = antecedent {
        adopt(words, mentions, i, a);
    }
}

/// Mention `i` takes the actors of mention `a`.
fn adopt(words: &Words, mentions: &mut [Mention], i: usize, a: usize) {
    let text = words.span_text(&mentions[i].tokens).to_string();
    let own_sector = mentions[i].actors.first().and_then(|x| x.sector.clone());
    let keeps_own_sector = mentions[i].kind == MentionKind::Nominal && mentions[a].person.is_none();
    mentions[i].actors = mentions[a]
        .actors
        .iter()
        .map(|actor| Actor {
            text: text.clone(),
            sector: if keeps_own_sector {
                own_sector.clone().or(actor.sector.clone())
            } else {
                actor.sector.clone()
            },
            ..actor.clone()
        })
        .collect();
    if mentions[i].person.is_none() {
        mentions[i].person = mentions[a].person.clone();
    }
    mentions[i].antecedent = Some(a);
}

/// Earlier mentions within `window` sentences, nearest first, not overlapping `i`.
fn before(mentions: &[Mention], i: usize, window: usize) -> impl Iterator<Item = usize> + '_ {
    let m = &mentions[i];
    (0..i).rev().filter(move |&a| {
        let c = &mentions[a];
        let unconfirmed = c.speculative && !c.resolved();
        c.sentence + window >= m.sentence
            && c.tokens.end <= m.tokens.start
            && !c.actors.is_empty()
            && !unconfirmed
    })
}

fn pronoun_antecedent(
    words: &Words,
    mentions: &[Mention],
    i: usize,
    pronoun: Pronoun,
) -> Option<usize> {
    let m = &mentions[i];
    let single = |a: usize| mentions[a].actors.len() == 1;
    let wanted = gender_of_pronoun(words, m);
    let fits = |a: usize| -> u8 {
        // 0 = best fit, 2 = acceptable, 3 = none
        let c = &mentions[a];
        let clash = wanted.is_some_and(|g| gender(words, mentions, a, i).is_some_and(|h| h != g));
        match (pronoun, c.refers) {
            (Pronoun::Person, Refers::Person) if clash => 3,
            (Pronoun::Person, Refers::Person) => 0,
            (Pronoun::Thing, Refers::Thing) if single(a) => 0,
            (Pronoun::Plural, Refers::Group) => 0,
            (Pronoun::Plural, Refers::Thing) => 2,
            (Pronoun::Speaker, Refers::Person | Refers::Thing) if single(a) => 0,
            (Pronoun::Speaker, Refers::Group) => 2,
            _ => 3,
        }
    };
    if pronoun == Pronoun::Speaker {
        // Outside quotations `I` and `we` are the writer, no actor.
        return speaker(words, mentions, i, &fits).filter(|_| m.quoted);
    }
    // `In his remarks, Lavrov said…`: a pronoun before the subject of its
    // sentence, and no subject before it, looks ahead to that subject.
    let subject_before = (0..i).any(|a| mentions[a].sentence == m.sentence && mentions[a].subject);
    if !m.subject && !subject_before {
        let ahead = (i + 1..mentions.len())
            .take_while(|&a| mentions[a].sentence == m.sentence)
            .find(|&a| {
                mentions[a].subject
                    && mentions[a].quoted == m.quoted
                    && mentions[a].pronoun.is_none()
            });
        if let Some(a) = ahead.filter(|&a| fits(a) == 0 && !mentions[a].actors.is_empty()) {
            return Some(a);
        }
    }
    // Words outside a quotation rarely point at what only the quotation named.
    let across_quote =
        |a: usize| !m.quoted && mentions[a].quoted && mentions[a].sentence == m.sentence;
    before(mentions, i, PRONOUN_WINDOW)
        .filter(|&a| fits(a) < 3)
        .min_by_key(|&a| {
            let c = &mentions[a];
            (
                across_quote(a),
                m.sentence - c.sentence,
                fits(a),
                !c.subject,
                i - a,
            )
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Female,
    Male,
}

/// The gender of `he`/`she` and their cases.
fn gender_of_pronoun(words: &Words, m: &Mention) -> Option<Gender> {
    match words.lower(m.tokens.start).as_str() {
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        _ => None,
    }
}

/// What the text says of the gender of the person of mention `a`, before
/// mention `until`: gendered words in a mention of that person (`Mrs`,
/// `spokeswoman`, `chairman`), or a gendered pronoun already resolved to them.
fn gender(words: &Words, mentions: &[Mention], a: usize, until: usize) -> Option<Gender> {
    const FEMALE: &[&str] = &[
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "madam",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "businesswoman",
        "queen",
        "princess",
        "lady",
        "woman",
        "wife",
        "mother",
        "daughter",
        "sister",
    ];
    const MALE: &[&str] = &[
        "mr",
        "mr.",
        "sir",
        "spokesman",
        "chairman",
        "congressman",
        "businessman",
        "king",
        "prince",
        "man",
        "husband",
        "father",
        "son",
        "brother",
    ];
    let person = mentions[a].person.as_deref()?;
    mentions[..until]
        .iter()
        .filter(|c| c.person.as_deref() == Some(person))
        .find_map(|c| {
            if c.pronoun.is_some() {
                return gender_of_pronoun(words, c);
            }
            let tokens = c.tokens.clone().map(|t| words.lower(t));
            let found: Vec<String> = tokens.collect();
            if found.iter().any(|w| FEMALE.contains(&w.as_str())) {
                Some(Gender::Female)
            } else if found.iter().any(|w| MALE.contains(&w.as_str())) {
                Some(Gender::Male)
            } else {
                None
            }
        })
}

/// The speaker of a quoted `we` or `I`: the mention next to a reporting verb
/// (`"We …," Lavrov said`), else the subject, outside the quotation in the
/// same sentence; else the first one after the quotation (it may close
/// sentences later); else the last one before.
fn speaker(
    words: &Words,
    mentions: &[Mention],
    i: usize,
    fits: &dyn Fn(usize) -> u8,
) -> Option<usize> {
    let m = &mentions[i];
    let candidate = |a: usize| {
        let c = &mentions[a];
        a != i && !c.quoted && (c.subject || c.reporter) && !c.actors.is_empty() && fits(a) < 3
    };
    let same_sentence = (0..mentions.len())
        .filter(|&a| mentions[a].sentence == m.sentence && candidate(a))
        .min_by_key(|&a| (!mentions[a].reporter, a));
    let after = (i + 1..mentions.len())
        .take_while(|&a| mentions[a].sentence <= m.sentence + SPEAKER_WINDOW)
        .find(|&a| candidate(a));
    let earlier = (0..i)
        .rev()
        .take_while(|&a| mentions[a].sentence + PRONOUN_WINDOW >= m.sentence)
        .find(|&a| candidate(a));
    // A quotation that closes within its sentence with nobody named there
    // continues the last speaker; one that runs on names its speaker later.
    let sentence = &words.doc.sentences[m.sentence];
    let runs_on =
        sentence.tokens.end > sentence.tokens.start && words.quoted(sentence.tokens.end - 1);
    if runs_on {
        same_sentence.or(after).or(earlier)
    } else {
        same_sentence.or(earlier).or(after)
    }
}

/// `the two sides`: the parties of the last compound mention, else the last
/// two countries named.
fn resolve_dyad(words: &Words, mentions: &mut [Mention], i: usize) {
    let text = words.span_text(&mentions[i].tokens).to_string();
    let compound = before(mentions, i, DESCRIPTION_WINDOW).find(|&a| mentions[a].actors.len() >= 2);
    let actors: Vec<Actor> = match compound {
        Some(a) => mentions[a].actors.clone(),
        None => {
            let mut parties: Vec<Actor> = Vec::new();
            for a in before(mentions, i, DESCRIPTION_WINDOW) {
                let actor = &mentions[a].actors[0];
                if actor.country.is_some() && !parties.iter().any(|p| p.country == actor.country) {
                    parties.push(actor.clone());
                }
                if parties.len() == 2 {
                    break;
                }
            }
            if parties.len() < 2 {
                return;
            }
            parties.reverse();
            parties
        }
    };
    mentions[i].actors = actors
        .into_iter()
        .map(|a| Actor {
            text: text.clone(),
            ..a
        })
        .collect();
    mentions[i].antecedent = compound;
}

/// `Antonov` after `Anatoly Antonov`: the person named in full earlier in
/// the document wins over any office holder of that surname.
fn full_name_antecedent(words: &Words, mentions: &[Mention], i: usize) -> Option<usize> {
    let surname = words.lower(mentions[i].tokens.end - 1);
    (0..i).rev().find(|&a| {
        let c = &mentions[a];
        c.tokens.end <= mentions[i].tokens.start
            && c.person.as_deref().is_some_and(|name| {
                name.contains(' ')
                    && name
                        .rsplit(' ')
                        .next()
                        .is_some_and(|last| last.to_lowercase() == surname)
            })
    })
}

/// `the ambassador`, `the foreign minister`, `the Russian diplomat`, `the
/// diplomats`: the last person whose role has the noun, or the last mention
/// with the same head noun; a country stated in the description must agree.
fn description_antecedent(mentions: &[Mention], i: usize) -> Option<usize> {
    let m = &mentions[i];
    let noun = m.head_noun.as_deref()?;
    let last_word = noun
        .rsplit(' ')
        .next()
        .unwrap_or(noun)
        .trim_end_matches('s');
    let own_country = m.country();
    if own_country.is_some() && !unnamed_person(m) {
        return None;
    }
    if own_country.is_none() && !m.needs_antecedent {
        return None;
    }
    let agrees = |c: &Mention| own_country.is_none() || c.country() == own_country;
    let described = before(mentions, i, DESCRIPTION_WINDOW).find(|&a| {
        let c = &mentions[a];
        if !agrees(c) || c.actors.len() != 1 || c.pronoun.is_some() {
            return false;
        }
        let role_fits = m.refers == Refers::Person
            && c.person.is_some()
            && c.role
                .as_deref()
                .is_some_and(|r| role_matches(last_word, &r.to_lowercase()));
        // `the ministry` after `the Russian Foreign Ministry`.
        let same_noun = c.refers == m.refers
            && c.head_noun
                .as_deref()
                .and_then(|n| n.rsplit(' ').next())
                .is_some_and(|n| n.trim_end_matches('s') == last_word)
            && c.country().is_some();
        role_fits || same_noun
    });
    // `the Russian diplomat` after `Anatoly Antonov, Russia's ambassador`:
    // the last named person of that country and sector.
    let sector = m.actors.first().and_then(|x| x.sector.as_deref());
    described.or_else(|| {
        before(mentions, i, DESCRIPTION_WINDOW).find(|&a| {
            let c = &mentions[a];
            unnamed_person(m)
                && own_country.is_some()
                && c.person.is_some()
                && c.country() == own_country
                && c.actors[0].sector.as_deref() == sector
        })
    })
}

/// Whether a described role (`diplomat`) fits a stated one (`ambassador to
/// the United States`): the same word, or a diplomat's post.
fn role_matches(noun: &str, role: &str) -> bool {
    const DIPLOMATIC_ROLES: &[&str] = &[
        "ambassador",
        "envoy",
        "consul",
        "attach",
        "d'affaires",
        "foreign minister",
    ];
    role.contains(noun) || (noun == "diplomat" && DIPLOMATIC_ROLES.iter().any(|r| role.contains(r)))
}

/// `the Russian diplomat`: one person, described but not named.
fn unnamed_person(m: &Mention) -> bool {
    m.refers == Refers::Person && m.person.is_none()
}

/// Chain numbers: mentions linked by coreference, and mentions naming the
/// same entity (one person, one knowledge-base entry, one kind of nominal
/// actor of one country), share a chain; numbered in order of appearance.
/// Mentions without actors get none.
pub fn chains(mentions: &[Mention]) -> Vec<Option<usize>> {
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    fn union(parent: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (root(parent, a), root(parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    let mut parent: Vec<usize> = (0..mentions.len()).collect();
    let mut by_identity: HashMap<String, usize> = HashMap::new();
    for (i, mention) in mentions.iter().enumerate() {
        if let Some(a) = mention.antecedent {
            union(&mut parent, i, a);
        }
        if let Some(identity) = identity(mention) {
            let first = *by_identity.entry(identity).or_insert(i);
            union(&mut parent, i, first);
        }
    }
    let mut numbers: HashMap<usize, usize> = HashMap::new();
    (0..mentions.len())
        .map(|i| {
            if mentions[i].actors.is_empty() {
                return None;
            }
            let r = root(&mut parent, i);
            let next = numbers.len();
            Some(*numbers.entry(r).or_insert(next))
        })
        .collect()
}

/// What makes two mentions the same entity without a coreference link.
fn identity(mention: &Mention) -> Option<String> {
    if mention.actors.len() != 1 || mention.pronoun.is_some() {
        return None;
    }
    let actor = &mention.actors[0];
    if let Some(person) = &mention.person {
        return Some(format!("person:{person}"));
    }
    if mention.kind == MentionKind::Named {
        return actor
            .id
            .clone()
            .or_else(|| Some(format!("name:{}", actor.name)));
    }
    let country = actor.country.as_deref()?;
    Some(format!(
        "nominal:{country}:{}:{}",
        actor.sector.as_deref().unwrap_or(""),
        mention
            .head_noun
            .as_deref()
            .unwrap_or("")
            .trim_end_matches('s')
    ))
}
