//! The competence catalogue, loaded from `data/competences.json`.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::core::text::{Language, LocalizedText};

use super::CompetenceDataError;
/// The 30 competence ids, kept with the shared vocabularies since the occupation catalogue
/// refers to them too.
pub use crate::core::vocab::COMPETENCE_IDS;

const COMPETENCES_JSON: &str = include_str!("../../../data/competences.json");
const FILE: &str = "competences.json";

/// The highest level a job seeker can give (0 = "not done yet" … 4 = "well, and I can teach
/// others"). Occupations require 1 to 4.
pub const MAX_LEVEL: u8 = 4;
/// Levels 0 to 4: five anchors per competence.
pub const LEVEL_COUNT: usize = MAX_LEVEL as usize + 1;
/// Every ESCO skill concept URI starts with this, followed by a UUID.
pub const ESCO_SKILL_PREFIX: &str = "http://data.europa.eu/esco/skill/";

/// How a competence can be developed. Only occupations with a learn-and-work route offer
/// [`WayKind::Bbl`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WayKind {
    /// A short course or training (often free: library, Taalhuis, via the job coach).
    Course,
    /// Beroepsbegeleidende leerweg: work and learn at the same time, with pay.
    Bbl,
    /// A work experience placement (werkervaringsplek).
    WorkExperience,
    Volunteering,
    /// Practise on your own, at home or in daily life.
    Practice,
}

impl WayKind {
    pub const ALL: [WayKind; 5] = [
        WayKind::Course,
        WayKind::Bbl,
        WayKind::WorkExperience,
        WayKind::Volunteering,
        WayKind::Practice,
    ];
}

/// One concrete way to develop a competence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WayToClose {
    pub kind: WayKind,
    pub text: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competence {
    pub id: String,
    pub name: LocalizedText,
    /// One line: what this competence means.
    pub explanation: LocalizedText,
    /// The ESCO skill concept this maps to, where one fits; `None` where none does.
    pub esco_skill: Option<String>,
    /// "Ik kan…" examples for levels 0 to 4, in order (index = level).
    pub anchors: Vec<LocalizedText>,
    /// Two to four ways to develop this competence, shown for a gap.
    pub develop: Vec<WayToClose>,
}

impl Competence {
    /// The "ik kan…" example for a level, `None` above 4.
    pub fn anchor(&self, level: u8) -> Option<&LocalizedText> {
        self.anchors.get(usize::from(level))
    }
}

/// The bundled competence catalogue, validated at load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetenceCatalog {
    pub version: u32,
    /// Short names for levels 0 to 4, for chart axes and summaries.
    pub level_names: Vec<LocalizedText>,
    /// A label for each kind of way to develop a competence.
    pub way_kinds: BTreeMap<WayKind, LocalizedText>,
    /// In display order.
    pub competences: Vec<Competence>,
}

impl CompetenceCatalog {
    /// The catalogue bundled with the app.
    pub fn bundled() -> Result<Self, CompetenceDataError> {
        Self::from_json(COMPETENCES_JSON)
    }

    pub fn from_json(json: &str) -> Result<Self, CompetenceDataError> {
        let catalog: Self = CompetenceDataError::read_json(json, FILE)?;
        catalog.check()?;
        Ok(catalog)
    }

    pub fn get(&self, id: &str) -> Option<&Competence> {
        self.competences.iter().find(|c| c.id == id)
    }

    /// The competence's name, or its id when the catalogue does not know it (a file from
    /// a newer version): shown rather than dropped.
    pub fn name_or_id(&self, id: &str, language: Language) -> String {
        self.get(id)
            .map(|c| c.name.get(language).to_owned())
            .unwrap_or_else(|| id.to_owned())
    }

    pub fn contains(&self, id: &str) -> bool {
        self.position(id).is_some()
    }

    /// Display position of a competence.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.competences.iter().position(|c| c.id == id)
    }

    pub fn level_name(&self, level: u8) -> Option<&LocalizedText> {
        self.level_names.get(usize::from(level))
    }

    pub fn way_kind_label(&self, kind: WayKind) -> Option<&LocalizedText> {
        self.way_kinds.get(&kind)
    }

    fn check(&self) -> Result<(), CompetenceDataError> {
        let mut problems: Vec<String> = Vec::new();
        if self.version == 0 {
            problems.push("version must be 1 or higher".into());
        }
        if self.level_names.len() != LEVEL_COUNT {
            problems.push(format!(
                "level_names has {} entries, not {LEVEL_COUNT}",
                self.level_names.len()
            ));
        }
        for (level, name) in self.level_names.iter().enumerate() {
            if !name.is_complete() {
                problems.push(format!("level name {level}: missing translation"));
            }
        }
        for kind in WayKind::ALL {
            match self.way_kinds.get(&kind) {
                None => problems.push(format!("way_kinds has no label for {kind:?}")),
                Some(label) if !label.is_complete() => {
                    problems.push(format!("way kind {kind:?}: missing translation"))
                }
                Some(_) => {}
            }
        }

        let expected: BTreeSet<&str> = COMPETENCE_IDS.into_iter().collect();
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for competence in &self.competences {
            let id = competence.id.as_str();
            if !seen.insert(id) {
                problems.push(format!("competence `{id}` appears twice"));
            }
            if !expected.contains(id) {
                problems.push(format!("unknown competence id `{id}`"));
            }
            problems.extend(check_competence(competence));
        }
        for id in expected.difference(&seen) {
            problems.push(format!("competence `{id}` is missing"));
        }

        if problems.is_empty() {
            Ok(())
        } else {
            Err(CompetenceDataError::Invalid {
                file: FILE,
                message: problems.join("; "),
            })
        }
    }
}

fn check_competence(competence: &Competence) -> Vec<String> {
    let id = &competence.id;
    let mut problems = Vec::new();
    if !competence.name.is_complete() {
        problems.push(format!("`{id}` name: missing translation"));
    }
    if !competence.explanation.is_complete() {
        problems.push(format!("`{id}` explanation: missing translation"));
    }
    if competence.anchors.len() != LEVEL_COUNT {
        problems.push(format!(
            "`{id}` has {} level anchors, not {LEVEL_COUNT}",
            competence.anchors.len()
        ));
    }
    for (level, anchor) in competence.anchors.iter().enumerate() {
        if !anchor.is_complete() {
            problems.push(format!("`{id}` anchor {level}: missing translation"));
        }
    }
    if !(2..=4).contains(&competence.develop.len()) {
        problems.push(format!(
            "`{id}` has {} ways to develop it, not 2 to 4",
            competence.develop.len()
        ));
    }
    for (index, way) in competence.develop.iter().enumerate() {
        if !way.text.is_complete() {
            problems.push(format!("`{id}` way {index}: missing translation"));
        }
    }
    if let Some(uri) = &competence.esco_skill {
        if !is_esco_skill_uri(uri) {
            problems.push(format!(
                "`{id}` esco_skill `{uri}` is not an ESCO skill URI"
            ));
        }
    }
    problems
}

/// `http://data.europa.eu/esco/skill/` followed by a lowercase UUID (8-4-4-4-12 hex digits).
pub fn is_esco_skill_uri(uri: &str) -> bool {
    let Some(uuid) = uri.strip_prefix(ESCO_SKILL_PREFIX) else {
        return false;
    };
    let groups: Vec<&str> = uuid.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(group, len)| {
            group.len() == len
                && group
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}
