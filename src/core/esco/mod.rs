//! Import of the official ESCO occupations file (`occupations_nl.csv`, format in
//! `../shared/data/esco/README.md`): its labels and synonyms become searchable, and its ISCO
//! groups link occupations to the bundled competence profiles.
//!
//! The importer is pure: it reads bytes and returns a new [`EscoCatalog`] or an
//! [`EscoImportError`]; whatever catalogue the app had stays untouched until the caller swaps
//! it. It never panics, whatever the bytes (a property test and a fuzz target check this).
//!
//! # What is accepted
//!
//! - At most [`MAX_FILE_BYTES`] (50 MiB, 52,428,800 bytes; the real file is about 2.6 MB).
//!   A larger file is refused before anything is parsed.
//! - UTF-8 text, with or without a byte order mark, comma-separated, fields quoted where
//!   needed (quoted fields may hold newlines: `altLabels` has one label per line).
//! - A header row that names at least the columns in [`REQUIRED_COLUMNS`], in any order;
//!   `hiddenLabels`, `description` and `code` are read when present, other columns ignored.
//!
//! # Refused files and skipped rows
//!
//! A file that is damaged as a whole is refused with one clear message: empty, too large,
//! not UTF-8 (with the line and position), not CSV (an HTML page, JSON, a ZIP/Excel file, a
//! PDF, other binary data, text without columns, or a CSV saved with semicolons), the wrong
//! columns (naming the missing ones), cut off (a quoted field never closed, or a row with
//! fewer fields than the header — with its line), or without any occupation rows.
//!
//! A row that is well-formed but unusable — no URI, no label, an ISCO group that is not four
//! digits, or a URI seen before — is **skipped and counted** ([`EscoCatalog::skipped`] keeps
//! the count and the first [`MAX_SKIPPED_EXAMPLES`] lines with their reasons). The file is
//! refused only when no usable row is left ([`EscoImportError::NoValidRows`]).

mod error;
mod import;

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::core::i18n;
use crate::core::text::{clean_name, Language};

pub use error::{EscoImportError, FileKind};
pub use import::{import_occupations, import_occupations_with_progress};

/// The largest file the importer reads: 50 MiB. The ESCO file is about 2.6 MB.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
/// Columns the file must have.
pub(crate) const REQUIRED_COLUMNS: [&str; 4] =
    ["conceptUri", "iscoGroup", "preferredLabel", "altLabels"];
/// How many skipped rows are kept with their line and reason (all are counted).
const MAX_SKIPPED_EXAMPLES: usize = 100;
/// `format` of the catalogue file written by `werkmap occupations import-esco --out`.
const CATALOG_FORMAT: &str = "werkmap-esco-occupations";
const CATALOG_VERSION: u32 = 1;

/// One ESCO occupation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscoOccupation {
    /// `conceptUri`, e.g. `http://data.europa.eu/esco/occupation/…`.
    pub uri: String,
    /// `iscoGroup`: the ISCO-08 unit group, four digits (empty when the file has none).
    pub isco: String,
    /// `preferredLabel`: the Dutch name.
    pub label: String,
    /// `altLabels`: other names, gendered forms.
    #[serde(default)]
    pub alt_labels: Vec<String>,
    /// `hiddenLabels`: old spellings and common misspellings; searchable, never shown.
    #[serde(default)]
    pub hidden_labels: Vec<String>,
    #[serde(default)]
    pub description: String,
    /// `code`: ISCO group plus ESCO suffix, e.g. `2654.1.7`.
    #[serde(default)]
    pub code: String,
}

/// Why a row was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    EmptyUri,
    EmptyLabel,
    BadIscoGroup,
    DuplicateUri,
}

impl SkipReason {
    /// The key of [`SkipReason::message`] in the locale files.
    pub fn i18n_key(self) -> &'static str {
        match self {
            SkipReason::EmptyUri => "esco.skip.empty_uri",
            SkipReason::EmptyLabel => "esco.skip.empty_label",
            SkipReason::BadIscoGroup => "esco.skip.bad_isco_group",
            SkipReason::DuplicateUri => "esco.skip.duplicate_uri",
        }
    }

    pub fn message(self, language: Language) -> &'static str {
        i18n::text(language, self.i18n_key())
    }
}

/// English, for logs and [`EscoImportError`]'s `Display`.
impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Language::En))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkippedRow {
    /// The line the row starts on (1 is the header).
    pub line: u64,
    pub reason: SkipReason,
}

/// Rows that were left out of an import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skipped {
    pub count: usize,
    /// The first [`MAX_SKIPPED_EXAMPLES`] of them.
    pub examples: Vec<SkippedRow>,
}

impl Skipped {
    fn push(&mut self, row: SkippedRow) {
        self.count += 1;
        if self.examples.len() < MAX_SKIPPED_EXAMPLES {
            self.examples.push(row);
        }
    }

    /// One plain line about the skipped rows, or `None` when there are none.
    pub fn summary(&self, language: Language) -> Option<String> {
        let first = self.examples.first()?;
        Some(i18n::plural(
            language,
            "esco.skipped",
            self.count,
            &[
                ("line", &first.line.to_string()),
                ("reason", first.reason.message(language)),
            ],
        ))
    }
}

/// The imported occupations. Serialises as the versioned catalogue file
/// `{ "format": "werkmap-esco-occupations", "version": 1, "occupations": [...] }`; the skipped
/// rows are a report of the import and are not stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EscoCatalog {
    pub occupations: Vec<EscoOccupation>,
    pub skipped: Skipped,
}

#[derive(Serialize)]
struct CatalogFileRef<'a> {
    format: &'a str,
    version: u32,
    occupations: &'a [EscoOccupation],
}

#[derive(Deserialize)]
struct CatalogFile {
    format: String,
    version: u32,
    occupations: Vec<EscoOccupation>,
}

impl Serialize for EscoCatalog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CatalogFileRef {
            format: CATALOG_FORMAT,
            version: CATALOG_VERSION,
            occupations: &self.occupations,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for EscoCatalog {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let file = CatalogFile::deserialize(deserializer)?;
        if file.format != CATALOG_FORMAT {
            return Err(D::Error::custom(format!(
                "format is `{}`, expected `{CATALOG_FORMAT}`",
                file.format
            )));
        }
        if file.version != CATALOG_VERSION {
            return Err(D::Error::custom(format!(
                "version {} is not supported (this program reads version {CATALOG_VERSION})",
                file.version
            )));
        }
        // A catalogue file may be written by hand: its names are cleaned as the importer's.
        let occupations = file
            .occupations
            .into_iter()
            .map(|mut o| {
                o.label = clean_name(&o.label);
                for labels in [&mut o.alt_labels, &mut o.hidden_labels] {
                    for l in labels.iter_mut() {
                        *l = clean_name(l);
                    }
                    labels.retain(|l| !l.is_empty());
                }
                o
            })
            .collect();
        Ok(Self {
            occupations,
            skipped: Skipped::default(),
        })
    }
}

impl EscoCatalog {
    /// The catalogue file (see the type's docs), pretty-printed.
    pub fn to_json(&self) -> String {
        // Serialising plain strings and vectors cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The catalogue file without indentation, for the browser's local storage (about 17 %
    /// smaller than [`EscoCatalog::to_json`] for the ESCO file: 2.19 instead of 2.65 million
    /// characters). [`EscoCatalog::from_json`] reads both.
    pub fn to_compact_json(&self) -> String {
        // Serialising plain strings and vectors cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a catalogue file written by [`EscoCatalog::to_json`] or
    /// [`EscoCatalog::to_compact_json`].
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }

    pub fn occupation(&self, uri: &str) -> Option<&EscoOccupation> {
        self.occupations.iter().find(|o| o.uri == uri)
    }
}
