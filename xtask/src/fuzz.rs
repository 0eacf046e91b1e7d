//! `cargo xtask fuzz [--minutes N] [--target T]`: every cargo-fuzz target of `fuzz/` in turn,
//! N minutes each (default 5), unattended, with a results table in `fuzz/last-run.md`.
//!
//! It installs cargo-fuzz when missing, builds the targets once, then runs each with its
//! seeds (`fuzz/seeds/<target>/`, in git: small forms of the pathological shapes and the
//! fixtures, written by `cargo test --test hostile_inputs -- --ignored write_fuzz_seeds`) and
//! the test fixtures, inputs up to its `max_len` and a per-input timeout. The working corpus
//! grows in `fuzz/corpus/<target>/` (not in git); findings land in `fuzz/artifacts/<target>/`
//! and the libFuzzer log in `fuzz/logs/<target>.log`. A finding does not stop the run: the
//! next target starts, and the table says what was found where.
//!
//! The machine needs no nightly toolchain: `RUSTC_BOOTSTRAP=1` lets stable accept the
//! sanitizer flags cargo-fuzz passes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

use crate::util::{self, Result};

/// A fuzz target and how it is run.
struct Target {
    name: &'static str,
    /// The largest input libFuzzer makes (bytes).
    max_len: usize,
    /// Seed folders besides `fuzz/seeds/<name>/`, relative to the repository.
    fixtures: &'static [&'static str],
}

const MIB: usize = 1024 * 1024;

const TARGETS: &[Target] = &[
    Target {
        name: "vacancy_feed",
        max_len: MIB,
        fixtures: &["tests/fixtures/feeds"],
    },
    Target {
        name: "vacancy_csv",
        max_len: MIB,
        fixtures: &[],
    },
    Target {
        name: "esco_import",
        max_len: MIB,
        fixtures: &[],
    },
    Target {
        name: "html_to_text",
        max_len: MIB,
        fixtures: &[],
    },
    Target {
        name: "portfolio_import",
        max_len: MIB,
        fixtures: &[
            "tests/fixtures/portfolio",
            "tests/fixtures/portfolio/hostile",
        ],
    },
    Target {
        name: "coach_records",
        max_len: MIB,
        fixtures: &[],
    },
    Target {
        name: "search_query",
        max_len: 4096,
        fixtures: &[],
    },
    Target {
        name: "publication",
        max_len: MIB,
        fixtures: &[],
    },
];

/// Seconds one input may take before libFuzzer reports it as a timeout (a finding).
const INPUT_TIMEOUT_SECONDS: u32 = 10;

/// What one target's run came to.
struct Outcome {
    name: &'static str,
    seconds: u64,
    runs: String,
    coverage: String,
    features: String,
    corpus: String,
    findings: Vec<String>,
    exit: String,
}

pub fn fuzz(minutes: u64, only: Option<&str>) -> Result<()> {
    let targets: Vec<&Target> = TARGETS
        .iter()
        .filter(|t| only.is_none_or(|name| t.name == name))
        .collect();
    if targets.is_empty() {
        let names: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
        return Err(format!(
            "no fuzz target {:?}; the targets are {}",
            only.unwrap_or_default(),
            names.join(", ")
        ));
    }
    if util::which("cargo-fuzz").is_none() {
        println!("fuzz: installing cargo-fuzz (cargo install, takes a few minutes)");
        util::run(util::cargo().args(["install", "cargo-fuzz", "--locked"]))?;
    }
    let root = util::root();
    let fuzz_dir = root.join("fuzz");
    util::run(
        util::cargo()
            .current_dir(&fuzz_dir)
            .env("RUSTC_BOOTSTRAP", "1")
            .args(["fuzz", "build"]),
    )?;
    let logs = fuzz_dir.join("logs");
    fs::create_dir_all(&logs).map_err(|e| format!("{}: {e}", logs.display()))?;
    let mut outcomes = Vec::new();
    for target in targets {
        outcomes.push(run_target(target, minutes, &root, &fuzz_dir)?);
        // Written after every target, so an interrupted campaign still leaves its table.
        write_table(&outcomes, minutes, &fuzz_dir.join("last-run.md"))?;
    }
    println!("\n{}", table(&outcomes));
    println!("written to fuzz/last-run.md");
    Ok(())
}

fn run_target(target: &Target, minutes: u64, root: &Path, fuzz_dir: &Path) -> Result<Outcome> {
    let corpus = fuzz_dir.join("corpus").join(target.name);
    let seeds = fuzz_dir.join("seeds").join(target.name);
    let artifacts = fuzz_dir.join("artifacts").join(target.name);
    for dir in [&corpus, &seeds, &artifacts] {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let before = listing(&artifacts);
    let log_path = fuzz_dir.join("logs").join(format!("{}.log", target.name));
    let log = fs::File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
    let log_err = log
        .try_clone()
        .map_err(|e| format!("{}: {e}", log_path.display()))?;
    let mut command = util::cargo();
    command
        .current_dir(fuzz_dir)
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["fuzz", "run", target.name])
        .arg(&corpus)
        .arg(&seeds);
    for fixture in target.fixtures {
        command.arg(root.join(fixture));
    }
    command
        .arg("--")
        .arg(format!("-max_total_time={}", minutes * 60))
        .arg(format!("-max_len={}", target.max_len))
        .arg(format!("-timeout={INPUT_TIMEOUT_SECONDS}"))
        .arg("-rss_limit_mb=4096")
        .arg("-print_final_stats=1")
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(log_err);
    println!(
        "fuzz: {} for {minutes} min (log: fuzz/logs/{}.log)",
        target.name, target.name
    );
    let started = Instant::now();
    let status = command
        .status()
        .map_err(|e| format!("could not start cargo fuzz: {e}"))?;
    let seconds = started.elapsed().as_secs();
    let text = fs::read_to_string(&log_path).unwrap_or_default();
    let findings: Vec<String> = listing(&artifacts)
        .into_iter()
        .filter(|f| !before.contains(f))
        .collect();
    let last_status = text
        .lines()
        .rfind(|l| l.starts_with('#') && l.contains("cov:"))
        .unwrap_or_default();
    let field = |name: &str| {
        last_status
            .split_whitespace()
            .skip_while(|w| *w != name)
            .nth(1)
            .unwrap_or("?")
            .to_owned()
    };
    let runs = text
        .lines()
        .find_map(|l| l.strip_prefix("stat::number_of_executed_units:"))
        .map(|n| n.trim().to_owned())
        .unwrap_or_else(|| {
            last_status
                .split_whitespace()
                .next()
                .unwrap_or("?")
                .trim_start_matches('#')
                .to_owned()
        });
    let outcome = Outcome {
        name: target.name,
        seconds,
        runs,
        coverage: field("cov:"),
        features: field("ft:"),
        corpus: field("corp:"),
        findings,
        exit: if status.success() {
            "clean".to_owned()
        } else {
            format!("stopped ({status})")
        },
    };
    println!(
        "fuzz: {}: {} runs, cov {}, ft {}, {} finding(s), {}",
        outcome.name,
        outcome.runs,
        outcome.coverage,
        outcome.features,
        outcome.findings.len(),
        outcome.exit
    );
    Ok(outcome)
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn table(outcomes: &[Outcome]) -> String {
    let mut text = String::from(
        "| target | time | runs | coverage (cov) | features (ft) | corpus | findings | result |\n|---|---|---|---|---|---|---|---|\n",
    );
    for o in outcomes {
        let findings = if o.findings.is_empty() {
            "none".to_owned()
        } else {
            o.findings
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        text.push_str(&format!(
            "| `{}` | {} s | {} | {} | {} | {} | {} | {} |\n",
            o.name, o.seconds, o.runs, o.coverage, o.features, o.corpus, findings, o.exit
        ));
    }
    text
}

fn write_table(outcomes: &[Outcome], minutes: u64, path: &PathBuf) -> Result<()> {
    let date = util::output(std::process::Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]))
        .unwrap_or_default();
    let text = format!(
        "# Last fuzz run\n\nWritten by `cargo xtask fuzz --minutes {minutes}` on {date}: each target {minutes} min, \
         inputs up to its `max_len` (1 MiB; 4 KiB for search queries), {INPUT_TIMEOUT_SECONDS} s per input. \
         Findings are in `fuzz/artifacts/<target>/`, logs in `fuzz/logs/`.\n\n{}",
        table(outcomes)
    );
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
