//! The actor knowledge base: countries, places of power, organizations, institutions, sector nouns and office holders, loaded from `data/actors` and users' own files.
