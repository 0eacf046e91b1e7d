//! From answers to a self-test result. Everything the result screen shows comes from here,
//! each part with the answers that led to it.

use serde::{Deserialize, Serialize};

use crate::core::text::LocalizedText;

use super::answers::{Answer, Answers};
use super::rules::{Condition, Evaluator, Evidence, Rules, Truth};
use super::SelfTest;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub id: String,
    pub text: LocalizedText,
    /// For next steps: why this step helps. Empty for strengths.
    pub why: Option<LocalizedText>,
    /// The job seeker said they do not want help with this obstacle now; the step stays
    /// visible (they may change their mind) but is shown as "for later", never pushed.
    pub help_declined: bool,
    pub because: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LadderPlacement {
    pub level: u8,
    pub because: Vec<Evidence>,
    /// Rungs that might fit better but could not be checked for missing answers.
    pub unchecked: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteId {
    /// Route A: zelf zoeken.
    SelfSearch,
    /// Route B: eerst steun.
    SupportFirst,
    /// Jongerenladder: eerst een diploma.
    DiplomaFirst,
}

impl RouteId {
    pub fn from_rule_id(id: &str) -> Option<Self> {
        match id {
            "self" => Some(Self::SelfSearch),
            "support" => Some(Self::SupportFirst),
            "diploma" => Some(Self::DiplomaFirst),
            _ => None,
        }
    }

    pub fn rule_id(self) -> &'static str {
        match self {
            Self::SelfSearch => "self",
            Self::SupportFirst => "support",
            Self::DiplomaFirst => "diploma",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutePlacement {
    pub route: RouteId,
    pub title: LocalizedText,
    pub explanation: LocalizedText,
    pub because: Vec<Evidence>,
    /// Routes earlier in the rule order that could not be checked for missing answers.
    pub unchecked: Vec<RouteId>,
    /// Later routes whose conditions hold too (e.g. "eerst steun" for a young person on the
    /// diploma route): the job seeker and coach should see them, not just the first match.
    pub also: Vec<AlsoRoute>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlsoRoute {
    pub route: RouteId,
    pub title: LocalizedText,
    pub explanation: LocalizedText,
    pub because: Vec<Evidence>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchStatus {
    Optimal,
    Incomplete,
    /// Too few answers to say.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionOutcome {
    pub id: String,
    pub truth: Truth,
    pub text: LocalizedText,
    pub because: Vec<Evidence>,
}

/// One axis of the kwadrantenmodel. The other axis, job supply, comes from vacancy
/// matching; until that exists the result shows search behaviour alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchBehaviour {
    pub status: SearchStatus,
    pub criteria: Vec<CriterionOutcome>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Some,
    ALot,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObstacleFinding {
    pub id: String,
    pub label: LocalizedText,
    pub severity: Severity,
    pub wants_help: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelfTestResult {
    pub strengths: Vec<Finding>,
    pub participation: Option<LadderPlacement>,
    /// A suggestion only: the coach decides the re-integratieladder rung.
    pub reintegration: Option<LadderPlacement>,
    pub route: RoutePlacement,
    pub search: SearchBehaviour,
    /// Heaviest first.
    pub obstacles: Vec<ObstacleFinding>,
    pub next_steps: Vec<Finding>,
    /// Question ids without an answer; the result says it may fit less well.
    pub unanswered: Vec<String>,
    /// For young people (under 27): the suggested step on the jongerenladder, shown first.
    pub youth: Option<YouthPlacement>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YouthPlacement {
    /// Index into the rules' `youth_ladder.steps`.
    pub step: usize,
    pub because: Vec<Evidence>,
}

/// The small part of a result kept in the history, to draw change over time without
/// re-scoring old answers with newer rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultSummary {
    pub participation: Option<u8>,
    pub reintegration: Option<u8>,
    pub route: RouteId,
    pub search: SearchStatus,
    pub strengths: Vec<String>,
    pub obstacles: Vec<String>,
}

impl SelfTestResult {
    pub fn summary(&self) -> ResultSummary {
        ResultSummary {
            participation: self.participation.as_ref().map(|p| p.level),
            reintegration: self.reintegration.as_ref().map(|p| p.level),
            route: self.route.route,
            search: self.search.status,
            strengths: self.strengths.iter().map(|s| s.id.clone()).collect(),
            obstacles: self.obstacles.iter().map(|o| o.id.clone()).collect(),
        }
    }
}

pub(super) fn score(selftest: &SelfTest, answers: &Answers) -> SelfTestResult {
    let rules = &selftest.rules;
    let evaluator = Evaluator::new(rules, answers);

    let obstacles = obstacles(rules, answers);
    let participation = evaluator
        .participation_level()
        .map(|level| LadderPlacement {
            level,
            because: vec![Evidence::Answer {
                question: rules.participation.question.clone(),
            }],
            unchecked: Vec::new(),
        });

    let mut strengths: Vec<Finding> = rules
        .strengths
        .iter()
        .filter_map(|rule| {
            let outcome = evaluator.evaluate(&rule.when);
            outcome.is_true().then(|| Finding {
                id: rule.id.clone(),
                text: rule.text.clone(),
                why: None,
                help_declined: false,
                because: outcome.evidence,
            })
        })
        .collect();
    if strengths.is_empty() {
        strengths.push(Finding {
            id: "took_the_test".to_owned(),
            text: rules.fallback_strength.clone(),
            why: None,
            help_declined: false,
            because: Vec::new(),
        });
    }

    let help_answered = !answers.chosen(&rules.obstacle_help_question).is_empty();
    let mut next_steps: Vec<Finding> = rules
        .next_steps
        .iter()
        .filter_map(|rule| {
            let outcome = evaluator.evaluate(&rule.when);
            if !outcome.is_true() {
                return None;
            }
            let help_declined = rule.obstacle.as_ref().is_some_and(|obstacle| {
                help_answered && !answers.is_chosen(&rules.obstacle_help_question, obstacle)
            });
            let mut because = outcome.evidence;
            if help_declined {
                because.push(Evidence::Answer {
                    question: rules.obstacle_help_question.clone(),
                });
            }
            Some(Finding {
                id: rule.id.clone(),
                text: rule.text.clone(),
                why: Some(rule.why.clone()),
                help_declined,
                because,
            })
        })
        .collect();
    // Steps the job seeker asked help for come first; declined ones stay, at the end.
    next_steps.sort_by_key(|step| step.help_declined);

    SelfTestResult {
        strengths,
        participation,
        reintegration: first_rung(rules, &evaluator),
        route: route(rules, &evaluator),
        search: search_behaviour(rules, &evaluator),
        obstacles,
        next_steps,
        unanswered: answers
            .unanswered(&selftest.questionnaire)
            .into_iter()
            .map(|q| q.id.clone())
            .collect(),
        youth: youth_step(rules, &evaluator),
    }
}

fn youth_step(rules: &Rules, evaluator: &Evaluator<'_>) -> Option<YouthPlacement> {
    let ladder = rules.youth_ladder.as_ref()?;
    let applies = evaluator.evaluate(&ladder.applies);
    if !applies.is_true() {
        return None;
    }
    ladder.rules.iter().find_map(|rule| {
        let outcome = evaluator.evaluate(&rule.when);
        let step = ladder.steps.iter().position(|s| s.id == rule.step)?;
        outcome.is_true().then(|| {
            let mut because = applies.evidence.clone();
            because.extend(outcome.evidence);
            YouthPlacement { step, because }
        })
    })
}

fn obstacles(rules: &Rules, answers: &Answers) -> Vec<ObstacleFinding> {
    let mut found: Vec<ObstacleFinding> = rules
        .obstacles
        .iter()
        .filter_map(|rule| {
            let severity = match answers.chosen(&rule.question).first().map(String::as_str) {
                Some("some") => Severity::Some,
                Some("a_lot") => Severity::ALot,
                _ => return None,
            };
            Some(ObstacleFinding {
                id: rule.id.clone(),
                label: rule.label.clone(),
                severity,
                wants_help: answers.is_chosen(&rules.obstacle_help_question, &rule.id),
            })
        })
        .collect();
    found.sort_by_key(|o| std::cmp::Reverse(o.severity));
    found
}

fn route(rules: &Rules, evaluator: &Evaluator<'_>) -> RoutePlacement {
    let mut unchecked = Vec::new();
    for (index, rule) in rules.routes.iter().enumerate() {
        let Some(route) = RouteId::from_rule_id(&rule.id) else {
            continue;
        };
        let outcome = evaluator.evaluate(&rule.when);
        match outcome.truth {
            Truth::True => {
                let also = rules.routes[index + 1..]
                    .iter()
                    .filter(|later| later.when != Condition::Always)
                    .filter_map(|later| {
                        let outcome = evaluator.evaluate(&later.when);
                        let route = RouteId::from_rule_id(&later.id)?;
                        outcome.is_true().then(|| AlsoRoute {
                            route,
                            title: later.title.clone(),
                            explanation: later.explanation.clone(),
                            because: outcome.evidence,
                        })
                    })
                    .collect();
                return RoutePlacement {
                    route,
                    title: rule.title.clone(),
                    explanation: rule.explanation.clone(),
                    because: outcome.evidence,
                    unchecked,
                    also,
                };
            }
            Truth::Unknown => unchecked.push(route),
            Truth::False => {}
        }
    }
    // Loading guarantees that the last route is `always`, so this is only reached when every
    // route was unknown; the last route is then the honest default.
    let fallback = rules.routes.last();
    RoutePlacement {
        route: fallback
            .and_then(|rule| RouteId::from_rule_id(&rule.id))
            .unwrap_or(RouteId::SelfSearch),
        title: fallback
            .map(|rule| rule.title.clone())
            .unwrap_or_else(|| LocalizedText {
                nl: "Zelf zoeken".into(),
                en: "Search yourself".into(),
            }),
        explanation: fallback
            .map(|rule| rule.explanation.clone())
            .unwrap_or_else(|| LocalizedText {
                nl: "Je kan nu zelf zoeken naar werk.".into(),
                en: "You can look for work yourself now.".into(),
            }),
        because: Vec::new(),
        unchecked,
        also: Vec::new(),
    }
}

fn first_rung(rules: &Rules, evaluator: &Evaluator<'_>) -> Option<LadderPlacement> {
    let mut unchecked = Vec::new();
    for rule in &rules.reintegration_rungs {
        let outcome = evaluator.evaluate(&rule.when);
        match outcome.truth {
            Truth::True => {
                return Some(LadderPlacement {
                    level: rule.rung,
                    because: outcome.evidence,
                    unchecked,
                })
            }
            Truth::Unknown => unchecked.push(rule.rung),
            Truth::False => {}
        }
    }
    None
}

fn search_behaviour(rules: &Rules, evaluator: &Evaluator<'_>) -> SearchBehaviour {
    let criteria: Vec<CriterionOutcome> = rules
        .search_criteria
        .iter()
        .map(|criterion| {
            let outcome = evaluator.evaluate(&criterion.when);
            let text = match outcome.truth {
                Truth::False => criterion.not_met.clone(),
                _ => criterion.met.clone(),
            };
            CriterionOutcome {
                id: criterion.id.clone(),
                truth: outcome.truth,
                text,
                because: outcome.evidence,
            }
        })
        .collect();
    let status = if criteria.iter().any(|c| c.truth == Truth::False) {
        SearchStatus::Incomplete
    } else if criteria.iter().all(|c| c.truth == Truth::True) {
        SearchStatus::Optimal
    } else {
        SearchStatus::Unknown
    };
    SearchBehaviour { status, criteria }
}

/// A human-readable line for one piece of evidence: the question and the answer given,
/// or the fact's label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonLine {
    pub question: LocalizedText,
    pub answer: Option<LocalizedText>,
}

pub(super) fn describe(selftest: &SelfTest, answers: &Answers, evidence: &Evidence) -> ReasonLine {
    match evidence {
        Evidence::Fact { fact } => ReasonLine {
            question: selftest
                .rules
                .facts
                .get(fact)
                .map(|f| f.label.clone())
                .unwrap_or_else(|| LocalizedText {
                    nl: fact.clone(),
                    en: fact.clone(),
                }),
            // A fact's label is a statement ("Je hebt een startkwalificatie"); evidence can
            // come from a fact that does NOT hold (the youth route, a search criterion not
            // met), so the line must say whether the statement is true for this person.
            answer: match Evaluator::new(&selftest.rules, answers).fact(fact).truth {
                Truth::True => Some(LocalizedText {
                    nl: "Klopt".into(),
                    en: "True".into(),
                }),
                Truth::False => Some(LocalizedText {
                    nl: "Klopt niet".into(),
                    en: "Not true".into(),
                }),
                Truth::Unknown => None,
            },
        },
        Evidence::Answer { question } => {
            let Some(q) = selftest.questionnaire.question(question) else {
                return ReasonLine {
                    question: LocalizedText {
                        nl: question.clone(),
                        en: question.clone(),
                    },
                    answer: None,
                };
            };
            let answer = match answers.get(question) {
                Some(Answer::Chosen(ids)) => {
                    let labels: Vec<&LocalizedText> = ids
                        .iter()
                        .filter_map(|id| q.option(id).map(|o| &o.label))
                        .collect();
                    Some(LocalizedText {
                        nl: join(labels.iter().map(|l| l.nl.as_str())),
                        en: join(labels.iter().map(|l| l.en.as_str())),
                    })
                }
                Some(Answer::Text(text)) => Some(LocalizedText {
                    nl: text.clone(),
                    en: text.clone(),
                }),
                Some(Answer::PreferNotToSay) => Some(LocalizedText {
                    nl: "Zeg ik liever niet".into(),
                    en: "I'd rather not say".into(),
                }),
                None => None,
            };
            ReasonLine {
                question: q.text.clone(),
                answer,
            }
        }
    }
}

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts.collect::<Vec<_>>().join(", ")
}
