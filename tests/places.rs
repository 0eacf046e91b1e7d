//! The bundled places table (`public/data/places.json`): its rules, and — when the real
//! GeoNames postcode table is there (`../shared/data/geo/nl_pc4_geonames.json`, not part of
//! this repository) — the accuracy of every coordinate and of locating every real postcode.
//! Without that file the accuracy tests say SKIPPED and pass.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;
use werkmap::core::place::{GeoPoint, Places, Precision, PLACES_JSON};
use werkmap::core::search::normalize::normalize;

/// A place's centre may lie this far from the nearest postcode area of the same name (a
/// postcode area's point is its centre, which for a village includes its countryside).
const MAX_PLACE_KM: f64 = 5.0;
/// …or, for a place whose name GeoNames does not use, from its own postcodes' areas.
const MAX_OWN_POSTCODE_KM: f64 = 8.0;

fn places() -> Places {
    Places::parse(PLACES_JSON).expect("the bundled places table is valid")
}

#[derive(Deserialize)]
struct GeoNamesRow {
    zipcode: String,
    name: String,
    latitude: String,
    longitude: String,
}

struct Reference {
    /// Normalised place name → the points of its postcode areas.
    by_name: HashMap<String, Vec<GeoPoint>>,
    /// PC4 → its point (the mean of the rows, some codes have two names).
    by_code: BTreeMap<u16, GeoPoint>,
}

fn reference() -> Option<Reference> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/geo/nl_pc4_geonames.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "SKIPPED: {} not found; the places table is checked against real postcode \
             coordinates only where that file is (CI and developer machines)",
            path.display()
        );
        return None;
    };
    let rows: Vec<GeoNamesRow> = serde_json::from_str(&text).expect("GeoNames file parses");
    let mut by_name: HashMap<String, Vec<GeoPoint>> = HashMap::new();
    let mut sums: BTreeMap<u16, (f64, f64, f64)> = BTreeMap::new();
    for row in rows {
        let (Ok(lat), Ok(lon), Ok(code)) = (
            row.latitude.parse::<f64>(),
            row.longitude.parse::<f64>(),
            row.zipcode.parse::<u16>(),
        ) else {
            continue;
        };
        let point = GeoPoint { lat, lon };
        by_name.entry(normalize(&row.name)).or_default().push(point);
        let sum = sums.entry(code).or_default();
        *sum = (sum.0 + lat, sum.1 + lon, sum.2 + 1.0);
    }
    let by_code = sums
        .into_iter()
        .map(|(code, (lat, lon, n))| {
            (
                code,
                GeoPoint {
                    lat: lat / n,
                    lon: lon / n,
                },
            )
        })
        .collect();
    Some(Reference { by_name, by_code })
}

fn nearest(from: GeoPoint, points: &[GeoPoint]) -> Option<f64> {
    points
        .iter()
        .map(|p| from.distance_km(*p))
        .min_by(f64::total_cmp)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

#[test]
fn every_municipality_has_its_seat() {
    let p = places();
    assert_eq!(
        p.municipality_count(),
        342,
        "the municipalities of 1 January 2025"
    );
    let provinces: std::collections::BTreeSet<&str> =
        p.places().iter().map(|p| p.province.as_str()).collect();
    assert_eq!(provinces.len(), 12, "{provinces:?}");
    for (query, expected) in [
        ("Súdwest-Fryslân", "Sneek"),
        ("'s-Gravenhage", "Den Haag"),
        ("den haag", "Den Haag"),
        ("s-Hertogenbosch", "'s-Hertogenbosch"),
        ("Amsterdam", "Amsterdam"),
        ("1011", "Amsterdam"),
        ("3511 AB", "Utrecht"),
        ("9711", "Groningen"),
        ("6211", "Maastricht"),
    ] {
        let found = p.find(query).map(|l| l.place.name.as_str());
        assert_eq!(found, Some(expected), "{query}");
    }
}

#[test]
fn place_coordinates_lie_at_their_postcode_areas() {
    let Some(reference) = reference() else {
        return;
    };
    let table = places();
    let mut far = Vec::new();
    let mut unverifiable = Vec::new();
    let mut checked = 0usize;
    for place in table.places() {
        let point = place.point();
        let by_name = reference
            .by_name
            .get(&normalize(&place.name))
            .and_then(|points| nearest(point, points));
        let own_codes: Vec<GeoPoint> = place
            .postcodes
            .iter()
            .flat_map(|range| {
                let (from, to) = range.split_once('-').unwrap_or((range, range));
                let from: u16 = from.parse().unwrap_or(0);
                let to: u16 = to.parse().unwrap_or(0);
                (from..=to).filter_map(|code| reference.by_code.get(&code).copied())
            })
            .collect();
        let by_code = nearest(point, &own_codes);
        // A name match can be a namesake elsewhere (Hengelo, Haren, Beuningen…), so a place
        // also passes when it lies at its own postcode areas.
        match (by_name, by_code) {
            (Some(km), _) if km <= MAX_PLACE_KM => checked += 1,
            (_, Some(km)) if km <= MAX_OWN_POSTCODE_KM => checked += 1,
            (None, None) => unverifiable.push(place.name.clone()),
            (name_km, code_km) => far.push(format!(
                "{} ({}): {} km from its name, {} km from its postcodes",
                place.name,
                place.municipality,
                name_km.map_or("–".to_owned(), |k| format!("{k:.1}")),
                code_km.map_or("–".to_owned(), |k| format!("{k:.1}")),
            )),
        }
    }
    println!(
        "{checked} of {} places within {MAX_PLACE_KM} km of their name's postcode areas or {MAX_OWN_POSTCODE_KM} km of their own; {} not in the reference",
        table.len(),
        unverifiable.len()
    );
    assert!(
        far.is_empty(),
        "{} places are off:\n{}",
        far.len(),
        far.join("\n")
    );
    assert!(
        unverifiable.len() * 50 <= table.len(),
        "more than 2% of the places cannot be checked: {unverifiable:?}"
    );
}

#[test]
fn every_real_postcode_is_located_close_to_its_area() {
    let Some(reference) = reference() else {
        return;
    };
    let table = places();
    let mut errors = Vec::new();
    let mut missing = Vec::new();
    let mut exact = 0usize;
    for (&code, &point) in &reference.by_code {
        match table.locate_postcode(code) {
            Some(found) => {
                if found.precision == Precision::Postcode {
                    exact += 1;
                }
                errors.push(found.point.distance_km(point));
            }
            None => missing.push(code),
        }
    }
    errors.sort_by(f64::total_cmp);
    let total = reference.by_code.len();
    let (median, p90, p95, worst) = (
        percentile(&errors, 0.5),
        percentile(&errors, 0.9),
        percentile(&errors, 0.95),
        errors.last().copied().unwrap_or(f64::NAN),
    );
    println!(
        "{total} real postcodes: {} located ({exact} inside a listed range), {} not; error median {median:.1} km, p90 {p90:.1} km, p95 {p95:.1} km, worst {worst:.1} km",
        errors.len(),
        missing.len()
    );
    assert!(
        missing.len() * 100 <= total,
        "more than 1% unlocated: {missing:?}"
    );
    assert!(median <= 3.0, "median error {median:.1} km");
    assert!(p90 <= 10.0, "p90 error {p90:.1} km");
}
