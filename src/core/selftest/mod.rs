//! The self-test (zelftest): questions, scoring rules and results, all driven by the data
//! files in `data/selftest/`. See `docs/scoring.md` for the rules in words.

pub mod answers;
pub mod ids;
pub mod questionnaire;
pub mod rules;
pub mod scoring;

use thiserror::Error;

pub use answers::{Answer, AnswerError, Answers};
pub use questionnaire::{
    AnswerOption, Layout, NumberSpec, Question, QuestionKind, Questionnaire, Topic,
};
pub use rules::{Condition, Evidence, Rules, Truth};
pub use scoring::{ReasonLine, ResultSummary, RouteId, SearchStatus, SelfTestResult, Severity};

const QUESTIONS_JSON: &str = include_str!("../../../data/selftest/questions.json");
const RULES_JSON: &str = include_str!("../../../data/selftest/rules.json");

/// A problem in the self-test content files. These are the project's own files, so such an
/// error is caught by the test suite before release; the app still reports it instead of
/// crashing.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SelfTestDataError {
    #[error("{file} is not valid: {message}")]
    Json { file: &'static str, message: String },
    #[error("self-test content is inconsistent: {message}")]
    Invalid { message: String },
}

/// The questionnaire and its scoring rules, checked against each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelfTest {
    pub questionnaire: Questionnaire,
    pub rules: Rules,
}

impl SelfTest {
    /// The self-test bundled with the app.
    pub fn bundled() -> Result<Self, SelfTestDataError> {
        Self::from_json(QUESTIONS_JSON, RULES_JSON)
    }

    pub fn from_json(questions: &str, rules: &str) -> Result<Self, SelfTestDataError> {
        let questionnaire = Questionnaire::parse(questions)?;
        let rules: Rules = serde_json::from_str(rules).map_err(|e| SelfTestDataError::Json {
            file: "rules.json",
            message: e.to_string(),
        })?;
        let selftest = Self {
            questionnaire,
            rules,
        };
        selftest.check()?;
        Ok(selftest)
    }

    /// The result of `answers`. Answers from an earlier version of a question (a file made
    /// by an older app) are read as the questionnaire says they carry over.
    pub fn score(&self, answers: &Answers) -> SelfTestResult {
        if answers.fits(&self.questionnaire) {
            scoring::score(self, answers)
        } else {
            let mut upgraded = answers.clone();
            upgraded.retain_valid(&self.questionnaire);
            scoring::score(self, &upgraded)
        }
    }

    /// The question and the given answer behind one piece of evidence, in words.
    pub fn describe(&self, answers: &Answers, evidence: &Evidence) -> ReasonLine {
        scoring::describe(self, answers, evidence)
    }

    pub fn participation_label(&self, level: u8) -> Option<&crate::core::text::LocalizedText> {
        self.rules
            .ladders
            .participation
            .iter()
            .find(|rung| rung.level == level)
            .map(|rung| &rung.label)
    }

    pub fn reintegration_label(&self, level: u8) -> Option<&crate::core::text::LocalizedText> {
        self.rules
            .ladders
            .reintegration
            .iter()
            .find(|rung| rung.level == level)
            .map(|rung| &rung.label)
    }

    /// Every reference in the rules points at a real question, option or fact; every text
    /// exists in both languages; ordered rule lists end in a default.
    fn check(&self) -> Result<(), SelfTestDataError> {
        let invalid = |message: String| Err(SelfTestDataError::Invalid { message });
        // The UI shows one topic per screen and starts at the first: both must exist.
        if self.questionnaire.topics.is_empty() {
            return invalid("the questionnaire has no topics".into());
        }
        if let Some(topic) = self
            .questionnaire
            .topics
            .iter()
            .find(|t| t.questions.is_empty())
        {
            return invalid(format!("topic `{}` has no questions", topic.id));
        }
        let mut problems = Vec::new();
        let mut check_condition = |context: &str, condition: &Condition| {
            condition.visit(&mut |c| match c {
                Condition::Answer { question, any_of } => {
                    match self.questionnaire.question(question) {
                        None => problems.push(format!("{context}: unknown question `{question}`")),
                        Some(q) => {
                            for option in any_of {
                                if q.option(option).is_none() {
                                    problems.push(format!(
                                        "{context}: question `{question}` has no option `{option}`"
                                    ));
                                }
                            }
                        }
                    }
                }
                Condition::Fact(name) if !self.rules.facts.contains_key(name) => {
                    problems.push(format!("{context}: unknown fact `{name}`"))
                }
                Condition::Number { question, .. }
                    if self.questionnaire.question(question).map(|q| q.kind)
                        != Some(QuestionKind::Number) =>
                {
                    problems.push(format!("{context}: `{question}` is not a number question"));
                }
                _ => {}
            });
        };
        let rules = &self.rules;
        for (name, fact) in &rules.facts {
            check_condition(&format!("fact {name}"), &fact.when);
        }
        for route in &rules.routes {
            check_condition(&format!("route {}", route.id), &route.when);
        }
        for rung in &rules.reintegration_rungs {
            check_condition(&format!("rung {}", rung.rung), &rung.when);
        }
        for criterion in &rules.search_criteria {
            check_condition(&format!("search {}", criterion.id), &criterion.when);
        }
        for strength in &rules.strengths {
            check_condition(&format!("strength {}", strength.id), &strength.when);
        }
        for step in &rules.next_steps {
            check_condition(&format!("step {}", step.id), &step.when);
        }
        if let Some(youth) = &rules.youth_ladder {
            check_condition("youth ladder", &youth.applies);
            for rule in &youth.rules {
                check_condition(&format!("youth step {}", rule.step), &rule.when);
            }
        }
        if let Some(youth) = &rules.youth_ladder {
            for rule in &youth.rules {
                if !youth.steps.iter().any(|s| s.id == rule.step) {
                    problems.push(format!("youth ladder: unknown step `{}`", rule.step));
                }
            }
            // No `always` at the end: a step is only suggested when the answers show it
            // (the explanation of "gewoon werk" says "je hebt een diploma"), so the ladder
            // can say "we don't know yet" instead of guessing.
        }
        if !problems.is_empty() {
            return invalid(problems.join("; "));
        }

        if rules.routes.last().map(|r| &r.when) != Some(&Condition::Always) {
            return invalid("the last route must be `always`".into());
        }
        if rules.reintegration_rungs.last().map(|r| &r.when) != Some(&Condition::Always) {
            return invalid("the last re-integration rung must be `always`".into());
        }
        for route in &rules.routes {
            if RouteId::from_rule_id(&route.id).is_none() {
                return invalid(format!("unknown route id `{}`", route.id));
            }
        }
        let Some(participation) = self.questionnaire.question(&rules.participation.question) else {
            return invalid("participation question does not exist".into());
        };
        for (option, level) in &rules.participation.levels {
            if participation.option(option).is_none() || !(1..=6).contains(level) {
                return invalid(format!("participation option `{option}` / level {level}"));
            }
        }
        let Some(help) = self.questionnaire.question(&rules.obstacle_help_question) else {
            return invalid("obstacle help question does not exist".into());
        };
        for obstacle in &rules.obstacles {
            if self.questionnaire.question(&obstacle.question).is_none()
                || help.option(&obstacle.id).is_none()
            {
                return invalid(format!(
                    "obstacle `{}` is not wired to its questions",
                    obstacle.id
                ));
            }
        }
        for step in &rules.next_steps {
            if let Some(route) = step
                .unless_route
                .iter()
                .find(|r| RouteId::from_rule_id(r).is_none())
            {
                return invalid(format!("step `{}`: unknown route `{route}`", step.id));
            }
            if let Some(obstacle) = &step.obstacle {
                if !rules.obstacles.iter().any(|o| &o.id == obstacle) {
                    return invalid(format!("step `{}`: unknown obstacle `{obstacle}`", step.id));
                }
            }
        }
        let levels =
            |rungs: &[rules::LadderRung]| rungs.iter().map(|r| r.level).collect::<Vec<_>>();
        if levels(&rules.ladders.participation) != (1..=6).collect::<Vec<_>>()
            || levels(&rules.ladders.reintegration) != (0..=6).collect::<Vec<_>>()
        {
            return invalid("ladders must list participation 1-6 and re-integration 0-6".into());
        }
        for rung in &rules.reintegration_rungs {
            if rung.rung > 6 {
                return invalid(format!("re-integration rung {} is not 0-6", rung.rung));
            }
        }
        self.check_texts()
    }

    fn check_texts(&self) -> Result<(), SelfTestDataError> {
        use crate::core::text::LocalizedText;
        let mut texts: Vec<(String, &LocalizedText)> = Vec::new();
        for topic in &self.questionnaire.topics {
            texts.push((format!("topic {}", topic.id), &topic.title));
            texts.push((format!("topic {} intro", topic.id), &topic.intro));
            for question in &topic.questions {
                texts.push((format!("question {}", question.id), &question.text));
                if let Some(help) = &question.help {
                    texts.push((format!("question {} help", question.id), help));
                }
                for option in &question.options {
                    texts.push((
                        format!("option {}.{}", question.id, option.id),
                        &option.label,
                    ));
                }
            }
        }
        let rules = &self.rules;
        texts.extend(
            rules
                .facts
                .iter()
                .map(|(id, f)| (format!("fact {id}"), &f.label)),
        );
        texts.extend(
            rules
                .obstacles
                .iter()
                .map(|o| (format!("obstacle {}", o.id), &o.label)),
        );
        for route in &rules.routes {
            texts.push((format!("route {}", route.id), &route.title));
            texts.push((
                format!("route {} explanation", route.id),
                &route.explanation,
            ));
        }
        for c in &rules.search_criteria {
            texts.push((format!("search {}", c.id), &c.met));
            texts.push((format!("search {} not met", c.id), &c.not_met));
        }
        texts.extend(
            rules
                .strengths
                .iter()
                .map(|s| (format!("strength {}", s.id), &s.text)),
        );
        texts.push(("fallback strength".into(), &rules.fallback_strength));
        for step in &rules.next_steps {
            texts.push((format!("step {}", step.id), &step.text));
            texts.push((format!("step {} why", step.id), &step.why));
        }
        for rung in rules
            .ladders
            .participation
            .iter()
            .chain(&rules.ladders.reintegration)
        {
            texts.push((format!("ladder rung {}", rung.level), &rung.label));
        }
        if let Some(youth) = &rules.youth_ladder {
            for step in &youth.steps {
                texts.push((format!("youth step {}", step.id), &step.label));
                texts.push((
                    format!("youth step {} explanation", step.id),
                    &step.explanation,
                ));
            }
        }
        let missing: Vec<String> = texts
            .into_iter()
            .filter(|(_, text)| !text.is_complete())
            .map(|(place, _)| place)
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(SelfTestDataError::Invalid {
                message: format!("missing translation in: {}", missing.join(", ")),
            })
        }
    }
}
