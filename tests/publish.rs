//! Publishing a region's vacancies (`core::publish`): counts, expiry, duplicates, the same
//! bytes for the same input, every vacancy inside its shard's area, a vacancy near a shard
//! border found from both sides, shard selection for a circle, hostile feeds through
//! publishing, and the reader of manifests, shards and texts files against hostile bytes.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::{content, plain_vacancy};
use proptest::prelude::*;
use time::macros::date;
use time::Date;
use werkmap::core::matching::VacancyPool;
use werkmap::core::place::{GeoPoint, Places, PLACES_JSON};
use werkmap::core::publish::build::TEXT_CHUNK_BYTES;
use werkmap::core::publish::{
    availability, publish, read_input, sha256_hex, Availability, Cell, ClosedReason, DuplicateBy,
    Freshness, Input, Manifest, PublicationError, PublishOptions, PublishReport, Reason, Shard,
    Texts, MANIFEST_FILE,
};
use werkmap::core::vacancy::generate::{Generator, Templates, TEMPLATES_JSON};
use werkmap::core::vacancy::{Linker, Vacancy};

const TODAY: Date = date!(2026 - 12 - 03);

fn places() -> &'static Places {
    static PLACES: std::sync::OnceLock<Places> = std::sync::OnceLock::new();
    PLACES.get_or_init(|| Places::parse(PLACES_JSON).expect("bundled places"))
}

fn linker() -> Linker<'static> {
    let c = content();
    Linker {
        occupations: &c.occupations,
        index: c.occupation_index(),
        places: places(),
    }
}

fn generated(count: usize, seed: u64) -> Vec<Vacancy> {
    static TEMPLATES: std::sync::OnceLock<Templates> = std::sync::OnceLock::new();
    let templates = TEMPLATES.get_or_init(|| {
        Templates::parse(TEMPLATES_JSON, &content().occupations).expect("templates")
    });
    Generator::new(templates, &content().occupations, places(), seed, TODAY).generate(count)
}

fn input(name: &str, vacancies: Vec<Vacancy>) -> Input {
    Input {
        name: name.to_owned(),
        vacancies,
        rejected_count: 0,
        rejected: Vec::new(),
    }
}

fn options(capacity: usize) -> PublishOptions {
    PublishOptions {
        source: "Werkgeversservicepunt Utrecht".to_owned(),
        today: TODAY,
        capacity,
    }
}

/// A publication in memory: path → bytes.
struct Published {
    files: BTreeMap<String, Vec<u8>>,
    report: PublishReport,
    shards: std::sync::OnceLock<Vec<Shard>>,
}

impl Published {
    fn manifest(&self) -> Manifest {
        Manifest::parse(&self.files[MANIFEST_FILE]).expect("our manifest reads")
    }

    fn shard(&self, index: usize) -> Shard {
        self.shards()[index].clone()
    }

    /// Every shard, read (and checked) once.
    fn shards(&self) -> &[Shard] {
        self.shards.get_or_init(|| {
            self.manifest()
                .shards
                .iter()
                .map(|entry| {
                    Shard::parse(entry, &self.files[&entry.file], &content().competences)
                        .unwrap_or_else(|e| panic!("{}: {e}", entry.file))
                })
                .collect()
        })
    }

    fn all(&self) -> Vec<Vacancy> {
        (0..self.manifest().shards.len())
            .flat_map(|i| self.shard(i).vacancies)
            .collect()
    }
}

fn run(inputs: Vec<Input>, capacity: usize) -> Published {
    let mut files = BTreeMap::new();
    let report = publish(inputs, &options(capacity), |path, bytes| {
        files.insert(path.to_owned(), bytes.to_vec());
        Ok::<(), ()>(())
    })
    .expect("an in-memory sink never fails");
    Published {
        files,
        report,
        shards: std::sync::OnceLock::new(),
    }
}

#[test]
fn counts_expiry_and_duplicates() {
    let mut expired = plain_vacancy("old");
    expired.closing_date = Some(date!(2026 - 12 - 02));
    let mut last_day = plain_vacancy("today");
    last_day.closing_date = Some(TODAY);
    last_day.title = "Kok".into();
    let mut first = plain_vacancy("a");
    first.url = Some("https://werk.example/a".into());
    let mut same_url = plain_vacancy("b");
    same_url.title = "Iets anders".into();
    same_url.url = Some("HTTPS://werk.example/a/".into());
    let mut same_words = plain_vacancy("c");
    same_words.title = "VACATURE  a".into(); // folds to the title of `a`
    let mut no_employer_1 = plain_vacancy("d");
    no_employer_1.employer.clear();
    no_employer_1.title = "Schoonmaker".into();
    let mut no_employer_2 = no_employer_1.clone();
    no_employer_2.id = "e".into();
    let same_id_other_feed = plain_vacancy("a");

    let published = run(
        vec![
            input(
                "een.jsonld",
                vec![
                    expired,
                    last_day,
                    first,
                    same_url,
                    same_words,
                    no_employer_1,
                    no_employer_2,
                ],
            ),
            Input {
                rejected_count: 3,
                ..input("twee.csv", vec![same_id_other_feed])
            },
        ],
        100,
    );
    let counts = published.report.counts().clone();
    assert_eq!(counts.read, 11);
    assert_eq!(counts.rejected, 3);
    assert_eq!(counts.expired, 1, "only a closing date before today");
    assert_eq!(counts.duplicates, 3);
    assert_eq!(counts.vacancies, 4);
    let ids: BTreeSet<String> = published.all().into_iter().map(|v| v.id).collect();
    let expected: BTreeSet<String> = ["today", "a", "d", "e"].map(String::from).into();
    assert_eq!(
        ids, expected,
        "vacancies without an employer are not merged"
    );
    let reasons: Vec<(Option<String>, String)> = published
        .report
        .lines
        .iter()
        .map(|l| {
            let why = match &l.reason {
                Reason::Expired { .. } => "expired".to_owned(),
                Reason::Duplicate { of, by } => format!("{by:?} of {of}"),
                Reason::Rejected(_) => "rejected".to_owned(),
            };
            (l.id.clone(), why)
        })
        .collect();
    assert!(reasons.contains(&(Some("old".into()), "expired".into())));
    assert!(reasons.contains(&(Some("b".into()), format!("{:?} of a", DuplicateBy::Url))));
    assert!(reasons.contains(&(
        Some("c".into()),
        format!("{:?} of a", DuplicateBy::TitleEmployerPlace)
    )));
    assert!(reasons.contains(&(
        Some("a".into()),
        format!("{:?} of a", DuplicateBy::Identifier)
    )));
    let message = published.report.lines[0].message(werkmap::core::text::Language::Nl);
    assert!(message.contains("verlopen"), "{message}");
    assert_eq!(published.manifest().counts, counts);
    assert_eq!(published.manifest().source, "Werkgeversservicepunt Utrecht");
    assert_eq!(published.manifest().published, TODAY);
}

#[test]
fn the_same_input_gives_the_same_bytes_and_names_carry_hashes() {
    let a = run(vec![input("a", generated(3_000, 11))], 400);
    let b = run(vec![input("a", generated(3_000, 11))], 400);
    assert_eq!(a.files, b.files);
    for (path, bytes) in &a.files {
        if path == MANIFEST_FILE {
            continue;
        }
        let hash = sha256_hex(bytes);
        assert!(
            path.ends_with(&format!("-{}.json", &hash[..16])),
            "{path} is named after its content"
        );
    }
    // A different date is a different manifest, but the same shards.
    let mut later = options(400);
    later.today = date!(2026 - 12 - 04);
    let mut files = BTreeMap::new();
    publish(vec![input("a", generated(3_000, 11))], &later, |p, b| {
        files.insert(p.to_owned(), b.to_vec());
        Ok::<(), ()>(())
    })
    .expect("publishes");
    assert_ne!(files[MANIFEST_FILE], a.files[MANIFEST_FILE]);
}

#[test]
fn every_vacancy_is_in_the_shard_of_its_area_and_shards_stay_small() {
    let vacancies = generated(6_000, 5);
    let published = run(vec![input("gen", vacancies.clone())], 500);
    let manifest = published.manifest();
    assert!(
        manifest.shards.len() > 12,
        "{} shards",
        manifest.shards.len()
    );
    let mut seen = 0;
    let mut cells = BTreeSet::new();
    for (index, entry) in manifest.shards.iter().enumerate() {
        let shard = published.shard(index);
        assert!(shard.vacancies.len() <= 500, "{}", entry.file);
        let cell = entry.area.expect("generated vacancies all have a place");
        cells.insert(cell);
        for vacancy in &shard.vacancies {
            let point = vacancy.location.expect("located");
            assert!(
                cell.area().contains(point),
                "{} in {}",
                vacancy.id,
                entry.file
            );
            assert_eq!(Cell::of(point, cell.z), Some(cell), "{}", vacancy.id);
        }
        seen += shard.vacancies.len();
    }
    let counts = published.report.counts();
    assert_eq!(seen, counts.vacancies);
    assert_eq!(seen + counts.expired + counts.duplicates, vacancies.len());
    // No two areas overlap: no cell is an ancestor of another.
    for cell in &cells {
        let mut up = *cell;
        while up.z > 0 {
            up = Cell {
                z: up.z - 1,
                x: up.x / 2,
                y: up.y / 2,
            };
            assert!(!cells.contains(&up), "{cell:?} lies inside {up:?}");
        }
    }
}

#[test]
fn long_texts_come_back_from_the_texts_files() {
    let vacancies = generated(400, 9);
    let published = run(vec![input("gen", vacancies.clone())], 150);
    let manifest = published.manifest();
    let by_id: BTreeMap<&str, &Vacancy> = vacancies.iter().map(|v| (v.id.as_str(), v)).collect();
    let mut checked = 0;
    for index in 0..manifest.shards.len() {
        let shard = published.shard(index);
        for (vacancy, file) in shard.vacancies.iter().zip(&shard.texts) {
            let original = by_id[vacancy.id.as_str()];
            assert!(
                vacancy.description.is_empty(),
                "long texts are not in the shard"
            );
            let file = file
                .as_ref()
                .expect("generated vacancies have a description");
            let bytes = &published.files[file];
            assert!(
                bytes.len() <= TEXT_CHUNK_BYTES + 25_000,
                "{file}: {}",
                bytes.len()
            );
            let texts = Texts::parse(file, bytes).expect("texts file reads");
            let mut whole = vacancy.clone();
            texts.get(&vacancy.id).expect("its entry").apply(&mut whole);
            let mut expected = (*original).clone();
            expected.location = whole.location; // rounded to 4 decimals
            assert_eq!(whole, expected);
            checked += 1;
        }
    }
    assert_eq!(checked, 400 - published.report.counts().expired);
}

/// Every vacancy within `km` of home, as matching measures it, is in a shard the selection
/// names.
fn assert_selection_finds_all(published: &Published, home: GeoPoint, km: f64) -> usize {
    let manifest = published.manifest();
    let chosen: BTreeSet<usize> = manifest.shards_within(Some(home), km).into_iter().collect();
    let mut near = 0;
    for (index, shard) in published.shards().iter().enumerate() {
        for vacancy in &shard.vacancies {
            let Some(point) = vacancy.location else {
                assert!(chosen.contains(&index), "unplaced shards are always chosen");
                continue;
            };
            if home.distance_km(point) <= km {
                near += 1;
                assert!(
                    chosen.contains(&index),
                    "{} at {:.2} km from {home:?} is in shard {index}, not chosen for {km} km",
                    vacancy.id,
                    home.distance_km(point)
                );
            }
        }
    }
    near
}

#[test]
fn a_vacancy_near_a_shard_border_is_found_from_both_sides() {
    // Many vacancies around one border so that the quadtree cuts there.
    let border_cell = Cell::of(
        GeoPoint {
            lat: 52.0907,
            lon: 5.1214,
        },
        6,
    )
    .expect("inside");
    let area = border_cell.area();
    let mut vacancies = Vec::new();
    for i in 0..40 {
        for (side, lon) in [("w", area.east - 0.002), ("e", area.east + 0.002)] {
            let mut v = plain_vacancy(&format!("{side}{i}"));
            v.title = format!("Vacature {side} {i}");
            v.location = Some(GeoPoint {
                lat: area.south + 0.001 + f64::from(i) * 0.001,
                lon,
            });
            vacancies.push(v);
        }
    }
    let published = run(vec![input("rand", vacancies)], 30);
    let manifest = published.manifest();
    let shard_of = |id: &str| {
        (0..manifest.shards.len())
            .find(|i| published.shard(*i).vacancies.iter().any(|v| v.id == id))
            .expect("published")
    };
    let west = shard_of("w0");
    let east = shard_of("e0");
    assert_ne!(west, east, "the two sides are in different shards");
    // A job seeker 1 km west of the border, travelling 2 km, needs the east shard too.
    let near_west = GeoPoint {
        lat: area.south + 0.001,
        lon: area.east - 0.0147,
    };
    let near_east = GeoPoint {
        lat: area.south + 0.001,
        lon: area.east + 0.0147,
    };
    for home in [near_west, near_east] {
        let chosen = manifest.shards_within(Some(home), 2.0);
        assert!(chosen.contains(&west) && chosen.contains(&east), "{home:?}");
        assert!(assert_selection_finds_all(&published, home, 2.0) > 0);
    }
    // At 0.2 km only the home side is needed.
    assert!(!manifest.shards_within(Some(near_west), 0.2).contains(&east));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Shard selection for a circle: every vacancy within the distance is in a chosen shard,
    /// wherever home is and however far the job seeker travels.
    #[test]
    fn shard_selection_finds_every_vacancy_in_the_circle(
        lat in 50.7f64..53.6, lon in 3.3f64..7.2, km in 1u16..80,
    ) {
        static PUBLISHED: std::sync::OnceLock<Published> = std::sync::OnceLock::new();
        let published = PUBLISHED.get_or_init(|| run(vec![input("gen", generated(4_000, 3))], 120));
        assert_selection_finds_all(published, GeoPoint { lat, lon }, f64::from(km));
    }

    /// Hostile feeds through publishing: whatever the bytes, reading gives an input or an
    /// error, and publishing what was read gives a publication our reader accepts.
    #[test]
    fn hostile_feeds_through_publish(bytes in proptest::collection::vec(any::<u8>(), 0..1_500), which in 0..4usize) {
        let prefix: &[u8] = [b"".as_slice(), b"[{\"@type\":\"JobPosting\",\"title\":", b"title;plaats\n", b"<script type=\"application/ld+json\">"][which];
        let mut feed = prefix.to_vec();
        feed.extend(&bytes);
        if let Ok(read) = read_input("hostile", &feed, &linker(), &content().competences, TODAY) {
            let published = run(vec![read], 50);
            let _ = published.all();
        }
    }

    /// The reader never panics on bytes, whatever they are, for any of the three kinds.
    #[test]
    fn arbitrary_bytes_never_panic_the_reader(bytes in proptest::collection::vec(any::<u8>(), 0..3_000)) {
        let _ = Manifest::parse(&bytes);
        let _ = Texts::parse("texts/x-0123456789abcdef.json", &bytes);
        let entry = small().manifest().shards[0].clone();
        let _ = Shard::parse(&entry, &bytes, &content().competences);
    }

    /// Damaged files of a real publication: an error or a valid result, never a panic; a
    /// damaged shard is always refused (its hash no longer matches).
    #[test]
    fn damaged_publications_are_refused_not_followed(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..12),
    ) {
        let published = small();
        let damage = |bytes: &[u8]| {
            let mut bytes = bytes.to_vec();
            for &(at, byte) in &edits {
                let at = at % bytes.len();
                bytes[at] = byte;
            }
            bytes
        };
        let _ = Manifest::parse(&damage(&published.files[MANIFEST_FILE]));
        let manifest = published.manifest();
        let entry = &manifest.shards[0];
        let original = &published.files[&entry.file];
        let damaged = damage(original);
        if &damaged != original {
            let refused = Shard::parse(entry, &damaged, &content().competences);
            let mismatch = matches!(refused, Err(PublicationError::HashMismatch { .. }));
            prop_assert!(mismatch, "a damaged shard must be refused");
        }
        let text = published.report.text_files[0].clone();
        let _ = Texts::parse(&text, &damage(&published.files[&text]));
    }
}

fn small() -> &'static Published {
    static SMALL: std::sync::OnceLock<Published> = std::sync::OnceLock::new();
    SMALL.get_or_init(|| run(vec![input("gen", generated(200, 2))], 100))
}

/// A manifest with one field changed, as JSON.
fn manifest_with(change: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut value: serde_json::Value =
        serde_json::from_slice(&small().files[MANIFEST_FILE]).expect("json");
    change(&mut value);
    value.to_string().into_bytes()
}

#[test]
fn hostile_manifests_get_typed_errors() {
    assert!(Manifest::parse(&small().files[MANIFEST_FILE]).is_ok());
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("not json", b"{".to_vec()),
        (
            "too large",
            vec![b' '; werkmap::core::publish::MAX_MANIFEST_BYTES + 1],
        ),
        (
            "other format",
            manifest_with(|v| v["format"] = "werkmap-vacancies".into()),
        ),
        ("newer", manifest_with(|v| v["version"] = 2.into())),
        (
            "outside",
            manifest_with(|v| {
                v["shards"][0]["file"] =
                    "https://elders.example/shards/a-0123456789abcdef.json".into()
            }),
        ),
        (
            "up",
            manifest_with(|v| {
                v["shards"][0]["file"] = "shards/../../etc-0123456789abcdef.json".into()
            }),
        ),
        (
            "hash",
            manifest_with(|v| v["shards"][0]["sha256"] = "00".repeat(32).into()),
        ),
        (
            "area",
            manifest_with(|v| v["shards"][0]["area"] = serde_json::json!({"z": 2, "x": 9, "y": 0})),
        ),
        (
            "count",
            manifest_with(|v| v["counts"]["vacancies"] = 1.into()),
        ),
        (
            "twice",
            manifest_with(|v| {
                let first = v["shards"][0].clone();
                v["shards"].as_array_mut().expect("array").push(first);
            }),
        ),
        ("unknown field", manifest_with(|v| v["extra"] = true.into())),
        (
            "date",
            manifest_with(|v| v["published"] = "3 december".into()),
        ),
    ];
    for (what, bytes) in cases {
        let error = Manifest::parse(&bytes).expect_err(what);
        let expected = match what {
            "not json" | "unknown field" | "date" => matches!(error, PublicationError::Json { .. }),
            "too large" => matches!(error, PublicationError::TooLarge { .. }),
            "other format" => matches!(error, PublicationError::Format { .. }),
            "newer" => matches!(error, PublicationError::Newer { version: 2, .. }),
            "outside" | "up" => matches!(error, PublicationError::BadFileName { .. }),
            _ => matches!(error, PublicationError::Invalid { .. }),
        };
        assert!(expected, "{what}: {error:?}");
        assert!(!error.message(werkmap::core::text::Language::Nl).is_empty());
    }
}

/// A shard file rewritten by `change` with its manifest entry fixed up to match (so the
/// hash passes and the content is what is checked).
fn forged_shard(change: impl FnOnce(&mut serde_json::Value)) -> Result<Shard, PublicationError> {
    let published = small();
    let manifest = published.manifest();
    let mut entry = manifest.shards[0].clone();
    let mut value: serde_json::Value =
        serde_json::from_slice(&published.files[&entry.file]).expect("json");
    change(&mut value);
    let bytes = value.to_string().into_bytes();
    entry.sha256 = sha256_hex(&bytes);
    entry.bytes = bytes.len();
    Shard::parse(&entry, &bytes, &content().competences)
}

#[test]
fn hostile_shards_get_typed_errors() {
    assert!(forged_shard(|_| {}).is_ok());
    let invalid = |what: &str, result: Result<Shard, PublicationError>| {
        assert!(
            matches!(result, Err(PublicationError::Invalid { .. })),
            "{what}: {result:?}"
        );
    };
    invalid(
        "a vacancy outside its area",
        forged_shard(|v| v["vacancies"][0]["l"] = serde_json::json!([53.6, 7.2])),
    );
    invalid(
        "another area",
        forged_shard(|v| v["area"] = serde_json::json!({"z": 1, "x": 1, "y": 1})),
    );
    invalid(
        "a vacancy without a place in an area",
        forged_shard(|v| {
            v["vacancies"][0]
                .as_object_mut()
                .expect("object")
                .remove("l");
        }),
    );
    invalid(
        "a texts index that does not exist",
        forged_shard(|v| v["vacancies"][0]["x"] = 99.into()),
    );
    invalid(
        "an id twice",
        forged_shard(|v| {
            let first = v["vacancies"][0]["i"].clone();
            v["vacancies"][1]["i"] = first;
        }),
    );
    invalid(
        "an unknown competence",
        forged_shard(|v| v["vacancies"][0]["cp"] = serde_json::json!([["toveren", 3, true]])),
    );
    invalid(
        "an id unsafe in an address",
        forged_shard(|v| v["vacancies"][0]["i"] = "../../x".into()),
    );
    invalid(
        "hours",
        forged_shard(|v| v["vacancies"][0]["h"] = serde_json::json!([40, 8])),
    );
    assert!(matches!(
        forged_shard(|v| v["texts"][0] = "../x.json".into()),
        Err(PublicationError::BadFileName { .. })
    ));
    assert!(matches!(
        forged_shard(|v| v["vacancies"][0]["l"] = serde_json::json!([40.0, 5.0])),
        Err(PublicationError::Invalid { .. })
    ));
    assert!(matches!(
        forged_shard(|v| v["version"] = 7.into()),
        Err(PublicationError::Newer { version: 7, .. })
    ));
    assert!(matches!(
        forged_shard(|v| v["vacancies"][0]["zz"] = 1.into()),
        Err(PublicationError::Json { .. })
    ));
    // A texts file whose bytes do not match its name.
    let text = &small().report.text_files[0];
    let mut bytes = small().files[text].clone();
    bytes.push(b' ');
    assert!(matches!(
        Texts::parse(text, &bytes),
        Err(PublicationError::HashMismatch { .. })
    ));
    assert!(matches!(
        Texts::parse("/etc/passwd", b"{}"),
        Err(PublicationError::BadFileName { .. })
    ));
}

#[test]
fn vacancies_without_a_place_are_always_fetched() {
    let mut unplaced = plain_vacancy("nergens");
    unplaced.location = None;
    unplaced.place = None;
    let published = run(
        vec![input("f", vec![unplaced, plain_vacancy("utrecht")])],
        10,
    );
    let manifest = published.manifest();
    assert_eq!(manifest.counts.unplaced, 1);
    let far_away = GeoPoint {
        lat: 53.2,
        lon: 6.5,
    };
    let chosen = manifest.shards_within(None, 5.0);
    assert_eq!(
        chosen.len(),
        1,
        "without a home: only the shards without an area"
    );
    assert_eq!(manifest.shards[chosen[0]].area, None);
    assert!(manifest
        .shards_within(Some(far_away), 5.0)
        .contains(&chosen[0]));
    assert_eq!(manifest.shards_for(None), chosen);
    let in_utrecht = manifest.shards_for(Some(GeoPoint {
        lat: 52.0907,
        lon: 5.1214,
    }));
    assert_eq!(in_utrecht.len(), 1);
    assert_ne!(in_utrecht, chosen);
}

#[test]
fn a_pool_of_part_of_a_publication_knows_what_it_covers() {
    let published = run(vec![input("gen", generated(3_000, 4))], 200);
    let manifest = published.manifest();
    let utrecht = GeoPoint {
        lat: 52.0907,
        lon: 5.1214,
    };
    let loaded: BTreeSet<usize> = manifest
        .shards_within(Some(utrecht), 20.0)
        .into_iter()
        .collect();
    let vacancies: Vec<Vacancy> = loaded
        .iter()
        .flat_map(|i| published.shard(*i).vacancies)
        .collect();
    let pool =
        VacancyPool::new(vacancies, content()).with_missing_areas(manifest.missing_areas(&loaded));
    assert!(pool.covers(utrecht, 20.0));
    assert!(
        !pool.covers(utrecht, 45.0),
        "a 25 km what-if needs more shards"
    );
    assert!(VacancyPool::new(Vec::new(), content()).covers(utrecht, 150.0));
}

#[test]
fn freshness_and_closed_vacancies() {
    let manifest = small().manifest();
    assert_eq!(manifest.freshness(TODAY), Freshness::Fresh);
    assert_eq!(
        manifest.freshness(date!(2026 - 12 - 20)),
        Freshness::Stale { days: 17 }
    );
    let mut saved = plain_vacancy("x");
    assert_eq!(availability(&saved, true, true, TODAY), Availability::Open);
    assert_eq!(
        availability(&saved, false, true, TODAY),
        Availability::Closed(ClosedReason::NoLongerListed)
    );
    assert_eq!(
        availability(&saved, false, false, TODAY),
        Availability::Unknown
    );
    saved.closing_date = Some(date!(2026 - 12 - 01));
    assert_eq!(
        availability(&saved, true, true, TODAY),
        Availability::Closed(ClosedReason::PastClosingDate)
    );
}

#[test]
fn every_feed_shape_is_read_for_publishing() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feeds");
    let mut inputs = Vec::new();
    for name in [
        "single.jsonld",
        "graph.jsonld",
        "page.html",
        "vacancies.csv",
    ] {
        let bytes = std::fs::read(dir.join(name)).expect("fixture");
        let read = read_input(name, &bytes, &linker(), &content().competences, TODAY)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!read.vacancies.is_empty(), "{name}");
        inputs.push(read);
    }
    // The app's own file: the bundled sample, moved to the publication date.
    let sample = read_input(
        "vacancies.json",
        werkmap::core::vacancy::SAMPLE_JSON.as_bytes(),
        &linker(),
        &content().competences,
        TODAY,
    )
    .expect("sample");
    assert_eq!(sample.vacancies.len(), 320);
    inputs.push(sample);
    let published = run(inputs, 100);
    assert!(published.report.counts().vacancies > 300);
    assert_eq!(published.all().len(), published.report.counts().vacancies);
}
