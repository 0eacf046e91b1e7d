//! The ESCO occupations importer must never panic, whatever the bytes: every input either
//! imports or is refused with a message in both languages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use werkmap::core::esco::{import_occupations_with_progress, EscoCatalog};
use werkmap::core::text::Language;

fuzz_target!(|data: &[u8]| {
    let mut last = 0;
    let result = import_occupations_with_progress(data, &mut |done, total| {
        assert!(done <= total && total == data.len());
        assert!(done >= last, "progress went back");
        last = done;
    });
    match result {
        Ok(catalog) => {
            assert!(!catalog.occupations.is_empty());
            let _ = catalog.search_documents();
            // What import-esco --out writes must read back.
            let back = EscoCatalog::from_json(&catalog.to_json()).ok();
            assert_eq!(back.map(|c| c.occupations), Some(catalog.occupations));
        }
        Err(error) => {
            assert!(!error.message(Language::Nl).is_empty());
            assert!(!error.message(Language::En).is_empty());
        }
    }
});
