//! Splits text into the small word units the temporal grammar reads.
//!
//! The grammar must give the same answer whether or not the pipeline's
//! tokenizer ran, so it reads its own words: runs of letters, runs of digits
//! (with `7:15`, `1,000`, `2.5` kept whole) and single punctuation marks, each
//! with its byte span and whether it touches the previous word.

use chancery_core::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub span: Span,
    /// Lower-cased text.
    pub lower: String,
    /// No whitespace between this word and the previous one.
    pub glued: bool,
}

impl Word {
    /// Marks the end of a sentence or clause when scanning for tense cues.
    pub fn ends_clause(&self) -> bool {
        matches!(
            self.lower.as_str(),
            "." | "!" | "?" | ";" | ":" | "\"" | "\u{201c}" | "\u{201d}"
        )
    }
}

/// The words of `text[span]`, spans relative to the whole `text`.
pub fn split(text: &str, span: Span) -> Vec<Word> {
    let slice = &text[span.clone()];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut words = Vec::new();
    let mut k = 0;
    let mut gap = true;
    while k < chars.len() {
        let (at, c) = chars[k];
        if c.is_whitespace() {
            gap = true;
            k += 1;
            continue;
        }
        if c.is_alphabetic() {
            while k < chars.len() && chars[k].1.is_alphabetic() {
                k += 1;
            }
        } else if c.is_ascii_digit() {
            k += 1;
            while k < chars.len() {
                let d = chars[k].1;
                let inner_separator = matches!(d, ',' | '.' | ':')
                    && chars.get(k + 1).is_some_and(|n| n.1.is_ascii_digit());
                if d.is_ascii_digit() || inner_separator {
                    k += 1;
                } else {
                    break;
                }
            }
            k += ordinal_suffix(&chars[k..]);
        } else if is_apostrophe(c) && chars.get(k + 1).is_some_and(|n| n.1.is_alphabetic()) && !gap
        {
            // Possessive or clitic: "year's", "'ll".
            k += 1;
            while k < chars.len() && chars[k].1.is_alphabetic() {
                k += 1;
            }
        } else {
            k += 1;
        }
        let end = chars.get(k).map_or(slice.len(), |n| n.0);
        let word_text = &slice[at..end];
        let lower = word_text.to_lowercase().replace('\u{2019}', "'");
        words.push(Word {
            span: span.start + at..span.start + end,
            lower,
            glued: !gap,
        });
        gap = false;
    }
    words
}

/// Length of an ordinal suffix (`th` in `20th`) standing alone after digits.
fn ordinal_suffix(rest: &[(usize, char)]) -> usize {
    let letters = rest.iter().take_while(|(_, c)| c.is_alphabetic()).count();
    let suffix: String = rest[..letters]
        .iter()
        .map(|(_, c)| c.to_ascii_lowercase())
        .collect();
    if matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
        letters
    } else {
        0
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(text: &str) -> Vec<String> {
        split(text, 0..text.len())
            .into_iter()
            .map(|w| w.lower)
            .collect()
    }

    #[test]
    fn keeps_numbers_whole_and_splits_hyphens() {
        assert_eq!(
            lowers("At 7:15 p.m., 1,000 third-quarter 20th"),
            ["at", "7:15", "p", ".", "m", ".", ",", "1,000", "third", "-", "quarter", "20th"]
        );
    }

    #[test]
    fn marks_glued_words_and_possessives() {
        let words = split("this year's 1990s", 0.."this year's 1990s".len());
        let lowers: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(lowers, ["this", "year", "'s", "1990", "s"]);
        assert!(words[2].glued && !words[3].glued && words[4].glued);
    }

    #[test]
    fn spans_are_relative_to_the_whole_text() {
        let text = "xx Monday";
        let words = split(text, 3..text.len());
        assert_eq!(words[0].span, 3..9);
    }
}
