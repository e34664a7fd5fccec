//! Training documents written for the project (`data/training/entities`):
//! plain text whose names are marked `[[Name|class]]`, read into the same
//! [`GoldDocument`]s as GUM so that they train the recognizer beside it.
//!
//! The mark-up is taken out of the text, the text is tokenized and split
//! into sentences by `chancery-text` (as the pipeline does), and each name
//! becomes the words its characters cover. Every paragraph (lines between
//! blank lines) is read on its own, so no sentence runs across two.

use crate::gum::{
    read_gold_file, GoldDocument, GoldError, GoldOrigin, GoldSentence, NameClass, NamedSpan,
};
use chancery_core::{Document, Zone, ZoneKind};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A name found in the mark-up: its byte range in the plain text.
struct MarkedName {
    span: Range<usize>,
    class: NameClass,
    line: usize,
}

/// Reads every `.txt` file in `dir` (sorted by name) as one document.
pub fn read_written_dir(dir: &Path) -> Result<Vec<GoldDocument>, GoldError> {
    let listing_error = |source| GoldError::Io {
        path: dir.display().to_string(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(listing_error)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|path| read_written(path)).collect()
}

/// Reads one document: a first line `# genre: GENRE`, then paragraphs.
pub fn read_written(path: &Path) -> Result<GoldDocument, GoldError> {
    let (shown, source) = read_gold_file(path)?;
    let id = path
        .file_stem()
        .map_or_else(|| shown.clone(), |s| s.to_string_lossy().into_owned());
    parse_written(&id, &source).map_err(|(line, problem)| GoldError::Format {
        path: shown,
        line,
        problem,
    })
}

/// The document of `source` (see [`read_written`]); errors give the line.
fn parse_written(id: &str, source: &str) -> Result<GoldDocument, (usize, String)> {
    let mut lines = source.lines();
    let genre = lines
        .next()
        .and_then(|first| first.strip_prefix("# genre:"))
        .map(str::trim)
        .filter(|genre| !genre.is_empty());
    if genre.is_none() {
        return Err((1, "the first line must be `# genre: GENRE`".to_string()));
    }
    // The plain text, one paragraph per zone, and the marked names in it.
    let mut text = String::new();
    let mut zones: Vec<Zone> = Vec::new();
    let mut names: Vec<MarkedName> = Vec::new();
    let mut paragraph_start: Option<usize> = None;
    for (index, line) in lines.enumerate() {
        let number = index + 2;
        if line.trim().is_empty() {
            close_paragraph(&text, &mut paragraph_start, &mut zones);
            continue;
        }
        if paragraph_start.is_none() {
            paragraph_start = Some(text.len());
        } else {
            text.push('\n');
        }
        strip_line(line, number, &mut text, &mut names)?;
    }
    close_paragraph(&text, &mut paragraph_start, &mut zones);

    let mut document = Document::new(id, text);
    document.zones = zones;
    chancery_text::tokenize(&mut document);
    let mut sentences: Vec<GoldSentence> = document
        .sentences
        .iter()
        .map(|s| GoldSentence {
            words: s
                .tokens
                .clone()
                .map(|t| document.token_text(t).to_string())
                .collect(),
            names: Vec::new(),
        })
        .collect();
    for name in names {
        let problem = |what: &str| {
            Err((
                name.line,
                format!("{what}: {:?}", &document.text[name.span.clone()]),
            ))
        };
        let Some(s) = document
            .sentences
            .iter()
            .position(|s| s.span.start <= name.span.start && name.span.end <= s.span.end)
        else {
            return problem("the name runs across two sentences");
        };
        let tokens = document.sentences[s].tokens.clone();
        let first = tokens
            .clone()
            .find(|&t| document.tokens[t].span.start == name.span.start);
        // A name that ends a sentence may end in a word the tokenizer reads
        // as an abbreviation with its full stop ("… the Serra do Mar."):
        // that word is the name's last, as it will be in new text.
        let ends_name = |t: usize| {
            let end = document.tokens[t].span.end;
            end == name.span.end
                || (end == name.span.end + 1 && document.text[name.span.end..end] == *".")
        };
        let last = tokens.clone().find(|&t| ends_name(t));
        let (Some(first), Some(last)) = (first, last) else {
            return problem("the name does not start and end at word boundaries");
        };
        sentences[s].names.push(NamedSpan {
            words: first - tokens.start..last + 1 - tokens.start,
            class: name.class,
        });
    }
    Ok(GoldDocument {
        id: id.to_string(),
        sentences,
        origin: GoldOrigin::Written,
    })
}

fn close_paragraph(text: &str, start: &mut Option<usize>, zones: &mut Vec<Zone>) {
    if let Some(start) = start.take() {
        zones.push(Zone {
            kind: ZoneKind::Body,
            span: start..text.len(),
        });
    }
}

/// Appends `line` without its mark-up to `text`, recording the names.
fn strip_line(
    line: &str,
    number: usize,
    text: &mut String,
    names: &mut Vec<MarkedName>,
) -> Result<(), (usize, String)> {
    let mut rest = line;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let inside = &rest[open + 2..];
        let close = inside
            .find("]]")
            .ok_or_else(|| (number, "`[[` without `]]`".to_string()))?;
        let (name, class) = inside[..close]
            .rsplit_once('|')
            .ok_or_else(|| (number, format!("no `|class` in [[{}]]", &inside[..close])))?;
        let class = match class {
            "person" => NameClass::Person,
            "place" => NameClass::Place,
            "organization" => NameClass::Organization,
            other => return Err((number, format!("unknown class {other:?}"))),
        };
        if name.is_empty() || name.contains("[[") || name != name.trim() {
            return Err((number, format!("bad name {name:?}")));
        }
        let start = text.len();
        text.push_str(name);
        names.push(MarkedName {
            span: start..text.len(),
            class,
            line: number,
        });
        rest = &inside[close + 2..];
    }
    if rest.contains("]]") {
        return Err((number, "`]]` without `[[`".to_string()));
    }
    text.push_str(rest);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(document: &GoldDocument) -> Vec<(String, NameClass)> {
        document
            .sentences
            .iter()
            .flat_map(|s| {
                s.names
                    .iter()
                    .map(|n| (s.words[n.words.clone()].join(" "), n.class))
            })
            .collect()
    }

    #[test]
    fn marked_names_become_word_spans_in_their_sentences() {
        let source = "# genre: news\n\
            [[Ana Pérez|person]] left [[Ziguinchor|place]] for the \
            [[Bank of Varnok|organization]].\n\
            She returned in May.\n\
            \n\
            [[Varnok|place]]'s mayor spoke.\n";
        let document = parse_written("news-01", source).unwrap();
        assert_eq!(document.id, "news-01");
        assert_eq!(document.sentences.len(), 3);
        assert_eq!(
            names(&document),
            vec![
                ("Ana Pérez".to_string(), NameClass::Person),
                ("Ziguinchor".to_string(), NameClass::Place),
                ("Bank of Varnok".to_string(), NameClass::Organization),
                ("Varnok".to_string(), NameClass::Place),
            ]
        );
        // The possessive is a word of its own, outside the name.
        assert_eq!(document.sentences[2].words[..2], ["Varnok", "'s"]);
        assert!(document.sentences[1].names.is_empty());
        // A name whose last word is read with the sentence's full stop.
        let source = "# genre: news\nShe sailed past [[Serra do Mar|place]]. Then it rained.\n";
        let document = parse_written("news-02", source).unwrap();
        assert_eq!(
            names(&document),
            vec![("Serra do Mar.".to_string(), NameClass::Place)]
        );
    }

    #[test]
    fn paragraphs_are_never_joined_into_one_sentence() {
        let source = "# genre: voyage\nSee\n\n[[Tusel Market|place]] opens daily\n";
        let document = parse_written("voyage-01", source).unwrap();
        assert_eq!(document.sentences.len(), 2);
        assert_eq!(document.sentences[0].words, ["See"]);
    }

    #[test]
    fn bad_mark_up_is_reported_with_its_line() {
        let cases = [
            ("news\n", 1, "genre"),
            (
                "# genre: news\nfine\n[[Varnok|city]] grew\n",
                3,
                "unknown class",
            ),
            ("# genre: news\n[[Varnok grew\n", 2, "without"),
            ("# genre: news\n[[Varnok]] grew\n", 2, "no `|class`"),
            (
                "# genre: news\n[[Var|place]]nok grew\n",
                2,
                "word boundaries",
            ),
            (
                "# genre: news\n[[Var|place]].nok grew\n",
                2,
                "word boundaries",
            ),
        ];
        for (source, line, problem) in cases {
            let (found_line, message) = parse_written("x", source).unwrap_err();
            assert_eq!(found_line, line, "{source:?}: {message}");
            assert!(message.contains(problem), "{source:?}: {message}");
        }
    }
}
