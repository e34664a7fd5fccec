//! Which way a mention points in time, read from the clause around it.
//!
//! When the tagger ran, the verb governing the expression decides (`will`
//! among its auxiliaries: future; a past-tense form: past). Otherwise, or when
//! the parse says nothing, the nearest surface cue in the clause decides.

use crate::calendar::Direction;
use crate::words::Word;
use chancery_core::{Document, Upos};
use std::ops::Range;

pub struct TenseCues<'a> {
    doc: &'a Document,
    words: &'a [Word],
    /// Whether the tagger and parser ran on the document.
    tagged: bool,
}

/// How far the surface scan looks, in words, before and after the mention.
const LOOK_BEHIND: usize = 8;
const LOOK_AHEAD: usize = 3;

impl<'a> TenseCues<'a> {
    pub fn new(doc: &'a Document, words: &'a [Word]) -> TenseCues<'a> {
        let tagged = doc
            .tokens
            .iter()
            .any(|t| t.head.is_some() || !t.xpos.is_empty());
        TenseCues { doc, words, tagged }
    }

    pub fn direction(&self, words: Range<usize>) -> Direction {
        match self.by_parse(&words) {
            Direction::Unknown => self.by_surface(&words),
            known => known,
        }
    }

    fn by_parse(&self, words: &Range<usize>) -> Direction {
        let tokens = &self.doc.tokens;
        if !self.tagged || words.is_empty() {
            return Direction::Unknown;
        }
        let start = self.words[words.start].span.start;
        let mut at = tokens.partition_point(|t| t.span.end <= start);
        if at >= tokens.len() {
            return Direction::Unknown;
        }
        // Auxiliaries and copulas of a token: they carry its tense.
        let auxiliaries_of = |i: usize| -> Vec<usize> {
            self.doc
                .children(i)
                .filter(|&c| tokens[c].deprel.starts_with("aux") || tokens[c].deprel == "cop")
                .collect()
        };
        // Climb to the predicate: a verb, or a word with auxiliaries
        // ("will be payable Jan. 3").
        let mut auxiliaries = auxiliaries_of(at);
        for _ in 0..8 {
            if matches!(tokens[at].upos, Upos::VERB | Upos::AUX) || !auxiliaries.is_empty() {
                break;
            }
            match tokens[at].head {
                Some(head) if head != at => at = head,
                _ => return Direction::Unknown,
            }
            auxiliaries = auxiliaries_of(at);
        }
        let lemma_of = |i: usize| tokens[i].lemma.to_lowercase();
        if auxiliaries
            .iter()
            .any(|&a| matches!(lemma_of(a).as_str(), "will" | "shall" | "'ll"))
        {
            return Direction::Future;
        }
        let past_form = |i: usize| tokens[i].xpos == "VBD";
        if past_form(at)
            || auxiliaries
                .iter()
                .any(|&a| past_form(a) || lemma_of(a) == "have")
        {
            return Direction::Past;
        }
        Direction::Unknown
    }

    /// Whether word `i` ends a clause; the period of an initial or a short
    /// abbreviation (`P.`, `Mr.`, `U.S.`) does not.
    fn ends_clause(&self, i: usize) -> bool {
        let word = &self.words[i];
        if word.lower == "." && i > 0 {
            let previous = &self.words[i - 1].lower;
            let abbreviation = previous.len() <= 2
                || matches!(
                    previous.as_str(),
                    "mrs"
                        | "gen"
                        | "gov"
                        | "sen"
                        | "rep"
                        | "inc"
                        | "corp"
                        | "ltd"
                        | "col"
                        | "lt"
                        | "sgt"
                        | "capt"
                        | "prof"
                );
            return !abbreviation;
        }
        word.ends_clause()
    }

    fn by_surface(&self, words: &Range<usize>) -> Direction {
        let before = (words.start.saturating_sub(LOOK_BEHIND)..words.start).rev();
        let mut nearest: Option<(usize, Direction)> = None;
        for i in before {
            if self.ends_clause(i) {
                break;
            }
            if let Some(direction) = cue(&self.words[i].lower) {
                nearest = Some((words.start - i, direction));
                break;
            }
        }
        let after = words.end..(words.end + LOOK_AHEAD).min(self.words.len());
        for i in after {
            // After the mention a comma usually opens another clause.
            if self.ends_clause(i) || self.words[i].lower == "," {
                break;
            }
            if let Some(direction) = cue(&self.words[i].lower) {
                if nearest.is_none_or(|(distance, _)| i + 1 - words.end < distance) {
                    nearest = Some((i + 1 - words.end, direction));
                }
                break;
            }
        }
        nearest.map_or(Direction::Unknown, |(_, direction)| direction)
    }
}

/// The direction a single word signals, if any. Past cues matter only as
/// blockers: a past verb nearer than a future cue keeps the mention past.
fn cue(word: &str) -> Option<Direction> {
    const FUTURE: &[&str] = &[
        "will",
        "'ll",
        "shall",
        "wo",
        "next",
        "upcoming",
        "scheduled",
        "tomorrow",
        "would",
    ];
    const PAST: &[&str] = &[
        "was",
        "were",
        "had",
        "did",
        "said",
        "ago",
        "last",
        "earlier",
        "yesterday",
        "met",
        "told",
        "made",
        "went",
        "came",
        "took",
        "gave",
        "left",
        "began",
        "sent",
        "held",
        "led",
        "fell",
        "rose",
        "won",
        "lost",
        "paid",
        "sold",
        "bought",
        "saw",
        "spoke",
        "got",
        "found",
        "struck",
        "since",
    ];
    if FUTURE.contains(&word) {
        Some(Direction::Future)
    } else if PAST.contains(&word) || (word.len() > 4 && word.ends_with("ed")) {
        Some(Direction::Past)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words;

    fn direction_of(text: &str, phrase: &str) -> Direction {
        let doc = Document::new("t", text);
        let words = words::split(text, 0..text.len());
        let start = text.find(phrase).unwrap();
        let first = words.iter().position(|w| w.span.start == start).unwrap();
        let last = words
            .iter()
            .position(|w| w.span.end == start + phrase.len())
            .unwrap();
        TenseCues::new(&doc, &words).direction(first..last + 1)
    }

    #[test]
    fn surface_cues_in_the_clause() {
        assert_eq!(
            direction_of("The envoy will arrive on Friday.", "Friday"),
            Direction::Future
        );
        assert_eq!(
            direction_of("The envoy arrived on Friday.", "Friday"),
            Direction::Past
        );
        assert_eq!(
            direction_of("The envoy met Friday.", "Friday"),
            Direction::Past
        );
        assert_eq!(
            direction_of("He is here. On Friday talks resume.", "Friday"),
            Direction::Unknown
        );
    }

    #[test]
    fn a_comma_closes_the_clause_after_the_mention() {
        assert_eq!(
            direction_of(
                "Sanders, who did win Ohio on Tuesday, would place well.",
                "Tuesday"
            ),
            Direction::Past
        );
    }

    #[test]
    fn nearest_cue_wins() {
        assert_eq!(
            direction_of(
                "Officials said the minister will visit Moscow on Monday.",
                "Monday"
            ),
            Direction::Future
        );
    }
}
