//! The phrases of one sentence combined into mentions: role complements
//! (`ambassador to the United States` names the sending country, not the
//! host; `the spokeswoman for the Foreign Ministry` takes the ministry's
//! country and sector), appositions (`Anatoly Antonov, Russia's ambassador`),
//! coordinations (`Russia and Ukraine` → one mention listing both) and
//! personal pronouns.

use crate::chunks::{Chunk, Part};
use crate::mention::{Mention, Refers};
use crate::resolve::{pronoun_mention, Context, PhraseMentions};
use crate::words::Pronoun;
use chancery_core::{Actor, MentionKind, Sentence, Upos};
use chancery_kb::EntryKind;

/// Nouns whose `to X` / `in X` complement is the host country.
const POSTED_NOUNS: &[&str] = &[
    "ambassador",
    "envoy",
    "diplomat",
    "embassy",
    "embassies",
    "consul",
    "consulate",
    "mission",
    "representative",
    "delegation",
    "d'affaires",
    "emissary",
    "attache",
    "attaché",
];
/// Sectors whose members speak for an institution (`spokesman for`, `officials at`).
const OFFICIAL_SECTORS: &[&str] = &["GOV", "MIL", "SPY", "COP", "JUD", "LEG"];
/// Words after which a bare `it` is a dummy subject (`it is`, `it seems`).
const DUMMY_IT_VERBS: &[&str] = &[
    "is", "was", "'s", "seems", "seemed", "appears", "appeared", "remains", "remained",
];

/// The mentions of one sentence, in text order.
pub fn sentence_mentions(
    ctx: &Context,
    chunks: &[Chunk],
    sentence: &Sentence,
    index: usize,
) -> Vec<Mention> {
    let mut phrases: Vec<PhraseMentions> = chunks.iter().map(|c| ctx.resolve(c, index)).collect();
    attach_complements(ctx, chunks, &mut phrases);
    let mut heads: Vec<Mention> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    for phrase in phrases {
        mentions.extend(phrase.inner);
        heads.extend(phrase.head.filter(|h| !h.provisional));
    }
    let appositions = link_appositions(ctx, &mut heads);
    let compounds = coordinations(ctx, &mut heads, &appositions);
    mentions.extend(heads);
    mentions.extend(compounds);
    mentions.extend(pronouns(ctx, chunks, sentence, index));
    mentions.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    for mention in &mut mentions {
        mention.quoted = ctx.words.quoted(mention.tokens.start);
    }
    mark_subjects(ctx, &mut mentions);
    mentions
}

/// The single token between two phrases, if only one.
fn gap(chunks: &[Chunk], mention_end: usize, next: usize) -> Option<usize> {
    let start = chunks[next].tokens.start;
    (start == mention_end + 1).then_some(mention_end)
}

fn is_posted(mention: &Mention) -> bool {
    mention
        .head_noun
        .as_deref()
        .and_then(|n| n.split(' ').next_back())
        .is_some_and(|last| POSTED_NOUNS.iter().any(|p| last.starts_with(p)))
}

fn is_official(mention: &Mention) -> bool {
    mention.provisional
        || mention
            .actors
            .first()
            .and_then(|a| a.sector.as_deref())
            .is_some_and(|s| OFFICIAL_SECTORS.contains(&s))
}

/// Role heads take their complements: `X to/in Y` (posting: Y is the host,
/// and a name right after Y is the person: `US Ambassador to Russia Jon
/// Huntsman`) and `X of/for/at/from Y` (Y gives X its country and, for
/// officials of a body, its sector).
fn attach_complements(ctx: &Context, chunks: &[Chunk], phrases: &mut [PhraseMentions]) {
    // Right to left, so a complement has taken its own complements first
    // (`employees of [Russia's mission in the US]`).
    for k in (0..phrases.len().saturating_sub(1)).rev() {
        let Some(head) = phrases[k].head.as_ref() else {
            continue;
        };
        let Some(preposition) = gap(chunks, head.tokens.end, k + 1) else {
            continue;
        };
        let word = ctx.words.lower(preposition);
        match word.as_str() {
            "to" | "in" if is_posted(head) => {
                attach_posting(ctx, &word, &chunks[k + 1], phrases, k, k + 1)
            }
            "of" | "for" | "at" | "from" => attach_owner(ctx, &word, phrases, k, k + 1),
            // `a source in the Foreign Ministry`; for other heads `in` is a place.
            "in" if head.provisional => attach_owner(ctx, &word, phrases, k, k + 1),
            _ => false,
        };
    }
}

/// `ambassador to Russia [Jon Huntsman]`: the host joins the mention as
/// role words; a following name becomes the person.
fn attach_posting(
    ctx: &Context,
    preposition: &str,
    host_chunk: &Chunk,
    phrases: &mut [PhraseMentions],
    k: usize,
    next: usize,
) -> bool {
    let elements = &host_chunk.elements;
    let Some(host) = elements.first() else {
        return false;
    };
    let host_is_place = host.kind().is_some_and(|kind| {
        matches!(
            kind,
            EntryKind::Country
                | EntryKind::Place
                | EntryKind::Organization
                | EntryKind::Institution
        )
    });
    if !host_is_place {
        return false;
    }
    let host_text = ctx.text(host_chunk.tokens.start..host.tokens.end);
    let name = elements.get(1).filter(|e| {
        matches!(e.part, Part::Name(_) | Part::Known(_)) && e.kind() != Some(EntryKind::SectorNoun)
    });
    let person = name.and_then(|n| match n.part {
        Part::Name(_) => Some(ctx.text(n.tokens.clone())),
        _ => n
            .entry()
            .filter(|e| e.kind == EntryKind::Person)
            .map(|e| e.name.clone()),
    });
    let end = if person.is_some() {
        host_chunk.tokens.end
    } else {
        host.tokens.end
    };
    let Some(head) = phrases[k].head.as_mut() else {
        return false;
    };
    head.tokens.end = end;
    let role = head
        .role
        .clone()
        .or_else(|| head.head_noun.clone())
        .unwrap_or_default();
    head.role = Some(format!("{role} {preposition} {host_text}"));
    if let Some(name) = person {
        make_person(ctx, head, &name);
    }
    head.actors[0].text = ctx.text(head.tokens.clone());
    phrases[next].head = None;
    phrases[next].inner.clear();
    true
}

/// A role mention that turns out to name a person (`US Ambassador to Russia Jon Huntsman`).
fn make_person(ctx: &Context, mention: &mut Mention, name: &str) {
    let record = ctx.person_record(name);
    let actor = &mut mention.actors[0];
    actor.name = record
        .as_ref()
        .map_or_else(|| name.to_string(), |r| r.name.clone());
    if actor.country.is_none() {
        actor.country = record.as_ref().and_then(|r| r.country.clone());
    }
    actor.id = record.map(|r| r.id);
    mention.stated_role = actor.country.is_some();
    mention.person = Some(actor.name.clone());
    mention.kind = MentionKind::Named;
    mention.refers = Refers::Person;
    mention.needs_antecedent = false;
}

/// `the spokeswoman for the Russian Foreign Ministry`, `the head of the FSB`,
/// `diplomats from Russia`, `the embassy of Russia`.
fn attach_owner(
    ctx: &Context,
    word: &str,
    phrases: &mut [PhraseMentions],
    k: usize,
    next: usize,
) -> bool {
    let Some(owner) = phrases[next].head.as_ref() else {
        return false;
    };
    let Some(head) = phrases[k].head.as_ref() else {
        return false;
    };
    let fits = match word {
        "of" | "from" => true,
        _ => is_official(head),
    };
    let body_head = head.refers == Refers::Thing && !head.provisional;
    if !fits
        || head.country().is_some()
        || !owner.resolved()
        || (body_head && word != "of")
        || owner.person.is_some()
    {
        return false;
    }
    let owner_actor = owner.actors[0].clone();
    // Officials of a body, or generic officials of a sectored group
    // (`representatives of the intelligence services`), take its sector.
    let head_sector = head.actors[0].sector.clone();
    let takes_sector = owner_actor.sector.is_some()
        && head.refers != Refers::Thing
        && (owner.refers == Refers::Thing || head_sector.as_deref() == Some("GOV"));
    let owner_tokens = owner.tokens.clone();
    let owner_text = ctx.text(owner_tokens.clone());
    let head = phrases[k].head.as_mut().expect("checked above");
    let actor = &mut head.actors[0];
    actor.country = owner_actor.country.clone();
    if head.provisional || takes_sector {
        actor.sector = owner_actor.sector.clone().or(actor.sector.take());
    }
    head.provisional = false;
    head.needs_antecedent = false;
    if let Some(role) = head.role.as_mut() {
        *role = format!("{role} {word} {owner_text}");
    }
    head.tokens.end = owner_tokens.end;
    head.actors[0].text = ctx.text(head.tokens.clone());
    // The owner stays a mention of its own inside (`it` may name the State
    // Department of `the spokesperson for the State Department`).
    if let Some(owner) = phrases[next].head.take() {
        phrases[k].inner.push(owner);
    }
    true
}

/// `Anatoly Antonov, Russia's ambassador,` and `Russia's ambassador, Anatoly
/// Antonov,`: the person takes the role's country and sector, the role
/// mention the person's name. Returns the pairs linked (by position).
fn link_appositions(ctx: &Context, heads: &mut [Mention]) -> Vec<(usize, usize)> {
    let mut linked = Vec::new();
    for a in 0..heads.len().saturating_sub(1) {
        let b = a + 1;
        let comma_between = heads[b].tokens.start == heads[a].tokens.end + 1
            && ctx.words.text(heads[a].tokens.end) == ",";
        if !comma_between {
            continue;
        }
        let is_role = |m: &Mention| {
            m.kind == MentionKind::Nominal && m.refers == Refers::Person && m.person.is_none()
        };
        let (person, role) = match (heads[a].person.is_some(), heads[b].person.is_some()) {
            (true, false) if is_role(&heads[b]) => (a, b),
            (false, true) if is_role(&heads[a]) => (b, a),
            _ => continue,
        };
        let role_actor = heads[role].actors[0].clone();
        if role_actor.country.is_some() {
            let actor = &mut heads[person].actors[0];
            actor.country = role_actor.country.clone();
            actor.sector = role_actor.sector.clone().or(actor.sector.take());
            heads[person].role = heads[role].role.clone();
            heads[person].stated_role = true;
            heads[person].needs_antecedent = false;
        }
        let person_actor = heads[person].actors[0].clone();
        let name = heads[person].person.clone();
        let role_mention = &mut heads[role];
        role_mention.actors[0] = Actor {
            text: role_actor.text,
            ..person_actor
        };
        role_mention.person = name;
        role_mention.needs_antecedent = false;
        linked.push((a, b));
    }
    linked
}

/// Lists of actors joined by commas and `and`/`or`: one mention listing them
/// all. A nominal conjunct without a country shares the previous one's
/// (`Russian servicemen and diplomats`).
fn coordinations(
    ctx: &Context,
    heads: &mut [Mention],
    appositions: &[(usize, usize)],
) -> Vec<Mention> {
    let mut compounds = Vec::new();
    let mut a = 0;
    while a < heads.len() {
        let mut b = a;
        let mut has_conjunction = false;
        while b + 1 < heads.len() && heads[b].resolved() && !appositions.contains(&(b, b + 1)) {
            let between: Vec<String> = (heads[b].tokens.end..heads[b + 1].tokens.start)
                .map(|i| ctx.words.lower(i))
                .collect();
            let (joins, conjunction) = match between
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice()
            {
                [","] => (true, false),
                ["and" | "or"] | [",", "and" | "or"] => (true, true),
                _ => (false, false),
            };
            let elided = heads[b + 1].kind == MentionKind::Nominal
                && heads[b].kind == MentionKind::Nominal
                && !heads[b + 1].resolved()
                && conjunction;
            if !joins || !(heads[b + 1].resolved() || elided) {
                break;
            }
            if elided {
                let country = heads[b].country().map(str::to_string);
                heads[b + 1].actors[0].country = country;
                heads[b + 1].needs_antecedent = false;
            }
            has_conjunction |= conjunction;
            b += 1;
        }
        if b > a && has_conjunction {
            let members = &heads[a..=b];
            let mut actors: Vec<Actor> = Vec::new();
            for actor in members.iter().flat_map(|m| &m.actors) {
                if !actors.iter().any(|x| {
                    x.name == actor.name && x.country == actor.country && x.sector == actor.sector
                }) {
                    actors.push(actor.clone());
                }
            }
            let all_named = members.iter().all(|m| m.kind == MentionKind::Named);
            let kind = if all_named {
                MentionKind::Named
            } else {
                MentionKind::Nominal
            };
            let tokens = heads[a].tokens.start..heads[b].tokens.end;
            let mut compound = Mention::new(tokens, heads[a].sentence, kind, Refers::Group);
            compound.actors = actors;
            compounds.push(compound);
        }
        a = b + 1;
    }
    compounds
}

/// Personal pronouns outside noun phrases (`he`, `they`, `we`); a dummy `it`
/// (`it is unacceptable`) is left out.
fn pronouns(ctx: &Context, chunks: &[Chunk], sentence: &Sentence, index: usize) -> Vec<Mention> {
    let words = ctx.words;
    sentence
        .tokens
        .clone()
        .filter(|&i| !chunks.iter().any(|c| c.tokens.contains(&i)))
        .filter(|&i| !words.tagged() || words.upos(i) == Upos::PRON)
        .filter_map(|i| {
            let (pronoun, possessive) = Pronoun::of(words.text(i))?;
            let dummy = pronoun == Pronoun::Thing
                && !possessive
                && i + 1 < sentence.tokens.end
                && DUMMY_IT_VERBS.contains(&words.lower(i + 1).as_str());
            (!possessive && !dummy).then(|| pronoun_mention(i..i + 1, index, pronoun))
        })
        .collect()
}

/// Verbs that report speech, by lemma.
const REPORTING_VERBS: &[&str] = &[
    "say",
    "add",
    "tell",
    "state",
    "note",
    "claim",
    "stress",
    "announce",
    "explain",
    "warn",
    "insist",
    "assert",
    "write",
    "reply",
    "declare",
    "comment",
    "emphasize",
    "emphasise",
    "remark",
    "argue",
    "accuse",
    "deny",
];

/// Subjects by the parse (unparsed: the first mention inside and the first
/// outside quotation marks), and speakers by a reporting verb next to them.
fn mark_subjects(ctx: &Context, mentions: &mut [Mention]) {
    let words = ctx.words;
    let reporting =
        |i: usize| i < words.doc.tokens.len() && REPORTING_VERBS.contains(&words.lemma(i).as_str());
    for mention in mentions.iter_mut() {
        let start = mention.tokens.start;
        mention.reporter = reporting(mention.tokens.end) || (start > 0 && reporting(start - 1));
        if words.parsed() {
            mention.subject = words.is_subject(&mention.tokens);
        }
    }
    if !words.parsed() {
        for quoted in [false, true] {
            if let Some(first) = mentions.iter_mut().find(|m| m.quoted == quoted) {
                first.subject = true;
            }
        }
    }
}
