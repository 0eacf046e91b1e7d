//! `werkmap vacancies import` and `werkmap vacancies generate`.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use werkmap::core::content::Content;
use werkmap::core::place::{Places, PLACES_JSON};
use werkmap::core::text::Language;
use werkmap::core::vacancy::csv_feed::write_csv;
use werkmap::core::vacancy::generate::{Generator, Templates, TEMPLATES_JSON};
use werkmap::core::vacancy::import::MAX_FEED_BYTES;
use werkmap::core::vacancy::jsonld::to_job_posting;
use werkmap::core::vacancy::{import_feed, FeedError, VacancySet, SET_FORMAT, SET_VERSION};

use super::{read_limited, write_atomically, Failure};
use crate::{say, warn};

/// At most this many rejected records are printed (all are counted).
const SHOWN_REJECTIONS: usize = 20;
/// The most vacancies `generate` makes in one go.
const MAX_GENERATE: u64 = 10_000_000;

pub(crate) fn content() -> Result<Content, Failure> {
    Content::bundled().map_err(|e| {
        Failure::new(
            format!("de ingebouwde inhoud klopt niet: {e}"),
            format!("the bundled content is invalid: {e}"),
        )
    })
}

pub(crate) fn places() -> Result<Places, Failure> {
    Places::parse(PLACES_JSON).map_err(|e| {
        Failure::new(
            format!("de ingebouwde plaatsenlijst klopt niet: {e}"),
            format!("the bundled places table is invalid: {e}"),
        )
    })
}

/// Reads a feed file, refusing one over the importer's limit before reading it.
pub(crate) fn read_feed(path: &str) -> Result<Vec<u8>, Failure> {
    read_limited(path, MAX_FEED_BYTES, |size| {
        let error = FeedError::TooLarge {
            size,
            limit: MAX_FEED_BYTES,
        };
        Failure::new(error.message(Language::Nl), error.message(Language::En))
    })
}

/// Read a vacancy feed into the app's vacancy file.
///
/// The feed is schema.org JobPosting JSON-LD, an HTML page with JSON-LD, or CSV. Bad records
/// are listed with the reason on stderr, good ones written; exit 1 when none is usable.
#[derive(clap::Args)]
pub(crate) struct ImportArgs {
    /// The feed (.jsonld, .json, .html or .csv).
    #[arg(value_name = "FEED")]
    input: String,
    /// The vacancy file to write.
    #[arg(long, value_name = "FILE")]
    out: String,
}

/// `vacancies import <feed> --out <vacancies.json>`.
pub(crate) fn import(args: &ImportArgs) -> Result<(), Failure> {
    let (input, out) = (args.input.as_str(), args.out.as_str());
    let bytes = read_feed(input)?;
    let content = content()?;
    let places = places()?;
    let linker = content.linker(&places);
    let report = import_feed(&bytes, &linker)
        .map_err(|e| Failure::new(e.message(Language::Nl), e.message(Language::En)))?;
    for rejected in report.rejected.iter().take(SHOWN_REJECTIONS) {
        warn(format!(
            "  {} / {}",
            rejected.message(Language::Nl),
            rejected.message(Language::En)
        ));
    }
    if report.rejected_count > SHOWN_REJECTIONS {
        warn(format!(
            "  … en nog {} / … and {} more",
            report.rejected_count - SHOWN_REJECTIONS,
            report.rejected_count - SHOWN_REJECTIONS
        ));
    }
    if report.vacancies.is_empty() {
        return Err(Failure::new(
            format!("geen enkele vacature in {input} was bruikbaar"),
            format!("no vacancy in {input} was usable"),
        ));
    }
    let source = Path::new(input)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kept = report.vacancies.len();
    let set = VacancySet::new(source, report.vacancies);
    write_atomically(Path::new(out), &set.to_json())?;
    say(format!(
        "{} into {out}; {} fields left out; {} not linked to an occupation, {} without a known place",
        report_summary_en(kept, report.rejected_count),
        report.notes_count,
        report.unlinked,
        report.unlocated
    ));
    Ok(())
}

fn report_summary_en(kept: usize, rejected: usize) -> String {
    format!("imported {kept} vacancies ({rejected} rejected)")
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// The app's vacancy file.
    Werkmap,
    /// schema.org JobPosting JSON-LD.
    #[value(name = "jsonld")]
    JsonLd,
    /// CSV, one vacancy a row.
    Csv,
}

/// Realistic synthetic vacancies (the same for the same seed).
#[derive(clap::Args)]
pub(crate) struct GenerateArgs {
    /// How many vacancies.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=MAX_GENERATE))]
    count: u64,
    /// The seed: the same seed gives the same vacancies.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Begin at vacancy number I, to make a large set in parts.
    #[arg(long, value_name = "I", default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=MAX_GENERATE))]
    start: u64,
    /// The kind of file to write.
    #[arg(long, value_enum, default_value_t = Format::Werkmap)]
    format: Format,
    /// The file to write.
    #[arg(long, value_name = "FILE")]
    out: String,
}

/// `vacancies generate --count N [--seed S] [--start I] [--format werkmap|jsonld|csv] --out <file>`.
pub(crate) fn generate(args: &GenerateArgs) -> Result<(), Failure> {
    let (count, seed, start, format) = (args.count, args.seed, args.start, args.format);
    let out = args.out.as_str();
    let content = content()?;
    let places = places()?;
    let templates = Templates::parse(TEMPLATES_JSON, &content.occupations).map_err(|e| {
        Failure::new(
            format!("de ingebouwde vacaturesjablonen kloppen niet: {e}"),
            format!("the bundled vacancy templates are invalid: {e}"),
        )
    })?;
    let today = time::OffsetDateTime::now_utc().date();
    let generator = Generator::new(&templates, &content.occupations, &places, seed, today);
    let failed = |e: std::io::Error| {
        Failure::new(
            format!("kan {out} niet schrijven: {e}"),
            format!("cannot write {out}: {e}"),
        )
    };
    // Streamed to a temporary file next to the target, then renamed: a million vacancies
    // never sit in memory, and a failed run leaves an existing file as it was.
    let temporary = format!("{out}.tmp");
    let file = File::create(&temporary).map_err(failed)?;
    let mut writer = BufWriter::with_capacity(1 << 20, file);
    let vacancies = (start..start + count).map(|i| generator.vacancy(i));
    let written = match format {
        Format::Csv => write_csv(&mut writer, vacancies),
        Format::Werkmap => write_set(&mut writer, seed, vacancies),
        Format::JsonLd => write_json_ld(&mut writer, vacancies),
    }
    .and_then(|()| writer.flush());
    drop(writer);
    if let Err(e) = written.and_then(|()| std::fs::rename(&temporary, out)) {
        let _ = std::fs::remove_file(&temporary);
        return Err(failed(e));
    }
    say(format!(
        "generated {count} vacancies (seed {seed}) into {out}"
    ));
    Ok(())
}

fn write_set(
    out: &mut impl Write,
    seed: u64,
    vacancies: impl Iterator<Item = werkmap::core::vacancy::Vacancy>,
) -> std::io::Result<()> {
    write!(
        out,
        "{{\"format\":\"{SET_FORMAT}\",\"version\":{SET_VERSION},\"source\":\"werkmap vacancies generate --seed {seed}\",\"vacancies\":["
    )?;
    for (i, vacancy) in vacancies.enumerate() {
        if i > 0 {
            out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut *out, &vacancy)?;
    }
    out.write_all(b"]}\n")
}

fn write_json_ld(
    out: &mut impl Write,
    vacancies: impl Iterator<Item = werkmap::core::vacancy::Vacancy>,
) -> std::io::Result<()> {
    out.write_all(b"[\n")?;
    for (i, vacancy) in vacancies.enumerate() {
        if i > 0 {
            out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut *out, &to_job_posting(&vacancy))?;
    }
    out.write_all(b"\n]\n")
}
