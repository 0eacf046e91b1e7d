//! How one query word matches the vocabulary of the names: exactly, as a prefix, through its
//! gender, plural and compound variants, its stem, a typo, or split in two (the table and
//! the qualities are in the module docs of `index`).

use crate::core::search::normalize::{self, VariantKind};
use crate::core::search::vocab::{IdMap, Scratch};

use super::{SearchIndex, GENDER_WEIGHT};

const PLURAL_WEIGHT: f32 = 0.93;
const COMPOUND_WEIGHT: f32 = 0.95;
const STEM_WEIGHT: f32 = 0.80;
/// Quality factor of the parts of a query word that matched nothing as a whole.
const SPLIT_WEIGHT: f32 = 0.6;

impl SearchIndex {
    /// The vocabulary tokens that `token` matches, each with its quality.
    pub(super) fn match_token(&self, token: &str, scratch: &mut Scratch) -> Vec<(u32, f32)> {
        let mut found: IdMap<f32> = IdMap::default();
        let mut add = |id: u32, quality: f32| {
            let q = found.entry(id).or_insert(0.0);
            if quality > *q {
                *q = quality;
            }
        };

        let mut exact = self.vocab.match_plain(token, 1.0, true, scratch, &mut add);
        let variants = normalize::variants(token);
        for variant in variants.iter().filter(|v| v.kind != VariantKind::Stem) {
            let weight = match variant.kind {
                VariantKind::Plural => PLURAL_WEIGHT,
                _ => GENDER_WEIGHT,
            };
            exact |= self.vocab.match_plain(
                &variant.text,
                weight,
                variant.text.len() >= 5,
                scratch,
                &mut add,
            );
        }
        for compound in normalize::compound_variants(token) {
            if let Some(id) = self.vocab.id(&compound) {
                add(id, COMPOUND_WEIGHT);
                exact = true;
            }
        }
        if !exact {
            for variant in variants.iter().filter(|v| v.kind == VariantKind::Stem) {
                self.vocab
                    .match_plain(&variant.text, STEM_WEIGHT, false, scratch, &mut add);
            }
            self.vocab.match_fuzzy(token, false, scratch, &mut add);
        }
        if found.is_empty() {
            self.match_split(token, scratch, &mut found);
        }
        found.into_iter().collect()
    }

    /// A query word that matched nothing may be a compound the index does not know
    /// ("basisschool"): split it where one part is a known word, and match the first part as
    /// a word or prefix and the second as a word or compound head, with lower quality.
    fn match_split(&self, token: &str, scratch: &mut Scratch, found: &mut IdMap<f32>) {
        if !token.is_ascii() || token.len() < 7 {
            return;
        }
        let mut add = |id: u32, quality: f32| {
            let q = found.entry(id).or_insert(0.0);
            if quality > *q {
                *q = quality;
            }
        };
        // Longest known first part first; one split is enough.
        for split in (4..=token.len() - 3).rev() {
            // ASCII: every byte index is a character boundary.
            let (first, second) = token.split_at(split);
            if self.vocab.id(first).is_none() && self.vocab.id(second).is_none() {
                continue;
            }
            self.vocab
                .match_plain(first, SPLIT_WEIGHT, false, scratch, &mut add);
            self.vocab
                .match_plain(second, SPLIT_WEIGHT, true, scratch, &mut add);
            return;
        }
    }
}
