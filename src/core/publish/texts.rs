//! The long texts of a publication's vacancies ([`TextEntry`]), fetched when a vacancy is
//! opened, and their checked reader ([`Texts::parse`]).

use serde::{Deserialize, Serialize};
use time::Date;

use crate::core::text::calendar_date;
use crate::core::vacancy::{Salary, Vacancy};

use super::{
    check_head, json_error, name_hash, safe_file_name, sha256_hex, too_large, PublicationError,
    MAX_TEXTS_BYTES, TEXTS_FORMAT,
};

/// The long texts of one vacancy, and what only its page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextEntry {
    /// The vacancy's id.
    pub i: String,
    /// Description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub d: String,
    /// Experience asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<String>,
    /// Where it was advertised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub u: Option<String>,
    /// ISCO-08 group and ESCO occupation of the feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub es: Option<String>,
    /// Postcode, start date, pay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pc: Option<String>,
    #[serde(
        default,
        with = "calendar_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub st: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sa: Option<Salary>,
}

impl TextEntry {
    /// The long texts of a vacancy; `None` when it has none.
    pub fn of(vacancy: &Vacancy) -> Option<Self> {
        let entry = TextEntry {
            i: vacancy.id.clone(),
            d: vacancy.description.clone(),
            x: vacancy.experience.clone(),
            u: vacancy.url.clone(),
            is: vacancy.occupation.isco.clone(),
            es: vacancy.occupation.esco_uri.clone(),
            pc: vacancy.postcode.clone(),
            st: vacancy.start_date,
            sa: vacancy.salary,
        };
        let empty = TextEntry {
            i: entry.i.clone(),
            ..TextEntry::default()
        };
        (entry != empty).then_some(entry)
    }

    /// Puts the long texts back into the vacancy.
    pub fn apply(&self, vacancy: &mut Vacancy) {
        vacancy.description = self.d.clone();
        vacancy.experience = self.x.clone();
        vacancy.url = self.u.clone();
        vacancy.occupation.isco = self.is.clone();
        vacancy.occupation.esco_uri = self.es.clone();
        vacancy.postcode = self.pc.clone();
        vacancy.start_date = self.st;
        vacancy.salary = self.sa;
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextsFile {
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    version: u32,
    texts: Vec<TextEntry>,
}

/// A texts file as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    entries: Vec<TextEntry>,
}

impl Texts {
    /// Reads a texts file named `file` (its name carries the start of its SHA-256).
    pub fn parse(file: &str, bytes: &[u8]) -> Result<Self, PublicationError> {
        if !safe_file_name(file, "texts") {
            return Err(PublicationError::BadFileName {
                file: file.chars().take(100).collect(),
                name: file.chars().take(100).collect(),
            });
        }
        if bytes.len() > MAX_TEXTS_BYTES {
            return Err(too_large(file, bytes.len(), MAX_TEXTS_BYTES));
        }
        if !sha256_hex(bytes).starts_with(name_hash(file)) {
            return Err(PublicationError::HashMismatch {
                file: file.to_owned(),
            });
        }
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| json_error(file, e))?;
        check_head(file, &value, TEXTS_FORMAT)?;
        let texts: TextsFile = serde_json::from_value(value).map_err(|e| json_error(file, e))?;
        Ok(Texts {
            entries: texts.texts,
        })
    }

    pub fn get(&self, id: &str) -> Option<&TextEntry> {
        self.entries.iter().find(|e| e.i == id)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
