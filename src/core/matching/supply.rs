//! Job supply for the kwadrantenmodel (DOMAIN.md): enough or too few good vacancies for this
//! person, crossed with the self-test's search behaviour, gives one of four quadrants, each
//! with its own next steps.

use crate::core::content::matching_rules::{MatchingRules, QuadrantStep, QuadrantText};
use crate::core::selftest::{SearchStatus, SelfTestResult, Truth};

/// How much suitable work there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobSupply {
    /// Vacancies that meet every wish and score at least the good score.
    pub good: usize,
    /// All vacancies looked at.
    pub total: usize,
    pub sufficient: bool,
    /// The travel distance the count is for.
    pub distance_km: u16,
    /// Job supply can be judged: the job seeker's home is known (without it "nearby" means
    /// nothing).
    pub known: bool,
}

impl JobSupply {
    pub fn new(
        good: usize,
        total: usize,
        distance_km: u16,
        home_known: bool,
        rules: &MatchingRules,
    ) -> Self {
        Self {
            good,
            total,
            sufficient: good >= rules.sufficient_good,
            distance_km,
            known: home_known,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quadrant {
    SufficientOptimal,
    SufficientIncomplete,
    InsufficientOptimal,
    InsufficientIncomplete,
    /// Search behaviour or where the job seeker lives is not known yet.
    Unknown,
}

impl Quadrant {
    pub fn of(supply: &JobSupply, search: SearchStatus) -> Self {
        if !supply.known {
            return Quadrant::Unknown;
        }
        match (supply.sufficient, search) {
            (_, SearchStatus::Unknown) => Quadrant::Unknown,
            (true, SearchStatus::Optimal) => Quadrant::SufficientOptimal,
            (true, SearchStatus::Incomplete) => Quadrant::SufficientIncomplete,
            (false, SearchStatus::Optimal) => Quadrant::InsufficientOptimal,
            (false, SearchStatus::Incomplete) => Quadrant::InsufficientIncomplete,
        }
    }

    /// The quadrant's steps that fit this person's result: a step about a search criterion
    /// only when that criterion is not met, and none that goes against the route ("eerst
    /// steun" comes before applying).
    pub fn steps<'r>(
        self,
        rules: &'r MatchingRules,
        result: &SelfTestResult,
    ) -> Vec<&'r QuadrantStep> {
        self.text(rules)
            .steps
            .iter()
            .filter(|step| {
                !step
                    .unless_route
                    .iter()
                    .any(|r| r == result.route.route.rule_id())
            })
            .filter(|step| {
                step.when_not_met.as_ref().is_none_or(|criterion| {
                    result
                        .search
                        .criteria
                        .iter()
                        .any(|c| &c.id == criterion && c.truth == Truth::False)
                })
            })
            .collect()
    }

    /// The id of the quadrant, as the rules file names it.
    pub fn id(self) -> &'static str {
        match self {
            Quadrant::SufficientOptimal => "sufficient_optimal",
            Quadrant::SufficientIncomplete => "sufficient_incomplete",
            Quadrant::InsufficientOptimal => "insufficient_optimal",
            Quadrant::InsufficientIncomplete => "insufficient_incomplete",
            Quadrant::Unknown => "unknown",
        }
    }

    pub fn text(self, rules: &MatchingRules) -> &QuadrantText {
        let q = &rules.quadrants;
        match self {
            Quadrant::SufficientOptimal => &q.sufficient_optimal,
            Quadrant::SufficientIncomplete => &q.sufficient_incomplete,
            Quadrant::InsufficientOptimal => &q.insufficient_optimal,
            Quadrant::InsufficientIncomplete => &q.insufficient_incomplete,
            Quadrant::Unknown => &q.unknown,
        }
    }
}
