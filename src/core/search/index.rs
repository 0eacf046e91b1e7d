//! The occupation search index: built once from [`SearchDocument`]s, queried on every
//! keystroke.
//!
//! # How a query is matched
//!
//! The query is normalised into tokens ([`super::normalize`]); stopwords ("in", "de", …) are
//! dropped unless the query has nothing else, and a single letter only counts as the last
//! word (the one being typed). At most [`MAX_QUERY_TOKENS`] words count. Each query token is matched against the
//! vocabulary (every distinct token of every label and term) in several ways, each with a
//! quality in 0..1:
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
//! Typos are edits (insert, delete, substitute, swap two neighbours): at most 1 for tokens of
//! 4–7 letters, 2 for longer ones, none for shorter ones; they are only tried when the token
//! has no exact match. Gender and plural variants ("kapster" → "kapper", "pakketten" →
//! "pakket") are matched exactly, as a prefix and inside compounds, with the quality times
//! 0.95 (gender, compound) or 0.93 (plural); a verb stem ("afwasser" → "afwas") only exactly
//! or as a prefix, times 0.80, and only when nothing matches the token exactly. A compound
//! whose first part is a plural or has a linking "s" ("stratenmaker") matches the other form
//! ("straatmaker") at 0.95. A word that matches nothing at all is split where one part is a
//! known word ("basisschool" → "basis" + "school"), each part matching at 0.6 × its quality.
//! Two query words that together form one word of a name ("monteur auto" → "automonteur",
//! "bezorger pakketten" → "pakketbezorger") both count as matching it at 0.98 (× 0.95 per
//! variant used).
//!
//! Candidates for compound and typo matches come from a trigram table of the vocabulary, so a
//! query never walks the whole corpus; typo candidates are limited to the
//! [`FUZZY_CANDIDATES`] tokens sharing the most trigrams with the query token. A query
//! allocates only small zeroed scratch tables (a counter per vocabulary word, a slot per name
//! and per document: about 130 KB for the full ESCO file), never a copy of the corpus.
//!
//! # How a document is scored
//!
//! A document's names are its label and its terms (synonyms, gendered forms). For one name:
//!
//! `score = mean over query tokens of the best quality in that name
//!          × (0.7 + 0.3 × share of the name's words, stopwords aside, that the query matched)
//!          × 1.0 for the label, 0.96 for a term`
//!
//! so every query token counts, a name matching more of them ranks higher, a name that is
//! mostly what was typed ranks above a long name that merely contains it, and the preferred
//! label beats a synonym. When the query tokens are found in different names of the same
//! document ("bezorger pakketten": "pizzabezorger" and "chauffeur pakketdienst"), the mean of
//! each token's best quality over the whole document, times 0.85, counts too. A document's
//! score is the best of these. **Scores are in 0..=1** (1 = the label, exactly as typed).
//! Ties go to the shorter matched name, then the shorter label, then alphabetical order.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::normalize::{self, VariantKind};
use super::{SearchDocument, SearchHit};

/// The most query tokens that count; the rest of a very long query is ignored.
pub const MAX_QUERY_TOKENS: usize = 8;
/// Longer queries are cut to this many characters before anything else.
pub const MAX_QUERY_CHARS: usize = 200;
/// How many typo candidates (by shared trigrams) get an edit-distance check per token.
pub const FUZZY_CANDIDATES: usize = 150;
/// Tokens longer than this (in bytes) are not checked for typos.
const MAX_FUZZY_LEN: usize = 40;

const TERM_WEIGHT: f32 = 0.96;
/// Quality of each of two query words that together form one word of a name.
const JOINED_QUALITY: f32 = 0.98;
/// Quality factor of the parts of a query word that matched nothing as a whole.
const SPLIT_WEIGHT: f32 = 0.6;
const SPREAD_WEIGHT: f32 = 0.85;
const COVERAGE_BASE: f32 = 0.7;

const GENDER_WEIGHT: f32 = 0.95;
const PLURAL_WEIGHT: f32 = 0.93;
const COMPOUND_WEIGHT: f32 = 0.95;
const STEM_WEIGHT: f32 = 0.80;

const FUZZY_WHOLE: [f32; 3] = [1.0, 0.58, 0.48];
const FUZZY_PREFIX: [f32; 3] = [1.0, 0.52, 0.44];
const FUZZY_INFIX: [f32; 3] = [1.0, 0.46, 0.40];

/// A name id plus the word position in it, packed into one `u32` (position in the low byte).
const POS_BITS: u32 = 8;
const MAX_NAMES: usize = 1 << (32 - POS_BITS);
const MAX_POS: usize = (1 << POS_BITS) - 1;
const NO_TERM: u32 = u32::MAX;

/// A compressed list of lists: the items of list `i` are `items[offsets[i]..offsets[i+1]]`.
#[derive(Debug, Clone, Default)]
struct Lists {
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    /// From `(list, item)` pairs sorted by list; `count` lists.
    fn from_sorted(pairs: &[(u32, u32)], count: usize) -> Self {
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

    fn get(&self, list: usize) -> &[u32] {
        match (self.offsets.get(list), self.offsets.get(list + 1)) {
            (Some(&start), Some(&end)) => {
                self.items.get(start as usize..end as usize).unwrap_or(&[])
            }
            _ => &[],
        }
    }
}

#[derive(Debug, Clone)]
struct NameInfo {
    doc: u32,
    /// Index into the document's terms, or [`NO_TERM`] for the label.
    term: u32,
    /// Bit `i` is set when word `i` is not a stopword (words past 64 are not tracked).
    content_mask: u64,
    content_len: u32,
    char_len: u32,
}

/// A fast hasher for `u32` keys (the accumulator is rebuilt on every keystroke).
#[derive(Default)]
struct IdHasher(u64);

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

type IdMap<V> = HashMap<u32, V, BuildHasherDefault<IdHasher>>;

/// Per name: the best quality for each query token, and which of its words were matched.
#[derive(Debug, Clone, Copy, Default)]
struct Accumulator {
    best: [f32; MAX_QUERY_TOKENS],
    matched: u64,
}

/// A map for one query from ids below a known bound (names, documents): a slot per id in
/// zeroed memory, which is cheap to allocate, and the values in insertion order.
struct DenseMap<T> {
    slots: Vec<u32>,
    entries: Vec<(u32, T)>,
}

impl<T> DenseMap<T> {
    fn new(bound: usize) -> Self {
        Self {
            slots: vec![0; bound],
            entries: Vec::new(),
        }
    }

    /// The value for `id`, created with `init` on first use; `None` for an id out of bounds.
    fn entry(&mut self, id: u32, init: impl FnOnce() -> T) -> Option<&mut T> {
        let slot = self.slots.get_mut(id as usize)?;
        if *slot == 0 {
            self.entries.push((id, init()));
            *slot = self.entries.len() as u32;
        }
        let index = *slot as usize - 1;
        self.entries.get_mut(index).map(|(_, value)| value)
    }
}

/// Scratch space for one query: trigram counts over the vocabulary.
struct Scratch {
    counts: Vec<u16>,
    touched: Vec<u32>,
    rows: [Vec<u32>; 3],
}

impl Scratch {
    fn new(vocab: usize) -> Self {
        Self {
            counts: vec![0; vocab],
            touched: Vec::new(),
            rows: [Vec::new(), Vec::new(), Vec::new()],
        }
    }

    fn clear(&mut self) {
        for &id in &self.touched {
            if let Some(c) = self.counts.get_mut(id as usize) {
                *c = 0;
            }
        }
        self.touched.clear();
    }
}

/// The search index over a set of documents. Build it once ([`SearchIndex::new`]); it is
/// immutable afterwards and `search` takes `&self`.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    docs: Vec<SearchDocument>,
    names: Vec<NameInfo>,
    /// Every distinct normalised token, sorted (so a prefix is a contiguous range).
    vocab: Vec<Box<str>>,
    /// Token id → packed (name, position) occurrences.
    postings: Lists,
    /// Sorted trigram keys; `trigram_tokens.get(i)` are the tokens containing key `i`.
    trigram_keys: Vec<u32>,
    trigram_tokens: Lists,
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

impl SearchIndex {
    /// Builds the index. Documents with nothing searchable are kept (they just never match).
    pub fn new(docs: Vec<SearchDocument>) -> Self {
        // 1. Every name, normalised into tokens.
        let mut names = Vec::new();
        let mut name_tokens: Vec<Vec<String>> = Vec::new();
        'docs: for (d, doc) in docs.iter().enumerate() {
            // A set: an imported row may have 100,000s of labels.
            let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
            let all = std::iter::once((NO_TERM, doc.label.as_str())).chain(
                doc.terms
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (i as u32, t.as_str())),
            );
            for (term, text) in all {
                if names.len() >= MAX_NAMES {
                    break 'docs;
                }
                let normalized = normalize::normalize(text);
                if normalized.is_empty() || seen.contains(&normalized) {
                    continue;
                }
                let tokens: Vec<String> = normalized
                    .split(' ')
                    .take(MAX_POS + 1)
                    .map(str::to_owned)
                    .collect();
                seen.insert(normalized);
                let mut content_mask = 0u64;
                let mut content_len = 0u32;
                for (pos, token) in tokens.iter().enumerate() {
                    if !normalize::is_stopword(token) {
                        content_len += 1;
                        if pos < 64 {
                            content_mask |= 1 << pos;
                        }
                    }
                }
                names.push(NameInfo {
                    doc: d as u32,
                    term,
                    content_mask,
                    content_len,
                    char_len: text.chars().count() as u32,
                });
                name_tokens.push(tokens);
            }
        }

        // 2. The vocabulary.
        let mut vocab: Vec<Box<str>> = name_tokens
            .iter()
            .flatten()
            .map(|t| Box::<str>::from(t.as_str()))
            .collect();
        vocab.sort_unstable();
        vocab.dedup();

        // 3. Postings: token → (name, position).
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (n, tokens) in name_tokens.iter().enumerate() {
            for (pos, token) in tokens.iter().enumerate() {
                if let Ok(id) = vocab.binary_search_by(|v| (**v).cmp(token.as_str())) {
                    pairs.push((id as u32, ((n as u32) << POS_BITS) | pos as u32));
                }
            }
        }
        pairs.sort_unstable();
        let postings = Lists::from_sorted(&pairs, vocab.len());

        // 4. Trigrams: trigram → tokens containing it.
        let mut tri_pairs: Vec<(u32, u32)> = Vec::new();
        for (id, token) in vocab.iter().enumerate() {
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
            docs,
            names,
            vocab,
            postings,
            trigram_keys,
            trigram_tokens,
        }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    pub fn documents(&self) -> &[SearchDocument] {
        &self.docs
    }

    /// How many distinct words the index knows.
    pub fn vocabulary_len(&self) -> usize {
        self.vocab.len()
    }

    /// How many names (labels and terms) the index searches.
    pub fn names_len(&self) -> usize {
        self.names.len()
    }

    fn token_id(&self, token: &str) -> Option<u32> {
        self.vocab
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
    fn count_trigrams(&self, token: &str, scratch: &mut Scratch) -> usize {
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

    /// Searches for `query`; at most `limit` hits, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        if limit == 0 || self.docs.is_empty() {
            return Vec::new();
        }
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let all = normalize::tokens(&query);
        let mut qtokens: Vec<String> = Vec::new();
        let content: Vec<&String> = all.iter().filter(|t| !normalize::is_stopword(t)).collect();
        let source: Vec<&String> = if content.is_empty() {
            all.iter().collect()
        } else {
            content
        };
        let last = source.len().saturating_sub(1);
        for (i, token) in source.into_iter().enumerate() {
            // A single letter only counts as the word being typed (the last one): "a b c d"
            // says nothing, and each letter would match a tenth of the vocabulary.
            let letter = token.chars().nth(1).is_none();
            if (!letter || i == last)
                && !qtokens.contains(token)
                && qtokens.len() < MAX_QUERY_TOKENS
            {
                qtokens.push(token.clone());
            }
        }
        if qtokens.is_empty() {
            return Vec::new();
        }

        let mut scratch = Scratch::new(self.vocab.len());
        let mut acc: DenseMap<Accumulator> = DenseMap::new(self.names.len());
        let credit = |id: u32, q: usize, quality: f32, acc: &mut DenseMap<Accumulator>| {
            for &packed in self.postings.get(id as usize) {
                let name = packed >> POS_BITS;
                let pos = packed & ((1 << POS_BITS) - 1);
                let Some(entry) = acc.entry(name, Accumulator::default) else {
                    continue;
                };
                if quality > entry.best[q] {
                    entry.best[q] = quality;
                }
                if pos < 64 {
                    entry.matched |= 1 << pos;
                }
            }
        };
        for (q, token) in qtokens.iter().enumerate() {
            for (id, quality) in self.match_token(token, &mut scratch) {
                credit(id, q, quality, &mut acc);
            }
        }
        // Two query words that together are one word of a name: "monteur auto" is
        // "automonteur", "heftruck chauffeur" is "heftruckchauffeur", "bezorger pakketten" is
        // "pakketbezorger" (with the singular of the first part).
        let forms = |token: &String| -> Vec<(String, f32)> {
            std::iter::once((token.clone(), 1.0))
                .chain(
                    normalize::variants(token)
                        .into_iter()
                        .filter(|v| matches!(v.kind, VariantKind::Gender | VariantKind::Plural))
                        .map(|v| (v.text, GENDER_WEIGHT)),
                )
                .collect()
        };
        let all_forms: Vec<Vec<(String, f32)>> = qtokens.iter().map(forms).collect();
        for (a, first_forms) in all_forms.iter().enumerate() {
            for (b, second_forms) in all_forms.iter().enumerate() {
                if a == b {
                    continue;
                }
                for (first, w1) in first_forms {
                    for (second, w2) in second_forms {
                        let quality = JOINED_QUALITY * w1 * w2;
                        for link in ["", "s"] {
                            if let Some(id) = self.token_id(&format!("{first}{link}{second}")) {
                                credit(id, a, quality, &mut acc);
                                credit(id, b, quality, &mut acc);
                            }
                        }
                    }
                }
            }
        }

        // Best name per document, and each token's best quality over the whole document.
        let n = qtokens.len();
        struct DocScore {
            score: f32,
            name: u32,
            spread: [f32; MAX_QUERY_TOKENS],
        }
        let mut docs: DenseMap<DocScore> = DenseMap::new(self.docs.len());
        for &(name_id, ref a) in &acc.entries {
            let Some(name) = self.names.get(name_id as usize) else {
                continue;
            };
            let kind = if name.term == NO_TERM {
                1.0
            } else {
                TERM_WEIGHT
            };
            let mean = a.best[..n].iter().sum::<f32>() / n as f32;
            let coverage = if name.content_len == 0 {
                1.0
            } else {
                (a.matched & name.content_mask).count_ones() as f32
                    / name.content_len.min(64) as f32
            };
            let score = mean * (COVERAGE_BASE + (1.0 - COVERAGE_BASE) * coverage) * kind;
            let Some(entry) = docs.entry(name.doc, || DocScore {
                score: -1.0,
                name: name_id,
                spread: [0.0; MAX_QUERY_TOKENS],
            }) else {
                continue;
            };
            if score > entry.score
                || (score == entry.score && self.name_len(name_id) < self.name_len(entry.name))
            {
                entry.score = score;
                entry.name = name_id;
            }
            for (s, b) in entry.spread.iter_mut().zip(a.best.iter()) {
                *s = s.max(*b * kind);
            }
        }

        let mut ranked: Vec<(u32, f32, u32)> = docs
            .entries
            .into_iter()
            .map(|(doc, d)| {
                let spread = d.spread[..n].iter().sum::<f32>() / n as f32 * SPREAD_WEIGHT;
                (doc, d.score.max(spread).clamp(0.0, 1.0), d.name)
            })
            .collect();
        let order = |a: &(u32, f32, u32), b: &(u32, f32, u32)| {
            b.1.total_cmp(&a.1)
                .then_with(|| self.name_len(a.2).cmp(&self.name_len(b.2)))
                .then_with(|| self.label_len(a.0).cmp(&self.label_len(b.0)))
                .then_with(|| self.label(a.0).cmp(self.label(b.0)))
                .then_with(|| self.key(a.0).cmp(self.key(b.0)))
        };
        if ranked.len() > limit {
            ranked.select_nth_unstable_by(limit - 1, order);
            ranked.truncate(limit);
        }
        ranked.sort_unstable_by(order);
        ranked
            .into_iter()
            .filter_map(|(doc, score, name)| {
                let d = self.docs.get(doc as usize)?;
                Some(SearchHit {
                    key: d.key.clone(),
                    label: d.label.clone(),
                    score,
                    matched: self.name_text(name).to_owned(),
                })
            })
            .collect()
    }

    fn name_len(&self, name: u32) -> u32 {
        self.names
            .get(name as usize)
            .map_or(u32::MAX, |n| n.char_len)
    }

    fn label(&self, doc: u32) -> &str {
        self.docs.get(doc as usize).map_or("", |d| d.label.as_str())
    }

    fn label_len(&self, doc: u32) -> usize {
        self.label(doc).chars().count()
    }

    fn key(&self, doc: u32) -> &str {
        self.docs.get(doc as usize).map_or("", |d| d.key.as_str())
    }

    fn name_text(&self, name: u32) -> &str {
        let Some(info) = self.names.get(name as usize) else {
            return "";
        };
        let Some(doc) = self.docs.get(info.doc as usize) else {
            return "";
        };
        if info.term == NO_TERM {
            &doc.label
        } else {
            doc.terms.get(info.term as usize).map_or("", String::as_str)
        }
    }

    /// The vocabulary tokens that `token` matches, each with its quality.
    fn match_token(&self, token: &str, scratch: &mut Scratch) -> Vec<(u32, f32)> {
        let mut found: IdMap<f32> = IdMap::default();
        let mut add = |id: u32, quality: f32| {
            let q = found.entry(id).or_insert(0.0);
            if quality > *q {
                *q = quality;
            }
        };

        let mut exact = self.match_plain(token, 1.0, true, scratch, &mut add);
        let variants = normalize::variants(token);
        for variant in variants.iter().filter(|v| v.kind != VariantKind::Stem) {
            let weight = match variant.kind {
                VariantKind::Plural => PLURAL_WEIGHT,
                _ => GENDER_WEIGHT,
            };
            exact |= self.match_plain(
                &variant.text,
                weight,
                variant.text.len() >= 5,
                scratch,
                &mut add,
            );
        }
        for compound in normalize::compound_variants(token) {
            if let Some(id) = self.token_id(&compound) {
                add(id, COMPOUND_WEIGHT);
                exact = true;
            }
        }
        if !exact {
            for variant in variants.iter().filter(|v| v.kind == VariantKind::Stem) {
                self.match_plain(&variant.text, STEM_WEIGHT, false, scratch, &mut add);
            }
            self.match_fuzzy(token, scratch, &mut add);
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
            if self.token_id(first).is_none() && self.token_id(second).is_none() {
                continue;
            }
            self.match_plain(first, SPLIT_WEIGHT, false, scratch, &mut add);
            self.match_plain(second, SPLIT_WEIGHT, true, scratch, &mut add);
            return;
        }
    }

    /// Exact, prefix and (with `infix`) compound matches of `token`, times `weight`.
    /// Returns whether the token itself is in the vocabulary.
    fn match_plain(
        &self,
        token: &str,
        weight: f32,
        infix: bool,
        scratch: &mut Scratch,
        add: &mut impl FnMut(u32, f32),
    ) -> bool {
        let len = token.len() as f32;
        let start = self.vocab.partition_point(|v| &**v < token);
        let mut exact = false;
        for (offset, candidate) in self.vocab[start..].iter().enumerate() {
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
                let Some(candidate) = self.vocab.get(id as usize) else {
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
    fn match_fuzzy(&self, token: &str, scratch: &mut Scratch, add: &mut impl FnMut(u32, f32)) {
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
                let len = self.vocab.get(id as usize)?.len();
                (count >= threshold && len + k as usize >= q.len()).then_some((count, id))
            })
            .collect();
        candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        candidates.truncate(FUZZY_CANDIDATES);
        let rows = &mut scratch.rows;
        for (_, id) in candidates {
            let Some(candidate) = self.vocab.get(id as usize) else {
                continue;
            };
            let t = candidate.as_bytes();
            if let Some((whole, prefix)) = edit_distance_from_start(q, t, k, rows) {
                if let Some(d) = whole {
                    add(id, FUZZY_WHOLE[d as usize]);
                    continue;
                }
                if let Some(d) = prefix {
                    add(id, FUZZY_PREFIX[d as usize]);
                    continue;
                }
            }
            if t.len() > q.len() {
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
fn edit_distance_from_start(
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
fn edit_distance_anywhere(q: &[u8], t: &[u8], k: u32, rows: &mut [Vec<u32>; 3]) -> Option<u32> {
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

    fn doc(key: &str, label: &str, terms: &[&str]) -> SearchDocument {
        SearchDocument {
            key: key.into(),
            label: label.into(),
            terms: terms.iter().map(|t| (*t).to_owned()).collect(),
        }
    }

    fn small() -> SearchIndex {
        SearchIndex::new(vec![
            doc("kapper", "kapper", &["haarkapper", "kapster"]),
            doc("herenkapper", "herenkapper", &["herenkapster"]),
            doc(
                "heftruck",
                "heftruckchauffeur",
                &["chauffeur vorkheftruck", "bestuurder heftruck"],
            ),
            doc(
                "vracht",
                "vrachtwagenchauffeur",
                &["chauffeur vrachtwagen", "vrachtwagenbestuurster"],
            ),
            doc("order", "orderpicker", &["orderverzamelaar"]),
            doc("kassa", "kassamedewerker", &["caissière", "kassière"]),
            doc("kok", "kok", &["kokkin", "chef-kok"]),
            doc(
                "kok-inst",
                "industriële kok",
                &["kok in een industriële keuken"],
            ),
            doc(
                "schoon",
                "schoonmaker gebouwen",
                &["schoonmaker", "glazenwasser"],
            ),
            doc("straat", "machinist wegenbouwmachine", &["straatmaker"]),
            doc("keuken", "medewerker keuken", &["afwashulp"]),
            doc(
                "koerier",
                "auto- en bestelwagenkoerier",
                &["pizzabezorger", "chauffeur pakketdienst"],
            ),
        ])
    }

    fn top(index: &SearchIndex, query: &str) -> Vec<String> {
        index.search(query, 5).into_iter().map(|h| h.key).collect()
    }

    #[test]
    fn exact_label_ranks_first() {
        let index = small();
        assert_eq!(top(&index, "kapper")[0], "kapper");
        assert_eq!(top(&index, "kok")[..2], ["kok", "kok-inst"]);
        let hits = index.search("Kok", 3);
        assert_eq!(hits[0].score, 1.0);
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn typos_diacritics_gender_fragments() {
        let index = small();
        assert_eq!(top(&index, "orderpikker")[0], "order");
        assert_eq!(top(&index, "heftrukchauffeur")[0], "heftruck");
        assert_eq!(top(&index, "caissiere")[0], "kassa");
        assert_eq!(top(&index, "kassiere")[0], "kassa");
        assert_eq!(top(&index, "heftruck")[0], "heftruck");
        assert_eq!(top(&index, "heft")[0], "heftruck");
        assert_eq!(top(&index, "schoonmaakster")[0], "schoon");
        assert_eq!(top(&index, "kokkin")[0], "kok");
        assert_eq!(top(&index, "stratenmaker")[0], "straat");
        assert_eq!(top(&index, "afwasser")[0], "keuken");
    }

    #[test]
    fn gendered_form_shows_what_matched() {
        let index = small();
        let hits = index.search("kapster", 5);
        assert_eq!(hits[0].key, "kapper");
        assert_eq!(hits[0].matched, "kapster");
        let hits = index.search("glazenwasser", 5);
        assert_eq!(hits[0].label, "schoonmaker gebouwen");
        assert_eq!(hits[0].matched, "glazenwasser");
    }

    #[test]
    fn several_words_all_count() {
        let index = small();
        assert_eq!(top(&index, "chauffeur vrachtwagen")[0], "vracht");
        assert_eq!(top(&index, "chauffeur heftruck")[0], "heftruck");
        assert_eq!(top(&index, "bezorger pakketten")[0], "koerier");
        assert_eq!(top(&index, "kok in een keuken")[0], "kok-inst");
    }

    #[test]
    fn prefix_beats_infix_beats_typo() {
        let index = SearchIndex::new(vec![
            doc("typo", "trick", &[]),
            doc("infix", "vorktruck", &[]),
            doc("prefix", "truckchauffeur", &[]),
            doc("exact", "truck", &[]),
        ]);
        assert_eq!(top(&index, "truck"), ["exact", "prefix", "infix"]);
        let index = SearchIndex::new(vec![
            doc("infix", "heftruckchauffeur", &[]),
            doc("typo", "heftruk", &[]),
        ]);
        assert_eq!(top(&index, "heftruck"), ["infix", "typo"]);
    }

    #[test]
    fn label_beats_synonym_and_shorter_label_breaks_ties() {
        let index = SearchIndex::new(vec![
            doc("syn", "iets anders", &["beveiliger"]),
            doc("label", "beveiliger", &[]),
            doc("long", "beveiliger xx", &[]),
            doc("short", "beveiliger x", &[]),
        ]);
        assert_eq!(top(&index, "beveiliger"), ["label", "syn", "short", "long"]);
    }

    #[test]
    fn empty_and_odd_queries() {
        let index = small();
        assert!(index.search("", 5).is_empty());
        assert!(index.search("   ---  ", 5).is_empty());
        assert!(index.search("kok", 0).is_empty());
        assert!(index.search("xyzzyq", 5).is_empty());
        let _ = index.search(&"a".repeat(10_000), 5);
        let _ = index.search("日本語 ǅ ﬃ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", 5);
        assert!(SearchIndex::new(Vec::new()).search("kok", 5).is_empty());
        // A stopword alone still searches.
        let _ = index.search("de", 5);
    }

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
