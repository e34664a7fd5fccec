//! The learned-actor table: people the resolver learned from stated roles,
//! remembered across runs (earliest first sighting, latest last sighting).

use crate::{Store, StoreError};
use chancery_core::LearnedActor;
use rusqlite::params;

const COLUMNS: &str = "name, country, sector, role, first_seen, last_seen";

impl Store {
    /// Adds new people and updates known ones: the first sighting stays the
    /// earliest, the last the latest, and missing details are filled in.
    pub fn remember_actors(&mut self, learned: &[LearnedActor]) -> Result<(), StoreError> {
        let name = self.name.clone();
        let tx = self
            .conn
            .transaction()
            .map_err(|e| crate::database(&name, e))?;
        {
            let mut upsert = tx
                .prepare(&format!(
                    "INSERT INTO learned_actors ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (name) DO UPDATE SET
                         country = coalesce(country, excluded.country),
                         sector = coalesce(sector, excluded.sector),
                         role = coalesce(role, excluded.role),
                         first_seen = coalesce(min(first_seen, excluded.first_seen), first_seen, excluded.first_seen),
                         last_seen = coalesce(max(last_seen, excluded.last_seen), last_seen, excluded.last_seen)"
                ))
                .map_err(|e| crate::database(&name, e))?;
            for person in learned {
                upsert
                    .execute(params![
                        person.name,
                        person.country,
                        person.sector,
                        person.role,
                        person.first_seen,
                        person.last_seen
                    ])
                    .map_err(|e| crate::database(&name, e))?;
            }
        }
        tx.commit().map_err(|e| crate::database(&name, e))
    }

    /// Every learned actor, by name.
    pub fn learned_actors(&self) -> Result<Vec<LearnedActor>, StoreError> {
        self.search_actors(None)
    }

    /// Learned actors whose name or role contains every one of `words`
    /// (case ignored); all of them when `words` is None or blank.
    pub fn search_actors(&self, words: Option<&str>) -> Result<Vec<LearnedActor>, StoreError> {
        let words: Vec<String> = words
            .unwrap_or("")
            .split_whitespace()
            .map(like_pattern)
            .collect();
        let mut sql = format!("SELECT {COLUMNS} FROM learned_actors WHERE 1 = 1");
        for _ in &words {
            sql += " AND (lower(name) LIKE ? ESCAPE '\\' OR lower(coalesce(role, '')) LIKE ? ESCAPE '\\')";
        }
        sql += " ORDER BY name";
        let values = words.iter().flat_map(|w| [w, w]);
        let mut statement = self.conn.prepare(&sql).map_err(|e| self.error(e))?;
        let people = statement
            .query_map(rusqlite::params_from_iter(values), |row| {
                Ok(LearnedActor {
                    name: row.get(0)?,
                    country: row.get(1)?,
                    sector: row.get(2)?,
                    role: row.get(3)?,
                    first_seen: row.get(4)?,
                    last_seen: row.get(5)?,
                })
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|e| self.error(e))?;
        Ok(people)
    }
}

/// A LIKE pattern finding `word` anywhere, its wildcards escaped.
fn like_pattern(word: &str) -> String {
    let mut pattern = String::from("%");
    for c in word.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}
