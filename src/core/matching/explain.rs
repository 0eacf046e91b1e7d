//! Why a vacancy fits (the score's parts in words) and why it does not ("waarom niet": the
//! wishes it misses). What would change it ("wat als") is in `what_if`. Everything here
//! reads the same [`Evaluation`] the ranking uses.

use time::Date;

use crate::core::content::Content;
use crate::core::i18n;
use crate::core::text::{format_date, Language};
use crate::core::vacancy::{ContractKind, EmployerSupport, HoursRange, LanguageLevel, Vacancy};
use crate::core::vocab::{EducationLevel, Sector};

use super::engine::{fail, Evaluation, Scorer, VacancyPool};
use super::profile::MatchProfile;

/// A wish the vacancy does not meet.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Hours {
        asked: HoursRange,
        wanted: HoursRange,
    },
    Distance {
        km: f32,
        max: u16,
    },
    Licence,
    Contract {
        kind: ContractKind,
    },
    Sector {
        sector: Sector,
    },
    Heavy,
    Closed {
        on: Date,
    },
}

impl Failure {
    pub fn describe(&self, language: Language) -> String {
        match self {
            Failure::Hours { asked, wanted } => i18n::format(
                language,
                "match.fail_hours",
                &[
                    ("asked", &asked.describe(language)),
                    ("wanted", &wanted.describe(language)),
                ],
            ),
            Failure::Distance { km, max } => i18n::format(
                language,
                "match.fail_distance",
                &[("km", &format_km(*km)), ("max", &max.to_string())],
            ),
            Failure::Licence => i18n::text(language, "match.fail_licence").to_owned(),
            Failure::Contract { kind } => i18n::format(
                language,
                "match.fail_contract",
                &[("kind", kind.label().get(language))],
            ),
            Failure::Sector { sector } => i18n::format(
                language,
                "match.fail_sector",
                &[("sector", i18n::text(language, sector.i18n_key()))],
            ),
            Failure::Heavy => i18n::text(language, "match.fail_heavy").to_owned(),
            Failure::Closed { on } => i18n::format(
                language,
                "match.fail_closed",
                &[("date", &format_date(*on, language))],
            ),
        }
    }
}

/// Kilometres for people: "3,4 km" style with one decimal under 10 km.
pub fn format_km(km: f32) -> String {
    if km < 10.0 {
        format!("{:.1}", km).replace('.', ",")
    } else {
        format!("{:.0}", km)
    }
}

/// One part of the score, with what decided it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScorePart {
    pub kind: PartKind,
    /// Its share of the score, percent.
    pub weight: u8,
    /// 0–100.
    pub value: u8,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    Competences,
    Education,
    Interests,
    Language,
    Distance,
}

/// How one competence demand compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemandOutcome {
    pub competence: String,
    pub need: u8,
    pub have: Option<u8>,
    pub required: bool,
}

/// Where a job seeker stands on one competence a vacancy asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemandStatus {
    /// Rated at or above the level asked.
    Met,
    /// Rated below the level asked.
    Below,
    /// Not rated yet: unknown, never read as "below".
    Unknown,
}

impl DemandStatus {
    pub fn i18n_key(self) -> &'static str {
        match self {
            DemandStatus::Met => "vacancies.comp_met",
            DemandStatus::Below => "vacancies.comp_below",
            DemandStatus::Unknown => "vacancies.comp_unknown",
        }
    }
}

impl DemandOutcome {
    pub fn status(&self) -> DemandStatus {
        match self.have {
            Some(have) if have >= self.need => DemandStatus::Met,
            Some(_) => DemandStatus::Below,
            None => DemandStatus::Unknown,
        }
    }

    pub fn met(&self) -> bool {
        self.status() == DemandStatus::Met
    }
}

/// Everything the vacancy screen shows about one match.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchExplanation {
    pub score: u8,
    pub distance_km: Option<f32>,
    pub failures: Vec<Failure>,
    pub parts: Vec<ScorePart>,
    /// Met first, then below, then not rated; required before nice to have.
    pub competences: Vec<DemandOutcome>,
    /// The vacancy names no competences: they come from its occupation.
    pub competences_from_occupation: bool,
    /// Help the employer offers (shown with the match: it can open a door).
    pub support: Vec<EmployerSupport>,
}

impl MatchExplanation {
    /// How many of the competences asked the job seeker has not rated yet.
    pub fn unrated(&self) -> usize {
        self.competences
            .iter()
            .filter(|d| d.status() == DemandStatus::Unknown)
            .count()
    }

    /// What already fits, in words ("dit past al"), strongest first.
    pub fn strengths(&self, content: &Content, language: Language) -> Vec<String> {
        let name = |id: &str| competence_name(content, id, language);
        self.competences
            .iter()
            .filter(|d| d.met())
            .map(|d| name(&d.competence))
            .collect()
    }
}

fn competence_name(content: &Content, id: &str, language: Language) -> String {
    content.competences.name_or_id(id, language)
}

fn education_name(level: EducationLevel, language: Language) -> &'static str {
    i18n::text(language, level.i18n_key())
}

/// Explains the match of vacancy `index` of the pool.
pub fn explain(
    scorer: &Scorer<'_>,
    profile: &MatchProfile,
    content: &Content,
    pool: &VacancyPool,
    index: usize,
    language: Language,
) -> Option<MatchExplanation> {
    let vacancy = pool.get(index)?;
    let features = pool.features(index)?;
    let evaluation = scorer.evaluate_at(pool, index)?;
    let failures = failures(&evaluation, vacancy, profile, content);
    let rules = scorer.rules();
    let mut competences: Vec<DemandOutcome> = features
        .demands()
        .filter_map(|(position, need, required)| {
            let competence = content.competences.competences.get(position)?;
            Some(DemandOutcome {
                competence: competence.id.clone(),
                need,
                have: profile.competences.level(&competence.id).map(|l| l.min(4)),
                required,
            })
        })
        .collect();
    competences.sort_by_key(|d| {
        let group = match d.have {
            Some(h) if h >= d.need => 0,
            Some(_) => 1,
            None => 2,
        };
        (group, !d.required, std::cmp::Reverse(d.need))
    });
    let p = evaluation.parts;
    let w = rules.weights;
    let parts = vec![
        ScorePart {
            kind: PartKind::Competences,
            weight: w.competences,
            value: p.competences,
            text: competence_text(
                &competences,
                features.demands_from_occupation(),
                vacancy,
                content,
                language,
            ),
        },
        ScorePart {
            kind: PartKind::Education,
            weight: w.education,
            value: p.education,
            text: education_text(vacancy.education, profile, language),
        },
        ScorePart {
            kind: PartKind::Interests,
            weight: w.interests,
            value: p.interests,
            text: interest_text(
                vacancy,
                content,
                p.interests_known.then_some(p.interests),
                language,
            ),
        },
        ScorePart {
            kind: PartKind::Language,
            weight: w.language,
            value: p.language,
            text: language_text(vacancy.language, profile.language, language),
        },
        ScorePart {
            kind: PartKind::Distance,
            weight: w.distance,
            value: p.distance,
            text: distance_text(evaluation.distance_km, profile, language),
        },
    ];
    Some(MatchExplanation {
        score: evaluation.score,
        distance_km: evaluation.distance_km,
        failures,
        parts,
        competences,
        competences_from_occupation: features.demands_from_occupation(),
        support: vacancy.support.iter().copied().collect(),
    })
}

/// "Waarom niet": every wish the vacancy misses, with the values that decided it.
pub fn failures(
    evaluation: &Evaluation,
    vacancy: &Vacancy,
    profile: &MatchProfile,
    content: &Content,
) -> Vec<Failure> {
    let bits = evaluation.fails;
    let mut out = Vec::new();
    if bits & fail::CLOSED != 0 {
        if let Some(on) = vacancy.closing_date {
            out.push(Failure::Closed { on });
        }
    }
    if bits & fail::HOURS != 0 {
        if let (Some(asked), Some(wanted)) = (vacancy.hours, profile.hours) {
            out.push(Failure::Hours { asked, wanted });
        }
    }
    if bits & fail::DISTANCE != 0 {
        out.push(Failure::Distance {
            km: evaluation.distance_km.unwrap_or(f32::INFINITY),
            max: profile.max_distance_km,
        });
    }
    if bits & fail::LICENCE != 0 {
        out.push(Failure::Licence);
    }
    if bits & fail::CONTRACT != 0 {
        out.push(Failure::Contract {
            kind: vacancy.contract,
        });
    }
    if bits & fail::SECTOR != 0 {
        // A vacancy without a sector of its own has its occupation's.
        let sector = vacancy.sector.or_else(|| {
            let id = vacancy.occupation.id.as_deref()?;
            content.occupations.get(id).map(|o| o.sector)
        });
        if let Some(sector) = sector {
            out.push(Failure::Sector { sector });
        }
    }
    if bits & fail::HEAVY != 0 {
        out.push(Failure::Heavy);
    }
    out
}

fn competence_text(
    demands: &[DemandOutcome],
    from_occupation: bool,
    vacancy: &Vacancy,
    content: &Content,
    language: Language,
) -> String {
    if demands.is_empty() {
        return i18n::text(language, "match.part_competences_none").to_owned();
    }
    let met = demands.iter().filter(|d| d.met()).count();
    let unknown = demands.iter().filter(|d| d.have.is_none()).count();
    let below = demands.len() - met - unknown;
    // What already fits comes first; what is not there yet is said as room to grow.
    let mut sentences = Vec::new();
    if met > 0 {
        sentences.push(i18n::plural(
            language,
            "match.part_competences",
            demands.len(),
            &[("met", &met.to_string())],
        ));
    }
    if below > 0 {
        sentences.push(i18n::format(
            language,
            "match.part_competences_below",
            &[("count", &below.to_string())],
        ));
    }
    if unknown > 0 {
        sentences.push(i18n::format(
            language,
            "match.part_competences_unknown",
            &[("count", &unknown.to_string())],
        ));
    }
    let mut text = sentences.join(" ");
    if from_occupation {
        let occupation = vacancy
            .occupation
            .id
            .as_deref()
            .and_then(|id| content.occupations.get(id))
            .map(|o| o.name.get(language).to_owned())
            .unwrap_or_default();
        text.push(' ');
        text.push_str(&i18n::format(
            language,
            "match.part_competences_from_occupation",
            &[("occupation", &occupation)],
        ));
    }
    text
}

fn education_text(
    asked: Option<EducationLevel>,
    profile: &MatchProfile,
    language: Language,
) -> String {
    match (asked, profile.education) {
        (None, _) => i18n::text(language, "match.part_education_none").to_owned(),
        (Some(asked), None) => i18n::format(
            language,
            "match.part_education_unknown",
            &[("asked", education_name(asked, language))],
        ),
        (Some(asked), Some(have)) => {
            let key = if have >= asked {
                "match.part_education_ok"
            } else {
                "match.part_education_below"
            };
            let mut text = i18n::format(
                language,
                key,
                &[
                    ("asked", education_name(asked, language)),
                    ("have", education_name(have, language)),
                ],
            );
            if profile.education_without_diploma {
                text.push(' ');
                text.push_str(i18n::text(language, "match.part_education_no_diploma"));
            }
            text
        }
    }
}

fn interest_text(
    vacancy: &Vacancy,
    content: &Content,
    value: Option<u8>,
    language: Language,
) -> String {
    let occupation = vacancy
        .occupation
        .id
        .as_deref()
        .and_then(|id| content.occupations.get(id));
    match occupation {
        None => i18n::text(language, "match.part_interests_no_occupation").to_owned(),
        Some(o) => match value {
            None => i18n::text(language, "match.part_interests_unknown").to_owned(),
            Some(value) => i18n::format(
                language,
                "match.part_interests",
                &[
                    ("occupation", o.name.get(language)),
                    ("value", &value.to_string()),
                ],
            ),
        },
    }
}

fn language_text(
    asked: Option<LanguageLevel>,
    have: Option<LanguageLevel>,
    language: Language,
) -> String {
    match (asked, have) {
        (None, _) => i18n::text(language, "match.part_language_none").to_owned(),
        (Some(asked), None) => i18n::format(
            language,
            "match.part_language_unknown",
            &[("asked", asked.code())],
        ),
        (Some(asked), Some(have)) => i18n::format(
            language,
            if have >= asked {
                "match.part_language_ok"
            } else {
                "match.part_language_below"
            },
            &[("asked", asked.code()), ("have", have.code())],
        ),
    }
}

fn distance_text(km: Option<f32>, profile: &MatchProfile, language: Language) -> String {
    match (km, &profile.home) {
        (_, None) => i18n::text(language, "match.part_distance_no_home").to_owned(),
        (None, Some(_)) => i18n::text(language, "match.part_distance_no_place").to_owned(),
        (Some(km), Some(home)) => i18n::format(
            language,
            "match.part_distance",
            &[
                ("km", &format_km(km)),
                ("home", &home.label),
                ("max", &profile.max_distance_km.to_string()),
            ],
        ),
    }
}
