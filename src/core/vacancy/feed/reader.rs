//! [`FeedReader`]: a feed read a number of records at a time, with its progress. It checks
//! what every file must be (no larger than [`MAX_FEED_BYTES`], UTF-8, not empty; a byte
//! order mark is skipped), then asks the formats of `FORMATS` in turn whether the text is
//! theirs, the one place where a feed's format is decided, and leaves the records to the
//! plan of the first that says yes.

use std::borrow::Cow;

use crate::core::vacancy::link::Linker;

use super::csv::Csv;
use super::error::FeedError;
use super::format::{Format, Plan, Text};
use super::html::HtmlJsonLd;
use super::jsonld::JsonLd;
use super::record::{IdPool, Records};
use super::report::FeedImport;

/// The largest feed read: 256 MiB (a 100,000-vacancy JSON-LD feed is about 150 MB).
pub const MAX_FEED_BYTES: usize = 256 * 1024 * 1024;

const BOM: &str = "\u{FEFF}";

/// The formats a feed can have, in the order they are asked: by the first character of the
/// content, `{` or `[` is JSON-LD and `<` an HTML page; whatever else is CSV, whose header
/// decides. A new format is a file beside `jsonld.rs` and a line here.
const FORMATS: &[&dyn Format] = &[&JsonLd, &HtmlJsonLd, &Csv];

/// A feed read a number of records at a time, so that a browser can paint (a progress bar)
/// between the steps of a large feed. `import_feed` is this reader in one step: the result
/// is the same however the steps are cut.
///
/// [`FeedReader::new`] decides the format and checks the file as a whole (size, UTF-8,
/// nesting, JSON syntax, the CSV header), so every error about the file as a whole comes
/// from it, except a CSV row that breaks the CSV syntax (found by the step that reaches it).
pub struct FeedReader<'a> {
    text: Cow<'a, str>,
    plan: Box<dyn Plan>,
    report: FeedImport,
    ids: IdPool,
    position: usize,
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
        let content = text[after_bom..].trim_start();
        if content.is_empty() {
            return Err(FeedError::Empty);
        }
        let whole = Text {
            text: &text,
            after_bom,
            content: text.len() - content.len(),
        };
        let format = FORMATS
            .iter()
            .find(|format| format.sniff(whole.content()))
            .ok_or(FeedError::UnknownFormat)?;
        let plan = format.open(&whole)?;
        let mut report = FeedImport::new(format.kind());
        report.other_nodes = plan.other_nodes();
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
        self.plan.step(&self.text, &mut records_of, records)
    }

    /// How far the reading is, from 0 to 1 (by records for JSON-LD, by bytes for CSV).
    pub fn progress(&self) -> f64 {
        let (done, total) = self.plan.progress(&self.text);
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
