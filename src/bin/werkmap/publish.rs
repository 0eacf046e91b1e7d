//! `werkmap vacancies publish <feed>... --out <dir> [--source <name>] [--today <date>]
//! [--report <file>] [--capacity N]`: a region's feeds as the static files the app reads
//! (`core::publish`), each also gzipped beside it for servers that send precompressed
//! files. Files already there with the same name are the same bytes (their names carry
//! their hash) and are not written again; files of the publication before this one are
//! kept (a device may still hold its manifest), older ones removed.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::{Compression, GzBuilder};
use time::Date;

use werkmap::core::publish::{
    self, build::referenced_files, read_input, Manifest, PublishOptions, MANIFEST_FILE,
};
use werkmap::core::text::Language;

use super::vacancies::{content, places, read_feed};
use super::Failure;

/// At most this many left-out records are printed (all go to `--report`).
const SHOWN: usize = 20;

/// The largest `--capacity`.
const MAX_CAPACITY: u64 = 1_000_000;

/// Publish feeds as the static files the app reads from /feed/.
///
/// Feeds of any kind `vacancies import` reads, or the app's vacancy file. Expired ones and
/// duplicates are left out, shards cut by area, long texts apart, with a manifest; the same
/// input gives the same bytes. Left-out records are listed with the reason on stderr (all of
/// them in --report).
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The feeds.
    #[arg(value_name = "FEED", required = true)]
    feeds: Vec<String>,
    /// The folder to publish into.
    #[arg(long, value_name = "DIR")]
    out: String,
    /// The name of the source in the manifest (default: the feeds' file names).
    #[arg(long, value_name = "NAME")]
    source: Option<String>,
    /// The date of publishing (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::date_value)]
    today: Option<Date>,
    /// Write every left-out record, with the reason, into this file.
    #[arg(long, value_name = "FILE")]
    report: Option<String>,
    /// The most vacancies in one shard.
    #[arg(long, value_name = "N", default_value_t = publish::DEFAULT_CAPACITY, value_parser = crate::count_parser(MAX_CAPACITY))]
    capacity: usize,
}

pub(crate) fn run(args: &Args) -> Result<(), Failure> {
    let (feeds, out, capacity) = (&args.feeds, args.out.as_str(), args.capacity);
    let (source, today, report_path) = (args.source.clone(), args.today, args.report.as_deref());
    let today = today.unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
    let content = content()?;
    let places = places()?;
    let linker = content.linker(&places);
    let mut inputs = Vec::with_capacity(feeds.len());
    for feed in feeds {
        let bytes = read_feed(feed)?;
        let name = file_name(feed);
        let input =
            read_input(&name, &bytes, &linker, &content.competences, today).map_err(|e| {
                Failure::new(
                    format!("{feed}: {}", e.message(Language::Nl)),
                    format!("{feed}: {}", e.message(Language::En)),
                )
            })?;
        inputs.push(input);
    }
    let source = source.unwrap_or_else(|| {
        feeds
            .iter()
            .map(|f| file_name(f))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let dir = PathBuf::from(out);
    let previous = fs::read(dir.join(MANIFEST_FILE))
        .ok()
        .and_then(|bytes| Manifest::parse(&bytes).ok());
    for sub in ["shards", "texts"] {
        fs::create_dir_all(dir.join(sub)).map_err(|e| cannot_write(&dir.join(sub), &e))?;
    }
    let options = PublishOptions {
        source,
        today,
        capacity,
    };
    // Compressing and writing run beside the work of cutting the shards (on a second core).
    let (files, received) = std::sync::mpsc::sync_channel::<(String, Vec<u8>)>(64);
    let writer_dir = dir.clone();
    let writer = std::thread::spawn(move || -> Result<(), Failure> {
        for (path, bytes) in received {
            write_file(&writer_dir, &path, &bytes)?;
        }
        Ok(())
    });
    let published = publish::publish(inputs, &options, |path, bytes| {
        files
            .send((path.to_owned(), bytes.to_vec()))
            .map_err(|_| Failure::new("het schrijven is gestopt", "writing stopped"))
    });
    drop(files);
    let written = writer
        .join()
        .unwrap_or_else(|_| Err(Failure::new("het schrijven is misgegaan", "writing failed")));
    written?;
    let report = published?;
    let counts = report.counts();

    // Keep the previous publication's files, remove anything older.
    let mut keep: BTreeSet<String> = report
        .manifest
        .shards
        .iter()
        .map(|s| s.file.clone())
        .collect();
    keep.extend(report.text_files.iter().cloned());
    if let Some(previous) = &previous {
        keep.extend(referenced_files(previous, |file| {
            fs::read(dir.join(file)).ok()
        }));
    }
    let removed = prune(&dir, &keep);

    let lines: Vec<String> = report
        .lines
        .iter()
        .map(|line| {
            format!(
                "{} / {}",
                line.message(Language::Nl),
                line.message(Language::En)
            )
        })
        .collect();
    for line in lines.iter().take(SHOWN) {
        eprintln!("  {line}");
    }
    if lines.len() > SHOWN {
        eprintln!(
            "  … en nog {} / … and {} more",
            lines.len() - SHOWN,
            lines.len() - SHOWN
        );
    }
    if let Some(path) = report_path {
        let mut text = lines.join("\n");
        text.push('\n');
        super::write_atomically(Path::new(path), &text)?;
    }
    println!(
        "published {} vacancies into {out} ({} shards, {} texts files, {:.1} MB; {} read, {} rejected, {} expired, {} duplicates, {} without a known place; {removed} old files removed)",
        counts.vacancies,
        report.manifest.shards.len(),
        report.text_files.len(),
        report.bytes as f64 / 1e6,
        counts.read,
        counts.rejected,
        counts.expired,
        counts.duplicates,
        counts.unplaced,
    );
    if counts.vacancies == 0 {
        return Err(Failure::new(
            "geen enkele vacature was bruikbaar",
            "no vacancy was usable",
        ));
    }
    Ok(())
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_owned())
}

fn cannot_write(path: &Path, e: &std::io::Error) -> Failure {
    Failure::new(
        format!("kan {} niet schrijven: {e}", path.display()),
        format!("cannot write {}: {e}", path.display()),
    )
}

/// Writes one file of the publication and its gzipped copy. A hashed file that exists is
/// the same bytes and is left alone; the manifest is replaced atomically, its gzipped copy
/// first.
fn write_file(dir: &Path, path: &str, bytes: &[u8]) -> Result<(), Failure> {
    let target = dir.join(path);
    let gz_target = dir.join(format!("{path}.gz"));
    let mutable = path == MANIFEST_FILE;
    if !mutable && target.is_file() && gz_target.is_file() {
        return Ok(());
    }
    let mut gz = Vec::with_capacity(bytes.len() / 3);
    {
        // No name and no time in the header: the same input gives the same bytes.
        // The list data as small as it gets (every device downloads it); the long texts,
        // opened one at a time, with less effort.
        let level = if path.starts_with("texts/") { 3 } else { 9 };
        let mut encoder = GzBuilder::new()
            .mtime(0)
            .write(&mut gz, Compression::new(level));
        encoder
            .write_all(bytes)
            .and_then(|()| encoder.try_finish())
            .map_err(|e| cannot_write(&gz_target, &e))?;
    }
    replace(&gz_target, &gz)?;
    replace(&target, bytes)
}

fn replace(target: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let mut temporary = target.as_os_str().to_owned();
    temporary.push(".tmp");
    let temporary = PathBuf::from(temporary);
    fs::write(&temporary, bytes)
        .and_then(|()| fs::rename(&temporary, target))
        .map_err(|e| {
            let _ = fs::remove_file(&temporary);
            cannot_write(target, &e)
        })
}

/// Removes the files in `shards/` and `texts/` (and their gzipped copies) that are not in
/// `keep`; returns how many. Only files named as a publication names them are touched.
fn prune(dir: &Path, keep: &BTreeSet<String>) -> usize {
    let mut removed = 0;
    for sub in ["shards", "texts"] {
        let Ok(entries) = fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let plain = name.strip_suffix(".gz").unwrap_or(&name);
            if !plain.ends_with(".json") {
                continue;
            }
            let relative = format!("{sub}/{plain}");
            if !keep.contains(&relative) && fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}
