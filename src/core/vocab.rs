//! Shared vocabularies of the competence check, the occupation catalogue and (later) vacancy
//! matching. Closed lists are enums so that data files with a typo fail to load.

use serde::{Deserialize, Serialize};

use crate::core::text::LocalizedText;

/// The six interest areas of the interest check (Holland's RIASEC, in plain words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhysicalDemand {
    Light,
    Medium,
    Heavy,
}

/// Sectors that people entering or re-entering work go into (PRODUCT.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

    pub fn label(self) -> LocalizedText {
        let (nl, en) = match self {
            EvidenceContext::Work => ("Werk", "Work"),
            EvidenceContext::School => ("School", "School"),
            EvidenceContext::Internship => ("Stage", "Internship"),
            EvidenceContext::Volunteering => ("Vrijwilligerswerk", "Volunteering"),
            EvidenceContext::HomeCare => {
                ("Thuis of zorg voor anderen", "Home or caring for others")
            }
            EvidenceContext::HobbySport => ("Hobby of sport", "Hobby or sport"),
        };
        LocalizedText {
            nl: nl.into(),
            en: en.into(),
        }
    }
}
