//! A CV in the JSON Resume format (jsonresume.org, schema v1.0.0) from the work map: what the
//! job seeker can do (the competence check, with where it was shown), languages, education,
//! interests and a summary of strengths. Only what the job seeker filled in; nothing is
//! guessed. `tests/e2e/portfolio.test.mjs` validates a CV from the app against the official
//! schema (`@jsonresume/schema`).

use serde_json::{json, Map, Value};
use time::OffsetDateTime;

use crate::core::competence::interest_profile;
use crate::core::content::Content;
use crate::core::i18n;
use crate::core::selftest::{ids, Answer};
use crate::core::storage::AppState;
use crate::core::text::Language;

/// Interest areas scoring at least this go into the CV.
pub const INTEREST_SHOWN: u8 = 60;

/// What goes into the CV besides the work map.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CvChoices {
    /// The name on the CV (the job seeker types it; the work map has no name).
    pub name: String,
    /// The town to show, when the job seeker wants one.
    pub city: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The JSON Resume document.
pub fn json_resume(
    state: &AppState,
    content: &Content,
    choices: &CvChoices,
    language: Language,
    now: OffsetDateTime,
) -> Value {
    let selftest = &content.selftest;
    let mut basics = Map::new();
    basics.insert("name".into(), choices.name.trim().into());
    for (key, value) in [("email", &choices.email), ("phone", &choices.phone)] {
        if let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            basics.insert(key.into(), value.into());
        }
    }
    let mut location = Map::new();
    location.insert("countryCode".into(), "NL".into());
    if let Some(city) = choices
        .city
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        location.insert("city".into(), city.into());
    }
    basics.insert("location".into(), Value::Object(location));
    let result = selftest.score(&state.answers);
    let strengths: Vec<&str> = result
        .strengths
        .iter()
        .map(|s| s.text.get(language))
        .collect();
    if !strengths.is_empty() {
        basics.insert("summary".into(), strengths.join(" ").into());
    }

    let catalog = &content.competences;
    let skills: Vec<Value> = catalog
        .competences
        .iter()
        .filter_map(|c| {
            let rating = state.competences.rating(&c.id)?;
            if rating.level == 0 {
                return None;
            }
            let level = catalog
                .level_name(rating.level)
                .map(|l| l.get(language).to_owned())
                .unwrap_or_default();
            let keywords: Vec<String> = rating
                .shown_in
                .iter()
                .map(|place| place.label().get(language).to_owned())
                .collect();
            Some(json!({ "name": c.name.get(language), "level": level, "keywords": keywords }))
        })
        .collect();

    let question_label = |question: &str, option: &str| {
        selftest
            .questionnaire
            .question(question)
            .and_then(|q| q.option(option))
            .map(|o| o.label.get(language).to_owned())
    };
    let mut languages = Vec::new();
    if let Some(fluency) = state
        .answers
        .single(ids::DUTCH_LEVEL)
        .and_then(|o| question_label(ids::DUTCH_LEVEL, o))
    {
        let name = i18n::text(language, "cv.dutch");
        languages.push(json!({ "language": name, "fluency": fluency }));
    }
    if let Some(Answer::Chosen(others)) = state.answers.get(ids::OTHER_LANGUAGES) {
        for other in others
            .iter()
            .filter(|o| o.as_str() != "none" && o.as_str() != "other")
        {
            if let Some(name) = question_label(ids::OTHER_LANGUAGES, other) {
                languages.push(json!({ "language": name }));
            }
        }
    }

    let mut education = Vec::new();
    if let Some(level) = state
        .answers
        .single(ids::EDUCATION)
        .and_then(|o| question_label(ids::EDUCATION, o))
    {
        let mut entry = Map::new();
        entry.insert("studyType".into(), level.into());
        let diploma = match state.answers.single(ids::DIPLOMA) {
            Some("yes") => Some(i18n::text(language, "cv.diploma_obtained")),
            Some("studying") => Some(i18n::text(language, "cv.still_studying")),
            _ => None,
        };
        if let Some(diploma) = diploma {
            entry.insert("score".into(), diploma.into());
        }
        education.push(Value::Object(entry));
    }

    let interests: Vec<Value> = interest_profile(&content.interests, &state.competences)
        .ranked()
        .into_iter()
        .filter(|area| area.score.is_some_and(|s| s >= INTEREST_SHOWN))
        .filter_map(|area| content.interests.area(area.area))
        .map(|info| json!({ "name": info.name.get(language) }))
        .collect();

    let mut resume = Map::new();
    resume.insert(
        "$schema".into(),
        "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json".into(),
    );
    resume.insert("basics".into(), Value::Object(basics));
    if !skills.is_empty() {
        resume.insert("skills".into(), Value::Array(skills));
    }
    if !languages.is_empty() {
        resume.insert("languages".into(), Value::Array(languages));
    }
    if !education.is_empty() {
        resume.insert("education".into(), Value::Array(education));
    }
    if !interests.is_empty() {
        resume.insert("interests".into(), Value::Array(interests));
    }
    let modified = now
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    resume.insert(
        "meta".into(),
        json!({ "version": "v1.0.0", "lastModified": modified.get(..19).unwrap_or(&modified) }),
    );
    Value::Object(resume)
}
