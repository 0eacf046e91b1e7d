//! What the job seeker answered. Answers are stored, exported and re-scored, so they are the
//! source of truth; results are always derived from them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::questionnaire::{Question, QuestionKind, Questionnaire};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum Answer {
    /// Chosen option ids: exactly one for a single-choice question, one or more for multi.
    Chosen(Vec<String>),
    /// Free input such as the four postcode digits.
    Text(String),
    /// A whole number, for a number question (hours a week).
    Number(u32),
    /// "Zeg ik liever niet": a real answer, never treated as a negative one.
    PreferNotToSay,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnswerError {
    #[error("unknown question `{0}`")]
    UnknownQuestion(String),
    #[error("question `{question}` has no option `{option}`")]
    UnknownOption { question: String, option: String },
    #[error("question `{0}` takes exactly one option")]
    NotSingle(String),
    #[error("question `{0}` takes a choice, not text")]
    TextNotAllowed(String),
    #[error("question `{0}` takes text, not a choice")]
    ChoiceNotAllowed(String),
    #[error("a postcode has four digits and does not start with 0")]
    InvalidPostcode,
    #[error("question `{question}` takes a whole number from {min} to {max}")]
    InvalidNumber {
        question: String,
        min: u32,
        max: u32,
    },
}

/// Answers keyed by question id. A `BTreeMap` keeps the stored JSON stable between saves.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, Answer>);

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, question_id: &str) -> Option<&Answer> {
        self.0.get(question_id)
    }

    /// Makes the answer to `question_id` what it is in `other` (answered or not). Both sets
    /// were checked when their answers were set, so no check is needed here.
    pub fn take_answer_from(&mut self, other: &Answers, question_id: &str) {
        match other.0.get(question_id) {
            Some(answer) => {
                self.0.insert(question_id.to_owned(), answer.clone());
            }
            None => {
                self.0.remove(question_id);
            }
        }
    }

    /// The number given for a number question; `None` when unanswered or declined.
    pub fn number(&self, question_id: &str) -> Option<u32> {
        match self.0.get(question_id) {
            Some(Answer::Number(n)) => Some(*n),
            _ => None,
        }
    }

    /// The one option chosen for a single-choice question.
    pub fn single(&self, question_id: &str) -> Option<&str> {
        self.chosen(question_id).first().map(String::as_str)
    }

    /// Option ids chosen for a question; empty when unanswered, declined or text.
    pub fn chosen(&self, question_id: &str) -> &[String] {
        match self.0.get(question_id) {
            Some(Answer::Chosen(ids)) => ids,
            _ => &[],
        }
    }

    pub fn is_chosen(&self, question_id: &str, option_id: &str) -> bool {
        self.chosen(question_id).iter().any(|id| id == option_id)
    }

    /// Sets an answer after checking it against the questionnaire, so stored answers always
    /// refer to real questions and options.
    pub fn set(
        &mut self,
        questionnaire: &Questionnaire,
        question_id: &str,
        answer: Answer,
    ) -> Result<(), AnswerError> {
        let question = questionnaire
            .question(question_id)
            .ok_or_else(|| AnswerError::UnknownQuestion(question_id.to_owned()))?;
        let answer = validate(question, answer)?;
        match answer {
            // An emptied multi-choice question is unanswered, not "nothing applies".
            Answer::Chosen(ref ids) if ids.is_empty() => {
                self.0.remove(question_id);
            }
            _ => {
                self.0.insert(question_id.to_owned(), answer);
            }
        }
        Ok(())
    }

    /// Toggles one option of a multi-choice question (or picks it for a single-choice one).
    pub fn toggle(
        &mut self,
        questionnaire: &Questionnaire,
        question_id: &str,
        option_id: &str,
    ) -> Result<(), AnswerError> {
        let question = questionnaire
            .question(question_id)
            .ok_or_else(|| AnswerError::UnknownQuestion(question_id.to_owned()))?;
        let next = match question.kind {
            QuestionKind::Multi => {
                let mut ids: Vec<String> = self.chosen(question_id).to_vec();
                if let Some(position) = ids.iter().position(|id| id == option_id) {
                    ids.remove(position);
                } else {
                    // "Geen" and "ik zoek nu niet" contradict every other option: picking
                    // one side clears the other, so the answer never says both.
                    let picked_exclusive = question.option(option_id).is_some_and(|o| o.exclusive);
                    ids.retain(|id| {
                        !picked_exclusive && !question.option(id).is_some_and(|o| o.exclusive)
                    });
                    ids.push(option_id.to_owned());
                }
                ids
            }
            _ => vec![option_id.to_owned()],
        };
        self.set(questionnaire, question_id, Answer::Chosen(next))
    }

    pub fn clear(&mut self, question_id: &str) {
        self.0.remove(question_id);
    }

    /// Takes `options` out of a choice answer (an answer left with nothing is removed).
    /// Removing choices never makes an answer invalid, so no questionnaire is needed.
    pub fn remove_options(&mut self, question_id: &str, options: &[String]) {
        if let Some(Answer::Chosen(ids)) = self.0.get_mut(question_id) {
            ids.retain(|id| !options.contains(id));
            if ids.is_empty() {
                self.0.remove(question_id);
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.0.iter().map(|(id, answer)| (id.as_str(), answer))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Questions of the questionnaire without any answer (declining counts as an answer).
    pub fn unanswered<'q>(&self, questionnaire: &'q Questionnaire) -> Vec<&'q Question> {
        questionnaire
            .questions()
            .filter(|question| !self.0.contains_key(&question.id))
            .collect()
    }

    /// Whether every answer is valid as it is for the questionnaire (nothing to carry over or
    /// drop).
    pub fn fits(&self, questionnaire: &Questionnaire) -> bool {
        self.0.iter().all(|(id, answer)| {
            questionnaire
                .question(id)
                .and_then(|question| validate(question, answer.clone()).ok())
                .as_ref()
                == Some(answer)
        })
    }

    /// Brings answers up to the questionnaire after a content update, so old stored data
    /// can never break scoring: an answer from an earlier version of a question is carried
    /// over where the questionnaire says how (a choice of hours becomes its number), and
    /// answers that no longer fit are dropped. Returns the ids that were dropped.
    pub fn retain_valid(&mut self, questionnaire: &Questionnaire) -> Vec<String> {
        let mut dropped = Vec::new();
        let old = std::mem::take(&mut self.0);
        for (id, answer) in old {
            let valid = questionnaire
                .question(&id)
                .and_then(|question| validate(question, answer).ok());
            match valid {
                Some(answer) => {
                    self.0.insert(id, answer);
                }
                None => dropped.push(id),
            }
        }
        dropped
    }
}

fn validate(question: &Question, answer: Answer) -> Result<Answer, AnswerError> {
    if let Some(spec) = &question.number {
        let invalid = || AnswerError::InvalidNumber {
            question: question.id.clone(),
            min: spec.min,
            max: spec.max,
        };
        let number = match answer {
            Answer::PreferNotToSay => return Ok(Answer::PreferNotToSay),
            Answer::Number(n) => n,
            Answer::Text(text) => text.trim().parse::<u32>().map_err(|_| invalid())?,
            // A choice from when the question offered options.
            Answer::Chosen(ids) => match ids.as_slice() {
                [id] => *spec.legacy_options.get(id).ok_or_else(invalid)?,
                _ => return Err(invalid()),
            },
        };
        return if (spec.min..=spec.max).contains(&number) {
            Ok(Answer::Number(number))
        } else {
            Err(invalid())
        };
    }
    match answer {
        Answer::PreferNotToSay => Ok(Answer::PreferNotToSay),
        Answer::Number(_) => Err(AnswerError::TextNotAllowed(question.id.clone())),
        Answer::Text(text) => {
            if question.kind != QuestionKind::Postcode {
                return Err(AnswerError::TextNotAllowed(question.id.clone()));
            }
            let digits = text.trim();
            if crate::core::place::is_postcode_area(digits) {
                Ok(Answer::Text(digits.to_owned()))
            } else {
                Err(AnswerError::InvalidPostcode)
            }
        }
        Answer::Chosen(mut ids) => {
            if question.kind == QuestionKind::Postcode {
                return Err(AnswerError::ChoiceNotAllowed(question.id.clone()));
            }
            for id in &ids {
                if question.option(id).is_none() {
                    return Err(AnswerError::UnknownOption {
                        question: question.id.clone(),
                        option: id.clone(),
                    });
                }
            }
            if question.kind == QuestionKind::Single && ids.len() > 1 {
                return Err(AnswerError::NotSingle(question.id.clone()));
            }
            // Keep the questionnaire's order so the same choice always stores the same way.
            ids.sort_by_key(|id| question.options.iter().position(|o| &o.id == id));
            ids.dedup();
            Ok(Answer::Chosen(ids))
        }
    }
}
