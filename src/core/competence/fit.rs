//! Fit (which occupations suit the job seeker), gap (what to develop for one occupation)
//! and the interest profile they build on. The rules in words, for coaches: `docs/fit.md`.
//!
//! In short, per occupation:
//! - **Competences** (weight 70): every required competence counts by its required level.
//!   A rated competence earns its level, capped at the required level (more is not extra).
//!   An unrated competence earns half of its required level: we don't know, so it counts
//!   as halfway, neither a match nor a miss. So rating a competence you meet always raises
//!   the score and leaving it open never beats rating it as met.
//! - **Interests** (weight 30): the occupation's interest areas, by weight 1–3, each with the
//!   area score from the interest check; an area without enough answers counts as 50.
//! - The parts shown (`competence_part`, `interest_part`) are over what is known only;
//!   `coverage` says how much of the competences is known; `missing` lists the unrated ones.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::core::occupation::Occupation;
use crate::core::vocab::InterestArea;

use super::catalog::{CompetenceCatalog, WayKind, WayToClose, MAX_LEVEL};
use super::interests::{AreaScore, InterestCatalog, InterestProfile, MIN_ANSWERS_PER_AREA};
use super::profile::CompetenceProfile;

/// What an unknown competence or interest area counts as, on the 0–100 scale.
pub const NEUTRAL_SCORE: u8 = 50;
/// Share of the competences in the total score, in percent.
pub const COMPETENCE_WEIGHT: u8 = 70;
/// Share of the interests in the total score, in percent.
pub const INTEREST_WEIGHT: u8 = 30;
/// Interest areas of an occupation weigh 1 to 3.
pub const MAX_INTEREST_WEIGHT: u8 = 3;

/// Works out the interest profile. Per area: yes = 2 points, maybe = 1, no = 0; the score is
/// the points as a share of the maximum for the answered items (0 to 100). Unanswered items
/// are left out, not counted as "no"; with fewer than [`MIN_ANSWERS_PER_AREA`] answers the
/// area has no score. Answers to items the catalogue doesn't have are ignored.
pub fn interest_profile(catalog: &InterestCatalog, profile: &CompetenceProfile) -> InterestProfile {
    let areas = catalog
        .areas
        .iter()
        .map(|info| {
            let mut items = 0usize;
            let mut answered = 0u32;
            let mut points = 0u32;
            for item in catalog.items_in(info.area) {
                items += 1;
                if let Some(answer) = profile.interest(&item.id) {
                    answered += 1;
                    points += answer.points();
                }
            }
            let needed = MIN_ANSWERS_PER_AREA.min(items).max(1);
            let answered_items = answered as usize;
            let score = (answered_items >= needed).then(|| {
                // round(100 * points / (2 * answered)), in integers.
                let max = 2 * answered;
                let rounded = (200 * points + max) / (2 * max);
                u8::try_from(rounded.min(100)).unwrap_or(100)
            });
            AreaScore {
                area: info.area,
                score,
                answered: answered_items,
                items,
                needed,
            }
        })
        .collect();
    InterestProfile { areas }
}

/// A required competence rated below the required level (summary for the fit list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetenceGapSummary {
    pub competence: String,
    pub have: u8,
    pub need: u8,
    pub short_by: u8,
}

/// How one of the occupation's interest areas matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestMatch {
    pub area: InterestArea,
    /// How much the occupation leans on this area, 1 to 3.
    pub weight: u8,
    /// The job seeker's area score; `None` when the area has too few answers.
    pub score: Option<u8>,
}

/// How well one occupation fits, with the parts that make up the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OccupationFit {
    pub occupation_id: String,
    /// 0 to 100: 70% competences, 30% interests, unknowns counted as halfway (50).
    pub score: u8,
    /// Required levels reached, over the rated required competences only (0 to 100);
    /// `None` when none of them is rated, or the occupation lists no competences.
    pub competence_part: Option<u8>,
    /// Interest match over the occupation's areas that have a score (0 to 100); `None` when
    /// none has enough answers, or the occupation lists no interest areas.
    pub interest_part: Option<u8>,
    /// Required competences at or above the required level, most demanding first.
    pub met: Vec<String>,
    /// Required competences rated below the required level, biggest gap first.
    pub below: Vec<CompetenceGapSummary>,
    /// Required competences the job seeker has not rated yet, most demanding first.
    pub missing: Vec<String>,
    /// Share of the required competences that is rated, weighted by required level
    /// (0.0 to 1.0; 1.0 when the occupation lists none).
    pub coverage: f32,
    /// The occupation's interest areas, heaviest first.
    pub interest_areas: Vec<InterestMatch>,
}

/// One competence to develop for an occupation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub competence: String,
    /// The level the job seeker gave. Always set for a gap: unrated competences are listed
    /// in [`OccupationGap::missing`] instead, because their gap is not known.
    pub have: Option<u8>,
    pub need: u8,
    pub short_by: u8,
    /// Ways to develop it, from the competence's data. BBL ways only when the occupation has
    /// a BBL route.
    pub ways: Vec<WayToClose>,
}

/// The gap between the job seeker and one occupation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OccupationGap {
    pub occupation_id: String,
    /// What already matches, most demanding first ("dit gaat goed" comes first).
    pub met: Vec<String>,
    /// Biggest gap first; ties: the higher required level first, then catalogue order.
    pub below: Vec<Gap>,
    /// Required competences not rated yet: fill these in to see the whole gap.
    pub missing: Vec<String>,
}

/// Ranks occupations by fit, best first. Ties: more known (coverage) first, then the higher
/// competence part, then occupation id, so the order is stable.
pub fn rank_occupations(
    competences: &CompetenceCatalog,
    interests: &InterestCatalog,
    profile: &CompetenceProfile,
    occupations: &[Occupation],
) -> Vec<OccupationFit> {
    let index = CatalogIndex::new(competences);
    let interest = interest_profile(interests, profile);
    let mut fits: Vec<OccupationFit> = occupations
        .iter()
        .map(|occupation| fit_with_index(&index, &interest, profile, occupation))
        .collect();
    fits.sort_by(compare_fits);
    fits
}

/// The fit of one occupation, for a detail screen. Work out the interest profile once with
/// [`interest_profile`] and pass it in.
pub fn fit_occupation(
    competences: &CompetenceCatalog,
    interest: &InterestProfile,
    profile: &CompetenceProfile,
    occupation: &Occupation,
) -> OccupationFit {
    fit_with_index(
        &CatalogIndex::new(competences),
        interest,
        profile,
        occupation,
    )
}

/// The gap for one occupation: competences below the required level with ways to develop
/// them, and the required competences not rated yet.
pub fn gap(
    competences: &CompetenceCatalog,
    profile: &CompetenceProfile,
    occupation: &Occupation,
) -> OccupationGap {
    let index = CatalogIndex::new(competences);
    let split = Split::new(&index, profile, occupation);
    let below = split
        .below
        .iter()
        .map(|r| {
            let have = r.have.unwrap_or(0);
            let ways = competences
                .competences
                .get(r.position)
                .map(|competence| {
                    competence
                        .develop
                        .iter()
                        .filter(|way| way.kind != WayKind::Bbl || occupation.bbl)
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            Gap {
                competence: r.id.to_owned(),
                have: r.have,
                need: r.need,
                short_by: r.need.saturating_sub(have),
                ways,
            }
        })
        .collect();
    OccupationGap {
        occupation_id: occupation.id.clone(),
        met: split.met.iter().map(|r| r.id.to_owned()).collect(),
        below,
        missing: split.missing.iter().map(|r| r.id.to_owned()).collect(),
    }
}

fn compare_fits(a: &OccupationFit, b: &OccupationFit) -> Ordering {
    b.score
        .cmp(&a.score)
        .then_with(|| b.coverage.total_cmp(&a.coverage))
        .then_with(|| b.competence_part.cmp(&a.competence_part))
        .then_with(|| a.occupation_id.cmp(&b.occupation_id))
}

/// Competence id → display position, built once per call.
struct CatalogIndex<'c> {
    positions: HashMap<&'c str, usize>,
}

impl<'c> CatalogIndex<'c> {
    fn new(catalog: &'c CompetenceCatalog) -> Self {
        Self {
            positions: catalog
                .competences
                .iter()
                .enumerate()
                .map(|(position, c)| (c.id.as_str(), position))
                .collect(),
        }
    }
}

/// One required competence of an occupation, with the job seeker's level.
struct Requirement<'o> {
    id: &'o str,
    position: usize,
    /// 1 to 4.
    need: u8,
    /// 0 to 4, `None` when unrated.
    have: Option<u8>,
}

/// The occupation's requirements split into met, below and missing, each in display order.
/// Requirements on competences the catalogue doesn't know, or with level 0, are skipped: no
/// one can rate them, so they can't fairly count. Levels above 4 are read as 4.
struct Split<'o> {
    met: Vec<Requirement<'o>>,
    below: Vec<Requirement<'o>>,
    missing: Vec<Requirement<'o>>,
}

impl<'o> Split<'o> {
    fn new(
        index: &CatalogIndex<'_>,
        profile: &CompetenceProfile,
        occupation: &'o Occupation,
    ) -> Self {
        let mut split = Split {
            met: Vec::new(),
            below: Vec::new(),
            missing: Vec::new(),
        };
        for (id, &need) in &occupation.competences {
            let Some(&position) = index.positions.get(id.as_str()) else {
                continue;
            };
            if need == 0 {
                continue;
            }
            let need = need.min(MAX_LEVEL);
            let have = profile.level(id).map(|level| level.min(MAX_LEVEL));
            let requirement = Requirement {
                id,
                position,
                need,
                have,
            };
            match have {
                None => split.missing.push(requirement),
                Some(level) if level >= need => split.met.push(requirement),
                Some(_) => split.below.push(requirement),
            }
        }
        let by_need = |a: &Requirement<'_>, b: &Requirement<'_>| {
            b.need.cmp(&a.need).then(a.position.cmp(&b.position))
        };
        split.met.sort_by(by_need);
        split.missing.sort_by(by_need);
        split.below.sort_by(|a, b| {
            let short = |r: &Requirement<'_>| r.need.saturating_sub(r.have.unwrap_or(0));
            short(b).cmp(&short(a)).then_with(|| by_need(a, b))
        });
        split
    }
}

fn fit_with_index(
    index: &CatalogIndex<'_>,
    interest: &InterestProfile,
    profile: &CompetenceProfile,
    occupation: &Occupation,
) -> OccupationFit {
    let split = Split::new(index, profile, occupation);
    let neutral = f64::from(NEUTRAL_SCORE);

    // Competences: points are required levels; a rated one earns min(have, need), an
    // unrated one half its need.
    let rated = split.met.iter().chain(&split.below);
    let (known_need, have_points) = rated.fold((0u32, 0u32), |(need, have), r| {
        let level = r.have.unwrap_or(0).min(r.need);
        (need + u32::from(r.need), have + u32::from(level))
    });
    let unknown_need: u32 = split.missing.iter().map(|r| u32::from(r.need)).sum();
    let total_need = known_need + unknown_need;
    let competence_part =
        (known_need > 0).then(|| percent(f64::from(have_points) / f64::from(known_need) * 100.0));
    let competence_estimate = (total_need > 0).then(|| {
        (f64::from(have_points) * 100.0 + f64::from(unknown_need) * neutral) / f64::from(total_need)
    });
    let coverage = if total_need == 0 {
        1.0
    } else {
        known_need as f32 / total_need as f32
    };

    // Interests: weighted area scores; an area without a score counts as neutral.
    let mut interest_areas: Vec<InterestMatch> = occupation
        .interests
        .iter()
        .filter(|(_, &weight)| weight > 0)
        .map(|(&area, &weight)| InterestMatch {
            area,
            weight: weight.min(MAX_INTEREST_WEIGHT),
            score: interest.score(area).map(|s| s.min(100)),
        })
        .collect();
    interest_areas.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.area.cmp(&b.area)));
    let (mut total_weight, mut known_weight, mut weighted) = (0u32, 0u32, 0u32);
    for m in &interest_areas {
        let weight = u32::from(m.weight);
        total_weight += weight;
        if let Some(score) = m.score {
            known_weight += weight;
            weighted += weight * u32::from(score);
        }
    }
    let interest_part =
        (known_weight > 0).then(|| percent(f64::from(weighted) / f64::from(known_weight)));
    let interest_estimate = (total_weight > 0).then(|| {
        (f64::from(weighted) + f64::from(total_weight - known_weight) * neutral)
            / f64::from(total_weight)
    });

    // Combine the parts the occupation has; an occupation with neither is neutral.
    let parts = [
        (competence_estimate, f64::from(COMPETENCE_WEIGHT)),
        (interest_estimate, f64::from(INTEREST_WEIGHT)),
    ];
    let (sum, weights) = parts
        .iter()
        .filter_map(|(value, weight)| value.map(|v| (v * weight, *weight)))
        .fold((0.0, 0.0), |(s, w), (v, weight)| (s + v, w + weight));
    let score = if weights > 0.0 {
        percent(sum / weights)
    } else {
        NEUTRAL_SCORE
    };

    OccupationFit {
        occupation_id: occupation.id.clone(),
        score,
        competence_part,
        interest_part,
        met: split.met.iter().map(|r| r.id.to_owned()).collect(),
        below: split
            .below
            .iter()
            .map(|r| {
                let have = r.have.unwrap_or(0);
                CompetenceGapSummary {
                    competence: r.id.to_owned(),
                    have,
                    need: r.need,
                    short_by: r.need.saturating_sub(have),
                }
            })
            .collect(),
        missing: split.missing.iter().map(|r| r.id.to_owned()).collect(),
        coverage,
        interest_areas,
    }
}

/// Rounds to a whole number within 0 to 100.
fn percent(value: f64) -> u8 {
    if value.is_nan() {
        return NEUTRAL_SCORE;
    }
    // The clamp keeps the cast exact.
    value.round().clamp(0.0, 100.0) as u8
}
