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
                    .unwrap_or_else(|| format!("werkmap:{}", o.id)),
                label: o.name.nl.clone(),
                terms,
            }
        })
        .collect()
}
