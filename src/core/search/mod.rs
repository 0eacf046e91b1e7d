//! Occupation search: a typeahead over occupation names and synonyms that copes with what job
//! seekers type — typos ("orderpikker"), missing diacritics ("caissiere"), gendered forms
//! ("kapster"), fragments and compounds ("heftruck"), informal words (through the terms) and
//! several words at once. It works on the bundled catalogue ([`catalog_documents`]) and on the
//! imported ESCO file ([`crate::core::esco::EscoCatalog::search_documents`]).
//!
//! [`normalize`] has the text rules, [`index`] the matching and scoring (scores are in 0..=1;
//! the module docs there give the formula).

pub mod index;
pub mod normalize;

use serde::{Deserialize, Serialize};

use crate::core::occupation::OccupationCatalog;

pub use index::SearchIndex;

/// Something to find: an occupation with its name and the other words people use for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDocument {
    /// ESCO occupation URI, or `werkmap:<id>` for a catalogue occupation without one.
    pub key: String,
    /// The preferred name.
    pub label: String,
    /// Synonyms, gendered forms, informal words.
    pub terms: Vec<String>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub key: String,
    pub label: String,
    /// 0..=1, higher is better; 1 means the query is exactly the label.
    pub score: f32,
    /// The label or term that matched, so the UI can show "kapster → kapper".
    pub matched: String,
}

/// One search document per occupation of the bundled catalogue: the ESCO URI as key (or
/// `werkmap:<id>` when ESCO has no such occupation), the Dutch name as label, and the
/// synonyms, gendered forms and English name as terms.
pub fn catalog_documents(catalog: &OccupationCatalog) -> Vec<SearchDocument> {
    catalog
        .occupations
        .iter()
        .map(|o| {
            let mut terms: Vec<String> = o.synonyms.iter().chain(&o.gendered).cloned().collect();
            if !o.name.en.trim().is_empty() && !o.name.en.eq_ignore_ascii_case(&o.name.nl) {
                terms.push(o.name.en.clone());
            }
            SearchDocument {
                key: o
                    .esco_uri
                    .clone()
                    .unwrap_or_else(|| format!("{CATALOG_KEY_PREFIX}{}", o.id)),
                label: o.name.nl.clone(),
                terms,
            }
        })
        .collect()
}

/// Key prefix of a catalogue occupation that has no ESCO URI.
pub const CATALOG_KEY_PREFIX: &str = "werkmap:";

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
