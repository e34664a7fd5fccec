//! Calendar dates: weekdays, months and days (`Sept. 30`, `26 March 2018`),
//! years, decades, centuries, quarters, halves and seasons.

use super::{agreeing_year, is_count_noun, quarter_of_value, Grammar, Meaning, Reading};
use crate::calendar::{self, Direction};
use crate::lexicon::{self, Unit};
use chrono::{Datelike, NaiveDate};

impl Grammar<'_> {
    /// `Friday`, `Friday night`, `Saturday, April 25`.
    pub(super) fn weekday_expression(&self, i: usize) -> Reading {
        let weekday = lexicon::weekday(self.w(i))?;
        if !self.capitalized(i) {
            return None;
        }
        let after_comma = self.optional(i + 1, ",");
        if let Some((end, meaning)) = self
            .month_expression(after_comma)
            .filter(|(_, m)| m.is_day())
        {
            return Some((end, Meaning::date(agreeing_year(&meaning.value, weekday))));
        }
        let direction = self.direction(i..i + 1);
        let value = self.anchored("XXXX-WXX-", |a| {
            Some(calendar::day(calendar::weekday_near(a, weekday, direction)))
        });
        let value = if self.anchor.is_none() {
            format!("{value}{weekday}")
        } else {
            value
        };
        self.part_of_day_after(i + 1, Meaning::date(value))
    }

    /// A day in a month, a month, with or without the year:
    /// `March 26, 2018`, `26 March 2018`, `Sept. 30`, `March`, `March 1996`,
    /// `January this year`, `2018-03-26`.
    pub(super) fn month_expression(&self, i: usize) -> Reading {
        if let Some(iso) = self.iso_date(i) {
            return Some(iso);
        }
        if let Some((end, month, day)) = self.holiday(i) {
            return self.finish_date(i, end, month, Some(day));
        }
        // Day first: "26 March", "the 3rd of March".
        let j = self.optional(i, "the");
        if let Some((after_day, day)) = self.day_number(j) {
            let m = self.optional(after_day, "of");
            if let Some((end, month)) = self.month_name(m) {
                return self.finish_date(i, end, month, Some(day));
            }
            // "on the 26th": a day of the anchor's month, of the month before
            // when that day is still to come, of the month after for the future.
            // Written in digits: "the first" alone is rarely a date.
            let ordinal = self.w(j).starts_with(|c: char| c.is_ascii_digit())
                && self.w(j).ends_with(|c: char| c.is_ascii_alphabetic());
            let followed_by_name =
                self.w(after_day).chars().all(char::is_alphabetic) && !self.w(after_day).is_empty();
            if j > i && ordinal && !followed_by_name {
                let direction = self.direction(i..after_day);
                let value = self.anchored("XXXX-XX-XX", |a| {
                    let first = a.with_day(1)?;
                    let shift = match direction {
                        Direction::Future if day < a.day() => 1,
                        Direction::Future => 0,
                        _ if day > a.day() => -1,
                        _ => 0,
                    };
                    let in_month = |n: i64| calendar::shift(first, Unit::Month, n)?.with_day(day);
                    in_month(shift).or_else(|| in_month(0)).map(calendar::day)
                });
                return Some((after_day, Meaning::date(value)));
            }
        }
        let (after_month, month) = self.month_name(i)?;
        if let Some((end, day)) = self.day_number(after_month) {
            return self.finish_date(i, end, month, Some(day));
        }
        // "May" is also a verb: alone it needs a preposition before it.
        let bare_may_ok = self.w(i) != "may"
            || matches!(
                self.w(i.wrapping_sub(1)),
                "in" | "since"
                    | "by"
                    | "until"
                    | "of"
                    | "last"
                    | "next"
                    | "this"
                    | "early"
                    | "late"
                    | "-"
                    | "through"
                    | "from"
                    | "during"
                    | "before"
                    | "after"
                    | "till"
                    | "to"
            )
            || self.year_after(after_month).is_some();
        bare_may_ok
            .then(|| self.finish_date(i, after_month, month, None))
            .flatten()
    }

    /// Fixed-date holidays: `Christmas`, `New Year's Eve`, `Halloween`.
    fn holiday(&self, i: usize) -> Option<(usize, u32, u32)> {
        if !self.capitalized(i) {
            return None;
        }
        const HOLIDAYS: &[(&str, u32, u32)] = &[
            ("christmas eve", 12, 24),
            ("christmas day", 12, 25),
            ("christmas", 12, 25),
            ("new year 's eve", 12, 31),
            ("new year 's day", 1, 1),
            ("halloween", 10, 31),
            ("valentine 's day", 2, 14),
        ];
        HOLIDAYS
            .iter()
            .find_map(|(name, month, day)| Some((self.phrase(i, name)?, *month, *day)))
    }

    /// A month name, capitalized, with its abbreviation period.
    pub(super) fn month_name(&self, i: usize) -> Option<(usize, u32)> {
        let word = self.w(i);
        let month = lexicon::month(word)?;
        if !self.capitalized(i) {
            return None;
        }
        let end = if lexicon::is_abbreviated_month(word) {
            self.abbreviation_period(i + 1)
        } else {
            i + 1
        };
        Some((end, month))
    }

    /// A day of the month: `30`, `3rd`, `eighth`, `twenty-first`.
    pub(super) fn day_number(&self, i: usize) -> Option<(usize, u32)> {
        let word = self.w(i);
        let (end, day) = if word.bytes().all(|b| b.is_ascii_digit()) && word.len() <= 2 {
            (i + 1, word.parse().ok()?)
        } else if let Some(day) = lexicon::ordinal(word) {
            (i + 1, day)
        } else if lexicon::is_tens(word) && self.w(i + 1) == "-" {
            let ones = lexicon::ordinal(self.w(i + 2)).filter(|d| *d < 10)?;
            (i + 3, lexicon::small_number(word)? + ones)
        } else {
            return None;
        };
        // "7:15" and "30-year" are not days.
        let next = self.w(end);
        let glued_on = self.glued(end) && matches!(next, "-" | "/" | "%");
        ((1..=31).contains(&day) && !glued_on && !is_count_noun(next)).then_some((end, day))
    }

    /// A year after a month or day: `, 2018`, ` 1996`, ` of 1998`, `this year`.
    pub(super) fn year_after(&self, i: usize) -> Option<(usize, Option<i32>)> {
        let j = match self.w(i) {
            "," | "of" => i + 1,
            _ => i,
        };
        if let Some((end, year)) = self.year(j) {
            return Some((end, Some(year)));
        }
        let offset = match self.w(j) {
            "this" => 0,
            "last" => -1,
            "next" => 1,
            _ => return None,
        };
        if self.w(j + 1) != "year" || j != i {
            return None;
        }
        Some((j + 2, self.anchor.map(|a| a.year() + offset)))
    }

    /// Completes a month (and day) with an explicit or inferred year.
    pub(super) fn finish_date(
        &self,
        start: usize,
        end: usize,
        month: u32,
        day: Option<u32>,
    ) -> Reading {
        let (end, year) = match self.year_after(end) {
            Some((end, year)) => (end, year),
            None => {
                let direction = self.direction(start..end);
                (
                    end,
                    self.anchor
                        .map(|a| calendar::year_for(a, month, day, direction)),
                )
            }
        };
        if let (Some(year), Some(day)) = (year, day) {
            NaiveDate::from_ymd_opt(year, month, day)?;
        }
        let value = match day {
            Some(day) => calendar::month_day(year, month, day),
            None => calendar::month(year, month),
        };
        self.part_of_day_after(end, Meaning::date(value))
    }

    /// `2018-03-26` and `3/26/2018`.
    pub(super) fn iso_date(&self, i: usize) -> Reading {
        let all_glued = |k: usize| (i + 1..i + k).all(|j| self.glued(j));
        let number = |j: usize| self.w(j).parse::<u32>().ok();
        if self.w(i).len() == 4 && self.w(i + 1) == "-" && self.w(i + 3) == "-" && all_glued(5) {
            let (y, m, d) = (number(i)?, number(i + 2)?, number(i + 4)?);
            let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
            return Some((i + 5, Meaning::date(calendar::day(date))));
        }
        if self.w(i + 1) == "/" && self.w(i + 3) == "/" && self.w(i + 4).len() == 4 && all_glued(5)
        {
            // Month first as in US news, day first when the first cannot be a month.
            let (first, second, y) = (number(i)?, number(i + 2)?, number(i + 4)?);
            let date = NaiveDate::from_ymd_opt(y as i32, first, second)
                .or_else(|| NaiveDate::from_ymd_opt(y as i32, second, first))?;
            return Some((i + 5, Meaning::date(calendar::day(date))));
        }
        None
    }

    /// Years, decades and centuries: `1988`, `fiscal 1989`, `the 1990s`,
    /// `the nineties`, `nineteen ninety-six`, `the 20th century`.
    pub(super) fn year_expression(&self, i: usize) -> Reading {
        let j = self.optional(i, "the");
        // "the nineties", "the '90s".
        let short_decade = (self.w(j) == "'" && self.w(j + 2) == "s" && self.glued(j + 2))
            .then(|| self.w(j + 1).parse::<u32>().ok())
            .flatten()
            .filter(|n| n % 10 == 0 && *n < 100 && self.w(j + 1).len() == 2)
            .map(|n| (j + 3, n / 10));
        let decade = lexicon::decade_word(self.w(j))
            .map(|d| (j + 1, d))
            .or(short_decade);
        if let Some((end, decade)) = decade {
            // The most recent such decade: "the nineties" said in 2018 are the 1990s.
            let century = self.anchor.map_or(19, |a| {
                a.year() / 100 - i32::from(decade as i32 * 10 > a.year() % 100)
            });
            return (j > i).then(|| (end, Meaning::date(format!("{century:02}{decade}"))));
        }
        if let Some(year) = self
            .w(j)
            .parse::<i32>()
            .ok()
            .filter(|_| self.w(j).len() == 4)
        {
            if self.w(j + 1) == "s" && self.glued(j + 1) && year % 10 == 0 {
                return Some((j + 2, Meaning::date(format!("{:03}", year / 10))));
            }
        }
        if let Some(century) = lexicon::ordinal(self.w(j)) {
            if self.w(j + 1) == "century" && (1..=30).contains(&century) {
                return Some((j + 2, Meaning::date(format!("{:02}", century - 1))));
            }
        }
        let (start, j) = match self.w(i) {
            "fiscal" => (i, self.optional(i + 1, "year")),
            "fy" => (i, i + 1),
            _ if j > i => {
                // "the 1988 period", "the year two thousand".
                if let Some((end, year)) = self.year(i) {
                    return Some((end, Meaning::date(format!("{year:04}"))));
                }
                let (end, year) = self.year(j)?;
                let value = match self.w(end) {
                    "quarter" | "period" => self
                        .year_before_reporting_quarter(i)
                        .and_then(|v| quarter_of_value(&v))
                        .map_or_else(|| format!("{year:04}"), |(_, q)| format!("{year:04}-Q{q}")),
                    "season" | "fiscal" | "year" => format!("{year:04}"),
                    _ => return None,
                };
                return Some((end + 1, Meaning::date(value)));
            }
            _ => (i, i),
        };
        let (end, year) = self.year(j)?;
        if start == j && self.w(end) == "'s" {
            return None;
        }
        Some((end, Meaning::date(format!("{year:04}"))))
    }

    /// Quarters and halves: `the third quarter`, `third-quarter`,
    /// `the fiscal first quarter`, `this year's third quarter`,
    /// `the 1988 second quarter`, `Q3`, `the first half of 1998`,
    /// `the year-earlier quarter`.
    pub(super) fn quarter_expression(&self, i: usize) -> Reading {
        let mut j = self.optional(i, "the");
        let mut year_shift = 0;
        let mut explicit_year = None;
        if matches!(self.w(j), "comparable" | "corresponding" | "same") {
            j += 1;
        }
        if let Some(end) = self
            .phrase(j, "year - earlier")
            .or(self.phrase(j, "year - ago"))
        {
            year_shift = -1;
            j = end;
            if matches!(self.w(j), "quarter" | "period") {
                let value = self.year_before_reporting_quarter(i).unwrap_or_else(|| {
                    self.anchored("XXXX-QX", |a| {
                        let (year, quarter) =
                            calendar::shift_quarter(a.year(), calendar::quarter_of(a), -5);
                        Some(format!("{year:04}-Q{quarter}"))
                    })
                });
                return Some((j + 1, Meaning::date(value).comparison()));
            }
        } else if let Some(shift) = match self.w(j) {
            "this" => Some(0),
            "last" => Some(-1),
            "next" => Some(1),
            _ => None,
        } {
            if self.w(j + 1) == "year" && self.w(j + 2) == "'s" {
                year_shift = shift;
                j += 3;
            }
        } else if let Some(year) = self.digit_year(j) {
            explicit_year = Some(year);
            j = self.optional(j + 1, "'s");
        }
        j = self.optional(j, "fiscal");
        j = self.optional(j, "-");
        let (ordinal_end, ordinal) = match self.w(j) {
            "q" if self.glued(j + 1) => (j + 2, self.w(j + 1).parse::<u32>().ok()?),
            "last" if self.w(j + 1) == "half" => (j + 1, 2),
            w => (j + 1, lexicon::ordinal(w)?),
        };
        let mut k = self.optional(ordinal_end, "-");
        // "the third-quarter results": the article belongs to the noun.
        if k > ordinal_end && self.w(i) == "the" {
            return None;
        }
        k = self.optional(k, "fiscal");
        let (part, count) = if self.w(j) == "q" {
            ("Q", 4)
        } else {
            match self.w(k) {
                "quarter" => ("Q", 4),
                "half" => ("H", 2),
                _ => return None,
            }
        };
        if !(1..=count).contains(&ordinal) {
            return None;
        }
        let mut end = if self.w(j) == "q" { ordinal_end } else { k + 1 };
        if let Some((after, year)) = self.year_after(end).filter(|_| explicit_year.is_none()) {
            if let Some(year) = year {
                explicit_year = Some(year);
            }
            end = after;
        }
        // A quarter still to come this year is last year's, unless the
        // clause looks ahead.
        let later_than_now = |a: NaiveDate| part == "Q" && ordinal > calendar::quarter_of(a);
        let looks_back = year_shift == 0 && self.direction(i..end) != Direction::Future;
        let year = explicit_year.or_else(|| {
            self.anchor
                .map(|a| a.year() + year_shift - i32::from(looks_back && later_than_now(a)))
        });
        let value = format!("{}-{part}{ordinal}", calendar::year_text(year));
        Some((end, Meaning::date(value)))
    }

    /// `the summer`, `summer 1998`, `the winter of 1994`.
    pub(super) fn season_expression(&self, i: usize) -> Reading {
        let j = self.optional(i, "the");
        let season = lexicon::season(self.w(j))?;
        if let Some((end, Some(year))) = self.year_after(j + 1) {
            return Some((end, Meaning::date(format!("{year:04}-{season}"))));
        }
        // A season alone needs "the" ("the summer", "the early summer").
        let determined = j > i
            || matches!(self.w(i.wrapping_sub(1)), "early" | "late" | "mid")
                && self.w(i.wrapping_sub(2)) == "the";
        if !determined {
            return None;
        }
        let year = calendar::year_text(self.anchor.map(|a| a.year()));
        Some((j + 1, Meaning::date(format!("{year}-{season}"))))
    }

    /// `year-earlier` and `year-ago` as adjectives, `year-end`, `year's end`.
    pub(super) fn year_earlier(&self, i: usize) -> Reading {
        if self.w(i) != "year" {
            return None;
        }
        if let Some(end) = self
            .phrase(i + 1, "- earlier")
            .or(self.phrase(i + 1, "- ago"))
        {
            let value = self
                .year_before_reporting_quarter(i)
                .unwrap_or_else(|| self.anchored("XXXX", |a| Some(format!("{:04}", a.year() - 1))));
            return Some((end, Meaning::date(value).comparison()));
        }
        let end = self
            .phrase(i + 1, "- end")
            .or(self.phrase(i + 1, "end"))
            .or(self.phrase(i + 1, "'s end"))?;
        let value = self.anchored("XXXX", |a| Some(format!("{:04}", a.year())));
        Some((end, Meaning::date(value).with_modifier("END")))
    }
}
