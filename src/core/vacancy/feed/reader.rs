//! [`FeedReader`]: a feed read a number of records at a time, with its progress. It checks
//! the file as a whole (size, UTF-8, a byte order mark, empty), decides its format and
//! leaves the records to that format's plan.

use std::borrow::Cow;

use crate::core::vacancy::link::Linker;

use super::error::FeedError;
use super::record::{IdPool, Records};
use super::report::{FeedFormat, FeedImport};
use super::{csv, jsonld};

/// The largest feed read: 256 MiB (a 100,000-vacancy JSON-LD feed is about 150 MB).
pub const MAX_FEED_BYTES: usize = 256 * 1024 * 1024;

const BOM: &str = "\u{FEFF}";

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
    Csv(csv::CsvPlan),
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
                Plan::Csv(csv::CsvPlan::new(&text, after_bom)?),
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
