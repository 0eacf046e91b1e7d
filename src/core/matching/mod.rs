//! Vacancy matching: the job seeker's profile and wishes against vacancies. Hard constraints
//! (hours, travel distance, driving licence, kinds of work, sectors to avoid, heavy work,
//! closed vacancies) filter; the soft fit scores 0–100 from competences, education,
//! interests, Dutch language and distance, with every part in words. "Waarom niet" names
//! the wishes a vacancy misses; "wat als" counts what one change would open; job supply
//! completes the kwadrantenmodel. The rules are data (`data/matching.json`) and explained
//! for coaches in `docs/matching.md`.

pub mod engine;
pub mod explain;
pub mod overview;
pub mod profile;
pub mod supply;
pub mod what_if;

pub use crate::core::content::{MatchingDataError, MatchingRules};
pub use engine::{
    Evaluation, Filter, InterestTable, Parts, RankQuery, Ranked, Ranking, Scorer, SortBy,
    VacancyPool,
};
pub use explain::{
    explain, failures, format_km, DemandOutcome, DemandStatus, Failure, MatchExplanation, PartKind,
    ScorePart,
};
pub use overview::{explain_one, overview, Overview, Seeker};
pub use profile::{is_youth, Home, MatchProfile, Source, Wishes};
pub use supply::{JobSupply, Quadrant};
pub use what_if::{candidate_changes, what_if, Change, WhatIf};
