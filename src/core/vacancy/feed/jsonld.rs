//! The JSON-LD format: a JSON document of schema.org `JobPosting`s (one object, an array of
//! them, or an `@graph`), recognised by its first character, `{` or `[`. Reading is shared
//! with the HTML format (`json.rs`, `posting.rs`); `to_job_posting` (`write.rs`) writes
//! what this format reads back.

use super::error::FeedError;
use super::format::{Format, Plan, Text};
use super::json::JsonPlan;
use super::report::FeedFormat;

/// A JSON document of `JobPosting`s.
pub(crate) struct JsonLd;

impl Format for JsonLd {
    fn kind(&self) -> FeedFormat {
        FeedFormat::JsonLd
    }

    fn sniff(&self, content: &str) -> bool {
        content.starts_with(['{', '['])
    }

    fn open(&self, text: &Text<'_>) -> Result<Box<dyn Plan>, FeedError> {
        let mut plan = JsonPlan::new();
        plan.add(text.text, text.content..text.text.len())?;
        plan.ready()
    }
}
