//! Shared helpers: project paths, the tool PATH, and running commands.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Errors are plain messages: every failure ends up printed for a human.
pub type Result<T> = std::result::Result<T, String>;

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in a subdirectory of the repository")
        .to_path_buf()
}

/// Where Trunk writes the built app.
pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

/// `node_modules/.bin` of the repository (wasm-opt from binaryen, etc.).
pub fn node_bin_dir() -> PathBuf {
    root().join("node_modules").join(".bin")
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin_dir() -> PathBuf {
    match env::var_os("CARGO_HOME") {
        Some(home) if !home.is_empty() => PathBuf::from(home).join("bin"),
        _ => PathBuf::from(env::var_os("HOME").unwrap_or_default())
            .join(".cargo")
            .join("bin"),
    }
}

/// PATH with `node_modules/.bin` and the cargo bin directory in front, so that
/// Trunk finds wasm-opt (binaryen 132) and wasm-bindgen, and cargo finds
/// wasm-bindgen-test-runner.
pub fn tool_path() -> OsString {
    let mut dirs = vec![node_bin_dir(), cargo_bin_dir()];
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    env::join_paths(dirs).expect("PATH entries contain no separator")
}

/// The first executable called `name` on [`tool_path`].
pub fn which(name: &str) -> Option<PathBuf> {
    env::split_paths(&tool_path())
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// A command that runs in the repository root with [`tool_path`] as PATH.
pub fn cmd(program: &str) -> Command {
    let program = which(program).unwrap_or_else(|| PathBuf::from(program));
    let mut command = Command::new(program);
    command.current_dir(root()).env("PATH", tool_path());
    command
}

/// Runs `cargo` (the rustup proxy, so the active toolchain is used).
pub fn cargo() -> Command {
    cmd("cargo")
}

fn describe(command: &Command) -> String {
    let program = command.get_program().to_string_lossy();
    let program = program.rsplit('/').next().unwrap_or(&program).to_string();
    let mut text = program;
    for arg in command.get_args() {
        let arg = arg.to_string_lossy();
        if arg.is_empty() || arg.contains(' ') {
            text.push_str(&format!(" '{arg}'"));
        } else {
            text.push(' ');
            text.push_str(&arg);
        }
    }
    text
}

/// Runs a command with inherited stdio; fails when it does not exit with 0.
pub fn run(command: &mut Command) -> Result<()> {
    let text = describe(command);
    println!("$ {text}");
    let status = command
        .status()
        .map_err(|e| format!("could not start `{text}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{text}` failed ({status})"))
    }
}

/// Runs a command quietly and returns its trimmed stdout when it succeeds.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Whether this process runs as root (`id -u` prints 0).
pub fn is_root() -> bool {
    output(Command::new("id").arg("-u")).as_deref() == Some("0")
}
