//! Feature extraction for the labeller: the word, its shape, affixes and
//! neighbours, document-level capitalisation evidence, word-list classes and
//! the capitalised run a word sits in (its edge words, length, and the head
//! words of the run: "Lake …", "… University"), each hashed to a
//! 64-bit key (stable across builds, so trained models stay valid).

use crate::word_profiles::{lookup_key, WordProfiles, GRANULARITIES, MAIN_GRANULARITY};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

/// What the whole document says about its words' capitalisation: a
/// capitalised word that also appears in lower case is probably not a name
/// (a sentence-initial "Police"), one that is capitalised mid-sentence too
/// probably is.
#[derive(Debug, Default)]
pub struct DocumentContext {
    seen_lowercase: HashSet<String>,
    seen_capitalised_inside: HashSet<String>,
    /// For each capitalised word (lower-cased), the `case` words its names
    /// take anywhere in the document ("in", "of", "'s"): "Coron" that is
    /// once "in Coron" is a place in every sentence.
    case_words: HashMap<String, BTreeSet<String>>,
    /// For each capitalised word (lower-cased), the lemmas that govern its
    /// names anywhere in the document ("visit", "say", "join").
    governors: HashMap<String, BTreeSet<String>>,
    /// For each capitalised word (lower-cased), what the document says its
    /// name is: the class of a common noun joined to the name as apposition,
    /// copular predicate, "the N of X" or compound head, with the relation
    /// ("cop:communication" from "Varnok is a language", "of:location"
    /// from "the village of Tusel", "appos:person" from "Mett, his
    /// publisher").
    definitions: HashMap<String, BTreeSet<String>>,
}

impl DocumentContext {
    /// The context of a document's sentences; `noun_class` gives the class
    /// of a common noun's lemma (see [`crate::gazetteer::NameWords::noun_class`]).
    pub fn new<'a>(
        sentences: impl IntoIterator<Item = (&'a [&'a str], &'a [WordAnalysis])>,
        noun_class: impl Fn(&str) -> Option<&'static str>,
    ) -> DocumentContext {
        let mut context = DocumentContext::default();
        for (words, analyses) in sentences {
            let runs = capitalised_runs(words);
            for (run, definition) in definitions(words, analyses, &runs, &noun_class) {
                for word in &words[run] {
                    context
                        .definitions
                        .entry(word.to_lowercase())
                        .or_default()
                        .insert(definition.clone());
                }
            }
            let places = syntactic_places(analyses, &runs);
            for (word, place) in words.iter().zip(&places) {
                if !starts_uppercase(word) {
                    continue;
                }
                if place.case_word != "-" {
                    context
                        .case_words
                        .entry(word.to_lowercase())
                        .or_default()
                        .insert(place.case_word.clone());
                }
                context
                    .governors
                    .entry(word.to_lowercase())
                    .or_default()
                    .insert(place.governor.clone());
            }
            for (i, word) in words.iter().enumerate() {
                if starts_lowercase(word) {
                    context.seen_lowercase.insert(word.to_string());
                } else if i > 0 && starts_uppercase(word) && !is_all_caps(word) {
                    context.seen_capitalised_inside.insert(word.to_lowercase());
                }
            }
        }
        context
    }
}

/// What the linguistic stages say of one word: its XPOS tag, lemma and
/// place in the dependency tree (head index within the sentence).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordAnalysis {
    pub xpos: String,
    pub lemma: String,
    pub head: Option<usize>,
    pub deprel: String,
}

fn starts_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

fn starts_uppercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// Feature names of the clusterings of [`GRANULARITIES`].
const GRANULARITY_LABELS: [&str; GRANULARITIES.len()] = ["coarse", "main", "fine"];

/// The per-word views the templates combine.
struct WordView {
    norm: String,
    shape: String,
    short_shape: String,
    /// Capitalisation class and clusters from unlabelled text (`-` unknown).
    capitalisation: &'static str,
    /// The cluster of each granularity of [`GRANULARITIES`].
    clusters: [&'static str; GRANULARITIES.len()],
}

/// The decimal form of a profile number (a capitalisation class or a
/// cluster), or `-` for a word without profile, formatted once for all
/// words: feature extraction is on the hot path.
fn profile_number(number: Option<usize>) -> &'static str {
    static LABELS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let labels = LABELS.get_or_init(|| {
        let largest = GRANULARITIES.iter().max().copied().unwrap_or(0);
        (0..largest.max(u8::MAX as usize + 1))
            .map(|n| n.to_string())
            .collect()
    });
    number.map_or("-", |n| labels[n].as_str())
}

impl WordView {
    /// The cluster the feature conjunctions use.
    fn cluster(&self) -> &'static str {
        self.clusters[MAIN_GRANULARITY]
    }

    fn new(word: &str, profiles: &WordProfiles) -> WordView {
        let norm = lookup_key(word);
        let profile = profiles.get(&norm);
        let capitalisation = profile_number(profile.map(|p| usize::from(p.capitalisation)));
        let clusters =
            std::array::from_fn(|g| profile_number(profile.map(|p| usize::from(p.clusters[g]))));
        let (shape, short_shape) = shapes(word);
        WordView {
            norm,
            shape,
            short_shape,
            capitalisation,
            clusters,
        }
    }
}

/// The word's shape (`Xxxx`, runs cut at three) and short shape (`Xx`).
fn shapes(word: &str) -> (String, String) {
    let mut shape = String::new();
    let mut short_shape = String::new();
    let mut run = 0;
    for c in word.chars() {
        let class = chancery_text::shape_class(c);
        if shape.ends_with(class) {
            run += 1;
        } else {
            run = 1;
            short_shape.push(class);
        }
        if run <= 3 {
            shape.push(class);
        }
    }
    (shape, short_shape)
}

#[derive(Clone, Copy)]
enum Template {
    Bias,
    Norm,
    Form,
    Shape,
    ShortShape,
    Prefix,
    Suffix,
    PreviousNorm,
    NextNorm,
    SecondPreviousNorm,
    SecondNextNorm,
    PreviousShape,
    NextShape,
    PreviousNormAndNorm,
    NormAndNextNorm,
    SentenceStartShape,
    CapitalisedSeenLowercase,
    CapitalisedSeenInside,
    HeadlineShape,
    ShapeTrigram,
    PreviousNormAndShape,
    ShapeAndNextNorm,
    Capitalisation,
    Cluster,
    PreviousCluster,
    NextCluster,
    ClusterAndShape,
    PreviousClusterAndCluster,
    ClusterAndNextCluster,
    OtherCluster,
    PreviousOtherCluster,
    NextOtherCluster,
    Gazetteer,
    PreviousGazetteer,
    NextGazetteer,
    FirstPassElsewhere,
    FirstPassElsewhereAndShape,
    Tag,
    PreviousTag,
    NextTag,
    TagAndShape,
    TagTrigram,
    NameWord,
    PreviousNameWord,
    NextNameWord,
    NameWordAndShape,
    HeadInRun,
    HeadInRunAndShape,
    RunFirstWord,
    RunLastWord,
    RunLengthAndPosition,
    Relation,
    CaseWord,
    CaseWordInDocument,
    Governor,
    RelationAndGovernor,
    GovernorInDocument,
    Lexical,
    LexicalFirstClass,
    RunFirstNounClass,
    RunLastNounClass,
    DefinitionInDocument,
    FirstPassConjunct,
}

/// FNV-1a over the template number and its parts, with separators.
fn hash(template: Template, parts: &[&str]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |byte: u8| {
        h ^= u64::from(byte);
        h = h.wrapping_mul(PRIME);
    };
    mix(template as u8);
    for part in parts {
        for &byte in part.as_bytes() {
            mix(byte);
        }
        mix(0xff);
    }
    h
}

/// The feature keys of every word of a sentence, flattened.
#[derive(Debug, Clone)]
pub struct SentenceFeatures {
    keys: Vec<u64>,
    /// `keys[starts[i]..starts[i + 1]]` belong to word `i`.
    starts: Vec<usize>,
}

impl SentenceFeatures {
    /// Features from the keys of each word, for tests of the model.
    #[cfg(test)]
    pub(crate) fn from_word_keys(words: &[Vec<u64>]) -> SentenceFeatures {
        let mut starts = vec![0];
        for word in words {
            starts.push(starts.last().copied().unwrap_or(0) + word.len());
        }
        SentenceFeatures {
            keys: words.concat(),
            starts,
        }
    }

    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn word(&self, i: usize) -> &[u64] {
        &self.keys[self.starts[i]..self.starts[i + 1]]
    }

    /// These features plus, for the second pass, what the first pass made of
    /// each word's other occurrences in the document (`elsewhere`) and of the
    /// name its name is coordinated with (`conjuncts`: "Plato and
    /// Aristotle"); `-` where there is nothing to say (see
    /// [`crate::labeller`]).
    pub fn with_first_pass(
        &self,
        words: &[&str],
        elsewhere: &[String],
        conjuncts: &[String],
    ) -> SentenceFeatures {
        let mut keys = Vec::with_capacity(self.keys.len() + 3 * words.len());
        let mut starts = Vec::with_capacity(self.starts.len());
        for (i, ((word, label), conjunct)) in words.iter().zip(elsewhere).zip(conjuncts).enumerate()
        {
            starts.push(keys.len());
            keys.extend_from_slice(self.word(i));
            if label != "-" {
                let (_, short_shape) = shapes(word);
                keys.push(hash(Template::FirstPassElsewhere, &[label]));
                keys.push(hash(
                    Template::FirstPassElsewhereAndShape,
                    &[label, &short_shape],
                ));
            }
            if conjunct != "-" {
                keys.push(hash(Template::FirstPassConjunct, &[conjunct]));
            }
        }
        starts.push(keys.len());
        SentenceFeatures { keys, starts }
    }
}

const BOUNDARY: &str = "<s>";

/// Headlines capitalise most words, which weakens capitalisation evidence.
fn is_headline(words: &[&str]) -> bool {
    let alphabetic: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    alphabetic.len() >= 3
        && alphabetic.iter().filter(|w| starts_uppercase(w)).count() * 4 >= alphabetic.len() * 3
}

/// Words that may join the capitalised words of one name ("Bank of England",
/// "Bailey - Ross Center" where hyphens are tokens of their own).
const NAME_JOINERS: [&str; 7] = ["of", "the", "and", "&", "for", "de", "-"];

/// The capitalised runs of a sentence (likely names): capitalised words,
/// with the joiners between them ("Bank of England").
fn capitalised_runs(words: &[&str]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    while start < words.len() {
        if !starts_uppercase(words[start]) {
            start += 1;
            continue;
        }
        let mut end = start + 1;
        while end < words.len() {
            if starts_uppercase(words[end]) {
                end += 1;
            } else if NAME_JOINERS.contains(&words[end])
                && words.get(end + 1).is_some_and(|w| starts_uppercase(w))
            {
                end += 2;
            } else {
                break;
            }
        }
        runs.push(start..end);
        start = end;
    }
    runs
}

/// For each word of a capitalised run, the head words (`PLACE`, `ORG`, see
/// [`crate::gazetteer::NameWords`]) of the other words of the run, marked
/// `<` before the word and `>` after it: "Geneva" in "Lake Geneva" gets
/// `PLACE<`.
fn heads_in_runs(words: &[&str], name_words: &[&str]) -> Vec<Vec<String>> {
    let mut heads = vec![Vec::new(); words.len()];
    for run in capitalised_runs(words) {
        for i in run.clone() {
            for j in run.clone() {
                let head = name_words[j];
                if j != i && (head == "PLACE" || head == "ORG") {
                    let side = if j < i { "<" } else { ">" };
                    heads[i].push(format!("{head}{side}"));
                }
            }
        }
    }
    for found in &mut heads {
        found.sort_unstable();
        found.dedup();
    }
    heads
}

/// Where each word's name sits in the sentence's dependency tree: for the
/// word of its capitalised run whose head lies outside the run (the word
/// itself outside runs), its relation and the lemma of its `case` child
/// ("in", "of", "'s"; `-` for none), and the lemma of the word it depends
/// on: "X" in "appointed X" and in "the population of X" differ here. (The
/// governor helps only when training text is parsed by models that did not
/// see it; see `training::Analysts`.)
struct SyntacticPlace {
    relation: String,
    case_word: String,
    /// The lemma of the word the name depends on (`-` at the root).
    governor: String,
}

fn syntactic_places(analyses: &[WordAnalysis], runs: &[Range<usize>]) -> Vec<SyntacticPlace> {
    // The leftmost `case` child of each word.
    let mut case_child = vec![None; analyses.len()];
    for (i, analysis) in analyses.iter().enumerate().rev() {
        if let Some(head) = analysis.head.filter(|_| analysis.deprel == "case") {
            if let Some(slot) = case_child.get_mut(head) {
                *slot = Some(i);
            }
        }
    }
    let place = |anchor: usize| SyntacticPlace {
        relation: analyses[anchor].deprel.clone(),
        case_word: case_child[anchor]
            .map_or("-".to_string(), |c: usize| analyses[c].lemma.to_lowercase()),
        governor: analyses[anchor]
            .head
            .and_then(|h| analyses.get(h))
            .map_or("-".to_string(), |g| g.lemma.to_lowercase()),
    };
    let mut anchors: Vec<usize> = (0..analyses.len()).collect();
    for run in runs {
        let outside = |i: &usize| analyses[*i].head.is_none_or(|h| !run.contains(&h));
        if let Some(anchor) = run.clone().find(outside) {
            anchors[run.clone()].fill(anchor);
        }
    }
    anchors.into_iter().map(place).collect()
}

/// What the knowledge base and the word lists say of each word of a sentence.
pub struct ListEvidence<'a> {
    /// Knowledge-base labels (see [`crate::gazetteer::word_labels`]).
    pub gazetteer: &'a [String],
    /// Word-level classes (see [`crate::gazetteer::NameWords::classes`]).
    pub name_words: &'a [&'a str],
    /// Lexical labels (see [`crate::gazetteer::NameWords::lexical_labels`]).
    pub lexical: &'a [String],
    /// Common-noun classes (see [`crate::gazetteer::NameWords::noun_classes`]).
    pub noun_classes: &'a [&'a str],
}

/// The capitalised runs of a sentence that a common noun defines (see
/// [`DocumentContext::definitions`]), each with `relation:class`.
fn definitions(
    words: &[&str],
    analyses: &[WordAnalysis],
    runs: &[Range<usize>],
    noun_class: &impl Fn(&str) -> Option<&'static str>,
) -> Vec<(Range<usize>, String)> {
    let is_name = |i: usize| matches!(analyses[i].xpos.as_str(), "NNP" | "NNPS");
    let run_of = |i: usize| runs.iter().find(|r| r.contains(&i)).cloned();
    let has_child = |head: usize, relation: &str, lemma: Option<&str>| {
        analyses.iter().any(|a| {
            a.head == Some(head)
                && a.deprel == relation
                && lemma.is_none_or(|l| a.lemma.eq_ignore_ascii_case(l))
        })
    };
    // The class of word `i` when it is a lower-case common noun WordNet knows.
    let common_noun_class = |i: usize| {
        let analysis = &analyses[i];
        (matches!(analysis.xpos.as_str(), "NN" | "NNS") && starts_lowercase(words[i]))
            .then(|| noun_class(&analysis.lemma.to_lowercase()))
            .flatten()
    };
    let mut found = Vec::new();
    for (word, analysis) in analyses.iter().enumerate() {
        let Some(head) = analysis.head else { continue };
        let (name, noun, relation) = if is_name(word) {
            // A name that depends on the noun ("Varnok is a language") …
            let relation = match analysis.deprel.as_str() {
                "appos" => "appos",
                "compound" => "compound",
                "nsubj" | "nsubj:pass" if has_child(head, "cop", None) => "cop",
                "nmod" if has_child(word, "case", Some("of")) => "of",
                _ => continue,
            };
            (word, head, relation)
        } else if analysis.deprel == "appos" && is_name(head) {
            // … or a noun in apposition to the name ("Mett , his publisher").
            (head, word, "appos")
        } else {
            continue;
        };
        if let (Some(class), Some(run)) = (common_noun_class(noun), run_of(name)) {
            found.push((run, format!("{relation}:{class}")));
        }
    }
    found
}

/// The first-pass features of a sentence. `analyses` holds the tagger's and
/// parser's analysis of each word.
pub fn extract(
    words: &[&str],
    analyses: &[WordAnalysis],
    context: &DocumentContext,
    profiles: &WordProfiles,
    lists: &ListEvidence,
) -> SentenceFeatures {
    let ListEvidence {
        gazetteer,
        name_words,
        lexical,
        noun_classes,
    } = *lists;
    let heads = heads_in_runs(words, name_words);
    let runs = capitalised_runs(words);
    let places = syntactic_places(analyses, &runs);
    let mut run_of = vec![None; words.len()];
    for run in runs {
        for slot in &mut run_of[run.clone()] {
            *slot = Some(run.clone());
        }
    }
    let name_word = |i: isize| -> &str {
        usize::try_from(i)
            .ok()
            .and_then(|i| name_words.get(i))
            .map_or(BOUNDARY, |w| w)
    };
    let views: Vec<WordView> = words.iter().map(|w| WordView::new(w, profiles)).collect();
    let headline = is_headline(words);
    let norm = |i: isize| -> &str {
        usize::try_from(i)
            .ok()
            .and_then(|i| views.get(i))
            .map_or(BOUNDARY, |v| v.norm.as_str())
    };
    let shape = |i: isize| -> &str {
        usize::try_from(i)
            .ok()
            .and_then(|i| views.get(i))
            .map_or(BOUNDARY, |v| v.short_shape.as_str())
    };
    let cluster_of = |i: isize, granularity: usize| -> &str {
        usize::try_from(i)
            .ok()
            .and_then(|i| views.get(i))
            .map_or(BOUNDARY, |v| v.clusters[granularity])
    };
    let cluster = |i: isize| cluster_of(i, MAIN_GRANULARITY);
    let gazetteer_at = |i: isize| -> &str {
        usize::try_from(i)
            .ok()
            .and_then(|i| gazetteer.get(i))
            .map_or(BOUNDARY, String::as_str)
    };
    let tag = |i: isize| -> &str {
        usize::try_from(i)
            .ok()
            .and_then(|i| analyses.get(i))
            .map_or(BOUNDARY, |a| a.xpos.as_str())
    };
    let mut keys = Vec::with_capacity(words.len() * 32);
    let mut starts = Vec::with_capacity(words.len() + 1);
    for (i, (word, view)) in words.iter().zip(&views).enumerate() {
        starts.push(keys.len());
        let at = i as isize;
        let mut add = |template: Template, parts: &[&str]| keys.push(hash(template, parts));
        add(Template::Bias, &[]);
        add(Template::Norm, &[&view.norm]);
        add(Template::Form, &[word]);
        add(Template::Shape, &[&view.shape]);
        add(Template::ShortShape, &[&view.short_shape]);
        let chars: Vec<(usize, char)> = view.norm.char_indices().collect();
        for length in 1..=3.min(chars.len()) {
            let end = chars.get(length).map_or(view.norm.len(), |&(b, _)| b);
            add(Template::Prefix, &[&view.norm[..end]]);
        }
        for length in 1..=4.min(chars.len()) {
            let start = chars[chars.len() - length].0;
            add(Template::Suffix, &[&view.norm[start..]]);
        }
        add(Template::PreviousNorm, &[norm(at - 1)]);
        add(Template::NextNorm, &[norm(at + 1)]);
        add(Template::SecondPreviousNorm, &[norm(at - 2)]);
        add(Template::SecondNextNorm, &[norm(at + 2)]);
        add(Template::PreviousShape, &[shape(at - 1)]);
        add(Template::NextShape, &[shape(at + 1)]);
        add(Template::PreviousNormAndNorm, &[norm(at - 1), &view.norm]);
        add(Template::NormAndNextNorm, &[&view.norm, norm(at + 1)]);
        add(
            Template::ShapeTrigram,
            &[shape(at - 1), &view.short_shape, shape(at + 1)],
        );
        add(
            Template::PreviousNormAndShape,
            &[norm(at - 1), &view.short_shape],
        );
        add(
            Template::ShapeAndNextNorm,
            &[&view.short_shape, norm(at + 1)],
        );
        add(
            Template::Capitalisation,
            &[view.capitalisation, &view.short_shape],
        );
        add(Template::Cluster, &[view.cluster()]);
        for (granularity, label) in GRANULARITY_LABELS.iter().enumerate() {
            if granularity != MAIN_GRANULARITY {
                add(Template::OtherCluster, &[label, view.clusters[granularity]]);
                add(
                    Template::PreviousOtherCluster,
                    &[label, cluster_of(at - 1, granularity)],
                );
                add(
                    Template::NextOtherCluster,
                    &[label, cluster_of(at + 1, granularity)],
                );
            }
        }
        add(Template::PreviousCluster, &[cluster(at - 1)]);
        add(Template::NextCluster, &[cluster(at + 1)]);
        add(
            Template::ClusterAndShape,
            &[view.cluster(), &view.short_shape],
        );
        add(
            Template::PreviousClusterAndCluster,
            &[cluster(at - 1), view.cluster()],
        );
        add(
            Template::ClusterAndNextCluster,
            &[view.cluster(), cluster(at + 1)],
        );
        add(Template::Tag, &[tag(at)]);
        add(Template::PreviousTag, &[tag(at - 1)]);
        add(Template::NextTag, &[tag(at + 1)]);
        add(Template::TagAndShape, &[tag(at), &view.short_shape]);
        add(Template::TagTrigram, &[tag(at - 1), tag(at), tag(at + 1)]);
        add(Template::Gazetteer, &[gazetteer_at(at)]);
        add(Template::PreviousGazetteer, &[gazetteer_at(at - 1)]);
        add(Template::NextGazetteer, &[gazetteer_at(at + 1)]);
        if let Some((classes, position)) = lexical[i].split_once('|') {
            add(Template::Lexical, &[&lexical[i]]);
            let first_class = classes.split(',').next().unwrap_or(classes);
            add(Template::LexicalFirstClass, &[first_class, position]);
        }
        add(Template::NameWord, &[name_word(at)]);
        add(Template::PreviousNameWord, &[name_word(at - 1)]);
        add(Template::NextNameWord, &[name_word(at + 1)]);
        add(
            Template::NameWordAndShape,
            &[name_word(at), &view.short_shape],
        );
        if let Some(run) = &run_of[i] {
            // The run's edge words name its kind ("… Foundation", "Lake …").
            if i != run.start {
                add(Template::RunFirstWord, &[norm(run.start as isize)]);
            }
            if i + 1 != run.end {
                add(Template::RunLastWord, &[norm(run.end as isize - 1)]);
            }
            let length = (run.len().min(5)).to_string();
            let position = match i {
                _ if run.len() == 1 => "U",
                _ if i == run.start => "B",
                _ if i + 1 == run.end => "L",
                _ => "I",
            };
            add(Template::RunLengthAndPosition, &[&length, position]);
            // What kind of thing the run's edge words name ("Museum of …", "… Party").
            add(
                Template::RunFirstNounClass,
                &[noun_classes[run.start], position],
            );
            add(
                Template::RunLastNounClass,
                &[noun_classes[run.end - 1], position],
            );
        }
        for head in &heads[i] {
            add(Template::HeadInRun, &[head]);
            add(Template::HeadInRunAndShape, &[head, &view.short_shape]);
        }
        let place = &places[i];
        add(Template::Relation, &[&place.relation]);
        add(Template::CaseWord, &[&place.case_word]);
        add(Template::Governor, &[&place.governor]);
        add(
            Template::RelationAndGovernor,
            &[&place.relation, &place.governor],
        );
        if i == 0 {
            add(Template::SentenceStartShape, &[&view.short_shape]);
        }
        if headline {
            add(Template::HeadlineShape, &[&view.short_shape]);
        }
        if starts_uppercase(word) {
            let lower = word.to_lowercase();
            for case_word in context.case_words.get(&lower).into_iter().flatten() {
                add(Template::CaseWordInDocument, &[case_word]);
            }
            for governor in context.governors.get(&lower).into_iter().flatten() {
                add(Template::GovernorInDocument, &[governor]);
            }
            for definition in context.definitions.get(&lower).into_iter().flatten() {
                add(Template::DefinitionInDocument, &[definition]);
            }
            let yes_no = |b: bool| if b { "y" } else { "n" };
            add(
                Template::CapitalisedSeenLowercase,
                &[yes_no(context.seen_lowercase.contains(&lower))],
            );
            add(
                Template::CapitalisedSeenInside,
                &[yes_no(context.seen_capitalised_inside.contains(&lower))],
            );
        }
    }
    starts.push(keys.len());
    SentenceFeatures { keys, starts }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features of a sentence for which no word list knows anything.
    fn extract_without_lists(
        words: &[&str],
        analyses: &[WordAnalysis],
        context: &DocumentContext,
        profiles: &WordProfiles,
    ) -> SentenceFeatures {
        let nothing = vec!["-".to_string(); words.len()];
        let no_class = vec!["-"; words.len()];
        let lists = ListEvidence {
            gazetteer: &nothing,
            name_words: &no_class,
            lexical: &nothing,
            noun_classes: &no_class,
        };
        extract(words, analyses, context, profiles, &lists)
    }

    #[test]
    fn a_typographic_apostrophe_is_read_as_the_ascii_one() {
        let unparsed = vec![WordAnalysis::default(); 3];
        let next_is_possessive = hash(Template::NextNorm, &["'s"]);
        for words in [["Kyiv", "\u{2019}s", "mayor"], ["Kyiv", "'s", "mayor"]] {
            let context = DocumentContext::new([(&words[..], &unparsed[..])], |_| None);
            let features =
                extract_without_lists(&words, &unparsed, &context, &WordProfiles::default());
            assert!(features.word(0).contains(&next_is_possessive), "{words:?}");
        }
    }

    #[test]
    fn shapes_collapse_long_runs() {
        let view = WordView::new("McDonald2024", &WordProfiles::default());
        assert_eq!(view.shape, "XxXxxxddd");
        assert_eq!(view.short_shape, "XxXxd");
        assert_eq!(view.norm, "mcdonald0000");
    }

    #[test]
    fn head_words_reach_the_other_words_of_their_name() {
        let words = [
            "She", "swam", "in", "Lake", "Geneva", "and", "the", "Bank", "of", "Spain",
        ];
        let name_words = ["-", "-", "-", "PLACE", "-", "-", "-", "ORG", "-", "-"];
        let heads = heads_in_runs(&words, &name_words);
        assert_eq!(heads[4], ["PLACE<"]);
        assert!(heads[3].is_empty(), "a head is not its own evidence");
        assert_eq!(heads[9], ["ORG<"]);
        assert!(heads[0].is_empty() && heads[6].is_empty());
    }

    #[test]
    fn document_context_changes_the_features_of_a_capitalised_word() {
        let first: Vec<&str> = vec!["Police", "arrived", "."];
        let second: Vec<&str> = vec!["The", "police", "left", "."];
        let unparsed = [
            WordAnalysis::default(),
            WordAnalysis::default(),
            WordAnalysis::default(),
            WordAnalysis::default(),
        ];
        let with_lowercase = DocumentContext::new(
            [
                (first.as_slice(), &unparsed[..3]),
                (second.as_slice(), &unparsed[..]),
            ],
            |_| None,
        );
        let alone = DocumentContext::new([(first.as_slice(), &unparsed[..3])], |_| None);
        let profiles = WordProfiles::default();
        let tags: Vec<WordAnalysis> = ["NN", "VBD", "."]
            .map(|xpos| WordAnalysis {
                xpos: xpos.to_string(),
                ..WordAnalysis::default()
            })
            .to_vec();
        let a = extract_without_lists(&first, &tags, &with_lowercase, &profiles);
        let b = extract_without_lists(&first, &tags, &alone, &profiles);
        assert_eq!(a.len(), 3);
        assert_ne!(a.word(0), b.word(0));
        assert_eq!(a.word(1), b.word(1));
        let elsewhere = ["person:all", "-", "-"].map(String::from);
        let conjuncts = ["-", "place", "-"].map(String::from);
        let second = a.with_first_pass(&first, &elsewhere, &conjuncts);
        assert_eq!(second.word(0).len(), a.word(0).len() + 2);
        assert_eq!(second.word(1).len(), a.word(1).len() + 1);
        assert!(second
            .word(1)
            .contains(&hash(Template::FirstPassConjunct, &["place"])));
        assert_eq!(second.word(2), a.word(2));
    }

    #[test]
    fn common_nouns_define_the_names_they_are_joined_to() {
        let class = |lemma: &str| match lemma {
            "language" => Some("communication"),
            "village" => Some("location"),
            "publisher" => Some("person"),
            _ => None,
        };
        // "Varnok is a language , spoken in the village of Tusel by Ana Mett , a publisher ."
        let words = [
            "Varnok",
            "is",
            "a",
            "language",
            ",",
            "spoken",
            "in",
            "the",
            "village",
            "of",
            "Tusel",
            "by",
            "Ana",
            "Mett",
            ",",
            "a",
            "publisher",
            ".",
        ];
        let analyses = [
            parsed("NNP", Some(3), "nsubj", "Varnok"),
            parsed("VBZ", Some(3), "cop", "be"),
            parsed("DT", Some(3), "det", "a"),
            parsed("NN", None, "root", "language"),
            parsed(",", Some(5), "punct", ","),
            parsed("VBN", Some(3), "acl", "speak"),
            parsed("IN", Some(8), "case", "in"),
            parsed("DT", Some(8), "det", "the"),
            parsed("NN", Some(5), "obl", "village"),
            parsed("IN", Some(10), "case", "of"),
            parsed("NNP", Some(8), "nmod", "Tusel"),
            parsed("IN", Some(12), "case", "by"),
            parsed("NNP", Some(5), "obl", "Ana"),
            parsed("NNP", Some(12), "flat", "Mett"),
            parsed(",", Some(16), "punct", ","),
            parsed("DT", Some(16), "det", "a"),
            parsed("NN", Some(12), "appos", "publisher"),
            parsed(".", Some(3), "punct", "."),
        ];
        let runs = capitalised_runs(&words);
        let found = definitions(&words, &analyses, &runs, &class);
        assert_eq!(
            found,
            vec![
                (0..1, "cop:communication".to_string()),
                (10..11, "of:location".to_string()),
                (12..14, "appos:person".to_string()),
            ]
        );
        let context = DocumentContext::new([(&words[..], &analyses[..])], class);
        assert_eq!(
            context.definitions["mett"],
            BTreeSet::from(["appos:person".to_string()])
        );
        assert!(!context.definitions.contains_key("is"));
    }

    #[test]
    fn every_granularity_of_a_words_cluster_is_a_feature() {
        use std::io::Write;
        // "Tusel" and "Varnok" share their coarse and main clusters; only
        // the fine clustering tells them apart.
        let rows = "tusel\t3\t7\t40\t500\nvarnok\t3\t7\t40\t501\n";
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(rows.as_bytes()).unwrap();
        let profiles = WordProfiles::from_bytes(&encoder.finish().unwrap(), "test").unwrap();
        let features = |name: &str| {
            let analyses = vec![WordAnalysis::default(); 2];
            extract_without_lists(
                &[name, "spoke"],
                &analyses,
                &DocumentContext::default(),
                &profiles,
            )
        };
        let (tusel, varnok) = (features("Tusel"), features("Varnok"));
        let cluster = |label: &str, cluster: &str| hash(Template::OtherCluster, &[label, cluster]);
        for sentence in [&tusel, &varnok] {
            assert!(sentence.word(0).contains(&cluster("coarse", "7")));
            assert!(sentence.word(0).contains(&hash(Template::Cluster, &["40"])));
        }
        assert!(tusel.word(0).contains(&cluster("fine", "500")));
        assert!(varnok.word(0).contains(&cluster("fine", "501")));
        assert!(!varnok.word(0).contains(&cluster("fine", "500")));
        let previous = hash(Template::PreviousOtherCluster, &["fine", "500"]);
        assert!(tusel.word(1).contains(&previous));
    }

    #[test]
    fn lexical_classes_reach_the_words_of_a_name() {
        // "the Varnok Museum opened": a lexical name, and a head noun's class.
        let words = ["the", "Varnok", "Museum", "opened"];
        let analyses = vec![WordAnalysis::default(); words.len()];
        let context = DocumentContext::new([(&words[..], &analyses[..])], |_| None);
        let nothing = vec!["-".to_string(); words.len()];
        let features = |lexical: &[String], noun_classes: &[&str]| {
            let lists = ListEvidence {
                gazetteer: &nothing,
                name_words: &["-"; 4],
                lexical,
                noun_classes,
            };
            extract(
                &words,
                &analyses,
                &context,
                &WordProfiles::default(),
                &lists,
            )
        };
        let plain = features(&nothing, &["-"; 4]);
        let lexical = ["-", "location|B", "location|L", "-"].map(String::from);
        let with_lexical = features(&lexical, &["-"; 4]);
        assert!(with_lexical
            .word(1)
            .contains(&hash(Template::LexicalFirstClass, &["location", "B"])));
        assert_eq!(with_lexical.word(1).len(), plain.word(1).len() + 2);
        assert_eq!(with_lexical.word(0), plain.word(0));
        let with_head = features(&nothing, &["-", "-", "artifact", "-"]);
        assert!(with_head
            .word(1)
            .contains(&hash(Template::RunLastNounClass, &["artifact", "B"])));
        assert!(!plain
            .word(1)
            .contains(&hash(Template::RunLastNounClass, &["artifact", "B"])));
    }

    fn parsed(xpos: &str, head: Option<usize>, deprel: &str, lemma: &str) -> WordAnalysis {
        WordAnalysis {
            xpos: xpos.to_string(),
            lemma: lemma.to_string(),
            head,
            deprel: deprel.to_string(),
        }
    }

    #[test]
    fn a_names_preposition_and_governor_elsewhere_in_the_document_are_evidence() {
        // "Varnok grew ." and "They live in Varnok ."
        let first: Vec<&str> = vec!["Varnok", "grew", "."];
        let first_analyses = [
            parsed("NNP", Some(1), "nsubj", "Varnok"),
            parsed("VBD", None, "root", "grow"),
            parsed(".", Some(1), "punct", "."),
        ];
        let second: Vec<&str> = vec!["They", "live", "in", "Varnok", "."];
        let second_analyses = [
            parsed("PRP", Some(1), "nsubj", "they"),
            parsed("VBP", None, "root", "live"),
            parsed("IN", Some(3), "case", "in"),
            parsed("NNP", Some(1), "obl", "Varnok"),
            parsed(".", Some(1), "punct", "."),
        ];
        let places = syntactic_places(&second_analyses, &capitalised_runs(&second));
        assert_eq!(
            (
                places[3].relation.as_str(),
                places[3].case_word.as_str(),
                places[3].governor.as_str()
            ),
            ("obl", "in", "live")
        );
        let features_of_first = |context: &DocumentContext| {
            extract_without_lists(&first, &first_analyses, context, &WordProfiles::default())
        };
        let alone = DocumentContext::new([(first.as_slice(), &first_analyses[..])], |_| None);
        let together = DocumentContext::new(
            [
                (first.as_slice(), &first_analyses[..]),
                (second.as_slice(), &second_analyses[..]),
            ],
            |_| None,
        );
        let (a, b) = (features_of_first(&alone), features_of_first(&together));
        assert_eq!(b.word(0).len(), a.word(0).len() + 2);
        assert!(b
            .word(0)
            .contains(&hash(Template::CaseWordInDocument, &["in"])));
        assert!(!a
            .word(0)
            .contains(&hash(Template::GovernorInDocument, &["live"])));
        assert!(b
            .word(0)
            .contains(&hash(Template::GovernorInDocument, &["live"])));
        assert_eq!(
            a.word(1),
            b.word(1),
            "only capitalised words take the evidence"
        );
    }
}
