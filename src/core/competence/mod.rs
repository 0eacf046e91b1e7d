//! The competence check (competentiecheck), the interest check, and how both link to
//! occupations: fit (which occupations suit you) and gap (what to develop for one of them).
//!
//! All content lives in `data/competences.json` and `data/interests.json`; the rules are
//! described for coaches in `docs/fit.md`.
//!
//! - [`CompetenceCatalog`]: the 30 competences with "ik kan…" level anchors and ways to
//!   develop each one.
//! - [`InterestCatalog`]: six interest areas and their "lijkt me leuk" items.
//! - [`CompetenceProfile`]: what the job seeker answered (stored and exported).
//! - [`interest_profile`], [`rank_occupations`], [`fit_occupation`], [`gap`]: derived results,
//!   never stored.

pub mod catalog;
pub mod fit;
pub mod interests;
pub mod profile;

use thiserror::Error;

pub use catalog::{
    is_esco_skill_uri, Competence, CompetenceCatalog, WayKind, WayToClose, COMPETENCE_IDS,
    ESCO_SKILL_PREFIX, LEVEL_COUNT, MAX_LEVEL,
};
pub use fit::{
    fit_occupation, gap, interest_profile, rank_occupations, CompetenceGapSummary, Gap,
    InterestMatch, OccupationFit, OccupationGap, COMPETENCE_WEIGHT, INTEREST_WEIGHT, NEUTRAL_SCORE,
};
pub use interests::{
    AnswerLabels, AreaScore, InterestAnswer, InterestAreaInfo, InterestCatalog, InterestItem,
    InterestProfile, MIN_ANSWERS_PER_AREA,
};
pub use profile::{CompetenceProfile, CompetenceRating, ProfileError};

/// A problem in the competence or interest content files. These are the project's own files,
/// so the test suite catches such an error before release; the app still reports it instead
/// of crashing.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CompetenceDataError {
    #[error("{file} is not valid: {message}")]
    Json { file: &'static str, message: String },
    #[error("{file} is inconsistent: {message}")]
    Invalid { file: &'static str, message: String },
}

impl CompetenceDataError {
    /// Reads one of the competence check's data files (`file` names it in the error).
    pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
        json: &str,
        file: &'static str,
    ) -> Result<T, Self> {
        serde_json::from_str(json).map_err(|e| CompetenceDataError::Json {
            file,
            message: e.to_string(),
        })
    }
}
