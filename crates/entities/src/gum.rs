//! Reading GUM (CoNLL-U with `Entity=` annotations) into training sentences
//! whose named mentions are flat, typed word spans.
//!
//! GUM marks every mention (named, nominal, pronominal), nested, with its
//! entity type, and propagates Wikification identities along coreference
//! chains, so neither "has an identity" nor "is a mention" means "is a name".
//! Here a mention is **named** when its syntactic head (the one token whose
//! head lies outside the mention) is tagged `NNP`/`NNPS`. Its **name span** is
//! the run of name-like words around that head inside the mention: GUM
//! mentions carry determiners, appositions and relative clauses
//! ("University of Portsmouth, United Kingdom"), which a name does not.
//! Nested names keep only the outermost ("Durham University", not "Durham"),
//! whatever the outer name's class: "Vienna" inside the event "the Vienna
//! Energy Forum" or "Mother" inside the song "Songs My Mother Taught Me" is
//! part of another name, not a name of its own, though only person, place and
//! organization names are kept.

use std::fmt;
use std::ops::Range;
use std::path::Path;

/// The entity classes GUM supports for names, which the labeller predicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameClass {
    Person,
    Place,
    Organization,
}

impl NameClass {
    pub const ALL: [NameClass; 3] = [NameClass::Person, NameClass::Place, NameClass::Organization];

    fn from_gum(etype: &str) -> Option<NameClass> {
        match etype {
            "person" => Some(NameClass::Person),
            "place" => Some(NameClass::Place),
            "organization" => Some(NameClass::Organization),
            _ => None,
        }
    }
}

impl fmt::Display for NameClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NameClass::Person => "person",
            NameClass::Place => "place",
            NameClass::Organization => "organization",
        })
    }
}

/// A typed name: word indexes within its sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NamedSpan {
    pub words: Range<usize>,
    pub class: NameClass,
}

/// One sentence with its gold names.
#[derive(Debug, Clone, Default)]
pub struct GoldSentence {
    pub words: Vec<String>,
    pub names: Vec<NamedSpan>,
}

/// The sentences of one GUM document (document-level features need them together).
#[derive(Debug, Clone, Default)]
pub struct GoldDocument {
    pub id: String,
    pub sentences: Vec<GoldSentence>,
    pub origin: GoldOrigin,
}

/// Where a gold document comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum GoldOrigin {
    /// The GUM treebank.
    #[default]
    Gum,
    /// The documents written for the project (see [`crate::written`]).
    Written,
}

/// An error reading gold documents: GUM's CoNLL-U or the written ones.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {problem}")]
    Format {
        path: String,
        line: usize,
        problem: String,
    },
}

/// One CoNLL-U word with the columns the reader needs.
struct Row {
    form: String,
    xpos: String,
    /// 0-based sentence index of the syntactic head; None for the root.
    head: Option<usize>,
    deprel: String,
    entity: Option<String>,
}

/// A mention being read: its GUM id and type, and where it starts.
struct OpenMention {
    id: String,
    etype: String,
    start: usize,
}

/// The text of the gold file at `path`, with the path as errors show it.
pub(crate) fn read_gold_file(path: &Path) -> Result<(String, String), GoldError> {
    let shown = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => Ok((shown, text)),
        Err(source) => Err(GoldError::Io {
            path: shown,
            source,
        }),
    }
}

/// Reads a GUM CoNLL-U file into documents with flat named spans.
pub fn read_gum(path: &Path) -> Result<Vec<GoldDocument>, GoldError> {
    let (shown, text) = read_gold_file(path)?;
    let mut documents: Vec<GoldDocument> = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let format_error = |line: usize, problem: String| GoldError::Format {
        path: shown.clone(),
        line,
        problem,
    };
    for (number, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            documents.push(GoldDocument {
                id: id.trim().to_string(),
                sentences: Vec::new(),
                origin: GoldOrigin::Gum,
            });
        } else if line.trim().is_empty() {
            if !rows.is_empty() {
                let sentence = gold_sentence(&rows).map_err(|p| format_error(number, p))?;
                current_document(&mut documents).sentences.push(sentence);
                rows.clear();
            }
        } else if !line.starts_with('#') {
            if let Some(row) = parse_row(line).map_err(|p| format_error(number, p))? {
                rows.push(row);
            }
        }
    }
    if !rows.is_empty() {
        let sentence = gold_sentence(&rows).map_err(|p| format_error(text.lines().count(), p))?;
        current_document(&mut documents).sentences.push(sentence);
    }
    Ok(documents)
}

fn current_document(documents: &mut Vec<GoldDocument>) -> &mut GoldDocument {
    if documents.is_empty() {
        documents.push(GoldDocument::default());
    }
    documents.last_mut().expect("a document was just ensured")
}

/// Parses a word line; multiword-token and empty-node lines give None.
fn parse_row(line: &str) -> Result<Option<Row>, String> {
    let columns: Vec<&str> = line.split('\t').collect();
    if columns.len() != 10 {
        return Err(format!(
            "expected 10 tab-separated columns, found {}",
            columns.len()
        ));
    }
    if columns[0].contains(['-', '.']) {
        return Ok(None);
    }
    let head: usize = columns[6]
        .parse()
        .map_err(|_| format!("bad HEAD column {:?}", columns[6]))?;
    let entity = columns[9]
        .split('|')
        .find_map(|field| field.strip_prefix("Entity="))
        .map(str::to_string);
    Ok(Some(Row {
        form: columns[1].to_string(),
        xpos: columns[4].to_string(),
        head: head.checked_sub(1),
        deprel: columns[7].to_string(),
        entity,
    }))
}

/// Reads the bracketed mentions of a sentence and keeps its names.
fn gold_sentence(rows: &[Row]) -> Result<GoldSentence, String> {
    let mut open: Vec<OpenMention> = Vec::new();
    // Names of every class, so that names inside other names can be left out.
    let mut names: Vec<(Range<usize>, Option<NameClass>)> = Vec::new();
    let close = |mention: OpenMention, end: usize, names: &mut Vec<_>| {
        let class = NameClass::from_gum(&mention.etype);
        let person = class == Some(NameClass::Person);
        if let Some(words) = name_span(rows, mention.start..end, person) {
            names.push((words, class));
        }
    };
    for (index, row) in rows.iter().enumerate() {
        let Some(entity) = &row.entity else { continue };
        let mut rest = entity.as_str();
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('(') {
                let stop = after.find(['(', ')']).unwrap_or(after.len());
                let mut fields = after[..stop].splitn(3, '-');
                let id = fields.next().unwrap_or_default().to_string();
                let etype = fields.next().unwrap_or_default().to_string();
                let mention = OpenMention {
                    id,
                    etype,
                    start: index,
                };
                if after[stop..].starts_with(')') {
                    close(mention, index + 1, &mut names);
                    rest = &after[stop + 1..];
                } else {
                    open.push(mention);
                    rest = &after[stop..];
                }
            } else {
                let stop = rest
                    .find(')')
                    .ok_or_else(|| format!("unbalanced Entity annotation {entity:?}"))?;
                let id = &rest[..stop];
                let position = open
                    .iter()
                    .rposition(|m| m.id == id)
                    .ok_or_else(|| format!("Entity closes mention {id} that is not open"))?;
                let mention = open.remove(position);
                close(mention, index + 1, &mut names);
                rest = &rest[stop + 1..];
            }
        }
    }
    if let Some(mention) = open.first() {
        return Err(format!("Entity mention {} is never closed", mention.id));
    }
    Ok(GoldSentence {
        words: rows.iter().map(|r| r.form.clone()).collect(),
        names: outermost(names)
            .into_iter()
            .filter_map(|(words, class)| {
                Some(NamedSpan {
                    words,
                    class: class?,
                })
            })
            .collect(),
    })
}

fn is_proper_noun(row: &Row) -> bool {
    row.xpos == "NNP" || row.xpos == "NNPS"
}

/// A capitalised word that can belong to a name although not tagged NNP
/// ("American" in "the American Revolutionary War").
fn is_name_like(row: &Row) -> bool {
    is_proper_noun(row)
        || (row.form.chars().next().is_some_and(char::is_uppercase)
            && !matches!(
                row.xpos.as_str(),
                "DT" | "PRP" | "PRP$" | "IN" | "CC" | "POS" | "WP" | "WDT" | "EX" | "MD"
            ))
}

/// Words that join the parts of one name ("Bank of the West", "Bailey-Ross").
/// A person's name is joined only by the particles of personal names
/// ("Ludwig van Beethoven", "Bailey - Ross"): "Ann Lee of the Civic Party"
/// is a person and an organization, not one name.
fn is_name_connector(row: &Row, person: bool) -> bool {
    let particle = matches!(
        row.form.as_str(),
        "de" | "del" | "da" | "du" | "von" | "van" | "der" | "la" | "le" | "-"
    );
    particle || (!person && matches!(row.form.as_str(), "of" | "for" | "the" | "&"))
}

/// The name inside a mention, when its head is a proper noun, or a proper
/// noun joined to a common-noun head by `flat` or `appos` (GUM analyses
/// "interviewee David Titley" so). `person` for a person's mention.
fn name_span(rows: &[Row], mention: Range<usize>, person: bool) -> Option<Range<usize>> {
    let inside = |i: Option<usize>| i.is_some_and(|i| mention.contains(&i));
    let top = mention.clone().find(|&i| !inside(rows[i].head))?;
    let head = if is_proper_noun(&rows[top]) {
        top
    } else {
        mention.clone().find(|&i| {
            rows[i].head == Some(top)
                && matches!(rows[i].deprel.as_str(), "flat" | "appos")
                && is_proper_noun(&rows[i])
        })?
    };
    let mut start = head;
    while start > mention.start {
        let before = &rows[start - 1];
        if is_name_like(before) {
            start -= 1;
        } else if is_name_connector(before, person)
            && start - 1 > mention.start
            && is_name_like(&rows[start - 2])
        {
            start -= 2;
        } else {
            break;
        }
    }
    let mut end = head + 1;
    while end < mention.end {
        let next = &rows[end];
        if is_name_like(next) {
            end += 1;
            continue;
        }
        // Connectors may chain ("of the"): accept them only when a name word follows.
        let mut after = end;
        while after < mention.end && is_name_connector(&rows[after], person) {
            after += 1;
        }
        if after > end && after < mention.end && is_name_like(&rows[after]) {
            end = after + 1;
        } else {
            break;
        }
    }
    Some(start..end)
}

/// Flattens nested or overlapping names, keeping the longer (then earlier) one.
fn outermost<C>(mut names: Vec<(Range<usize>, C)>) -> Vec<(Range<usize>, C)> {
    names.sort_by_key(|(words, _)| (std::cmp::Reverse(words.len()), words.start));
    let mut kept: Vec<(Range<usize>, C)> = Vec::new();
    for (words, class) in names {
        let overlaps = kept
            .iter()
            .any(|(k, _)| k.start < words.end && words.start < k.end);
        if !overlaps {
            kept.push((words, class));
        }
    }
    kept.sort_by_key(|(words, _)| words.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(form: &str, xpos: &str, head: Option<usize>, entity: Option<&str>) -> Row {
        Row {
            form: form.to_string(),
            xpos: xpos.to_string(),
            head,
            deprel: "dep".to_string(),
            entity: entity.map(str::to_string),
        }
    }

    #[test]
    fn name_is_trimmed_from_mention_and_nested_names_collapse() {
        // "the University of Leeds , England said" with the apposition inside the mention.
        let rows = vec![
            row(
                "the",
                "DT",
                Some(1),
                Some("(1-organization-new-nnnnn-cf1-2-sgl"),
            ),
            row("University", "NNP", Some(6), None),
            row("of", "IN", Some(3), None),
            row(
                "Leeds",
                "NNP",
                Some(1),
                Some("(2-place-new-nnnnn-cf2-1-sgl-Leeds)"),
            ),
            row(",", ",", Some(5), None),
            row(
                "England",
                "NNP",
                Some(1),
                Some("(3-place-new-nnnnn-cf3-1-sgl-England)1)"),
            ),
            row("said", "VBD", None, None),
        ];
        let sentence = gold_sentence(&rows).unwrap();
        let spans: Vec<(Range<usize>, NameClass)> = sentence
            .names
            .iter()
            .map(|n| (n.words.clone(), n.class))
            .collect();
        assert_eq!(
            spans,
            vec![(1..4, NameClass::Organization), (5..6, NameClass::Place)]
        );
    }

    #[test]
    fn names_inside_names_of_other_classes_are_left_out() {
        // "the Varnok Trade Forum opened": an event name holding a place name.
        let rows = vec![
            row("the", "DT", Some(3), Some("(1-event-new-nnnnn-cf1-2-sgl")),
            row(
                "Varnok",
                "NNP",
                Some(3),
                Some("(2-place-new-nnnnn-cf2-1-sgl)"),
            ),
            row("Trade", "NNP", Some(3), None),
            row("Forum", "NNP", Some(4), Some("1)")),
            row("opened", "VBD", None, None),
        ];
        assert!(gold_sentence(&rows).unwrap().names.is_empty());
        // The place alone, outside any other name, is kept.
        let alone = vec![
            row(
                "Varnok",
                "NNP",
                Some(1),
                Some("(2-place-new-nnnnn-cf2-1-sgl)"),
            ),
            row("grew", "VBD", None, None),
        ];
        assert_eq!(
            gold_sentence(&alone).unwrap().names,
            vec![NamedSpan {
                words: 0..1,
                class: NameClass::Place
            }]
        );
    }

    #[test]
    fn a_persons_name_stops_at_of_but_keeps_name_particles() {
        // "Ann Lee of Varnok Party spoke", the party a mention of its own.
        let mut rows = vec![
            row("Ann", "NNP", Some(5), Some("(1-person-new-nnnnn-cf1-1-sgl")),
            row("Lee", "NNP", Some(0), None),
            row("of", "IN", Some(4), None),
            row(
                "Varnok",
                "NNP",
                Some(4),
                Some("(2-organization-new-nnnnn-cf2-1-sgl"),
            ),
            row("Party", "NNP", Some(0), Some("2)1)")),
            row("spoke", "VBD", None, None),
        ];
        let spans = |rows: &[Row]| -> Vec<(Range<usize>, NameClass)> {
            gold_sentence(rows)
                .unwrap()
                .names
                .into_iter()
                .map(|n| (n.words, n.class))
                .collect()
        };
        assert_eq!(
            spans(&rows),
            vec![(0..2, NameClass::Person), (3..5, NameClass::Organization)]
        );
        // The same words as one organization's name stay one name.
        rows[0].entity = Some("(1-organization-new-nnnnn-cf1-1-sgl".to_string());
        assert_eq!(spans(&rows), vec![(0..5, NameClass::Organization)]);
        // "Ludwig van Beethoven" keeps its particle.
        let rows = vec![
            row(
                "Ludwig",
                "NNP",
                Some(3),
                Some("(1-person-new-nnnnn-cf1-1-sgl"),
            ),
            row("van", "FW", Some(0), None),
            row("Beethoven", "NNP", Some(0), Some("1)")),
            row("wrote", "VBD", None, None),
        ];
        assert_eq!(spans(&rows), vec![(0..3, NameClass::Person)]);
    }

    #[test]
    fn mentions_headed_by_common_nouns_are_not_names() {
        let rows = vec![
            row("the", "DT", Some(1), Some("(1-person-new-nnnnn-cf1-2-sgl")),
            row("minister", "NN", Some(2), Some("1)")),
            row("spoke", "VBD", None, None),
        ];
        assert!(gold_sentence(&rows).unwrap().names.is_empty());
    }

    #[test]
    fn a_name_joined_flat_to_a_common_noun_is_found() {
        let mut rows = vec![
            row(
                "interviewee",
                "NN",
                None,
                Some("(1-person-new-nnnnn-cf1-1,2,3-sgl"),
            ),
            row("Ann", "NNP", Some(0), None),
            row("Lee", "NNP", Some(1), Some("1)")),
        ];
        rows[1].deprel = "flat".to_string();
        let names = gold_sentence(&rows).unwrap().names;
        assert_eq!(
            names,
            vec![NamedSpan {
                words: 1..3,
                class: NameClass::Person
            }]
        );
    }

    #[test]
    fn unbalanced_annotation_is_reported() {
        let rows = vec![row(
            "Paris",
            "NNP",
            None,
            Some("(1-place-new-nnnnn-cf1-1-sgl"),
        )];
        assert!(gold_sentence(&rows).unwrap_err().contains("never closed"));
    }
}
