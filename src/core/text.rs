//! Text as people read it: dates in words, counts, and the one cleaner for text from a
//! file or feed. The language and bilingual content live in [`crate::core::language`] and
//! are re-exported here, as is [`format_count`] (it reads the digit grouping from the locale
//! files, so it lives in [`crate::core::i18n`]).

use crate::core::i18n;
pub use crate::core::i18n::format_count;
pub use crate::core::language::{Language, LocalizedText};

// `YYYY-MM-DD` for serde: `#[serde(with = "calendar_date")]` (or `calendar_date::option`).
time::serde::format_description!(pub calendar_date, Date, "[year]-[month]-[day]");

/// The JSON Schema of the dates the stored and exported files write, for
/// `#[schemars(with = …)]` on a field serialised with [`calendar_date`] or RFC 3339.
pub mod date_schema {
    use std::borrow::Cow;

    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

    /// An RFC 3339 date and time.
    pub struct DateTime;

    impl JsonSchema for DateTime {
        fn inline_schema() -> bool {
            true
        }
        fn schema_name() -> Cow<'static, str> {
            "DateTime".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({ "type": "string", "format": "date-time" })
        }
    }

    /// A calendar date, `YYYY-MM-DD`.
    pub struct CalendarDate;

    impl JsonSchema for CalendarDate {
        fn inline_schema() -> bool {
            true
        }
        fn schema_name() -> Cow<'static, str> {
            "CalendarDate".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({ "type": "string", "format": "date" })
        }
    }
}

/// A calendar date in words, e.g. "25 november 2026" / "25 November 2026".
pub(crate) fn format_date(date: time::Date, language: Language) -> String {
    const MONTHS: [&str; 12] = [
        "date.month.january",
        "date.month.february",
        "date.month.march",
        "date.month.april",
        "date.month.may",
        "date.month.june",
        "date.month.july",
        "date.month.august",
        "date.month.september",
        "date.month.october",
        "date.month.november",
        "date.month.december",
    ];
    let month_index = usize::from(u8::from(date.month())) - 1;
    i18n::format(
        language,
        "date.long",
        &[
            ("day", &date.day().to_string()),
            ("month", i18n::text(language, MONTHS[month_index])),
            ("year", &date.year().to_string()),
        ],
    )
}

/// A short date for chart axes, e.g. "25-11".
pub fn format_short_date(date: time::Date) -> String {
    format!("{}-{}", date.day(), u8::from(date.month()))
}

/// Characters that are not for reading and can disguise a text: control characters,
/// bidirectional overrides and isolates, zero-width characters and the byte order mark.
pub fn is_hidden_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// Cuts text to at most `max` characters (at a character boundary).
pub fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => text[..end].to_owned(),
        None => text.to_owned(),
    }
}

/// The one text cleaner for everything a person reads from a file or a feed: hidden
/// characters ([`is_hidden_char`]) removed, spaces and tabs collapsed to one space, at most
/// one blank line, no spaces at line ends or around the text. Linear in the text.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut newlines = 0usize;
    let mut space = false;
    for c in text.chars() {
        if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
            newlines += 1;
            space = false;
        } else if c.is_whitespace() {
            space = true;
        } else if is_hidden_char(c) {
            continue;
        } else {
            if !out.is_empty() {
                if newlines >= 2 {
                    out.push_str("\n\n");
                } else if newlines == 1 {
                    out.push('\n');
                } else if space {
                    out.push(' ');
                }
            }
            newlines = 0;
            space = false;
            out.push(c);
        }
    }
    out
}

/// A name as a person reads it (an alias, an occupation's label, an employer): [`tidy`] on
/// one line, so line breaks become single spaces.
pub(crate) fn clean_name(text: &str) -> String {
    let tidied = tidy(text);
    if !tidied.contains('\n') {
        return tidied;
    }
    tidied
        .split('\n')
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// At most `max` characters of a text, the middle left out (`…`) when it is longer: for a
/// long key or value quoted in a message.
pub(crate) fn truncate_middle(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_owned();
    }
    let half = max.saturating_sub(1) / 2;
    let head: String = text.chars().take(half).collect();
    let tail: String = text.chars().skip(count - half).collect();
    format!("{head}…{tail}")
}

/// Text quoted from input, safe to print on a terminal: control characters (escape, which
/// starts terminal commands, and line breaks too) and hidden characters written as `\u{..}`,
/// everything else as it is. Every CLI message that quotes a file or feed goes through it.
pub fn escape_for_terminal(text: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_of_five_digits_or_more_are_grouped_by_three() {
        let cases = [
            (0, "0", "0"),
            (320, "320", "320"),
            (3007, "3007", "3007"),
            (20_000, "20.000", "20,000"),
            (100_000, "100.000", "100,000"),
            (1_234_567, "1.234.567", "1,234,567"),
        ];
        for (count, nl, en) in cases {
            assert_eq!(format_count(count, Language::Nl), nl);
            assert_eq!(format_count(count, Language::En), en);
        }
    }

    #[test]
    fn names_lose_hidden_characters_and_line_breaks() {
        assert_eq!(clean_name("\u{200B}"), "");
        assert_eq!(
            clean_name(" Zo\u{202E}ë \n\n de\u{2066} Vries\u{FEFF} "),
            "Zoë de Vries"
        );
        assert_eq!(tidy("  a \t b\n\n\n\nc\u{0007}\u{202E}d  "), "a b\n\ncd");
    }

    #[test]
    fn terminal_escaping_hides_every_control_character() {
        let hostile = "Job\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}x\u{202E}";
        let safe = escape_for_terminal(hostile);
        assert!(!safe.chars().any(|c| c.is_control()), "{safe}");
        assert_eq!(safe, "Job\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{9b}x\\u{202e}");
        assert_eq!(escape_for_terminal("gewoon € tekst"), "gewoon € tekst");
    }
}
