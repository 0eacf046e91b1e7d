//! Places in the Netherlands, for travel distance: the job seeker names a place or a 4-digit
//! postcode (PC4), a vacancy names a place or a postcode, and both become a [`GeoPoint`].
//!
//! The table (`public/data/places.json`) is the project's own, authored from general
//! knowledge: every municipality's seat and the larger towns, each with the centre's
//! coordinates and the PC4 ranges that belong to it. A postcode outside every range is placed
//! at the nearest range of the same postcode region, and says so ([`Precision`]).
//! `tests/places.rs` checks the table against real postcode coordinates when they are there.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::core::search::normalize::normalize;

/// The bundled table as the CLI and native tests read it; the web app fetches the same file
/// from `/data/places.json` after first paint. (A `const` is only in a binary that uses it:
/// the web app does not.)
pub const PLACES_JSON: &str = include_str!("../../public/data/places.json");

/// The bounding box the table and imported coordinates must lie in (the Netherlands with a
/// margin for the border regions).
pub(crate) const LAT_RANGE: (f64, f64) = (50.6, 53.7);
pub(crate) const LON_RANGE: (f64, f64) = (3.2, 7.3);

/// Kilometres per degree of latitude (mean over the Netherlands).
pub(crate) const KM_PER_DEGREE: f64 = 111.2;

/// A point on the map, WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

impl GeoPoint {
    pub fn new(lat: f64, lon: f64) -> Option<Self> {
        let inside = (LAT_RANGE.0..=LAT_RANGE.1).contains(&lat)
            && (LON_RANGE.0..=LON_RANGE.1).contains(&lon);
        inside.then_some(Self { lat, lon })
    }

    /// Straight-line distance in km. An equirectangular approximation with the scale of
    /// `self`'s latitude: within 0.5% of the great-circle distance for the distances people
    /// travel to work in the Netherlands, and cheap enough to run for 100,000 vacancies.
    /// Matching uses the same formula in `f32` (`matching::engine`).
    pub fn distance_km(self, other: GeoPoint) -> f64 {
        let scale = self.lat.to_radians().cos();
        let dx = (other.lon - self.lon) * scale;
        let dy = other.lat - self.lat;
        (dx * dx + dy * dy).sqrt() * KM_PER_DEGREE
    }
}

/// A rectangle on the map, degrees (closed: its edges belong to it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

/// Floating-point slack when checking that a point lies in an area (a publication's cell).
const EDGE: f64 = 1e-9;

impl Area {
    pub fn contains(&self, point: GeoPoint) -> bool {
        point.lat >= self.south - EDGE
            && point.lat <= self.north + EDGE
            && point.lon >= self.west - EDGE
            && point.lon <= self.east + EDGE
    }

    /// The distance from `from` to the nearest point of the area, in km, measured as
    /// [`GeoPoint::distance_km`] measures from `from` (the job seeker's home). No point of
    /// the area is nearer than this.
    pub fn distance_km(&self, from: GeoPoint) -> f64 {
        let nearest = GeoPoint {
            lat: from.lat.clamp(self.south, self.north),
            lon: from.lon.clamp(self.west, self.east),
        };
        from.distance_km(nearest)
    }
}

/// One place of the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub name: String,
    pub municipality: String,
    pub province: String,
    pub lat: f64,
    pub lon: f64,
    /// PC4 ranges, `"9401"` or `"9401-9409"`.
    #[serde(default)]
    pub postcodes: Vec<String>,
    /// The municipality's seat (town hall).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub seat: bool,
}

impl Place {
    pub fn point(&self) -> GeoPoint {
        GeoPoint {
            lat: self.lat,
            lon: self.lon,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlaceDataError {
    #[error("the places table is not valid JSON: {0}")]
    Json(String),
    #[error("the places table is not valid: {0}")]
    Invalid(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlacesFile {
    version: u32,
    #[serde(default)]
    #[allow(dead_code)]
    note: String,
    places: Vec<Place>,
}

/// How exactly a location is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A place of the table, by name.
    Place,
    /// A postcode inside one of the place's ranges.
    Postcode,
    /// A postcode the table does not list, placed at the nearest listed postcode of its
    /// region: a few km off at most, usually.
    NearbyPostcode,
    /// Coordinates given with the vacancy itself.
    Coordinates,
}

/// A resolved location.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Located<'a> {
    pub place: &'a Place,
    pub point: GeoPoint,
    pub precision: Precision,
}

/// The places table, indexed by name and postcode.
#[derive(Debug, Clone)]
pub struct Places {
    places: Vec<Place>,
    /// (from, to, place index), sorted by `from`; ranges never overlap.
    ranges: Vec<(u16, u16, usize)>,
    /// Normalised place name → place indexes (seats first).
    by_name: HashMap<String, Vec<usize>>,
    /// Normalised municipality name → its seat.
    seats: HashMap<String, usize>,
}

/// Whether `text` is exactly the four digits of a Dutch postcode area ("3511"; never
/// starting with 0): the one check for a postcode answer, a file's and a form's.
pub(crate) fn is_postcode_area(text: &str) -> bool {
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) && !text.starts_with('0')
}

/// The first four digits of a Dutch postcode ("1234 AB", "1234ab", "1234"), if `text` is one.
pub(crate) fn parse_postcode(text: &str) -> Option<u16> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = compact.get(..4)?;
    let letters = compact.get(4..)?;
    if !is_postcode_area(digits) {
        return None;
    }
    let letters_ok = letters.is_empty()
        || (letters.len() == 2 && letters.bytes().all(|b| b.is_ascii_alphabetic()));
    if !letters_ok {
        return None;
    }
    digits.parse().ok()
}

fn parse_range(text: &str) -> Option<(u16, u16)> {
    let (from, to) = match text.split_once('-') {
        Some((from, to)) => (from.trim(), to.trim()),
        None => (text.trim(), text.trim()),
    };
    let from = parse_postcode(from)?;
    let to = parse_postcode(to)?;
    (from <= to).then_some((from, to))
}

impl Places {
    pub fn parse(json: &str) -> Result<Self, PlaceDataError> {
        let file: PlacesFile =
            serde_json::from_str(json).map_err(|e| PlaceDataError::Json(e.to_string()))?;
        if file.version != 1 {
            return Err(PlaceDataError::Invalid(format!(
                "unknown version {}",
                file.version
            )));
        }
        Self::new(file.places)
    }

    /// Builds the indexes and checks the rules: coordinates in the Netherlands, valid
    /// non-overlapping postcode ranges, no place twice, exactly one seat per municipality.
    pub fn new(places: Vec<Place>) -> Result<Self, PlaceDataError> {
        let mut problems = Vec::new();
        let mut ranges = Vec::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        let mut seats: HashMap<String, usize> = HashMap::new();
        let mut municipalities = BTreeSet::new();
        let mut seen = HashMap::new();
        for (index, place) in places.iter().enumerate() {
            let label = format!("{} ({})", place.name, place.municipality);
            if place.name.trim().is_empty() || place.municipality.trim().is_empty() {
                problems.push(format!("place {index}: name and municipality are required"));
            }
            if GeoPoint::new(place.lat, place.lon).is_none() {
                problems.push(format!("{label}: coordinates outside the Netherlands"));
            }
            if seen
                .insert(
                    (normalize(&place.name), normalize(&place.municipality)),
                    index,
                )
                .is_some()
            {
                problems.push(format!("{label}: listed twice"));
            }
            for range in &place.postcodes {
                match parse_range(range) {
                    Some((from, to)) => ranges.push((from, to, index)),
                    None => problems.push(format!("{label}: `{range}` is not a PC4 range")),
                }
            }
            by_name
                .entry(normalize(&place.name))
                .or_default()
                .push(index);
            municipalities.insert(place.municipality.as_str());
            if place.seat {
                if let Some(earlier) = seats.insert(normalize(&place.municipality), index) {
                    problems.push(format!(
                        "{}: two seats ({} and {})",
                        place.municipality, places[earlier].name, place.name
                    ));
                }
            }
        }
        for municipality in &municipalities {
            if !seats.contains_key(&normalize(municipality)) {
                problems.push(format!("{municipality}: no seat"));
            }
        }
        ranges.sort_unstable();
        for pair in ranges.windows(2) {
            if pair[1].0 <= pair[0].1 {
                problems.push(format!(
                    "postcodes {}-{} ({}) and {}-{} ({}) overlap",
                    pair[0].0,
                    pair[0].1,
                    places[pair[0].2].name,
                    pair[1].0,
                    pair[1].1,
                    places[pair[1].2].name
                ));
            }
        }
        if places.is_empty() {
            problems.push("no places".to_owned());
        }
        if !problems.is_empty() {
            return Err(PlaceDataError::Invalid(problems.join("; ")));
        }
        for indexes in by_name.values_mut() {
            // A seat first: "Bergen" means the municipality's main town before a village.
            indexes.sort_by_key(|&i| (!places[i].seat, i));
        }
        Ok(Self {
            places,
            ranges,
            by_name,
            seats,
        })
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The distinct municipalities of the table.
    pub fn municipality_count(&self) -> usize {
        self.seats.len()
    }

    /// A place name, a municipality name, or a postcode, as a job seeker types it.
    pub fn find(&self, query: &str) -> Option<Located<'_>> {
        match parse_postcode(query) {
            Some(pc4) => self.locate_postcode(pc4),
            None => self.by_name(query).map(|place| Located {
                place,
                point: place.point(),
                precision: Precision::Place,
            }),
        }
    }

    /// A place by its name, or a municipality by its name (→ its seat). Case, diacritics
    /// and punctuation do not matter. A municipality name wins over a village of the same
    /// name elsewhere ("Bergen" is not resolved to an arbitrary Bergen: the seat comes first).
    pub fn by_name(&self, name: &str) -> Option<&Place> {
        let key = normalize(name);
        if key.is_empty() {
            return None;
        }
        if let Some(&seat) = self.seats.get(&key) {
            return self.places.get(seat);
        }
        self.by_name
            .get(&key)
            .and_then(|indexes| indexes.first())
            .and_then(|&i| self.places.get(i))
    }

    /// The place a 4-digit postcode belongs to. A postcode between listed ranges is placed
    /// at the numerically nearest range that shares its first two digits (Dutch postcodes
    /// run through a region in order), marked [`Precision::NearbyPostcode`].
    pub fn locate_postcode(&self, pc4: u16) -> Option<Located<'_>> {
        let after = self.ranges.partition_point(|&(from, _, _)| from <= pc4);
        let before = after.checked_sub(1).map(|i| self.ranges[i]);
        if let Some((_, to, index)) = before {
            if pc4 <= to {
                let place = &self.places[index];
                return Some(Located {
                    place,
                    point: place.point(),
                    precision: Precision::Postcode,
                });
            }
        }
        let region = pc4 / 100;
        let candidates = [
            before.map(|(_, to, index)| (pc4 - to, to, index)),
            self.ranges
                .get(after)
                .map(|&(from, _, index)| (from - pc4, from, index)),
        ];
        candidates
            .into_iter()
            .flatten()
            .filter(|&(_, edge, _)| edge / 100 == region)
            .min_by_key(|&(gap, _, _)| gap)
            .map(|(_, _, index)| {
                let place = &self.places[index];
                Located {
                    place,
                    point: place.point(),
                    precision: Precision::NearbyPostcode,
                }
            })
    }

    /// Places whose name starts with what was typed (for a suggestion list), seats first.
    pub fn suggestions(&self, typed: &str, limit: usize) -> Vec<&Place> {
        let key = normalize(typed);
        if key.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(bool, usize, &Place)> = self
            .places
            .iter()
            .filter(|p| normalize(&p.name).starts_with(&key))
            .map(|p| (!p.seat, p.name.len(), p))
            .collect();
        found.sort_by(|a, b| (a.0, a.1, &a.2.name).cmp(&(b.0, b.1, &b.2.name)));
        found.into_iter().take(limit).map(|(_, _, p)| p).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(
        name: &str,
        municipality: &str,
        lat: f64,
        lon: f64,
        pcs: &[&str],
        seat: bool,
    ) -> Place {
        Place {
            name: name.into(),
            municipality: municipality.into(),
            province: "Drenthe".into(),
            lat,
            lon,
            postcodes: pcs.iter().map(|s| (*s).to_owned()).collect(),
            seat,
        }
    }

    fn table() -> Places {
        Places::new(vec![
            place("Assen", "Assen", 52.99, 6.56, &["9401-9409"], true),
            place(
                "Beilen",
                "Midden-Drenthe",
                52.86,
                6.51,
                &["9411-9412"],
                true,
            ),
            place("Rhee", "Assen", 53.03, 6.57, &["9486"], false),
        ])
        .expect("valid")
    }

    #[test]
    fn postcodes_parse_with_or_without_letters() {
        assert_eq!(parse_postcode("9401"), Some(9401));
        assert_eq!(parse_postcode("9401 AB"), Some(9401));
        assert_eq!(parse_postcode("9401ab"), Some(9401));
        assert_eq!(parse_postcode("0401"), None);
        assert_eq!(parse_postcode("940"), None);
        assert_eq!(parse_postcode("9401 A"), None);
        assert_eq!(parse_postcode("Assen"), None);
        assert_eq!(parse_postcode("94é1"), None);
    }

    #[test]
    fn postcodes_resolve_inside_and_near_ranges() {
        let places = table();
        let exact = places.locate_postcode(9405).expect("in range");
        assert_eq!(
            (exact.place.name.as_str(), exact.precision),
            ("Assen", Precision::Postcode)
        );
        let near = places.locate_postcode(9410).expect("near");
        assert_eq!(near.precision, Precision::NearbyPostcode);
        assert!(
            places.locate_postcode(1011).is_none(),
            "another region is not guessed"
        );
    }

    #[test]
    fn names_and_municipalities_resolve() {
        let places = table();
        assert_eq!(
            places.find("assen").map(|l| l.place.name.as_str()),
            Some("Assen")
        );
        assert_eq!(
            places.find("Midden Drenthe").map(|l| l.place.name.as_str()),
            Some("Beilen")
        );
        assert_eq!(
            places.find("9486 XX").map(|l| l.place.name.as_str()),
            Some("Rhee")
        );
        assert!(places.find("Atlantis").is_none());
        assert!(places.find("").is_none());
    }

    #[test]
    fn overlapping_ranges_and_missing_seats_are_refused() {
        let overlap = Places::new(vec![
            place("A", "A", 52.0, 5.0, &["1000-1010"], true),
            place("B", "A", 52.0, 5.0, &["1010-1020"], false),
        ]);
        assert!(matches!(overlap, Err(PlaceDataError::Invalid(m)) if m.contains("overlap")));
        let no_seat = Places::new(vec![place("A", "A", 52.0, 5.0, &[], false)]);
        assert!(matches!(no_seat, Err(PlaceDataError::Invalid(m)) if m.contains("no seat")));
        let outside = Places::new(vec![place("A", "A", 40.0, 5.0, &[], true)]);
        assert!(outside.is_err());
    }

    #[test]
    fn distance_is_close_to_great_circle() {
        let amsterdam = GeoPoint {
            lat: 52.3728,
            lon: 4.8936,
        };
        let utrecht = GeoPoint {
            lat: 52.0907,
            lon: 5.1214,
        };
        let d = amsterdam.distance_km(utrecht);
        // Great-circle distance is about 34.9 km.
        assert!((d - 34.9).abs() < 0.5, "{d}");
    }
}
