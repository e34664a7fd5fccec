//! Tokenizer and sentence splitter for news English
