//! The vacancy feed importer (JSON-LD, HTML with JSON-LD, CSV) never panics, whatever the
//! bytes: a feed is read (every record kept or rejected with a reason) or refused with a
//! message in both languages. What it keeps is valid as the app's own vacancy file. Read a
//! few records at a time (as the app does), the result is the same.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use werkmap::core::content::Content;
use werkmap::core::place::{Places, PLACES_JSON};
use werkmap::core::text::Language;
use werkmap::core::vacancy::{import_feed, Linker, VacancySet};

#[path = "shared/steps.rs"]
mod steps;
use steps::read_in_steps;

fn world() -> &'static (Content, Places) {
    static WORLD: OnceLock<(Content, Places)> = OnceLock::new();
    WORLD.get_or_init(|| {
        (
            Content::bundled().expect("bundled content"),
            Places::parse(PLACES_JSON).expect("bundled places"),
        )
    })
}

fuzz_target!(|data: &[u8]| {
    let (content, places) = world();
    let linker = Linker {
        occupations: &content.occupations,
        index: content.occupation_index(),
        places,
    };
    let at_once = import_feed(data, &linker);
    assert_eq!(read_in_steps(data, &linker, 3), at_once);
    match at_once {
        Ok(report) => {
            assert_eq!(
                report.records(),
                report.vacancies.len() + report.rejected_count
            );
            for rejected in &report.rejected {
                assert!(!rejected.message(Language::Nl).is_empty());
            }
            let set = VacancySet::new("fuzz", report.vacancies);
            let back = VacancySet::parse(&set.to_json(), &content.competences);
            assert!(back.is_ok(), "{back:?}");
        }
        Err(error) => {
            assert!(!error.message(Language::Nl).is_empty());
            assert!(!error.message(Language::En).is_empty());
        }
    }
});
