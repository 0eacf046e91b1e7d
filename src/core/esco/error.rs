//! Why an ESCO file was refused: [`EscoImportError`], with a plain message in Dutch and
//! English, and [`FileKind`], what a refused file looks like instead of CSV.

use std::fmt;

use thiserror::Error;

use crate::core::i18n;
use crate::core::text::Language;

use super::SkippedRow;

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
