//! A shard of a publication: the vacancies of one area of the map, in the compact form
//! ranking and the list read ([`Row`]), and its checked reader ([`Shard::parse`]).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::core::competence::CompetenceCatalog;
use crate::core::place::GeoPoint;
use crate::core::text::calendar_date;
use crate::core::vacancy::{
    ContractKind, EmployerSupport, HoursRange, LanguageLevel, LinkedBy, OccupationLink, Vacancy,
    VacancySet,
};
use crate::core::vocab::{EducationLevel, PhysicalDemand, Sector};

use super::{
    check_head, invalid, json_error, safe_file_name, sha256_hex, too_large, Cell, PublicationError,
    ShardEntry, MAX_SHARD_BYTES, SHARD_FORMAT,
};

/// One vacancy in a shard: what ranking and the list need, with short keys (a shard of
/// 1,500 vacancies is downloaded and parsed on a slow phone). What only the vacancy page
/// shows (postcode, start date, pay, the long texts) is in its [`TextEntry`](super::TextEntry).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// Id.
    pub i: String,
    /// Title.
    pub t: String,
    /// Employer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub e: String,
    /// Place of work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p: Option<String>,
    /// Latitude and longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub l: Option<[f64; 2]>,
    /// Hours per week, min and max.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub h: Option<[u8; 2]>,
    /// Kind of work.
    pub c: ContractKind,
    /// Catalogue occupation id, and how it was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub o: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ob: Option<LinkedBy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub s: Option<Sector>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ed: Option<EducationLevel>,
    /// Competences asked: id, level, required.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cp: Vec<(String, u8, bool)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lg: Option<LanguageLevel>,
    /// Driving licence required.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dl: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ph: Option<PhysicalDemand>,
    #[serde(
        default,
        with = "calendar_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub po: Option<Date>,
    #[serde(
        default,
        with = "calendar_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub cl: Option<Date>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub su: BTreeSet<EmployerSupport>,
    /// Index into the shard's `texts`: where its long texts are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<u32>,
}

impl Row {
    /// The row of a vacancy (its long texts go to a texts file at `text_file`).
    pub fn of(vacancy: &Vacancy, text_file: Option<u32>) -> Self {
        Row {
            i: vacancy.id.clone(),
            t: vacancy.title.clone(),
            e: vacancy.employer.clone(),
            p: vacancy.place.clone(),
            l: vacancy.location.map(|p| [p.lat, p.lon]),
            h: vacancy.hours.map(|h| [h.min, h.max]),
            c: vacancy.contract,
            o: vacancy.occupation.id.clone(),
            ob: vacancy.occupation.linked_by,
            s: vacancy.sector,
            ed: vacancy.education,
            cp: vacancy
                .competences
                .iter()
                .map(|d| (d.competence.clone(), d.level, d.required))
                .collect(),
            lg: vacancy.language,
            dl: vacancy.driving_licence,
            ph: vacancy.physical,
            po: vacancy.posted,
            cl: vacancy.closing_date,
            su: vacancy.support.clone(),
            x: text_file,
        }
    }

    /// The vacancy, without its long texts.
    pub fn into_vacancy(self) -> Vacancy {
        Vacancy {
            id: self.i,
            title: self.t,
            employer: self.e,
            place: self.p,
            postcode: None,
            location: self.l.map(|[lat, lon]| GeoPoint { lat, lon }),
            hours: self.h.and_then(|[min, max]| HoursRange::new(min, max)),
            contract: self.c,
            occupation: OccupationLink {
                id: self.o,
                isco: None,
                esco_uri: None,
                linked_by: self.ob,
            },
            sector: self.s,
            education: self.ed,
            competences: self
                .cp
                .into_iter()
                .map(
                    |(competence, level, required)| crate::core::vacancy::CompetenceDemand {
                        competence,
                        level,
                        required,
                    },
                )
                .collect(),
            language: self.lg,
            driving_licence: self.dl,
            physical: self.ph,
            posted: self.po,
            start_date: None,
            closing_date: self.cl,
            description: String::new(),
            experience: None,
            support: self.su,
            salary: None,
            url: None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShardFile {
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    version: u32,
    area: Option<Cell>,
    texts: Vec<String>,
    vacancies: Vec<Row>,
}

/// A shard as read: its vacancies (without long texts) and, per vacancy, the texts file
/// that holds its long texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Shard {
    pub area: Option<Cell>,
    pub vacancies: Vec<Vacancy>,
    /// Per vacancy (same order): its texts file, relative to the manifest.
    pub texts: Vec<Option<String>>,
}

impl Shard {
    /// Reads and checks the shard `entry` of a manifest: size, hash, format, area and
    /// count as listed; every vacancy valid, with a unique id, inside the area (or without
    /// a place in a shard without an area); texts files with safe names.
    pub fn parse(
        entry: &ShardEntry,
        bytes: &[u8],
        competences: &CompetenceCatalog,
    ) -> Result<Self, PublicationError> {
        let file = entry.file.as_str();
        if bytes.len() > MAX_SHARD_BYTES {
            return Err(too_large(file, bytes.len(), MAX_SHARD_BYTES));
        }
        if bytes.len() != entry.bytes || sha256_hex(bytes) != entry.sha256 {
            return Err(PublicationError::HashMismatch {
                file: file.to_owned(),
            });
        }
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| json_error(file, e))?;
        check_head(file, &value, SHARD_FORMAT)?;
        let shard: ShardFile = serde_json::from_value(value).map_err(|e| json_error(file, e))?;
        if shard.area != entry.area {
            return Err(invalid(file, "its area is not the one the manifest lists"));
        }
        if shard.vacancies.len() != entry.count {
            return Err(invalid(
                file,
                format!(
                    "{} vacancies, the manifest says {}",
                    shard.vacancies.len(),
                    entry.count
                ),
            ));
        }
        if let Some(bad) = shard.texts.iter().find(|t| !safe_file_name(t, "texts")) {
            return Err(PublicationError::BadFileName {
                file: file.to_owned(),
                name: bad.chars().take(100).collect(),
            });
        }
        let area = shard.area.map(|c| c.area());
        let mut texts = Vec::with_capacity(shard.vacancies.len());
        let mut vacancies = Vec::with_capacity(shard.vacancies.len());
        for row in shard.vacancies {
            let location = row.l.map(|[lat, lon]| GeoPoint::new(lat, lon));
            match (area, location) {
                (_, Some(None)) => {
                    return Err(invalid(
                        file,
                        format!("`{}`: a place outside the map", row.i),
                    ))
                }
                (Some(area), Some(Some(point))) if area.contains(point) => {}
                (None, None) => {}
                _ => {
                    return Err(invalid(
                        file,
                        format!("`{}` is not inside the shard's area", row.i),
                    ))
                }
            }
            if let Some([min, max]) = row.h {
                if HoursRange::new(min, max).is_none() {
                    return Err(invalid(file, format!("`{}`: hours {min}–{max}", row.i)));
                }
            }
            if !safe_id(&row.i) {
                return Err(invalid(file, "a vacancy id that is not allowed"));
            }
            let text =
                match row.x {
                    None => None,
                    Some(x) => {
                        Some(shard.texts.get(x as usize).cloned().ok_or_else(|| {
                            invalid(file, format!("`{}`: no texts file {x}", row.i))
                        })?)
                    }
                };
            texts.push(text);
            vacancies.push(row.into_vacancy());
        }
        // The rules of the app's own vacancy file: unique ids, a title, known competences.
        let set = VacancySet::new("", vacancies);
        set.check(competences)
            .map_err(|e| invalid(file, e.to_string()))?;
        Ok(Shard {
            area: shard.area,
            vacancies: set.vacancies,
            texts,
        })
    }
}

/// An id that is safe in an address (as the importers make them).
fn safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
