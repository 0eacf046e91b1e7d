//! Shared vocabularies of the competence check, the occupation catalogue and (later) vacancy
//! matching. Closed lists are enums so that data files with a typo fail to load.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::core::i18n;
use crate::core::text::LocalizedText;

/// The 30 competence ids of the competence check. The occupation catalogue (and a vacancy
/// feed) refers to these, so the bundled competence file must hold exactly this set (in any
/// order; the file's order is the display order).
pub const COMPETENCE_IDS: [&str; 30] = [
    "samenwerken",
    "klantvriendelijk",
    "nauwkeurig",
    "zelfstandig",
    "plannen",
    "omgaan_met_stress",
    "leren",
    "digitaal",
    "rekenen",
    "nederlands_lezen_schrijven",
    "nederlands_spreken",
    "fysiek_werk",
    "handvaardigheid",
    "technisch_inzicht",
    "zorgzaam",
    "verkopen",
    "betrouwbaar",
    "veilig_werken",
    "hygienisch_werken",
    "communiceren",
    "problemen_oplossen",
    "flexibel",
    "leidinggeven",
    "creatief",
    "netjes_werken",
    "rijvaardigheid",
    "machines_bedienen",
    "administratie",
    "omgaan_met_kinderen",
    "omgaan_met_conflicten",
];

/// The six interest areas of the interest check (Holland's RIASEC, in plain words).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum InterestArea {
    /// Doen: with hands, tools, machines, outdoors.
    Practical,
    /// Onderzoeken: finding out how things work.
    Investigative,
    /// Maken: design, art, making something new.
    Creative,
    /// Helpen: caring, teaching, helping people.
    Social,
    /// Ondernemen: selling, convincing, leading.
    Enterprising,
    /// Ordenen: structure, numbers, administration.
    Organising,
}

impl InterestArea {
    pub const ALL: [InterestArea; 6] = [
        InterestArea::Practical,
        InterestArea::Investigative,
        InterestArea::Creative,
        InterestArea::Social,
        InterestArea::Enterprising,
        InterestArea::Organising,
    ];
}

/// Education level, ordered from none to university. Used for an occupation's typical entry
/// level and (later) a vacancy's requirement; compare with `<=`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EducationLevel {
    None,
    Vmbo,
    Mbo1,
    Mbo2,
    Mbo3,
    Mbo4,
    HavoVwo,
    Hbo,
    Wo,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PhysicalDemand {
    Light,
    Medium,
    Heavy,
}

/// Sectors that people entering or re-entering work go into (PRODUCT.md §2).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Logistics,
    Cleaning,
    Care,
    Hospitality,
    Retail,
    Construction,
    Technical,
    Green,
    Security,
    Transport,
    Office,
    Childcare,
    Production,
    Other,
}

/// Where a competence was shown. Unpaid and informal work count the same as paid work.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceContext {
    Work,
    School,
    Internship,
    Volunteering,
    HomeCare,
    HobbySport,
}

impl EvidenceContext {
    pub const ALL: [EvidenceContext; 6] = [
        EvidenceContext::Work,
        EvidenceContext::School,
        EvidenceContext::Internship,
        EvidenceContext::Volunteering,
        EvidenceContext::HomeCare,
        EvidenceContext::HobbySport,
    ];

    /// The key of its label in the locale files.
    pub fn i18n_key(self) -> &'static str {
        match self {
            EvidenceContext::Work => "evidence.work",
            EvidenceContext::School => "evidence.school",
            EvidenceContext::Internship => "evidence.internship",
            EvidenceContext::Volunteering => "evidence.volunteering",
            EvidenceContext::HomeCare => "evidence.home_care",
            EvidenceContext::HobbySport => "evidence.hobby_sport",
        }
    }

    pub fn label(self) -> LocalizedText {
        i18n::localized(self.i18n_key())
    }
}

impl Sector {
    pub const ALL: [Sector; 14] = [
        Sector::Logistics,
        Sector::Cleaning,
        Sector::Care,
        Sector::Hospitality,
        Sector::Retail,
        Sector::Construction,
        Sector::Technical,
        Sector::Green,
        Sector::Security,
        Sector::Transport,
        Sector::Office,
        Sector::Childcare,
        Sector::Production,
        Sector::Other,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The key of its name in the UI texts (`locales/*.json`).
    pub fn i18n_key(self) -> &'static str {
        match self {
            Sector::Logistics => "sector.logistics",
            Sector::Cleaning => "sector.cleaning",
            Sector::Care => "sector.care",
            Sector::Hospitality => "sector.hospitality",
            Sector::Retail => "sector.retail",
            Sector::Construction => "sector.construction",
            Sector::Technical => "sector.technical",
            Sector::Green => "sector.green",
            Sector::Security => "sector.security",
            Sector::Transport => "sector.transport",
            Sector::Office => "sector.office",
            Sector::Childcare => "sector.childcare",
            Sector::Production => "sector.production",
            Sector::Other => "sector.other",
        }
    }
}

impl EducationLevel {
    pub const ALL: [EducationLevel; 9] = [
        EducationLevel::None,
        EducationLevel::Vmbo,
        EducationLevel::Mbo1,
        EducationLevel::Mbo2,
        EducationLevel::Mbo3,
        EducationLevel::Mbo4,
        EducationLevel::HavoVwo,
        EducationLevel::Hbo,
        EducationLevel::Wo,
    ];

    /// The key of its name in the UI texts.
    pub fn i18n_key(self) -> &'static str {
        match self {
            EducationLevel::None => "education.none",
            EducationLevel::Vmbo => "education.vmbo",
            EducationLevel::Mbo1 => "education.mbo1",
            EducationLevel::Mbo2 => "education.mbo2",
            EducationLevel::Mbo3 => "education.mbo3",
            EducationLevel::Mbo4 => "education.mbo4",
            EducationLevel::HavoVwo => "education.havo_vwo",
            EducationLevel::Hbo => "education.hbo",
            EducationLevel::Wo => "education.wo",
        }
    }

    /// The level one step lower, if any.
    pub fn previous(self) -> Option<Self> {
        (self as usize).checked_sub(1).map(|i| Self::ALL[i])
    }

    /// The level one step higher, if any.
    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self as usize + 1).copied()
    }
}

impl PhysicalDemand {
    /// The key of its name in the UI texts.
    pub fn i18n_key(self) -> &'static str {
        match self {
            PhysicalDemand::Light => "physical.light",
            PhysicalDemand::Medium => "physical.medium",
            PhysicalDemand::Heavy => "physical.heavy",
        }
    }
}
