//! From GUM's name classes to chancery's entity types.
//!
//! GUM has one `place` class and no nationality class, so the finer types
//! come from word lists written for this crate (`data/`):
//! - person → NORP when every word is a nationality, religion or political
//!   group ("Americans", "the Shiites"), else PERSON;
//! - organization → ORG;
//! - place → LOC when the name is a continent, region or water body, or its
//!   first or last word is a geographic head word ("Lake Chad", "Red Sea"),
//!   else GPE (most named places in news are countries, cities, states);
//! - a capitalised nationality word outside any name ("Russian diplomats")
//!   is a NORP mention of its own.

use crate::gum::NameClass;
use chancery_core::EntityType;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

struct Gazetteer {
    nationalities: HashSet<String>,
    /// Longest nationality entry, in words.
    longest_nationality: usize,
    location_heads: HashSet<String>,
    location_names: HashSet<String>,
}

fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let nationalities: HashSet<String> = entries(include_str!("../data/nationalities.txt"))
        .map(str::to_string)
        .collect();
    let longest_nationality = nationalities
        .iter()
        .map(|n| n.split(' ').count())
        .max()
        .unwrap_or(1);
    let mut location_heads = HashSet::new();
    let mut location_names = HashSet::new();
    let mut section = "";
    for line in entries(include_str!("../data/location_words.txt")) {
        if line.starts_with('[') {
            section = line;
        } else if section == "[head]" {
            location_heads.insert(line.to_string());
        } else {
            location_names.insert(line.to_string());
        }
    }
    Gazetteer {
        nationalities,
        longest_nationality,
        location_heads,
        location_names,
    }
});

/// Lower-case words joined by spaces, without a leading "the".
fn phrase(words: &[&str]) -> String {
    let words = match words.first() {
        Some(first) if first.eq_ignore_ascii_case("the") => &words[1..],
        _ => words,
    };
    words.join(" ").to_lowercase()
}

/// Whether the phrase names a nationality or group, singular or plural.
fn is_nationality(phrase: &str) -> bool {
    let gazetteer = &*GAZETTEER;
    if gazetteer.nationalities.contains(phrase) {
        return true;
    }
    let singular = phrase.strip_suffix('s').unwrap_or(phrase);
    singular != phrase && gazetteer.nationalities.contains(singular)
}

pub fn entity_type(class: NameClass, words: &[&str]) -> EntityType {
    let gazetteer = &*GAZETTEER;
    let name = phrase(words);
    match class {
        NameClass::Person if is_nationality(&name) => EntityType::Norp,
        NameClass::Person => EntityType::Person,
        NameClass::Organization => EntityType::Org,
        NameClass::Place => {
            let mut name_words = name.split(' ');
            let first = name_words.next().unwrap_or_default();
            let last = name_words.next_back().unwrap_or(first);
            if gazetteer.location_names.contains(&name)
                || gazetteer.location_heads.contains(first)
                || gazetteer.location_heads.contains(last)
            {
                EntityType::Loc
            } else {
                EntityType::Gpe
            }
        }
    }
}

/// Capitalised nationality words ("Russian", "South Korean", "Muslims") in
/// a sentence, longest match first, skipping words already in a name.
pub fn nationality_words(words: &[&str], taken: &[bool]) -> Vec<Range<usize>> {
    let longest = GAZETTEER.longest_nationality;
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let matched = (1..=longest.min(words.len() - i)).rev().find(|&n| {
            let span = i..i + n;
            !taken[span.clone()].iter().any(|&t| t)
                && words[span.clone()]
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && is_nationality(&words[span].join(" ").to_lowercase())
        });
        match matched {
            Some(n) => {
                found.push(i..i + n);
                i += n;
            }
            None => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_split_into_polities_and_geography() {
        assert_eq!(
            entity_type(NameClass::Place, &["Brussels"]),
            EntityType::Gpe
        );
        assert_eq!(
            entity_type(NameClass::Place, &["Lake", "Chad"]),
            EntityType::Loc
        );
        assert_eq!(
            entity_type(NameClass::Place, &["the", "Red", "Sea"]),
            EntityType::Loc
        );
        assert_eq!(
            entity_type(NameClass::Place, &["Middle", "East"]),
            EntityType::Loc
        );
    }

    #[test]
    fn groups_of_people_by_nationality_are_norp() {
        assert_eq!(
            entity_type(NameClass::Person, &["Israelis"]),
            EntityType::Norp
        );
        assert_eq!(
            entity_type(NameClass::Person, &["the", "French"]),
            EntityType::Norp
        );
        assert_eq!(
            entity_type(NameClass::Person, &["Ivan", "Petrov"]),
            EntityType::Person
        );
        assert_eq!(
            entity_type(NameClass::Organization, &["NATO"]),
            EntityType::Org
        );
    }

    #[test]
    fn nationality_words_outside_names_take_the_longest_match() {
        let words = [
            "South",
            "Korean",
            "and",
            "Russian",
            "officials",
            "met",
            "russian",
            "Ivanov",
        ];
        let mut taken = vec![false; words.len()];
        taken[7] = true;
        assert_eq!(nationality_words(&words, &taken), vec![0..2, 3..4]);
    }
}
