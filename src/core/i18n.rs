//! UI texts (buttons, headings, messages) per language, from `locales/*.json`: the screens'
//! words and the core's own (error messages, labels, report lines), so the core's words in
//! a new language are a new locale file, not new code. Content texts (questions, rules)
//! carry their own translations in `data/`.
//!
//! A locale file maps dotted keys (`home.start`) to either a text with `{name}` placeholders,
//! or — for a message that shows a number — an object of plural forms chosen by the
//! language's CLDR plural rules (the `intl_pluralrules` crate), with optional exact matches:
//!
//! ```json
//! "demo.questions2": { "=0": "Alles ingevuld.", "one": "{count} vraag open", "other": "{count} vragen open" }
//! ```
//!
//! The number is always the `count` argument of [`plural`]; it is written with the
//! language's digit grouping.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use serde::Deserialize;

use crate::core::language::{Language, LocalizedText};

const NL_JSON: &str = include_str!("../../locales/nl.json");
const EN_JSON: &str = include_str!("../../locales/en.json");

/// One entry of a locale file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Message {
    Text(String),
    /// Plural forms: CLDR categories (`zero`, `one`, `two`, `few`, `many`, `other`) and exact
    /// matches (`=0`). `other` is required.
    Plural(BTreeMap<String, String>),
}

impl Message {
    /// Every text of the entry (one, or each plural form).
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Message::Text(text) => vec![text.as_str()],
            Message::Plural(forms) => forms.values().map(String::as_str).collect(),
        }
    }
}

/// The names a plural object may use.
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// One language's texts, keyed by dotted ids such as `home.start`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    messages: HashMap<String, Message>,
}

impl Catalog {
    pub fn parse(json: &str) -> Result<Self, serde_json::Error> {
        Ok(Self {
            messages: serde_json::from_str(json)?,
        })
    }

    /// The text of a plain (non-plural) entry.
    pub fn get(&self, key: &str) -> Option<&str> {
        match self.messages.get(key)? {
            Message::Text(text) => Some(text),
            Message::Plural(_) => None,
        }
    }

    pub fn message(&self, key: &str) -> Option<&Message> {
        self.messages.get(key)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(String::as_str)
    }

    /// The form of plural entry `key` for `count`: an exact match first, then the CLDR
    /// category, then `other`.
    fn plural_form(&self, key: &str, count: u64, language: Language) -> Option<&str> {
        let Message::Plural(forms) = self.messages.get(key)? else {
            return None;
        };
        if let Some(exact) = forms.get(&format!("={count}")) {
            return Some(exact);
        }
        let category = category_name(plural_category(language, count));
        forms
            .get(category)
            .or_else(|| forms.get("other"))
            .map(String::as_str)
    }
}

/// The CLDR plural category of `count` in `language` (cardinal numbers).
fn plural_category(language: Language, count: u64) -> PluralCategory {
    static RULES: OnceLock<[Option<PluralRules>; 2]> = OnceLock::new();
    let rules = RULES.get_or_init(|| {
        Language::ALL.map(|language| {
            language
                .code()
                .parse::<unic_langid::LanguageIdentifier>()
                .ok()
                .and_then(|id| PluralRules::create(id, PluralRuleType::CARDINAL).ok())
        })
    });
    let index = Language::ALL
        .iter()
        .position(|l| *l == language)
        .unwrap_or(0);
    rules[index]
        .as_ref()
        .and_then(|rules| rules.select(count).ok())
        .unwrap_or(PluralCategory::OTHER)
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
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
    fill(text(language, key), args)
}

/// The text for `key` in every language, for the core's structures that carry content in
/// both languages ([`LocalizedText`], e.g. a label shown next to content texts).
pub fn localized(key: &'static str) -> LocalizedText {
    LocalizedText {
        nl: text(Language::Nl, key).to_owned(),
        en: text(Language::En, key).to_owned(),
    }
}

/// The plural entry `key` in the form for `count`, with `{count}` (grouped by thousands) and
/// the other `{name}` placeholders filled in.
pub fn plural(
    language: Language,
    key: &'static str,
    count: usize,
    args: &[(&str, &str)],
) -> String {
    let n = u64::try_from(count).unwrap_or(u64::MAX);
    let template = catalog(language)
        .plural_form(key, n, language)
        .or_else(|| catalog(Language::Nl).plural_form(key, n, Language::Nl))
        .unwrap_or(key);
    let count_text = format_count(count, language);
    let mut all: Vec<(&str, &str)> = Vec::with_capacity(args.len() + 1);
    all.push(("count", &count_text));
    all.extend_from_slice(args);
    fill(template, &all)
}

/// A count as a reader expects it: "20.000" in Dutch, "20,000" in English. Numbers of up to
/// four digits stay as they are ("3007"), as Dutch writing advice has it.
pub fn format_count(count: usize, language: Language) -> String {
    let digits = count.to_string();
    if digits.len() <= 4 {
        return digits;
    }
    let separator = text(language, "number.group_separator");
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push_str(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// Fills `{name}` placeholders in one pass over the template: a value is never searched for
/// placeholders itself, so a text from a file (a vacancy title holding `{count}`) stays as it
/// is. Placeholders without a value stay as written.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| (*value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The raw locale files, for tests that check both languages have the same keys.
pub fn bundled_sources() -> [(Language, &'static str); 2] {
    [(Language::Nl, NL_JSON), (Language::En, EN_JSON)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_and_english_have_one_and_other() {
        for language in Language::ALL {
            assert_eq!(plural_category(language, 1), PluralCategory::ONE);
            for n in [0, 2, 5, 21, 1000] {
                assert_eq!(plural_category(language, n), PluralCategory::OTHER, "{n}");
            }
        }
    }

    #[test]
    fn values_are_not_searched_for_placeholders() {
        assert_eq!(
            fill("{a} and {b}", &[("a", "{b}"), ("b", "x")]),
            "{b} and x"
        );
        assert_eq!(fill("{a} {missing} {", &[("a", "1")]), "1 {missing} {");
        assert_eq!(fill("{a}{a}", &[("a", "é")]), "éé");
    }

    #[test]
    fn exact_match_before_category() {
        let catalog = Catalog::parse(
            r#"{"demo.things2": {"=0": "geen", "one": "{count} ding", "other": "{count} dingen"}}"#,
        )
        .unwrap();
        assert_eq!(
            catalog.plural_form("demo.things2", 0, Language::Nl),
            Some("geen")
        );
        assert_eq!(
            catalog.plural_form("demo.things2", 1, Language::Nl),
            Some("{count} ding")
        );
        assert_eq!(
            catalog.plural_form("demo.things2", 7, Language::Nl),
            Some("{count} dingen")
        );
        assert_eq!(
            catalog.get("demo.things2"),
            None,
            "a plural entry is not a plain text"
        );
    }
}
