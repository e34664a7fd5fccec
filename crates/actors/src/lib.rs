//! Actor knowledge base, actor resolution and coreference
