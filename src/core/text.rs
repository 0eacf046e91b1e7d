//! Bilingual content and the language the user chose.

use serde::{Deserialize, Serialize};

/// The languages the app speaks. Dutch is the default: most users are Dutch job seekers,
/// many of whom read it at B1 level, so every text exists in plain Dutch first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Nl,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Nl, Language::En];

    /// BCP 47 tag, for `<html lang>` and speech synthesis.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Nl => "nl-NL",
            Language::En => "en-GB",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
        }
    }
}

/// A piece of content in both languages. Content files must fill both: a missing
/// translation is a data error caught by tests, not a blank on screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    pub nl: String,
    pub en: String,
}

impl LocalizedText {
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Nl => &self.nl,
            Language::En => &self.en,
        }
    }

    pub fn is_complete(&self) -> bool {
        !self.nl.trim().is_empty() && !self.en.trim().is_empty()
    }
}

// `YYYY-MM-DD` for serde: `#[serde(with = "calendar_date")]` (or `calendar_date::option`).
time::serde::format_description!(pub calendar_date, Date, "[year]-[month]-[day]");

/// A calendar date in words, e.g. "25 november 2026" / "25 November 2026".
pub fn format_date(date: time::Date, language: Language) -> String {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month_index = usize::from(u8::from(date.month())) - 1;
    let month = match language {
        Language::Nl => NL[month_index],
        Language::En => EN[month_index],
    };
    format!("{} {} {}", date.day(), month, date.year())
}

/// A short date for chart axes, e.g. "25-11".
pub fn format_short_date(date: time::Date) -> String {
    format!("{}-{}", date.day(), u8::from(date.month()))
}

/// A count as a reader expects it: "20.000" in Dutch, "20,000" in English. Numbers of up to
/// four digits stay as they are ("3007"), as Dutch writing advice has it.
pub fn format_count(count: usize, language: Language) -> String {
    let digits = count.to_string();
    if digits.len() <= 4 {
        return digits;
    }
    let separator = match language {
        Language::Nl => '.',
        Language::En => ',',
    };
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
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
}
