//! Compact binary encoding of the model files: LEB128 varints, zigzag
//! integers and length-prefixed strings, deflate-compressed as a whole.

use crate::ModelError;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;
use std::io::{Read, Write};

/// Builds a model file in memory.
#[derive(Default)]
pub struct Encoder {
    bytes: Vec<u8>,
}

impl Encoder {
    pub fn new(magic: &[u8; 8]) -> Encoder {
        Encoder {
            bytes: magic.to_vec(),
        }
    }

    pub fn uint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.bytes.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
    }

    pub fn int(&mut self, value: i64) {
        self.uint(((value << 1) ^ (value >> 63)) as u64);
    }

    pub fn f32(&mut self, value: f32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub fn str(&mut self, value: &str) {
        self.uint(value.len() as u64);
        self.bytes.extend_from_slice(value.as_bytes());
    }

    pub fn strings(&mut self, values: &[String]) {
        self.uint(values.len() as u64);
        for value in values {
            self.str(value);
        }
    }

    /// The deflate-compressed file contents.
    pub fn finish(self) -> Vec<u8> {
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder
            .write_all(&self.bytes)
            .expect("writing to memory cannot fail");
        encoder.finish().expect("writing to memory cannot fail")
    }
}

/// Reads a model file produced by [`Encoder`].
pub struct Decoder {
    bytes: Vec<u8>,
    pos: usize,
    /// Model name for error messages.
    name: &'static str,
}

impl Decoder {
    pub fn new(
        name: &'static str,
        compressed: &[u8],
        magic: &[u8; 8],
    ) -> Result<Decoder, ModelError> {
        let mut bytes = Vec::with_capacity(compressed.len() * 3);
        DeflateDecoder::new(compressed)
            .read_to_end(&mut bytes)
            .map_err(|err| ModelError::Corrupt {
                model: name,
                problem: format!("cannot decompress: {err}"),
            })?;
        if !bytes.starts_with(magic) {
            return Err(ModelError::Corrupt {
                model: name,
                problem: "wrong file signature (not a model of this kind or version)".into(),
            });
        }
        Ok(Decoder {
            bytes,
            pos: magic.len(),
            name,
        })
    }

    fn truncated(&self) -> ModelError {
        ModelError::Corrupt {
            model: self.name,
            problem: format!("truncated at byte {}", self.pos),
        }
    }

    pub fn uint(&mut self) -> Result<u64, ModelError> {
        let mut value = 0u64;
        let mut shift = 0;
        loop {
            let byte = *self.bytes.get(self.pos).ok_or_else(|| self.truncated())?;
            self.pos += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
            shift += 7;
            if shift > 63 {
                return Err(self.truncated());
            }
        }
    }

    pub fn usize(&mut self) -> Result<usize, ModelError> {
        Ok(self.uint()? as usize)
    }

    pub fn int(&mut self) -> Result<i64, ModelError> {
        let raw = self.uint()?;
        Ok((raw >> 1) as i64 ^ -((raw & 1) as i64))
    }

    pub fn f32(&mut self) -> Result<f32, ModelError> {
        let end = self.pos + 4;
        let bytes = self
            .bytes
            .get(self.pos..end)
            .ok_or_else(|| self.truncated())?;
        self.pos = end;
        Ok(f32::from_le_bytes(bytes.try_into().expect("4 bytes")))
    }

    pub fn str(&mut self) -> Result<String, ModelError> {
        let len = self.usize()?;
        let end = self.pos + len;
        let bytes = self
            .bytes
            .get(self.pos..end)
            .ok_or_else(|| self.truncated())?;
        self.pos = end;
        String::from_utf8(bytes.to_vec()).map_err(|_| ModelError::Corrupt {
            model: self.name,
            problem: format!("invalid UTF-8 string ending at byte {end}"),
        })
    }

    pub fn strings(&mut self) -> Result<Vec<String>, ModelError> {
        let count = self.usize()?;
        (0..count).map(|_| self.str()).collect()
    }

    /// Fails unless every byte was consumed.
    pub fn finish(self) -> Result<(), ModelError> {
        if self.pos == self.bytes.len() {
            Ok(())
        } else {
            Err(ModelError::Corrupt {
                model: self.name,
                problem: format!("{} unexpected trailing bytes", self.bytes.len() - self.pos),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_through_compression() {
        let mut encoder = Encoder::new(b"TESTMAG1");
        encoder.uint(300);
        encoder.int(-70_000);
        encoder.f32(0.25);
        encoder.strings(&["nsubj:pass".to_string(), "é".to_string()]);
        let bytes = encoder.finish();
        let mut decoder = Decoder::new("test", &bytes, b"TESTMAG1").unwrap();
        assert_eq!(decoder.uint().unwrap(), 300);
        assert_eq!(decoder.int().unwrap(), -70_000);
        assert_eq!(decoder.f32().unwrap(), 0.25);
        assert_eq!(decoder.strings().unwrap(), vec!["nsubj:pass", "é"]);
        decoder.finish().unwrap();
    }

    #[test]
    fn wrong_signature_is_reported() {
        let bytes = Encoder::new(b"AAAAAAAA").finish();
        let err = Decoder::new("tagger", &bytes, b"BBBBBBBB").err().unwrap();
        assert!(err.to_string().contains("tagger"));
    }
}
