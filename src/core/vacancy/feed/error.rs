//! Why a feed, or a record of it, could not be read: [`FeedError`] for the file as a whole
//! (nothing is read), [`RecordProblem`] for a record that is skipped ([`RejectedRecord`],
//! with where it is in the file), [`NoteReason`] for a field left out of a record that is
//! kept ([`RecordNote`]). Each has a message in the user's language from the locale files.

use crate::core::i18n;
use crate::core::text::Language;
use crate::core::vacancy::model::truncate_chars;

/// Where a record sits in the file, for the job seeker or integrator to find it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordPosition {
    /// The n-th record (1-based) of a JSON-LD feed.
    Record(usize),
    /// The line a CSV row starts on (1 is the header).
    Line(u64),
}

impl RecordPosition {
    pub fn describe(self, language: Language) -> String {
        let (key, number) = match self {
            RecordPosition::Record(n) => ("feed.position.record", n.to_string()),
            RecordPosition::Line(n) => ("feed.position.line", n.to_string()),
        };
        i18n::format(language, key, &[("number", &number)])
    }
}

/// Why a record was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordProblem {
    /// An entry of the feed that is not an object (a number, a text…).
    NotAnObject,
    /// An object of another schema.org type where a vacancy was expected.
    NotAJobPosting {
        kind: String,
    },
    MissingTitle,
    /// A field of the wrong kind, e.g. a title that is a number.
    WrongType {
        field: &'static str,
        expected: &'static str,
    },
    /// A CSV value that cannot be read.
    BadValue {
        field: &'static str,
        value: String,
    },
    /// A CSV row with another number of fields than the header.
    FieldCount {
        expected: usize,
        found: usize,
    },
    /// Nested deeper than the importer follows.
    TooDeep,
    /// A number too large for any reader (`1e309`), as written in the record.
    NumberTooLarge {
        number: String,
    },
    /// A value that may not be negative (hours), as written.
    Negative {
        field: &'static str,
        value: String,
    },
}

impl RecordProblem {
    pub fn message(&self, language: Language) -> String {
        match self {
            RecordProblem::NotAnObject => {
                i18n::text(language, "feed.problem.not_an_object").to_owned()
            }
            RecordProblem::NotAJobPosting { kind } => i18n::format(
                language,
                "feed.problem.not_a_job_posting",
                &[("kind", kind)],
            ),
            RecordProblem::MissingTitle => {
                i18n::text(language, "feed.problem.missing_title").to_owned()
            }
            RecordProblem::WrongType { field, expected } => i18n::format(
                language,
                "feed.problem.wrong_type",
                &[
                    ("field", field),
                    ("expected", i18n::text(language, expected_key(expected))),
                ],
            ),
            RecordProblem::BadValue { field, value } => i18n::format(
                language,
                "feed.problem.bad_value",
                &[("field", field), ("value", value)],
            ),
            RecordProblem::FieldCount { expected, found } => i18n::format(
                language,
                "feed.problem.field_count",
                &[
                    ("found", &found.to_string()),
                    ("expected", &expected.to_string()),
                ],
            ),
            RecordProblem::TooDeep => i18n::text(language, "feed.problem.too_deep").to_owned(),
            RecordProblem::NumberTooLarge { number } => i18n::format(
                language,
                "feed.problem.number_too_large",
                &[("number", number)],
            ),
            RecordProblem::Negative { field, value } => i18n::format(
                language,
                "feed.problem.negative",
                &[("field", field), ("value", value)],
            ),
        }
    }
}

/// The locale key of the kind of value a field should hold ([`RecordProblem::WrongType`]).
fn expected_key(expected: &str) -> &'static str {
    match expected {
        "a text" => "feed.expected.text",
        "a number" => "feed.expected.number",
        "an object" => "feed.expected.object",
        "a date" => "feed.expected.date",
        _ => "feed.expected.other",
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedRecord {
    pub position: RecordPosition,
    /// The record's title when it had a readable one.
    pub title: Option<String>,
    pub problem: RecordProblem,
}

impl RejectedRecord {
    pub fn message(&self, language: Language) -> String {
        let title = self
            .title
            .as_deref()
            .map(|t| format!(" ({})", truncate_chars(t, 60)))
            .unwrap_or_default();
        format!(
            "{}{title}: {}",
            self.position.describe(language),
            self.problem.message(language)
        )
    }
}

/// A field that was left out of a kept record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordNote {
    pub position: RecordPosition,
    pub field: &'static str,
    pub value: String,
    /// Why it was left out.
    pub reason: NoteReason,
}

/// Why a field was left out of a kept record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteReason {
    /// Not a value of the kind the field holds.
    Unreadable,
    /// A negative number where only positive ones make sense (hours).
    Negative,
}

impl RecordNote {
    pub fn message(&self, language: Language) -> String {
        let key = match self.reason {
            NoteReason::Negative => "feed.note.negative",
            NoteReason::Unreadable => "feed.note.unreadable",
        };
        i18n::format(
            language,
            key,
            &[
                ("position", &self.position.describe(language)),
                ("field", self.field),
                ("value", &self.value),
            ],
        )
    }
}

/// Why a feed could not be read at all. `Display` is English, for logs;
/// [`FeedError::message`] gives the plain message in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    #[error("the feed is empty")]
    Empty,
    #[error("the feed is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    /// Not UTF-8 text; `offset` is the first bad byte.
    #[error("the feed is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { offset: usize },
    /// It starts like JSON but is broken (cut off, a missing comma…).
    #[error("the feed is broken JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("the feed is nested too deeply")]
    TooDeep,
    /// JSON or HTML without any JobPosting in it.
    #[error("the feed has no JobPosting")]
    NoJobPostings,
    /// CSV whose header has no title column.
    #[error("the CSV header has no title column")]
    NoTitleColumn,
    /// CSV that cannot be read from this line on (a quote never closed, say).
    #[error("the CSV cannot be read from line {line} on")]
    CsvBroken { line: u64 },
    /// Neither JSON, HTML with JSON-LD, nor CSV with a header row.
    #[error("the feed is neither JSON-LD, HTML with JSON-LD, nor CSV with a header row")]
    UnknownFormat,
    #[error("the feed has more than {limit} records")]
    TooManyRecords { limit: usize },
}

impl FeedError {
    /// A plain message for the job seeker or integrator, in their language.
    pub fn message(&self, language: Language) -> String {
        let help = i18n::text(language, "feed.help");
        let mb = |b: usize| b.div_ceil(1024 * 1024).to_string();
        match self {
            FeedError::Empty => i18n::format(language, "feed.error.empty", &[("help", help)]),
            FeedError::TooLarge { size, limit } => i18n::format(
                language,
                "feed.error.too_large",
                &[("size", &mb(*size)), ("limit", &mb(*limit))],
            ),
            FeedError::NotUtf8 { offset } => i18n::format(
                language,
                "feed.error.not_utf8",
                &[("offset", &offset.to_string()), ("help", help)],
            ),
            FeedError::NotJson { line, column } => i18n::format(
                language,
                "feed.error.not_json",
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
            FeedError::TooDeep => i18n::text(language, "feed.error.too_deep").to_owned(),
            FeedError::NoJobPostings => {
                i18n::format(language, "feed.error.no_job_postings", &[("help", help)])
            }
            FeedError::NoTitleColumn => {
                i18n::text(language, "feed.error.no_title_column").to_owned()
            }
            FeedError::CsvBroken { line } => i18n::format(
                language,
                "feed.error.csv_broken",
                &[("line", &line.to_string())],
            ),
            FeedError::UnknownFormat => {
                i18n::format(language, "feed.error.unknown_format", &[("help", help)])
            }
            FeedError::TooManyRecords { limit } => i18n::format(
                language,
                "feed.error.too_many_records",
                &[("limit", &limit.to_string())],
            ),
        }
    }
}
