//! `cargo xtask test` (what CI runs) and `cargo xtask measure`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::setup::{self, CHROMEDRIVER, CHROMIUM, WASM_TARGET};
use crate::util::{cargo, cmd, dist_dir, root, run, Result};
use crate::{dist, serve};

enum Outcome {
    Passed,
    Skipped(String),
}

/// Runs named steps in order, timing them, and stops at the first failure.
struct Steps {
    done: Vec<(&'static str, Outcome, Duration)>,
    started: Instant,
}

impl Steps {
    fn new() -> Self {
        Steps {
            done: Vec::new(),
            started: Instant::now(),
        }
    }

    fn run<T>(&mut self, name: &'static str, f: impl FnOnce() -> Result<T>) -> Result<T> {
        println!("\n==> {name}");
        let start = Instant::now();
        match f() {
            Ok(value) => {
                self.done.push((name, Outcome::Passed, start.elapsed()));
                Ok(value)
            }
            Err(e) => {
                eprintln!("\n{e}");
                self.print_summary();
                Err(format!("FAILED: {name}"))
            }
        }
    }

    fn skip(&mut self, name: &'static str, reason: &str) {
        println!("\n==> {name}: SKIPPED ({reason})");
        self.done
            .push((name, Outcome::Skipped(reason.to_string()), Duration::ZERO));
    }

    fn print_summary(&self) {
        let parts: Vec<String> = self
            .done
            .iter()
            .map(|(name, outcome, took)| match outcome {
                Outcome::Passed => format!("{name} {}", secs(*took)),
                Outcome::Skipped(_) => format!("{name} SKIPPED"),
            })
            .collect();
        println!(
            "\nsteps: {} (total {})",
            parts.join(", "),
            secs(self.started.elapsed())
        );
        for (name, outcome, _) in &self.done {
            if let Outcome::Skipped(reason) = outcome {
                println!("SKIPPED: {name}: {reason}");
            }
        }
    }
}

fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 60.0 {
        format!("{}m{:02}s", (s / 60.0).floor(), (s % 60.0).floor())
    } else {
        format!("{s:.1}s")
    }
}

pub fn test(skip_browser: bool) -> Result<()> {
    let mut steps = Steps::new();
    let browser = steps.run("setup", || {
        setup::setup(&setup::Options {
            browser: !skip_browser,
        })
    })?;
    let no_browser = if skip_browser {
        Some("--skip-browser".to_string())
    } else if !browser.available {
        Some(browser.reason.clone())
    } else {
        None
    };

    steps.run("fmt", || {
        run(cargo().args(["fmt", "--all", "--", "--check"]))
    })?;
    steps.run("clippy", || {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    steps.run("test native", || run(cargo().args(["test", "--workspace"])))?;
    steps.run("clippy wasm", || {
        run(cargo().args([
            "clippy",
            "--lib",
            "--bins",
            "--target",
            WASM_TARGET,
            "--features",
            "bench",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    match &no_browser {
        Some(reason) => steps.skip("test wasm (browser)", reason),
        None => steps.run("test wasm (browser)", || {
            run(cargo()
                .args(["test", "--target", WASM_TARGET, "--test", "web"])
                .env("CHROMEDRIVER", CHROMEDRIVER)
                .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))
        })?,
    }
    if skip_browser {
        steps.skip("build", "--skip-browser");
    } else {
        steps.run("build", dist::build)?;
        steps.run("bundle budget", check_bundle_budget)?;
    }
    match &no_browser {
        Some(reason) => steps.skip("e2e", reason),
        None => steps.run("e2e", e2e)?,
    }
    steps.print_summary();
    Ok(())
}

fn e2e() -> Result<()> {
    let dir = root().join("tests").join("e2e");
    let tests = node_test_files(&dir);
    if tests.is_empty() {
        return Err(format!(
            "no end-to-end test files in {} (node --test runs *.test.mjs, *-test.mjs, \
             *_test.mjs, test-*.mjs); refusing to pass with zero tests",
            dir.display()
        ));
    }
    // The CLI makes the caseload of the coach test (`werkmap portfolio generate`).
    run(cargo().args(["build", "--bin", "werkmap"]))?;
    let cli = root().join("target").join("debug").join("werkmap");
    let url = start_server()?;
    run(node()
        .args(["--test", "--test-concurrency=1", "tests/e2e/"])
        .env("WERKMAP_URL", &url)
        .env("WERKMAP_CLI", &cli)
        .env("CHROMIUM", CHROMIUM))
}

fn node() -> Command {
    cmd("node")
}

/// Serves `dist/` on a free loopback port for the rest of this process.
fn start_server() -> Result<String> {
    let dist = dist_dir();
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{} is missing: build first",
            dist.join("index.html").display()
        ));
    }
    let (addr, _) = serve::serve(&dist, "127.0.0.1:0")
        .map_err(|e| format!("cannot serve {}: {e}", dist.display()))?;
    let url = format!("http://{addr}");
    println!("serving dist/ on {url}");
    Ok(url)
}

/// Files that Node 20's `node --test <dir>` picks up.
fn node_test_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    walk(dir, &mut |path| {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let stem = ["js", "mjs", "cjs"]
            .iter()
            .find_map(|ext| name.strip_suffix(&format!(".{ext}")));
        if let Some(stem) = stem {
            if stem == "test"
                || stem.starts_with("test-")
                || stem.ends_with(".test")
                || stem.ends_with("-test")
                || stem.ends_with("_test")
            {
                found.push(path.to_path_buf());
            }
        }
    });
    found
}

fn walk(dir: &Path, f: &mut dyn FnMut(&Path)) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "node_modules") {
                walk(&path, f);
            }
        } else {
            f(&path);
        }
    }
}

/// The download budget of each page's bundle (its WASM and wasm-bindgen JS, gzip -9): a
/// deterministic size check, not a timing, that fails the build when a change makes a first
/// load heavier than agreed. Raise one only on purpose, with the reason in the commit.
///
/// History: one bundle for everything — 298 KiB with the self-test (budget 360); 565 KiB
/// with the competence check, catalogue, search and ESCO import (600); 642 KiB with kiosk
/// mode, the QR hand-off and the portfolio export (700). Vacancy matching, the activity log,
/// the portfolio screens and coach mode took it to 1,115 KiB: the app was then split into
/// one bundle per mode (home, kiosk, coach; the benchmark hooks in a page of their own), so
/// a kiosk or a job seeker downloads only their own screens, and Leptos's
/// `erase_components` (`.cargo/config.toml`) cut the code by another 12 %. Measured then
/// (2026-12-01): home 824 KiB, kiosk 612 KiB, coach 613 KiB; each budget is that plus
/// about 4 %. Search by what the work is (issue 16) added about 22 KiB of "wat doe je in dit
/// werk" sentences to the compiled-in catalogue (every bundle carries the catalogue) and
/// 5.6 KiB of Snowball stemmers: measured then home 866 KiB, kiosk 644 KiB, coach 644 KiB,
/// budgets raised to 890, 665 and 665 KiB. Moving the catalogue's sentences into a data file
/// fetched with the search screen (the planned lazy search data) takes the 22 KiB out again.
/// docs/measurements.md has the figures and what would bring the home bundle down.
///
/// 2026-12-07 (issue 12): with the phone and kiosk screens (issue 11), published feeds
/// (14), the hardened importers and kiosk PIN (15) and search by what the work is (16) all
/// merged, the bundles were 962 / 709 / 678 KiB gzip. The build now writes Brotli copies
/// and `cargo xtask serve` (like any host with precompressed files) sends them, so the
/// budget counts what is sent: the Brotli bytes — measured 749 / 565 / 541 KiB, budgets
/// that plus about 2 %. The gzip figure is printed beside it.
///
/// 2026-12-07 (issue 13): the core's messages moved into the locale files (+4 KiB home,
/// +10 KiB coach) and the occupation search index is built on first use, which took the
/// index builder out of the kiosk and coach bundles: measured 751.6 / 558.1 / 539.9 KiB,
/// budgets that plus under 1 % (home unchanged).
const BUNDLE_BUDGETS_BROTLI: [(&str, u64); 3] = [
    ("werkmap-web-", 760 * 1024),
    ("werkmap-kiosk-", 563 * 1024),
    ("werkmap-coach-", 545 * 1024),
];

struct BundleFile {
    name: String,
    raw: u64,
    gzip: u64,
    /// The size of the Brotli copy the build wrote beside the file (what is sent).
    brotli: Option<u64>,
}

fn bundle_files() -> Result<Vec<BundleFile>> {
    let dist = dist_dir();
    let mut paths = Vec::new();
    walk(&dist, &mut |p| {
        if matches!(p.extension().and_then(|e| e.to_str()), Some("wasm" | "js")) {
            paths.push(p.to_path_buf());
        }
    });
    if paths.is_empty() {
        return Err(format!(
            "no .wasm or .js files in {}: build first",
            dist.display()
        ));
    }
    paths
        .iter()
        .map(|path| {
            Ok(BundleFile {
                name: path
                    .strip_prefix(&dist)
                    .unwrap_or(path)
                    .display()
                    .to_string(),
                raw: fs::metadata(path).map_err(|e| e.to_string())?.len(),
                gzip: gzip_size(path)?,
                brotli: fs::metadata(format!("{}.br", path.display()))
                    .ok()
                    .map(|m| m.len()),
            })
        })
        .collect()
}

fn check_bundle_budget() -> Result<()> {
    let files = bundle_files()?;
    let mut over = Vec::new();
    for (prefix, budget) in BUNDLE_BUDGETS_BROTLI {
        let bundle: Vec<&BundleFile> = files
            .iter()
            .filter(|f| f.name.starts_with(prefix))
            .collect();
        let gzip: u64 = bundle.iter().map(|f| f.gzip).sum();
        if !bundle.is_empty() && bundle.iter().all(|f| f.brotli.is_none()) {
            over.push(format!(
                "{prefix}*: no Brotli copies in dist/: was it made by `cargo xtask build`?"
            ));
            continue;
        }
        // A file too small to be worth a copy is sent as it is.
        let total: u64 = bundle.iter().map(|f| f.brotli.unwrap_or(f.raw)).sum();
        println!(
            "bundle {}*: {} brotli, as sent (budget {}); {} gzip -9",
            prefix,
            kib(total),
            kib(budget),
            kib(gzip)
        );
        if bundle.is_empty() {
            over.push(format!(
                "no files {prefix}* in dist/: was every page built?"
            ));
        } else if total > budget {
            over.push(format!(
                "{prefix}* is {} brotli, over its budget of {}",
                kib(total),
                kib(budget)
            ));
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(over.join("\n"))
    }
}

pub fn measure(no_build: bool) -> Result<()> {
    if !no_build {
        setup::setup(&setup::Options { browser: true })?;
        dist::build()?;
    }
    let files = bundle_files()?;
    println!(
        "\n{:<48} {:>18} {:>18} {:>18}",
        "file (dist/)", "raw bytes", "gzip -9", "brotli (sent)"
    );
    let sent = |f: &BundleFile| f.brotli.unwrap_or(f.raw);
    for file in &files {
        println!(
            "{:<48} {:>18} {:>18} {:>18}",
            file.name,
            kib(file.raw),
            kib(file.gzip),
            kib(sent(file))
        );
    }
    println!(
        "{:<48} {:>18} {:>18} {:>18}\n",
        "total",
        kib(files.iter().map(|f| f.raw).sum()),
        kib(files.iter().map(|f| f.gzip).sum()),
        kib(files.iter().map(sent).sum())
    );

    run(cargo().args(["build", "--bin", "werkmap"]))?;
    let cli = root().join("target").join("debug").join("werkmap");
    let url = start_server()?;
    for script in [
        "tests/e2e/measure-first-visit.mjs",
        "tests/e2e/measure-startup.mjs",
        "tests/e2e/bench-matching.mjs",
        "tests/e2e/measure-portfolio.mjs",
    ] {
        println!();
        run(node()
            .arg(script)
            .env("WERKMAP_URL", &url)
            .env("WERKMAP_CLI", &cli)
            .env("CHROMIUM", CHROMIUM))?;
    }

    // Search latency and quality over the full ESCO file in the browser, Werkmap's WASM
    // search next to minisearch. The file is not committed; without it this part is skipped.
    let esco = root().join(ESCO_CSV);
    if !esco.is_file() {
        println!(
            "\nsearch benchmark SKIPPED: {} not found (only CI and developer machines have it)",
            esco.display()
        );
        return Ok(());
    }
    println!();
    run(node()
        .arg("tests/e2e/bench-search.mjs")
        .env("WERKMAP_URL", &url)
        .env("CHROMIUM", CHROMIUM)
        .env("ESCO_CSV", &esco))
}

/// The official ESCO occupations file, relative to the repository root (as in
/// `tests/search_recall.rs`).
const ESCO_CSV: &str = "../shared/data/esco/occupations_nl.csv";

fn kib(bytes: u64) -> String {
    format!("{bytes} ({:.1} KiB)", bytes as f64 / 1024.0)
}

fn gzip_size(file: &Path) -> Result<u64> {
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "gzip -9 -c {} failed ({})",
            file.display(),
            out.status
        ));
    }
    Ok(out.stdout.len() as u64)
}
