//! How to cut a publication into shards, by measurement (`docs/measurements.md`,
//! "Publishing"): 250,000 generated vacancies (as `werkmap vacancies generate`, spread over
//! the country by postcode areas; taken directly, so with the competence lists a JSON-LD
//! feed does not carry, and without the expired ones and duplicates that publishing leaves
//! out), cut by postcode region (PC2, PC3), by a fixed grid, and
//! by the quadtree `werkmap vacancies publish` uses, at several capacities. For a job seeker
//! in Utrecht (20 km), one in rural Groningen (40 km) and 300 job seekers placed like the
//! vacancies (20 km): how many files, vacancies and gzip bytes each one downloads, against
//! the vacancies that are really within reach.
//!
//! `cargo run --release --example publish_layouts [count]`

use std::collections::BTreeMap;
use std::io::Write;

use flate2::{write::GzEncoder, Compression};
use time::macros::date;
use werkmap::core::content::Content;
use werkmap::core::place::{GeoPoint, Places, PLACES_JSON};
use werkmap::core::publish::{publish, Area, Cell, Input, Manifest, PublishOptions, Row};
use werkmap::core::rng::Rng;
use werkmap::core::vacancy::generate::{Generator, Templates, TEMPLATES_JSON};
use werkmap::core::vacancy::Vacancy;

struct Group {
    area: Area,
    count: usize,
    gzip: usize,
}

fn gzip_len(text: &str) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::new(6));
    let _ = encoder.write_all(text.as_bytes());
    encoder.finish().map_or(0, |b| b.len())
}

/// Groups by a key, each with the bounding box of its vacancies as its area.
fn groups_by<K: Ord>(vacancies: &[Vacancy], key: impl Fn(&Vacancy) -> Option<K>) -> Vec<Group> {
    let mut members: BTreeMap<K, Vec<&Vacancy>> = BTreeMap::new();
    for v in vacancies {
        if let Some(k) = key(v) {
            members.entry(k).or_default().push(v);
        }
    }
    members
        .into_values()
        .map(|vs| {
            let mut area = Area {
                south: 90.0,
                west: 180.0,
                north: -90.0,
                east: -180.0,
            };
            for p in vs.iter().filter_map(|v| v.location) {
                area.south = area.south.min(p.lat);
                area.north = area.north.max(p.lat);
                area.west = area.west.min(p.lon);
                area.east = area.east.max(p.lon);
            }
            let rows: Vec<String> = vs
                .iter()
                .map(|v| serde_json::to_string(&Row::of(v, Some(0))).unwrap_or_default())
                .collect();
            Group {
                area,
                count: vs.len(),
                gzip: gzip_len(&rows.join(",\n")),
            }
        })
        .collect()
}

fn quadtree(vacancies: &[Vacancy], capacity: usize) -> Vec<Group> {
    let mut files = BTreeMap::new();
    let input = Input {
        name: "gen".into(),
        vacancies: vacancies.to_vec(),
        rejected_count: 0,
        rejected: Vec::new(),
    };
    let options = PublishOptions {
        source: String::new(),
        today: date!(2026 - 12 - 01),
        capacity,
    };
    let _ = publish(vec![input], &options, |path, bytes| {
        if path.starts_with("shards/") || path == "manifest.json" {
            files.insert(path.to_owned(), bytes.to_vec());
        }
        Ok::<(), ()>(())
    });
    let Some(manifest) = files
        .get("manifest.json")
        .and_then(|b| Manifest::parse(b).ok())
    else {
        return Vec::new();
    };
    manifest
        .shards
        .iter()
        .filter_map(|s| {
            let text = String::from_utf8_lossy(files.get(&s.file)?).into_owned();
            Some(Group {
                area: s.area?.area(),
                count: s.count,
                gzip: gzip_len(&text),
            })
        })
        .collect()
}

#[derive(Default)]
struct Reach {
    files: usize,
    fetched: usize,
    gzip: usize,
    within: usize,
}

fn reach(groups: &[Group], vacancies: &[Vacancy], home: GeoPoint, km: f64) -> Reach {
    let mut r = Reach::default();
    for g in groups {
        if g.area.distance_km(home) <= km + 0.5 {
            r.files += 1;
            r.fetched += g.count;
            r.gzip += g.gzip;
        }
    }
    r.within = vacancies
        .iter()
        .filter(|v| v.location.is_some_and(|p| home.distance_km(p) <= km))
        .count();
    r
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(250_000);
    let content = Content::bundled().expect("content");
    let places = Places::parse(PLACES_JSON).expect("places");
    let templates = Templates::parse(TEMPLATES_JSON, &content.occupations).expect("templates");
    let generator = Generator::new(
        &templates,
        &content.occupations,
        &places,
        7,
        date!(2026 - 12 - 01),
    );
    let generated = generator.generate(count);
    // What a publication holds (expired ones and duplicates left out), for every layout.
    let published: std::collections::HashSet<String> = {
        let mut files = BTreeMap::new();
        let input = Input {
            name: "gen".into(),
            vacancies: generated.clone(),
            rejected_count: 0,
            rejected: Vec::new(),
        };
        let options = PublishOptions {
            source: String::new(),
            today: date!(2026 - 12 - 01),
            capacity: usize::MAX,
        };
        let _ = publish(vec![input], &options, |path, bytes| {
            if path.starts_with("shards/") {
                files.insert(path.to_owned(), bytes.to_vec());
            }
            Ok::<(), ()>(())
        });
        files
            .values()
            .flat_map(|bytes| {
                let text = String::from_utf8_lossy(bytes).into_owned();
                text.lines()
                    .filter_map(|line| {
                        let row: Row = serde_json::from_str(line.trim_end_matches(',')).ok()?;
                        Some(row.i)
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let vacancies: Vec<Vacancy> = generated
        .into_iter()
        .filter(|v| published.contains(&v.id))
        .collect();
    eprintln!("{} vacancies published", vacancies.len());
    let utrecht = GeoPoint {
        lat: 52.0907,
        lon: 5.1214,
    };
    // Warffum, in the countryside north of Groningen.
    let groningen = GeoPoint {
        lat: 53.3925,
        lon: 6.5597,
    };
    let mut rng = Rng::new(99, 0);
    let seekers: Vec<GeoPoint> = (0..300)
        .filter_map(|_| vacancies[rng.below(vacancies.len())].location)
        .collect();

    let mut layouts: Vec<(String, Vec<Group>)> = vec![
        (
            "postcode region PC2".into(),
            groups_by(&vacancies, |v| {
                v.postcode.as_ref().map(|p| p[..2].to_owned())
            }),
        ),
        (
            "postcode region PC3".into(),
            groups_by(&vacancies, |v| {
                v.postcode.as_ref().map(|p| p[..3].to_owned())
            }),
        ),
    ];
    for z in [4u8, 5, 6, 7] {
        let groups = groups_by(&vacancies, |v| v.location.and_then(|p| Cell::of(p, z)));
        layouts.push((format!("fixed grid, level {z}"), groups));
    }
    for capacity in [500usize, 1_500, 4_000] {
        layouts.push((
            format!("quadtree, at most {capacity}"),
            quadtree(&vacancies, capacity),
        ));
    }
    println!("| layout | shards | Utrecht 20 km: files / vacancies fetched (within) / gzip | rural Groningen 40 km: files / fetched (within) / gzip | 300 seekers, 20 km: mean files / fetched ÷ within / gzip |");
    println!("|---|---|---|---|---|");
    for (name, groups) in &layouts {
        let u = reach(groups, &vacancies, utrecht, 20.0);
        let g = reach(groups, &vacancies, groningen, 40.0);
        let (mut files, mut fetched, mut within, mut gzip) = (0usize, 0usize, 0usize, 0usize);
        for home in &seekers {
            let r = reach(groups, &vacancies, *home, 20.0);
            files += r.files;
            fetched += r.fetched;
            within += r.within;
            gzip += r.gzip;
        }
        let n = seekers.len().max(1);
        println!(
            "| {name} | {} | {} / {} ({}) / {:.0} KiB | {} / {} ({}) / {:.0} KiB | {:.1} / {:.2} / {:.0} KiB |",
            groups.len(),
            u.files,
            u.fetched,
            u.within,
            u.gzip as f64 / 1024.0,
            g.files,
            g.fetched,
            g.within,
            g.gzip as f64 / 1024.0,
            files as f64 / n as f64,
            fetched as f64 / within.max(1) as f64,
            gzip as f64 / n as f64 / 1024.0,
        );
    }
}
