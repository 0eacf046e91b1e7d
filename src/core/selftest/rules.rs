//! The scoring rules, loaded from `data/selftest/rules.json`, and the condition evaluator.
//!
//! Conditions use three-valued logic because self-tests are often incomplete and
//! "zeg ik liever niet" must never count against anyone: a condition on an unanswered or
//! declined question is `Unknown`, not false. Every evaluation also returns the answers that
//! decided it, which the result screen shows under "waarom zie ik dit?".

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::core::text::LocalizedText;

use super::answers::Answers;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// True on every input; the last rule of an ordered list uses it as the default.
    Always,
    /// The question's answer contains one of these options.
    Answer {
        question: String,
        any_of: Vec<String>,
    },
    /// A named fact from the rules file (e.g. `youth`, `startkwalificatie`).
    Fact(String),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    AtLeast {
        count: usize,
        of: Vec<Condition>,
    },
    /// The participatieladder level derived from the answers is at most this.
    ParticipationAtMost(u8),
    /// The number answered to a number question lies in this range (ends included).
    Number {
        question: String,
        #[serde(default)]
        at_least: Option<u32>,
        #[serde(default)]
        at_most: Option<u32>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    True,
    False,
    Unknown,
}

/// One answer that contributed to an outcome.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    Answer { question: String },
    Fact { fact: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub truth: Truth,
    /// The answers that decided the outcome, in rule order, without repeats.
    pub evidence: Vec<Evidence>,
    /// For an `Unknown` outcome: the questions without a usable answer (unanswered or "zeg
    /// ik liever niet") that left it open, in rule order, without repeats. Answering them
    /// could decide it. Empty for `True` and `False`.
    pub missing: Vec<String>,
}

fn unique<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

impl Outcome {
    fn new(truth: Truth, evidence: Vec<Evidence>) -> Self {
        Self {
            truth,
            evidence: unique(evidence),
            missing: Vec::new(),
        }
    }

    /// An unknown outcome, left open by `missing` questions.
    fn unknown(evidence: Vec<Evidence>, missing: Vec<String>) -> Self {
        Self {
            truth: Truth::Unknown,
            evidence: unique(evidence),
            missing: unique(missing),
        }
    }

    fn missing_of(outcomes: &[Outcome]) -> Vec<String> {
        outcomes
            .iter()
            .filter(|o| o.truth == Truth::Unknown)
            .flat_map(|o| o.missing.iter().cloned())
            .collect()
    }

    pub fn is_true(&self) -> bool {
        self.truth == Truth::True
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub label: LocalizedText,
    pub when: Condition,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipationRule {
    pub question: String,
    /// Option id → participatieladder level; the highest chosen level counts.
    pub levels: BTreeMap<String, u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObstacleRule {
    pub id: String,
    pub question: String,
    pub label: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteRule {
    pub id: String,
    pub when: Condition,
    pub title: LocalizedText,
    pub explanation: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RungRule {
    pub rung: u8,
    pub when: Condition,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchCriterion {
    pub id: String,
    pub when: Condition,
    pub met: LocalizedText,
    pub not_met: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrengthRule {
    pub id: String,
    pub when: Condition,
    pub text: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRule {
    pub id: String,
    /// The obstacle this step helps with, so the result can respect "ik wil nu geen hulp".
    #[serde(default)]
    pub obstacle: Option<String>,
    /// Routes (rule ids) on which this step is not given: "solliciteer elke week" does not
    /// go with "eerst steun".
    #[serde(default)]
    pub unless_route: Vec<String>,
    pub when: Condition,
    pub text: LocalizedText,
    pub why: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderRung {
    pub level: u8,
    pub label: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ladders {
    pub participation: Vec<LadderRung>,
    pub reintegration: Vec<LadderRung>,
}

/// The jongerenladder (DOMAIN.md: a startkwalificatie goes before work): its steps a–e in
/// order, and ordered rules that suggest the step for a young person.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YouthLadder {
    /// When the youth ladder is shown (first, before the route).
    pub applies: Condition,
    pub steps: Vec<YouthStep>,
    pub rules: Vec<YouthStepRule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YouthStep {
    pub id: String,
    pub label: LocalizedText,
    pub explanation: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YouthStepRule {
    pub step: String,
    pub when: Condition,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub version: u32,
    pub facts: BTreeMap<String, Fact>,
    pub participation: ParticipationRule,
    pub obstacles: Vec<ObstacleRule>,
    pub obstacle_help_question: String,
    /// Ordered: the first route whose condition is true is the route.
    pub routes: Vec<RouteRule>,
    /// Ordered: the first rung whose condition is true is the suggestion.
    pub reintegration_rungs: Vec<RungRule>,
    pub search_criteria: Vec<SearchCriterion>,
    pub strengths: Vec<StrengthRule>,
    pub fallback_strength: LocalizedText,
    pub next_steps: Vec<StepRule>,
    #[serde(default)]
    pub youth_ladder: Option<YouthLadder>,
    pub ladders: Ladders,
}

/// Evaluates conditions against one set of answers.
pub struct Evaluator<'a> {
    rules: &'a Rules,
    answers: &'a Answers,
}

impl<'a> Evaluator<'a> {
    pub fn new(rules: &'a Rules, answers: &'a Answers) -> Self {
        Self { rules, answers }
    }

    /// The participatieladder level: the highest level among the chosen activities.
    pub fn participation_level(&self) -> Option<u8> {
        let rule = &self.rules.participation;
        self.answers
            .chosen(&rule.question)
            .iter()
            .filter_map(|option| rule.levels.get(option).copied())
            .max()
    }

    pub fn fact(&self, name: &str) -> Outcome {
        match self.rules.facts.get(name) {
            Some(fact) => self.evaluate(&fact.when),
            // Unknown facts are rejected when the rules are loaded; stay safe regardless.
            None => Outcome::unknown(Vec::new(), Vec::new()),
        }
    }

    pub fn evaluate(&self, condition: &Condition) -> Outcome {
        match condition {
            Condition::Always => Outcome::new(Truth::True, Vec::new()),
            Condition::Answer { question, any_of } => {
                let chosen = self.answers.chosen(question);
                if chosen.is_empty() {
                    return Outcome::unknown(Vec::new(), vec![question.clone()]);
                }
                let evidence = vec![Evidence::Answer {
                    question: question.clone(),
                }];
                let hit = chosen.iter().any(|id| any_of.contains(id));
                Outcome::new(if hit { Truth::True } else { Truth::False }, evidence)
            }
            Condition::Fact(name) => {
                let inner = self.fact(name);
                let mut evidence = vec![Evidence::Fact { fact: name.clone() }];
                evidence.extend(inner.evidence);
                Outcome {
                    evidence: unique(evidence),
                    ..inner
                }
            }
            Condition::ParticipationAtMost(max) => match self.participation_level() {
                None => {
                    Outcome::unknown(Vec::new(), vec![self.rules.participation.question.clone()])
                }
                Some(level) => Outcome::new(
                    if level <= *max {
                        Truth::True
                    } else {
                        Truth::False
                    },
                    vec![Evidence::Answer {
                        question: self.rules.participation.question.clone(),
                    }],
                ),
            },
            Condition::Number {
                question,
                at_least,
                at_most,
            } => match self.answers.number(question) {
                None => Outcome::unknown(Vec::new(), vec![question.clone()]),
                Some(n) => {
                    let fits =
                        at_least.is_none_or(|min| n >= min) && at_most.is_none_or(|max| n <= max);
                    Outcome::new(
                        if fits { Truth::True } else { Truth::False },
                        vec![Evidence::Answer {
                            question: question.clone(),
                        }],
                    )
                }
            },
            Condition::Not(inner) => {
                let inner = self.evaluate(inner);
                let truth = match inner.truth {
                    Truth::True => Truth::False,
                    Truth::False => Truth::True,
                    Truth::Unknown => Truth::Unknown,
                };
                Outcome { truth, ..inner }
            }
            Condition::All(parts) => {
                let outcomes: Vec<Outcome> = parts.iter().map(|c| self.evaluate(c)).collect();
                if let Some(false_part) = outcomes.iter().find(|o| o.truth == Truth::False) {
                    return Outcome::new(Truth::False, false_part.evidence.clone());
                }
                let evidence = outcomes.iter().flat_map(|o| o.evidence.clone()).collect();
                if outcomes.iter().any(|o| o.truth == Truth::Unknown) {
                    Outcome::unknown(evidence, Outcome::missing_of(&outcomes))
                } else {
                    Outcome::new(Truth::True, evidence)
                }
            }
            Condition::Any(parts) => {
                let outcomes: Vec<Outcome> = parts.iter().map(|c| self.evaluate(c)).collect();
                if outcomes.iter().any(Outcome::is_true) {
                    return Outcome::new(Truth::True, collect(&outcomes, Truth::True));
                }
                if outcomes.iter().any(|o| o.truth == Truth::Unknown) {
                    Outcome::unknown(
                        collect(&outcomes, Truth::False),
                        Outcome::missing_of(&outcomes),
                    )
                } else {
                    Outcome::new(Truth::False, collect(&outcomes, Truth::False))
                }
            }
            Condition::AtLeast { count, of } => {
                let outcomes: Vec<Outcome> = of.iter().map(|c| self.evaluate(c)).collect();
                let trues = outcomes.iter().filter(|o| o.truth == Truth::True).count();
                let unknowns = outcomes
                    .iter()
                    .filter(|o| o.truth == Truth::Unknown)
                    .count();
                if trues >= *count {
                    Outcome::new(Truth::True, collect(&outcomes, Truth::True))
                } else if trues + unknowns < *count {
                    Outcome::new(Truth::False, collect(&outcomes, Truth::False))
                } else {
                    Outcome::unknown(
                        collect(&outcomes, Truth::True),
                        Outcome::missing_of(&outcomes),
                    )
                }
            }
        }
    }
}

fn collect(outcomes: &[Outcome], truth: Truth) -> Vec<Evidence> {
    outcomes
        .iter()
        .filter(|o| o.truth == truth)
        .flat_map(|o| o.evidence.iter().cloned())
        .collect()
}

impl Condition {
    /// Every question and fact the condition refers to, for load-time validation.
    pub fn visit(&self, visitor: &mut dyn FnMut(&Condition)) {
        visitor(self);
        match self {
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|p| p.visit(visitor))
            }
            Condition::AtLeast { of, .. } => of.iter().for_each(|p| p.visit(visitor)),
            Condition::Not(inner) => inner.visit(visitor),
            Condition::Always
            | Condition::Answer { .. }
            | Condition::Fact(_)
            | Condition::ParticipationAtMost(_)
            | Condition::Number { .. } => {}
        }
    }
}
