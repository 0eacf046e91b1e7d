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

mod words;

use super::about::AboutIndex;
use super::normalize::{self, VariantKind};
use super::vocab::{Lists, Scratch, Vocab};
use super::{SearchDocument, SearchHit};

/// The most query tokens that count; the rest of a very long query is ignored.
const MAX_QUERY_TOKENS: usize = 8;
/// Longer queries are cut to this many characters before anything else.
const MAX_QUERY_CHARS: usize = 200;
const TERM_WEIGHT: f32 = 0.96;
/// Quality of each of two query words that together form one word of a name.
const JOINED_QUALITY: f32 = 0.98;
const SPREAD_WEIGHT: f32 = 0.85;
const COVERAGE_BASE: f32 = 0.7;

/// Quality factor of a gender variant (also of a plural's when two query words join).
const GENDER_WEIGHT: f32 = 0.95;

/// What a word found in the texts about the work is worth against the same word in a name.
const ABOUT_WEIGHT: f32 = 0.6;
/// How much a common, open occupation ([`SearchDocument::prior`] 1) is preferred over a rare
/// specialism (prior 0) when the hit comes from what the work is: the score is multiplied by
/// `1 - PRIOR_WEIGHT × (1 - prior)`.
const PRIOR_WEIGHT: f32 = 0.2;

/// A name id plus the word position in it, packed into one `u32` (position in the low byte).
const POS_BITS: u32 = 8;
const MAX_NAMES: usize = 1 << (32 - POS_BITS);
const MAX_POS: usize = (1 << POS_BITS) - 1;
const NO_TERM: u32 = u32::MAX;
/// No name matched (a document found through what the work is only).
const NO_NAME: u32 = u32::MAX;

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

/// Per document, for one query: its best name and, per query token, the best quality in
/// its names (`spread`) and in the texts about the work (`about`, with the word as written).
struct DocScore {
    /// The best name's score; negative when no name matched.
    score: f32,
    name: u32,
    spread: [f32; MAX_QUERY_TOKENS],
    about: [f32; MAX_QUERY_TOKENS],
    form: [u32; MAX_QUERY_TOKENS],
}

impl DocScore {
    fn new() -> Self {
        Self {
            score: -1.0,
            name: NO_NAME,
            spread: [0.0; MAX_QUERY_TOKENS],
            about: [0.0; MAX_QUERY_TOKENS],
            form: [0; MAX_QUERY_TOKENS],
        }
    }
}

/// A document's place in the result.
pub struct Ranked {
    doc: u32,
    score: f32,
    name: u32,
    /// Bit `q`: query token `q` counted through the texts about the work.
    about: u8,
    form: [u32; MAX_QUERY_TOKENS],
    /// Some query token counted through the name.
    named: bool,
}

/// The search index over a set of documents. Build it once ([`SearchIndex::new`]); it is
/// immutable afterwards and `search` takes `&self`.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    docs: Vec<SearchDocument>,
    names: Vec<NameInfo>,
    /// Every distinct normalised token of the names.
    vocab: Vocab,
    /// Token id → packed (name, position) occurrences.
    postings: Lists<u32>,
    /// The stems of the texts about the work.
    about: AboutIndex,
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
        let vocab = Vocab::new(
            name_tokens
                .iter()
                .flatten()
                .map(|t| Box::<str>::from(t.as_str()))
                .collect(),
        );

        // 3. Postings: token → (name, position).
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (n, tokens) in name_tokens.iter().enumerate() {
            for (pos, token) in tokens.iter().enumerate() {
                if let Some(id) = vocab.id(token) {
                    pairs.push((id, ((n as u32) << POS_BITS) | pos as u32));
                }
            }
        }
        pairs.sort_unstable();
        let postings = Lists::from_sorted(&pairs, vocab.len());

        // 4. What the work is.
        let about = AboutIndex::new(&docs);

        Self {
            docs,
            names,
            vocab,
            postings,
            about,
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

    /// How many distinct stems the texts about the work have.
    pub fn about_vocabulary_len(&self) -> usize {
        self.about.len()
    }

    /// Searches for `query`; at most `limit` hits, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        if limit == 0 || self.docs.is_empty() {
            return Vec::new();
        }
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let all = normalize::tokens(&query);
        let mut qtokens: Vec<String> = Vec::new();
        let content: Vec<&String> = all.iter().filter(|t| !normalize::is_filler(t)).collect();
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
                            if let Some(id) = self.vocab.id(&format!("{first}{link}{second}")) {
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
            let Some(entry) = docs.entry(name.doc, DocScore::new) else {
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

        // What the work is: each query word in the texts about the work. A word found in
        // few documents says more than one found in many (`weights`, an inverse document
        // frequency as in BM25).
        let mut weights = [0f32; MAX_QUERY_TOKENS];
        let mut about_scratch = self.about.scratch();
        let total = self.docs.len() as f32;
        for (q, token) in qtokens.iter().enumerate() {
            let credits = self.about.matches(token, &mut about_scratch);
            let df = credits.len() as f32;
            weights[q] = (1.0 + (total - df + 0.5) / (df + 0.5)).ln();
            for credit in credits {
                let Some(entry) = docs.entry(credit.doc, DocScore::new) else {
                    continue;
                };
                if credit.quality > entry.about[q] {
                    entry.about[q] = credit.quality;
                    entry.form[q] = credit.form;
                }
            }
        }
        let weight_sum: f32 = weights[..n].iter().sum();

        let mut ranked: Vec<Ranked> = docs
            .entries
            .into_iter()
            .map(|(doc, d)| {
                let spread = d.spread[..n].iter().sum::<f32>() / n as f32 * SPREAD_WEIGHT;
                let by_name = d.score.max(spread).max(0.0);
                let mut ranked = Ranked {
                    doc,
                    score: by_name,
                    name: d.name,
                    about: 0,
                    form: d.form,
                    named: d.score >= 0.0,
                };
                if d.about[..n].iter().any(|&a| a > 0.0) && weight_sum > 0.0 {
                    let mut sum = 0.0;
                    let mut about = 0u8;
                    let mut named = false;
                    for (q, weight) in weights[..n].iter().enumerate() {
                        let in_name = d.spread[q] * SPREAD_WEIGHT;
                        let in_about = d.about[q] * ABOUT_WEIGHT;
                        if in_about > in_name {
                            about |= 1 << q;
                        } else if in_name > 0.0 {
                            named = true;
                        }
                        sum += weight * in_name.max(in_about);
                    }
                    let prior = self
                        .docs
                        .get(doc as usize)
                        .map(|d| d.prior)
                        .filter(|p| p.is_finite())
                        .map_or(0.0, |p| p.clamp(0.0, 1.0));
                    let combined = sum / weight_sum * (1.0 - PRIOR_WEIGHT * (1.0 - prior));
                    if combined > by_name {
                        ranked.score = combined;
                        ranked.about = about;
                        ranked.named = named;
                    }
                }
                ranked.score = ranked.score.clamp(0.0, 1.0);
                ranked
            })
            .filter(|r| r.score > 0.0)
            .collect();
        let order = |a: &Ranked, b: &Ranked| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| self.name_len(a.name).cmp(&self.name_len(b.name)))
                .then_with(|| self.label_len(a.doc).cmp(&self.label_len(b.doc)))
                .then_with(|| self.label(a.doc).cmp(self.label(b.doc)))
                .then_with(|| self.key(a.doc).cmp(self.key(b.doc)))
        };
        if ranked.len() > limit {
            ranked.select_nth_unstable_by(limit - 1, order);
            ranked.truncate(limit);
        }
        ranked.sort_unstable_by(order);
        ranked
            .into_iter()
            .filter_map(|r| {
                let d = self.docs.get(r.doc as usize)?;
                let mut words: Vec<String> = Vec::new();
                for q in 0..n {
                    if r.about & (1 << q) != 0 {
                        let form = self.about.form(r.form[q]);
                        if !form.is_empty() && !words.iter().any(|w| w == form) {
                            words.push(form.to_owned());
                        }
                    }
                }
                Some(SearchHit {
                    key: d.key.clone(),
                    label: d.label.clone(),
                    score: r.score,
                    matched: if r.named {
                        self.name_text(r.name).to_owned()
                    } else {
                        String::new()
                    },
                    matched_words: words,
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
}

#[cfg(test)]
mod tests;
