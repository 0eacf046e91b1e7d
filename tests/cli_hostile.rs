//! The command-line tool with hostile files (issue 15, items 10 and 11): control characters
//! from a file never reach the terminal, and a file with no size (a device, a pipe) is read
//! through the same limit as any other.

use std::io::Read as _;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs the tool, killing it when it is not done within `limit`.
fn run(args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_werkmap"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the tool starts");
    let started = Instant::now();
    loop {
        if let Some(_status) = child.try_wait().expect("waits") {
            break;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("werkmap {args:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    if let Some(mut out) = child.stdout.take() {
        let _ = out.read_to_end(&mut stdout);
    }
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_end(&mut stderr);
    }
    child.wait_with_output().map_or(
        Output {
            status: std::process::ExitStatus::default(),
            stdout: Vec::new(),
            stderr: Vec::new(),
        },
        |o| Output {
            status: o.status,
            stdout,
            stderr,
        },
    )
}

fn no_control_bytes(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    !text
        .chars()
        .any(|c| c != '\n' && (c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)))
}

fn scratch(name: &str, contents: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("werkmap-cli-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("writes");
    path.to_string_lossy().into_owned()
}

#[test]
fn a_device_without_a_size_is_read_through_the_limit() {
    if !std::path::Path::new("/dev/zero").exists() {
        eprintln!("SKIPPED: no /dev/zero on this system");
        return;
    }
    // Before: the size 0 of /dev/zero passed the check and the tool read until memory ran out.
    let output = run(
        &["portfolio", "validate", "/dev/zero"],
        Duration::from_secs(60),
    );
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("te groot") && stdout.contains("too large"),
        "{stdout}"
    );

    let out = std::env::temp_dir().join("werkmap-cli-hostile-never.json");
    for args in [
        vec!["vacancies", "import", "/dev/zero", "--out"],
        vec!["occupations", "import-esco", "/dev/zero", "--out"],
        vec!["match", "--portfolio", "/dev/zero", "--lang"],
    ] {
        let mut args = args.clone();
        let out = out.to_string_lossy().into_owned();
        args.push(if args[0] == "match" { "nl" } else { &out });
        let output = run(&args, Duration::from_secs(60));
        assert_eq!(output.status.code(), Some(1), "{args:?}: {output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("too large"), "{args:?}: {stderr}");
    }
}

#[test]
fn control_characters_from_files_never_reach_the_terminal() {
    // An OSC title change, a screen clear, an OSC 52 clipboard write, a C1 CSI, a bidi override.
    let hostile = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}]52;c;ZWNobyBoaQ==\u{7}\u{9b}31m\u{202e}";
    let feed = serde_json::json!([
        { "@type": hostile, "title": "x" },
        { "@type": "JobPosting", "title": format!("Kok {hostile}"), "workHours": hostile },
    ]);
    let path = scratch("feed.json", feed.to_string().as_bytes());
    let out = scratch("out.json", b"");
    let output = run(
        &["vacancies", "import", &path, "--out", &out],
        Duration::from_secs(60),
    );
    assert!(output.status.success(), "{output:?}");
    assert!(
        no_control_bytes(&output.stderr),
        "{:?}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(no_control_bytes(&output.stdout));
    assert!(String::from_utf8_lossy(&output.stderr).contains("\\u{1b}]0;pwned"));

    // serde quotes an unknown value in its message.
    let portfolio = format!(
        r#"{{"format":"werkmap-portfolio","version":2,"app_version":"x","created":"2026-01-01T10:00:00Z","modified":"2026-01-01T10:00:00Z","language":{},"shared":[],"checksum":"sha256:00"}}"#,
        serde_json::Value::from(hostile)
    );
    let path = scratch("p.werkmap.json", portfolio.as_bytes());
    let output = run(&["portfolio", "validate", &path], Duration::from_secs(60));
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(
        no_control_bytes(&output.stdout),
        "{:?}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(no_control_bytes(&output.stderr));

    // A file name is input too.
    let path = scratch("naam\u{1b}[2J.werkmap.json", b"{}");
    let output = run(&["portfolio", "validate", &path], Duration::from_secs(60));
    assert!(no_control_bytes(&output.stdout) && no_control_bytes(&output.stderr));
}
