//! The words of time: month and weekday names, units, seasons, parts of the
//! day, cardinal and ordinal numbers written in words.

use chancery_core::calendar::MONTHS;

/// A calendar unit, as TIMEX3 durations spell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Units below a day take the `T` designator (`PT24H`).
    pub fn is_time(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }

    /// The ISO 8601 / TIMEX3 letter.
    pub fn letter(self) -> &'static str {
        match self {
            Unit::Second => "S",
            Unit::Minute | Unit::Month => "M",
            Unit::Hour => "H",
            Unit::Day => "D",
            Unit::Week => "W",
            Unit::Quarter => "Q",
            Unit::Year => "Y",
            Unit::Decade => "E",
            Unit::Century => "C",
        }
    }

    /// The next smaller unit and how many of it make one of this, used to
    /// write fractions (`2 1/2 years` → `P30M`).
    pub fn smaller(self) -> Option<(Unit, f64)> {
        match self {
            Unit::Minute => Some((Unit::Second, 60.0)),
            Unit::Hour => Some((Unit::Minute, 60.0)),
            Unit::Day => Some((Unit::Hour, 24.0)),
            Unit::Week => Some((Unit::Day, 7.0)),
            Unit::Month => Some((Unit::Day, 30.0)),
            Unit::Quarter => Some((Unit::Month, 3.0)),
            Unit::Year => Some((Unit::Month, 12.0)),
            Unit::Second | Unit::Decade | Unit::Century => None,
        }
    }
}

/// A unit noun, singular or plural (`years`, `hr`).
pub fn unit(word: &str) -> Option<(Unit, bool)> {
    let (stem, plural) = match word {
        "centuries" => ("century", true),
        w if w.len() > 3 && w.ends_with('s') => (&w[..w.len() - 1], true),
        w => (w, false),
    };
    let unit = match stem {
        "second" | "sec" => Unit::Second,
        "minute" | "min" => Unit::Minute,
        "hour" | "hr" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" | "yr" => Unit::Year,
        "decade" => Unit::Decade,
        "century" => Unit::Century,
        _ => return None,
    };
    Some((unit, plural))
}

/// Month number from a full or abbreviated name (`sept`, `dec`).
pub fn month(word: &str) -> Option<u32> {
    if let Some(k) = MONTHS.iter().position(|n| *n == word) {
        return Some(k as u32 + 1);
    }
    let abbreviation = match word {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(abbreviation)
}

/// Whether the month word is an abbreviation that may carry a period.
pub fn is_abbreviated_month(word: &str) -> bool {
    word.len() <= 4 && month(word).is_some() && !matches!(word, "may" | "june" | "july")
}

/// ISO weekday number, Monday = 1.
pub fn weekday(word: &str) -> Option<u32> {
    let day = match word {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    };
    // The abbreviations are ordinary words too ("sat", "sun", "wed"): only
    // the full names count on their own.
    word.ends_with("day").then_some(day)
}

/// Plural weekday (`Tuesdays`) for recurring sets.
pub fn weekday_plural(word: &str) -> Option<u32> {
    word.strip_suffix('s').and_then(weekday)
}

/// TIMEX3 season code.
pub fn season(word: &str) -> Option<&'static str> {
    match word {
        "spring" => Some("SP"),
        "summer" => Some("SU"),
        "autumn" | "fall" => Some("FA"),
        "winter" => Some("WI"),
        _ => None,
    }
}

/// TIMEX3 part-of-day code (`TMO`, `TNI`…).
pub fn part_of_day(word: &str) -> Option<&'static str> {
    match word {
        "morning" => Some("MO"),
        "afternoon" => Some("AF"),
        "evening" => Some("EV"),
        "night" | "overnight" => Some("NI"),
        _ => None,
    }
}

/// A cardinal number word below a hundred (`twelve`, `forty`).
pub fn small_number(word: &str) -> Option<u32> {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(k) = ONES.iter().position(|n| *n == word) {
        return Some(k as u32);
    }
    TENS.iter()
        .position(|n| *n == word)
        .map(|k| 20 + 10 * k as u32)
}

/// Whether `n` came from a word naming a multiple of ten (`twenty`).
pub fn is_tens(word: &str) -> bool {
    small_number(word).is_some_and(|n| n >= 20 && n % 10 == 0)
}

/// An ordinal (`third`, `twenty-first` is two words) or a digit ordinal (`3rd`).
pub fn ordinal(word: &str) -> Option<u32> {
    const ORDINALS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if let Some(k) = ORDINALS.iter().position(|n| *n == word) {
        return Some(k as u32 + 1);
    }
    match word {
        "thirtieth" => return Some(30),
        "fortieth" => return Some(40),
        _ => {}
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if matches!(suffix, "st" | "nd" | "rd" | "th") {
        return digits.parse().ok();
    }
    None
}

/// Decades named in words (`the nineties`).
pub fn decade_word(word: &str) -> Option<u32> {
    let decade = match word {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    };
    Some(decade)
}

/// Words that make a count vague (`several years` → `PXY`).
pub fn is_vague_count(word: &str) -> bool {
    matches!(
        word,
        "several" | "few" | "many" | "some" | "numerous" | "countless"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers() {
        assert_eq!(month("sept"), Some(9));
        assert_eq!(month("march"), Some(3));
        assert_eq!(weekday("thursday"), Some(4));
        assert_eq!(weekday("sun"), None);
        assert_eq!(weekday_plural("tuesdays"), Some(2));
        assert_eq!(unit("centuries"), Some((Unit::Century, true)));
        assert_eq!(unit("days"), Some((Unit::Day, true)));
        assert_eq!(unit("is"), None);
        assert_eq!(small_number("forty"), Some(40));
        assert_eq!(ordinal("21st"), Some(21));
        assert_eq!(ordinal("eighth"), Some(8));
        assert_eq!(decade_word("nineties"), Some(9));
    }
}
