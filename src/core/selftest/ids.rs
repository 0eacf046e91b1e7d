//! The ids of the questions that code reads by name (matching, the CV, the hand-off, the
//! export). The questions themselves are data (`data/selftest/questions.json`); the test
//! below checks that each of these is there.

pub(crate) const AGE_BAND: &str = "age_band";
pub(crate) const POSTCODE: &str = "postcode";
pub(crate) const EDUCATION: &str = "education";
pub(crate) const DIPLOMA: &str = "diploma";
pub(crate) const DUTCH_LEVEL: &str = "dutch_level";
pub(crate) const OTHER_LANGUAGES: &str = "other_languages";
pub(crate) const DRIVING_LICENCE: &str = "driving_licence";
pub(crate) const HOURS: &str = "hours";
const WANT_WORK: &str = "want_work";
const WORK_YEARS: &str = "work_years";

/// Every id above.
pub const ALL: [&str; 10] = [
    AGE_BAND,
    POSTCODE,
    EDUCATION,
    DIPLOMA,
    DUTCH_LEVEL,
    OTHER_LANGUAGES,
    DRIVING_LICENCE,
    HOURS,
    WANT_WORK,
    WORK_YEARS,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::selftest::SelfTest;

    #[test]
    fn every_question_read_by_name_is_in_the_questionnaire() {
        let selftest = SelfTest::bundled().expect("bundled self-test");
        for id in ALL {
            assert!(
                selftest.questionnaire.question(id).is_some(),
                "question `{id}` is read by code but missing from questions.json"
            );
        }
    }
}
