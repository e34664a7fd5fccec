//! Gazetteer evidence from the actor knowledge base (`chancery-kb`): which
//! words of a sentence start, continue or end a name the knowledge base
//! knows (country, capital, organization, office holder, nationality), or
//! are a title used before names ("President", "Minister"); and single words
//! that hint at a name's class: first names and surnames of the office
//! holders and of the census lists, head words of place and organization
//! names, names of cities and provinces, and what kind of thing a
//! capitalised noun of WordNet is (`data/lexical_names.txt`: "Aristotle" a
//! person, "the Union" a location, "Ku Klux Klan" a group).

use chancery_kb::{EntryKind, KnowledgeBase, NounKind};
use std::collections::{HashMap, HashSet};

/// Word-level name evidence: what a capitalised word alone suggests.
#[derive(Debug, Clone, Default)]
pub struct NameWords {
    first_names: HashSet<String>,
    surnames: HashSet<String>,
    /// Lower-case head word → `PLACE` or `ORG`.
    heads: HashMap<String, &'static str>,
    /// Lower-case names of cities and provinces (`PLACENAME`) and of
    /// well-known organizations (`ORGNAME`), words joined by spaces.
    known_names: HashMap<String, &'static str>,
    /// Longest known name, in words.
    longest_known: usize,
    /// Lower-case capitalised nouns of WordNet → the lexicographer classes
    /// of their senses, most frequent first ("location,person" for France).
    lexical: HashMap<String, String>,
    /// Longest lexical name, in words.
    longest_lexical: usize,
    /// Common nouns of WordNet → the class of their most frequent sense
    /// ("museum" → "artifact"), for the capitalised words of names.
    noun_classes: HashMap<&'static str, &'static str>,
}

impl NameWords {
    /// First names and surnames of the knowledge base's office holders (and
    /// their aliases), and the crate's word lists (head words, places,
    /// census given and family names, world cities).
    pub fn new(kb: &KnowledgeBase) -> NameWords {
        let mut words = NameWords::default();
        for term in kb.office_terms() {
            for name in std::iter::once(&term.name).chain(&term.aliases) {
                let parts: Vec<&str> = name.split_whitespace().collect();
                if let [first, .., last] = parts.as_slice() {
                    words.first_names.insert(first.to_lowercase());
                    words.surnames.insert(last.to_lowercase());
                }
            }
        }
        let mut section = "";
        let lists = [
            include_str!("../data/location_words.txt"),
            include_str!("../data/name_heads.txt"),
        ];
        for line in lists.into_iter().flat_map(list_entries) {
            if line.starts_with('[') {
                section = line;
                continue;
            }
            let class = match section {
                "[head]" | "[place]" => "PLACE",
                "[organization]" => "ORG",
                _ => continue,
            };
            words.heads.insert(line.to_string(), class);
        }
        let census = [
            (
                include_str!("../data/given_names.txt"),
                &mut words.first_names,
            ),
            (
                include_str!("../data/family_names.txt"),
                &mut words.surnames,
            ),
        ];
        for (list, names) in census {
            names.extend(list_entries(list).map(str::to_string));
        }
        let places = [
            include_str!("../data/place_names.txt"),
            include_str!("../data/world_cities.txt"),
        ];
        for line in places.into_iter().flat_map(list_entries) {
            words.add_known_name(line, "PLACENAME");
        }
        // Organization names are written as in text; match them in lower case.
        // (Its sections, the kinds of organization, are for its readers: as
        // features they did worse in cross-validation than one class.)
        for line in list_entries(include_str!("../data/organization_names.txt")) {
            if !line.starts_with('[') {
                words.add_known_name(&line.to_lowercase(), "ORGNAME");
            }
        }
        for line in list_entries(include_str!("../data/lexical_names.txt")) {
            if let Some((name, classes)) = line.split_once('\t') {
                words.longest_lexical = words.longest_lexical.max(name.split(' ').count());
                words.lexical.insert(name.to_string(), classes.to_string());
            }
        }
        words.noun_classes = list_entries(include_str!("../data/noun_classes.txt"))
            .filter_map(|line| line.split_once('\t'))
            .collect();
        words
    }

    /// Adds a lower-case name (words separated by single spaces); a name in
    /// both lists keeps its first class.
    fn add_known_name(&mut self, name: &str, class: &'static str) {
        self.longest_known = self.longest_known.max(name.split(' ').count());
        self.known_names.entry(name.to_string()).or_insert(class);
    }

    /// The WordNet class of a lower-case common noun ("language" →
    /// `communication`).
    pub fn noun_class(&self, noun: &str) -> Option<&'static str> {
        self.noun_classes.get(noun).copied()
    }

    /// The WordNet class of each capitalised word read as a common noun
    /// ("Museum" → `artifact`), `-` for others and for unknown words.
    pub fn noun_classes(&self, words: &[&str]) -> Vec<&'static str> {
        words
            .iter()
            .map(|word| {
                if !is_capitalised(word) {
                    return "-";
                }
                self.noun_class(&word.to_lowercase()).unwrap_or("-")
            })
            .collect()
    }

    /// The label of every word of a sentence from the lexical names: `-`
    /// outside them, else the classes of the longest name that covers the
    /// word (first and last word capitalised) and the word's position in it
    /// (`location,person|U` for "France", `group|B` for "Ku" of "Ku Klux Klan").
    pub fn lexical_labels(&self, words: &[&str]) -> Vec<String> {
        label_longest_names(words.len(), |i| {
            (1..=self.longest_lexical.min(words.len() - i))
                .rev()
                .find_map(|n| {
                    let name = &words[i..i + n];
                    if !is_capitalised(name[0]) || !is_capitalised(name[n - 1]) {
                        return None;
                    }
                    let classes = self.lexical.get(&name.join(" ").to_lowercase())?;
                    Some((n, classes.as_str()))
                })
        })
    }

    /// The class of every word of a sentence: `PLACENAME` for the words of a
    /// known city or province name, `ORGNAME` for those of a well-known
    /// organization's (longest match, first and last word capitalised),
    /// else [`NameWords::class`].
    pub fn classes(&self, words: &[&str]) -> Vec<&'static str> {
        let mut classes: Vec<&'static str> = words.iter().map(|w| self.class(w)).collect();
        let mut i = 0;
        while i < words.len() {
            let found = (1..=self.longest_known.min(words.len() - i))
                .rev()
                .find_map(|n| {
                    let name = &words[i..i + n];
                    if !is_capitalised(name[0]) || !is_capitalised(name[n - 1]) {
                        return None;
                    }
                    let class = self.known_names.get(&name.join(" ").to_lowercase())?;
                    Some((n, *class))
                });
            match found {
                Some((n, class)) => {
                    classes[i..i + n].fill(class);
                    i += n;
                }
                None => i += 1,
            }
        }
        classes
    }

    /// `PLACE`/`ORG` for a capitalised head word, else `FIRST`, `LAST` or
    /// `FIRST+LAST` for a known name part, else `-`.
    pub fn class(&self, word: &str) -> &'static str {
        if !is_capitalised(word) {
            return "-";
        }
        let lower = word.to_lowercase();
        if let Some(head) = self.heads.get(&lower) {
            return head;
        }
        match (
            self.first_names.contains(&lower),
            self.surnames.contains(&lower),
        ) {
            (true, true) => "FIRST+LAST",
            (true, false) => "FIRST",
            (false, true) => "LAST",
            (false, false) => "-",
        }
    }
}

/// The label of each word: `-` when no known name covers it, else the
/// kind and the word's position in the name (`GPE|U`, `PERSON|B`, `TITLE|L`).
pub fn word_labels(kb: &KnowledgeBase, words: &[&str]) -> Vec<String> {
    label_longest_names(words.len(), |i| {
        // Names and titles the knowledge base matches start with a capital.
        if !is_capitalised(words[i]) {
            return None;
        }
        let found = kb.match_tokens(&words[i..])?;
        let entry = found.entries.first()?;
        kind_label(entry.kind, entry.noun).map(|kind| (found.len, kind))
    })
}

/// Labels the words of a sentence of `length` words by the names that
/// `longest_at(i)` finds starting at word `i` (the name's length in words
/// and its label; the longest wins, and the search goes on after it): each
/// word of a name gets the label and its position (`GPE|B`), others `-`.
fn label_longest_names<'a>(
    length: usize,
    longest_at: impl Fn(usize) -> Option<(usize, &'a str)>,
) -> Vec<String> {
    let mut labels = vec!["-".to_string(); length];
    let mut i = 0;
    while i < length {
        let Some((name_length, label)) = longest_at(i) else {
            i += 1;
            continue;
        };
        for (offset, slot) in labels[i..i + name_length].iter_mut().enumerate() {
            *slot = format!("{label}|{}", position(offset, name_length));
        }
        i += name_length;
    }
    labels
}

/// The BILU position of word `offset` of a name of `length` words.
fn position(offset: usize, length: usize) -> &'static str {
    match (offset, length) {
        (_, 1) => "U",
        (0, _) => "B",
        (o, l) if o + 1 == l => "L",
        _ => "I",
    }
}

/// Where the name proper starts in a person mention `words` of a sentence
/// whose word labels are `labels`: after leading titles and nationality
/// words the knowledge base knows ("Russian Foreign Minister Sergey Lavrov"
/// → "Sergey Lavrov"), keeping at least one word.
pub fn person_name_start(labels: &[String], words: std::ops::Range<usize>) -> usize {
    let is_modifier = |i: usize| labels[i].starts_with("TITLE|") || labels[i].starts_with("NORP|");
    let mut start = words.start;
    while start + 1 < words.end && is_modifier(start) {
        start += 1;
    }
    start
}

/// The entries of a word list: its lines, trimmed, without blanks and `#` comments.
fn list_entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn kind_label(kind: EntryKind, noun: Option<NounKind>) -> Option<&'static str> {
    match kind {
        // Capitals are rare in the training text: share what countries teach.
        EntryKind::Country | EntryKind::Place => Some("GPE"),
        EntryKind::Demonym | EntryKind::People => Some("NORP"),
        EntryKind::Organization | EntryKind::Institution => Some("ORG"),
        EntryKind::Person => Some("PERSON"),
        EntryKind::SectorNoun if noun == Some(NounKind::Person) => Some("TITLE"),
        EntryKind::SectorNoun => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_are_labelled_by_position() {
        let kb = KnowledgeBase::load(&[]).expect("the built-in knowledge base loads");
        let words = [
            "The", "United", "States", "and", "France", "met", "in", "france",
        ];
        let labels = word_labels(&kb, &words);
        assert_eq!(labels[1], "GPE|B");
        assert_eq!(labels[2], "GPE|L");
        assert_eq!(labels[4], "GPE|U");
        assert_eq!(labels[5], "-");
        assert_eq!(labels[7], "-", "lower-case words are not names");
    }

    #[test]
    fn name_words_tell_heads_and_name_parts() {
        let kb = KnowledgeBase::load(&[]).expect("the built-in knowledge base loads");
        let words = NameWords::new(&kb);
        assert_eq!(words.class("Lake"), "PLACE");
        assert_eq!(words.class("University"), "ORG");
        assert_eq!(words.class("university"), "-", "lower case is no name");
        assert_eq!(words.class("Sergey"), "FIRST");
        assert_eq!(words.class("Lavrov"), "LAST");
        assert_eq!(words.class("Blorptown"), "-");
        let sentence = [
            "Rio", "de", "Janeiro", "and", "rio", "de", "janeiro", "and", "Athens",
        ];
        let classes = words.classes(&sentence);
        assert_eq!(classes[..3], ["PLACENAME"; 3]);
        assert_eq!(classes[4..7], ["-"; 3], "lower case is no name");
        assert_eq!(classes[8], "PLACENAME");
    }

    #[test]
    fn well_known_organizations_outrank_the_places_inside_their_names() {
        let kb = KnowledgeBase::load(&[]).expect("the built-in knowledge base loads");
        let words = NameWords::new(&kb);
        let sentence = [
            "Boston", "Red", "Sox", "fans", "in", "Boston", "read", "Reader", "'s", "Digest",
        ];
        let classes = words.classes(&sentence);
        assert_eq!(classes[..3], ["ORGNAME"; 3], "the longest name wins");
        assert_eq!(classes[5], "PLACENAME");
        assert_eq!(classes[7..], ["ORGNAME"; 3]);
        assert_eq!(words.classes(&["youtube"]), ["-"], "lower case is no name");
    }

    #[test]
    fn lexical_names_give_their_classes_by_position() {
        let kb = KnowledgeBase::load(&[]).expect("the built-in knowledge base loads");
        let words = NameWords::new(&kb);
        let sentence = [
            "Aristotle",
            "met",
            "the",
            "Ku",
            "Klux",
            "Klan",
            "in",
            "aristotle",
            "Blorptown",
        ];
        let labels = words.lexical_labels(&sentence);
        assert_eq!(labels[0], "person|U");
        assert_eq!(labels[3..6], ["group|B", "group|I", "group|L"]);
        assert_eq!(labels[1], "-");
        assert_eq!(labels[7], "-", "lower case is no name");
        assert_eq!(labels[8], "-");
        let france = words.lexical_labels(&["France"]);
        assert!(france[0].starts_with("location,"), "{france:?}");
        assert_eq!(
            words.noun_classes(&["Museum", "museum", "Blorptown"]),
            ["artifact", "-", "-"]
        );
    }

    #[test]
    fn titles_and_nationalities_are_left_out_of_person_names() {
        let kb = KnowledgeBase::load(&[]).expect("the built-in knowledge base loads");
        let words = ["Russian", "Foreign", "Minister", "Ivan", "Petrov", "spoke"];
        let labels = word_labels(&kb, &words);
        assert_eq!(person_name_start(&labels, 0..5), 3);
        assert_eq!(person_name_start(&labels, 0..1), 0, "a name keeps one word");
        assert_eq!(person_name_start(&labels, 3..5), 3);
    }
}
