//! Vacancy feeds: schema.org JobPosting JSON-LD in the shapes job sites publish (a single
//! object, an array, an `@graph` with `@id` references, nested Place and PostalAddress,
//! `employmentType` as text or list, `baseSalary` as MonetaryAmount, HTML descriptions,
//! ISCO or ESCO in `occupationalCategory`, credentials, experience), HTML pages with
//! JSON-LD blocks, and CSV — plus broken records and broken files. No input panics.

mod common;

use std::fs;
use std::path::Path;

use common::{content, mini_places};
use proptest::prelude::*;
use time::macros::date;
use werkmap::core::place::{Places, Precision};
use werkmap::core::text::Language;
use werkmap::core::vacancy::import::{RecordPosition, MAX_FEED_BYTES};
use werkmap::core::vacancy::{
    import_feed, ContractKind, EmployerSupport, FeedError, FeedFormat, FeedImport, FeedReader,
    HoursRange, LanguageLevel, LinkedBy, Linker, RecordProblem, SalaryUnit, VacancySet,
};
use werkmap::core::vocab::EducationLevel;

fn places() -> &'static Places {
    static PLACES: std::sync::OnceLock<Places> = std::sync::OnceLock::new();
    PLACES.get_or_init(mini_places)
}

fn linker() -> Linker<'static> {
    let c = content();
    Linker {
        occupations: &c.occupations,
        index: c.occupation_index(),
        places: places(),
    }
}

fn feed(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import(name: &str) -> FeedImport {
    import_feed(&feed(name), &linker()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn a_single_job_posting_with_nested_objects() {
    let report = import("single.jsonld");
    assert_eq!(report.format, FeedFormat::JsonLd);
    assert_eq!((report.vacancies.len(), report.rejected_count), (1, 0));
    let v = &report.vacancies[0];
    assert_eq!(v.id, "MDB-2026-118");
    assert_eq!(v.title, "Orderpicker dagdienst");
    assert_eq!(v.employer, "Magazijn De Brug B.V.");
    assert_eq!(v.place.as_deref(), Some("Utrecht"));
    assert_eq!(v.postcode.as_deref(), Some("3542"));
    assert!(v.location.is_some(), "placed by its postcode");
    assert_eq!(v.contract, ContractKind::Temporary);
    assert_eq!(v.hours, HoursRange::new(32, 40));
    let salary = v.salary.expect("salary");
    assert_eq!(
        (salary.min_cents, salary.max_cents, salary.unit),
        (1440, 1575, SalaryUnit::Hour)
    );
    assert_eq!(v.education, Some(EducationLevel::Vmbo));
    assert_eq!(
        v.language,
        Some(LanguageLevel::A2),
        "read from the description"
    );
    assert!(!v.driving_licence);
    assert!(v.experience.as_deref().is_some_and(|e| e.starts_with('6')));
    assert_eq!(v.posted, Some(date!(2026 - 11 - 20)));
    assert_eq!(v.closing_date, Some(date!(2026 - 12 - 31)));
    assert_eq!(v.start_date, Some(date!(2027 - 01 - 05)));
    assert_eq!(v.occupation.isco.as_deref(), Some("9334"));
    assert!(v.occupation.id.is_some(), "linked through its ISCO group");
    assert_eq!(v.occupation.linked_by, Some(LinkedBy::Isco));
    // HTML became text with a line per list item.
    assert!(
        v.description
            .contains("• Je pakt bestellingen met een scanner."),
        "{}",
        v.description
    );
    assert!(!v.description.contains('<'));
}

#[test]
fn an_array_of_postings_with_every_value_shape() {
    let report = import("array.json");
    assert_eq!((report.vacancies.len(), report.rejected_count), (3, 0));
    let [cleaning, forklift, bbl] = &report.vacancies[..] else {
        panic!("three vacancies");
    };
    assert_eq!(cleaning.employer, "Schoonmaakbedrijf Helder");
    assert_eq!(cleaning.place.as_deref(), Some("Amersfoort"));
    assert_eq!(cleaning.hours, HoursRange::new(12, 20));
    assert_eq!(cleaning.contract, ContractKind::Regular);
    assert!(
        !cleaning.driving_licence,
        "\"handig maar niet nodig\" is not asking for one"
    );
    assert_eq!(cleaning.occupation.linked_by, Some(LinkedBy::Title));
    assert_eq!(cleaning.occupation.id.as_deref(), Some("schoonmaker"));

    assert_eq!(forklift.employer, "Transport Van der Meulen");
    assert_eq!(forklift.postcode.as_deref(), Some("1043"));
    assert_eq!(forklift.place.as_deref(), Some("Amsterdam"));
    assert_eq!(forklift.occupation.id.as_deref(), Some("heftruckchauffeur"));
    assert_eq!(forklift.education, Some(EducationLevel::Mbo2));
    let salary = forklift.salary.expect("salary");
    assert_eq!(
        (salary.min_cents, salary.unit),
        (265_000, SalaryUnit::Month)
    );
    assert_eq!(forklift.closing_date, Some(date!(2026 - 12 - 20)));

    assert_eq!(bbl.contract, ContractKind::Bbl, "BBL read from the title");
    assert_eq!(bbl.hours, HoursRange::new(24, 24));
    assert_eq!(bbl.education, Some(EducationLevel::HavoVwo));
    assert!(bbl.location.is_some(), "placed by its own coordinates");
    assert_eq!(
        bbl.occupation.id.as_deref(),
        Some("verzorgende-ig"),
        "unknown ESCO URI: by title"
    );
    assert_eq!(report.unlocated, 0);
}

#[test]
fn a_graph_resolves_references_and_skips_other_nodes() {
    let report = import("graph.jsonld");
    assert_eq!((report.vacancies.len(), report.rejected_count), (2, 0));
    assert_eq!(report.other_nodes, 3, "WebPage, Organization, Place");
    let [first, second] = &report.vacancies[..] else {
        panic!("two vacancies");
    };
    assert_eq!(first.id, "linde-41");
    assert_eq!(
        first.title, "Medewerker huishouding & zorg",
        "entities decoded"
    );
    assert_eq!(first.employer, "Zorggroep De Linde");
    assert_eq!(first.place.as_deref(), Some("Zwolle"));
    assert_eq!(first.hours, HoursRange::new(16, 24));
    assert_eq!(second.contract, ContractKind::Volunteering);
    assert_eq!(second.employer, "Zorggroep De Linde");
}

#[test]
fn an_html_page_with_json_ld_blocks() {
    let report = import("page.html");
    assert_eq!(report.format, FeedFormat::HtmlJsonLd);
    assert_eq!(report.vacancies.len(), 1, "{:?}", report.rejected);
    let v = &report.vacancies[0];
    assert_eq!(v.title, "Kassamedewerker weekend");
    assert_eq!(v.postcode.as_deref(), Some("3813"));
    assert_eq!(v.description, "Jij helpt klanten bij de kassa.");
    assert_eq!(v.hours, HoursRange::new(8, 16));
}

#[test]
fn broken_records_are_listed_with_their_reason_and_the_good_ones_kept() {
    let report = import("broken-records.json");
    let problems: Vec<(usize, RecordProblem)> = report
        .rejected
        .iter()
        .map(|r| match r.position {
            RecordPosition::Record(n) => (n, r.problem.clone()),
            RecordPosition::Line(_) => panic!("JSON records have numbers"),
        })
        .collect();
    assert_eq!(
        problems,
        vec![
            (1, RecordProblem::NotAnObject),
            (2, RecordProblem::NotAnObject),
            (3, RecordProblem::MissingTitle),
            (
                4,
                RecordProblem::WrongType {
                    field: "title",
                    expected: "a text"
                }
            ),
            (
                5,
                RecordProblem::WrongType {
                    field: "title",
                    expected: "a text"
                }
            ),
            (
                6,
                RecordProblem::NotAJobPosting {
                    kind: "Organization".into()
                }
            ),
            (7, RecordProblem::MissingTitle),
        ]
    );
    assert_eq!(report.vacancies.len(), 2);
    let cook = &report.vacancies[0];
    assert_eq!(cook.title, "Kok", "tags and script content removed");
    assert_eq!(cook.description, "Lekker koken.");
    assert_eq!(
        cook.employer, "=HYPERLINK(\"http://evil.invalid\")",
        "kept as text"
    );
    assert_eq!(cook.hours, None);
    assert_eq!(cook.salary, None, "a salary in dollars is not taken");
    assert_eq!(cook.posted, None);
    let noted: Vec<&str> = report.notes.iter().map(|n| n.field).collect();
    for field in ["workHours", "baseSalary", "datePosted", "validThrough"] {
        assert!(noted.contains(&field), "{field} noted: {noted:?}");
    }
    let dishes = &report.vacancies[1];
    assert_eq!(
        (dishes.hours, dishes.salary),
        (None, None),
        "absurd values dropped"
    );
    for language in Language::ALL {
        for rejected in &report.rejected {
            assert!(!rejected.message(language).is_empty());
        }
        for note in &report.notes {
            assert!(!note.message(language).is_empty());
        }
        assert!(report.summary(language).contains('2'));
    }
}

#[test]
fn csv_with_english_headers() {
    let report = import("vacancies.csv");
    assert_eq!(report.format, FeedFormat::Csv);
    assert_eq!(
        (report.vacancies.len(), report.rejected_count),
        (3, 0),
        "{:?}",
        report.rejected
    );
    let [warehouse, bus, garden] = &report.vacancies[..] else {
        panic!("three");
    };
    assert_eq!(warehouse.contract, ContractKind::TempAgency);
    assert_eq!(warehouse.hours, HoursRange::new(24, 40));
    assert_eq!(warehouse.competences.len(), 2);
    assert!(warehouse
        .competences
        .iter()
        .any(|c| c.competence == "betrouwbaar" && c.required));
    assert_eq!(
        warehouse.support.iter().copied().collect::<Vec<_>>(),
        vec![EmployerSupport::Training]
    );
    assert_eq!(warehouse.occupation.linked_by, Some(LinkedBy::Given));
    assert!(bus.driving_licence);
    assert_eq!(
        bus.description,
        "Je rijdt lijndiensten, \"veilig en op tijd\"."
    );
    assert_eq!(bus.salary.map(|s| s.unit), Some(SalaryUnit::Month));
    assert_eq!(bus.support.len(), 2);
    assert_eq!(garden.contract, ContractKind::Bbl);
    assert_eq!(garden.hours, None);
}

#[test]
fn csv_with_dutch_headers_and_semicolons_rejects_bad_rows_by_line() {
    let report = import("vacatures-nl.csv");
    let rejected: Vec<(u64, String)> = report
        .rejected
        .iter()
        .map(|r| match r.position {
            RecordPosition::Line(n) => (n, r.problem.message(Language::Nl)),
            RecordPosition::Record(_) => panic!("CSV rows have lines"),
        })
        .collect();
    assert_eq!(rejected.len(), 4, "{rejected:?}");
    assert_eq!(rejected[0].0, 3, "the row without a title");
    assert!(rejected[1].1.contains("veel"), "{rejected:?}");
    assert!(
        rejected[2].1.contains("koken"),
        "unknown competence: {rejected:?}"
    );
    assert!(rejected[3].1.contains("velden"), "short row: {rejected:?}");
    assert_eq!(report.vacancies.len(), 2);
    let shop = &report.vacancies[0];
    assert_eq!(shop.contract, ContractKind::Temporary);
    assert_eq!(shop.closing_date, Some(date!(2026 - 12 - 31)));
    let hostile = &report.vacancies[1];
    assert_eq!(hostile.title, "=HYPERLINK(\"http://evil.invalid\")");
    assert_eq!(hostile.description, "Help mee.");
    assert_eq!(hostile.contract, ContractKind::Volunteering);
}

#[test]
fn unusable_files_get_one_clear_message() {
    let l = linker();
    let cases: Vec<(&str, Vec<u8>, FeedError)> = vec![
        ("empty", Vec::new(), FeedError::Empty),
        ("blank", b"   \n ".to_vec(), FeedError::Empty),
        (
            "not utf-8",
            b"title\n\xff\xfe".to_vec(),
            FeedError::NotUtf8 { offset: 6 },
        ),
        (
            "cut off",
            br#"[{"@type": "JobPosting", "title": "Kok""#.to_vec(),
            FeedError::NotJson {
                line: 1,
                column: 39,
            },
        ),
        (
            "no postings",
            br#"{"@type": "Organization", "name": "X"}"#.to_vec(),
            FeedError::NoJobPostings,
        ),
        ("empty array", b"[]".to_vec(), FeedError::NoJobPostings),
        (
            "html without",
            b"<html><body>Hallo</body></html>".to_vec(),
            FeedError::NoJobPostings,
        ),
        (
            "csv without title",
            b"werkgever;plaats\nA;B\n".to_vec(),
            FeedError::NoTitleColumn,
        ),
        (
            "plain text",
            b"Dit is gewoon een brief.".to_vec(),
            FeedError::UnknownFormat,
        ),
    ];
    for (name, bytes, expected) in cases {
        let got = import_feed(&bytes, &l).map(|r| r.vacancies.len());
        assert_eq!(got, Err(expected.clone()), "{name}");
        for language in Language::ALL {
            assert!(!expected.message(language).is_empty());
        }
    }
}

#[test]
fn deep_nesting_is_refused_not_followed() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        import_feed(deep.as_bytes(), &linker()).map(|_| ()),
        Err(FeedError::TooDeep)
    );
    let nested_object = format!(
        r#"[{{"@type":"JobPosting","title":"Kok","extra":{}1{}}}]"#,
        "[".repeat(5_000),
        "]".repeat(5_000)
    );
    let outcome = import_feed(nested_object.as_bytes(), &linker());
    assert!(matches!(outcome, Err(FeedError::TooDeep)), "{outcome:?}");
}

#[test]
fn huge_values_are_cut_to_size() {
    let title = "Kok ".repeat(100_000);
    let description = "Lekker koken. ".repeat(200_000);
    let json =
        serde_json::json!([{ "@type": "JobPosting", "title": title, "description": description }]);
    let report = import_feed(json.to_string().as_bytes(), &linker()).expect("imported");
    let v = &report.vacancies[0];
    assert!(v.title.chars().count() <= werkmap::core::vacancy::MAX_SHORT_TEXT);
    assert!(v.description.chars().count() <= werkmap::core::vacancy::MAX_DESCRIPTION);
}

#[test]
fn a_file_over_the_limit_is_refused_before_reading() {
    let big = vec![b' '; MAX_FEED_BYTES + 1];
    assert!(matches!(
        import_feed(&big, &linker()),
        Err(FeedError::TooLarge { .. })
    ));
}

#[test]
fn ids_stay_unique_within_an_import() {
    let json = r#"[{"@type":"JobPosting","title":"A","identifier":"x"},
                   {"@type":"JobPosting","title":"B","identifier":"x"},
                   {"@type":"JobPosting","title":"C"}]"#;
    let report = import_feed(json.as_bytes(), &linker()).expect("imported");
    let ids: Vec<&str> = report.vacancies.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["x", "x-2", "import-3"]);
    let json = r#"[{"@type":"JobPosting","title":"A","identifier":"MDB/2026.118 (nl)"}]"#;
    let report = import_feed(json.as_bytes(), &linker()).expect("imported");
    assert_eq!(
        report.vacancies[0].id, "MDB-2026-118-nl",
        "safe in an address"
    );
}

#[test]
fn an_imported_feed_round_trips_through_the_apps_vacancy_file() {
    let report = import("array.json");
    let set = VacancySet::new("array.json", report.vacancies.clone());
    let again = VacancySet::parse(&set.to_json(), &content().competences).expect("valid set");
    assert_eq!(again.vacancies, report.vacancies);
}

#[test]
fn places_are_found_by_postcode_name_or_coordinates() {
    let l = linker();
    let by_postcode = l.locate(Some("3542 AD"), None, None).expect("found");
    assert_eq!(
        (by_postcode.place.as_str(), by_postcode.precision),
        ("Utrecht", Precision::Postcode)
    );
    let by_name = l.locate(None, Some("amersfoort"), None).expect("found");
    assert_eq!(by_name.precision, Precision::Place);
    assert!(l.locate(Some("9999"), Some("Atlantis"), None).is_none());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Whatever the bytes, the importer answers (a report or an error) and never panics.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
        let _ = import_feed(&bytes, &linker());
    }

    /// Mutating a valid feed byte by byte never panics either.
    #[test]
    fn mutated_feeds_never_panic(
        which in 0..READABLE_FEEDS.len(),
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..20),
    ) {
        let bytes = mutated_feed(which, &edits);
        let _ = import_feed(&bytes, &linker());
    }

    /// Reading a few records at a time (as the app does, to paint a progress bar) gives
    /// exactly what reading in one go gives, on valid and on damaged feeds; progress only
    /// goes up and reaches 1 at the end.
    #[test]
    fn reading_in_steps_gives_the_same_import(
        which in 0..READABLE_FEEDS.len(),
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..6),
        step in 1usize..4,
    ) {
        let bytes = mutated_feed(which, &edits);
        let at_once = import_feed(&bytes, &linker());
        let mut progress = Vec::new();
        let stepped = read_in_steps(&bytes, step, &mut progress);
        prop_assert!(progress.windows(2).all(|w| w[0] <= w[1]), "{progress:?}");
        prop_assert!(progress.iter().all(|p| (0.0..=1.0).contains(p)), "{progress:?}");
        if stepped.is_ok() {
            prop_assert_eq!(progress.last().copied(), Some(1.0));
        }
        prop_assert_eq!(stepped, at_once);
    }

    /// JSON-shaped input with random structure (the importer's own grammar) never panics.
    #[test]
    fn random_json_never_panics(value in arbitrary_json()) {
        let _ = import_feed(value.to_string().as_bytes(), &linker());
        let wrapped = serde_json::json!([{ "@type": "JobPosting", "title": "Kok", "jobLocation": value.clone(), "baseSalary": value.clone(), "employmentType": value.clone(), "educationRequirements": value.clone(), "occupationalCategory": value }]);
        let _ = import_feed(wrapped.to_string().as_bytes(), &linker());
    }
}

/// Reads a feed `step` records at a time, noting the progress after each step.
/// Feeds of `tests/fixtures/feeds` that are read, not refused: one of each shape.
const READABLE_FEEDS: [&str; 7] = [
    "single.jsonld",
    "array.json",
    "graph.jsonld",
    "page.html",
    "broken-records.json",
    "vacancies.csv",
    "vacatures-nl.csv",
];

/// Feed `which` of `READABLE_FEEDS` with the bytes at some places replaced.
fn mutated_feed(which: usize, edits: &[(usize, u8)]) -> Vec<u8> {
    let mut bytes = feed(READABLE_FEEDS[which]);
    for &(at, byte) in edits {
        let at = at % bytes.len().max(1);
        if let Some(b) = bytes.get_mut(at) {
            *b = byte;
        }
    }
    bytes
}

fn read_in_steps(
    bytes: &[u8],
    step: usize,
    progress: &mut Vec<f64>,
) -> Result<FeedImport, FeedError> {
    let mut reader = FeedReader::new(bytes.to_vec())?;
    progress.push(reader.progress());
    for _ in 0..100_000 {
        let done = reader.step(&linker(), step)?;
        progress.push(reader.progress());
        if done {
            return Ok(reader.finish());
        }
    }
    panic!("the reader never came to an end");
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-zA-Z0-9 @:<>/.-]{0,20}".prop_map(Value::String),
        prop_oneof![
            Just("JobPosting"),
            Just("Place"),
            Just("MonetaryAmount"),
            Just("32-40"),
            Just("8344"),
            Just("2026-12-01")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("@type".to_owned()),
                    Just("@id".to_owned()),
                    Just("name".to_owned()),
                    Just("address".to_owned()),
                    Just("value".to_owned()),
                    Just("postalCode".to_owned()),
                    Just("minValue".to_owned()),
                    Just("geo".to_owned()),
                    Just("latitude".to_owned()),
                    "[a-z]{1,8}".prop_map(|s| s)
                ],
                inner,
                0..5
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn a_number_too_large_is_named_and_negative_hours_are_refused() {
    // Issue 15, item 12: `1e309` was "not a vacancy but a loose value"; "-32" became 32 hours.
    let feed = br#"[
        {"@type": "JobPosting", "title": "Kok", "baseSalary": 1e309},
        {"@type": "JobPosting", "title": "Schoonmaker", "workHours": "-32"},
        {"@type": "JobPosting", "title": "Bakker", "workHours": -8}
    ]"#;
    let report = import_feed(feed, &linker()).expect("reads");
    assert_eq!(report.rejected_count, 1);
    assert_eq!(
        report.rejected[0].problem,
        RecordProblem::NumberTooLarge {
            number: "1e309".into()
        }
    );
    assert!(report.rejected[0]
        .message(Language::Nl)
        .contains("het getal 1e309 is te groot"));
    assert_eq!(report.vacancies.len(), 2);
    assert!(report.vacancies.iter().all(|v| v.hours.is_none()));
    let notes: Vec<String> = report
        .notes
        .iter()
        .map(|n| n.message(Language::Nl))
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes.iter().all(|n| n.contains("is negatief")), "{notes:?}");

    let csv = b"title,hours\nKok,-32\nBakker,24-32\n";
    let report = import_feed(csv, &linker()).expect("reads");
    assert_eq!(report.vacancies.len(), 1);
    assert_eq!(
        report.rejected[0].problem,
        RecordProblem::Negative {
            field: "hours",
            value: "-32".into()
        }
    );
}
