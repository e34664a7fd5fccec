//! Which words keep a following period as part of the token, and whether such
//! an abbreviation may end a sentence.

/// What a period after a word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// Never the end of a sentence: titles and words that lead into what
    /// follows (`Mr.`, `Gen.`, `Jan.`, `No.`, `e.g.`, `c.`).
    Leading,
    /// An abbreviation that may close a sentence (`Inc.`, `etc.`, `U.S.`, `J.`).
    Other,
}

/// Classifies `word` (without its period) when it is an abbreviation that
/// keeps the period. `next_is_digit` tells whether a digit follows the period
/// after whitespace, which `No.` needs to be an abbreviation.
pub fn classify(word: &str, next_is_digit: bool) -> Option<Abbreviation> {
    if is_initial(word) {
        return Some(Abbreviation::Other);
    }
    // All entries are short ASCII: compare through a small lowercase buffer,
    // no allocation.
    let dotted = is_dotted_acronym(word);
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 6 || !word.is_ascii() {
        return dotted.then_some(Abbreviation::Other);
    }
    // Lowercase without the inner periods (`e.g` → `eg`).
    let mut buffer = [0u8; 6];
    let mut length = 0;
    for byte in bytes.iter().filter(|&&byte| byte != b'.') {
        buffer[length] = byte.to_ascii_lowercase();
        length += 1;
    }
    let lower = std::str::from_utf8(&buffer[..length]).ok()?;
    let capitalized = bytes[0].is_ascii_uppercase();
    match lower {
        "no" | "nos" if capitalized && next_is_digit => Some(Abbreviation::Leading),
        "mr" | "mrs" | "ms" | "messrs" | "dr" | "prof" | "gen" | "gens" | "col" | "lt" | "sgt"
        | "capt" | "cmdr" | "adm" | "maj" | "brig" | "cpl" | "pvt" | "gov" | "govs" | "sen"
        | "sens" | "rep" | "reps" | "rev" | "hon" | "pres" | "supt" | "det" | "insp" | "fr"
        | "mt" | "ft" | "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept"
        | "oct" | "nov" | "dec" | "mme" | "mlle" | "drs" | "amb" | "atty" | "sec" | "pte"
            if capitalized =>
        {
            Some(Abbreviation::Leading)
        }
        "inc" | "corp" | "ltd" | "co" | "jr" | "sr" | "st" | "bros" | "dept" | "univ" | "ave"
        | "blvd" | "mon" | "tue" | "tues" | "wed" | "thu" | "thur" | "thurs" | "fri" | "sat"
        | "sun" | "sts" | "esq"
            // US states in AP style, as in datelines (`Springfield, Ill.`).
            | "ala" | "ariz" | "ark" | "calif" | "colo" | "conn" | "del" | "fla" | "ga" | "ill"
            | "ind" | "kan" | "ky" | "la" | "md" | "mass" | "mich" | "minn" | "mo" | "mont"
            | "neb" | "nev" | "okla" | "ore" | "pa" | "tenn" | "vt" | "va" | "wash" | "wis"
            | "wyo"
            if capitalized =>
        {
            Some(Abbreviation::Other)
        }
        "eg" | "ie" | "vs" | "cf" | "viz" | "c" | "ca" | "approx" | "ext" | "incl" | "esp"
        | "fig" | "figs" | "vol" | "pp" => {
            Some(Abbreviation::Leading)
        }
        "etc" | "al" => Some(Abbreviation::Other),
        _ => dotted.then_some(Abbreviation::Other),
    }
}

/// `U.S`, `e.g`, `a.m`, `Ph.D`: letters in groups of one or two joined by
/// periods (the final period is not part of `word`).
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

/// A single capital letter, as in the initials of `J. R. Smith`.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Capitalized words that commonly open a sentence: after an abbreviation
/// that may end a sentence, one of these means it did.
pub fn is_sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "For"
            | "From"
            | "With"
            | "After"
            | "Before"
            | "During"
            | "When"
            | "While"
            | "If"
            | "As"
            | "However"
            | "Meanwhile"
            | "Also"
            | "According"
            | "Earlier"
            | "Later"
            | "Last"
            | "Next"
            | "Since"
            | "Still"
            | "Then"
            | "Now"
            | "What"
            | "Who"
            | "Why"
            | "How"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_other_abbreviations_are_told_apart() {
        assert_eq!(classify("Gen", false), Some(Abbreviation::Leading));
        assert_eq!(classify("Mr", false), Some(Abbreviation::Leading));
        assert_eq!(classify("Inc", false), Some(Abbreviation::Other));
        assert_eq!(classify("U.S", false), Some(Abbreviation::Other));
        assert_eq!(classify("e.g", false), Some(Abbreviation::Leading));
        assert_eq!(classify("c", false), Some(Abbreviation::Leading));
        assert_eq!(classify("J", false), Some(Abbreviation::Other));
    }

    #[test]
    fn ordinary_words_are_not_abbreviations() {
        assert_eq!(classify("war", false), None);
        assert_eq!(classify("sat", false), None, "lowercase `sat` is a verb");
        assert_eq!(classify("No", false), None, "`No.` needs a number after it");
        assert_eq!(classify("No", true), Some(Abbreviation::Leading));
        assert_eq!(classify("example.com", false), None);
        assert_eq!(classify("a", false), None);
    }
}
