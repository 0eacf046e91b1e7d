//! Task runner for werkmap: `cargo xtask <command>`. Standard library only.

mod dist;
mod fuzz;
mod serve;
mod setup;
mod tasks;
mod util;

use std::env;
use std::process::ExitCode;

use util::Result;

const USAGE: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  setup                      Install what is missing: the wasm32 target, trunk ~0.21,
                             wasm-bindgen-cli (= the version in Cargo.lock), npm packages
                             (binaryen's wasm-opt, playwright-core, axe-core), and
                             chromium + chromedriver (apt, as root). Checks Trunk.toml.
  build                      setup, `trunk build --release`, then move the inline loader
                             script of dist/index.html into dist/start-<hash>.js.
  serve [--port 8080] [--no-build] [--site <published dir>]
                             build, then serve dist/ on http://127.0.0.1:PORT; with --site,
                             a publication of `werkmap vacancies publish` under /feed/ with
                             the headers a deployment should send (gzip, caching): what the
                             users of that site will get.
  test [--skip-browser]      What CI runs: setup, fmt, clippy, native tests, wasm clippy,
                             wasm component tests in Chromium, build, end-to-end tests.
                             --skip-browser skips the browser tests and the release build.
  measure [--no-build]       build, print .wasm/.js sizes (raw and gzip -9), and run the
                             browser benchmarks against a local server (precompressed
                             files): tests/e2e/measure-first-visit.mjs (first and repeat
                             visit of /, /kiosk, /coach on Lighthouse's mobile profile
                             through CDP, median of 5), measure-startup, bench-matching,
                             measure-portfolio.
  fuzz [--minutes N] [--target T]
                             every cargo-fuzz target in turn, N minutes each (default 5),
                             unattended (installs cargo-fuzz when missing; stable toolchain
                             with RUSTC_BOOTSTRAP=1); results table in fuzz/last-run.md.
  help                       This text.
";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match dispatch(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(args: &[String]) -> Result<()> {
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => ("help", &[][..]),
    };
    let mut flags = Flags::new(rest);
    let result = match command {
        "setup" => {
            flags.finish()?;
            setup::setup(&setup::Options { browser: true }).map(|_| ())
        }
        "build" => {
            flags.finish()?;
            setup::setup(&setup::Options { browser: false })?;
            dist::build()
        }
        "serve" => {
            let port = flags.value("--port")?.unwrap_or_else(|| "8080".into());
            let port: u16 = port
                .parse()
                .map_err(|_| format!("--port: not a port number: {port}"))?;
            let no_build = flags.switch("--no-build");
            let site = flags.value("--site")?;
            flags.finish()?;
            serve_command(port, no_build, site.map(std::path::PathBuf::from))
        }
        "test" => {
            let skip_browser = flags.switch("--skip-browser");
            flags.finish()?;
            tasks::test(skip_browser)
        }
        "measure" => {
            let no_build = flags.switch("--no-build");
            flags.finish()?;
            tasks::measure(no_build)
        }
        "fuzz" => {
            let minutes = flags.value("--minutes")?.unwrap_or_else(|| "5".into());
            let minutes: u64 = minutes
                .parse()
                .ok()
                .filter(|m| *m > 0)
                .ok_or_else(|| format!("--minutes: not a number of minutes: {minutes}"))?;
            let target = flags.value("--target")?;
            flags.finish()?;
            fuzz::fuzz(minutes, target.as_deref())
        }
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            eprint!("{USAGE}");
            Err(format!("unknown command: {other}"))
        }
    };
    result
}

fn serve_command(port: u16, no_build: bool, site: Option<std::path::PathBuf>) -> Result<()> {
    if let Some(site) = &site {
        if !site.join("manifest.json").is_file() {
            return Err(format!(
                "{} has no manifest.json: give the --out directory of `werkmap vacancies publish`",
                site.display()
            ));
        }
    }
    if !no_build {
        setup::setup(&setup::Options { browser: false })?;
        dist::build()?;
    }
    let dist = util::dist_dir();
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{} is missing: run without --no-build",
            dist.join("index.html").display()
        ));
    }
    let (addr, handle) = serve::serve_site(&dist, site.as_deref(), ("127.0.0.1", port), true)
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    if let Some(site) = &site {
        println!("serving the publication {} under /feed/", site.display());
    }
    println!(
        "serving {} on http://{addr}/ (Ctrl-C to stop)",
        dist.display()
    );
    handle
        .join()
        .map_err(|_| "the server thread panicked".to_string())
}

/// Minimal flag parsing: `--name value`, `--name=value` and switches.
struct Flags {
    args: Vec<String>,
}

impl Flags {
    fn new(args: &[String]) -> Self {
        Flags {
            args: args.to_vec(),
        }
    }

    fn switch(&mut self, name: &str) -> bool {
        let before = self.args.len();
        self.args.retain(|a| a != name);
        self.args.len() != before
    }

    fn value(&mut self, name: &str) -> Result<Option<String>> {
        let prefix = format!("{name}=");
        if let Some(i) = self.args.iter().position(|a| a.starts_with(&prefix)) {
            let arg = self.args.remove(i);
            return Ok(Some(arg[prefix.len()..].to_string()));
        }
        match self.args.iter().position(|a| a == name) {
            Some(i) if i + 1 < self.args.len() => {
                let value = self.args.remove(i + 1);
                self.args.remove(i);
                Ok(Some(value))
            }
            Some(_) => Err(format!("{name} needs a value")),
            None => Ok(None),
        }
    }

    fn finish(self) -> Result<()> {
        match self.args.first() {
            None => Ok(()),
            Some(arg) => Err(format!(
                "unexpected argument: {arg} (see `cargo xtask help`)"
            )),
        }
    }
}
