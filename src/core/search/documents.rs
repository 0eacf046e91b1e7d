//! The documents the search indexes: one per occupation of the bundled catalogue
//! ([`catalog_documents`]), and one per occupation of an imported ESCO file
//! ([`EscoCatalog::search_documents`], joined with the catalogue by [`esco_documents`]).
//! The ESCO importer knows nothing of search; how its occupations are found is decided
//! here.

use std::collections::HashMap;

use crate::core::esco::EscoCatalog;
use crate::core::occupation::{Occupation, OccupationCatalog};
use crate::core::text::Language;
use crate::core::vocab::EducationLevel;

use super::{AboutText, SearchDocument, CATALOG_KEY_PREFIX};

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

impl EscoCatalog {
    /// One search document per occupation: the ESCO URI as key, the preferred label, the
    /// alternative and hidden labels as terms, and the Dutch description as what the work is.
    /// ([`esco_documents`] adds what the bundled catalogue knows.)
    pub fn search_documents(&self) -> Vec<SearchDocument> {
        self.occupations
            .iter()
            .map(|o| SearchDocument {
                key: o.uri.clone(),
                label: o.label.clone(),
                terms: o
                    .alt_labels
                    .iter()
                    .chain(&o.hidden_labels)
                    .cloned()
                    .collect(),
                about: if o.description.trim().is_empty() {
                    Vec::new()
                } else {
                    vec![AboutText {
                        language: Language::Nl,
                        text: o.description.clone(),
                    }]
                },
                prior: 0.0,
            })
            .collect()
    }
}
