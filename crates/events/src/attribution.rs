//! Who says an event happened: reported speech (`Lavrov said that …`,
//! `"…," he added`, `according to …`) and quotations, including quotes
//! that run over several sentences and quotes that stand alone after their
//! speaker was named.

use crate::arguments::Mentions;
use crate::lexicon::Cues;
use crate::syntax::Tree;
use chancery_core::{Actor, Attribution, Document, Span, Upos};

/// A reporting verb and the speaker it names.
#[derive(Debug, Clone)]
struct Report {
    verb: usize,
    speaker: Actor,
}

/// The reported-speech layer of one document, built once.
pub struct Speech<'d> {
    tree: Tree<'d>,
    quotes: Vec<Span>,
    reports: Vec<Report>,
}

impl<'d> Speech<'d> {
    pub fn new(doc: &'d Document, mentions: &Mentions<'d>, cues: &Cues) -> Speech<'d> {
        let tree = Tree::new(doc);
        let reports = (0..doc.tokens.len())
            .filter(|&i| tree.upos(i) == Upos::VERB && cues.has("reporting-verbs", &tree.lemma(i)))
            .filter_map(|verb| {
                let subject = tree.subject(verb).or_else(|| mention_before(doc, verb))?;
                Some(Report {
                    verb,
                    speaker: speaker_of(doc, mentions, &tree, subject),
                })
            })
            .collect();
        Speech {
            tree,
            quotes: quote_spans(&doc.text),
            reports,
        }
    }

    fn report_at(&self, verb: usize) -> Option<&Report> {
        self.reports.iter().find(|r| r.verb == verb)
    }

    fn attribution(&self, report: &Report, direct: bool) -> Attribution {
        Attribution {
            speaker: report.speaker.clone(),
            cue: self.tree.doc.token_text(report.verb).to_string(),
            direct,
        }
    }

    fn quote_holding(&self, byte: usize) -> Option<&Span> {
        self.quotes.iter().find(|q| q.contains(&byte))
    }

    /// The attribution of an event whose predicate is `token`.
    pub fn attribute(&self, token: usize, mentions: &Mentions) -> Option<Attribution> {
        let doc = self.tree.doc;
        let byte = doc.tokens[token].span.start;
        let quote = self.quote_holding(byte);
        let direct = quote.is_some();
        if let Some(report) = self.governing_report(token) {
            return Some(self.attribution(report, direct));
        }
        if let Some(a) = self.according_to(token, mentions) {
            return Some(a);
        }
        let quote = quote?;
        let outside = |r: &&Report| self.quote_holding(doc.tokens[r.verb].span.start).is_none();
        let sentence_span = |r: &&Report| {
            let s = doc
                .sentence_of(r.verb)
                .map(|s| doc.sentences[s].span.clone());
            s.unwrap_or(0..0)
        };
        // The reporting clause of the quote: in a sentence the quote reaches,
        // after the quote, else before it; else the last speaker named.
        let touching = |r: &&Report| {
            let span = sentence_span(r);
            span.start < quote.end + 1 && quote.start < span.end
        };
        let after = self
            .reports
            .iter()
            .filter(outside)
            .filter(touching)
            .find(|r| doc.tokens[r.verb].span.start >= quote.end);
        let before = || {
            self.reports
                .iter()
                .filter(outside)
                .rfind(|r| doc.tokens[r.verb].span.start < quote.start)
        };
        after.or_else(before).map(|r| self.attribution(r, true))
    }

    /// A reporting verb the predicate's clause is the content of.
    fn governing_report(&self, token: usize) -> Option<&Report> {
        let mut node = token;
        for _ in 0..12 {
            for child in self.tree.children_rel(node, "parataxis") {
                if let Some(r) = self.report_at(child) {
                    return Some(r);
                }
            }
            let head = self.tree.head(node)?;
            // The content of the report: its complement, or a clause the
            // parse left loosely attached ("…, officials tried to …, he said").
            if matches!(
                self.tree.base_rel(node),
                "ccomp" | "parataxis" | "reparandum" | "dep"
            ) {
                if let Some(r) = self.report_at(head) {
                    return Some(r);
                }
            }
            node = head;
        }
        None
    }

    /// `according to X` anywhere in the predicate's sentence.
    fn according_to(&self, token: usize, mentions: &Mentions) -> Option<Attribution> {
        let doc = self.tree.doc;
        let sentence = &doc.sentences[doc.sentence_of(token)?];
        let according = sentence.tokens.clone().find(|&i| {
            self.tree.lower(i) == "according"
                && i + 1 < sentence.tokens.end
                && self.tree.lower(i + 1) == "to"
        })?;
        let mention = mentions
            .all()
            .iter()
            .position(|m| m.tokens.start > according + 1 && m.tokens.end <= sentence.tokens.end)?;
        let speaker = mentions
            .actors(mention)
            .into_iter()
            .next()
            .unwrap_or_else(|| {
                let m = &mentions.all()[mention];
                words_actor(doc.slice(&m.span))
            });
        Some(Attribution {
            speaker,
            cue: "according to".into(),
            direct: false,
        })
    }
}

/// The head of an actor mention that ends just before `verb` (adverbs
/// between allowed): the speaker of "…, Jean Dupont said" when the parse
/// gave the verb no subject.
fn mention_before(doc: &Document, verb: usize) -> Option<usize> {
    let mut end = verb;
    while end > 0 && doc.tokens[end - 1].upos == Upos::ADV {
        end -= 1;
    }
    doc.actors
        .iter()
        .find(|m| m.tokens.end == end && doc.sentence_of(m.head) == doc.sentence_of(verb))
        .map(|m| m.head)
}

/// The actor a subject names, or its words when no actor was resolved
/// (`the source said`).
fn speaker_of(doc: &Document, mentions: &Mentions, tree: &Tree, subject: usize) -> Actor {
    let mention = mentions
        .holding(subject)
        .or_else(|| mentions.under(subject));
    if let Some(actor) = mention.and_then(|k| mentions.best_name(k)) {
        return actor;
    }
    let words = tree.subtree(subject);
    let (first, last) = (words[0], *words.last().unwrap_or(&subject));
    words_actor(&doc.text[doc.tokens[first].span.start..doc.tokens[last].span.end])
}

fn words_actor(words: &str) -> Actor {
    Actor {
        text: words.to_string(),
        name: words.to_string(),
        ..Actor::default()
    }
}

/// Byte spans of quotations: curly pairs, and straight quotes paired within
/// a line.
fn quote_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open_curly: Option<usize> = None;
    let mut open_straight: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' => open_curly = Some(i),
            '”' => {
                if let Some(start) = open_curly.take() {
                    spans.push(start..i + c.len_utf8());
                }
            }
            '"' => match open_straight.take() {
                Some(start) => spans.push(start..i + 1),
                None => open_straight = Some(i),
            },
            '\n' => open_straight = None,
            _ => {}
        }
    }
    spans.sort_by_key(|s| s.start);
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_pair_curly_marks_and_straight_marks_within_a_line() {
        let text = "“A. B,” he said. \"C\" and \"D\nE\" x";
        let spans = quote_spans(text);
        let quoted: Vec<&str> = spans.iter().map(|s| &text[s.clone()]).collect();
        // The quote broken by a line end never closes.
        assert_eq!(quoted, vec!["“A. B,”", "\"C\""]);
    }
}
