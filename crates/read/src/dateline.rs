//! Datelines at the start of a story: `WASHINGTON, March 31. /TASS/.`,
//! `Washington, June 8 (RHC)--`, `MOSCOW (Reuters) -`, `LONDON, Jan 5 (AP) —`,
//! `KYIV, Ukraine —`, `Dec 29 (Reuters) -`: a place (or a date with an
//! outlet), then an optional region, date and outlet, then a separator.

use chancery_core::calendar::{MONTHS, WEEKDAYS};

/// A dateline found at the start of a paragraph; offsets are relative to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// End of the dateline, separator included.
    pub end: usize,
    /// Where the story proper starts (after the separator and spaces).
    pub rest: usize,
    pub place: Option<String>,
    pub date_text: Option<String>,
    pub outlet: Option<String>,
}

/// Lowercase words inside place names (`Rio de Janeiro`).
const PLACE_CONNECTORS: [&str; 7] = ["de", "da", "del", "do", "la", "of", "upon"];
/// Capitalized labels that open a story like a dateline but name no place.
const KICKERS: [&str; 12] = [
    "EXCLUSIVE",
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "WATCH",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "COMMENTARY",
    "LIVE",
    "VIDEO",
    "CORRECTION",
];
/// Longest place (in words) and outlet (in bytes) a dateline can carry.
const MAX_PLACE_WORDS: usize = 4;
/// Words a dateline adds after the place: `, New Hampshire`, `, D.C.`.
const MAX_REGION_WORDS: usize = 2;
const MAX_OUTLET_BYTES: usize = 40;

/// The dateline at the start of `paragraph`, if there is one.
pub(crate) fn parse(paragraph: &str) -> Option<Found> {
    let mut cursor = Cursor {
        text: paragraph,
        pos: 0,
    };
    let mut place_end = cursor.place_words();
    let mut date_text = match place_end {
        Some(_) => None,
        None => Some(cursor.date()?),
    };
    let place_in_capitals = place_end.is_some_and(|end| is_capitals(&paragraph[..end]));
    if place_in_capitals && KICKERS.contains(&&paragraph[..cursor.pos]) {
        return None;
    }
    // `, Region` and `, Date` groups, in that order.
    for _ in 0..3 {
        let before = cursor.pos;
        if !cursor.eat(",") {
            break;
        }
        cursor.skip_spaces();
        if let Some(date) = cursor.date() {
            date_text = Some(date);
            break;
        }
        if date_text.is_none() && place_end.is_some() && cursor.place_words().is_some() {
            place_end = Some(cursor.pos);
            continue;
        }
        cursor.pos = before;
        break;
    }
    let outlet = cursor.outlet();
    cursor.skip_markers();
    let after_outlet_dot = outlet.is_some() && paragraph[..cursor.pos].ends_with('.');
    let separated = cursor.separator(date_text.is_some() || outlet.is_some())
        || after_outlet_dot
        || (place_in_capitals && date_text.is_some() && cursor.eat("."));
    let place = place_end.map(|end| &paragraph[..end]);
    if place.is_some_and(|p| p.split_whitespace().count() > MAX_PLACE_WORDS + MAX_REGION_WORDS) {
        return None;
    }
    // A bare date needs its outlet; a place in mixed case needs a date or
    // an outlet (`Moscow - which denies it -` opens a sentence).
    let credible = match place_end {
        None => outlet.is_some(),
        Some(_) => place_in_capitals || date_text.is_some() || outlet.is_some(),
    };
    if !(separated && credible) {
        return None;
    }
    let end = cursor.pos;
    let rest_text = &paragraph[end..];
    let ends_with_dash = paragraph[..end].ends_with(['—', '–', '-']);
    if !(ends_with_dash || rest_text.is_empty() || rest_text.starts_with(char::is_whitespace)) {
        return None;
    }
    let rest = end + (rest_text.len() - rest_text.trim_start().len());
    Some(Found {
        end,
        rest,
        place: place.map(str::to_string),
        date_text,
        outlet,
    })
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn eat(&mut self, s: &str) -> bool {
        let found = self.rest().starts_with(s);
        if found {
            self.pos += s.len();
        }
        found
    }

    fn skip_spaces(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start_matches([' ', '\t']).len();
    }

    /// Emphasis markers closing a bold dateline (`**MOSCOW** —`).
    fn skip_markers(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start_matches(['*', '_']).len();
    }

    /// The letters, dots (`D.C.`, `Feb.`), hyphens and apostrophes at the
    /// cursor; empty when there are none.
    fn word(&self) -> &'a str {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
            .unwrap_or(rest.len());
        &rest[..len]
    }

    /// Capitalized words (with `de`, `of`… inside); returns their end.
    fn place_words(&mut self) -> Option<usize> {
        let start = self.pos;
        let mut end = None;
        let mut words = 0;
        loop {
            let word = self.word();
            let capitalized = word.starts_with(char::is_uppercase);
            let connector = end.is_some() && PLACE_CONNECTORS.contains(&word);
            if !(capitalized || connector) || (is_month(word) && end.is_some()) {
                break;
            }
            words += 1;
            if words > MAX_PLACE_WORDS {
                self.pos = start;
                return None;
            }
            self.pos += word.len();
            if capitalized {
                end = Some(self.pos);
            }
            if !(self.rest().starts_with(' ')
                && self.text[self.pos + 1..].starts_with(char::is_alphabetic))
            {
                break;
            }
            self.pos += 1;
        }
        match end {
            Some(end) if end - start >= 2 && !is_month(&self.text[start..end]) => {
                self.pos = end;
                Some(end)
            }
            _ => {
                self.pos = start;
                None
            }
        }
    }

    /// `March 31`, `Jan. 5, 2024`, `5 January`, `Tuesday`.
    fn date(&mut self) -> Option<String> {
        let start = self.pos;
        let word = self.word().trim_end_matches('.');
        if WEEKDAYS.contains(&word.to_lowercase().as_str()) {
            self.pos += word.len();
            return Some(word.to_string());
        }
        let found = if is_month(word) {
            self.pos += self.word().len();
            self.skip_spaces();
            self.digits(1..=2)
        } else {
            let day_month =
                self.digits(1..=2) && self.eat(" ") && is_month(self.word().trim_end_matches('.'));
            if day_month {
                // `3 March.` keeps the sentence dot outside the date.
                self.pos += self.word().trim_end_matches('.').len();
            }
            day_month
        };
        if !found {
            self.pos = start;
            return None;
        }
        self.year();
        Some(self.text[start..self.pos].to_string())
    }

    /// An optional `, 2024` or ` 2024` after a day and month.
    fn year(&mut self) {
        let before = self.pos;
        if !((self.eat(", ") || self.eat(" ")) && self.digits(4..=4)) {
            self.pos = before;
        }
    }

    fn digits(&mut self, count: std::ops::RangeInclusive<usize>) -> bool {
        let rest = self.rest();
        let n = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let ok = count.contains(&n);
        if ok {
            self.pos += n;
        }
        ok
    }

    /// ` (Reuters)` or `. /TASS/.`
    fn outlet(&mut self) -> Option<String> {
        let start = self.pos;
        self.eat(".");
        self.skip_spaces();
        let (open, close) = if self.rest().starts_with('(') {
            ('(', ')')
        } else if self.rest().starts_with('/') {
            ('/', '/')
        } else {
            self.pos = start;
            return None;
        };
        let inner = &self.rest()[1..];
        let Some(len) = inner.find(close) else {
            self.pos = start;
            return None;
        };
        let name = &inner[..len];
        let plausible = (1..=MAX_OUTLET_BYTES).contains(&name.len())
            && name.starts_with(char::is_alphabetic)
            && !name.contains([open, '\n']);
        if !plausible {
            self.pos = start;
            return None;
        }
        self.pos += 1 + len + 1;
        if close == '/' {
            self.eat(".");
        }
        Some(name.trim().to_string())
    }

    /// A dash (`—`, `–`, `--`, `-`), or a colon when the dateline carries a
    /// date or an outlet (a bare `NATO:` opens a sentence, not a dateline).
    fn separator(&mut self, colon_allowed: bool) -> bool {
        let start = self.pos;
        self.skip_spaces();
        for dash in ["——", "—", "–", "--", "-"] {
            if self.eat(dash) {
                return true;
            }
        }
        if colon_allowed && self.eat(":") {
            return true;
        }
        self.pos = start;
        false
    }
}

/// A month name or its usual abbreviation (`Jan`, `Sept.`).
fn is_month(word: &str) -> bool {
    let word = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .any(|m| *m == word || (word.len() >= 3 && m.starts_with(&word) && word.len() <= 4))
}

fn is_capitals(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(
        paragraph: &str,
        dateline: &str,
        place: &str,
        date: Option<&str>,
        outlet: Option<&str>,
    ) {
        let found = parse(paragraph).unwrap_or_else(|| panic!("no dateline in {paragraph:?}"));
        assert_eq!(&paragraph[..found.end], dateline);
        assert_eq!(
            found.place.as_deref(),
            Some(place).filter(|p| !p.is_empty())
        );
        assert_eq!(found.date_text.as_deref(), date);
        assert_eq!(found.outlet.as_deref(), outlet);
        assert!(paragraph[found.rest..].starts_with("The"), "{paragraph:?}");
    }

    #[test]
    fn recognizes_the_common_dateline_forms() {
        check(
            "ROME, May 4. /TASS/. The talks went on.",
            "ROME, May 4. /TASS/.",
            "ROME",
            Some("May 4"),
            Some("TASS"),
        );
        check(
            "Geneva, July 19 (GNS)-- The envoys met.",
            "Geneva, July 19 (GNS)--",
            "Geneva",
            Some("July 19"),
            Some("GNS"),
        );
        check(
            "BERLIN (Wire) - The minister left.",
            "BERLIN (Wire) -",
            "BERLIN",
            None,
            Some("Wire"),
        );
        check(
            "PARIS, Feb. 12 (AP) — The embassy closed.",
            "PARIS, Feb. 12 (AP) —",
            "PARIS",
            Some("Feb. 12"),
            Some("AP"),
        );
        check(
            "ODESA, Ukraine — The port reopened.",
            "ODESA, Ukraine —",
            "ODESA, Ukraine",
            None,
            None,
        );
        check(
            "NEW DELHI, 3 March 2023: The ministry said so.",
            "NEW DELHI, 3 March 2023:",
            "NEW DELHI",
            Some("3 March 2023"),
            None,
        );
        check(
            "Rio de Janeiro, Sept. 9, 2021 (Agency) — The summit ended.",
            "Rio de Janeiro, Sept. 9, 2021 (Agency) —",
            "Rio de Janeiro",
            Some("Sept. 9, 2021"),
            Some("Agency"),
        );
        check(
            "Dec 29 (Wire) - The ministry said.",
            "Dec 29 (Wire) -",
            "",
            Some("Dec 29"),
            Some("Wire"),
        );
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        for sentence in [
            "The ministry said on Monday that talks would go on.",
            "Moscow - which denies the claims - said nothing.",
            "NATO: a history of the alliance.",
            "US-Russia talks resumed in Geneva.",
            "Sen. Ada Park (D-Ore.) said the talks had failed.",
            "EXCLUSIVE – The ministry has no comment.",
            "TALKS NOT DEAD, JUST DELAYED, SAYS ENVOY - The meeting ended.",
            "Dec 29 - The day the talks failed.",
            "Russian diplomats left the country.",
            "March 3 — the day the embassy closed.",
        ] {
            assert_eq!(parse(sentence), None, "{sentence}");
        }
    }
}
