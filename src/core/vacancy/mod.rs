//! Vacancies: the model, the app's own vacancy file (a [`VacancySet`]), the importers of
//! job-site feeds ([`feed`]: schema.org `JobPosting` JSON-LD, HTML with JSON-LD, CSV),
//! linking to the occupation catalogue and the places table, and the generator of realistic
//! synthetic vacancies.
//!
//! Every importer is pure and total: bytes in, a [`FeedImport`] (good records kept, bad
//! records listed with the reason) or a [`FeedError`] out. Nothing the caller holds changes
//! until it takes the result.

pub mod feed;
pub mod generate;
pub mod html;
pub mod link;
pub mod model;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use feed::{
    import_feed, FeedError, FeedFormat, FeedImport, FeedReader, NoteReason, RecordNote,
    RecordProblem, RejectedRecord,
};
pub use link::Linker;
pub use model::*;

use time::Date;

use crate::core::competence::CompetenceCatalog;
use crate::core::text::calendar_date;

// The feed reader's names at their paths from before `feed/`, which the CLI, the UI, tests,
// fuzz targets and benches use.

/// [`feed`]'s reader, limits and readers of values in words, as `vacancy::import::…`.
pub mod import {
    pub use super::feed::fields::*;
    pub use super::feed::{
        import_feed, FeedError, FeedFormat, FeedImport, FeedReader, NoteReason, RecordNote,
        RecordPosition, RecordProblem, RejectedRecord, MAX_EXAMPLES, MAX_FEED_BYTES, MAX_RECORDS,
    };
}

/// [`feed`]'s JSON-LD writer and limits, as `vacancy::jsonld::…`.
pub mod jsonld {
    pub use super::feed::write::to_job_posting;
    pub use super::feed::{CATALOGUE_CODE_SET, MAX_DEPTH};
}

/// [`feed`]'s CSV writer, as `vacancy::csv_feed::…`.
pub mod csv_feed {
    pub use super::feed::write::{write_csv, CSV_COLUMNS};
}

/// `format` of the app's vacancy file (`werkmap vacancies import --out`, the bundled sample).
pub const SET_FORMAT: &str = "werkmap-vacancies";
pub const SET_VERSION: u32 = 1;

/// The bundled sample as the CLI and native tests read it; the web app fetches the same
/// file from `/data/vacancies.json` after first paint instead of carrying it in its bundle. (A `const` is only in a binary that uses it:
/// the web app does not.)
pub const SAMPLE_JSON: &str = include_str!("../../../public/data/vacancies.json");

/// A file of vacancies in the app's own format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VacancySet {
    pub format: String,
    pub version: u32,
    /// Where the vacancies come from, in words (a feed's file name, "voorbeeldvacatures").
    #[serde(default)]
    pub source: String,
    /// For a sample made up for a date (the bundled one): the date its dates are relative
    /// to. The app moves them to today ([`VacancySet::rebased`]) so a sample never goes
    /// stale. Real feeds have none.
    #[serde(
        default,
        with = "calendar_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub reference_date: Option<Date>,
    pub vacancies: Vec<Vacancy>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum VacancySetError {
    #[error("not a Werkmap vacancy file: {0}")]
    Json(String),
    #[error("not a Werkmap vacancy file (format `{0}`)")]
    Format(String),
    #[error("vacancy file version {0} is newer than this program knows")]
    Newer(u32),
    #[error("the vacancy file is not valid: {0}")]
    Invalid(String),
}

impl VacancySet {
    pub fn new(source: impl Into<String>, vacancies: Vec<Vacancy>) -> Self {
        Self {
            format: SET_FORMAT.to_owned(),
            version: SET_VERSION,
            source: source.into(),
            reference_date: None,
            vacancies,
        }
    }

    /// A sample's dates moved by the days between its reference date and `today`; a set
    /// without a reference date stays as it is.
    pub fn rebased(mut self, today: Date) -> Self {
        let Some(reference) = self.reference_date else {
            return self;
        };
        let shift = today - reference;
        let move_date = |date: &mut Option<Date>| {
            if let Some(d) = date {
                *date = d.checked_add(shift).or(Some(*d));
            }
        };
        for vacancy in &mut self.vacancies {
            move_date(&mut vacancy.posted);
            move_date(&mut vacancy.start_date);
            move_date(&mut vacancy.closing_date);
        }
        self.reference_date = Some(today);
        self
    }

    /// Reads a vacancy file and checks it against the competence catalogue.
    pub fn parse(json: &str, competences: &CompetenceCatalog) -> Result<Self, VacancySetError> {
        let set: Self =
            serde_json::from_str(json).map_err(|e| VacancySetError::Json(e.to_string()))?;
        if set.format != SET_FORMAT {
            return Err(VacancySetError::Format(set.format));
        }
        if set.version > SET_VERSION {
            return Err(VacancySetError::Newer(set.version));
        }
        set.check(competences)?;
        Ok(set)
    }

    /// The rules of a vacancy file: unique ids, a title, valid hours, at most
    /// [`MAX_DEMANDS`] competences that the catalogue knows, at levels 1–4, each once.
    pub fn check(&self, competences: &CompetenceCatalog) -> Result<(), VacancySetError> {
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        for vacancy in &self.vacancies {
            let id = &vacancy.id;
            if id.is_empty() || !ids.insert(id.as_str()) {
                problems.push(format!("`{id}`: id empty or used twice"));
            }
            if vacancy.title.trim().is_empty() {
                problems.push(format!("`{id}`: no title"));
            }
            if let Some(h) = vacancy.hours {
                if HoursRange::new(h.min, h.max).is_none() {
                    problems.push(format!("`{id}`: hours {}–{} invalid", h.min, h.max));
                }
            }
            if vacancy.competences.len() > MAX_DEMANDS {
                problems.push(format!("`{id}`: more than {MAX_DEMANDS} competences"));
            }
            let mut seen = HashSet::new();
            for demand in &vacancy.competences {
                if !competences.contains(&demand.competence) {
                    problems.push(format!(
                        "`{id}`: unknown competence `{}`",
                        demand.competence
                    ));
                }
                if !(1..=4).contains(&demand.level) {
                    problems.push(format!(
                        "`{id}`: level {} of `{}`",
                        demand.level, demand.competence
                    ));
                }
                if !seen.insert(demand.competence.as_str()) {
                    problems.push(format!("`{id}`: `{}` twice", demand.competence));
                }
            }
            if problems.len() > 20 {
                break;
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(VacancySetError::Invalid(problems.join("; ")))
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Compact JSON with one vacancy per line: what the app fetches (smaller) and what a
    /// diff can still read.
    pub fn to_compact_json(&self) -> String {
        let mut out = String::new();
        let head = Self {
            vacancies: Vec::new(),
            ..self.clone()
        };
        let head = serde_json::to_string(&head).unwrap_or_default();
        // `{…,"vacancies":[]}` → `{…,"vacancies":[` + lines + `]}`.
        out.push_str(head.trim_end_matches("]}"));
        for (i, vacancy) in self.vacancies.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str(&serde_json::to_string(vacancy).unwrap_or_default());
        }
        out.push_str("\n]}\n");
        out
    }

    pub fn get(&self, id: &str) -> Option<&Vacancy> {
        self.vacancies.iter().find(|v| v.id == id)
    }
}
