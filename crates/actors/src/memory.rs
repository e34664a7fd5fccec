//! Actors learned from earlier documents: people whose role a document
//! stated ("Russia's ambassador Anatoly Antonov"), so later documents that
//! name them bare ("Antonov said") resolve too.

use chancery_core::LearnedActor;
use chancery_kb::key;
use std::collections::HashMap;

/// Learned actors, looked up by full name or by a surname only one of them has.
#[derive(Debug, Clone, Default)]
pub struct ActorMemory {
    known: Vec<LearnedActor>,
    by_name: HashMap<String, usize>,
    /// Surname → the one actor with it; None when several share it.
    by_surname: HashMap<String, Option<usize>>,
}

impl ActorMemory {
    /// A memory of these actors; of two with one name, the one seen last wins.
    pub fn new(known: Vec<LearnedActor>) -> ActorMemory {
        let mut memory = ActorMemory::default();
        for actor in known {
            let name_key = key(&actor.name);
            if let Some(&existing) = memory.by_name.get(&name_key) {
                if memory.known[existing].last_seen <= actor.last_seen {
                    memory.known[existing] = actor;
                }
                continue;
            }
            memory.known.push(actor);
            let index = memory.known.len() - 1;
            memory.by_name.insert(name_key, index);
            if let Some((_, surname)) = memory.known[index].name.rsplit_once(' ') {
                memory
                    .by_surname
                    .entry(key(surname))
                    .and_modify(|owner| *owner = None)
                    .or_insert(Some(index));
            }
        }
        memory
    }

    pub fn empty() -> ActorMemory {
        ActorMemory::default()
    }

    /// The learned actor a name denotes: by full name, or a surname only one has.
    pub fn lookup(&self, name: &str) -> Option<&LearnedActor> {
        let name_key = key(name);
        let index = self
            .by_name
            .get(&name_key)
            .copied()
            .or_else(|| self.by_surname.get(&name_key).copied().flatten())?;
        Some(&self.known[index])
    }

    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learned(name: &str, country: &str, last_seen: &str) -> LearnedActor {
        LearnedActor {
            name: name.into(),
            country: Some(country.into()),
            sector: Some("GOV".into()),
            role: Some("ambassador".into()),
            first_seen: Some(last_seen.into()),
            last_seen: Some(last_seen.into()),
        }
    }

    #[test]
    fn finds_people_by_name_and_unique_surname() {
        let memory = ActorMemory::new(vec![
            learned("Ilse Brandvik", "NOR", "2020-01-01"),
            learned("Omar Tessaly", "EGY", "2020-01-01"),
            learned("Karin Tessaly", "SWE", "2020-01-01"),
        ]);
        assert_eq!(
            memory
                .lookup("Ilse Brandvik")
                .and_then(|a| a.country.as_deref()),
            Some("NOR")
        );
        assert_eq!(
            memory.lookup("Brandvik").map(|a| a.name.as_str()),
            Some("Ilse Brandvik")
        );
        assert!(
            memory.lookup("Tessaly").is_none(),
            "shared surname is ambiguous"
        );
        assert!(ActorMemory::empty().lookup("Brandvik").is_none());
    }

    #[test]
    fn the_latest_record_of_a_name_wins() {
        let memory = ActorMemory::new(vec![
            learned("Ilse Brandvik", "NOR", "2021-05-01"),
            learned("Ilse Brandvik", "DNK", "2019-01-01"),
            learned("Ilse Brandvik", "ISL", "2023-02-02"),
        ]);
        assert_eq!(
            memory
                .lookup("Ilse Brandvik")
                .and_then(|a| a.country.as_deref()),
            Some("ISL")
        );
    }
}
