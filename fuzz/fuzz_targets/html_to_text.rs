//! `html_to_text` on any text: never panics, and what it gives is plain text a person can
//! read — no control or hidden characters but line breaks, at most one blank line, nothing
//! much longer than the input (a list item's bullet is the only text it adds).
#![no_main]

use libfuzzer_sys::fuzz_target;
use werkmap::core::text::is_hidden_char;
use werkmap::core::vacancy::html::html_to_text;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    let text = html_to_text(html);
    assert!(!text.chars().any(|c| c != '\n' && is_hidden_char(c)), "{text:?}");
    assert!(!text.contains("\n\n\n"), "{text:?}");
    assert_eq!(text.trim(), text, "no white space around the text");
    assert!(text.len() <= 2 * html.len() + 8, "{} bytes from {}", text.len(), html.len());
});
