//! The grammar of temporal expressions: finds them in a run of words and
//! resolves each to a TIMEX3 type and value against the anchor date.
//!
//! Each rule is a small parser that tries to read one kind of expression
//! starting at a word and returns where it ends and what it means; at every
//! position the longest reading wins. Extents follow TimeBank: leading
//! prepositions stay out, determiners and modifiers (`the`, `early`,
//! `nearly`, `the end of`) are in.

mod dates;
mod numbers;
mod relative;
mod spans;

use crate::calendar::{self, Direction};
use crate::lexicon::Unit;
use crate::words::Word;
use chancery_core::TimexType;
use chrono::{Datelike, NaiveDate};
use std::cell::Cell;
use std::ops::Range;

/// How many words back a mention still sets the reference that "a year
/// earlier", "the year-ago quarter" and "the following year" count from.
const CONTEXT_WORDS: usize = 120;

/// A temporal expression found in the words.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub words: Range<usize>,
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq)]
struct Meaning {
    kind: TimexType,
    value: String,
    modifier: Option<&'static str>,
    /// A period named only to compare with the one under discussion
    /// ("a year earlier"): it does not become the new reference.
    comparison: bool,
}

impl Meaning {
    fn new(kind: TimexType, value: impl Into<String>) -> Meaning {
        Meaning {
            kind,
            value: value.into(),
            modifier: None,
            comparison: false,
        }
    }

    fn comparison(mut self) -> Meaning {
        self.comparison = true;
        self
    }

    fn date(value: impl Into<String>) -> Meaning {
        Meaning::new(TimexType::Date, value)
    }

    fn with_modifier(mut self, modifier: &'static str) -> Meaning {
        self.modifier = Some(modifier);
        self
    }

    /// A full calendar day (`2018-03-26`), which a time of day can refine.
    fn is_day(&self) -> bool {
        self.kind == TimexType::Date && self.value.len() == 10 && self.value.as_bytes()[4] == b'-'
    }
}

/// A reading: the word index just past it, and its meaning.
type Reading = Option<(usize, Meaning)>;

/// Reads temporal expressions in a run of words.
pub struct Grammar<'a> {
    words: &'a [Word],
    text: &'a str,
    anchor: Option<NaiveDate>,
    direction: &'a dyn Fn(Range<usize>) -> Direction,
    /// The last quarter mentioned (word index, year, quarter): earnings
    /// reports compare "a year earlier" with it.
    reporting_quarter: Cell<Option<(usize, i32, u32)>>,
    /// The year of the last date mentioned (word index, year): "the
    /// following year" and "that year" count from it.
    narrative_year: Cell<Option<(usize, i32)>>,
}

impl<'a> Grammar<'a> {
    /// `direction` tells which way the clause around some words points.
    pub fn new(
        text: &'a str,
        words: &'a [Word],
        anchor: Option<NaiveDate>,
        direction: &'a dyn Fn(Range<usize>) -> Direction,
    ) -> Grammar<'a> {
        Grammar {
            words,
            text,
            anchor,
            direction,
            reporting_quarter: Cell::new(None),
            narrative_year: Cell::new(None),
        }
    }

    /// Every expression, left to right, without overlaps.
    pub fn scan(&self) -> Vec<Found> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < self.words.len() {
            // Never start inside a word such as "B-52" or "F16".
            let inside_word = self.words[i].glued
                && i > 0
                && self.words[i - 1].lower.chars().all(char::is_alphanumeric);
            match (!inside_word).then(|| self.longest(i)).flatten() {
                Some((end, meaning)) => {
                    if !meaning.comparison {
                        self.remember_reference(i, &meaning);
                    }
                    found.push(Found {
                        words: i..end,
                        kind: meaning.kind,
                        value: meaning.value,
                        modifier: meaning.modifier,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        found
    }

    /// The longest reading at `i`; on a tie, the earlier rule.
    fn longest(&self, i: usize) -> Reading {
        let readings = [
            self.modified(i),
            self.clock(i),
            self.weekday_expression(i),
            self.month_expression(i),
            self.year_expression(i),
            self.quarter_expression(i),
            self.season_expression(i),
            self.relative(i),
            self.counted(i),
            self.unit_adjective(i),
            self.bare_plural(i),
            self.recurring(i),
            self.year_earlier(i),
            self.deictic(i),
        ];
        readings
            .into_iter()
            .flatten()
            .fold(None, |best: Reading, (end, meaning)| match best {
                Some((best_end, _)) if best_end >= end => best,
                _ => Some((end, meaning)),
            })
    }

    fn w(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.lower.as_str())
    }

    fn glued(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.glued)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.words
            .get(i)
            .and_then(|w| self.text[w.span.clone()].chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Whether word `i` starts a hyphenated compound (`year-ago`), which is
    /// read as a whole by another rule.
    fn is_compound(&self, i: usize) -> bool {
        self.w(i + 1) == "-" && self.glued(i + 1) && self.glued(i + 2)
    }

    /// Skips an optional word.
    fn optional(&self, i: usize, word: &str) -> usize {
        if self.w(i) == word {
            i + 1
        } else {
            i
        }
    }

    /// Skips the period of an abbreviation (`Sept.`, `p.m.`).
    fn abbreviation_period(&self, i: usize) -> usize {
        if self.w(i) == "." && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    /// Whether words `i..` spell `phrase` (space-separated).
    fn phrase(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut j = i;
        for part in phrase.split(' ') {
            if self.w(j) != part {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The quarter a year before the reporting quarter in force at word `i`,
    /// if a quarter was mentioned shortly before.
    fn year_before_reporting_quarter(&self, i: usize) -> Option<String> {
        let (at, year, quarter) = self.reporting_quarter.get()?;
        (i.saturating_sub(at) <= CONTEXT_WORDS).then(|| format!("{:04}-Q{quarter}", year - 1))
    }

    /// The period `n` units from the anchor, named at a sensible precision
    /// (`two weeks ago` is a day, `a decade ago` a year).
    fn offset_from_anchor(&self, unit: Unit, n: i64) -> String {
        self.anchored(calendar::unknown_period(unit), |a| {
            let date = calendar::shift(a, unit, n)?;
            let granularity = match unit {
                Unit::Week => Unit::Day,
                Unit::Decade | Unit::Century => Unit::Year,
                _ => unit,
            };
            Some(calendar::period(date, granularity))
        })
    }

    /// Makes a found date the reference for later relative mentions.
    fn remember_reference(&self, i: usize, meaning: &Meaning) {
        if let Some((year, quarter)) = quarter_of_value(&meaning.value) {
            self.reporting_quarter.set(Some((i, year, quarter)));
        }
        let year = meaning.value.get(..4).and_then(|y| y.parse().ok());
        if let (TimexType::Date | TimexType::Time, Some(year)) = (meaning.kind, year) {
            self.narrative_year.set(Some((i, year)));
        }
    }

    /// The quarter under discussion at word `i`: the last one mentioned, or
    /// the last one completed before the anchor.
    fn current_reporting_quarter(&self, i: usize) -> String {
        match self.reporting_quarter.get() {
            Some((at, year, quarter)) if i - at <= CONTEXT_WORDS => format!("{year:04}-Q{quarter}"),
            _ => self.anchored("XXXX-QX", |a| {
                calendar::shift(a, Unit::Quarter, -1).map(|d| calendar::period(d, Unit::Quarter))
            }),
        }
    }

    fn direction(&self, words: Range<usize>) -> Direction {
        (self.direction)(words)
    }

    /// A value computed from the anchor, or the unknown form without one.
    fn anchored(&self, unknown: &str, resolve: impl FnOnce(NaiveDate) -> Option<String>) -> String {
        self.anchor
            .and_then(resolve)
            .unwrap_or_else(|| unknown.to_string())
    }
}

/// Nouns counted by a number, which is then no year or day (`1990 people`).
fn is_count_noun(word: &str) -> bool {
    const COUNT_NOUNS: &[&str] = &[
        "people",
        "troops",
        "soldiers",
        "shares",
        "tons",
        "tonnes",
        "barrels",
        "dollars",
        "miles",
        "kilometers",
        "kilometres",
        "feet",
        "meters",
        "members",
        "workers",
        "jobs",
        "cases",
        "votes",
        "points",
        "units",
        "employees",
        "civilians",
        "refugees",
        "prisoners",
        "police",
        "residents",
        "homes",
        "cars",
        "vehicles",
    ];
    COUNT_NOUNS.contains(&word)
}

/// Nouns after which `current` is not a time (`current account`).
fn is_current_noun(word: &str) -> bool {
    matches!(
        word,
        "account" | "accounts" | "affairs" | "events" | "flows" | "flow"
    )
}

/// `(year, quarter)` of a `YYYY-Qn` value.
fn quarter_of_value(value: &str) -> Option<(i32, u32)> {
    let (year, quarter) = value.split_once("-Q")?;
    Some((year.parse().ok()?, quarter.parse().ok()?))
}

/// The date `value` (`YYYY-MM-DD`) moved to the nearby year on which it
/// falls on `weekday`, when it does not already.
fn agreeing_year(value: &str, weekday: u32) -> String {
    let Ok(date) = NaiveDate::parse_from_str(value, "%Y-%m-%d") else {
        return value.to_string();
    };
    [0, 1, -1]
        .into_iter()
        .filter_map(|shift| date.with_year(date.year() + shift))
        .find(|d| d.weekday().number_from_monday() == weekday)
        .map_or_else(|| value.to_string(), calendar::day)
}

/// Prepositions, articles and conjunctions, which may start a sentence
/// capitalized without making the next word part of a name.
fn is_function_word(word: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "in", "on", "at", "since", "by", "until", "till", "of", "from", "during", "before",
        "after", "through", "to", "for", "the", "and", "but", "or", "as", "between", "within",
        "over", "about", "around", "early", "late", "also", "then", "so", "yet", "fiscal",
        "earlier", "later", "only", "even", "last", "this", "that", "next", "all", "both", "ever",
        "just",
    ];
    FUNCTION_WORDS.contains(&word)
}

/// Time-zone abbreviations written after clock times.
fn is_time_zone(word: &str) -> bool {
    const TIME_ZONES: &[&str] = &[
        "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
        "msk", "ist", "jst",
    ];
    TIME_ZONES.contains(&word)
}
