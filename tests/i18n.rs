//! The UI texts: both languages have the same keys, every text is filled in, and every key
//! the UI asks for exists (a missing key would show up on screen as `result.title`).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use werkmap::core::i18n::{self, Catalog};
use werkmap::core::text::Language;

fn keys(catalog: &Catalog) -> BTreeSet<String> {
    catalog.keys().map(str::to_owned).collect()
}

#[test]
fn locales_parse_and_have_the_same_keys() {
    let mut all = Vec::new();
    for (language, source) in i18n::bundled_sources() {
        let catalog = Catalog::parse(source)
            .unwrap_or_else(|e| panic!("locale {} is not valid JSON: {e}", language.code()));
        for key in catalog.keys() {
            let text = catalog.get(key).unwrap_or_default();
            assert!(
                !text.trim().is_empty(),
                "{}: `{key}` is empty",
                language.code()
            );
        }
        all.push((language, keys(&catalog)));
    }
    let (_, dutch) = &all[0];
    for (language, other) in &all[1..] {
        let missing: Vec<_> = dutch.symmetric_difference(other).collect();
        assert!(
            missing.is_empty(),
            "nl and {} differ in keys: {missing:?}",
            language.code()
        );
    }
}

/// String literals in `src/ui` and `src/core` that look like locale keys (`"area.name"`):
/// the UI asks for texts, and the core words explanations (matching, the activity log) for
/// the UI and the CLI alike.
fn keys_used_by_ui() -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("src/ui"), root.join("src/core")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("source folder readable") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let source = fs::read_to_string(&path).expect("source readable");
            for literal in source.split('"').skip(1).step_by(2) {
                let mut parts = literal.split('.');
                let (Some(area), Some(name), None) = (parts.next(), parts.next(), parts.next())
                else {
                    continue;
                };
                let is_key = |s: &str| {
                    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                };
                // Storage namespaces (`werkmap.home`), JSON paths in error texts (`kdf.salt`) and file
                // names look like keys but are
                // not texts.
                let file = matches!(name, "json" | "csv" | "rs" | "html" | "js" | "md");
                if is_key(area) && is_key(name) && area != "werkmap" && area != "kdf" && !file {
                    used.insert(literal.to_owned());
                }
            }
        }
    }
    used
}

#[test]
fn every_key_the_ui_uses_exists_in_both_languages() {
    let used = keys_used_by_ui();
    assert!(
        used.len() > 50,
        "found only {} keys: is the scan broken?",
        used.len()
    );
    for language in Language::ALL {
        let available = keys(i18n::catalog(language));
        let missing: Vec<_> = used.difference(&available).collect();
        assert!(
            missing.is_empty(),
            "{} lacks keys used in src/ui: {missing:?}",
            language.code()
        );
    }
}

#[test]
fn placeholders_are_filled() {
    let text = i18n::format(
        Language::Nl,
        "selftest.step_of",
        &[("step", "2"), ("total", "5")],
    );
    assert_eq!(text, "Deel 2 van 5");
    let text = i18n::format(
        Language::En,
        "selftest.step_of",
        &[("step", "2"), ("total", "5")],
    );
    assert_eq!(text, "Part 2 of 5");
}

#[test]
fn placeholders_match_between_languages() {
    let placeholders = |text: &str| -> BTreeSet<String> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect()
    };
    let dutch = i18n::catalog(Language::Nl);
    let english = i18n::catalog(Language::En);
    for key in dutch.keys() {
        assert_eq!(
            placeholders(dutch.get(key).unwrap_or_default()),
            placeholders(english.get(key).unwrap_or_default()),
            "placeholders of `{key}`"
        );
    }
}
