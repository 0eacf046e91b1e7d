//! All bundled content in one place: the self-test, the competence and interest checks and
//! the occupation catalogue and the matching rules ([`matching_rules`]: the data of
//! `data/matching.json`; matching itself is `core::matching`), each loaded and checked once. (Places and
//! vacancies are larger and are loaded after first paint: `core::place`, `core::vacancy`.)

pub mod matching_rules;

use thiserror::Error;

use std::sync::OnceLock;

use crate::core::competence::{CompetenceCatalog, CompetenceDataError, InterestCatalog};
use crate::core::occupation::{CatalogError, OccupationCatalog};
use crate::core::place::Places;
use crate::core::search::{catalog_documents, SearchIndex};
use crate::core::selftest::{SelfTest, SelfTestDataError};
use crate::core::vacancy::Linker;

pub use matching_rules::{MatchingDataError, MatchingRules};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ContentError {
    #[error(transparent)]
    SelfTest(#[from] SelfTestDataError),
    #[error(transparent)]
    Competences(#[from] CompetenceDataError),
    #[error(transparent)]
    Occupations(#[from] CatalogError),
    #[error(transparent)]
    Matching(#[from] MatchingDataError),
    #[error("occupation `{occupation}` asks for unknown competence `{competence}`")]
    UnknownCompetence {
        occupation: String,
        competence: String,
    },
}

/// The app's bundled content.
pub struct Content {
    pub selftest: SelfTest,
    pub competences: CompetenceCatalog,
    pub interests: InterestCatalog,
    pub occupations: OccupationCatalog,
    /// Search over the bundled occupations' names, synonyms and gendered forms: built on
    /// first use ([`Content::occupation_index`]), so a start that never searches (the
    /// self-test) does not pay for it.
    occupation_index: OnceLock<SearchIndex>,
    /// How vacancies are matched (`data/matching.json`).
    pub matching: MatchingRules,
}

impl Content {
    /// The linker that ties a feed's vacancies to this catalogue and to `places`.
    pub fn linker<'a>(&'a self, places: &'a Places) -> Linker<'a> {
        Linker {
            occupations: &self.occupations,
            index: self.occupation_index(),
            places,
        }
    }

    /// Search over the bundled occupations (built the first time it is asked for).
    pub fn occupation_index(&self) -> &SearchIndex {
        self.occupation_index
            .get_or_init(|| SearchIndex::new(catalog_documents(&self.occupations)))
    }

    pub fn bundled() -> Result<Self, ContentError> {
        let competences = CompetenceCatalog::bundled()?;
        let occupations = OccupationCatalog::bundled()?;
        // The two catalogues are separate files: check that they speak of the same things.
        for occupation in &occupations.occupations {
            if let Some(unknown) = occupation
                .competences
                .keys()
                .find(|id| !competences.contains(id))
            {
                return Err(ContentError::UnknownCompetence {
                    occupation: occupation.id.clone(),
                    competence: unknown.clone(),
                });
            }
        }
        Ok(Self {
            selftest: SelfTest::bundled()?,
            competences,
            interests: InterestCatalog::bundled()?,
            occupations,
            occupation_index: OnceLock::new(),
            matching: MatchingRules::bundled()?,
        })
    }
}
