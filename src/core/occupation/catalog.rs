//! The bundled occupation catalogue (`data/occupations.json`): the occupations people entering
//! or re-entering work go into, each with its ISCO-08 group, the ESCO occupation where one
//! is the same occupation, the competence levels it asks, the interest areas that fit, its
//! typical entry level, physical demands and whether a learn-and-work (BBL) route exists.
//!
//! The file is the project's own. It is checked when it is loaded ([`OccupationCatalog::parse`]):
//! a mistake in it is a [`CatalogError`] caught by the test suite, never a panic in the app.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::core::text::LocalizedText;
use crate::core::vocab::{EducationLevel, InterestArea, PhysicalDemand, Sector};

const OCCUPATIONS_JSON: &str = include_str!("../../../data/occupations.json");

/// Every ESCO occupation URI starts with this, followed by a UUID.
pub const ESCO_OCCUPATION_PREFIX: &str = "http://data.europa.eu/esco/occupation/";

/// The competence ids an occupation may ask for: one list, kept with the shared vocabularies
/// (and re-exported by the competence catalogue, `data/competences.json`, which holds them).
pub use crate::core::vocab::COMPETENCE_IDS;

/// Required competence levels run from 1 (a little) to 4 (well enough to teach others).
pub const MAX_COMPETENCE_LEVEL: u8 = 4;
/// Interest areas weigh 1 (fits a bit) to 3 (the heart of the work).
pub const MAX_INTEREST_WEIGHT: u8 = 3;
/// An occupation says what the work is in this many sentences at least ("a few")…
const MIN_TASKS: usize = 2;
/// …and at most this many, each at most [`MAX_TASK_CHARS`] characters (short, B1).
const MAX_TASKS: usize = 6;
const MAX_TASK_CHARS: usize = 120;

/// A problem in an occupation catalogue file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CatalogError {
    /// Not JSON, or JSON of the wrong shape (a missing or unknown field, an unknown sector…).
    #[error("the occupation catalogue is not valid JSON: {0}")]
    Json(String),
    /// Well-formed JSON whose content breaks a rule; the message lists every problem found.
    #[error("the occupation catalogue is not valid: {0}")]
    Invalid(String),
}

/// The occupation catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OccupationCatalog {
    pub version: u32,
    pub occupations: Vec<Occupation>,
}

/// One occupation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Occupation {
    /// URL-safe slug, unique in the catalogue: `heftruckchauffeur`.
    pub id: String,
    /// The name in plain Dutch (B1) and English.
    pub name: LocalizedText,
    /// Other Dutch names, including the informal words job seekers use and type.
    pub synonyms: Vec<String>,
    /// Dutch gendered and other forms of the name (`kapster`, `caissière`).
    pub gendered: Vec<String>,
    /// "Wat doe je in dit werk?": a few short sentences in plain Dutch (B1) and English about
    /// what the work is — the activities, objects, places and people ("Je verzorgt paarden.").
    /// Shown on the occupation's page and searched, so a job seeker who does not know the
    /// name finds the occupation by what they would like to do.
    pub tasks: Vec<LocalizedText>,
    /// ISCO-08 unit group, four digits.
    pub isco: String,
    /// The ESCO occupation (`conceptUri`) when ESCO has the same occupation.
    pub esco_uri: Option<String>,
    pub sector: Sector,
    /// Competence id → the level the work asks, 1 to 4. Only the competences that matter.
    pub competences: BTreeMap<String, u8>,
    /// Interest area → weight 1 to 3. Only the areas that fit the work.
    pub interests: BTreeMap<InterestArea, u8>,
    /// The typical entry level.
    pub education: EducationLevel,
    pub physical: PhysicalDemand,
    /// A learn-and-work (BBL) route into this occupation exists.
    pub bbl: bool,
}

impl Occupation {
    /// Every Dutch name of the occupation: the name, then the synonyms, then the gendered
    /// forms. For search.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.nl.as_str())
            .chain(self.synonyms.iter().map(String::as_str))
            .chain(self.gendered.iter().map(String::as_str))
    }
}

impl OccupationCatalog {
    /// The catalogue bundled with the app.
    pub fn bundled() -> Result<Self, CatalogError> {
        Self::parse(OCCUPATIONS_JSON)
    }

    /// Reads a catalogue and checks it (see [`OccupationCatalog::check`] for the rules).
    pub fn parse(json: &str) -> Result<Self, CatalogError> {
        let catalog: Self =
            serde_json::from_str(json).map_err(|e| CatalogError::Json(e.to_string()))?;
        catalog.check()?;
        Ok(catalog)
    }

    /// The occupation with this id.
    pub fn get(&self, id: &str) -> Option<&Occupation> {
        self.occupations.iter().find(|o| o.id == id)
    }

    /// The occupations in one ISCO-08 unit group, in catalogue order.
    pub fn by_isco(&self, isco: &str) -> impl Iterator<Item = &Occupation> {
        let isco = isco.to_owned();
        self.occupations.iter().filter(move |o| o.isco == isco)
    }

    /// The rules a catalogue must keep:
    ///
    /// - at least one occupation; ids are unique slugs of `a-z`, `0-9` and `-` (not at the
    ///   start or end);
    /// - the name is filled in both languages;
    /// - `isco` is exactly four ASCII digits;
    /// - `esco_uri`, when present, is an ESCO occupation URI;
    /// - at least one competence, each a known id ([`COMPETENCE_IDS`]) at level 1 to 4;
    /// - at least one interest area, each weighing 1 to 3;
    /// - synonyms and gendered forms are not empty, not repeated (ignoring case) and not the
    ///   name itself;
    /// - [`MIN_TASKS`] to [`MAX_TASKS`] "what you do" sentences, each in both languages and at
    ///   most [`MAX_TASK_CHARS`] characters.
    ///
    /// Every problem is reported, not only the first.
    pub fn check(&self) -> Result<(), CatalogError> {
        let mut problems = Vec::new();
        if self.occupations.is_empty() {
            problems.push("there are no occupations".to_owned());
        }
        let mut ids = BTreeSet::new();
        for (index, occupation) in self.occupations.iter().enumerate() {
            if !ids.insert(occupation.id.as_str()) {
                problems.push(format!("id `{}` is used more than once", occupation.id));
            }
            check_occupation(index, occupation, &mut problems);
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(CatalogError::Invalid(problems.join("; ")))
        }
    }
}

fn check_occupation(index: usize, occupation: &Occupation, problems: &mut Vec<String>) {
    let o = occupation;
    let context = if o.id.is_empty() {
        format!("occupation {}", index + 1)
    } else {
        format!("occupation `{}`", o.id)
    };
    let mut problem = |message: String| problems.push(format!("{context}: {message}"));

    if !is_slug(&o.id) {
        problem(format!(
            "id `{}` must be letters a-z, digits and hyphens",
            o.id
        ));
    }
    if !o.name.is_complete() {
        problem("the name needs both Dutch and English".to_owned());
    }
    if !(o.isco.len() == 4 && o.isco.bytes().all(|b| b.is_ascii_digit())) {
        problem(format!("ISCO group `{}` is not four digits", o.isco));
    }
    if let Some(uri) = &o.esco_uri {
        let is_esco = uri
            .strip_prefix(ESCO_OCCUPATION_PREFIX)
            .is_some_and(|rest| !rest.is_empty());
        if !is_esco {
            problem(format!("`{uri}` is not an ESCO occupation URI"));
        }
    }

    if o.competences.is_empty() {
        problem("no competences".to_owned());
    }
    for (id, &level) in &o.competences {
        if !COMPETENCE_IDS.contains(&id.as_str()) {
            problem(format!("unknown competence `{id}`"));
        }
        if !(1..=MAX_COMPETENCE_LEVEL).contains(&level) {
            problem(format!(
                "competence `{id}` has level {level}, not 1 to {MAX_COMPETENCE_LEVEL}"
            ));
        }
    }

    if o.interests.is_empty() {
        problem("no interest areas".to_owned());
    }
    for (area, &weight) in &o.interests {
        if !(1..=MAX_INTEREST_WEIGHT).contains(&weight) {
            problem(format!(
                "interest area {area:?} has weight {weight}, not 1 to {MAX_INTEREST_WEIGHT}"
            ));
        }
    }

    if !(MIN_TASKS..=MAX_TASKS).contains(&o.tasks.len()) {
        problem(format!(
            "{} sentences about the work, not {MIN_TASKS} to {MAX_TASKS}",
            o.tasks.len()
        ));
    }
    for task in &o.tasks {
        if !task.is_complete() {
            problem("a sentence about the work needs both Dutch and English".to_owned());
        }
        for text in [&task.nl, &task.en] {
            if text.chars().count() > MAX_TASK_CHARS {
                problem(format!(
                    "the sentence `{text}` is longer than {MAX_TASK_CHARS} characters"
                ));
            }
        }
    }

    let name = fold(&o.name.nl);
    let mut seen = BTreeSet::new();
    for other in o.synonyms.iter().chain(&o.gendered) {
        let folded = fold(other);
        if folded.is_empty() {
            problem("an empty synonym or gendered form".to_owned());
        } else if folded == name {
            problem(format!("synonym `{other}` is the name itself"));
        } else if !seen.insert(folded) {
            problem(format!("synonym `{other}` is listed more than once"));
        }
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// For comparing names: trimmed and lower case.
fn fold(name: &str) -> String {
    name.trim().to_lowercase()
}
