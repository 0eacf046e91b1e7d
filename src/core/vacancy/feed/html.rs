//! The HTML format: a web page with `<script type="application/ld+json">` blocks, the way
//! job sites publish their vacancies, recognised by its first character, `<`. Every block is
//! read as a JSON-LD document (`json.rs`); a broken block is skipped, the page's other blocks
//! still count. The page is searched in one pass (linear in its size).

use super::error::FeedError;
use super::format::{Format, Plan, Text};
use super::json::JsonPlan;
use super::report::FeedFormat;

/// An HTML page with JSON-LD blocks.
pub(crate) struct HtmlJsonLd;

impl Format for HtmlJsonLd {
    fn kind(&self) -> FeedFormat {
        FeedFormat::HtmlJsonLd
    }

    fn sniff(&self, content: &str) -> bool {
        content.starts_with('<')
    }

    fn open(&self, text: &Text<'_>) -> Result<Box<dyn Plan>, FeedError> {
        let (text, start) = (text.text, text.content);
        let mut plan = JsonPlan::new();
        let lower = text.to_ascii_lowercase();
        let mut from = start;
        while let Some(found) = lower[from..].find("<script") {
            let tag_start = from + found;
            let Some(tag_len) = lower[tag_start..].find('>') else {
                break;
            };
            let tag = &lower[tag_start..tag_start + tag_len];
            let body_start = tag_start + tag_len + 1;
            let Some(body_len) = lower[body_start..].find("</script") else {
                break;
            };
            from = body_start + body_len;
            if tag.contains("ld+json") {
                let raw = &text[body_start..body_start + body_len];
                let body = raw.trim();
                if body.starts_with(['{', '[']) {
                    let body_at = body_start + (raw.len() - raw.trim_start().len());
                    match plan.add(text, body_at..body_at + body.len()) {
                        Ok(()) | Err(FeedError::NotJson { .. }) => {}
                        Err(other) => return Err(other),
                    }
                }
            }
        }
        plan.ready()
    }
}
