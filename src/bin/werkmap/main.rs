#![forbid(unsafe_code)]
//! `werkmap`: the command-line tool for loket staff and integrators, on the same core as the
//! app. `selftest check` validates the bundled self-test content; `occupations import-esco`
//! and `occupations search` import the ESCO occupations file and search occupations. `portfolio validate`
//! checks portfolio files. `vacancies import` reads job-site feeds (JSON-LD, CSV) into the
//! app's vacancy file, `vacancies generate` makes realistic synthetic ones, `vacancies
//! publish` makes the static files a site serves to the app, and `match` ranks
//! vacancies for a portfolio with the reasons.
//!
//! The command line is parsed by clap (the commands below, `werkmap help` and `--help` on
//! every command). Exit codes: 0 success, 1 the work failed (a bad file, say), 2 the command
//! line is wrong. Errors in the work are printed in plain Dutch and then in English; errors in
//! the command line are clap's, in English.
// The tool is native only. The wasm32 lint run builds every binary: there this crate is
// empty (clap and getrandom are not wasm32 dependencies).
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

mod kiosk;
mod matching;
mod occupations;
mod people;
mod portfolio_validate;
mod publish;
mod vacancies;

use kiosk::{kiosk_pin, KioskPinArgs};
use occupations::{import_esco, search, ImportEscoArgs, SearchArgs};
use portfolio_validate::{portfolio_validate, ValidateArgs};

use std::path::Path;
use std::process::ExitCode;

use clap::builder::RangedU64ValueParser;
use clap::{CommandFactory as _, Parser, Subcommand};
use time::Date;
use werkmap::core::esco::EscoImportError;
use werkmap::core::selftest::SelfTest;
use werkmap::core::text::{escape_for_terminal, is_hidden_char, Language};
use werkmap::core::vacancy::import::parse_date_text;

pub(crate) const DEFAULT_TOP: usize = 10;
pub(crate) const MAX_TOP: u64 = 10_000;

/// Command-line tool of the Werkmap app.
#[derive(Parser)]
#[command(name = "werkmap", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check the bundled self-test content.
    #[command(subcommand)]
    Selftest(SelftestCommand),
    /// Import the ESCO occupations file, search occupations.
    #[command(subcommand)]
    Occupations(OccupationsCommand),
    /// Check portfolio files, make synthetic ones.
    #[command(subcommand)]
    Portfolio(PortfolioCommand),
    /// Import, generate and publish vacancies.
    #[command(subcommand)]
    Vacancies(VacanciesCommand),
    Match(matching::Args),
    /// Kiosk mode: the staff PIN.
    #[command(subcommand)]
    Kiosk(KioskCommand),
}

#[derive(Subcommand)]
enum SelftestCommand {
    /// Check the bundled self-test questions and rules.
    Check,
}

#[derive(Subcommand)]
enum OccupationsCommand {
    ImportEsco(ImportEscoArgs),
    Search(SearchArgs),
}

#[derive(Subcommand)]
enum PortfolioCommand {
    Validate(ValidateArgs),
    Generate(people::GenerateArgs),
}

#[derive(Subcommand)]
enum VacanciesCommand {
    Import(vacancies::ImportArgs),
    Generate(vacancies::GenerateArgs),
    Publish(publish::Args),
}

#[derive(Subcommand)]
enum KioskCommand {
    Pin(KioskPinArgs),
}

/// A whole number from 1 to `max` (a count, `--top`).
pub(crate) fn count_parser(max: u64) -> RangedU64ValueParser<usize> {
    RangedU64ValueParser::new().range(1..=max)
}

/// The value of the environment variable named by an option (`--passphrase-env`,
/// `--pin-env`).
pub(crate) fn env_value(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("the environment variable {name} is not set"))
}

/// A `--today`.
pub(crate) fn date_value(value: &str) -> Result<Date, String> {
    parse_date_text(value).ok_or_else(|| "not a date YYYY-MM-DD".to_owned())
}

/// A failure of the work, with the plain message in both languages (exit code 1).
pub(crate) struct Failure {
    nl: String,
    en: String,
}

impl Failure {
    pub(crate) fn new(nl: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            nl: nl.into(),
            en: en.into(),
        }
    }

    fn esco(error: &EscoImportError) -> Self {
        Self::new(error.message(Language::Nl), error.message(Language::En))
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help, version or a wrong command line, as plain text through the escaping
            // (an argument can be a file name); exit code 0 or 2.
            let text = safe(&error.render().to_string());
            if error.use_stderr() {
                eprint!("{text}");
            } else {
                print!("{text}");
            }
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let Some(command) = cli.command else {
        print!("{}", safe(&Cli::command().render_help().to_string()));
        return ExitCode::SUCCESS;
    };
    let result = match command {
        Command::Selftest(SelftestCommand::Check) => selftest_check(),
        Command::Occupations(OccupationsCommand::ImportEsco(args)) => import_esco(&args),
        Command::Occupations(OccupationsCommand::Search(args)) => search(&args),
        Command::Portfolio(PortfolioCommand::Validate(args)) => portfolio_validate(&args),
        Command::Portfolio(PortfolioCommand::Generate(args)) => people::generate(&args),
        Command::Vacancies(VacanciesCommand::Import(args)) => vacancies::import(&args),
        Command::Vacancies(VacanciesCommand::Generate(args)) => vacancies::generate(&args),
        Command::Vacancies(VacanciesCommand::Publish(args)) => publish::run(&args),
        Command::Match(args) => matching::run(&args),
        Command::Kiosk(KioskCommand::Pin(args)) => kiosk_pin(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            warn(format!("fout: {}", failure.nl));
            warn(format!("error: {}", failure.en));
            ExitCode::FAILURE
        }
    }
}

fn selftest_check() -> Result<(), Failure> {
    match SelfTest::bundled() {
        Ok(selftest) => {
            let questions = selftest.questionnaire.questions().count();
            say(format!(
                "self-test content is valid: {} topics, {questions} questions, rules version {}",
                selftest.questionnaire.topics.len(),
                selftest.rules.version
            ));
            Ok(())
        }
        Err(error) => Err(Failure::new(
            format!("de inhoud van de zelftest klopt niet: {error}"),
            error.to_string(),
        )),
    }
}

/// Prints a line on stdout. Every line the tool prints goes through here or [`warn`], so a
/// control character from an input file (a terminal command: a title change, a screen
/// clear, a clipboard write) is shown as `\u{1b}`, never sent to the terminal.
pub(crate) fn say(text: impl AsRef<str>) {
    println!("{}", safe(text.as_ref()));
}

/// Prints a line on stderr, escaped as [`say`] does.
pub(crate) fn warn(text: impl AsRef<str>) {
    eprintln!("{}", safe(text.as_ref()));
}

/// Prints JSON: control characters inside its strings written as JSON escapes (serde_json
/// escapes those below U+0020 itself, not C1 controls, bidi overrides or zero-width ones).
pub(crate) fn say_json(text: &str) {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden_char(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    println!("{out}");
}

/// Each line of a message with [`escape_for_terminal`] (the tool's own line breaks stay).
pub(crate) fn safe(text: &str) -> String {
    text.split('\n')
        .map(escape_for_terminal)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Why a file could not be read.
pub(crate) enum ReadError {
    Io(std::io::Error),
    /// Larger than the limit: its size, or the limit plus one when it has no size (a pipe,
    /// a device).
    TooLarge(usize),
}

/// Reads at most `limit` bytes of a file. A regular file over the limit is refused by its
/// size before reading; anything else (a pipe, `/dev/zero`) is read through a limit, so no
/// command reads more than its limit and a byte.
pub(crate) fn read_capped(path: &str, limit: usize) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let size = file.metadata().map_err(ReadError::Io)?.len();
    if size > limit as u64 {
        return Err(ReadError::TooLarge(
            usize::try_from(size).unwrap_or(usize::MAX),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).min(limit));
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge(bytes.len()));
    }
    Ok(bytes)
}

/// Reads a file for import, refusing one over `limit` bytes (`too_large` says why, with
/// the size) without reading more than that.
pub(crate) fn read_limited(
    path: &str,
    limit: usize,
    too_large: impl Fn(usize) -> Failure,
) -> Result<Vec<u8>, Failure> {
    read_capped(path, limit).map_err(|error| match error {
        ReadError::Io(e) => Failure::new(
            format!("kan {path} niet lezen: {e}"),
            format!("cannot read {path}: {e}"),
        ),
        ReadError::TooLarge(size) => too_large(size),
    })
}

/// Writes next to the target first and then renames, so a failed write leaves an existing
/// catalogue file as it was.
pub(crate) fn write_atomically(path: &Path, contents: &str) -> Result<(), Failure> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    let temporary = Path::new(&temporary);
    let failed = |e: std::io::Error| {
        Failure::new(
            format!("kan {} niet schrijven: {e}", path.display()),
            format!("cannot write {}: {e}", path.display()),
        )
    };
    std::fs::write(temporary, contents).map_err(failed)?;
    std::fs::rename(temporary, path).map_err(|e| {
        let _ = std::fs::remove_file(temporary);
        failed(e)
    })
}
