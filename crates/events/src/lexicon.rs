//! The event lexicon: patterns (`events.lex`), cue word lists (`cues.lex`),
//! PLOVER scores (`scores.tsv`) and nearest CAMEO codes (`cameo.tsv`), parsed
//! from the files compiled in from `data/lexicon` plus any user folders.

use chancery_core::EventType;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}:{line}: {problem}")]
    Syntax {
        file: String,
        line: usize,
        problem: String,
    },
    #[error("cannot read lexicon file {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

const BUILTIN: [(&str, &str); 4] = [
    (
        "events.lex",
        include_str!("../../../data/lexicon/events.lex"),
    ),
    ("cues.lex", include_str!("../../../data/lexicon/cues.lex")),
    (
        "scores.tsv",
        include_str!("../../../data/lexicon/scores.tsv"),
    ),
    ("cameo.tsv", include_str!("../../../data/lexicon/cameo.tsv")),
];

/// Which word class an anchor must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    Verb,
    Noun,
    Adjective,
    Any,
}

/// One position of a pattern after its anchor.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A word given as alternatives (lemma or lowercase form).
    Word(Vec<String>),
    /// Up to [`MAX_GAP`] tokens of anything.
    Gap,
}

/// How far `*` reaches.
pub const MAX_GAP: usize = 6;

/// Where to find a participant, tried in the order written.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// The agent: the subject, or the `by` phrase of a passive.
    Subj,
    /// The patient: the object, or the subject of a passive.
    Obj,
    Iobj,
    /// A possessive dependent (`Moscow's expulsion`).
    Poss,
    /// An adjective of nationality (`Western sanctions`).
    Amod,
    /// A prepositional dependent with this case word (`@on`).
    Prep(String),
    /// An actor mention anywhere under the object.
    ObjMention,
    /// An actor mention anywhere under a complement clause.
    ClauseMention,
    /// The subject of a complement clause (`claimed that Russia …`).
    CcompSubj,
    /// The subject of the verb a nominal trigger hangs from.
    GovernorSubj,
    /// An actor mention between the anchor and the next pattern word.
    Gap,
    /// The speaker of the reported speech the trigger stands in.
    Speaker,
    /// The side that acted against this event's actor in an earlier event.
    Counterpart,
    /// The nearest other actor mention in the sentence.
    Near,
}

/// A qualification the pattern needs and absorbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// "will respond": the future makes the threat, it is not an aux.
    Future,
    /// "would not tolerate": the negation makes the disapproval.
    Negated,
}

/// A condition without which the pattern yields no event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Speaker,
    Recipient,
}

/// What the patient (object, or passive subject) must be: one of `words`
/// (or a person, with `#person` in the list), or, when `negated`
/// (`patient=!a|b`), none of them.
#[derive(Debug, Clone, PartialEq)]
pub struct PatientConstraint {
    pub words: Vec<String>,
    pub person: bool,
    pub negated: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub anchor: Vec<String>,
    pub class: WordClass,
    pub items: Vec<Item>,
    pub event_type: EventType,
    pub mode: Option<String>,
    pub context: Vec<String>,
    pub actor: Vec<Role>,
    pub recipient: Vec<Role>,
    pub when: Option<When>,
    pub need: Option<Need>,
    pub patient: Option<PatientConstraint>,
    pub cameo: Option<String>,
    /// `file:line`, for messages and debugging.
    pub origin: String,
}

impl Pattern {
    /// Default participant roles for the anchor's word class.
    fn default_roles(class: WordClass) -> (Vec<Role>, Vec<Role>) {
        match class {
            WordClass::Noun => (
                vec![Role::Poss, Role::Prep("by".into()), Role::Amod, Role::Subj],
                vec![Role::Prep("of".into()), Role::Prep("against".into())],
            ),
            WordClass::Adjective => (vec![Role::Speaker, Role::Subj], vec![]),
            WordClass::Verb | WordClass::Any => (vec![Role::Subj], vec![Role::Obj]),
        }
    }

    /// Number of words the pattern names: longer patterns win.
    pub fn specificity(&self) -> usize {
        1 + self
            .items
            .iter()
            .filter(|i| matches!(i, Item::Word(_)))
            .count()
            + usize::from(self.patient.as_ref().is_some_and(|p| !p.negated))
    }
}

/// Named word lists from `cues.lex`.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    lists: HashMap<String, Vec<String>>,
    numbers: HashMap<String, f64>,
}

impl Cues {
    /// Whether `word` (lowercase) is in list `section`.
    pub fn has(&self, section: &str, word: &str) -> bool {
        self.lists
            .get(section)
            .is_some_and(|words| words.iter().any(|w| w == word))
    }

    /// The value of a spelled-out number.
    pub fn number(&self, word: &str) -> Option<f64> {
        self.numbers.get(word).copied()
    }
}

/// Everything the coder reads from `data/lexicon`.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub patterns: Vec<Pattern>,
    /// Pattern indexes by anchor word.
    by_anchor: HashMap<String, Vec<usize>>,
    pub cues: Cues,
    scores: HashMap<(EventType, String), f64>,
    cameo: HashMap<(EventType, String), String>,
}

impl Lexicon {
    /// The built-in lexicon plus the files of `user_dirs` (any `*.lex`/`*.tsv`
    /// whose name says what it holds: `…events.lex`, `…cues.lex`,
    /// `…scores.tsv`, `…cameo.tsv`).
    pub fn load(user_dirs: &[PathBuf]) -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon::default();
        for (name, text) in BUILTIN {
            lexicon.add_file(name, text)?;
        }
        for dir in user_dirs {
            let lexicon_dir = if dir.join("lexicon").is_dir() {
                dir.join("lexicon")
            } else {
                dir.clone()
            };
            let mut files: Vec<PathBuf> = std::fs::read_dir(&lexicon_dir)
                .map_err(|source| LexiconError::Io {
                    path: lexicon_dir.clone(),
                    source,
                })?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| is_lexicon_file(p))
                .collect();
            files.sort();
            for path in files {
                let text = std::fs::read_to_string(&path).map_err(|source| LexiconError::Io {
                    path: path.clone(),
                    source,
                })?;
                lexicon.add_file(&path.display().to_string(), &text)?;
            }
        }
        Ok(lexicon)
    }

    fn add_file(&mut self, name: &str, text: &str) -> Result<(), LexiconError> {
        if name.ends_with("events.lex") {
            for (n, line) in meaningful_lines(text) {
                let pattern = parse_pattern(line, &format!("{name}:{n}")).map_err(|problem| {
                    LexiconError::Syntax {
                        file: name.to_string(),
                        line: n,
                        problem,
                    }
                })?;
                for form in &pattern.anchor {
                    self.by_anchor
                        .entry(form.clone())
                        .or_default()
                        .push(self.patterns.len());
                }
                self.patterns.push(pattern);
            }
        } else if name.ends_with("cues.lex") {
            self.add_cues(name, text)?;
        } else if name.ends_with("scores.tsv") || name.ends_with("cameo.tsv") {
            let is_score = name.ends_with("scores.tsv");
            for (n, line) in meaningful_lines(text) {
                let syntax = |problem: String| LexiconError::Syntax {
                    file: name.to_string(),
                    line: n,
                    problem,
                };
                let cols: Vec<&str> = line.split_whitespace().collect();
                let [ty, mode, value] = cols[..] else {
                    return Err(syntax(format!(
                        "expected 3 columns (TYPE mode value), found {}",
                        cols.len()
                    )));
                };
                let key = (ty.parse::<EventType>().map_err(syntax)?, mode_key(mode));
                if is_score {
                    let score = value
                        .parse::<f64>()
                        .map_err(|_| syntax(format!("`{value}` is not a number")))?;
                    self.scores.insert(key, score);
                } else {
                    self.cameo.insert(key, value.to_string());
                }
            }
        }
        Ok(())
    }

    fn add_cues(&mut self, name: &str, text: &str) -> Result<(), LexiconError> {
        let mut section: Option<String> = None;
        for (n, line) in meaningful_lines(text) {
            if let Some(title) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(title.trim().to_string());
                continue;
            }
            let Some(current) = &section else {
                return Err(LexiconError::Syntax {
                    file: name.to_string(),
                    line: n,
                    problem: "words before any [section] line".into(),
                });
            };
            for word in line.split_whitespace() {
                let word = word.to_lowercase();
                if current == "numbers" {
                    let parsed = word
                        .split_once('=')
                        .and_then(|(w, v)| Some((w.to_string(), v.parse::<f64>().ok()?)));
                    let Some((w, v)) = parsed else {
                        return Err(LexiconError::Syntax {
                            file: name.to_string(),
                            line: n,
                            problem: format!("`{word}`: numbers are written word=value"),
                        });
                    };
                    self.cues.numbers.insert(w, v);
                } else {
                    self.cues
                        .lists
                        .entry(current.clone())
                        .or_default()
                        .push(word);
                }
            }
        }
        Ok(())
    }

    /// Patterns whose anchor is `word`.
    pub fn anchored_at(&self, word: &str) -> impl Iterator<Item = &Pattern> {
        self.by_anchor
            .get(word)
            .into_iter()
            .flatten()
            .map(|&i| &self.patterns[i])
    }

    /// The PLOVER score of a type and mode (the type's own when the mode has none).
    pub fn score(&self, ty: EventType, mode: Option<&str>) -> f64 {
        mode.and_then(|m| self.scores.get(&(ty, m.to_string())))
            .or_else(|| self.scores.get(&(ty, String::new())))
            .copied()
            .unwrap_or(0.0)
    }

    /// The nearest CAMEO code of a type and mode.
    pub fn cameo(&self, ty: EventType, mode: Option<&str>) -> Option<String> {
        mode.and_then(|m| self.cameo.get(&(ty, m.to_string())))
            .or_else(|| self.cameo.get(&(ty, String::new())))
            .cloned()
    }
}

fn is_lexicon_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    ["events.lex", "cues.lex", "scores.tsv", "cameo.tsv"]
        .iter()
        .any(|suffix| name.ends_with(suffix))
}

fn mode_key(mode: &str) -> String {
    if mode == "-" {
        String::new()
    } else {
        mode.to_lowercase()
    }
}

/// Non-empty lines without comments (`#` at the start of a line or after a
/// space), numbered from 1.
fn meaningful_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim();
        let line = if line.starts_with('#') {
            ""
        } else {
            line.split(" #").next().unwrap_or("").trim()
        };
        (!line.is_empty()).then_some((i + 1, line))
    })
}

fn alternatives(word: &str) -> Vec<String> {
    word.split('|').map(|w| w.to_lowercase()).collect()
}

/// Parses `ANCHOR [WORD|*]... => TYPE[:mode] [key=value]...`.
fn parse_pattern(line: &str, origin: &str) -> Result<Pattern, String> {
    let (lhs, rhs) = line
        .split_once("=>")
        .ok_or("a pattern line needs `=>` between the words and the event")?;
    let mut words = lhs.split_whitespace();
    let anchor = words.next().ok_or("no anchor word before `=>`")?;
    let (anchor, class) = match anchor.rsplit_once('.') {
        Some((w, "v")) => (w, WordClass::Verb),
        Some((w, "n")) => (w, WordClass::Noun),
        Some((w, "a")) => (w, WordClass::Adjective),
        Some((_, other)) => {
            return Err(format!("unknown word class `.{other}` (use .v, .n or .a)"))
        }
        None => (anchor, WordClass::Any),
    };
    let items: Vec<Item> = words
        .map(|w| {
            if w == "*" {
                Item::Gap
            } else {
                Item::Word(alternatives(w))
            }
        })
        .collect();
    let mut fields = rhs.split_whitespace();
    let event = fields.next().ok_or("no event type after `=>`")?;
    let (ty, mode) = match event.split_once(':') {
        Some((t, m)) => (t, (!m.is_empty()).then(|| m.to_lowercase())),
        None => (event, None),
    };
    let event_type: EventType = ty.parse()?;
    let (mut actor, mut recipient) = Pattern::default_roles(class);
    let mut pattern = Pattern {
        anchor: alternatives(anchor),
        class,
        items,
        event_type,
        mode,
        context: vec![],
        actor: vec![],
        recipient: vec![],
        when: None,
        need: None,
        patient: None,
        cameo: None,
        origin: origin.to_string(),
    };
    for field in fields {
        let (key, value) = field
            .split_once('=')
            .ok_or_else(|| format!("`{field}` should be key=value"))?;
        match key {
            "ctx" => pattern.context = value.split(',').map(str::to_string).collect(),
            "actor" => actor = parse_roles(value)?,
            "recipient" => recipient = parse_roles(value)?,
            "when" => {
                pattern.when = Some(match value {
                    "future" => When::Future,
                    "negated" => When::Negated,
                    _ => return Err(format!("when=`{value}`: expected future or negated")),
                })
            }
            "need" => {
                pattern.need = Some(match value {
                    "speaker" => Need::Speaker,
                    "recipient" => Need::Recipient,
                    _ => return Err(format!("need=`{value}`: expected speaker or recipient")),
                })
            }
            "patient" => {
                let (negated, list) = match value.strip_prefix('!') {
                    Some(rest) => (true, rest),
                    None => (false, value),
                };
                let mut words = alternatives(list);
                let person = words.iter().any(|w| w == "#person");
                words.retain(|w| w != "#person");
                pattern.patient = Some(PatientConstraint {
                    words,
                    person,
                    negated,
                });
            }
            "cameo" => pattern.cameo = Some(value.to_string()),
            _ => return Err(format!("unknown key `{key}`")),
        }
    }
    pattern.actor = actor;
    pattern.recipient = recipient;
    Ok(pattern)
}

fn parse_roles(value: &str) -> Result<Vec<Role>, String> {
    if value == "-" {
        return Ok(vec![]);
    }
    value
        .split(',')
        .map(|r| {
            Ok(match r {
                "subj" => Role::Subj,
                "obj" => Role::Obj,
                "iobj" => Role::Iobj,
                "poss" => Role::Poss,
                "amod" => Role::Amod,
                "obj-mention" => Role::ObjMention,
                "clause-mention" => Role::ClauseMention,
                "ccomp-subj" => Role::CcompSubj,
                "governor-subj" => Role::GovernorSubj,
                "gap" => Role::Gap,
                "speaker" => Role::Speaker,
                "counterpart" => Role::Counterpart,
                "near" => Role::Near,
                _ => match r.strip_prefix('@') {
                    Some(prep) if !prep.is_empty() => Role::Prep(prep.to_lowercase()),
                    _ => return Err(format!("unknown role `{r}`")),
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses_and_indexes_anchors() {
        let lex = Lexicon::load(&[]).unwrap();
        let expel: Vec<_> = lex.anchored_at("expel").collect();
        assert!(expel
            .iter()
            .any(|p| p.event_type == EventType::Sanction && p.mode.as_deref() == Some("expel")));
        assert_eq!(lex.score(EventType::Sanction, Some("expel")), -5.5);
        assert_eq!(lex.score(EventType::Sanction, Some("no-such-mode")), -6.0);
        assert_eq!(
            lex.cameo(EventType::Coerce, Some("arrest")).as_deref(),
            Some("173")
        );
        assert!(lex.cues.has("future-aux", "will"));
        assert_eq!(lex.cues.number("sixty"), Some(60.0));
    }

    #[test]
    fn every_type_has_a_score_and_a_cameo_code() {
        let lex = Lexicon::load(&[]).unwrap();
        for ty in EventType::ALL {
            assert!(lex.scores.contains_key(&(ty, String::new())), "{ty}");
            assert!(lex.cameo(ty, None).is_some(), "{ty}");
        }
    }

    #[test]
    fn pattern_lines_parse_roles_and_report_errors() {
        let p = parse_pattern(
            "declare.v * persona non grata => SANCTION:expel ctx=diplomatic recipient=gap,@to",
            "t:1",
        )
        .unwrap();
        assert_eq!(p.class, WordClass::Verb);
        assert_eq!(p.items.len(), 4);
        assert_eq!(p.specificity(), 4);
        assert_eq!(p.recipient, vec![Role::Gap, Role::Prep("to".into())]);
        assert_eq!(p.actor, vec![Role::Subj]);
        let err = parse_pattern("expel.v => EXPEL", "t:2").unwrap_err();
        assert!(err.contains("EXPEL"), "{err}");
        let err = parse_pattern("expel.v SANCTION", "t:3").unwrap_err();
        assert!(err.contains("=>"), "{err}");
        let err = parse_pattern("expel.v => SANCTION actor=boss", "t:4").unwrap_err();
        assert!(err.contains("boss"), "{err}");
    }

    #[test]
    fn user_files_add_patterns_and_bad_lines_name_the_file() {
        let dir = std::env::temp_dir().join(format!("chancery-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("extra.events.lex"), "snub.v => REJECT\n").unwrap();
        let lex = Lexicon::load(std::slice::from_ref(&dir)).unwrap();
        assert_eq!(lex.anchored_at("snub").count(), 1);
        std::fs::write(dir.join("extra.events.lex"), "snub.v => SNUB\n").unwrap();
        let err = Lexicon::load(std::slice::from_ref(&dir))
            .unwrap_err()
            .to_string();
        assert!(err.contains("extra.events.lex:1"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
