//! The PLOVER event types and auxiliary modes (see the PLOVER manual).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The sixteen PLOVER event types, from most cooperative to most conflictual
/// in the manual's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl EventType {
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EventType {
    type Err = String;
    /// Case-insensitive; unknown names are an error that lists the valid ones.
    fn from_str(s: &str) -> Result<EventType, String> {
        let upper = s.trim().to_ascii_uppercase();
        EventType::ALL
            .iter()
            .copied()
            .find(|t| t.as_str() == upper)
            .ok_or_else(|| {
                let names: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
                format!(
                    "unknown PLOVER event type `{s}` (expected one of {})",
                    names.join(", ")
                )
            })
    }
}

/// PLOVER's auxiliary modes: qualifications that keep an event from being a
/// plain assertion of fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Aux {
    /// The event is denied or said not to have happened.
    Negation,
    /// Announced or expected, not yet happened.
    Future,
    /// Conditional, modal or proposed ("should", "would", "if …").
    Hypothetical,
    /// Background: happened well before the article's time.
    Historical,
}

impl Aux {
    pub fn as_str(self) -> &'static str {
        match self {
            Aux::Negation => "negation",
            Aux::Future => "future",
            Aux::Hypothetical => "hypothetical",
            Aux::Historical => "historical",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_types_round_trip_through_their_names() {
        for t in EventType::ALL {
            assert_eq!(t.as_str().parse::<EventType>(), Ok(t));
            assert_eq!(t.as_str().to_lowercase().parse::<EventType>(), Ok(t));
        }
        let err = "EXPEL".parse::<EventType>().unwrap_err();
        assert!(err.contains("EXPEL") && err.contains("SANCTION"), "{err}");
    }
}
