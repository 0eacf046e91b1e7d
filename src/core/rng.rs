//! A small, fast, deterministic PRNG for generated test and benchmark data (vacancies,
//! portfolios): the same seed always gives the same data, on every machine. Never for secrets
//! (encryption takes its randomness from the caller).

use std::collections::BTreeSet;

/// SplitMix64.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64, i: u64) -> Self {
        let mut rng = Rng(seed ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// 0.0..1.0
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'t, T>(&mut self, items: &'t [T]) -> Option<&'t T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }

    /// `k` different items in their original order.
    pub fn some<'t, T>(&mut self, items: &'t [T], k: usize) -> Vec<&'t T> {
        let mut chosen: BTreeSet<usize> = BTreeSet::new();
        let k = k.min(items.len());
        while chosen.len() < k {
            chosen.insert(self.below(items.len()));
        }
        chosen.into_iter().map(|i| &items[i]).collect()
    }
}
