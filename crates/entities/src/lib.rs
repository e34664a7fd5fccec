//! Named-entity recognizer trained in-project
