//! Occupations: the bundled catalogue that links competences and interests to work
//! ("competenties → beroepen → vacatures"). See [`catalog`] for the file and its rules.

pub mod catalog;

pub use catalog::{
    CatalogError, Occupation, OccupationCatalog, COMPETENCE_IDS, ESCO_OCCUPATION_PREFIX,
    MAX_COMPETENCE_LEVEL, MAX_INTEREST_WEIGHT,
};
