//! Reading a vacancy feed.
//!
//! [`import_feed`] reads bytes of any kind and decides what they are: a JSON document
//! (schema.org `JobPosting` — a single object, an array, or an `@graph`), an HTML page with
//! `<script type="application/ld+json">` blocks (how job sites publish them), or CSV with a
//! header row. A file that is unusable as a whole gets one [`FeedError`]; inside a usable
//! file every record is either kept as a [`Vacancy`](super::Vacancy) or listed in
//! [`FeedImport::rejected`] with a [`RecordProblem`]. A field that a record has but that
//! cannot be read (a date that is no date, a salary that is no number) is left out and
//! noted ([`FeedImport::notes`]); the record itself is kept. [`FeedReader`] reads the same
//! way a number of records at a time, for a browser that must paint between steps.
//!
//! Limits: [`MAX_FEED_BYTES`] and [`MAX_RECORDS`]; JSON nested deeper than
//! [`MAX_DEPTH`] is refused, not followed. Nothing here panics, whatever the bytes
//! (proptests in `tests/vacancy_import.rs`, fuzz targets `fuzz_targets/vacancy_feed.rs` and
//! `vacancy_csv.rs`).

mod csv;
mod error;
pub mod fields;
mod format;
mod html;
mod json;
mod jsonld;
mod posting;
mod reader;
mod record;
mod report;
pub mod write;

pub use error::{FeedError, NoteReason, RecordNote, RecordPosition, RecordProblem, RejectedRecord};
pub use json::MAX_DEPTH;
pub use posting::CATALOGUE_CODE_SET;
pub use reader::{FeedReader, MAX_FEED_BYTES};
pub use record::MAX_RECORDS;
pub use report::{FeedFormat, FeedImport, MAX_EXAMPLES};

use super::link::Linker;

/// Reads a vacancy feed of any supported kind, all at once. A record without a closing date
/// gets none (never an invented one).
pub fn import_feed(bytes: &[u8], linker: &Linker<'_>) -> Result<FeedImport, FeedError> {
    let mut reader = FeedReader::new(bytes)?;
    while !reader.step(linker, usize::MAX)? {}
    Ok(reader.finish())
}
