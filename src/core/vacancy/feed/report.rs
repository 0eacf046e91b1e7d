//! What reading a feed gives: [`FeedImport`], the kept vacancies with the records that were
//! skipped and the fields that were left out (all counted, the first [`MAX_EXAMPLES`] kept
//! with their reason), and the [`FeedFormat`] the file turned out to be.

use crate::core::i18n;
use crate::core::text::Language;
use crate::core::vacancy::model::{truncate_chars, Vacancy};

use super::error::{NoteReason, RecordNote, RecordPosition, RejectedRecord};

/// How many rejected records and notes are kept with their reason (all are counted).
pub const MAX_EXAMPLES: usize = 200;

/// What kind of file it turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    JsonLd,
    /// An HTML page with JSON-LD blocks.
    HtmlJsonLd,
    Csv,
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
