//! Publishing: feeds in, the files of a publication out (`werkmap vacancies publish`).
//!
//! [`publish`] drops expired vacancies and duplicates, cuts the map into quadtree cells of
//! at most [`PublishOptions::capacity`] vacancies, and hands each file to a sink as it is
//! made (the CLI writes it), the manifest last. The same input gives the same bytes: rows
//! are sorted by id within a shard, cells in a fixed order, and nothing depends on a hash
//! map's order or the clock (the publication date is an option).

use std::collections::{BTreeSet, HashMap};

use time::Date;

use crate::core::competence::CompetenceCatalog;
use crate::core::i18n;
use crate::core::place::GeoPoint;
use crate::core::search::normalize::normalize;
use crate::core::text::{format_date, Language};
use crate::core::vacancy::{
    import_feed, FeedError, Linker, RejectedRecord, Vacancy, VacancySet, SET_FORMAT,
};

use super::{
    sha256_hex, Cell, Counts, Manifest, Row, ShardEntry, TextEntry, MANIFEST_FILE, MANIFEST_FORMAT,
    MAX_LEVEL, SHARD_FORMAT, TEXTS_FORMAT, VERSION,
};

/// Vacancies per shard at most (unless they share one point): chosen by measurement
/// (`docs/measurements.md`, "Publishing").
pub const DEFAULT_CAPACITY: usize = 1_500;
/// A texts file is closed once it holds this many bytes.
pub const TEXT_CHUNK_BYTES: usize = 48 * 1024;
/// Coordinates are published to this many decimals (about 10 m).
const COORDINATE_SCALE: f64 = 1e4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishOptions {
    /// Who publishes, in words.
    pub source: String,
    /// The publication date; vacancies whose last day to apply is before it are dropped.
    pub today: Date,
    pub capacity: usize,
}

/// One feed, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// The feed's name (its file name), for the report.
    pub name: String,
    pub vacancies: Vec<Vacancy>,
    /// Records the importer could not use: all counted, the first examples kept.
    pub rejected_count: usize,
    pub rejected: Vec<RejectedRecord>,
}

/// Reads a feed in any shape the app knows: its own vacancy file (a sample made for a date
/// is moved to `today`), JSON-LD, an HTML page with JSON-LD, or CSV.
pub fn read_input(
    name: &str,
    bytes: &[u8],
    linker: &Linker<'_>,
    competences: &CompetenceCatalog,
    today: Date,
) -> Result<Input, FeedError> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        if text.contains(SET_FORMAT) {
            if let Ok(set) = VacancySet::parse(text, competences) {
                return Ok(Input {
                    name: name.to_owned(),
                    vacancies: set.rebased(today).vacancies,
                    rejected_count: 0,
                    rejected: Vec::new(),
                });
            }
        }
    }
    let report = import_feed(bytes, linker)?;
    Ok(Input {
        name: name.to_owned(),
        vacancies: report.vacancies,
        rejected_count: report.rejected_count,
        rejected: report.rejected,
    })
}

/// Why a record of a feed is not in the publication.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    Rejected(RejectedRecord),
    Expired { closing: Date },
    Duplicate { of: String, by: DuplicateBy },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateBy {
    Identifier,
    Url,
    TitleEmployerPlace,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportLine {
    pub feed: String,
    pub id: Option<String>,
    pub reason: Reason,
}

impl ReportLine {
    pub fn message(&self, language: Language) -> String {
        let id = self.id.as_deref().unwrap_or("");
        let what = match &self.reason {
            Reason::Rejected(record) => record.message(language),
            Reason::Expired { closing } => i18n::format(
                language,
                "publish.expired",
                &[("id", id), ("date", &format_date(*closing, language))],
            ),
            Reason::Duplicate { of, by } => {
                let how = match by {
                    DuplicateBy::Identifier => "publish.duplicate_by.identifier",
                    DuplicateBy::Url => "publish.duplicate_by.url",
                    DuplicateBy::TitleEmployerPlace => "publish.duplicate_by.title_employer_place",
                };
                i18n::format(
                    language,
                    "publish.duplicate",
                    &[("id", id), ("how", i18n::text(language, how)), ("of", of)],
                )
            }
        };
        format!("{}: {what}", self.feed)
    }
}

/// What publishing did.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishReport {
    pub manifest: Manifest,
    /// Every texts file written.
    pub text_files: Vec<String>,
    /// Every record left out, with the reason (rejected records: the importers' examples).
    pub lines: Vec<ReportLine>,
    /// Bytes of all files written (before compression).
    pub bytes: u64,
}

impl PublishReport {
    pub fn counts(&self) -> &Counts {
        &self.manifest.counts
    }
}

/// Makes the files of a publication from `inputs` (in order: the first of two duplicates
/// is kept), handing each to `sink` as (path relative to the publication, bytes), the
/// manifest last.
pub fn publish<E>(
    inputs: Vec<Input>,
    options: &PublishOptions,
    mut sink: impl FnMut(&str, &[u8]) -> Result<(), E>,
) -> Result<PublishReport, E> {
    let mut counts = Counts::default();
    let mut lines = Vec::new();
    let mut kept: Vec<Vacancy> = Vec::new();
    let mut seen = Seen::default();
    for input in inputs {
        counts.read += input.vacancies.len() + input.rejected_count;
        counts.rejected += input.rejected_count;
        for record in input.rejected {
            lines.push(ReportLine {
                feed: input.name.clone(),
                id: None,
                reason: Reason::Rejected(record),
            });
        }
        for mut vacancy in input.vacancies {
            if let Some(closing) = vacancy.closing_date.filter(|d| *d < options.today) {
                counts.expired += 1;
                lines.push(ReportLine {
                    feed: input.name.clone(),
                    id: Some(vacancy.id.clone()),
                    reason: Reason::Expired { closing },
                });
                continue;
            }
            if let Some((of, by)) = seen.check(&vacancy) {
                counts.duplicates += 1;
                lines.push(ReportLine {
                    feed: input.name.clone(),
                    id: Some(vacancy.id.clone()),
                    reason: Reason::Duplicate { of, by },
                });
                continue;
            }
            seen.insert(&vacancy);
            vacancy.location = vacancy.location.and_then(|p| {
                GeoPoint::new(
                    (p.lat * COORDINATE_SCALE).round() / COORDINATE_SCALE,
                    (p.lon * COORDINATE_SCALE).round() / COORDINATE_SCALE,
                )
            });
            kept.push(vacancy);
        }
    }
    counts.vacancies = kept.len();

    // The areas: a quadtree over the located vacancies; the others in shards without one.
    let located: Vec<(usize, GeoPoint)> = kept
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.location.map(|p| (i, p)))
        .collect();
    let unplaced: Vec<usize> = kept
        .iter()
        .enumerate()
        .filter(|(_, v)| v.location.is_none())
        .map(|(i, _)| i)
        .collect();
    counts.unplaced = unplaced.len();
    let mut groups: Vec<(Option<Cell>, Vec<usize>)> = Vec::new();
    let capacity = options.capacity.max(1);
    let mut leaves = Vec::new();
    split(Cell::ROOT, located, capacity, &mut leaves);
    for (cell, members) in leaves {
        groups.push((Some(cell), members));
    }
    if !unplaced.is_empty() {
        groups.push((None, unplaced));
    }

    let mut shards = Vec::new();
    let mut text_files = Vec::new();
    let mut bytes = 0u64;
    for (area, mut members) in groups {
        members.sort_by(|a, b| kept[*a].id.cmp(&kept[*b].id));
        let base = area.map_or_else(|| "unplaced".to_owned(), |c| c.key());
        // Vacancies that share one point cannot be split by area: cut them by count.
        for (part, chunk) in members.chunks(capacity).enumerate() {
            let name = format!("{base}-{part}");
            let vacancies: Vec<&Vacancy> = chunk.iter().map(|i| &kept[*i]).collect();
            let (shard, texts) = shard_files(&name, area, &vacancies);
            for (file, content) in &texts {
                sink(file, content.as_bytes())?;
                bytes += content.len() as u64;
                text_files.push(file.clone());
            }
            let sha256 = sha256_hex(shard.as_bytes());
            let file = format!("shards/{name}-{}.json", &sha256[..16]);
            sink(&file, shard.as_bytes())?;
            bytes += shard.len() as u64;
            shards.push(ShardEntry {
                file,
                area,
                count: vacancies.len(),
                bytes: shard.len(),
                sha256,
            });
        }
    }
    let manifest = Manifest {
        format: MANIFEST_FORMAT.to_owned(),
        version: VERSION,
        published: options.today,
        source: options
            .source
            .chars()
            .take(super::MAX_SOURCE_CHARS)
            .collect(),
        counts,
        shards,
    };
    let json = manifest.to_json();
    sink(MANIFEST_FILE, json.as_bytes())?;
    bytes += json.len() as u64;
    Ok(PublishReport {
        manifest,
        text_files,
        lines,
        bytes,
    })
}

/// Cuts `cell` until each part holds at most `capacity` vacancies (or cannot be cut: the
/// deepest level, or all at one point). Parts come out in a fixed order; empty ones are
/// left out.
fn split(
    cell: Cell,
    members: Vec<(usize, GeoPoint)>,
    capacity: usize,
    out: &mut Vec<(Cell, Vec<usize>)>,
) {
    if members.is_empty() {
        return;
    }
    let one_point = members
        .iter()
        .all(|(_, p)| p.lat == members[0].1.lat && p.lon == members[0].1.lon);
    if members.len() <= capacity || cell.z >= MAX_LEVEL || one_point {
        out.push((cell, members.into_iter().map(|(i, _)| i).collect()));
        return;
    }
    let children = cell.children();
    let mut parts: [Vec<(usize, GeoPoint)>; 4] = Default::default();
    for (index, point) in members {
        let child = Cell::of(point, cell.z + 1);
        let slot = children.iter().position(|c| Some(*c) == child).unwrap_or(0);
        parts[slot].push((index, point));
    }
    for (child, part) in children.into_iter().zip(parts) {
        split(child, part, capacity, out);
    }
}

/// The JSON of one shard and of its texts files.
fn shard_files(
    name: &str,
    area: Option<Cell>,
    vacancies: &[&Vacancy],
) -> (String, Vec<(String, String)>) {
    let mut texts_files: Vec<(String, String)> = Vec::new();
    let mut chunk: Vec<String> = Vec::new();
    let mut chunk_bytes = 0usize;
    let mut rows = Vec::with_capacity(vacancies.len());
    let flush = |chunk: &mut Vec<String>, files: &mut Vec<(String, String)>| {
        if chunk.is_empty() {
            return;
        }
        let json = format!(
            "{{\"format\":\"{TEXTS_FORMAT}\",\"version\":{VERSION},\"texts\":[\n{}\n]}}\n",
            chunk.join(",\n")
        );
        let hash = sha256_hex(json.as_bytes());
        let file = format!("texts/{name}-{}-{}.json", files.len(), &hash[..16]);
        files.push((file, json));
        chunk.clear();
    };
    for vacancy in vacancies {
        let text = TextEntry::of(vacancy).map(|entry| {
            let json = serde_json::to_string(&entry).unwrap_or_default();
            if chunk_bytes + json.len() > TEXT_CHUNK_BYTES && !chunk.is_empty() {
                flush(&mut chunk, &mut texts_files);
                chunk_bytes = 0;
            }
            chunk_bytes += json.len() + 2;
            chunk.push(json);
            texts_files.len() as u32
        });
        rows.push(serde_json::to_string(&Row::of(vacancy, text)).unwrap_or_default());
    }
    flush(&mut chunk, &mut texts_files);
    let names: Vec<&str> = texts_files.iter().map(|(f, _)| f.as_str()).collect();
    let shard = format!(
        "{{\"format\":\"{SHARD_FORMAT}\",\"version\":{VERSION},\"area\":{},\"texts\":{},\"vacancies\":[\n{}\n]}}\n",
        serde_json::to_string(&area).unwrap_or_else(|_| "null".to_owned()),
        serde_json::to_string(&names).unwrap_or_else(|_| "[]".to_owned()),
        rows.join(",\n")
    );
    (shard, texts_files)
}

/// What has been published so far, to find duplicates.
#[derive(Default)]
struct Seen {
    ids: HashMap<String, String>,
    urls: HashMap<String, String>,
    triples: HashMap<String, String>,
}

fn url_key(url: &str) -> String {
    url.trim().trim_end_matches('/').to_lowercase()
}

/// Title, employer and place, folded; `None` without an employer (two "Kok" vacancies of
/// unknown employers are not known to be the same).
fn triple_key(vacancy: &Vacancy) -> Option<String> {
    let employer = normalize(&vacancy.employer);
    (!employer.is_empty()).then(|| {
        format!(
            "{}\u{1f}{employer}\u{1f}{}",
            normalize(&vacancy.title),
            normalize(vacancy.place.as_deref().unwrap_or(""))
        )
    })
}

impl Seen {
    fn check(&self, vacancy: &Vacancy) -> Option<(String, DuplicateBy)> {
        if let Some(of) = self.ids.get(&vacancy.id) {
            return Some((of.clone(), DuplicateBy::Identifier));
        }
        if let Some(of) = vacancy
            .url
            .as_deref()
            .and_then(|u| self.urls.get(&url_key(u)))
        {
            return Some((of.clone(), DuplicateBy::Url));
        }
        triple_key(vacancy)
            .and_then(|key| self.triples.get(&key))
            .map(|of| (of.clone(), DuplicateBy::TitleEmployerPlace))
    }

    fn insert(&mut self, vacancy: &Vacancy) {
        self.ids.insert(vacancy.id.clone(), vacancy.id.clone());
        if let Some(url) = vacancy.url.as_deref().filter(|u| !u.trim().is_empty()) {
            self.urls.insert(url_key(url), vacancy.id.clone());
        }
        if let Some(key) = triple_key(vacancy) {
            self.triples.insert(key, vacancy.id.clone());
        }
    }
}

/// Every file a publication refers to, as paths relative to it: the manifest's shards and
/// the texts files those shards name (read from `shards`, the shards' bytes by file name).
/// What a deployer must keep while devices may still hold that manifest.
pub fn referenced_files(
    manifest: &Manifest,
    shard_bytes: impl Fn(&str) -> Option<Vec<u8>>,
) -> BTreeSet<String> {
    #[derive(serde::Deserialize)]
    struct TextsOnly {
        texts: Vec<String>,
    }
    let mut files = BTreeSet::new();
    for shard in &manifest.shards {
        files.insert(shard.file.clone());
        if let Some(bytes) = shard_bytes(&shard.file) {
            if let Ok(only) = serde_json::from_slice::<TextsOnly>(&bytes) {
                files.extend(only.texts);
            }
        }
    }
    files
}
