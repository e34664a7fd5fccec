//! Splitting text into tokens, UD English style, as byte ranges.
//!
//! Whitespace separates chunks; each chunk is scanned left to right into
//! URLs, @handles and #hashtags, words (with their internal periods, commas,
//! apostrophes and hyphens) and punctuation. Words are then split the UD way:
//! clitics (`Russia 's`, `do n't`, `can not`), most hyphens, and units glued
//! to numbers (`170 m`); abbreviations keep their final period.

use crate::abbreviations;
use std::ops::Range;

/// Token spans (byte ranges into `text`) of a stretch of text, no sentence split.
pub fn tokenize_str(text: &str) -> Vec<Range<usize>> {
    // News English averages about five bytes per token.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, 0..text.len(), &mut tokens);
    tokens
}

/// Appends the tokens of `text[span]` to `out`, as ranges into `text`.
pub(crate) fn tokenize_into(text: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut chunk_start = None;
    for (offset, c) in text[span.clone()].char_indices() {
        let position = span.start + offset;
        if is_space(c) {
            if let Some(start) = chunk_start.take() {
                split_chunk(text, start, position, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(position);
        }
    }
    if let Some(start) = chunk_start {
        split_chunk(text, start, span.end, out);
    }
}

/// Whitespace, counting the invisible spaces web text carries.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// Letters, digits and combining accents.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn char_at(text: &str, position: usize) -> Option<char> {
    text.get(position..).and_then(|rest| rest.chars().next())
}

/// Tokenizes one whitespace-free chunk `text[start..end]`.
fn split_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let has_at_sign = text[start..end].contains('@');
    let mut position = start;
    while position < end {
        let rest = &text[position..end];
        let c = rest.chars().next().expect("position < end");
        let glued_to_token = position > start;
        let whole_token = url_length(rest)
            .or_else(|| {
                glued_to_token
                    .then(|| detached_clitic_length(rest))
                    .flatten()
            })
            .or_else(|| has_at_sign.then(|| email_length(rest)).flatten())
            .or_else(|| handle_length(rest))
            .or_else(|| emoticon_length(rest));
        position = if let Some(length) = whole_token {
            out.push(position..position + length);
            position + length
        } else if is_word_char(c) {
            let word_end = scan_word(text, position, end);
            split_word(text, position..word_end, end, out)
        } else {
            let length = punctuation_length(rest);
            out.push(position..position + length);
            position + length
        };
    }
}

/// Length of a URL at the start of `rest`, without trailing punctuation.
fn url_length(rest: &str) -> Option<usize> {
    let starts_url = ["http://", "https://", "ftp://", "www."]
        .iter()
        .any(|scheme| {
            rest.len() > scheme.len()
                && rest.as_bytes()[..scheme.len()].eq_ignore_ascii_case(scheme.as_bytes())
        });
    if !starts_url {
        return None;
    }
    let keeps_parenthesis = rest.contains('(');
    let trimmed = rest.trim_end_matches(|c: char| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '”' | '’' | '»' | ']'
        ) || (c == ')' && !keeps_parenthesis)
    });
    Some(trimmed.len())
}

/// Length of a clitic that follows a token other than a plain word, as in
/// `U.S.'s` or `"Big Three"'s`.
fn detached_clitic_length(rest: &str) -> Option<usize> {
    let mark = rest.chars().next().filter(|&c| is_apostrophe(c))?;
    let after = &rest[mark.len_utf8()..];
    let letters = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    is_clitic(&after[..letters]).then_some(mark.len_utf8() + letters)
}

/// Length of an email address at the start of `rest`, including the
/// shortened ones of mail archives (`julie...@mail.net`).
fn email_length(rest: &str) -> Option<usize> {
    let is_email_char = |c: char| is_word_char(c) || matches!(c, '.' | '_' | '-' | '+' | '@');
    let candidate = &rest[..rest.find(|c: char| !is_email_char(c)).unwrap_or(rest.len())];
    let candidate = candidate.trim_end_matches(['.', '-']);
    let (local, domain) = candidate.split_once('@')?;
    let valid = local.starts_with(is_word_char)
        && domain.starts_with(is_word_char)
        && domain.contains('.')
        && !domain.contains('@');
    valid.then_some(candidate.len())
}

/// Length of a text emoticon (`:)`, `;-)`, `:(`) at the start of `rest`.
fn emoticon_length(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    if !matches!(bytes.first()?, b':' | b';') {
        return None;
    }
    let nose = usize::from(bytes.get(1) == Some(&b'-'));
    let mouth = *bytes.get(1 + nose)?;
    let length = 2 + nose;
    let stands_alone = bytes.get(length).is_none_or(|b| !b.is_ascii_alphanumeric());
    (matches!(mouth, b')' | b'(' | b'D' | b'P' | b'/') && stands_alone).then_some(length)
}

/// Length of an `@handle` or `#hashtag` at the start of `rest`.
fn handle_length(rest: &str) -> Option<usize> {
    let mut chars = rest.chars();
    let sigil = chars.next()?;
    let first = chars.next()?;
    let starts = match sigil {
        '@' => is_word_char(first) || first == '_',
        '#' => first.is_alphabetic(),
        _ => false,
    };
    if !starts {
        return None;
    }
    let body = rest[1..]
        .find(|c: char| !(is_word_char(c) || c == '_'))
        .unwrap_or(rest.len() - 1);
    Some(1 + body)
}

/// Length of the punctuation token at the start of `rest`: a run of sentence
/// punctuation (`...`, `?!`), a run of one repeated mark (`--`, `**`, `''`),
/// or a single bracket, quote or symbol.
fn punctuation_length(rest: &str) -> usize {
    let first = rest.chars().next().expect("non-empty rest");
    let groups: fn(char, char) -> bool = if matches!(first, '.' | '!' | '?' | '…') {
        |_, c| matches!(c, '.' | '!' | '?' | '…')
    } else if matches!(
        first,
        '(' | ')' | '[' | ']' | '{' | '}' | '"' | '“' | '”' | '‘' | '’' | '«' | '»'
    ) {
        |_, _| false
    } else {
        |first, c| c == first
    };
    first.len_utf8()
        + rest[first.len_utf8()..]
            .chars()
            .take_while(|&c| groups(first, c))
            .map(char::len_utf8)
            .sum::<usize>()
}

/// End of the word starting at `start`: word characters and the marks that
/// join them (`U.S`, `3.5`, `1,000`, `5:00`, `Russia's`, `anti-war`,
/// `AT&T`, `name@mail.com`).
fn scan_word(text: &str, start: usize, end: usize) -> usize {
    let mut previous = char_at(text, start).expect("word start");
    let mut position = start + previous.len_utf8();
    while position < end {
        let c = char_at(text, position).expect("position < end");
        let joins = if is_word_char(c) {
            true
        } else {
            let next = char_at(text, position + c.len_utf8())
                .filter(|_| position + c.len_utf8() < end)
                .unwrap_or(' ');
            match c {
                // `end.The` is a missing space, not an abbreviation.
                '.' => is_word_char(next) && !(previous.is_lowercase() && next.is_uppercase()),
                '-' | '@' | '_' => is_word_char(next),
                ',' | ':' | '/' => previous.is_ascii_digit() && next.is_ascii_digit(),
                '&' => previous.is_uppercase() && next.is_uppercase(),
                '\'' | '’' => previous.is_alphanumeric() && next.is_alphabetic(),
                _ => false,
            }
        };
        if !joins {
            break;
        }
        previous = c;
        position += c.len_utf8();
    }
    position
}

/// Emits the tokens of the word `text[start..end]`, which lies in a chunk
/// ending at `chunk_end`, and returns where the next token starts (after the
/// word's own final period, if it is an abbreviation).
fn split_word(
    text: &str,
    Range { start, end }: Range<usize>,
    chunk_end: usize,
    out: &mut Vec<Range<usize>>,
) -> usize {
    let word = &text[start..end];
    if word.contains('@') {
        out.push(start..end);
        return end;
    }
    // Hyphens split, except after prefixes UD keeps attached (`anti-war`) and
    // inside phone numbers (`713-853-3989`, `853-3242`).
    let keep_all_hyphens = is_phone_number(word);
    let mut piece_start = start;
    for (offset, _) in word.match_indices('-') {
        let hyphen = start + offset;
        if keep_all_hyphens || is_attached_prefix(&text[piece_start..hyphen]) {
            continue;
        }
        split_piece(text, piece_start, hyphen, out);
        out.push(hyphen..hyphen + 1);
        piece_start = hyphen + 1;
    }
    split_piece(text, piece_start, end, out);

    let last_piece = &text[piece_start..end];
    let after = &text[end..chunk_end];
    if after.starts_with('.') && !after.starts_with("..") {
        let next_is_digit = text[end + 1..]
            .trim_start_matches(is_space)
            .starts_with(|c: char| c.is_ascii_digit());
        if abbreviations::classify(last_piece, next_is_digit).is_some() {
            out.last_mut().expect("a piece was pushed").end = end + 1;
            return end + 1;
        }
    }
    end
}

/// Digit groups joined by hyphens, three or more (`713-853-3989`) or two
/// ending in four digits (`853-3242`), but not a range of years (`1969-1970`).
fn is_phone_number(word: &str) -> bool {
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let mut parts = word.split('-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(first), Some(second), None) => {
            all_digits(first) && all_digits(second) && first.len() != 4 && second.len() == 4
        }
        (Some(_), Some(_), Some(_)) => word.split('-').all(all_digits),
        _ => false,
    }
}

/// Prefixes that UD English keeps joined to the word after the hyphen.
fn is_attached_prefix(piece: &str) -> bool {
    const PREFIXES: [&str; 24] = [
        "non", "e", "anti", "re", "co", "pre", "pro", "mid", "cross", "post", "over", "semi",
        "multi", "ex", "sub", "counter", "mini", "neo", "socio", "psycho", "intra", "inter",
        "vice", "ultra",
    ];
    PREFIXES
        .iter()
        .any(|prefix| piece.eq_ignore_ascii_case(prefix))
}

/// Emits a hyphen-free piece of a word, splitting off clitics (`'s`, `n't`,
/// `'re`…), the second half of `cannot`/`gonna`/`wanna`/`gotta`, and a unit
/// glued to a number (`170m` → `170 m`, but `1990s`, `9th` stay whole).
fn split_piece(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[start..end];
    let split = clitic_split(piece)
        .or_else(|| fused_split(piece))
        .or_else(|| number_unit_split(piece));
    if let Some(split) = split {
        out.push(start..start + split);
        out.push(start + split..end);
    } else {
        out.push(start..end);
    }
}

/// Byte offset where a clitic (`'s`, `n't`…) splits off `piece`.
fn clitic_split(piece: &str) -> Option<usize> {
    let (apostrophe, mark) = piece
        .char_indices()
        .rev()
        .find(|&(_, c)| is_apostrophe(c))?;
    let after = &piece[apostrophe + mark.len_utf8()..];
    // Decades keep their `'s` (`the 70's`).
    if piece[..apostrophe].ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if after.eq_ignore_ascii_case("t")
        && apostrophe > 1
        && piece[..apostrophe].ends_with(['n', 'N'])
    {
        return Some(apostrophe - 1);
    }
    (is_clitic(after) && apostrophe > 0).then_some(apostrophe)
}

/// The letters after the apostrophe of a clitic: `'s`, `'re`, `'ve`, `'ll`, `'d`, `'m`.
fn is_clitic(letters: &str) -> bool {
    ["s", "re", "ve", "ll", "d", "m"]
        .iter()
        .any(|clitic| letters.eq_ignore_ascii_case(clitic))
}

/// `cannot` → `can not`, `gonna` → `gon na`: UD splits these after three letters.
fn fused_split(piece: &str) -> Option<usize> {
    ["cannot", "gonna", "wanna", "gotta"]
        .iter()
        .any(|fused| piece.eq_ignore_ascii_case(fused))
        .then_some(3)
}

/// Byte offset where letters glued to a number start, when they are a unit
/// rather than an ordinal or decade suffix.
fn number_unit_split(piece: &str) -> Option<usize> {
    if !piece.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let letters = piece.find(|c: char| c.is_alphabetic())?;
    let suffix = &piece[letters..];
    let unit = suffix.chars().all(char::is_alphabetic)
        && !["st", "nd", "rd", "th", "s"]
            .iter()
            .any(|ordinal| suffix.eq_ignore_ascii_case(ordinal));
    unit.then_some(letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        tokenize_str(text)
            .into_iter()
            .map(|span| &text[span])
            .collect()
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            tokens("Gen. Smith met U.S. officials on Jan. 5 in No. 10."),
            [
                "Gen.",
                "Smith",
                "met",
                "U.S.",
                "officials",
                "on",
                "Jan.",
                "5",
                "in",
                "No.",
                "10",
                "."
            ]
        );
        assert_eq!(
            tokens("Mr. Lee said no."),
            ["Mr.", "Lee", "said", "no", "."]
        );
        assert_eq!(tokens("He sat."), ["He", "sat", "."]);
    }

    #[test]
    fn initials_keep_their_period() {
        assert_eq!(
            tokens("J. R. Smith spoke."),
            ["J.", "R.", "Smith", "spoke", "."]
        );
    }

    #[test]
    fn numbers_stay_whole_and_units_split() {
        assert_eq!(
            tokens("1,000 troops, 3.5 percent, a 60-strong unit at 5:00"),
            [
                "1,000", "troops", ",", "3.5", "percent", ",", "a", "60", "-", "strong", "unit",
                "at", "5:00"
            ]
        );
        assert_eq!(
            tokens("in the 1990s, the 9th"),
            ["in", "the", "1990s", ",", "the", "9th"]
        );
    }

    #[test]
    fn currency_and_percentages_split_from_numbers() {
        assert_eq!(tokens("$5 million"), ["$", "5", "million"]);
        assert_eq!(tokens("€3bn (12%)"), ["€", "3", "bn", "(", "12", "%", ")"]);
    }

    #[test]
    fn urls_emails_and_handles_are_single_tokens() {
        assert_eq!(
            tokens("See https://example.org/a?b=1, write to press@mfa.gov.ru."),
            [
                "See",
                "https://example.org/a?b=1",
                ",",
                "write",
                "to",
                "press@mfa.gov.ru",
                "."
            ]
        );
        assert_eq!(
            tokens("@KremlinRussia_E tweeted #Ukraine"),
            ["@KremlinRussia_E", "tweeted", "#Ukraine"]
        );
        assert_eq!(tokens("(www.un.org)"), ["(", "www.un.org", ")"]);
        assert_eq!(
            tokens("<Anna.B.Lee@un.org>, anna...@mail.net."),
            ["<", "Anna.B.Lee@un.org", ">", ",", "anna...@mail.net", "."]
        );
    }

    #[test]
    fn possessives_and_clitics_split_the_ud_way() {
        assert_eq!(tokens("Russia's army"), ["Russia", "'s", "army"]);
        assert_eq!(tokens("Russia’s army"), ["Russia", "’s", "army"]);
        assert_eq!(tokens("I don't know"), ["I", "do", "n't", "know"]);
        assert_eq!(
            tokens("they can't, we won’t"),
            ["they", "ca", "n't", ",", "we", "wo", "n’t"]
        );
        assert_eq!(tokens("We cannot"), ["We", "can", "not"]);
        assert_eq!(
            tokens("I'm sure they're gonna go"),
            ["I", "'m", "sure", "they", "'re", "gon", "na", "go"]
        );
        assert_eq!(tokens("the allies' plan"), ["the", "allies", "'", "plan"]);
        assert_eq!(tokens("O'Brien's view"), ["O'Brien", "'s", "view"]);
        assert_eq!(tokens("the U.S.'s role"), ["the", "U.S.", "'s", "role"]);
        assert_eq!(
            tokens("the “Big Three”’s"),
            ["the", "“", "Big", "Three", "”", "’s"]
        );
    }

    #[test]
    fn hyphens_split_except_after_attached_prefixes() {
        assert_eq!(
            tokens("a long-range, anti-war, pro-Kremlin re-election"),
            [
                "a",
                "long",
                "-",
                "range",
                ",",
                "anti-war",
                ",",
                "pro-Kremlin",
                "re-election"
            ]
        );
        assert_eq!(tokens("call 713-853-3989"), ["call", "713-853-3989"]);
        assert_eq!(
            tokens("in 1969-1970, 400-500 troops"),
            ["in", "1969", "-", "1970", ",", "400", "-", "500", "troops"]
        );
        assert_eq!(tokens("ext. 853-3242"), ["ext.", "853-3242"]);
    }

    #[test]
    fn quotes_dashes_and_ellipses_are_tokens() {
        assert_eq!(
            tokens("“No,” he said—twice... \"Never\"…"),
            [
                "“", "No", ",", "”", "he", "said", "—", "twice", "...", "\"", "Never", "\"", "…"
            ]
        );
        assert_eq!(
            tokens("war -- again – now"),
            ["war", "--", "again", "–", "now"]
        );
        assert_eq!(tokens("‘hello’"), ["‘", "hello", "’"]);
    }

    #[test]
    fn a_missing_space_after_a_period_still_splits() {
        assert_eq!(
            tokens("He left.Then Amazon.com"),
            ["He", "left", ".", "Then", "Amazon.com"]
        );
    }

    #[test]
    fn emoticons_are_single_tokens() {
        assert_eq!(
            tokens("great :) bad :-( note:(see"),
            ["great", ":)", "bad", ":-(", "note", ":", "(", "see"]
        );
    }

    #[test]
    fn markdown_marks_do_not_glue_to_words() {
        assert_eq!(tokens("# *Title*"), ["#", "*", "Title", "*"]);
        assert_eq!(
            tokens("**bold** text ---"),
            ["**", "bold", "**", "text", "---"]
        );
    }

    #[test]
    fn offsets_index_the_original_text() {
        let text = "  Naïve  café’s\tend. ";
        let spans = tokenize_str(text);
        let words: Vec<&str> = spans.iter().map(|span| &text[span.clone()]).collect();
        assert_eq!(words, ["Naïve", "café", "’s", "end", "."]);
        assert_eq!(spans[0].start, 2);
        assert_eq!(spans.last().map(|span| span.end), Some(text.len() - 1));
    }
}
