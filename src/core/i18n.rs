//! UI texts (buttons, headings, messages) per language, from `locales/*.json`.
//! Content texts (questions, rules) carry their own translations in `data/`.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::core::text::Language;

const NL_JSON: &str = include_str!("../../locales/nl.json");
const EN_JSON: &str = include_str!("../../locales/en.json");

/// One language's texts, keyed by dotted ids such as `home.start`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    texts: HashMap<String, String>,
}

impl Catalog {
    pub fn parse(json: &str) -> Result<Self, serde_json::Error> {
        Ok(Self {
            texts: serde_json::from_str(json)?,
        })
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(String::as_str)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }
}

/// The bundled catalogue for a language. A broken locale file yields an empty catalogue
/// (keys then show as themselves) rather than a crash; the test suite keeps the files valid.
pub fn catalog(language: Language) -> &'static Catalog {
    static NL: OnceLock<Catalog> = OnceLock::new();
    static EN: OnceLock<Catalog> = OnceLock::new();
    let (cell, json) = match language {
        Language::Nl => (&NL, NL_JSON),
        Language::En => (&EN, EN_JSON),
    };
    cell.get_or_init(|| Catalog::parse(json).unwrap_or_default())
}

/// The text for `key`, falling back to Dutch, then to the key itself.
pub fn text(language: Language, key: &'static str) -> &'static str {
    catalog(language)
        .get(key)
        .or_else(|| catalog(Language::Nl).get(key))
        .unwrap_or(key)
}

/// `text` with `{name}` placeholders filled in.
pub fn format(language: Language, key: &'static str, args: &[(&str, &str)]) -> String {
    let mut out = text(language, key).to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The raw locale files, for tests that check both languages have the same keys.
pub fn bundled_sources() -> [(Language, &'static str); 2] {
    [(Language::Nl, NL_JSON), (Language::En, EN_JSON)]
}
