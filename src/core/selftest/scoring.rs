//! From answers to a self-test result. Everything the result screen shows comes from here,
//! each part with the answers that led to it.

use serde::{Deserialize, Serialize};

use crate::core::i18n;
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
    /// The job seeker said "ik wil nu geen hulp": the step stays visible (they may change
    /// their mind) but is shown as "for later", never pushed. Not ticking an obstacle among
    /// others is not saying no, so it does not count as declining.
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
    /// Routes earlier in the rule order that could not be checked for missing answers,
    /// with the questions whose answers would tell.
    pub unchecked: Vec<Unchecked<RouteId>>,
    /// Later routes whose conditions hold too (e.g. "eerst steun" for a young person on the
    /// diploma route): the job seeker and coach should see them, not just the first match.
    pub also: Vec<AlsoRoute>,
}

/// Something that might fit better but could not be checked: the questions without an
/// answer (unanswered, or "zeg ik liever niet") that left it open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unchecked<T> {
    pub item: T,
    pub missing: Vec<String>,
}

impl RoutePlacement {
    /// The routes that could not be checked, without their questions.
    pub fn unchecked_routes(&self) -> Vec<RouteId> {
        self.unchecked.iter().map(|u| u.item).collect()
    }
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
    /// Index into the rules' `youth_ladder.steps`; `None` when the answers do not show the
    /// step yet (then `unchecked` says which questions would).
    pub step: Option<usize>,
    pub because: Vec<Evidence>,
    /// Steps before the suggested one (or every step, without a suggestion) that could not be
    /// checked, with the questions that would tell.
    pub unchecked: Vec<Unchecked<usize>>,
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
                text: with_numbers(&rule.text, answers),
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

    // Only "ik wil nu geen hulp" (the question's exclusive option) says no to help.
    let help_refused = selftest
        .questionnaire
        .question(&rules.obstacle_help_question)
        .is_some_and(|question| {
            answers
                .chosen(&question.id)
                .iter()
                .any(|id| question.option(id).is_some_and(|o| o.exclusive))
        });
    let route = route(rules, &evaluator);
    let mut next_steps: Vec<Finding> = rules
        .next_steps
        .iter()
        .filter_map(|rule| {
            if rule.unless_route.iter().any(|r| r == route.route.rule_id()) {
                return None;
            }
            let outcome = evaluator.evaluate(&rule.when);
            if !outcome.is_true() {
                return None;
            }
            let help_declined = rule.obstacle.is_some() && help_refused;
            let mut because = outcome.evidence;
            if help_declined {
                because.push(Evidence::Answer {
                    question: rules.obstacle_help_question.clone(),
                });
            }
            Some(Finding {
                id: rule.id.clone(),
                text: with_numbers(&rule.text, answers),
                why: Some(rule.why.clone()),
                help_declined,
                because,
            })
        })
        .collect();
    // Steps for what the job seeker asked help with come first; declined ones stay, at the end.
    let asked = |step: &Finding| {
        rules
            .next_steps
            .iter()
            .find(|rule| rule.id == step.id)
            .and_then(|rule| rule.obstacle.as_ref())
            .is_some_and(|obstacle| answers.is_chosen(&rules.obstacle_help_question, obstacle))
    };
    next_steps.sort_by_key(|step| (step.help_declined, !asked(step)));

    SelfTestResult {
        strengths,
        participation,
        reintegration: first_rung(rules, &evaluator),
        route,
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

/// The jongerenladder step: the first rule that holds, with earlier rules that could not be
/// checked; no step at all when none holds (the last rule asks for a diploma that is known,
/// so "gewoon werk — je hebt een diploma" is never said on a guess).
fn youth_step(rules: &Rules, evaluator: &Evaluator<'_>) -> Option<YouthPlacement> {
    let ladder = rules.youth_ladder.as_ref()?;
    let applies = evaluator.evaluate(&ladder.applies);
    if !applies.is_true() {
        return None;
    }
    let mut unchecked: Vec<Unchecked<usize>> = Vec::new();
    for rule in &ladder.rules {
        let Some(step) = ladder.steps.iter().position(|s| s.id == rule.step) else {
            continue;
        };
        let outcome = evaluator.evaluate(&rule.when);
        match outcome.truth {
            Truth::True => {
                let mut because = applies.evidence.clone();
                because.extend(outcome.evidence);
                return Some(YouthPlacement {
                    step: Some(step),
                    because,
                    unchecked,
                });
            }
            Truth::Unknown => unchecked.push(Unchecked {
                item: step,
                missing: outcome.missing,
            }),
            Truth::False => {}
        }
    }
    Some(YouthPlacement {
        step: None,
        because: applies.evidence,
        unchecked,
    })
}

/// A content text with `{question}` placeholders filled with the number answered to that
/// question ("Je kan {hours} uur per week werken").
fn with_numbers(text: &LocalizedText, answers: &Answers) -> LocalizedText {
    if !text.nl.contains('{') && !text.en.contains('{') {
        return text.clone();
    }
    let fill = |template: &str| {
        let mut out = template.to_owned();
        for (question, answer) in answers.iter() {
            if let Answer::Number(n) = answer {
                out = out.replace(&format!("{{{question}}}"), &n.to_string());
            }
        }
        out
    };
    LocalizedText {
        nl: fill(&text.nl),
        en: fill(&text.en),
    }
}

pub fn obstacles(rules: &Rules, answers: &Answers) -> Vec<ObstacleFinding> {
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

pub fn route(rules: &Rules, evaluator: &Evaluator<'_>) -> RoutePlacement {
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
            Truth::Unknown => unchecked.push(Unchecked {
                item: route,
                missing: outcome.missing,
            }),
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
            .unwrap_or_else(|| i18n::localized("result.fallback_route_title")),
        explanation: fallback
            .map(|rule| rule.explanation.clone())
            .unwrap_or_else(|| i18n::localized("result.fallback_route_explanation")),
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
                Truth::True => Some(i18n::localized("result.fact_true")),
                Truth::False => Some(i18n::localized("result.fact_false")),
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
                Some(Answer::Number(n)) => Some(match &q.number {
                    Some(spec) => LocalizedText {
                        nl: format!("{n} {}", spec.unit.nl),
                        en: format!("{n} {}", spec.unit.en),
                    },
                    None => LocalizedText {
                        nl: n.to_string(),
                        en: n.to_string(),
                    },
                }),
                Some(Answer::PreferNotToSay) => Some(i18n::localized("question.decline")),
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
