//! Importing a vacancy feed: the shared part of the JSON-LD and CSV importers.
//!
//! [`import_feed`] reads bytes of any kind and decides what they are: a JSON document
//! (schema.org `JobPosting` — a single object, an array, or an `@graph`), an HTML page with
//! `<script type="application/ld+json">` blocks (how job sites publish them), or CSV with a
//! header row. A file that is unusable as a whole gets one [`FeedError`]; inside a usable
//! file every record is either kept as a [`Vacancy`] or listed in
//! [`FeedImport::rejected`] with a [`RecordProblem`]. A field that a record has but that
//! cannot be read (a date that is no date, a salary that is no number) is left out and
//! noted ([`FeedImport::notes`]); the record itself is kept. [`FeedReader`] reads the same
//! way a number of records at a time, for a browser that must paint between steps.
//!
//! Limits: [`MAX_FEED_BYTES`] and [`MAX_RECORDS`]; nesting deeper than serde_json's
//! recursion limit (128) is refused, not followed. Nothing here panics, whatever the bytes
//! (proptests in `tests/vacancy_import.rs`, fuzz target `fuzz_targets/jobposting.rs`).

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};

use time::Date;

use crate::core::i18n;
use crate::core::place::GeoPoint;
use crate::core::text::Language;
use crate::core::vocab::{EducationLevel, PhysicalDemand};

use super::link::Linker;
use super::model::*;
use super::{csv_feed, jsonld};

/// The largest feed read: 256 MiB (a 100,000-vacancy JSON-LD feed is about 150 MB).
pub const MAX_FEED_BYTES: usize = 256 * 1024 * 1024;
/// The most records read from one feed.
pub const MAX_RECORDS: usize = 1_000_000;
/// How many rejected records and notes are kept with their reason (all are counted).
pub const MAX_EXAMPLES: usize = 200;

const BOM: &str = "\u{FEFF}";

/// What kind of file it turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    JsonLd,
    /// An HTML page with JSON-LD blocks.
    HtmlJsonLd,
    Csv,
}

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

/// The result of reading a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedImport {
    pub format: FeedFormat,
    pub vacancies: Vec<Vacancy>,
    /// How many records were rejected; the first [`MAX_EXAMPLES`] are in `rejected`.
    pub rejected_count: usize,
    pub rejected: Vec<RejectedRecord>,
    pub notes_count: usize,
    pub notes: Vec<RecordNote>,
    /// Other schema.org nodes of an `@graph` (Organization, WebPage…), which are normal.
    pub other_nodes: usize,
    /// Kept vacancies whose occupation could not be linked to the catalogue (they match on
    /// what they say themselves only).
    pub unlinked: usize,
    /// Kept vacancies whose place could not be found (distance is not checked for them).
    pub unlocated: usize,
}

impl FeedImport {
    pub(crate) fn new(format: FeedFormat) -> Self {
        Self {
            format,
            vacancies: Vec::new(),
            rejected_count: 0,
            rejected: Vec::new(),
            notes_count: 0,
            notes: Vec::new(),
            other_nodes: 0,
            unlinked: 0,
            unlocated: 0,
        }
    }

    pub(crate) fn reject(&mut self, record: RejectedRecord) {
        self.rejected_count += 1;
        if self.rejected.len() < MAX_EXAMPLES {
            self.rejected.push(record);
        }
    }

    pub(crate) fn note(&mut self, position: RecordPosition, field: &'static str, value: &str) {
        self.note_why(position, field, value, NoteReason::Unreadable);
    }

    pub(crate) fn note_why(
        &mut self,
        position: RecordPosition,
        field: &'static str,
        value: &str,
        reason: NoteReason,
    ) {
        self.notes_count += 1;
        if self.notes.len() < MAX_EXAMPLES {
            self.notes.push(RecordNote {
                position,
                field,
                value: truncate_chars(value, 60),
                reason,
            });
        }
    }

    /// How many records the feed held in all (kept and rejected).
    pub fn records(&self) -> usize {
        self.vacancies.len() + self.rejected_count
    }

    /// One line for the job seeker: how many were read, how many were left out.
    pub fn summary(&self, language: Language) -> String {
        let kept = self.vacancies.len();
        if self.rejected_count > 0 {
            let skipped = self.rejected_count.to_string();
            i18n::plural(
                language,
                "feed.summary_skipped",
                kept,
                &[("skipped", &skipped)],
            )
        } else {
            i18n::plural(language, "feed.summary", kept, &[])
        }
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

/// Reads a vacancy feed of any supported kind, all at once. A record without a closing date
/// gets none (never an invented one).
pub fn import_feed(bytes: &[u8], linker: &Linker<'_>) -> Result<FeedImport, FeedError> {
    let mut reader = FeedReader::new(bytes)?;
    while !reader.step(linker, usize::MAX)? {}
    Ok(reader.finish())
}

/// A feed read a number of records at a time, so that a browser can paint (a progress bar)
/// between the steps of a large feed. [`import_feed`] is this reader in one step: the result
/// is the same however the steps are cut.
///
/// [`FeedReader::new`] decides the format and checks the file as a whole (size, UTF-8,
/// nesting, JSON syntax, the CSV header), so every error about the file as a whole comes
/// from it, except a CSV row that breaks the CSV syntax (found by the step that reaches it).
pub struct FeedReader<'a> {
    text: Cow<'a, str>,
    plan: Plan,
    report: FeedImport,
    ids: IdPool,
    position: usize,
}

enum Plan {
    Json(jsonld::JsonPlan),
    Csv(csv_feed::CsvPlan),
}

impl<'a> FeedReader<'a> {
    /// Reads the file as a whole; the records come with [`FeedReader::step`].
    pub fn new(bytes: impl Into<Cow<'a, [u8]>>) -> Result<Self, FeedError> {
        let bytes = bytes.into();
        if bytes.len() > MAX_FEED_BYTES {
            return Err(FeedError::TooLarge {
                size: bytes.len(),
                limit: MAX_FEED_BYTES,
            });
        }
        let text: Cow<'a, str> = match bytes {
            Cow::Borrowed(bytes) => {
                Cow::Borrowed(std::str::from_utf8(bytes).map_err(|e| FeedError::NotUtf8 {
                    offset: e.valid_up_to(),
                })?)
            }
            Cow::Owned(bytes) => {
                Cow::Owned(String::from_utf8(bytes).map_err(|e| FeedError::NotUtf8 {
                    offset: e.utf8_error().valid_up_to(),
                })?)
            }
        };
        let after_bom = if text.starts_with(BOM) { BOM.len() } else { 0 };
        let content = &text[after_bom..];
        let start = content.trim_start();
        if start.is_empty() {
            return Err(FeedError::Empty);
        }
        let json_at = text.len() - start.len();
        let (format, plan) = match start.as_bytes()[0] {
            b'{' | b'[' => (
                FeedFormat::JsonLd,
                Plan::Json(jsonld::JsonPlan::of_json(&text, json_at)?),
            ),
            b'<' => (
                FeedFormat::HtmlJsonLd,
                Plan::Json(jsonld::JsonPlan::of_html(&text, json_at)?),
            ),
            _ => (
                FeedFormat::Csv,
                Plan::Csv(csv_feed::CsvPlan::new(&text, after_bom)?),
            ),
        };
        let mut report = FeedImport::new(format);
        if let Plan::Json(plan) = &plan {
            report.other_nodes = plan.other_nodes();
            if plan.total() == 0 {
                return Err(FeedError::NoJobPostings);
            }
        }
        Ok(Self {
            text,
            plan,
            report,
            ids: IdPool::default(),
            position: 0,
        })
    }

    /// Reads up to `records` more records; `true` when the feed has been read to its end.
    pub fn step(&mut self, linker: &Linker<'_>, records: usize) -> Result<bool, FeedError> {
        let mut records_of = Records {
            linker,
            report: &mut self.report,
            ids: &mut self.ids,
            position: &mut self.position,
        };
        match &mut self.plan {
            Plan::Json(plan) => Ok(plan.step(&self.text, &mut records_of, records)),
            Plan::Csv(plan) => plan.step(&self.text, &mut records_of, records),
        }
    }

    /// How far the reading is, from 0 to 1 (by records for JSON-LD, by bytes for CSV).
    pub fn progress(&self) -> f64 {
        let (done, total) = match &self.plan {
            Plan::Json(plan) => (plan.done(), plan.total()),
            Plan::Csv(plan) => (plan.done(), self.text.len()),
        };
        if total == 0 {
            1.0
        } else {
            done as f64 / total as f64
        }
    }

    /// What was read. Call it after the last step; earlier it gives what was read so far.
    pub fn finish(self) -> FeedImport {
        self.report
    }
}

/// What the format readers need to turn records into vacancies: shared by both.
pub(crate) struct Records<'r, 'l> {
    pub linker: &'r Linker<'l>,
    pub report: &'r mut FeedImport,
    pub ids: &'r mut IdPool,
    /// The number of the last record read, counting from 1.
    pub position: &'r mut usize,
}

impl Records<'_, '_> {
    /// Keeps a record that could be read, linked and with a unique id.
    pub fn keep(&mut self, draft: Draft) {
        let vacancy = draft.finish(self.linker, self.ids, *self.position, self.report);
        self.report.vacancies.push(vacancy);
    }
}

/// A record as read from a feed, before linking.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft {
    pub id: Option<String>,
    pub title: String,
    pub employer: String,
    pub place: Option<String>,
    pub postcode: Option<String>,
    pub coordinates: Option<GeoPoint>,
    pub hours: Option<HoursRange>,
    pub contract: Option<ContractKind>,
    /// schema.org FULL_TIME / PART_TIME: a hint for hours when none are given.
    pub full_time: Option<bool>,
    pub occupation_id: Option<String>,
    pub isco: Option<String>,
    pub esco_uri: Option<String>,
    pub education: Option<EducationLevel>,
    pub competences: Vec<CompetenceDemand>,
    pub language: Option<LanguageLevel>,
    pub driving_licence: Option<bool>,
    pub physical: Option<PhysicalDemand>,
    pub posted: Option<Date>,
    pub start_date: Option<Date>,
    pub closing_date: Option<Date>,
    pub description: String,
    pub experience: Option<String>,
    pub support: BTreeSet<EmployerSupport>,
    pub salary: Option<Salary>,
    pub url: Option<String>,
}

/// Ids already given out in one import, so that every vacancy's id is unique.
#[derive(Default)]
pub(crate) struct IdPool {
    used: HashSet<String>,
    /// For an id wanted more than once: the next number to try after it. Without it the
    /// n-th repeat of one id would try every number before its own (quadratic in repeats).
    next: HashMap<String, usize>,
}

impl IdPool {
    /// A unique id from the feed's identifier, made safe for an address: letters, digits,
    /// `-` and `_` only (a dot would make a static server take the page for a file).
    fn take(&mut self, wanted: Option<&str>, position: usize) -> String {
        let base = wanted
            .map(|w| {
                let safe: String = w
                    .trim()
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '_' {
                            c
                        } else {
                            '-'
                        }
                    })
                    .collect();
                let mut collapsed = String::with_capacity(safe.len());
                for c in safe.chars() {
                    if !(c == '-' && collapsed.ends_with('-')) {
                        collapsed.push(c);
                    }
                }
                truncate_chars(collapsed.trim_matches('-'), 100)
            })
            .filter(|w| !w.is_empty())
            .unwrap_or_else(|| format!("import-{position}"));
        if self.used.insert(base.clone()) {
            return base;
        }
        let next = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{next}");
            *next += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

impl Draft {
    /// Links the draft to the catalogue and the places table and makes it a vacancy.
    pub(crate) fn finish(
        self,
        linker: &Linker<'_>,
        ids: &mut IdPool,
        position: usize,
        report: &mut FeedImport,
    ) -> Vacancy {
        let title = truncate_chars(&self.title, MAX_SHORT_TEXT);
        let description = truncate_chars(&self.description, MAX_DESCRIPTION);
        let (occupation, link) = linker.occupation(
            self.occupation_id.as_deref(),
            self.isco.as_deref(),
            self.esco_uri.as_deref(),
            &title,
        );
        if occupation.is_none() {
            report.unlinked += 1;
        }
        let whereabouts = linker.locate(
            self.postcode.as_deref(),
            self.place.as_deref(),
            self.coordinates,
        );
        if whereabouts.is_none() {
            report.unlocated += 1;
        }
        let all_text = format!("{title}\n{description}");
        let contract = self
            .contract
            .or_else(|| infer_contract(&title, &description))
            .unwrap_or(ContractKind::Regular);
        let hours = self.hours.or(match self.full_time {
            Some(true) => HoursRange::new(36, 40),
            Some(false) => None,
            None => None,
        });
        let mut competences = self.competences;
        competences.truncate(MAX_DEMANDS);
        Vacancy {
            id: ids.take(self.id.as_deref(), position),
            title,
            employer: truncate_chars(self.employer.trim(), MAX_SHORT_TEXT),
            place: whereabouts
                .as_ref()
                .map(|w| w.place.clone())
                .or(self.place)
                .map(|p| truncate_chars(&p, MAX_SHORT_TEXT))
                .filter(|p| !p.is_empty()),
            postcode: whereabouts.as_ref().and_then(|w| w.postcode.clone()),
            location: whereabouts.map(|w| w.point),
            hours,
            contract,
            sector: occupation.map(|o| o.sector),
            occupation: link,
            education: self.education,
            competences,
            language: self.language.or_else(|| detect_language_level(&all_text)),
            driving_licence: self
                .driving_licence
                .unwrap_or_else(|| mentions_driving_licence(&all_text)),
            physical: self.physical,
            posted: self.posted,
            start_date: self.start_date,
            closing_date: self.closing_date,
            description,
            experience: self
                .experience
                .map(|e| truncate_chars(e.trim(), 2_000))
                .filter(|e| !e.is_empty()),
            support: self.support,
            salary: self.salary,
            url: self
                .url
                .map(|u| truncate_chars(u.trim(), 2_000))
                .filter(|u| !u.is_empty()),
        }
    }
}

// -----------------------------------------------------------------------------------------
// Reading values that feeds write in words.

/// Lowercase with diacritics folded, for keyword tests.
fn fold(text: &str) -> String {
    crate::core::search::normalize::normalize(text)
}

/// The contract kind a vacancy's words name, if any: BBL, temp agency, internship… The
/// title counts every such word; the description only the unambiguous ones (a regular job's
/// text may well mention "vrijwilligers" or "stagiairs" it works with).
pub fn infer_contract(title: &str, description: &str) -> Option<ContractKind> {
    const TEXT_WORDS: [&str; 8] = [
        "bbl",
        "leren en werken",
        "leerwerk",
        "werkervaringsplaats",
        "proefplaatsing",
        "vrijwilligerswerk",
        "stageplaats",
        "uitzend",
    ];
    let in_title = fold(title);
    // Folding is the expensive part of an import: only a text that may say it is folded.
    let lower = description.to_lowercase();
    let in_text = if TEXT_WORDS.iter().any(|w| lower.contains(w)) {
        fold(description)
    } else {
        String::new()
    };
    let has = |words: &str, needle: &str| {
        words
            .split(' ')
            .any(|w| w == needle || (needle.len() > 5 && w.starts_with(needle)))
    };
    let title_has = |needle: &str| has(&in_title, needle);
    let anywhere = |needle: &str| title_has(needle) || has(&in_text, needle);
    if anywhere("bbl")
        || in_title.contains("leren en werken")
        || in_text.contains("leren en werken")
        || anywhere("leerwerkplek")
        || anywhere("leerwerktraject")
    {
        Some(ContractKind::Bbl)
    } else if anywhere("werkervaringsplaats") {
        Some(ContractKind::WorkExperience)
    } else if anywhere("proefplaatsing") {
        Some(ContractKind::TrialPlacement)
    } else if title_has("vrijwilliger")
        || anywhere("vrijwilligerswerk")
        || title_has("vrijwilligers")
    {
        Some(ContractKind::Volunteering)
    } else if title_has("stage")
        || title_has("stagiair")
        || title_has("stagiaire")
        || anywhere("stageplaats")
    {
        Some(ContractKind::Internship)
    } else if title_has("uitzendbureau")
        || title_has("uitzendwerk")
        || in_text.contains("via een uitzendbureau")
        || anywhere("uitzendbasis")
    {
        Some(ContractKind::TempAgency)
    } else {
        None
    }
}

/// Whether the text asks for a driving licence: a sentence that names one ("Je hebt
/// rijbewijs B.") and does not make it optional or something you get on the job ("Rijbewijs
/// is handig maar niet nodig.", "Je haalt je rijbewijs tijdens de opleiding.").
pub fn mentions_driving_licence(text: &str) -> bool {
    const NOT_ASKED: [&str; 14] = [
        "geen",
        "niet nodig",
        "niet verplicht",
        "handig",
        "pre",
        "een plus",
        "haal",
        "halen",
        "betalen",
        "betaal",
        "krijg",
        "tijdens de opleiding",
        "not required",
        "optional",
    ];
    text.split(['.', '!', '?', '\n', ';'])
        .filter(|sentence| {
            let lower = sentence.to_lowercase();
            lower.contains("rijbewijs") || lower.contains("licen")
        })
        .map(fold)
        .filter(|sentence| {
            sentence.contains("rijbewijs")
                || sentence.contains("driving licence")
                || sentence.contains("drivers license")
        })
        .any(|sentence| {
            let words = format!(" {sentence} ");
            !NOT_ASKED.iter().any(|n| words.contains(&format!(" {n}")))
        })
}

/// A Dutch level named in the text: "Nederlands op B1-niveau", "taalniveau 2F" is not read.
pub fn detect_language_level(text: &str) -> Option<LanguageLevel> {
    const CODES: [&str; 5] = ["a1", "a2", "b1", "b2", "c1"];
    // Only the sentences that name a level are folded and read.
    text.split(['.', '!', '?', '\n', ';'])
        .filter(|sentence| {
            let lower = sentence.to_lowercase();
            CODES.iter().any(|c| lower.contains(c))
        })
        .find_map(|sentence| {
            let words = fold(sentence);
            let tokens: Vec<&str> = words.split(' ').collect();
            tokens.iter().enumerate().find_map(|(i, token)| {
                let level = LanguageLevel::from_code(token)?;
                let near = tokens[i.saturating_sub(6)..(i + 6).min(tokens.len())]
                    .iter()
                    .any(|t| t.starts_with("nederlands") || *t == "taalniveau" || *t == "dutch");
                near.then_some(level)
            })
        })
}

/// Hours per week written in words: "32", "24-32", "24 tot 32 uur", "32 – 40 uur per week",
/// "40 hours". `None` when it names no plausible hours.
pub fn parse_hours_text(text: &str) -> Option<HoursRange> {
    if is_negative_number(text) {
        return None;
    }
    let numbers: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty() && n.len() <= 3)
        .filter_map(|n| n.parse().ok())
        .collect();
    let (min, max) = match numbers.as_slice() {
        [one] => (*one, *one),
        [a, b, ..] => (*a.min(b), *a.max(b)),
        [] => return None,
    };
    let min = u8::try_from(min).ok()?;
    let max = u8::try_from(max).ok()?;
    HoursRange::new(min, max)
}

/// Whether a text is a negative number ("-32", "− 8"): a minus sign before the first digit
/// (a dash between two numbers, "24-32", is a range).
pub fn is_negative_number(text: &str) -> bool {
    text.trim_start()
        .strip_prefix(['-', '−'])
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// An education level written in words: "mbo 2", "MBO niveau 3", "vmbo-tl", "hbo",
/// "havo of vwo", schema.org credential categories ("high school", "bachelor degree"…).
pub fn parse_education_text(text: &str) -> Option<EducationLevel> {
    let words = fold(text);
    let tokens: Vec<&str> = words.split(' ').collect();
    let has = |w: &str| tokens.contains(&w);
    for (i, token) in tokens.iter().enumerate() {
        let mbo_level = if let Some(rest) = token.strip_prefix("mbo") {
            let next = if rest.is_empty() {
                tokens
                    .get(i + 1)
                    .filter(|n| **n == "niveau")
                    .and_then(|_| tokens.get(i + 2))
                    .or_else(|| tokens.get(i + 1))
                    .copied()
            } else {
                Some(rest)
            };
            Some(next.and_then(|n| n.parse::<u8>().ok()))
        } else {
            None
        };
        match mbo_level {
            Some(Some(1)) => return Some(EducationLevel::Mbo1),
            Some(Some(2)) => return Some(EducationLevel::Mbo2),
            Some(Some(3)) => return Some(EducationLevel::Mbo3),
            Some(Some(4)) => return Some(EducationLevel::Mbo4),
            Some(_) => return Some(EducationLevel::Mbo2),
            None => {}
        }
    }
    if has("wo")
        || words.contains("master")
        || words.contains("universit")
        || words.contains("postgraduate")
    {
        Some(EducationLevel::Wo)
    } else if has("hbo") || words.contains("bachelor") || words.contains("associate degree") {
        Some(EducationLevel::Hbo)
    } else if has("havo") || has("vwo") || words.contains("high school") {
        Some(EducationLevel::HavoVwo)
    } else if tokens.iter().any(|t| t.starts_with("vmbo")) || has("mavo") {
        Some(EducationLevel::Vmbo)
    } else if words.contains("professional certificate") {
        Some(EducationLevel::Mbo2)
    } else if has("none")
        || words.contains("geen diploma")
        || words.contains("geen opleiding")
        || words.contains("no diploma")
    {
        Some(EducationLevel::None)
    } else {
        None
    }
}

/// A contract kind named in a CSV cell: the app's own names, schema.org employment types,
/// or Dutch words.
pub fn parse_contract_text(text: &str) -> Option<ContractKind> {
    let folded = fold(text).replace(' ', "_");
    let direct = match folded.as_str() {
        "regular" | "vast" | "baan" | "full_time" | "part_time" | "fulltime" | "parttime"
        | "vaste_baan" | "regulier" => Some(ContractKind::Regular),
        "temporary" | "tijdelijk" | "contractor" | "jaarcontract" => Some(ContractKind::Temporary),
        "temp_agency" | "uitzend" | "uitzendwerk" | "uitzendbureau" => {
            Some(ContractKind::TempAgency)
        }
        "bbl" | "leren_en_werken" | "leerwerkplek" => Some(ContractKind::Bbl),
        "internship" | "intern" | "stage" => Some(ContractKind::Internship),
        "work_experience" | "werkervaringsplaats" => Some(ContractKind::WorkExperience),
        "trial_placement" | "proefplaatsing" => Some(ContractKind::TrialPlacement),
        "volunteering" | "volunteer" | "vrijwilligerswerk" | "vrijwillig" => {
            Some(ContractKind::Volunteering)
        }
        _ => None,
    };
    direct.or_else(|| infer_contract(text, ""))
}

/// A date written as `YYYY-MM-DD`, optionally followed by a time (`2026-11-30T09:00:00Z`),
/// or Dutch style `30-11-2026`.
pub fn parse_date_text(text: &str) -> Option<Date> {
    let text = text.trim();
    let date_part = text.get(..10).unwrap_or(text);
    let parts: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (*y, *m, *d),
        [d, m, y] if y.len() == 4 => (*y, *m, *d),
        _ => return None,
    };
    let year: i32 = year.parse().ok()?;
    let month: u8 = month.parse().ok()?;
    let day: u8 = day.parse().ok()?;
    if !(1900..=2200).contains(&year) {
        return None;
    }
    let month = time::Month::try_from(month).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// A physical demand in words.
pub fn parse_physical_text(text: &str) -> Option<PhysicalDemand> {
    match fold(text).as_str() {
        "light" | "licht" => Some(PhysicalDemand::Light),
        "medium" | "gemiddeld" | "middel" => Some(PhysicalDemand::Medium),
        "heavy" | "zwaar" => Some(PhysicalDemand::Heavy),
        _ => None,
    }
}

/// An employer support in words.
pub fn parse_support_text(text: &str) -> Option<EmployerSupport> {
    match fold(text).replace(' ', "_").as_str() {
        "job_coach" | "jobcoach" => Some(EmployerSupport::JobCoach),
        "wage_subsidy" | "loonkostensubsidie" | "loonsubsidie" => {
            Some(EmployerSupport::WageSubsidy)
        }
        "training" | "opleiding" | "cursus" => Some(EmployerSupport::Training),
        _ => None,
    }
}

/// Yes/no in words ("ja", "nee", "true", "1", "B" for a driving licence column).
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match fold(text).as_str() {
        "ja" | "yes" | "true" | "1" | "j" | "y" | "b" | "rijbewijs b" | "verplicht" => Some(true),
        "nee" | "no" | "false" | "0" | "n" | "" | "geen" | "niet nodig" => Some(false),
        _ => None,
    }
}

/// Euros ("14,40", "14.40", "€ 2.300", "2300") to cents, within a plausible range.
pub fn parse_euros(text: &str) -> Option<u32> {
    let cleaned: String = text
        .trim()
        .trim_start_matches('€')
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    // "2.300" and "2,300,50" style thousands; a last separator followed by two digits is cents.
    let (whole, cents) = match cleaned.rfind([',', '.']) {
        Some(i) if cleaned.len() - i - 1 == 2 => (&cleaned[..i], &cleaned[i + 1..]),
        _ => (cleaned.as_str(), "0"),
    };
    let whole: String = whole.chars().filter(|c| *c != '.' && *c != ',').collect();
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    let cents: u64 = cents.parse().ok()?;
    let total = whole.checked_mul(100)?.checked_add(cents)?;
    (total > 0 && total <= 100_000_000).then_some(total as u32)
}

/// A salary unit in words.
pub fn parse_salary_unit(text: &str) -> Option<SalaryUnit> {
    match fold(text).as_str() {
        "hour" | "uur" | "per uur" | "hourly" => Some(SalaryUnit::Hour),
        "week" | "per week" => Some(SalaryUnit::Week),
        "month" | "maand" | "per maand" | "monthly" => Some(SalaryUnit::Month),
        "year" | "jaar" | "per jaar" | "yearly" | "annual" => Some(SalaryUnit::Year),
        _ => None,
    }
}

/// A four-digit ISCO-08 group in text such as "8344", "ISCO-08 8344", "8344 Forklift drivers".
pub fn parse_isco(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|n| n.len() == 4 && *n != "2008")
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hundred_thousand_repeats_of_one_id() {
        // Complexity guard: trying every number before its own made the n-th repeat cost n
        // tries, 4.5 × 10^10 in all here (hours); now a fraction of a second (limit a minute).
        let mut pool = IdPool::default();
        let started = std::time::Instant::now();
        let last = (1..=300_000).fold(String::new(), |_, i| pool.take(Some("x"), i));
        assert!(started.elapsed() < std::time::Duration::from_secs(60));
        assert_eq!(last, "x-300000");
        assert_eq!(
            pool.take(Some("x-2"), 0),
            "x-2-2",
            "a taken id is never given twice"
        );
        assert_eq!(pool.take(None, 7), "import-7");
    }

    #[test]
    fn negative_hours_are_no_hours() {
        assert!(is_negative_number("-32") && is_negative_number(" − 8 uur"));
        assert!(!is_negative_number("24-32") && !is_negative_number("32"));
        assert_eq!(parse_hours_text("-32"), None);
        assert_eq!(parse_hours_text("-24-32"), None);
        assert!(parse_hours_text("24-32").is_some());
    }

    #[test]
    fn hours_in_words() {
        assert_eq!(parse_hours_text("24-32 uur"), HoursRange::new(24, 32));
        assert_eq!(
            parse_hours_text("32 – 40 uur per week"),
            HoursRange::new(32, 40)
        );
        assert_eq!(parse_hours_text("40 hours"), HoursRange::new(40, 40));
        assert_eq!(parse_hours_text("tot 38"), HoursRange::new(38, 38));
        assert_eq!(parse_hours_text("veel"), None);
        assert_eq!(parse_hours_text("0"), None);
        assert_eq!(parse_hours_text("9999999"), None);
    }

    #[test]
    fn education_in_words() {
        assert_eq!(
            parse_education_text("MBO niveau 2"),
            Some(EducationLevel::Mbo2)
        );
        assert_eq!(parse_education_text("mbo3"), Some(EducationLevel::Mbo3));
        assert_eq!(
            parse_education_text("Minimaal mbo 4 diploma"),
            Some(EducationLevel::Mbo4)
        );
        assert_eq!(parse_education_text("vmbo-tl"), Some(EducationLevel::Vmbo));
        assert_eq!(
            parse_education_text("hbo werk- en denkniveau"),
            Some(EducationLevel::Hbo)
        );
        assert_eq!(
            parse_education_text("high school"),
            Some(EducationLevel::HavoVwo)
        );
        assert_eq!(
            parse_education_text("bachelor degree"),
            Some(EducationLevel::Hbo)
        );
        assert_eq!(
            parse_education_text("geen diploma nodig"),
            Some(EducationLevel::None)
        );
        assert_eq!(parse_education_text("enthousiasme"), None);
    }

    #[test]
    fn contract_from_words() {
        assert_eq!(
            infer_contract("Leerling verzorgende IG (BBL)", ""),
            Some(ContractKind::Bbl)
        );
        assert_eq!(
            infer_contract("Kok", "Je werkt via een uitzendbureau."),
            Some(ContractKind::TempAgency)
        );
        assert_eq!(
            infer_contract("Vrijwilliger kringloop", ""),
            Some(ContractKind::Volunteering)
        );
        assert_eq!(infer_contract("Kok", ""), None);
        assert_eq!(
            infer_contract(
                "Activiteitenbegeleider",
                "Je werkt samen met vrijwilligers en stagiairs."
            ),
            None,
            "a regular job that mentions volunteers"
        );
        assert_eq!(
            parse_contract_text("TEMPORARY"),
            Some(ContractKind::Temporary)
        );
        assert_eq!(
            parse_contract_text("werkervaringsplaats"),
            Some(ContractKind::WorkExperience)
        );
    }

    #[test]
    fn dates_in_words() {
        let date = Date::from_calendar_date(2026, time::Month::November, 30).ok();
        assert_eq!(parse_date_text("2026-11-30"), date);
        assert_eq!(parse_date_text("2026-11-30T09:00:00+01:00"), date);
        assert_eq!(parse_date_text("30-11-2026"), date);
        assert_eq!(parse_date_text("2026-02-30"), None);
        assert_eq!(parse_date_text("morgen"), None);
    }

    #[test]
    fn euros_in_words() {
        assert_eq!(parse_euros("14,40"), Some(1440));
        assert_eq!(parse_euros("€ 2.300"), Some(230_000));
        assert_eq!(parse_euros("2300.50"), Some(230_050));
        assert_eq!(parse_euros("veel"), None);
        assert_eq!(parse_euros("99999999999999999999"), None);
    }

    #[test]
    fn language_and_licence_in_text() {
        assert_eq!(
            detect_language_level("Je spreekt Nederlands op B1-niveau."),
            Some(LanguageLevel::B1)
        );
        assert_eq!(detect_language_level("Vitamine B1"), None);
        assert!(mentions_driving_licence("Je hebt rijbewijs B."));
        assert!(mentions_driving_licence(
            "Lekker werk. Je hebt een rijbewijs B en rijervaring!"
        ));
        assert!(!mentions_driving_licence("Je komt op de fiets."));
        assert!(!mentions_driving_licence(
            "Rijbewijs B is handig maar niet nodig."
        ));
        assert!(!mentions_driving_licence(
            "Je haalt je rijbewijs tijdens de opleiding."
        ));
        assert!(!mentions_driving_licence(
            "Je hebt geen diploma of rijbewijs nodig."
        ));
    }

    #[test]
    fn isco_in_text() {
        assert_eq!(parse_isco("ISCO-08 8344"), Some("8344".to_owned()));
        assert_eq!(parse_isco("8344 Forklift drivers"), Some("8344".to_owned()));
        assert_eq!(parse_isco("83"), None);
    }
}
