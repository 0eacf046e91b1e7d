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
use werkmap::core::vacancy::{import_feed, FeedError, Linker, VacancySet, SET_FORMAT, SET_VERSION};

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

/// `vacancies import <feed> --out <vacancies.json>`.
pub(crate) fn import(args: &[&str]) -> Result<(), Failure> {
    let (input, out) = match args {
        [input, "--out", out] | ["--out", out, input] => (*input, *out),
        _ => {
            return Err(Failure::usage(
                "gebruik: werkmap vacancies import <feed> --out <bestand>",
                "usage: werkmap vacancies import <feed> --out <file>",
            ))
        }
    };
    let bytes = read_feed(input)?;
    let content = content()?;
    let places = places()?;
    let linker = Linker {
        occupations: &content.occupations,
        index: &content.occupation_index,
        places: &places,
    };
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Werkmap,
    JsonLd,
    Csv,
}

/// `vacancies generate --count N [--seed S] [--format werkmap|jsonld|csv] --out <file>`.
pub(crate) fn generate(args: &[&str]) -> Result<(), Failure> {
    let mut count: Option<u64> = None;
    let mut seed: u64 = 1;
    let mut start: u64 = 0;
    let mut out: Option<&str> = None;
    let mut format = Format::Werkmap;
    let mut rest = args.iter();
    while let Some(&arg) = rest.next() {
        let mut value = || {
            rest.next()
                .copied()
                .ok_or_else(|| Failure::needs_value(arg))
        };
        match arg {
            "--count" => count = Some(Failure::parse_count(arg, value()?, MAX_GENERATE)?),
            "--seed" => seed = Failure::parse_seed(value()?)?,
            "--start" => {
                let v = value()?;
                start =
                    v.parse()
                        .ok()
                        .filter(|s| *s <= MAX_GENERATE)
                        .ok_or_else(|| {
                            Failure::usage(
                        format!("--start moet een getal van 0 tot {MAX_GENERATE} zijn, niet {v:?}"),
                        format!("--start must be a number from 0 to {MAX_GENERATE}, not {v:?}"),
                    )
                        })?;
            }
            "--out" => out = Some(value()?),
            "--format" => {
                format = match value()? {
                    "werkmap" => Format::Werkmap,
                    "jsonld" => Format::JsonLd,
                    "csv" => Format::Csv,
                    other => {
                        return Err(Failure::usage(
                            format!("--format is werkmap, jsonld of csv, niet {other:?}"),
                            format!("--format is werkmap, jsonld or csv, not {other:?}"),
                        ))
                    }
                }
            }
            other => return Err(Failure::unknown_option(other)),
        }
    }
    let (Some(count), Some(out)) = (count, out) else {
        return Err(Failure::usage(
            "gebruik: werkmap vacancies generate --count N [--seed S] [--start I] [--format werkmap|jsonld|csv] --out <bestand>",
            "usage: werkmap vacancies generate --count N [--seed S] [--start I] [--format werkmap|jsonld|csv] --out <file>",
        ));
    };
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
