//! The CSV path of the vacancy importer, reached for sure: the fuzzer's bytes follow a
//! header row that names every column. Never panics; every row is kept or rejected; read one
//! and two rows at a time (each step starts a fresh CSV reader at a byte offset, as the app
//! does), the result is the same.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use werkmap::core::content::Content;
use werkmap::core::place::{Places, PLACES_JSON};
use werkmap::core::vacancy::csv_feed::CSV_COLUMNS;
use werkmap::core::vacancy::{import_feed, Linker};

#[path = "shared/steps.rs"]
mod steps;
use steps::read_in_steps;

fn world() -> &'static (Content, Places, String) {
    static WORLD: OnceLock<(Content, Places, String)> = OnceLock::new();
    WORLD.get_or_init(|| {
        let mut header = CSV_COLUMNS.join(",");
        header.push_str(",salary_unit,description\n");
        (
            Content::bundled().expect("bundled content"),
            Places::parse(PLACES_JSON).expect("bundled places"),
            header,
        )
    })
}

fuzz_target!(|data: &[u8]| {
    let (content, places, header) = world();
    let linker = Linker {
        occupations: &content.occupations,
        index: content.occupation_index(),
        places,
    };
    let mut input = header.as_bytes().to_vec();
    input.extend_from_slice(data);
    let at_once = import_feed(&input, &linker);
    assert_eq!(read_in_steps(&input, &linker, 1), at_once);
    assert_eq!(read_in_steps(&input, &linker, 2), at_once);
    if let Ok(report) = at_once {
        assert_eq!(
            report.records(),
            report.vacancies.len() + report.rejected_count
        );
    }
});
