//! Feature hashing: strings and feature templates become 32-bit keys with no
//! allocation, so feature extraction is a handful of multiplications.
//! The functions are fixed (no random seed): saved models depend on them,
//! and training shuffles with the seeded [`Rng`] so runs are reproducible.

/// 64-bit FNV-1a of a string, finished with an avalanche step.
#[inline]
pub fn hash_str(text: &str) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for byte in text.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    avalanche(hash)
}

#[inline]
fn avalanche(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Combines a running feature hash with one more value.
#[inline]
pub fn mix(seed: u64, value: u64) -> u64 {
    (seed ^ value)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .rotate_left(31)
        .wrapping_add(value.wrapping_mul(0xc2b2_ae3d_27d4_eb4f))
}

/// Final 32-bit key of a feature made of a template number and values.
#[inline]
pub fn key(template: u64, values: &[u64]) -> u32 {
    let mut hash = (template + 1).wrapping_mul(0x2545_f491_4f6c_dd1d);
    for &value in values {
        hash = mix(hash, value);
    }
    let hash = avalanche(hash);
    (hash ^ (hash >> 32)) as u32
}

/// Small seeded generator (xorshift64*) for shuffling.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(avalanche(seed) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_depend_on_template_values_and_order() {
        let a = hash_str("expelled");
        let b = hash_str("diplomats");
        assert_ne!(key(1, &[a, b]), key(1, &[b, a]));
        assert_ne!(key(1, &[a]), key(2, &[a]));
        assert_eq!(key(3, &[a, b]), key(3, &[a, b]));
    }
}
