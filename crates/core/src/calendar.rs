//! Calendar words every stage that reads dates or names needs.

/// Month names, lowercase, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, lowercase, Monday first (ISO 8601 order).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a lowercase word is a month or weekday name.
pub fn is_calendar_name(lowercase: &str) -> bool {
    MONTHS.contains(&lowercase) || WEEKDAYS.contains(&lowercase)
}
