//! The UI texts: both languages have the same keys, every text is filled in, and every key
//! the UI asks for exists (a missing key would show up on screen as `result.title`).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use werkmap::core::i18n::{self, Catalog, Message, PLURAL_CATEGORIES};
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
            let message = catalog.message(key).expect("listed key");
            for text in message.texts() {
                assert!(
                    !text.trim().is_empty(),
                    "{}: `{key}` is empty",
                    language.code()
                );
            }
            if let Message::Plural(forms) = message {
                assert!(
                    forms.contains_key("other"),
                    "{}: plural `{key}` has no `other` form",
                    language.code()
                );
                for name in forms.keys() {
                    let exact = name
                        .strip_prefix('=')
                        .is_some_and(|n| n.parse::<u64>().is_ok());
                    assert!(
                        exact || PLURAL_CATEGORIES.contains(&name.as_str()),
                        "{}: plural `{key}` has an unknown form `{name}`",
                        language.code()
                    );
                }
                // Dutch and English both tell 1 from other numbers (CLDR).
                assert!(
                    forms.contains_key("one"),
                    "{}: plural `{key}` has no `one` form",
                    language.code()
                );
            }
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

/// String literals anywhere in `src/` that look like locale keys (`"area.name"`): the UI asks
/// for texts, the core words its messages and explanations for the UI and the CLI alike, and
/// the CLI prints them. (`placeholders_match_between_languages` checks their placeholders.)
fn keys_used_by_ui() -> BTreeSet<String> {
    keys_in_sources().into_iter().map(|(key, _)| key).collect()
}

/// Each key literal with whether it is the key of an `i18n::plural(…)` call (the literal
/// comes right after `plural(` and the language argument).
fn keys_in_sources() -> BTreeSet<(String, bool)> {
    let mut used = BTreeSet::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("source folder readable") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            // The text engine's own docs and tests use made-up keys (`demo.things2`).
            if path.extension().and_then(|e| e.to_str()) != Some("rs")
                || path.ends_with("core/i18n.rs")
            {
                continue;
            }
            let source = fs::read_to_string(&path).expect("source readable");
            let pieces: Vec<&str> = source.split('"').collect();
            for (index, literal) in pieces.iter().enumerate().skip(1).step_by(2) {
                let before = pieces[index - 1];
                let call = before
                    .rsplit_once("i18n::")
                    .map(|(_, call)| call)
                    .filter(|call| call.len() < 160 && !call.contains(';'));
                let in_plural = call.is_some_and(|call| call.starts_with("plural("));
                let Some((area, name)) = literal.split_once('.') else {
                    continue;
                };
                let is_area = |s: &str| {
                    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                };
                // Later parts (`coach.change.route`, `date.month.may`) may hold digits.
                let is_name = |s: &str| {
                    s.split('.').all(|part| {
                        !part.is_empty()
                            && part
                                .bytes()
                                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                    })
                };
                // Storage namespaces (`werkmap.home`), JSON paths in error texts (`kdf.salt`,
                // `activities.entries.date`) and file names look like keys but are not texts.
                let last = name.rsplit('.').next().unwrap_or(name);
                let file = matches!(last, "json" | "csv" | "rs" | "html" | "js" | "md");
                let json_path = [
                    "selftest.history.",
                    "activities.entries.",
                    "vacancies.saved.",
                ]
                .iter()
                .any(|path| literal.starts_with(path));
                if is_area(area)
                    && is_name(name)
                    && area != "werkmap"
                    && area != "kdf"
                    && !file
                    && !json_path
                {
                    used.insert(((*literal).to_owned(), in_plural));
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
            "{} lacks keys used in src/: {missing:?}",
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
    let all = |catalog: &Catalog, key: &str| -> BTreeSet<String> {
        catalog
            .message(key)
            .map(|m| m.texts().into_iter().flat_map(placeholders).collect())
            .unwrap_or_default()
    };
    let dutch = i18n::catalog(Language::Nl);
    let english = i18n::catalog(Language::En);
    for key in dutch.keys() {
        assert_eq!(
            all(dutch, key),
            all(english, key),
            "placeholders of `{key}`"
        );
    }
}

#[test]
fn plural_keys_are_used_with_plural_and_plain_keys_without() {
    let catalog = i18n::catalog(Language::Nl);
    for (key, in_plural) in keys_in_sources() {
        let Some(message) = catalog.message(&key) else {
            continue;
        };
        let is_plural = matches!(message, Message::Plural(_));
        assert!(
            !in_plural || is_plural,
            "`{key}` is used with i18n::plural but is a plain text in the locale files"
        );
        assert!(
            in_plural || !is_plural,
            "`{key}` has plural forms but is not used with i18n::plural"
        );
    }
}

#[test]
fn every_plural_reads_right_at_0_1_2_and_many() {
    // Keys whose 1 and 2 read alike, per language: fine for one language ("1 uur", "2 uur"),
    // a copy-paste slip when every language does it.
    let mut alike: Vec<BTreeSet<&'static str>> = Vec::new();
    for language in Language::ALL {
        let mut alike_here = BTreeSet::new();
        let catalog = i18n::catalog(language);
        let plural_keys: Vec<&'static str> = catalog
            .keys()
            .filter(|key| matches!(catalog.message(key), Some(Message::Plural(_))))
            .map(|key| &*Box::leak(key.to_owned().into_boxed_str()))
            .collect();
        assert!(
            plural_keys.len() >= 20,
            "only {} plural keys",
            plural_keys.len()
        );
        for key in plural_keys {
            let mut seen = Vec::new();
            for count in [0usize, 1, 2, 21, 12_345] {
                let text = i18n::plural(language, key, count, &[]);
                assert!(!text.contains("{count}"), "{key} at {count}: {text}");
                if count > 1 {
                    // The count is in the text, grouped by thousands.
                    let shown = werkmap::core::text::format_count(count, language);
                    assert!(text.contains(&shown), "{key} at {count}: {text}");
                }
                seen.push(text);
            }
            if seen[1].replacen('1', "#", 1) == seen[2].replacen('2', "#", 1) {
                alike_here.insert(key);
            }
        }
        alike.push(alike_here);
    }
    let everywhere: Vec<_> = alike
        .iter()
        .skip(1)
        .fold(alike[0].clone(), |all, next| &all & next)
        .into_iter()
        .collect();
    assert!(
        everywhere.is_empty(),
        "1 and 2 read the same in every language: {everywhere:?}"
    );
}

#[test]
fn counts_read_right_in_both_languages() {
    let nl = |key, count| i18n::plural(Language::Nl, key, count, &[("answered", "0")]);
    let en = |key, count| i18n::plural(Language::En, key, count, &[("answered", "0")]);
    assert_eq!(nl("selftest.answered_count", 1), "0 van 1 vraag ingevuld");
    assert_eq!(
        nl("selftest.answered_count", 13),
        "0 van 13 vragen ingevuld"
    );
    assert_eq!(en("selftest.answered_count", 1), "0 of 1 question answered");
    assert_eq!(
        en("selftest.answered_count", 2),
        "0 of 2 questions answered"
    );
    assert!(nl("result.incomplete", 1).starts_with("Je hebt 1 vraag niet"));
    assert!(nl("result.incomplete", 2).starts_with("Je hebt 2 vragen niet"));
    assert_eq!(nl("vacancies.whatif_more", 1), "1 goede vacature meer");
    assert_eq!(nl("vacancies.whatif_more", 0), "0 goede vacatures meer");
    assert_eq!(en("vacancies.whatif_more", 1), "1 more good vacancy");
    assert_eq!(
        i18n::plural(
            Language::Nl,
            "vacancies.summary_eligible",
            1,
            &[("total", "320")]
        ),
        "1 van de 320 vacatures past bij je wensen."
    );
    assert_eq!(
        i18n::plural(Language::Nl, "vacancies.summary_good", 1, &[]),
        "1 daarvan past goed."
    );
    assert_eq!(
        i18n::plural(Language::En, "vacancies.summary_good", 0, &[]),
        "None of them fits well."
    );
    assert_eq!(nl("search.count", 12_345), "12.345 beroepen gevonden");
    assert_eq!(en("search.count", 12_345), "12,345 occupations found");
}
