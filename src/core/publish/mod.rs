//! The published form of a region's vacancies: static files next to the app that each device
//! downloads only in part (`werkmap vacancies publish`, `docs/publishing.md`).
//!
//! A publication is a directory (served as `/feed/`) with
//! - `manifest.json` — the only file that changes: format version, publication date, source,
//!   counts, and one [`ShardEntry`] per shard (its [`Cell`], count, size and SHA-256);
//! - `shards/<cell>-<hash>.json` — the vacancies of one area of the map, with what ranking
//!   and the list need ([`Row`]); vacancies without a known place sit in shards without an
//!   area, which every device fetches;
//! - `texts/<cell>-<hash>.json` — the long texts (description, experience asked, address of
//!   the advert), fetched when a vacancy is opened.
//!
//! File names carry the first 16 hex digits of the file's SHA-256, so a file never changes
//! under its name and can be cached forever. The areas are the cells of a quadtree over the
//! Netherlands ([`Cell`]): a cell is split until it holds at most a given number of
//! vacancies, so a city has small cells and the countryside large ones
//! (`docs/measurements.md` has the measurement behind this choice).
//!
//! Everything read from a publication is checked ([`Manifest::parse`], [`Shard::parse`],
//! [`Texts::parse`]): sizes before parsing, format and version, safe file names, hashes,
//! every vacancy inside its shard's area. Hostile files get a typed [`PublicationError`],
//! never a panic (proptests in `tests/publish.rs`, fuzz target `publication`).

pub mod build;
mod shard;
mod texts;

use std::collections::{BTreeSet, HashSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;
use time::Date;

use crate::core::i18n;
use crate::core::place::{GeoPoint, LAT_RANGE, LON_RANGE};
use crate::core::text::{calendar_date, Language};
use crate::core::vacancy::Vacancy;

/// A cell's rectangle on the map; kept with the places, since matching measures to it too.
pub use crate::core::place::Area;
pub use build::{
    publish, read_input, referenced_files, DuplicateBy, Input, PublishOptions, PublishReport,
    Reason, ReportLine, DEFAULT_CAPACITY,
};
pub use shard::{Row, Shard};
pub use texts::{TextEntry, Texts};

/// Where the app looks for a publication: `/feed/manifest.json` on its own site.
pub const FEED_BASE: &str = "/feed/";
pub const MANIFEST_FILE: &str = "manifest.json";

pub(crate) const MANIFEST_FORMAT: &str = "werkmap-publication";
pub(crate) const SHARD_FORMAT: &str = "werkmap-shard";
pub(crate) const TEXTS_FORMAT: &str = "werkmap-texts";
pub const VERSION: u32 = 1;

/// The largest manifest read (a national publication's is about 60 KB).
pub const MAX_MANIFEST_BYTES: usize = 4 * 1024 * 1024;
/// The largest shard read.
pub(crate) const MAX_SHARD_BYTES: usize = 32 * 1024 * 1024;
/// The largest texts file read.
pub(crate) const MAX_TEXTS_BYTES: usize = 8 * 1024 * 1024;
/// The most shards one publication has.
const MAX_SHARDS: usize = 20_000;
/// The most vacancies one shard holds.
const MAX_SHARD_VACANCIES: usize = 200_000;
/// The deepest quadtree level (a cell of about 0.4 by 0.3 km).
pub const MAX_LEVEL: u8 = 14;
/// The longest source name.
pub(crate) const MAX_SOURCE_CHARS: usize = 200;

/// A list older than this (days since publication) may be out of date.
const STALE_AFTER_DAYS: i64 = 14;

/// Added to the travel distance when choosing shards: matching computes distances in `f32`
/// and coordinates are published to 4 decimals (about 10 m), so a vacancy right at the
/// limit is never lost at a shard border.
const SELECTION_MARGIN_KM: f64 = 0.5;

/// A cell of the quadtree over [`LAT_RANGE`] × [`LON_RANGE`]: at level `z` the box is cut
/// into 2^z × 2^z cells, `x` counting west to east and `y` south to north.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    pub z: u8,
    pub x: u32,
    pub y: u32,
}

impl Cell {
    pub const ROOT: Cell = Cell { z: 0, x: 0, y: 0 };

    /// The cell at level `z` that holds `point` (points on the box's north or east edge
    /// belong to the last row or column). `None` outside the box.
    pub fn of(point: GeoPoint, z: u8) -> Option<Cell> {
        let root = Cell::ROOT.area();
        if !root.contains(point) || z > MAX_LEVEL {
            return None;
        }
        let side = 1u32 << z;
        let index = |value: f64, low: f64, high: f64| {
            let fraction = ((value - low) / (high - low)).clamp(0.0, 1.0);
            ((fraction * f64::from(side)).floor() as u32).min(side - 1)
        };
        Some(Cell {
            z,
            x: index(point.lon, LON_RANGE.0, LON_RANGE.1),
            y: index(point.lat, LAT_RANGE.0, LAT_RANGE.1),
        })
    }

    pub fn is_valid(&self) -> bool {
        self.z <= MAX_LEVEL && self.x < (1u32 << self.z) && self.y < (1u32 << self.z)
    }

    pub fn area(&self) -> Area {
        let side = f64::from(1u32 << self.z.min(MAX_LEVEL));
        let lat_step = (LAT_RANGE.1 - LAT_RANGE.0) / side;
        let lon_step = (LON_RANGE.1 - LON_RANGE.0) / side;
        Area {
            south: LAT_RANGE.0 + f64::from(self.y) * lat_step,
            north: LAT_RANGE.0 + f64::from(self.y + 1) * lat_step,
            west: LON_RANGE.0 + f64::from(self.x) * lon_step,
            east: LON_RANGE.0 + f64::from(self.x + 1) * lon_step,
        }
    }

    /// The four cells one level down, in a fixed order.
    pub fn children(&self) -> [Cell; 4] {
        let (z, x, y) = (self.z + 1, self.x * 2, self.y * 2);
        [
            Cell { z, x, y },
            Cell { z, x: x + 1, y },
            Cell { z, x, y: y + 1 },
            Cell {
                z,
                x: x + 1,
                y: y + 1,
            },
        ]
    }

    /// `5-12-7`: the cell in a file name.
    pub fn key(&self) -> String {
        format!("{}-{}-{}", self.z, self.x, self.y)
    }
}

/// What the manifest says about the publication as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// Vacancies published.
    pub vacancies: usize,
    /// Records read from the feeds.
    pub read: usize,
    /// Records the importers could not use.
    pub rejected: usize,
    /// Vacancies whose last day to apply had passed.
    pub expired: usize,
    /// Vacancies left out because they were published already.
    pub duplicates: usize,
    /// Published vacancies without a known place (every device fetches them).
    pub unplaced: usize,
}

/// One shard as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShardEntry {
    /// `shards/<cell>-<hash>.json`, relative to the manifest.
    pub file: String,
    /// `None`: vacancies without a known place.
    pub area: Option<Cell>,
    pub count: usize,
    pub bytes: usize,
    /// SHA-256 of the file, 64 lowercase hex digits.
    pub sha256: String,
}

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    #[serde(with = "calendar_date")]
    pub published: Date,
    /// Who publishes, in words ("Werkgeversservicepunt Utrecht").
    pub source: String,
    pub counts: Counts,
    pub shards: Vec<ShardEntry>,
}

/// Why a file of a publication cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PublicationError {
    #[error("{file} is {size} bytes, more than the {limit} allowed")]
    TooLarge {
        file: String,
        size: usize,
        limit: usize,
    },
    #[error("{file} is not valid JSON of its kind: {detail}")]
    Json { file: String, detail: String },
    #[error("{file} is not a Werkmap publication file (format `{found}`)")]
    Format { file: String, found: String },
    #[error("{file} has version {version}, newer than this app knows")]
    Newer { file: String, version: u32 },
    #[error("{file} names a file that is not allowed: `{name}`")]
    BadFileName { file: String, name: String },
    #[error("{file} does not match its SHA-256")]
    HashMismatch { file: String },
    #[error("{file}: {detail}")]
    Invalid { file: String, detail: String },
}

impl PublicationError {
    /// A plain message for the job seeker (the details are for the deployer's console).
    pub fn message(&self, language: Language) -> &'static str {
        match self {
            PublicationError::Newer { .. } => i18n::text(language, "publish.error.newer"),
            _ => i18n::text(language, "publish.error.damaged"),
        }
    }
}

fn too_large(file: &str, size: usize, limit: usize) -> PublicationError {
    PublicationError::TooLarge {
        file: file.to_owned(),
        size,
        limit,
    }
}

fn invalid(file: &str, detail: impl Into<String>) -> PublicationError {
    PublicationError::Invalid {
        file: file.to_owned(),
        detail: detail.into(),
    }
}

fn json_error(file: &str, error: serde_json::Error) -> PublicationError {
    PublicationError::Json {
        file: file.to_owned(),
        detail: error.to_string(),
    }
}

/// SHA-256 as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A file name of a publication: `<dir>/<letters, digits, dashes>-<16 hex>.json`.
fn safe_file_name(name: &str, dir: &str) -> bool {
    let Some(rest) = name
        .strip_prefix(dir)
        .and_then(|r| r.strip_prefix('/'))
        .and_then(|r| r.strip_suffix(".json"))
    else {
        return false;
    };
    let Some((stem, hash)) = rest.rsplit_once('-') else {
        return false;
    };
    !stem.is_empty()
        && stem.len() <= 80
        && stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && is_hex(hash, 16)
}

fn is_hex(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The 16 hex digits a file name ends with.
fn name_hash(name: &str) -> &str {
    name.strip_suffix(".json")
        .and_then(|n| n.rsplit_once('-'))
        .map_or("", |(_, hash)| hash)
}

impl Manifest {
    /// Reads and checks a manifest.
    pub fn parse(bytes: &[u8]) -> Result<Self, PublicationError> {
        const FILE: &str = MANIFEST_FILE;
        if bytes.len() > MAX_MANIFEST_BYTES {
            return Err(too_large(FILE, bytes.len(), MAX_MANIFEST_BYTES));
        }
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| json_error(FILE, e))?;
        check_head(FILE, &value, MANIFEST_FORMAT)?;
        let manifest: Manifest = serde_json::from_value(value).map_err(|e| json_error(FILE, e))?;
        manifest.check()?;
        Ok(manifest)
    }

    fn check(&self) -> Result<(), PublicationError> {
        const FILE: &str = MANIFEST_FILE;
        if self.source.chars().count() > MAX_SOURCE_CHARS {
            return Err(invalid(FILE, "the source name is too long"));
        }
        if self.shards.len() > MAX_SHARDS {
            return Err(invalid(FILE, format!("more than {MAX_SHARDS} shards")));
        }
        let mut files = HashSet::new();
        let mut total = 0usize;
        for shard in &self.shards {
            if !safe_file_name(&shard.file, "shards") {
                return Err(PublicationError::BadFileName {
                    file: FILE.to_owned(),
                    name: shard.file.chars().take(100).collect(),
                });
            }
            if !is_hex(&shard.sha256, 64) || !shard.sha256.starts_with(name_hash(&shard.file)) {
                return Err(invalid(
                    FILE,
                    format!("{}: the hash does not match its name", shard.file),
                ));
            }
            if !files.insert(shard.file.as_str()) {
                return Err(invalid(FILE, format!("{} listed twice", shard.file)));
            }
            if shard.area.is_some_and(|c| !c.is_valid()) {
                return Err(invalid(FILE, format!("{}: no such area", shard.file)));
            }
            if shard.count > MAX_SHARD_VACANCIES || shard.bytes > MAX_SHARD_BYTES {
                return Err(invalid(FILE, format!("{}: too large", shard.file)));
            }
            total += shard.count;
        }
        if total != self.counts.vacancies {
            return Err(invalid(
                FILE,
                format!(
                    "the shards hold {total} vacancies, the counts say {}",
                    self.counts.vacancies
                ),
            ));
        }
        Ok(())
    }

    /// Compact JSON with one shard per line: small (it is fetched on every visit) and still
    /// readable in a diff.
    pub fn to_json(&self) -> String {
        let head = Manifest {
            shards: Vec::new(),
            ..self.clone()
        };
        let head = serde_json::to_string(&head).unwrap_or_default();
        let mut out = head.trim_end_matches("]}").to_owned();
        for (i, shard) in self.shards.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str(&serde_json::to_string(shard).unwrap_or_default());
        }
        out.push_str("\n]}\n");
        out
    }

    /// The shards a job seeker at `home` who travels up to `km` needs: every shard whose
    /// area comes within `km` (plus [`SELECTION_MARGIN_KM`]) of home, and the shards of
    /// vacancies without a known place (matching never drops those for distance). Without
    /// a home only the latter: the app asks where the job seeker lives first.
    pub fn shards_within(&self, home: Option<GeoPoint>, km: f64) -> Vec<usize> {
        self.shards
            .iter()
            .enumerate()
            .filter(|(_, shard)| match (shard.area, home) {
                (None, _) => true,
                (Some(cell), Some(home)) => {
                    cell.area().distance_km(home) <= km + SELECTION_MARGIN_KM
                }
                (Some(_), None) => false,
            })
            .map(|(index, _)| index)
            .collect()
    }

    /// The shards in which a vacancy at `location` would be: the one whose area holds it,
    /// or, without a place, the shards of vacancies without one.
    pub fn shards_for(&self, location: Option<GeoPoint>) -> Vec<usize> {
        self.shards
            .iter()
            .enumerate()
            .filter(|(_, shard)| match (shard.area, location) {
                (None, None) => true,
                (Some(cell), Some(point)) => Cell::of(point, cell.z) == Some(cell),
                _ => false,
            })
            .map(|(index, _)| index)
            .collect()
    }

    /// How fresh the list is on `today`.
    pub fn freshness(&self, today: Date) -> Freshness {
        freshness(self.published, today)
    }

    /// The areas of the shards not in `loaded`: where a pool made of those shards may miss
    /// vacancies ([`crate::core::matching::VacancyPool::with_missing_areas`]).
    pub fn missing_areas(&self, loaded: &BTreeSet<usize>) -> Vec<Area> {
        self.shards
            .iter()
            .enumerate()
            .filter(|(index, _)| !loaded.contains(index))
            .filter_map(|(_, shard)| shard.area.map(|c| c.area()))
            .collect()
    }
}

fn check_head(file: &str, value: &serde_json::Value, format: &str) -> Result<(), PublicationError> {
    let found = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
    if found != format {
        return Err(PublicationError::Format {
            file: file.to_owned(),
            found: found.chars().take(60).collect(),
        });
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(VERSION) => Err(PublicationError::Newer {
            file: file.to_owned(),
            version: u32::try_from(v).unwrap_or(u32::MAX),
        }),
        Some(v) if v >= 1 => Ok(()),
        _ => Err(invalid(file, "no version")),
    }
}

/// How fresh a published list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    Fresh,
    /// Published more than [`STALE_AFTER_DAYS`] days ago: the list may be out of date.
    Stale {
        days: i64,
    },
}

/// The freshness rule: a list published more than [`STALE_AFTER_DAYS`] days before `today`
/// may be out of date. A date in the future (a device clock that is behind) counts as fresh.
pub fn freshness(published: Date, today: Date) -> Freshness {
    let days = (today - published).whole_days();
    if days > STALE_AFTER_DAYS {
        Freshness::Stale { days }
    } else {
        Freshness::Fresh
    }
}

/// Whether a vacancy the job seeker keeps (saved, or in the log) can still be applied for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    Open,
    Closed(ClosedReason),
    /// Not known: the part of the list where it would be has not been loaded.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosedReason {
    /// Its last day to apply has passed.
    PastClosingDate,
    /// The current list no longer has it.
    NoLongerListed,
}

/// The closed-vacancy rule. `listed`: the current list has a vacancy with its id;
/// `place_loaded`: the part of the list where it would be has been loaded (always true for
/// the sample and a feed imported by hand, which are loaded whole).
pub fn availability(
    vacancy: &Vacancy,
    listed: bool,
    place_loaded: bool,
    today: Date,
) -> Availability {
    if vacancy.closing_date.is_some_and(|d| d < today) {
        Availability::Closed(ClosedReason::PastClosingDate)
    } else if listed {
        Availability::Open
    } else if place_loaded {
        Availability::Closed(ClosedReason::NoLongerListed)
    } else {
        Availability::Unknown
    }
}

#[cfg(test)]
mod tests;
