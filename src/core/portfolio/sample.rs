//! Realistic synthetic job seekers' work maps, for the coach's caseload tests and the
//! import benchmarks (`werkmap portfolio generate`). Person `i` depends only on the seed and
//! `i`: every answer valid for the bundled self-test, one to several completed self-tests
//! weeks apart, part of the competence and interest checks, wishes, a few saved vacancies
//! and an activity log of the last weeks.

use time::{Duration, OffsetDateTime};

use crate::core::activity::{ActivityInput, ActivityKind, Outcome};
use crate::core::competence::InterestAnswer;
use crate::core::content::Content;
use crate::core::matching::Wishes;
use crate::core::rng::Rng;
use crate::core::selftest::{Answer, QuestionKind};
use crate::core::storage::AppState;
use crate::core::vacancy::{HoursRange, Vacancy};
use crate::core::vocab::EvidenceContext;

use super::export::{build, ExportChoices, PrivateParts, ProfileChoices};
use super::format::{Portfolio, Section};

/// First names for aliases (the file has no real names; an alias is what people type).
const NAMES: [&str; 40] = [
    "Sam", "Noor", "Daan", "Fatima", "Mohammed", "Lisa", "Kevin", "Sanne", "Yusuf", "Emma",
    "Jayden", "Priya", "Tim", "Aisha", "Bram", "Mila", "Omar", "Iris", "Luuk", "Zeynep", "Ruben",
    "Julia", "Anil", "Femke", "Jesse", "Nadia", "Stijn", "Lotte", "Karim", "Eva", "Milan", "Senna",
    "Bilal", "Roos", "Thijs", "Hanna", "Ivo", "Amira", "Gijs", "Demi",
];

/// How heavy a generated work map is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub selftests: usize,
    pub activities: usize,
}

impl Size {
    /// A typical caseload file: a few self-tests, some weeks of activities.
    pub const TYPICAL: Size = Size {
        selftests: 3,
        activities: 24,
    };
    /// Three years of use: 20 self-tests, 1,000 activities.
    pub const HEAVY: Size = Size {
        selftests: 20,
        activities: 1_000,
    };
}

/// Makes job seekers' work maps and their portfolio files.
pub struct SamplePeople<'a> {
    content: &'a Content,
    seed: u64,
    vacancies: &'a [Vacancy],
}

impl<'a> SamplePeople<'a> {
    /// `vacancies` are saved now and then (the bundled sample, say); may be empty.
    pub fn new(content: &'a Content, vacancies: &'a [Vacancy], seed: u64) -> Self {
        Self {
            content,
            seed,
            vacancies,
        }
    }

    /// Person `i`'s work map as it stands at `now`.
    pub fn state(&self, i: u64, size: Size, now: OffsetDateTime) -> AppState {
        let mut rng = Rng::new(self.seed, i);
        let selftest = &self.content.selftest;
        let mut state = AppState::default();
        let tests = size.selftests.max(1);
        // Completed self-tests every few weeks, the last one recently.
        let span_days = (tests as i64) * 7 * (2 + rng.below(4) as i64);
        let first = now - Duration::days(span_days + rng.below(14) as i64);
        for test in 0..tests {
            self.answer_all(&mut rng, &mut state);
            let at = first + Duration::days(span_days * test as i64 / tests as i64);
            state.complete_selftest(selftest, at.min(now));
        }
        let catalog = &self.content.competences;
        for competence in &catalog.competences {
            if rng.chance(0.45) {
                let level = 1 + rng.below(4) as u8;
                let _ = state.competences.set_level(catalog, &competence.id, level);
                if rng.chance(0.6) {
                    let place = EvidenceContext::ALL[rng.below(EvidenceContext::ALL.len())];
                    let _ = state
                        .competences
                        .toggle_shown_in(catalog, &competence.id, place);
                }
            }
        }
        for item in &self.content.interests.items {
            if rng.chance(0.7) {
                let answer = InterestAnswer::ALL[rng.below(InterestAnswer::ALL.len())];
                let _ = state
                    .competences
                    .set_interest(&self.content.interests, &item.id, answer);
            }
        }
        state.wishes = Wishes {
            max_distance_km: Some([10, 15, 20, 25, 30][rng.below(5)]),
            hours: HoursRange::new(16 + 4 * rng.below(3) as u8, 32 + 4 * rng.below(3) as u8),
            avoid_heavy_work: rng.chance(0.2),
            ..Wishes::default()
        };
        let today = now.date();
        for _ in 0..rng.below(4) {
            if let Some(vacancy) = rng.pick(self.vacancies) {
                state.save_vacancy(vacancy, today);
            }
        }
        let days = (size.activities as i64 * 3 / 2).max(28);
        for n in 0..size.activities {
            let kind = ActivityKind::ALL[rng.below(ActivityKind::ALL.len())];
            let outcome = Outcome::ALL[rng.below(Outcome::ALL.len())];
            let date = today - Duration::days(days * n as i64 / size.activities.max(1) as i64);
            let _ = state.activities.add(
                &ActivityInput {
                    date,
                    kind,
                    employer: format!("Werkgever {}", 1 + rng.below(400)),
                    vacancy: rng.chance(0.5).then(|| "Medewerker".to_owned()),
                    vacancy_id: None,
                    outcome,
                    reason: (outcome == Outcome::Rejected && rng.chance(0.5))
                        .then(|| "Een kandidaat met meer ervaring gekozen.".to_owned()),
                    note: String::new(),
                },
                today,
            );
        }
        state.activities.own_target_per_4_weeks = rng.chance(0.5).then(|| 4 + rng.below(6) as u32);
        state
    }

    /// A valid answer to every question (some declined, none private).
    fn answer_all(&self, rng: &mut Rng, state: &mut AppState) {
        let questionnaire = &self.content.selftest.questionnaire;
        for question in questionnaire.questions() {
            if question.private && rng.chance(0.7) {
                continue;
            }
            let answer = match question.kind {
                _ if question.sensitive && rng.chance(0.1) => Answer::PreferNotToSay,
                QuestionKind::Postcode => Answer::Text((1000 + rng.below(8999)).to_string()),
                QuestionKind::Number => match &question.number {
                    Some(spec) => Answer::Number(
                        spec.min + rng.below((spec.max - spec.min) as usize + 1) as u32,
                    ),
                    None => continue,
                },
                QuestionKind::Single => match rng.pick(&question.options) {
                    Some(option) => Answer::Chosen(vec![option.id.clone()]),
                    None => continue,
                },
                QuestionKind::Multi => {
                    let count = 1 + rng.below(3);
                    let pick = rng.some(&question.options, count);
                    let ids: Vec<String> = pick
                        .iter()
                        .filter(|o| !o.exclusive)
                        .map(|o| o.id.clone())
                        .collect();
                    if ids.is_empty() {
                        continue;
                    }
                    Answer::Chosen(ids)
                }
            };
            let _ = state.answers.set(questionnaire, &question.id, answer);
        }
    }

    /// Person `i`'s portfolio file: everything shared but the private answers, with an alias.
    pub fn portfolio(&self, i: u64, size: Size, now: OffsetDateTime) -> Portfolio {
        let state = self.state(i, size, now);
        let choices = ExportChoices {
            sections: Section::ALL
                .into_iter()
                .filter(|s| *s != Section::Agreements)
                .collect(),
            profile: ProfileChoices {
                alias: Some(format!("{} {}", NAMES[(i as usize) % NAMES.len()], i + 1)),
                age_band: true,
                postcode: true,
            },
            leave_out: PrivateParts::of(&self.content.selftest),
        };
        build(&state, None, &choices, now)
    }
}

/// The job seeker the matching benchmarks rank for (native and in the browser alike): in
/// Utrecht (3511), 20–31 hours, no licence, mbo 2 with a diploma, Dutch "good", a dozen
/// competences rated and the interest check done.
pub fn benchmark_seeker(content: &Content) -> AppState {
    let questionnaire = &content.selftest.questionnaire;
    let mut state = AppState::default();
    for (question, option) in [
        ("hours", "20_31"),
        ("driving_licence", "no"),
        ("education", "mbo2"),
        ("diploma", "yes"),
        ("dutch_level", "good"),
        ("age_band", "35_44"),
    ] {
        let _ = state.answers.set(
            questionnaire,
            question,
            Answer::Chosen(vec![option.to_owned()]),
        );
    }
    let _ = state
        .answers
        .set(questionnaire, "postcode", Answer::Text("3511".into()));
    for (id, level) in [
        ("samenwerken", 3),
        ("klantvriendelijk", 4),
        ("nauwkeurig", 3),
        ("betrouwbaar", 4),
        ("fysiek_werk", 2),
        ("plannen", 2),
        ("digitaal", 2),
        ("rekenen", 2),
        ("nederlands_spreken", 3),
        ("zorgzaam", 3),
        ("flexibel", 3),
        ("leren", 3),
    ] {
        let _ = state.competences.set_level(&content.competences, id, level);
    }
    for (i, item) in content.interests.items.iter().enumerate() {
        let answer = InterestAnswer::ALL[i % InterestAnswer::ALL.len()];
        let _ = state
            .competences
            .set_interest(&content.interests, &item.id, answer);
    }
    state
}
