//! The activity log (sollicitatieactiviteiten): what the job seeker did to find work, with
//! its outcome, counted per week and per four weeks against a target. It is how obligations
//! are shown without extra checks (DOMAIN.md "Work First"), and the job seeker's own record.
//!
//! Which kinds count towards the target: applications, open applications, network
//! contacts and signing up with a temp agency. Interviews (they follow an application) and
//! courses are kept and shown but not counted, so nothing is counted twice.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::{Date, Duration};

use crate::core::i18n;
use crate::core::text::truncate_chars;
use crate::core::text::{calendar_date, format_date, Language, LocalizedText};
use crate::core::vacancy::Vacancy;

/// The longest employer or vacancy text kept.
const MAX_NAME_CHARS: usize = 200;
/// The longest note or reason kept.
const MAX_NOTE_CHARS: usize = 2_000;
/// The largest application target per four weeks (own, or agreed with the coach): the app
/// asks for a few; a file or a form with more is refused.
pub const MAX_TARGET_PER_4_WEEKS: u32 = 100;
/// Entries further ahead than this many days are refused (a typo in the year, usually).
const MAX_DAYS_AHEAD: i64 = 366;
/// Most entries one log keeps.
pub(crate) const MAX_ENTRIES: usize = 10_000;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Application,
    Interview,
    NetworkContact,
    OpenApplication,
    TempAgency,
    Course,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 6] = [
        ActivityKind::Application,
        ActivityKind::Interview,
        ActivityKind::NetworkContact,
        ActivityKind::OpenApplication,
        ActivityKind::TempAgency,
        ActivityKind::Course,
    ];

    pub fn counts_toward_target(self) -> bool {
        !matches!(self, ActivityKind::Interview | ActivityKind::Course)
    }

    /// The key of its label in the locale files.
    pub fn i18n_key(self) -> &'static str {
        match self {
            ActivityKind::Application => "activity.kind.application",
            ActivityKind::Interview => "activity.kind.interview",
            ActivityKind::NetworkContact => "activity.kind.network_contact",
            ActivityKind::OpenApplication => "activity.kind.open_application",
            ActivityKind::TempAgency => "activity.kind.temp_agency",
            ActivityKind::Course => "activity.kind.course",
        }
    }

    pub fn label(self) -> LocalizedText {
        i18n::localized(self.i18n_key())
    }

    pub fn id(self) -> &'static str {
        match self {
            ActivityKind::Application => "application",
            ActivityKind::Interview => "interview",
            ActivityKind::NetworkContact => "network_contact",
            ActivityKind::OpenApplication => "open_application",
            ActivityKind::TempAgency => "temp_agency",
            ActivityKind::Course => "course",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// No answer yet.
    Waiting,
    /// No answer came.
    NoReply,
    Rejected,
    /// Invited for an interview.
    Interview,
    Hired,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Waiting,
        Outcome::NoReply,
        Outcome::Rejected,
        Outcome::Interview,
        Outcome::Hired,
    ];

    /// The key of its label in the locale files.
    pub fn i18n_key(self) -> &'static str {
        match self {
            Outcome::Waiting => "activity.outcome.waiting",
            Outcome::NoReply => "activity.outcome.no_reply",
            Outcome::Rejected => "activity.outcome.rejected",
            Outcome::Interview => "activity.outcome.interview",
            Outcome::Hired => "activity.outcome.hired",
        }
    }

    pub fn label(self) -> LocalizedText {
        i18n::localized(self.i18n_key())
    }

    pub fn id(self) -> &'static str {
        match self {
            Outcome::Waiting => "waiting",
            Outcome::NoReply => "no_reply",
            Outcome::Rejected => "rejected",
            Outcome::Interview => "interview",
            Outcome::Hired => "hired",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.id() == id)
    }
}

/// One thing the job seeker did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: u32,
    #[serde(with = "calendar_date")]
    #[schemars(with = "String")]
    pub date: Date,
    pub kind: ActivityKind,
    /// The employer, agency, person or school.
    pub employer: String,
    /// The vacancy's title, when it was for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vacancy: Option<String>,
    /// The vacancy's id in Werkmap, when it came from the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vacancy_id: Option<String>,
    pub outcome: Outcome,
    /// Why it was rejected, when the employer said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// What the job seeker fills in for an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityInput {
    pub date: Date,
    pub kind: ActivityKind,
    pub employer: String,
    pub vacancy: Option<String>,
    pub vacancy_id: Option<String>,
    pub outcome: Outcome,
    pub reason: Option<String>,
    pub note: String,
}

impl ActivityInput {
    /// "Gesolliciteerd" on a vacancy: an application today, waiting for an answer.
    pub fn application_for(vacancy: &Vacancy, today: Date) -> Self {
        Self {
            date: today,
            kind: ActivityKind::Application,
            employer: vacancy.employer.clone(),
            vacancy: Some(vacancy.title.clone()),
            vacancy_id: Some(vacancy.id.clone()),
            outcome: Outcome::Waiting,
            reason: None,
            note: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ActivityError {
    #[error("an employer, person or school is needed")]
    NoEmployer,
    #[error("the date is too far in the future")]
    FarFuture,
    #[error("the log is full")]
    Full,
    #[error("no entry with this id")]
    NotFound,
}

impl ActivityError {
    pub fn message(&self, language: Language) -> &'static str {
        let key = match self {
            ActivityError::NoEmployer => "activity.error.no_employer",
            ActivityError::FarFuture => "activity.error.far_future",
            ActivityError::Full => "activity.error.full",
            ActivityError::NotFound => "activity.error.not_found",
        };
        i18n::text(language, key)
    }
}

/// A vacancy the job seeker kept, as it was when saved (feeds change; the log must not).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SavedVacancy {
    pub vacancy: Vacancy,
    #[serde(with = "calendar_date")]
    #[schemars(with = "String")]
    pub saved_on: Date,
    /// The log entry made when the job seeker applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied: Option<u32>,
}

/// The log and the job seeker's own target.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityLog {
    /// In the order they were added.
    #[serde(default)]
    pub entries: Vec<Activity>,
    /// The job seeker's own target per four weeks (a coach's agreed target goes first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_target_per_4_weeks: Option<u32>,
}

/// A count over a period, against a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodCount {
    pub from: Date,
    /// Inclusive.
    pub to: Date,
    /// Entries that count towards the target.
    pub counted: usize,
    /// Every entry in the period.
    pub all: usize,
    pub target: Option<u32>,
}

impl PeriodCount {
    pub fn target_met(&self) -> Option<bool> {
        self.target.map(|t| self.counted >= t as usize)
    }
}

fn clean(text: &str, max: usize) -> String {
    truncate_chars(crate::core::text::tidy(text).trim(), max)
}

/// `days` before `date`, or the calendar's first day: a date that close to the start is no
/// real "today", but must never panic.
fn days_before(date: Date, days: i64) -> Date {
    date.checked_sub(Duration::days(days)).unwrap_or(Date::MIN)
}

fn monday_of(date: Date) -> Date {
    days_before(date, i64::from(date.weekday().number_days_from_monday()))
}

impl ActivityLog {
    fn validate(input: &ActivityInput, today: Date) -> Result<Activity, ActivityError> {
        let employer = clean(&input.employer, MAX_NAME_CHARS);
        let vacancy = input
            .vacancy
            .as_deref()
            .map(|v| clean(v, MAX_NAME_CHARS))
            .filter(|v| !v.is_empty());
        if employer.is_empty() && vacancy.is_none() {
            return Err(ActivityError::NoEmployer);
        }
        if input.date > today + Duration::days(MAX_DAYS_AHEAD) {
            return Err(ActivityError::FarFuture);
        }
        Ok(Activity {
            id: 0,
            date: input.date,
            kind: input.kind,
            employer,
            vacancy,
            vacancy_id: input
                .vacancy_id
                .as_deref()
                .map(|v| truncate_chars(v, MAX_NAME_CHARS)),
            outcome: input.outcome,
            reason: input
                .reason
                .as_deref()
                .map(|r| clean(r, MAX_NOTE_CHARS))
                .filter(|r| !r.is_empty() && input.outcome == Outcome::Rejected),
            note: clean(&input.note, MAX_NOTE_CHARS),
        })
    }

    /// Adds an entry; returns its id.
    pub fn add(&mut self, input: &ActivityInput, today: Date) -> Result<u32, ActivityError> {
        if self.entries.len() >= MAX_ENTRIES {
            return Err(ActivityError::Full);
        }
        let mut entry = Self::validate(input, today)?;
        entry.id = self
            .entries
            .iter()
            .map(|e| e.id)
            .max()
            .map_or(1, |m| m.saturating_add(1));
        let id = entry.id;
        self.entries.push(entry);
        Ok(id)
    }

    pub fn update(
        &mut self,
        id: u32,
        input: &ActivityInput,
        today: Date,
    ) -> Result<(), ActivityError> {
        let mut entry = Self::validate(input, today)?;
        let slot = self
            .entries
            .iter_mut()
            .find(|e| e.id == id)
            .ok_or(ActivityError::NotFound)?;
        entry.id = id;
        *slot = entry;
        Ok(())
    }

    pub fn remove(&mut self, id: u32) -> Option<Activity> {
        let at = self.entries.iter().position(|e| e.id == id)?;
        Some(self.entries.remove(at))
    }

    pub fn get(&self, id: u32) -> Option<&Activity> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Newest first (same day: the later added first).
    pub fn newest_first(&self) -> Vec<&Activity> {
        let mut sorted: Vec<&Activity> = self.entries.iter().collect();
        sorted.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
        sorted
    }

    fn count(&self, from: Date, to: Date, target: Option<u32>) -> PeriodCount {
        let inside = self
            .entries
            .iter()
            .filter(|e| e.date >= from && e.date <= to);
        let (mut counted, mut all) = (0, 0);
        for entry in inside {
            all += 1;
            if entry.kind.counts_toward_target() {
                counted += 1;
            }
        }
        PeriodCount {
            from,
            to,
            counted,
            all,
            target,
        }
    }

    /// The last four weeks up to and including `today` (28 days), against `target`.
    pub fn last_four_weeks(&self, today: Date, target: Option<u32>) -> PeriodCount {
        self.count(days_before(today, 27), today, target)
    }

    /// Calendar weeks (Monday to Sunday), the current one first, `weeks` of them. The
    /// weekly target is a quarter of the four-week target, rounded up.
    pub fn weeks(
        &self,
        today: Date,
        weeks: usize,
        target_per_4_weeks: Option<u32>,
    ) -> Vec<PeriodCount> {
        let weekly = target_per_4_weeks.map(|t| t.div_ceil(4));
        let this_monday = monday_of(today);
        (0..weeks as i64)
            .map(|back| {
                let from = days_before(this_monday, back.saturating_mul(7));
                let to = from.checked_add(Duration::days(6)).unwrap_or(Date::MAX);
                self.count(from, to, weekly)
            })
            .collect()
    }

    /// The log as CSV for a spreadsheet: a header row in the chosen language, newest first.
    /// Dutch uses `;` (what a Dutch spreadsheet expects), English `,`. Every cell that a
    /// spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return) is prefixed with `'`, so an employer name like `=HYPERLINK(…)`
    /// stays text.
    pub fn to_csv(&self, language: Language) -> String {
        let delimiter = i18n::text(language, "activity.csv.delimiter")
            .bytes()
            .next()
            .unwrap_or(b',');
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(Vec::new());
        let header = [
            "activity.csv.date",
            "activity.csv.kind",
            "activity.csv.counts",
            "activity.csv.with_whom",
            "activity.csv.vacancy",
            "activity.csv.outcome",
            "activity.csv.reason",
            "activity.csv.note",
        ]
        .map(|key| i18n::text(language, key));
        let _ = writer.write_record(header);
        for entry in self.newest_first() {
            let counts = i18n::text(
                language,
                if entry.kind.counts_toward_target() {
                    "activity.csv.yes"
                } else {
                    "activity.csv.no"
                },
            );
            let date = entry.date.to_string();
            let kind = i18n::text(language, entry.kind.i18n_key());
            let outcome = i18n::text(language, entry.outcome.i18n_key());
            let cells = [
                date.as_str(),
                kind,
                counts,
                entry.employer.as_str(),
                entry.vacancy.as_deref().unwrap_or(""),
                outcome,
                entry.reason.as_deref().unwrap_or(""),
                entry.note.as_str(),
            ];
            let _ = writer.write_record(cells.iter().map(|c| spreadsheet_safe(c)));
        }
        let bytes = writer.into_inner().unwrap_or_default();
        // A byte order mark makes spreadsheets read the file as UTF-8.
        format!("\u{FEFF}{}", String::from_utf8_lossy(&bytes))
    }

    /// A one-line description of an entry, for lists and screen readers.
    pub fn describe(entry: &Activity, language: Language) -> String {
        let mut text = format!(
            "{} — {} — {}",
            format_date(entry.date, language),
            i18n::text(language, entry.kind.i18n_key()),
            entry.employer
        );
        if let Some(vacancy) = &entry.vacancy {
            text.push_str(&format!(" ({vacancy})"));
        }
        text
    }
}

/// A cell that a spreadsheet will show as text, never run as a formula.
pub fn spreadsheet_safe(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠') => {
            format!("'{cell}")
        }
        _ => cell.to_owned(),
    }
}

/// A target typed in a form (own, or agreed with the coach): a whole number from 0 to
/// [`MAX_TARGET_PER_4_WEEKS`], else none.
pub fn parse_target(text: &str) -> Option<u32> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|t| *t <= MAX_TARGET_PER_4_WEEKS)
}
