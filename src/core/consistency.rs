//! What a result page says, as statement ids, and the pairs of statements that may never
//! stand on one page together (`data/consistency.json`). The scoring rules are written so
//! that no pair can appear; `tests/consistency.rs` checks that over generated answers and
//! every kind of job supply, so a rule change that makes the page contradict itself fails.

use std::collections::BTreeSet;

use serde::Deserialize;
use thiserror::Error;

use crate::core::matching::{MatchingRules, Quadrant};
use crate::core::selftest::{SelfTest, SelfTestResult, Truth};

const CONSISTENCY_JSON: &str = include_str!("../../data/consistency.json");

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub a: String,
    pub b: String,
    /// The contradiction in words, for whoever changes the rules.
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsistencyRules {
    pub version: u32,
    pub about: String,
    pub never_together: Vec<Pair>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConsistencyError {
    #[error("consistency.json is not valid: {0}")]
    Json(String),
    #[error("consistency.json names `{0}`, which no result can say")]
    UnknownStatement(String),
}

impl ConsistencyRules {
    /// The bundled pairs, each checked to name statements the rules can make (a pair of
    /// statements that cannot occur would make its check pass without testing anything).
    pub fn bundled(
        selftest: &SelfTest,
        matching: &MatchingRules,
    ) -> Result<Self, ConsistencyError> {
        let rules: Self = serde_json::from_str(CONSISTENCY_JSON)
            .map_err(|e| ConsistencyError::Json(e.to_string()))?;
        let known = possible_statements(selftest, matching);
        for pair in &rules.never_together {
            for id in [&pair.a, &pair.b] {
                if !known.contains(id) {
                    return Err(ConsistencyError::UnknownStatement(id.clone()));
                }
            }
        }
        Ok(rules)
    }

    /// The pairs that a page with these statements breaks.
    pub fn violations<'a>(&'a self, statements: &BTreeSet<String>) -> Vec<&'a Pair> {
        self.never_together
            .iter()
            .filter(|pair| statements.contains(&pair.a) && statements.contains(&pair.b))
            .collect()
    }
}

/// What a result page shows, as statement ids: the self-test result, and the job-supply
/// block (its quadrant and the steps it gives) when vacancies are known.
pub fn statements(
    selftest: &SelfTest,
    result: &SelfTestResult,
    supply: Option<(Quadrant, &MatchingRules)>,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for strength in &result.strengths {
        out.insert(format!("strength:{}", strength.id));
    }
    out.insert(format!("route:{}", result.route.route.rule_id()));
    for also in &result.route.also {
        out.insert(format!("also:{}", also.route.rule_id()));
    }
    let youth_steps = selftest.rules.youth_ladder.as_ref().map(|l| &l.steps);
    if let Some(step) = result
        .youth
        .as_ref()
        .and_then(|y| y.step)
        .and_then(|step| youth_steps?.get(step))
    {
        out.insert(format!("youth:{}", step.id));
    }
    for criterion in &result.search.criteria {
        match criterion.truth {
            Truth::True => out.insert(format!("criterion:{}:met", criterion.id)),
            Truth::False => out.insert(format!("criterion:{}:not_met", criterion.id)),
            Truth::Unknown => false,
        };
    }
    for step in &result.next_steps {
        let kind = if step.help_declined { "later" } else { "step" };
        out.insert(format!("{kind}:{}", step.id));
    }
    if let Some((quadrant, rules)) = supply {
        out.insert(format!("quadrant:{}", quadrant.id()));
        for step in quadrant.steps(rules, result) {
            out.insert(format!("quadrant_step:{}", step.id));
        }
    }
    out
}

/// Every statement id the rules can produce.
fn possible_statements(selftest: &SelfTest, matching: &MatchingRules) -> BTreeSet<String> {
    let rules = &selftest.rules;
    let mut out = BTreeSet::new();
    for strength in &rules.strengths {
        out.insert(format!("strength:{}", strength.id));
    }
    for route in &rules.routes {
        out.insert(format!("route:{}", route.id));
        out.insert(format!("also:{}", route.id));
    }
    if let Some(youth) = &rules.youth_ladder {
        for step in &youth.steps {
            out.insert(format!("youth:{}", step.id));
        }
    }
    for criterion in &rules.search_criteria {
        out.insert(format!("criterion:{}:met", criterion.id));
        out.insert(format!("criterion:{}:not_met", criterion.id));
    }
    for step in &rules.next_steps {
        out.insert(format!("step:{}", step.id));
        out.insert(format!("later:{}", step.id));
    }
    for quadrant in [
        Quadrant::SufficientOptimal,
        Quadrant::SufficientIncomplete,
        Quadrant::InsufficientOptimal,
        Quadrant::InsufficientIncomplete,
        Quadrant::Unknown,
    ] {
        out.insert(format!("quadrant:{}", quadrant.id()));
        for step in &quadrant.text(matching).steps {
            out.insert(format!("quadrant_step:{}", step.id));
        }
    }
    out
}
