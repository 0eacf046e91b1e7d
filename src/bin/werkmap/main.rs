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

mod matching;
mod people;
mod publish;
mod vacancies;

use std::path::Path;
use std::process::ExitCode;

use clap::builder::RangedU64ValueParser;
use clap::{CommandFactory as _, Parser, Subcommand};
use serde::Serialize;
use time::Date;
use werkmap::core::esco::{import_occupations, EscoCatalog, EscoImportError, MAX_FILE_BYTES};
use werkmap::core::occupation::OccupationCatalog;
use werkmap::core::portfolio::{self, Inspected, PortfolioError};
use werkmap::core::search::{catalog_documents, esco_documents, SearchDocument, SearchIndex};
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

/// Import the ESCO occupations file into a catalogue file.
#[derive(clap::Args)]
struct ImportEscoArgs {
    /// The ESCO occupations file (occupations_nl.csv).
    #[arg(value_name = "CSV")]
    input: String,
    /// The catalogue file to write.
    #[arg(long, value_name = "FILE")]
    out: String,
}

/// Search occupations, by name or by what the work is (iets met paarden).
///
/// Searches the bundled catalogue unless --esco or --catalog is given.
#[derive(clap::Args)]
struct SearchArgs {
    /// The words to search for.
    #[arg(value_name = "QUERY", required = true)]
    words: Vec<String>,
    /// Search an ESCO occupations file (joined with what the bundled catalogue knows).
    #[arg(long, value_name = "CSV", conflicts_with = "catalog")]
    esco: Option<String>,
    /// Search a catalogue file of `werkmap occupations import-esco`.
    #[arg(long, value_name = "FILE")]
    catalog: Option<String>,
    /// How many results.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_TOP, value_parser = count_parser(MAX_TOP))]
    top: usize,
    /// Print a JSON array of {uri, label, score, matched, matched_words, fits_well}, best
    /// first: score is 0..1, matched the name that matched (null when only what the work is
    /// matched), matched_words the words of the description that matched, fits_well the rule
    /// for a good fit.
    #[arg(long)]
    json: bool,
}

/// Check portfolio files (*.werkmap.json).
///
/// Exit 0 when every file is valid, else one line per invalid file and exit 1. An encrypted
/// file is checked fully with the passphrase from --passphrase-env; without it only its
/// envelope is checked (a note on stderr) and it counts as valid.
#[derive(clap::Args)]
struct ValidateArgs {
    /// The portfolio files.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
    /// The environment variable that holds the passphrase of encrypted files.
    #[arg(long = "passphrase-env", value_name = "VAR", value_parser = env_value)]
    passphrase: Option<String>,
}

/// Hash a new staff PIN (4 to 8 digits; 8 is advised) for kiosk mode.
///
/// The PIN is read from the environment variable of --pin-env, else from the first line of
/// stdin. --out writes it into kiosk.json (keeping its times, dropping a plain staff_pin),
/// else it is printed.
#[derive(clap::Args)]
struct KioskPinArgs {
    /// The environment variable that holds the PIN.
    #[arg(long = "pin-env", value_name = "VAR", value_parser = env_value)]
    pin: Option<String>,
    /// The kiosk.json to write the hash into.
    #[arg(long, value_name = "FILE")]
    out: Option<String>,
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

/// `kiosk pin`: a salted Argon2id hash of a new staff PIN for kiosk.json.
fn kiosk_pin(args: &KioskPinArgs) -> Result<(), Failure> {
    use werkmap::core::kiosk::{KioskConfig, PinHash, PIN_SALT_LEN};
    let pin = match &args.pin {
        Some(pin) => pin.clone(),
        None => {
            warn("Typ de nieuwe personeelscode (4 tot 8 cijfers) en Enter / Type the new staff PIN (4 to 8 digits) and Enter:");
            let mut line = String::new();
            std::io::stdin().read_line(&mut line).map_err(|e| {
                Failure::new(
                    format!("kan de code niet lezen: {e}"),
                    format!("cannot read the PIN: {e}"),
                )
            })?;
            line
        }
    };
    let salt = random_salt::<PIN_SALT_LEN>()?;
    let hash = PinHash::new(&pin, salt)
        .map_err(|e| Failure::new(e.message(Language::Nl), e.message(Language::En)))?;
    let mut config = KioskConfig {
        staff_pin_hash: Some(hash),
        ..KioskConfig::default()
    };
    let Some(out) = args.out.as_deref() else {
        say(config.to_json());
        return Ok(());
    };
    // Keep the times of an existing file, whatever else it holds (a plain PIN goes).
    if let Ok(bytes) = read_capped(out, 64 * 1024) {
        if let Ok(old) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            let seconds = |key: &str| {
                old.get(key)
                    .and_then(serde_json::Value::as_u64)
                    .and_then(|n| u32::try_from(n).ok())
            };
            if let Some(s) = seconds("inactivity_seconds") {
                config.inactivity_seconds = s;
            }
            if let Some(s) = seconds("warning_seconds") {
                config.warning_seconds = s;
            }
        }
    }
    let text = config.to_json();
    KioskConfig::parse(&text)
        .map_err(|e| Failure::new(e.message(Language::Nl), e.message(Language::En)))?;
    write_atomically(Path::new(out), &text)?;
    say(format!(
        "de personeelscode staat versleuteld in {out} / the staff PIN is stored hashed in {out}"
    ));
    Ok(())
}

/// Random bytes from the operating system.
fn random_salt<const N: usize>() -> Result<[u8; N], Failure> {
    let mut salt = [0u8; N];
    getrandom::fill(&mut salt).map_err(|e| {
        Failure::new(
            format!("geen willekeurige getallen van het systeem: {e}"),
            format!("no random numbers from the system: {e}"),
        )
    })?;
    Ok(salt)
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

/// Reads an ESCO file, refusing one over the importer's limit before reading it.
fn read_input(path: &str) -> Result<Vec<u8>, Failure> {
    read_limited(path, MAX_FILE_BYTES, |size| {
        Failure::esco(&EscoImportError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        })
    })
}

fn import_esco(args: &ImportEscoArgs) -> Result<(), Failure> {
    let (input, out) = (args.input.as_str(), args.out.as_str());
    let bytes = read_input(input)?;
    let catalog = import_occupations(&bytes).map_err(|e| Failure::esco(&e))?;
    write_atomically(Path::new(out), &catalog.to_json())?;
    let alt: usize = catalog.occupations.iter().map(|o| o.alt_labels.len()).sum();
    let hidden: usize = catalog
        .occupations
        .iter()
        .map(|o| o.hidden_labels.len())
        .sum();
    say(format!(
        "imported {} occupations ({alt} alternative labels, {hidden} hidden labels) from {input} into {out}",
        catalog.occupations.len()
    ));
    if let Some(summary) = catalog.skipped.summary(Language::En) {
        say(summary);
    }
    Ok(())
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

enum Source<'a> {
    Bundled,
    Esco(&'a str),
    Catalog(&'a str),
}

#[derive(Serialize)]
struct JsonHit<'a> {
    uri: &'a str,
    label: &'a str,
    score: f64,
    /// The name (label or synonym) that matched; `null` when only what the work is matched.
    matched: Option<&'a str>,
    /// Words of the description or "what you do" sentences that matched, as written there.
    matched_words: &'a [String],
    fits_well: bool,
}

fn search(args: &SearchArgs) -> Result<(), Failure> {
    let source = match (&args.esco, &args.catalog) {
        (Some(path), _) => Source::Esco(path),
        (None, Some(path)) => Source::Catalog(path),
        (None, None) => Source::Bundled,
    };
    let (top, json) = (args.top, args.json);
    let query = args.words.join(" ");
    let docs = documents(&source)?;
    let index = SearchIndex::new(docs);
    let hits = index.search(&query, top);
    if json {
        let out: Vec<JsonHit> = hits
            .iter()
            .map(|h| JsonHit {
                uri: &h.key,
                label: &h.label,
                score: (f64::from(h.score) * 1000.0).round() / 1000.0,
                matched: (!h.matched.is_empty()).then_some(h.matched.as_str()),
                matched_words: &h.matched_words,
                fits_well: h.fits_well(),
            })
            .collect();
        match serde_json::to_string_pretty(&out) {
            Ok(text) => say_json(&text),
            Err(e) => return Err(Failure::new(e.to_string(), e.to_string())),
        }
    } else if hits.is_empty() {
        say("geen beroepen gevonden / no occupations found");
    } else {
        if !hits.iter().any(|h| h.fits_well()) {
            println!(
                "niets past goed; probeer de interessetest in de app / nothing fits well; try the interest check in the app"
            );
        }
        for hit in &hits {
            let mut why = Vec::new();
            if !hit.matched.is_empty() && hit.matched != hit.label {
                why.push(format!("via \"{}\"", hit.matched));
            }
            if !hit.matched_words.is_empty() {
                why.push(format!(
                    "past bij / matches: {}",
                    hit.matched_words.join(", ")
                ));
            }
            let why = if why.is_empty() {
                String::new()
            } else {
                format!("  ({})", why.join("; "))
            };
            say(format!(
                "{:.2}  {}{why}  <{}>",
                hit.score, hit.label, hit.key
            ));
        }
    }
    Ok(())
}

fn documents(source: &Source) -> Result<Vec<SearchDocument>, Failure> {
    let bundled = OccupationCatalog::bundled().map_err(|error| {
        Failure::new(
            format!("de ingebouwde beroepenlijst klopt niet: {error}"),
            format!("the bundled occupation catalogue is invalid: {error}"),
        )
    })?;
    match *source {
        Source::Bundled => Ok(catalog_documents(&bundled)),
        Source::Esco(path) => {
            let bytes = read_input(path)?;
            let catalog = import_occupations(&bytes).map_err(|e| Failure::esco(&e))?;
            Ok(esco_documents(&catalog, &bundled))
        }
        Source::Catalog(path) => {
            // The catalogue file is JSON of an imported ESCO file: a few times its size.
            let limit = 4 * MAX_FILE_BYTES;
            let bytes = read_limited(path, limit, |size| {
                Failure::new(
                    format!("{path} is te groot ({size} bytes; hooguit {limit})"),
                    format!("{path} is too large ({size} bytes; at most {limit})"),
                )
            })?;
            let text = String::from_utf8_lossy(&bytes);
            let catalog = EscoCatalog::from_json(&text).map_err(|e| {
                Failure::new(
                    format!("{path} is geen beroepenbestand van `werkmap occupations import-esco`: {e}"),
                    format!("{path} is not a catalogue file from `werkmap occupations import-esco`: {e}"),
                )
            })?;
            Ok(esco_documents(&catalog, &bundled))
        }
    }
}

/// `portfolio validate`: one line per invalid file on stdout (`<path>: <nl> / <en>`), exit 1
/// when there is any. Never panics: the importer refuses any bytes with a reason.
fn portfolio_validate(args: &ValidateArgs) -> Result<(), Failure> {
    let (files, passphrase) = (&args.files, &args.passphrase);
    let mut invalid = 0usize;
    for path in files {
        match validate_file(path, passphrase.as_deref()) {
            Ok(None) => {}
            Ok(Some(note)) => warn(format!("{path}: {note}")),
            Err((nl, en)) => {
                invalid += 1;
                say(format!("{path}: {nl} / {en}"));
            }
        }
    }
    if invalid == 0 {
        Ok(())
    } else {
        Err(Failure::new(
            format!("{invalid} van de {} bestanden is ongeldig", files.len()),
            format!("{invalid} of {} files invalid", files.len()),
        ))
    }
}

/// `Ok(None)`: valid; `Ok(Some(note))`: valid as far as it could be checked; `Err`: the
/// Dutch and English reason.
fn validate_file(path: &str, passphrase: Option<&str>) -> Result<Option<String>, (String, String)> {
    let refused =
        |error: PortfolioError| (error.message(Language::Nl), error.message(Language::En));
    let unreadable = |e: std::io::Error| {
        (
            format!("kan het bestand niet lezen ({e})"),
            format!("cannot read the file ({e})"),
        )
    };
    let bytes = read_capped(path, portfolio::MAX_FILE_BYTES).map_err(|error| match error {
        ReadError::Io(e) => unreadable(e),
        ReadError::TooLarge(size) => refused(PortfolioError::TooLarge {
            size,
            limit: portfolio::MAX_FILE_BYTES,
        }),
    })?;
    match portfolio::inspect(&bytes).map_err(refused)? {
        Inspected::Plain { .. } => Ok(None),
        Inspected::Encrypted => match passphrase {
            Some(passphrase) => portfolio::open(&bytes, Some(passphrase))
                .map(|_| None)
                .map_err(refused),
            None => Ok(Some(
                "versleuteld, niet gecontroleerd zonder wachtwoord / encrypted, not checked without a passphrase"
                    .to_owned(),
            )),
        },
    }
}
