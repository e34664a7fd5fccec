//! Byte ↔ character offset conversion.
//!
//! Rust strings index by byte; the event record promises character offsets
//! (Unicode code points, as Python indexes strings). A [`CharIndex`] is built
//! once per document and converts in O(log n).

/// Maps byte offsets of one text to character offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every non-ASCII character, in order; characters before
    /// the k-th entry have k extra bytes behind them, summed in `extra`.
    wide: Vec<usize>,
    /// `extra[k]`: continuation bytes in the first k wide characters.
    extra: Vec<usize>,
    /// Character offset of every non-ASCII character.
    wide_chars: Vec<usize>,
    len_bytes: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let mut wide = Vec::new();
        let mut extra = vec![0];
        let mut wide_chars = Vec::new();
        for (k, (at, ch)) in text.char_indices().enumerate() {
            let n = ch.len_utf8();
            if n > 1 {
                wide.push(at);
                wide_chars.push(k);
                extra.push(extra.last().copied().unwrap_or(0) + n - 1);
            }
        }
        CharIndex {
            wide,
            extra,
            wide_chars,
            len_bytes: text.len(),
        }
    }

    /// The character offset of byte offset `byte` (a char boundary, or the end).
    pub fn char_offset(&self, byte: usize) -> usize {
        debug_assert!(byte <= self.len_bytes);
        let k = self.wide.partition_point(|&w| w < byte);
        byte - self.extra[k]
    }

    /// The byte offset of character offset `ch`, or None past the end.
    pub fn byte_offset(&self, ch: usize) -> Option<usize> {
        // The byte offset of ch is ch plus the continuation bytes of the wide
        // characters before it.
        let k = self.wide_chars.partition_point(|&c| c < ch);
        let byte = ch + self.extra[k];
        (byte <= self.len_bytes).then_some(byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways_around_multibyte_characters() {
        let text = "Russia’s envoy — «Антонов» said.";
        let index = CharIndex::new(text);
        for (ch, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(byte), ch, "byte {byte}");
            assert_eq!(index.byte_offset(ch), Some(byte), "char {ch}");
        }
        let chars = text.chars().count();
        assert_eq!(index.char_offset(text.len()), chars);
        assert_eq!(index.byte_offset(chars), Some(text.len()));
        assert_eq!(index.byte_offset(chars + 1), None);
    }

    #[test]
    fn ascii_offsets_are_identical() {
        let index = CharIndex::new("plain text");
        assert_eq!(index.char_offset(5), 5);
        assert_eq!(index.byte_offset(5), Some(5));
    }
}
