//! Occupation search: a typeahead over occupation names and synonyms that copes with what job
//! seekers type — typos ("orderpikker"), missing diacritics ("caissiere"), gendered forms
//! ("kapster"), fragments and compounds ("heftruck"), informal words (through the terms) and
//! several words at once. It works on the bundled catalogue ([`catalog_documents`]) and on the
//! imported ESCO file ([`esco_documents`]).
//!
//! It also finds an occupation by what the work is — "iets met paarden", "voor baby's
//! zorgen", "fix cars" — through the texts about the work ([`SearchDocument::about`]: the
//! catalogue's "wat doe je in dit werk" sentences, ESCO's descriptions), and says why
//! ([`SearchHit::matched_words`]). When nothing [fits well](SearchHit::fits_well) the screen
//! says so instead of offering unrelated occupations.
//!
//! `documents` makes the documents, [`normalize`] has the text rules, [`vocab`] the ways a
//! word matches, [`about`] the texts about the work, [`index`] the scoring (scores are in
//! 0..=1; the module docs there give the formula).

pub mod about;
mod documents;
pub mod index;
pub mod normalize;
mod vocab;

use serde::{Deserialize, Serialize};

use crate::core::occupation::OccupationCatalog;
use crate::core::text::Language;

pub use documents::{catalog_documents, catalog_prior, esco_documents, ISCO_INHERIT};
pub use index::SearchIndex;
pub use vocab::FUZZY_CANDIDATES;

/// Something to find: an occupation with its name, the other words people use for it, and
/// what the work is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchDocument {
    /// ESCO occupation URI, or `werkmap:<id>` for a catalogue occupation without one.
    pub key: String,
    /// The preferred name.
    pub label: String,
    /// Synonyms, gendered forms, informal words.
    pub terms: Vec<String>,
    /// What the work is, each text in its language: descriptions and "what you do"
    /// sentences.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<AboutText>,
    /// How common and open to newcomers the occupation is, 0 (a rare specialism, or not
    /// known) to 1 (work many people start in without a diploma): [`catalog_prior`]. When a
    /// vague query matches what many occupations do, the common ones come first.
    #[serde(default)]
    pub prior: f32,
}

/// A text about the work in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AboutText {
    pub language: Language,
    pub text: String,
}

/// A hit with at least this score fits what was typed well (see [`SearchHit::fits_well`]).
const GOOD_FIT: f32 = 0.4;

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub key: String,
    pub label: String,
    /// 0..=1, higher is better; 1 means the query is exactly the label.
    pub score: f32,
    /// The label or term that matched, so the UI can show "kapster → kapper"; empty when the
    /// occupation was found only through what the work is.
    pub matched: String,
    /// The words of the texts about the work that matched the query, as they are written
    /// there ("paarden", "verzorgt"), in the order of the query; empty when the name alone
    /// explains the hit.
    #[serde(default)]
    pub matched_words: Vec<String>,
}

impl SearchHit {
    /// The rule for "this fits what you typed": the score is at least [`GOOD_FIT`]. A score
    /// is a weighted mean over the query's words, so this holds when the name matches well
    /// (exactly, as the start of a word, or with a typo in a name that is mostly what was
    /// typed), or when the words that say the most (the rarest ones) are found in what the
    /// work is. It does not hold when an important word is found nowhere, or only through a
    /// typo in a description. When no hit fits well, the screen says so and offers the
    /// interest check instead of a list of occupations that share a word by chance.
    pub fn fits_well(&self) -> bool {
        self.score >= GOOD_FIT
    }
}

/// Key prefix of a catalogue occupation that has no ESCO URI.
pub(crate) const CATALOG_KEY_PREFIX: &str = "werkmap:";

/// Where a search hit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The bundled catalogue: the occupation has a competence profile.
    Catalogue,
    /// An imported ESCO file.
    Esco,
}

/// The catalogue occupation behind a hit from [`catalog_documents`]. Two catalogue
/// occupations may share one ESCO concept; the one whose name is the hit's label wins.
pub fn catalog_occupation<'a>(
    catalog: &'a OccupationCatalog,
    hit: &SearchHit,
) -> Option<&'a crate::core::occupation::Occupation> {
    if let Some(id) = hit.key.strip_prefix(CATALOG_KEY_PREFIX) {
        return catalog.get(id);
    }
    let mut same_concept = catalog
        .occupations
        .iter()
        .filter(|o| o.esco_uri.as_deref() == Some(hit.key.as_str()));
    let first = same_concept.next()?;
    Some(
        std::iter::once(first)
            .chain(same_concept)
            .find(|o| o.name.nl == hit.label)
            .unwrap_or(first),
    )
}

/// Searches the bundled catalogue and, when there is one, an imported ESCO file: one list,
/// best first, at most `limit`. An ESCO occupation the catalogue already has is listed once,
/// as the catalogue's (which has a competence profile).
pub fn search_all(
    catalogue: &SearchIndex,
    imported: Option<&SearchIndex>,
    query: &str,
    limit: usize,
) -> Vec<(SearchHit, Source)> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(SearchHit, Source)> = catalogue
        .search(query, limit)
        .into_iter()
        .map(|hit| (hit, Source::Catalogue))
        .collect();
    if let Some(imported) = imported {
        for hit in imported.search(query, limit) {
            if !hits.iter().any(|(h, _)| h.key == hit.key) {
                hits.push((hit, Source::Esco));
            }
        }
    }
    hits.sort_by(|a, b| b.0.score.total_cmp(&a.0.score));
    hits.truncate(limit);
    hits
}

#[cfg(test)]
mod merge_tests {
    use super::*;

    fn doc(key: &str, label: &str) -> SearchDocument {
        SearchDocument {
            key: key.into(),
            label: label.into(),
            terms: Vec::new(),
            about: Vec::new(),
            prior: 0.0,
        }
    }

    #[test]
    fn catalogue_and_esco_merge_without_doubles() {
        let catalogue = SearchIndex::new(vec![doc("esco:1", "kapper"), doc("werkmap:kok", "kok")]);
        let esco = SearchIndex::new(vec![
            doc("esco:1", "kapper"),
            doc("esco:2", "kapsalonhouder"),
        ]);
        let hits = search_all(&catalogue, Some(&esco), "kap", 10);
        let keys: Vec<(&str, Source)> = hits.iter().map(|(h, s)| (h.key.as_str(), *s)).collect();
        assert!(keys.contains(&("esco:1", Source::Catalogue)), "{keys:?}");
        assert!(keys.contains(&("esco:2", Source::Esco)), "{keys:?}");
        assert_eq!(keys.iter().filter(|(k, _)| *k == "esco:1").count(), 1);
        assert!(search_all(&catalogue, Some(&esco), "  ", 10).is_empty());
    }

    #[test]
    fn hits_lead_back_to_catalogue_occupations() {
        let Ok(catalog) = OccupationCatalog::bundled() else {
            panic!("bundled catalogue loads");
        };
        let index = SearchIndex::new(catalog_documents(&catalog));
        for occupation in &catalog.occupations {
            let hits = index.search(&occupation.name.nl, 10);
            let found = hits
                .iter()
                .filter_map(|hit| catalog_occupation(&catalog, hit))
                .any(|o| o.id == occupation.id);
            assert!(found, "{} leads back to itself", occupation.id);
        }
    }
}
