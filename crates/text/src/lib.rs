//! Tokenizer and sentence splitter for news English.
//!
//! Tokens follow the Universal Dependencies English conventions (EWT, GUM) the
//! tagger and parser are trained on: clitics split off (`Russia 's`, `do n't`,
//! `can not`), most hyphens split, abbreviations keep their period. Every token
//! is a byte range into the original text, which is never changed.

mod abbreviations;
mod sentences;
mod tokens;

use chancery_core::{Document, Token};
use std::ops::Range;

pub use tokens::tokenize_str;

/// Fills doc.tokens (span set; other Token fields default) and doc.sentences,
/// zone by zone over doc.reading_zones(); sentences never cross zones.
pub fn tokenize(doc: &mut Document) {
    doc.tokens.clear();
    doc.sentences.clear();
    let mut spans: Vec<Range<usize>> = Vec::new();
    for zone in doc.reading_zones() {
        spans.clear();
        tokens::tokenize_into(&doc.text, zone.span.clone(), &mut spans);
        let first_token = doc.tokens.len();
        sentences::split(
            &doc.text,
            &spans,
            first_token,
            zone.kind,
            &mut doc.sentences,
        );
        doc.tokens.extend(spans.iter().map(|span| Token {
            span: span.clone(),
            ..Token::default()
        }));
    }
}

/// The class of a character in a word shape: `X` upper case, `x` lower
/// case, `d` digit, anything else itself (`Xxxx-dd`). The tagger's and the
/// entity recognizer's shape features both build on it.
pub fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chancery_core::{Zone, ZoneKind};

    /// Builds pseudo-random text from fragments that stress every rule.
    fn stress_text(seed: u64, pieces: usize) -> String {
        const FRAGMENTS: [&str; 32] = [
            "U.S.",
            "Gen.",
            " ",
            "\n",
            "\n\n",
            "Russia’s",
            "don't",
            "cannot",
            "$5",
            "€3bn",
            "60-strong",
            "1,000",
            "3.5%",
            "https://a.b/c",
            "x@y.org",
            "@h_1",
            "#tag",
            "“",
            "”",
            "\"",
            "'",
            "...",
            "…",
            "—",
            "--",
            "(",
            ")",
            "*",
            "é",
            "Ж",
            ".",
            "word",
        ];
        let mut state = seed;
        let mut text = String::new();
        for _ in 0..pieces {
            // Linear congruential generator: deterministic, no dependency.
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(FRAGMENTS[(state >> 33) as usize % FRAGMENTS.len()]);
        }
        text
    }

    #[test]
    fn tokens_are_ordered_non_empty_whitespace_free_and_cover_all_text() {
        for seed in 0..300 {
            let text = stress_text(seed, 40);
            let mut doc = Document::new("stress", text.as_str());
            tokenize(&mut doc);
            let mut previous_end = 0;
            for token in &doc.tokens {
                let span = &token.span;
                assert!(
                    span.start >= previous_end && span.start < span.end,
                    "{text:?}: {span:?}"
                );
                assert!(
                    !text[span.clone()].contains(char::is_whitespace),
                    "{text:?}: {span:?}"
                );
                assert!(
                    text[previous_end..span.start]
                        .chars()
                        .all(char::is_whitespace),
                    "{text:?}: gap before {span:?}"
                );
                previous_end = span.end;
            }
            assert!(
                text[previous_end..].chars().all(char::is_whitespace),
                "{text:?}: text after the last token"
            );
        }
    }

    #[test]
    fn sentences_partition_the_tokens_of_each_zone() {
        for seed in 0..300 {
            let text = stress_text(seed, 40);
            let middle = text
                .char_indices()
                .map(|(i, _)| i)
                .find(|&i| i >= text.len() / 2)
                .unwrap_or(0);
            let mut doc = Document::new("stress", text.as_str());
            doc.zones = vec![
                Zone {
                    kind: ZoneKind::Title,
                    span: 0..middle,
                },
                Zone {
                    kind: ZoneKind::Body,
                    span: middle..text.len(),
                },
            ];
            tokenize(&mut doc);
            let mut next_token = 0;
            for sentence in &doc.sentences {
                assert_eq!(sentence.tokens.start, next_token, "{text:?}");
                assert!(sentence.tokens.end > sentence.tokens.start, "{text:?}");
                assert_eq!(
                    sentence.span.start,
                    doc.tokens[sentence.tokens.start].span.start
                );
                assert_eq!(
                    sentence.span.end,
                    doc.tokens[sentence.tokens.end - 1].span.end
                );
                let expected_zone = if sentence.span.start < middle {
                    ZoneKind::Title
                } else {
                    ZoneKind::Body
                };
                assert_eq!(sentence.zone, expected_zone, "{text:?}");
                assert!(
                    sentence.span.end <= middle || sentence.span.start >= middle,
                    "{text:?}: crosses zones"
                );
                next_token = sentence.tokens.end;
            }
            assert_eq!(next_token, doc.tokens.len(), "{text:?}");
        }
    }

    #[test]
    fn tokenize_str_agrees_with_tokenize() {
        let text = "Gen. Lee said: “We won’t retreat.”\nTalks resume on Jan. 5.";
        let mut doc = Document::new("agree", text);
        tokenize(&mut doc);
        let spans: Vec<Range<usize>> = doc.tokens.iter().map(|token| token.span.clone()).collect();
        assert_eq!(spans, tokenize_str(text));
        assert_eq!(doc.sentences.len(), 2);
    }
}
