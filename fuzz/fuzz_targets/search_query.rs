//! Any query on a small index returns at most `limit` hits, best first, with scores in 0..=1,
//! each saying why it was found — through the names and through the texts about the work
//! (Snowball-stemmed Dutch and English, separable verbs, longer forms, typos).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use werkmap::core::search::{AboutText, SearchDocument, SearchIndex};
use werkmap::core::text::Language;

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let doc = |key: &str, label: &str, terms: &[&str], nl: &str, en: &str, prior: f32| {
            SearchDocument {
                key: key.into(),
                label: label.into(),
                terms: terms.iter().map(|t| (*t).to_owned()).collect(),
                about: vec![
                    AboutText {
                        language: Language::Nl,
                        text: nl.into(),
                    },
                    AboutText {
                        language: Language::En,
                        text: en.into(),
                    },
                ],
                prior,
            }
        };
        SearchIndex::new(vec![
            doc("kapper", "kapper", &["kapster", "haarkapper"], "Je knipt en wast haar.", "You cut and wash hair.", 0.8),
            doc("heftruck", "heftruckchauffeur", &["chauffeur vorkheftruck"], "Je rijdt op een heftruck en zet pallets in de stellingen.", "You drive a forklift.", 1.0),
            doc("kassa", "kassamedewerker", &["caissière", "kassière"], "Je zit achter de kassa en rekent af.", "You work at the till.", 1.0),
            doc("kok", "kok", &["kokkin", "chef-kok"], "Je kookt eten in een keuken.", "You cook food.", 0.8),
            doc("paard", "paardenverzorger", &[], "Je verzorgt paarden en mest de stallen uit. Je brengt ze naar de wei.", "You groom horses.", 0.9),
            doc("baby", "kraamverzorgende", &[], "Je zorgt voor moeder en baby's.", "You look after babies.", 0.7),
            doc("straat", "machinist wegenbouwmachine", &["straatmaker"], "", "", 0.0),
            doc("odd", "日本語 ǅ ﬃ", &["", "---", "a"], "日本語 ǅ ﬃ 's -- ''", "ǅ", f32::NAN),
        ])
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let limit = data.first().map_or(5, |&b| usize::from(b % 8));
    let hits = index().search(query, limit);
    assert!(hits.len() <= limit);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(hits.iter().all(|h| (0.0..=1.0).contains(&h.score)));
    assert!(hits
        .iter()
        .all(|h| !h.matched.is_empty() || !h.matched_words.is_empty()));
});
