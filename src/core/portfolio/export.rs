//! Writing a portfolio file from the job seeker's state, with only the sections they chose.

use std::collections::BTreeSet;

use time::OffsetDateTime;

use crate::core::i18n;
use crate::core::selftest::{ids, Answer, Answers, SelfTest};
use crate::core::storage::{AppState, CompletedSelfTest};
use crate::core::text::{format_date, Language};

use super::format::{
    Agreements, FormatName, Portfolio, ProfileSection, Section, SelftestSection, VacanciesSection,
    VERSION,
};

/// The self-test question ids the profile section copies from.
const AGE_BAND_QUESTION: &str = ids::AGE_BAND;
const POSTCODE_QUESTION: &str = ids::POSTCODE;

/// What the job seeker ticked on the consent screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportChoices {
    /// The sections to put in the file. Everything else is left out entirely.
    pub sections: BTreeSet<Section>,
    /// What the profile section holds when [`Section::Profile`] is chosen.
    pub profile: ProfileChoices,
    /// Self-test answers left out of the file even when the self-test is shared.
    pub leave_out: PrivateParts,
}

/// The private parts of the self-test (questions marked `private`: addiction, justice),
/// which only go into a file when the job seeker says so, apart from sharing the self-test.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrivateParts {
    /// Question ids whose answers are left out.
    pub questions: Vec<String>,
    /// Obstacle ids left out of the kept result summaries.
    pub obstacles: Vec<String>,
    /// (question, options): choices that name a private subject ("hulp bij: verslaving").
    pub options: Vec<(String, Vec<String>)>,
}

impl PrivateParts {
    /// Every private question of the self-test, its obstacle and its "wil je hulp" option.
    pub fn of(selftest: &SelfTest) -> Self {
        let questions: Vec<String> = selftest
            .questionnaire
            .questions()
            .filter(|q| q.private)
            .map(|q| q.id.clone())
            .collect();
        let obstacles: Vec<String> = selftest
            .rules
            .obstacles
            .iter()
            .filter(|o| questions.contains(&o.question))
            .map(|o| o.id.clone())
            .collect();
        let options = vec![(
            selftest.rules.obstacle_help_question.clone(),
            obstacles.clone(),
        )];
        Self {
            questions,
            obstacles,
            options,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty() && self.obstacles.is_empty() && self.options.is_empty()
    }

    fn strip(&self, answers: &Answers) -> Answers {
        let mut kept = answers.clone();
        for question in &self.questions {
            kept.clear(question);
        }
        for (question, options) in &self.options {
            kept.remove_options(question, options);
        }
        kept
    }

    fn strip_history(&self, history: &[CompletedSelfTest]) -> Vec<CompletedSelfTest> {
        history
            .iter()
            .map(|entry| {
                let mut entry = entry.clone();
                entry.answers = self.strip(&entry.answers);
                entry
                    .summary
                    .obstacles
                    .retain(|o| !self.obstacles.contains(o));
                entry
            })
            .collect()
    }
}

/// The parts of the profile section, each shared only when chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileChoices {
    /// A name or alias typed for this file (trimmed; empty means none; cut to
    /// [`super::format::MAX_ALIAS_CHARS`] characters).
    pub alias: Option<String>,
    /// Share the age band: in the profile, and as the self-test's answer. Without it the
    /// age is nowhere in the file.
    pub age_band: bool,
    /// Share the postcode: in the profile, and as the self-test's answer. Without it the
    /// postcode is nowhere in the file.
    pub postcode: bool,
}

impl ProfileChoices {
    /// The self-test questions this choice keeps out of the file.
    fn withheld(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if !self.age_band {
            out.push(AGE_BAND_QUESTION);
        }
        if !self.postcode {
            out.push(POSTCODE_QUESTION);
        }
        out
    }
}

impl ExportChoices {
    /// Every section, the profile with the given alias and no age band or postcode.
    pub fn everything(alias: Option<&str>) -> Self {
        Self {
            sections: Section::ALL.into_iter().collect(),
            profile: ProfileChoices {
                alias: alias.map(str::to_owned),
                age_band: false,
                postcode: false,
            },
            leave_out: PrivateParts::default(),
        }
    }
}

/// Builds the portfolio of `state` with the chosen sections. `agreements` are the coach's
/// agreements the app keeps (see `merge`); when [`Section::Agreements`] is chosen without
/// any, the section is present and empty.
///
/// `created` is the first completed self-test, or `now` when there is none; `modified` is
/// `now`. Age band and postcode are in the file only when chosen: unticked, they are left
/// out of the self-test's answers too, so the consent screen means what it says.
pub fn build(
    state: &AppState,
    agreements: Option<&Agreements>,
    choices: &ExportChoices,
    now: OffsetDateTime,
) -> Portfolio {
    let chosen = |section: Section| choices.sections.contains(&section);
    let created = state
        .history
        .first()
        .map(|entry| entry.completed_at)
        .filter(|first| *first <= now)
        .unwrap_or(now);
    let mut portfolio = Portfolio {
        format: FormatName::WerkmapPortfolio,
        version: VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        created,
        modified: now,
        language: state.language,
        shared: Vec::new(),
        profile: chosen(Section::Profile).then(|| profile(state, &choices.profile)),
        selftest: chosen(Section::Selftest).then(|| {
            let mut leave_out = choices.leave_out.clone();
            leave_out
                .questions
                .extend(choices.profile.withheld().into_iter().map(str::to_owned));
            SelftestSection {
                current: leave_out.strip(&state.answers),
                history: leave_out.strip_history(&state.history),
            }
        }),
        competences: chosen(Section::Competences).then(|| state.competences.clone()),
        vacancies: chosen(Section::Vacancies).then(|| VacanciesSection {
            wishes: state.wishes.clone(),
            saved: state.saved_vacancies.clone(),
        }),
        activities: chosen(Section::Activities).then(|| state.activities.clone()),
        agreements: chosen(Section::Agreements).then(|| agreements.cloned().unwrap_or_default()),
        checksum: String::new(),
    };
    portfolio.seal();
    portfolio
}

/// [`build`], as the file's text (pretty JSON).
pub fn export(
    state: &AppState,
    agreements: Option<&Agreements>,
    choices: &ExportChoices,
    now: OffsetDateTime,
) -> String {
    build(state, agreements, choices, now).to_json()
}

/// The coach's reply file: only the agreements section, and the alias so the job seeker
/// sees whose it is. `language` is the language the coach writes in.
pub fn export_coach_reply(
    agreements: &Agreements,
    alias: Option<&str>,
    language: Language,
    now: OffsetDateTime,
) -> String {
    let mut portfolio = Portfolio {
        format: FormatName::WerkmapPortfolio,
        version: VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        created: now,
        modified: now,
        language,
        shared: Vec::new(),
        profile: clean_alias(alias).map(|alias| ProfileSection {
            alias: Some(alias),
            ..ProfileSection::default()
        }),
        selftest: None,
        competences: None,
        vacancies: None,
        activities: None,
        agreements: Some(agreements.clone()),
        checksum: String::new(),
    };
    portfolio.seal();
    portfolio.to_json()
}

fn profile(state: &AppState, choices: &ProfileChoices) -> ProfileSection {
    let single = |question: &str| match state.answers.get(question) {
        Some(Answer::Chosen(ids)) => ids.first().cloned(),
        Some(Answer::Text(text)) => Some(text.clone()),
        _ => None,
    };
    ProfileSection {
        alias: clean_alias(choices.alias.as_deref()),
        age_band: choices
            .age_band
            .then(|| single(AGE_BAND_QUESTION))
            .flatten(),
        postcode: choices
            .postcode
            .then(|| single(POSTCODE_QUESTION))
            .flatten()
            .filter(|p| crate::core::place::is_postcode_area(p)),
    }
}

fn clean_alias(alias: Option<&str>) -> Option<String> {
    let alias = alias?.trim();
    let alias: String = alias.chars().take(super::format::MAX_ALIAS_CHARS).collect();
    let alias = alias.trim_end();
    (!alias.is_empty()).then(|| alias.to_owned())
}

/// What a section would hold with these choices, in words, for the consent screen ("3 keer
/// gedaan, de laatste op 1 december 2026; zonder je leeftijd"). `None` when the section would
/// be empty: there is nothing to share. It follows every choice, so the screen never says a
/// section holds what was unticked.
pub fn section_contents(
    state: &AppState,
    section: Section,
    profile: &ProfileChoices,
    language: Language,
) -> Option<String> {
    let t = |key: &'static str| i18n::text(language, key);
    match section {
        Section::Profile => Some(
            match (profile.age_band, profile.postcode) {
                (true, true) => t("share.contents_profile_age_postcode"),
                (true, false) => t("share.contents_profile_age"),
                (false, true) => t("share.contents_profile_postcode"),
                (false, false) => t("share.contents_profile"),
            }
            .to_owned(),
        ),
        Section::Selftest => {
            let last = state.history.last()?;
            let mut text = i18n::plural(
                language,
                "share.contents_selftest",
                state.history.len(),
                &[("last", &format_date(last.completed_at.date(), language))],
            );
            let without = match (profile.age_band, profile.postcode) {
                (true, true) => None,
                (false, true) => Some("share.without_age"),
                (true, false) => Some("share.without_postcode"),
                (false, false) => Some("share.without_age_postcode"),
            };
            if let Some(key) = without {
                text.push(' ');
                text.push_str(t(key));
            }
            Some(text)
        }
        Section::Competences => {
            let rated = state.competences.ratings().len();
            let interests = state.competences.interests().len();
            (rated + interests > 0).then(|| {
                format!(
                    "{} {}",
                    i18n::plural(language, "share.contents_competences", rated, &[]),
                    i18n::plural(language, "share.contents_interests", interests, &[]),
                )
            })
        }
        Section::Vacancies => {
            let saved = state.saved_vacancies.len();
            let has_wishes = state.wishes != crate::core::matching::Wishes::default();
            (saved > 0 || has_wishes)
                .then(|| i18n::plural(language, "share.contents_vacancies", saved, &[]))
        }
        Section::Activities => {
            let count = state.activities.entries.len();
            (count > 0 || state.activities.own_target_per_4_weeks.is_some())
                .then(|| i18n::plural(language, "share.contents_activities", count, &[]))
        }
        Section::Agreements => state.agreements.as_ref().map(|a| {
            i18n::plural(
                language,
                "share.contents_agreements",
                a.agreements.items.len(),
                &[],
            )
        }),
    }
}
