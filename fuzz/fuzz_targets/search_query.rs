//! Any query on a small index returns at most `limit` hits, best first, with scores in 0..=1.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use werkmap::core::search::{SearchDocument, SearchIndex};

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let doc = |key: &str, label: &str, terms: &[&str]| SearchDocument {
            key: key.into(),
            label: label.into(),
            terms: terms.iter().map(|t| (*t).to_owned()).collect(),
        };
        SearchIndex::new(vec![
            doc("kapper", "kapper", &["kapster", "haarkapper"]),
            doc("heftruck", "heftruckchauffeur", &["chauffeur vorkheftruck"]),
            doc("kassa", "kassamedewerker", &["caissière", "kassière"]),
            doc("kok", "kok", &["kokkin", "chef-kok"]),
            doc("straat", "machinist wegenbouwmachine", &["straatmaker"]),
            doc("odd", "日本語 ǅ ﬃ", &["", "---", "a"]),
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
});
