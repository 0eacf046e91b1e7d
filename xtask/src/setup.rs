//! `cargo xtask setup`: idempotent installation of every tool the project needs.
//!
//! Each check prints one line: either what is present or what is being installed.

use std::fs;
use std::path::Path;

use crate::util::{self, cargo, cmd, output, root, run, Result};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Trunk 0.22 needs a newer rustc than this project pins; 0.21 works.
const TRUNK_SERIES: &str = "0.21";

pub struct Options {
    /// Install Chromium and ChromeDriver when missing (skipped by `test --skip-browser`).
    pub browser: bool,
}

/// Whether the browser tests can run after setup.
pub struct Browser {
    pub available: bool,
    /// Why not, when they cannot.
    pub reason: String,
}

pub fn setup(options: &Options) -> Result<Browser> {
    let root = root();
    let wasm_bindgen = lock_version(&read(&root.join("Cargo.lock"))?, "wasm-bindgen")?;
    let trunk_toml = read(&root.join("Trunk.toml"))
        .map_err(|e| format!("{e}\nTrunk.toml is required: [build] offline = true and [tools] wasm_bindgen = \"{wasm_bindgen}\", wasm_opt = \"version_132\""))?;
    check_trunk_toml(&trunk_toml, &wasm_bindgen)?;

    wasm_target()?;
    trunk()?;
    wasm_bindgen_cli(&wasm_bindgen)?;
    npm()?;
    check_wasm_opt(&trunk_toml)?;
    if options.browser {
        browser()
    } else {
        println!("setup: browser check skipped");
        Ok(Browser {
            available: false,
            reason: "skipped on request".into(),
        })
    }
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn wasm_target() -> Result<()> {
    let installed = output(cmd("rustup").args(["target", "list", "--installed"]))
        .ok_or("`rustup target list --installed` failed: is rustup installed?")?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        println!("setup: rust target {WASM_TARGET} present");
        Ok(())
    } else {
        println!("setup: adding rust target {WASM_TARGET}");
        run(cmd("rustup").args(["target", "add", WASM_TARGET]))
    }
}

/// The version in `<tool> --version` output such as `trunk 0.21.14`.
fn tool_version(tool: &str) -> Option<String> {
    let text = output(cmd(tool).arg("--version"))?;
    text.split_whitespace()
        .find(|word| word.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .map(str::to_string)
}

fn trunk() -> Result<()> {
    let found = tool_version("trunk");
    match &found {
        Some(v) if v.starts_with(&format!("{TRUNK_SERIES}.")) => {
            println!("setup: trunk {v} present");
            return Ok(());
        }
        Some(v) => println!(
            "setup: installing trunk ~{TRUNK_SERIES} to replace trunk {v} (cargo install, takes ~7 min)"
        ),
        None => println!("setup: installing trunk ~{TRUNK_SERIES} (cargo install, takes ~7 min)"),
    }
    let mut install = cargo();
    install.args([
        "install",
        "trunk",
        "--version",
        &format!("~{TRUNK_SERIES}"),
        "--locked",
    ]);
    if found.is_some() {
        install.arg("--force");
    }
    run(&mut install)
}

fn wasm_bindgen_cli(version: &str) -> Result<()> {
    let found = tool_version("wasm-bindgen");
    let runner = util::which("wasm-bindgen-test-runner").is_some();
    match &found {
        Some(v) if v == version && runner => {
            println!("setup: wasm-bindgen-cli {v} present");
            return Ok(());
        }
        Some(v) => println!(
            "setup: installing wasm-bindgen-cli {version} to replace {v} (cargo install, takes ~3 min)"
        ),
        None => {
            println!("setup: installing wasm-bindgen-cli {version} (cargo install, takes ~3 min)")
        }
    }
    // No --locked: the CLI's lock file pins a yanked crate and fails to install.
    // A bare version is an exact requirement for `cargo install`.
    let mut install = cargo();
    install.args(["install", "wasm-bindgen-cli", "--version", version]);
    if found.is_some() {
        install.arg("--force");
    }
    run(&mut install)
}

fn npm() -> Result<()> {
    let root = root();
    let wasm_opt = util::node_bin_dir().join("wasm-opt");
    let installed_lock = root.join("node_modules").join(".package-lock.json");
    let reason = if !wasm_opt.is_file() {
        Some("node_modules/.bin/wasm-opt is missing")
    } else if !root
        .join("node_modules/playwright-core/package.json")
        .is_file()
    {
        Some("node_modules/playwright-core is missing")
    } else if newer(&root.join("package-lock.json"), &installed_lock) {
        Some("package-lock.json is newer than node_modules")
    } else {
        None
    };
    match reason {
        None => {
            println!("setup: npm packages present (binaryen, playwright-core, axe-core)");
            Ok(())
        }
        Some(reason) => {
            println!("setup: running npm ci ({reason})");
            run(cmd("npm").args(["ci", "--no-audit", "--no-fund"]))
        }
    }
}

/// Whether `a` was modified after `b` (or `b` is missing).
fn newer(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(a), modified(b)) {
        (Some(a), Some(b)) => a > b,
        (Some(_), None) => true,
        _ => false,
    }
}

fn check_wasm_opt(trunk_toml: &str) -> Result<()> {
    let Some(wanted) = toml_string(trunk_toml, "tools", "wasm_opt") else {
        return Err(
            "Trunk.toml has no [tools] wasm_opt = \"version_132\": without it Trunk tries to \
             download wasm-opt and fails offline"
                .into(),
        );
    };
    let wanted_number = wanted.trim_start_matches("version_");
    let text = output(cmd("wasm-opt").arg("--version"))
        .ok_or("node_modules/.bin/wasm-opt does not run: try `npm ci`")?;
    // "wasm-opt version 132 (version_132)"
    let have = text.split_whitespace().nth(2).unwrap_or_default();
    if have == wanted_number {
        println!("setup: wasm-opt version {have} matches Trunk.toml");
        Ok(())
    } else {
        Err(format!(
            "Trunk.toml [tools] wasm_opt = \"{wanted}\" but node_modules has `{text}`: \
             make them agree (binaryen in package.json)"
        ))
    }
}

fn browser() -> Result<Browser> {
    let present = || Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file();
    if present() {
        println!("setup: {CHROMIUM} and {CHROMEDRIVER} present");
        return Ok(Browser {
            available: true,
            reason: String::new(),
        });
    }
    if !util::is_root() {
        let reason = format!(
            "{CHROMIUM} or {CHROMEDRIVER} is missing and we are not root: browser tests need \
             them (as root: apt-get install -y chromium chromium-driver)"
        );
        println!("setup: {reason}");
        return Ok(Browser {
            available: false,
            reason,
        });
    }
    println!("setup: installing chromium and chromium-driver with apt-get");
    run(cmd("apt-get").arg("update"))?;
    run(cmd("apt-get")
        .args(["install", "-y", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    if present() {
        Ok(Browser {
            available: true,
            reason: String::new(),
        })
    } else {
        Err(format!(
            "apt-get installed chromium but {CHROMIUM} or {CHROMEDRIVER} is still missing"
        ))
    }
}

/// The exact version of `name` in a Cargo.lock; an error when it is absent or
/// when the lock holds several versions of it.
pub fn lock_version(lock: &str, name: &str) -> Result<String> {
    let mut versions: Vec<String> = Vec::new();
    for block in lock.split("[[package]]").skip(1) {
        if toml_string(block, "", "name").as_deref() == Some(name) {
            if let Some(v) = toml_string(block, "", "version") {
                if !versions.contains(&v) {
                    versions.push(v);
                }
            }
        }
    }
    match versions.len() {
        1 => Ok(versions.remove(0)),
        0 => Err(format!("Cargo.lock has no `{name}` package")),
        _ => Err(format!(
            "Cargo.lock has several `{name}` versions ({}); the CLI must match exactly one",
            versions.join(", ")
        )),
    }
}

/// Checks that Trunk.toml pins the wasm-bindgen CLI to the crate's version.
pub fn check_trunk_toml(trunk_toml: &str, wasm_bindgen: &str) -> Result<()> {
    match toml_string(trunk_toml, "tools", "wasm_bindgen") {
        Some(v) if v == wasm_bindgen => {
            println!("setup: Trunk.toml wasm_bindgen = \"{v}\" matches Cargo.lock");
            Ok(())
        }
        Some(v) => Err(format!(
            "Trunk.toml [tools] wasm_bindgen = \"{v}\" but Cargo.lock has wasm-bindgen {wasm_bindgen}: \
             set wasm_bindgen = \"{wasm_bindgen}\" in Trunk.toml"
        )),
        None => Err(format!(
            "Trunk.toml has no [tools] wasm_bindgen: add wasm_bindgen = \"{wasm_bindgen}\" \
             (the wasm-bindgen version in Cargo.lock)"
        )),
    }
}

/// A string value `key = "value"` in `[section]` (use "" for the top level) of a
/// simple TOML text. Enough for Trunk.toml and Cargo.lock; not a TOML parser.
pub fn toml_string(text: &str, section: &str, key: &str) -> Option<String> {
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            current = line
                .trim_matches(|c| c == '[' || c == ']')
                .trim()
                .to_string();
            continue;
        }
        if current != section {
            continue;
        }
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        if k.trim() != key {
            continue;
        }
        let v = v.trim();
        let quote = v.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let rest = &v[1..];
        return rest.find(quote).map(|end| rest[..end].to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.99"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "cfg-if",
]
"#;

    #[test]
    fn reads_exact_crate_version_from_lock() {
        assert_eq!(lock_version(LOCK, "wasm-bindgen").unwrap(), "0.2.130");
        assert!(lock_version(LOCK, "leptos").is_err());
        let twice =
            format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.100\"\n");
        assert!(lock_version(&twice, "wasm-bindgen").is_err());
    }

    #[test]
    fn reads_trunk_tools() {
        let toml = "[build]\noffline = true\nwasm_bindgen = \"x\"\n\n[tools]\n# pinned\nwasm_bindgen = \"0.2.130\" # exact\nwasm_opt = 'version_132'\n";
        assert_eq!(
            toml_string(toml, "tools", "wasm_bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            toml_string(toml, "tools", "wasm_opt").as_deref(),
            Some("version_132")
        );
        assert_eq!(toml_string(toml, "build", "offline"), None);
        assert!(check_trunk_toml(toml, "0.2.130").is_ok());
        assert!(check_trunk_toml(toml, "0.2.131").is_err());
        assert!(check_trunk_toml("[build]\n", "0.2.130").is_err());
    }
}
