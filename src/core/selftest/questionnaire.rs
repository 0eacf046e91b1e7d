//! The self-test questions, loaded from `data/selftest/questions.json`.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use crate::core::text::LocalizedText;

use super::SelfTestDataError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Pick one option.
    Single,
    /// Pick any number of options.
    Multi,
    /// Four digits of a Dutch postcode.
    Postcode,
    /// A whole number in a range, such as the most hours a week someone can work.
    Number,
}

/// The range and unit of a [`QuestionKind::Number`] question.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberSpec {
    pub min: u32,
    pub max: u32,
    /// Shown after the field: "uur per week".
    pub unit: LocalizedText,
    /// Numbers offered as one-tap choices next to the field.
    #[serde(default)]
    pub suggestions: Vec<u32>,
    /// Option ids of an earlier version of the question (when it was a choice) and the
    /// number each stands for, so stored answers and old files keep their meaning.
    #[serde(default)]
    pub legacy_options: BTreeMap<String, u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AnswerOption {
    pub id: String,
    pub label: LocalizedText,
    /// An option like "geen" that cannot be combined with the others of a multi-choice.
    #[serde(default)]
    pub exclusive: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    /// Sensitive questions always offer "zeg ik liever niet".
    pub sensitive: bool,
    /// Private questions (addiction, justice) carry an extra note that they are optional.
    pub private: bool,
    pub text: LocalizedText,
    pub help: Option<LocalizedText>,
    pub options: Vec<AnswerOption>,
    /// For a number question: its range and unit.
    pub number: Option<NumberSpec>,
}

impl Question {
    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|option| option.id == id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// Also the URL slug of the topic's screen.
    pub id: String,
    pub title: LocalizedText,
    pub intro: LocalizedText,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Questionnaire {
    pub version: u32,
    pub topics: Vec<Topic>,
}

impl Questionnaire {
    pub fn parse(json: &str) -> Result<Self, SelfTestDataError> {
        let raw: RawQuestionnaire =
            serde_json::from_str(json).map_err(|e| SelfTestDataError::Json {
                file: "questions.json",
                message: e.to_string(),
            })?;
        raw.resolve()
    }

    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.topics.iter().flat_map(|topic| topic.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|question| question.id == id)
    }

    pub fn topic_index(&self, id: &str) -> Option<usize> {
        self.topics.iter().position(|topic| topic.id == id)
    }
}

// The file format allows shared option sets (the nine obstacle questions share one scale);
// the resolved `Questionnaire` has every question's options inline.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestionnaire {
    version: u32,
    topics: Vec<RawTopic>,
    #[serde(default)]
    option_sets: BTreeMap<String, Vec<AnswerOption>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: String,
    title: LocalizedText,
    intro: LocalizedText,
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    kind: QuestionKind,
    sensitive: bool,
    #[serde(default)]
    private: bool,
    text: LocalizedText,
    help: Option<LocalizedText>,
    #[serde(default)]
    options: Option<RawOptions>,
    #[serde(default)]
    number: Option<NumberSpec>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawOptions {
    Inline(Vec<AnswerOption>),
    Set(String),
}

impl RawQuestionnaire {
    fn resolve(self) -> Result<Questionnaire, SelfTestDataError> {
        let invalid = |message: String| SelfTestDataError::Invalid { message };
        let mut seen_questions = HashSet::new();
        let mut seen_topics = HashSet::new();
        let mut topics = Vec::with_capacity(self.topics.len());
        for raw_topic in self.topics {
            if !seen_topics.insert(raw_topic.id.clone()) {
                return Err(invalid(format!("topic `{}` appears twice", raw_topic.id)));
            }
            let mut questions = Vec::with_capacity(raw_topic.questions.len());
            for raw in raw_topic.questions {
                if !seen_questions.insert(raw.id.clone()) {
                    return Err(invalid(format!("question `{}` appears twice", raw.id)));
                }
                let options = match raw.options {
                    None => Vec::new(),
                    Some(RawOptions::Inline(options)) => options,
                    Some(RawOptions::Set(name)) => {
                        self.option_sets.get(&name).cloned().ok_or_else(|| {
                            invalid(format!(
                                "question `{}` uses unknown option set `{name}`",
                                raw.id
                            ))
                        })?
                    }
                };
                let needs_options = matches!(raw.kind, QuestionKind::Single | QuestionKind::Multi);
                if needs_options == options.is_empty() {
                    return Err(invalid(format!(
                        "question `{}`: choice questions need options, other kinds none",
                        raw.id
                    )));
                }
                match (&raw.number, raw.kind) {
                    (Some(spec), QuestionKind::Number) => {
                        let suggestions_fit = spec
                            .suggestions
                            .iter()
                            .chain(spec.legacy_options.values())
                            .all(|n| (spec.min..=spec.max).contains(n));
                        if spec.min > spec.max || !suggestions_fit || !spec.unit.is_complete() {
                            return Err(invalid(format!(
                                "question `{}`: the number range, unit or suggestions do not fit",
                                raw.id
                            )));
                        }
                    }
                    (None, QuestionKind::Number) | (Some(_), _) => {
                        return Err(invalid(format!(
                            "question `{}`: number questions, and only they, need `number`",
                            raw.id
                        )));
                    }
                    (None, _) => {}
                }
                let mut seen_options = HashSet::new();
                for option in &options {
                    if !seen_options.insert(option.id.as_str()) {
                        return Err(invalid(format!(
                            "question `{}`: option `{}` appears twice",
                            raw.id, option.id
                        )));
                    }
                }
                questions.push(Question {
                    id: raw.id,
                    kind: raw.kind,
                    sensitive: raw.sensitive,
                    private: raw.private,
                    text: raw.text,
                    help: raw.help,
                    options,
                    number: raw.number,
                });
            }
            topics.push(Topic {
                id: raw_topic.id,
                title: raw_topic.title,
                intro: raw_topic.intro,
                questions,
            });
        }
        Ok(Questionnaire {
            version: self.version,
            topics,
        })
    }
}
