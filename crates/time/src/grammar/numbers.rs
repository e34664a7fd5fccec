//! Numbers and years: digits (`24`, `1,000`, `2 1/2`), words (`twenty
//! four`, `a hundred`), vague counts (`several`), years in digits and words.

use super::{is_count_noun, is_function_word, is_time_zone, Grammar};
use crate::lexicon;

impl Grammar<'_> {
    /// A cardinal number in digits (`24`, `1,000`, `2 1/2`) or words
    /// (`twenty four`, `a hundred`).
    pub(super) fn number(&self, i: usize) -> Option<(usize, f64)> {
        let word = self.w(i);
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            if word.contains(':') {
                return None;
            }
            let whole: f64 = word.replace(',', "").parse().ok()?;
            return Some(
                self.fraction(i + 1)
                    .map_or((i + 1, whole), |(end, f)| (end, whole + f)),
            );
        }
        if let Some((end, fraction)) = self.fraction(i) {
            return Some((end, fraction));
        }
        self.spelled_number(i)
    }

    /// `1/2` written after a whole number.
    pub(super) fn fraction(&self, i: usize) -> Option<(usize, f64)> {
        let numerator: f64 = self.w(i).parse().ok()?;
        if self.w(i + 1) != "/" || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let denominator: f64 = self.w(i + 2).parse().ok()?;
        (denominator > numerator && numerator > 0.0).then_some((i + 3, numerator / denominator))
    }

    pub(super) fn spelled_number(&self, i: usize) -> Option<(usize, f64)> {
        let mut total = 0.0;
        let mut current = 0.0;
        let mut j = i;
        let mut any = false;
        loop {
            let word = self.w(j);
            if let Some(n) = lexicon::small_number(word) {
                if any && current % 100.0 != 0.0 {
                    break;
                }
                current += f64::from(n);
                j += 1;
                any = true;
                if lexicon::is_tens(word) {
                    let hyphen = usize::from(self.w(j) == "-");
                    if let Some(ones @ 1..=9) = lexicon::small_number(self.w(j + hyphen)) {
                        current += f64::from(ones);
                        j += hyphen + 1;
                    }
                }
            } else if word == "hundred" && (any || self.w(j.wrapping_sub(1)) == "a") {
                current = current.max(1.0) * 100.0;
                j += 1;
                any = true;
            } else if word == "thousand" && (any || self.w(j.wrapping_sub(1)) == "a") {
                total += current.max(1.0) * 1000.0;
                current = 0.0;
                j += 1;
                any = true;
            } else if word == "and" && any && lexicon::small_number(self.w(j + 1)).is_some() {
                j += 1;
            } else {
                break;
            }
        }
        let start_a = j > i && self.w(i) == "a";
        (any && !start_a)
            .then_some((j, total + current))
            .or_else(|| {
                // "a hundred years": the article stands for one.
                (self.w(i) == "a" && matches!(self.w(i + 1), "hundred" | "thousand"))
                    .then(|| self.spelled_number(i + 1))
                    .flatten()
            })
    }

    /// A four-digit year in digits, with the checks that keep counts out.
    pub(super) fn digit_year(&self, i: usize) -> Option<i32> {
        let word = self.w(i);
        if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = word.parse().ok()?;
        if !(1800..=2099).contains(&year) {
            return None;
        }
        let before = self.w(i.wrapping_sub(1));
        let after = self.w(i + 1);
        // "Orion 1980", "Vision 2020": part of a name.
        let after_name = self.capitalized(i.wrapping_sub(1))
            && before.chars().all(char::is_alphabetic)
            && lexicon::month(before).is_none()
            && !is_function_word(before);
        let counted_before = after_name
            || matches!(
                before,
                "$" | "#"
                    | "about"
                    | "some"
                    | "nearly"
                    | "almost"
                    | "than"
                    | "approximately"
                    | "roughly"
                    | "number"
                    | "no"
                    | "all"
            );
        let counted_after = matches!(after, "%" | "percent" | "-" | "/" | "." if self.glued(i + 1) && self.w(i + 2).starts_with(|c: char| c.is_ascii_digit()))
            || matches!(after, "%" | "percent")
            || is_count_noun(after)
            || is_time_zone(after);
        (!counted_before && !counted_after).then_some(year)
    }

    /// A year written in words: `nineteen ninety-six`.
    pub(super) fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        let century = lexicon::small_number(self.w(i)).filter(|n| (11..=20).contains(n))?;
        let tens_word = self.w(i + 1);
        let mut rest = lexicon::small_number(tens_word).filter(|n| *n >= 10)?;
        let mut end = i + 2;
        if lexicon::is_tens(tens_word) {
            let hyphen = usize::from(self.w(end) == "-");
            if let Some(ones @ 1..=9) = lexicon::small_number(self.w(end + hyphen)) {
                rest += ones;
                end += hyphen + 1;
            }
        }
        Some((end, (century * 100 + rest) as i32))
    }

    /// Any year: digits, words, or `the year two thousand`.
    pub(super) fn year(&self, i: usize) -> Option<(usize, i32)> {
        if let Some(year) = self.digit_year(i) {
            return Some((i + 1, year));
        }
        if let Some(found) = self.spelled_year(i) {
            return Some(found);
        }
        let j = self.phrase(i, "the year")?;
        let (end, n) = self.number(j)?;
        (1000.0..2100.0).contains(&n).then_some((end, n as i32))
    }

    /// How many: a number, `a`, `a few`, `several`, `a couple of`, `half a`.
    pub(super) fn amount(&self, i: usize) -> Option<(usize, Option<f64>)> {
        match self.w(i) {
            "a" | "an" => {
                if self.w(i + 1) == "few" {
                    return Some((i + 2, None));
                }
                if let Some(end) = self.phrase(i + 1, "couple of") {
                    return Some((end, Some(2.0)));
                }
                if self.w(i + 1) == "dozen" {
                    return Some((i + 2, Some(12.0)));
                }
                if let Some(found) = self.spelled_number(i) {
                    return Some((found.0, Some(found.1)));
                }
                Some((i + 1, Some(1.0)))
            }
            "half" if matches!(self.w(i + 1), "a" | "an") => Some((i + 2, Some(0.5))),
            "couple" if self.w(i + 1) == "of" => Some((i + 2, Some(2.0))),
            w if lexicon::is_vague_count(w) => Some((i + 1, None)),
            _ => {
                let (end, n) = self.number(i)?;
                // A range ("two to three", "12 to 18") leaves the count open.
                let range_end = matches!(self.w(end), "to" | "or")
                    .then(|| self.number(end + 1))
                    .flatten();
                Some(range_end.map_or((end, Some(n)), |(end, _)| (end, None)))
            }
        }
    }
}
