//! "Wat als": the single changes a job seeker could make (travel further, other hours, a
//! licence, a language level, …) and how many more good vacancies each one opens, counted
//! with the same [`Scorer`] as the list.

use crate::core::content::{Content, MatchingRules};
use crate::core::i18n;
use crate::core::text::Language;
use crate::core::vacancy::{HoursRange, LanguageLevel};
use crate::core::vocab::{EducationLevel, Sector};

use super::engine::{InterestTable, Scorer, VacancyPool};
use super::profile::{MatchProfile, Source, Wishes};

/// One change the job seeker could make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    DrivingLicence,
    TravelFurther { km: u16 },
    MoreHours { max: u8 },
    FewerHours { min: u8 },
    AnyContract,
    AllowSector { sector: Sector },
    HeavyWork,
    Language { level: LanguageLevel },
    Education { level: EducationLevel },
}

impl Change {
    pub fn describe(&self, language: Language) -> String {
        match self {
            Change::DrivingLicence => i18n::text(language, "match.whatif_licence").to_owned(),
            Change::TravelFurther { km } => i18n::format(
                language,
                "match.whatif_distance",
                &[("km", &km.to_string())],
            ),
            Change::MoreHours { max } => i18n::format(
                language,
                "match.whatif_more_hours",
                &[("max", &max.to_string())],
            ),
            Change::FewerHours { min } => i18n::format(
                language,
                "match.whatif_fewer_hours",
                &[("min", &min.to_string())],
            ),
            Change::AnyContract => i18n::text(language, "match.whatif_any_contract").to_owned(),
            Change::AllowSector { sector } => i18n::format(
                language,
                "match.whatif_sector",
                &[("sector", i18n::text(language, sector.i18n_key()))],
            ),
            Change::HeavyWork => i18n::text(language, "match.whatif_heavy").to_owned(),
            Change::Language { level } => i18n::format(
                language,
                "match.whatif_language",
                &[("level", level.code())],
            ),
            Change::Education { level } => i18n::format(
                language,
                "match.whatif_education",
                &[("level", i18n::text(language, level.i18n_key()))],
            ),
        }
    }

    /// The wishes with this change made, when it is a wish (travel further, other hours,
    /// other kinds of work, a sector, heavy work). A licence, a language course or a diploma
    /// is something to work on, not a wish: `None`.
    pub fn applied_to_wishes(&self, wishes: &Wishes, profile: &MatchProfile) -> Option<Wishes> {
        let mut changed = wishes.clone();
        match self {
            Change::TravelFurther { km } => changed.max_distance_km = Some(*km),
            Change::MoreHours { .. } | Change::FewerHours { .. } => {
                changed.hours = self.apply(profile).hours;
            }
            Change::AnyContract => changed.contracts.clear(),
            Change::AllowSector { sector } => {
                changed.avoid_sectors.remove(sector);
            }
            Change::HeavyWork => changed.avoid_heavy_work = false,
            Change::DrivingLicence | Change::Language { .. } | Change::Education { .. } => {
                return None
            }
        }
        Some(changed)
    }

    /// The profile with this change made.
    pub fn apply(&self, profile: &MatchProfile) -> MatchProfile {
        let mut changed = profile.clone();
        match self {
            Change::DrivingLicence => changed.driving_licence = Some(true),
            Change::TravelFurther { km } => {
                changed.max_distance_km = *km;
                changed.distance_source = Source::Wish;
            }
            Change::MoreHours { max } => {
                changed.hours = profile.hours.and_then(|h| HoursRange::new(h.min, *max));
            }
            Change::FewerHours { min } => {
                changed.hours = profile.hours.and_then(|h| HoursRange::new(*min, h.max));
            }
            Change::AnyContract => changed.contracts.clear(),
            Change::AllowSector { sector } => {
                changed.avoid_sectors.remove(sector);
            }
            Change::HeavyWork => changed.avoid_heavy_work = false,
            Change::Language { level } => changed.language = Some(*level),
            Change::Education { level } => {
                changed.education = Some(*level);
                changed.education_without_diploma = false;
            }
        }
        changed
    }
}

/// A change and how many more good vacancies it would open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIf {
    pub change: Change,
    pub gained: usize,
}

/// The changes worth trying for this profile (each one on its own).
pub fn candidate_changes(profile: &MatchProfile, rules: &MatchingRules) -> Vec<Change> {
    let mut changes = Vec::new();
    if profile.driving_licence != Some(true) {
        changes.push(Change::DrivingLicence);
    }
    if profile.home.is_some() {
        for extra in &rules.what_if.extra_km {
            let km = profile.max_distance_km.saturating_add(*extra);
            if km <= rules.max_distance_km {
                changes.push(Change::TravelFurther { km });
            }
        }
    }
    if let Some(hours) = profile.hours {
        let step = rules.what_if.extra_hours;
        if hours.max < 40 {
            changes.push(Change::MoreHours {
                max: hours.max.saturating_add(step).min(40),
            });
        }
        if hours.min > 4 {
            changes.push(Change::FewerHours {
                min: hours.min.saturating_sub(step).max(4),
            });
        }
    }
    if !profile.contracts.is_empty() {
        changes.push(Change::AnyContract);
    }
    for sector in &profile.avoid_sectors {
        changes.push(Change::AllowSector { sector: *sector });
    }
    if profile.avoid_heavy_work {
        changes.push(Change::HeavyWork);
    }
    if let Some(next) = profile.language.and_then(LanguageLevel::next) {
        changes.push(Change::Language { level: next });
    }
    if let Some(next) = profile.education.and_then(EducationLevel::next) {
        if next <= EducationLevel::Mbo4 {
            changes.push(Change::Education { level: next });
        }
    }
    changes
}

/// "Wat als": for each candidate change, how many more good vacancies there would be; the
/// ones that open something, most first (ties: the order of [`candidate_changes`]).
pub fn what_if(
    profile: &MatchProfile,
    rules: &MatchingRules,
    content: &Content,
    interests: &InterestTable,
    pool: &VacancyPool,
) -> Vec<WhatIf> {
    let baseline = Scorer::new(profile, rules, content, interests).count_good(pool);
    // Travelling further is only counted where the pool has every vacancy that far away
    // (a device fetches the part of a publication within the distance it was asked for).
    let covered = |change: &Change| match (change, &profile.home) {
        (Change::TravelFurther { km }, Some(home)) => pool.covers(home.point, f64::from(*km)),
        _ => true,
    };
    let mut found: Vec<WhatIf> = candidate_changes(profile, rules)
        .into_iter()
        .filter(covered)
        .map(|change| {
            let changed = change.apply(profile);
            let good = Scorer::new(&changed, rules, content, interests).count_good(pool);
            WhatIf {
                change,
                gained: good.saturating_sub(baseline),
            }
        })
        .filter(|w| w.gained > 0)
        .collect();
    found.sort_by_key(|w| std::cmp::Reverse(w.gained));
    found
}
