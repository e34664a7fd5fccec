//! Calendar arithmetic on the anchor date and the TIMEX3 spelling of values.
//!
//! Every relative expression is resolved against an anchor (the document
//! date). Without an anchor the unknown parts are written with `X`, as
//! TIMEX3 does (`XXXX-03`).

use crate::lexicon::Unit;
use chrono::{Datelike, Duration, Months, NaiveDate};

/// Which way an unanchored mention points: "Friday" in "met Friday" is the
/// last Friday, in "will meet Friday" the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Past,
    Future,
    Unknown,
}

pub fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub fn month(year: Option<i32>, month: u32) -> String {
    format!("{}-{month:02}", year_text(year))
}

pub fn month_day(year: Option<i32>, month: u32, day: u32) -> String {
    format!("{}-{month:02}-{day:02}", year_text(year))
}

pub fn year_text(year: Option<i32>) -> String {
    year.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"))
}

pub fn week(date: NaiveDate) -> String {
    let iso = date.iso_week();
    format!("{:04}-W{:02}", iso.year(), iso.week())
}

pub fn quarter_of(date: NaiveDate) -> u32 {
    (date.month() - 1) / 3 + 1
}

/// `(year, quarter)` moved by `n` quarters.
pub fn shift_quarter(year: i32, quarter: u32, n: i32) -> (i32, u32) {
    let index = year * 4 + quarter as i32 - 1 + n;
    (index.div_euclid(4), index.rem_euclid(4) as u32 + 1)
}

/// The anchor moved by `n` units (negative: back), or None past the calendar.
pub fn shift(date: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    let months = |m: i64| {
        let months = Months::new(m.unsigned_abs().try_into().ok()?);
        if m >= 0 {
            date.checked_add_months(months)
        } else {
            date.checked_sub_months(months)
        }
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(date),
        Unit::Day => date.checked_add_signed(Duration::days(n)),
        Unit::Week => date.checked_add_signed(Duration::weeks(n)),
        Unit::Month => months(n),
        Unit::Quarter => months(3 * n),
        Unit::Year => months(12 * n),
        Unit::Decade => months(120 * n),
        Unit::Century => months(1200 * n),
    }
}

/// The value naming the `unit`-sized period that holds `date`
/// (`2018-03` for a month, `2018-W13` for a week, `201` for a decade).
pub fn period(date: NaiveDate, unit: Unit) -> String {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => day(date),
        Unit::Week => week(date),
        Unit::Month => month(Some(date.year()), date.month()),
        Unit::Quarter => format!("{:04}-Q{}", date.year(), quarter_of(date)),
        Unit::Year => format!("{:04}", date.year()),
        Unit::Decade => format!("{:03}", date.year() / 10),
        Unit::Century => format!("{:02}", date.year() / 100),
    }
}

/// The same period with the unknown parts written as X.
pub fn unknown_period(unit: Unit) -> &'static str {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
    }
}

/// The `weekday` (ISO, Monday = 1) nearest the anchor in `direction`, the
/// anchor's own day included: on or before it for the past and when unknown
/// (news reports what happened), on or after it for the future.
pub fn weekday_near(anchor: NaiveDate, weekday: u32, direction: Direction) -> NaiveDate {
    let today = anchor.weekday().number_from_monday() as i64;
    let target = weekday as i64;
    let days = match direction {
        Direction::Future => (target - today).rem_euclid(7),
        Direction::Past | Direction::Unknown => -(today - target).rem_euclid(7),
    };
    anchor + Duration::days(days)
}

/// The year of a month (and day) given without one. A future mention takes
/// the next occurrence; otherwise the occurrence that falls from ten months
/// before the anchor to two months after it, the nearer if two do (news
/// reports what happened, and what is due soon). Past cues change nothing: a past verb may report
/// a date still to come ("declared a dividend payable Dec. 15").
pub fn year_for(anchor: NaiveDate, month: u32, day: Option<u32>, direction: Direction) -> i32 {
    let year = anchor.year();
    // Months since year 0, with the day as a fraction.
    let position = |y: i32, m: u32, d: u32| f64::from(y * 12 + m as i32) + f64::from(d) / 32.0;
    let now = position(year, anchor.month(), anchor.day());
    let at = |y: i32| {
        position(
            y,
            month,
            day.unwrap_or(if direction == Direction::Future {
                31
            } else {
                16
            }),
        )
    };
    match direction {
        Direction::Future => (year..=year + 1)
            .find(|&y| at(y) >= now)
            .unwrap_or(year + 1),
        _ => (year - 1..=year + 1)
            .filter(|&y| at(y) > now - 10.0 && at(y) <= now + 2.0)
            .min_by(|&a, &b| (at(a) - now).abs().total_cmp(&(at(b) - now).abs()))
            .unwrap_or(year),
    }
}

/// `P4M`, `PT24H`, `P2.5Y`, `PXY`: a duration of `amount` units (None: vague).
pub fn duration(amount: Option<f64>, unit: Unit) -> String {
    let designator = if unit.is_time() { "PT" } else { "P" };
    let Some(amount) = amount else {
        return format!("{designator}X{}", unit.letter());
    };
    // Decades and centuries have no ISO 8601 letter: count them in years.
    match unit {
        Unit::Decade => return duration(Some(amount * 10.0), Unit::Year),
        Unit::Century => return duration(Some(amount * 100.0), Unit::Year),
        _ => {}
    }
    if amount.fract() == 0.0 {
        return format!("{designator}{amount}{}", unit.letter());
    }
    if let Some((smaller, factor)) = unit.smaller() {
        let whole = amount.trunc();
        let rest = amount.fract() * factor;
        if rest.fract() == 0.0 {
            if whole == 0.0 {
                return duration(Some(rest), smaller);
            }
            if unit.is_time() == smaller.is_time() {
                return format!(
                    "{designator}{whole}{}{rest}{}",
                    unit.letter(),
                    smaller.letter()
                );
            }
            return duration(Some(amount * factor), smaller);
        }
    }
    format!("{designator}{amount}{}", unit.letter())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weekdays_point_back_or_forward() {
        // 2018-03-28 is a Wednesday.
        let wednesday = date(2018, 3, 28);
        assert_eq!(
            weekday_near(wednesday, 1, Direction::Past),
            date(2018, 3, 26)
        );
        assert_eq!(weekday_near(wednesday, 3, Direction::Unknown), wednesday);
        assert_eq!(
            weekday_near(wednesday, 1, Direction::Future),
            date(2018, 4, 2)
        );
        assert_eq!(weekday_near(wednesday, 3, Direction::Future), wednesday);
        assert_eq!(
            weekday_near(wednesday, 2, Direction::Future),
            date(2018, 4, 3)
        );
    }

    #[test]
    fn years_for_bare_months() {
        let april = date(1998, 4, 18);
        assert_eq!(year_for(april, 12, None, Direction::Unknown), 1997);
        assert_eq!(year_for(april, 5, None, Direction::Unknown), 1998);
        assert_eq!(year_for(april, 5, Some(2), Direction::Past), 1998);
        assert_eq!(year_for(april, 1, None, Direction::Future), 1999);
        let november = date(1989, 11, 2);
        assert_eq!(year_for(november, 1, Some(2), Direction::Unknown), 1990);
        assert_eq!(year_for(november, 2, None, Direction::Unknown), 1989);
    }

    #[test]
    fn durations_are_spelled_the_timex3_way() {
        assert_eq!(duration(Some(4.0), Unit::Month), "P4M");
        assert_eq!(duration(Some(24.0), Unit::Hour), "PT24H");
        assert_eq!(duration(None, Unit::Year), "PXY");
        assert_eq!(duration(Some(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration(Some(1.5), Unit::Minute), "PT1M30S");
        assert_eq!(duration(Some(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration(Some(2.0), Unit::Decade), "P20Y");
    }

    #[test]
    fn periods_and_shifts() {
        let d = date(1989, 10, 26);
        assert_eq!(period(d, Unit::Quarter), "1989-Q4");
        assert_eq!(period(d, Unit::Decade), "198");
        assert_eq!(period(d, Unit::Week), "1989-W43");
        assert_eq!(shift(d, Unit::Year, -1), Some(date(1988, 10, 26)));
        assert_eq!(shift_quarter(1989, 1, -1), (1988, 4));
    }
}
