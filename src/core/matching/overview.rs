//! Everything the vacancy screen shows, worked out in one call: the ranked list with its
//! explanations, the near misses with their "waarom niet", the "wat als" changes and the job
//! supply for the kwadrantenmodel. The UI and the CLI render it; they compute nothing.

use time::Date;

use crate::core::competence::CompetenceProfile;
use crate::core::content::Content;
use crate::core::place::Places;
use crate::core::selftest::Answers;
use crate::core::text::Language;

use super::engine::{InterestTable, RankQuery, Ranked, Ranking, Scorer, VacancyPool};
use super::explain::{explain, failures, Failure, MatchExplanation};
use super::profile::{MatchProfile, Wishes};
use super::supply::JobSupply;
use super::what_if::{what_if, WhatIf};
use crate::core::content::MatchingRules;

/// What the job seeker brings to matching.
#[derive(Clone, Copy)]
pub struct Seeker<'a> {
    pub answers: &'a Answers,
    pub competences: &'a CompetenceProfile,
    pub wishes: &'a Wishes,
}

impl Seeker<'_> {
    /// What matching reads from the job seeker, on `today`.
    pub fn profile(&self, rules: &MatchingRules, places: &Places, today: Date) -> MatchProfile {
        MatchProfile::build(
            rules,
            places,
            self.answers,
            self.competences,
            self.wishes,
            today,
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    pub profile: MatchProfile,
    pub ranking: Ranking,
    /// The ranked vacancies with their explanations, best first.
    pub top: Vec<(Ranked, MatchExplanation)>,
    /// Vacancies that miss a wish, fewest misses first, with the wishes they miss.
    pub near_misses: Vec<(Ranked, Vec<Failure>)>,
    pub what_if: Vec<WhatIf>,
    pub supply: JobSupply,
}

#[allow(clippy::too_many_arguments)]
pub fn overview(
    content: &Content,
    places: &Places,
    pool: &VacancyPool,
    interests: &InterestTable,
    seeker: Seeker<'_>,
    query: &RankQuery,
    near_miss_limit: usize,
    today: Date,
    language: Language,
) -> Overview {
    let rules = &content.matching;
    let profile = seeker.profile(rules, places, today);
    let scorer = Scorer::new(&profile, rules, content, interests);
    let ranking = scorer.rank(pool, query);
    let top = ranking
        .top
        .iter()
        .filter_map(|r| {
            explain(&scorer, &profile, content, pool, r.index, language).map(|e| (*r, e))
        })
        .collect();
    let near_misses = scorer
        .near_misses(pool, near_miss_limit)
        .into_iter()
        .filter_map(|(r, _)| {
            let evaluation = scorer.evaluate_at(pool, r.index)?;
            let vacancy = pool.get(r.index)?;
            Some((r, failures(&evaluation, vacancy, &profile, content)))
        })
        .collect();
    let what_if = what_if(&profile, rules, content, interests, pool);
    let supply = JobSupply::new(
        ranking.good,
        pool.len(),
        profile.max_distance_km,
        profile.home.is_some(),
        rules,
    );
    Overview {
        profile,
        ranking,
        top,
        near_misses,
        what_if,
        supply,
    }
}

/// Everything the screen of one vacancy shows about the match: the same explanation as in
/// the list, for the vacancy at `index` of `pool` (`None` when there is none).
#[allow(clippy::too_many_arguments)]
pub fn explain_one(
    content: &Content,
    places: &Places,
    pool: &VacancyPool,
    interests: &InterestTable,
    seeker: Seeker<'_>,
    index: usize,
    today: Date,
    language: Language,
) -> Option<MatchExplanation> {
    let rules = &content.matching;
    let profile = seeker.profile(rules, places, today);
    let scorer = Scorer::new(&profile, rules, content, interests);
    explain(&scorer, &profile, content, pool, index, language)
}
