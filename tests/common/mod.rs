//! Helpers shared by the native integration tests (`mod common;` in each test file).
// Each test binary uses only some of these.
#![allow(dead_code)]

use std::sync::OnceLock;

use proptest::prelude::*;
use werkmap::core::selftest::{Answer, Answers, QuestionKind, SelfTest};

/// The bundled self-test, loaded once per test binary.
pub fn selftest() -> &'static SelfTest {
    static SELFTEST: OnceLock<SelfTest> = OnceLock::new();
    SELFTEST.get_or_init(|| SelfTest::bundled().expect("bundled self-test loads"))
}

/// Sets a choice answer, which must be valid.
pub fn choose(answers: &mut Answers, question: &str, options: &[&str]) {
    answers
        .set(
            &selftest().questionnaire,
            question,
            Answer::Chosen(options.iter().map(|o| (*o).to_owned()).collect()),
        )
        .expect("valid answer");
}

/// An arbitrary answer for each question: unanswered, declined, or a valid choice.
pub fn arbitrary_answers() -> impl Strategy<Value = Answers> {
    let questions: Vec<(String, QuestionKind, Vec<String>)> = selftest()
        .questionnaire
        .questions()
        .map(|q| {
            (
                q.id.clone(),
                q.kind,
                q.options.iter().map(|o| o.id.clone()).collect(),
            )
        })
        .collect();
    let count = questions.len();
    proptest::collection::vec((0u8..4, any::<u64>(), 1000u16..10000), count).prop_map(
        move |picks| {
            let mut answers = Answers::new();
            for ((id, kind, options), (mode, bits, postcode)) in questions.iter().zip(picks) {
                let answer = match (mode, kind) {
                    (0, _) => continue,
                    (1, _) => Answer::PreferNotToSay,
                    (_, QuestionKind::Postcode) => Answer::Text(postcode.to_string()),
                    (_, QuestionKind::Single) => {
                        Answer::Chosen(vec![options[bits as usize % options.len()].clone()])
                    }
                    (_, QuestionKind::Multi) => Answer::Chosen(
                        options
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| (bits >> (i % 64)) & 1 == 1)
                            .map(|(_, o)| o.clone())
                            .collect(),
                    ),
                };
                answers
                    .set(&selftest().questionnaire, id, answer)
                    .expect("generated answers are valid");
            }
            answers
        },
    )
}
