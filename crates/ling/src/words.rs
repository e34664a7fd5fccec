//! Per-word hashed properties (lowercase form, affixes, shape) computed once
//! per token and shared by the tagger, parser and labeler features.

use crate::hashing::{hash_str, mix};

/// Hashed views of one word form.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordKeys {
    /// The form as written.
    pub exact: u64,
    pub lower: u64,
    /// Lowercase suffixes of 1–4 characters (the whole word when shorter).
    pub suffix: [u64; 4],
    /// Lowercase prefixes of 1–3 characters.
    pub prefix: [u64; 3],
    /// Character classes with runs capped at two: `Xxx`, `dd.dd`, `X.X.`.
    pub shape: u64,
}

impl WordKeys {
    /// `scratch` is reused to avoid allocating per word.
    pub fn new(form: &str, scratch: &mut String) -> WordKeys {
        scratch.clear();
        if form.is_ascii() {
            scratch.extend(form.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            scratch.extend(form.chars().flat_map(char::to_lowercase));
        }
        let lower: &str = scratch;
        let mut suffix = [0u64; 4];
        let mut prefix = [0u64; 3];
        let char_count = lower.chars().count();
        for (k, slot) in suffix.iter_mut().enumerate() {
            let skip = char_count.saturating_sub(k + 1);
            let start = lower.char_indices().nth(skip).map_or(0, |(i, _)| i);
            *slot = mix(hash_str(&lower[start..]), 0x5f + k as u64);
        }
        for (k, slot) in prefix.iter_mut().enumerate() {
            let end = lower
                .char_indices()
                .nth(k + 1)
                .map_or(lower.len(), |(i, _)| i);
            *slot = mix(hash_str(&lower[..end]), 0x7a + k as u64);
        }
        WordKeys {
            exact: hash_str(form),
            lower: hash_str(lower),
            suffix,
            prefix,
            shape: shape_hash(form),
        }
    }
}

fn shape_hash(form: &str) -> u64 {
    let mut hash = 0x51u64;
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars() {
        let class = chancery_text::shape_class(c);
        if class == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            run = 1;
            last = class;
        }
        hash = mix(hash, u64::from(class));
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_and_shapes_group_similar_words() {
        let mut scratch = String::new();
        let expelled = WordKeys::new("Expelled", &mut scratch);
        let compelled = WordKeys::new("compelled", &mut scratch);
        assert_eq!(expelled.suffix[2], compelled.suffix[2]);
        assert_ne!(
            expelled.suffix[3],
            WordKeys::new("dispelled", &mut scratch).suffix[2]
        );
        assert_ne!(expelled.shape, compelled.shape);
        assert_eq!(expelled.shape, WordKeys::new("Abcdefg", &mut scratch).shape);
        assert_eq!(
            expelled.lower,
            WordKeys::new("EXPELLED", &mut scratch).lower
        );
        assert_ne!(
            expelled.exact,
            WordKeys::new("EXPELLED", &mut scratch).exact
        );
        // Short words: every suffix is the whole word.
        let of = WordKeys::new("of", &mut scratch);
        assert_eq!(of.suffix[2], mix(hash_str("of"), 0x5f + 2));
        assert_eq!(
            WordKeys::new("1984", &mut scratch).shape,
            WordKeys::new("12", &mut scratch).shape
        );
    }
}
