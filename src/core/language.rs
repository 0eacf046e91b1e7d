//! The language the user chose, and content in both languages. The UI texts (`i18n`) and
//! the text helpers (`text`) build on it, so it depends on neither.

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
