//! PLOVER event coder: lexicon, arguments, auxiliary modes, attribution, quantities
