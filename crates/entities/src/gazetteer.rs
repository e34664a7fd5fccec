//! Gazetteer evidence from the actor knowledge base (`chancery-kb`): which
//! words of a sentence start, continue or end a name the knowledge base
//! knows (country, capital, organization, office holder, nationality), or
//! are a title used before names ("President", "Minister").

use chancery_kb::{EntryKind, KnowledgeBase, NounKind};

/// The label of each word: `-` when no known name covers it, else the
/// kind and the word's position in the name (`GPE|U`, `PERSON|B`, `TITLE|L`).
pub fn word_labels(kb: &KnowledgeBase, words: &[&str]) -> Vec<String> {
    let mut labels = vec!["-".to_string(); words.len()];
    let mut i = 0;
    while i < words.len() {
        // Names and titles the knowledge base matches start with a capital.
        let capitalised = words[i].chars().next().is_some_and(char::is_uppercase);
        let found = capitalised
            .then(|| kb.match_tokens(&words[i..]))
            .flatten()
            .and_then(|m| {
                kind_label(m.entries.first()?.kind, m.entries[0].noun).map(|k| (m.len, k))
            });
        let Some((length, kind)) = found else {
            i += 1;
            continue;
        };
        for (offset, label) in labels[i..i + length].iter_mut().enumerate() {
            let position = match (offset, length) {
                (_, 1) => "U",
                (0, _) => "B",
                (o, l) if o + 1 == l => "L",
                _ => "I",
            };
            *label = format!("{kind}|{position}");
        }
        i += length;
    }
    labels
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
    fn titles_and_nationalities_are_left_out_of_person_names() {
        let kb = KnowledgeBase::load(&[]).expect("the built-in knowledge base loads");
        let words = ["Russian", "Foreign", "Minister", "Ivan", "Petrov", "spoke"];
        let labels = word_labels(&kb, &words);
        assert_eq!(person_name_start(&labels, 0..5), 3);
        assert_eq!(person_name_start(&labels, 0..1), 0, "a name keeps one word");
        assert_eq!(person_name_start(&labels, 3..5), 3);
    }
}
