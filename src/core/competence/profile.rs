//! What the job seeker answered in the competence and interest check. This is stored in the
//! app state and the portfolio file, so it holds answers only (results are derived) and its
//! JSON shape is small and stable:
//!
//! ```json
//! { "ratings": { "samenwerken": { "level": 3, "shown_in": ["volunteering"] } },
//!   "interests": { "repareren": "yes" } }
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::core::vocab::EvidenceContext;

use super::catalog::{CompetenceCatalog, MAX_LEVEL};
use super::interests::{InterestAnswer, InterestCatalog};

/// The job seeker's own rating of one competence.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CompetenceRating {
    /// 0 to 4, matching the competence's "ik kan…" anchors.
    pub level: u8,
    /// Where it was shown. Purely informative for the job seeker and coach: unpaid and
    /// informal work count the same, so this never changes how much the level weighs.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub shown_in: BTreeSet<EvidenceContext>,
}

impl CompetenceRating {
    pub fn new(level: u8) -> Self {
        Self {
            level,
            shown_in: BTreeSet::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProfileError {
    #[error("unknown competence `{0}`")]
    UnknownCompetence(String),
    #[error("unknown interest item `{0}`")]
    UnknownInterestItem(String),
    #[error("level {level} for `{competence}` is above the highest level 4")]
    LevelTooHigh { competence: String, level: u8 },
    #[error("competence `{0}` has no level yet; give a level before saying where you showed it")]
    NotRated(String),
}

/// The answers of the competence check and the interest check. Fields are private: the
/// setters check every id and level against the catalogues, so a profile built in the app is
/// always valid. A profile read from a file can be cleaned with [`CompetenceProfile::retain_valid`];
/// the fit functions never panic on an unclean one either.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CompetenceProfile {
    /// Competence id → rating. Unrated competences are absent (not zero).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    ratings: BTreeMap<String, CompetenceRating>,
    /// Interest item id → answer. Unanswered items are absent.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    interests: BTreeMap<String, InterestAnswer>,
}

impl CompetenceProfile {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn ratings(&self) -> &BTreeMap<String, CompetenceRating> {
        &self.ratings
    }

    pub fn rating(&self, competence_id: &str) -> Option<&CompetenceRating> {
        self.ratings.get(competence_id)
    }

    pub fn level(&self, competence_id: &str) -> Option<u8> {
        self.ratings.get(competence_id).map(|r| r.level)
    }

    pub fn interests(&self) -> &BTreeMap<String, InterestAnswer> {
        &self.interests
    }

    pub fn interest(&self, item_id: &str) -> Option<InterestAnswer> {
        self.interests.get(item_id).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.ratings.is_empty() && self.interests.is_empty()
    }

    /// Sets the level of a competence, keeping where it was shown.
    pub fn set_level(
        &mut self,
        catalog: &CompetenceCatalog,
        competence_id: &str,
        level: u8,
    ) -> Result<(), ProfileError> {
        check_level(catalog, competence_id, level)?;
        self.ratings
            .entry(competence_id.to_owned())
            .or_default()
            .level = level;
        Ok(())
    }

    /// Sets a whole rating (level and where it was shown).
    pub fn set_rating(
        &mut self,
        catalog: &CompetenceCatalog,
        competence_id: &str,
        rating: CompetenceRating,
    ) -> Result<(), ProfileError> {
        check_level(catalog, competence_id, rating.level)?;
        self.ratings.insert(competence_id.to_owned(), rating);
        Ok(())
    }

    /// Replaces where a rated competence was shown.
    pub fn set_shown_in(
        &mut self,
        catalog: &CompetenceCatalog,
        competence_id: &str,
        shown_in: BTreeSet<EvidenceContext>,
    ) -> Result<(), ProfileError> {
        self.rated_mut(catalog, competence_id)?.shown_in = shown_in;
        Ok(())
    }

    /// Adds or removes one place where a rated competence was shown. Returns whether it is
    /// now listed.
    pub fn toggle_shown_in(
        &mut self,
        catalog: &CompetenceCatalog,
        competence_id: &str,
        context: EvidenceContext,
    ) -> Result<bool, ProfileError> {
        let rating = self.rated_mut(catalog, competence_id)?;
        if rating.shown_in.remove(&context) {
            Ok(false)
        } else {
            rating.shown_in.insert(context);
            Ok(true)
        }
    }

    /// Makes a competence unrated again (it then counts as "missing", not as zero).
    pub fn clear_rating(&mut self, competence_id: &str) -> Option<CompetenceRating> {
        self.ratings.remove(competence_id)
    }

    pub fn set_interest(
        &mut self,
        catalog: &InterestCatalog,
        item_id: &str,
        answer: InterestAnswer,
    ) -> Result<(), ProfileError> {
        if catalog.item(item_id).is_none() {
            return Err(ProfileError::UnknownInterestItem(item_id.to_owned()));
        }
        self.interests.insert(item_id.to_owned(), answer);
        Ok(())
    }

    pub fn clear_interest(&mut self, item_id: &str) -> Option<InterestAnswer> {
        self.interests.remove(item_id)
    }

    /// Drops ratings and answers that don't fit the catalogues (after a content update or
    /// from an edited file), so old stored data never misleads. Returns the dropped ids.
    pub fn retain_valid(
        &mut self,
        competences: &CompetenceCatalog,
        interests: &InterestCatalog,
    ) -> Vec<String> {
        let mut dropped = Vec::new();
        self.ratings.retain(|id, rating| {
            let keep = competences.contains(id) && rating.level <= MAX_LEVEL;
            if !keep {
                dropped.push(id.clone());
            }
            keep
        });
        self.interests.retain(|id, _| {
            let keep = interests.item(id).is_some();
            if !keep {
                dropped.push(id.clone());
            }
            keep
        });
        dropped
    }

    fn rated_mut(
        &mut self,
        catalog: &CompetenceCatalog,
        competence_id: &str,
    ) -> Result<&mut CompetenceRating, ProfileError> {
        if !catalog.contains(competence_id) {
            return Err(ProfileError::UnknownCompetence(competence_id.to_owned()));
        }
        self.ratings
            .get_mut(competence_id)
            .ok_or_else(|| ProfileError::NotRated(competence_id.to_owned()))
    }
}

fn check_level(
    catalog: &CompetenceCatalog,
    competence_id: &str,
    level: u8,
) -> Result<(), ProfileError> {
    if !catalog.contains(competence_id) {
        return Err(ProfileError::UnknownCompetence(competence_id.to_owned()));
    }
    if level > MAX_LEVEL {
        return Err(ProfileError::LevelTooHigh {
            competence: competence_id.to_owned(),
            level,
        });
    }
    Ok(())
}
