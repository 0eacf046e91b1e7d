//! The vacancy model: what a vacancy says about the work, in the closed vocabularies that
//! matching needs. Text from outside (titles, descriptions) is plain text; the UI shows it
//! as text, never as HTML.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::core::i18n;
use crate::core::place::GeoPoint;
use crate::core::text::{calendar_date, Language, LocalizedText};
use crate::core::vocab::{EducationLevel, PhysicalDemand, Sector};

/// The longest title, employer or place kept (characters); longer text is cut.
pub const MAX_SHORT_TEXT: usize = 200;
/// The longest description kept (characters).
pub const MAX_DESCRIPTION: usize = 20_000;
/// Most competences one vacancy asks for (the compact matching features hold this many).
pub(crate) const MAX_DEMANDS: usize = 12;
/// Working hours per week run from 1 to this.
pub const MAX_HOURS: u8 = 60;

/// The kinds of work a vacancy can offer (DOMAIN.md "Matching to vacancies").
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ContractKind {
    /// A regular job (vast of jaarcontract bij de werkgever).
    Regular,
    /// A temporary contract with the employer.
    Temporary,
    /// Through a temp agency (uitzendwerk).
    TempAgency,
    /// Learn and work (BBL, leerwerkplek).
    Bbl,
    /// Internship (stage).
    Internship,
    /// Work-experience place (werkervaringsplaats), usually with a benefit.
    WorkExperience,
    /// Trial placement (proefplaatsing): work for a while with a benefit, then maybe a job.
    TrialPlacement,
    Volunteering,
}

impl ContractKind {
    pub const ALL: [ContractKind; 8] = [
        ContractKind::Regular,
        ContractKind::Temporary,
        ContractKind::TempAgency,
        ContractKind::Bbl,
        ContractKind::Internship,
        ContractKind::WorkExperience,
        ContractKind::TrialPlacement,
        ContractKind::Volunteering,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The key of its label in the locale files.
    pub fn i18n_key(self) -> &'static str {
        match self {
            ContractKind::Regular => "contract.regular",
            ContractKind::Temporary => "contract.temporary",
            ContractKind::TempAgency => "contract.temp_agency",
            ContractKind::Bbl => "contract.bbl",
            ContractKind::Internship => "contract.internship",
            ContractKind::WorkExperience => "contract.work_experience",
            ContractKind::TrialPlacement => "contract.trial_placement",
            ContractKind::Volunteering => "contract.volunteering",
        }
    }

    pub fn label(self) -> LocalizedText {
        i18n::localized(self.i18n_key())
    }

    /// Paid work (a wage from the employer or agency).
    pub fn is_paid(self) -> bool {
        matches!(
            self,
            ContractKind::Regular
                | ContractKind::Temporary
                | ContractKind::TempAgency
                | ContractKind::Bbl
        )
    }

    /// A way in that includes learning: the youth route puts these first.
    pub fn is_learning(self) -> bool {
        matches!(self, ContractKind::Bbl | ContractKind::Internship)
    }
}

/// Dutch language level (CEFR), as a vacancy asks it or a job seeker estimates it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum LanguageLevel {
    A1,
    A2,
    B1,
    B2,
    C1,
}

impl LanguageLevel {
    pub const ALL: [LanguageLevel; 5] = [
        LanguageLevel::A1,
        LanguageLevel::A2,
        LanguageLevel::B1,
        LanguageLevel::B2,
        LanguageLevel::C1,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LanguageLevel::A1 => "A1",
            LanguageLevel::A2 => "A2",
            LanguageLevel::B1 => "B1",
            LanguageLevel::B2 => "B2",
            LanguageLevel::C1 => "C1",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The next level up, if any.
    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self as usize + 1).copied()
    }
}

/// Help the employer offers to someone who needs it to start.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EmployerSupport {
    /// A job coach at work.
    JobCoach,
    /// The employer can get a wage subsidy (loonkostensubsidie) for you.
    WageSubsidy,
    /// Training on the job or a course paid by the employer.
    Training,
}

impl EmployerSupport {
    pub const ALL: [EmployerSupport; 3] = [
        EmployerSupport::JobCoach,
        EmployerSupport::WageSubsidy,
        EmployerSupport::Training,
    ];

    /// The key of its label in the locale files.
    pub fn i18n_key(self) -> &'static str {
        match self {
            EmployerSupport::JobCoach => "support.job_coach",
            EmployerSupport::WageSubsidy => "support.wage_subsidy",
            EmployerSupport::Training => "support.training",
        }
    }

    pub fn label(self) -> LocalizedText {
        i18n::localized(self.i18n_key())
    }
}

/// Hours per week, from `min` to `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HoursRange {
    #[schemars(range(min = 1, max = 60))]
    pub min: u8,
    #[schemars(range(min = 1, max = 60))]
    pub max: u8,
}

impl HoursRange {
    /// A valid range: 1 ≤ min ≤ max ≤ [`MAX_HOURS`].
    pub fn new(min: u8, max: u8) -> Option<Self> {
        (1 <= min && min <= max && max <= MAX_HOURS).then_some(Self { min, max })
    }

    pub fn overlaps(self, other: HoursRange) -> bool {
        self.min <= other.max && other.min <= self.max
    }

    pub fn describe(self, language: Language) -> String {
        if self.min == self.max {
            i18n::plural(language, "hours.exact", usize::from(self.min), &[])
        } else if self.min == 1 {
            i18n::format(language, "hours.at_most", &[("max", &self.max.to_string())])
        } else {
            i18n::format(
                language,
                "hours.range",
                &[
                    ("min", &self.min.to_string()),
                    ("max", &self.max.to_string()),
                ],
            )
        }
    }
}

/// Which occupation the vacancy is for, as far as it is known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OccupationLink {
    /// The bundled catalogue's occupation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// ISCO-08 unit group, four digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isco: Option<String>,
    /// ESCO occupation URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub esco_uri: Option<String>,
    /// How the catalogue occupation was found, so the explanation can say it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linked_by: Option<LinkedBy>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LinkedBy {
    /// The feed named the catalogue occupation (or the sample was made for it).
    Given,
    EscoUri,
    Isco,
    /// Found by searching the vacancy title: a best guess.
    Title,
}

/// A competence the vacancy asks, at a level 1–4 (the competence check's scale).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompetenceDemand {
    /// A competence id of `data/competences.json`.
    pub competence: String,
    #[schemars(range(min = 1, max = 4))]
    pub level: u8,
    /// Required (`true`) or nice to have.
    pub required: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SalaryUnit {
    Hour,
    Week,
    Month,
    Year,
}

/// Gross pay in euro cents per unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Salary {
    pub min_cents: u32,
    pub max_cents: u32,
    pub unit: SalaryUnit,
}

impl Salary {
    pub fn describe(self, language: Language) -> String {
        let euros = |cents: u32| {
            let whole = cents / 100;
            let rest = cents % 100;
            if rest == 0 {
                format!("€ {whole}")
            } else {
                format!("€ {whole},{rest:02}")
            }
        };
        let unit = i18n::text(
            language,
            match self.unit {
                SalaryUnit::Hour => "salary.per_hour",
                SalaryUnit::Week => "salary.per_week",
                SalaryUnit::Month => "salary.per_month",
                SalaryUnit::Year => "salary.per_year",
            },
        );
        if self.min_cents == self.max_cents {
            format!("{} {unit}", euros(self.min_cents))
        } else {
            format!(
                "{} – {} {unit}",
                euros(self.min_cents),
                euros(self.max_cents)
            )
        }
    }
}

/// One vacancy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vacancy {
    /// Unique within its set: `sample-0042`, or the feed's identifier.
    pub id: String,
    pub title: String,
    /// The employer's name; empty when the feed does not say.
    pub employer: String,
    /// The place of work as the vacancy names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The four digits of the workplace's postcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// Where the work is; `None` when unknown (then distance is not checked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<GeoPointSchema>")]
    pub location: Option<GeoPoint>,
    /// Hours per week; `None` when the vacancy does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<HoursRange>,
    pub contract: ContractKind,
    #[serde(default)]
    pub occupation: OccupationLink,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// The education level asked for; `None`: none asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<EducationLevel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competences: Vec<CompetenceDemand>,
    /// The Dutch level asked for; `None`: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageLevel>,
    /// Driving licence B is required.
    #[serde(default)]
    pub driving_licence: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physical: Option<PhysicalDemand>,
    #[serde(
        default,
        with = "calendar_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub posted: Option<Date>,
    #[serde(
        default,
        with = "calendar_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub start_date: Option<Date>,
    /// The last day to apply.
    #[serde(
        default,
        with = "calendar_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub closing_date: Option<Date>,
    /// Plain text (paragraphs separated by a blank line).
    #[serde(default)]
    pub description: String,
    /// Experience asked, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub support: BTreeSet<EmployerSupport>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salary: Option<Salary>,
    /// Where the vacancy was published (shown as text only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The JSON shape of a [`GeoPoint`] for the schema.
#[derive(JsonSchema)]
#[allow(dead_code)]
struct GeoPointSchema {
    lat: f64,
    lon: f64,
}

pub(crate) use crate::core::text::truncate_chars;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_ranges_validate_and_overlap() {
        assert!(HoursRange::new(0, 10).is_none());
        assert!(HoursRange::new(12, 8).is_none());
        assert!(HoursRange::new(8, 61).is_none());
        let a = HoursRange::new(12, 20).expect("valid");
        assert!(a.overlaps(HoursRange::new(20, 32).expect("valid")));
        assert!(!a.overlaps(HoursRange::new(24, 32).expect("valid")));
        assert_eq!(a.describe(Language::Nl), "12–20 uur per week");
    }

    #[test]
    fn salary_reads_as_euros() {
        let s = Salary {
            min_cents: 1440,
            max_cents: 1600,
            unit: SalaryUnit::Hour,
        };
        assert_eq!(s.describe(Language::Nl), "€ 14,40 – € 16 per uur");
    }

    #[test]
    fn truncation_respects_characters() {
        assert_eq!(truncate_chars("caissière", 7), "caissiè");
        assert_eq!(truncate_chars("kort", 10), "kort");
    }

    #[test]
    fn language_levels_step_up() {
        assert_eq!(LanguageLevel::A2.next(), Some(LanguageLevel::B1));
        assert_eq!(LanguageLevel::C1.next(), None);
        assert_eq!(LanguageLevel::from_code(" b1 "), Some(LanguageLevel::B1));
    }
}
