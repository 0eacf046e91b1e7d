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
                    (_, QuestionKind::Number) => Answer::Number(1 + (bits % 60) as u32),
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

/// The bundled content, loaded once per test binary.
pub fn content() -> &'static werkmap::core::content::Content {
    static CONTENT: OnceLock<werkmap::core::content::Content> = OnceLock::new();
    CONTENT
        .get_or_init(|| werkmap::core::content::Content::bundled().expect("bundled content loads"))
}

/// A small places table of real towns (coordinates of their centres), for tests that must
/// not depend on the size of the bundled table.
pub fn mini_places() -> werkmap::core::place::Places {
    use werkmap::core::place::{Place, Places};
    let place = |name: &str, lat: f64, lon: f64, postcodes: &[&str]| Place {
        name: name.into(),
        municipality: name.into(),
        province: "Utrecht".into(),
        lat,
        lon,
        postcodes: postcodes.iter().map(|p| (*p).to_owned()).collect(),
        seat: true,
    };
    Places::new(vec![
        place("Utrecht", 52.0907, 5.1214, &["3511-3585"]),
        place("Amersfoort", 52.1561, 5.3878, &["3811-3829"]),
        place("Amsterdam", 52.3728, 4.8936, &["1011-1109"]),
        place("Zwolle", 52.5168, 6.0830, &["8011-8048"]),
    ])
    .expect("valid mini table")
}

/// A vacancy with nothing asked, in Utrecht, for 24–32 hours; tests change what they need.
pub fn plain_vacancy(id: &str) -> werkmap::core::vacancy::Vacancy {
    use werkmap::core::place::GeoPoint;
    use werkmap::core::vacancy::{ContractKind, HoursRange, OccupationLink, Vacancy};
    Vacancy {
        id: id.into(),
        title: format!("Vacature {id}"),
        employer: "Werkgever".into(),
        place: Some("Utrecht".into()),
        postcode: None,
        location: Some(GeoPoint {
            lat: 52.0907,
            lon: 5.1214,
        }),
        hours: HoursRange::new(24, 32),
        contract: ContractKind::Regular,
        occupation: OccupationLink::default(),
        sector: None,
        education: None,
        competences: Vec::new(),
        language: None,
        driving_licence: false,
        physical: None,
        posted: None,
        start_date: None,
        closing_date: None,
        description: String::new(),
        experience: None,
        support: Default::default(),
        salary: None,
        url: None,
    }
}
