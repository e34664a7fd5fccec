//! The actor knowledge base: countries, places of power, organizations,
//! institutions, sector nouns and office holders, loaded from `data/actors`
//! (compiled in) and users' own files.
//!
//! Every name is indexed by a normalized key (see [`key`]) with a letter-case
//! rule, so the resolver and the entity recognizer can look names up either as
//! strings ([`KnowledgeBase::lookup_name`]) or as token sequences
//! ([`KnowledgeBase::match_tokens`]).

mod holders;
mod iso;
mod names;
mod tables;

use chancery_core::EntityType;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use tables::Table;

pub use holders::OfficeTerm;
pub use names::{date_within, key, token_key, CaseRule};

include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// The longest name, in tokens, the token matcher tries.
const MAX_NAME_TOKENS: usize = 12;

#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: line {line}: {message}")]
    Format {
        file: String,
        line: usize,
        message: String,
    },
    #[error(
        "{0}: unknown knowledge-base file: its name must start with one of \
         countries, dependencies, places, organizations, institutions, sector_nouns, office_holders"
    )]
    UnknownFile(PathBuf),
}

/// What a knowledge-base entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// A country by name (`Russia`, `the US`).
    Country,
    /// A nationality adjective (`Russian`, `US` in "US officials").
    Demonym,
    /// A country's people (`Russians`).
    People,
    /// A capital or seat of power used for its government (`the Kremlin`).
    Place,
    /// An international or non-state organization (`NATO`, `Amnesty`, `TASS`).
    Organization,
    /// A named national institution (`State Department`, `FSB`).
    Institution,
    /// A common noun naming a sector (`ambassador`, `troops`, `embassy`).
    SectorNoun,
    /// An office holder (`Sergey Lavrov`).
    Person,
}

impl EntryKind {
    /// The named-entity type of names of this kind; None for common nouns.
    pub fn entity_type(self) -> Option<EntityType> {
        match self {
            EntryKind::Country | EntryKind::Place => Some(EntityType::Gpe),
            EntryKind::Demonym | EntryKind::People => Some(EntityType::Norp),
            EntryKind::Organization | EntryKind::Institution => Some(EntityType::Org),
            EntryKind::Person => Some(EntityType::Person),
            EntryKind::SectorNoun => None,
        }
    }

    /// Which entry wins when one name has several: specific before general.
    fn precedence(self) -> u8 {
        match self {
            EntryKind::Person => 0,
            EntryKind::Institution => 1,
            EntryKind::Organization => 2,
            EntryKind::Country => 3,
            EntryKind::Place => 4,
            EntryKind::People => 5,
            EntryKind::Demonym => 6,
            EntryKind::SectorNoun => 7,
        }
    }
}

/// What a sector noun refers to, for coreference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounKind {
    /// One person in a role (`ambassador`); also a title before names.
    Person,
    /// Several people (`diplomats`, `troops`).
    Group,
    /// An institution (`embassy`, `foreign ministry`).
    Body,
}

/// One actor the knowledge base knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable identifier: `country:RUS` (also its demonyms), `people:RUS`,
    /// `place:Kremlin`, `org:NATO`, `institution:FSB`, `noun:ambassador`,
    /// `person:Sergey Lavrov`.
    pub id: String,
    /// Canonical name.
    pub name: String,
    pub kind: EntryKind,
    /// ISO alpha-3 or PLOVER non-state code; None for sector nouns.
    pub country: Option<String>,
    /// PLOVER sector code.
    pub sector: Option<String>,
    /// For sector nouns: what the noun refers to.
    pub noun: Option<NounKind>,
    /// Whether the entry comes from a user file (user entries win ties).
    pub from_user: bool,
}

/// One written form of a name.
#[derive(Debug, Clone)]
struct NameForm {
    surface: String,
    entry: usize,
    rule: CaseRule,
}

/// A name found at the start of a token sequence.
#[derive(Debug, Clone)]
pub struct NameMatch<'a> {
    /// How many tokens the name covers.
    pub len: usize,
    /// The entries so named, most specific first.
    pub entries: Vec<&'a Entry>,
}

/// The knowledge base. Built once, shared read-only (`Send + Sync`).
#[derive(Debug, Default)]
pub struct KnowledgeBase {
    entries: Vec<Entry>,
    forms: Vec<NameForm>,
    /// Key → indexes into `forms`, best first.
    index: HashMap<String, Vec<usize>>,
    /// Every prefix of every key, so token matching stops as soon as no
    /// name can continue.
    prefixes: HashSet<String>,
    /// Country code → its entry.
    countries: HashMap<String, usize>,
    terms: Vec<OfficeTerm>,
    /// Person key (name or alias) → the full names it may denote.
    person_names: HashMap<String, Vec<String>>,
    /// Full name → indexes into `terms`.
    terms_of: HashMap<String, Vec<usize>>,
    /// Last word of a person's names → person entries.
    surnames: HashMap<String, Vec<usize>>,
}

/// A knowledge-base file's text and where it came from.
struct Source {
    /// The path (user files) or file name (built-in), for error messages.
    name: String,
    /// The file name, which tells the format.
    file_name: String,
    text: String,
    from_user: bool,
}

impl Source {
    fn is(&self, prefix: &str) -> bool {
        self.file_name.starts_with(prefix)
    }
}

const FILE_PREFIXES: [&str; 7] = [
    "countries",
    "dependencies",
    "places",
    "organizations",
    "institutions",
    "sector_nouns",
    "office_holders",
];

impl KnowledgeBase {
    /// The compiled-in knowledge base plus the `*.tsv` files of `user_dirs`
    /// (or of their `actors/` folder when they have one; same formats as `data/actors`, file names starting with the name of
    /// the built-in file they extend). User entries win over built-in ones.
    pub fn load(user_dirs: &[PathBuf]) -> Result<KnowledgeBase, KbError> {
        let mut sources = Vec::new();
        for dir in user_dirs {
            // A folder laid out like `data/` keeps its actor files in `actors/`.
            let actors = dir.join("actors");
            sources.extend(read_user_dir(if actors.is_dir() { &actors } else { dir })?);
        }
        sources.extend(BUILTIN_FILES.iter().map(|(name, text)| Source {
            name: format!("data/actors/{name}"),
            file_name: (*name).to_string(),
            text: (*text).to_string(),
            from_user: false,
        }));
        let mut kb = KnowledgeBase::default();
        kb.add_countries(&sources)?;
        for source in &sources {
            if source.is("places") {
                kb.add_named(source, EntryKind::Place, "place")?;
            } else if source.is("organizations") {
                kb.add_named(source, EntryKind::Organization, "org")?;
            } else if source.is("institutions") {
                kb.add_named(source, EntryKind::Institution, "institution")?;
            } else if source.is("sector_nouns") {
                kb.add_sector_nouns(source)?;
            } else if source.is("office_holders") {
                kb.add_office_holders(source)?;
            }
        }
        kb.sort_index();
        Ok(kb)
    }

    /// The best entry a name denotes, if its letter case fits (`US` but not `us`).
    pub fn lookup_name(&self, name: &str) -> Option<&Entry> {
        self.lookup_all(name).into_iter().next()
    }

    /// Every entry a name denotes, most specific first.
    pub fn lookup_all(&self, name: &str) -> Vec<&Entry> {
        let trimmed = name.trim();
        let text: String = ["the ", "The ", "THE "]
            .iter()
            .find_map(|a| trimmed.strip_prefix(a))
            .unwrap_or(trimmed)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        self.candidates(&key(name), &text)
    }

    /// The longest name at the start of `tokens` (token texts, in order), if
    /// any. A leading article is not skipped: callers start after it.
    pub fn match_tokens(&self, tokens: &[&str]) -> Option<NameMatch<'_>> {
        let mut key = String::new();
        let mut text = String::new();
        let mut best = None;
        for (i, token) in tokens.iter().take(MAX_NAME_TOKENS).enumerate() {
            key.push_str(&token_key(token));
            text.push_str(token);
            let is_name = self.index.contains_key(&key);
            if !is_name && !self.prefixes.contains(&key) {
                break;
            }
            let entries = self.candidates(&key, &text);
            if !entries.is_empty() {
                best = Some(NameMatch {
                    len: i + 1,
                    entries,
                });
            }
        }
        best
    }

    /// Every written form of every name, with its entry (for gazetteers).
    pub fn names(&self) -> impl Iterator<Item = (&str, &Entry)> {
        self.forms
            .iter()
            .map(|f| (f.surface.as_str(), &self.entries[f.entry]))
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry of a country code (`RUS`), including PLOVER's `KOS`.
    pub fn country(&self, code: &str) -> Option<&Entry> {
        self.countries.get(code).map(|&i| &self.entries[i])
    }

    /// The office a person held at `date` (`YYYY-MM-DD` or a prefix): the term
    /// covering the date, else the nearest one; with no date, the current or
    /// latest term. `name` is a full name or a listed alias.
    pub fn lookup_person(&self, name: &str, date: Option<&str>) -> Option<&OfficeTerm> {
        let terms: Vec<&OfficeTerm> = self
            .person_names
            .get(&key(name))?
            .iter()
            .flat_map(|full| &self.terms_of[full])
            .map(|&i| &self.terms[i])
            .collect();
        holders::choose(&terms, date)
    }

    /// The office holder with this surname, when exactly one has it.
    pub fn lookup_surname(&self, surname: &str) -> Option<&Entry> {
        match self.surnames.get(&key(surname))?.as_slice() {
            [only] => Some(&self.entries[*only]),
            _ => None,
        }
    }

    /// Every office term, in file order.
    pub fn office_terms(&self) -> &[OfficeTerm] {
        &self.terms
    }

    fn candidates(&self, key: &str, text: &str) -> Vec<&Entry> {
        let Some(forms) = self.index.get(key) else {
            return Vec::new();
        };
        let mut seen = HashSet::new();
        forms
            .iter()
            .map(|&f| &self.forms[f])
            .filter(|f| f.rule.accepts(text) && seen.insert(f.entry))
            .map(|f| &self.entries[f.entry])
            .collect()
    }

    fn add_entry(&mut self, entry: Entry) -> usize {
        self.entries.push(entry);
        self.entries.len() - 1
    }

    /// Indexes a written form of entry `entry`.
    fn add_form(&mut self, surface: &str, entry: usize) {
        let proper = self.entries[entry].kind != EntryKind::SectorNoun;
        let rule = CaseRule::for_name(surface.trim_start_matches("the "), proper);
        self.forms.push(NameForm {
            surface: surface.to_string(),
            entry,
            rule,
        });
        let name_key = key(surface);
        for (end, _) in name_key.char_indices().skip(1) {
            self.prefixes.insert(name_key[..end].to_string());
        }
        self.index
            .entry(name_key)
            .or_default()
            .push(self.forms.len() - 1);
    }

    /// Best candidates first: user entries, then the more specific kinds;
    /// otherwise in load order.
    fn sort_index(&mut self) {
        let (entries, forms) = (&self.entries, &self.forms);
        for list in self.index.values_mut() {
            list.sort_by_key(|&f| {
                let entry = &entries[forms[f].entry];
                (!entry.from_user, entry.kind.precedence())
            });
        }
    }

    /// Countries: ISO data for every country (dependencies folded into their
    /// sovereign), then the names, adjectives and people of `countries*.tsv`,
    /// then the ISO alternative names and adjectives no other entry uses.
    fn add_countries(&mut self, sources: &[Source]) -> Result<(), KbError> {
        let mut sovereign_of = HashMap::new();
        for source in sources.iter().filter(|s| s.is("dependencies")) {
            let table = Table::parse(&source.name, &source.text, &["territory", "sovereign"])?;
            for row in table.rows() {
                let (territory, sovereign) = (row.get("territory"), row.get("sovereign"));
                if territory.is_empty() || sovereign.is_empty() {
                    return Err(
                        table.error(row.line, "a record needs a territory and a sovereign code")
                    );
                }
                sovereign_of.insert(territory.to_string(), sovereign.to_string());
            }
        }
        let country_tables: Vec<(&Source, Table)> = sources
            .iter()
            .filter(|s| s.is("countries"))
            .map(|s| Table::parse(&s.name, &s.text, &["code"]).map(|t| (s, t)))
            .collect::<Result<_, _>>()?;
        let mut canonical: HashMap<String, String> = HashMap::new();
        for (_, table) in &country_tables {
            for row in table.rows() {
                if let Some(name) = row.optional("name") {
                    canonical
                        .entry(row.get("code").to_string())
                        .or_insert(name.to_string());
                }
            }
        }
        let iso = iso::countries();
        let sovereigns = iso.iter().filter(|c| !sovereign_of.contains_key(&c.code));
        for country in sovereigns {
            let name = canonical
                .get(&country.code)
                .cloned()
                .unwrap_or_else(|| country.short_name.to_string());
            self.add_country(&country.code, &name, false);
        }
        // Rows may add people and names to existing countries or new codes (KOS).
        let mut stated_adjectives = Vec::new();
        for (source, table) in &country_tables {
            for row in table.rows() {
                let code = row.get("code");
                if code.is_empty() {
                    return Err(table.error(row.line, "a record needs a code"));
                }
                let country = match self.countries.get(code) {
                    Some(&i) => i,
                    None => match row.optional("name") {
                        Some(name) => self.add_country(code, name, source.from_user),
                        None => {
                            return Err(table.error(
                                row.line,
                                format!("`{code}` is not an ISO 3166 alpha-3 code; give it a name to add it"),
                            ))
                        }
                    },
                };
                for alias in row.list("aliases") {
                    self.add_form(alias, country);
                }
                stated_adjectives.extend(
                    row.list("adjectives")
                        .map(|a| (code.to_string(), a.to_string())),
                );
                let people = self.people_entry(code);
                for plural in row.list("people") {
                    self.add_form(plural, people);
                }
            }
        }
        self.add_adjectives(&stated_adjectives);
        let stated: HashSet<&String> = stated_adjectives.iter().map(|(code, _)| code).collect();
        let mut iso_adjectives = Vec::new();
        for country in &iso {
            let code = sovereign_of.get(&country.code).unwrap_or(&country.code);
            self.add_form(country.short_name, self.countries[code]);
            if !sovereign_of.contains_key(&country.code) && !stated.contains(code) {
                let unused = country
                    .adjectives
                    .iter()
                    .filter(|a| !self.index.contains_key(&key(a)));
                iso_adjectives.extend(unused.map(|a| (code.clone(), a.to_string())));
            }
        }
        self.add_adjectives(&iso_adjectives);
        // ISO alternative names, unless ambiguous or already taken.
        let mut alternatives: BTreeMap<String, (BTreeSet<String>, &str)> = BTreeMap::new();
        for country in &iso {
            let code = sovereign_of.get(&country.code).unwrap_or(&country.code);
            for name in &country.other_names {
                let slot = alternatives
                    .entry(key(name))
                    .or_insert((BTreeSet::new(), name));
                slot.0.insert(code.clone());
            }
        }
        for (name_key, (codes, name)) in alternatives {
            if codes.len() == 1 && !self.index.contains_key(&name_key) {
                let code = codes.into_iter().next().expect("one code");
                self.add_form(name, self.countries[&code]);
            }
        }
        Ok(())
    }

    fn add_country(&mut self, code: &str, name: &str, from_user: bool) -> usize {
        let entry = self.add_entry(Entry {
            id: format!("country:{code}"),
            name: name.to_string(),
            kind: EntryKind::Country,
            country: Some(code.to_string()),
            sector: None,
            noun: None,
            from_user,
        });
        self.add_form(name, entry);
        self.countries.insert(code.to_string(), entry);
        entry
    }

    /// Adjectives (`Russian`) and their automatic plurals (`Russians`); an
    /// adjective claimed by two countries of the list (`Congolese`) is left out.
    fn add_adjectives(&mut self, adjectives: &[(String, String)]) {
        let mut claims: HashMap<String, HashSet<&str>> = HashMap::new();
        for (code, adjective) in adjectives {
            claims.entry(key(adjective)).or_default().insert(code);
        }
        let mut added = HashSet::new();
        for (code, adjective) in adjectives {
            let claimed_once = claims[&key(adjective)].len() == 1;
            if !claimed_once || !added.insert(key(adjective)) {
                continue;
            }
            let demonym = self.demonym_entry(code);
            self.add_form(adjective, demonym);
            let regular_plural = ["an", "i", "ite"]
                .iter()
                .any(|end| adjective.ends_with(end));
            let plural = format!("{adjective}s");
            if regular_plural && !self.index.contains_key(&key(&plural)) {
                let people = self.people_entry(code);
                self.add_form(&plural, people);
            }
        }
    }

    /// The entry of a country's demonym or people, created on first use.
    fn derived_entry(&mut self, code: &str, kind: EntryKind) -> usize {
        let country = &self.entries[self.countries[code]];
        if let Some(i) = self
            .entries
            .iter()
            .position(|e| e.kind == kind && e.country.as_deref() == Some(code))
        {
            return i;
        }
        // A people is not its state: its own id, so its mentions chain apart.
        let id = match kind {
            EntryKind::People => format!("people:{code}"),
            _ => country.id.clone(),
        };
        let entry = Entry {
            kind,
            id,
            ..country.clone()
        };
        self.add_entry(entry)
    }

    fn demonym_entry(&mut self, code: &str) -> usize {
        self.derived_entry(code, EntryKind::Demonym)
    }

    fn people_entry(&mut self, code: &str) -> usize {
        self.derived_entry(code, EntryKind::People)
    }

    /// Places, organizations and institutions: `name, country, sector, aliases`.
    fn add_named(
        &mut self,
        source: &Source,
        kind: EntryKind,
        id_prefix: &str,
    ) -> Result<(), KbError> {
        let table = Table::parse(&source.name, &source.text, &["name", "country"])?;
        for row in table.rows() {
            let name = row.get("name");
            if name.is_empty() {
                return Err(table.error(row.line, "a record needs a name"));
            }
            let entry = self.add_entry(Entry {
                id: format!("{id_prefix}:{name}"),
                name: name.to_string(),
                kind,
                country: row.optional("country").map(str::to_string),
                sector: row.optional("sector").map(str::to_string),
                noun: None,
                from_user: source.from_user,
            });
            self.add_form(name, entry);
            for alias in row.list("aliases") {
                self.add_form(alias, entry);
            }
        }
        Ok(())
    }

    /// Sector nouns: `sector, kind, nouns`; each noun form is its own entry so
    /// the actor keeps the word (`ambassador`) as its name.
    fn add_sector_nouns(&mut self, source: &Source) -> Result<(), KbError> {
        let table = Table::parse(&source.name, &source.text, &["sector", "kind", "nouns"])?;
        for row in table.rows() {
            let noun = match row.get("kind") {
                "person" => NounKind::Person,
                "group" => NounKind::Group,
                "body" => NounKind::Body,
                other => {
                    return Err(table.error(
                        row.line,
                        format!("kind `{other}` is not person, group or body"),
                    ))
                }
            };
            let sector = row.get("sector");
            if sector.is_empty() {
                return Err(table.error(row.line, "a record needs a sector"));
            }
            for form in row.list("nouns") {
                let entry = self.add_entry(Entry {
                    id: format!("noun:{form}"),
                    name: form.to_string(),
                    kind: EntryKind::SectorNoun,
                    country: None,
                    sector: Some(sector.to_string()),
                    noun: Some(noun),
                    from_user: source.from_user,
                });
                self.add_form(form, entry);
            }
        }
        Ok(())
    }

    /// Office holders: one person entry per name (country and sector of the
    /// current or latest term), every term kept for dated lookups.
    fn add_office_holders(&mut self, source: &Source) -> Result<(), KbError> {
        let mut persons: HashMap<String, usize> = HashMap::new();
        let mut indexed: HashSet<(usize, String)> = HashSet::new();
        for term in holders::parse(&source.name, &source.text)? {
            let person = match persons.get(&term.name) {
                Some(&existing) => existing,
                None => {
                    let entry = self.add_entry(Entry {
                        id: format!("person:{}", term.name),
                        name: term.name.clone(),
                        kind: EntryKind::Person,
                        country: None,
                        sector: None,
                        noun: None,
                        from_user: source.from_user,
                    });
                    persons.insert(term.name.clone(), entry);
                    entry
                }
            };
            let names: Vec<String> = std::iter::once(term.name.clone())
                .chain(term.aliases.iter().cloned())
                .collect();
            self.terms.push(term);
            let index = self.terms.len() - 1;
            self.terms_of
                .entry(names[0].clone())
                .or_default()
                .push(index);
            for name in &names {
                let full_names = self.person_names.entry(key(name)).or_default();
                if !full_names.contains(&names[0]) {
                    full_names.push(names[0].clone());
                }
                if let Some((_, surname)) = name.rsplit_once(' ') {
                    let owners = self.surnames.entry(key(surname)).or_default();
                    if !owners.contains(&person) {
                        owners.push(person);
                    }
                }
                if indexed.insert((person, key(name))) {
                    self.add_form(name, person);
                }
            }
        }
        for &person in persons.values() {
            let current = self
                .lookup_person(&self.entries[person].name, None)
                .cloned();
            if let Some(current) = current {
                self.entries[person].country = Some(current.country);
                self.entries[person].sector = Some(current.sector);
            }
        }
        Ok(())
    }
}

/// The `*.tsv` files of a user directory, in name order.
fn read_user_dir(dir: &Path) -> Result<Vec<Source>, KbError> {
    let io_error = |source| KbError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_error)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(io_error)?;
    paths.retain(|p| p.extension().is_some_and(|x| x == "tsv"));
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !FILE_PREFIXES.iter().any(|p| name.starts_with(p)) {
                return Err(KbError::UnknownFile(path));
            }
            let text = std::fs::read_to_string(&path).map_err(|source| KbError::Io {
                path: path.clone(),
                source,
            })?;
            Ok(Source {
                name: path.display().to_string(),
                file_name: name,
                text,
                from_user: true,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
