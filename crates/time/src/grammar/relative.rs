//! Expressions read against the anchor or around another expression:
//! `today`, `now`, `last week`, `next Tuesday`, clock times, and the
//! modifiers in front of a point (`early`, `the end of`, `nearly`).

use super::{
    agreeing_year, is_current_noun, is_function_word, is_time_zone, Grammar, Meaning, Reading,
    CONTEXT_WORDS,
};
use crate::calendar::{self, Direction};
use crate::lexicon::{self, Unit};
use chancery_core::TimexType;
use chrono::{Datelike, Duration};

impl Grammar<'_> {
    /// Words that point from the moment of writing: today, now, recently…
    pub(super) fn deictic(&self, i: usize) -> Reading {
        let day_offset = |n: i64| {
            self.anchored("XXXX-XX-XX", |a| {
                a.checked_add_signed(Duration::days(n)).map(calendar::day)
            })
        };
        let word = self.w(i);
        let one = |meaning: Meaning| Some((i + 1, meaning));
        // "This is VOA Today": a capitalized day word after a name is a title.
        let in_title = self.capitalized(i)
            && self.capitalized(i.wrapping_sub(1))
            && self.w(i.wrapping_sub(1)).chars().all(char::is_alphabetic)
            && !is_function_word(self.w(i.wrapping_sub(1)));
        if in_title {
            return None;
        }
        match word {
            "today" => self.part_of_day_after(i + 1, Meaning::date(day_offset(0))),
            "yesterday" => self.part_of_day_after(i + 1, Meaning::date(day_offset(-1))),
            "tomorrow" => self.part_of_day_after(i + 1, Meaning::date(day_offset(1))),
            "tonight" => one(Meaning::new(
                TimexType::Time,
                format!("{}TNI", day_offset(0)),
            )),
            "now" | "currently" | "nowadays" => one(Meaning::date("PRESENT_REF")),
            "right" if self.w(i + 1) == "now" => Some((i + 2, Meaning::date("PRESENT_REF"))),
            "current" if !is_current_noun(self.w(i + 1)) => one(Meaning::date("PRESENT_REF")),
            "recently" | "lately" | "recent" => one(Meaning::date("PAST_REF")),
            "more" if self.w(i + 1) == "recently" => Some((i + 2, Meaning::date("PAST_REF"))),
            "soon" if self.w(i.wrapping_sub(1)) != "as" => one(Meaning::date("FUTURE_REF")),
            "these" if self.w(i + 1) == "days" => Some((i + 2, Meaning::date("PRESENT_REF"))),
            "the" => {
                let refs = [
                    ("the past", "PAST_REF"),
                    ("the present", "PRESENT_REF"),
                    ("the future", "FUTURE_REF"),
                    ("the near future", "FUTURE_REF"),
                    ("the distant future", "FUTURE_REF"),
                    ("the near term", "FUTURE_REF"),
                    ("the short term", "FUTURE_REF"),
                    ("the long term", "FUTURE_REF"),
                ];
                refs.iter().find_map(|(phrase, value)| {
                    Some((self.phrase(i, phrase)?, Meaning::date(*value)))
                })
            }
            "a" if self.w(i + 1) == "later" && self.w(i + 2) == "date" => {
                Some((i + 3, Meaning::date("FUTURE_REF")))
            }
            _ => None,
        }
    }

    /// `morning`, `night`… after a day: the day becomes a time.
    pub(super) fn part_of_day_after(&self, i: usize, day: Meaning) -> Reading {
        match lexicon::part_of_day(self.w(i)) {
            Some(part) if day.is_day() && self.w(i) != "overnight" => Some((
                i + 1,
                Meaning::new(TimexType::Time, format!("{}T{part}", day.value)),
            )),
            _ => Some((i, day)),
        }
    }

    /// Modifiers in front of another expression: `nearly two years`,
    /// `early next year`, `the end of 1990`, `mid-November`.
    pub(super) fn modified(&self, i: usize) -> Reading {
        const APPROXIMATE: &[(&str, &str)] = &[
            ("about", "APPROX"),
            ("around", "APPROX"),
            ("approximately", "APPROX"),
            ("roughly", "APPROX"),
            ("some", "APPROX"),
            ("nearly", "LESS_THAN"),
            ("almost", "LESS_THAN"),
            ("less than", "LESS_THAN"),
            ("under", "LESS_THAN"),
            ("more than", "MORE_THAN"),
            ("at least", "EQUAL_OR_MORE"),
            ("up to", "EQUAL_OR_LESS"),
            ("no more than", "EQUAL_OR_LESS"),
            ("at most", "EQUAL_OR_LESS"),
        ];
        for (phrase, modifier) in APPROXIMATE {
            if let Some(j) = self.phrase(i, phrase) {
                if let Some((end, meaning)) = self.amount_expression(j) {
                    return Some((end, meaning.with_modifier(modifier)));
                }
                // "around Nov. 1", "around year end".
                let approximate_point = matches!(*phrase, "around" | "approximately" | "roughly");
                if let Some((end, meaning)) = self.point(j).filter(|_| approximate_point) {
                    return Some((end, meaning.with_modifier(modifier)));
                }
            }
        }
        let j = self.optional(i, "the");
        let (j, modifier) = match self.w(j) {
            "early" => (j + 1, Some("START")),
            "late" => (j + 1, Some("END")),
            "mid" => (self.optional(j + 1, "-"), Some("MID")),
            "earlier" | "later" if j == i => (j + 1, None),
            "end" | "close" if j > i && self.w(j + 1) == "of" => (j + 2, Some("END")),
            "beginning" | "start" | "dawn" if j > i && self.w(j + 1) == "of" => {
                (j + 2, Some("START"))
            }
            "middle" if j > i && self.w(j + 1) == "of" => (j + 2, Some("MID")),
            _ => return None,
        };
        if self.w(j) == "the" && j > i && self.w(i) == "the" && self.w(j - 1) != "of" {
            return None;
        }
        let (end, meaning) = self.point(j)?;
        let meaning = match modifier {
            Some(modifier) => meaning.with_modifier(modifier),
            None => meaning,
        };
        Some((end, meaning))
    }

    /// A reading of a point in time (a date or a time) at `i`.
    pub(super) fn point(&self, i: usize) -> Reading {
        [
            self.clock(i),
            self.weekday_expression(i),
            self.month_expression(i),
            self.year_expression(i),
            self.quarter_expression(i),
            self.season_expression(i),
            self.relative(i),
            self.deictic(i),
            self.part_of_day_alone(i),
            self.year_earlier(i),
        ]
        .into_iter()
        .flatten()
        .filter(|(_, m)| matches!(m.kind, TimexType::Date | TimexType::Time))
        .max_by_key(|(end, _)| *end)
    }

    /// An amount of time or a counted offset (`two years`, `a week ago`).
    pub(super) fn amount_expression(&self, i: usize) -> Reading {
        [self.counted(i), self.clock(i)]
            .into_iter()
            .flatten()
            .max_by_key(|(end, _)| *end)
    }

    /// `afternoon` after `mid-`: a part of the anchor day.
    pub(super) fn part_of_day_alone(&self, i: usize) -> Reading {
        let part = lexicon::part_of_day(self.w(i))?;
        let day = self.anchored("XXXX-XX-XX", |a| Some(calendar::day(a)));
        let (end, day) = match self.w(i + 1) {
            "yesterday" | "today" | "tomorrow" => {
                let (end, m) = self.deictic(i + 1)?;
                (end, m.value)
            }
            _ => (i + 1, day),
        };
        Some((end, Meaning::new(TimexType::Time, format!("{day}T{part}"))))
    }

    /// Clock times: `10 p.m.`, `7:15 a.m. EST`, `noon`, with an optional day after.
    pub(super) fn clock(&self, i: usize) -> Reading {
        let word = self.w(i);
        let (mut j, hour, minute) = match word {
            "noon" | "midday" => (i + 1, 12, 0),
            "midnight" => (i + 1, 24, 0),
            // "1500 GMT", "15:00 GMT": a 24-hour clock needs its time zone.
            _ if is_time_zone(self.w(i + 1)) && (word.len() == 4 || word.contains(':')) => {
                let digits = word.replace(':', "");
                let (hour, minute) = (digits.get(..digits.len() - 2)?, &digits[digits.len() - 2..]);
                let (hour, minute) = (hour.parse::<u32>().ok()?, minute.parse::<u32>().ok()?);
                if hour > 24 || minute > 59 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                (i + 1, hour, minute)
            }
            _ if word.starts_with(|c: char| c.is_ascii_digit()) => {
                let (hour, minute) = match word.split_once(':') {
                    Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
                    None => (word.parse::<u32>().ok()?, 0),
                };
                if hour > 12 && !word.contains(':') || hour > 24 || minute > 59 {
                    return None;
                }
                let (j, meridian) = self.meridian(i + 1)?;
                let hour = match (meridian, hour) {
                    ("pm", h) if h < 12 => h + 12,
                    ("am", 12) => 0,
                    (_, h) => h,
                };
                (j, hour, minute)
            }
            _ => return None,
        };
        if is_time_zone(self.w(j)) {
            j += 1;
        }
        // "6 o'clock this afternoon".
        let later_part = matches!(self.w(j), "this" | "tomorrow" | "yesterday")
            && matches!(self.w(j + 1), "afternoon" | "evening" | "night")
            || self.w(j) == "tonight";
        let hour = if later_part && hour < 12 {
            hour + 12
        } else {
            hour
        };
        let after_comma = self.optional(j, ",");
        let day = [
            self.weekday_expression(after_comma),
            self.month_expression(after_comma),
            self.deictic(after_comma),
        ]
        .into_iter()
        .flatten()
        .filter(|(_, m)| m.is_day())
        .max_by_key(|(end, _)| *end);
        let (end, day) = match day {
            Some((end, m)) => (end, m.value),
            None => (j, self.anchored("XXXX-XX-XX", |a| Some(calendar::day(a)))),
        };
        Some((
            end,
            Meaning::new(TimexType::Time, format!("{day}T{hour:02}:{minute:02}")),
        ))
    }

    /// `a.m.`, `pm`, `o'clock` after a clock number.
    pub(super) fn meridian(&self, i: usize) -> Option<(usize, &'static str)> {
        match self.w(i) {
            "am" | "a.m" => Some((self.abbreviation_period(i + 1), "am")),
            "pm" | "p.m" => Some((self.abbreviation_period(i + 1), "pm")),
            "a" | "p" if self.w(i + 1) == "." && self.w(i + 2) == "m" && self.glued(i + 2) => {
                let end = self.abbreviation_period(i + 3);
                Some((end, if self.w(i) == "a" { "am" } else { "pm" }))
            }
            "o" if self.w(i + 1) == "'clock" => Some((i + 2, "")),
            _ => None,
        }
    }

    /// Expressions relative to the anchor: `last week`, `this year`,
    /// `next Tuesday`, `last April`, `this summer`, `the past year`,
    /// `the quarter`, `the weekend`.
    pub(super) fn relative(&self, i: usize) -> Reading {
        let j = self.optional(i, "the");
        let (mut k, offset) = match self.w(j) {
            "that" if self.w(j + 1) == "year" => {
                let (_, year) = self.narrative_year.get()?;
                return Some((j + 2, Meaning::date(format!("{year:04}"))));
            }
            "following" | "previous" if self.w(j + 1) == "year" && j > i => {
                if let Some((_, year)) = self
                    .narrative_year
                    .get()
                    .filter(|(at, _)| i - at <= CONTEXT_WORDS)
                {
                    let shift = if self.w(j) == "following" { 1 } else { -1 };
                    return Some((j + 2, Meaning::date(format!("{:04}", year + shift))));
                }
                (j + 1, if self.w(j) == "following" { 1 } else { -1 })
            }
            "this" | "current" | "present" | "full" | "entire" | "whole" => (j + 1, 0),
            // "Following Monday's debate" is a preposition, not a date.
            "previous" | "preceding" | "following" if j == i => return None,
            "last" | "past" | "previous" | "preceding" | "latest" | "recent" => (j + 1, -1),
            "next" | "coming" | "following" | "upcoming" => (j + 1, 1),
            _ if j > i => (j, 0),
            _ => return None,
        };
        let determiner = self.w(j);
        // "ABC's This Week": a title, not a time.
        if self.capitalized(j) && self.capitalized(j + 1) && lexicon::unit(self.w(j + 1)).is_some()
        {
            return None;
        }
        // "this past spring", "this coming Sunday".
        let (offset, lean) = match (determiner, self.w(k)) {
            ("this", "past") => {
                k += 1;
                (0, Direction::Past)
            }
            ("this", "coming") => {
                k += 1;
                (0, Direction::Future)
            }
            _ => (offset, Direction::Unknown),
        };
        k = self.optional(k, "fiscal");
        let word = self.w(k);
        let bare_the = j == k;
        if let Some(part) =
            lexicon::part_of_day(word).filter(|_| !bare_the && offset <= 0 && word != "overnight")
        {
            let night_before = offset < 0 && part == "NI";
            if offset < 0 && !night_before {
                return None;
            }
            let day = self.anchored("XXXX-XX-XX", |a| {
                Some(calendar::day(a - Duration::days(i64::from(night_before))))
            });
            return Some((
                k + 1,
                Meaning::new(TimexType::Time, format!("{day}T{part}")),
            ));
        }
        if let Some(weekday) = lexicon::weekday(word).filter(|_| !bare_the) {
            // "this coming Sunday, March 8": the date says which.
            let after_comma = self.optional(k + 1, ",");
            if let Some((end, date)) = self
                .month_expression(after_comma)
                .filter(|(_, m)| m.is_day())
            {
                return Some((end, Meaning::date(agreeing_year(&date.value, weekday))));
            }
            let direction = match (offset, lean) {
                (0, Direction::Unknown) => Direction::Unknown,
                (0, lean) => lean,
                (o, _) if o < 0 => Direction::Past,
                _ => Direction::Future,
            };
            let value = self.anchored("XXXX-XX-XX", |a| {
                let reference = match (offset, lean) {
                    (0, Direction::Unknown) => {
                        let monday = a - Duration::days(a.weekday().num_days_from_monday() as i64);
                        return Some(calendar::day(monday + Duration::days(weekday as i64 - 1)));
                    }
                    (o, _) if o < 0 => a - Duration::days(1),
                    (o, _) if o > 0 => a + Duration::days(1),
                    _ => a,
                };
                Some(calendar::day(calendar::weekday_near(
                    reference, weekday, direction,
                )))
            });
            return self.part_of_day_after(k + 1, Meaning::date(value));
        }
        if let Some(month) = lexicon::month(word).filter(|_| !bare_the && self.capitalized(k)) {
            let end = if lexicon::is_abbreviated_month(word) {
                self.abbreviation_period(k + 1)
            } else {
                k + 1
            };
            let year = self.anchor.map(|a| match offset {
                // "last February" said in March is a year back: a month ago
                // would be "last month".
                o if o < 0 && month + 1 >= a.month() => a.year() - 1,
                o if o > 0 && month <= a.month() => a.year() + 1,
                _ => a.year(),
            });
            return Some((end, Meaning::date(calendar::month(year, month))));
        }
        if let Some(season) = lexicon::season(word).filter(|_| !bare_the) {
            let year = self.anchor.map(|a| a.year() + offset);
            return Some((
                k + 1,
                Meaning::date(format!("{}-{season}", calendar::year_text(year))),
            ));
        }
        if word == "weekend" {
            let direction = match offset {
                0 => self.direction(i..k + 1),
                o if o < 0 => Direction::Past,
                _ => Direction::Future,
            };
            let value = self.anchored("XXXX-WXX-WE", |a| {
                let saturday = match direction {
                    Direction::Future => {
                        calendar::weekday_near(a - Duration::days(1), 6, Direction::Future)
                    }
                    _ => calendar::weekday_near(a, 6, Direction::Past),
                };
                Some(format!("{}-WE", calendar::week(saturday)))
            });
            return Some((k + 1, Meaning::date(value)));
        }
        // "the latest period" of an earnings report: the last quarter.
        let reported_quarter = matches!(word, "period" | "quarter") && determiner == "latest"
            || word == "quarter" && bare_the;
        if reported_quarter {
            return Some((k + 1, Meaning::date(self.current_reporting_quarter(i))));
        }
        let (unit, plural) = lexicon::unit(word)?;
        if self.is_compound(k) {
            return None;
        }
        if plural {
            // "recent weeks": a vague span; "past years", "the coming months": a vague time.
            let meaning = match offset {
                _ if determiner == "recent" => {
                    Meaning::new(TimexType::Duration, calendar::duration(None, unit))
                }
                o if o < 0 => Meaning::date("PAST_REF"),
                o if o > 0 => Meaning::date("FUTURE_REF"),
                _ => return None,
            };
            return (!bare_the).then_some((k + 1, meaning));
        }
        if determiner == "recent" {
            return None;
        }
        if unit.is_time() || unit == Unit::Day {
            return None;
        }
        // "the quarter", "the latest quarter": the last one reported.
        let offset = if unit == Unit::Quarter && (bare_the || determiner == "latest") {
            -1
        } else if determiner == "latest"
            || bare_the && !matches!(unit, Unit::Year | Unit::Month | Unit::Week)
        {
            return None;
        } else {
            offset
        };
        // "the year ended June 30", "the fiscal year ending": a span.
        if unit == Unit::Year && offset == 0 && matches!(self.w(k + 1), "ended" | "ending") {
            return Some((k + 1, Meaning::new(TimexType::Duration, "P1Y")));
        }
        let value = self.anchored(calendar::unknown_period(unit), |a| {
            calendar::shift(a, unit, i64::from(offset)).map(|d| calendar::period(d, unit))
        });
        Some((k + 1, Meaning::date(value)))
    }
}
