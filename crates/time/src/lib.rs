//! Temporal expressions, document dates and event dates
