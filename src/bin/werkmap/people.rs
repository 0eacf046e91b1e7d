//! `werkmap portfolio generate`: synthetic job seekers' portfolio files, for a coach's
//! caseload in tests and for benchmarks.

use std::path::Path;

use werkmap::core::portfolio::sample::{SamplePeople, Size};
use werkmap::core::vacancy::{VacancySet, SAMPLE_JSON};

use super::vacancies::content;
use super::{write_atomically, Failure};
use crate::say;

/// The most files `generate` writes in one go.
const MAX_PEOPLE: u64 = 100_000;

/// Synthetic job seekers' portfolio files (a caseload for tests and benchmarks).
#[derive(clap::Args)]
pub(crate) struct GenerateArgs {
    /// How many files.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=MAX_PEOPLE))]
    count: u64,
    /// The seed: the same seed gives the same people.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// 20 self-tests and 1,000 activities in each file.
    #[arg(long)]
    heavy: bool,
    /// The folder to write the files into.
    #[arg(long = "out-dir", value_name = "DIR")]
    out: String,
}

/// `portfolio generate --count N [--seed S] [--heavy] --out-dir <dir>`.
pub(crate) fn generate(args: &GenerateArgs) -> Result<(), Failure> {
    let (count, seed, out) = (args.count, args.seed, args.out.as_str());
    let size = if args.heavy {
        Size::HEAVY
    } else {
        Size::TYPICAL
    };
    let content = content()?;
    let sample = VacancySet::parse(SAMPLE_JSON, &content.competences)
        .map(|s| s.vacancies)
        .unwrap_or_default();
    std::fs::create_dir_all(out).map_err(|e| {
        Failure::new(
            format!("kan de map {out} niet maken: {e}"),
            format!("cannot create the folder {out}: {e}"),
        )
    })?;
    let people = SamplePeople::new(&content, &sample, seed);
    let now = time::OffsetDateTime::now_utc();
    for i in 0..count {
        let file = people.portfolio(i, size, now).to_json();
        let path = Path::new(out).join(format!("person-{:05}.werkmap.json", i + 1));
        write_atomically(&path, &file)?;
    }
    say(format!(
        "generated {count} portfolio files (seed {seed}) in {out}"
    ));
    Ok(())
}
