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

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

use crate::core::i18n;
use crate::core::text::{clean_name, Language};

/// The largest file the importer reads: 50 MiB. The ESCO file is about 2.6 MB.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
/// Columns the file must have.
pub const REQUIRED_COLUMNS: [&str; 4] = ["conceptUri", "iscoGroup", "preferredLabel", "altLabels"];
/// How many skipped rows are kept with their line and reason (all are counted).
pub const MAX_SKIPPED_EXAMPLES: usize = 100;
/// `format` of the catalogue file written by `werkmap occupations import-esco --out`.
pub const CATALOG_FORMAT: &str = "werkmap-esco-occupations";
pub const CATALOG_VERSION: u32 = 1;

const BOM: &[u8] = b"\xEF\xBB\xBF";
/// How many rows pass between two progress reports.
const PROGRESS_EVERY: usize = 64;

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

/// What a refused file looks like instead of CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Html,
    Json,
    Zip,
    Pdf,
    Binary,
    /// Text without any comma-separated columns.
    PlainText,
    /// CSV with semicolons, as a spreadsheet program saves it in Dutch settings.
    Semicolons,
}

impl FileKind {
    /// The key of its description in the locale files.
    pub fn i18n_key(self) -> &'static str {
        match self {
            FileKind::Html => "esco.file_kind.html",
            FileKind::Json => "esco.file_kind.json",
            FileKind::Zip => "esco.file_kind.zip",
            FileKind::Pdf => "esco.file_kind.pdf",
            FileKind::Binary => "esco.file_kind.binary",
            FileKind::PlainText => "esco.file_kind.plain_text",
            FileKind::Semicolons => "esco.file_kind.semicolons",
        }
    }

    fn describe(self, language: Language) -> &'static str {
        i18n::text(language, self.i18n_key())
    }
}

/// English, for logs and [`EscoImportError`]'s `Display`.
impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe(Language::En))
    }
}

/// Why a file was refused. `Display` is English; [`EscoImportError::message`] gives the
/// plain message in either language, for the screen and the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EscoImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error(
        "the file is not UTF-8 text: invalid bytes on line {line}, byte {column} (offset {offset})"
    )]
    NotUtf8 {
        line: usize,
        column: usize,
        offset: usize,
    },
    #[error("the file is not CSV: it is {0}")]
    NotCsv(FileKind),
    #[error("the file is not the ESCO occupations file: missing columns {}", .missing.join(", "))]
    MissingColumns { missing: Vec<String> },
    #[error("the file is cut off: the quoted field that starts on line {line} is never closed")]
    UnclosedQuote { line: u64 },
    #[error("the row on line {line} has {found} fields, the header has {expected}")]
    RowLength {
        line: u64,
        found: usize,
        expected: usize,
    },
    #[error("the file has no occupation rows")]
    NoOccupations,
    #[error("none of the {skipped} rows is a usable occupation (line {}: {})", .first.line, .first.reason)]
    NoValidRows { skipped: usize, first: SkippedRow },
    #[error("the CSV could not be read on line {line}: {message}")]
    Csv { line: u64, message: String },
}

impl EscoImportError {
    /// A plain message for the job seeker or loket worker, in Dutch (B1) or English.
    pub fn message(&self, language: Language) -> String {
        let advice = i18n::text(language, "esco.advice");
        let choose = i18n::text(language, "esco.choose");
        let mb = |b: usize| b.div_ceil(1024 * 1024).to_string();
        match self {
            EscoImportError::Empty => {
                i18n::format(language, "esco.error.empty", &[("choose", choose)])
            }
            EscoImportError::TooLarge { size, limit } => i18n::format(
                language,
                "esco.error.too_large",
                &[
                    ("size", &mb(*size)),
                    ("limit", &mb(*limit)),
                    ("choose", choose),
                ],
            ),
            EscoImportError::NotUtf8 { line, column, .. } => i18n::format(
                language,
                "esco.error.not_utf8",
                &[
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("advice", advice),
                ],
            ),
            EscoImportError::NotCsv(kind) => i18n::format(
                language,
                "esco.error.not_csv",
                &[("kind", kind.describe(language)), ("choose", choose)],
            ),
            EscoImportError::MissingColumns { missing } => i18n::format(
                language,
                "esco.error.missing_columns",
                &[("columns", &missing.join(", ")), ("choose", choose)],
            ),
            EscoImportError::UnclosedQuote { line } => i18n::format(
                language,
                "esco.error.unclosed_quote",
                &[("line", &line.to_string()), ("advice", advice)],
            ),
            EscoImportError::RowLength {
                line,
                found,
                expected,
            } => {
                let key = if found < expected {
                    "esco.error.too_few_fields"
                } else {
                    "esco.error.too_many_fields"
                };
                i18n::format(
                    language,
                    key,
                    &[
                        ("line", &line.to_string()),
                        ("found", &found.to_string()),
                        ("expected", &expected.to_string()),
                        ("advice", advice),
                    ],
                )
            }
            EscoImportError::NoOccupations => {
                i18n::format(language, "esco.error.no_occupations", &[("choose", choose)])
            }
            EscoImportError::NoValidRows { skipped, first } => i18n::format(
                language,
                "esco.error.no_valid_rows",
                &[
                    ("skipped", &skipped.to_string()),
                    ("line", &first.line.to_string()),
                    ("reason", first.reason.message(language)),
                    ("choose", choose),
                ],
            ),
            EscoImportError::Csv { line, .. } => i18n::format(
                language,
                "esco.error.csv",
                &[("line", &line.to_string()), ("advice", advice)],
            ),
        }
    }
}

/// Imports the ESCO occupations file. See the module docs for what is accepted.
pub fn import_occupations(bytes: &[u8]) -> Result<EscoCatalog, EscoImportError> {
    import_occupations_with_progress(bytes, &mut |_, _| {})
}

/// [`import_occupations`], reporting `(bytes done, total bytes)` now and then (every few
/// dozen rows, and once at the start and the end) so a screen can show progress.
pub fn import_occupations_with_progress(
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<EscoCatalog, EscoImportError> {
    let total = bytes.len();
    if total > MAX_FILE_BYTES {
        return Err(EscoImportError::TooLarge {
            size: total,
            limit: MAX_FILE_BYTES,
        });
    }
    progress(0, total);
    let bom = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let body = bytes.get(bom..).unwrap_or_default();
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(EscoImportError::Empty);
    }
    if let Some(kind) = sniff_binary(body) {
        return Err(EscoImportError::NotCsv(kind));
    }
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(error) => {
            let offset = error.valid_up_to();
            let before = body.get(..offset).unwrap_or_default();
            let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            return Err(EscoImportError::NotUtf8 {
                line,
                column: offset - line_start + 1,
                offset: offset + bom,
            });
        }
    };
    match text.trim_start().chars().next() {
        Some('<') => return Err(EscoImportError::NotCsv(FileKind::Html)),
        // "[package]" (TOML, INI) also starts with a bracket: only real JSON counts.
        Some('{') | Some('[') if serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() => {
            return Err(EscoImportError::NotCsv(FileKind::Json))
        }
        _ => {}
    }
    if let Some(line) = unclosed_quote_line(body) {
        return Err(EscoImportError::UnclosedQuote { line });
    }

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(body);
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|h| h.trim().to_owned()).collect(),
        Err(error) => return Err(csv_error(&error, body)),
    };
    let column = |name: &str| headers.iter().position(|h| h == name);
    let missing: Vec<String> = REQUIRED_COLUMNS
        .iter()
        .filter(|c| column(c).is_none())
        .map(|c| (*c).to_owned())
        .collect();
    if !missing.is_empty() {
        if headers.len() <= 1 {
            let first = headers.first().map(String::as_str).unwrap_or_default();
            let kind = if first.contains(';') {
                FileKind::Semicolons
            } else {
                FileKind::PlainText
            };
            return Err(EscoImportError::NotCsv(kind));
        }
        return Err(EscoImportError::MissingColumns { missing });
    }
    let (Some(uri_col), Some(isco_col), Some(label_col), Some(alt_col)) = (
        column("conceptUri"),
        column("iscoGroup"),
        column("preferredLabel"),
        column("altLabels"),
    ) else {
        return Err(EscoImportError::MissingColumns {
            missing: REQUIRED_COLUMNS.iter().map(|c| (*c).to_owned()).collect(),
        });
    };
    let hidden_col = column("hiddenLabels");
    let description_col = column("description");
    let code_col = column("code");

    let mut catalog = EscoCatalog::default();
    let mut seen = std::collections::HashSet::new();
    let mut record = csv::StringRecord::new();
    let mut rows = 0usize;
    let (mut counted_to, mut line_at) = (0usize, 1u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => return Err(csv_error(&error, body)),
        }
        // The reader's own line count is off after CRLF line ends: count physical lines
        // from the record's byte offset instead (incrementally, so this stays linear).
        let mut start = record.position().map_or(counted_to, |p| {
            usize::try_from(p.byte()).unwrap_or(counted_to)
        });
        // After CRLF the reported start is the LF; a record never starts with a line end.
        while body.get(start).is_some_and(|&b| b == b'\r' || b == b'\n') {
            start += 1;
        }
        if start > counted_to {
            line_at += body
                .get(counted_to..start)
                .unwrap_or_default()
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            counted_to = start;
        }
        let line = line_at;
        if record.len() != headers.len() {
            return Err(EscoImportError::RowLength {
                line,
                found: record.len(),
                expected: headers.len(),
            });
        }
        rows += 1;
        if rows.is_multiple_of(PROGRESS_EVERY) {
            progress((start + bom).min(total), total);
        }
        let field = |col: usize| record.get(col).unwrap_or_default().trim();
        let optional = |col: Option<usize>| col.map(field).unwrap_or_default();
        let uri = field(uri_col);
        let label = clean_name(field(label_col));
        let label = label.as_str();
        let isco = field(isco_col);
        let reason = if uri.is_empty() {
            Some(SkipReason::EmptyUri)
        } else if label.is_empty() {
            Some(SkipReason::EmptyLabel)
        } else if !(isco.is_empty()
            || (isco.len() == 4 && isco.bytes().all(|b| b.is_ascii_digit())))
        {
            Some(SkipReason::BadIscoGroup)
        } else if seen.contains(uri) {
            Some(SkipReason::DuplicateUri)
        } else {
            None
        };
        if let Some(reason) = reason {
            catalog.skipped.push(SkippedRow { line, reason });
            continue;
        }
        seen.insert(uri.to_owned());
        catalog.occupations.push(EscoOccupation {
            uri: uri.to_owned(),
            isco: isco.to_owned(),
            label: label.to_owned(),
            alt_labels: split_labels(field(alt_col), label),
            hidden_labels: split_labels(optional(hidden_col), label),
            description: crate::core::text::tidy(optional(description_col)),
            code: optional(code_col).to_owned(),
        });
    }
    progress(total, total);
    if catalog.occupations.is_empty() {
        return Err(match catalog.skipped.examples.first() {
            Some(&first) => EscoImportError::NoValidRows {
                skipped: catalog.skipped.count,
                first,
            },
            None => EscoImportError::NoOccupations,
        });
    }
    Ok(catalog)
}

/// The labels of a multi-line field: one per line, cleaned as names are
/// ([`clean_name`]), without empty lines, repeats or the preferred label itself. Linear in
/// the field: repeats are found with a set, not by comparing with every label kept.
fn split_labels(field: &str, label: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for line in field.lines() {
        let line = clean_name(line);
        if !line.is_empty() && line != label && seen.insert(line.clone()) {
            out.push(line);
        }
    }
    out
}

fn csv_error(error: &csv::Error, body: &[u8]) -> EscoImportError {
    let line = error.position().map_or(0, |p| {
        let end = usize::try_from(p.byte())
            .unwrap_or(usize::MAX)
            .min(body.len());
        1 + body
            .get(..end)
            .unwrap_or_default()
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
    });
    EscoImportError::Csv {
        line,
        message: error.to_string(),
    }
}

/// Recognises files that are clearly not text: ZIP (and so .xlsx), PDF, or anything with NUL
/// bytes near the start.
fn sniff_binary(body: &[u8]) -> Option<FileKind> {
    if body.starts_with(b"PK\x03\x04") || body.starts_with(b"PK\x05\x06") {
        Some(FileKind::Zip)
    } else if body.starts_with(b"%PDF") {
        Some(FileKind::Pdf)
    } else if body.iter().take(8192).any(|&b| b == 0) {
        Some(FileKind::Binary)
    } else {
        None
    }
}

/// The line on which a quoted field opens that the file never closes, read the way the CSV
/// reader reads it: a quote opens a field only at the start of the field, `""` inside a
/// quoted field is a literal quote. (The CSV reader itself would silently take the rest of
/// the file as one field.)
fn unclosed_quote_line(text: &[u8]) -> Option<u64> {
    #[derive(Clone, Copy)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut line = 1u64;
    let mut opened = 1u64;
    for &b in text {
        state = match (state, b) {
            (State::FieldStart, b'"') => {
                opened = line;
                State::Quoted
            }
            (State::FieldStart, b',' | b'\n') => State::FieldStart,
            (State::FieldStart, _) => State::Unquoted,
            (State::Unquoted, b',' | b'\n') => State::FieldStart,
            (State::Unquoted, _) => State::Unquoted,
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::QuoteInQuoted, b',' | b'\n') => State::FieldStart,
            (State::QuoteInQuoted, _) => State::Unquoted,
        };
        if b == b'\n' {
            line += 1;
        }
    }
    matches!(state, State::Quoted).then_some(opened)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_scan() {
        assert_eq!(unclosed_quote_line(b"a,b\n1,\"x\ny\"\n"), None);
        assert_eq!(unclosed_quote_line(b"a,b\n1,\"x \"\"q\"\" y\"\n"), None);
        assert_eq!(unclosed_quote_line(b"a,b\n1,2\n3,\"x\ny"), Some(3));
        assert_eq!(unclosed_quote_line(b"a,b\n1,ab\"c\n"), None);
    }

    #[test]
    fn labels_are_split_and_cleaned() {
        assert_eq!(
            split_labels("kapster\r\n\n kapper \nkapster\nhaarkapper", "kapper"),
            vec!["kapster", "haarkapper"]
        );
        assert_eq!(
            split_labels(
                "kap\u{200B}ster\n\u{202E}\nkapster\n\u{2066}haar  kapper",
                "kapper"
            ),
            vec!["kapster", "haar kapper"]
        );
    }
}
