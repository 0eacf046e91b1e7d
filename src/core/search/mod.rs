//! Occupation search: a typeahead over occupation names and synonyms that copes with what job
//! seekers type — typos ("orderpikker"), missing diacritics ("caissiere"), gendered forms
//! ("kapster"), fragments and compounds ("heftruck"), informal words (through the terms) and
//! several words at once. It works on the bundled catalogue ([`catalog_documents`]) and on the
//! imported ESCO file ([`crate::core::esco::EscoCatalog::search_documents`]).
//!
//! It also finds an occupation by what the work is — "iets met paarden", "voor baby's
//! zorgen", "fix cars" — through the texts about the work ([`SearchDocument::about`]: the
//! catalogue's "wat doe je in dit werk" sentences, ESCO's descriptions), and says why
//! ([`SearchHit::matched_words`]). When nothing [fits well](SearchHit::fits_well) the screen
//! says so instead of offering unrelated occupations.
//!
//! [`normalize`] has the text rules, [`vocab`] the ways a word matches, [`about`] the texts
//! about the work, [`index`] the scoring (scores are in 0..=1; the module docs there give the
//! formula).

pub mod about;
pub mod index;
pub mod normalize;
mod vocab;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::core::esco::EscoCatalog;
use crate::core::occupation::{Occupation, OccupationCatalog};
use crate::core::text::Language;
use crate::core::vocab::EducationLevel;

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
pub const GOOD_FIT: f32 = 0.4;

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

/// One search document per occupation of the bundled catalogue: the ESCO URI as key (or
/// `werkmap:<id>` when ESCO has no such occupation), the Dutch name as label, the synonyms,
/// gendered forms and English name as terms, the "wat doe je in dit werk" sentences in both
/// languages as what the work is, and [`catalog_prior`].
pub fn catalog_documents(catalog: &OccupationCatalog) -> Vec<SearchDocument> {
    catalog
        .occupations
        .iter()
        .map(|o| SearchDocument {
            key: o
                .esco_uri
                .clone()
                .unwrap_or_else(|| format!("{CATALOG_KEY_PREFIX}{}", o.id)),
            label: o.name.nl.clone(),
            terms: catalog_terms(o),
            about: tasks(o),
            prior: catalog_prior(o),
        })
        .collect()
}

fn catalog_terms(o: &Occupation) -> Vec<String> {
    let mut terms: Vec<String> = o.synonyms.iter().chain(&o.gendered).cloned().collect();
    if !o.name.en.trim().is_empty() && !o.name.en.eq_ignore_ascii_case(&o.name.nl) {
        terms.push(o.name.en.clone());
    }
    terms
}

fn tasks(o: &Occupation) -> Vec<AboutText> {
    Language::ALL
        .iter()
        .flat_map(|&language| {
            o.tasks.iter().map(move |t| AboutText {
                language,
                text: t.get(language).to_owned(),
            })
        })
        .collect()
}

/// How open a catalogue occupation is to someone (re-)entering work, 0..=1. Every catalogue
/// occupation is one that people entering or re-entering work go into (that is why it is in
/// the catalogue), so each starts at 0.5; the lower its typical entry level, the higher:
/// no diploma 1.0, vmbo 0.9, mbo 1–2 0.8, mbo 3 0.7, mbo 4 0.6, higher 0.5.
pub fn catalog_prior(o: &Occupation) -> f32 {
    match o.education {
        EducationLevel::None => 1.0,
        EducationLevel::Vmbo => 0.9,
        EducationLevel::Mbo1 | EducationLevel::Mbo2 => 0.8,
        EducationLevel::Mbo3 => 0.7,
        EducationLevel::Mbo4 => 0.6,
        EducationLevel::HavoVwo | EducationLevel::Hbo | EducationLevel::Wo => 0.5,
    }
}

/// How much of its catalogue occupations' prior an ESCO occupation of the same ISCO-08 group
/// inherits (one that *is* a catalogue occupation inherits all of it).
pub const ISCO_INHERIT: f32 = 0.6;

/// The imported ESCO file's search documents ([`EscoCatalog::search_documents`]: labels and
/// description) joined with what the bundled catalogue knows: an ESCO occupation that is a
/// catalogue occupation (its `esco_uri`) also gets that occupation's "what you do" sentences,
/// in Dutch and English, and English name, and its prior; one in the same ISCO-08 group as
/// catalogue occupations inherits [`ISCO_INHERIT`] of their highest prior. Others have prior 0.
pub fn esco_documents(esco: &EscoCatalog, catalog: &OccupationCatalog) -> Vec<SearchDocument> {
    let mut same: HashMap<&str, &Occupation> = HashMap::new();
    let mut group: HashMap<&str, f32> = HashMap::new();
    for o in &catalog.occupations {
        if let Some(uri) = o.esco_uri.as_deref() {
            same.entry(uri).or_insert(o);
        }
        let prior = group.entry(o.isco.as_str()).or_insert(0.0);
        *prior = prior.max(catalog_prior(o));
    }
    let mut docs = esco.search_documents();
    for (doc, occupation) in docs.iter_mut().zip(&esco.occupations) {
        if let Some(o) = same.get(doc.key.as_str()) {
            doc.about.extend(tasks(o));
            if !o.name.en.trim().is_empty() && !doc.terms.contains(&o.name.en) {
                doc.terms.push(o.name.en.clone());
            }
            doc.prior = catalog_prior(o);
        } else if let Some(prior) = group.get(occupation.isco.as_str()) {
            doc.prior = prior * ISCO_INHERIT;
        }
    }
    docs
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
