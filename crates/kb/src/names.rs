//! Name keys: how names and stretches of text are normalized for lookup, and
//! the letter-case rules that keep `US` from matching `us` or `Turkey` from
//! matching `turkey`.

/// The lookup key of a name: lowercase, whitespace removed, typographic
/// apostrophes made plain, a leading "the" dropped ("the Kremlin" = "Kremlin").
/// Keys of token sequences are the concatenated keys of their tokens, so a name
/// matches however the tokenizer split it.
pub fn key(name: &str) -> String {
    let trimmed = name.trim();
    let without_article = ["the ", "The ", "THE "]
        .iter()
        .find_map(|article| trimmed.strip_prefix(article))
        .unwrap_or(trimmed);
    token_key(without_article)
}

/// The key of one token (or any text) without dropping articles.
pub fn token_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if matches!(c, '\u{2019}' | '\u{2018}') {
                '\''
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// How a stretch of text must be written to match one name form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseRule {
    /// Acronyms (`US`, `NATO`, `U.N.`) match only as written.
    Exact(String),
    /// Proper names match when the text starts with a capital letter.
    Capitalized,
    /// Common nouns match in any case.
    AnyCase,
}

impl CaseRule {
    /// The rule for a name form; `proper` is false for common nouns.
    pub fn for_name(name: &str, proper: bool) -> CaseRule {
        let upper = name.chars().filter(|c| c.is_uppercase()).count();
        let lower = name.chars().filter(|c| c.is_lowercase()).count();
        if upper >= 2 && lower == 0 {
            CaseRule::Exact(name.chars().filter(|c| !c.is_whitespace()).collect())
        } else if proper {
            CaseRule::Capitalized
        } else {
            CaseRule::AnyCase
        }
    }

    /// Whether `text` (the matched tokens concatenated without spaces, after
    /// any leading article) is written as this rule requires.
    pub fn accepts(&self, text: &str) -> bool {
        match self {
            CaseRule::Exact(form) => {
                text == form || text.replace(['\u{2019}', '\u{2018}'], "'") == *form
            }
            CaseRule::Capitalized => text
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase),
            CaseRule::AnyCase => true,
        }
    }
}

/// Dates as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: whether `date` falls on or
/// after `start` and on or before `end`, each compared at the precision of
/// the shorter string (an office held "2017-08" covers "2017-08-21").
pub fn date_within(date: &str, start: Option<&str>, end: Option<&str>) -> bool {
    let after_start = start.is_none_or(|s| prefix(date, s) >= prefix(s, date));
    let before_end = end.is_none_or(|e| prefix(date, e) <= prefix(e, date));
    after_start && before_end
}

/// `a` cut to the length of `b`, when longer.
fn prefix<'a>(a: &'a str, b: &str) -> &'a str {
    &a[..a.len().min(b.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_spaces_and_leading_article() {
        assert_eq!(key("the Kremlin"), "kremlin");
        assert_eq!(key("United  States"), "unitedstates");
        assert_eq!(key("Côte d’Ivoire"), "côted'ivoire");
        assert_eq!(key("Theresa"), "theresa");
    }

    #[test]
    fn acronyms_match_only_as_written() {
        let rule = CaseRule::for_name("US", true);
        assert!(rule.accepts("US"));
        assert!(!rule.accepts("us"));
        assert!(!rule.accepts("Us"));
        assert_eq!(
            CaseRule::for_name("U.N.", true),
            CaseRule::Exact("U.N.".into())
        );
    }

    #[test]
    fn proper_names_need_a_capital_and_nouns_do_not() {
        let proper = CaseRule::for_name("Turkey", true);
        assert!(proper.accepts("Turkey"));
        assert!(!proper.accepts("turkey"));
        assert!(CaseRule::for_name("embassy", false).accepts("Embassy"));
    }

    #[test]
    fn dates_compare_at_the_coarser_precision() {
        assert!(date_within("2017-08-21", Some("2017-08"), None));
        assert!(date_within(
            "2019-01-01",
            Some("2017-08-21"),
            Some("2024-10-10")
        ));
        assert!(!date_within(
            "2024-11",
            Some("2017-08-21"),
            Some("2024-10-10")
        ));
        assert!(!date_within("2016", Some("2017-08-21"), None));
        assert!(date_within("2024", Some("2017-08-21"), Some("2024-10-10")));
    }
}
