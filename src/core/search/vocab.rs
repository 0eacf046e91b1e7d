//! A vocabulary of normalised words with a trigram table, and the ways one query word
//! matches its words: exact, prefix, compound (suffix or infix) and within a few typos. The
//! occupation names ([`super::index`]) and the words about the work ([`super::about`]) each
//! have one.
//!
//! | kind | example | quality |
//! |---|---|---|
//! | exact | kok → kok | 1.0 |
//! | prefix | heftruck → heftruckchauffeur | 0.80–0.95 (more of the word typed: higher) |
//! | compound head (suffix) | chauffeur → vrachtwagenchauffeur | 0.68–0.78 |
//! | compound infix | truck → heftruckchauffeur | 0.60–0.70 |
//! | typo, whole word | orderpikker → orderpicker | 0.58 (1 edit), 0.48 (2 edits) |
//! | typo, start of word | heftrukchauf → heftruckchauffeur | 0.52, 0.44 |
//! | typo, inside a word | … | 0.46, 0.40 |
//!
//! Typos are edits (insert, delete, substitute, swap two neighbours): at most 1 for words of
//! 4–7 letters, 2 for longer ones, none for shorter ones. Candidates for compound and typo
//! matches come from the trigram table, so a query word never walks the whole vocabulary;
//! typo candidates are limited to the [`FUZZY_CANDIDATES`] words sharing the most trigrams.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// How many typo candidates (by shared trigrams) get an edit-distance check per word.
pub const FUZZY_CANDIDATES: usize = 150;
/// Words longer than this (in bytes) are not checked for typos.
const MAX_FUZZY_LEN: usize = 40;

pub(super) const FUZZY_WHOLE: [f32; 3] = [1.0, 0.58, 0.48];
const FUZZY_PREFIX: [f32; 3] = [1.0, 0.52, 0.44];
const FUZZY_INFIX: [f32; 3] = [1.0, 0.46, 0.40];

/// A compressed list of lists: the items of list `i` are `items[offsets[i]..offsets[i+1]]`.
#[derive(Debug, Clone, Default)]
pub(super) struct Lists<T> {
    offsets: Vec<u32>,
    items: Vec<T>,
}

impl<T: Copy> Lists<T> {
    /// From `(list, item)` pairs sorted by list; `count` lists.
    pub(super) fn from_sorted(pairs: &[(u32, T)], count: usize) -> Self {
        let mut offsets = Vec::with_capacity(count + 1);
        let mut items = Vec::with_capacity(pairs.len());
        let mut next = 0usize;
        offsets.push(0);
        for list in 0..count {
            while next < pairs.len() && pairs[next].0 as usize == list {
                items.push(pairs[next].1);
                next += 1;
            }
            offsets.push(items.len() as u32);
        }
        Self { offsets, items }
    }

    pub(super) fn get(&self, list: usize) -> &[T] {
        match (self.offsets.get(list), self.offsets.get(list + 1)) {
            (Some(&start), Some(&end)) => {
                self.items.get(start as usize..end as usize).unwrap_or(&[])
            }
            _ => &[],
        }
    }
}

/// A fast hasher for `u32` keys (the accumulator is rebuilt on every keystroke).
#[derive(Default)]
pub(super) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(super) type IdMap<V> = HashMap<u32, V, BuildHasherDefault<IdHasher>>;

/// Scratch space for one query: trigram counts over the vocabulary.
pub(super) struct Scratch {
    counts: Vec<u16>,
    touched: Vec<u32>,
    rows: [Vec<u32>; 3],
}

impl Scratch {
    pub(super) fn new(vocab: usize) -> Self {
        Self {
            counts: vec![0; vocab],
            touched: Vec::new(),
            rows: [Vec::new(), Vec::new(), Vec::new()],
        }
    }

    pub(super) fn clear(&mut self) {
        for &id in &self.touched {
            if let Some(c) = self.counts.get_mut(id as usize) {
                *c = 0;
            }
        }
        self.touched.clear();
    }
}

fn trigram_key(t: &[u8]) -> u32 {
    (u32::from(t[0]) << 16) | (u32::from(t[1]) << 8) | u32::from(t[2])
}

fn distinct_trigrams(token: &str) -> Vec<u32> {
    let mut keys: Vec<u32> = token.as_bytes().windows(3).map(trigram_key).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Sorted distinct words (so a prefix is a contiguous range) and, per trigram, the words
/// containing it.
#[derive(Debug, Clone, Default)]
pub(super) struct Vocab {
    words: Vec<Box<str>>,
    /// Sorted trigram keys; `trigram_tokens.get(i)` are the words containing key `i`.
    trigram_keys: Vec<u32>,
    trigram_tokens: Lists<u32>,
}

impl Vocab {
    /// The vocabulary of `words` (sorted and deduplicated here).
    pub(super) fn new(mut words: Vec<Box<str>>) -> Self {
        words.sort_unstable();
        words.dedup();
        let mut tri_pairs: Vec<(u32, u32)> = Vec::new();
        for (id, token) in words.iter().enumerate() {
            for key in distinct_trigrams(token) {
                tri_pairs.push((key, id as u32));
            }
        }
        tri_pairs.sort_unstable();
        let mut trigram_keys: Vec<u32> = tri_pairs.iter().map(|p| p.0).collect();
        trigram_keys.dedup();
        let indexed: Vec<(u32, u32)> = tri_pairs
            .iter()
            .map(|&(key, id)| {
                let i = trigram_keys.binary_search(&key).unwrap_or(0);
                (i as u32, id)
            })
            .collect();
        let trigram_tokens = Lists::from_sorted(&indexed, trigram_keys.len());
        Self {
            words,
            trigram_keys,
            trigram_tokens,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.words.len()
    }

    pub(super) fn id(&self, token: &str) -> Option<u32> {
        self.words
            .binary_search_by(|v| (**v).cmp(token))
            .ok()
            .map(|i| i as u32)
    }

    fn trigram_list(&self, key: u32) -> &[u32] {
        match self.trigram_keys.binary_search(&key) {
            Ok(i) => self.trigram_tokens.get(i),
            Err(_) => &[],
        }
    }

    /// Counts, for every vocabulary token sharing a trigram with `token`, how many distinct
    /// trigrams it shares. Returns the number of distinct trigrams of `token`.
    pub(super) fn count_trigrams(&self, token: &str, scratch: &mut Scratch) -> usize {
        scratch.clear();
        let keys = distinct_trigrams(token);
        for &key in &keys {
            for &id in self.trigram_list(key) {
                if let Some(c) = scratch.counts.get_mut(id as usize) {
                    if *c == 0 {
                        scratch.touched.push(id);
                    }
                    *c = c.saturating_add(1);
                }
            }
        }
        keys.len()
    }

    /// Exact, prefix and (with `infix`) compound matches of `token`, times `weight`.
    /// Returns whether the token itself is in the vocabulary.
    pub(super) fn match_plain(
        &self,
        token: &str,
        weight: f32,
        infix: bool,
        scratch: &mut Scratch,
        add: &mut impl FnMut(u32, f32),
    ) -> bool {
        let len = token.len() as f32;
        let start = self.words.partition_point(|v| &**v < token);
        let mut exact = false;
        for (offset, candidate) in self.words[start..].iter().enumerate() {
            if !candidate.starts_with(token) {
                break;
            }
            let id = (start + offset) as u32;
            if candidate.len() == token.len() {
                exact = true;
                add(id, weight);
            } else {
                add(id, (0.80 + 0.15 * len / candidate.len() as f32) * weight);
            }
        }
        if infix && token.len() >= 3 {
            let check = |id: u32, add: &mut dyn FnMut(u32, f32)| {
                let Some(candidate) = self.words.get(id as usize) else {
                    return;
                };
                let ratio = len / candidate.len() as f32;
                if candidate.starts_with(token) {
                    // Counted as a prefix above.
                } else if candidate.ends_with(token) {
                    add(id, (0.68 + 0.10 * ratio) * weight);
                } else if token.len() >= 4 && candidate.contains(token) {
                    add(id, (0.60 + 0.10 * ratio) * weight);
                }
            };
            if token.len() == 3 {
                for &id in self.trigram_list(trigram_key(token.as_bytes())) {
                    check(id, add);
                }
            } else {
                let needed = self.count_trigrams(token, scratch);
                for &id in &scratch.touched {
                    if scratch
                        .counts
                        .get(id as usize)
                        .is_some_and(|&c| c as usize >= needed)
                    {
                        check(id, add);
                    }
                }
            }
        }
        exact
    }

    /// Matches within a few typos (see the module docs).
    /// Matches within a few typos. With `whole_only`, only whole words count (not a typo in
    /// the start or the middle of a longer word).
    pub(super) fn match_fuzzy(
        &self,
        token: &str,
        whole_only: bool,
        scratch: &mut Scratch,
        add: &mut impl FnMut(u32, f32),
    ) {
        let q = token.as_bytes();
        if q.len() < 4 || q.len() > MAX_FUZZY_LEN {
            return;
        }
        let k: u32 = if q.len() <= 7 { 1 } else { 2 };
        let n = self.count_trigrams(token, scratch);
        let threshold = if n >= 4 {
            (n as i64 - 3 * k as i64).max(2) as u16
        } else {
            1
        };
        let mut candidates: Vec<(u16, u32)> = scratch
            .touched
            .iter()
            .filter_map(|&id| {
                let count = *scratch.counts.get(id as usize)?;
                let len = self.words.get(id as usize)?.len();
                (count >= threshold && len + k as usize >= q.len()).then_some((count, id))
            })
            .collect();
        candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        candidates.truncate(FUZZY_CANDIDATES);
        let rows = &mut scratch.rows;
        for (_, id) in candidates {
            let Some(candidate) = self.words.get(id as usize) else {
                continue;
            };
            let t = candidate.as_bytes();
            if let Some((whole, prefix)) = edit_distance_from_start(q, t, k, rows) {
                if let Some(d) = whole {
                    add(id, FUZZY_WHOLE[d as usize]);
                    continue;
                }
                if whole_only {
                    continue;
                }
                if let Some(d) = prefix {
                    add(id, FUZZY_PREFIX[d as usize]);
                    continue;
                }
            }
            if t.len() > q.len() && !whole_only {
                if let Some(d) = edit_distance_anywhere(q, t, k, rows) {
                    add(id, FUZZY_INFIX[d as usize]);
                }
            }
        }
    }
}

/// Optimal-string-alignment distance (insert, delete, substitute, swap neighbours) of `q`
/// against the start of `t`, bounded by `k`: `(whole, prefix)` where `whole` is the distance
/// to all of `t` and `prefix` the smallest distance to some prefix of `t`, each `None` when
/// above `k`. Returns `None` as soon as every alignment exceeds `k`.
pub(super) fn edit_distance_from_start(
    q: &[u8],
    t: &[u8],
    k: u32,
    rows: &mut [Vec<u32>; 3],
) -> Option<(Option<u32>, Option<u32>)> {
    let last = osa(q, t, k, false, rows)?;
    let whole = last.last().copied().filter(|&d| d <= k);
    let prefix = last.iter().copied().min().filter(|&d| d <= k);
    Some((whole, prefix))
}

/// The smallest bounded edit distance of `q` to any substring of `t`.
pub(super) fn edit_distance_anywhere(
    q: &[u8],
    t: &[u8],
    k: u32,
    rows: &mut [Vec<u32>; 3],
) -> Option<u32> {
    let last = osa(q, t, k, true, rows)?;
    last.iter().copied().min().filter(|&d| d <= k)
}

/// The last row of the OSA matrix of `q` (rows) against `t` (columns). With `free_start` the
/// match may begin anywhere in `t`. `None` when a whole row exceeds `k` (no match possible).
fn osa<'r>(
    q: &[u8],
    t: &[u8],
    k: u32,
    free_start: bool,
    rows: &'r mut [Vec<u32>; 3],
) -> Option<&'r [u32]> {
    let width = t.len() + 1;
    for row in rows.iter_mut() {
        row.clear();
        row.resize(width, 0);
    }
    let [older, prev, cur] = rows;
    for (j, cell) in prev.iter_mut().enumerate() {
        *cell = if free_start { 0 } else { j as u32 };
    }
    for i in 1..=q.len() {
        cur[0] = i as u32;
        let mut row_min = cur[0];
        for j in 1..width {
            let cost = u32::from(q[i - 1] != t[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && q[i - 1] == t[j - 2] && q[i - 2] == t[j - 1] {
                d = d.min(older[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(older, prev);
        std::mem::swap(prev, cur);
    }
    Some(prev.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance() {
        let mut rows = [Vec::new(), Vec::new(), Vec::new()];
        let d = |q: &str, t: &str, rows: &mut [Vec<u32>; 3]| {
            edit_distance_from_start(q.as_bytes(), t.as_bytes(), 2, rows)
        };
        assert_eq!(
            d("orderpikker", "orderpicker", &mut rows),
            Some((Some(1), Some(1)))
        );
        assert_eq!(d("kpaper", "kapper", &mut rows), Some((Some(1), Some(1))));
        assert_eq!(
            d("heftrk", "heftruckchauffeur", &mut rows).map(|r| r.1),
            Some(Some(1))
        );
        assert_eq!(d("abc", "xyz", &mut rows), None);
        assert_eq!(
            edit_distance_anywhere(b"heftrukc", b"vorkheftruckchauffeur", 2, &mut rows),
            Some(1)
        );
    }
}
