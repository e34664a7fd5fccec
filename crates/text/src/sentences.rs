//! Grouping the tokens of one zone into sentences.
//!
//! A sentence ends at final punctuation (with any closing quotes or brackets
//! glued to it) when what follows can open a sentence, at a line break in
//! titles, headings, captions and datelines, at a paragraph break in body
//! text, and after a dateline that opens a paragraph (`Moscow, June 8 (RHC)--`).

use crate::abbreviations::{self, Abbreviation};
use crate::tokens::is_space;
use chancery_core::{Sentence, ZoneKind};
use std::ops::Range;

/// Appends to `out` the sentences of one zone whose tokens are `spans`; the
/// first of them has document index `first_token`.
pub(crate) fn split(
    text: &str,
    spans: &[Range<usize>],
    first_token: usize,
    zone: ZoneKind,
    out: &mut Vec<Sentence>,
) {
    let count = spans.len();
    let mut start = 0;
    let mut paragraph_dateline = dateline_end(text, spans, 0);
    let mut index = 0;
    while index < count {
        let last = if paragraph_dateline == Some(index) {
            Some(index)
        } else {
            punctuation_end(text, spans, index)
                .or_else(|| line_break_after(text, spans, index, zone).then_some(index))
        };
        let last = match last {
            Some(last) => last,
            None if index + 1 == count => index,
            None => {
                index += 1;
                continue;
            }
        };
        out.push(Sentence {
            span: spans[start].start..spans[last].end,
            tokens: first_token + start..first_token + last + 1,
            zone,
        });
        start = last + 1;
        index = start;
        if start < count && text[spans[last].end..spans[start].start].contains('\n') {
            paragraph_dateline = dateline_end(text, spans, start);
        }
    }
}

fn first_char(text: &str, span: &Range<usize>) -> char {
    text[span.clone()]
        .chars()
        .next()
        .expect("tokens are not empty")
}

fn starts_lowercase(text: &str, span: &Range<usize>) -> bool {
    first_char(text, span).is_lowercase()
}

/// When token `index` ends a sentence by its punctuation, the index of the
/// sentence's last token (closing quotes and brackets glued to it included).
fn punctuation_end(text: &str, spans: &[Range<usize>], index: usize) -> Option<usize> {
    let token = &text[spans[index].clone()];
    let abbreviation = if token.chars().all(|c| matches!(c, '.' | '!' | '?' | '…')) {
        None
    } else if token.len() > 1 && token.ends_with('.') {
        let next_is_digit = spans
            .get(index + 1)
            .is_some_and(|next| first_char(text, next).is_ascii_digit());
        match abbreviations::classify(&token[..token.len() - 1], next_is_digit) {
            Some(Abbreviation::Other) => Some(Abbreviation::Other),
            _ => return None,
        }
    } else {
        return None;
    };
    let mut last = index;
    while let Some(next) = spans.get(last + 1) {
        let glued = next.start == spans[last].end;
        if !(glued && is_closer(&text[next.clone()])) {
            break;
        }
        last += 1;
    }
    while let Some(reference_end) = footnote_reference_end(text, spans, last + 1) {
        last = reference_end;
    }
    let Some(next) = spans.get(last + 1) else {
        return Some(last);
    };
    let next_token = &text[next.clone()];
    let opens = if abbreviation.is_some() {
        abbreviations::is_sentence_starter(next_token)
    } else {
        let c = first_char(text, next);
        c.is_uppercase()
            || c.is_ascii_digit()
            || is_opener(c)
            || (last == index
                && c.is_lowercase()
                && matches!(token, "." | "?" | "!")
                && next.start > spans[last].end)
    };
    opens.then_some(last)
}

/// A bracketed number (`[28]`) starting at token `index`, as Wikipedia-style
/// text puts after a sentence: the index of its closing bracket.
fn footnote_reference_end(text: &str, spans: &[Range<usize>], index: usize) -> Option<usize> {
    let token = |i: usize| spans.get(i).map(|span| &text[span.clone()]);
    let is_number = token(index + 1)?.bytes().all(|b| b.is_ascii_digit());
    (token(index)? == "[" && is_number && token(index + 2)? == "]").then_some(index + 2)
}

fn is_closer(token: &str) -> bool {
    matches!(token, "\"" | "”" | "’" | "'" | "''" | ")" | "]" | "»")
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«')
}

/// Whether a line break after token `index` ends the sentence: always
/// outside body text and at blank lines; in body text, a single line break
/// ends it unless the next line continues in lowercase (wrapped text).
fn line_break_after(text: &str, spans: &[Range<usize>], index: usize, zone: ZoneKind) -> bool {
    let Some(next) = spans.get(index + 1) else {
        return false;
    };
    let newlines = text[spans[index].end..next.start].matches('\n').count();
    match newlines {
        0 => false,
        1 if zone == ZoneKind::Body => !starts_lowercase(text, next),
        _ => true,
    }
}

/// A dateline opening a paragraph and closed by a dash (`Moscow, June 8
/// (RHC)--`, `WASHINGTON (Reuters) -`, `NEW YORK —`): the index of the dash,
/// when the words before it are all capitalized and either include a comma or
/// a parenthesis or are all in capitals.
fn dateline_end(text: &str, spans: &[Range<usize>], start: usize) -> Option<usize> {
    const MAX_DATELINE_TOKENS: usize = 12;
    if !first_char(text, spans.get(start)?).is_uppercase() {
        return None;
    }
    let mut has_place_separator = false;
    let mut all_capitals = true;
    for index in start..spans.len().min(start + MAX_DATELINE_TOKENS) {
        let token = &text[spans[index].clone()];
        match token {
            "," | "(" => has_place_separator = true,
            "—" | "–" | "--" | "-" if index > start => {
                let next = spans.get(index + 1)?;
                let spaced_or_closing = token != "-"
                    || text[..spans[index].start].ends_with([')', ' '])
                        && text[spans[index].end..].starts_with(is_space);
                let next_opens =
                    first_char(text, next).is_uppercase() || is_opener(first_char(text, next));
                let looks_like_place = has_place_separator || all_capitals;
                return (looks_like_place && spaced_or_closing && next_opens).then_some(index);
            }
            _ if starts_lowercase(text, &spans[index]) => return None,
            _ => all_capitals &= !token.chars().any(char::is_lowercase),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::tokenize;
    use chancery_core::{Document, Zone, ZoneKind};

    fn sentences(doc: &Document) -> Vec<&str> {
        doc.sentences
            .iter()
            .map(|sentence| doc.slice(&sentence.span))
            .collect()
    }

    fn body_sentences(text: &str) -> Vec<String> {
        let mut doc = Document::new("test", text);
        tokenize(&mut doc);
        sentences(&doc).into_iter().map(str::to_owned).collect()
    }

    #[test]
    fn splits_at_final_punctuation_before_a_capital() {
        assert_eq!(
            body_sentences(
                "Troops left the city. Talks resumed on Monday! Was it enough? Nobody knows."
            ),
            [
                "Troops left the city.",
                "Talks resumed on Monday!",
                "Was it enough?",
                "Nobody knows."
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            body_sentences(
                "Gen. Mark A. Milley met Mr. Smith of Acme Inc. on Jan. 5 in the U.S. capital."
            ),
            ["Gen. Mark A. Milley met Mr. Smith of Acme Inc. on Jan. 5 in the U.S. capital."]
        );
        assert_eq!(
            body_sentences("Sanctions hit the U.S. The Kremlin responded."),
            ["Sanctions hit the U.S.", "The Kremlin responded."]
        );
    }

    #[test]
    fn quotes_closing_a_sentence() {
        assert_eq!(
            body_sentences("\"This is unacceptable,\" said Peskov. He left."),
            ["\"This is unacceptable,\" said Peskov.", "He left."]
        );
        assert_eq!(
            body_sentences("“We will not stop!” he said. “Never.” Then he left."),
            ["“We will not stop!” he said.", "“Never.”", "Then he left."]
        );
        assert_eq!(
            body_sentences("He called it \"a crime.\" Talks failed."),
            ["He called it \"a crime.\"", "Talks failed."]
        );
    }

    #[test]
    fn footnote_references_stay_with_their_sentence() {
        assert_eq!(
            body_sentences("The treaty was signed in 1805. [6] It lasted a decade."),
            ["The treaty was signed in 1805. [6]", "It lasted a decade."]
        );
    }

    #[test]
    fn leading_abbreviations_never_end_a_sentence() {
        assert_eq!(
            body_sentences(
                "Some courts (e.g. The Hague tribunal) were founded c. 1900 by Gen. Smith."
            ),
            ["Some courts (e.g. The Hague tribunal) were founded c. 1900 by Gen. Smith."]
        );
    }

    #[test]
    fn lowercase_after_ellipsis_continues() {
        assert_eq!(
            body_sentences("We waited... and waited."),
            ["We waited... and waited."]
        );
    }

    #[test]
    fn paragraph_breaks_end_sentences_in_body_text() {
        assert_eq!(
            body_sentences("Fighting resumed near the border\nTalks were postponed.\n\nand more"),
            [
                "Fighting resumed near the border",
                "Talks were postponed.",
                "and more"
            ]
        );
        assert_eq!(
            body_sentences("The minister said the talks\nwould resume."),
            ["The minister said the talks\nwould resume."]
        );
    }

    #[test]
    fn every_line_of_a_title_zone_is_a_sentence() {
        let text = "Talks collapse\nminister resigns\nThe talks collapsed. The minister resigned.";
        let mut doc = Document::new("test", text);
        doc.zones = vec![
            Zone {
                kind: ZoneKind::Title,
                span: 0..32,
            },
            Zone {
                kind: ZoneKind::Body,
                span: 32..text.len(),
            },
        ];
        tokenize(&mut doc);
        assert_eq!(
            sentences(&doc),
            [
                "Talks collapse",
                "minister resigns",
                "The talks collapsed.",
                "The minister resigned."
            ]
        );
        let kinds: Vec<ZoneKind> = doc.sentences.iter().map(|s| s.zone).collect();
        assert_eq!(
            kinds,
            [
                ZoneKind::Title,
                ZoneKind::Title,
                ZoneKind::Body,
                ZoneKind::Body
            ]
        );
    }

    #[test]
    fn sentences_never_cross_zones() {
        let text = "Kyiv reported shelling overnight and Moscow denied it";
        let mut doc = Document::new("test", text);
        doc.zones = vec![
            Zone {
                kind: ZoneKind::Body,
                span: 0..22,
            },
            Zone {
                kind: ZoneKind::Body,
                span: text.find("Moscow").unwrap()..text.len(),
            },
        ];
        tokenize(&mut doc);
        assert_eq!(
            sentences(&doc),
            ["Kyiv reported shelling", "Moscow denied it"]
        );
        assert_eq!(doc.sentences[1].tokens, 3..6);
        assert_eq!(doc.token_text(3), "Moscow");
    }

    #[test]
    fn datelines_at_paragraph_start_stand_apart() {
        assert_eq!(
            body_sentences(
                "WASHINGTON, March 31. /TASS/. The State Department expelled two envoys."
            ),
            [
                "WASHINGTON, March 31. /TASS/.",
                "The State Department expelled two envoys."
            ]
        );
        assert_eq!(
            body_sentences("Moscow, June 8 (RHC)-- Russia recalled its envoy."),
            ["Moscow, June 8 (RHC)--", "Russia recalled its envoy."]
        );
        assert_eq!(
            body_sentences("KYIV (Reuters) - Ukraine said on Monday it shot down drones."),
            [
                "KYIV (Reuters) -",
                "Ukraine said on Monday it shot down drones."
            ]
        );
        assert_eq!(
            body_sentences("NEW YORK — The council met."),
            ["NEW YORK —", "The council met."]
        );
        assert_eq!(
            body_sentences("New York — The council met."),
            ["New York — The council met."],
            "a dateline without comma or outlet must be in capitals"
        );
        assert_eq!(
            body_sentences("Russia, China — the two powers — met in Beijing."),
            ["Russia, China — the two powers — met in Beijing."]
        );
    }

    #[test]
    fn tokens_and_sentences_agree() {
        let mut doc = Document::new("test", "He left. She stayed.");
        tokenize(&mut doc);
        assert_eq!(doc.tokens.len(), 6);
        assert_eq!(doc.sentences[0].tokens, 0..3);
        assert_eq!(doc.sentences[1].tokens, 3..6);
        assert_eq!(doc.sentence_of(4), Some(1));
    }
}
