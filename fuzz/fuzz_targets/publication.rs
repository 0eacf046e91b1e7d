//! The reader of a published feed (`core::publish`: manifest, shard, texts file) never
//! panics, whatever the bytes: each is read or refused with a typed error and a message in
//! both languages. A shard read from the fuzzed bytes (under a manifest entry made to match
//! them, so the content and not just the hash is tested) has every vacancy inside its area.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use werkmap::core::competence::CompetenceCatalog;
use werkmap::core::publish::{sha256_hex, Cell, Manifest, Shard, ShardEntry, Texts};
use werkmap::core::text::Language;

fn competences() -> &'static CompetenceCatalog {
    static CATALOG: OnceLock<CompetenceCatalog> = OnceLock::new();
    CATALOG.get_or_init(|| CompetenceCatalog::bundled().expect("bundled competences"))
}

fuzz_target!(|data: &[u8]| {
    if let Err(error) = Manifest::parse(data) {
        assert!(!error.message(Language::Nl).is_empty());
        assert!(!error.to_string().is_empty());
    }
    let _ = Texts::parse("texts/fuzz-0123456789abcdef.json", data);
    let hash = sha256_hex(data);
    for area in [None, Some(Cell { z: 6, x: 40, y: 22 })] {
        let entry = ShardEntry {
            file: format!("shards/fuzz-{}.json", &hash[..16]),
            area,
            count: 1,
            bytes: data.len(),
            sha256: hash.clone(),
        };
        if let Ok(shard) = Shard::parse(&entry, data, competences()) {
            assert_eq!(shard.vacancies.len(), 1);
            assert_eq!(shard.texts.len(), 1);
            for vacancy in &shard.vacancies {
                match (area, vacancy.location) {
                    (Some(cell), Some(point)) => assert!(cell.area().contains(point)),
                    (None, None) => {}
                    other => panic!("a vacancy outside its shard's area: {other:?}"),
                }
            }
        }
    }
});
