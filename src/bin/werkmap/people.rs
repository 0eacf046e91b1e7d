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

/// `portfolio generate --count N [--seed S] [--heavy] --out-dir <dir>`.
pub(crate) fn generate(args: &[&str]) -> Result<(), Failure> {
    let mut count: Option<u64> = None;
    let mut seed = 1u64;
    let mut size = Size::TYPICAL;
    let mut out: Option<&str> = None;
    let mut rest = args.iter();
    while let Some(&arg) = rest.next() {
        let mut value = || {
            rest.next()
                .copied()
                .ok_or_else(|| Failure::needs_value(arg))
        };
        match arg {
            "--count" => count = Some(Failure::parse_count(arg, value()?, MAX_PEOPLE)?),
            "--seed" => seed = Failure::parse_seed(value()?)?,
            "--heavy" => size = Size::HEAVY,
            "--out-dir" => out = Some(value()?),
            other => return Err(Failure::unknown_option(other)),
        }
    }
    let (Some(count), Some(out)) = (count, out) else {
        return Err(Failure::usage(
            "gebruik: werkmap portfolio generate --count N [--seed S] [--heavy] --out-dir <map>",
            "usage: werkmap portfolio generate --count N [--seed S] [--heavy] --out-dir <dir>",
        ));
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
