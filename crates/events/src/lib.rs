//! PLOVER event coder. [`Coder::annotate`] finds event patterns from the
//! lexicon (`data/lexicon`) on the dependency parse, takes their participants
//! from the actor mentions, qualifies them (auxiliary modes, attribution,
//! quantities, contexts) and fills `Document::events`.
//!
//! Modules: [`lexicon`] (the data), [`syntax`] (reading the parse),
//! [`arguments`] (tokens to actors and counts), [`modality`] (aux modes),
//! [`attribution`] (reported speech), [`eval`] (the scorer behind `chancery eval`).

pub mod arguments;
pub mod attribution;
pub mod eval;
pub mod lexicon;
pub mod modality;
pub mod syntax;

use arguments::{countries, Mentions};
use attribution::Speech;
use chancery_core::{
    Actor, Attribution, Aux, Document, EntityType, Event, EventType, Quantity, Upos, ZoneKind,
};
pub use lexicon::LexiconError;
use lexicon::{Item, Lexicon, Need, Pattern, Role, When, WordClass, MAX_GAP};
use std::ops::Range;
use std::path::PathBuf;
use syntax::Tree;

/// The event coder: the lexicon, loaded once and shared across threads.
#[derive(Debug, Clone)]
pub struct Coder {
    lexicon: Lexicon,
}

/// A pattern found in a sentence.
struct Match<'l> {
    pattern: &'l Pattern,
    anchor: usize,
    /// Tokens the pattern's words matched, anchor included.
    words: Vec<usize>,
    /// Tokens `*` skipped.
    gap: Range<usize>,
}

/// An event before it is written: participants with the tokens they came from.
struct Draft {
    event: Event,
    anchor: usize,
    /// The argument that was counted or could repeat an earlier count.
    patient: Option<usize>,
}

impl Coder {
    /// The built-in lexicon plus the lexicon files in `user_dirs` (each dir,
    /// or its `lexicon/` subfolder).
    pub fn load(user_dirs: &[PathBuf]) -> Result<Coder, LexiconError> {
        Ok(Coder {
            lexicon: Lexicon::load(user_dirs)?,
        })
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Codes the events of a tokenized, parsed document with resolved actors.
    pub fn annotate(&self, doc: &mut Document) {
        doc.events = self.events(doc);
    }

    /// The events of a document, sentence by sentence; each sentence sees the
    /// events coded before it (counterparts, repeated counts).
    fn events(&self, doc: &Document) -> Vec<Event> {
        let tree = Tree::new(doc);
        let mentions = Mentions::new(doc);
        let speech = Speech::new(doc, &mentions, &self.lexicon.cues);
        let mut coded: Vec<Draft> = Vec::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            if sentence.zone == ZoneKind::Caption {
                continue;
            }
            let headline = matches!(sentence.zone, ZoneKind::Title | ZoneKind::Heading);
            let matches = self.find_matches(&tree, sentence.tokens.clone());
            let mut drafts: Vec<Draft> = matches
                .iter()
                .filter(|m| !headline || reports_in_headline(&tree, m.anchor))
                .filter_map(|m| self.draft(&tree, &mentions, &speech, m, s, &coded))
                .collect();
            drop_contents(&tree, &self.lexicon.cues, &mut drafts);
            merge_duplicates(&mut drafts);
            coded.extend(drafts);
        }
        coded.into_iter().map(|d| d.event).collect()
    }

    /// The best pattern at each token, longer patterns first; a token one
    /// pattern used is not the anchor of another.
    fn find_matches(&self, tree: &Tree, tokens: Range<usize>) -> Vec<Match<'_>> {
        let mut found: Vec<Match> = Vec::new();
        for i in tokens.clone() {
            let mut forms = vec![tree.lemma(i)];
            if tree.lower(i) != forms[0] {
                forms.push(tree.lower(i));
            }
            if forms
                .iter()
                .all(|f| self.lexicon.anchored_at(f).next().is_none())
            {
                forms = tree.stems(i);
            }
            // The most specific pattern; among equals, the one written first.
            let best = forms
                .iter()
                .flat_map(|f| self.lexicon.anchored_at(f))
                .filter(|p| class_fits(tree, i, p.class))
                .filter_map(|p| match_items(tree, p, i, tokens.end))
                .filter(|m| self.patient_fits(tree, m))
                .fold(None, |best: Option<Match>, m| match best {
                    Some(b) if b.pattern.specificity() >= m.pattern.specificity() => Some(b),
                    _ => Some(m),
                });
            found.extend(best);
        }
        found.sort_by_key(|m| std::cmp::Reverse(m.pattern.specificity()));
        let mut kept: Vec<Match> = Vec::new();
        for m in found {
            let clashes = kept
                .iter()
                .any(|k| k.words.contains(&m.anchor) || m.words.contains(&k.anchor));
            if !clashes {
                kept.push(m);
            }
        }
        kept.sort_by_key(|m| m.anchor);
        kept
    }

    fn patient_fits(&self, tree: &Tree, m: &Match) -> bool {
        let Some(constraint) = &m.pattern.patient else {
            return true;
        };
        let listed = patient_token(tree, m.anchor).is_some_and(|patient| {
            tree.is_word(patient, &constraint.words)
                || (constraint.person && arguments::is_person(tree, &self.lexicon.cues, patient))
        });
        listed != constraint.negated
    }

    /// The event a match codes, or None when its conditions fail.
    fn draft(
        &self,
        tree: &Tree,
        mentions: &Mentions,
        speech: &Speech,
        m: &Match,
        sentence: usize,
        earlier: &[Draft],
    ) -> Option<Draft> {
        let cues = &self.lexicon.cues;
        let p = m.pattern;
        let nominal = p.class == WordClass::Noun || tree.is_nominal(m.anchor);
        let governor = tree
            .head(m.anchor)
            .filter(|&h| nominal && tree.is_verbal(h));
        let light = governor.filter(|&h| {
            cues.has("light-verbs", &tree.lemma(h))
                && matches!(tree.base_rel(m.anchor), "obj" | "nsubj" | "obl")
        });
        // A nominal trigger that refers back to a known event ("in response
        // to the expulsion") is no new report.
        if nominal && light.is_none() && is_anaphoric(tree, cues, m.anchor) {
            return None;
        }
        // The clause that carries the event's modality and attribution.
        let predicate = light.unwrap_or(m.anchor);
        let mut aux = modality::aux_modes(tree, cues, predicate);
        match p.when {
            Some(When::Future) => {
                if !aux
                    .iter()
                    .any(|a| matches!(a, Aux::Future | Aux::Hypothetical))
                {
                    return None;
                }
                aux.retain(|a| !matches!(a, Aux::Future | Aux::Hypothetical));
            }
            Some(When::Negated) => {
                if !aux.contains(&Aux::Negation) {
                    return None;
                }
                aux.retain(|a| *a != Aux::Negation);
            }
            None => {}
        }
        let attribution = speech.attribute(predicate, mentions);
        if p.need == Some(Need::Speaker) && attribution.is_none() {
            return None;
        }
        let finder = RoleFinder {
            tree,
            mentions,
            m,
            light,
            governor,
            attribution: attribution.as_ref(),
            cues,
        };
        let (mut actor, actor_token) = finder.first(&p.actor, &[]);
        let (mut recipient, patient) = finder.first(&p.recipient, &actor);
        if actor.is_empty() && p.actor.contains(&Role::Counterpart) {
            actor = counterpart(earlier, &recipient);
        }
        if recipient.is_empty() && p.recipient.contains(&Role::Counterpart) {
            recipient = counterpart(earlier, &actor);
        }
        recipient.retain(|r| !actor.contains(r));
        let has_country = |side: &[Actor]| side.iter().any(|a| a.country.is_some());
        if nominal && light.is_none() {
            // A bare noun ("the talks", "expulsion of diplomats") names no
            // event of its own, nor does one only an adjective qualifies
            // ("the Turkish offensive was unprovoked").
            let adjective_only =
                recipient.is_empty() && actor_token.is_some_and(|t| tree.base_rel(t) == "amod");
            if adjective_only || (!has_country(&actor) && !has_country(&recipient)) {
                return None;
            }
        }
        if actor.is_empty() && recipient.is_empty() && attribution.is_none() {
            // Nobody does anything to anybody: a label or a misparse.
            return None;
        }
        if p.need == Some(Need::Recipient) && recipient.is_empty() {
            return None;
        }
        let quantity = patient.and_then(|t| {
            arguments::counted(tree, cues, t).or_else(|| {
                arguments::repeats_count(tree, cues, t)
                    .then(|| earlier_count(earlier, p))
                    .flatten()
            })
        });
        let (event_type, mode) = manual_rules(p.event_type, p.mode.clone(), &mut aux, &actor);
        let mut context = p.context.clone();
        for (sector, ctx) in [("SPY", "intelligence"), ("MIL", "military")] {
            let involved = actor
                .iter()
                .chain(&recipient)
                .any(|a| a.sector.as_deref() == Some(sector));
            if involved && !context.iter().any(|c| c == ctx) {
                context.push(ctx.to_string());
            }
        }
        let doc = tree.doc;
        let last = *m.words.iter().max().unwrap_or(&m.anchor);
        let trigger = doc.tokens[m.anchor].span.start..doc.tokens[last].span.end;
        let mode_str = mode.as_deref();
        Some(Draft {
            event: Event {
                event_type,
                mode: mode.iter().cloned().collect(),
                context,
                actor,
                recipient,
                sentence,
                trigger,
                date: None,
                aux,
                attribution,
                quantity,
                location: location(tree, predicate),
                score: self.lexicon.score(event_type, mode_str),
                cameo: if event_type == p.event_type {
                    p.cameo.clone()
                } else {
                    None
                }
                .or_else(|| self.lexicon.cameo(event_type, mode_str)),
            },
            anchor: m.anchor,
            patient,
        })
    }
}

/// Where the event took place: a place name in an `in`/`at` phrase of its
/// predicate ("protested in Belgrade"), or of the predicate's last argument,
/// where the parse often hangs it ("protested against the government in …").
fn location(tree: &Tree, predicate: usize) -> Option<String> {
    let doc = tree.doc;
    let arguments = tree
        .children(predicate)
        .into_iter()
        .filter(|&c| matches!(tree.base_rel(c), "obj" | "obl"));
    let holders = std::iter::once(predicate).chain(arguments);
    holders
        .flat_map(|h| ["in", "at"].map(|p| tree.prep_dependents(h, p)))
        .flatten()
        .find_map(|t| {
            doc.entities
                .iter()
                .find(|e| {
                    e.tokens.contains(&t) && matches!(e.kind, EntityType::Gpe | EntityType::Loc)
                })
                .map(|e| doc.slice(&e.span).to_string())
        })
}

/// Whether a headline word reports an event: a finite or auxiliated verb
/// ("US expels …", "Russia to expel …"), not a label ("Expulsion of
/// diplomats", "Poisoning case").
fn reports_in_headline(tree: &Tree, anchor: usize) -> bool {
    let finite = matches!(tree.doc.tokens[anchor].xpos.as_str(), "VBD" | "VBZ" | "VBP");
    let auxiliated = tree
        .children(anchor)
        .into_iter()
        .any(|c| matches!(tree.base_rel(c), "aux" | "mark"));
    tree.upos(anchor) == Upos::VERB && (finite || auxiliated)
}

fn class_fits(tree: &Tree, i: usize, class: WordClass) -> bool {
    match class {
        WordClass::Verb => tree.is_verbal(i),
        WordClass::Noun => matches!(tree.upos(i), Upos::NOUN | Upos::PROPN),
        WordClass::Adjective => tree.upos(i) == Upos::ADJ,
        WordClass::Any => true,
    }
}

/// Matches the words after the anchor, in order, `*` skipping up to MAX_GAP tokens.
fn match_items<'l>(tree: &Tree, p: &'l Pattern, anchor: usize, end: usize) -> Option<Match<'l>> {
    let mut words = vec![anchor];
    let mut gap = anchor + 1..anchor + 1;
    let mut next = anchor + 1;
    let mut items = p.items.iter().peekable();
    while let Some(item) = items.next() {
        match item {
            Item::Gap => {
                let Some(Item::Word(target)) = items.next() else {
                    // A trailing `*` asks for nothing.
                    continue;
                };
                // Near words, or words the parse hangs under the anchor
                // ("declared 58 diplomats of … and two staff … personae non gratae").
                let limit = (next + MAX_GAP + 1).min(end);
                let found = (next..end).find(|&j| {
                    tree.is_word(j, target) && (j < limit || tree.dominates(anchor, j))
                })?;
                if gap.is_empty() {
                    gap = next..found;
                }
                words.push(found);
                next = found + 1;
            }
            Item::Word(target) => {
                if next >= end || !tree.is_word(next, target) {
                    return None;
                }
                words.push(next);
                next += 1;
            }
        }
    }
    Some(Match {
        pattern: p,
        anchor,
        words,
        gap,
    })
}

/// The token that undergoes a verb: its object, or its subject when passive.
fn patient_token(tree: &Tree, verb: usize) -> Option<usize> {
    if tree.is_passive(verb) {
        tree.subject(verb)
    } else {
        tree.child_rel(verb, "obj")
    }
}

/// A nominal trigger inside "in response to …" refers back to an earlier event.
fn is_anaphoric(tree: &Tree, cues: &lexicon::Cues, noun: usize) -> bool {
    tree.head(noun)
        .is_some_and(|h| cues.has("anaphoric-heads", &tree.lemma(h)))
}

/// Looks participants up by the roles a pattern lists.
struct RoleFinder<'a, 'd> {
    tree: &'a Tree<'d>,
    mentions: &'a Mentions<'d>,
    m: &'a Match<'a>,
    /// The light verb a nominal trigger is the object of.
    light: Option<usize>,
    /// The verb a nominal trigger hangs from.
    governor: Option<usize>,
    attribution: Option<&'a Attribution>,
    cues: &'a lexicon::Cues,
}

impl RoleFinder<'_, '_> {
    /// The actors of the first role that yields any (other than `exclude`),
    /// with the argument token they came from.
    fn first(&self, roles: &[Role], exclude: &[Actor]) -> (Vec<Actor>, Option<usize>) {
        let speaker = self
            .attribution
            .map(|a| a.speaker.clone())
            .filter(|a| a.country.is_some());
        let excluded_countries = countries(exclude);
        for role in roles {
            // Roles that search a stretch of text look for the other party.
            let searching = matches!(
                role,
                Role::ObjMention | Role::ClauseMention | Role::Near | Role::Gap
            );
            for token in self.tokens_for(role, exclude) {
                let mut actors: Vec<Actor> = match role {
                    Role::Speaker => speaker.iter().cloned().collect(),
                    _ => self.mentions.of_argument(token),
                };
                // In reported speech an unresolved personal pronoun is most
                // often the speaker ("the US said it was expelling …").
                if actors.is_empty() && self.is_personal_pronoun(token) {
                    actors.extend(speaker.clone());
                }
                actors.retain(|a| !exclude.contains(a));
                if searching {
                    actors.retain(|a| {
                        a.country
                            .as_deref()
                            .is_some_and(|c| !excluded_countries.contains(&c))
                    });
                }
                if !actors.is_empty() {
                    return (actors, (!matches!(role, Role::Speaker)).then_some(token));
                }
            }
        }
        (vec![], None)
    }

    fn is_personal_pronoun(&self, token: usize) -> bool {
        let tree = self.tree;
        tree.upos(token) == Upos::PRON
            && (tree.lower(token) == "it" || self.cues.has("person-pronouns", &tree.lower(token)))
    }

    /// Candidate argument tokens for a role.
    fn tokens_for(&self, role: &Role, exclude: &[Actor]) -> Vec<usize> {
        let tree = self.tree;
        let anchor = self.m.anchor;
        // A nominal trigger's verbal arguments are those of its light verb.
        let clause = self.light.unwrap_or(anchor);
        // A reduced relative is passive only for a verb coded with an object.
        let transitive = self.m.pattern.recipient.contains(&Role::Obj);
        let passive =
            tree.has_passive_marks(clause) || (transitive && tree.is_reduced_relative(clause));
        match role {
            // A noun has a subject only through its light verb.
            Role::Subj if self.light.is_none() && tree.is_nominal(anchor) => vec![],
            Role::Subj => {
                if passive {
                    tree.agent(clause).into_iter().collect()
                } else {
                    tree.subject(clause).into_iter().collect()
                }
            }
            Role::Obj => {
                if self.light.is_some() {
                    tree.children_rel(anchor, "nmod")
                } else {
                    // "asked Germany to …" often comes out as an indirect object.
                    patient_token(tree, clause)
                        .or_else(|| tree.child_rel(clause, "iobj"))
                        .into_iter()
                        .collect()
                }
            }
            Role::Iobj => tree.child_rel(clause, "iobj").into_iter().collect(),
            Role::Poss => tree.children_rel(anchor, "nmod:poss"),
            Role::Amod => tree.children_rel(anchor, "amod"),
            Role::Prep(word) => {
                // On the trigger, its verb, its other words ("supplied
                // weaponry to …") or its object.
                let holders = self
                    .m
                    .words
                    .iter()
                    .copied()
                    .chain(self.governor)
                    .chain(self.light)
                    .chain(patient_token(tree, clause));
                let mut found: Vec<usize> = Vec::new();
                for holder in holders {
                    for t in tree.prep_dependents(holder, word) {
                        if !found.contains(&t) {
                            found.push(t);
                        }
                    }
                }
                found
            }
            Role::ObjMention => patient_token(tree, clause)
                .map(|t| self.mention_heads_under(t))
                .unwrap_or_default(),
            Role::ClauseMention => ["ccomp", "xcomp"]
                .iter()
                .flat_map(|rel| tree.children_rel(clause, rel))
                .flat_map(|c| self.mention_heads_under(c))
                .collect(),
            Role::CcompSubj => tree
                .children_rel(clause, "ccomp")
                .into_iter()
                .filter_map(|c| tree.subject(c))
                .collect(),
            // "diplomats (have been) engaged in spying": the doer is the
            // governing verb's agent, else its subject whatever the voice.
            Role::GovernorSubj => self
                .governor
                .and_then(|g| tree.agent(g).or_else(|| tree.subject(g)))
                .into_iter()
                .collect(),
            Role::Gap => self
                .mentions
                .all()
                .iter()
                .filter(|mention| self.m.gap.contains(&mention.head))
                .map(|mention| mention.head)
                .collect(),
            Role::Speaker => vec![anchor],
            // Resolved from earlier events once both sides are known.
            Role::Counterpart => vec![],
            Role::Near => self.nearest_mentions(exclude),
        }
    }

    /// Heads of the mentions under token `t`, nearest first.
    fn mention_heads_under(&self, t: usize) -> Vec<usize> {
        let mut heads: Vec<(usize, usize)> = self
            .mentions
            .all()
            .iter()
            .filter(|mention| self.tree.dominates(t, mention.head))
            .map(|mention| {
                let depth = self
                    .tree
                    .ancestors(mention.head)
                    .iter()
                    .position(|&a| a == t);
                (depth.unwrap_or(0), mention.head)
            })
            .collect();
        heads.sort();
        heads.into_iter().map(|(_, h)| h).collect()
    }

    /// Heads of the sentence's other mentions, nearest to the anchor first.
    fn nearest_mentions(&self, exclude: &[Actor]) -> Vec<usize> {
        let doc = self.tree.doc;
        let Some(s) = doc.sentence_of(self.m.anchor) else {
            return vec![];
        };
        let range = doc.sentences[s].tokens.clone();
        let mut heads: Vec<usize> = self
            .mentions
            .all()
            .iter()
            .enumerate()
            .filter(|(_, mention)| range.contains(&mention.head))
            .filter(|(k, _)| {
                let actors = self.mentions.actors(*k);
                let ours = countries(exclude);
                !actors.is_empty() && !countries(&actors).iter().any(|c| ours.contains(c))
            })
            .map(|(_, mention)| mention.head)
            .collect();
        heads.sort_by_key(|&h| h.abs_diff(self.m.anchor));
        heads
    }
}

/// The side that last acted against `side`: the actor of the latest earlier
/// event whose recipient shares a country with it.
fn counterpart(earlier: &[Draft], side: &[Actor]) -> Vec<Actor> {
    let ours = countries(side);
    if ours.is_empty() {
        return vec![];
    }
    earlier
        .iter()
        .rev()
        .find(|d| {
            countries(&d.event.recipient)
                .iter()
                .any(|c| ours.contains(c))
                && !countries(&d.event.actor).iter().any(|c| ours.contains(c))
                && !d.event.actor.is_empty()
        })
        .map(|d| d.event.actor.clone())
        .unwrap_or_default()
}

/// The count of the latest earlier event of the same type and mode.
fn earlier_count(earlier: &[Draft], p: &Pattern) -> Option<Quantity> {
    earlier
        .iter()
        .rev()
        .filter(|d| d.event.event_type == p.event_type && d.event.mode.first() == p.mode.as_ref())
        .find_map(|d| d.event.quantity.clone())
}

/// The manual's reductions: a protest by a state or government is a
/// diplomatic protest, ACCUSE `disapprove`; future CONSULT, SUPPORT,
/// COOPERATE and AID are AGREE; future RETREAT is CONCEDE (both drop the
/// future mode).
fn manual_rules(
    ty: EventType,
    mode: Option<String>,
    aux: &mut Vec<Aux>,
    actor: &[Actor],
) -> (EventType, Option<String>) {
    let official =
        |a: &Actor| a.country.is_some() && matches!(a.sector.as_deref(), None | Some("GOV"));
    if ty == EventType::Protest && !actor.is_empty() && actor.iter().all(official) {
        return (EventType::Accuse, Some("disapprove".into()));
    }
    if !aux.contains(&Aux::Future) || aux.contains(&Aux::Negation) {
        return (ty, mode);
    }
    let reduced = match ty {
        EventType::Consult | EventType::Support | EventType::Cooperate | EventType::Aid => {
            EventType::Agree
        }
        EventType::Retreat => EventType::Concede,
        _ => return (ty, mode),
    };
    aux.retain(|a| *a != Aux::Future);
    (reduced, None)
}

/// Event types whose complement is their content, not a separate event:
/// what is requested, alleged, rejected, threatened, agreed or endorsed.
fn is_verbal(ty: EventType) -> bool {
    matches!(
        ty,
        EventType::Agree
            | EventType::Support
            | EventType::Concede
            | EventType::Request
            | EventType::Accuse
            | EventType::Reject
            | EventType::Threaten
    )
}

/// Whether `d` stands in the content of `c`: under one of its complements,
/// not under a coordinated clause or a condition ("if Spain expels …, Morocco
/// would respond" keeps both).
fn in_content(tree: &Tree, cues: &lexicon::Cues, c: usize, d: usize) -> bool {
    if c == d || !tree.dominates(c, d) {
        return false;
    }
    // A relative clause on the way describes a participant, it is no content.
    let mut edge = d;
    while tree.head(edge) != Some(c) {
        if tree.deprel(edge) == "acl:relcl" {
            return false;
        }
        match tree.head(edge) {
            Some(h) => edge = h,
            None => return false,
        }
    }
    let clause_mark = tree
        .children_rel(edge, "mark")
        .into_iter()
        .any(|m| cues.has("adverbial-marks", &tree.lower(m)));
    match tree.base_rel(edge) {
        "conj" | "parataxis" | "advmod" | "punct" | "cc" | "discourse" => false,
        "advcl" => !clause_mark,
        _ => true,
    }
}

/// Drops events that stand inside the content of a verbal event of the same
/// sentence ("accused Moscow of carrying out cyber attacks"). A claim-like
/// verb ("claimed that …") is coded only when its content is no event: else
/// the content, attributed, is the event.
fn drop_contents(tree: &Tree, cues: &lexicon::Cues, drafts: &mut Vec<Draft>) {
    let contains = |c: usize, d: usize| in_content(tree, cues, c, d);
    let anchors: Vec<usize> = drafts.iter().map(|d| d.anchor).collect();
    let content_first = |c: usize| cues.has("content-first-verbs", &tree.lemma(c));
    let containers: Vec<usize> = drafts
        .iter()
        .filter(|d| is_verbal(d.event.event_type) && !content_first(d.anchor))
        .map(|d| d.anchor)
        .collect();
    drafts.retain(|d| {
        let is_content = containers.iter().any(|&c| contains(c, d.anchor));
        let has_content = content_first(d.anchor) && anchors.iter().any(|&a| contains(d.anchor, a));
        !is_content && !has_content
    });
}

/// Within a sentence, two events of one type whose participants agree (one
/// side a subset of the other's) are one event: the fuller one stays.
fn merge_duplicates(drafts: &mut Vec<Draft>) {
    let subset = |a: &[Actor], b: &[Actor]| {
        let (a, b) = (countries(a), countries(b));
        a.iter().all(|c| b.contains(c)) || b.iter().all(|c| a.contains(c))
    };
    let fullness = |d: &Draft| {
        d.event.actor.len() + d.event.recipient.len() + usize::from(d.patient.is_some())
    };
    let mut k = 0;
    while k < drafts.len() {
        let twin = (0..drafts.len()).find(|&j| {
            j != k
                && drafts[j].event.event_type == drafts[k].event.event_type
                && subset(&drafts[j].event.actor, &drafts[k].event.actor)
                && subset(&drafts[j].event.recipient, &drafts[k].event.recipient)
        });
        let outranked = |j: usize| {
            let (fj, fk) = (fullness(&drafts[j]), fullness(&drafts[k]));
            fj > fk || (fj == fk && j < k)
        };
        match twin {
            Some(j) if outranked(j) => {
                drafts.remove(k);
            }
            _ => k += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_coder_is_shared_across_threads() {
        fn shared<T: Send + Sync>(_: &T) {}
        shared(&Coder::load(&[]).unwrap());
    }

    #[test]
    fn a_document_without_parse_or_actors_codes_nothing_and_does_not_panic() {
        let mut doc = Document::new("d", "Russia expelled two diplomats.");
        Coder::load(&[]).unwrap().annotate(&mut doc);
        assert!(doc.events.is_empty());
    }
}
