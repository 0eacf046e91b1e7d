//! Realistic synthetic vacancies, for the bundled sample and for benchmarks.
//!
//! The texts come from `public/data/vacancy_templates.json` (per occupation: titles, tasks,
//! what is offered and asked, typical hours and contracts, the Dutch level, how often a
//! driving licence is asked, employer support, pay) and fictitious employers per sector. The
//! rest comes from the occupation catalogue (competences, education, physical demands, BBL)
//! and the places table (where; bigger places get more vacancies).
//!
//! Vacancy `i` depends only on the seed and `i` ([`Generator::vacancy`]), so a million can be
//! streamed without holding them, and any one can be made again to explain it.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use thiserror::Error;
use time::{Date, Duration};

use crate::core::occupation::{Occupation, OccupationCatalog};
use crate::core::place::{GeoPoint, Places};
use crate::core::vocab::{EducationLevel, Sector};

use super::model::*;
use crate::core::rng::Rng;

/// The templates file as the CLI and native tests read it (the browser benchmark fetches it). (A `const` is only in a binary that uses it:
/// the web app does not.)
pub const TEMPLATES_JSON: &str = include_str!("../../../public/data/vacancy_templates.json");

/// The seed and size of the bundled sample (`public/data/vacancies.json`).
pub const SAMPLE_SEED: u64 = 2026;
pub const SAMPLE_COUNT: usize = 320;
/// The date the sample was made for; the app shifts the sample's dates to today.
pub const SAMPLE_REFERENCE: Date = time::macros::date!(2026 - 12 - 01);

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Templates {
    pub version: u32,
    pub employers: BTreeMap<Sector, Vec<String>>,
    pub templates: Vec<Template>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub occupation: String,
    /// Fictitious employers that fit this job; when empty, the sector's employers.
    #[serde(default)]
    pub employers: Vec<String>,
    pub titles: Vec<String>,
    pub intro: Vec<String>,
    pub tasks: Vec<String>,
    pub offer: Vec<String>,
    pub requirements: Vec<String>,
    pub hours: Vec<[u8; 2]>,
    pub contracts: Vec<ContractKind>,
    pub language: LanguageLevel,
    /// Probability 0–1 that the vacancy asks for driving licence B.
    pub licence: f64,
    #[serde(default)]
    pub support: Vec<EmployerSupport>,
    /// Gross euros per hour, low and high.
    #[serde(default)]
    pub salary_hourly: Option<[f64; 2]>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TemplateError {
    #[error("the vacancy templates are not valid JSON: {0}")]
    Json(String),
    #[error("the vacancy templates are not valid: {0}")]
    Invalid(String),
}

impl Templates {
    pub fn parse(json: &str, catalog: &OccupationCatalog) -> Result<Self, TemplateError> {
        let templates: Self =
            serde_json::from_str(json).map_err(|e| TemplateError::Json(e.to_string()))?;
        templates.check(catalog)?;
        Ok(templates)
    }

    /// Every template's occupation exists, its lists are filled, its hours valid, BBL only
    /// where the occupation has a BBL route; every sector of a template has employers.
    pub fn check(&self, catalog: &OccupationCatalog) -> Result<(), TemplateError> {
        let mut problems = Vec::new();
        if self.templates.is_empty() {
            problems.push("no templates".to_owned());
        }
        for (i, t) in self.templates.iter().enumerate() {
            let name = format!("template {i} ({})", t.occupation);
            let Some(occupation) = catalog.get(&t.occupation) else {
                problems.push(format!("{name}: unknown occupation"));
                continue;
            };
            let lists = [
                ("titles", t.titles.len()),
                ("intro", t.intro.len()),
                ("tasks", t.tasks.len()),
                ("offer", t.offer.len()),
                ("requirements", t.requirements.len()),
                ("hours", t.hours.len()),
                ("contracts", t.contracts.len()),
            ];
            for (list, len) in lists {
                if len == 0 {
                    problems.push(format!("{name}: no {list}"));
                }
            }
            if t.hours
                .iter()
                .any(|[min, max]| HoursRange::new(*min, *max).is_none())
            {
                problems.push(format!("{name}: invalid hours"));
            }
            if t.contracts.contains(&ContractKind::Bbl) && !occupation.bbl {
                problems.push(format!("{name}: BBL without a BBL route"));
            }
            if !(0.0..=1.0).contains(&t.licence) {
                problems.push(format!("{name}: licence is not a probability"));
            }
            if let Some([low, high]) = t.salary_hourly {
                if !(low > 0.0 && low <= high && high < 200.0) {
                    problems.push(format!("{name}: salary_hourly"));
                }
            }
            if self
                .employers
                .get(&occupation.sector)
                .is_none_or(Vec::is_empty)
            {
                problems.push(format!("{name}: no employers for its sector"));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(TemplateError::Invalid(problems.join("; ")))
        }
    }
}

/// Makes vacancies from templates, deterministically for a seed.
pub struct Generator<'a> {
    templates: &'a Templates,
    /// Each template's occupation, in template order.
    occupations: Vec<&'a Occupation>,
    places: &'a Places,
    /// Cumulative weights over the places (by how many postcodes they have: bigger
    /// places have more work), for a weighted pick.
    place_weights: Vec<u64>,
    seed: u64,
    reference: Date,
    id_prefix: String,
}

impl<'a> Generator<'a> {
    /// Templates must have been checked against `catalog` ([`Templates::parse`]).
    pub fn new(
        templates: &'a Templates,
        catalog: &'a OccupationCatalog,
        places: &'a Places,
        seed: u64,
        reference: Date,
    ) -> Self {
        let occupations = templates
            .templates
            .iter()
            .filter_map(|t| catalog.get(&t.occupation))
            .collect();
        let mut total = 0u64;
        let place_weights = places
            .places()
            .iter()
            .map(|p| {
                let codes: u64 = p
                    .postcodes
                    .iter()
                    .map(|r| {
                        let (from, to) = r.split_once('-').unwrap_or((r, r));
                        let from: u64 = from.trim().parse().unwrap_or(0);
                        let to: u64 = to.trim().parse().unwrap_or(from);
                        to.saturating_sub(from) + 1
                    })
                    .sum();
                total += codes.max(1);
                total
            })
            .collect();
        Self {
            templates,
            occupations,
            places,
            place_weights,
            seed,
            reference,
            id_prefix: "gen".to_owned(),
        }
    }

    /// Ids become `<prefix>-000042`.
    pub fn with_id_prefix(mut self, prefix: &str) -> Self {
        self.id_prefix = prefix.to_owned();
        self
    }

    /// A fictitious employer of the sector (for templates without their own). Volunteering
    /// is offered by foundations and
    /// associations, not by companies: those names first, from the sector or else from
    /// "other".
    fn employer(&self, rng: &mut Rng, sector: Sector, contract: ContractKind) -> String {
        let of = |sector: Sector| {
            self.templates
                .employers
                .get(&sector)
                .map(Vec::as_slice)
                .unwrap_or(&[])
        };
        if contract == ContractKind::Volunteering {
            let non_profit = |name: &&String| {
                let lower = name.to_lowercase();
                lower.starts_with("stichting") || lower.contains("vereniging")
            };
            let own: Vec<&String> = of(sector).iter().filter(non_profit).collect();
            let pool = if own.is_empty() {
                of(Sector::Other).iter().filter(non_profit).collect()
            } else {
                own
            };
            if let Some(name) = rng.pick(&pool) {
                return (*name).clone();
            }
        }
        rng.pick(of(sector)).cloned().unwrap_or_default()
    }

    pub fn generate(&self, count: usize) -> Vec<Vacancy> {
        (0..count as u64).map(|i| self.vacancy(i)).collect()
    }

    /// Vacancy number `i`.
    pub fn vacancy(&self, i: u64) -> Vacancy {
        let mut rng = Rng::new(self.seed, i);
        let index = rng.below(self.templates.templates.len());
        let template = &self.templates.templates[index];
        let occupation = self.occupations[index];
        let title = rng.pick(&template.titles).cloned().unwrap_or_default();

        // Where: a place weighted by size, a postcode of it, a point near its centre.
        let total = self.place_weights.last().copied().unwrap_or(0);
        let ticket = rng.next_u64() % total.max(1);
        let place_index = self.place_weights.partition_point(|&w| w <= ticket);
        let place = self.places.places().get(place_index);
        let postcode = place.and_then(|p| {
            let range = rng.pick(&p.postcodes)?;
            let (from, to) = range.split_once('-').unwrap_or((range, range));
            let from: u16 = from.trim().parse().ok()?;
            let to: u16 = to.trim().parse().ok()?;
            Some((from + rng.below(usize::from(to - from) + 1) as u16).to_string())
        });
        let location = place.and_then(|p| {
            let jitter = |rng: &mut Rng| (rng.unit() - 0.5) * 0.02;
            // Five decimals is about a metre: enough, and short in the file.
            let round = |x: f64| (x * 1e5).round() / 1e5;
            GeoPoint::new(
                round(p.lat + jitter(&mut rng)),
                round(p.lon + jitter(&mut rng) * 1.6),
            )
        });

        let contract = {
            let allowed: Vec<ContractKind> = template
                .contracts
                .iter()
                .copied()
                .filter(|c| *c != ContractKind::Bbl || occupation.bbl)
                .collect();
            rng.pick(&allowed).copied().unwrap_or(ContractKind::Regular)
        };
        // An agency's name goes with agency work only; agency work prefers an agency.
        let is_agency = |name: &&String| name.to_lowercase().contains("uitzend");
        let agencies: Vec<&String> = template.employers.iter().filter(is_agency).collect();
        let others: Vec<&String> = template
            .employers
            .iter()
            .filter(|n| !is_agency(n))
            .collect();
        let names = if contract == ContractKind::TempAgency && !agencies.is_empty() {
            agencies
        } else {
            others
        };
        let employer = match rng.pick(&names) {
            Some(name) => (*name).clone(),
            None => self.employer(&mut rng, occupation.sector, contract),
        };
        let hours = rng
            .pick(&template.hours)
            .and_then(|[min, max]| HoursRange::new(*min, *max));

        let competences = occupation
            .competences
            .iter()
            .filter_map(|(id, &level)| {
                // Employers ask a bit more or less than the typical profile, and leave some
                // of the lighter competences out.
                let drift: i8 = match rng.below(10) {
                    0 => -1,
                    1 => 1,
                    _ => 0,
                };
                let level = (level as i8 + drift).clamp(1, 4) as u8;
                if level <= 1 && rng.chance(0.4) {
                    return None;
                }
                Some(CompetenceDemand {
                    competence: id.clone(),
                    level,
                    required: level >= 3 || rng.chance(0.2),
                })
            })
            .take(MAX_DEMANDS)
            .collect();

        let education = match contract {
            // Learning on the job: the diploma is what you come for.
            ContractKind::Bbl | ContractKind::Internship => None,
            ContractKind::Volunteering | ContractKind::WorkExperience => None,
            _ => match rng.below(10) {
                0..=5 => Some(occupation.education),
                6 | 7 => occupation
                    .education
                    .previous()
                    .or(Some(occupation.education)),
                _ => None,
            },
        }
        .filter(|level| *level != EducationLevel::None);

        let language = match rng.below(10) {
            0 => template.language.next().or(Some(template.language)),
            1 => Some(LanguageLevel::ALL[(template.language as usize).saturating_sub(1)]),
            _ => Some(template.language),
        };
        let driving_licence = rng.chance(template.licence);

        let posted = self.reference - Duration::days(rng.below(35) as i64);
        let closing = posted + Duration::days(21 + rng.below(50) as i64);
        let start = rng
            .chance(0.6)
            .then(|| closing + Duration::days(7 + rng.below(40) as i64));

        let mut support: BTreeSet<EmployerSupport> = template
            .support
            .iter()
            .copied()
            .filter(|_| rng.chance(0.55))
            .collect();
        if matches!(
            contract,
            ContractKind::WorkExperience | ContractKind::TrialPlacement
        ) {
            support.insert(EmployerSupport::JobCoach);
        }
        let salary = match (contract, template.salary_hourly) {
            (ContractKind::Volunteering | ContractKind::Internship, _) | (_, None) => None,
            (_, Some([low, high])) => {
                let min = low + (high - low) * rng.unit();
                let max = (min + rng.unit() * 2.0).min(high.max(min));
                let cents = |e: f64| ((e * 100.0 / 5.0).round() * 5.0) as u32;
                Some(Salary {
                    min_cents: cents(min),
                    max_cents: cents(max).max(cents(min)),
                    unit: SalaryUnit::Hour,
                })
            }
        };

        let description = describe(&mut rng, template, contract, driving_licence);
        Vacancy {
            id: format!("{}-{i:06}", self.id_prefix),
            title,
            employer,
            place: place.map(|p| p.name.clone()),
            postcode,
            location,
            hours,
            contract,
            occupation: OccupationLink {
                id: Some(occupation.id.clone()),
                isco: Some(occupation.isco.clone()),
                esco_uri: occupation.esco_uri.clone(),
                linked_by: Some(LinkedBy::Given),
            },
            sector: Some(occupation.sector),
            education,
            competences,
            language,
            driving_licence,
            physical: Some(occupation.physical),
            posted: Some(posted),
            start_date: start,
            closing_date: Some(closing),
            description,
            experience: None,
            support,
            salary,
            url: None,
        }
    }
}

/// The description in plain text: an opener, then "what you do", "what we ask" and "what
/// we offer" as short lists.
pub fn describe(rng: &mut Rng, t: &Template, contract: ContractKind, licence: bool) -> String {
    let mut text = String::new();
    if let Some(intro) = rng.pick(&t.intro) {
        text.push_str(intro);
    }
    let bullets = |items: Vec<&String>| {
        items
            .into_iter()
            .map(|i| format!("• {i}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    text.push_str("\n\nWat ga je doen?\n");
    let n = 3 + rng.below(3);
    text.push_str(&bullets(rng.some(&t.tasks, n)));
    text.push_str("\n\nWat vragen we?\n");
    let n = 2 + rng.below(3);
    let mut asked: Vec<String> = rng.some(&t.requirements, n).into_iter().cloned().collect();
    if licence && !asked.iter().any(|r| r.to_lowercase().contains("rijbewijs")) {
        asked.push("Je hebt rijbewijs B.".to_owned());
    }
    text.push_str(&bullets(asked.iter().collect()));
    text.push_str("\n\nWat bieden we?\n");
    let n = 3 + rng.below(2);
    text.push_str(&bullets(rng.some(&t.offer, n)));
    let note = match contract {
        ContractKind::Bbl => Some("Je leert het vak op de werkvloer en gaat één dag per week naar school (BBL). Je krijgt loon."),
        ContractKind::WorkExperience => Some("Dit is een werkervaringsplaats: je doet werkervaring op met begeleiding, met behoud van je uitkering."),
        ContractKind::TrialPlacement => Some("Dit is een proefplaatsing: je werkt eerst een paar maanden op proef met behoud van uitkering. Gaat het goed, dan volgt een contract."),
        ContractKind::TempAgency => Some("Je werkt via een uitzendbureau."),
        ContractKind::Volunteering => Some("Dit is vrijwilligerswerk: je krijgt geen loon, wel een onkostenvergoeding."),
        ContractKind::Internship => Some("Dit is een stageplaats: je leert het werk naast je opleiding."),
        _ => None,
    };
    if let Some(note) = note {
        text.push_str("\n\n");
        text.push_str(note);
    }
    text
}
