//! Spans and repetitions: `two years`, `the past three months`,
//! `five-year`, `a year ago`, `for decades`, `each Thursday`.

use super::{Grammar, Meaning, Reading, CONTEXT_WORDS};
use crate::calendar;
use crate::lexicon::{self, Unit};
use chancery_core::TimexType;

impl Grammar<'_> {
    /// Counted spans of time: `two years`, `the past three months`,
    /// `twenty four hours`, `several weeks`, `a year ago`, `2 1/2 years`.
    pub(super) fn counted(&self, i: usize) -> Reading {
        let mut j = self.optional(i, "the");
        let lead = self.w(j);
        let leading = matches!(
            lead,
            "past"
                | "last"
                | "next"
                | "first"
                | "coming"
                | "previous"
                | "following"
                | "final"
                | "latest"
                | "remaining"
                | "initial"
                | "preceding"
        );
        if leading {
            j += 1;
        }
        let has_determiner = j > i;
        let (after_amount, amount) = self.amount(j)?;
        let mut k = after_amount;
        while matches!(
            self.w(k),
            "more"
                | "additional"
                | "trading"
                | "business"
                | "working"
                | "full"
                | "straight"
                | "consecutive"
                | "long"
        ) {
            k += 1;
        }
        let (unit, plural) = lexicon::unit(self.w(k))?;
        let year_like = self.digit_year(j).is_some() && !plural;
        if self.is_compound(k) {
            return None;
        }
        let age = self.w(k + 1) == "old";
        let not_a_span = match unit {
            Unit::Second => {
                self.w(k + 1).chars().all(char::is_alphabetic)
                    && !matches!(self.w(k + 1), "ago" | "later" | "earlier" | "")
            }
            // "a quarter of the vote" is a fraction.
            Unit::Quarter => self.w(k + 1) == "of" && amount.is_some(),
            _ => false,
        };
        if year_like || age || not_a_span {
            return None;
        }
        // "$5 a year", "twice a week": a rate, not a span.
        if matches!(self.w(j), "a" | "an" | "per")
            && amount == Some(1.0)
            && !has_determiner
            && !plural
        {
            let before = self.w(i.wrapping_sub(1));
            let anchored_offset = matches!(self.w(k + 1), "ago" | "earlier" | "later" | "before");
            let rate = !anchored_offset
                && (before.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(
                        before,
                        "%" | "percent" | "cents" | "dollars" | "twice" | "once" | "times"
                    ));
            if rate {
                return Some((
                    k + 1,
                    Meaning::new(TimexType::Set, calendar::duration(Some(1.0), unit)),
                ));
            }
        }
        let mut end = k + 1;
        let mut amount = amount;
        if let Some(after) = self.phrase(end, "and a half") {
            amount = amount.map(|a| a + 0.5);
            end = after;
        }
        if let Some(after) = self.phrase(end, "or so") {
            end = after;
        }
        let direction = match self.w(end) {
            // "before" heading a phrase ("30 days before closing") is a preposition.
            "before"
                if self.w(end + 1).chars().all(char::is_alphanumeric)
                    && !self.w(end + 1).is_empty() =>
            {
                None
            }
            "ago" | "earlier" | "before" | "back" if !has_determiner => Some(-1),
            "later" | "hence" if !has_determiner => Some(1),
            "from" if self.w(end + 1) == "now" && !has_determiner => Some(1),
            _ => None,
        };
        if let Some(sign) = direction {
            let end = if self.w(end) == "from" {
                end + 2
            } else {
                end + 1
            };
            let compared_with_quarter = (sign < 0 && unit == Unit::Year && amount == Some(1.0))
                .then(|| self.year_before_reporting_quarter(i))
                .flatten();
            let comparison = compared_with_quarter.is_some();
            let value = match (compared_with_quarter, amount) {
                (Some(quarter), _) => quarter,
                (None, None) => (if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }).to_string(),
                // "two years later": after the year the story is in.
                (None, Some(n)) if unit == Unit::Year && self.w(end - 1) != "ago" => match self
                    .narrative_year
                    .get()
                    .filter(|(at, _)| i - at <= CONTEXT_WORDS)
                {
                    Some((_, year)) => format!("{:04}", year + sign as i32 * n.round() as i32),
                    None => self.offset_from_anchor(unit, sign * n.round() as i64),
                },
                (None, Some(n)) => self.offset_from_anchor(unit, sign * n.round() as i64),
            };
            return Some((
                end,
                if comparison {
                    Meaning::date(value).comparison()
                } else {
                    Meaning::date(value)
                },
            ));
        }
        if !has_determiner && amount.is_none() && !plural {
            return None;
        }
        Some((
            end,
            Meaning::new(TimexType::Duration, calendar::duration(amount, unit)),
        ))
    }

    /// A plural unit alone after a preposition: `for years`, `within weeks`.
    pub(super) fn bare_plural(&self, i: usize) -> Reading {
        // "for a while", "for some time", "the weeks ahead", "over the years".
        let vague = ["a while", "some time", "a long time", "a short time"]
            .iter()
            .find_map(|phrase| self.phrase(i, phrase));
        if let Some(end) =
            vague.filter(|_| matches!(self.w(i.wrapping_sub(1)), "for" | "in" | "after"))
        {
            return Some((end, Meaning::new(TimexType::Duration, "PXX")));
        }
        if self.w(i) == "the" {
            let (unit, plural) = lexicon::unit(self.w(i + 1))?;
            let ahead = self.w(i + 2) == "ahead";
            let over = matches!(self.w(i.wrapping_sub(1)), "over" | "through" | "throughout");
            return (plural && (ahead || over)).then(|| {
                let end = i + 2 + usize::from(ahead);
                (
                    end,
                    Meaning::new(TimexType::Duration, calendar::duration(None, unit)),
                )
            });
        }
        let (unit, plural) = lexicon::unit(self.w(i))?;
        let after_preposition = matches!(
            self.w(i.wrapping_sub(1)),
            "for" | "within" | "in" | "over" | "after" | "of"
        );
        if plural && self.w(i + 1) == "ago" {
            return Some((i + 2, Meaning::date("PAST_REF")));
        }
        (plural && after_preposition).then(|| {
            (
                i + 1,
                Meaning::new(TimexType::Duration, calendar::duration(None, unit)),
            )
        })
    }

    /// Hyphenated unit adjectives: `five-year`, `10-hour`, `8-month-old`.
    pub(super) fn unit_adjective(&self, i: usize) -> Reading {
        let (j, amount) = match self.w(i) {
            w if lexicon::is_vague_count(w) => (i + 1, None),
            _ => {
                let (j, n) = self.number(i)?;
                (j, Some(n))
            }
        };
        if self.w(j) != "-" {
            return None;
        }
        let (unit, plural) = lexicon::unit(self.w(j + 1))?;
        if plural {
            return None;
        }
        let end = self
            .phrase(j + 2, "- old")
            .or(self.phrase(j + 2, "- long"))
            .unwrap_or(j + 2);
        Some((
            end,
            Meaning::new(TimexType::Duration, calendar::duration(amount, unit)),
        ))
    }

    /// Recurring times: `each Thursday`, `every month`, `each July`.
    pub(super) fn recurring(&self, i: usize) -> Reading {
        if let Some(reading) = self.recurring_weekday(i) {
            return Some(reading);
        }
        if !matches!(self.w(i), "each" | "every") {
            return None;
        }
        let (j, step) = if self.w(i + 1) == "other" {
            (i + 2, 2.0)
        } else {
            (i + 1, 1.0)
        };
        let word = self.w(j);
        let value = if let Some(weekday) = lexicon::weekday(word) {
            format!("XXXX-WXX-{weekday}")
        } else if let Some(month) = lexicon::month(word).filter(|_| self.capitalized(j)) {
            format!("XXXX-{month:02}")
        } else {
            match lexicon::unit(word)? {
                (unit, false) => calendar::duration(Some(step), unit),
                _ => return None,
            }
        };
        Some((j + 1, Meaning::new(TimexType::Set, value)))
    }

    /// Weekdays in the plural: `on Tuesdays`, `Tuesday nights`.
    pub(super) fn recurring_weekday(&self, i: usize) -> Reading {
        if !self.capitalized(i) {
            return None;
        }
        let plural_part = |j: usize| self.w(j).strip_suffix('s').and_then(lexicon::part_of_day);
        if let Some(weekday) = lexicon::weekday_plural(self.w(i)) {
            return Some((
                i + 1,
                Meaning::new(TimexType::Set, format!("XXXX-WXX-{weekday}")),
            ));
        }
        let weekday = lexicon::weekday(self.w(i))?;
        let part = plural_part(i + 1)?;
        Some((
            i + 2,
            Meaning::new(TimexType::Set, format!("XXXX-WXX-{weekday}T{part}")),
        ))
    }
}
